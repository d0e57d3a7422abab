using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RawNet.Benchmarks.Ring;

/// <summary>
/// A measuring stick, not a ring to use: one producer and one consumer move 32-byte slots (four 8-byte stores, the
/// same bytes a small ring record has) through a 64-byte-aligned arena, publishing every N slots and releasing once
/// per batch, with positions on separate 128-byte-padded lines. No variable lengths, no wrap marker, no payload copy,
/// no metadata: what is left is the cost of the cache lines crossing between the two cores. Both sides wait with
/// <see cref="SpinWait"/> (spin, then yield), so a side whose partner was descheduled gives its core back.
/// </summary>
internal sealed unsafe class FixedSlotRing
{
    private const int SlotBytes = 32;
    private readonly byte[] _arena;
    private readonly byte* _base;
    private readonly int _mask;
    private readonly long[] _positions = GC.AllocateArray<long>(64, pinned: true);

    public FixedSlotRing(int bytes)
    {
        _arena = GC.AllocateArray<byte>(bytes + 64, pinned: true);
        byte* start = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_arena));
        _base = (byte*)(((nint)start + 63) & ~(nint)63);
        _mask = bytes - 1;
    }

    private ref long Published => ref _positions[16];

    private ref long Released => ref _positions[48];

    public void Produce(int count, int publishEvery)
    {
        long tail = 0, limit = _mask + 1;
        for (int i = 0; i < count; i++)
        {
            if (tail + SlotBytes > limit)
            {
                Volatile.Write(ref Published, tail);
                var wait = new SpinWait();
                while ((limit = Volatile.Read(ref Released) + _mask + 1) < tail + SlotBytes)
                    wait.SpinOnce();
            }
            ulong* slot = (ulong*)(_base + ((int)tail & _mask));
            slot[0] = (uint)(i & 15) | 60UL << 32;
            slot[1] = (ulong)i;
            slot[2] = 1UL << 32;
            slot[3] = 0x4500;
            tail += SlotBytes;
            if ((i & (publishEvery - 1)) == publishEvery - 1)
                Volatile.Write(ref Published, tail);
        }
        Volatile.Write(ref Published, tail);
    }

    public long Consume(int count)
    {
        long sum = 0, next = 0, end = (long)count * SlotBytes;
        var wait = new SpinWait();
        while (next < end)
        {
            long published = Volatile.Read(ref Published);
            if (published == next)
            {
                wait.SpinOnce();
                continue;
            }
            wait.Reset();
            for (; next < published; next += SlotBytes)
            {
                byte* slot = _base + ((int)next & _mask);
                sum += *(int*)slot + slot[24];
            }
            Volatile.Write(ref Released, next);
        }
        return sum;
    }
}
