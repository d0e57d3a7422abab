using System.Runtime.CompilerServices;

namespace RawNet.Protocols.Conversations;

/// <summary>
/// Small bounded per-key state beside the conversations (echo requests awaiting replies, ARP's address bindings): a
/// fixed-size key of <typeparamref name="TKey"/>, each with a state of <typeparamref name="TState"/> kept in place (no
/// object per entry), found by open addressing with linear probing. The conversations themselves live in
/// <see cref="ConversationTable{TState}"/>, which is laid out for a million entries; this one is the plain form. Bounded: at most <see cref="Capacity"/> conversations; when a new one
/// arrives at the bound, the one idle longest (least recently touched) is evicted. Finding a known conversation
/// allocates nothing.
/// </summary>
internal sealed class RecencyTable<TKey, TState> where TKey : struct, IEquatable<TKey> where TState : struct
{
    private const int None = -1;

    private int[] _buckets;        // slot -> entry index + 1 (0: empty)
    private TKey[] _keys;
    private TState[] _states;
    private int[] _older;          // least-recently-used list: towards the oldest
    private int[] _newer;          // towards the newest
    private int _oldest = None, _newest = None;
    private int _free = None;      // evicted entries, reused first (chained through _older)
    private int _used;             // entries ever handed out

    private readonly Action<int>? _evicting;

    /// <summary>
    /// Creates a table that holds at most <paramref name="capacity"/> conversations; <paramref name="evicting"/> is told
    /// the entry about to be forgotten to make room, while its state is still there.
    /// </summary>
    public RecencyTable(int capacity, int initial = 1024, Action<int>? evicting = null)
    {
        _evicting = evicting;
        Capacity = Math.Max(1, capacity);
        initial = Math.Min(Math.Max(16, initial), Capacity);
        _keys = new TKey[initial];
        _states = new TState[initial];
        _older = new int[initial];
        _newer = new int[initial];
        _buckets = new int[BucketCountFor(initial)];
    }

    /// <summary>The most conversations held at once.</summary>
    public int Capacity { get; }

    /// <summary>Conversations held now.</summary>
    public int Count { get; private set; }

    /// <summary>Conversations evicted to stay within <see cref="Capacity"/>.</summary>
    public long Evicted { get; private set; }

    /// <summary>Bytes the table's arrays hold now (for the documented memory bound).</summary>
    public long AllocatedBytes =>
        (long)_buckets.Length * sizeof(int) + (long)_keys.Length * (Unsafe.SizeOf<TKey>() + Unsafe.SizeOf<TState>() + 2 * sizeof(int));

    /// <summary>The state of entry <paramref name="index"/>.</summary>
    public ref TState this[int index] => ref _states[index];

    /// <summary>
    /// The entry of <paramref name="key"/>, made (with a default state) when there is none; <paramref name="added"/> says
    /// which. The entry becomes the most recently used.
    /// </summary>
    public int FindOrAdd(in TKey key, out bool added)
    {
        int hash = key.GetHashCode();
        int mask = _buckets.Length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            int entry = _buckets[slot] - 1;
            if (entry < 0)
                break;
            if (_keys[entry].Equals(key))
            {
                added = false;
                Touch(entry);
                return entry;
            }
        }
        added = true;
        int index = Allocate();
        _keys[index] = key;
        _states[index] = default;
        Insert(index, hash);
        LinkNewest(index);
        Count++;
        return index;
    }

    /// <summary>The entry of <paramref name="key"/>, or -1 when there is none; a found entry becomes the most recently used.</summary>
    public int Find(in TKey key)
    {
        int mask = _buckets.Length - 1;
        for (int slot = key.GetHashCode() & mask; ; slot = (slot + 1) & mask)
        {
            int entry = _buckets[slot] - 1;
            if (entry < 0)
                return -1;
            if (_keys[entry].Equals(key))
            {
                Touch(entry);
                return entry;
            }
        }
    }

    /// <summary>Makes <paramref name="index"/> the most recently used.</summary>
    public void Touch(int index)
    {
        if (index == _newest)
            return;
        Unlink(index);
        LinkNewest(index);
    }

    /// <summary>Forgets entry <paramref name="index"/> (its key is found no more; a later packet starts it anew).</summary>
    public void Remove(int index)
    {
        RemoveFromBuckets(index);
        Unlink(index);
        _states[index] = default;
        _older[index] = _free;
        _free = index;
        Count--;
    }

    private int Allocate()
    {
        if (_free != None)
        {
            int reused = _free;
            _free = _older[reused];
            return reused;
        }
        if (Count >= Capacity)
        {
            // At the bound: the conversation idle longest makes room.
            int victim = _oldest;
            _evicting?.Invoke(victim);
            Remove(victim);
            Evicted++;
            _free = _older[victim];
            return victim;
        }
        if (_used == _keys.Length)
            Grow();
        return _used++;
    }

    private void Grow()
    {
        int size = (int)Math.Min((long)Capacity, Math.Max(16L, (long)_keys.Length * 2));
        Array.Resize(ref _keys, size);
        Array.Resize(ref _states, size);
        Array.Resize(ref _older, size);
        Array.Resize(ref _newer, size);
        int buckets = BucketCountFor(size);
        if (buckets == _buckets.Length)
            return;
        _buckets = new int[buckets];
        // Every live entry is in the recency list: rehash by walking it.
        for (int e = _oldest; e != None; e = _newer[e])
            Insert(e, _keys[e].GetHashCode());
    }

    /// <summary>Buckets for up to <paramref name="entries"/> entries at a load of at most one half.</summary>
    private static int BucketCountFor(int entries) => (int)Math.Min(1L << 30, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, entries)) * 2);

    private void Insert(int index, int hash)
    {
        int mask = _buckets.Length - 1;
        int slot = hash & mask;
        while (_buckets[slot] != 0)
            slot = (slot + 1) & mask;
        _buckets[slot] = index + 1;
    }

    private void RemoveFromBuckets(int index)
    {
        int mask = _buckets.Length - 1;
        int slot = _keys[index].GetHashCode() & mask;
        while (_buckets[slot] != index + 1)
            slot = (slot + 1) & mask;
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int hole = slot;
        for (int next = (hole + 1) & mask; _buckets[next] != 0; next = (next + 1) & mask)
        {
            int home = _keys[_buckets[next] - 1].GetHashCode() & mask;
            bool movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable)
            {
                _buckets[hole] = _buckets[next];
                hole = next;
            }
        }
        _buckets[hole] = 0;
    }

    private void LinkNewest(int index)
    {
        _older[index] = _newest;
        _newer[index] = None;
        if (_newest != None)
            _newer[_newest] = index;
        _newest = index;
        if (_oldest == None)
            _oldest = index;
    }

    private void Unlink(int index)
    {
        int older = _older[index], newer = _newer[index];
        if (older != None)
            _newer[older] = newer;
        else
            _oldest = newer;
        if (newer != None)
            _older[newer] = older;
        else
            _newest = older;
    }
}
