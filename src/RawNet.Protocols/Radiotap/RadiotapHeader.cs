using System.Buffers.Binary;

namespace RawNet.Protocols.Radiotap;

/// <summary>
/// A view over a radiotap header (LINKTYPE_IEEE802_11_RADIOTAP, 127; radiotap.org), all of it little-endian: a version,
/// a pad byte, the header's length, then one or more 32-bit "present" bitmaps chained by their bit 31, then the fields
/// the bitmaps name, each aligned to its own size. RawNet reads the bitmaps and the Flags field only: Flags says whether
/// the 802.11 frame ends in its FCS and whether padding follows its MAC header.
/// <code>
/// +---------+---------+-------------------+-------------------------------+
/// | version |   pad   |  length (2, LE)   |  present (4, LE) [ext: more]  | fields...
/// +---------+---------+-------------------+-------------------------------+
/// </code>
/// </summary>
public readonly ref struct RadiotapHeader
{
    /// <summary>Byte offsets of the fixed fields.</summary>
    public static class Field
    {
        public const int Version = 0;
        public const int Pad = 1;
        public const int Length = 2;
        public const int Present = 4;
    }

    /// <summary>The fixed part: version, pad and length.</summary>
    public const int FixedLength = 4;

    /// <summary>The shortest header: the fixed part and one present bitmap (tshark calls anything shorter malformed).</summary>
    public const int MinLength = 8;

    /// <summary>
    /// Most present bitmaps walked. Real headers have a handful; a chain longer than this is read as one that never ends
    /// (tshark walks on to the header's end, so it shows such a chain when the chain ends inside the header).
    /// </summary>
    public const int MaxPresentWords = 64;

    /// <summary>Present bit 31: another bitmap follows.</summary>
    public const uint ExtensionBit = 1u << 31;

    /// <summary>Present bits of the fields before Flags and Flags itself.</summary>
    public const uint TsftBit = 1u << 0, FlagsBit = 1u << 1;

    /// <summary>Bits of the Flags field.</summary>
    public static class Flags
    {
        public const byte FcsAtEnd = 0x10;
        public const byte DataPad = 0x20;
    }

    /// <summary>Present bits 29 and 30: the next bitmap starts the radiotap namespace again, or a vendor's.</summary>
    public const uint RadiotapNamespaceNext = 1u << 29, VendorNamespaceNext = 1u << 30;

    /// <summary>
    /// The alignment and size of the field of radiotap-namespace bit <paramref name="bit"/> (radiotap.org's defined
    /// fields, 0 to 27), or (0, 0) for a bit whose field's size is not known, past which no field can be found.
    /// </summary>
    public static (int Alignment, int Size) FieldLayout(int bit) => bit switch
    {
        0 => (8, 8),                                  // TSFT
        1 or 2 => (1, 1),                             // Flags, Rate
        3 => (2, 4),                                  // Channel: frequency, flags
        4 => (2, 2),                                  // FHSS: hop set, hop pattern
        5 or 6 => (1, 1),                             // dBm antenna signal, noise
        7 or 8 or 9 => (2, 2),                        // lock quality, TX attenuation, dB TX attenuation
        10 or 11 or 12 or 13 => (1, 1),               // dBm TX power, antenna, dB antenna signal, noise
        14 or 15 => (2, 2),                           // RX flags, TX flags
        16 or 17 => (1, 1),                           // RTS retries, data retries
        18 => (4, 8),                                 // XChannel
        19 => (1, 3),                                 // MCS
        20 => (4, 8),                                 // A-MPDU status
        21 => (2, 12),                                // VHT
        22 => (8, 12),                                // timestamp
        23 or 24 => (2, 12),                          // HE, HE-MU
        25 => (2, 6),                                 // HE-MU-other-user
        26 => (1, 1),                                 // 0-length PSDU
        27 => (2, 4),                                 // L-SIG
        _ => (0, 0),
    };

    private readonly ReadOnlySpan<byte> _bytes;

    private RadiotapHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> (the header as captured, up to its declared length) if it holds the fixed part.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out RadiotapHeader header)
    {
        header = bytes.Length >= FixedLength ? new RadiotapHeader(bytes) : default;
        return bytes.Length >= FixedLength;
    }

    /// <summary>The header's length as declared (the 802.11 frame starts there).</summary>
    public int Length => BinaryPrimitives.ReadUInt16LittleEndian(_bytes[Field.Length..]);

    /// <summary>The version (0 is the only one defined; tshark reads no bitmaps of another).</summary>
    public byte Version => _bytes[Field.Version];

    /// <summary>
    /// The number of present bitmaps, or 0 when they cannot be read: another version, a header not captured whole, or a chain that does not end inside
    /// the header's declared length (nor within <see cref="MaxPresentWords"/>), where tshark shows none of them.
    /// </summary>
    public int PresentWords
    {
        get
        {
            // tshark reads the bitmaps once it has the whole header, and only of version 0.
            if (Version != 0 || _bytes.Length < Length)
                return 0;
            int end = Math.Min(_bytes.Length, Length);
            for (int words = 1; words <= MaxPresentWords; words++)
            {
                int at = Field.Present + 4 * (words - 1);
                if (at + 4 > end)
                    return 0;
                uint word = PresentWord(words - 1);
                // A word naming both namespaces next is where tshark's walk stops.
                if ((word & ExtensionBit) == 0 || (word & BothNamespaces) == BothNamespaces)
                    return words;
            }
            return 0;
        }
    }

    private const uint BothNamespaces = RadiotapNamespaceNext | VendorNamespaceNext;

    /// <summary>
    /// True when tshark names the bits of the present bitmaps: not when a bitmap names both namespaces next (tshark
    /// stops there with an error before naming any).
    /// </summary>
    public bool NamesPresentBits
    {
        get
        {
            int words = PresentWords;
            return words > 0 && (PresentWord(words - 1) & BothNamespaces) != BothNamespaces;
        }
    }

    /// <summary>
    /// True when bitmap <paramref name="index"/> starts the radiotap namespace (the first, or one after a bitmap with the
    /// radiotap-namespace-next bit): tshark names bits 0 to 28 only in those; bits 29 to 31 in every bitmap.
    /// </summary>
    public bool StartsRadiotapNamespace(int index) =>
        index == 0 || (PresentWord(index - 1) & BothNamespaces) == RadiotapNamespaceNext;

    /// <summary>Present bitmap <paramref name="index"/> (the caller knows it is there: <see cref="PresentWords"/>).</summary>
    public uint PresentWord(int index) => BinaryPrimitives.ReadUInt32LittleEndian(_bytes[(Field.Present + 4 * index)..]);

    /// <summary>
    /// The offset of the Flags field, or -1 when the first bitmap does not name it, the bitmaps stop tshark's walk
    /// (<see cref="NamesPresentBits"/>), or it lies past the header's end
    /// (after TSFT, an 8-byte field aligned to 8 from the header's start, when that is present too).
    /// </summary>
    public int FlagsOffset
    {
        get
        {
            int words = PresentWords;
            if (words == 0 || !NamesPresentBits)
                return -1;
            uint first = PresentWord(0);
            if ((first & FlagsBit) == 0)
                return -1;
            int at = Field.Present + 4 * words;
            if ((first & TsftBit) != 0)
                at = ((at + 7) & ~7) + 8;
            return at < Math.Min(_bytes.Length, Length) ? at : -1;
        }
    }

    /// <summary>The Flags field, or 0 when there is none.</summary>
    public byte FlagsValue => FlagsOffset is var at and >= 0 ? _bytes[at] : (byte)0;
}
