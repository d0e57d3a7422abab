using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Pppoe.PppoeSessionHeader.Field;

namespace RawNet.Protocols.Pppoe;

/// <summary>Field table of the PPPoE session layer under Wireshark's names ("pppoes"; its last field is PPP's "ppp.protocol").</summary>
public static class PppoeFields
{
    public static readonly FieldDefinition[] Session =
    [
        FieldDefinition.Fixed("pppoe.version", "Version", LayerKind.PppoeSession, F.VersionAndType, 1, FieldKind.Decimal, 0xF0),
        FieldDefinition.Fixed("pppoe.type", "Type", LayerKind.PppoeSession, F.VersionAndType, 1, FieldKind.Decimal, 0x0F),
        FieldDefinition.Fixed("pppoe.code", "Code", LayerKind.PppoeSession, F.Code, 1, FieldKind.Hex),
        FieldDefinition.Fixed("pppoe.session_id", "Session ID", LayerKind.PppoeSession, F.SessionId, 2, FieldKind.Hex),
        FieldDefinition.Fixed("pppoe.payload_length", "Payload Length", LayerKind.PppoeSession, F.PayloadLength, 2, FieldKind.Decimal),
        // One byte or two (protocol field compression): tshark shows it as a 16-bit number either way.
        FieldDefinition.Derived("ppp.protocol", "Protocol", LayerKind.PppoeSession, FieldKind.Hex, ComputedField.PppoeProtocol, 4),
    ];
}
