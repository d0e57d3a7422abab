namespace RawNet.Protocols.Docsis;

/// <summary>
/// Walks the extended header's sub-elements as tshark 4.0's dissect_ehdr does: from byte 4 while the position is inside
/// the EHDR length (whose bytes must all be there first: tshark adds their subtree before it reads one), each element's type and length byte, then the items its type adds (which may read past its own
/// length, into the HCS or the PDU); a request or acknowledgement element of the wrong length ends the walk, and an
/// upstream or downstream privacy element whose enable bit is set marks the payload encrypted. A byte tshark reads past
/// the captured frame stops it (<see cref="Needed"/>). Bounded: every step moves on at least one byte.
/// </summary>
public ref struct DocsisExtendedHeader
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly int _end;
    private int _position;

    /// <summary>Starts a walk over the extended header of <paramref name="frame"/> (the captured bytes, from FC on).</summary>
    public DocsisExtendedHeader(ReadOnlySpan<byte> frame)
    {
        _frame = frame;
        _end = DocsisHeader.Field.ExtendedHeader + frame[DocsisHeader.Field.MacParm];
        _position = DocsisHeader.Field.ExtendedHeader;
        Needed = 0;
    }

    /// <summary>Offset of the element <see cref="MoveNext"/> last found.</summary>
    public int Current { get; private set; }

    /// <summary>When the walk stopped on a read past the captured bytes, how many bytes tshark needed; else 0.</summary>
    public int Needed { get; private set; }

    /// <summary>Whether the walk ended on a request or acknowledgement element of the wrong length (tshark's "Extended Header Length Invalid!").</summary>
    public bool LengthInvalid { get; private set; }

    /// <summary>Whether a privacy element read so far turned encryption on.</summary>
    public bool Encrypted { get; private set; }

    /// <summary>
    /// Moves to the next element whose type byte tshark shows; false at the end of the walk. After an element whose items
    /// ran past the captured bytes, <see cref="Needed"/> is set and the next call ends the walk.
    /// </summary>
    public bool MoveNext()
    {
        if (Needed != 0 || _position >= _end)
            return false;
        if (_end > _frame.Length)
        {
            // tshark adds the extended header's subtree over all its bytes before it reads an element.
            Needed = _end;
            return false;
        }
        int pos = _position;
        if (pos >= _frame.Length)
        {
            Needed = pos + 1;
            return false;
        }
        Current = pos;
        int type = _frame[pos] >> 4;
        int len = _frame[pos] & 0x0F;
        int reach = ItemsEnd(type, len);
        if (reach > _frame.Length)
        {
            Needed = reach;
            return true;
        }
        if (type is 3 or 4 or 7 && (_frame[pos + 2] & 0x80) != 0)
            Encrypted = true;
        LengthInvalid = (type == 1 && len != 3) || (type == 2 && len != 2);
        _position = LengthInvalid ? int.MaxValue : pos + len + 1;
        return true;
    }

    /// <summary>Offset just past the last byte the items of an element at the current position read.</summary>
    private readonly int ItemsEnd(int type, int len)
    {
        int pos = _position;
        int extra = type switch
        {
            1 => len == 3 ? 4 : 1,
            2 => len == 2 ? 3 : 1,
            3 or 4 => 5,
            5 or 6 => len == 2 ? 3 : 2,
            7 => 4,
            8 => len switch { 3 => 4, 5 => 6, _ => 2 },
            9 => len == 5 ? 6 : 1,
            _ => 1 + len,
        };
        return pos + extra;
    }
}
