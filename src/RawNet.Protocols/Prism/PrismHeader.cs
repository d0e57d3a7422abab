using System.Buffers.Binary;

namespace RawNet.Protocols.Prism;

/// <summary>
/// The two monitor-mode headers older Linux drivers put before an 802.11 frame. Prism (LINKTYPE_PRISM_HEADER, 119): a
/// message code and length (little-endian), a 16-byte device name and ten 12-byte items, 144 bytes whatever its length
/// field says (as tshark and tcpdump read it). AVS (LINKTYPE_IEEE802_11_AVS, 163, or 119 when the frame starts with
/// AVS's magic): a big-endian magic and version word and the header's length, which says where the frame starts.
/// <code>
/// Prism: | msgcode (4, LE) | msglen (4, LE) | devname (16) | 10 × (did 4, status 2, length 2, data 4) |
/// AVS:   | magic 0x802110 + version (4) | length (4) | ... radio fields ... |
/// </code>
/// </summary>
public static class PrismHeader
{
    /// <summary>Byte offsets of the fields both read.</summary>
    public static class Field
    {
        public const int PrismMessageCode = 0;
        public const int PrismMessageLength = 4;
        public const int AvsVersion = 0;
        public const int AvsLength = 4;
    }

    /// <summary>The length of a Prism header.</summary>
    public const int PrismLength = 144;

    /// <summary>What AVS needs to say where the frame starts.</summary>
    public const int AvsFixedLength = 8;

    /// <summary>The AVS magic in the top 24 bits of the first word.</summary>
    public const uint AvsMagic = 0x80211000, AvsMagicMask = 0xFFFFFF00;

    /// <summary>The message codes of the two Prism header types (little-endian).</summary>
    public const uint PrismType1MessageCode = 0x44, PrismType2MessageCode = 0x41;

    /// <summary>
    /// True when <paramref name="bytes"/> start with a Prism message code, in either byte order; tshark reads a frame
    /// that starts with neither (nor AVS's magic) as 802.11 from its first byte.
    /// </summary>
    public static bool IsPrism(ReadOnlySpan<byte> bytes) => bytes.Length >= 4
        && (BinaryPrimitives.ReadUInt32LittleEndian(bytes) is PrismType1MessageCode or PrismType2MessageCode
            || BinaryPrimitives.ReadUInt32BigEndian(bytes) is PrismType1MessageCode or PrismType2MessageCode);

    /// <summary>True when <paramref name="bytes"/> start with AVS's magic (how tshark and tcpdump tell AVS on link type 119).</summary>
    public static bool IsAvs(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 4 && (BinaryPrimitives.ReadUInt32BigEndian(bytes) & AvsMagicMask) == AvsMagic;

    /// <summary>True when <paramref name="bytes"/> start with AVS's magic and a version tshark knows (up to 2): it shows the fields only then.</summary>
    public static bool IsKnownAvsVersion(ReadOnlySpan<byte> bytes) =>
        IsAvs(bytes) && bytes[3] <= 2;

    /// <summary>The AVS header's declared length (the caller knows the 8 bytes are there).</summary>
    public static long AvsLength(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt32BigEndian(bytes[Field.AvsLength..]);
}
