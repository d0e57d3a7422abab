using System.Buffers.Binary;

namespace RawNet.Protocols.Tls;

/// <summary>The record content types (RFC 8446 5.1, RFC 6520 heartbeat, RFC 9146 connection ID).</summary>
public enum TlsContentType : byte
{
    ChangeCipherSpec = 20,
    Alert = 21,
    Handshake = 22,
    ApplicationData = 23,
    Heartbeat = 24,
    ConnectionId = 25,
}

/// <summary>
/// A TLS record header (RFC 8446 5.1), a view over its five bytes:
/// <code>
///  0        1        2        3        4
/// +--------+--------+--------+--------+--------+--------------------
/// |  type  |     version     |     length      |  fragment (length)
/// +--------+--------+--------+--------+--------+--------------------
/// </code>
/// The length does not count the header.
/// </summary>
public readonly ref struct TlsRecordHeader
{
    /// <summary>Offsets of the header's fields.</summary>
    public static class Field
    {
        public const int ContentType = 0;
        public const int Version = 1;
        public const int Length = 3;
    }

    /// <summary>The header's length.</summary>
    public const int Length = 5;

    private readonly ReadOnlySpan<byte> _bytes;

    private TlsRecordHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Reads a header from the start of <paramref name="bytes"/>; false when fewer than five bytes are there.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out TlsRecordHeader header)
    {
        header = default;
        if (bytes.Length < Length)
            return false;
        header = new TlsRecordHeader(bytes[..Length]);
        return true;
    }

    /// <summary>The content type byte.</summary>
    public byte ContentType => _bytes[Field.ContentType];

    /// <summary>The record's protocol version (0x0303 for TLS 1.2 and 1.3 records).</summary>
    public ushort Version => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Version..]);

    /// <summary>The fragment's length, without the header.</summary>
    public ushort FragmentLength => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Length..]);

    /// <summary>The record's whole length with its header.</summary>
    public int RecordLength => Length + FragmentLength;

    /// <summary>True for a content type tshark 4.0 reads as a record (20 to 25); any other ends its reading of the segment.</summary>
    public static bool IsKnownType(byte type) => type is >= (byte)TlsContentType.ChangeCipherSpec and <= (byte)TlsContentType.ConnectionId;
}
