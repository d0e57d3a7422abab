namespace RawNet.Protocols.Reassembly;

/// <summary>What every reassembly slot keeps: the datagram's key, whether the slot holds one, and when it began (capture time).</summary>
internal abstract class ReassemblySlot<TKey>
{
    public TKey Key = default!;
    public bool InUse;
    public long FirstSeen;
}

/// <summary>
/// A fixed number of pre-sized slots found by key, as both reassemblers keep them: a new datagram takes a free slot or
/// evicts the oldest; datagrams older than a cutoff are dropped. Slots are made on first use and reused after.
/// </summary>
internal sealed class ReassemblySlots<TKey, TSlot> where TKey : notnull where TSlot : ReassemblySlot<TKey>, new()
{
    private readonly TSlot?[] _slots;
    private readonly Dictionary<TKey, int> _index;

    /// <summary>
    /// The slot whose buffer the last completed datagram was handed out in (<see cref="HandOut"/>): not reused until
    /// another is handed out, so that a fragment found inside that datagram (an outer datagram carrying an inner one's
    /// first fragment) cannot overwrite it while the packet is decoded.
    /// </summary>
    private int _handedOut = -1;

    public ReassemblySlots(int count)
    {
        _slots = new TSlot?[count];
        _index = new Dictionary<TKey, int>(count);
    }

    /// <summary>Datagrams dropped because they timed out or were evicted to make room (and any <see cref="Drop"/>).</summary>
    public long Dropped { get; private set; }

    /// <summary>Number of datagrams held.</summary>
    public int Count => _index.Count;

    /// <summary>
    /// The slot holding <paramref name="key"/>'s datagram, a fresh one (<paramref name="fresh"/>) when none does; null when
    /// the only slot there is holds the datagram just handed out.
    /// </summary>
    public TSlot? Find(in TKey key, long timestamp, out int index, out bool fresh)
    {
        fresh = !_index.TryGetValue(key, out index);
        if (!fresh)
            return _slots[index]!;
        index = FreeSlot();
        if (index < 0)
            return null;
        var slot = _slots[index] ??= new TSlot();
        slot.Key = key;
        slot.InUse = true;
        slot.FirstSeen = timestamp;
        _index[key] = index;
        return slot;
    }

    /// <summary>Drops every datagram that began before <paramref name="cutoff"/>.</summary>
    public void ExpireOlderThan(long cutoff)
    {
        if (_index.Count == 0)
            return;
        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i] is { InUse: true } s && s.FirstSeen < cutoff)
                Drop(i);
        }
    }

    /// <summary>Drops the datagram in slot <paramref name="index"/>, counted in <see cref="Dropped"/>.</summary>
    public void Drop(int index)
    {
        Dropped++;
        Release(index);
    }

    /// <summary>Frees slot <paramref name="index"/> (its datagram completed or was dropped).</summary>
    public void Release(int index)
    {
        var slot = _slots[index]!;
        slot.InUse = false;
        _index.Remove(slot.Key);
    }

    /// <summary>Frees slot <paramref name="index"/>, whose completed datagram the caller hands out in its buffer.</summary>
    public void HandOut(int index)
    {
        Release(index);
        _handedOut = index;
    }

    /// <summary>A free slot, or the oldest datagram's evicted; -1 when the only slot is the one handed out.</summary>
    private int FreeSlot()
    {
        int oldest = -1;
        for (int i = 0; i < _slots.Length; i++)
        {
            if (i == _handedOut)
                continue;
            var s = _slots[i];
            if (s is null || !s.InUse)
                return i;
            if (oldest < 0 || s.FirstSeen < _slots[oldest]!.FirstSeen)
                oldest = i;
        }
        if (oldest >= 0)
            Drop(oldest);
        return oldest;
    }
}
