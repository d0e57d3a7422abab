using System.CommandLine;
using RawNet.Files;
using RawNet.Ui.Screens;

namespace RawNet.Cli.Commands;

/// <summary><c>rawnet ui [FILE]</c> (and <c>rawnet</c> alone): the terminal UI over a capture file.</summary>
public static class UiCommand
{
    /// <summary>The capture opened when no FILE is given, relative to the repository or the installed program.</summary>
    public const string BundledCapture = "captures/tcp-handshake-ipv4.pcap";

    /// <summary>Adds <c>ui</c> to <paramref name="root"/> and makes it what <c>rawnet</c> with no command runs.</summary>
    public static void Register(RootCommand root, CommandOutput output, TextWriter stderr)
    {
        var file = new Argument<string?>("FILE") { Description = "A pcap or pcapng file (default: the bundled " + BundledCapture + ").", Arity = ArgumentArity.ZeroOrOne };
        var exitAfterFirstDraw = new Option<bool>("--exit-after-first-draw") { Hidden = true, Description = "Benchmark: quit after the first screen, printing the time it took to standard error." };
        var script = new Option<string?>("--script") { Hidden = true, Description = "Benchmark: keys to apply after the first screen, each timed on standard error; then quit." };
        var command = new Command("ui", "Browse a capture in the terminal: packet list, layer tree, hex, display filter, statistics.") { file, exitAfterFirstDraw, script };
        command.SetAction(parse => Run(parse.GetValue(file), parse.GetValue(exitAfterFirstDraw), parse.GetValue(script), output, stderr));
        root.Add(command);
        // Only at a terminal: a script running bare 'rawnet' gets the usage error it always got.
        root.SetAction(_ => Console.IsInputRedirected || Console.IsOutputRedirected
            ? Usage(output, stderr, "no command given; try 'rawnet --help' ('rawnet' alone opens the terminal UI at a terminal)")
            : Run(null, false, null, output, stderr));
    }

    private static int Usage(CommandOutput output, TextWriter stderr, string message)
    {
        output.Finish(ExitCode.Usage);
        stderr.WriteLine("rawnet: " + message);
        return ExitCode.Usage;
    }

    private static int Run(string? path, bool exitAfterFirstDraw, string? script, CommandOutput output, TextWriter stderr)
    {
        string? hint = null;
        if (path is null)
        {
            path = FindBundledCapture();
            if (path is null)
                return CaptureInput.Fail(output, stderr, $"no FILE given and the bundled {BundledCapture} was not found; try 'rawnet ui FILE'");
            hint = "example file; open one: rawnet ui FILE; live: rawnet capture -i IFACE -w FILE first";
        }
        if (Directory.Exists(path))
            return CaptureInput.Fail(output, stderr, $"{path}: Is a directory");
        if (!File.Exists(path))
            return CaptureInput.Fail(output, stderr, $"{path}: No such file");
        if (!exitAfterFirstDraw && script is null && Console.IsInputRedirected)
            return Usage(output, stderr, "ui: standard input is not a terminal; the UI reads keys from one");
        try
        {
            int code = UiSession.Run(new UiOptions(path, hint, exitAfterFirstDraw, script), output.Writer, stderr);
            return output.Finish(code);
        }
        catch (CaptureFileException e)
        {
            return CaptureInput.Fail(output, stderr, e.Message);
        }
        catch (UnauthorizedAccessException)
        {
            return CaptureInput.Fail(output, stderr, $"{path}: Permission denied");
        }
        catch (IOException e) when (!output.IsBroken)
        {
            return CaptureInput.Fail(output, stderr, $"{path}: {e.Message}");
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
