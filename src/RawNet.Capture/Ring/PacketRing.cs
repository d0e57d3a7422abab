using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RawNet.Protocols;

namespace RawNet.Capture.Ring;

/// <summary>
/// A single-producer, multi-consumer ring of packet records in one pinned, pre-allocated byte arena.
/// </summary>
/// <remarks>
/// <para>Positions are ever-increasing <see cref="long"/> byte offsets; the arena index is
/// <c>position &amp; (capacity - 1)</c>. A record is a 24-byte header and its data padded to 8 bytes,
/// always contiguous: when it does not fit before the end of the arena the producer writes a wrap
/// marker and starts the record at the next lap.</para>
/// <para>Each <see cref="RingConsumer"/> sees every record, in order, through its own cursor; the
/// producer's free space is bounded by the slowest consumer. Add all consumers before the first
/// record is written.</para>
/// <para>Thread safety: exactly one thread may call the producer members (<see cref="TryWrite"/>,
/// <see cref="Write"/>, <see cref="TryAppend"/>, <see cref="Append"/>, <see cref="Publish"/>,
/// <see cref="Complete"/>, <see cref="BeginAppend"/> and the
/// <see cref="RingAppender"/> it returns); each consumer is used by one thread; the counters may be read from any thread.</para>
/// </remarks>
public sealed unsafe class PacketRing
{
    /// <summary>Bytes of header each record takes in front of its data.</summary>
    public const int RecordHeaderLength = RecordHeader.Length;

    /// <summary>The smallest arena this ring accepts.</summary>
    public const int MinimumCapacity = 128;

    /// <summary>The largest arena this ring accepts.</summary>
    public const int MaximumCapacity = 1 << 30;

    private const int ArenaAlignment = 64;

    // The pinned array keeps _base valid for as long as the ring (and any consumer, which references it) lives.
    private readonly byte[] _arena;
    private readonly byte* _base;
    private readonly int _capacity;
    private readonly int _mask;
    private readonly int _maxDataLength;
    private readonly RingPolicy _policy;
    private RingConsumer[] _consumers = [];

    internal ProducerCursor Producer;

    /// <summary>
    /// Creates a ring with an arena of <paramref name="capacityBytes"/> bytes, a power of two, whose publishes ring
    /// <paramref name="doorbell"/> (a bell of its own when none is given; rings read together share one).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="capacityBytes"/> is not a power of two between <see cref="MinimumCapacity"/> and <see cref="MaximumCapacity"/>.</exception>
    public PacketRing(int capacityBytes, RingPolicy policy, RingDoorbell? doorbell = null)
    {
        Doorbell = doorbell ?? new RingDoorbell();
        if (capacityBytes < MinimumCapacity || capacityBytes > MaximumCapacity || !BitOperations.IsPow2(capacityBytes))
            throw new ArgumentException($"Capacity must be a power of two between {MinimumCapacity} and {MaximumCapacity} bytes, not {capacityBytes}.", nameof(capacityBytes));
        if (policy is not (RingPolicy.Lossy or RingPolicy.Lossless))
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown ring policy.");

        _arena = GC.AllocateArray<byte>(capacityBytes + ArenaAlignment, pinned: true);
        byte* start = (byte*)Unsafe.AsPointer(ref _arena[0]);
        _base = (byte*)(((nint)start + (ArenaAlignment - 1)) & ~(nint)(ArenaAlignment - 1));
        _capacity = capacityBytes;
        _mask = capacityBytes - 1;
        _maxDataLength = capacityBytes / 2 - RecordHeader.Length;
        _policy = policy;
        Producer.Limit = capacityBytes;
    }

    /// <summary>What a consumer that has caught up sleeps on until the next publish.</summary>
    public RingDoorbell Doorbell { get; }

    /// <summary>Arena size in bytes.</summary>
    public int Capacity => _capacity;

    /// <summary>What the producer does when the ring is full.</summary>
    public RingPolicy Policy => _policy;

    /// <summary>The most data bytes one record may carry: half the arena less the header, so a wrapped record always fits.</summary>
    public int MaxRecordDataLength => _maxDataLength;

    /// <summary>Records written so far (including appended ones not yet published).</summary>
    public long WrittenRecords => Volatile.Read(ref Producer.Written);

    /// <summary>Records a full lossy ring refused (the newest record is the one dropped).</summary>
    public long DroppedRecords => Volatile.Read(ref Producer.Dropped);

    /// <summary>Byte position up to which records are published.</summary>
    public long PublishedPosition => Volatile.Read(ref Producer.Published);

    /// <summary>True once <see cref="Complete"/> has been called: no more records will be published.</summary>
    public bool IsCompleted => Volatile.Read(ref Producer.Completed) != 0;

    /// <summary>The consumers, in the order they were added.</summary>
    public IReadOnlyList<RingConsumer> Consumers => Volatile.Read(ref _consumers);

    /// <summary>Arena bytes the slowest consumer has not yet released (including wrap padding and records it holds).</summary>
    public long FillBytes
    {
        get
        {
            long published = Volatile.Read(ref Producer.Published);
            return published - MinimumConsumerPosition(published);
        }
    }

    /// <summary><see cref="FillBytes"/> as a percentage of <see cref="Capacity"/>.</summary>
    public double FillPercent => FillBytes * 100.0 / _capacity;

    internal byte* Base => _base;

    internal int Mask => _mask;

    /// <summary>Adds a consumer that will see every record from the first one on.</summary>
    /// <remarks>Consumers must be added before the first record is written; a late consumer would miss records the others saw.</remarks>
    /// <exception cref="InvalidOperationException">A record has already been written or dropped.</exception>
    public RingConsumer AddConsumer(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Producer.Tail != 0 || Volatile.Read(ref Producer.Dropped) != 0)
            throw new InvalidOperationException("Consumers must be added before the producer starts writing.");
        var consumer = new RingConsumer(this, name);
        Volatile.Write(ref _consumers, [.. _consumers, consumer]);
        return consumer;
    }

    /// <summary>
    /// Copies one record into the ring and publishes it, without blocking. The stored captured length is
    /// <paramref name="data"/>'s length. Returns false when the ring is full; on a
    /// <see cref="RingPolicy.Lossy"/> ring that record is dropped and counted.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="data"/> is longer than <see cref="MaxRecordDataLength"/>.</exception>
    /// <exception cref="InvalidOperationException">The ring is completed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryWrite(in FrameMetadata metadata, ReadOnlySpan<byte> data)
    {
        if (!TryAppend(metadata, data))
            return false;
        Publish();
        return true;
    }

    /// <summary>
    /// Like <see cref="TryWrite"/>, but the record stays invisible to consumers until <see cref="Publish"/>,
    /// so a producer that receives frames in blocks publishes its cursor once per block.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAppend(in FrameMetadata metadata, ReadOnlySpan<byte> data)
    {
        long start = Producer.Tail;
        if (!FitsBeforeLimit(start, data.Length))
            return AppendBeyondLimit(metadata.TimestampNanoseconds, metadata.OriginalLength, metadata.LinkType, metadata.InterfaceId, metadata.Direction, data, wait: false, default);
        WriteRecord(start, metadata, data);
        return true;
    }

    /// <summary>
    /// Copies one record into a <see cref="RingPolicy.Lossless"/> ring and publishes it, waiting (spin, yield,
    /// then sleep) while the slowest consumer leaves no room.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting; nothing was written.</exception>
    /// <exception cref="InvalidOperationException">The ring is lossy (its producer must never block) or completed.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(in FrameMetadata metadata, ReadOnlySpan<byte> data, CancellationToken cancellationToken = default)
    {
        Append(metadata, data, cancellationToken);
        Publish();
    }

    /// <summary>Like <see cref="Write"/>, but the record stays invisible to consumers until <see cref="Publish"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(in FrameMetadata metadata, ReadOnlySpan<byte> data, CancellationToken cancellationToken = default)
    {
        long start = Producer.Tail;
        if (!FitsBeforeLimit(start, data.Length) || _policy != RingPolicy.Lossless)
            AppendBeyondLimit(metadata.TimestampNanoseconds, metadata.OriginalLength, metadata.LinkType, metadata.InterfaceId, metadata.Direction, data, wait: true, cancellationToken);
        else
            WriteRecord(start, metadata, data);
    }

    /// <summary>
    /// The producer's one test per record: a record of <paramref name="dataLength"/> bytes at <paramref name="start"/>
    /// ends before the <see cref="ProducerCursor.Limit"/>, is not oversized, and the ring is not completed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool FitsBeforeLimit(long start, int dataLength) =>
        start + RecordHeader.RecordLength(dataLength) <= Producer.Limit && dataLength <= _maxDataLength && Producer.Completed == 0;

    /// <summary>
    /// Starts a block of appends whose position stays in registers until <see cref="RingAppender.Publish"/>:
    /// the fastest way to write many records per publish.
    /// </summary>
    /// <exception cref="InvalidOperationException">The ring is completed.</exception>
    public RingAppender BeginAppend()
    {
        if (Producer.Completed != 0)
            throw new InvalidOperationException("The ring is completed; no more records can be written.");
        return new RingAppender(this);
    }

    /// <summary>Makes every appended record visible to the consumers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish()
    {
        Volatile.Write(ref Producer.Published, Producer.Tail);
        Doorbell.Ring();
    }

    /// <summary>Publishes what was appended and marks the end of the stream: consumers drain it and then report completion.</summary>
    public void Complete()
    {
        Publish();
        Volatile.Write(ref Producer.Completed, 1);
        Doorbell.Ring();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckWritable(int length)
    {
        if ((uint)length > (uint)_maxDataLength || Producer.Completed != 0)
            ThrowNotWritable(length);
    }

    /// <summary>Start position of a record of <paramref name="recordLength"/> bytes, or -1 if the ring is full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long TryReserve(int recordLength)
    {
        long position = Producer.Tail;
        if (position + recordLength > Producer.Limit)
            return TryReserveSlow(position, recordLength);
        return position;
    }

    /// <summary>
    /// The producer reached its <see cref="ProducerCursor.Limit"/> (the wrap point or an apparently full ring):
    /// re-read the consumers' positions, write the wrap marker if the record starts the next lap, and set the new limit.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private long TryReserveSlow(long position, int recordLength)
    {
        int untilEnd = _capacity - ((int)position & _mask);
        long start = recordLength > untilEnd ? position + untilEnd : position;
        long minimum = MinimumConsumerPosition(position);
        if (start + recordLength - minimum > _capacity)
        {
            // Consumers can only free space by reading what they can see.
            Publish();
            return -1;
        }
        if (start != position)
            *(int*)(_base + ((int)position & _mask)) = RecordHeader.WrapMarker;
        Producer.Limit = Math.Min(minimum + _capacity, (start | (uint)_mask) + 1);
        return start;
    }

    /// <summary>Start position of a record with <paramref name="dataLength"/> bytes on a lossless ring, waiting for room.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Reserve(int dataLength, CancellationToken cancellationToken)
    {
        CheckWritable(dataLength);
        if (_policy != RingPolicy.Lossless)
            ThrowBlockingOnLossy();
        int recordLength = RecordHeader.RecordLength(dataLength);
        long start = TryReserve(recordLength);
        return start >= 0 ? start : ReserveWaiting(recordLength, cancellationToken);
    }

    /// <summary>
    /// The producer's slow path (the ring's own appends, and an appender after it synced its position): checks the
    /// record, reserves room past the limit, waiting for it when <paramref name="wait"/> is set, and writes the
    /// record; false when a non-waiting append found the ring full (a drop when lossy).
    /// </summary>
    /// <remarks>
    /// The whole record goes out of line, with its metadata as scalars, so the caller's loop keeps nothing but its own
    /// variables alive across this call: a struct passed by value would have to live in memory, and the loop would
    /// store every record's metadata to the stack in case this call happens.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal bool AppendBeyondLimit(long timestamp, int originalLength, LinkType linkType, int interfaceId, PacketDirection direction,
        ReadOnlySpan<byte> data, bool wait, CancellationToken cancellationToken)
    {
        long start;
        if (wait)
        {
            start = Reserve(data.Length, cancellationToken);
        }
        else
        {
            CheckWritable(data.Length);
            start = TryReserve(RecordHeader.RecordLength(data.Length));
            if (start < 0)
                return RefuseFull();
        }
        WriteRecord(start, new FrameMetadata(timestamp, data.Length, originalLength, linkType, interfaceId, direction), data);
        return true;
    }

    /// <summary>Takes back the position and record count an appender kept to itself since <paramref name="synced"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void SyncAppender(long synced, long tail, long appended)
    {
        if (Producer.Tail != synced || Producer.Completed != 0)
            ThrowWrittenOutsideAppender();
        Producer.Tail = tail;
        Volatile.Write(ref Producer.Written, Producer.Written + appended);
    }

    // Not NoInlining: the JIT must see that it only throws, so the appender's loop keeps nothing alive across the call.
    [DoesNotReturn]
    private static void ThrowWrittenOutsideAppender() =>
        throw new InvalidOperationException("The ring was written or completed outside this appender while it held unpublished records.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long ReserveWaiting(int recordLength, CancellationToken cancellationToken)
    {
        var backoff = new RingBackoff();
        while (true)
        {
            backoff.Wait(cancellationToken);
            long start = TryReserveSlow(Producer.Tail, recordLength);
            if (start >= 0)
                return start;
        }
    }

    private long MinimumConsumerPosition(long upperBound)
    {
        long minimum = upperBound;
        foreach (var consumer in Volatile.Read(ref _consumers))
        {
            long position = Volatile.Read(ref consumer.Cursor.Position);
            if (position < minimum)
                minimum = position;
        }
        return minimum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteRecord(long start, in FrameMetadata metadata, ReadOnlySpan<byte> data)
    {
        WriteRecordAt(_base + ((int)start & _mask), metadata, data);
        Advance(start + RecordHeader.RecordLength(data.Length));
    }

    /// <summary>Writes a record's header and data at <paramref name="record"/>, which has room for both.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void WriteRecordAt(byte* record, in FrameMetadata metadata, ReadOnlySpan<byte> data)
    {
        RecordHeader.Write(record, metadata, data.Length);
        CopyData(record + RecordHeader.Length, data);
    }

    /// <summary>
    /// Copies a payload with overlapping 8/4-byte or vector loads and stores, never calling memmove: a call in the
    /// producer's loop makes the JIT keep the loop's state in stack slots, which costs a small record more than its copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyData(byte* destination, ReadOnlySpan<byte> data)
    {
        nuint length = (nuint)data.Length;
        ref byte source = ref MemoryMarshal.GetReference(data);
        if (length > 16)
        {
            CopyLarge(destination, ref source, length);
        }
        else if (length >= 8)
        {
            Unsafe.WriteUnaligned(destination, Unsafe.ReadUnaligned<ulong>(ref source));
            Unsafe.WriteUnaligned(destination + length - 8, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, length - 8)));
        }
        else if (length >= 4)
        {
            Unsafe.WriteUnaligned(destination, Unsafe.ReadUnaligned<uint>(ref source));
            Unsafe.WriteUnaligned(destination + length - 4, Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, length - 4)));
        }
        else if (length != 0)
        {
            destination[0] = source;
            destination[length >> 1] = Unsafe.Add(ref source, length >> 1);
            destination[length - 1] = Unsafe.Add(ref source, length - 1);
        }
    }

    /// <summary>Copies more than 16 bytes: 16-byte vectors up to 32, else 32-byte vectors with an overlapping last one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyLarge(byte* destination, ref byte source, nuint length)
    {
        if (length <= 32)
        {
            Vector128.LoadUnsafe(ref source).Store(destination);
            Vector128.LoadUnsafe(ref source, length - 16).Store(destination + length - 16);
            return;
        }
        nuint last = length - 32;
        for (nuint offset = 0; offset < last; offset += 32)
            Vector256.LoadUnsafe(ref source, offset).Store(destination + offset);
        Vector256.LoadUnsafe(ref source, last).Store(destination + last);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Advance(long end)
    {
        Producer.Tail = end;
        Volatile.Write(ref Producer.Written, Producer.Written + 1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool RefuseFull()
    {
        if (_policy == RingPolicy.Lossy)
            Volatile.Write(ref Producer.Dropped, Producer.Dropped + 1);
        return false;
    }

    [DoesNotReturn]
    private void ThrowNotWritable(int length)
    {
        if (Producer.Completed != 0)
            throw new InvalidOperationException("The ring is completed; no more records can be written.");
        throw new ArgumentException($"A record carries between 0 and {_maxDataLength} data bytes (half the {_capacity}-byte ring less the header), not {length}.", "data");
    }

    [DoesNotReturn]
    private static void ThrowBlockingOnLossy() =>
        throw new InvalidOperationException("A lossy ring's producer must never block; use TryWrite or an appender's TryAppend.");
}
