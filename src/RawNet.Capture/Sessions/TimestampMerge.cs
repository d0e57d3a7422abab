using System.Diagnostics;
using RawNet.Capture.Ring;

namespace RawNet.Capture.Sessions;

/// <summary>
/// Reads several rings (one per socket of a PACKET_FANOUT group) as one stream in timestamp order, handing out runs of
/// one ring's records as batches, without copying: what one socket on the interface would have given.
/// </summary>
/// <remarks>
/// <para>Each socket's records come in the kernel's order. The oldest record held is handed out once every other ring
/// has a record at least as new (their order is then known), or once no other ring can still bring an older one: its
/// timestamp is <see cref="Window"/> behind the wall clock, or it has been the oldest for <see cref="Window"/> (so a
/// stepped clock cannot hold it longer). A ring whose capture ended and which was read to the end is not waited for.
/// So a frame waits at most <see cref="Window"/> (plus a reader's poll) while some socket is quiet, and not at all
/// while every socket has traffic.</para>
/// <para>A frame that reaches its ring more than <see cref="Window"/> after its timestamp (a capture thread kept off
/// the CPU that long) may find a newer frame already handed out. It is handed out anyway, never dropped, and counted in
/// <see cref="LateRecords"/>, as is a frame its own socket delivered after a newer one.</para>
/// </remarks>
public sealed class TimestampMerge : IRecordBatchReader
{
    /// <summary>The default <see cref="Window"/>: ten times the kernel's block retire timeout, for a busy machine.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMilliseconds(100);

    /// <summary>The most records in one batch, so each ring's space is released in parts.</summary>
    private const int MaxRun = 1024;

    private readonly RingConsumer[] _consumers;
    private readonly long _windowNanoseconds;
    private readonly long _windowTicks;
    private readonly long _limit;
    private readonly Action? _limitReached;
    private long _handedOut;
    private long _latest = long.MinValue;
    private long _late;
    // The oldest record held back while some ring is empty: its ring, position and since when (Stopwatch ticks).
    private int _heldRing = -1;
    private long _heldPosition;
    private long _heldSince;

    /// <summary>
    /// A merge of <paramref name="consumers"/> (one per ring) that hands out at most <paramref name="limit"/> records (0:
    /// no limit) and calls <paramref name="limitReached"/> when it has.
    /// </summary>
    public TimestampMerge(IReadOnlyList<RingConsumer> consumers, TimeSpan window, long limit = 0, Action? limitReached = null)
    {
        ArgumentNullException.ThrowIfNull(consumers);
        ArgumentOutOfRangeException.ThrowIfZero(consumers.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(window.Ticks);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        _consumers = [.. consumers];
        Window = window;
        _windowNanoseconds = window.Ticks * 100;
        _windowTicks = (long)(window.TotalSeconds * Stopwatch.Frequency);
        _limit = limit;
        _limitReached = limitReached;
    }

    /// <summary>How long the oldest record may be held back waiting for a quiet socket.</summary>
    public TimeSpan Window { get; }

    /// <summary>Records handed out so far.</summary>
    public long HandedOut => Volatile.Read(ref _handedOut);

    /// <summary>Records handed out after a newer one (they reached the merge later than its window, or their socket delivered them out of order).</summary>
    public long LateRecords => Volatile.Read(ref _late);

    /// <inheritdoc/>
    public bool IsCompleted
    {
        get
        {
            if (_limit > 0 && _handedOut >= _limit)
                return true;
            foreach (var consumer in _consumers)
            {
                if (!consumer.IsCompleted)
                    return false;
            }
            return true;
        }
    }

    /// <inheritdoc/>
    public bool TryReadBatch(out RingBatch batch)
    {
        batch = default;
        if (_limit > 0 && _handedOut >= _limit)
            return false;
        int oldest = -1;
        long oldestTime = long.MaxValue;
        long othersFirst = long.MaxValue;
        bool someoneQuiet = false;
        for (var i = 0; i < _consumers.Length; i++)
        {
            var consumer = _consumers[i];
            // Whatever was handed out from this ring before is released here.
            consumer.Release();
            if (!consumer.TryPeekTimestamp(out var time))
            {
                // Completed is set after the last publish: a completed ring that has nothing is finished.
                if (!consumer.IsCompleted)
                    someoneQuiet = true;
                continue;
            }
            if (time < oldestTime)
            {
                othersFirst = oldestTime;
                oldestTime = time;
                oldest = i;
            }
            else if (time < othersFirst)
            {
                othersFirst = time;
            }
        }
        if (oldest < 0)
            return false;
        long bound = othersFirst;
        if (someoneQuiet)
        {
            // A quiet socket could still bring anything stamped up to the wall clock less the window.
            long horizon = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100 - _windowNanoseconds;
            bound = Math.Min(bound, Math.Max(horizon, HeldLongEnough(oldest) ? oldestTime : long.MinValue));
            if (bound < oldestTime)
                return false;
        }
        _heldRing = -1;
        var chosen = _consumers[oldest];
        int most = _limit > 0 ? (int)Math.Min(MaxRun, _limit - _handedOut) : MaxRun;
        long end = chosen.RunEnd(bound, most, ref _latest, ref _late, out int records);
        Volatile.Write(ref _handedOut, _handedOut + records);
        batch = chosen.BatchTo(end);
        if (_limit > 0 && _handedOut >= _limit)
            _limitReached?.Invoke();
        return true;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A record held back for a quiet socket becomes ready as time passes, not on a publish: then this sleeps a
    /// millisecond. Otherwise it sleeps on the rings' doorbell when they share one (a <see cref="CaptureSession"/>'s
    /// do), else a millisecond at most.
    /// </remarks>
    public void WaitForRecords(TimeSpan timeout)
    {
        var doorbell = _consumers[0].Ring.Doorbell;
        bool shared = true;
        foreach (var consumer in _consumers)
        {
            if (consumer.HasUnreadOrCompleted())
            {
                Thread.Sleep(1);
                return;
            }
            shared &= consumer.Ring.Doorbell == doorbell;
        }
        doorbell.Sleep(static merge => merge.AnyUnreadOrCompleted(), this, shared ? timeout : TimeSpan.FromMilliseconds(1));
    }

    private bool AnyUnreadOrCompleted()
    {
        foreach (var consumer in _consumers)
        {
            if (consumer.HasUnreadOrCompleted())
                return true;
        }
        return false;
    }

    /// <summary>Whether ring <paramref name="ring"/>'s next record has been the oldest held for the whole window.</summary>
    private bool HeldLongEnough(int ring)
    {
        long position = _consumers[ring].Position;
        long now = Stopwatch.GetTimestamp();
        if (_heldRing != ring || _heldPosition != position)
        {
            _heldRing = ring;
            _heldPosition = position;
            _heldSince = now;
        }
        return now - _heldSince >= _windowTicks;
    }
}
