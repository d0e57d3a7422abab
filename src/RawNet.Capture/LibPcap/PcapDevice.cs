using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

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

    /// <summary>Every device libpcap can open (pcap_findalldevs); needs no privileges.</summary>
    public static unsafe IReadOnlyList<PcapDevice> FindAll()
    {
        PcapLibrary.EnsureAvailable();
        var errorBuffer = stackalloc byte[Interop.Pcap.ErrorBufferSize];
        Interop.Pcap.PcapIf* all = null;
        if (Interop.Pcap.FindAllDevs(&all, errorBuffer) != 0)
            throw new PcapException("pcap_findalldevs: " + Interop.Pcap.PtrToString(errorBuffer), Interop.Pcap.Error);
        try
        {
            var devices = new List<PcapDevice>();
            for (var dev = all; dev is not null; dev = dev->Next)
            {
                var addresses = new List<PcapAddress>();
                for (var a = dev->Addresses; a is not null; a = a->Next)
                {
                    var (family, ip, hardware) = ReadSocketAddress(a->Addr);
                    addresses.Add(new PcapAddress(
                        family,
                        ip,
                        ReadSocketAddress(a->Netmask).Ip,
                        ReadSocketAddress(a->BroadAddr).Ip,
                        ReadSocketAddress(a->DstAddr).Ip,
                        hardware));
                }
                devices.Add(new PcapDevice(
                    Interop.Pcap.PtrToString(dev->Name) ?? "",
                    Interop.Pcap.PtrToString(dev->Description),
                    (PcapDeviceFlags)(dev->Flags & 0xf),
                    addresses));
            }
            return devices;
        }
        finally
        {
            Interop.Pcap.FreeAllDevs(all);
        }
    }

    // Linux socket address layouts: sa_family_t (2 bytes, host order) first, then
    // sockaddr_in: port(2) addr(4); sockaddr_in6: port(2) flowinfo(4) addr(16) scope_id(4);
    // sockaddr_ll: protocol(2) ifindex(4) hatype(2) pkttype(1) halen(1) addr(8).
    private const ushort AfInet = 2;
    private const ushort AfInet6 = 10;
    private const ushort AfPacket = 17;

    private static unsafe (AddressFamily Family, IPAddress? Ip, PhysicalAddress? Hardware) ReadSocketAddress(byte* sockaddr)
    {
        if (sockaddr is null)
            return (AddressFamily.Unknown, null, null);
        switch (*(ushort*)sockaddr)
        {
            case AfInet:
                return (AddressFamily.InterNetwork, new IPAddress(new ReadOnlySpan<byte>(sockaddr + 4, 4)), null);
            case AfInet6:
                var scope = BinaryPrimitives.ReadUInt32LittleEndian(new ReadOnlySpan<byte>(sockaddr + 24, 4));
                return (AddressFamily.InterNetworkV6, new IPAddress(new ReadOnlySpan<byte>(sockaddr + 8, 16), scope), null);
            case AfPacket:
                var length = Math.Min((int)sockaddr[11], 8);
                return (AddressFamily.Packet, null, new PhysicalAddress(new ReadOnlySpan<byte>(sockaddr + 12, length).ToArray()));
            default:
                return (AddressFamily.Unknown, null, null);
        }
    }
}
