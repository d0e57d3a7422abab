namespace RawNet.Benchmarks.Ring;

/// <summary>
/// A measuring stick: two threads take turns writing a counter on two padded lines, each waiting to see the other's
/// last write. One round is two one-way cache line transfers between the cores, the latency every look at the
/// other side's cursor can cost.
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
                var wait = new SpinWait();
                while (Volatile.Read(ref Ping) != i)
                    wait.SpinOnce();
                Volatile.Write(ref Pong, i);
            }
        }) { Name = "ping-pong partner" };
        partner.Start();
        for (long i = 1; i <= rounds; i++)
        {
            Volatile.Write(ref Ping, i);
            var wait = new SpinWait();
            while (Volatile.Read(ref Pong) != i)
                wait.SpinOnce();
        }
        partner.Join();
        return Volatile.Read(ref Pong);
    }
}
