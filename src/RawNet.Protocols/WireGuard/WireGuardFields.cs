using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.WireGuard;

/// <summary>
/// The WireGuard field table (Wireshark "wg", tshark 4.0), read by <see cref="WireGuardFieldReader"/>
/// (<see cref="ComputedField.WireGuard"/>) where the message's type places each value and only when wg reached it.
/// Not here: wg.ephemeral and wg.static (base64 keys), the decryption results and the session fields (wg.stream,
/// wg.response_in/to), which need the keys and the conversation.
/// </summary>
public static class WireGuardFields
{
    private static readonly (FieldDefinition Field, WireGuardValue Value)[] Computed =
    [
        (D("wg.type", "Type", FieldKind.Decimal), WireGuardValue.Type),
        (D("wg.reserved", "Reserved", FieldKind.Bytes), WireGuardValue.Reserved),
        (D("wg.sender", "Sender", FieldKind.Hex, 8), WireGuardValue.Sender),
        (D("wg.receiver", "Receiver", FieldKind.Hex, 8), WireGuardValue.Receiver),
        (D("wg.encrypted_static", "Encrypted Static", FieldKind.Marker), WireGuardValue.EncryptedStatic),
        (D("wg.encrypted_timestamp", "Encrypted Timestamp", FieldKind.Marker), WireGuardValue.EncryptedTimestamp),
        (D("wg.encrypted_empty", "Encrypted Empty", FieldKind.Marker), WireGuardValue.EncryptedEmpty),
        (D("wg.mac1", "mac1", FieldKind.Bytes), WireGuardValue.Mac1),
        (D("wg.mac2", "mac2", FieldKind.Bytes), WireGuardValue.Mac2),
        (D("wg.nonce", "Nonce", FieldKind.Bytes), WireGuardValue.Nonce),
        (D("wg.encrypted_cookie", "Encrypted Cookie", FieldKind.Bytes), WireGuardValue.EncryptedCookie),
        (D("wg.counter", "Counter", FieldKind.Decimal), WireGuardValue.Counter),
        (D("wg.encrypted_packet", "Encrypted Packet", FieldKind.Marker), WireGuardValue.EncryptedPacket),
    ];

    public static readonly FieldDefinition[] All = FieldRows.Fields(Computed);

    private static readonly System.Collections.Frozen.FrozenDictionary<FieldDefinition, WireGuardValue> Values = FieldRows.Values(Computed);

    /// <summary>Which value a field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out WireGuardValue value) => Values.TryGetValue(field, out value);

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.WireGuard, kind, ComputedField.WireGuard, hexDigits);
}

/// <summary>Reads WireGuard's fields (<see cref="ComputedField.WireGuard"/>) from the message's captured bytes.</summary>
public static class WireGuardFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.WireGuard;

    /// <summary>Reads <paramref name="field"/> from <paramref name="header"/>, the message's captured bytes.</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        if (occurrence != 0 || header.Length < WireGuardMessage.HeaderLength || !WireGuardFields.TryGetValue(field, out var which))
            return false;
        var type = (WireGuardType)header[0];
        if (!WireGuardMessage.Shows(type, which, header.Length))
            return false;
        var (at, size) = WireGuardMessage.Place(type, which, header.Length);
        size = Math.Min(size, header.Length - at);
        ulong number = which switch
        {
            WireGuardValue.Type => header[0],
            WireGuardValue.Sender or WireGuardValue.Receiver or WireGuardValue.Counter => WireGuardMessage.ReadNumber(header[at..], size),
            WireGuardValue.EncryptedStatic or WireGuardValue.EncryptedTimestamp or WireGuardValue.EncryptedEmpty or WireGuardValue.EncryptedPacket => 1,
            _ => 0,
        };
        value = new FieldValue(number, layer.Offset + at, size);
        return true;
    }
}
