using System.Text;
using RawNet.Capture.Layers;

namespace RawNet.Ui.Model;

/// <summary>
/// The craft screen: the experiment (the layers experiment, or one of the transport experiments that run on loopback),
/// the socket kind to send through (or all four; for a transport experiment stream means TCP and datagram UDP), the
/// payload, IPv4 or IPv6, loopback or the lab, and the last run. A run goes on a thread of its own, one at a time; the key loop takes its result in
/// with <see cref="Collect"/>, so the model changes only on the UI thread. Without the right to capture it carries the
/// reason and the fix instead of starting a run that would fail.
/// </summary>
/// <param name="experiment">Runs the experiment (<see cref="LayersExperiment.Run"/>; tests pass their own).</param>
/// <param name="privilegeProblem">Why this process cannot capture and how to fix it, or null when it can.</param>
/// <param name="clock">The clock "sending…" counts the seconds with (tests pass a manual one); null for the system's.</param>
/// <param name="transport">Runs a transport experiment (<see cref="TransportExperiment.Run"/> when null; tests pass their own).</param>
/// <param name="lab">The lab <see cref="ToggleLab"/> switches to (<c>rawnet lab</c>'s when null).</param>
public sealed class CraftForm(Func<LayersOptions, CancellationToken, LayersReport> experiment, string? privilegeProblem, TimeProvider? clock = null,
    Func<TransportOptions, CancellationToken, TransportReport>? transport = null, Capture.Lab.TestNetwork? lab = null)
{
    /// <summary>
    /// The choices of the experiment row, in order: the layers experiment (null), then every transport experiment
    /// (segment, fragment and handshake need the lab: on loopback the engine says so in one line).
    /// </summary>
    public static readonly IReadOnlyList<TransportExperimentKind?> Experiments = [null, .. Enum.GetValues<TransportExperimentKind>().Cast<TransportExperimentKind?>()];

    /// <summary>The lab the experiments run in when <see cref="InLab"/>.</summary>
    public Capture.Lab.TestNetwork Lab { get; } = lab ?? Capture.Lab.TestNetwork.Default;

    /// <summary>Run in <see cref="Lab"/> (from its namespace A to B) instead of on loopback.</summary>
    public bool InLab { get; private set; }

    /// <summary>The payload before the user types one (the one <c>rawnet layers</c> sends by default).</summary>
    public const string DefaultPayload = "hello, layers";

    /// <summary>The choices of the socket row, in order: one kind each, then all four (null).</summary>
    public static readonly IReadOnlyList<SocketKind?> Choices = [SocketKind.Stream, SocketKind.Datagram, SocketKind.Raw, SocketKind.Link, null];

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private Outcome? _finished;
    private long _started;
    private TimeSpan? _took;

    /// <summary>Why sending is not possible (run as root or setcap), or null.</summary>
    public string? PrivilegeProblem { get; } = privilegeProblem;

    /// <summary>The chosen entry of <see cref="Experiments"/>.</summary>
    public int ExperimentChoice { get; private set; }

    /// <summary>The chosen transport experiment, or null for the layers experiment.</summary>
    public TransportExperimentKind? Experiment => Experiments[ExperimentChoice];

    /// <summary>The last transport experiment's report, or null (none yet, or the shown result is a layers run).</summary>
    public TransportReport? TransportResult { get; private set; }

    /// <summary>The chosen entry of <see cref="Choices"/>.</summary>
    public int Choice { get; private set; }

    /// <summary>The chosen socket kind, or null for all four.</summary>
    public SocketKind? Kind => Choices[Choice];

    /// <summary>The payload as typed (sent as UTF-8).</summary>
    public string Payload { get; private set; } = DefaultPayload;

    /// <summary>The payload's length in bytes on the wire.</summary>
    public int PayloadBytes => Encoding.UTF8.GetByteCount(Payload);

    /// <summary>True while the payload field has the keyboard.</summary>
    public bool EditingPayload { get; private set; }

    /// <summary>Send over IPv6 (::1) instead of IPv4 (127.0.0.1).</summary>
    public bool Ipv6 { get; private set; }

    /// <summary>True from <see cref="Send"/> until <see cref="Collect"/> takes the run's outcome in.</summary>
    public bool Running { get; private set; }

    /// <summary>How long the current (or last) run took so far.</summary>
    public TimeSpan Elapsed => _took ?? (Running ? _clock.GetElapsedTime(_started) : TimeSpan.Zero);

    /// <summary>The last layers run's report, or null (none yet, it failed, or the shown result is a transport experiment's).</summary>
    public LayersReport? Result { get; private set; }

    /// <summary>The socket kind (null: all four) and IP version the shown <see cref="Result"/> was made with.</summary>
    public (SocketKind? Kind, bool Ipv6) ResultOf { get; private set; }

    /// <summary>Why the last Enter did not give a report (no right to capture, a failed run, an empty payload), one line; or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The first result line on screen.</summary>
    public int ResultTop { get; private set; }

    /// <summary>Result lines as last laid out (set by the screen layout, which knows the width).</summary>
    public int ResultLineCount { get; set; }

    /// <summary>Result lines that fit on screen (set by the screen layout).</summary>
    public int ResultRows { get; set; } = 10;

    /// <summary>Moves the socket choice by <paramref name="delta"/>, wrapping around.</summary>
    public void MoveChoice(int delta) => Choice = ((Choice + delta) % Choices.Count + Choices.Count) % Choices.Count;

    /// <summary>Moves the experiment choice by <paramref name="delta"/>, wrapping around.</summary>
    public void MoveExperiment(int delta) => ExperimentChoice = ((ExperimentChoice + delta) % Experiments.Count + Experiments.Count) % Experiments.Count;

    /// <summary>Switches between loopback and the lab.</summary>
    public void ToggleLab() => InLab = !InLab;

    /// <summary>Switches between IPv4 and IPv6.</summary>
    public void ToggleIpv6() => Ipv6 = !Ipv6;

    /// <summary>Opens the payload field.</summary>
    public void BeginPayload() => EditingPayload = true;

    /// <summary>Closes the payload field (the text stays).</summary>
    public void EndPayload() => EditingPayload = false;

    /// <summary>Replaces the payload (one key typed or erased); refused (false) past <see cref="LayersOptions.MaxPayload"/> bytes.</summary>
    public bool EditPayload(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) > LayersOptions.MaxPayload)
            return false;
        Payload = text;
        return true;
    }

    /// <summary>Scrolls the result by <paramref name="delta"/> lines, within what is laid out.</summary>
    public void Scroll(int delta) => ResultTop = Math.Clamp(ResultTop + delta, 0, Math.Max(0, ResultLineCount - ResultRows));

    /// <summary>Scrolls to the first result line.</summary>
    public void ScrollToTop() => ResultTop = 0;

    /// <summary>
    /// Enter: starts a run with the form's choices on a thread of its own and returns true; false (with <see cref="Error"/>
    /// saying why) when one is already running, the payload is empty or this process may not capture.
    /// </summary>
    public bool Send()
    {
        if (Running)
            return false;
        if (PrivilegeProblem is not null)
        {
            Error = PrivilegeProblem;
            return false;
        }
        if (PayloadBytes == 0)
        {
            Error = $"type a payload first: 1 to {LayersOptions.MaxPayload} bytes (/ or e edits it)";
            return false;
        }
        var kind = Kind;
        var where = InLab ? Lab : null;
        var options = new LayersOptions(Encoding.UTF8.GetBytes(Payload), Ipv6, where, Kinds: kind is { } k ? [k] : null);
        TransportOptions? transportOptions = Experiment is { } chosen
            ? new TransportOptions(chosen, Encoding.UTF8.GetBytes(Payload), Ipv6, where, Udp: kind == SocketKind.Datagram)
            : null;
        var run = transport ?? TransportExperiment.Run;
        var made = (kind, Ipv6);
        Running = true;
        Error = null;
        _started = _clock.GetTimestamp();
        _took = null;
        var token = _stop.Token;
        var thread = new Thread(() =>
        {
            Outcome outcome;
            try
            {
                outcome = transportOptions is null
                    ? new Outcome(experiment(options, token), null, made)
                    : new Outcome(null, null, made, run(transportOptions, token));
            }
            catch (OperationCanceledException)
            {
                outcome = new Outcome(null, "cancelled", made);
            }
            catch (Exception e)
            {
                // The UI must stay up whatever the run met: its message is the one line shown (the engine's are written for users).
                outcome = new Outcome(null, OneLine(e), made);
            }
            lock (_gate)
                _finished = outcome;
        })
        { IsBackground = true, Name = "rawnet ui layers" };
        thread.Start();
        return true;
    }

    /// <summary>Takes in a finished run's outcome (on the UI thread); true when the screen changed.</summary>
    public bool Collect()
    {
        Outcome? outcome;
        lock (_gate)
        {
            outcome = _finished;
            _finished = null;
        }
        if (outcome is null)
            return false;
        Running = false;
        _took = _clock.GetElapsedTime(_started);
        Error = outcome.Error;
        if (outcome.Report is not null || outcome.Transport is not null)
        {
            Result = outcome.Report;
            TransportResult = outcome.Transport;
            ResultOf = outcome.Made;
            ResultTop = 0;
        }
        return true;
    }

    /// <summary>Asks a running experiment to stop (the UI is quitting).</summary>
    public void Cancel() => _stop.Cancel();

    private static string OneLine(Exception e)
    {
        string message = e.Message.ReplaceLineEndings(" ");
        return e is LayersException or Capture.Injection.SendFailure or Capture.Sources.AfPacket.AfPacketException
            ? message
            : $"the experiment failed: {e.GetType().Name}: {message}";
    }

    private sealed record Outcome(LayersReport? Report, string? Error, (SocketKind? Kind, bool Ipv6) Made, TransportReport? Transport = null);
}
