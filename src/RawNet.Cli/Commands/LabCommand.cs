using System.CommandLine;
using RawNet.Capture.Lab;

namespace RawNet.Cli.Commands;

/// <summary>
/// <c>rawnet lab up|down|status</c>: two network namespaces, rawnet-a and rawnet-b, joined by the veth pair rn-a/rn-b
/// (MTU 9000; 198.18.0.1/24 and 2001:db8::1/64 on a, .2 and ::2 on b), a private place to send and capture.
/// </summary>
public static class LabCommand
{
    /// <summary>Builds the command; results go to <paramref name="output"/>, problems to <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr)
    {
        var command = new Command("lab", "Manage a two-namespace test network (rawnet-a <-> rawnet-b) to send and capture in.");
        var lab = TestNetwork.Default;

        var up = new Command("up", "Create rawnet-a and rawnet-b joined by veth rn-a/rn-b (MTU 9000, 198.18.0.1-2/24, 2001:db8::1-2/64).");
        up.SetAction(_ => Guarded("up", stderr, () =>
        {
            output.Writer.WriteLine(lab.Up()
                ? $"lab is up: {lab.NamespaceA} ({lab.InterfaceA} {lab.Ipv4(1)} {lab.Ipv6(1)}) <-> {lab.NamespaceB} ({lab.InterfaceB} {lab.Ipv4(2)} {lab.Ipv6(2)}), MTU {lab.Mtu}"
                : $"lab is already up ({lab.NamespaceA}, {lab.NamespaceB}); rawnet lab status shows it");
            return ExitCode.Success;
        }));

        var down = new Command("down", "Delete rawnet-a and rawnet-b (and so the veth pair).");
        down.SetAction(_ => Guarded("down", stderr, () =>
        {
            output.Writer.WriteLine(lab.Down() ? $"lab is down: deleted {lab.NamespaceA} and {lab.NamespaceB}" : "lab is already down");
            return ExitCode.Success;
        }));

        var status = new Command("status", "Show the lab's namespaces, interfaces, MTU and addresses, or \"down\".");
        status.SetAction(_ => Guarded("status", stderr, () =>
        {
            output.Writer.Write(lab.Status() ?? "lab is down (rawnet lab up creates it)\n");
            return ExitCode.Success;
        }));

        command.Add(up);
        command.Add(down);
        command.Add(status);
        return command;
    }

    private static int Guarded(string verb, TextWriter stderr, Func<int> action)
    {
        // Status of a lab that is down needs nothing; everything else runs ip in or on namespaces.
        if ((verb != "status" || TestNetwork.Default.Exists) && !Environment.IsPrivilegedProcess)
        {
            stderr.WriteLine($"rawnet: lab {verb}: managing network namespaces needs root (CAP_SYS_ADMIN and CAP_NET_ADMIN): run it with sudo");
            return ExitCode.BadInput;
        }
        try
        {
            return action();
        }
        catch (LabException e)
        {
            stderr.WriteLine($"rawnet: lab {verb}: {e.Message}");
            return ExitCode.BadInput;
        }
    }
}
