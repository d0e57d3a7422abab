namespace RawNet.Benchmarks.Ring;

/// <summary>
/// A measuring stick: two threads take turns writing a counter on two padded lines, each waiting to see the other's
/// last write. One round is two one-way cache line transfers between the cores, the latency every look at the
/// other side's cursor can cost. Each side polls without pausing (a pause would add its own latency) and yields only
/// after many polls, so a partner that was descheduled gets its core back.
/// </summary>
internal sealed class CacheLinePingPong
{
    private readonly long[] _lines = GC.AllocateArray<long>(64, pinned: true);

    private ref long Ping => ref _lines[16];

    private ref long Pong => ref _lines[48];

    /// <summary>Runs <paramref name="rounds"/> round trips with a second thread; returns the last value seen.</summary>
    public long Run(int rounds)
    {
        var partner = new Thread(() =>
        {
            for (long i = 1; i <= rounds; i++)
            {
                AwaitValue(ref Ping, i);
                Volatile.Write(ref Pong, i);
            }
        }) { Name = "ping-pong partner" };
        partner.Start();
        for (long i = 1; i <= rounds; i++)
        {
            Volatile.Write(ref Ping, i);
            AwaitValue(ref Pong, i);
        }
        partner.Join();
        return Volatile.Read(ref Pong);
    }

    private static void AwaitValue(ref long line, long value)
    {
        for (int polls = 1; Volatile.Read(ref line) != value; polls++)
        {
            if ((polls & 0xFFFF) == 0)
                Thread.Yield();
        }
    }
}
