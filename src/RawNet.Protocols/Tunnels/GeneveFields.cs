using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Tunnels.GeneveHeader.Field;

namespace RawNet.Protocols.Tunnels;

/// <summary>Which value of a Geneve header a computed field of <see cref="GeneveFields"/> shows.</summary>
public enum GeneveValue : byte
{
    VersionUnknown, OptionsLength, Options, Option, OptionClass, OptionType, OptionCritical, OptionFlags, OptionFlagsReserved,
    OptionLength, GcpVirtualNetworkId, GcpReserved, GcpDirection, GcpEndpoint, GcpProfile, UnknownData, OptionLengthInvalid,
}

/// <summary>
/// The Geneve field table (Wireshark "geneve"), in tshark 4.0's tree order: the fixed header at its offsets, the rest
/// read by <see cref="GeneveFieldReader"/> (<see cref="ComputedField.Geneve"/>), which tells them apart by definition.
/// tshark names the header's options length and each option's length alike (geneve.option.length).
/// </summary>
public static class GeneveFields
{
    private static readonly (FieldDefinition Field, GeneveValue Value)[] Computed =
    [
        (D("geneve.version.unknown", "Unknown version", FieldKind.Marker), GeneveValue.VersionUnknown),
        (D("geneve.option.length", "Length", FieldKind.Decimal), GeneveValue.OptionsLength),
        (D("geneve.options", "Geneve Options", FieldKind.Bytes), GeneveValue.Options),
        (D("geneve.option", "Option", FieldKind.Bytes), GeneveValue.Option),
        (D("geneve.option.class", "Class", FieldKind.Hex, 4), GeneveValue.OptionClass),
        (D("geneve.option.type", "Type", FieldKind.Hex, 2), GeneveValue.OptionType),
        (D("geneve.option.type.critical", "Critical Option", FieldKind.Boolean), GeneveValue.OptionCritical),
        (D("geneve.option.flags", "Flags", FieldKind.Hex, 2), GeneveValue.OptionFlags),
        (D("geneve.option.flags.reserved", "Reserved", FieldKind.Boolean), GeneveValue.OptionFlagsReserved),
        (D("geneve.option.length", "Length", FieldKind.Decimal), GeneveValue.OptionLength),
        (D("geneve.option.gcp.vnid", "GCP Virtual Network ID", FieldKind.Decimal), GeneveValue.GcpVirtualNetworkId),
        (D("geneve.option.gcp.direction", "GCP Traffic Direction", FieldKind.Boolean), GeneveValue.GcpDirection),
        (D("geneve.option.gcp.reserved", "GCP Reserved bits", FieldKind.Boolean), GeneveValue.GcpReserved),
        (D("geneve.option.gcp.endpoint", "GCP Endpoint ID", FieldKind.Bytes), GeneveValue.GcpEndpoint),
        (D("geneve.option.gcp.profile", "GCP Profile ID", FieldKind.Decimal), GeneveValue.GcpProfile),
        (D("geneve.option.unknown.data", "Unknown Option Data", FieldKind.Bytes), GeneveValue.UnknownData),
        (D("geneve.option.length.invalid", "Invalid length for option", FieldKind.Marker), GeneveValue.OptionLengthInvalid),
    ];

    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("geneve.version", "Version", LayerKind.Geneve, F.VersionAndOptionsLength, 1, FieldKind.Decimal, 0xC0),
        Computed[0].Field,
        Computed[1].Field,
        FieldDefinition.Fixed("geneve.flags", "Flags", LayerKind.Geneve, F.Flags, 1, FieldKind.Hex),
        FieldDefinition.Fixed("geneve.flags.oam", "Operations, Administration and Management Frame", LayerKind.Geneve, F.Flags, 1, FieldKind.Boolean, GeneveHeader.OamFlag),
        FieldDefinition.Fixed("geneve.flags.critical", "Critical Options Present", LayerKind.Geneve, F.Flags, 1, FieldKind.Boolean, GeneveHeader.CriticalFlag),
        FieldDefinition.Fixed("geneve.flags.reserved", "Reserved", LayerKind.Geneve, F.Flags, 1, FieldKind.Boolean, GeneveHeader.ReservedFlags),
        FieldDefinition.Fixed("geneve.proto_type", "Protocol Type", LayerKind.Geneve, F.Protocol, 2, FieldKind.Hex),
        FieldDefinition.FixedHex("geneve.vni", "Virtual Network Identifier (VNI)", LayerKind.Geneve, F.NetworkIdentifier, 3, 6),
        FieldDefinition.Fixed("geneve.reserved", "Reserved", LayerKind.Geneve, F.Reserved, 1, FieldKind.Hex),
        .. FieldRows.Fields(Computed.AsSpan(2)),
    ];

    private static readonly FrozenDictionary<FieldDefinition, GeneveValue> Values = FieldRows.Values(Computed);

    /// <summary>Which value a computed field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out GeneveValue value) => Values.TryGetValue(field, out value);

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Geneve, kind, ComputedField.Geneve, hexDigits);
}
