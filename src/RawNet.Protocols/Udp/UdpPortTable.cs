using RawNet.Protocols.Dns;
using RawNet.Protocols.L2tp;
using RawNet.Protocols.Tunnels;

namespace RawNet.Protocols.Udp;

/// <summary>
/// tshark's order of trying a UDP datagram's ports, for the ports of protocols RawNet does not decode. tshark hands the
/// payload to the dissector of the lower port first, then to the higher port's (a port of 0 never), then to its
/// heuristics, then to "data"; a dissector may refuse a payload that is not its own, and tshark moves on. So a VXLAN
/// packet sent from port 123 is NTP to tshark (and to RawNet), but one from port 1812 is VXLAN,
/// because RADIUS refuses it. Which dissector refuses which payload is tshark's knowledge: the table
/// (<c>UdpPortTable.Tshark.cs</c>) is what tests/oracle/make-udp-port-table.py found by asking tshark, for the kinds of
/// payload RawNet decodes by port (<see cref="UdpPayloadKind"/>).
/// </summary>
public static partial class UdpPortTable
{
    /// <summary>
    /// The kind of payload RawNet decodes on <paramref name="port"/> (its own protocols' ports), or
    /// <see cref="UdpPayloadKind.None"/>.
    /// </summary>
    public static UdpPayloadKind KindOf(ushort port) => port switch
    {
        DnsPorts.Dns or DnsPorts.Multicast or DnsPorts.LinkLocal => UdpPayloadKind.Dns,
        TunnelPorts.Vxlan => UdpPayloadKind.Vxlan,
        TunnelPorts.Geneve => UdpPayloadKind.Geneve,
        TunnelPorts.MplsInUdp => UdpPayloadKind.MplsInUdp,
        TunnelPorts.Gtp => UdpPayloadKind.Gtp,
        TunnelPorts.Teredo => UdpPayloadKind.Teredo,
        L2tpPorts.L2tp => UdpPayloadKind.L2tp,
        TunnelPorts.VxlanGpe => UdpPayloadKind.VxlanGpe,
        TunnelPorts.GreInUdp => UdpPayloadKind.GreInUdp,
        TunnelPorts.LispData => UdpPayloadKind.LispData,
        TunnelPorts.Amt => UdpPayloadKind.Amt,
        TunnelPorts.CapwapData => UdpPayloadKind.CapwapData,
        TunnelPorts.LwappData or TunnelPorts.LwappControl => UdpPayloadKind.Lwapp,
        TunnelPorts.Tzsp => UdpPayloadKind.Tzsp,
        TunnelPorts.Sflow => UdpPayloadKind.Sflow,
        Ntp.NtpPorts.Ntp => UdpPayloadKind.Ntp,
        _ => UdpPayloadKind.None,
    };

    /// <summary>One bit per port: whether <see cref="Ports"/> holds it (8 KB, so most datagrams need no search).</summary>
    private static readonly ulong[] Registered = BuildRegistered();

    /// <summary>Whether tshark registers a dissector for <paramref name="port"/> by default.</summary>
    public static bool IsRegistered(ushort port) => (Registered[port >> 6] & 1UL << (port & 63)) != 0;

    /// <summary>
    /// Whether tshark's dissector on <paramref name="port"/> (one RawNet does not decode) takes a payload of
    /// <paramref name="kind"/>: false for a port without a dissector, or one whose dissector refused that kind. A
    /// payload of no kind RawNet decodes by port (<see cref="UdpPayloadKind.None"/>) is taken.
    /// </summary>
    public static bool Takes(ushort port, UdpPayloadKind kind)
    {
        if (!IsRegistered(port))
            return false;
        int index = Ports.BinarySearch(port);
        return index >= 0 && ((UdpPayloadKind)Refused[index] & kind) == 0;
    }

    /// <summary>Whether tshark's dissector on <paramref name="port"/> shows nothing of what it takes: no protocol, no data.</summary>
    public static bool IsSilent(ushort port) => Silent.BinarySearch(port) >= 0;

    private static ulong[] BuildRegistered()
    {
        var bits = new ulong[(ushort.MaxValue + 1) / 64];
        foreach (ushort port in Ports)
            bits[port >> 6] |= 1UL << (port & 63);
        return bits;
    }
}
