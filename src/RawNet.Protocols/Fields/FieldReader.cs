using System.Buffers.Binary;
using RawNet.Protocols.Decoding;

namespace RawNet.Protocols.Fields;

/// <summary>Reads field values out of a decoded packet. Never throws: a field whose bytes were not captured is absent.</summary>
public static class FieldReader
{
    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> (0-based) of <paramref name="field"/> in layer
    /// <paramref name="layerIndex"/>; false when the layer has no such occurrence.
    /// </summary>
    public static bool TryRead(FieldDefinition field, DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame, int occurrence, out FieldValue value)
    {
        value = default;
        ref readonly Layer layer = ref packet[layerIndex];
        if (layer.Kind != field.Layer)
            return false;
        var buffer = packet.BufferOf(layer, frame);
        var header = buffer.Slice(layer.Offset, layer.HeaderLength);
        if (field.IsFixed)
            return occurrence == 0 && TryReadFixed(field, packet, layerIndex, header, out value);
        if (layer.Kind == LayerKind.Ieee80211 && !Ieee80211.Ieee80211LayerDetail.HasEnoughForFields(field, header, layer.Detail))
            return false;
        if (field.Computed == ComputedField.Analysis)
            return Conversations.AnalysisFieldReader.TryRead(field, packet, layerIndex, frame, occurrence, out value);
        // The frame's own fields (frame.number and the like, read for nearly every packet) need none of the protocol readers below.
        if (layer.Kind == LayerKind.Frame)
            return FrameFieldReader.TryRead(field.Computed, field.Mask, packet, frame, occurrence, out value);
        // So are IPv4's addresses (ip.dst, ip.addr: a source route may name the destination), read as often.
        if (field.Computed is ComputedField.Ipv4Destination or ComputedField.Ipv4Addresses)
            return Ipv4.Ipv4FieldReader.TryRead(field.Computed, header, layer.Offset, layer.Extent, occurrence, out value);
        if (Ethernet.EthernetTrailerFieldReader.Serves(field.Computed))
            return Ethernet.EthernetTrailerFieldReader.TryRead(field.Computed, packet, layerIndex, buffer, occurrence, out value);
        if (Http.HttpFieldReader.Serves(field.Computed))
            return Http.HttpFieldReader.TryRead(field, header, layer.Offset, layer.Extent, layer.Detail, occurrence, out value);
        if (Ppp.PppFieldReader.Serves(field.Computed))
            return Ppp.PppFieldReader.TryRead(field.Computed, header, layer.Offset, layer.Detail, occurrence, out value);
        if (Ppp.PppControlFieldReader.Serves(field.Computed))
            return Ppp.PppControlFieldReader.TryRead(field, layer, header, occurrence, out value);
        if (Ppp.PppAuthFieldReader.Serves(field.Computed))
            return Ppp.PppAuthFieldReader.TryRead(field, layer, header, occurrence, out value);
        if (Pppoe.PppoeFieldReader.Serves(field.Computed))
            return Pppoe.PppoeFieldReader.TryRead(header, layer.Offset, layer.Status == LayerStatus.Complete, occurrence, out value);
        if (CiscoHdlc.SlarpFieldReader.Serves(field.Computed))
            return CiscoHdlc.SlarpFieldReader.TryRead(field.Computed, header, layer.Offset, occurrence, out value);
        if (Radiotap.RadiotapFieldReader.Serves(field.Computed))
            return Radiotap.RadiotapFieldReader.TryRead(field, header, layer.Offset, occurrence, out value);
        if (Ieee80211.Ieee80211FieldReader.Serves(field.Computed))
            return Ieee80211.Ieee80211FieldReader.TryRead(field, layer, buffer, occurrence, out value);
        if (TokenRing.TokenRingFieldReader.Serves(field.Computed))
            return TokenRing.TokenRingFieldReader.TryRead(field.Computed, buffer[layer.Offset..], layer.Offset, occurrence, out value);
        if (Arcnet.ArcnetFieldReader.Serves(field.Computed))
            return Arcnet.ArcnetFieldReader.TryRead(field.Computed, header, layer.Offset, layer.Detail, occurrence, out value);
        if (Fddi.FddiFieldReader.Serves(field.Computed))
            return Fddi.FddiFieldReader.TryRead(field.Computed, header, layer.Offset, layer.Detail, occurrence, out value);
        if (Llc.LlcFieldReader.Serves(field.Computed))
            return Llc.LlcFieldReader.TryRead(field.Computed, header, layer.Offset, occurrence, out value);
        if (Nflog.NflogFieldReader.Serves(field.Computed))
            return Nflog.NflogFieldReader.TryRead(field.Computed, header, layer.Offset, occurrence, out value);
        if (Fpp.FppFieldReader.Serves(field.Computed))
            return Fpp.FppFieldReader.TryRead(field.Computed, layer, buffer, occurrence, out value);
        if (Epon.EponFieldReader.Serves(field.Computed))
            return Epon.EponFieldReader.TryRead(field.Computed, layer, buffer, occurrence, out value);
        if (Atm.AtmFieldReader.Serves(field.Computed))
            return Atm.AtmFieldReader.TryRead(field, layer, header, occurrence, out value);
        if (Ax25.Ax25FieldReader.Serves(field.Computed))
            return Ax25.Ax25FieldReader.TryRead(field.Computed, header, layer.Offset, occurrence, out value);
        if (Gfp.GfpFieldReader.Serves(field.Computed))
            return Gfp.GfpFieldReader.TryRead(field.Computed, layer, buffer[layer.Offset..], occurrence, out value);
        if (Ieee802154.Ieee802154FieldReader.Serves(field.Computed))
            return Ieee802154.Ieee802154FieldReader.TryRead(field.Computed, layer, buffer, occurrence, out value);
        if (Ieee802154.Ieee802154TapFieldReader.Serves(field.Computed))
            return Ieee802154.Ieee802154TapFieldReader.TryRead(field.Computed, layer, buffer, occurrence, out value);
        if (field.Computed == ComputedField.IpReassembly)
            return Reassembly.IpReassemblyFields.TryRead(field, packet, layerIndex, occurrence, out value);
        if (SixLowpan.SixLowpanFieldReader.Serves(field.Computed))
            return SixLowpan.SixLowpanFieldReader.TryRead(field.Computed, packet, layer, buffer, occurrence, out value);
        if (Xra.XraFieldReader.Serves(field.Computed))
            return Xra.XraFieldReader.TryRead(field, layer, buffer[layer.Offset..], occurrence, out value);
        if (GprsLlc.GprsLlcFieldReader.Serves(field.Computed))
            return GprsLlc.GprsLlcFieldReader.TryRead(field, layer, buffer[layer.Offset..], occurrence, out value);
        if (GprsLlc.SndcpFieldReader.Serves(field.Computed))
            return GprsLlc.SndcpFieldReader.TryRead(field, layer, buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], occurrence, out value);
        if (Docsis.DocsisFieldReader.Serves(field.Computed))
            return Docsis.DocsisFieldReader.TryRead(field.Computed, layer, buffer[layer.Offset..], occurrence, out value);
        if (ExportedPdu.ExportedPduFieldReader.Serves(field.Computed))
            return ExportedPdu.ExportedPduFieldReader.TryRead(field.Computed, buffer[layer.Offset..], layer.Offset, occurrence, out value);
        if (Vpp.VppFieldReader.Serves(field.Computed))
            return Vpp.VppFieldReader.TryRead(field.Computed, header, layer.Offset, occurrence, out value);
        if (Erf.ErfFieldReader.Serves(field.Computed))
            return Erf.ErfFieldReader.TryRead(field.Computed, header, layer.Offset, occurrence, out value);
        if (Redback.RedbackFieldReader.Serves(field.Computed))
            return Redback.RedbackFieldReader.TryRead(field.Computed, header, layer.Offset, occurrence, out value);
        if (Juniper.JuniperFieldReader.Serves(field.Computed))
            return Juniper.JuniperFieldReader.TryRead(field.Computed, header, buffer[Math.Min(layer.Offset, buffer.Length)..], layer.Offset,
                (Juniper.JuniperLink)layer.Detail, occurrence, out value, field.Mask);
        if (Macsec.MacsecFieldReader.Serves(field.Computed))
            return Macsec.MacsecFieldReader.TryRead(field.Computed, packet, layerIndex, buffer, occurrence, out value);
        if (Nsh.NshFieldReader.Serves(field.Computed))
            return Nsh.NshFieldReader.TryRead(field.Computed, header, layer.Offset, occurrence, out value);
        if (Arista.AristaFieldReader.Serves(field.Computed))
            return Arista.AristaFieldReader.TryRead(field.Computed, packet, layerIndex, buffer, occurrence, out value);
        if (FrameRelay.FrameRelayFieldReader.Serves(field.Computed))
            return FrameRelay.FrameRelayFieldReader.TryRead(field.Computed, header, layer.Offset, occurrence, out value);
        if (L2tp.L2tpFieldReader.Serves(field.Computed))
            return L2tp.L2tpFieldReader.TryRead(field.Computed, layer, header, occurrence, out value);
        if (L2tp.L2tpv3FieldReader.Serves(field.Computed))
            return L2tp.L2tpv3FieldReader.TryRead(field.Computed, layer, header, occurrence, out value);
        if (Igmp.IgmpFieldReader.Serves(field.Computed))
            return Igmp.IgmpFieldReader.TryRead(field, layer, header, occurrence, out value);
        if (Ospf.OspfFieldReader.Serves(field.Computed))
            return Ospf.OspfFieldReader.TryRead(field, layer, header, occurrence, out value);
        if (Stp.StpFieldReader.Serves(field.Computed))
            return Stp.StpFieldReader.TryRead(field, layer, header, occurrence, out value);
        if (Garp.GarpFieldReader.Serves(field.Computed))
            return Garp.GarpFieldReader.TryRead(field, layer, header, occurrence, out value);
        if (Amt.AmtFieldReader.Serves(field.Computed))
            return Amt.AmtFieldReader.TryRead(field, layer, buffer[Math.Min(layer.Offset, buffer.Length)..], occurrence, out value);
        if (WireGuard.WireGuardFieldReader.Serves(field.Computed))
            return WireGuard.WireGuardFieldReader.TryRead(field, layer, header, occurrence, out value);
        if (Echo.EchoFieldReader.Serves(field.Computed))
            return Echo.EchoFieldReader.TryRead(field, layer, header, occurrence, out value);
        if (Lldp.LldpFieldReader.Serves(field.Computed))
            return Lldp.LldpFieldReader.TryRead(field, buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset, occurrence, out value);
        if (Dtp.DtpFieldReader.Serves(field.Computed))
            return Dtp.DtpFieldReader.TryRead(field, buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset, occurrence, out value);
        if (Vtp.VtpFieldReader.Serves(field.Computed))
            return Vtp.VtpFieldReader.TryRead(field, buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset, occurrence, out value);
        if (Udld.UdldFieldReader.Serves(field.Computed))
            return Udld.UdldFieldReader.TryRead(field, buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset, occurrence, out value);
        if (Cdp.CdpFieldReader.Serves(field.Computed))
            return Cdp.CdpFieldReader.TryRead(field, buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset, occurrence, out value);
        if (Wol.WolFieldReader.Serves(field.Computed))
            return Wol.WolFieldReader.TryRead(field, layer, header, occurrence, out value);
        if (Sip.SipFieldReader.Serves(field.Computed))
            return Sip.SipFieldReader.TryRead(field, buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset, occurrence, out value);
        if (Snmp.SnmpFieldReader.Serves(field.Computed))
            return Snmp.SnmpFieldReader.TryRead(field, buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset, occurrence, out value);
        if (Nbns.NbnsFieldReader.Serves(field.Computed))
            return Nbns.NbnsFieldReader.TryRead(field, buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset, occurrence, out value);
        if (Quic.QuicFieldReader.Serves(field.Computed))
            return Quic.QuicFieldReader.TryRead(field, buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset,
                Quic.QuicConnection.Of(packet, layerIndex), occurrence, out value);
        if (Ntp.NtpFieldReader.Serves(field.Computed))
            return Ntp.NtpFieldReader.TryRead(field, buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset, occurrence, out value);
        if (Dhcp.DhcpFieldReader.Serves(field.Computed))
            return Dhcp.DhcpFieldReader.TryRead(field, buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset, occurrence, out value);
        if (Tzsp.TzspFieldReader.Serves(field.Computed))
            return Tzsp.TzspFieldReader.TryRead(field, buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, layer.Offset, occurrence, out value);
        if (Sflow.SflowFieldReader.Serves(field.Computed))
            return Sflow.SflowFieldReader.TryRead(field, layer, buffer, occurrence, out value);
        if (Tunnels.GtpFieldReader.Serves(field.Computed))
            return Tunnels.GtpFieldReader.TryRead(field, header, layer.Offset, occurrence, out value);
        if (Capwap.LwappFieldReader.Serves(field.Computed))
            return Capwap.LwappFieldReader.TryRead(field, layer, header, occurrence, out value);
        if (Capwap.CapwapFieldReader.Serves(field.Computed))
            return Capwap.CapwapFieldReader.TryRead(field, layer, buffer, occurrence, out value);
        if (Tunnels.GreFieldReader.Serves(field.Computed))
            return Tunnels.GreFieldReader.TryRead(field, header, layer.Offset, layer.Checksum, occurrence, out value);
        if (Tunnels.GeneveFieldReader.Serves(field.Computed))
            return Tunnels.GeneveFieldReader.TryRead(field, header, layer.Offset, occurrence, out value);
        if (Icmpv6.Icmpv6FieldReader.Serves(field.Computed))
            return Icmpv6.Icmpv6FieldReader.TryRead(field, packet, layerIndex, frame, buffer, occurrence, out value);
        if (Ipv4.Ipv4OptionFieldReader.Serves(field.Computed))
            return Ipv4.Ipv4OptionFieldReader.TryRead(field, header, layer.Offset, occurrence, out value);
        if (Ipv6.Ipv6DetailFieldReader.Serves(field.Computed))
            return Ipv6.Ipv6DetailFieldReader.TryRead(field, header, layer.Offset, occurrence, out value);
        if (Ipv6.Ipv6OptionFieldReader.Serves(field.Computed))
            // (a header the datagram holds no byte of, behind a payload length of 0 with no jumbogram length, has no options)
            return Ipv6.Ipv6OptionFieldReader.TryRead(field, layer.Extent == 0 ? default : buffer[Math.Min(layer.Offset, buffer.Length)..], layer.Offset, occurrence, out value);
        if (Tls.TlsFieldReader.Serves(field.Computed))
            return Tls.TlsFieldReader.TryRead(field, layer, buffer, occurrence, out value);
        if (Dns.DnsFieldReader.Serves(field.Computed))
            return Dns.DnsFieldReader.TryRead(field.Computed, layer, buffer, occurrence, out value);
        return TryReadComputed(field.Computed, packet, layer, buffer, header, occurrence, out value);
    }

    /// <summary>
    /// <see cref="TryRead"/> for a fixed field (<see cref="FieldDefinition.IsFixed"/>) of layer <paramref name="layerIndex"/>,
    /// whose kind is the field's layer, given that layer's <paramref name="header"/> (<see cref="DecodedPacket.HeaderOf"/>):
    /// a caller that reads many fields of one layer slices its header once.
    /// </summary>
    public static bool TryReadFixed(FieldDefinition field, DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> header, out FieldValue value)
    {
        value = default;
        ref readonly Layer layer = ref packet[layerIndex];
        if (layer.Kind == LayerKind.Ieee80211 && !Ieee80211.Ieee80211LayerDetail.HasEnoughForFields(field, header, layer.Detail))
            return false;
        if (field.Offset + field.Size > header.Length || !HasEnoughForFields(layer))
            return false;
        ulong number = ReadMasked(field, header);
        // tshark's FT_INT32 (pflog's rule numbers and IDs): the 32 bits are signed.
        if (field.Kind == FieldKind.SignedDecimal && field.Size == 4)
            number = (ulong)(long)(int)(uint)number;
        if (!IsPresent(field.Presence, layer, header, number))
            return false;
        if (field.Presence == FieldPresence.NotQuotedByIcmpv4 && layer.Quoted && QuotedBy(packet, layerIndex) == LayerKind.Icmp)
            return false;
        value = new FieldValue(number, layer.Offset + field.Offset, field.Size);
        return true;
    }

    /// <summary>Counts the occurrences of a field in one layer.</summary>
    public static int Count(FieldDefinition field, DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame)
    {
        int n = 0;
        while (TryRead(field, packet, layerIndex, frame, n, out _))
            n++;
        return n;
    }

    /// <summary>The ICMP or ICMPv6 layer whose error message quotes the layer at <paramref name="index"/>.</summary>
    private static LayerKind QuotedBy(DecodedPacket packet, int index)
    {
        for (int i = index - 1; i > 0; i--)
        {
            if (!packet[i].Quoted && packet[i].Kind is LayerKind.Icmp or LayerKind.Icmpv6)
                return packet[i].Kind;
        }
        return LayerKind.Frame;
    }

    /// <summary>Layers whose dissector in tshark checks the whole header before adding any field.</summary>
    private static bool HasEnoughForFields(in Layer layer) => layer.Kind switch
    {
        LayerKind.Ethernet => layer.HeaderLength >= Ethernet.EthernetHeader.Length,
        LayerKind.CiscoHdlc => layer.HeaderLength >= CiscoHdlc.CiscoHdlcHeader.Length,
        LayerKind.Radiotap => layer.HeaderLength >= Radiotap.RadiotapHeader.FixedLength,
        LayerKind.Ppi => layer.HeaderLength >= Ppi.PpiHeader.FixedLength,
        LayerKind.PppoeSession => layer.HeaderLength >= Pppoe.PppoeSessionHeader.SessionLength,
        // tshark reads what its Info column needs before it adds any field.
        LayerKind.L2tp or LayerKind.L2tpv3 => L2tp.L2tpLayerDetail.Shown(layer.Detail),
        LayerKind.Lcp or LayerKind.Ipcp or LayerKind.Ipv6cp => layer.HeaderLength >= Ppp.PppControlPacket.HeaderLength,
        LayerKind.Avs => layer.HeaderLength >= Prism.PrismHeader.AvsFixedLength,
        // tshark reads the byte after the addresses before it adds any field: the decoder notes whether it was captured.
        LayerKind.TokenRing => layer.Detail == TokenRing.TokenRingHeader.TsharkFieldsLength,
        // tshark's trmac reads the command byte before anything else.
        LayerKind.TokenRingMac => layer.HeaderLength >= TokenRing.TokenRingMacVector.HeaderLength,
        // tshark's arp formats all four addresses for its Info column before it adds any field.
        LayerKind.Arp => layer.Status == LayerStatus.Complete,
        // tshark's gre reads the flags and the protocol type before it adds any field.
        LayerKind.Gre => layer.HeaderLength >= Tunnels.GreHeader.MinLength,
        _ => true,
    };

    private static ulong ReadMasked(FieldDefinition field, ReadOnlySpan<byte> header)
    {
        var bytes = header.Slice(field.Offset, field.Size);
        ulong raw = field.LittleEndian ? ReadLittleEndian(bytes) : field.Size switch
        {
            1 => bytes[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            3 => (ulong)bytes[0] << 16 | BinaryPrimitives.ReadUInt16BigEndian(bytes[1..]),
            4 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
            8 => BinaryPrimitives.ReadUInt64BigEndian(bytes),
            _ => 0, // addresses: shown from their bytes, not as a number
        };
        if (field.Mask == 0)
            return raw;
        raw &= field.Mask;
        return field.Kind == FieldKind.Boolean ? (raw != 0 ? 1UL : 0UL) : raw >> field.Shift;
    }

    private static ulong ReadLittleEndian(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        1 => bytes[0],
        2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        8 => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        _ => 0,
    };

    private static bool IsPresent(FieldPresence presence, in Layer layer, ReadOnlySpan<byte> header, ulong number) => presence switch
    {
        FieldPresence.Always => true,
        FieldPresence.NotQuotedByIcmpv4 => true, // decided with the whole packet in view, in TryRead
        FieldPresence.TcpHeaderLengthValid => Tcp.TcpHeader.HasValidDataOffset(header),
        FieldPresence.ArpEthernetIpv4 => Arp.ArpPacket.TryRead(header, out var arp) && arp.IsEthernetIpv4,
        FieldPresence.ArpAx25 => Arp.ArpPacket.TryRead(header, out var ax25Arp) && ax25Arp.HasAx25Addresses && ax25Arp.ProtocolSize == 4,
        FieldPresence.ArpAx25Ipv4 => Arp.ArpPacket.TryRead(header, out var ax25Ip) && ax25Ip.HasAx25Addresses && ax25Ip.HasIpv4Addresses,
        FieldPresence.IcmpEcho => header.Length >= 1 && Icmp.IcmpHeader.IsEcho(header[Icmp.IcmpHeader.Field.Type]),
        FieldPresence.Icmpv6Echo => header.Length >= 1 && Icmpv6.Icmpv6Message.IsEcho(header[0]),
        FieldPresence.EtherTypeIsType => number >= Ethernet.EthernetHeader.MinEtherType || number == 0,
        FieldPresence.EtherTypeIsLength => Ethernet.EthernetHeader.IsLength((ushort)number),
        FieldPresence.SllMacAddress => LinuxCooked.LinuxCookedHeader.SllHasMacAddress(header),
        FieldPresence.Sll2MacAddress => LinuxCooked.LinuxCookedHeader.Sll2HasMacAddress(header),
        FieldPresence.AvsMagic => Prism.PrismHeader.IsKnownAvsVersion(header),
        FieldPresence.IpoibGlobalRoute => Ipoib.IpoibHeader.HasGlobalRoute(header),
        FieldPresence.IpoibDestinationOnly => Ipoib.IpoibHeader.HasDestinationOnly(header),
        FieldPresence.UdpPorts => header.Length >= Udp.UdpHeader.Field.Length,
        FieldPresence.ArcnetAddresses => header.Length >= Arcnet.ArcnetHeader.AddressesLength,
        FieldPresence.Ipv6PayloadLength => header.Length > Ipv6.Ipv6Header.Field.NextHeader,
        FieldPresence.Ipv4FlagsWord => header.Length >= Ipv4.Ipv4Header.Field.FlagsAndFragmentOffset + 2,
        FieldPresence.Ipv4SourceRouted => Ipv4.Ipv4Header.FinalDestinationOffset(header) > Ipv4.Ipv4Header.Field.Destination,
        FieldPresence.HandedOnByIpv4 => (layer.Detail & Ipv6.Ipv6LayerDetail.HandedOnByIpv4) != 0,
        FieldPresence.Ap1394Addresses => header.Length >= Ap1394.Ap1394Header.AddressesLength,
        FieldPresence.ArcnetFragmentFields => layer.Detail != Arcnet.ArcnetHeader.Bsd && header.Length > Arcnet.ArcnetHeader.Field.ProtocolId
            && Arcnet.ArcnetHeader.HasFragmentFields(header[Arcnet.ArcnetHeader.Field.ProtocolId]),
        FieldPresence.ArcnetLinux => layer.Detail != Arcnet.ArcnetHeader.Bsd,
        FieldPresence.FddiSmt => (header[Fddi.FddiHeader.Field.FrameControl] & Fddi.FddiHeader.ClassMask) == Fddi.FddiHeader.Smt,
        FieldPresence.FddiMac => (header[Fddi.FddiHeader.Field.FrameControl] & Fddi.FddiHeader.ClassMask) == Fddi.FddiHeader.Mac
            && header[Fddi.FddiHeader.Field.FrameControl] != Fddi.FddiHeader.RestrictedToken,
        FieldPresence.FddiAsyncPriority => (header[Fddi.FddiHeader.Field.FrameControl] & (Fddi.FddiHeader.ClassMask | Fddi.FddiHeader.AsyncReserved)) == Fddi.FddiHeader.AsyncLlc,
        FieldPresence.JuniperFlags => header.Length >= Juniper.JuniperHeader.Length && Juniper.JuniperHeader.ShowsCommonHeader((Juniper.JuniperLink)layer.Detail, header),
        FieldPresence.RedbackHeader => header.Length >= Redback.RedbackHeader.Length,
        FieldPresence.JuniperMagic => Juniper.JuniperHeader.HasMagic(header) && Juniper.JuniperHeader.ShowsCommonHeader((Juniper.JuniperLink)layer.Detail, header),
        FieldPresence.JuniperExtensions => Juniper.JuniperHeader.HasExtensions(header) && Juniper.JuniperHeader.ShowsCommonHeader((Juniper.JuniperLink)layer.Detail, header),
        FieldPresence.Ieee80211Duration => Ieee80211.Ieee80211Header.HasDurationField(header),
        FieldPresence.IcmpFragmentationNeeded => header.Length >= 2 && Icmp.IcmpHeader.IsFragmentationNeeded(header[Icmp.IcmpHeader.Field.Type], header[Icmp.IcmpHeader.Field.Code]),
        FieldPresence.PflogOld or FieldPresence.PflogIds or FieldPresence.PflogIdsOnly or FieldPresence.PflogFull or FieldPresence.PflogFullIpv4
            or FieldPresence.PflogFullIpv6 or FieldPresence.PflogFullOther => Pflog.PflogFields.IsPresent(presence, header),
        FieldPresence.EbhscrHeader or FieldPresence.EbhscrStatus or FieldPresence.EbhscrEthernet => Ebhscr.EbhscrFields.IsPresent(presence, header),
        FieldPresence.EncLittleEndian or FieldPresence.EncBigEndian => Enc.EncFields.IsPresent(presence, header),
        FieldPresence.SymantecAny or FieldPresence.SymantecV2 or FieldPresence.SymantecV3 => Symantec.SymantecFields.IsPresent(presence, header),
        FieldPresence.NetanalyzerEthernet or FieldPresence.NetanalyzerStatusBits or FieldPresence.NetanalyzerPort or FieldPresence.NetanalyzerBuffer
            or FieldPresence.NetanalyzerTimeTick or FieldPresence.NetanalyzerGpio => Netanalyzer.NetanalyzerFields.IsPresent(presence, header),
        FieldPresence.ErfLossCounter or FieldPresence.ErfColor => Erf.ErfFields.IsPresent(presence, header),
        FieldPresence.LispEchoWithoutNonce or FieldPresence.LispNonceWithMapVersion or FieldPresence.LispNonce or FieldPresence.LispMapVersion
            or FieldPresence.LispInstanceId or FieldPresence.LispLocatorStatusBits8 or FieldPresence.LispLocatorStatusBits => Lisp.LispDataFields.IsPresent(presence, header),
        FieldPresence.DnsFlags or FieldPresence.DnsNameServerFlags or FieldPresence.DnsResponse or FieldPresence.DnsNameServerResponse
            or FieldPresence.DnsAuthenticated or FieldPresence.LlmnrFlags or FieldPresence.DnsNotUpdate or FieldPresence.DnsUpdate
            => Dns.DnsFieldReader.IsPresent(presence, layer, header),
        _ => false,
    };

    /// <summary>The computed fields that belong to one layer kind: that protocol's reader, one per folder.</summary>
    private static bool TryReadComputed(ComputedField computed, DecodedPacket packet, in Layer layer, ReadOnlySpan<byte> buffer, ReadOnlySpan<byte> header,
        int occurrence, out FieldValue value)
    {
        value = default;
        return layer.Kind switch
        {
            LayerKind.Frame => FrameFieldReader.TryRead(computed, 0, packet, buffer, occurrence, out value),
            LayerKind.Ethernet => Ethernet.EthernetFieldReader.TryRead(computed, layer, buffer, header, occurrence, out value),
            LayerKind.Null => Loopback.LoopbackFieldReader.TryRead(computed, header, layer.Offset, layer.Detail, occurrence, out value),
            LayerKind.Ipv4 => Ipv4.Ipv4FieldReader.TryRead(computed, header, layer.Offset, layer.Extent, occurrence, out value),
            LayerKind.Ipv6 or LayerKind.Ipv6HopByHop or LayerKind.Ipv6Routing or LayerKind.Ipv6Fragment or LayerKind.Ipv6DestinationOptions
                or LayerKind.Ipv6AuthenticationHeader => Ipv6.Ipv6FieldReader.TryRead(computed, header, layer.Offset, occurrence, out value),
            LayerKind.Tcp => Tcp.TcpFieldReader.TryRead(computed, layer, buffer, occurrence, out value),
            LayerKind.Udp => Udp.UdpFieldReader.TryRead(computed, packet, layer, buffer, occurrence, out value),
            LayerKind.Icmp => Icmp.IcmpFieldReader.TryRead(computed, packet, layer, buffer, occurrence, out value),
            LayerKind.Payload => PayloadFieldReader.TryRead(computed, layer, occurrence, out value),
            _ => false,
        };
    }
}
