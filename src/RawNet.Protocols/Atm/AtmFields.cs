using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Atm;

/// <summary>
/// The ATM field table (Wireshark "atm", tshark 4.0) for a reassembled PDU behind Sun's header: the pseudo-header's
/// channel, AAL, traffic types, VPI and VCI (<see cref="AtmFieldReader"/> reads what wiretap derived from the flags), and
/// the LANE header's: an LE client's LECID, or an LE Control frame's fixed fields.
/// </summary>
public static class AtmFields
{
    public static readonly FieldDefinition Channel = FieldDefinition.Derived("atm.channel", "Channel", LayerKind.Atm, FieldKind.Decimal, ComputedField.Atm);
    public static readonly FieldDefinition Aal = FieldDefinition.Derived("atm.aal", "AAL", LayerKind.Atm, FieldKind.Decimal, ComputedField.Atm);
    public static readonly FieldDefinition TrafficType = FieldDefinition.Derived("atm.traffic_type", "Traffic type", LayerKind.Atm, FieldKind.Decimal, ComputedField.Atm);
    public static readonly FieldDefinition LaneType = FieldDefinition.Derived("atm.traffic.lane", "LANE traffic type", LayerKind.Atm, FieldKind.Decimal, ComputedField.Atm);

    public static readonly FieldDefinition[] All =
    [
        Channel, Aal, TrafficType, LaneType,
        FieldDefinition.Fixed("atm.vpi", "VPI", LayerKind.Atm, SunAtmHeader.Field.Vpi, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("atm.vci", "VCI", LayerKind.Atm, SunAtmHeader.Field.Vci, 2, FieldKind.Decimal),
    ];

    public static readonly FieldDefinition LeClient = FieldDefinition.Derived("atm.le_client.client", "LE Client", LayerKind.AtmLane, FieldKind.Hex, ComputedField.Atm, hexDigits: 4);

    /// <summary>An LE Control frame's fields in tshark's order, each with its offset and size (the status only in a response, <see cref="LeControlStatus"/>).</summary>
    internal static readonly (FieldDefinition Field, int Offset, int Size)[] LeControl =
    [
        (FieldDefinition.Derived("atm.le_control.marker", "Marker", LayerKind.AtmLane, FieldKind.Hex, ComputedField.Atm, hexDigits: 4), 0, 2),
        (FieldDefinition.Derived("atm.le_control.protocol", "Protocol", LayerKind.AtmLane, FieldKind.Hex, ComputedField.Atm, hexDigits: 2), 2, 1),
        (FieldDefinition.Derived("atm.le_control.version", "Version", LayerKind.AtmLane, FieldKind.Hex, ComputedField.Atm, hexDigits: 2), 3, 1),
        (FieldDefinition.Derived("atm.le_control.opcode", "Opcode", LayerKind.AtmLane, FieldKind.Hex, ComputedField.Atm, hexDigits: 4), 4, 2),
        (FieldDefinition.Derived("atm.le_control.status", "Status", LayerKind.AtmLane, FieldKind.Hex, ComputedField.Atm, hexDigits: 4), 6, 2),
        (FieldDefinition.Derived("atm.le_control.transaction_id", "Transaction ID", LayerKind.AtmLane, FieldKind.Hex, ComputedField.Atm, hexDigits: 8), 8, 4),
        (FieldDefinition.Derived("atm.le_control.requester_lecid", "Requester LECID", LayerKind.AtmLane, FieldKind.Hex, ComputedField.Atm, hexDigits: 4), 12, 2),
    ];

    /// <summary>The status field, which tshark reads for responses only (opcodes with bit 0x0100).</summary>
    internal static FieldDefinition LeControlStatus => LeControl[4].Field;

    public static readonly FieldDefinition[] Lane = [LeClient, .. Array.ConvertAll(LeControl, f => f.Field)];
}
