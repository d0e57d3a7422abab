using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Ipfc.IpfcHeader.Field;

namespace RawNet.Protocols.Ipfc;

/// <summary>
/// The IP-over-FC field table (Wireshark "ipfc"): the two world wide names (FT_FCWWN, colon-separated bytes in
/// <c>-T fields</c>), each once its 8 bytes are there.
/// </summary>
public static class IpfcFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.FixedColonBytes("ipfc.nh.da", "Network DA", LayerKind.Ipfc, F.Destination, IpfcHeader.AddressLength),
        FieldDefinition.FixedColonBytes("ipfc.nh.sa", "Network SA", LayerKind.Ipfc, F.Source, IpfcHeader.AddressLength),
    ];
}
