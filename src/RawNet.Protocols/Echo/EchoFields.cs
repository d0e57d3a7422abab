using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Echo;

/// <summary>The Echo protocol's port (RFC 862), on UDP and TCP.</summary>
public static class EchoPorts
{
    public const ushort Echo = 7;
}

/// <summary>What an Echo layer's <see cref="Layer.Detail"/> says.</summary>
public static class EchoLayerDetail
{
    /// <summary>The datagram or segment goes to port 7: tshark's echo calls it a request (else a response).</summary>
    public const byte Request = 1;
}

/// <summary>
/// The Echo field table (Wireshark "echo", tshark 4.0): the data, every captured byte of the payload, and the hidden
/// booleans echo.request (to port 7) or echo.response (from it), read by <see cref="EchoFieldReader"/>.
/// </summary>
public static class EchoFields
{
    public static readonly FieldDefinition Data = D("echo.data", "Echo data", FieldKind.Bytes);
    public static readonly FieldDefinition Request = D("echo.request", "Echo request", FieldKind.Boolean);
    public static readonly FieldDefinition Response = D("echo.response", "Echo response", FieldKind.Boolean);

    public static readonly FieldDefinition[] All = [Request, Response, Data];

    private static FieldDefinition D(string name, string label, FieldKind kind) =>
        FieldDefinition.Derived(name, label, LayerKind.Echo, kind, ComputedField.Echo);
}

/// <summary>Reads Echo's fields (<see cref="ComputedField.Echo"/>).</summary>
public static class EchoFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Echo;

    /// <summary>Reads <paramref name="field"/> from the layer; <paramref name="header"/> is the payload's captured bytes.</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        if (occurrence != 0)
            return false;
        bool request = layer.Detail == EchoLayerDetail.Request;
        if (ReferenceEquals(field, EchoFields.Data))
            value = new FieldValue(0, layer.Offset, header.Length);
        else if (ReferenceEquals(field, EchoFields.Request) && request || ReferenceEquals(field, EchoFields.Response) && !request)
            value = new FieldValue(1, layer.Offset, 0);
        else
            return false;
        return true;
    }
}
