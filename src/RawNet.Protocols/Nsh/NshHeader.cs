using System.Buffers.Binary;

namespace RawNet.Protocols.Nsh;

/// <summary>What an NSH header's next protocol field names (RFC 8300 11.6).</summary>
public enum NshNextProtocol : byte
{
    Ipv4 = 1,
    Ipv6 = 2,
    Ethernet = 3,
    Nsh = 4,
    Mpls = 5,
}

/// <summary>
/// A view over a Network Service Header (RFC 8300 2): the base header, the service path header, then context headers:
/// four fixed words for MD type 1, variable-length TLVs (class, type, a 7-bit length in bytes, the value padded to
/// 4 bytes) for MD type 2.
/// <code>
/// +---+-+-+-----------+-----------+-------+-------+---------------+
/// |Ver|O|U|    TTL    |  Length   |U|U|U|U|MD Type| Next Protocol |
/// +---+-+-+-----------+-----------+-------+-------+---------------+
/// |      Service Path Identifier (SPI, 24)        | Service Index |
/// +-----------------------------------------------+---------------+
/// ~                  Context Header(s)                            ~
/// </code>
/// </summary>
public readonly ref struct NshHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Flags = 0;
        public const int MdType = 2;
        public const int NextProtocol = 3;
        public const int ServicePath = 4;
        public const int ServiceIndex = 7;
        public const int Context = 8;
    }

    /// <summary>Masks of the fields in the first 16-bit word.</summary>
    public static class Mask
    {
        public const ushort Version = 0xC000;
        public const ushort Oam = 0x2000;
        public const ushort Critical = 0x1000;
        public const ushort Ttl = 0x0FC0;
        public const ushort Length = 0x003F;
    }

    /// <summary>The base and service path headers' length.</summary>
    public const int Length = 8;

    /// <summary>The length of MD type 1's four fixed context headers, and of one of them.</summary>
    public const int FixedContextLength = 16, ContextHeaderLength = 4;

    /// <summary>The MD types with context headers of their own layout.</summary>
    public const byte MdType1 = 1, MdType2 = 2;

    /// <summary>The length of an MD type 2 TLV's header (class, type, length).</summary>
    public const int TlvHeaderLength = 4;

    /// <summary>The mask of an MD type 2 TLV's length, in its fourth byte (the bit above it is unassigned).</summary>
    public const byte TlvLengthMask = 0x7F;

    private readonly ReadOnlySpan<byte> _bytes;

    private NshHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if the base and service path headers are there.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out NshHeader header)
    {
        header = bytes.Length >= Length ? new NshHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    private ushort Word => BinaryPrimitives.ReadUInt16BigEndian(_bytes);

    /// <summary>The version (2 bits).</summary>
    public int Version => (Word & Mask.Version) >> 14;

    /// <summary>The OAM bit.</summary>
    public bool Oam => (Word & Mask.Oam) != 0;

    /// <summary>The header's length in 4-byte words as sent (6 bits).</summary>
    public int LengthWords => Word & Mask.Length;

    /// <summary>The MD type byte (its top four bits are unassigned).</summary>
    public byte MdType => _bytes[Field.MdType];

    /// <summary>The next protocol.</summary>
    public NshNextProtocol NextProtocol => (NshNextProtocol)_bytes[Field.NextProtocol];

    /// <summary>The service path identifier (24 bits).</summary>
    public uint ServicePathIdentifier => BinaryPrimitives.ReadUInt32BigEndian(_bytes[Field.ServicePath..]) >> 8;

    /// <summary>The service index.</summary>
    public byte ServiceIndex => _bytes[Field.ServiceIndex];

    /// <summary>
    /// Where tshark 4.0 starts what NSH carries, from the header's start: 24 for MD type 1 whatever the length says, at
    /// least 8 for MD type 2, at least 4 for the other MD types, else the length in bytes.
    /// </summary>
    public static int PayloadOffset(ushort word, byte mdType)
    {
        int bytes = (word & Mask.Length) * 4;
        return mdType switch
        {
            MdType1 => Length + FixedContextLength,
            MdType2 => Math.Max(bytes, Length),
            _ => Math.Max(bytes, 4),
        };
    }

    /// <summary>
    /// True when the length field is not what the MD type needs (tshark's nsh.length.invalid): 6 for MD type 1, at
    /// least 2 for MD type 2, at least 1 otherwise.
    /// </summary>
    public static bool IsLengthInvalid(ushort word, byte mdType) => mdType switch
    {
        MdType1 => (word & Mask.Length) != 6,
        MdType2 => (word & Mask.Length) < 2,
        _ => (word & Mask.Length) < 1,
    };

    /// <summary>
    /// How many bytes from the header's start tshark 4.0 reads fields from: the base and service path headers, MD type
    /// 1's context headers, or MD type 2's TLVs up to the first that starts at or past the length (the last may run past
    /// it); <paramref name="bytes"/> is what was captured, and a TLV whose header is not all there ends the walk at its
    /// end.
    /// </summary>
    public static int FieldsLength(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Length)
            return Length;
        byte mdType = bytes[Field.MdType];
        if (mdType == MdType1)
            return Length + FixedContextLength;
        if (mdType != MdType2)
            return Length;
        int end = PayloadOffset(BinaryPrimitives.ReadUInt16BigEndian(bytes), mdType);
        int at = Length;
        // The length field bounds the walk to 252 bytes, and every TLV takes at least 4.
        while (at < end)
        {
            if (at + TlvHeaderLength > bytes.Length)
                return at + TlvHeaderLength;
            int length = bytes[at + 3] & TlvLengthMask;
            at += TlvHeaderLength;
            if (length > 0)
            {
                if (at + length > bytes.Length)
                    return at + length;
                at += (length + 3) / 4 * 4;
            }
        }
        return Math.Max(at, Length);
    }

    /// <summary>
    /// The start (from the header's start) of MD type 2 TLV number <paramref name="index"/> as tshark walks them,
    /// counting only those with a value when <paramref name="withValue"/>; false when there is no such TLV that starts
    /// in <paramref name="bytes"/> (the last one's header may be cut short).
    /// </summary>
    public static bool TryFindTlv(ReadOnlySpan<byte> bytes, int index, bool withValue, out int start)
    {
        start = 0;
        if (bytes.Length < Length || bytes[Field.MdType] != MdType2)
            return false;
        int end = PayloadOffset(BinaryPrimitives.ReadUInt16BigEndian(bytes), MdType2);
        for (int at = Length; at < end && at < bytes.Length;)
        {
            if (at + TlvHeaderLength > bytes.Length)
            {
                // A TLV header the capture cuts: its first fields may still be there.
                start = at;
                return !withValue && index == 0;
            }
            int length = bytes[at + 3] & TlvLengthMask;
            if (!withValue || length > 0)
            {
                if (index-- == 0)
                {
                    start = at;
                    return true;
                }
            }
            at += TlvHeaderLength + (length + 3) / 4 * 4;
        }
        return false;
    }
}
