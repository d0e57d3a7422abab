using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Vtp;

/// <summary>
/// The VTP field table (Wireshark "vtp"), in <see cref="VtpValue"/>'s order, every field read by
/// <see cref="VtpFieldReader"/> (<see cref="ComputedField.Vtp"/>) from the values <see cref="VtpWalk"/> lists: the
/// header's once, a VLAN entry's or TLV's once per entry or TLV that carries it, in PDU order, as <c>tshark -T fields</c> lists them;
/// the tree lists them in the walk's order (<see cref="FieldWalkItems{TWalk, TValue}"/>).
/// </summary>
public readonly struct VtpFields : IFieldWalk<VtpValue>
{
    private static readonly FieldValueTable<VtpValue> Table = new(
    [
        (D("vtp.version", "Version", FieldKind.Hex, 2), VtpValue.Version),
        (D("vtp.code", "Code", FieldKind.Hex, 2), VtpValue.Code),
        (D("vtp.followers", "Followers", FieldKind.Decimal), VtpValue.Followers),
        (D("vtp.md_len", "Management Domain Length", FieldKind.Decimal), VtpValue.ManagementDomainLength),
        (D("vtp.md", "Management Domain", FieldKind.Text), VtpValue.ManagementDomain),
        (D("vtp.conf_rev_num", "Configuration Revision Number", FieldKind.Decimal), VtpValue.ConfigurationRevision),
        (D("vtp.upd_id", "Updater Identity", FieldKind.Ipv4Address), VtpValue.UpdaterIdentity),
        (D("vtp.upd_ts", "Update Timestamp", FieldKind.Text), VtpValue.UpdateTimestamp),
        (D("vtp.md5_digest", "MD5 Digest", FieldKind.Bytes), VtpValue.Md5Digest),
        (D("vtp.seq_num", "Sequence Number", FieldKind.Decimal), VtpValue.SequenceNumber),
        (D("vtp.start_value", "Start Value", FieldKind.Hex, 4), VtpValue.StartValue),
        (D("vtp.vlan_info.len", "VLAN Information Length", FieldKind.Decimal), VtpValue.VlanInfoLength),
        (D("vtp.vlan_info.status", "Status", FieldKind.Hex, 2), VtpValue.VlanStatus),
        (D("vtp.vlan_info.status.vlan_susp", "VLAN suspended", FieldKind.Boolean), VtpValue.VlanSuspended),
        (D("vtp.vlan_info.vlan_type", "VLAN Type", FieldKind.Hex, 2), VtpValue.VlanType),
        (D("vtp.vlan_info.vlan_name_len", "VLAN Name Length", FieldKind.Decimal), VtpValue.VlanNameLength),
        (D("vtp.vlan_info.isl_vlan_id", "ISL VLAN ID", FieldKind.Hex, 4), VtpValue.IslVlanId),
        (D("vtp.vlan_info.mtu_size", "MTU Size", FieldKind.Decimal), VtpValue.MtuSize),
        (D("vtp.vlan_info.802_10_index", "802.10 Index", FieldKind.Hex, 8), VtpValue.Index80210),
        (D("vtp.vlan_info.vlan_name", "VLAN Name", FieldKind.Text), VtpValue.VlanName),
        (D("vtp.vlan_info.tlv_type", "Type", FieldKind.Hex, 2), VtpValue.VlanTlvType),
        (D("vtp.vlan_info.tlv_len", "Length", FieldKind.Decimal), VtpValue.VlanTlvLength),
        (D("vtp.pruning.first", "First VLAN ID", FieldKind.Decimal), VtpValue.PruningFirst),
        (D("vtp.pruning.last", "Last VLAN ID", FieldKind.Decimal), VtpValue.PruningLast),
        (D("vtp.pruning.active", "VLAN", FieldKind.Decimal), VtpValue.PruningActive),
        (D("vtp.vlan_info.src_route_ring_num", "Source-Routing Ring Number", FieldKind.Hex, 4), VtpValue.SourceRoutingRingNumber),
        (D("vtp.vlan_info.src_route_bridge_num", "Source-Routing Bridge Number", FieldKind.Hex, 4), VtpValue.SourceRoutingBridgeNumber),
        (D("vtp.vlan_info.stp_type", "Spanning-Tree Protocol Type", FieldKind.Hex, 4), VtpValue.StpType),
        (D("vtp.vlan_info.parent_vlan", "Parent VLAN", FieldKind.Hex, 4), VtpValue.ParentVlan),
        (D("vtp.vlan_info.translationally_bridged_vlans", "Translationally Bridged VLANs", FieldKind.Hex, 4), VtpValue.TranslationallyBridgedVlans),
        (D("vtp.vlan_info.pruning", "Pruning", FieldKind.Hex, 4), VtpValue.Pruning),
        (D("vtp.vlan_info.bridge_type", "Bridge Type", FieldKind.Hex, 4), VtpValue.BridgeType),
        (D("vtp.vlan_info.max_are_hop_count", "Max ARE Hop Count", FieldKind.Decimal), VtpValue.MaxAreHopCount),
        (D("vtp.vlan_info.max_ste_hop_count", "Max STE Hop Count", FieldKind.Decimal), VtpValue.MaxSteHopCount),
        (D("vtp.vlan_info.backup_crf_mode", "Backup CRF Mode", FieldKind.Hex, 4), VtpValue.BackupCrfMode),
        (D("vtp.vlan_info.data", "Data", FieldKind.Bytes), VtpValue.VlanData),
        (D("vtp.reserved", "Reserved", FieldKind.Bytes), VtpValue.Reserved),
    ]);

    /// <summary>The definitions, in tshark's tree order.</summary>
    public static FieldDefinition[] All => Table.All;

    /// <summary>Which value a field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out VtpValue value) => Table.TryGetValue(field, out value);

    /// <inheritdoc/>
    public static void Walk<TVisitor>(ReadOnlySpan<byte> bytes, int reported, ref TVisitor visitor)
        where TVisitor : struct, IItemVisitor<VtpValue>, allows ref struct => VtpWalk.Run(bytes, reported, ref visitor, out _);

    /// <inheritdoc/>
    public static FieldDefinition? FieldOf(VtpValue which) => which < VtpValue.ExpertTlvLengthBad ? All[(int)which] : null;

    /// <summary>The VLAN entries' and TLVs' own headings are not listed, so their items stand at the top; the suspended bit below the status.</summary>
    public static int DepthOf(in WalkItem<VtpValue> item) => item.Which is VtpValue.VlanSuspended ? 1 : 0;

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Vtp, kind, ComputedField.Vtp, hexDigits);
}

/// <summary>Reads VTP's fields (<see cref="ComputedField.Vtp"/>): occurrence N of a field is the N-th value of its kind in <see cref="VtpWalk"/>'s order.</summary>
public static class VtpFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Vtp;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the PDU's captured bytes
    /// <paramref name="pdu"/>, of which the frame has <paramref name="reported"/>; offsets are made absolute with
    /// <paramref name="layerOffset"/>.
    /// </summary>
    public static bool TryRead(FieldDefinition field, ReadOnlySpan<byte> pdu, int reported, int layerOffset, int occurrence, out FieldValue value) =>
        FieldWalk.TryRead<VtpFields, VtpValue>(field, pdu, reported, layerOffset, occurrence, out value);
}
