using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Stp;

/// <summary>Which value of a BPDU a field of <see cref="StpFields"/> shows.</summary>
public enum StpValue : byte
{
    Protocol, Version, Type, Flags, FlagTopologyChangeAck, FlagAgreement, FlagForwarding, FlagLearning, FlagPortRole, FlagProposal,
    FlagTopologyChange, RootPriority, RootExtension, RootMac, RootCost, BridgePriority, BridgeExtension, BridgeMac, Port,
    MessageAge, MaxAge, HelloTime, ForwardDelay, Version1Length, Version3Length, FormatSelector, ConfigName, ConfigRevision,
    ConfigDigest, CistInternalCost, CistBridgePriority, CistBridgeExtension, CistBridgeMac, CistRemainingHops,
    MstiFlags, MstiPriority, MstiId, MstiRegionalRootId, MstiRootMac, MstiRootCost, MstiBridgePriority, MstiPortPriority,
    MstiBridgeId, MstiBridgeIdPriority, MstiBridgeIdMac, MstiPort, MstiRemainingHops,
    Version4Length, AgreementNumber, DisagreementNumber, AgreementValid, RestrictedRole, DigestFormatId, DigestFormatCapabilities,
    DigestConventionId, DigestConventionCapabilities, EdgeCount, AgreementDigest,
}

/// <summary>
/// The spanning tree field table (Wireshark "stp", with MST's "mstp" fields), in tshark's tree order. Every field is read
/// by <see cref="StpFieldReader"/> (<see cref="ComputedField.Stp"/>), which tells them apart by definition: what a BPDU
/// shows depends on its type, its version and how much of it tshark could read. The flag bits occur once for the CIST
/// and once per MSTI message; SPB's (version 4) MCID fields take MST's names, a second occurrence.
/// </summary>
public static class StpFields
{
    private static readonly (FieldDefinition Field, StpValue Value)[] Table =
    [
        (F("stp.protocol", "Protocol Identifier", FieldKind.Hex, 4), StpValue.Protocol),
        (F("stp.version", "Protocol Version Identifier", FieldKind.Decimal), StpValue.Version),
        (F("stp.type", "BPDU Type", FieldKind.Hex, 2), StpValue.Type),
        (F("stp.flags", "BPDU flags", FieldKind.Hex, 2), StpValue.Flags),
        (F("stp.flags.tcack", "Topology Change Acknowledgment", FieldKind.Boolean), StpValue.FlagTopologyChangeAck),
        (F("stp.flags.agreement", "Agreement", FieldKind.Boolean), StpValue.FlagAgreement),
        (F("stp.flags.forwarding", "Forwarding", FieldKind.Boolean), StpValue.FlagForwarding),
        (F("stp.flags.learning", "Learning", FieldKind.Boolean), StpValue.FlagLearning),
        (F("stp.flags.port_role", "Port Role", FieldKind.Decimal), StpValue.FlagPortRole),
        (F("stp.flags.proposal", "Proposal", FieldKind.Boolean), StpValue.FlagProposal),
        (F("stp.flags.tc", "Topology Change", FieldKind.Boolean), StpValue.FlagTopologyChange),
        (F("stp.root.prio", "Root Bridge Priority", FieldKind.Decimal), StpValue.RootPriority),
        (F("stp.root.ext", "Root Bridge System ID Extension", FieldKind.Decimal), StpValue.RootExtension),
        (F("stp.root.hw", "Root Bridge System ID", FieldKind.MacAddress), StpValue.RootMac),
        (F("stp.root.cost", "Root Path Cost", FieldKind.Decimal), StpValue.RootCost),
        (F("stp.bridge.prio", "Bridge Priority", FieldKind.Decimal), StpValue.BridgePriority),
        (F("stp.bridge.ext", "Bridge System ID Extension", FieldKind.Decimal), StpValue.BridgeExtension),
        (F("stp.bridge.hw", "Bridge System ID", FieldKind.MacAddress), StpValue.BridgeMac),
        (F("stp.port", "Port identifier", FieldKind.Hex, 4), StpValue.Port),
        (F("stp.msg_age", "Message Age", FieldKind.Seconds), StpValue.MessageAge),
        (F("stp.max_age", "Max Age", FieldKind.Seconds), StpValue.MaxAge),
        (F("stp.hello", "Hello Time", FieldKind.Seconds), StpValue.HelloTime),
        (F("stp.forward", "Forward Delay", FieldKind.Seconds), StpValue.ForwardDelay),
        (F("stp.version_1_length", "Version 1 Length", FieldKind.Decimal), StpValue.Version1Length),
        (F("mstp.version_3_length", "Version 3 Length", FieldKind.Decimal), StpValue.Version3Length),
        (F("mstp.config_format_selector", "MST Config ID format selector", FieldKind.Decimal), StpValue.FormatSelector),
        (F("mstp.config_name", "MST Config name", FieldKind.Text), StpValue.ConfigName),
        (F("mstp.config_revision_level", "MST Config revision", FieldKind.Decimal), StpValue.ConfigRevision),
        (F("mstp.config_digest", "MST Config digest", FieldKind.Bytes), StpValue.ConfigDigest),
        (F("mstp.cist_internal_root_path_cost", "CIST Internal Root Path Cost", FieldKind.Decimal), StpValue.CistInternalCost),
        (F("mstp.cist_bridge.prio", "CIST Bridge Priority", FieldKind.Decimal), StpValue.CistBridgePriority),
        (F("mstp.cist_bridge.ext", "CIST Bridge Identifier System ID Extension", FieldKind.Decimal), StpValue.CistBridgeExtension),
        (F("mstp.cist_bridge.hw", "CIST Bridge Identifier System ID", FieldKind.MacAddress), StpValue.CistBridgeMac),
        (F("mstp.cist_remaining_hops", "CIST Remaining hops", FieldKind.Decimal), StpValue.CistRemainingHops),
        (F("mstp.msti.flags", "MSTI flags", FieldKind.Hex, 2), StpValue.MstiFlags),
        (F("mstp.msti.priority", "Priority", FieldKind.Hex, 2), StpValue.MstiPriority),
        (F("mstp.msti.msti_id", "MSTID", FieldKind.Decimal), StpValue.MstiId),
        (F("mstp.msti.regional_root_id", "MSTI Regional Root Identifier", FieldKind.Decimal), StpValue.MstiRegionalRootId),
        (F("mstp.msti.root.hw", "Regional Root", FieldKind.MacAddress), StpValue.MstiRootMac),
        (F("mstp.msti.root_cost", "Internal root path cost", FieldKind.Decimal), StpValue.MstiRootCost),
        (F("mstp.msti.bridge_priority", "Bridge Identifier Priority", FieldKind.Decimal), StpValue.MstiBridgePriority),
        (F("mstp.msti.port_priority", "Port identifier priority", FieldKind.Decimal), StpValue.MstiPortPriority),
        (F("mstp.msti.bridge_id", "MSTI Bridge Identifier", FieldKind.Decimal), StpValue.MstiBridgeId),
        (F("mstp.msti.bridge_id_priority", "MSTI Bridge Priority", FieldKind.Decimal), StpValue.MstiBridgeIdPriority),
        (F("mstp.msti.bridge_id_mac", "MSTI Bridge MAC", FieldKind.MacAddress), StpValue.MstiBridgeIdMac),
        (F("mstp.msti.port", "Port identifier", FieldKind.Hex, 4), StpValue.MstiPort),
        (F("mstp.msti.remaining_hops", "Remaining hops", FieldKind.Decimal), StpValue.MstiRemainingHops),
        (F("mstp.version_4_length", "Version 4 Length", FieldKind.Decimal), StpValue.Version4Length),
        (F("mstp.agree_flags.agreement_num", "Agreement Number", FieldKind.Decimal), StpValue.AgreementNumber),
        (F("mstp.agree_flags.dagreement_num", "Disagreement Number", FieldKind.Decimal), StpValue.DisagreementNumber),
        (F("mstp.agree_flags.agreement_valid", "Agreement Valid Flag", FieldKind.Boolean), StpValue.AgreementValid),
        (F("mstp.agree_flags.rest_role", "Restricted Role", FieldKind.Boolean), StpValue.RestrictedRole),
        (F("bpdu.agreement_digest_format_id", "Agreement Digest Format Id", FieldKind.Decimal), StpValue.DigestFormatId),
        (F("bpdu.agreement_digest_format_capabilities", "Agreement Digest Format Capabilities", FieldKind.Decimal), StpValue.DigestFormatCapabilities),
        (F("bpdu.agreement_digest_convention_id", "Agreement Digest Convention Id", FieldKind.Decimal), StpValue.DigestConventionId),
        (F("bpdu.agreement_digest_convention_capabilities", "Agreement Digest Convention Capabilities", FieldKind.Decimal), StpValue.DigestConventionCapabilities),
        (F("bpdu.agreement_digest_edge_count", "Agreement Digest Edge Count", FieldKind.Decimal), StpValue.EdgeCount),
        (F("mstp.agreement_digest", "Agreement Digest", FieldKind.Bytes), StpValue.AgreementDigest),
    ];

    public static readonly FieldDefinition[] All = FieldRows.Fields(Table);

    private static readonly FrozenDictionary<FieldDefinition, StpValue> Values = FieldRows.Values(Table);

    /// <summary>Which value a field of this table shows; false for a field of another table.</summary>
    public static bool TryGetValue(FieldDefinition field, out StpValue value) => Values.TryGetValue(field, out value);

    private static FieldDefinition F(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Stp, kind, ComputedField.Stp, hexDigits);
}
