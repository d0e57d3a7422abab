using System.Runtime.CompilerServices;

namespace RawNet.Capture.Ring;

/// <summary>
/// Lets a reader that has caught up sleep until a producer publishes, instead of waking every millisecond to look:
/// an idle capture woke its file writer a thousand times a second, which cost more CPU than the packets. Shared by
/// the rings of one capture, so a reader of several (a <see cref="Sessions.TimestampMerge"/>) sleeps on one bell.
/// </summary>
/// <remarks>
/// The producer's side is one plain read of the sleeper count per publish. The missed wake-up (the producer reads no
/// sleeper while a reader, about to sleep, still sees the old published position) is closed the asymmetric way: the
/// reader counts itself, then forces every thread's pending writes out (<see cref="Interlocked.MemoryBarrierProcessWide"/>,
/// a system call, paid only when going to sleep) before its last look, so either that look sees the publish or the
/// producer sees the sleeper. The look and the sleep happen under the bell's lock, which the producer takes to wake,
/// so a wake-up cannot fall between them either.
/// </remarks>
public sealed class RingDoorbell
{
    private readonly object _gate = new();
    private int _sleepers;

    /// <summary>Wakes the readers asleep on this bell, if any; the producer calls it after publishing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Ring()
    {
        if (Volatile.Read(ref _sleepers) != 0)
            WakeSleepers();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WakeSleepers()
    {
        lock (_gate)
            Monitor.PulseAll(_gate);
    }

    /// <summary>
    /// Sleeps until <see cref="Ring"/> is called or <paramref name="timeout"/> passes, unless <paramref name="ready"/>
    /// (looked at once more after the sleeper is counted) is already true.
    /// </summary>
    /// <returns>What <paramref name="ready"/> said on that last look before sleeping.</returns>
    public bool Sleep<TState>(Func<TState, bool> ready, TState state, TimeSpan timeout)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _sleepers);
            try
            {
                Interlocked.MemoryBarrierProcessWide();
                if (ready(state))
                    return true;
                Monitor.Wait(_gate, timeout);
                return false;
            }
            finally
            {
                Interlocked.Decrement(ref _sleepers);
            }
        }
    }
}
