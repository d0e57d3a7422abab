using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using Flag = RawNet.Protocols.L2tp.L2tpHeader.Flag;

namespace RawNet.Protocols.L2tp;

/// <summary>
/// Field table of the L2TPv2 layer under Wireshark's names ("l2tp"): the flags and the header fields they say are
/// there, then, one occurrence per AVP of a control message, the AVPs' common fields and the message type.
/// </summary>
public static class L2tpFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("l2tp.flags", "Flags", LayerKind.L2tp, L2tpHeader.Field.Flags, 2, FieldKind.Hex),
        FieldDefinition.Fixed("l2tp.type", "Type", LayerKind.L2tp, L2tpHeader.Field.Flags, 2, FieldKind.Decimal, Flag.Type),
        FieldDefinition.Fixed("l2tp.length_bit", "Length Bit", LayerKind.L2tp, L2tpHeader.Field.Flags, 2, FieldKind.Boolean, Flag.Length),
        FieldDefinition.Fixed("l2tp.seq_bit", "Sequence Bit", LayerKind.L2tp, L2tpHeader.Field.Flags, 2, FieldKind.Boolean, Flag.Sequence),
        FieldDefinition.Fixed("l2tp.offset_bit", "Offset bit", LayerKind.L2tp, L2tpHeader.Field.Flags, 2, FieldKind.Boolean, Flag.Offset),
        FieldDefinition.Fixed("l2tp.priority", "Priority", LayerKind.L2tp, L2tpHeader.Field.Flags, 2, FieldKind.Boolean, Flag.Priority),
        FieldDefinition.Fixed("l2tp.version", "Version", LayerKind.L2tp, L2tpHeader.Field.Flags, 2, FieldKind.Decimal, Flag.VersionMask),
        FieldDefinition.Derived("l2tp.length", "Length", LayerKind.L2tp, FieldKind.Decimal, ComputedField.L2tpLength),
        FieldDefinition.Derived("l2tp.tunnel", "Tunnel ID", LayerKind.L2tp, FieldKind.Decimal, ComputedField.L2tpTunnel),
        FieldDefinition.Derived("l2tp.session", "Session ID", LayerKind.L2tp, FieldKind.Decimal, ComputedField.L2tpSession),
        FieldDefinition.Derived("l2tp.Ns", "Ns", LayerKind.L2tp, FieldKind.Decimal, ComputedField.L2tpNs),
        FieldDefinition.Derived("l2tp.Nr", "Nr", LayerKind.L2tp, FieldKind.Decimal, ComputedField.L2tpNr),
        FieldDefinition.Derived("l2tp.offset", "Offset", LayerKind.L2tp, FieldKind.Decimal, ComputedField.L2tpOffset),
        FieldDefinition.Derived("l2tp.offset_padding", "Offset Padding", LayerKind.L2tp, FieldKind.Marker, ComputedField.L2tpOffsetPadding),
        FieldDefinition.Derived("l2tp.zero_length_body_message", "Zero Length Body message", LayerKind.L2tp, FieldKind.Marker, ComputedField.L2tpZeroLengthBody),
        .. Avps(LayerKind.L2tp),
    ];

    /// <summary>The AVPs' common fields and the attribute values RawNet shows, one occurrence per AVP, for L2TPv2 and L2TPv3 alike.</summary>
    public static FieldDefinition[] Avps(LayerKind layer) =>
    [
        FieldDefinition.Derived("l2tp.avp.mandatory", "Mandatory", layer, FieldKind.Boolean, ComputedField.L2tpAvpMandatory),
        FieldDefinition.Derived("l2tp.avp.hidden", "Hidden", layer, FieldKind.Boolean, ComputedField.L2tpAvpHidden),
        FieldDefinition.Derived("l2tp.avp.length", "Length", layer, FieldKind.Decimal, ComputedField.L2tpAvpLength),
        FieldDefinition.Derived("l2tp.avp.vendor_id", "Vendor ID", layer, FieldKind.Decimal, ComputedField.L2tpAvpVendorId),
        FieldDefinition.Derived("l2tp.avp.type", "AVP Type", layer, FieldKind.Decimal, ComputedField.L2tpAvpType),
        FieldDefinition.Derived("l2tp.avp.message_type", "Message Type", layer, FieldKind.Decimal, ComputedField.L2tpAvpMessageType),
        FieldDefinition.Derived("l2tp.avp.protocol_version", "Version", layer, FieldKind.Decimal, ComputedField.L2tpAvpProtocolVersion),
        FieldDefinition.Derived("l2tp.avp.protocol_revision", "Revision", layer, FieldKind.Decimal, ComputedField.L2tpAvpProtocolRevision),
        FieldDefinition.Derived("l2tp.avp.host_name", "Host Name", layer, FieldKind.Text, ComputedField.L2tpAvpHostName),
        FieldDefinition.Derived("l2tp.avp.assigned_tunnel_id", "Assigned Tunnel ID", layer, FieldKind.Decimal, ComputedField.L2tpAvpAssignedTunnelId),
        FieldDefinition.Derived("l2tp.avp.receive_window_size", "Receive Window Size", layer, FieldKind.Decimal, ComputedField.L2tpAvpReceiveWindowSize),
        FieldDefinition.Derived("l2tp.avp.assigned_session_id", "Assigned Session ID", layer, FieldKind.Decimal, ComputedField.L2tpAvpAssignedSessionId),
        FieldDefinition.Derived("l2tp.avp.called_number", "Called Number", layer, FieldKind.Text, ComputedField.L2tpAvpCalledNumber),
        FieldDefinition.Derived("l2tp.avp.calling_number", "Calling Number", layer, FieldKind.Text, ComputedField.L2tpAvpCallingNumber),
        FieldDefinition.Derived("l2tp.avp.assigned_control_conn_id", "Assigned Control Connection ID", layer, FieldKind.Decimal, ComputedField.L2tpAvpAssignedControlConnId),
        FieldDefinition.Derived("l2tp.avp.local_session_id", "Local Session ID", layer, FieldKind.Decimal, ComputedField.L2tpAvpLocalSessionId),
        FieldDefinition.Derived("l2tp.avp.remote_session_id", "Remote Session ID", layer, FieldKind.Decimal, ComputedField.L2tpAvpRemoteSessionId),
        FieldDefinition.Derived("l2tp.avp.assigned_cookie", "Assigned Cookie", layer, FieldKind.Bytes, ComputedField.L2tpAvpAssignedCookie),
        FieldDefinition.Derived("l2tp.avp.remote_end_id", "Remote End ID", layer, FieldKind.Text, ComputedField.L2tpAvpRemoteEndId),
        FieldDefinition.Derived("l2tp.avp.pseudowire_type", "Pseudowire Type", layer, FieldKind.Decimal, ComputedField.L2tpAvpPseudowireType),
        FieldDefinition.Derived("l2tp.avp.layer2_specific_sublayer", "Layer2 Specific Sublayer", layer, FieldKind.Decimal, ComputedField.L2tpAvpLayer2SpecificSublayer),
        FieldDefinition.Derived("l2tp.avp.data_sequencing", "Data Sequencing", layer, FieldKind.Decimal, ComputedField.L2tpAvpDataSequencing),
    ];
}
