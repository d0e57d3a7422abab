using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Wol;

/// <summary>
/// The Wake-on-LAN field table (Wireshark "wol", tshark 4.0): the sync stream, the target MAC once per repeat (16
/// occurrences) and the password, all read by <see cref="WolFieldReader"/> (<see cref="ComputedField.Wol"/>) and only for
/// a magic packet tshark read whole (a cut one threw before any item).
/// </summary>
public static class WolFields
{
    public static readonly FieldDefinition Sync = D("wol.sync", "Sync stream", FieldKind.Bytes);
    public static readonly FieldDefinition Mac = D("wol.mac", "MAC", FieldKind.MacAddress);

    /// <summary>
    /// tshark 4.0 adds the password as FT_BYTES whose bytes are the first 4 (or 6) characters of its text ("192.168.1.1"
    /// gives 3139322e), and shows that text: <see cref="WolFieldReader.TryFormatPassword"/> writes those bytes as hex.
    /// </summary>
    public static readonly FieldDefinition Password = D("wol.passwd", "Password", FieldKind.BuiltText);

    public static readonly FieldDefinition[] All = [Sync, Mac, Password];

    private static FieldDefinition D(string name, string label, FieldKind kind) =>
        FieldDefinition.Derived(name, label, LayerKind.Wol, kind, ComputedField.Wol);
}

/// <summary>Reads Wake-on-LAN's fields (<see cref="ComputedField.Wol"/>) from a magic packet tshark read whole.</summary>
public static class WolFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Wol;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the packet's bytes <paramref name="header"/>.</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        if (layer.Status != LayerStatus.Complete || header.Length < WolPacket.Length)
            return false;
        if (ReferenceEquals(field, WolFields.Sync))
        {
            if (occurrence != 0)
                return false;
            value = new FieldValue(0, layer.Offset + WolPacket.Field.Sync, WolPacket.SyncLength);
            return true;
        }
        if (ReferenceEquals(field, WolFields.Mac))
        {
            if ((uint)occurrence >= WolPacket.Repeats)
                return false;
            value = new FieldValue(0, layer.Offset + WolPacket.Field.FirstMac + occurrence * WolPacket.MacLength, WolPacket.MacLength);
            return true;
        }
        int password = WolPacket.PasswordLength(header.Length);
        if (!ReferenceEquals(field, WolFields.Password) || occurrence != 0 || password is not (4 or 6))
            return false;
        value = new FieldValue(0, layer.Offset + WolPacket.Field.Password, password);
        return true;
    }

    /// <summary>
    /// Writes the password's text as tshark shows it in the Info column: a 4-byte one as an IPv4 address, a 6-byte one
    /// as a MAC address.
    /// </summary>
    public static bool TryFormatPasswordText(ReadOnlySpan<byte> password, Span<char> destination, out int written) =>
        password.Length == 4 ? FieldFormatter.TryFormatIpv4(password, destination, out written)
            : FieldFormatter.TryFormatMac(password, destination, out written);

    /// <summary>
    /// Writes <c>wol.passwd</c>'s value as tshark 4.0 does: the first 4 (or 6) characters of the password's text, as hex.
    /// </summary>
    public static bool TryFormatPassword(in FieldValue value, ReadOnlySpan<byte> buffer, Span<char> destination, out int written)
    {
        written = 0;
        if (value.Length is not (4 or 6) || (uint)value.Offset > (uint)buffer.Length || value.Length > buffer.Length - value.Offset)
            return false;
        Span<char> text = stackalloc char[24];
        if (!TryFormatPasswordText(buffer.Slice(value.Offset, value.Length), text, out int length) || length < value.Length)
            return false;
        Span<byte> ascii = stackalloc byte[6];
        for (int i = 0; i < value.Length; i++)
            ascii[i] = (byte)text[i];
        return Convert.TryToHexStringLower(ascii[..value.Length], destination, out written);
    }
}
