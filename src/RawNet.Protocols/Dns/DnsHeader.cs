using System.Buffers.Binary;

namespace RawNet.Protocols.Dns;

/// <summary>
/// A view over a DNS message header (RFC 1035 4.1.1, RFC 2535 for AD and CD).
/// <code>
///  0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
/// +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
/// |                      ID                       |
/// +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
/// |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
/// +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
/// |                    QDCOUNT                    |
/// |                    ANCOUNT                    |
/// |                    NSCOUNT                    |
/// |                    ARCOUNT                    |
/// +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
/// </code>
/// </summary>
public readonly ref struct DnsHeader
{
    /// <summary>Byte offsets of the header's fields.</summary>
    public static class Field
    {
        public const int Id = 0;
        public const int Flags = 2;
        public const int QuestionCount = 4;
        public const int AnswerCount = 6;
        public const int AuthorityCount = 8;
        public const int AdditionalCount = 10;
    }

    /// <summary>Bits of the flags word.</summary>
    public static class Flag
    {
        public const ushort Response = 0x8000;
        public const ushort OpcodeMask = 0x7800;
        public const ushort Authoritative = 0x0400;
        public const ushort Truncated = 0x0200;
        public const ushort RecursionDesired = 0x0100;
        public const ushort RecursionAvailable = 0x0080;
        public const ushort Z = 0x0040;
        public const ushort AuthenticatedData = 0x0020;
        public const ushort CheckingDisabled = 0x0010;
        public const ushort RcodeMask = 0x000F;
    }

    /// <summary>Length of the header.</summary>
    public const int Length = 12;

    /// <summary>The opcode of an UPDATE (RFC 2136), whose sections have other names.</summary>
    public const int UpdateOpcode = 5;

    private readonly ReadOnlySpan<byte> _bytes;

    private DnsHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="message"/> when it holds a whole header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out DnsHeader header)
    {
        header = message.Length >= Length ? new DnsHeader(message) : default;
        return message.Length >= Length;
    }

    public ushort Id => BinaryPrimitives.ReadUInt16BigEndian(_bytes);
    public ushort Flags => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.Flags..]);
    public bool IsResponse => (Flags & Flag.Response) != 0;
    public int Opcode => (Flags & Flag.OpcodeMask) >> 11;
    public int Rcode => Flags & Flag.RcodeMask;
    public ushort QuestionCount => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.QuestionCount..]);
    public ushort AnswerCount => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.AnswerCount..]);
    public ushort AuthorityCount => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.AuthorityCount..]);
    public ushort AdditionalCount => BinaryPrimitives.ReadUInt16BigEndian(_bytes[Field.AdditionalCount..]);
}
