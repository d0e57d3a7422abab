using RawNet.Capture.Lab;
using RawNet.Capture.Lab.Traffic;
using RawNet.Output.Kernel;

namespace RawNet.Ui.Model;

/// <summary>
/// While a lab transfer runs (<c>rawnet lab traffic upload|download</c>, in this or another terminal), its sender's
/// latest TCP_INFO as <c>ss -ti</c> shows it, read from the lab's board a few times a second; null when none runs.
/// </summary>
public sealed class LabTransferPanel(string runRoot, TimeProvider clock)
{
    /// <summary>How often the board is read: five times a second.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private long _lastPoll = long.MinValue;

    /// <summary>
    /// Names another directory to read labs from instead of <see cref="TestNetwork.RunRoot"/>: the UI's tests give
    /// each UI an empty one, so a lab transfer another test runs on the same machine cannot reach their screens.
    /// </summary>
    public const string RunRootVariable = "RAWNET_LAB_RUN_ROOT";

    /// <summary>The panel of every lab on this machine (the freshest transfer is shown).</summary>
    public static LabTransferPanel ForThisMachine() =>
        new(Environment.GetEnvironmentVariable(RunRootVariable) is { Length: > 0 } root ? root : TestNetwork.RunRoot, TimeProvider.System);

    /// <summary>The line to show, or null while no lab transfer runs.</summary>
    public string? Line { get; private set; }

    /// <summary>Reads the board when it is time; true when the line changed.</summary>
    public bool Poll()
    {
        long now = clock.GetTimestamp();
        if (_lastPoll != long.MinValue && clock.GetElapsedTime(_lastPoll, now) < PollInterval)
            return false;
        _lastPoll = now;
        string? line = TcpInfoBoard.TryReadAny(runRoot) is var (series, sample) ? "lab transfer: " + TcpInfoText.SsLine(series, sample) : null;
        bool changed = line != Line;
        Line = line;
        return changed;
    }
}
