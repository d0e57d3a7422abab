namespace RawNet.Ui.Tests;

/// <summary>A clock that moves only when the test says so, for replay timing and capture rates without waiting.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks = 1_000_000;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;

    public void Advance(double seconds) => Advance(TimeSpan.FromSeconds(seconds));
}
