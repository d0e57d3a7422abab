using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Llc;

namespace RawNet.Output.Columns.Info;

/// <summary>Which protocol's wording writes a layer's columns.</summary>
internal enum ColumnWriter : byte
{
    None,
    Link,
    Arp,
    Ipv4,
    Ipv6,
    Tcp,
    Udp,
    Icmp,
    Icmpv6,
    Tunnel,
    Http,
    Dns,
    Dhcp,
    Ntp,
    Sip,
    Nbns,
    Snmp,
    CaptureHeader,
    Ieee80211,
    Llc,
    PseudoHeader,
    ShimHeader,
    SerialLink,
    Stp,
    Garp,
    Igmp,
    Tls,
    Ospf,
    Wol,
    Lldp,
    Cdp,
    Dtp,
    Udld,
    Vtp,
    Echo,
    WireGuard,
    Quic,
}

/// <summary>
/// A decoded packet as the column writers see it: which layer's text shows (tshark's last dissector to write the
/// columns), the bytes each layer has, and whether the capture cut the frame.
/// </summary>
internal readonly ref struct InfoSource(DecodedPacket packet, ReadOnlySpan<byte> frame)
{
    public readonly DecodedPacket Packet = packet;
    public readonly ReadOnlySpan<byte> Frame = frame;

    /// <summary>
    /// True when the capture kept fewer bytes than the frame had (a snaplen cut): a header cut there is "size limited", not
    /// malformed. For an ERF record, the frame tshark sees is the packet after the pseudo-header, as long as its wire length.
    /// </summary>
    public bool CaptureCut => Packet.FrameStart > 0
        ? Packet.WiretapFrame.CapturedLength < Packet.WiretapFrame.OriginalLength
        : Frame.Length < Packet.Metadata.OriginalLength;

    /// <summary>The header bytes of the layer at <paramref name="index"/> that are present.</summary>
    public ReadOnlySpan<byte> Header(int index) => Packet.HeaderOf(Packet[index], Frame);

    /// <summary>The captured bytes of the layer at <paramref name="index"/>, header and payload, as far as it extends.</summary>
    public ReadOnlySpan<byte> Bytes(int index)
    {
        ref readonly Layer layer = ref Packet[index];
        var buffer = Packet.BufferOf(layer, Frame);
        return buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + Math.Max(layer.Extent, layer.HeaderLength))];
    }

    /// <summary>The writer of a layer kind's columns.</summary>
    public static ColumnWriter WriterOf(LayerKind kind) => kind switch
    {
        LayerKind.Ethernet or LayerKind.Vlan or LayerKind.ServiceVlan or LayerKind.LinuxSll or LayerKind.LinuxSll2
            or LayerKind.Null or LayerKind.PppoeSession => ColumnWriter.Link,
        LayerKind.Arp => ColumnWriter.Arp,
        LayerKind.Ipv4 => ColumnWriter.Ipv4,
        LayerKind.Ipv6 or LayerKind.Ipv6HopByHop or LayerKind.Ipv6Routing or LayerKind.Ipv6Fragment
            or LayerKind.Ipv6DestinationOptions or LayerKind.Ipv6AuthenticationHeader => ColumnWriter.Ipv6,
        LayerKind.Tcp => ColumnWriter.Tcp,
        LayerKind.Udp => ColumnWriter.Udp,
        LayerKind.Icmp => ColumnWriter.Icmp,
        LayerKind.Icmpv6 => ColumnWriter.Icmpv6,
        LayerKind.Gre or LayerKind.Erspan or LayerKind.Vxlan or LayerKind.VxlanGpe or LayerKind.Geneve or LayerKind.CapwapData or LayerKind.CapwapControl or LayerKind.Lwapp or LayerKind.LwappL3 or LayerKind.Gtp or LayerKind.Sflow or LayerKind.Tzsp or LayerKind.LispData or LayerKind.Amt or LayerKind.Teredo or LayerKind.L2tp or LayerKind.L2tpv3 => ColumnWriter.Tunnel,
        LayerKind.Http => ColumnWriter.Http,
        LayerKind.Dns => ColumnWriter.Dns,
        LayerKind.Dhcp => ColumnWriter.Dhcp,
        LayerKind.Ntp => ColumnWriter.Ntp,
        LayerKind.Wol => ColumnWriter.Wol,
        LayerKind.Lldp => ColumnWriter.Lldp,
        LayerKind.Cdp => ColumnWriter.Cdp,
        LayerKind.Dtp => ColumnWriter.Dtp,
        LayerKind.Udld => ColumnWriter.Udld,
        LayerKind.Vtp => ColumnWriter.Vtp,
        LayerKind.Echo => ColumnWriter.Echo,
        LayerKind.WireGuard => ColumnWriter.WireGuard,
        LayerKind.Quic => ColumnWriter.Quic,
        LayerKind.Sip => ColumnWriter.Sip,
        LayerKind.Nbns => ColumnWriter.Nbns,
        LayerKind.Snmp => ColumnWriter.Snmp,
        LayerKind.Tls => ColumnWriter.Tls,
        LayerKind.Radiotap or LayerKind.Ppi or LayerKind.Prism or LayerKind.Avs => ColumnWriter.CaptureHeader,
        LayerKind.Ieee80211 => ColumnWriter.Ieee80211,
        LayerKind.Llc => ColumnWriter.Llc,
        LayerKind.Ipoib or LayerKind.Ipnet or LayerKind.Nflog or LayerKind.Pktap or LayerKind.Arcnet or LayerKind.Juniper
            or LayerKind.Ap1394 or LayerKind.Netanalyzer or LayerKind.Ipfc or LayerKind.Pflog or LayerKind.Enc or LayerKind.Erf or LayerKind.TokenRing or LayerKind.Fddi or LayerKind.TokenRingMac
            or LayerKind.Fpp
            or LayerKind.Epon
            or LayerKind.Docsis or LayerKind.GprsLlc or LayerKind.Sndcp or LayerKind.Xra
            or LayerKind.Ax25Kiss or LayerKind.Ax25 or LayerKind.Ax25NoL3
            or LayerKind.Vpp or LayerKind.VppMetadata or LayerKind.VppOpaque or LayerKind.VppOpaque2 or LayerKind.VppTrace or LayerKind.ExportedPdu
            or LayerKind.Gfp
            or LayerKind.Ebhscr
            or LayerKind.Ieee802154 or LayerKind.SixLowpan or LayerKind.Ieee802154NonAskPhy or LayerKind.Ieee802154Tap
            or LayerKind.Atm or LayerKind.AtmLane
            or LayerKind.Symantec or LayerKind.Redback
            => ColumnWriter.PseudoHeader,
        LayerKind.Macsec or LayerKind.Nsh or LayerKind.Arista or LayerKind.Mpls => ColumnWriter.ShimHeader,
        LayerKind.Ppp or LayerKind.CiscoHdlc or LayerKind.Slarp or LayerKind.FrameRelay or LayerKind.Lcp or LayerKind.Ipcp
            or LayerKind.Ipv6cp or LayerKind.Pap or LayerKind.Chap => ColumnWriter.SerialLink,
        LayerKind.Stp => ColumnWriter.Stp,
        LayerKind.Igmp or LayerKind.Rgmp => ColumnWriter.Igmp,
        LayerKind.Ospf => ColumnWriter.Ospf,
        LayerKind.Gvrp or LayerKind.Gmrp => ColumnWriter.Garp,
        _ => ColumnWriter.None,
    };

    /// <summary>
    /// The index of the layer whose text the columns show (0 when only the frame was decoded): the innermost layer not
    /// quoted by an ICMP error that tshark would have handed to a dissector, except that a fragment whose datagram is not
    /// complete shows as the fragment, whatever of its payload was decoded.
    /// </summary>
    public int Owner()
    {
        var layers = Packet.Layers;
        int owner = 0;
        for (int i = 1; i < layers.Length; i++)
        {
            ref readonly Layer layer = ref layers[i];
            // (TLS inside a decrypted QUIC Initial leaves QUIC's columns as they are)
            if (layer.Quoted || layer.Kind is LayerKind.Payload || NeverDissected(i) || FailedBeforeColumns(i) || layer.Source == LayerSource.QuicPlaintext
                || (layer.Kind == LayerKind.Http && !HttpInfo.SetsColumns(in this, i)))
                continue;
            owner = i;
            if (Packet.IsUnreassembledFragment && IsFragmentHeader(i))
                return i;
        }
        return owner;
    }

    /// <summary>
    /// True for a layer tshark never hands to a dissector: an IP payload of no bytes at all, or one of which nothing was
    /// captured behind a GRE (or ERSPAN) header, or behind an IPv6 extension header unless it is another extension header (an
    /// EtherType or an IP header hands on even an empty payload).
    /// </summary>
    private bool NeverDissected(int index)
    {
        ref readonly Layer layer = ref Packet[index];
        if (layer.HeaderLength != 0)
            return false;
        var previous = Packet[index - 1].Kind;
        // IPv6 hands L2TPv3 an empty payload all the same, and an extension header (a Hop-by-Hop header whose jumbogram
        // length is missing: the payload length of 0 stands).
        return layer.Extent == 0 && (previous is LayerKind.Ipv4 || (previous is LayerKind.Ipv6 && layer.Kind != LayerKind.L2tpv3 && !IpInfo.IsExtension(layer.Kind)))
            || previous is LayerKind.Gre or LayerKind.Erspan
            || (IpInfo.IsExtension(previous) && !IpInfo.IsExtension(layer.Kind));
    }

    /// <summary>
    /// True for an IPv4 layer of which nothing was captured behind a link layer that hands it to tshark's "ip" dissector,
    /// which reads the version before it sets any column: the exception leaves the link layer's columns. (IPv6 is handed
    /// to its own dissector, which sets them first.) PAP and CHAP likewise read their code before they set any, and L2TP
    /// its flags.
    /// </summary>
    public bool FailedBeforeColumns(int index)
    {
        ref readonly Layer layer = ref Packet[index];
        return IgmpInfo.FailedBeforeColumns(layer) || WolInfo.FailedBeforeColumns(layer)
            // an SSDP datagram of which one byte was captured: HTTP's CR LF check throws first
            || (layer.Kind == LayerKind.Http && layer.HeaderLength == 1 && layer.Status == LayerStatus.Truncated
                && ((Protocols.Http.HttpLayerDetail)layer.Detail & Protocols.Http.HttpLayerDetail.Ssdp) != 0)
            || (layer.HeaderLength == 0
            && ((layer.Kind == LayerKind.Ipv4 && SniffsIpVersionAt(index)) || layer.Kind is LayerKind.Pap or LayerKind.Chap))
            || (layer.Kind == LayerKind.L2tp && layer.HeaderLength < Protocols.L2tp.L2tpHeader.FlagsLength && !Protocols.L2tp.L2tpLayerDetail.Shown(layer.Detail))
            // GRE in UDP reads its flags and protocol type before it sets any column (over IP, IP's text stays: TunnelInfo).
            || (layer.Kind == LayerKind.Gre && layer.HeaderLength < Protocols.Tunnels.GreHeader.MinLength && Packet[index - 1].Kind == LayerKind.Udp)
            // DOCSIS under 4 bytes writes nothing: XRA's packet type stays
            || (layer.Kind == LayerKind.Docsis && index > 1 && Packet[index - 1].Kind == LayerKind.Xra
                && Protocols.Docsis.DocsisLayerDetail.Reach(layer.Detail) == Protocols.Docsis.DocsisReach.None)
            // GRE's S bit hands PPP nothing: it throws before any column, GRE's text stays
            || (layer.Kind == LayerKind.Ppp && layer.HeaderLength == 0 && Packet[index - 1].Kind == LayerKind.Gre)
            // sFlow reads its version and address type before it writes anything
            || (layer.Kind == LayerKind.Sflow && layer.HeaderLength < Protocols.Sflow.SflowDatagram.Field.Address);
    }

    /// <summary>
    /// True when tshark failed after the text of the layer at <paramref name="index"/> was written, with nothing after it
    /// to write another: a bridged frame's pad past the end of the LLC or Frame Relay frame, an Ethernet FCS the capture
    /// cut after every layer above it was read, or an Ethernet trailer it read past the capture
    /// (<see cref="DecodedPacket.TrailerCut"/>), which tshark reads once the layers inside the frame are done.
    /// </summary>
    public bool FailedAfterText(int index)
    {
        if (Packet.TrailerCut)
            return true;
        if (Packet.Outcome is not (DecodeOutcome.Truncated or DecodeOutcome.Malformed))
            return false;
        if (ReferenceEquals(Packet.StopReason, PacketDecoder.FcsCutReason))
            return true;
        ref readonly Layer layer = ref Packet[index];
        return index == Packet.LayerCount - 1 && layer.Status == LayerStatus.Complete && Packet.StoppedAt == layer.Kind
            && layer.Kind is LayerKind.Llc or LayerKind.FrameRelay && Packet.StopOffset >= layer.Offset + layer.HeaderLength;
    }

    /// <summary>
    /// True when the layer at <paramref name="index"/> hands on a payload that nothing decoded: a data layer follows, or
    /// decoding stopped right after its whole header at a payload of which the frame has no bytes (tshark still hands
    /// the empty payload to the protocol's table, and finds nothing there).
    /// </summary>
    public bool HandsOnUndecoded(int index)
    {
        if (index + 1 < Packet.LayerCount)
            return Packet[index + 1].Kind == LayerKind.Payload;
        ref readonly Layer layer = ref Packet[index];
        return layer.Status == LayerStatus.Complete && Packet.Outcome == DecodeOutcome.Unsupported
            && Packet.StoppedAt == LayerKind.Payload && Packet.StopOffset == layer.PayloadOffset;
    }

    /// <summary>
    /// True when the layer at <paramref name="index"/> was handed to tshark's "ip" dissector: behind a link layer that
    /// <see cref="SniffsIpVersion"/>, behind LLC without SNAP (IP's SAP 6; SNAP's EtherType goes to IPv4's own), or as an
    /// L2TPv3 IP pseudowire's payload.
    /// </summary>
    public bool SniffsIpVersionAt(int index)
    {
        if (index <= 0)
            return false;
        ref readonly Layer link = ref Packet[index - 1];
        return SniffsIpVersion(link.Kind)
            || link.Kind == LayerKind.L2tpv3 && link.Note == Protocols.L2tp.L2tpv3Pseudowire.IpTransport && !Protocols.L2tp.L2tpv3LayerDetail.Control(link.Detail)
            || link.Kind == LayerKind.Llc && Header(index - 1) is { Length: >= 2 } llc && !(llc[0] == LlcHeader.SnapSap && llc[1] == LlcHeader.SnapSap)
            || index == 1 && PacketDecoder.IsAtmClip(Packet.Metadata.LinkType); // "clip", which has no header, hands its frame to "ip"
    }

    /// <summary>
    /// True for the link layers whose IPv4 goes to tshark's "ip" dissector, which picks IPv4 or IPv6 by the version
    /// nibble (and calls another "Bogus IP version"; so do GRE's protocol type 0x0800 and VXLAN-GPE's next protocol 1), rather than to IPv4's own (Ethernet's EtherType table, which hands
    /// version 6 to IPv6 too but calls another version "Bogus IPv4 version").
    /// </summary>
    public static bool SniffsIpVersion(LayerKind link) => link is LayerKind.Ppp or LayerKind.PppoeSession or LayerKind.CiscoHdlc
        or LayerKind.FrameRelay or LayerKind.Ipnet or LayerKind.Ipoib or LayerKind.Nsh or LayerKind.Null or LayerKind.Arcnet
        or LayerKind.Juniper or LayerKind.Pktap or LayerKind.Pflog or LayerKind.Enc or LayerKind.Erf or LayerKind.Ax25
        or LayerKind.VppOpaque2 or LayerKind.VppTrace or LayerKind.ExportedPdu
        or LayerKind.Gfp or LayerKind.VxlanGpe or LayerKind.Gre or LayerKind.Amt or LayerKind.Sndcp or LayerKind.Redback;

    /// <summary>
    /// True for the layers whose EtherType tshark hands on through its "ethertype" dissector, which names the EtherType in
    /// the columns when the protocol's dissector refuses the packet (IPv6 with another version); the pseudo-headers and
    /// serial links call the protocol's dissector directly, whose own text then stays. BSD loopback hands IPv4 to the "ip"
    /// dissector but IPv6 through a table that names it. Apple's ap1394, Symantec's header and LLC's SNAP look the EtherType up in the table
    /// themselves, and so do Geneve and GRE (its own table, which hands 0x0800 to "ip").
    /// </summary>
    public static bool NamesRefusedEtherType(LayerKind link) =>
        link == LayerKind.Null || !SniffsIpVersion(link) && link is not (LayerKind.Nflog or LayerKind.Mpls or LayerKind.Ap1394 or LayerKind.Llc or LayerKind.Geneve or LayerKind.Gre
            or LayerKind.Symantec);

    /// <summary>The innermost IP layer before <paramref name="index"/> (for the protocol column of a transport that set none, and ICMP's TTL), or -1.</summary>
    public int EnclosingIp(int index)
    {
        for (int i = index - 1; i > 0; i--)
        {
            if (!Packet[i].Quoted && Packet[i].Kind is LayerKind.Ipv4 or LayerKind.Ipv6)
                return i;
        }
        return -1;
    }

    /// <summary>The IPv4 layer or IPv6 fragment header that says the packet is a fragment.</summary>
    private bool IsFragmentHeader(int index)
    {
        // A fragment whose datagram this packet completed is not the one left unreassembled (an inner fragment inside it is).
        if (index + 1 < Packet.LayerCount && Packet[index + 1].Source == LayerSource.Reassembled && Packet[index].Source != LayerSource.Reassembled)
            return false;
        var kind = Packet[index].Kind;
        if (kind == LayerKind.Ipv6Fragment)
            return true;
        if (kind != LayerKind.Ipv4)
            return false;
        var header = Header(index);
        return Ipv4Header.TryRead(header, out var ip) && ip.IsFragment;
    }

    /// <summary>The TCP or UDP analysis record of the layer at <paramref name="index"/>; false when the tracker made none.</summary>
    public bool TryGetTransport(int index, out TransportAnalysis transport)
    {
        int record = Packet.Analysis.IndexOf(index);
        transport = record >= 0 ? Packet.Analysis[record] : default;
        return record >= 0;
    }
}
