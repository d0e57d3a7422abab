using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ospf;

/// <summary>
/// The OSPF field table (Wireshark "ospf"), in tshark's tree order. Every field is read by <see cref="OspfFieldReader"/>
/// (<see cref="ComputedField.Ospf"/>) through <see cref="OspfWalk"/>: which fields a packet shows depends on its version
/// and type, and LSA headers, neighbors and requests repeat theirs.
/// </summary>
public static class OspfFields
{
    private static readonly (FieldDefinition Field, OspfValue Value)[] Table =
    [
        (F("ospf.version", "Version", FieldKind.Decimal), OspfValue.Version),
        (F("ospf.msg", "Message Type", FieldKind.Decimal), OspfValue.MessageType),
        (F("ospf.msg.hello", "Hello", FieldKind.Boolean, inTree: false), OspfValue.IsHello),
        (F("ospf.msg.dbdesc", "Database Description", FieldKind.Boolean, inTree: false), OspfValue.IsDbDescription),
        (F("ospf.msg.lsreq", "Link State Adv Request", FieldKind.Boolean, inTree: false), OspfValue.IsLsRequest),
        (F("ospf.msg.lsupdate", "Link State Adv Update", FieldKind.Boolean, inTree: false), OspfValue.IsLsUpdate),
        (F("ospf.msg.lsack", "Link State Adv Acknowledgement", FieldKind.Boolean, inTree: false), OspfValue.IsLsAck),
        (F("ospf.packet_length", "Packet Length", FieldKind.Decimal), OspfValue.PacketLength),
        (F("ospf.srcrouter", "Source OSPF Router", FieldKind.Ipv4Address), OspfValue.SourceRouter),
        (F("ospf.area_id", "Area ID", FieldKind.Ipv4Address), OspfValue.AreaId),
        (F("ospf.checksum", "Checksum", FieldKind.Hex, 4), OspfValue.Checksum),
        (F("ospf.auth.type", "Auth Type", FieldKind.Decimal), OspfValue.AuthType),
        (F("ospf.auth.none", "Auth Data (none)", FieldKind.Bytes), OspfValue.AuthNone),
        (F("ospf.auth.simple", "Auth Data (simple)", FieldKind.Text), OspfValue.AuthSimple),
        (F("ospf.auth.crypt.key_id", "Auth Crypt Key id", FieldKind.Decimal), OspfValue.AuthKeyId),
        (F("ospf.auth.crypt.data_length", "Auth Crypt Data Length", FieldKind.Decimal), OspfValue.AuthCryptLength),
        (F("ospf.auth.crypt.seq_nbr", "Auth Crypt Sequence Number", FieldKind.Decimal), OspfValue.AuthCryptSequence),
        (F("ospf.auth.crypt.data", "Auth Crypt Data", FieldKind.Bytes), OspfValue.AuthCryptData),
        (F("ospf.auth.unknown", "Auth Unknown", FieldKind.Bytes), OspfValue.AuthUnknown),
        (F("ospf.instance_id", "Instance ID", FieldKind.Decimal), OspfValue.InstanceId),
        (F("ospf.reserved", "Reserved", FieldKind.Bytes), OspfValue.Reserved),
        (F("ospf.hello.network_mask", "Network Mask", FieldKind.Ipv4Address), OspfValue.NetworkMask),
        (F("ospf.hello.interface_id", "Interface ID", FieldKind.Decimal), OspfValue.InterfaceId),
        (F("ospf.hello.hello_interval", "Hello Interval [sec]", FieldKind.Decimal), OspfValue.HelloInterval),
        (F("ospf.v2.options", "Options", FieldKind.Hex, 2), OspfValue.V2Options),
        (F("ospf.v2.options.dn", "DN", FieldKind.Boolean), OspfValue.V2OptionDn),
        (F("ospf.v2.options.o", "O", FieldKind.Boolean), OspfValue.V2OptionO),
        (F("ospf.v2.options.dc", "(DC) Demand Circuits", FieldKind.Boolean), OspfValue.V2OptionDc),
        (F("ospf.v2.options.l", "(L) LLS Data block", FieldKind.Boolean), OspfValue.V2OptionL),
        (F("ospf.v2.options.n", "(N) NSSA", FieldKind.Boolean), OspfValue.V2OptionN),
        (F("ospf.v2.options.p", "(P) Propagate", FieldKind.Boolean), OspfValue.V2OptionP),
        (F("ospf.v2.options.mc", "(MC) Multicast", FieldKind.Boolean), OspfValue.V2OptionMc),
        (F("ospf.v2.options.e", "(E) External Routing", FieldKind.Boolean), OspfValue.V2OptionE),
        (F("ospf.v2.options.mt", "(MT) Multi-Topology Routing", FieldKind.Boolean), OspfValue.V2OptionMt),
        (F("ospf.v3.options", "Options", FieldKind.Hex, 6), OspfValue.V3Options),
        (F("ospf.hello.router_priority", "Router Priority", FieldKind.Decimal), OspfValue.RouterPriority),
        (F("ospf.hello.router_dead_interval", "Router Dead Interval [sec]", FieldKind.Decimal), OspfValue.DeadInterval),
        (F("ospf.hello.designated_router", "Designated Router", FieldKind.Ipv4Address), OspfValue.DesignatedRouter),
        (F("ospf.hello.backup_designated_router", "Backup Designated Router", FieldKind.Ipv4Address), OspfValue.BackupDesignatedRouter),
        (F("ospf.hello.active_neighbor", "Active Neighbor", FieldKind.Ipv4Address), OspfValue.ActiveNeighbor),
        (F("ospf.db.interface_mtu", "Interface MTU", FieldKind.Decimal), OspfValue.InterfaceMtu),
        (F("ospf.dbd", "DB Description", FieldKind.Hex, 2), OspfValue.DbdFlags),
        (F("ospf.dbd.r", "(R) OOBResync", FieldKind.Boolean), OspfValue.DbdR),
        (F("ospf.dbd.i", "(I) Init", FieldKind.Boolean), OspfValue.DbdI),
        (F("ospf.dbd.m", "(M) More", FieldKind.Boolean), OspfValue.DbdM),
        (F("ospf.dbd.ms", "(MS) Master", FieldKind.Boolean), OspfValue.DbdMs),
        (F("ospf.db.dd_sequence", "DD Sequence", FieldKind.Decimal), OspfValue.DdSequence),
        (F("ospf.ls.number_of_lsas", "Number of LSAs", FieldKind.Decimal), OspfValue.LsaCount),
        (F("ospf.lsa.age", "LS Age (seconds)", FieldKind.Decimal), OspfValue.LsaAge),
        (F("ospf.lsa.donotage", "Do Not Age Flag", FieldKind.Decimal), OspfValue.LsaDoNotAge),
        (F("ospf.v3.lsa.do_not_age", "Do Not Age", FieldKind.Boolean), OspfValue.V3LsaDoNotAge),
        (F("ospf.lsa", "LS Type", FieldKind.Decimal), OspfValue.LsaType),
        (F("ospf.lsa", "LS Type", FieldKind.Decimal), OspfValue.LsRequestType),
        (F("ospf.v3.lsa", "LS Type", FieldKind.Hex, 4), OspfValue.V3LsaType),
        (F("ospf.v3.lsa.u", "LSA Handling", FieldKind.Boolean), OspfValue.V3LsaU),
        (F("ospf.v3.lsa.s12", "Flooding Scope", FieldKind.Hex, 4), OspfValue.V3LsaS12),
        (F("ospf.v3.lsa.fc", "Function Code", FieldKind.Decimal), OspfValue.V3LsaFunctionCode),
        (F("ospf.lsa.router", "Router LSA", FieldKind.Boolean, inTree: false), OspfValue.LsaRouter),
        (F("ospf.lsa.network", "Network LSA", FieldKind.Boolean, inTree: false), OspfValue.LsaNetwork),
        (F("ospf.lsa.summary", "Summary LSA (IP Network)", FieldKind.Boolean, inTree: false), OspfValue.LsaSummary),
        (F("ospf.lsa.asbr", "Summary LSA (ASBR)", FieldKind.Boolean, inTree: false), OspfValue.LsaAsbr),
        (F("ospf.lsa.asext", "AS-External LSA (ASBR)", FieldKind.Boolean, inTree: false), OspfValue.LsaAsext),
        (F("ospf.lsa.member", "Group Membership LSA", FieldKind.Boolean, inTree: false), OspfValue.LsaMember),
        (F("ospf.lsa.nssa", "NSSA-external LSA", FieldKind.Boolean, inTree: false), OspfValue.LsaNssa),
        (F("ospf.lsa.attr", "External attributes LSA", FieldKind.Boolean, inTree: false), OspfValue.LsaAttr),
        (F("ospf.lsa.opaque", "Opaque LSA", FieldKind.Boolean, inTree: false), OspfValue.LsaOpaque),
        (F("ospf.v3.lsa.router", "Router-LSA", FieldKind.Boolean, inTree: false), OspfValue.V3LsaRouter),
        (F("ospf.v3.lsa.network", "Network-LSA", FieldKind.Boolean, inTree: false), OspfValue.V3LsaNetwork),
        (F("ospf.v3.lsa.interprefix", "Inter-Area-Prefix-LSA", FieldKind.Boolean, inTree: false), OspfValue.V3LsaInterPrefix),
        (F("ospf.v3.lsa.interrouter", "Inter-Area-Router-LSA", FieldKind.Boolean, inTree: false), OspfValue.V3LsaInterRouter),
        (F("ospf.v3.lsa.asext", "AS-External-LSA", FieldKind.Boolean, inTree: false), OspfValue.V3LsaAsext),
        (F("ospf.v3.lsa.member", "Group-Membership-LSA", FieldKind.Boolean, inTree: false), OspfValue.V3LsaMember),
        (F("ospf.v3.lsa.nssa", "NSSA-LSA", FieldKind.Boolean, inTree: false), OspfValue.V3LsaNssa),
        (F("ospf.v3.lsa.link", "Link-LSA", FieldKind.Boolean, inTree: false), OspfValue.V3LsaLink),
        (F("ospf.v3.lsa.intraprefix", "Intra-Area-Prefix-LSA", FieldKind.Boolean, inTree: false), OspfValue.V3LsaIntraPrefix),
        (F("ospf.lsa.id", "Link State ID", FieldKind.Ipv4Address), OspfValue.LsaId),
        (F("ospf.link_state_id", "Link State ID", FieldKind.Ipv4Address), OspfValue.LinkStateId),
        (F("ospf.advrouter", "Advertising Router", FieldKind.Ipv4Address), OspfValue.AdvertisingRouter),
        (F("ospf.lsa.seqnum", "Sequence Number", FieldKind.Hex, 8), OspfValue.LsaSequence),
        (F("ospf.lsa.chksum", "Checksum", FieldKind.Hex, 4), OspfValue.LsaChecksum),
        (F("ospf.lsa.length", "Length", FieldKind.Decimal), OspfValue.LsaLength),
        (F("ospf.v2.router.lsa.flags", "Flags", FieldKind.Hex, 2), OspfValue.RouterFlags),
        (F("ospf.v2.router.lsa.flags.h", "(H) flag", FieldKind.Boolean), OspfValue.RouterFlagH),
        (F("ospf.v2.router.lsa.flags.n", "(N) flag", FieldKind.Boolean), OspfValue.RouterFlagN),
        (F("ospf.v2.router.lsa.flags.w", "(W) Wild-card multicast receiver", FieldKind.Boolean), OspfValue.RouterFlagW),
        (F("ospf.v2.router.lsa.flags.v", "(V) Virtual link endpoint", FieldKind.Boolean), OspfValue.RouterFlagV),
        (F("ospf.v2.router.lsa.flags.e", "(E) AS boundary router", FieldKind.Boolean), OspfValue.RouterFlagE),
        (F("ospf.v2.router.lsa.flags.b", "(B) Area border router", FieldKind.Boolean), OspfValue.RouterFlagB),
        (F("ospf.lsa.number_of_links", "Number of Links", FieldKind.Decimal), OspfValue.LinkCount),
        (F("ospf.lsa.router.linkid", "Link ID", FieldKind.Ipv4Address), OspfValue.LinkId),
        (F("ospf.lsa.router.linkdata", "Link Data", FieldKind.Ipv4Address), OspfValue.LinkData),
        (F("ospf.lsa.router.linktype", "Link Type", FieldKind.Decimal), OspfValue.LinkType),
        (F("ospf.lsa.router.nummetrics", "Number of Metrics", FieldKind.Decimal), OspfValue.MetricCount),
        (F("ospf.lsa.router.metric0", "0 Metric", FieldKind.Decimal), OspfValue.Metric0),
        (F("ospf.ls.metric", "Metric", FieldKind.Decimal), OspfValue.TosMetric),
        (F("ospf.lsa.network.netmask", "Netmask", FieldKind.Ipv4Address), OspfValue.NetworkLsaMask),
        (F("ospf.lsa.network.attchrtr", "Attached Router", FieldKind.Ipv4Address), OspfValue.AttachedRouter),
        (F("ospf.lsa.asbr.netmask", "Netmask", FieldKind.Ipv4Address), OspfValue.SummaryMask),
        (F("ospf.lsa.asext.netmask", "Netmask", FieldKind.Ipv4Address), OspfValue.ExternalMask),
        (F("ospf.lsa.asext.type", "External Type", FieldKind.Boolean), OspfValue.ExternalType),
        (F("ospf.lsa.tos", "TOS", FieldKind.Decimal), OspfValue.Tos),
        (F("ospf.metric", "Metric", FieldKind.Decimal), OspfValue.Metric),
        (F("ospf.lsa.asext.fwdaddr", "Forwarding Address", FieldKind.Ipv4Address), OspfValue.ForwardingAddress),
        (F("ospf.lsa.asext.extrttag", "External Route Tag", FieldKind.Decimal), OspfValue.ExternalRouteTag),
        (F("ospf.v3.router.lsa.flags", "Flags", FieldKind.Hex, 2), OspfValue.V3RouterFlags),
        (F("ospf.v3.router.lsa.flags.w", "(W) Wild-card multicast receiver", FieldKind.Boolean), OspfValue.V3RouterFlagW),
        (F("ospf.v3.router.lsa.flags.v", "(V) Virtual link endpoint", FieldKind.Boolean), OspfValue.V3RouterFlagV),
        (F("ospf.v3.router.lsa.flags.e", "(E) AS boundary router", FieldKind.Boolean), OspfValue.V3RouterFlagE),
        (F("ospf.v3.router.lsa.flags.b", "(B) Area border router", FieldKind.Boolean), OspfValue.V3RouterFlagB),
        (F("ospf.v3.lsa.type", "Type", FieldKind.Decimal), OspfValue.V3InterfaceType),
        (F("ospf.v3.lsa.interface_id", "Interface ID", FieldKind.Decimal), OspfValue.V3InterfaceId),
        (F("ospf.v3.lsa.neighbor_interface_id", "Neighbor Interface ID", FieldKind.Decimal), OspfValue.V3NeighborInterfaceId),
        (F("ospf.v3.lsa.neighbor_router_id", "Neighbor Router ID", FieldKind.Ipv4Address), OspfValue.V3NeighborRouterId),
        (F("ospf.v3.lsa.attached_router", "Attached Router", FieldKind.Ipv4Address), OspfValue.V3AttachedRouter),
        (F("ospf.lls.checksum", "Checksum", FieldKind.Hex, 4), OspfValue.LlsChecksum),
        (F("ospf.lls.data_length", "LLS Data Length", FieldKind.Decimal), OspfValue.LlsLength),
        (F("ospf.tlv_type", "TLV Type", FieldKind.Decimal), OspfValue.TlvType),
        (F("ospf.tlv_length", "TLV Length", FieldKind.Decimal), OspfValue.TlvLength),
        (F("ospf.lls.ext.options", "Options", FieldKind.Hex, 8), OspfValue.LlsOptions),
        (F("ospf.lls.ext.options.rs", "(RS) Restart Signal", FieldKind.Boolean), OspfValue.LlsOptionRs),
        (F("ospf.lls.ext.options.lr", "(LR) LSDB Resynchronization", FieldKind.Boolean), OspfValue.LlsOptionLr),
        (F("ospf.v2.lls.sequence_number", "Sequence number", FieldKind.Hex, 8), OspfValue.LlsSequence),
        (F("ospf.v2.lls.auth_data", "Auth Data", FieldKind.Bytes), OspfValue.LlsAuthData),
    ];

    /// <summary>Every OSPF field, in tree order (ospf.lsa once).</summary>
    public static readonly FieldDefinition[] All = DistinctByName();

    private static readonly FrozenDictionary<string, OspfValue[]> ValuesByName =
        FieldRows.GroupByName<(FieldDefinition Field, OspfValue Value), OspfValue>(Table, t => t.Field.Name, t => t.Value);

    // Loops, not LINQ over the table's tuples: that is not in the precompiled image (Fields/FieldRows).
    private static FieldDefinition[] DistinctByName()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fields = new List<FieldDefinition>(Table.Length);
        foreach (var (field, _) in Table)
        {
            if (seen.Add(field.Name))
                fields.Add(field);
        }
        return [.. fields];
    }

    private static readonly FieldDefinition[] ByValue = BuildByValue();

    private static FieldDefinition[] BuildByValue()
    {
        var byName = All.ToDictionary(f => f.Name);
        var result = new FieldDefinition[Enum.GetValues<OspfValue>().Length];
        foreach (var (field, value) in Table)
            result[(int)value] = byName[field.Name];
        return result;
    }

    /// <summary>The field that shows <paramref name="value"/>.</summary>
    public static FieldDefinition Of(OspfValue value) => ByValue[(int)value];

    /// <summary>True when <paramref name="field"/> shows <paramref name="value"/>.</summary>
    public static bool Shows(FieldDefinition field, OspfValue value) => ReferenceEquals(ByValue[(int)value], field);

    /// <summary>True for a field of this table.</summary>
    public static bool Contains(FieldDefinition field) => ValuesByName.ContainsKey(field.Name) && field.Computed == ComputedField.Ospf;

    private static FieldDefinition F(string name, string label, FieldKind kind, int hexDigits = 0, bool inTree = true) =>
        FieldDefinition.Derived(name, label, LayerKind.Ospf, kind, ComputedField.Ospf, hexDigits, inTree);
}
