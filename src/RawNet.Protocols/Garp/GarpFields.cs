using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Garp;

/// <summary>Which value of a GARP PDU a field of <see cref="GarpFields"/> shows.</summary>
public enum GarpValue : byte
{
    ProtocolId, Type, Length, Event, Value, GroupMembership, ServiceRequirement, EndMark,
}

/// <summary>
/// The field tables of GARP's two applications tshark decodes (Wireshark "gvrp" and "gmrp"), in tshark's tree order. Every
/// field is read by <see cref="GarpFieldReader"/> (<see cref="ComputedField.Garp"/>), which walks the PDU as tshark does
/// (<see cref="GarpWalk"/>): a type per message, a length and an event per attribute, a value for the five events that
/// carry one, an end mark per message and one for the PDU. GVRP's end mark is an FT_NONE marker, GMRP's an FT_UINT8 of 0.
/// </summary>
public static class GarpFields
{
    private static readonly (FieldDefinition Field, GarpValue Value)[] GvrpTable =
    [
        .. Common("gvrp", LayerKind.Gvrp),
        (F("gvrp.attribute_value", "Value", LayerKind.Gvrp, FieldKind.Decimal), GarpValue.Value),
        (F("gvrp.end_of_mark", "End of Mark", LayerKind.Gvrp, FieldKind.Marker), GarpValue.EndMark),
    ];

    private static readonly (FieldDefinition Field, GarpValue Value)[] GmrpTable =
    [
        .. Common("gmrp", LayerKind.Gmrp),
        (F("gmrp.attribute_value_group_membership", "Value", LayerKind.Gmrp, FieldKind.MacAddress), GarpValue.GroupMembership),
        (F("gmrp.attribute_value_service_requirement", "Value", LayerKind.Gmrp, FieldKind.Hex, 2), GarpValue.ServiceRequirement),
        (F("gmrp.end_of_mark", "End of mark", LayerKind.Gmrp, FieldKind.Hex, 2), GarpValue.EndMark),
    ];

    /// <summary>The fields both applications name alike: the protocol ID, a message's type, an attribute's length and event.</summary>
    private static (FieldDefinition, GarpValue)[] Common(string protocol, LayerKind layer) =>
    [
        (F(protocol + ".protocol_id", "Protocol Identifier", layer, FieldKind.Hex, 4), GarpValue.ProtocolId),
        (F(protocol + ".attribute_type", "Type", layer, FieldKind.Hex, 2), GarpValue.Type),
        (F(protocol + ".attribute_length", "Length", layer, FieldKind.Decimal), GarpValue.Length),
        (F(protocol + ".attribute_event", "Event", layer, FieldKind.Decimal), GarpValue.Event),
    ];

    /// <summary>GVRP's fields.</summary>
    public static readonly FieldDefinition[] Gvrp = FieldRows.Fields(GvrpTable);

    /// <summary>GMRP's fields.</summary>
    public static readonly FieldDefinition[] Gmrp = FieldRows.Fields(GmrpTable);

    private static readonly FrozenDictionary<FieldDefinition, GarpValue> Values =
        FieldRows.Values(GvrpTable, GmrpTable);

    /// <summary>Which value a field of these tables shows; false for a field of another table.</summary>
    public static bool TryGetValue(FieldDefinition field, out GarpValue value) => Values.TryGetValue(field, out value);

    private static FieldDefinition F(string name, string label, LayerKind layer, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, layer, kind, ComputedField.Garp, hexDigits);
}
