using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Cdp;

/// <summary>
/// The CDP field table (Wireshark "cdp"), in <see cref="CdpValue"/>'s order, every field read by
/// <see cref="CdpFieldReader"/> (<see cref="ComputedField.Cdp"/>) from the values <see cref="CdpWalk"/> lists: each
/// occurs once per TLV (or record) that carries it, in PDU order, as <c>tshark -T fields</c> lists them; the tree lists
/// them in the walk's order (<see cref="FieldWalkItems{TWalk, TValue}"/>).
/// </summary>
public readonly struct CdpFields : IFieldWalk<CdpValue>
{
    private static readonly FieldValueTable<CdpValue> Table = new(
    [
        (D("cdp.version", "Version", FieldKind.Decimal), CdpValue.Version),
        (D("cdp.ttl", "TTL", FieldKind.Decimal), CdpValue.Ttl),
        (D("cdp.checksum", "Checksum", FieldKind.Hex, 4), CdpValue.Checksum),
        (D("cdp.checksum.status", "Checksum Status", FieldKind.Decimal), CdpValue.ChecksumStatus),
        (D("cdp.tlv.type", "Type", FieldKind.Hex, 4), CdpValue.TlvType),
        (D("cdp.tlv.len", "Length", FieldKind.Decimal), CdpValue.TlvLength),
        (D("cdp.deviceid", "Device ID", FieldKind.Text), CdpValue.DeviceId),
        (D("cdp.portid", "Sent through Interface", FieldKind.Text), CdpValue.PortId),
        (D("cdp.number_of_addresses", "Number of addresses", FieldKind.Decimal), CdpValue.NumberOfAddresses),
        (D("cdp.protocol_type", "Protocol type", FieldKind.Hex, 2), CdpValue.ProtocolType),
        (D("cdp.protocol_length", "Protocol length", FieldKind.Decimal), CdpValue.ProtocolLength),
        (D("cdp.protocol", "Protocol", FieldKind.Bytes), CdpValue.Protocol),
        (D("cdp.address_length", "Address length", FieldKind.Decimal), CdpValue.AddressLength),
        (D("cdp.address", "Address", FieldKind.Bytes), CdpValue.Address),
        (D("cdp.nrgyz.ip_address", "IP Address", FieldKind.Ipv4Address), CdpValue.IpAddress),
        (D("cdp.nrgyz.ipv6_address", "IPv6 Address", FieldKind.Ipv6Address), CdpValue.Ipv6Address),
        (D("cdp.capabilities", "Capabilities", FieldKind.Hex, 8), CdpValue.Capabilities),
        (D("cdp.capabilities.router", "Router", FieldKind.Boolean), CdpValue.CapabilityRouter),
        (D("cdp.capabilities.trans_bridge", "Transparent Bridge", FieldKind.Boolean), CdpValue.CapabilityTransparentBridge),
        (D("cdp.capabilities.src_bridge", "Source Route Bridge", FieldKind.Boolean), CdpValue.CapabilitySourceRouteBridge),
        (D("cdp.capabilities.switch", "Switch", FieldKind.Boolean), CdpValue.CapabilitySwitch),
        (D("cdp.capabilities.host", "Host", FieldKind.Boolean), CdpValue.CapabilityHost),
        (D("cdp.capabilities.igmp_capable", "IGMP capable", FieldKind.Boolean), CdpValue.CapabilityIgmp),
        (D("cdp.capabilities.repeater", "Repeater", FieldKind.Boolean), CdpValue.CapabilityRepeater),
        (D("cdp.capabilities.voip_phone", "VoIP Phone", FieldKind.Boolean), CdpValue.CapabilityVoipPhone),
        (D("cdp.capabilities.remote", "Remotely Managed Device", FieldKind.Boolean), CdpValue.CapabilityRemote),
        (D("cdp.capabilities.cvta", "CVTA/STP Dispute Resolution/Cisco VT Camera", FieldKind.Boolean), CdpValue.CapabilityCvta),
        (D("cdp.capabilities.mac_relay", "Two Port Mac Relay", FieldKind.Boolean), CdpValue.CapabilityMacRelay),
        (D("cdp.software_version", "Software version", FieldKind.BuiltText), CdpValue.SoftwareVersion),
        (D("cdp.platform", "Platform", FieldKind.Text), CdpValue.Platform),
        (D("cdp.odr_default_gateway", "ODR Default gateway", FieldKind.Ipv4Address), CdpValue.OdrDefaultGateway),
        (D("cdp.ip_prefix", "IP Prefix", FieldKind.BuiltText), CdpValue.IpPrefix),
        (D("cdp.oui", "OUI", FieldKind.Decimal), CdpValue.Oui),
        (D("cdp.protocol_id", "Protocol ID", FieldKind.Hex, 4), CdpValue.ProtocolId),
        (D("cdp.cluster.master_ip", "Cluster Master IP", FieldKind.Ipv4Address), CdpValue.ClusterMasterIp),
        (D("cdp.cluster.ip", "IP?", FieldKind.Ipv4Address), CdpValue.ClusterIp),
        (D("cdp.cluster.version", "Version?", FieldKind.Hex, 2), CdpValue.ClusterVersion),
        (D("cdp.cluster.sub_version", "Sub Version?", FieldKind.Hex, 2), CdpValue.ClusterSubVersion),
        (D("cdp.cluster.status", "Status?", FieldKind.Hex, 2), CdpValue.ClusterStatus),
        (D("cdp.cluster.unknown", "UNKNOWN", FieldKind.Hex, 2), CdpValue.ClusterUnknown),
        (D("cdp.cluster.commander_mac", "Cluster Commander MAC", FieldKind.MacAddress), CdpValue.ClusterCommanderMac),
        (D("cdp.cluster.switch_mac", "Switch's MAC", FieldKind.MacAddress), CdpValue.ClusterSwitchMac),
        (D("cdp.cluster.management_vlan", "Management VLAN", FieldKind.Decimal), CdpValue.ClusterManagementVlan),
        (D("cdp.hello.unknown", "Unknown", FieldKind.Bytes), CdpValue.HelloUnknown),
        (D("cdp.vtp_management_domain", "VTP Management Domain", FieldKind.Text), CdpValue.VtpManagementDomain),
        (D("cdp.native_vlan", "Native VLAN", FieldKind.Decimal), CdpValue.NativeVlan),
        (D("cdp.duplex", "Duplex", FieldKind.Boolean), CdpValue.Duplex),
        (D("cdp.data", "Data", FieldKind.Bytes), CdpValue.Data),
        (D("cdp.voice_vlan", "Voice VLAN", FieldKind.Decimal), CdpValue.VoiceVlan),
        (D("cdp.power_consumption", "Power Consumption", FieldKind.Decimal), CdpValue.PowerConsumption),
        (D("cdp.mtu", "MTU", FieldKind.Decimal), CdpValue.Mtu),
        (D("cdp.trust_bitmap", "Trust Bitmap", FieldKind.Hex, 2), CdpValue.TrustBitmap),
        (D("cdp.untrusted_port_cos", "Untrusted port CoS", FieldKind.Hex, 2), CdpValue.UntrustedPortCos),
        (D("cdp.system_name", "System Name", FieldKind.Text), CdpValue.SystemName),
        (D("cdp.system_object_identifier", "System Object Identifier", FieldKind.Bytes), CdpValue.SystemObjectIdentifier),
        (D("cdp.location.unknown", "UNKNOWN", FieldKind.Hex, 2), CdpValue.LocationUnknown),
        (D("cdp.location", "Location", FieldKind.Text), CdpValue.Location),
        (D("cdp.request_id", "Request-ID", FieldKind.Decimal), CdpValue.RequestId),
        (D("cdp.management_id", "Management-ID", FieldKind.Decimal), CdpValue.ManagementId),
        (D("cdp.power_requested", "Power Requested", FieldKind.Decimal), CdpValue.PowerRequested),
        (D("cdp.power_available", "Power Available", FieldKind.Decimal), CdpValue.PowerAvailable),
        (D("cdp.spare_poe_tlv", "Spare Pair PoE", FieldKind.Hex, 2), CdpValue.SparePoe),
        (D("cdp.spare_poe_tlv.poe", "PSE Four-Wire PoE", FieldKind.Boolean), CdpValue.SparePoeFourWire),
        (D("cdp.spare_poe_tlv.spare_pair_arch", "PD Spare Pair Architecture", FieldKind.Boolean), CdpValue.SparePoeArchitecture),
        (D("cdp.spare_poe_tlv.req_spare_pair_poe", "PD Request Spare Pair PoE", FieldKind.Boolean), CdpValue.SparePoeRequest),
        (D("cdp.spare_poe_tlv.pse_spare_pair_poe", "PSE Spare Pair PoE", FieldKind.Boolean), CdpValue.SparePoePse),
        (D("cdp.encrypted_data", "Encrypted Data", FieldKind.Bytes), CdpValue.EncryptedData),
        (D("cdp.seen_sequence", "Seen Sequence?", FieldKind.Decimal), CdpValue.SeenSequence),
        (D("cdp.sequence_number", "Sequence Number", FieldKind.Decimal), CdpValue.SequenceNumber),
        (D("cdp.model_number", "Model Number", FieldKind.Text), CdpValue.ModelNumber),
        (D("cdp.unknown_pad", "Unknown Pad", FieldKind.Hex, 4), CdpValue.UnknownPad),
        (D("cdp.hardware_version_id", "Hardware Version ID", FieldKind.Text), CdpValue.HardwareVersionId),
        (D("cdp.system_serial_number", "System Serial Number", FieldKind.Text), CdpValue.SystemSerialNumber),
        (D("cdp.nrgyz_unknown_values", "Unknown Values", FieldKind.Bytes), CdpValue.EnergyWiseUnknownValues),
        (D("cdp.len_tlv_table", "Length of TLV table", FieldKind.Decimal), CdpValue.EnergyWiseTableLength),
        (D("cdp.num_tlvs_table", "Number of TLVs in table", FieldKind.Decimal), CdpValue.EnergyWiseTableCount),
        (D("cdp.nrgyz.tlv.type", "TLV Type", FieldKind.Hex, 8), CdpValue.EnergyWiseTlvType),
        (D("cdp.nrgyz.tlv.len", "TLV Length", FieldKind.Decimal), CdpValue.EnergyWiseTlvLength),
        (D("cdp.nrgyz_reply_to.role", "Role", FieldKind.Text), CdpValue.EnergyWiseRole),
        (D("cdp.nrgyz_reply_to.domain", "Domain", FieldKind.Text), CdpValue.EnergyWiseDomain),
        (D("cdp.nrgyz_reply_to.name", "Name", FieldKind.Text), CdpValue.EnergyWiseName),
        (D("cdp.nrgyz_reply_to.unknown_field", "Unknown Field", FieldKind.Hex, 4), CdpValue.EnergyWiseReplyUnknown),
        (D("cdp.nrgyz_reply_to.port", "Port", FieldKind.Decimal), CdpValue.EnergyWisePort),
        (D("cdp.nrgyz_reply_to.ip_address", "IP Address", FieldKind.Ipv4Address), CdpValue.EnergyWiseIpAddress),
        (D("cdp.nrgyz_reply_to.backup_server_port", "Backup server Port?", FieldKind.Decimal), CdpValue.EnergyWiseBackupPort),
        (D("cdp.nrgyz_reply_to.backup_server_ip", "Backup Server IP?", FieldKind.Ipv4Address), CdpValue.EnergyWiseBackupIp),
    ]);

    /// <summary>The definitions, in tshark's tree order.</summary>
    public static FieldDefinition[] All => Table.All;

    /// <summary>Which value a field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out CdpValue value) => Table.TryGetValue(field, out value);

    /// <inheritdoc/>
    public static void Walk<TVisitor>(ReadOnlySpan<byte> bytes, int reported, ref TVisitor visitor)
        where TVisitor : struct, IItemVisitor<CdpValue>, allows ref struct => CdpWalk.Run(bytes, reported, ref visitor, out _, out _);

    /// <inheritdoc/>
    public static FieldDefinition? FieldOf(CdpValue which) => which < CdpValue.InfoId ? All[(int)which] : null;

    /// <summary>
    /// The header's and the TLVs' items stand at the top (the TLVs' own headings are not listed); an address record's, a
    /// flags word's and an EnergyWise entry's items below them.
    /// </summary>
    public static int DepthOf(in WalkItem<CdpValue> item) => item.Which switch
    {
        >= CdpValue.ProtocolType and <= CdpValue.Ipv6Address or >= CdpValue.CapabilityRouter and <= CdpValue.CapabilityMacRelay
            or >= CdpValue.SparePoeFourWire and <= CdpValue.SparePoePse or >= CdpValue.EnergyWiseTlvType and <= CdpValue.EnergyWiseBackupIp => 1,
        _ => 0,
    };

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Cdp, kind, ComputedField.Cdp, hexDigits);
}

/// <summary>Reads CDP's fields (<see cref="ComputedField.Cdp"/>): occurrence N of a field is the N-th value of its kind in <see cref="CdpWalk"/>'s order.</summary>
public static class CdpFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Cdp;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the PDU's captured bytes
    /// <paramref name="pdu"/>, of which the frame has <paramref name="reported"/>; offsets are made absolute with
    /// <paramref name="layerOffset"/>.
    /// </summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> pdu, int reported, int layerOffset, int occurrence, out FieldValue value) =>
        FieldWalk.TryRead<CdpFields, CdpValue>(field, pdu, reported, layerOffset, occurrence, out value);

    /// <summary>
    /// The texts tshark builds: cdp.ip_prefix, whose value tshark takes from the bytes in host order and shows as an
    /// address (the prefix's bytes written from the last to the first, "0.0.1.10" for 10.1.0.0), and a software version
    /// line, which tshark stores as format_text writes it ("\035" for a control byte). False when it does not fit.
    /// </summary>
    public static bool TryFormat(FieldDefinition field, in FieldValue value, ReadOnlySpan<byte> buffer, Span<char> destination, out int written)
    {
        written = 0;
        if (field.Name == "cdp.software_version")
        {
            if ((uint)value.Offset > (uint)buffer.Length || (uint)value.Length > (uint)(buffer.Length - value.Offset))
                return false;
            return FieldText.TryWriteFormatText(buffer.Slice(value.Offset, value.Length), destination, out written);
        }
        Span<byte> address = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(address, (uint)value.Number);
        return FieldFormatter.TryFormatIpv4(address, destination, out written);
    }
}
