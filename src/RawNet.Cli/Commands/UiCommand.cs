using System.CommandLine;
using RawNet.Capture.Sources;
using RawNet.Capture.Bpf;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Files;
using RawNet.Output.Filters;
using RawNet.Ui.Live;
using RawNet.Ui.Screens;
using RawNet.Ui.Settings;
using RawNet.Ui.Theming;

namespace RawNet.Cli.Commands;

/// <summary>
/// <c>rawnet ui [FILE] [-i IFACE] [-f FILTER] [-Y FILTER]</c> (and <c>rawnet</c> alone): the terminal UI over a capture
/// file or a live capture; with neither FILE nor -i it captures on the default interface when it may, else opens the
/// bundled capture.
/// </summary>
public static class UiCommand
{
    /// <summary>The capture opened when no FILE is given and capturing is not allowed, relative to the repository or the installed program.</summary>
    public const string BundledCapture = "captures/tcp-handshake-ipv4.pcap";

    /// <summary>The status line over the bundled capture: what it is and how to capture live instead.</summary>
    public const string BundledHint = "sample; live capture needs CAP_NET_RAW (see i)";

    private sealed record Settings(string? Path, string? Interface, string? CaptureFilter, string? DisplayFilter, bool ExitAfterFirstDraw, string? Script, bool StatsOnExit,
        Func<string?> GiveUpRoot, string? Theme = null, string? Colors = null, string? Columns = null, string? LabNetwork = null,
        string Backend = CaptureBackends.Auto, int Threads = 1);

    /// <summary>
    /// Adds <c>ui</c> to <paramref name="root"/> and makes it what <c>rawnet</c> with no command runs; root is given up
    /// by default when <paramref name="ownProcess"/> (see <see cref="PrivilegeOptions"/>).
    /// </summary>
    public static void Register(RootCommand root, CommandOutput output, TextWriter stderr, bool ownProcess = false)
    {
        var privileges = new PrivilegeOptions(ownProcess);
        var file = new Argument<string?>("FILE") { Description = "A pcap or pcapng file (default: a live capture on the default interface when allowed, else the bundled " + BundledCapture + ").", Arity = ArgumentArity.ZeroOrOne };
        var iface = new Option<string?>("-i", "--interface") { Description = "Capture live on this interface (see rawnet interfaces); needs CAP_NET_RAW.", HelpName = "IFACE" };
        var captureFilter = new Option<string?>("-f", "--filter") { Description = "Capture filter in tcpdump syntax for the live capture, run in the kernel.", HelpName = "EXPR" };
        var backend = BackendOption.ForCapture();
        var threads = BackendOption.Threads();
        var displayFilter = new Option<string?>("-Y", "--display-filter") { Description = "The display filter applied when the UI opens (Wireshark syntax; / edits it).", HelpName = "EXPR" };
        var exitAfterFirstDraw = new Option<bool>("--exit-after-first-draw") { Hidden = true, Description = "Benchmark: quit after the first screen, printing the time it took to standard error." };
        var script = new Option<string?>("--script") { Hidden = true, Description = "Benchmark: keys to apply after the first screen, each timed on standard error; then quit." };
        var theme = new Option<string?>("--theme") { Description = $"Colours: {Theme.Choices} (default: the config file's, else dark).", HelpName = "NAME" };
        var colors = new Option<string?>("--colors") { Description = $"Colour depth: {ColorDepths.Choices} (default: the config file's, else from COLORTERM, TERM and NO_COLOR).", HelpName = "DEPTH" };
        var columns = new Option<string?>("--columns") { Description = $"The packet list's columns, comma-separated: {RawNet.Ui.Model.ListColumns.DefaultText} and any field by its Wireshark name (default: the config file's, else Wireshark's).", HelpName = "LIST" };
        var labNetwork = LayersLabSpec.Create();
        var statsOnExit = new Option<bool>("--stats-on-exit") { Hidden = true, Description = "Benchmark: on quitting, print the packets captured, indexed and shown and the drops to standard error." };
        var command = new Command("ui", "Browse a capture file or a live capture in the terminal: packet list, layer tree, hex, display filter, statistics, interfaces, replay.")
        {
            file, iface, captureFilter, backend, threads, displayFilter, theme, colors, columns, exitAfterFirstDraw, script, statsOnExit, labNetwork,
        };
        privileges.AddTo(command);
        // The UI keeps CAP_NET_RAW alone, so that its interfaces screen can start new captures.
        command.SetAction(parse => Run(new Settings(parse.GetValue(file), parse.GetValue(iface), parse.GetValue(captureFilter), parse.GetValue(displayFilter),
            parse.GetValue(exitAfterFirstDraw), parse.GetValue(script), parse.GetValue(statsOnExit),
            () => privileges.GiveUpRoot(parse, keepNetRaw: true), parse.GetValue(theme), parse.GetValue(colors), parse.GetValue(columns), parse.GetValue(labNetwork),
            parse.GetValue(backend) ?? CaptureBackends.Auto, parse.GetValue(threads)), output, stderr));
        root.Add(command);
        // Only at a terminal: a script running bare 'rawnet' gets the usage error it always got.
        root.SetAction(_ => Console.IsInputRedirected || Console.IsOutputRedirected
            ? Usage(output, stderr, "no command given; try 'rawnet --help' ('rawnet' alone opens the terminal UI at a terminal)")
            : Run(new Settings(null, null, null, null, false, null, false, () => privileges.GiveUpRoot(null, keepRoot: false, keepNetRaw: true)), output, stderr));
    }

    private static int Usage(CommandOutput output, TextWriter stderr, string message)
    {
        output.Finish(ExitCode.Usage);
        stderr.WriteLine("rawnet: " + message);
        return ExitCode.Usage;
    }

    private static int Run(Settings settings, CommandOutput output, TextWriter stderr)
    {
        var (path, name) = (settings.Path, settings.Interface);
        string? hint = null;
        if (settings.DisplayFilter is { } expression && !DisplayFilter.TryParse(expression, out _, out var error))
            return Usage(output, stderr, $"-Y: {error.Message}");
        if (path is not null && name is not null)
            return Usage(output, stderr, "ui: give a FILE or -i IFACE, not both");
        var theme = settings.Theme is { } themeName ? Theme.Find(themeName) : null;
        if (settings.Theme is not null && theme is null)
            return Usage(output, stderr, $"--theme: unknown theme '{settings.Theme}' ({Theme.Choices})");
        ColorDepth? colors = null;
        if (settings.Colors is not null && !ColorDepths.TryParse(settings.Colors, out colors))
            return Usage(output, stderr, $"--colors: unknown depth '{settings.Colors}' ({ColorDepths.Choices})");
        RawNet.Ui.Model.ListColumns? listColumns = null;
        if (settings.Columns is not null && !RawNet.Ui.Model.ListColumns.TryParse(settings.Columns, out listColumns, out string? columnProblem))
            return Usage(output, stderr, $"--columns: {columnProblem}");
        if (path is not null && settings.CaptureFilter is not null)
            return Usage(output, stderr, "ui: -f filters a live capture (-i IFACE); on a file use -Y");
        if (CaptureSources.ThreadsOutOfRange(settings.Threads) is { } threadsOutOfRange)
            return Usage(output, stderr, threadsOutOfRange);
        RawNet.Capture.Lab.TestNetwork? lab = null;
        if (settings.LabNetwork is { } spec && !LayersLabSpec.TryParse(spec, out lab, out var labProblem))
            return Usage(output, stderr, labProblem);
        if (path is null && name is null)
        {
            if (CaptureInterfaces.CanCapture())
                name = NetworkInterfaces.DefaultInterface();
            else if (settings.CaptureFilter is not null)
                return CaptureInput.Fail(output, stderr, CaptureInterfaces.PrivilegeProblem(NetworkInterfaces.DefaultInterface()));
            else
            {
                path = FindBundledCapture();
                if (path is null)
                    return CaptureInput.Fail(output, stderr, $"no FILE given and the bundled {BundledCapture} was not found; try 'rawnet ui FILE'");
                hint = BundledHint;
            }
        }
        if (path is not null && Directory.Exists(path))
            return CaptureInput.Fail(output, stderr, $"{path}: Is a directory");
        if (path is not null && !File.Exists(path))
            return CaptureInput.Fail(output, stderr, $"{path}: No such file");
        // libpcap knows "any" and its own device names (Windows' \Device\NPF_...): it says itself when one does not exist.
        if (name is not null && CaptureBackends.ForCapture(settings.Backend, name) == CaptureBackends.AfPacket && !NetworkInterfaces.Exists(name))
            return CaptureInput.Fail(output, stderr, $"{name}: No such interface (see rawnet interfaces)");
        if (name is not null && CaptureSources.ThreadsRefusal(CaptureBackends.ForCapture(settings.Backend, name), settings.Threads, name) is { } threadsRefused)
            return Usage(output, stderr, threadsRefused);
        // Before any file or packet is read (only whether they exist was asked, so that "No such file" means that): the UI
        // runs as the user, with CAP_NET_RAW alone, which opens captures as root would.
        bool wasRoot = Privileges.IsRoot;
        // Found while still root. Under sudo it is the invoking user's file, read only once root is given up to that user;
        // root's own (no sudo) is read now, since the user root becomes (nobody) cannot enter root's home.
        string? configPath = UiConfigFile.Locate(Environment.GetEnvironmentVariable, wasRoot, Privileges.HomeOf);
        var rootConfig = wasRoot && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SUDO_USER")) ? UiConfigFile.Read(configPath) : null;
        if (settings.GiveUpRoot() is { } refused)
            return CaptureInput.Fail(output, stderr, refused);
        if (wasRoot && !Privileges.IsRoot && path is not null && !Readable(path))
            return CaptureInput.Fail(output, stderr, $"{path}: Permission denied (rawnet gave root up; --keep-root reads it as root)");
        if (!settings.ExitAfterFirstDraw && settings.Script is null && Console.IsInputRedirected)
            return Usage(output, stderr, "ui: standard input is not a terminal; the UI reads keys from one");
        try
        {
            var options = new UiOptions(path, name, settings.CaptureFilter, settings.DisplayFilter, hint, settings.ExitAfterFirstDraw, settings.Script, settings.StatsOnExit,
                theme, colors, configPath, listColumns, rootConfig, lab, settings.Backend, settings.Threads);
            int code = UiSession.Run(options, output.Writer, stderr);
            return output.Finish(code);
        }
        catch (BpfCompileException e)
        {
            return Usage(output, stderr, e.Message);
        }
        catch (Exception e) when (e is AfPacketException or CaptureOpenException)
        {
            return CaptureInput.Fail(output, stderr, e.Message);
        }
        catch (CaptureFileException e)
        {
            return CaptureInput.Fail(output, stderr, e.Message);
        }
        catch (UnauthorizedAccessException)
        {
            return CaptureInput.Fail(output, stderr, $"{path ?? name}: Permission denied");
        }
        catch (IOException e) when (!output.IsBroken)
        {
            return CaptureInput.Fail(output, stderr, $"{path ?? name}: {e.Message}");
        }
    }

    private static bool Readable(string path)
    {
        try
        {
            using (File.OpenHandle(path))
                return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            // Any other problem is the reader's to report.
            return true;
        }
    }

    /// <summary>The bundled capture beside the program or above it (a build output inside the repository), or in the working directory.</summary>
    private static string? FindBundledCapture()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, BundledCapture);
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }
}
