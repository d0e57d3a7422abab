using System.Buffers.Binary;

namespace RawNet.Protocols.Udp;

/// <summary>
/// A view over a UDP header (RFC 768).
/// <code>
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |          Source Port          |       Destination Port        |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |            Length             |           Checksum            |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </summary>
public readonly ref struct UdpHeader
{
    /// <summary>Byte offsets of the header's fields.</summary>
    public static class Field
    {
        public const int SourcePort = 0;
        public const int DestinationPort = 2;
        public const int Length = 4;
        public const int Checksum = 6;
    }

    /// <summary>Length of the header.</summary>
    public const int HeaderLength = 8;

    private readonly ReadOnlySpan<byte> _bytes;

    private UdpHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> (the header on) if it holds the whole header, <see cref="HeaderLength"/> bytes.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out UdpHeader header)
    {
        bool whole = bytes.Length >= HeaderLength;
        header = whole ? new UdpHeader(bytes) : default;
        return whole;
    }

    public ushort SourcePort => BinaryPrimitives.ReadUInt16BigEndian(_bytes);
    public ushort DestinationPort => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.DestinationPort..]);

    /// <summary>Whether either port is <paramref name="port"/> (how tshark's port table reaches a dissector).</summary>
    public bool HasPort(ushort port) => SourcePort == port || DestinationPort == port;

    /// <summary>Length of header and data as the header declares it.</summary>
    public ushort Length => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Length..]);
    public ushort Checksum => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Checksum..]);
}
