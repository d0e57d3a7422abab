namespace RawNet.Capture.Ring;

/// <summary>
/// Waiting for the other side of the ring: a short spin, then yielding, then 1 ms sleeps.
/// Machines with few cores need the later stages, or a spinning consumer starves the producer it waits for.
/// </summary>
internal struct RingBackoff
{
    private const int SpinRounds = 10;
    private const int YieldRounds = SpinRounds + 20;

    private int _round;

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
