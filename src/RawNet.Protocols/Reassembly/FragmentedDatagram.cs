namespace RawNet.Protocols.Reassembly;

/// <summary>What tshark's reassembly (epan/reassemble.c) marks on one fragment of a completed datagram.</summary>
[Flags]
public enum FragmentMarks : byte
{
    /// <summary>Nothing to mark.</summary>
    None = 0,
    /// <summary>Its bytes overlap bytes an earlier fragment (in offset order) gave (<c>*.fragment.overlap</c>).</summary>
    Overlap = 1,
    /// <summary>And they differ (<c>*.fragment.overlap.conflict(s)</c>).</summary>
    Conflict = 2,
    /// <summary>A second last fragment ending elsewhere than the first (<c>*.fragment.multiple_tails</c>, <c>ip.fragment.multipletails</c>).</summary>
    MultipleTails = 4,
    /// <summary>It reaches past the datagram's end the last fragment set (<c>*.fragment.too_long_fragment</c>, <c>ip.fragment.toolongfragment</c>).</summary>
    TooLong = 8,
    /// <summary>The marks that make tshark list the fragment as <c>*.fragment.error</c> rather than <c>*.fragment</c>.</summary>
    Error = Conflict | MultipleTails | TooLong,
}

/// <summary>
/// The fragments a completed datagram was made of, in tshark's order (by offset, then arrival): their frame numbers,
/// offsets, lengths and marks, for the <c>*.fragment*</c> fields of the frame that completed it. Owned by its
/// reassembler; valid until the reassembler's next completion.
/// </summary>
public sealed class FragmentedDatagram
{
    internal readonly long[] FrameNumbers;
    internal readonly int[] Offsets;
    internal readonly int[] Lengths;
    internal readonly FragmentMarks[] Marks;

    /// <summary>The buffer the datagram was put together in (IP reassembly's; 6LoWPAN's gives its own).</summary>
    internal byte[]? Bytes;

    internal FragmentedDatagram(int maxFragments)
    {
        FrameNumbers = new long[maxFragments];
        Offsets = new int[maxFragments];
        Lengths = new int[maxFragments];
        Marks = new FragmentMarks[maxFragments];
    }

    /// <summary>Number of fragments (<c>*.fragment.count</c>).</summary>
    public int Count { get; internal set; }

    /// <summary>The reassembled datagram's length (<c>*.reassembled.length</c>).</summary>
    public int Length { get; internal set; }

    /// <summary>The reassembled bytes, when the reassembler keeps them (IP); empty otherwise.</summary>
    public ReadOnlySpan<byte> Data => Bytes is null ? default : Bytes.AsSpan(0, Length);

    /// <summary>Frame number of fragment <paramref name="index"/> in tshark's order.</summary>
    public long FrameOf(int index) => FrameNumbers[index];

    /// <summary>Where fragment <paramref name="index"/> starts in the datagram.</summary>
    public int OffsetOf(int index) => Offsets[index];

    /// <summary>How many bytes fragment <paramref name="index"/> carried.</summary>
    public int LengthOf(int index) => Lengths[index];

    /// <summary>Marks of fragment <paramref name="index"/> in tshark's order.</summary>
    public FragmentMarks MarksOf(int index) => Marks[index];
}

/// <summary>
/// A reassembly slot that holds each fragment's bytes apart, as tshark's <c>fragment_add_check</c> does, so that the
/// datagram is put together in tshark's way once complete: fragments in offset order (arrival among equals), each giving
/// only the bytes past those before it, overlaps, conflicts, extra tails and fragments past the end marked. Bounded: at
/// most <see cref="Capacity"/> fragments and <see cref="HeldCapacity"/> held bytes.
/// </summary>
internal abstract class FragmentSlot<TKey> : ReassemblySlot<TKey>
{
    private readonly byte[] _held;
    private readonly int[] _offsets, _lengths, _heldAt;
    private readonly long[] _frames;
    private readonly FragmentMarks[] _marks;
    private int _heldLength;

    /// <summary>The datagram's length the first last fragment set, -1 before one came.</summary>
    public int DataLength = -1;

    /// <summary>Fragments held.</summary>
    public int Count;

    protected FragmentSlot(int capacity, int heldCapacity)
    {
        _held = new byte[heldCapacity];
        _offsets = new int[capacity];
        _lengths = new int[capacity];
        _heldAt = new int[capacity];
        _frames = new long[capacity];
        _marks = new FragmentMarks[capacity];
    }

    /// <summary>Fragments the slot can hold.</summary>
    public int Capacity => _offsets.Length;

    /// <summary>Bytes of fragments the slot can hold.</summary>
    public int HeldCapacity => _held.Length;

    /// <summary>Empties the slot for a new datagram.</summary>
    public void Clear()
    {
        DataLength = -1;
        Count = 0;
        _heldLength = 0;
    }

    /// <summary>True when one more fragment of <paramref name="length"/> bytes fits.</summary>
    public bool Fits(int length) => Count < _offsets.Length && _heldLength + length <= _held.Length;

    /// <summary>
    /// Adds a fragment (it must <see cref="Fits"/>): a last one (<paramref name="more"/> false) sets the datagram's length,
    /// or is marked a second tail when it ends elsewhere. Kept sorted by offset, after those at the same offset.
    /// </summary>
    public void Add(int offset, bool more, ReadOnlySpan<byte> data, long frameNumber)
    {
        var marks = FragmentMarks.None;
        int end = offset + data.Length;
        if (!more)
        {
            if (DataLength < 0)
                DataLength = end;
            else if (DataLength != end)
                marks |= FragmentMarks.MultipleTails;
        }
        int at = Count;
        while (at > 0 && _offsets[at - 1] > offset)
        {
            _offsets[at] = _offsets[at - 1];
            _lengths[at] = _lengths[at - 1];
            _heldAt[at] = _heldAt[at - 1];
            _frames[at] = _frames[at - 1];
            _marks[at] = _marks[at - 1];
            at--;
        }
        _offsets[at] = offset;
        _lengths[at] = data.Length;
        _heldAt[at] = _heldLength;
        _frames[at] = frameNumber;
        _marks[at] = marks;
        data.CopyTo(_held.AsSpan(_heldLength));
        _heldLength += data.Length;
        Count++;
    }

    /// <summary>True when a last fragment came and the fragments reach it without a gap from offset 0.</summary>
    public bool IsComplete
    {
        get
        {
            if (DataLength < 0)
                return false;
            int max = 0;
            for (int i = 0; i < Count; i++)
            {
                if (_offsets[i] <= max && _offsets[i] + _lengths[i] > max)
                    max = _offsets[i] + _lengths[i];
            }
            return max >= DataLength;
        }
    }

    /// <summary>
    /// Puts the complete datagram's <see cref="DataLength"/> bytes into <paramref name="destination"/> and says what it
    /// was made of in <paramref name="done"/>.
    /// </summary>
    public void Assemble(Span<byte> destination, FragmentedDatagram done)
    {
        int total = DataLength, position = 0;
        for (int i = 0; i < Count; i++)
        {
            int offset = _offsets[i], length = _lengths[i];
            var data = _held.AsSpan(_heldAt[i], length);
            if (length == 0)
                continue;
            if (offset >= total)
            {
                _marks[i] |= FragmentMarks.TooLong;
                continue;
            }
            int kept = length;
            if (offset + kept > total)
            {
                _marks[i] |= FragmentMarks.TooLong;
                kept = total - offset;
            }
            int overlap = position - offset;
            if (overlap > 0)
            {
                // tshark compares what the overlapped part of the datagram holds with the fragment's first bytes
                int compared = Math.Min(overlap, kept);
                _marks[i] |= FragmentMarks.Overlap;
                if (!data[..compared].SequenceEqual(destination.Slice(offset, compared)))
                    _marks[i] |= FragmentMarks.Conflict;
            }
            else
                overlap = 0;
            if (kept > overlap)
            {
                data[overlap..kept].CopyTo(destination[(offset + overlap)..]);
                position = offset + kept;
            }
        }
        done.Count = Count;
        done.Length = total;
        _frames.AsSpan(0, Count).CopyTo(done.FrameNumbers);
        _offsets.AsSpan(0, Count).CopyTo(done.Offsets);
        _lengths.AsSpan(0, Count).CopyTo(done.Lengths);
        _marks.AsSpan(0, Count).CopyTo(done.Marks);
    }
}

/// <summary>The steps both fragment reassemblers take for each fragment.</summary>
internal static class FragmentSlots
{
    /// <summary>
    /// Adds a fragment to its datagram's slot after dropping stale ones: returns the slot when the fragment completes
    /// it (<paramref name="index"/> its place), else null. A fragment reaching past <paramref name="maxLength"/>, or with
    /// no slot to go to, counts in <paramref name="rejected"/>; a datagram of more fragments or bytes than its slot holds
    /// is dropped.
    /// </summary>
    public static TSlot? AddFragment<TKey, TSlot>(this ReassemblySlots<TKey, TSlot> slots, in TKey key, int offset, bool more, ReadOnlySpan<byte> data,
        long frameNumber, long timestamp, long timeout, int maxLength, ref long rejected, out int index)
        where TKey : notnull where TSlot : FragmentSlot<TKey>, new()
    {
        index = -1;
        if (offset < 0 || offset + data.Length > maxLength)
        {
            rejected++;
            return null;
        }
        slots.ExpireOlderThan(timestamp - timeout);
        var slot = slots.Find(key, timestamp, out index, out bool fresh);
        if (slot is null)
        {
            rejected++;
            return null;
        }
        if (fresh)
            slot.Clear();
        if (!slot.Fits(data.Length))
        {
            slots.Drop(index);
            return null;
        }
        slot.Add(offset, more, data, frameNumber);
        return slot.IsComplete ? slot : null;
    }
}
