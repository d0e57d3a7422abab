using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Decoding;

/// <summary>
/// tshark's <c>frame.protocols</c>: the names of the dissectors that took part in a frame, outermost first, joined by
/// colons ("eth:ethertype:ip:tcp"). tshark lists every dissector it called that has a protocol and accepted the bytes,
/// so besides each layer's protocol name the chain holds the dispatch dissectors between layers ("ethertype" behind an
/// EtherType field, "pcap_pktdata" behind a link-type field, "wlan_radio" before an 802.11 frame with radio information)
/// and "data" for bytes nothing decodes. This is the one table of the names each layer adds to the chain.
/// </summary>
public static class ProtocolChain
{
    /// <summary>The longest name one layer adds, separators included ("ppi:pcap_pktdata:" and the like, with room).</summary>
    private const int MaxPerLayer = 40;

    /// <summary>Characters enough for any packet's chain.</summary>
    public const int MaxLength = DecodedPacket.MaxLayers * MaxPerLayer;

    /// <summary>
    /// The name a layer adds for itself: the protocol's filter name (<see cref="FieldCatalog.ProtocolNameOf"/>), except where
    /// the chain names a layer otherwise (IPv6's extension headers each have a dissector of their own); null for a layer
    /// that adds none (the frame; an MPLS label after the first, as tshark's one MPLS dissector reads the whole stack;
    /// the first layer in an L2TPv3 pseudowire, which tshark hands to the pseudowire type's dissector without adding its
    /// protocol; bytes
    /// nothing decodes of which none were captured, an LLC XID's information and an ICMPv6 body, which their own dissectors read).
    /// </summary>
    public static string? NameOf(DecodedPacket packet, int index, ReadOnlySpan<byte> frame)
    {
        ref readonly Layer layer = ref packet[index];
        return layer.Kind switch
        {
            // tshark's VXLAN-GPE is a protocol in name only: its dissector shows the "vxlan" tree but adds no name.
            LayerKind.Frame or LayerKind.VxlanGpe => null,
            // tshark names DNS over TCP once per call of its dissector, which reads every whole message it is handed.
            LayerKind.Dns when Dns.DnsLayerDetails.LaterInCall(layer.Detail) => null,
            LayerKind.Payload when Dns.DnsStreamFraming.IsLengthCut(layer) => packet[index - 1].Kind == LayerKind.Dns ? null : FieldCatalog.ProtocolName(LayerKind.Dns),
            // tshark's lwapp-l3 shows its tree line, yet hands the frame to Ethernet without adding its name.
            LayerKind.LwappL3 => null,
            LayerKind.Ipv6HopByHop => "ipv6.hopopts",
            LayerKind.Ipv6Routing => "ipv6.routing",
            LayerKind.Ipv6Fragment => "ipv6.fraghdr",
            LayerKind.Ipv6DestinationOptions => "ipv6.dstopts",
            LayerKind.Mpls when packet[index - 1].Kind == LayerKind.Mpls => null,
            // wpan-nonask-phy and wpan-tap call wpan's code directly, not its dissector: no "wpan" in the chain
            LayerKind.Ieee802154 when packet[index - 1].Kind is LayerKind.Ieee802154NonAskPhy or LayerKind.Ieee802154Tap => null,
            LayerKind.Ieee802154Tap when layer.Detail == Ieee802154.Ieee802154TapFieldReader.Refused => null,
            // llcgprs refuses an address with the PD bit and another bit set before it adds its protocol item.
            LayerKind.GprsLlc when layer.Detail <= (byte)GprsLlc.GprsLlcReach.Refused => null,
            // epon refuses a frame with no SLD at its start (an empty item and an expert item are all it adds).
            LayerKind.Epon when Epon.EponPreamble.Unpack(layer.Detail).Reach == Epon.EponReach.NoSld => null,
            _ when packet[index - 1].Kind == LayerKind.L2tpv3 && IsPseudowireHandlerUnnamed(packet, index) => null,
            LayerKind.Payload when layer.HeaderLength == 0 || layer.Detail is Icmpv6.Icmpv6Message.BodyReadByIcmpv6 or Llc.LlcHeader.XidInformationReadByLlc => null,
            // tshark's IPv6 refuses a header of another version (its name leaves the chain) and its caller hands the bytes
            // to data: RawNet's decoder adds that data layer where GFP is the caller, the name stands for it elsewhere
            // (Symantec's caller hands nothing on).
            LayerKind.Ipv6 when IsBogusIpv6(packet, index, frame) => index + 1 < packet.LayerCount || packet[index - 1].Kind == LayerKind.Symantec ? null : DataName,
            // AX.25's PID table hands an empty payload to AX.25-NoL3, which throws at its first read before it adds its name.
            LayerKind.Ax25NoL3 when index + 1 == packet.LayerCount && layer.HeaderLength == 0 => null,
            _ => FieldCatalog.ProtocolNameOf(packet, index, frame),
        };
    }

    /// <summary>
    /// tshark adds no name for the dissector L2TPv3's pseudowire table calls, only for those it calls in turn: the "ip"
    /// dissector of an IP pseudowire hands a version 6 header to IPv6 (named), "ppp_hdlc" hands Cisco's addresses to
    /// Cisco HDLC (named); data and LLC are named.
    /// </summary>
    private static bool IsPseudowireHandlerUnnamed(DecodedPacket packet, int index) => packet[index].Kind switch
    {
        LayerKind.Payload or LayerKind.Llc or LayerKind.Ipv6 => false,
        LayerKind.CiscoHdlc => packet[index - 1].Note != L2tp.L2tpv3Pseudowire.Ppp,
        _ => true,
    };

    /// <summary>
    /// The dispatch dissector tshark calls after the layer at <paramref name="index"/> to find the next one, when it is
    /// one with a protocol of its own and a next layer was found or its bytes were handed to "data"; null when none.
    /// </summary>
    public static string? DispatchAfter(DecodedPacket packet, int index, ReadOnlySpan<byte> frame)
    {
        if (index + 1 >= packet.LayerCount)
            return null;
        ref readonly Layer next = ref packet[index + 1];
        if (next.Kind == LayerKind.Payload && next.HeaderLength == 0)
            return null;
        return packet[index].Kind switch
        {
            // An EtherType field is looked up in the "ethertype" table; an 802.3 length hands the frame to LLC directly.
            LayerKind.Ethernet or LayerKind.Vlan or LayerKind.ServiceVlan or LayerKind.LinuxSll or LayerKind.LinuxSll2
                or LayerKind.Arista when next.Kind != LayerKind.Llc => "ethertype",
            // LLC after Jumbo LLC's EtherType (0x8870), the header's last field, not after a length.
            LayerKind.Ethernet or LayerKind.Vlan or LayerKind.ServiceVlan when next.Offset >= 2 && next.Offset <= frame.Length
                && (EtherType)System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(frame[(next.Offset - 2)..]) == EtherType.JumboLlc => "ethertype",
            // MACsec's unmodified secure data starts with an EtherType; encrypted or changed data goes to "data".
            LayerKind.Macsec when MacsecCarriesEtherType(packet.HeaderOf(packet[index], frame)) => "ethertype",
            // PKTAP and PPI hand the packet of the link type they name to the link-type table.
            LayerKind.Pktap => "pcap_pktdata",
            LayerKind.Ppi when next.Kind != LayerKind.Ieee80211 => "pcap_pktdata",
            _ => null,
        };
    }

    private static bool MacsecCarriesEtherType(ReadOnlySpan<byte> header) =>
        header.Length > 0 && (header[Macsec.MacsecHeader.Field.TciAn] & (Macsec.MacsecHeader.Mask.Encrypted | Macsec.MacsecHeader.Mask.Changed)) == 0;

    /// <summary>
    /// The name tshark adds before a layer for the link type when the first layer is the network layer (raw IP, Classical
    /// IP over ATM, the same behind PKTAP) or the link type's own dissector reads no header RawNet shows (Prism's AVS); null when none.
    /// </summary>
    private static string? Link(DecodedPacket packet, int index, ReadOnlySpan<byte> frame) => packet[index].Kind switch
    {
        _ when index == 1 && LinkPseudoProtocol(packet.WiretapFrame.LinkType) is { } link => link,
        _ when packet[index - 1].Kind == LayerKind.Pktap && Pktap.PktapHeader.TryRead(packet.HeaderOf(packet[index - 1], frame), out var pktap)
            && Pktap.PktapHeader.TryGetLinkType(pktap.Dlt, out var innerLink) && LinkPseudoProtocol(innerLink) is { } inner => inner,
        LayerKind.Avs when index == 1 && packet.WiretapFrame.LinkType == LinkType.Prism => "prism",
        LayerKind.Avs when packet[index - 1].Kind == LayerKind.Tzsp && Tzsp.TzspHeader.TryRead(packet.HeaderOf(packet[index - 1], frame), out var tzsp)
            && tzsp.EncapsulationType == Tzsp.TzspHeader.Encapsulation.Prism => "prism",
        // TZSP's raw IP encapsulation goes to the "raw_ip" dissector, which names "raw".
        LayerKind.Ipv4 or LayerKind.Ipv6 when packet[index - 1].Kind == LayerKind.Tzsp => "raw",
        _ => null,
    };

    /// <summary>
    /// The name tshark adds before a layer for the dissector that called the layer's (802.11's radio information, the
    /// spanning tree BPDU that hands GARP on, the "ip" dissector that hands a version 6 header on, PPP's that hands a Cisco
    /// HDLC frame on (behind PPP's link types, GFP, GRE and Redback's PPP in HDLC framing), OSI's that hands IP on); null when none.
    /// </summary>
    private static string? Before(DecodedPacket packet, int index, ReadOnlySpan<byte> frame) => packet[index].Kind switch
    {
        LayerKind.Ieee80211 when index > 1 && packet[index - 1].Kind is LayerKind.Radiotap or LayerKind.Ppi or LayerKind.Prism or LayerKind.Avs => "wlan_radio",
        LayerKind.Gvrp or LayerKind.Gmrp => "stp",
        // tshark's IGMP dispatcher hands RGMP's types on without adding a tree of its own.
        LayerKind.Rgmp => "igmp",
        // A link header that names IPv4 hands its bytes to tshark's "ip" (IPv4's own dissector behind an EtherType), which
        // hands a version 6 header on: both are named, but for the first layer of an L2TPv3 pseudowire (see NameOf).
        LayerKind.Ipv6 when (packet[index].Detail & (Ipv6.Ipv6LayerDetail.HandedOnByIpv4 | Ipv6.Ipv6LayerDetail.LinkNamedIpv4)) != 0
            && packet[index - 1].Kind != LayerKind.L2tpv3 => "ip",
        LayerKind.CiscoHdlc when (index == 1 && packet.WiretapFrame.LinkType is LinkType.Ppp or LinkType.PppHdlc or LinkType.PppWithDirection)
            || packet[index - 1].Kind is LayerKind.Gfp or LayerKind.Gre or LayerKind.Redback => FieldCatalog.PppName,
        // Juniper's ISO payload type goes to OSI's dissector, which hands the NLPIDs of IPv4 and IPv6 on.
        LayerKind.Ipv4 or LayerKind.Ipv6 when packet[index - 1].Kind == LayerKind.Juniper
            && Juniper.JuniperHeader.HandedPayloadType((Juniper.JuniperLink)packet[index - 1].Detail, frame[packet[index - 1].Offset..])
                == Juniper.JuniperHeader.PayloadType.Iso => "osi",
        _ => null,
    };

    /// <summary>The protocol tshark names for a link type whose frames RawNet starts with the network layer.</summary>
    private static string? LinkPseudoProtocol(LinkType linkType) => linkType switch
    {
        LinkType.Raw or LinkType.Raw12 or LinkType.Raw14 => "raw",
        LinkType.AtmClip or LinkType.AtmClip16 or LinkType.AtmClip18 or LinkType.AtmClip19 => "clip",
        _ => null,
    };

    /// <summary>
    /// The name tshark adds after a layer for what the layer itself holds (PPPoE's PPP protocol field, the second ARP
    /// dissector AX.25's hardware type calls, the data of a 6LoWPAN fragment not reassembled); null when none.
    /// </summary>
    private static string? Within(DecodedPacket packet, int index, ReadOnlySpan<byte> frame) => packet[index].Kind switch
    {
        LayerKind.PppoeSession when index + 1 < packet.LayerCount => FieldCatalog.PppName,
        // tshark's IGMP dispatcher hands a known type to its version's dissector, which adds the name again.
        LayerKind.Igmp when (Igmp.IgmpForm)packet[index].Detail is not (Igmp.IgmpForm.Unread or Igmp.IgmpForm.Unknown or Igmp.IgmpForm.Other) => "igmp",
        LayerKind.Tzsp when packet[index].Detail == Tzsp.TzspHeader.EmptyRawIpDetail => "raw",
        LayerKind.Arp => Arp.ArpPacket.HardwareTypeDissector(packet.HeaderOf(packet[index], frame)),
        LayerKind.SixLowpan when index + 1 == packet.LayerCount && packet[index].Extent > packet[index].HeaderLength
            && packet[index].Status != LayerStatus.Malformed
            && SixLowpan.SixLowpanLayout.Parse(packet.HeaderOf(packet[index], frame)).IsUnreassembledFragment => DataName,
        _ => null,
    };

    /// <summary>The chain's name for bytes no dissector reads.</summary>
    private const string DataName = "data";

    /// <summary>An IPv6 layer whose version field is not 6 (the decoder keeps that byte alone).</summary>
    private static bool IsBogusIpv6(DecodedPacket packet, int index, ReadOnlySpan<byte> frame)
    {
        var header = packet.HeaderOf(packet[index], frame);
        return header.Length > 0 && header[0] >> 4 != 6;
    }

    /// <summary>Writes the chain of <paramref name="packet"/> (decoded from <paramref name="frame"/>) without allocating; false when it does not fit.</summary>
    public static bool TryWrite(DecodedPacket packet, ReadOnlySpan<byte> frame, Span<char> destination, out int written)
    {
        written = 0;
        for (int i = 1; i < packet.LayerCount; i++)
        {
            if (!Append(Link(packet, i, frame), destination, ref written)
                || !Append(Before(packet, i, frame), destination, ref written)
                || !Append(NameOf(packet, i, frame), destination, ref written)
                || !Append(Within(packet, i, frame), destination, ref written)
                || (packet[i].Kind == LayerKind.Http && !Http.HttpBodyChain.TryWrite(in packet[i], packet.HeaderOf(packet[i], frame), destination, ref written))
                || (packet[i].Kind == LayerKind.Sip && !Sip.SipBody.TryWriteChain(in packet[i], packet.HeaderOf(packet[i], frame), destination, ref written))
                || (packet[i].Kind == LayerKind.Snmp && !Snmp.SnmpWalk.TryWriteChain(in packet[i], packet.HeaderOf(packet[i], frame), destination, ref written))
                || !Append(DispatchAfter(packet, i, frame), destination, ref written))
                return false;
        }
        // A trailer heuristic's protocol comes after everything the header's type field led to (tshark dissects the
        // trailer once the payload's dissectors have returned): an inner header's trailer before an outer one's.
        for (int i = packet.LayerCount - 2; i >= 1; i--)
        {
            if (Ethernet.EthernetTrailerFieldReader.TrySplit(packet, i, frame, out _, out var split)
                && !Append(Ethernet.EthernetTrailerClaims.ProtocolName(split.Claim), destination, ref written))
                return false;
        }
        return true;
    }

    /// <summary>Appends <paramref name="name"/> (none when null) after a colon; false when it does not fit.</summary>
    internal static bool Append(string? name, Span<char> destination, ref int written)
    {
        if (name is null)
            return true;
        int separator = written > 0 ? 1 : 0;
        if (destination.Length - written < separator + name.Length)
            return false;
        if (separator == 1)
            destination[written++] = ':';
        name.CopyTo(destination[written..]);
        written += name.Length;
        return true;
    }
}
