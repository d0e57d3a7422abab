using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using RawNet.Capture.Bpf;
using RawNet.Capture.Layers;
using RawNet.Ui.Input;
using RawNet.Ui.Live;
using RawNet.Ui.Model;
using RawNet.Ui.Settings;
using RawNet.Ui.Theming;
using RawNet.Ui.Widgets;

namespace RawNet.Ui.Screens;

/// <summary>
/// Runs the terminal UI: opens the file (indexed behind a progress bar) or the live capture, then draws the screen and
/// applies keys until q, on the alternate screen; the terminal is restored, the capture stopped and its temporary file
/// deleted on every way out. While packets arrive or a replay plays, the screen is drawn at most ten times a second.
/// </summary>
public sealed class UiSession : IDisposable
{
    private const int FallbackWidth = 120;
    private const int FallbackHeight = 40;

    /// <summary>The shortest time between two draws that no key asked for.</summary>
    private static readonly TimeSpan DrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly TerminalScreen _terminal;
    private readonly Progress _progress;
    // One buffer for every frame: a redraw allocates no frame-sized string.
    private readonly System.Text.StringBuilder _frame = new();
    private readonly ChangedRows _changedRows = new();
    private Appearance _appearance = new(Theme.Dark, ColorDepth.TrueColor, new PaneLayout(), [], ListColumns.Default);
    // Never disposed: a signal handler may cancel it at any moment until the process ends.
    private readonly CancellationTokenSource _quit = new();
    private CaptureIndex? _index;
    private CaptureAnalysis? _analysis;
    private LiveCapture? _live;
    /// <summary>The back end and sockets every live capture of this session is opened with (<c>--backend</c>, <c>--threads</c>).</summary>
    private string _backend = Capture.Sources.CaptureBackends.Auto;
    private int _threads = 1;
    private Capture.Lab.TestNetwork _lab = Capture.Lab.TestNetwork.Default;

    private UiSession(TerminalScreen terminal)
    {
        _terminal = terminal;
        _progress = new Progress(terminal, _changedRows, _quit.Token);
    }

    /// <summary>The model on screen.</summary>
    private CaptureView View { get; set; } = null!;

    /// <summary>Runs until the user quits; returns the exit code. <paramref name="stdout"/> is the terminal.</summary>
    /// <exception cref="RawNet.Files.CaptureFileException">The file is not a capture.</exception>
    /// <exception cref="RawNet.Capture.Sources.CaptureOpenException">The live capture could not be opened (no such interface, no CAP_NET_RAW): one line.</exception>
    /// <exception cref="BpfCompileException">The capture filter does not compile.</exception>
    public static int Run(UiOptions options, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        // Read before the terminal is taken over, so that each bad line is also left on the normal screen.
        var config = options.Config ?? UiConfigFile.Read(options.ConfigPath);
        foreach (var problem in config.Problems)
            stderr.WriteLine("rawnet: " + problem);
        var appearance = Appearance.Resolve(options, config, Environment.GetEnvironmentVariable);
        LiveCapture? live = null;
        if (options.Path is not null)
        {
            // Not a capture at all: say so before taking over the terminal.
            using (RawNet.Files.CaptureFileReader.Open(options.Path))
            {
            }
        }
        else if (options.Interface is not null)
            live = LiveCapture.Start(options.Interface, options.CaptureFilter, backend: options.Backend, threads: options.Threads);

        bool scripted = options.ExitAfterFirstDraw || options.Script is not null;
        using var terminal = new TerminalScreen(stdout);
        using var session = new UiSession(terminal) { _live = live, _appearance = appearance };
        session._progress.Appearance = appearance;
        // SIGINT, SIGTERM or SIGHUP (the terminal closed) end the loop as q does, so the capture stops and its file is deleted.
        void Quit(PosixSignalContext context)
        {
            context.Cancel = true;
            session._quit.Cancel();
        }
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Quit);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Quit);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Quit);
        if (!scripted)
            Console.TreatControlCAsInput = true;
        try
        {
            session.Open(options);
            session.Dress();
            // The status bar names the file by its name alone (the full path is on the terminal after quitting), so the
            // line number and the problem fit.
            if (config.Problems.Count > 0)
                session.View.Status = ShortName(config.Problems[0], options.ConfigPath)
                    + (config.Problems.Count > 1 ? $" (and {config.Problems.Count - 1} more, left on the terminal after quitting)" : "");
            var (width, height) = Size();
            session.Draw(width, height);
            if (options.ExitAfterFirstDraw)
            {
                stderr.WriteLine($"first-draw-ms {clock.Elapsed.TotalMilliseconds:0.0} packets {session.View.TotalCount}");
                return 0;
            }
            if (options.Script is not null)
                session.RunScript(options.Script, width, height, stderr);
            else
                session.Loop(width, height);
            return 0;
        }
        catch (OperationCanceledException) when (session._quit.IsCancellationRequested)
        {
            return 0;
        }
        finally
        {
            session.StopCapture();
            terminal.Dispose();
            string? stats = options.StatsOnExit && session._index is not null ? session.StatsLine() : null;
            // The temporary file goes now, while the signal handlers still hold: a SIGHUP a moment later cannot leave it behind.
            session.Dispose();
            if (!scripted)
                Console.TreatControlCAsInput = false;
            if (stats is not null)
                stderr.WriteLine(stats);
            if (session.View is { } view && (view.Layout.Changed || view.ColumnEditor is { Changed: true })
                && Save(options.ConfigPath, UiConfigFile.Settings(view.Layout.Changed ? view.Layout : null, view.ColumnEditor is { Changed: true } ? view.Source.Columns : null)) is { } notSaved)
                stderr.WriteLine("rawnet: " + notSaved);
        }
    }

    private void Open(UiOptions options)
    {
        _lab = options.Lab ?? Capture.Lab.TestNetwork.Default;
        (_backend, _threads) = (options.Backend, options.Threads);
        if (_live is { } live)
            ShowLive(live);
        else
        {
            string path = options.Path ?? throw new ArgumentException("A file or an interface is needed.", nameof(options));
            _progress.Name = Path.GetFileName(path);
            _index = CaptureIndex.Build(path, _progress, _quit.Token);
            _analysis = CaptureAnalysis.Start(_index);
            View = new CaptureView(new PacketSource(_index, analysis: _analysis), path);
        }
        if (options.Hint is not null && View.Status.Length == 0)
            View.Status = options.Hint;
        if (options.DisplayFilter is { Length: > 0 } filter)
        {
            View.BeginFilter();
            View.EditFilter(filter);
            View.ApplyFilter(_progress);
        }
    }

    /// <summary>Shows <paramref name="live"/>'s growing file, following new packets.</summary>
    /// <summary>" with libpcap", " with 2 AF_PACKET sockets", or "" for the usual one AF_PACKET socket.</summary>
    private static string How(LiveCapture live) =>
        live.Threads > 1 ? $" with {live.Threads} AF_PACKET sockets"
        : live.BackendName == Capture.Sources.CaptureBackends.AfPacket ? ""
        : $" with {live.BackendName}";

    private void ShowLive(LiveCapture live)
    {
        var index = CaptureIndex.Follow(live.FilePath);
        var analysis = CaptureAnalysis.Follow(index);
        View = new CaptureView(new PacketSource(index, verifyChecksums: false, analysis: analysis), live.InterfaceName)
        {
            Craft = View?.Craft,
            Live = new LiveStatus(live.InterfaceName, live.Filter, TimeProvider.System),
            Follow = true,
            Status = $"Capturing on {live.InterfaceName}" + (live.Filter is null ? "" : $" ({live.Filter})") + How(live) + ": i stops, q quits",
        };
        _analysis?.Dispose();
        _analysis = analysis;
        _index?.Dispose();
        _index = index;
    }

    private void RunScript(string script, int width, int height, TextWriter stderr)
    {
        foreach (char c in script)
        {
            var keyClock = Stopwatch.StartNew();
            if (Handle(KeyMap.FromChar(c)) == KeyOutcome.Quit)
                break;
            Tick();
            Draw(width, height);
            stderr.WriteLine($"key {Printable(c)} ms {keyClock.Elapsed.TotalMilliseconds:0.0}");
        }
    }

    private void Loop(int width, int height)
    {
        var keys = new KeyReader();
        var sinceDraw = Stopwatch.StartNew();
        bool pending = false;
        while (!_quit.IsCancellationRequested)
        {
            var wait = DrawInterval;
            if (View.Replay?.UntilNext is { } next && next < wait)
                wait = next;
            if (pending)
                wait = TimeSpan.FromTicks(Math.Max(0, Math.Min(wait.Ticks, (DrawInterval - sinceDraw.Elapsed).Ticks)));
            bool keyed = false;
            if (keys.TryRead(wait, out var input))
            {
                // Apply keys that arrived together (a held arrow key, a turned wheel) before drawing once.
                do
                {
                    if (Handle(input) == KeyOutcome.Quit)
                        return;
                }
                while (keys.TryRead(TimeSpan.Zero, out input));
                keyed = true;
            }
            pending |= Tick();
            var size = Size();
            if (size != (width, height))
            {
                (width, height) = size;
                _terminal.Write("\e[2J");
                _changedRows.Forget();
                keyed = true;
            }
            if (keyed || pending && sinceDraw.Elapsed >= DrawInterval)
            {
                Draw(width, height);
                sinceDraw.Restart();
                pending = false;
            }
        }
    }

    /// <summary>Applies a key or a mouse report (a click on the key hint is that key).</summary>
    private KeyOutcome Handle(InputEvent input)
    {
        if (!input.IsMouse)
            return Handle(input.Key);
        return MouseHandler.Apply(View, input.Mouse) is { } key ? Handle(key) : KeyOutcome.Continue;
    }

    /// <summary>Applies a key and does what it asks of the session (interfaces, start or stop a capture).</summary>
    private KeyOutcome Handle(ConsoleKeyInfo key)
    {
        var outcome = KeyHandler.Apply(View, key, _progress);
        if (View.TakeClipboard() is { } copied)
            View.Status = TerminalClipboard.Copy(copied, _terminal);
        switch (outcome)
        {
            case KeyOutcome.OpenInterfaces:
                View.Interfaces = new InterfacePicker(CaptureInterfaces.List(), CaptureInterfaces.CheckFilter,
                    CaptureInterfaces.CanCapture() ? null : CaptureInterfaces.PrivilegeProblem("an interface"),
                    _live is { IsRunning: true } ? _live.InterfaceName : null, _live?.Filter);
                View.Screen = ScreenKind.Interfaces;
                break;
            case KeyOutcome.StartCapture when View.Interfaces?.Selected is { } entry:
                StartCapture(entry.Name, View.Interfaces.Filter);
                break;
            case KeyOutcome.StopCapture:
                StopCapture();
                View.Screen = ScreenKind.Main;
                break;
            case KeyOutcome.OpenCraft:
                View.Craft ??= new CraftForm(LayersExperiment.Run, CaptureInterfaces.CanCapture() ? null : CaptureInterfaces.PrivilegeProblem("lo"), lab: _lab);
                View.Screen = ScreenKind.Craft;
                break;
        }
        return outcome;
    }

    private void StartCapture(string name, string filter)
    {
        LiveCapture live;
        try
        {
            live = LiveCapture.Start(name, filter, backend: _backend, threads: _threads);
        }
        catch (Exception e) when (e is BpfCompileException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            View.Interfaces!.Message = e.Message;
            return;
        }
        StopCapture();
        _live?.Dispose();
        _live = live;
        ShowLive(live);
        Dress();
    }

    private static string ShortName(string problem, string? path) =>
        path is null ? problem : problem.Replace(UiConfigFile.Display(path), Path.GetFileName(path), StringComparison.Ordinal);

    /// <summary>Gives the view on screen the theme, the layout, the user's colouring rules and the list's columns (a new capture makes a new view).</summary>
    private void Dress()
    {
        View.Theme = _appearance.Theme;
        View.Layout = _appearance.Layout;
        View.Source.UserColoringRules = _appearance.Rules;
        View.Source.Columns = _appearance.Columns;
    }

    /// <summary>
    /// Writes the layout or columns the keys changed into the config file; why it was not, or null. Not as root under
    /// sudo: the file is the invoking user's and must stay theirs (rawnet gives root up to that user by default, so this
    /// is -Z root).
    /// </summary>
    private static string? Save(string? path, List<(string Key, string Value)> settings)
    {
        if (path is null)
            return "settings not saved: no config directory (neither XDG_CONFIG_HOME nor HOME is set)";
        if (RawNet.Capture.Sources.Privileges.IsRoot && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SUDO_USER")))
            return $"settings not saved: rawnet runs as root and {UiConfigFile.Display(path)} belongs to the user who ran sudo";
        return UiConfigFile.Save(path, settings);
    }

    /// <summary>Stops the running capture, if any, and shows every packet it captured.</summary>
    private void StopCapture()
    {
        if (_live is not { IsRunning: true } live)
            return;
        live.Stop();
        Tick();
        View.Status = live.Failure is { } failure ? $"Capture stopped: {failure.Message}" : $"Capture stopped: {View.TotalCount} packets";
    }

    /// <summary>Takes in what happened since the last call: new packets and counters of a live capture, the replay's progress. True when the screen changed.</summary>
    private bool Tick()
    {
        bool changed = false;
        if (_live is { } live && View.Live is { } status)
        {
            bool wasRunning = status.Counters.Running;
            // Counters before the file: the list never shows more than was counted.
            status.Update(live.Counters());
            View.Refresh();
            changed = wasRunning || status.Counters.Running;
            if (wasRunning && !status.Counters.Running && live.Failure is { } failure)
                View.Status = $"Capture stopped: {failure.Message}";
        }
        // A craft run's result (the status bar says so if the user went back to the packets meanwhile), or while it runs its "sending…" seconds.
        if (View.Craft is { } craft)
        {
            bool finished = craft.Collect();
            if (finished && View.Screen != ScreenKind.Craft)
                View.Status = craft.Error is { } error ? $"Craft: {error}" : "Craft: the result is in, c shows it";
            changed |= finished || craft.Running;
        }
        // Rows drawn before the background analysis reached them are drawn again with it; the expert counts grow with it.
        if (_analysis is { } analysis && analysis.AnalyzedCount != _analysedWhenDrawn)
        {
            _analysedWhenDrawn = analysis.AnalyzedCount;
            long expert = analysis.Count(Protocols.ExpertSeverity.Warning) + analysis.Count(Protocols.ExpertSeverity.Note);
            changed |= View.AnalysisArrived || expert != _expertWhenDrawn;
            _expertWhenDrawn = expert;
        }
        // A lab transfer's TCP_INFO, read from the lab's board a few times a second (only when a lab is up).
        if (_labPanel.Poll())
        {
            View.LabTransfer = _labPanel.Line;
            changed = true;
        }
        return View.AdvanceReplay() | changed;
    }

    private readonly LabTransferPanel _labPanel = LabTransferPanel.ForThisMachine();

    private int _analysedWhenDrawn;
    private long _expertWhenDrawn;

    /// <summary>The counts a benchmark reads after the UI has quit.</summary>
    private string StatsLine()
    {
        var c = View.Live?.Counters;
        return string.Create(CultureInfo.InvariantCulture,
            $"ui-stats source {View.SourceName} captured {c?.Captured ?? View.TotalCount} indexed {View.TotalCount} shown {View.ShownCount} kernel-drops {c?.DroppedByKernel ?? 0} ring-drops {c?.DroppedByRing ?? 0}");
    }

    private static string Printable(char c) => c switch { '\n' or '\r' => "Enter", '\t' => "Tab", '\e' => "Esc", _ => c.ToString() };

    private void Draw(int width, int height)
    {
        _frame.Clear();
        ScreenText.AppendFrame(_frame, MainScreen.Compose(View, width, height), width, height, _appearance.Depth, View.Theme);
        _terminal.Write(_changedRows.Of(_frame, height));
    }

    /// <summary>Stops a capture still running, deletes its file and closes the index; safe to call again.</summary>
    public void Dispose()
    {
        View?.Craft?.Cancel();
        _live?.Dispose();
        _analysis?.Dispose();
        _index?.Dispose();
    }

    /// <summary>The terminal's size, or 120x40 when there is no terminal (benchmarks writing to a file).</summary>
    private static (int Width, int Height) Size()
    {
        try
        {
            int width = Console.WindowWidth, height = Console.WindowHeight;
            if (width > 0 && height > 0)
                return (width, height);
        }
        catch (IOException)
        {
        }
        catch (PlatformNotSupportedException)
        {
        }
        return (FallbackWidth, FallbackHeight);
    }

    /// <summary>Draws the progress bar at most every 100 ms while a file is read through; stops the pass when the user quits.</summary>
    private sealed class Progress(TerminalScreen terminal, ChangedRows screen, CancellationToken quit) : IProgress<IndexProgress>
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();

        /// <summary>What is being read, for the bar's label.</summary>
        public string Name { get; set; } = "";

        /// <summary>The colours the bar is drawn in.</summary>
        public Appearance Appearance { get; set; } = new(Theme.Dark, ColorDepth.TrueColor, new PaneLayout(), [], ListColumns.Default);

        public void Report(IndexProgress value)
        {
            quit.ThrowIfCancellationRequested();
            if (_since.ElapsedMilliseconds < 100)
                return;
            _since.Restart();
            var (width, _) = Size();
            terminal.Write("\e[1;1H" + ScreenText.Lines(new ProgressBar(Appearance.Theme, $"Reading {Name}", value), width, 1, Appearance.Depth, Appearance.Theme)[0] + "\e[0m\e[K");
            // Drawn over the last frame: the next one goes whole.
            screen.Forget();
        }
    }
}
