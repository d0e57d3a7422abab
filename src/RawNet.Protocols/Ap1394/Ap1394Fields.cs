using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Ap1394.Ap1394Header.Field;

namespace RawNet.Protocols.Ap1394;

/// <summary>
/// The Apple IP-over-IEEE 1394 field table (Wireshark "ap1394"): tshark reads both addresses for the address columns
/// before it adds any item, so neither shows until both are there; the EtherType shows once its two bytes are.
/// </summary>
public static class Ap1394Fields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("ap1394.dst", "Destination", LayerKind.Ap1394, F.Destination, Ap1394Header.AddressLength, FieldKind.Bytes,
            presence: FieldPresence.Ap1394Addresses),
        FieldDefinition.Fixed("ap1394.src", "Source", LayerKind.Ap1394, F.Source, Ap1394Header.AddressLength, FieldKind.Bytes,
            presence: FieldPresence.Ap1394Addresses),
        FieldDefinition.Fixed("ap1394.type", "Type", LayerKind.Ap1394, F.EtherType, 2, FieldKind.Hex),
    ];
}
