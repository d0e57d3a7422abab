namespace RawNet.Protocols.Reassembly;

/// <summary>
/// Identifies the fragments of one 6LoWPAN datagram as tshark 4.0 keys them: the 802.15.4 source and destination
/// addresses (mode and value) and the datagram tag (RFC 4944 section 5.3). The datagram size is not part of the key.
/// </summary>
public readonly record struct SixLowpanFragmentKey(ulong Source, ulong Destination, byte SourceMode, byte DestinationMode, ushort Tag);

/// <summary>What tshark's reassembly marks on one fragment of a completed 6LoWPAN datagram.</summary>
[Flags]
public enum SixLowpanFragmentFlags : byte
{
    /// <summary>Nothing to mark.</summary>
    None = 0,
    /// <summary>Its bytes overlap bytes an earlier fragment (in offset order) gave (<c>6lowpan.fragment.overlap</c>).</summary>
    Overlap = 1,
    /// <summary>And they differ (<c>6lowpan.fragment.overlap.conflicts</c>).</summary>
    Conflict = 2,
    /// <summary>A second last fragment ending elsewhere than the first (<c>6lowpan.fragment.multiple_tails</c>).</summary>
    MultipleTails = 4,
    /// <summary>It reaches past the datagram's end the last fragment set (<c>6lowpan.fragment.too_long_fragment</c>).</summary>
    TooLong = 8,
    /// <summary>The marks that make tshark list the fragment as <c>6lowpan.fragment.error</c> rather than <c>6lowpan.fragment</c>.</summary>
    Error = Conflict | MultipleTails | TooLong,
}

/// <summary>
/// The fragments a completed 6LoWPAN datagram was made of, in tshark's order (by offset, then arrival): their frame
/// numbers and marks, for the <c>6lowpan.fragment*</c> fields of the frame that completed it. Owned by the
/// <see cref="SixLowpanReassembler"/>; valid until its next <see cref="SixLowpanReassembler.TryAdd"/>.
/// </summary>
public sealed class SixLowpanDatagram
{
    internal readonly long[] FrameNumbers = new long[SixLowpanReassembler.MaxFragments];
    internal readonly SixLowpanFragmentFlags[] Marks = new SixLowpanFragmentFlags[SixLowpanReassembler.MaxFragments];

    /// <summary>Number of fragments (<c>6lowpan.fragment.count</c>).</summary>
    public int Count { get; internal set; }

    /// <summary>The reassembled datagram's length (<c>6lowpan.reassembled.length</c>).</summary>
    public int Length { get; internal set; }

    /// <summary>Frame number of fragment <paramref name="index"/> in tshark's order.</summary>
    public long FrameOf(int index) => FrameNumbers[index];

    /// <summary>Marks of fragment <paramref name="index"/> in tshark's order.</summary>
    public SixLowpanFragmentFlags MarksOf(int index) => Marks[index];
}

/// <summary>
/// Puts 6LoWPAN fragments (FRAG1 and FRAGN, RFC 4944) back together as tshark 4.0's reassembly does in one pass: a
/// fragment with no more after it (its end reaches its datagram size) sets the datagram's length; the datagram is
/// complete when the fragments cover it from 0; then the fragments are laid in offset order (arrival order among
/// equals), each giving only the bytes past those before it, with overlaps, conflicts, extra tails and fragments past
/// the end marked; a completed datagram is forgotten, so a fragment repeated later starts a new one. Pre-sized slots:
/// steady state allocates nothing; memory is bounded by <see cref="ReassemblyLimits.MaxDatagramsInProgress"/> ×
/// (<see cref="MaxDatagramLength"/> + <see cref="MaxHeldBytes"/>); stale datagrams time out.
/// </summary>
public sealed class SixLowpanReassembler
{
    /// <summary>Fragments one datagram may have (more drop the datagram).</summary>
    public const int MaxFragments = 32;

    /// <summary>The farthest a fragment may reach: the largest offset (255 × 8) with room for a frame's payload.</summary>
    public const int MaxDatagramLength = 4096;

    /// <summary>Bytes of fragments one datagram may hold before it completes (more drop the datagram).</summary>
    public const int MaxHeldBytes = 8192;

    private sealed class Slot : ReassemblySlot<SixLowpanFragmentKey>
    {
        public readonly byte[] Held = new byte[MaxHeldBytes];
        public readonly int[] Offsets = new int[MaxFragments], Lengths = new int[MaxFragments], HeldAt = new int[MaxFragments];
        public readonly long[] Frames = new long[MaxFragments];
        public readonly SixLowpanFragmentFlags[] Marks = new SixLowpanFragmentFlags[MaxFragments];
        public int DataLength = -1;
        public int Count;
        public int HeldLength;
    }

    private readonly ReassemblyLimits _limits;
    private readonly ReassemblySlots<SixLowpanFragmentKey, Slot> _slots;
    private readonly SixLowpanDatagram _done = new();

    /// <summary>Datagrams dropped because they timed out, were evicted to make room or had too many fragments.</summary>
    public long DatagramsDropped => _slots.Dropped;

    /// <summary>Fragments rejected because they reach past <see cref="MaxDatagramLength"/>.</summary>
    public long FragmentsRejected { get; private set; }

    /// <summary>Creates a reassembler with the given bounds.</summary>
    public SixLowpanReassembler(ReassemblyLimits limits)
    {
        if (limits.MaxDatagramsInProgress < 1)
            throw new ArgumentOutOfRangeException(nameof(limits));
        _limits = limits;
        _slots = new ReassemblySlots<SixLowpanFragmentKey, Slot>(limits.MaxDatagramsInProgress);
    }

    /// <summary>Number of incomplete datagrams held.</summary>
    public int InProgress => _slots.Count;

    /// <summary>
    /// Adds one fragment: <paramref name="data"/> at <paramref name="offset"/> of the datagram, <paramref name="more"/>
    /// when its end falls short of its datagram size. Returns true when it completes the datagram: its bytes are then in
    /// <paramref name="destination"/> (at least <see cref="MaxDatagramLength"/> bytes) and <paramref name="datagram"/>
    /// says what it was made of (valid until the next call).
    /// </summary>
    public bool TryAdd(in SixLowpanFragmentKey key, int offset, bool more, ReadOnlySpan<byte> data, long frameNumber, long timestampNanoseconds,
        Span<byte> destination, out SixLowpanDatagram? datagram)
    {
        datagram = null;
        int end = offset + data.Length;
        if (offset < 0 || end > MaxDatagramLength)
        {
            FragmentsRejected++;
            return false;
        }
        _slots.ExpireOlderThan(timestampNanoseconds - _limits.TimeoutNanoseconds);
        var slot = _slots.Find(key, timestampNanoseconds, out int slotIndex, out bool fresh);
        if (slot is null)
        {
            FragmentsRejected++;
            return false;
        }
        if (fresh)
        {
            slot.DataLength = -1;
            slot.Count = 0;
            slot.HeldLength = 0;
        }
        if (slot.Count == MaxFragments || slot.HeldLength + data.Length > MaxHeldBytes)
        {
            _slots.Drop(slotIndex);
            return false;
        }
        var marks = SixLowpanFragmentFlags.None;
        if (!more)
        {
            if (slot.DataLength < 0)
                slot.DataLength = end;
            else if (slot.DataLength != end)
                marks |= SixLowpanFragmentFlags.MultipleTails;
        }
        Insert(slot, offset, data, frameNumber, marks);
        if (slot.DataLength < 0 || Covered(slot) < slot.DataLength)
            return false;
        Assemble(slot, destination);
        _done.Count = slot.Count;
        _done.Length = slot.DataLength;
        slot.Frames.AsSpan(0, slot.Count).CopyTo(_done.FrameNumbers);
        slot.Marks.AsSpan(0, slot.Count).CopyTo(_done.Marks);
        datagram = _done;
        _slots.Release(slotIndex);
        return true;
    }

    /// <summary>Keeps the fragments sorted by offset, a new one after those at the same offset.</summary>
    private static void Insert(Slot slot, int offset, ReadOnlySpan<byte> data, long frameNumber, SixLowpanFragmentFlags marks)
    {
        int at = slot.Count;
        while (at > 0 && slot.Offsets[at - 1] > offset)
        {
            slot.Offsets[at] = slot.Offsets[at - 1];
            slot.Lengths[at] = slot.Lengths[at - 1];
            slot.HeldAt[at] = slot.HeldAt[at - 1];
            slot.Frames[at] = slot.Frames[at - 1];
            slot.Marks[at] = slot.Marks[at - 1];
            at--;
        }
        slot.Offsets[at] = offset;
        slot.Lengths[at] = data.Length;
        slot.HeldAt[at] = slot.HeldLength;
        slot.Frames[at] = frameNumber;
        slot.Marks[at] = marks;
        data.CopyTo(slot.Held.AsSpan(slot.HeldLength));
        slot.HeldLength += data.Length;
        slot.Count++;
    }

    /// <summary>How far the fragments reach without a gap from offset 0.</summary>
    private static int Covered(Slot slot)
    {
        int max = 0;
        for (int i = 0; i < slot.Count; i++)
        {
            if (slot.Offsets[i] <= max && slot.Offsets[i] + slot.Lengths[i] > max)
                max = slot.Offsets[i] + slot.Lengths[i];
        }
        return max;
    }

    private static void Assemble(Slot slot, Span<byte> destination)
    {
        int total = slot.DataLength, position = 0;
        for (int i = 0; i < slot.Count; i++)
        {
            int offset = slot.Offsets[i], length = slot.Lengths[i];
            var data = slot.Held.AsSpan(slot.HeldAt[i], length);
            if (length == 0)
                continue;
            if (offset + length > position)
            {
                if (offset >= total)
                {
                    slot.Marks[i] |= SixLowpanFragmentFlags.TooLong;
                    continue;
                }
                int kept = length;
                if (offset + kept > total)
                {
                    slot.Marks[i] |= SixLowpanFragmentFlags.TooLong;
                    kept = total - offset;
                }
                int overlap = position - offset;
                if (overlap > 0)
                {
                    int compared = Math.Min(overlap, kept);
                    slot.Marks[i] |= SixLowpanFragmentFlags.Overlap;
                    if (!data[..compared].SequenceEqual(destination.Slice(offset, compared)))
                        slot.Marks[i] |= SixLowpanFragmentFlags.Conflict;
                }
                else
                    overlap = 0;
                if (kept > overlap)
                    data[overlap..kept].CopyTo(destination[(offset + overlap)..]);
                position = Math.Max(position, offset + kept);
            }
            else
            {
                slot.Marks[i] |= SixLowpanFragmentFlags.Overlap;
                if (!data.SequenceEqual(destination.Slice(offset, length)))
                    slot.Marks[i] |= SixLowpanFragmentFlags.Conflict;
            }
        }
    }
}
