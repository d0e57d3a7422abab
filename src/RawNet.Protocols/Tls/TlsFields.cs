using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Tls;

/// <summary>Which value of a <see cref="TlsRecordWalk"/> item a TLS field shows.</summary>
public enum TlsValue : byte
{
    ContentType,
    OpaqueType,
    RecordVersion,
    RecordLength,
    HandshakeType,
    HandshakeLength,
    AppData,
    AlertLevel,
    AlertDescription,
    HelloVersion,
    HelloRandom,
    SessionIdLength,
    SessionId,
    CipherSuitesLength,
    CipherSuite,
    CompressionMethodsLength,
    ExtensionsLength,
    ExtensionType,
    ExtensionLength,
    ServerName,
}

/// <summary>
/// The TLS record layer's fields (Wireshark "tls"), one occurrence per record or message in the order tshark adds them,
/// read by <see cref="TlsFieldReader"/> (<see cref="ComputedField.Tls"/>).
/// </summary>
public static class TlsFields
{
    public static readonly FieldDefinition ContentType = F("tls.record.content_type", "Content Type", FieldKind.Decimal);
    public static readonly FieldDefinition OpaqueType = F("tls.record.opaque_type", "Opaque Type", FieldKind.Decimal);
    public static readonly FieldDefinition Version = F("tls.record.version", "Version", FieldKind.Hex, 4);
    public static readonly FieldDefinition Length = F("tls.record.length", "Length", FieldKind.Decimal);
    public static readonly FieldDefinition HandshakeType = F("tls.handshake.type", "Handshake Type", FieldKind.Decimal);
    public static readonly FieldDefinition HandshakeLength = F("tls.handshake.length", "Length", FieldKind.Decimal);
    public static readonly FieldDefinition AppData = F("tls.app_data", "Encrypted Application Data", FieldKind.Bytes);
    public static readonly FieldDefinition AlertLevel = F("tls.alert_message.level", "Level", FieldKind.Decimal);
    public static readonly FieldDefinition AlertDescription = F("tls.alert_message.desc", "Description", FieldKind.Decimal);

    public static readonly FieldDefinition HelloVersion = F("tls.handshake.version", "Version", FieldKind.Hex, 4);
    public static readonly FieldDefinition Random = F("tls.handshake.random", "Random", FieldKind.Bytes);
    public static readonly FieldDefinition SessionIdLength = F("tls.handshake.session_id_length", "Session ID Length", FieldKind.Decimal);
    public static readonly FieldDefinition SessionId = F("tls.handshake.session_id", "Session ID", FieldKind.Bytes);
    public static readonly FieldDefinition CipherSuitesLength = F("tls.handshake.cipher_suites_length", "Cipher Suites Length", FieldKind.Decimal);
    public static readonly FieldDefinition CipherSuite = F("tls.handshake.ciphersuite", "Cipher Suite", FieldKind.Hex, 4);
    public static readonly FieldDefinition CompressionMethodsLength = F("tls.handshake.comp_methods_length", "Compression Methods Length", FieldKind.Decimal);
    public static readonly FieldDefinition ExtensionsLength = F("tls.handshake.extensions_length", "Extensions Length", FieldKind.Decimal);
    public static readonly FieldDefinition ExtensionType = F("tls.handshake.extension.type", "Type", FieldKind.Decimal);
    public static readonly FieldDefinition ExtensionLength = F("tls.handshake.extension.len", "Length", FieldKind.Decimal);
    public static readonly FieldDefinition ServerName = F("tls.handshake.extensions_server_name", "Server Name", FieldKind.Text);

    private static readonly (FieldDefinition Field, TlsValue Value)[] Table =
    [
        (ContentType, TlsValue.ContentType), (OpaqueType, TlsValue.OpaqueType), (Version, TlsValue.RecordVersion), (Length, TlsValue.RecordLength),
        (HandshakeType, TlsValue.HandshakeType), (HandshakeLength, TlsValue.HandshakeLength), (AppData, TlsValue.AppData),
        (AlertLevel, TlsValue.AlertLevel), (AlertDescription, TlsValue.AlertDescription),
        (HelloVersion, TlsValue.HelloVersion), (Random, TlsValue.HelloRandom), (SessionIdLength, TlsValue.SessionIdLength), (SessionId, TlsValue.SessionId),
        (CipherSuitesLength, TlsValue.CipherSuitesLength), (CipherSuite, TlsValue.CipherSuite), (CompressionMethodsLength, TlsValue.CompressionMethodsLength),
        (ExtensionsLength, TlsValue.ExtensionsLength), (ExtensionType, TlsValue.ExtensionType), (ExtensionLength, TlsValue.ExtensionLength),
        (ServerName, TlsValue.ServerName),
    ];

    /// <summary>Every TLS field, in tshark's order within a record.</summary>
    public static readonly FieldDefinition[] All = FieldRows.Fields(Table);

    private static readonly FrozenDictionary<FieldDefinition, TlsValue> Values = FieldRows.Values(Table);

    /// <summary>Which value a field shows; false for a field of another table.</summary>
    public static bool TryGetValue(FieldDefinition field, out TlsValue value) => Values.TryGetValue(field, out value);

    private static FieldDefinition F(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Tls, kind, ComputedField.Tls, hexDigits);
}
