using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Lldp;

/// <summary>
/// The LLDP field table (Wireshark "lldp"), in <see cref="LldpValue"/>'s order, every field read by
/// <see cref="LldpFieldReader"/> (<see cref="ComputedField.Lldp"/>) from the values <see cref="LldpWalk"/> lists: each
/// occurs once per TLV that carries it, in PDU order, as <c>tshark -T fields</c> lists them; the tree lists them in the
/// walk's order (<see cref="FieldWalkItems{TWalk, TValue}"/>).
/// </summary>
public readonly struct LldpFields : IFieldWalk<LldpValue>
{
    private static readonly FieldValueTable<LldpValue> Table = new(
    [
        (D("lldp.tlv.type", "TLV Type", FieldKind.Decimal), LldpValue.TlvType),
        (D("lldp.tlv.len", "TLV Length", FieldKind.Decimal), LldpValue.TlvLength),
        (D("lldp.chassis.subtype", "Chassis Id Subtype", FieldKind.Decimal), LldpValue.ChassisSubtype),
        (D("lldp.chassis.id", "Chassis Id", FieldKind.Bytes), LldpValue.ChassisId),
        (D("lldp.chassis.id.mac", "Chassis Id", FieldKind.MacAddress), LldpValue.ChassisIdMac),
        (D("lldp.chassis.id.ip4", "Chassis Id", FieldKind.Ipv4Address), LldpValue.ChassisIdIpv4),
        (D("lldp.chassis.id.ip6", "Chassis Id", FieldKind.Ipv6Address), LldpValue.ChassisIdIpv6),
        (D("lldp.network_address.subtype", "Network Address family", FieldKind.Decimal), LldpValue.NetworkAddressFamily),
        (D("lldp.port.subtype", "Port Id Subtype", FieldKind.Decimal), LldpValue.PortSubtype),
        (D("lldp.port.id", "Port Id", FieldKind.Text), LldpValue.PortId),
        (D("lldp.port.id.mac", "Port Id", FieldKind.MacAddress), LldpValue.PortIdMac),
        (D("lldp.port.id.ip4", "Port Id", FieldKind.Ipv4Address), LldpValue.PortIdIpv4),
        (D("lldp.port.id.ip6", "Port Id", FieldKind.Ipv6Address), LldpValue.PortIdIpv6),
        (D("lldp.time_to_live", "Seconds", FieldKind.Decimal), LldpValue.TimeToLive),
        (D("lldp.port.desc", "Port Description", FieldKind.Text), LldpValue.PortDescription),
        (D("lldp.tlv.system.name", "System Name", FieldKind.Text), LldpValue.SystemName),
        (D("lldp.tlv.system.desc", "System Description", FieldKind.Text), LldpValue.SystemDescription),
        (D("lldp.tlv.system_cap", "Capabilities", FieldKind.Hex, 4), LldpValue.SystemCapabilities),
        (D("lldp.tlv.system_cap.other", "Other", FieldKind.Boolean), LldpValue.CapabilityOther),
        (D("lldp.tlv.system_cap.repeater", "Repeater", FieldKind.Boolean), LldpValue.CapabilityRepeater),
        (D("lldp.tlv.system_cap.bridge", "Bridge", FieldKind.Boolean), LldpValue.CapabilityBridge),
        (D("lldp.tlv.system_cap.wlan_access_pt", "WLAN access point", FieldKind.Boolean), LldpValue.CapabilityWlan),
        (D("lldp.tlv.system_cap.router", "Router", FieldKind.Boolean), LldpValue.CapabilityRouter),
        (D("lldp.tlv.system_cap.telephone", "Telephone", FieldKind.Boolean), LldpValue.CapabilityTelephone),
        (D("lldp.tlv.system_cap.docsis_cable_device", "DOCSIS cable device", FieldKind.Boolean), LldpValue.CapabilityDocsis),
        (D("lldp.tlv.system_cap.station_only", "Station only", FieldKind.Boolean), LldpValue.CapabilityStation),
        (D("lldp.tlv.enable_system_cap", "Enabled Capabilities", FieldKind.Hex, 4), LldpValue.EnabledCapabilities),
        (D("lldp.tlv.enable_system_cap.other", "Other", FieldKind.Boolean), LldpValue.EnabledOther),
        (D("lldp.tlv.enable_system_cap.repeater", "Repeater", FieldKind.Boolean), LldpValue.EnabledRepeater),
        (D("lldp.tlv.enable_system_cap.bridge", "Bridge", FieldKind.Boolean), LldpValue.EnabledBridge),
        (D("lldp.tlv.enable_system_cap.wlan_access_pt", "WLAN access point", FieldKind.Boolean), LldpValue.EnabledWlan),
        (D("lldp.tlv.enable_system_cap.router", "Router", FieldKind.Boolean), LldpValue.EnabledRouter),
        (D("lldp.tlv.enable_system_cap.telephone", "Telephone", FieldKind.Boolean), LldpValue.EnabledTelephone),
        (D("lldp.tlv.enable_system_cap.docsis_cable_device", "DOCSIS cable device", FieldKind.Boolean), LldpValue.EnabledDocsis),
        (D("lldp.tlv.enable_system_cap.station_only", "Station only", FieldKind.Boolean), LldpValue.EnabledStation),
        (D("lldp.mgn.address.len", "Address String Length", FieldKind.Decimal), LldpValue.ManagementAddressLength),
        (D("lldp.mgn.address.subtype", "Address Subtype", FieldKind.Decimal), LldpValue.ManagementAddressSubtype),
        (D("lldp.mgn.addr.ip4", "Management Address", FieldKind.Ipv4Address), LldpValue.ManagementAddressIpv4),
        (D("lldp.mgn.addr.ip6", "Management Address", FieldKind.Ipv6Address), LldpValue.ManagementAddressIpv6),
        (D("lldp.mgn.addr.hex", "Management Address", FieldKind.Bytes), LldpValue.ManagementAddressHex),
        (D("lldp.mgn.interface.subtype", "Interface Subtype", FieldKind.Decimal), LldpValue.ManagementInterfaceSubtype),
        (D("lldp.mgn.interface.number", "Interface Number", FieldKind.Decimal), LldpValue.ManagementInterfaceNumber),
        (D("lldp.mgn.obj.len", "OID String Length", FieldKind.Decimal), LldpValue.ManagementOidLength),
        (D("lldp.mgn.obj.id", "Object Identifier", FieldKind.BuiltText), LldpValue.ManagementOid),
        (D("lldp.orgtlv.oui", "Organization Unique Code", FieldKind.Decimal), LldpValue.OrganizationOui),
        (D("lldp.ieee.802_1.subtype", "IEEE 802.1 Subtype", FieldKind.Hex, 2), LldpValue.Ieee8021Subtype),
        (D("lldp.ieee.802_1.port_vlan.id", "Port VLAN Identifier", FieldKind.Decimal), LldpValue.PortVlanId),
        (D("lldp.ieee.802_1.port_and_vlan_id_flag", "Flags", FieldKind.Hex, 2), LldpValue.PortProtocolVlanFlags),
        (D("lldp.ieee.802_1.port_and_vlan_id_flag.supported", "Port and Protocol VLAN", FieldKind.Boolean), LldpValue.PortProtocolVlanSupported),
        (D("lldp.ieee.802_1.port_and_vlan_id_flag.enabled", "Port and Protocol VLAN", FieldKind.Boolean), LldpValue.PortProtocolVlanEnabled),
        (D("lldp.ieee.802_1.port_proto_vlan.id", "Port and Protocol VLAN Identifier", FieldKind.Decimal), LldpValue.PortProtocolVlanId),
        (D("lldp.ieee.802_1.vlan.id", "VLAN Identifier", FieldKind.Decimal), LldpValue.VlanId),
        (D("lldp.ieee.802_1.vlan.name_len", "VLAN Name Length", FieldKind.Decimal), LldpValue.VlanNameLength),
        (D("lldp.ieee.802_1.vlan.name", "VLAN Name", FieldKind.Text), LldpValue.VlanName),
        (D("lldp.ieee.802_1.proto.id_length", "Protocol Identity Length", FieldKind.Decimal), LldpValue.ProtocolIdentityLength),
        (D("lldp.ieee.802_1.proto.id", "Protocol Identity", FieldKind.Bytes), LldpValue.ProtocolIdentity),
        (D("lldp.ieee.802_1.aggregation_status", "Aggregation Status", FieldKind.Hex, 2), LldpValue.Ieee8021AggregationStatus),
        (D("lldp.ieee.802_1.aggregation_status.cap", "Aggregation Capability", FieldKind.Boolean), LldpValue.Ieee8021AggregationCapable),
        (D("lldp.ieee.802_1.aggregation_status.enabled", "Aggregation Status", FieldKind.Boolean), LldpValue.Ieee8021AggregationEnabled),
        (D("lldp.ieee.802_1.aggregation_status.porttype", "Aggregation Status", FieldKind.Decimal), LldpValue.Ieee8021AggregationPortType),
        (D("lldp.ieee.802_1.aggregated_port_id", "Aggregated Port Id", FieldKind.Decimal), LldpValue.Ieee8021AggregatedPortId),
        (D("lldp.ieee.802_3.subtype", "IEEE 802.3 Subtype", FieldKind.Hex, 2), LldpValue.Ieee8023Subtype),
        (D("lldp.ieee.802_3.mac_phy_auto_neg_status", "Auto-Negotiation Support/Status", FieldKind.Hex, 2), LldpValue.AutoNegotiationStatus),
        (D("lldp.ieee.802_3.mac_phy_auto_neg_status.supported", "Auto-Negotiation", FieldKind.Boolean), LldpValue.AutoNegotiationSupported),
        (D("lldp.ieee.802_3.mac_phy_auto_neg_status.enabled", "Auto-Negotiation", FieldKind.Boolean), LldpValue.AutoNegotiationEnabled),
        (D("lldp.ieee.802_3.pmd_auto_neg_advertised_caps", "PMD Auto-Negotiation Advertised Capability", FieldKind.Hex, 4), LldpValue.AdvertisedCapabilities),
        (D("lldp.ieee.802_3.pmd_mau_type", "Operational MAU Type", FieldKind.Hex, 4), LldpValue.OperationalMauType),
        (D("lldp.ieee.802_3.mdi_power_support", "MDI Power Support", FieldKind.Hex, 2), LldpValue.MdiPowerSupport),
        (D("lldp.ieee.802_3.mdi_power_support.port_class", "Port Class", FieldKind.Boolean), LldpValue.MdiPortClass),
        (D("lldp.ieee.802_3.mdi_power_support.supported", "PSE MDI Power", FieldKind.Boolean), LldpValue.MdiPsePowerSupported),
        (D("lldp.ieee.802_3.mdi_power_support.enabled", "PSE MDI Power", FieldKind.Boolean), LldpValue.MdiPsePowerEnabled),
        (D("lldp.ieee.802_3.mdi_power_support.pse_pairs", "PSE Pairs Control Ability", FieldKind.Boolean), LldpValue.MdiPsePairsControl),
        (D("lldp.ieee.802_3.mdi_pse_pair", "PSE Power Pair", FieldKind.Decimal), LldpValue.MdiPsePowerPair),
        (D("lldp.ieee.802_3.mdi_power_class", "Power Class", FieldKind.Decimal), LldpValue.MdiPowerClass),
        (D("lldp.ieee.802_3.mdi_power_type", "Power Type", FieldKind.Decimal), LldpValue.MdiPowerType),
        (D("lldp.ieee.802_3.mdi_power_source", "Power Source", FieldKind.Decimal), LldpValue.MdiPowerSource),
        (D("lldp.ieee.802_3.mdi_power_priority", "Power Priority", FieldKind.Decimal), LldpValue.MdiPowerPriority),
        (D("lldp.ieee.802_3.mdi_pde_requested", "PD Requested Power Value", FieldKind.Decimal), LldpValue.MdiRequestedPower),
        (D("lldp.ieee.802_3.mdi_pse_allocated", "PSE Allocated Power Value", FieldKind.Decimal), LldpValue.MdiAllocatedPower),
        (D("lldp.ieee.802_3.aggregation_status", "Aggregation Status", FieldKind.Hex, 2), LldpValue.Ieee8023AggregationStatus),
        (D("lldp.ieee.802_3.aggregation_status.cap", "Aggregation Capability", FieldKind.Boolean), LldpValue.Ieee8023AggregationCapable),
        (D("lldp.ieee.802_3.aggregation_status.enabled", "Aggregation Status", FieldKind.Boolean), LldpValue.Ieee8023AggregationEnabled),
        (D("lldp.ieee.802_3.aggregated_port_id", "Aggregated Port Id", FieldKind.Decimal), LldpValue.Ieee8023AggregatedPortId),
        (D("lldp.ieee.802_3.max_frame_size", "Maximum Frame Size", FieldKind.Decimal), LldpValue.MaximumFrameSize),
        (D("lldp.unknown_subtype", "Unknown Subtype", FieldKind.Decimal), LldpValue.UnknownSubtype),
        (D("lldp.unknown_subtype.content", "Unknown Subtype Content", FieldKind.Bytes), LldpValue.UnknownSubtypeContent),
    ]);

    /// <summary>The definitions, in tshark's tree order.</summary>
    public static FieldDefinition[] All => Table.All;

    /// <summary>Which value a field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out LldpValue value) => Table.TryGetValue(field, out value);

    /// <inheritdoc/>
    public static void Walk<TVisitor>(ReadOnlySpan<byte> bytes, int reported, ref TVisitor visitor)
        where TVisitor : struct, IItemVisitor<LldpValue>, allows ref struct => LldpWalk.Run(bytes, reported, ref visitor, out _, out _);

    /// <inheritdoc/>
    public static FieldDefinition? FieldOf(LldpValue which) => which < LldpValue.InfoId ? All[(int)which] : null;

    /// <summary>Each TLV's items below its heading, a flags word's bits below the word.</summary>
    public static int DepthOf(in WalkItem<LldpValue> item) => item.Which switch
    {
        >= LldpValue.CapabilityOther and <= LldpValue.CapabilityStation or >= LldpValue.EnabledOther and <= LldpValue.EnabledStation
            or LldpValue.PortProtocolVlanSupported or LldpValue.PortProtocolVlanEnabled
            or >= LldpValue.Ieee8021AggregationCapable and <= LldpValue.Ieee8021AggregationPortType
            or LldpValue.AutoNegotiationSupported or LldpValue.AutoNegotiationEnabled
            or >= LldpValue.MdiPortClass and <= LldpValue.MdiPsePairsControl
            or LldpValue.Ieee8023AggregationCapable or LldpValue.Ieee8023AggregationEnabled => 2,
        _ => 1,
    };

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Lldp, kind, ComputedField.Lldp, hexDigits);
}

/// <summary>Reads LLDP's fields (<see cref="ComputedField.Lldp"/>): occurrence N of a field is the N-th value of its kind in <see cref="LldpWalk"/>'s order.</summary>
public static class LldpFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Lldp;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the PDU's captured bytes
    /// <paramref name="pdu"/>, of which the frame has <paramref name="reported"/>; offsets are made absolute with
    /// <paramref name="layerOffset"/>.
    /// </summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> pdu, int reported, int layerOffset, int occurrence, out FieldValue value) =>
        FieldWalk.TryRead<LldpFields, LldpValue>(field, pdu, reported, layerOffset, occurrence, out value);

    /// <summary>
    /// An object identifier (lldp.mgn.obj.id) as tshark writes a BER-encoded OID (<see cref="Snmp.SnmpOid"/>, which
    /// SNMP's OIDs share); an empty one writes nothing. False when it does not fit.
    /// </summary>
    public static bool TryFormatOid(in FieldValue value, ReadOnlySpan<byte> buffer, Span<char> destination, out int written)
    {
        written = 0;
        if ((uint)value.Offset > (uint)buffer.Length || (uint)value.Length > (uint)(buffer.Length - value.Offset))
            return false;
        return value.Length == 0 || Snmp.SnmpOid.TryFormat(buffer.Slice(value.Offset, value.Length), destination, out written);
    }
}
