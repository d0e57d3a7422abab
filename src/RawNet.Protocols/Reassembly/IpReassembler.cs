namespace RawNet.Protocols.Reassembly;

/// <summary>Bounds on IP fragment reassembly, so hostile or lossy traffic cannot grow memory without limit.</summary>
/// <param name="MaxDatagramsInProgress">Incomplete datagrams kept at once; the oldest is dropped to make room.</param>
/// <param name="TimeoutNanoseconds">An incomplete datagram older than this (in capture time) is dropped.</param>
public readonly record struct ReassemblyLimits(int MaxDatagramsInProgress = 64, long TimeoutNanoseconds = 60_000_000_000)
{
    /// <summary>The defaults: 64 datagrams in progress, 60 seconds.</summary>
    public static ReassemblyLimits Default => new(64, 60_000_000_000);

    /// <summary>The largest datagram payload that can be reassembled (IPv4 total length and IPv6 payload length are 16-bit).</summary>
    public const int MaxDatagramLength = 65535;
}

/// <summary>Identifies the fragments of one datagram: addresses, identification and protocol (RFC 791, RFC 8200).</summary>
public readonly record struct FragmentKey(UInt128 Source, UInt128 Destination, uint Identification, byte Protocol, byte Version);

/// <summary>
/// Collects IPv4 and IPv6 fragments into whole datagrams as tshark 4.0's single pass does (<c>fragment_add_check</c>):
/// the first last fragment sets the datagram's length; it is complete when the fragments cover it from 0; then the
/// fragments are laid in offset order (arrival among equals), each giving only the bytes past those before it, with
/// overlaps, conflicts, extra tails and fragments past the end marked (<see cref="FragmentedDatagram"/>); a completed
/// datagram is forgotten, so a fragment repeated later starts a new one. Pre-sized slots: steady state allocates
/// nothing; memory is bounded by <see cref="ReassemblyLimits.MaxDatagramsInProgress"/> × (64 KiB + <see cref="MaxHeldBytes"/>),
/// and stale datagrams time out.
/// </summary>
public sealed class IpReassembler
{
    /// <summary>Fragments one datagram may have (more drop the datagram).</summary>
    public const int MaxFragments = 256;

    /// <summary>Bytes of fragments one datagram may hold before it completes (more, as from many repeats, drop the datagram).</summary>
    public const int MaxHeldBytes = 2 * 65536;

    private sealed class Slot() : FragmentSlot<FragmentKey>(MaxFragments, MaxHeldBytes)
    {
        public readonly byte[] Buffer = new byte[ReassemblyLimits.MaxDatagramLength];
    }

    private readonly ReassemblyLimits _limits;
    private readonly ReassemblySlots<FragmentKey, Slot> _slots;
    // Two, used in turn: a packet can complete an outer datagram and then one inside it, and shows both.
    private readonly FragmentedDatagram[] _done = [new(MaxFragments), new(MaxFragments)];
    private int _nextDone;

    /// <summary>Datagrams dropped because they timed out, were evicted to make room or had too many fragments.</summary>
    public long DatagramsDropped => _slots.Dropped;

    /// <summary>Fragments rejected because they reach past the largest possible datagram.</summary>
    public long FragmentsRejected { get; private set; }

    /// <summary>Creates a reassembler with the given bounds.</summary>
    public IpReassembler(ReassemblyLimits limits)
    {
        if (limits.MaxDatagramsInProgress < 1)
            throw new ArgumentOutOfRangeException(nameof(limits));
        _limits = limits;
        _slots = new ReassemblySlots<FragmentKey, Slot>(limits.MaxDatagramsInProgress);
    }

    /// <summary>Number of incomplete datagrams held.</summary>
    public int InProgress => _slots.Count;

    /// <summary>
    /// Adds one fragment's payload. Returns true when it completes its datagram; <paramref name="buffer"/> then holds the
    /// reassembled payload in its first <paramref name="length"/> bytes, valid until the next call.
    /// </summary>
    public bool TryAdd(in FragmentKey key, int fragmentOffset, bool moreFragments, ReadOnlySpan<byte> data, long timestampNanoseconds,
        out byte[]? buffer, out int length, out int fragmentCount)
    {
        bool done = TryAdd(key, fragmentOffset, moreFragments, data, 0, timestampNanoseconds, out buffer, out length, out var datagram);
        fragmentCount = datagram?.Count ?? 0;
        return done;
    }

    /// <summary>
    /// Adds one fragment's payload, carried by frame <paramref name="frameNumber"/>. Returns true when it completes its
    /// datagram; <paramref name="buffer"/> then holds the reassembled payload in its first <paramref name="length"/> bytes
    /// and <paramref name="datagram"/> says what it was made of, both valid until the next completion.
    /// </summary>
    public bool TryAdd(in FragmentKey key, int fragmentOffset, bool moreFragments, ReadOnlySpan<byte> data, long frameNumber, long timestampNanoseconds,
        out byte[]? buffer, out int length, out FragmentedDatagram? datagram)
    {
        buffer = null;
        length = 0;
        datagram = null;
        long rejected = FragmentsRejected;
        var slot = _slots.AddFragment(key, fragmentOffset, moreFragments, data, frameNumber, timestampNanoseconds, _limits.TimeoutNanoseconds,
            ReassemblyLimits.MaxDatagramLength, ref rejected, out int slotIndex);
        FragmentsRejected = rejected;
        if (slot is null)
            return false;
        datagram = _done[_nextDone];
        _nextDone ^= 1;
        slot.Assemble(slot.Buffer, datagram);
        datagram.Bytes = slot.Buffer;
        buffer = slot.Buffer;
        length = slot.DataLength;
        _slots.HandOut(slotIndex);
        return true;
    }
}
