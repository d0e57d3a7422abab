using System.CommandLine;
using System.Text;
using RawNet.Capture.LibPcap;
using RawNet.Capture.Sources;
using RawNet.Output;
using RawNet.Protocols;

namespace RawNet.Cli.Commands;

/// <summary><c>rawnet interfaces</c>: the interfaces a capture can open, numbered like <c>tcpdump -D</c>, with flags, link type and addresses. Needs no privileges.</summary>
public static class InterfacesCommand
{
    /// <summary>Builds the command; it prints through <paramref name="output"/> and reports problems on <paramref name="stderr"/>.</summary>
    public static Command Create(CommandOutput output, TextWriter stderr)
    {
        var command = new Command("interfaces", "List the interfaces rawnet capture can open (like tcpdump -D).");
        command.SetAction(_ =>
        {
            IReadOnlyList<PcapDevice> devices;
            try
            {
                devices = PcapDevice.FindAll();
            }
            catch (Exception e) when (e is LibPcapUnavailableException or PcapException)
            {
                return CaptureInput.Fail(output, stderr, e.Message);
            }
            var line = new StringBuilder();
            for (int i = 0; i < devices.Count; i++)
            {
                Describe(line.Clear(), i + 1, devices[i]);
                output.Writer.WriteLine(line);
            }
            return ExitCode.Success;
        });
        return command;
    }

    /// <summary>
    /// <c>3.lo [Up, Running, Loopback] ifindex 1, link-type ETHERNET, 00:00:00:00:00:00, 127.0.0.1/8, ::1/128</c>: tcpdump's
    /// number, name, description and flags, then what the kernel says about the interface.
    /// </summary>
    private static void Describe(StringBuilder line, int number, PcapDevice device)
    {
        line.Append(number).Append('.').Append(device.Name);
        if (!string.IsNullOrEmpty(device.Description))
            line.Append(" (").Append(device.Description).Append(')');
        line.Append(" [").Append(device.FlagNames).Append(']');

        var details = new List<string>();
        if (NetworkInterfaces.TryGetIndex(device.Name, out int index))
            details.Add("ifindex " + index);
        if (NetworkInterfaces.TryGetLinkType(device.Name, out var linkType))
            details.Add("link-type " + LinkTypeNames.Name(linkType));
        foreach (var address in device.Addresses)
        {
            if (address.HardwareAddress is { } hardware && hardware.GetAddressBytes().Length > 0)
                details.Add(string.Join(':', hardware.GetAddressBytes().Select(b => b.ToString("x2"))));
            else if (address.IpText() is { } ip)
                details.Add(ip);
        }
        if (details.Count > 0)
            line.Append(' ').AppendJoin(", ", details);
    }
}
