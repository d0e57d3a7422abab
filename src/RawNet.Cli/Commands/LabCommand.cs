using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RawNet.Capture.Lab;
using RawNet.Capture.Lab.Link;

namespace RawNet.Cli.Commands;

/// <summary>
/// <c>rawnet lab up|set|status|down</c>: namespaces rawnet-a and rawnet-b (198.18.0.1/24 and 2001:db8::1/64 on rn-a,
/// .2 and ::2 on rn-b) joined through a third, rawnet-link, where rawnet's own forwarder bridges the frames and
/// impairs them as told (delay, jitter, loss, rate and queue, reordering, duplication, corruption).
/// </summary>
public static class LabCommand
{
    private static readonly string[] Directions = ["a->b", "b->a"];

    /// <summary>Builds the command; results go to <paramref name="output"/>, problems to <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr, IReadOnlyList<string>? program = null)
    {
        var command = new Command("lab", "Manage a test network: rawnet-a <-> rawnet-link (an impairing forwarder) <-> rawnet-b.");
        var lab = TestNetwork.Default;

        var up = new Command("up", "Create rawnet-a, rawnet-link and rawnet-b and start the link's forwarder; values as A/B differ per direction (a->b/b->a).");
        var upSettings = SettingOptions(up, includeSeed: true);
        up.SetAction(parse => Guarded("up", stderr, () => Up(lab, Given(parse, upSettings), output, stderr)));

        var set = new Command("set", "Change the running link's settings (only those given), without tearing the lab down.");
        var setSettings = SettingOptions(set, includeSeed: true);
        set.SetAction(parse => Guarded("set", stderr, () => Set(lab, Given(parse, setSettings), output, stderr)));

        var down = new Command("down", "Stop the link's forwarder and delete the lab's namespaces (and so its veth pairs).");
        down.SetAction(_ => Guarded("down", stderr, () =>
        {
            var state = LinkForwarderProcess.Inspect(lab);
            var stopped = LinkForwarderProcess.Stop(lab);
            if (!lab.Down() && stopped is null && !state.Exists)
            {
                output.Writer.WriteLine("lab is already down");
                return ExitCode.Success;
            }
            var forwarder = stopped is int pid ? $"stopped the forwarder (pid {pid})"
                : state.Exists ? $"the forwarder (pid {state.Pid}) had already stopped" : "no forwarder ran";
            output.Writer.WriteLine($"lab is down: {forwarder}, deleted {lab.NamespaceA}, {lab.LinkNamespace} and {lab.NamespaceB}");
            return ExitCode.Success;
        }));

        var status = new Command("status", "Show the lab's namespaces and addresses, the link's settings and per direction what the forwarder did, or \"down\".");
        status.SetAction(_ => Guarded("status", stderr, () => Status(lab, output, stderr)));

        command.Add(up);
        command.Add(set);
        command.Add(down);
        command.Add(status);
        command.Add(LabTrafficCommand.Create(output, stderr, program));
        command.Add(ForwardCommand());
        return command;
    }

    private static Dictionary<string, Option<string>> SettingOptions(Command command, bool includeSeed)
    {
        var descriptions = new Dictionary<string, (string Help, string Text)>
        {
            ["delay"] = ("TIME", "Delay every frame (20ms, 500us; default 0ms)."),
            ["jitter"] = ("TIME", "Move each frame's delay by a uniform amount within +-TIME; order is kept (default 0ms)."),
            ["loss"] = ("PERCENT", "Drop this share of frames at random (1.5%; default 0%)."),
            ["rate"] = ("RATE", "Transmit at this rate: bit, kbit, mbit, gbit (20mbit; default unlimited)."),
            ["queue"] = ("FRAMES", "Frames that may wait for the rate's transmitter; more are dropped (default 1000)."),
            ["reorder"] = ("PERCENT", "Send this share of frames at once, ahead of the delayed ones (default 0%)."),
            ["duplicate"] = ("PERCENT", "Send this share of frames twice (default 0%)."),
            ["corrupt"] = ("PERCENT", "Flip one random bit after the Ethernet header in this share of frames (default 0%)."),
            ["mtu"] = ("BYTES", $"The MTU of every veth in the lab, {LinkSettings.MinMtu} to {LinkSettings.MaxMtu} (default {LinkSettings.DefaultMtu})."),
            ["seed"] = ("N", "Seed the random choices: the same seed and traffic lose the same frames (default: a random seed, shown)."),
        };
        var options = new Dictionary<string, Option<string>>();
        foreach (var name in LinkSettings.OptionNames)
        {
            if (name == "seed" && !includeSeed)
                continue;
            var (help, text) = descriptions[name];
            var option = new Option<string>("--" + name) { Description = text, HelpName = help };
            command.Add(option);
            options[name] = option;
        }
        return options;
    }

    private static List<KeyValuePair<string, string>> Given(ParseResult parse, Dictionary<string, Option<string>> options) =>
        [.. options.Select(o => new KeyValuePair<string, string>(o.Key, parse.GetValue(o.Value)!)).Where(o => o.Value is not null)];

    private static int Up(TestNetwork lab, List<KeyValuePair<string, string>> given, CommandOutput output, TextWriter stderr)
    {
        var seed = (ulong)RandomNumberGenerator.GetInt32(int.MaxValue);
        if (!LinkSettings.Default(seed).TryApply(given, out var settings, out var error))
        {
            stderr.WriteLine($"rawnet: lab up: {error}");
            return ExitCode.Usage;
        }
        if (lab.AnyExists)
        {
            var state = LinkForwarderProcess.Inspect(lab);
            stderr.WriteLine("rawnet: lab up: " + (state.Running
                ? $"the lab is already up (forwarder pid {state.Pid}): rawnet lab set changes the link, rawnet lab down removes the lab"
                : LinkForwarderProcess.NotRunning(lab, state)));
            return ExitCode.BadInput;
        }
        lab = lab with { Mtu = settings.Mtu };
        int pid;
        try
        {
            lab.Up();
            pid = LinkForwarderProcess.Start(lab, settings, RawNetCommandLine.ThisProgram());
        }
        catch
        {
            // Nothing half set up: whatever failed, the namespaces and the run directory go.
            LinkForwarderProcess.Stop(lab);
            lab.Down();
            throw;
        }
        output.Writer.WriteLine($"lab is up: {lab.NamespaceA} ({lab.InterfaceA} {lab.Ipv4(1)} {lab.Ipv6(1)}) <-> {lab.LinkNamespace} (forwarder pid {pid}) <-> "
            + $"{lab.NamespaceB} ({lab.InterfaceB} {lab.Ipv4(2)} {lab.Ipv6(2)}), MTU {lab.Mtu}");
        output.Writer.WriteLine("link: " + string.Join(' ', settings.ToArguments()));
        return ExitCode.Success;
    }

    private static int Set(TestNetwork lab, List<KeyValuePair<string, string>> given, CommandOutput output, TextWriter stderr)
    {
        if (given.Count == 0)
        {
            stderr.WriteLine($"rawnet: lab set: give at least one setting ({string.Join(", ", LinkSettings.OptionNames.Select(n => "--" + n))})");
            return ExitCode.Usage;
        }
        if (!lab.AnyExists)
        {
            stderr.WriteLine("rawnet: lab set: the lab is down (rawnet lab up creates it)");
            return ExitCode.BadInput;
        }
        var state = LinkForwarderProcess.Inspect(lab);
        if (!state.Running)
        {
            stderr.WriteLine("rawnet: lab set: " + LinkForwarderProcess.NotRunning(lab, state));
            return ExitCode.BadInput;
        }
        var before = LinkForwarderProcess.ReadSettings(lab);
        if (!before.TryApply(given, out var settings, out var error))
        {
            stderr.WriteLine($"rawnet: lab set: {error}");
            return ExitCode.Usage;
        }
        if (settings.Mtu != before.Mtu)
            lab.SetMtu(settings.Mtu);
        LinkForwarderProcess.Apply(lab, settings);
        output.Writer.WriteLine("link: " + string.Join(' ', settings.ToArguments()));
        return ExitCode.Success;
    }

    private static int Status(TestNetwork lab, CommandOutput output, TextWriter stderr)
    {
        if (!lab.AnyExists)
        {
            output.Writer.Write("lab is down (rawnet lab up creates it)\n");
            return ExitCode.Success;
        }
        output.Writer.Write(lab.Status() ?? "");
        var state = LinkForwarderProcess.Inspect(lab);
        if (!state.Running)
        {
            stderr.WriteLine("rawnet: lab status: " + LinkForwarderProcess.NotRunning(lab, state));
            return ExitCode.BadInput;
        }
        output.Writer.Write(LinkReport(lab, state.Pid));
        return ExitCode.Success;
    }

    /// <summary>The link's settings and each direction's counters as a table.</summary>
    private static string LinkReport(TestNetwork lab, int pid)
    {
        var text = new StringBuilder();
        text.Append($"link {lab.LinkNamespace}: forwarder pid {pid} between {lab.LinkInterfaceA} and {lab.LinkInterfaceB}\n");
        text.Append("  settings: ").Append(string.Join(' ', LinkForwarderProcess.ReadSettings(lab).ToArguments())).Append('\n');
        using var board = LinkStatusBoard.TryOpen(LinkForwarderProcess.BoardFile(lab));
        if (board is null)
            return text.Append("  no counters yet\n").ToString();
        var counters = new[] { board.Snapshot(LinkDirection.AToB), board.Snapshot(LinkDirection.BToA) };
        var rows = LinkCounters.Named;
        text.Append($"  {"",-18}{Directions[0],12}{Directions[1],12}\n");
        foreach (var (name, value) in rows)
            text.Append($"  {name,-18}{value(counters[0]).ToString(CultureInfo.InvariantCulture),12}{value(counters[1]).ToString(CultureInfo.InvariantCulture),12}\n");
        return text.ToString();
    }

    /// <summary>The hidden <c>lab forward</c>: the forwarder itself, started by <c>lab up</c> inside the link namespace.</summary>
    private static Command ForwardCommand()
    {
        var directory = new Option<string>("--dir") { Required = true, Description = "The run directory (pid, settings, counters)." };
        var sideA = new Option<string>("--side-a") { Required = true, Description = "The interface facing rawnet-a." };
        var sideB = new Option<string>("--side-b") { Required = true, Description = "The interface facing rawnet-b." };
        var forward = new Command(LinkForwarderProcess.CommandWords[1], "The lab link's forwarder (started by lab up).") { directory, sideA, sideB };
        forward.Hidden = true;
        forward.SetAction(parse => LinkForwarderProcess.Serve(parse.GetValue(directory)!, parse.GetValue(sideA)!, parse.GetValue(sideB)!, Console.Error));
        return forward;
    }

    private static int Guarded(string verb, TextWriter stderr, Func<int> action)
    {
        // Status of a lab that is down needs nothing; everything else runs ip in or on namespaces.
        if ((verb != "status" || TestNetwork.Default.AnyExists) && !Environment.IsPrivilegedProcess)
        {
            stderr.WriteLine($"rawnet: lab {verb}: managing network namespaces needs root (CAP_SYS_ADMIN and CAP_NET_ADMIN): run it with sudo");
            return ExitCode.BadInput;
        }
        try
        {
            return action();
        }
        catch (Exception e) when (e is LabException or RawNet.Capture.Injection.SendFailure)
        {
            stderr.WriteLine($"rawnet: lab {verb}: {e.Message}");
            return ExitCode.BadInput;
        }
    }
}
