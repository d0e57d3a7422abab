using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RawNet.Capture.Lab.Link;

/// <summary>What is known of a lab's forwarder from its run directory and /proc.</summary>
/// <param name="Pid">The pid its pid file names; 0 when there is no pid file.</param>
/// <param name="Running">Whether that process is alive and is this lab's forwarder.</param>
/// <param name="LastWords">The last line of its log, for a forwarder that is gone.</param>
public readonly record struct ForwarderState(int Pid, bool Running, string LastWords)
{
    /// <summary>Whether a pid file exists.</summary>
    public bool Exists => Pid != 0;
}

/// <summary>
/// Starts, inspects, reconfigures and stops the lab link's forwarder: rawnet itself (the hidden <c>lab forward</c>
/// command) running in the background in the link namespace. Its run directory (<see cref="TestNetwork.RunDirectory"/>)
/// holds the pid file, the settings (as options, one line), the counters (<see cref="LinkStatusBoard"/>) and its log.
/// </summary>
public static partial class LinkForwarderProcess
{
    /// <summary>The hidden command's words after the program.</summary>
    public static readonly IReadOnlyList<string> CommandWords = ["lab", "forward"];

    private const string PidFileName = "forwarder.pid";
    private const string SettingsFileName = "settings";
    private const string BoardFileName = "counters";
    private const int SigKill = 9;
    private const int SigHangUp = 1;
    private const int SigTerm = 15;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    // As long as a start may take: on a loaded machine (a CI run, load 18) the forwarder once took over 5 s to answer.
    private static readonly TimeSpan ApplyTimeout = StartTimeout;
    private static readonly TimeSpan SettingsPoll = TimeSpan.FromMilliseconds(200);

    // int kill(pid_t pid, int sig);
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>The pid file.</summary>
    public static string PidFile(TestNetwork lab) => Path.Combine(lab.RunDirectory, PidFileName);

    /// <summary>The settings file: <see cref="LinkSettings.ToArguments"/> on one line.</summary>
    public static string SettingsFile(TestNetwork lab) => Path.Combine(lab.RunDirectory, SettingsFileName);

    /// <summary>The counters the forwarder publishes.</summary>
    public static string BoardFile(TestNetwork lab) => Path.Combine(lab.RunDirectory, BoardFileName);

    /// <summary>The forwarder's standard output and error.</summary>
    public static string LogFile(TestNetwork lab) => Path.Combine(lab.RunDirectory, "forwarder.log");

    /// <summary>
    /// Writes the settings and starts <paramref name="program"/> (this rawnet) as the forwarder inside the link namespace;
    /// returns its pid once it forwards.
    /// </summary>
    /// <exception cref="LabException">It exited or did not start forwarding in time (the message quotes its log); nothing of it is left running.</exception>
    public static int Start(TestNetwork lab, LinkSettings settings, IReadOnlyList<string> program)
    {
        var link = lab.LinkNamespace ?? throw new ArgumentException("the lab has no link namespace", nameof(lab));
        Directory.CreateDirectory(lab.RunDirectory);
        WriteSettings(lab, settings);
        File.Delete(PidFile(lab));
        File.Delete(BoardFile(lab));
        var start = new ProcessStartInfo("ip") { UseShellExecute = false };
        // sh only to point the forwarder's output at its log; exec keeps the one process.
        foreach (var word in (string[])["netns", "exec", link, "sh", "-c", "exec \"$@\" </dev/null >>\"$0\" 2>&1", LogFile(lab)])
            start.ArgumentList.Add(word);
        foreach (var word in program.Concat(CommandWords).Concat(["--dir", lab.RunDirectory, "--side-a", lab.LinkInterfaceA, "--side-b", lab.LinkInterfaceB]))
            start.ArgumentList.Add(word);
        using var process = Process.Start(start) ?? throw new LabException("cannot start the forwarder");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var state = Inspect(lab);
            if (state.Running && IsForwarding(lab))
                return state.Pid;
            if (process.HasExited && !state.Running)
                throw new LabException($"the forwarder exited at once: {LastWords(lab)}");
            if (clock.Elapsed > StartTimeout)
            {
                if (!process.HasExited)
                    process.Kill();
                if (state.Running)
                    Kill(state.Pid, SigKill);
                throw new LabException($"the forwarder did not start forwarding within {StartTimeout.TotalSeconds:0} s: {LastWords(lab)}");
            }
            Thread.Sleep(20);
        }
    }

    private static bool IsForwarding(TestNetwork lab)
    {
        using var board = LinkStatusBoard.TryOpen(BoardFile(lab));
        return board is { Forwarding: true, SettingsApplied: > 0 };
    }

    /// <summary>The forwarder's pid file and whether that process still runs.</summary>
    public static ForwarderState Inspect(TestNetwork lab)
    {
        string text;
        try
        {
            text = File.ReadAllText(PidFile(lab)).Trim();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return default;
        }
        if (!int.TryParse(text, out var pid) || pid <= 0)
            return new ForwarderState(-1, false, $"the pid file {PidFile(lab)} holds \"{text}\"");
        return new ForwarderState(pid, IsOurs(pid, lab), LastWords(lab));
    }

    /// <summary>Whether <paramref name="pid"/> is alive (not a zombie) and its command line names this lab's run directory.</summary>
    private static bool IsOurs(int pid, TestNetwork lab)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            if (state is 'Z' or 'X')
                return false;
            var words = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            return words.Contains(lab.RunDirectory) && words.Contains(CommandWords[1]);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// What the log says went wrong: the runtime's "Unhandled exception." line, or the forwarder's own last complaint;
    /// its start line says nothing, so a forwarder that only started and was killed has no last words.
    /// </summary>
    private static string LastWords(TestNetwork lab)
    {
        try
        {
            var lines = File.ReadLines(LogFile(lab)).Select(l => l.Trim()).ToList();
            var words = lines.LastOrDefault(l => l.StartsWith("Unhandled exception.", StringComparison.Ordinal))
                ?? lines.LastOrDefault(l => l.StartsWith("rawnet lab forward:", StringComparison.Ordinal) && !l.Contains(" forwarding between ", StringComparison.Ordinal));
            return words ?? "no last words in its log: killed by a signal?";
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return "it left no log";
        }
    }

    /// <summary>The settings the forwarder was last given.</summary>
    /// <exception cref="LabException">The settings file is missing or damaged.</exception>
    public static LinkSettings ReadSettings(TestNetwork lab) => ReadSettings(lab.RunDirectory);

    private static LinkSettings ReadSettings(string runDirectory)
    {
        var path = Path.Combine(runDirectory, SettingsFileName);
        string[] words;
        try
        {
            words = File.ReadAllText(path).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new LabException($"{path} is missing: rawnet lab down, then up again");
        }
        if (!LinkSettings.TryParseArguments(words, LinkSettings.Default(0), out var settings, out var error))
            throw new LabException($"{path}: {error}");
        return settings;
    }

    private static void WriteSettings(TestNetwork lab, LinkSettings settings)
    {
        // Whole or not at all: the forwarder may read it at any time.
        var temporary = SettingsFile(lab) + ".new";
        File.WriteAllText(temporary, string.Join(' ', settings.ToArguments()) + "\n");
        File.Move(temporary, SettingsFile(lab), overwrite: true);
    }

    /// <summary>Gives the running forwarder new settings and waits until it has applied them.</summary>
    /// <exception cref="LabException">No forwarder runs, or it did not apply them within a few seconds.</exception>
    public static void Apply(TestNetwork lab, LinkSettings settings)
    {
        var state = Inspect(lab);
        if (!state.Running)
            throw new LabException(NotRunning(lab, state));
        using var board = LinkStatusBoard.TryOpen(BoardFile(lab)) ?? throw new LabException($"{BoardFile(lab)} is missing: rawnet lab down, then up again");
        if (ReadSettings(lab) == settings)
            return;
        var applied = board.SettingsApplied;
        WriteSettings(lab, settings);
        Kill(state.Pid, SigHangUp);
        var clock = Stopwatch.StartNew();
        while (board.SettingsApplied == applied)
        {
            if (clock.Elapsed > ApplyTimeout)
                throw new LabException(IsOurs(state.Pid, lab)
                    ? $"the forwarder (pid {state.Pid}) runs but did not apply the settings within {ApplyTimeout.TotalSeconds:0} s"
                    : $"the forwarder (pid {state.Pid}) is gone: {LastWords(lab)}");
            Thread.Sleep(10);
        }
    }

    /// <summary>The one line for a lab whose forwarder is not running.</summary>
    public static string NotRunning(TestNetwork lab, ForwarderState state) => state.Exists
        ? $"the lab's forwarder (pid {state.Pid}) is not running: it crashed or was killed ({state.LastWords}); rawnet lab down removes what is left"
        : $"the lab has no forwarder (no {PidFile(lab)}); rawnet lab down removes what is left";

    /// <summary>Stops the forwarder (SIGTERM, then SIGKILL after a few seconds) and deletes the run directory; returns the pid it stopped, or null when none ran.</summary>
    public static int? Stop(TestNetwork lab)
    {
        var state = Inspect(lab);
        int? stopped = null;
        if (state.Running)
        {
            Kill(state.Pid, SigTerm);
            var clock = Stopwatch.StartNew();
            while (IsOurs(state.Pid, lab) && clock.Elapsed < StopTimeout)
                Thread.Sleep(10);
            if (IsOurs(state.Pid, lab))
                Kill(state.Pid, SigKill);
            stopped = state.Pid;
        }
        if (Directory.Exists(lab.RunDirectory))
            Directory.Delete(lab.RunDirectory, recursive: true);
        return stopped;
    }

    // pid_t setsid(void);
    [LibraryImport("libc", EntryPoint = "setsid")]
    private static partial int SetSid();

    /// <summary>
    /// The forwarder itself (the hidden <c>lab forward</c> command, started by <see cref="Start"/> inside the link
    /// namespace): leaves the terminal's session, opens both sides, publishes its counters and pid, forwards until
    /// SIGTERM or SIGINT, and re-reads its settings on SIGHUP. Problems go to <paramref name="log"/>, one line each.
    /// </summary>
    public static int Serve(string runDirectory, string sideA, string sideB, TextWriter log)
    {
        // A new session: closing the terminal that ran lab up must not hang the forwarder up.
        SetSid();
        var pid = Environment.ProcessId;
        using var stop = new ManualResetEventSlim();
        try
        {
            var settings = ReadSettings(runDirectory);
            using var board = LinkStatusBoard.Create(Path.Combine(runDirectory, BoardFileName), pid);
            using var forwarder = LinkForwarder.Open(sideA, sideB, settings, board);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            // SIGHUP only wakes the loop below: .NET runs a SIGHUP handler on the thread pool, and a forwarder that once
            // never ran it (a CI run, twice) still looks at its settings file a few times a second.
            using var wake = new AutoResetEvent(false);
            using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                wake.Set();
            });
            forwarder.Start();
            File.WriteAllText(Path.Combine(runDirectory, PidFileName), pid + "\n");
            board.SettingsApplied = 1;
            board.Forwarding = true;
            log.WriteLine($"rawnet lab forward: pid {pid} forwarding between {sideA} and {sideB}: {string.Join(' ', settings.ToArguments())}");
            log.Flush();
            var applied = settings;
            WaitHandle[] events = [stop.WaitHandle, wake];
            int woken;
            while ((woken = WaitHandle.WaitAny(events, SettingsPoll)) != 0)
            {
                try
                {
                    var latest = ReadSettings(runDirectory);
                    if (woken == WaitHandle.WaitTimeout && latest == applied)
                        continue;
                    forwarder.Apply(latest);
                    applied = latest;
                    board.SettingsApplied++;
                }
                catch (LabException e)
                {
                    log.WriteLine($"rawnet lab forward: new settings refused, the old ones stay: {e.Message}");
                    log.Flush();
                }
            }
            board.Forwarding = false;
            log.WriteLine($"rawnet lab forward: pid {pid} stopped");
            return 0;
        }
        catch (Exception e) when (e is LabException or Sources.AfPacket.AfPacketException or IOException)
        {
            log.WriteLine($"rawnet lab forward: {e.Message}");
            return 1;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Set();
        }
    }
}
