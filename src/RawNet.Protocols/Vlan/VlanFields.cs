using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Vlan.VlanTag.Field;

namespace RawNet.Protocols.Vlan;

/// <summary>The 802.1Q tag field table (Wireshark "vlan").</summary>
public static class VlanFields
{
    public static readonly FieldDefinition Priority = FieldDefinition.Fixed("vlan.priority", "Priority", LayerKind.Vlan, F.TagControl, 2, FieldKind.Decimal, 0xE000);
    public static readonly FieldDefinition DropEligible = FieldDefinition.Fixed("vlan.dei", "DEI", LayerKind.Vlan, F.TagControl, 2, FieldKind.Boolean, 0x1000);
    public static readonly FieldDefinition Id = FieldDefinition.Fixed("vlan.id", "ID", LayerKind.Vlan, F.TagControl, 2, FieldKind.Decimal, 0x0FFF);
    public static readonly FieldDefinition EtherType = FieldDefinition.Fixed("vlan.etype", "Type", LayerKind.Vlan, F.EtherType, 2, FieldKind.Hex, presence: FieldPresence.EtherTypeIsType);
    public static readonly FieldDefinition Length = FieldDefinition.Fixed("vlan.len", "Length", LayerKind.Vlan, F.EtherType, 2, FieldKind.Decimal, presence: FieldPresence.EtherTypeIsLength);

    /// <summary>Every VLAN tag field, in tree order.</summary>
    public static readonly FieldDefinition[] All =
    [
        Priority, DropEligible, Id, EtherType, Length,
        FieldDefinition.Derived("eth.padding", "Padding", LayerKind.Vlan, FieldKind.Bytes, ComputedField.EthernetPadding),
        FieldDefinition.Derived("vlan.trailer", "Trailer", LayerKind.Vlan, FieldKind.Bytes, ComputedField.LinkTrailer),
    ];

    /// <summary>The 802.1ad service tag's fields (Wireshark "ieee8021ad"; its type field is named for 802.1ah).</summary>
    public static readonly FieldDefinition[] ServiceTag =
    [
        FieldDefinition.Fixed("ieee8021ad.priority", "Priority", LayerKind.ServiceVlan, F.TagControl, 2, FieldKind.Decimal, 0xE000),
        FieldDefinition.Fixed("ieee8021ad.dei", "DEI", LayerKind.ServiceVlan, F.TagControl, 2, FieldKind.Decimal, 0x1000),
        FieldDefinition.Fixed("ieee8021ad.id", "ID", LayerKind.ServiceVlan, F.TagControl, 2, FieldKind.Decimal, 0x0FFF),
        FieldDefinition.Fixed("ieee8021ah.etype", "Type", LayerKind.ServiceVlan, F.EtherType, 2, FieldKind.Hex),
        FieldDefinition.Derived("eth.padding", "Padding", LayerKind.ServiceVlan, FieldKind.Bytes, ComputedField.EthernetPadding),
        FieldDefinition.Derived("ieee8021ah.trailer", "Trailer", LayerKind.ServiceVlan, FieldKind.Bytes, ComputedField.LinkTrailer),
    ];
}
