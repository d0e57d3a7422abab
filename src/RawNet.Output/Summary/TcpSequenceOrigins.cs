namespace RawNet.Output.Summary;

/// <summary>
/// What tcpdump subtracts from a segment's sequence and acknowledgement numbers to print them relative to the start of
/// its connection (print-tcp.c's <c>tcp_seq_hash</c>), for a stream of packets read in order.
/// </summary>
/// <remarks>
/// <para>tcpdump's rules, which this table follows: only a segment with ACK set takes part (a bare SYN, or an RST without
/// ACK, prints absolute numbers and is not recorded). A connection is keyed by its two addresses and two ports in one
/// order for both directions: the side with the lower port first, or on equal ports the lower address first; the other
/// direction is "reversed". A segment whose connection is not known yet, or that carries SYN (a SYN-ACK, or a new SYN on
/// a reused 4-tuple), records the connection and is itself printed absolute: its own sequence number becomes its side's
/// origin and its acknowledgement number minus one the other side's (the "ack - 1" that makes the next segment of the
/// other side start at 1). Every later segment of the connection, either way, prints both numbers minus the origins of
/// their sides; SACK blocks are made relative to the other side's origin. RST changes nothing.</para>
/// <para>Memory is bounded, unlike tcpdump's table (which never forgets): at most <see cref="Capacity"/> connections are
/// kept, and recording one more evicts the connection least recently seen. An evicted connection whose segments come
/// again is recorded afresh by its next segment with ACK set, which then prints absolute numbers and becomes the origin,
/// so output differs from tcpdump's only for a capture with more than <see cref="Capacity"/> connections in which an
/// idle one resumes after that many others were seen. Once a connection is known, a lookup allocates nothing; the
/// arrays grow by doubling up to the capacity.</para>
/// </remarks>
public sealed class TcpSequenceOrigins
{
    /// <summary>The default bound on tracked connections: 262,144 (about 30 MiB when full).</summary>
    public const int DefaultCapacity = 1 << 18;

    private const int NoSlot = -1;
    private const int InitialSlots = 256;

    private readonly Dictionary<ConnectionKey, int> _slots;
    // One entry per slot, so a lookup touches one cache line; the slots form a doubly linked recency list, newest first.
    private Entry[] _entries = new Entry[InitialSlots];
    private int _newest = NoSlot, _oldest = NoSlot;
    private int _used;

    /// <summary>Creates an empty table that keeps at most <paramref name="capacity"/> connections.</summary>
    public TcpSequenceOrigins(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _slots = new Dictionary<ConnectionKey, int>(Math.Min(capacity, InitialSlots));
    }

    /// <summary>The most connections kept at once.</summary>
    public int Capacity { get; }

    /// <summary>Connections known now.</summary>
    public int Count => _slots.Count;

    /// <summary>Forgets every connection.</summary>
    public void Clear()
    {
        _slots.Clear();
        _newest = _oldest = NoSlot;
        _used = 0;
    }

    /// <summary>
    /// Turns the numbers of one segment with ACK set into the ones tcpdump prints, recording its connection when it is new
    /// or <paramref name="syn"/> is set. <paramref name="source"/> and <paramref name="destination"/> are both 4 or both 16
    /// address bytes. Returns the origin SACK blocks of this segment are printed relative to.
    /// </summary>
    public uint MakeRelative(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, ushort sourcePort, ushort destinationPort,
        bool syn, ref uint sequence, ref uint acknowledgment)
    {
        bool reversed = sourcePort > destinationPort
            || (sourcePort == destinationPort && source.SequenceCompareTo(destination) > 0);
        var key = reversed
            ? new ConnectionKey(destination, source, destinationPort, sourcePort)
            : new ConnectionKey(source, destination, sourcePort, destinationPort);

        bool known = _slots.TryGetValue(key, out int slot);
        if (known && !syn)
        {
            Touch(slot);
            ref Entry entry = ref _entries[slot];
            uint own = reversed ? entry.HigherSideOrigin : entry.LowerSideOrigin;
            uint other = reversed ? entry.LowerSideOrigin : entry.HigherSideOrigin;
            sequence -= own;
            acknowledgment -= other;
            return other;
        }

        if (known)
            Touch(slot);
        else
            slot = Record(key);
        uint otherOrigin = acknowledgment - 1;
        ref Entry recorded = ref _entries[slot];
        recorded.LowerSideOrigin = reversed ? otherOrigin : sequence;
        recorded.HigherSideOrigin = reversed ? sequence : otherOrigin;
        return otherOrigin;
    }

    private int Record(in ConnectionKey key)
    {
        int slot;
        if (_slots.Count == Capacity)
        {
            slot = _oldest;
            Unlink(slot);
            _slots.Remove(_entries[slot].Key);
        }
        else
        {
            slot = _used++;
            if (slot == _entries.Length)
                Array.Resize(ref _entries, (int)Math.Min((long)_entries.Length * 2, Capacity));
        }
        _entries[slot].Key = key;
        _slots.Add(key, slot);
        LinkNewest(slot);
        return slot;
    }

    private void Touch(int slot)
    {
        if (slot == _newest)
            return;
        Unlink(slot);
        LinkNewest(slot);
    }

    private void Unlink(int slot)
    {
        int newer = _entries[slot].Newer, older = _entries[slot].Older;
        if (newer == NoSlot)
            _newest = older;
        else
            _entries[newer].Older = older;
        if (older == NoSlot)
            _oldest = newer;
        else
            _entries[older].Newer = newer;
    }

    private void LinkNewest(int slot)
    {
        _entries[slot].Newer = NoSlot;
        _entries[slot].Older = _newest;
        if (_newest != NoSlot)
            _entries[_newest].Newer = slot;
        _newest = slot;
        if (_oldest == NoSlot)
            _oldest = slot;
    }

    /// <summary>One tracked connection: its key, the origin of each side, and its neighbours in the recency list.</summary>
    private struct Entry
    {
        public ConnectionKey Key;
        public uint LowerSideOrigin, HigherSideOrigin;
        public int Newer, Older;
    }

    /// <summary>A connection in tcpdump's order: addresses (IPv4 in the low 4 bytes, with a family mark) and ports.</summary>
    private readonly record struct ConnectionKey
    {
        private readonly UInt128 _first, _second;
        private readonly uint _ports;
        private readonly bool _ipv6;

        public ConnectionKey(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ushort firstPort, ushort secondPort)
        {
            _first = Widen(first);
            _second = Widen(second);
            _ports = (uint)firstPort << 16 | secondPort;
            _ipv6 = first.Length == 16;
        }

        private static UInt128 Widen(ReadOnlySpan<byte> address) => address.Length == 16
            ? System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(address)
            : System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(address);
    }
}
