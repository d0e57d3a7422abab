using System.Buffers.Binary;
using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ppp;

/// <summary>
/// The field tables of PAP ("pap") and CHAP ("chap") under tshark 4.0's names, in its tree order, and their Protocol and
/// Info column words. Each field occurs at most once; <see cref="PppAuthFieldReader"/> reads them.
/// </summary>
public static class PppAuthFields
{
    private static readonly (FieldDefinition Field, PppAuthValue Value)[] PapValues =
    [
        (Field("pap.code", "Code", LayerKind.Pap, FieldKind.Decimal), PppAuthValue.Code),
        (Field("pap.identifier", "Identifier", LayerKind.Pap, FieldKind.Decimal), PppAuthValue.Identifier),
        (Field("pap.length", "Length", LayerKind.Pap, FieldKind.Decimal), PppAuthValue.Length),
        (Field("pap.data", "Data", LayerKind.Pap, FieldKind.Marker), PppAuthValue.Data),
        (Field("pap.peer_id.length", "Peer-ID-Length", LayerKind.Pap, FieldKind.Decimal), PppAuthValue.PeerIdLength),
        (Field("pap.peer_id", "Peer-ID", LayerKind.Pap, FieldKind.Text), PppAuthValue.PeerId),
        (Field("pap.password.length", "Password-Length", LayerKind.Pap, FieldKind.Decimal), PppAuthValue.PasswordLength),
        (Field("pap.password", "Password", LayerKind.Pap, FieldKind.Text), PppAuthValue.Password),
        (Field("pap.message.length", "Message-Length", LayerKind.Pap, FieldKind.Decimal), PppAuthValue.MessageLength),
        (Field("pap.message", "Message", LayerKind.Pap, FieldKind.Text), PppAuthValue.Message),
        (Field("pap.stuff", "stuff", LayerKind.Pap, FieldKind.Bytes), PppAuthValue.Stuff),
    ];

    private static readonly (FieldDefinition Field, PppAuthValue Value)[] ChapValues =
    [
        (Field("chap.code", "Code", LayerKind.Chap, FieldKind.Decimal), PppAuthValue.Code),
        (Field("chap.identifier", "Identifier", LayerKind.Chap, FieldKind.Decimal), PppAuthValue.Identifier),
        (Field("chap.length", "Length", LayerKind.Chap, FieldKind.Decimal), PppAuthValue.Length),
        (Field("chap.data", "Data", LayerKind.Chap, FieldKind.Marker), PppAuthValue.Data),
        (Field("chap.value_size", "Value Size", LayerKind.Chap, FieldKind.Decimal), PppAuthValue.ValueSize),
        (Field("chap.value", "Value", LayerKind.Chap, FieldKind.Bytes), PppAuthValue.Value),
        (Field("chap.name", "Name", LayerKind.Chap, FieldKind.Text), PppAuthValue.Name),
        (Field("chap.message", "Message", LayerKind.Chap, FieldKind.Text), PppAuthValue.Message),
        (Field("chap.stuff", "Stuff", LayerKind.Chap, FieldKind.Bytes), PppAuthValue.Stuff),
    ];

    /// <summary>The PAP fields, in tree order.</summary>
    public static readonly FieldDefinition[] Pap = FieldRows.Fields(PapValues);

    /// <summary>The CHAP fields, in tree order.</summary>
    public static readonly FieldDefinition[] Chap = FieldRows.Fields(ChapValues);

    private static readonly FrozenDictionary<FieldDefinition, PppAuthValue> Values =
        FieldRows.Values(PapValues, ChapValues);

    /// <summary>Which value a field of these tables shows; false for a field of another table.</summary>
    public static bool TryGetValue(FieldDefinition field, out PppAuthValue value) => Values.TryGetValue(field, out value);

    /// <summary>The Protocol column: "PPP PAP", "PPP CHAP".</summary>
    public static string Protocol(LayerKind kind) => kind == LayerKind.Chap ? "PPP CHAP" : "PPP PAP";

    /// <summary>A code's name in the Info column and the tree ("Unknown" for a code tshark does not name).</summary>
    public static string Code(LayerKind kind, byte code) => kind == LayerKind.Chap
        ? (ChapCode)code switch
        {
            ChapCode.Challenge => "Challenge",
            ChapCode.Response => "Response",
            ChapCode.Success => "Success",
            ChapCode.Failure => "Failure",
            _ => "Unknown",
        }
        : (PapCode)code switch
        {
            PapCode.AuthenticateRequest => "Authenticate-Request",
            PapCode.AuthenticateAck => "Authenticate-Ack",
            PapCode.AuthenticateNak => "Authenticate-Nak",
            _ => "Unknown",
        };

    private static FieldDefinition Field(string name, string label, LayerKind layer, FieldKind kind) =>
        FieldDefinition.Derived(name, label, layer, kind, ComputedField.PppAuthentication);
}

/// <summary>
/// Reads the fields of <see cref="PppAuthFields"/> (<see cref="ComputedField.PppAuthentication"/>) from the items
/// <see cref="PppAuthPacket.Walk"/> finds in the layer's captured bytes.
/// </summary>
public static class PppAuthFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.PppAuthentication;

    /// <summary>Reads <paramref name="field"/> (which occurs once at most) from the PAP or CHAP layer's captured bytes <paramref name="header"/>.</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        if (occurrence != 0 || !PppAuthFields.TryGetValue(field, out var which))
            return false;
        Span<PppAuthItem> items = stackalloc PppAuthItem[PppAuthPacket.MaxItems];
        int count = PppAuthPacket.Walk(layer.Kind == LayerKind.Chap, header, layer.Extent, items, out _, out _);
        foreach (var item in items[..count])
        {
            if (item.Which != which)
                continue;
            // A subtree item may claim bytes past the capture (CHAP's data): only what is there is highlighted.
            int size = Math.Min(item.Size, Math.Max(0, header.Length - item.At));
            ulong number = item.Size switch
            {
                1 when size == 1 => header[item.At],
                2 when size == 2 => BinaryPrimitives.ReadUInt16BigEndian(header[item.At..]),
                _ => 0,
            };
            value = new FieldValue(number, layer.Offset + item.At, size);
            return true;
        }
        return false;
    }
}
