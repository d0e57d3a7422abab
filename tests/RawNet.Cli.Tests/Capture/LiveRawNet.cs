using System.Diagnostics;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Capture;

/// <summary>Starts a <c>rawnet capture</c> (optionally inside a network namespace) that is ready once it said "listening on".</summary>
public static class LiveRawNet
{
    /// <summary>
    /// Starts <c>rawnet ARGS</c> (<paramref name="program"/>, by default the built rawnet.dll), inside <paramref name="netns"/>
    /// when given, with <paramref name="environment"/>'s variables set (or removed, for a null value), and waits until it
    /// listens (or fails to). With <paramref name="interruptIgnored"/> it starts with SIGINT ignored, as a shell without job
    /// control starts a command run with <c>&amp;</c>.
    /// </summary>
    public static ListeningProcess Start(IEnumerable<string> arguments, string? netns = null, string? program = null,
        IReadOnlyDictionary<string, string?>? environment = null, bool interruptIgnored = false)
    {
        program ??= RawNetProcess.AssemblyPath;
        List<string> command = netns is null
            ? ["dotnet", program]
            : [ExternalTool.Require("ip", "iproute2"), "netns", "exec", netns, "dotnet", program];
        if (interruptIgnored)
            command = ["bash", "-c", "trap '' INT; exec \"$@\"", "rawnet", .. command];
        var psi = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in command.Skip(1).Concat(arguments))
            psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                psi.Environment.Remove(name);
            else
                psi.Environment[name] = value;
        }
        return ListeningProcess.Start(Process.Start(psi) ?? throw new InvalidOperationException("cannot start rawnet"), "rawnet capture", TimeSpan.FromSeconds(30));
    }
}
