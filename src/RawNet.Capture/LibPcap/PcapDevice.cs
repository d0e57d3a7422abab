using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using SharpPcap.LibPcap;

namespace RawNet.Capture.LibPcap;

/// <summary>The PCAP_IF_ flags of a device.</summary>
[Flags]
public enum PcapDeviceFlags : uint
{
    None = 0,
    Loopback = 0x1,
    Up = 0x2,
    Running = 0x4,
    Wireless = 0x8,
}

/// <summary>One address of a device, from its <c>struct pcap_addr</c>; fields the device lacks are null.</summary>
/// <param name="Family">AF_INET, AF_INET6 or AF_PACKET (as <see cref="AddressFamily.Packet"/>); others are <see cref="AddressFamily.Unknown"/>.</param>
/// <param name="Address">The IP address, for IPv4 and IPv6.</param>
/// <param name="Netmask">The netmask, where given.</param>
/// <param name="Broadcast">The broadcast address, where given.</param>
/// <param name="Destination">The point-to-point peer, where given.</param>
/// <param name="HardwareAddress">The link-layer address, for AF_PACKET entries.</param>
public sealed record PcapAddress(
    AddressFamily Family,
    IPAddress? Address,
    IPAddress? Netmask,
    IPAddress? Broadcast,
    IPAddress? Destination,
    PhysicalAddress? HardwareAddress)
{
    /// <summary>
    /// The IP address as <c>rawnet interfaces</c> shows it: with its prefix length when a netmask is given
    /// (<c>127.0.0.1/8</c>) and without an IPv6 scope suffix (the interface is already named); null for other families.
    /// </summary>
    public string? IpText()
    {
        if (Address is not { } address)
            return null;
        var plain = address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0
            ? new IPAddress(address.GetAddressBytes())
            : address;
        if (Netmask is not { } mask)
            return plain.ToString();
        int bits = 0;
        foreach (byte b in mask.GetAddressBytes())
            bits += System.Numerics.BitOperations.PopCount(b);
        return $"{plain}/{bits}";
    }
}

/// <summary>A capture device as pcap_findalldevs lists it.</summary>
/// <param name="Name">The name to open, e.g. <c>eth0</c>, <c>lo</c>, <c>any</c>.</param>
/// <param name="Description">libpcap's description, or null.</param>
/// <param name="Flags">Up, running, loopback, wireless.</param>
/// <param name="Addresses">The device's addresses, in libpcap's order.</param>
public sealed record PcapDevice(string Name, string? Description, PcapDeviceFlags Flags, IReadOnlyList<PcapAddress> Addresses)
{
    /// <summary>Whether the device is a loopback interface.</summary>
    public bool IsLoopback => (Flags & PcapDeviceFlags.Loopback) != 0;

    /// <summary>Whether the device is administratively up.</summary>
    public bool IsUp => (Flags & PcapDeviceFlags.Up) != 0;

    /// <summary>Whether the device is running (carrier present).</summary>
    public bool IsRunning => (Flags & PcapDeviceFlags.Running) != 0;

    /// <summary>The flags as tcpdump -D names them: <c>Up, Running, Loopback</c>, or <c>none</c>.</summary>
    public string FlagNames
    {
        get
        {
            var names = new List<string>();
            if (IsUp)
                names.Add("Up");
            if (IsRunning)
                names.Add("Running");
            if ((Flags & PcapDeviceFlags.Wireless) != 0)
                names.Add("Wireless");
            if (IsLoopback)
                names.Add("Loopback");
            return names.Count == 0 ? "none" : string.Join(", ", names);
        }
    }

    /// <summary>Every device libpcap can open (pcap_findalldevs, through SharpPcap); needs no privileges.</summary>
    /// <exception cref="LibPcapUnavailableException">libpcap is not installed.</exception>
    /// <exception cref="PcapException">pcap_findalldevs failed.</exception>
    public static IReadOnlyList<PcapDevice> FindAll()
    {
        PcapLibrary.EnsureAvailable();
        IReadOnlyList<PcapInterface> interfaces;
        try
        {
            interfaces = PcapInterface.GetAllPcapInterfaces();
        }
        catch (SharpPcap.PcapException e)
        {
            throw new PcapException("pcap_findalldevs: " + e.Message, (int)e.Error);
        }
        return [.. interfaces.Select(device => new PcapDevice(
            device.Name,
            string.IsNullOrEmpty(device.Description) ? null : device.Description,
            (PcapDeviceFlags)(device.Flags & KnownFlags),
            [.. device.Addresses.Select(ToAddress)]))];
    }

    private const uint KnownFlags = (uint)(PcapDeviceFlags.Loopback | PcapDeviceFlags.Up | PcapDeviceFlags.Running | PcapDeviceFlags.Wireless);

    private static PcapAddress ToAddress(SharpPcap.LibPcap.PcapAddress address)
    {
        var ip = IpOf(address.Addr);
        bool hardware = address.Addr?.type == Sockaddr.AddressTypes.HARDWARE;
        return new PcapAddress(
            hardware ? AddressFamily.Packet : ip?.AddressFamily ?? AddressFamily.Unknown,
            ip,
            IpOf(address.Netmask),
            IpOf(address.Broadaddr),
            IpOf(address.Dstaddr),
            hardware ? address.Addr!.hardwareAddress : null);
    }

    private static IPAddress? IpOf(Sockaddr? address) =>
        address?.type == Sockaddr.AddressTypes.AF_INET_AF_INET6 ? address.ipAddress : null;
}
