using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using E = RawNet.Protocols.Ipv6.Ipv6ExtensionHeader.Field;
using F = RawNet.Protocols.Ipv6.Ipv6Header.Field;

namespace RawNet.Protocols.Ipv6;

/// <summary>The IPv6 field tables (Wireshark "ipv6", its extension headers, and "ah").</summary>
public static class Ipv6Fields
{
    public static readonly FieldDefinition Version = FieldDefinition.Fixed("ipv6.version", "Version", LayerKind.Ipv6, F.VersionClassFlow, 1, FieldKind.Decimal, 0xF0);

    /// <summary>tshark's IPv6 dissector also fills the IPv4 dissector's version field, so "ip.version" matches both.</summary>
    public static readonly FieldDefinition IpVersion = FieldDefinition.Fixed("ip.version", "Version", LayerKind.Ipv6, F.VersionClassFlow, 1, FieldKind.Decimal, 0xF0);

    /// <summary>The version IPv4's own dissector added before it handed a version 6 header on (<see cref="Ipv6LayerDetail.HandedOnByIpv4"/>).</summary>
    public static readonly FieldDefinition Ipv4DissectorVersion = FieldDefinition.Fixed("ip.version", "Version", LayerKind.Ipv6, F.VersionClassFlow, 1, FieldKind.Decimal, 0xF0,
        presence: FieldPresence.HandedOnByIpv4);
    public static readonly FieldDefinition TrafficClass = FieldDefinition.Fixed("ipv6.tclass", "Traffic Class", LayerKind.Ipv6, F.VersionClassFlow, 4, FieldKind.Hex, 0x0FF00000);
    public static readonly FieldDefinition Dscp = FieldDefinition.Fixed("ipv6.tclass.dscp", "Differentiated Services Codepoint", LayerKind.Ipv6, F.VersionClassFlow, 4, FieldKind.Decimal, 0x0FC00000);
    public static readonly FieldDefinition Ecn = FieldDefinition.Fixed("ipv6.tclass.ecn", "Explicit Congestion Notification", LayerKind.Ipv6, F.VersionClassFlow, 4, FieldKind.Decimal, 0x00300000);
    public static readonly FieldDefinition FlowLabel = FieldDefinition.FixedHex("ipv6.flow", "Flow Label", LayerKind.Ipv6, F.VersionClassFlow, 4, 6, 0x000FFFFF);
    public static readonly FieldDefinition PayloadLength = FieldDefinition.Fixed("ipv6.plen", "Payload Length", LayerKind.Ipv6, F.PayloadLength, 2, FieldKind.Decimal,
        presence: FieldPresence.Ipv6PayloadLength);
    public static readonly FieldDefinition NextHeader = FieldDefinition.Fixed("ipv6.nxt", "Next Header", LayerKind.Ipv6, F.NextHeader, 1, FieldKind.Decimal);
    public static readonly FieldDefinition HopLimit = FieldDefinition.Fixed("ipv6.hlim", "Hop Limit", LayerKind.Ipv6, F.HopLimit, 1, FieldKind.Decimal);
    public static readonly FieldDefinition Source = FieldDefinition.Fixed("ipv6.src", "Source Address", LayerKind.Ipv6, F.Source, 16, FieldKind.Ipv6Address);
    public static readonly FieldDefinition Destination = FieldDefinition.Fixed("ipv6.dst", "Destination Address", LayerKind.Ipv6, F.Destination, 16, FieldKind.Ipv6Address);
    // The hidden host names; without name resolution (-n) tshark writes the addresses.
    public static readonly FieldDefinition SourceHost = FieldDefinition.Fixed("ipv6.src_host", "Source Host", LayerKind.Ipv6, F.Source, 16, FieldKind.Ipv6Address, inTree: false);
    public static readonly FieldDefinition DestinationHost = FieldDefinition.Fixed("ipv6.dst_host", "Destination Host", LayerKind.Ipv6, F.Destination, 16, FieldKind.Ipv6Address, inTree: false);
    public static readonly FieldDefinition Host = FieldDefinition.Derived("ipv6.host", "Source or Destination Host", LayerKind.Ipv6, FieldKind.Ipv6Address, ComputedField.Ipv6Addresses, inTree: false);

    public static readonly FieldDefinition Address = FieldDefinition.Derived("ipv6.addr", "Source or Destination Address", LayerKind.Ipv6, FieldKind.Ipv6Address, ComputedField.Ipv6Addresses);

    /// <summary>What tshark reads in the addresses' form: SLAAC, ISATAP, 6to4 and Teredo (<see cref="Ipv6DetailFieldReader"/>).</summary>
    public static readonly FieldDefinition[] AddressDetails =
    [
        .. Ipv6DetailFieldReader.Fields(Ipv6DetailFieldReader.SlaacMac, FieldKind.BuiltText, "ipv6.src_slaac_mac", "ipv6.dst_slaac_mac", "ipv6.slaac_mac", "SLAAC MAC"),
        .. Ipv6DetailFieldReader.Fields(Ipv6DetailFieldReader.IsatapIpv4, FieldKind.Ipv4Address, "ipv6.src_isatap_ipv4", "ipv6.dst_isatap_ipv4", "ipv6.isatap_ipv4", "ISATAP IPv4"),
        .. Ipv6DetailFieldReader.Fields(Ipv6DetailFieldReader.SixToFourGateway, FieldKind.Ipv4Address, "ipv6.src_6to4_gw_ipv4", "ipv6.dst_6to4_gw_ipv4", "ipv6.6to4_gw_ipv4", "6to4 Gateway IPv4"),
        .. Ipv6DetailFieldReader.Fields(Ipv6DetailFieldReader.SixToFourSlaId, FieldKind.Decimal, "ipv6.src_6to4_sla_id", "ipv6.dst_6to4_sla_id", "ipv6.6to4_sla_id", "6to4 SLA ID"),
        .. Ipv6DetailFieldReader.Fields(Ipv6DetailFieldReader.TeredoServer, FieldKind.Ipv4Address, "ipv6.src_ts_ipv4", "ipv6.dst_ts_ipv4", "ipv6.ts_ipv4", "Teredo Server IPv4"),
        .. Ipv6DetailFieldReader.Fields(Ipv6DetailFieldReader.TeredoPort, FieldKind.Decimal, "ipv6.src_tc_port", "ipv6.dst_tc_port", "ipv6.tc_port", "Teredo Port"),
        .. Ipv6DetailFieldReader.Fields(Ipv6DetailFieldReader.TeredoClient, FieldKind.BuiltText, "ipv6.src_tc_ipv4", "ipv6.dst_tc_ipv4", "ipv6.tc_ipv4", "Teredo Client IPv4"),
    ];

    /// <summary>Every fixed IPv6 header field, in tree order.</summary>
    public static readonly FieldDefinition[] All =
        [Ipv4DissectorVersion, IpVersion, Version, TrafficClass, Dscp, Ecn, FlowLabel, PayloadLength, NextHeader, HopLimit, Source, SourceHost, Destination, DestinationHost, Address, Host,
            .. AddressDetails];

    /// <summary>The hop-by-hop options header.</summary>
    public static readonly FieldDefinition[] HopByHop = OptionsHeader("hopopts", LayerKind.Ipv6HopByHop);

    /// <summary>The destination options header.</summary>
    public static readonly FieldDefinition[] DestinationOptions = OptionsHeader("dstopts", LayerKind.Ipv6DestinationOptions);

    /// <summary>The routing header.</summary>
    public static readonly FieldDefinition[] Routing =
    [
        FieldDefinition.Fixed("ipv6.routing.nxt", "Next Header", LayerKind.Ipv6Routing, E.NextHeader, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("ipv6.routing.len", "Length", LayerKind.Ipv6Routing, E.Length, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("ipv6.routing.type", "Type", LayerKind.Ipv6Routing, E.RoutingType, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("ipv6.routing.segleft", "Segments Left", LayerKind.Ipv6Routing, E.SegmentsLeft, 1, FieldKind.Decimal),
    ];

    /// <summary>The fragment header.</summary>
    public static readonly FieldDefinition[] Fragment =
    [
        FieldDefinition.Fixed("ipv6.fraghdr.nxt", "Next header", LayerKind.Ipv6Fragment, E.NextHeader, 1, FieldKind.Decimal),
        FieldDefinition.FixedHex("ipv6.fraghdr.reserved_octet", "Reserved octet", LayerKind.Ipv6Fragment, E.NextHeader + 1, 1, 2),
        FieldDefinition.Fixed("ipv6.fraghdr.offset", "Offset", LayerKind.Ipv6Fragment, E.FragmentOffsetAndFlags, 2, FieldKind.Decimal, 0xFFF8),
        FieldDefinition.Fixed("ipv6.fraghdr.reserved_bits", "Reserved bits", LayerKind.Ipv6Fragment, E.FragmentOffsetAndFlags, 2, FieldKind.Decimal, 0x0006),
        FieldDefinition.Fixed("ipv6.fraghdr.more", "More Fragments", LayerKind.Ipv6Fragment, E.FragmentOffsetAndFlags, 2, FieldKind.Boolean, 0x0001),
        FieldDefinition.Fixed("ipv6.fraghdr.ident", "Identification", LayerKind.Ipv6Fragment, E.FragmentIdentification, 4, FieldKind.Hex),
        .. Reassembly.IpReassemblyFields.Ipv6,
    ];

    /// <summary>The authentication header, skipped by its length.</summary>
    public static readonly FieldDefinition[] AuthenticationHeader =
    [
        FieldDefinition.Fixed("ah.next_header", "Next header", LayerKind.Ipv6AuthenticationHeader, 0, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("ah.length", "Length", LayerKind.Ipv6AuthenticationHeader, 1, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("ah.spi", "AH SPI", LayerKind.Ipv6AuthenticationHeader, 4, 4, FieldKind.Hex),
        FieldDefinition.Fixed("ah.sequence", "AH Sequence", LayerKind.Ipv6AuthenticationHeader, 8, 4, FieldKind.Decimal),
    ];

    private static FieldDefinition[] OptionsHeader(string name, LayerKind layer) =>
    [
        FieldDefinition.Fixed($"ipv6.{name}.nxt", "Next Header", layer, E.NextHeader, 1, FieldKind.Decimal),
        FieldDefinition.Fixed($"ipv6.{name}.len", "Length", layer, E.Length, 1, FieldKind.Decimal),
        FieldDefinition.Derived($"ipv6.{name}.len_oct", "Length in bytes", layer, FieldKind.Decimal, ComputedField.ExtensionHeaderLengthBytes),
        .. Ipv6OptionFieldReader.Fields(layer),
    ];
}
