using System.CommandLine;
using RawNet.Cli.Commands;

namespace RawNet.Cli;

/// <summary>Builds the <c>rawnet</c> command tree and runs it; the entry point tests call in-process.</summary>
public static class RawNetCommandLine
{
    /// <summary>Runs <c>rawnet</c>; returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where diagnostics go.</param>
    /// <param name="program">
    /// The command that runs this rawnet again (<see cref="ThisProgram"/>) when rawnet is the process, as the
    /// <c>rawnet</c> program is: it may then start helpers beside itself and give root up by default. Null for a host
    /// that runs the command line inside its own process (the tests): the host's identity stays as it is and nothing is
    /// started beside it.
    /// </param>
    public static int Run(string[] args, Stream stdout, TextWriter stderr, IReadOnlyList<string>? program = null)
    {
        using var output = new CommandOutput(stdout);
        var root = new RootCommand("RawNet: capture, read, decode and summarise packets (tcpdump/tshark-like).");
        var commands = Commands(output, stderr, program);
        // Only the command being run is built when the first argument names one: a short run (a small capture, a
        // crafted packet) would otherwise spend milliseconds of its start building thirteen option trees it never reads.
        // Anything else (no command, an option, a misspelt name) gets the whole tree, for the UI, help and suggestions.
        int only = args.Length > 0 ? Array.FindIndex(commands, c => c.Name == args[0]) : -1;
        for (int i = 0; i < commands.Length; i++)
        {
            if (only < 0 || i == only)
                commands[i].Add(root);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
                stderr.WriteLine("rawnet: " + error.Message);
            stderr.WriteLine($"Try 'rawnet {CommandPath(parse)}--help'.");
            return ExitCode.Usage;
        }
        int code = parse.Invoke(new InvocationConfiguration { Output = output.Writer, Error = stderr, EnableDefaultExceptionHandler = false });
        return output.Finish(code);
    }

    /// <summary>rawnet's commands by name, each built only when asked for (the UI's also sets what a bare <c>rawnet</c> does).</summary>
    private static (string Name, Action<RootCommand> Add)[] Commands(CommandOutput output, TextWriter stderr, IReadOnlyList<string>? program) =>
    [
        ("read", root => root.Add(ReadCommand.Create(output, stderr))),
        ("stats", root => root.Add(StatsCommand.Create(output, stderr))),
        ("follow", root => root.Add(FollowCommand.Create(output, stderr))),
        ("graph", root => root.Add(GraphCommand.Create(output, stderr))),
        ("capture", root => root.Add(CaptureCommand.Create(output, stderr, program))),
        (CaptureFileGuard.CommandName, root => root.Add(CaptureFileGuard.CreateCommand())),
        ("interfaces", root => root.Add(InterfacesCommand.Create(output, stderr))),
        ("craft", root => root.Add(CraftCommand.Create(output, stderr))),
        ("lab", root => root.Add(LabCommand.Create(output, stderr, program))),
        ("send", root => root.Add(SendCommand.Create(output, stderr))),
        ("replay", root => root.Add(ReplayCommand.Create(output, stderr))),
        ("layers", root => root.Add(LayersCommand.Create(output, stderr))),
        ("ui", root => UiCommand.Register(root, output, stderr, ownProcess: program is not null)),
    ];

    /// <summary>The command that runs this program again: the dotnet host and rawnet.dll, or the published rawnet itself.</summary>
    public static IReadOnlyList<string> ThisProgram()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var entry = Environment.GetCommandLineArgs()[0];
        // An apphost (bin/.../rawnet) also reports its .dll as argument 0, but runs it by itself.
        var hostIsDotnet = Path.GetFileNameWithoutExtension(host) == "dotnet";
        return hostIsDotnet && entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? [host, entry] : [host];
    }

    private static string CommandPath(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        return command is RootCommand ? "" : command.Name + " ";
    }
}

/// <summary>The process exit codes.</summary>
public static class ExitCode
{
    /// <summary>Everything was read and printed.</summary>
    public const int Success = 0;

    /// <summary>The input could not be read, or is damaged (after every good packet before the damage was printed).</summary>
    public const int BadInput = 1;

    /// <summary>The command line was wrong: unknown option, bad value, unknown field name.</summary>
    public const int Usage = 2;
}
