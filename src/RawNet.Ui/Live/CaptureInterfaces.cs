using System.Globalization;
using System.Net.Sockets;
using RawNet.Capture.Bpf;
using RawNet.Capture.LibPcap;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Protocols;
using RawNet.Ui.Model;

namespace RawNet.Ui.Live;

/// <summary>
/// What the UI needs to know before it captures: whether this process may (CAP_NET_RAW), which interface to capture
/// on by default, the interfaces to offer, and whether a capture filter compiles.
/// </summary>
public static class CaptureInterfaces
{
    private const string SysClassNet = "/sys/class/net";
    private const int CapNetRaw = 13;
    private const int IffUp = 0x1;
    private const int ArphrdLoopback = 772;

    /// <summary>Whether this process holds CAP_NET_RAW in its effective set (root normally does), read from /proc/self/status.</summary>
    public static bool CanCapture()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("CapEff:", StringComparison.Ordinal)
                    && ulong.TryParse(line.AsSpan(7).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong caps))
                    return (caps & (1UL << CapNetRaw)) != 0;
            }
        }
        catch (IOException)
        {
        }
        return false;
    }

    /// <summary>Why capturing is refused and the two ways to fix it (the capture core's own wording), naming <paramref name="interfaceName"/>.</summary>
    public static string PrivilegeProblem(string interfaceName) => new CapturePermissionException(interfaceName, 1).Message;

    /// <summary>
    /// The interface to capture on when none is named: the one the default route leaves by, else the first one up that is
    /// not loopback, else "lo".
    /// </summary>
    public static string DefaultInterface()
    {
        try
        {
            // /proc/net/route: Iface, Destination (hex), Gateway, ...; the default route has destination 00000000.
            foreach (var line in File.ReadLines("/proc/net/route").Skip(1))
            {
                var fields = line.Split('\t', StringSplitOptions.TrimEntries);
                if (fields.Length > 2 && fields[1] == "00000000" && Exists(fields[0]))
                    return fields[0];
            }
        }
        catch (IOException)
        {
        }
        foreach (var name in SystemInterfaces())
        {
            if (IsUp(name) && Attribute(name, "type") != ArphrdLoopback.ToString(CultureInfo.InvariantCulture))
                return name;
        }
        return "lo";
    }

    /// <summary>
    /// The interfaces the AF_PACKET back end can capture on, in <c>rawnet interfaces</c> order (libpcap's), with its flags
    /// and addresses; from /sys/class/net alone when libpcap is missing.
    /// </summary>
    public static IReadOnlyList<InterfaceEntry> List()
    {
        try
        {
            return PcapDevice.FindAll().Where(d => Exists(d.Name)).Select(Describe).ToList();
        }
        catch (Exception e) when (e is LibPcapUnavailableException or PcapException)
        {
            return SystemInterfaces().Select(name => new InterfaceEntry(name, IsUp(name) ? "[Up]" : "[none]")).ToList();
        }
    }

    /// <summary>Compiles <paramref name="filter"/> for <paramref name="interfaceName"/>'s link type; the error, or null when it compiles.</summary>
    public static string? CheckFilter(string interfaceName, string filter)
    {
        try
        {
            BpfProgram.Compile(filter, LinkType.Ethernet);
            return null;
        }
        catch (BpfCompileException e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is LibPcapUnavailableException or PcapException)
        {
            return e.Message;
        }
    }

    private static InterfaceEntry Describe(PcapDevice device)
    {
        var flags = new List<string>();
        if (device.IsUp)
            flags.Add("Up");
        if (device.IsRunning)
            flags.Add("Running");
        if (device.IsLoopback)
            flags.Add("Loopback");
        var addresses = device.Addresses
            .Where(a => a.Address is not null && a.Family is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            .Select(a => a.Netmask is { } mask ? $"{Plain(a.Address!)}/{PrefixLength(mask)}" : Plain(a.Address!));
        return new InterfaceEntry(device.Name, $"[{(flags.Count == 0 ? "none" : string.Join(", ", flags))}] {string.Join(", ", addresses)}".TrimEnd());
    }

    private static string Plain(System.Net.IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new System.Net.IPAddress(address.GetAddressBytes()).ToString() : address.ToString();

    private static int PrefixLength(System.Net.IPAddress mask) =>
        mask.GetAddressBytes().Sum(b => System.Numerics.BitOperations.PopCount(b));

    private static IEnumerable<string> SystemInterfaces()
    {
        try
        {
            return Directory.GetDirectories(SysClassNet).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static bool Exists(string name) =>
        name.Length > 0 && name.IndexOfAny(['/', '\0']) < 0 && name is not ("." or "..") && Directory.Exists(Path.Combine(SysClassNet, name));

    private static bool IsUp(string name) =>
        Attribute(name, "flags") is { } flags && flags.StartsWith("0x", StringComparison.Ordinal)
        && int.TryParse(flags.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int value) && (value & IffUp) != 0;

    private static string? Attribute(string name, string attribute)
    {
        try
        {
            return File.ReadAllText(Path.Combine(SysClassNet, name, attribute)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
