using RawNet.Output.Columns.Info;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Columns;

/// <summary>
/// Wireshark's Info column: for a decoded (and, for TCP analysis and echo pairing, analysed) packet, the text
/// <c>tshark -T fields -e _ws.col.Info</c> prints in one pass with default preferences. The innermost protocol RawNet
/// decodes speaks, as in tshark: ARP, IPv4 and IPv6 (fragments, payloads it does not decode), TCP with its analysis
/// tags and option texts, UDP, ICMP and ICMPv6 (echo pairs from <see cref="Protocols.Conversations.PacketAnalysis.EchoRequestFrame"/>),
/// tunnels by what they carry, and link layers whose payload is not decoded. A header cut by the capture ends in
/// "[Packet size limited during capture]", one cut by its own length in "[Malformed Packet]". HTTP writes its request
/// or status lines, DNS its queries and answers; other application protocols (TLS, ...) show the transport's text,
/// where tshark shows theirs.
/// Writes into a caller-owned <see cref="TextLine"/>: nothing is allocated per packet.
/// </summary>
public static class InfoColumn
{
    /// <summary>What tshark appends when a dissector reads past the captured bytes.</summary>
    public const string SizeLimitedMark = "[Packet size limited during capture]";

    /// <summary>What tshark appends when a dissector reads past the bytes the packet itself declares.</summary>
    public const string MalformedMark = "[Malformed Packet]";

    /// <summary>The most bytes (UTF-8) tshark keeps of an Info text: its COL_MAX_INFO_LEN less the terminating zero.</summary>
    public const int MaxLength = 4095;

    /// <summary>Appends the Info text of <paramref name="packet"/> (decoded from <paramref name="frame"/>) to <paramref name="line"/>.</summary>
    public static void Append(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        int start = line.Length;
        AppendUncut(line, packet, frame);
        // tshark's column buffer is a fixed number of bytes: a longer text (an HTTP request line) is cut there.
        var text = line.Text[start..];
        if (text.Length > MaxLength / 3 && System.Text.Encoding.UTF8.GetByteCount(text) > MaxLength)
        {
            int keep = 0, bytes = 0;
            while (keep < text.Length)
            {
                int size = char.IsHighSurrogate(text[keep]) && keep + 1 < text.Length ? 4 : text[keep] < 0x80 ? 1 : text[keep] < 0x800 ? 2 : 3;
                if (bytes + size > MaxLength)
                    break;
                bytes += size;
                keep += size == 4 ? 2 : 1;
            }
            line.Truncate(start + keep);
        }
    }

    private static void AppendUncut(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        int start = line.Length;
        var source = new InfoSource(packet, frame);
        int owner = source.Owner();
        if (owner <= 0)
            return;
        // An L2TPv3 data message fences its "D[S:...]" in before its payload's dissectors write theirs.
        int fence = -1;
        for (int i = owner - 1; i > 0; i--)
        {
            if (packet[i].Kind == LayerKind.L2tpv3 && !Protocols.L2tp.L2tpv3LayerDetail.Control(packet[i].Detail))
            {
                fence = line.Length;
                Write(line, in source, i);
                break;
            }
        }
        int before = line.Length;
        bool cut = Write(line, in source, owner);
        // TCP prepends its analysis tags in front of the fenced text too.
        if (fence >= 0 && packet[owner].Kind == LayerKind.Tcp && TcpInfo.TagsLength(line.Text[before..]) is > 0 and var tags)
            line.MoveBack(before, tags, fence);
        // PPP inside L2TP, GFP or GRE that writes nothing of its own (its header cut, or IP with no byte of it) leaves L2TP's text.
        if (line.Length == before && packet[owner].Kind == LayerKind.Ppp && packet[owner - 1].Kind is LayerKind.L2tp or LayerKind.Gfp or LayerKind.Gre)
            Write(line, in source, owner - 1);
        // So does Ethernet inside Geneve that threw before its columns (its header cut): Geneve's "Encapsulated ..." stays.
        else if (line.Length == before && packet[owner].Kind == LayerKind.Ethernet && packet[owner - 1].Kind is LayerKind.Geneve or LayerKind.Tzsp or LayerKind.LwappL3
            && source.Header(owner).Length < Protocols.Ethernet.EthernetHeader.Length)
            Write(line, in source, owner - 1);
        // An IPv4 header of no bytes after the owner wrote nothing, but the owner's text is marked for it.
        cut |= owner + 1 < packet.LayerCount && source.FailedBeforeColumns(owner + 1);
        // HTTP that does not write the columns (header lines with no request line) still adds its body's text to TCP's,
        // and tshark's HTTP reads a payload the capture cut to its end even when it shows nothing of it.
        if (!cut && packet[owner].Kind == LayerKind.Tcp && owner + 1 < packet.LayerCount)
        {
            if (packet[owner + 1].Kind == LayerKind.Http)
                cut = HttpInfo.AppendToTransport(line, in source, owner + 1);
            else
                cut = packet[owner + 1].Kind == LayerKind.Payload && packet[owner + 1].Status != LayerStatus.Complete;
        }
        // DNS over TCP whose call read whole messages, then a length the capture cut.
        else if (!cut && packet[owner].Kind == LayerKind.Dns && owner + 1 < packet.LayerCount && Protocols.Dns.DnsStreamFraming.IsLengthCut(packet[owner + 1]))
            cut = true;
        // An IP layer behind a serial link or pseudo-header that threw before writing its columns leaves the link's, marked.
        else if (!cut && owner + 1 < packet.LayerCount && source.FailedBeforeColumns(owner + 1))
            cut = true;
        // An AMT query's gateway, read after its IP packet wrote the columns, ran past the message.
        else if (!cut && Columns.Info.TunnelInfo.AmtGatewayFailed(in source, owner))
            cut = true;
        if (cut)
        {
            string mark = MarkOf(in source, owner);
            line.Append(mark);
            // A malformed layer inside a cut 802.3 frame: tshark shows that, then fails again on the frame's trailer.
            if (ReferenceEquals(mark, MalformedMark) && source.CaptureCut && source.FailedAfterText(owner))
                line.Append(SizeLimitedMark);
        }
        else if (source.FailedAfterText(owner) && !source.CaptureCut && PseudoHeaderInfo.GfpPayloadPastFrame(in source))
            line.Append(Ieee80211Info.ContainedItemMark);
        else if (source.FailedAfterText(owner))
            line.Append(packet.Outcome == DecodeOutcome.Malformed && (!source.CaptureCut || CutByPppoe(in source, owner)) ? MalformedMark : SizeLimitedMark);
        // pflog writes its rule before the text of what it carries once that returned: not when an exception (marked) ended it.
        else if (packet.LayerCount > 1 && packet[1].Kind == LayerKind.Pflog && packet[1].Status == LayerStatus.Complete)
        {
            int from = line.Length;
            PseudoHeaderInfo.AppendPflogRule(line, source.Header(1));
            line.MoveToFront(start, from);
        }
    }

    /// <summary>
    /// The mark of an Ethernet header an ERF record's wire length ends inside: tshark reads the destination, the source
    /// and the type in turn, and the first read past the captured bytes fails as malformed when it also runs past the
    /// wire length, else as size limited.
    /// </summary>
    private static string ErfEthernetMark(in InfoSource source, int owner)
    {
        int captured = source.Header(owner).Length;
        int reported = source.Packet[owner].Extent;
        int failed = captured < 6 ? 6 : captured < 12 ? 12 : 14;
        return failed > reported ? MalformedMark : SizeLimitedMark;
    }

    /// <summary>
    /// The mark of a text cut short: tshark's "size limited" for a read past the captured bytes, "malformed" for one past
    /// the bytes the packet declares. A layer the decoder found short says which; otherwise a capture that kept fewer bytes
    /// than the frame had is the reason.
    /// </summary>
    private static string MarkOf(in InfoSource source, int owner) => source.Packet[owner].Status switch
    {
        LayerStatus.Malformed when source.Packet[owner].Kind is LayerKind.L2tp or LayerKind.L2tpv3
            && (source.Packet[owner].Detail & Protocols.L2tp.L2tpLayerDetail.ContainedBit) != 0 => Ieee80211Info.ContainedItemMark,
        LayerStatus.Malformed when source.Packet[owner].Kind is LayerKind.Ipnet or LayerKind.Nflog or LayerKind.Juniper or LayerKind.Pktap or LayerKind.Pflog
            or LayerKind.Lcp or LayerKind.Ipcp or LayerKind.Ipv6cp or LayerKind.Pap or LayerKind.Chap or LayerKind.TokenRingMac or LayerKind.L2tp or LayerKind.L2tpv3 or LayerKind.Stp
            or LayerKind.Geneve or LayerKind.Sflow or LayerKind.Tzsp or LayerKind.CapwapData or LayerKind.CapwapControl or LayerKind.Lwapp or LayerKind.LispData or LayerKind.Amt or LayerKind.Dhcp or LayerKind.Ntp or LayerKind.Nbns or LayerKind.Quic or LayerKind.Snmp or LayerKind.Gvrp or LayerKind.Gmrp or LayerKind.Igmp or LayerKind.Rgmp or LayerKind.Ospf or LayerKind.Ax25Kiss or LayerKind.Ax25 or LayerKind.Gfp or LayerKind.Cdp or LayerKind.Dtp
            or LayerKind.Udld or LayerKind.Vtp => MalformedMark,
        _ when source.Packet[owner].Kind == LayerKind.Llc => LlcInfo.MarkOf(in source, owner),
        LayerStatus.Malformed when source.Packet[owner].Kind == LayerKind.Lldp => LldpInfo.MalformedMark(in source.Packet[owner]),
        LayerStatus.Malformed when source.Packet[owner].Kind == LayerKind.Xra && source.Packet[owner].Detail == Protocols.Xra.XraLayerDetail.Contained
            => Ieee80211Info.ContainedItemMark,
        // an Ethernet header TZSP's datagram ends inside (eth_maybefcs reads it whole first)
        LayerStatus.Malformed when source.Packet[owner].Kind == LayerKind.Ethernet && source.Packet[owner - 1].Kind == LayerKind.Tzsp => MalformedMark,
        LayerStatus.Malformed when source.Packet[owner].Kind == LayerKind.Ethernet && owner > 1 && source.Packet[owner - 1].Kind == LayerKind.Erf
            => ErfEthernetMark(in source, owner),
        // A header L2TP's length field cut inside it is malformed, whatever the capture kept; so is one PPPoE's cut (a
        // header it leaves whole, IPv4's whose total length runs past it, ends as the capture does).
        _ when source.Packet.Outcome == DecodeOutcome.Malformed && Inside(in source, owner, LayerKind.L2tp, LayerKind.L2tpv3) => MalformedMark,
        _ when CutByPppoe(in source, owner) => MalformedMark,
        // EBHSCR's payload is as long as the capture kept: a read past it fails as malformed
        _ when source.Packet.Outcome == DecodeOutcome.Malformed && Inside(in source, owner, LayerKind.Ebhscr, LayerKind.Ebhscr) => MalformedMark,
        // a layer that ran out of the payload GFP's PLI gave it, or out of the frame inside a payload the PLI says is longer
        LayerStatus.Malformed when Inside(in source, owner, LayerKind.Gfp, LayerKind.Gfp)
            => PseudoHeaderInfo.GfpPayloadPastFrame(in source) ? Ieee80211Info.ContainedItemMark : MalformedMark,
        // a read past the frame inside a GFP payload its PLI says is longer than the frame
        _ when !source.CaptureCut && PseudoHeaderInfo.GfpPayloadPastFrame(in source) => Ieee80211Info.ContainedItemMark,
        _ => source.CaptureCut ? SizeLimitedMark : MalformedMark,
    };

    /// <summary>True when the layer at <paramref name="owner"/> inside a PPPoE session ends inside its header where the session's length does.</summary>
    private static bool CutByPppoe(in InfoSource source, int owner) =>
        source.Packet.Outcome == DecodeOutcome.Malformed && source.Packet.StoppedAt == source.Packet[owner].Kind
        && source.Packet.StopOffset == source.Packet[owner].Offset && source.Packet[owner].Status != LayerStatus.Complete && Inside(in source, owner, LayerKind.PppoeSession, LayerKind.PppoeSession);

    /// <summary>True when a layer of kind <paramref name="one"/> or <paramref name="other"/> encloses the layer at <paramref name="owner"/>.</summary>
    private static bool Inside(in InfoSource source, int owner, LayerKind one, LayerKind other)
    {
        for (int i = owner - 1; i > 0; i--)
        {
            if (source.Packet[i].Kind == one || source.Packet[i].Kind == other)
                return true;
        }
        return false;
    }

    /// <summary>Writes the text of the layer at <paramref name="index"/>; true when it ran out of header bytes.</summary>
    private static bool Write(TextLine line, in InfoSource source, int index) => InfoSource.WriterOf(source.Packet[index].Kind) switch
    {
        ColumnWriter.Link => LinkInfo.Write(line, in source, index),
        ColumnWriter.Arp => ArpInfo.Write(line, in source, index),
        ColumnWriter.Ipv4 => IpInfo.WriteIpv4(line, in source, index),
        ColumnWriter.Ipv6 => IpInfo.WriteIpv6(line, in source, index),
        ColumnWriter.Tcp => TcpInfo.Write(line, in source, index),
        ColumnWriter.Udp => UdpInfo.Write(line, in source, index),
        ColumnWriter.Icmp => IcmpInfo.Write(line, in source, index),
        ColumnWriter.Icmpv6 => Icmpv6Info.Write(line, in source, index),
        ColumnWriter.Tunnel => TunnelInfo.Write(line, in source, index),
        ColumnWriter.Http => HttpInfo.Write(line, in source, index),
        ColumnWriter.Dns => DnsInfo.Write(line, in source, index),
        ColumnWriter.Dhcp => DhcpInfo.Write(line, in source, index),
        ColumnWriter.Ntp => NtpInfo.Write(line, in source, index),
        ColumnWriter.Wol => WolInfo.Write(line, in source, index),
        ColumnWriter.Lldp => LldpInfo.Write(line, in source, index),
        ColumnWriter.Cdp => DeviceIdInfo.WriteCdp(line, in source, index),
        ColumnWriter.Dtp => DtpInfo.Write(line, in source, index),
        ColumnWriter.Udld => DeviceIdInfo.WriteUdld(line, in source, index),
        ColumnWriter.Vtp => VtpInfo.Write(line, in source, index),
        ColumnWriter.Echo => EchoInfo.Write(line, in source, index),
        ColumnWriter.WireGuard => WireGuardInfo.Write(line, in source, index),
        ColumnWriter.Quic => QuicInfo.Write(line, in source, index),
        ColumnWriter.Sip => SipInfo.Write(line, in source, index),
        ColumnWriter.Nbns => NbnsInfo.Write(line, in source, index),
        ColumnWriter.Snmp => SnmpInfo.Write(line, in source, index),
        ColumnWriter.CaptureHeader => CaptureHeaderInfo.Write(line, in source, index),
        ColumnWriter.Ieee80211 => Ieee80211Info.Write(line, in source, index),
        ColumnWriter.Llc => LlcInfo.Write(line, in source, index),
        ColumnWriter.PseudoHeader => PseudoHeaderInfo.Write(line, in source, index),
        ColumnWriter.ShimHeader => ShimHeaderInfo.Write(line, in source, index),
        ColumnWriter.SerialLink => SerialLinkInfo.Write(line, in source, index),
        ColumnWriter.Stp => StpInfo.Write(line, in source, index),
        ColumnWriter.Garp => GarpInfo.Write(line, in source, index),
        ColumnWriter.Igmp => IgmpInfo.Write(line, in source, index),
        ColumnWriter.Ospf => OspfInfo.Write(line, in source, index),
        ColumnWriter.Tls => TlsInfo.Write(line, in source, index),
        _ => false,
    };
}
