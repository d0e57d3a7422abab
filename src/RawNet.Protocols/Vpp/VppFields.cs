using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Vpp;

/// <summary>
/// The field tables of tshark 4.0's vpp and of the four protocols it hands its strings to (vpp-metadata, vpp-opaque,
/// vpp-opaque2, vpp-trace), one per layer. tshark adds a version or hint item only when it is not what it expects, and
/// the node name outside the vpp subtree; which fields a record shows is <see cref="VppFieldReader"/>'s to say.
/// </summary>
public static class VppFields
{
    public static readonly FieldDefinition[] Header =
    [
        FieldDefinition.Derived("vpp.MajorVersion", "MajorVersion", LayerKind.Vpp, FieldKind.Decimal, ComputedField.VppMajorVersion),
        FieldDefinition.Derived("vpp.MinorVersion", "MinorVersion", LayerKind.Vpp, FieldKind.Decimal, ComputedField.VppMinorVersion),
        FieldDefinition.Derived("vpp.ProtocolHint", "ProtocolHint", LayerKind.Vpp, FieldKind.Decimal, ComputedField.VppProtocolHint),
        FieldDefinition.Derived("vpp.BufferIndex", "BufferIndex", LayerKind.Vpp, FieldKind.Hex, ComputedField.VppBufferIndex, hexDigits: 8),
        FieldDefinition.Derived("vpp.NodeName", "NodeName", LayerKind.Vpp, FieldKind.Text, ComputedField.VppNodeName),
    ];

    public static readonly FieldDefinition[] Metadata = [Line("vpp.metadata", "Metadata", LayerKind.VppMetadata)];
    public static readonly FieldDefinition[] Opaque = [Line("vpp.opaque", "Opaque", LayerKind.VppOpaque)];
    public static readonly FieldDefinition[] Opaque2 = [Line("vpp.opaque2", "Opaque2", LayerKind.VppOpaque2)];
    public static readonly FieldDefinition[] Trace = [Line("vpp.trace", "Trace", LayerKind.VppTrace)];

    private static FieldDefinition Line(string name, string label, LayerKind layer) =>
        FieldDefinition.Derived(name, label, layer, FieldKind.BuiltText, ComputedField.VppLine);
}
