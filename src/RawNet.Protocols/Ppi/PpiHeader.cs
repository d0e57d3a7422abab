using System.Buffers.Binary;

namespace RawNet.Protocols.Ppi;

/// <summary>
/// A view over a PPI header (LINKTYPE_PPI, 192; the Per-Packet Information Header specification 1.0.10), little-endian:
/// a version, flags, the header's length, the link type of the frame after it, then fields of type, length and data.
/// RawNet reads the 802.11-Common field only, for its "FCS present" flag.
/// <code>
/// +---------+---------+-------------------+---------------------------------------+
/// | version |  flags  |  length (2, LE)   |  DLT of the payload (4, LE)           | fields...
/// +---------+---------+-------------------+---------------------------------------+
/// field: | type (2, LE) | length (2, LE) | data (length) |
/// </code>
/// </summary>
public readonly ref struct PpiHeader
{
    /// <summary>Byte offsets of the fixed fields.</summary>
    public static class Field
    {
        public const int Version = 0;
        public const int Flags = 1;
        public const int Length = 2;
        public const int Dlt = 4;
        public const int Fields = 8;
    }

    /// <summary>Length of the fixed part.</summary>
    public const int FixedLength = 8;

    /// <summary>Most fields walked (a bounded walk: each field header is 4 bytes, so a header holds at most 16,381).</summary>
    public const int MaxFields = 64;

    /// <summary>The 802.11-Common field's type and length, and where in its data its flags word lies.</summary>
    public const ushort Common80211Type = 2;
    public const int Common80211Length = 20;
    public const int Common80211FlagsAt = 8;

    /// <summary>The 802.11-Common flag that says the frame ends in its FCS.</summary>
    public const ushort FcsPresent = 0x0001;

    private readonly ReadOnlySpan<byte> _bytes;

    private PpiHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> (the header as captured) if it holds the fixed part.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out PpiHeader header)
    {
        header = bytes.Length >= FixedLength ? new PpiHeader(bytes) : default;
        return bytes.Length >= FixedLength;
    }

    /// <summary>The header's declared length, fields included.</summary>
    public int Length => BinaryPrimitives.ReadUInt16LittleEndian(_bytes[Field.Length..]);

    /// <summary>The link type of what follows the header.</summary>
    public LinkType Dlt => (LinkType)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(_bytes[Field.Dlt..]), ushort.MaxValue);

    /// <summary>
    /// False when a field runs past the header's declared length: tshark then stops in the header and reads nothing of
    /// the frame after it. (A walk past <see cref="MaxFields"/> fields is taken as fitting.)
    /// </summary>
    public bool FieldsFit
    {
        get
        {
            int end = Math.Min(_bytes.Length, Length);
            int at = Field.Fields;
            for (int n = 0; n < MaxFields && at + 4 <= end; n++)
            {
                at += 4 + BinaryPrimitives.ReadUInt16LittleEndian(_bytes[(at + 2)..]);
                if (at > end)
                    return false;
            }
            return true;
        }
    }

    /// <summary>
    /// True when an 802.11-Common field of the right length says the frame ends in its FCS. A field that runs past the
    /// header ends the walk, as does <see cref="MaxFields"/>.
    /// </summary>
    public bool HasFcs
    {
        get
        {
            int end = Math.Min(_bytes.Length, Length);
            int at = Field.Fields;
            for (int n = 0; n < MaxFields && at + 4 <= end; n++)
            {
                ushort type = BinaryPrimitives.ReadUInt16LittleEndian(_bytes[at..]);
                int length = BinaryPrimitives.ReadUInt16LittleEndian(_bytes[(at + 2)..]);
                if (at + 4 + length > end)
                    return false;
                if (type == Common80211Type && length == Common80211Length)
                    return (BinaryPrimitives.ReadUInt16LittleEndian(_bytes[(at + 4 + Common80211FlagsAt)..]) & FcsPresent) != 0;
                at += 4 + length;
            }
            return false;
        }
    }
}
