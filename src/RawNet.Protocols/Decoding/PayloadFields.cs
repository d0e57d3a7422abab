using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Decoding;

/// <summary>
/// The fields of a payload no protocol was decoded from (Wireshark's "data" protocol): its captured bytes and how many
/// there are. tshark shows them only where none of its dissectors took the bytes; RawNet decodes fewer protocols, so it
/// shows them for more payloads (an HTTP request is tshark's "http" and RawNet's "data").
/// </summary>
public static class PayloadFields
{
    public static readonly FieldDefinition Data = FieldDefinition.Derived("data.data", "Data", LayerKind.Payload, FieldKind.Bytes, ComputedField.PayloadData);
    public static readonly FieldDefinition Length = FieldDefinition.Derived("data.len", "Length", LayerKind.Payload, FieldKind.SignedDecimal, ComputedField.PayloadLength);

    /// <summary>Every data field, in tree order.</summary>
    public static readonly FieldDefinition[] All = [Data, Length];
}
