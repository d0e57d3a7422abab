using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Ipnet.IpnetHeader.Field;

namespace RawNet.Protocols.Ipnet;

/// <summary>The Solaris ipnet field table (Wireshark "ipnet"): each field shown when its bytes are there, as tshark adds them in order.</summary>
public static class IpnetFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("ipnet.version", "Header version", LayerKind.Ipnet, F.Version, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("ipnet.family", "Address family", LayerKind.Ipnet, F.Family, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("ipnet.htype", "Hook type", LayerKind.Ipnet, F.HookType, 2, FieldKind.Decimal),
        FieldDefinition.Fixed("ipnet.pktlen", "Data length", LayerKind.Ipnet, F.DataLength, 4, FieldKind.Decimal),
        FieldDefinition.Fixed("ipnet.ifindex", "Interface index", LayerKind.Ipnet, F.InterfaceIndex, 4, FieldKind.Decimal),
        FieldDefinition.Fixed("ipnet.grifindex", "Group interface index", LayerKind.Ipnet, F.GroupInterfaceIndex, 4, FieldKind.Decimal),
        FieldDefinition.Fixed("ipnet.zsrc", "Source Zone ID", LayerKind.Ipnet, F.SourceZone, 4, FieldKind.Decimal),
        FieldDefinition.Fixed("ipnet.zdst", "Destination Zone ID", LayerKind.Ipnet, F.DestinationZone, 4, FieldKind.Decimal),
    ];
}
