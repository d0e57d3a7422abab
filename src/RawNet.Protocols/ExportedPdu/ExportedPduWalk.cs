using System.Buffers.Binary;

namespace RawNet.Protocols.ExportedPdu;

/// <summary>
/// Walks the tags of a Wireshark exported PDU record (LINKTYPE_WIRESHARK_UPPER_PDU, 252) in the order tshark 4.0's
/// exported_pdu reads them: each a 2-byte tag and 2-byte length (big-endian) and its value, up to and including the
/// end-of-options tag (0), whose value is skipped too; the PDU follows. A tag's item may read more than its length says
/// (an IPv4 address reads 4 bytes whatever the length); the walk ends where a read would pass the captured bytes.
/// Every step moves forward by at least 4 bytes, so the walk ends within the record.
/// <code>
/// +-------+--------+-------------+-- ... --+---------+---------+----------+
/// | tag   | length | value       |         | tag 0   | len     | PDU ...  |
/// | (2)   | (2)    | (length)    |         | (2)     | (2)     |          |
/// +-------+--------+-------------+-- ... --+---------+---------+----------+
/// </code>
/// </summary>
public ref struct ExportedPduWalk
{
    private readonly ReadOnlySpan<byte> _bytes;
    private int _next;
    private bool _done;

    /// <summary>A walk over the captured record.</summary>
    public ExportedPduWalk(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        _next = 0;
        _done = false;
        Offset = 0;
        Tag = 0;
        Length = 0;
        Complete = false;
        Needed = 0;
    }

    /// <summary>Where the current tag starts.</summary>
    public int Offset { get; private set; }

    /// <summary>The current tag's number (read once 2 bytes are there).</summary>
    public ushort Tag { get; private set; }

    /// <summary>The current tag's length (read once its 4 bytes are there; 0 before).</summary>
    public int Length { get; private set; }

    /// <summary>True when every read of the current tag's items stayed within the captured bytes.</summary>
    public bool Complete { get; private set; }

    /// <summary>After the walk: 0 when it reached the end tag and the PDU's start, else the bytes the failed read needed.</summary>
    public int Needed { get; private set; }

    /// <summary>Where the PDU starts (after the end tag and its value), once the walk ended well.</summary>
    public int PduOffset => _next;

    /// <summary>The offset of the current tag's value.</summary>
    public int ValueOffset => Offset + 4;

    /// <summary>Moves to the next tag; false after the end tag or a read past the bytes.</summary>
    public bool MoveNext()
    {
        if (_done)
            return false;
        Offset = _next;
        Complete = false;
        Length = 0;
        if (_bytes.Length - Offset < 2)
        {
            Needed = Offset + 2;
            _done = true;
            return false;
        }
        Tag = BinaryPrimitives.ReadUInt16BigEndian(_bytes[Offset..]);
        if (_bytes.Length - Offset < 4)
        {
            Needed = Offset + 4;
            _done = true;
            return true;
        }
        Length = BinaryPrimitives.ReadUInt16BigEndian(_bytes[(Offset + 2)..]);
        int reads = ExportedPduTags.ItemReach(Tag, Length);
        if (reads > _bytes.Length - ValueOffset)
        {
            Needed = ValueOffset + reads;
            _done = true;
            return true;
        }
        if (Tag == ExportedPduTags.PortType && !ExportedPduTags.MapsPortType(BinaryPrimitives.ReadUInt32BigEndian(_bytes[ValueOffset..])))
        {
            // tshark's DISSECTOR_ASSERT: the walk ends with the item shown, and nothing after it.
            Complete = true;
            Needed = -1;
            _done = true;
            return true;
        }
        Complete = true;
        _next = ValueOffset + Length;
        if (Tag == ExportedPduTags.EndOfOptions)
        {
            _done = true;
            if (_next > _bytes.Length)
                Needed = _next;
        }
        return true;
    }
}
