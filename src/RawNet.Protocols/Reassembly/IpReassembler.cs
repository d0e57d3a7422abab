using System.Numerics;

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
/// Collects IPv4 and IPv6 fragments into whole datagrams in pre-sized slots: steady state allocates nothing, memory is
/// bounded by <see cref="ReassemblyLimits.MaxDatagramsInProgress"/> × 64 KiB, and stale datagrams time out.
/// </summary>
public sealed class IpReassembler
{
    private const int BlockBits = ReassemblyLimits.MaxDatagramLength / 8 + 1;

    private sealed class Slot : ReassemblySlot<FragmentKey>
    {
        public readonly byte[] Buffer = new byte[ReassemblyLimits.MaxDatagramLength];
        public readonly ulong[] Received = new ulong[(BlockBits + 63) / 64];
        public int TotalLength = -1;
        public int Fragments;
    }

    private readonly ReassemblyLimits _limits;
    private readonly ReassemblySlots<FragmentKey, Slot> _slots;

    /// <summary>Datagrams dropped because they timed out or were evicted to make room.</summary>
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
        buffer = null;
        length = 0;
        fragmentCount = 0;
        int end = fragmentOffset + data.Length;
        if (fragmentOffset < 0 || end > ReassemblyLimits.MaxDatagramLength)
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
            slot.TotalLength = -1;
            slot.Fragments = 0;
            Array.Clear(slot.Received);
        }
        data.CopyTo(slot.Buffer.AsSpan(fragmentOffset));
        slot.Fragments++;
        MarkReceived(slot.Received, fragmentOffset, end);
        if (!moreFragments)
            slot.TotalLength = end;
        if (slot.TotalLength < 0 || !AllReceived(slot.Received, slot.TotalLength))
            return false;

        buffer = slot.Buffer;
        length = slot.TotalLength;
        fragmentCount = slot.Fragments;
        _slots.HandOut(slotIndex);
        return true;
    }

    private static void MarkReceived(ulong[] bits, int start, int end)
    {
        for (int block = start >> 3, last = (end + 7) >> 3; block < last; block++)
            bits[block >> 6] |= 1UL << (block & 63);
    }

    private static bool AllReceived(ulong[] bits, int totalLength)
    {
        int blocks = (totalLength + 7) >> 3;
        int full = blocks >> 6;
        for (int i = 0; i < full; i++)
        {
            if (bits[i] != ulong.MaxValue)
                return false;
        }
        int rest = blocks & 63;
        return rest == 0 || BitOperations.PopCount(bits[full] & ((1UL << rest) - 1)) == rest;
    }
}
