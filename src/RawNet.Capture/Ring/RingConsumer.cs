using System.Runtime.CompilerServices;

namespace RawNet.Capture.Ring;

/// <summary>
/// One reader of a <see cref="PacketRing"/> with its own cursor: it sees every published record, in order,
/// independently of the other consumers. Use it from one thread.
/// </summary>
/// <remarks>
/// Records handed out stay valid (the producer will not overwrite them) until this consumer advances:
/// the next <see cref="TryRead"/>, <see cref="TryReadBatch"/>, <see cref="WaitForData"/> or <see cref="Release"/>.
/// A consumer that stops reading holds the producer back (lossless) or makes it drop (lossy).
/// </remarks>
public sealed unsafe class RingConsumer : IRecordBatchReader
{
    private readonly PacketRing _ring;
    private readonly byte* _base;
    private readonly int _mask;

    internal ConsumerCursor Cursor;

    internal RingConsumer(PacketRing ring, string name)
    {
        _ring = ring;
        _base = ring.Base;
        _mask = ring.Mask;
        Name = name;
    }

    /// <summary>The name given to <see cref="PacketRing.AddConsumer"/>, for statistics and diagnostics.</summary>
    public string Name { get; }

    /// <summary>The ring this consumer reads.</summary>
    public PacketRing Ring => _ring;

    /// <summary>Records handed out to this consumer so far.</summary>
    public long ReadRecords => Volatile.Read(ref Cursor.Read);

    /// <summary>Byte position this consumer has released; the producer may overwrite everything before it.</summary>
    public long Position => Volatile.Read(ref Cursor.Position);

    /// <summary>Published bytes this consumer has not yet released.</summary>
    public long LagBytes => _ring.PublishedPosition - Position;

    /// <summary>True when the producer has completed the ring and this consumer has been handed every record.</summary>
    public bool IsCompleted =>
        Volatile.Read(ref _ring.Producer.Completed) != 0 && Cursor.Next >= Volatile.Read(ref _ring.Producer.Published);

    /// <summary>Releases the records handed out before and, if one is published, hands out the next.</summary>
    /// <returns>False when no record is published yet (or the ring is completed and drained).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(out RingRecord record)
    {
        long next = Cursor.Next;
        Volatile.Write(ref Cursor.Position, next);
        if (next >= Cursor.CachedPublished && next >= RefreshPublished())
        {
            record = default;
            return false;
        }
        record = Take(next);
        return true;
    }

    /// <summary>
    /// Releases the records handed out before and takes everything published so far as one batch.
    /// Enumerate it, then call <see cref="Release"/> (or read again) to publish the cursor once for the whole batch.
    /// </summary>
    /// <returns>False when nothing is published yet.</returns>
    public bool TryReadBatch(out RingBatch batch)
    {
        long next = Cursor.Next;
        Volatile.Write(ref Cursor.Position, next);
        long end = RefreshPublished();
        batch = new RingBatch(this, end);
        return next < end;
    }

    /// <summary>Lets the producer reuse the space of every record handed out so far; those records become invalid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Release() => Volatile.Write(ref Cursor.Position, Cursor.Next);

    /// <summary>
    /// Releases the records handed out so far and waits (spin from about a microsecond, yield, then sleep on the
    /// ring's <see cref="RingDoorbell"/>) until a record is published or the ring is completed.
    /// </summary>
    /// <remarks>
    /// Records this consumer already saw published return at once; otherwise it waits before its first look at the
    /// producer's cursor (a <see cref="TryRead"/> or <see cref="TryReadBatch"/> that found nothing has just looked) (see <see cref="RingBackoff"/>), so a consumer that drained the ring lets the producer
    /// write a run of records before pulling them over.
    /// </remarks>
    /// <returns>True when a record is ready; false when the ring is completed and this consumer has read everything.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    public bool WaitForData(CancellationToken cancellationToken = default)
    {
        Release();
        long next = Cursor.Next;
        if (next < Cursor.CachedPublished)
            return true;
        // The caller's last read refreshed the producer's cursor and found nothing, so wait before looking again.
        var backoff = new RingBackoff();
        while (true)
        {
            if (backoff.WouldSleep)
            {
                // Woken by the next publish; the timeout only bounds how late a cancellation is noticed.
                _ring.Doorbell.Sleep(static consumer => consumer.HasUnreadOrCompleted(), this, CancellationCheckInterval);
                cancellationToken.ThrowIfCancellationRequested();
            }
            else
            {
                backoff.Wait(cancellationToken);
            }
            // Complete() is written after the last publish, so Published read after seeing it is final.
            bool completed = Volatile.Read(ref _ring.Producer.Completed) != 0;
            if (next < RefreshPublished())
                return true;
            if (completed)
                return false;
        }
    }

    /// <inheritdoc/>
    public void WaitForRecords(TimeSpan timeout) =>
        _ring.Doorbell.Sleep(static consumer => consumer.HasUnreadOrCompleted(), this, timeout);

    /// <summary>How long <see cref="WaitForData"/> sleeps before it looks at its cancellation token again.</summary>
    private static readonly TimeSpan CancellationCheckInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Whether a record is published past this consumer's cursor, or the producer completed the ring.</summary>
    internal bool HasUnreadOrCompleted() =>
        Volatile.Read(ref _ring.Producer.Completed) != 0 || Cursor.Next < RefreshPublished();

    /// <summary>
    /// The timestamp of the next record, without taking it (nor releasing anything); false when none is published.
    /// </summary>
    internal bool TryPeekTimestamp(out long timestamp)
    {
        long next = Cursor.Next;
        if (next >= Cursor.CachedPublished && next >= RefreshPublished())
        {
            timestamp = 0;
            return false;
        }
        timestamp = ((RecordHeader*)Locate(_base, _mask, ref next))->TimestampNanoseconds;
        return true;
    }

    /// <summary>
    /// The end of the run of published records from the next one on whose timestamps are at most
    /// <paramref name="bound"/>, at most <paramref name="maxRecords"/> of them; <paramref name="latest"/> is raised to the
    /// newest timestamp seen and <paramref name="late"/> counts the records stamped before the latest one before them.
    /// </summary>
    internal long RunEnd(long bound, int maxRecords, ref long latest, ref long late, out int records)
    {
        long position = Cursor.Next;
        long published = Cursor.CachedPublished;
        records = 0;
        while (records < maxRecords && position < published)
        {
            long at = position;
            var header = (RecordHeader*)Locate(_base, _mask, ref at);
            long timestamp = header->TimestampNanoseconds;
            if (timestamp > bound)
                break;
            if (timestamp < latest)
                late++;
            else
                latest = timestamp;
            position = at + RecordHeader.RecordLength(header->CapturedLength);
            records++;
        }
        return position;
    }

    /// <summary>A batch of this consumer's records up to <paramref name="end"/> (a record boundary at or before the published position).</summary>
    internal RingBatch BatchTo(long end)
    {
        Volatile.Write(ref Cursor.Position, Cursor.Next);
        return new RingBatch(this, end);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long RefreshPublished() => Cursor.CachedPublished = Volatile.Read(ref _ring.Producer.Published);

    internal byte* Base => _base;

    internal int Mask => _mask;

    /// <summary>Hands out the record at <paramref name="next"/>, which must be below the published position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal RingRecord Take(long next)
    {
        byte* record = Locate(_base, _mask, ref next);
        int length = *(int*)record;
        Cursor.Next = next + RecordHeader.RecordLength(length);
        Volatile.Write(ref Cursor.Read, Cursor.Read + 1);
        return new RingRecord(record, length, next);
    }

    /// <summary>
    /// The record at <paramref name="position"/>; a wrap marker there moves <paramref name="position"/> to the
    /// start of the next lap. A marker is published together with the record after it, so that record is readable too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte* Locate(byte* arena, int mask, ref long position)
    {
        byte* record = arena + ((int)position & mask);
        if (*(int*)record == RecordHeader.WrapMarker)
        {
            position += (mask + 1) - ((int)position & mask);
            record = arena;
        }
        return record;
    }
}
