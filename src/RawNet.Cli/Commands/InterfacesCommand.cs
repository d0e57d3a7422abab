using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RawNet.Capture.LibPcap;
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
        line.Append(" [").Append(FlagNames(device.Flags)).Append(']');

        var details = new List<string>();
        if (NetworkInterfaces.TryGetIndex(device.Name, out int index))
            details.Add("ifindex " + index);
        if (NetworkInterfaces.TryGetLinkType(device.Name, out var linkType))
            details.Add("link-type " + LinkTypeNames.Name(linkType));
        foreach (var address in device.Addresses)
        {
            if (address.HardwareAddress is { } hardware && hardware.GetAddressBytes().Length > 0)
                details.Add(string.Join(':', hardware.GetAddressBytes().Select(b => b.ToString("x2"))));
            else if (address.Address is { } ip)
                details.Add(address.Netmask is { } mask ? $"{Plain(ip)}/{PrefixLength(mask)}" : Plain(ip));
        }
        if (details.Count > 0)
            line.Append(' ').AppendJoin(", ", details);
    }

    private static string FlagNames(PcapDeviceFlags flags)
    {
        var names = new List<string>();
        if ((flags & PcapDeviceFlags.Up) != 0)
            names.Add("Up");
        if ((flags & PcapDeviceFlags.Running) != 0)
            names.Add("Running");
        if ((flags & PcapDeviceFlags.Wireless) != 0)
            names.Add("Wireless");
        if ((flags & PcapDeviceFlags.Loopback) != 0)
            names.Add("Loopback");
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    /// <summary>The address without an IPv6 scope suffix; the interface is already named.</summary>
    private static string Plain(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0
            ? new IPAddress(address.GetAddressBytes()).ToString()
            : address.ToString();

    private static int PrefixLength(IPAddress mask)
    {
        int bits = 0;
        foreach (byte b in mask.GetAddressBytes())
            bits += System.Numerics.BitOperations.PopCount(b);
        return bits;
    }
}
