namespace RawNet.Capture.Ring;

/// <summary>
/// What reads captured records a batch at a time: one <see cref="RingConsumer"/>, or a
/// <see cref="Sessions.TimestampMerge"/> of several rings. Use it from one thread.
/// </summary>
public interface IRecordBatchReader
{
    /// <summary>
    /// Releases the records handed out before and takes the next batch that is ready; enumerate it, then
    /// <see cref="RingBatch.Release"/> it (or read again). False when nothing is ready yet.
    /// </summary>
    bool TryReadBatch(out RingBatch batch);

    /// <summary>True once no record will ever be handed out again (the capture ended and everything was read).</summary>
    bool IsCompleted { get; }

    /// <summary>
    /// After a <see cref="TryReadBatch"/> that found nothing: sleeps until records may be ready or the reader may have
    /// completed (a producer published or completed), at most <paramref name="timeout"/>. Without burning CPU: an idle
    /// capture's readers sleep here.
    /// </summary>
    void WaitForRecords(TimeSpan timeout);
}
