using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.TokenRing.TokenRingHeader.Field;

namespace RawNet.Protocols.TokenRing;

/// <summary>
/// The Token Ring field table (Wireshark "tr"), in tshark's tree order. tshark reads the byte after the addresses
/// before it adds any field (<see cref="TokenRingHeader.TsharkFieldsLength"/>); the routing fields show for a
/// source-routed frame only, as far as their bytes were captured (<see cref="TokenRingFieldReader"/>). tr.src occurs twice,
/// as tshark adds it: as sent, then (hidden in tshark's tree) with the routing bit cleared; tr.rif is tshark's string of
/// the ring-bridge pairs ("001-1-124").
/// </summary>
public static class TokenRingFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("tr.ac", "Access Control", LayerKind.TokenRing, F.AccessControl, 1, FieldKind.Hex),
        FieldDefinition.Fixed("tr.priority", "Priority", LayerKind.TokenRing, F.AccessControl, 1, FieldKind.Decimal, 0xE0),
        FieldDefinition.Fixed("tr.frame", "Frame", LayerKind.TokenRing, F.AccessControl, 1, FieldKind.Boolean, 0x10),
        FieldDefinition.Fixed("tr.monitor_cnt", "Monitor Count", LayerKind.TokenRing, F.AccessControl, 1, FieldKind.Decimal, 0x08),
        FieldDefinition.Fixed("tr.priority_reservation", "Priority Reservation", LayerKind.TokenRing, F.AccessControl, 1, FieldKind.Decimal, 0x07),
        FieldDefinition.Fixed("tr.fc", "Frame Control", LayerKind.TokenRing, F.FrameControl, 1, FieldKind.Hex),
        FieldDefinition.Fixed("tr.frame_type", "Frame Type", LayerKind.TokenRing, F.FrameControl, 1, FieldKind.Decimal, 0xC0),
        FieldDefinition.Fixed("tr.frame_pcf", "Frame PCF", LayerKind.TokenRing, F.FrameControl, 1, FieldKind.Decimal, 0x0F),
        FieldDefinition.Fixed("tr.dst", "Destination", LayerKind.TokenRing, F.Destination, 6, FieldKind.MacAddress),
        FieldDefinition.Derived("tr.src", "Source", LayerKind.TokenRing, FieldKind.MacAddress, ComputedField.TrSource),
        FieldDefinition.Derived("tr.addr", "Source or Destination Address", LayerKind.TokenRing, FieldKind.MacAddress, ComputedField.TrAddresses),
        FieldDefinition.Fixed("tr.sr", "Source Routed", LayerKind.TokenRing, F.Source, 1, FieldKind.Boolean, TokenRingHeader.SourceRouted),
        FieldDefinition.Derived("tr.rif_bytes", "RIF Bytes", LayerKind.TokenRing, FieldKind.Decimal, ComputedField.TrRouteLength),
        FieldDefinition.Derived("tr.broadcast", "Broadcast Type", LayerKind.TokenRing, FieldKind.Decimal, ComputedField.TrBroadcast),
        FieldDefinition.Derived("tr.max_frame_size", "Maximum Frame Size", LayerKind.TokenRing, FieldKind.Decimal, ComputedField.TrMaxFrameSize),
        FieldDefinition.Derived("tr.direction", "Direction", LayerKind.TokenRing, FieldKind.Decimal, ComputedField.TrDirection),
        FieldDefinition.Derived("tr.rif.ring", "RIF Ring", LayerKind.TokenRing, FieldKind.Hex, ComputedField.TrRing, 4),
        FieldDefinition.Derived("tr.rif.bridge", "RIF Bridge", LayerKind.TokenRing, FieldKind.Hex, ComputedField.TrBridge, 2),
        FieldDefinition.Derived("tr.rif", "Ring-Bridge Pairs", LayerKind.TokenRing, FieldKind.BuiltText, ComputedField.TrRingBridgePairs),
    ];
}
