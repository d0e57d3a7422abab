using System.Runtime.CompilerServices;
using RawNet.Protocols;

namespace RawNet.Capture.Ring;

/// <summary>
/// The producer's fast path for blocks of records (for example one TPACKET_V3 block): appends keep the write
/// position and the free-space limit in registers instead of the ring's shared fields, and <see cref="Publish"/>
/// makes everything appended visible to the consumers at once. Get one from <see cref="PacketRing.BeginAppend"/>.
/// </summary>
/// <remarks>
/// While an appender is in use the producer thread writes only through it (the ring's own write, claim and
/// complete members would lose its unpublished records); <see cref="Publish"/> hands its position back to the
/// ring, after which the ring's members may be used again. Records appended but never published are discarded.
/// <see cref="PacketRing.WrittenRecords"/> counts appended records when they are published (or when the ring
/// reaches its limit), not one by one.
/// </remarks>
public unsafe ref struct RingAppender
{
    // Within one lap positions map linearly onto the arena and the limit never crosses the lap's end, so the hot
    // path works on pointers alone: the write pointer, its limit and a record count are all it keeps in registers.
    private readonly PacketRing _ring;
    private readonly byte* _base;
    private readonly int _maxDataLength;
    private long _lapStart;
    private long _synced;
    private byte* _write;
    private byte* _writeLimit;
    private long _unsynced;

    internal RingAppender(PacketRing ring)
    {
        _ring = ring;
        _base = ring.Base;
        _maxDataLength = ring.MaxRecordDataLength;
        _synced = ring.Producer.Tail;
        Seek(_synced);
    }

    /// <summary>
    /// Copies one record after the ones appended so far, without blocking. Returns false when the ring is full; on a
    /// <see cref="RingPolicy.Lossy"/> ring that record is dropped and counted. Like <see cref="PacketRing.TryAppend"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="data"/> is longer than <see cref="PacketRing.MaxRecordDataLength"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAppend(in FrameMetadata metadata, scoped ReadOnlySpan<byte> data)
    {
        int length = data.Length;
        int recordLength = RecordHeader.RecordLength(length);
        if (_write + recordLength > _writeLimit || length > _maxDataLength)
            return AppendBeyondLimit(metadata, data, wait: false, default);
        Store(recordLength, metadata, data);
        return true;
    }

    /// <summary>
    /// Copies one record after the ones appended so far into a <see cref="RingPolicy.Lossless"/> ring, waiting (spin,
    /// yield, then sleep) while the slowest consumer leaves no room; what was appended before is published first so
    /// the consumers can free it. Like <see cref="PacketRing.Append"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting; nothing was written.</exception>
    /// <exception cref="InvalidOperationException">The ring is lossy (its producer must never block).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(in FrameMetadata metadata, scoped ReadOnlySpan<byte> data, CancellationToken cancellationToken = default)
    {
        int length = data.Length;
        int recordLength = RecordHeader.RecordLength(length);
        if (_write + recordLength > _writeLimit || length > _maxDataLength)
            AppendBeyondLimit(metadata, data, wait: true, cancellationToken);
        else
            Store(recordLength, metadata, data);
    }

    /// <summary>Makes every record appended so far visible to the consumers; the appender stays usable.</summary>
    /// <exception cref="InvalidOperationException">The ring was written or completed outside this appender.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish()
    {
        Sync();
        _ring.Publish();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Store(int recordLength, in FrameMetadata metadata, scoped ReadOnlySpan<byte> data)
    {
        PacketRing.WriteRecordAt(_write, metadata, data);
        _write += recordLength;
        _unsynced++;
    }

    /// <summary>
    /// The wrap point, a full ring or an oversized record: hand the position back and let the ring write this record
    /// (or refuse it), then continue from where the ring is. The whole record goes out of line so that nothing of the
    /// caller's loop but its own variables lives across the call. False when a non-waiting append found the ring full.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool AppendBeyondLimit(in FrameMetadata metadata, scoped ReadOnlySpan<byte> data, bool wait, CancellationToken cancellationToken)
    {
        Sync();
        bool appended = _ring.AppendBeyondLimit(metadata.TimestampNanoseconds, metadata.OriginalLength, metadata.LinkType,
            metadata.InterfaceId, metadata.Direction, data, wait, cancellationToken);
        _synced = _ring.Producer.Tail;
        Seek(_synced);
        return appended;
    }

    /// <summary>Points the write pointer and its limit at <paramref name="position"/> and the ring's current limit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Seek(long position)
    {
        int mask = _ring.Mask;
        _lapStart = position & ~(long)mask;
        _write = _base + (position - _lapStart);
        _writeLimit = _base + (_ring.Producer.Limit - _lapStart);
    }

    /// <summary>Writes the position and record count back to the ring.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Sync()
    {
        long tail = _lapStart + (_write - _base);
        _ring.SyncAppender(_synced, tail, _unsynced);
        _synced = tail;
        _unsynced = 0;
    }
}
