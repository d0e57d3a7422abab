using System.Buffers.Binary;
using RawNet.Protocols.Ppp;

namespace RawNet.Protocols.Pppoe;

/// <summary>
/// A view over a PPPoE session header (EtherType 0x8864, RFC 2516 section 4) and the PPP protocol field that follows it:
/// the session stage's frames carry PPP without its address and control bytes, and the protocol field may be cut to
/// one byte by protocol field compression (RFC 1661 section 6.5: a first byte that is odd is the whole field).
/// <code>
/// +-------+-------+---------------+-------------------------------+
/// |  ver  | type  |  code (0x00)  |  session id                   |
/// +-------+-------+---------------+-------------------------------+
/// |  payload length (PPP and on)  |  PPP protocol                 |
/// +-------------------------------+-------------------------------+
/// </code>
/// </summary>
public readonly ref struct PppoeSessionHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int VersionAndType = 0;
        public const int Code = 1;
        public const int SessionId = 2;
        public const int PayloadLength = 4;
        public const int PppProtocol = 6;
    }

    /// <summary>The session header itself, without the PPP protocol field.</summary>
    public const int SessionLength = 6;

    /// <summary>The session header and an uncompressed PPP protocol field.</summary>
    public const int Length = 8;

    /// <summary>The session header and a compressed (one-byte) PPP protocol field: the shortest whole header.</summary>
    public const int MinimumLength = SessionLength + 1;

    /// <summary>
    /// What the decoder's PPPoE layer covers for the captured <paramref name="bytes"/>: the session header and the
    /// protocol field, one byte when it is compressed, else two. tshark and tcpdump both read two bytes before they look
    /// for compression, so a frame that ends after one byte is cut whatever that byte is.
    /// </summary>
    public static int LengthOf(ReadOnlySpan<byte> bytes) => bytes.Length >= Length && IsCompressed(bytes[Field.PppProtocol]) ? MinimumLength : Length;

    /// <summary>RFC 1661 6.5: protocol numbers are odd in their last byte and even in the first, so an odd first byte is a compressed field.</summary>
    private static bool IsCompressed(byte first) => (first & 1) != 0;

    private readonly ReadOnlySpan<byte> _bytes;

    private PppoeSessionHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>
    /// Wraps <paramref name="bytes"/> (a frame from the header on, or the decoder's layer of <see cref="LengthOf"/>
    /// bytes) if it holds the session header and the whole PPP protocol field.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out PppoeSessionHeader header)
    {
        bool whole = bytes.Length >= Length || bytes.Length == MinimumLength && IsCompressed(bytes[Field.PppProtocol]);
        header = whole ? new PppoeSessionHeader(bytes) : default;
        return whole;
    }

    /// <summary>The session id and declared payload length of a session header whose protocol field may be missing; false when fewer than <see cref="SessionLength"/> bytes.</summary>
    public static bool TryReadSession(ReadOnlySpan<byte> bytes, out ushort sessionId, out int payloadLength)
    {
        bool whole = bytes.Length >= SessionLength;
        sessionId = whole ? BinaryPrimitives.ReadUInt16BigEndian(bytes[Field.SessionId..]) : (ushort)0;
        payloadLength = whole ? BinaryPrimitives.ReadUInt16BigEndian(bytes[Field.PayloadLength..]) : 0;
        return whole;
    }

    /// <summary>The PPP protocol field's length: 1 when compressed, else 2.</summary>
    public int ProtocolLength => IsCompressed(_bytes[Field.PppProtocol]) ? 1 : 2;

    /// <summary>The session header and the protocol field: where PPP's payload starts.</summary>
    public int HeaderLength => SessionLength + ProtocolLength;

    /// <summary>The session the frame belongs to.</summary>
    public ushort SessionId => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.SessionId..]);

    /// <summary>Bytes after the session header (the PPP protocol field counts), as the sender wrote it.</summary>
    public int PayloadLength => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.PayloadLength..]);

    /// <summary>What the PPP frame carries (a compressed field is the number's low byte: 0x21 is IPv4's 0x0021).</summary>
    public PppProtocol Protocol => ProtocolLength == 1
        ? (PppProtocol)_bytes[Field.PppProtocol]
        : (PppProtocol)BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.PppProtocol..]);
}
