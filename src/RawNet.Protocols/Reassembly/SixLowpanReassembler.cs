namespace RawNet.Protocols.Reassembly;

/// <summary>
/// Identifies the fragments of one 6LoWPAN datagram as tshark 4.0 keys them: the 802.15.4 source and destination
/// addresses (mode and value) and the datagram tag (RFC 4944 section 5.3). The datagram size is not part of the key.
/// </summary>
public readonly record struct SixLowpanFragmentKey(ulong Source, ulong Destination, byte SourceMode, byte DestinationMode, ushort Tag);

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

    private sealed class Slot() : FragmentSlot<SixLowpanFragmentKey>(MaxFragments, MaxHeldBytes);

    private readonly ReassemblyLimits _limits;
    private readonly ReassemblySlots<SixLowpanFragmentKey, Slot> _slots;
    private readonly FragmentedDatagram _done = new(MaxFragments);

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
        Span<byte> destination, out FragmentedDatagram? datagram)
    {
        datagram = null;
        long rejected = FragmentsRejected;
        var slot = _slots.AddFragment(key, offset, more, data, frameNumber, timestampNanoseconds, _limits.TimeoutNanoseconds, MaxDatagramLength,
            ref rejected, out int slotIndex);
        FragmentsRejected = rejected;
        if (slot is null)
            return false;
        slot.Assemble(destination, _done);
        datagram = _done;
        _slots.Release(slotIndex);
        return true;
    }
}
