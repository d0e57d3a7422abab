using RawNet.Capture.Bpf;
using RawNet.Capture.LibPcap;
using RawNet.Capture.Sources;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Protocols;
using RawNet.Ui.Model;

namespace RawNet.Ui.Live;

/// <summary>
/// What the UI needs to know before it captures: whether this process may (CAP_NET_RAW), the interfaces to offer, and
/// whether a capture filter compiles. The facts about interfaces come from <see cref="NetworkInterfaces"/> and
/// <see cref="PcapDevice"/>, as for <c>rawnet interfaces</c>.
/// </summary>
public static class CaptureInterfaces
{
    /// <summary>Whether this process may capture (holds CAP_NET_RAW).</summary>
    public static bool CanCapture() => Privileges.HoldsCapNetRaw();

    /// <summary>Why capturing is refused and the two ways to fix it (the capture core's own wording), naming <paramref name="interfaceName"/>.</summary>
    public static string PrivilegeProblem(string interfaceName) => new CapturePermissionException(interfaceName, 1).Message;

    /// <summary>
    /// The interfaces the AF_PACKET back end can capture on, in <c>rawnet interfaces</c> order (libpcap's), with its flags
    /// and addresses; from /sys/class/net alone when libpcap is missing.
    /// </summary>
    public static IReadOnlyList<InterfaceEntry> List()
    {
        try
        {
            return PcapDevice.FindAll().Where(d => AfPacketCanOpen(d.Name)).Select(Describe).ToList();
        }
        catch (Exception e) when (e is LibPcapUnavailableException or PcapException)
        {
            return NetworkInterfaces.Names().Where(AfPacketCanOpen)
                .Select(name => new InterfaceEntry(name, NetworkInterfaces.IsUp(name) ? "[Up]" : "[none]")).ToList();
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

    private static bool AfPacketCanOpen(string name) => NetworkInterfaces.Exists(name) && NetworkInterfaces.IsEthernetOrLoopback(name);

    private static InterfaceEntry Describe(PcapDevice device) =>
        new(device.Name, $"[{device.FlagNames}] {string.Join(", ", device.Addresses.Select(a => a.IpText()).OfType<string>())}".TrimEnd());
}
