using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Loopback;

/// <summary>The BSD loopback header's fields (Wireshark "null").</summary>
public static class LoopbackFields
{
    /// <summary>null.family, as <see cref="LoopbackHeader.Family(ReadOnlySpan{byte}, bool)"/> reads it.</summary>
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Derived("null.family", "Family", LayerKind.Null, FieldKind.Decimal, ComputedField.NullFamily),
    ];
}
