using RawNet.Output.Columns.Info;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Columns;

/// <summary>
/// Wireshark's Protocol column: the name of the innermost protocol that wrote the columns, as <c>tshark -T fields -e
/// _ws.col.Protocol</c> prints it ("TCP", "ICMPv6", "ARP", "0x88b5" for an EtherType nothing decodes). Returns constant
/// or cached strings: nothing is allocated per packet.
/// </summary>
public static class ProtocolColumn
{
    /// <summary>The protocol column of <paramref name="packet"/> (decoded from <paramref name="frame"/>).</summary>
    public static string Of(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        var source = new InfoSource(packet, frame);
        int owner = source.Owner();
        if (owner <= 0)
            return LinkTypeNames.Name(packet.Metadata.LinkType);
        string name = Of(in source, owner);
        // A GTP T-PDU's inner packet: tshark writes its protocol in brackets after "GTP", unless the inner dissection
        // threw (a cut or malformed inner packet, or UDP's heuristics reading a payload not captured), which skips that.
        for (int i = owner - 1; i > 0; i--)
        {
            if (packet[i].Kind != LayerKind.Gtp)
                continue;
            return packet.Outcome is DecodeOutcome.Truncated or DecodeOutcome.Malformed && packet.StopOffset > packet[i].Offset
                || RawNet.Protocols.Udp.UdpHeuristics.IsClaimedByWireGuard(packet[packet.LayerCount - 1])
                || packet[packet.LayerCount - 1].Kind == LayerKind.Udp && frame.Length < packet.Metadata.OriginalLength
                ? name : InGtp.GetOrAdd(name, static inner => "GTP <" + inner + ">");
        }
        return name;
    }

    /// <summary>The name of the innermost protocol that wrote the columns, without GTP's brackets around it (the protocol a dissection that threw was in).</summary>
    public static string InnermostOf(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        var source = new InfoSource(packet, frame);
        int owner = source.Owner();
        return owner <= 0 ? LinkTypeNames.Name(packet.Metadata.LinkType) : Of(in source, owner);
    }

    /// <summary>"GTP &lt;X&gt;" per inner protocol name, built once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> InGtp = new(StringComparer.Ordinal);

    private static string Of(in InfoSource source, int index)
    {
        var packet = source.Packet;
        switch (InfoSource.WriterOf(packet[index].Kind))
        {
            case ColumnWriter.Link:
                return LinkInfo.Protocol(in source, index);
            case ColumnWriter.Arp:
                return ArpInfo.Protocol(in source, index);
            case ColumnWriter.Ipv4:
            case ColumnWriter.Ipv6:
                return IpInfo.Protocol(in source, index);
            case ColumnWriter.Tcp:
            case ColumnWriter.Udp:
                return source.Header(index).Length >= 4 ? packet[index].Kind == LayerKind.Tcp ? "TCP" : "UDP" : Enclosing(in source, index);
            case ColumnWriter.Icmp:
                return "ICMP";
            case ColumnWriter.Icmpv6:
                return Icmpv6Info.Protocol(in source, index);
            case ColumnWriter.Http:
                return HttpInfo.Protocol(in source, index);
            case ColumnWriter.Dns:
                return DnsInfo.Protocol(in source, index);
            case ColumnWriter.Dhcp:
                return DhcpInfo.Protocol(in source, index);
            case ColumnWriter.Sip:
                return SipInfo.Protocol(in source, index);
            case ColumnWriter.Ntp:
                return "NTP";
            case ColumnWriter.Wol:
                return "WOL";
            case ColumnWriter.Lldp:
                return "LLDP";
            case ColumnWriter.Cdp:
                return "CDP";
            case ColumnWriter.Dtp:
                return "DTP";
            case ColumnWriter.Udld:
                return "UDLD";
            case ColumnWriter.Vtp:
                return "VTP";
            case ColumnWriter.Echo:
                return "ECHO";
            case ColumnWriter.WireGuard:
                return "WireGuard";
            case ColumnWriter.Quic:
                return "QUIC";
            case ColumnWriter.Snmp:
                return SnmpInfo.Protocol(in source, index);
            case ColumnWriter.Nbns:
                return "NBNS";
            case ColumnWriter.CaptureHeader:
                return CaptureHeaderInfo.Protocol(in source, index);
            case ColumnWriter.Ieee80211:
                return "802.11";
            case ColumnWriter.Llc:
                return LlcInfo.Protocol(in source, index);
            case ColumnWriter.PseudoHeader:
                return PseudoHeaderInfo.Protocol(in source, index);
            case ColumnWriter.ShimHeader:
                return ShimHeaderInfo.Protocol(in source, index);
            case ColumnWriter.SerialLink:
                return SerialLinkInfo.Protocol(in source, index);
            case ColumnWriter.Stp:
                return "STP";
            case ColumnWriter.Ospf:
                return "OSPF";
            case ColumnWriter.Igmp:
                return IgmpInfo.Protocol(in source, index);
            case ColumnWriter.Tls:
                return TlsInfo.Protocol(in source, index);
            case ColumnWriter.Garp:
                return GarpInfo.Protocol(source.Packet[index].Kind);
            case ColumnWriter.Tunnel:
                return TunnelInfo.SetsProtocol(in source, index) ? TunnelInfo.Protocol(in source, index) : Enclosing(in source, index);
            default:
                return "";
        }
    }

    /// <summary>The protocol column the enclosing IP layer left, for a transport that was cut before it set its own.</summary>
    private static string Enclosing(in InfoSource source, int index)
    {
        int ip = source.EnclosingIp(index);
        return ip > 0 ? IpInfo.Protocol(in source, ip) : "";
    }
}
