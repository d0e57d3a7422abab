using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Arcnet.ArcnetHeader.Field;

namespace RawNet.Protocols.Arcnet;

/// <summary>
/// The ARCNET field table (Wireshark "arcnet", its Linux dissector): tshark reads both station IDs before it adds any
/// field, then adds each field as its bytes come; the split flag and sequence number only for the IDs of RFC 1201's
/// header (<see cref="ArcnetHeader.HasFragmentFields"/>). arcnet.exception_flag and arcnet.padding never show on Linux's
/// layout; on the BSDs' (<see cref="ArcnetHeader.Bsd"/>) the fields after the station IDs are <see cref="ArcnetFieldReader"/>'s.
/// </summary>
public static class ArcnetFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("arcnet.src", "Source", LayerKind.Arcnet, F.Source, 1, FieldKind.Hex, presence: FieldPresence.ArcnetAddresses),
        FieldDefinition.Fixed("arcnet.dst", "Dest", LayerKind.Arcnet, F.Destination, 1, FieldKind.Hex, presence: FieldPresence.ArcnetAddresses),
        FieldDefinition.Fixed("arcnet.offset", "Offset", LayerKind.Arcnet, F.Offset, 2, FieldKind.Bytes,
            presence: FieldPresence.ArcnetLinux),
        FieldDefinition.Fixed("arcnet.protID", "Protocol ID", LayerKind.Arcnet, F.ProtocolId, 1, FieldKind.Hex,
            presence: FieldPresence.ArcnetLinux),
        FieldDefinition.Fixed("arcnet.split_flag", "Split Flag", LayerKind.Arcnet, F.SplitFlag, 1, FieldKind.Decimal,
            presence: FieldPresence.ArcnetFragmentFields),
        FieldDefinition.Fixed("arcnet.sequence", "Sequence", LayerKind.Arcnet, F.Sequence, 2, FieldKind.Decimal,
            presence: FieldPresence.ArcnetFragmentFields),
        FieldDefinition.Derived("arcnet.protID", "Protocol ID", LayerKind.Arcnet, FieldKind.Hex, ComputedField.ArcnetProtocolId, hexDigits: 2),
        FieldDefinition.Derived("arcnet.exception_flag", "Exception Flag", LayerKind.Arcnet, FieldKind.Hex, ComputedField.ArcnetExceptionFlag, hexDigits: 2),
        FieldDefinition.Derived("arcnet.padding", "Padding", LayerKind.Arcnet, FieldKind.Hex, ComputedField.ArcnetPadding, hexDigits: 4),
        FieldDefinition.Derived("arcnet.protID", "Protocol ID", LayerKind.Arcnet, FieldKind.Hex, ComputedField.ArcnetProtocolIdAgain, hexDigits: 2),
        FieldDefinition.Derived("arcnet.split_flag", "Split Flag", LayerKind.Arcnet, FieldKind.Decimal, ComputedField.ArcnetSplitFlag),
        FieldDefinition.Derived("arcnet.sequence", "Sequence", LayerKind.Arcnet, FieldKind.Decimal, ComputedField.ArcnetSequence),
    ];
}
