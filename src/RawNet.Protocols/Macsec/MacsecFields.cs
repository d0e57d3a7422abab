using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Macsec.MacsecHeader.Field;
using M = RawNet.Protocols.Macsec.MacsecHeader.Mask;

namespace RawNet.Protocols.Macsec;

/// <summary>The MACsec field table (Wireshark "macsec"), in tshark 4.0's tree order.</summary>
public static class MacsecFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("macsec.TCI", "TCI", LayerKind.Macsec, F.TciAn, 1, FieldKind.Hex, M.Tci),
        FieldDefinition.Fixed("macsec.TCI.V", "VER", LayerKind.Macsec, F.TciAn, 1, FieldKind.Hex, M.Version),
        FieldDefinition.Fixed("macsec.TCI.ES", "ES", LayerKind.Macsec, F.TciAn, 1, FieldKind.Boolean, M.EndStation),
        FieldDefinition.Fixed("macsec.TCI.SC", "SC", LayerKind.Macsec, F.TciAn, 1, FieldKind.Boolean, M.SecureChannel),
        FieldDefinition.Fixed("macsec.TCI.SCB", "SCB", LayerKind.Macsec, F.TciAn, 1, FieldKind.Boolean, M.SingleCopyBroadcast),
        FieldDefinition.Fixed("macsec.TCI.E", "E", LayerKind.Macsec, F.TciAn, 1, FieldKind.Boolean, M.Encrypted),
        FieldDefinition.Fixed("macsec.TCI.C", "C", LayerKind.Macsec, F.TciAn, 1, FieldKind.Boolean, M.Changed),
        FieldDefinition.Fixed("macsec.AN", "AN", LayerKind.Macsec, F.TciAn, 1, FieldKind.Hex, M.AssociationNumber),
        FieldDefinition.Fixed("macsec.SL", "Short length", LayerKind.Macsec, F.ShortLength, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("macsec.PN", "Packet number", LayerKind.Macsec, F.PacketNumber, 4, FieldKind.Decimal),
        FieldDefinition.Derived("macsec.SCI.system_identifier", "System Identifier", LayerKind.Macsec, FieldKind.MacAddress, ComputedField.MacsecSystemIdentifier),
        FieldDefinition.Derived("macsec.SCI.port_identifier", "Port Identifier", LayerKind.Macsec, FieldKind.Decimal, ComputedField.MacsecPortIdentifier),
        FieldDefinition.Derived("macsec.etype", "Ethertype", LayerKind.Macsec, FieldKind.Hex, ComputedField.MacsecEtherType, 4),
        FieldDefinition.Derived("eth.padding", "Padding", LayerKind.Macsec, FieldKind.Bytes, ComputedField.EthernetPadding),
        FieldDefinition.Derived("macsec.ICV", "ICV", LayerKind.Macsec, FieldKind.Bytes, ComputedField.MacsecIcv),
    ];
}
