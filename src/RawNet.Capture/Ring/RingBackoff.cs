namespace RawNet.Capture.Ring;

/// <summary>
/// Waiting for the other side of the ring: a spin of about a microsecond that doubles each round, then yielding,
/// then 1 ms sleeps (a consumer sleeps on the ring's <see cref="RingDoorbell"/> instead; the producer of a full
/// lossless ring still sleeps here). Machines with few cores need the later stages, or a spinning consumer starves the producer it
/// waits for.
/// </summary>
/// <remarks>
/// The first spin is long on purpose. Every look at the other side's cursor moves a cache line between cores
/// (about 60 ns each way on the 2-vCPU benchmark VM); a consumer that looks again after a few nanoseconds finds one
/// or two new records and pulls the producer's lines over for each of them. Waiting about a microsecond lets the
/// other side fill (or free) a run of records on its own core first: one at a time went from 10 ns to 3 ns per
/// record. The cost is at most that microsecond of latency when data arrives on an idle ring.
/// </remarks>
internal struct RingBackoff
{
    /// <summary>The first round spins 2^5 = 32 normalized pauses, about a microsecond.</summary>
    private const int FirstRound = 5;
    private const int SpinRounds = 10;
    private const int YieldRounds = SpinRounds + 20;

    private int _round = FirstRound;

    /// <summary>Starts at the first, shortest wait.</summary>
    public RingBackoff()
    {
    }

    /// <summary>True once spinning and yielding are over and <see cref="Wait"/> would sleep a millisecond.</summary>
    public readonly bool WouldSleep => _round >= YieldRounds;

    /// <summary>Waits one step longer than the last call; throws if <paramref name="cancellationToken"/> is cancelled.</summary>
    public void Wait(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_round < SpinRounds)
            Thread.SpinWait(1 << _round);
        else if (_round < YieldRounds)
            Thread.Yield();
        else
            Thread.Sleep(1);
        if (_round < YieldRounds)
            _round++;
    }
}
