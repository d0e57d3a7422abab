using System.Runtime.CompilerServices;

namespace RawNet.Protocols.Conversations;

/// <summary>
/// Conversations by key, each with a state of <typeparamref name="TState"/> kept in place (no object per conversation),
/// found by open addressing with linear probing. Bounded: at most <see cref="Capacity"/> conversations; when a new one
/// arrives at the bound, the one idle longest (least recently touched) is evicted. Finding a known conversation
/// allocates nothing.
/// </summary>
/// <remarks>
/// An entry's key and recency links (24 bytes) live apart from its state, in pages of their own: probing past other
/// keys and relinking the recency list's neighbours touch those small slots only (a few thousand TCP conversations'
/// slots stay in cache where their 184-byte entries would not), and a lookup that finds its key reaches the state with
/// one more read. An entry holds an IPv4 key (or a link-layer circuit's) whole in 16 bytes; an IPv6 key's 32 bytes of addresses go to a pool of their own, so
/// IPv4 conversations do not carry room for IPv6 addresses (a key is 40 bytes as a value). Entries live in pages of <see cref="PageEntries"/> that are added as the table fills and never copied: a table
/// grown to a million conversations holds the pages it uses and nothing more, where arrays grown by doubling would leave
/// the old copies behind (up to as much again) until a full garbage collection. Only the bucket array (4 bytes an
/// entry at most half full) is doubled and rehashed. The first page starts small and doubles up to a full page, so a
/// small table stays small.
/// </remarks>
public sealed class ConversationTable<TState> where TState : struct
{
    /// <summary>Entries in a full page.</summary>
    public const int PageEntries = 1 << PageShift;

    private const int PageShift = 12;
    private const int None = -1;

    private Slot[][] _pages;       // keys and recency links
    private TState[][] _states;    // the states, paged as the slots
    private Ipv6Addresses[][] _ipv6Pages = [];
    private int _ipv6Used, _ipv6Allocated, _ipv6Free = None;
    private int[] _buckets;        // slot -> entry index + 1 in the low bits (0: empty), the hash's high bits above it
    private readonly uint _indexMask; // the bits of a bucket that hold the entry index + 1
    private int _oldest = None, _newest = None;
    private int _free = None;      // removed entries, reused first (chained through Older)
    private int _used;             // entries ever handed out
    private int _allocated;        // entries the pages hold

    private readonly Action<int>? _evicting;

    /// <summary>
    /// Creates a table that holds at most <paramref name="capacity"/> conversations; <paramref name="evicting"/> is told
    /// the entry about to be forgotten to make room, while its state is still there.
    /// </summary>
    public ConversationTable(int capacity, int initial = 1024, Action<int>? evicting = null)
    {
        _evicting = evicting;
        Capacity = Math.Max(1, capacity);
        // The bits above an entry's number hold its hash's own: a probe reads an entry's key only when they match.
        _indexMask = uint.MaxValue >> (31 - System.Numerics.BitOperations.Log2((uint)Capacity));
        _allocated = Math.Min(Math.Min(Math.Max(16, initial), Capacity), PageEntries);
        _pages = [new Slot[_allocated]];
        _states = [new TState[_allocated]];
        _buckets = new int[BucketCountFor(_allocated)];
    }

    /// <summary>The most conversations held at once.</summary>
    public int Capacity { get; }

    /// <summary>Conversations held now.</summary>
    public int Count { get; private set; }

    /// <summary>Conversations evicted to stay within <see cref="Capacity"/>.</summary>
    public long Evicted { get; private set; }

    /// <summary>Bytes one conversation's entry takes (key, recency links and state), not counting its share of the buckets.</summary>
    public static int EntryBytes => Unsafe.SizeOf<Slot>() + Unsafe.SizeOf<TState>();

    /// <summary>Bytes the table's pages and buckets hold now (for the documented memory bound).</summary>
    public long AllocatedBytes => (long)_buckets.Length * sizeof(int) + (long)_allocated * EntryBytes + (long)_pages.Length * 2 * IntPtr.Size
        + (long)_ipv6Allocated * Unsafe.SizeOf<Ipv6Addresses>();

    /// <summary>The state of entry <paramref name="index"/>.</summary>
    public ref TState this[int index] => ref _states[index >> PageShift][index & (PageEntries - 1)];

    /// <summary>
    /// The entry of <paramref name="key"/>, made (with a default state) when there is none; <paramref name="added"/> says
    /// which. The entry becomes the most recently used.
    /// </summary>
    public int FindOrAdd(in ConversationKey key, out bool added)
    {
        int hash = key.GetHashCode();
        var buckets = _buckets;
        int mask = buckets.Length - 1;
        uint tag = (uint)hash & ~_indexMask;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            uint bucket = (uint)buckets[slot];
            if (bucket == 0)
                break;
            int entry = (int)(bucket & _indexMask) - 1;
            if ((bucket & ~_indexMask) == tag && Matches(At(entry).Key, key))
            {
                added = false;
                Touch(entry);
                return entry;
            }
        }
        added = true;
        int index = Allocate();
        At(index).Key = Store(key);
        this[index] = default;
        Insert(index, hash);
        LinkNewest(index);
        Count++;
        return index;
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
        ref Slot entry = ref At(index);
        if (entry.Key.Family == 6)
            ReleaseIpv6((int)entry.Key.Addresses);
        this[index] = default;
        entry.Older = _free;
        _free = index;
        Count--;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Slot At(int index) => ref _pages[index >> PageShift][index & (PageEntries - 1)];

    private int Allocate()
    {
        if (_free != None)
        {
            int reused = _free;
            _free = At(reused).Older;
            return reused;
        }
        if (Count >= Capacity)
        {
            // At the bound: the conversation idle longest makes room.
            int victim = _oldest;
            _evicting?.Invoke(victim);
            Remove(victim);
            Evicted++;
            _free = At(victim).Older;
            return victim;
        }
        if (_used == _allocated)
            Grow();
        return _used++;
    }

    private void Grow()
    {
        if (_pages.Length == 1 && _allocated < PageEntries)
        {
            // The first page doubles (a small copy) until it is a full page.
            _allocated = Math.Min(Math.Min(_allocated * 2, PageEntries), Capacity);
            Array.Resize(ref _pages[0], _allocated);
            Array.Resize(ref _states[0], _allocated);
        }
        else
        {
            Array.Resize(ref _pages, _pages.Length + 1);
            Array.Resize(ref _states, _states.Length + 1);
            int entries = Math.Min(PageEntries, Capacity - _allocated);
            _pages[^1] = new Slot[entries];
            _states[^1] = new TState[entries];
            _allocated += entries;
        }
        int buckets = BucketCountFor(_allocated);
        if (buckets == _buckets.Length)
            return;
        _buckets = new int[buckets];
        // Every live entry is in the recency list: rehash by walking it.
        for (int e = _oldest; e != None; e = At(e).Newer)
            Insert(e, KeyOf(At(e).Key).GetHashCode());
    }

    /// <summary>Buckets for up to <paramref name="entries"/> entries at a load of at most one half.</summary>
    private static int BucketCountFor(int entries) => (int)Math.Min(1L << 30, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, entries)) * 2);

    private void Insert(int index, int hash)
    {
        int mask = _buckets.Length - 1;
        int slot = hash & mask;
        while (_buckets[slot] != 0)
            slot = (slot + 1) & mask;
        _buckets[slot] = (int)((uint)hash & ~_indexMask | (uint)(index + 1));
    }

    private void RemoveFromBuckets(int index)
    {
        int mask = _buckets.Length - 1;
        int slot = KeyOf(At(index).Key).GetHashCode() & mask;
        while (((uint)_buckets[slot] & _indexMask) != index + 1)
            slot = (slot + 1) & mask;
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int hole = slot;
        for (int next = (hole + 1) & mask; _buckets[next] != 0; next = (next + 1) & mask)
        {
            int home = KeyOf(At((int)((uint)_buckets[next] & _indexMask) - 1).Key).GetHashCode() & mask;
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
        ref Slot entry = ref At(index);
        entry.Older = _newest;
        entry.Newer = None;
        if (_newest != None)
            At(_newest).Newer = index;
        _newest = index;
        if (_oldest == None)
            _oldest = index;
    }

    private void Unlink(int index)
    {
        ref Slot entry = ref At(index);
        int older = entry.Older, newer = entry.Newer;
        if (older != None)
            At(older).Newer = newer;
        else
            _oldest = newer;
        if (newer != None)
            At(newer).Older = older;
        else
            _newest = older;
    }

    private bool Matches(in StoredKey stored, in ConversationKey key)
    {
        if (stored.Ports != key.Ports || stored.Family != key.Family)
            return false;
        if (ConversationKey.FitsInWord(key.Family))
            return stored.Addresses == (key.AddressLowA << 32 | key.AddressLowB);
        ref readonly Ipv6Addresses addresses = ref Ipv6At((int)stored.Addresses);
        return addresses.LowA == key.AddressLowA && addresses.LowB == key.AddressLowB
            && addresses.HighA == key.AddressHighA && addresses.HighB == key.AddressHighB;
    }

    private StoredKey Store(in ConversationKey key)
    {
        if (ConversationKey.FitsInWord(key.Family))
            return new StoredKey { Addresses = key.AddressLowA << 32 | key.AddressLowB, Ports = key.Ports, Family = key.Family };
        int slot = AllocateIpv6();
        Ipv6At(slot) = new Ipv6Addresses { HighA = key.AddressHighA, LowA = key.AddressLowA, HighB = key.AddressHighB, LowB = key.AddressLowB };
        return new StoredKey { Addresses = (ulong)slot, Ports = key.Ports, Family = key.Family };
    }

    private ConversationKey KeyOf(in StoredKey stored)
    {
        if (ConversationKey.FitsInWord((byte)stored.Family))
            return ConversationKey.FromParts((byte)stored.Family, 0, stored.Addresses >> 32, 0, (uint)stored.Addresses, stored.Ports);
        ref readonly Ipv6Addresses addresses = ref Ipv6At((int)stored.Addresses);
        return ConversationKey.FromParts((byte)stored.Family, addresses.HighA, addresses.LowA, addresses.HighB, addresses.LowB, stored.Ports);
    }

    private ref Ipv6Addresses Ipv6At(int slot) => ref _ipv6Pages[slot >> PageShift][slot & (PageEntries - 1)];

    private int AllocateIpv6()
    {
        if (_ipv6Free != None)
        {
            int reused = _ipv6Free;
            _ipv6Free = (int)Ipv6At(reused).HighA;
            return reused;
        }
        if (_ipv6Used == _ipv6Allocated)
        {
            // As the entries: the first page starts small and doubles up to a full page, then whole pages are added.
            if (_ipv6Pages.Length == 0)
                _ipv6Pages = [new Ipv6Addresses[_ipv6Allocated = Math.Min(16, PageEntries)]];
            else if (_ipv6Pages.Length == 1 && _ipv6Allocated < PageEntries)
                Array.Resize(ref _ipv6Pages[0], _ipv6Allocated = Math.Min(_ipv6Allocated * 2, PageEntries));
            else
            {
                Array.Resize(ref _ipv6Pages, _ipv6Pages.Length + 1);
                _ipv6Pages[^1] = new Ipv6Addresses[PageEntries];
                _ipv6Allocated += PageEntries;
            }
        }
        return _ipv6Used++;
    }

    private void ReleaseIpv6(int slot)
    {
        Ipv6At(slot).HighA = (ulong)_ipv6Free; // the free slots are chained through their first word
        _ipv6Free = slot;
    }

    /// <summary>A key as an entry holds it: IPv4 addresses (A in the high half), or the slot of the IPv6 addresses; both ports; 4 or 6.</summary>
    private struct StoredKey
    {
        public ulong Addresses;
        public uint Ports;
        public uint Family;
    }

    /// <summary>An IPv6 conversation's two addresses (in the free list, the first word chains to the next free slot).</summary>
    private struct Ipv6Addresses
    {
        public ulong HighA, LowA, HighB, LowB;
    }

    /// <summary>One conversation's key and its neighbours in the recency list (in the free list: the next free entry); its state is kept apart.</summary>
    private struct Slot
    {
        public StoredKey Key;
        public int Older, Newer;
    }
}
