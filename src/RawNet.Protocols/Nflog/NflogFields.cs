using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Nflog.NflogHeader.Field;

namespace RawNet.Protocols.Nflog;

/// <summary>
/// The NFLOG field table (Wireshark "nflog"): the header's fixed fields, then one occurrence per TLV that has the field,
/// in the order of the TLVs (<see cref="NflogFieldReader"/>). tshark's nflog.timestamp is not read.
/// </summary>
public static class NflogFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("nflog.family", "Family", LayerKind.Nflog, F.Family, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("nflog.version", "Version", LayerKind.Nflog, F.Version, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("nflog.res_id", "Resource id", LayerKind.Nflog, F.ResourceId, 2, FieldKind.Decimal),
        FieldDefinition.Derived("nflog.tlv", "TLV", LayerKind.Nflog, FieldKind.Bytes, ComputedField.NflogTlv),
        FieldDefinition.Derived("nflog.tlv_length", "Length", LayerKind.Nflog, FieldKind.Decimal, ComputedField.NflogTlvLength),
        FieldDefinition.Derived("nflog.tlv_type", "Type", LayerKind.Nflog, FieldKind.Decimal, ComputedField.NflogTlvType),
        FieldDefinition.Derived("nflog.protocol", "HW protocol", LayerKind.Nflog, FieldKind.Hex, ComputedField.NflogProtocol, 4),
        FieldDefinition.Derived("nflog.hook", "Netfilter hook", LayerKind.Nflog, FieldKind.Decimal, ComputedField.NflogHook),
        FieldDefinition.Derived("nflog.ifindex_indev", "IFINDEX_INDEV", LayerKind.Nflog, FieldKind.Decimal, ComputedField.NflogInterfaceIn),
        FieldDefinition.Derived("nflog.ifindex_outdev", "IFINDEX_OUTDEV", LayerKind.Nflog, FieldKind.Decimal, ComputedField.NflogInterfaceOut),
        FieldDefinition.Derived("nflog.ifindex_physindev", "IFINDEX_PHYSINDEV", LayerKind.Nflog, FieldKind.Decimal, ComputedField.NflogPhysicalInterfaceIn),
        FieldDefinition.Derived("nflog.ifindex_physoutdev", "IFINDEX_PHYSOUTDEV", LayerKind.Nflog, FieldKind.Decimal, ComputedField.NflogPhysicalInterfaceOut),
        FieldDefinition.Derived("nflog.prefix", "Prefix", LayerKind.Nflog, FieldKind.Text, ComputedField.NflogPrefix),
        FieldDefinition.Derived("nflog.uid", "UID", LayerKind.Nflog, FieldKind.SignedDecimal, ComputedField.NflogUid),
        FieldDefinition.Derived("nflog.gid", "GID", LayerKind.Nflog, FieldKind.SignedDecimal, ComputedField.NflogGid),
        FieldDefinition.Derived("nflog.tlv_value", "Value", LayerKind.Nflog, FieldKind.Bytes, ComputedField.NflogTlvValue),
    ];
}
