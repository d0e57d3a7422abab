using System.Collections.Frozen;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Icmp.IcmpHeader.Field;

namespace RawNet.Protocols.Icmpv6;

/// <summary>
/// The ICMPv6 field table (Wireshark "icmpv6"): the header at its offsets, then the body's fields as tshark 4.0 names
/// them, read by <see cref="Icmpv6FieldReader"/> (<see cref="ComputedField.Icmpv6"/>) from <see cref="Icmpv6Body"/>'s walk,
/// which tells them apart by definition. tshark gives a link-layer address option's value one name whether it is a MAC or
/// other bytes (icmpv6.opt.linkaddr), and the prefix length one name in prefix and route information options.
/// </summary>
public static class Icmpv6Fields
{
    public static readonly FieldDefinition Type = FieldDefinition.Fixed("icmpv6.type", "Type", LayerKind.Icmpv6, F.Type, 1, FieldKind.Decimal);
    public static readonly FieldDefinition Code = FieldDefinition.Fixed("icmpv6.code", "Code", LayerKind.Icmpv6, F.Code, 1, FieldKind.Decimal);
    public static readonly FieldDefinition Checksum = FieldDefinition.Fixed("icmpv6.checksum", "Checksum", LayerKind.Icmpv6, F.Checksum, 2, FieldKind.Hex);
    public static readonly FieldDefinition Identifier = FieldDefinition.Fixed("icmpv6.echo.identifier", "Identifier", LayerKind.Icmpv6, F.Identifier, 2, FieldKind.Hex, presence: FieldPresence.Icmpv6Echo);
    public static readonly FieldDefinition SequenceNumber = FieldDefinition.Fixed("icmpv6.echo.sequence_number", "Sequence", LayerKind.Icmpv6, F.SequenceNumber, 2, FieldKind.Decimal, presence: FieldPresence.Icmpv6Echo);

    /// <summary>The echo request a reply answers and the time since it, as the conversation tracker paired them (tshark's one pass: never the reply a request gets).</summary>
    public static readonly FieldDefinition ResponseTo = FieldDefinition.Tracked("icmpv6.resp_to", "Response To", LayerKind.Icmpv6, FieldKind.Decimal, AnalysisValue.IcmpResponseTo);
    public static readonly FieldDefinition ResponseTime = FieldDefinition.Tracked("icmpv6.resptime", "Response Time", LayerKind.Icmpv6, FieldKind.BuiltText, AnalysisValue.IcmpResponseTime);

    private static readonly (FieldDefinition Field, Icmpv6Value Value)[] Body =
    [
        (D("icmpv6.checksum.status", "Checksum Status", FieldKind.Decimal), Icmpv6Value.ChecksumStatus),
        (D("icmpv6.reserved", "Reserved", FieldKind.Bytes), Icmpv6Value.Reserved),
        (D("icmpv6.mtu", "MTU", FieldKind.Decimal), Icmpv6Value.Mtu),
        (D("icmpv6.pointer", "Pointer", FieldKind.Decimal), Icmpv6Value.Pointer),
        (D("icmpv6.nonce", "Nonce", FieldKind.Bytes), Icmpv6Value.Nonce),
        (D("icmpv6.mld.maximum_response_delay", "Maximum Response Delay [ms]", FieldKind.Decimal), Icmpv6Value.MldMaximumResponseDelay),
        (D("icmpv6.mld.maximum_response_code", "Maximum Response Code", FieldKind.Decimal), Icmpv6Value.MldMaximumResponseCode),
        (D("icmpv6.mld.multicast_address", "Multicast Address", FieldKind.Ipv6Address), Icmpv6Value.MldMulticastAddress),
        (D("icmpv6.mld.flag", "Flags", FieldKind.Hex, 2), Icmpv6Value.MldFlag),
        (D("icmpv6.mld.flag.s", "Suppress Router-Side Processing", FieldKind.Boolean), Icmpv6Value.MldFlagS),
        (D("icmpv6.mld.flag.qrv", "QRV (Querier's Robustness Variable)", FieldKind.Decimal), Icmpv6Value.MldFlagQrv),
        (D("icmpv6.mld.flag.reserved", "Reserved", FieldKind.Decimal), Icmpv6Value.MldFlagReserved),
        (D("icmpv6.mld.qqi", "QQIC (Querier's Query Interval Code)", FieldKind.Decimal), Icmpv6Value.MldQqi),
        (D("icmpv6.mld.nb_sources", "Number of Sources", FieldKind.Decimal), Icmpv6Value.MldNumberOfSources),
        (D("icmpv6.mld.source_address", "Source Address", FieldKind.Ipv6Address), Icmpv6Value.MldSourceAddress),
        (D("icmpv6.nd.ra.cur_hop_limit", "Cur hop limit", FieldKind.Decimal), Icmpv6Value.RaCurHopLimit),
        (D("icmpv6.nd.ra.flag", "Flags", FieldKind.Hex, 2), Icmpv6Value.RaFlag),
        (D("icmpv6.nd.ra.flag.m", "Managed address configuration", FieldKind.Boolean), Icmpv6Value.RaFlagM),
        (D("icmpv6.nd.ra.flag.o", "Other configuration", FieldKind.Boolean), Icmpv6Value.RaFlagO),
        (D("icmpv6.nd.ra.flag.h", "Home Agent", FieldKind.Boolean), Icmpv6Value.RaFlagH),
        (D("icmpv6.nd.ra.flag.prf", "Prf (Default Router Preference)", FieldKind.Decimal), Icmpv6Value.RaFlagPrf),
        (D("icmpv6.nd.ra.flag.p", "Proxy", FieldKind.Boolean), Icmpv6Value.RaFlagP),
        (D("icmpv6.nd.ra.flag.rsv", "Reserved", FieldKind.Decimal), Icmpv6Value.RaFlagReserved),
        (D("icmpv6.nd.ra.router_lifetime", "Router lifetime (s)", FieldKind.Decimal), Icmpv6Value.RaRouterLifetime),
        (D("icmpv6.nd.ra.reachable_time", "Reachable time (ms)", FieldKind.Decimal), Icmpv6Value.RaReachableTime),
        (D("icmpv6.nd.ra.retrans_timer", "Retrans timer (ms)", FieldKind.Decimal), Icmpv6Value.RaRetransTimer),
        (D("icmpv6.nd.ns.target_address", "Target Address", FieldKind.Ipv6Address), Icmpv6Value.NsTargetAddress),
        (D("icmpv6.nd.na.flag", "Flags", FieldKind.Hex, 8), Icmpv6Value.NaFlag),
        (D("icmpv6.nd.na.flag.r", "Router", FieldKind.Boolean), Icmpv6Value.NaFlagR),
        (D("icmpv6.nd.na.flag.s", "Solicited", FieldKind.Boolean), Icmpv6Value.NaFlagS),
        (D("icmpv6.nd.na.flag.o", "Override", FieldKind.Boolean), Icmpv6Value.NaFlagO),
        (D("icmpv6.nd.na.flag.rsv", "Reserved", FieldKind.Decimal), Icmpv6Value.NaFlagReserved),
        (D("icmpv6.nd.na.target_address", "Target Address", FieldKind.Ipv6Address), Icmpv6Value.NaTargetAddress),
        (D("icmpv6.nd.rd.target_address", "Target Address", FieldKind.Ipv6Address), Icmpv6Value.RdTargetAddress),
        (D("icmpv6.rd.na.destination_address", "Destination Address", FieldKind.Ipv6Address), Icmpv6Value.RdDestinationAddress),
        (D("icmpv6.mldr.nb_mcast_records", "Number of Multicast Address Records", FieldKind.Decimal), Icmpv6Value.MldrNumberOfRecords),
        (D("icmpv6.mldr.mar", "Multicast Address Record", FieldKind.Marker), Icmpv6Value.MldrRecord),
        (D("icmpv6.mldr.mar.record_type", "Record Type", FieldKind.Decimal), Icmpv6Value.MldrRecordType),
        (D("icmpv6.mldr.mar.aux_data_len", "Aux Data Len", FieldKind.Decimal), Icmpv6Value.MldrAuxDataLength),
        (D("icmpv6.mldr.mar.nb_sources", "Number of Sources", FieldKind.Decimal), Icmpv6Value.MldrNumberOfSources),
        (D("icmpv6.mldr.mar.multicast_address", "Multicast Address", FieldKind.Ipv6Address), Icmpv6Value.MldrMulticastAddress),
        (D("icmpv6.mldr.mar.source_address", "Source Address", FieldKind.Ipv6Address), Icmpv6Value.MldrSourceAddress),
        (D("icmpv6.mldr.mar.auxiliary_data", "Auxiliary Data", FieldKind.Bytes), Icmpv6Value.MldrAuxiliaryData),
        (D("icmpv6.opt", "ICMPv6 Option", FieldKind.Marker), Icmpv6Value.Option),
        (D("icmpv6.opt.type", "Type", FieldKind.Decimal), Icmpv6Value.OptionType),
        (D("icmpv6.opt.length", "Length", FieldKind.Decimal), Icmpv6Value.OptionLength),
        (D("icmpv6.opt.linkaddr", "Link-layer address", FieldKind.MacAddress), Icmpv6Value.OptionLinkAddressMac),
        (D("icmpv6.opt.src_linkaddr", "Source Link-layer address", FieldKind.MacAddress), Icmpv6Value.OptionSourceLinkAddressMac),
        (D("icmpv6.opt.target_linkaddr", "Target Link-layer address", FieldKind.MacAddress), Icmpv6Value.OptionTargetLinkAddressMac),
        (D("icmpv6.opt.linkaddr_eui64", "Link-layer address", FieldKind.Bytes, FieldDefinition.ColonSeparatedBytes), Icmpv6Value.OptionLinkAddressEui64),
        (D("icmpv6.opt.src_linkaddr_eui64", "Source Link-layer address", FieldKind.Bytes, FieldDefinition.ColonSeparatedBytes), Icmpv6Value.OptionSourceLinkAddressEui64),
        (D("icmpv6.opt.target_linkaddr_eui64", "Target Link-layer address", FieldKind.Bytes, FieldDefinition.ColonSeparatedBytes), Icmpv6Value.OptionTargetLinkAddressEui64),
        (D("icmpv6.opt.linkaddr", "Link-layer address", FieldKind.Bytes), Icmpv6Value.OptionLinkAddress),
        (D("icmpv6.opt.src_linkaddr", "Source Link-layer address", FieldKind.Bytes), Icmpv6Value.OptionSourceLinkAddress),
        (D("icmpv6.opt.target_linkaddr", "Target Link-layer address", FieldKind.Bytes), Icmpv6Value.OptionTargetLinkAddress),
        (D("icmpv6.opt.padding", "Padding", FieldKind.Marker), Icmpv6Value.OptionPadding),
        (D("icmpv6.opt.prefix.length", "Prefix Length", FieldKind.Decimal), Icmpv6Value.OptionPrefixLength),
        (D("icmpv6.opt.prefix.flag", "Flag", FieldKind.Hex, 2), Icmpv6Value.OptionPrefixFlag),
        (D("icmpv6.opt.prefix.flag.l", "On-link flag(L)", FieldKind.Boolean), Icmpv6Value.OptionPrefixFlagL),
        (D("icmpv6.opt.prefix.flag.a", "Autonomous address-configuration flag(A)", FieldKind.Boolean), Icmpv6Value.OptionPrefixFlagA),
        (D("icmpv6.opt.prefix.flag.r", "Router address flag(R)", FieldKind.Boolean), Icmpv6Value.OptionPrefixFlagR),
        (D("icmpv6.opt.prefix.flag.reserved", "Reserved", FieldKind.Decimal), Icmpv6Value.OptionPrefixFlagReserved),
        (D("icmpv6.opt.prefix.valid_lifetime", "Valid Lifetime", FieldKind.Decimal), Icmpv6Value.OptionPrefixValidLifetime),
        (D("icmpv6.opt.prefix.preferred_lifetime", "Preferred Lifetime", FieldKind.Decimal), Icmpv6Value.OptionPrefixPreferredLifetime),
        (D("icmpv6.opt.reserved", "Reserved", FieldKind.Marker), Icmpv6Value.OptionReserved),
        (D("icmpv6.opt.prefix", "Prefix", FieldKind.Ipv6Address), Icmpv6Value.OptionPrefix),
        (D("icmpv6.opt.redirected_packet", "Redirected Packet", FieldKind.Marker), Icmpv6Value.OptionRedirectedPacket),
        (D("icmpv6.opt.mtu", "MTU", FieldKind.Decimal), Icmpv6Value.OptionMtu),
        (D("icmpv6.opt.nonce", "Nonce", FieldKind.Bytes), Icmpv6Value.OptionNonce),
        (D("icmpv6.opt.route_info.flag", "Flag", FieldKind.Hex, 2), Icmpv6Value.OptionRouteInfoFlag),
        (D("icmpv6.opt.route_info.flag.route_preference", "Route Preference", FieldKind.Decimal), Icmpv6Value.OptionRouteInfoPreference),
        (D("icmpv6.opt.route_info.flag.reserved", "Reserved", FieldKind.Decimal), Icmpv6Value.OptionRouteInfoReserved),
        (D("icmpv6.opt.route_lifetime", "Route Lifetime", FieldKind.Decimal), Icmpv6Value.OptionRouteLifetime),
        (D("icmpv6.opt.rdnss.lifetime", "Lifetime", FieldKind.Decimal), Icmpv6Value.OptionRdnssLifetime),
        (D("icmpv6.opt.rdnss", "Recursive DNS Servers", FieldKind.Ipv6Address), Icmpv6Value.OptionRdnss),
        (D("icmpv6.opt.dnssl.lifetime", "Lifetime", FieldKind.Decimal), Icmpv6Value.OptionDnsslLifetime),
        (D("icmpv6.opt.dnssl", "Domain Names", FieldKind.DnsName), Icmpv6Value.OptionDnssl),
        (D("icmpv6.unknown_data", "Unknown Data", FieldKind.Bytes), Icmpv6Value.UnknownData),
        (D("icmpv6.data", "Data", FieldKind.Bytes), Icmpv6Value.Data),
    ];

    /// <summary>Every ICMPv6 field, in tree order.</summary>
    public static readonly FieldDefinition[] All = [Type, Code, Checksum, Body[0].Field, Identifier, SequenceNumber, ResponseTo, ResponseTime, .. FieldRows.Fields(Body.AsSpan(1))];

    private static readonly FrozenDictionary<FieldDefinition, Icmpv6Value> Values = FieldRows.Values(Body);

    /// <summary>The definitions of each value, indexed by <see cref="Icmpv6Value"/>, for a walk that names its items.</summary>
    private static readonly FieldDefinition[] ByValue =
    [
        Type, Code, Checksum, Identifier, SequenceNumber,
        .. Body.OrderBy(b => b.Value).Select(b => b.Field),
    ];

    /// <summary>Which value a body field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out Icmpv6Value value) => Values.TryGetValue(field, out value);

    /// <summary>The definition that shows <paramref name="value"/>.</summary>
    public static FieldDefinition Of(Icmpv6Value value) => ByValue[(int)value];

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Icmpv6, kind, ComputedField.Icmpv6, hexDigits);
}
