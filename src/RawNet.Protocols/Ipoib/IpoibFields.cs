using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Ipoib.IpoibHeader.Field;
using M = RawNet.Protocols.Ipoib.IpoibHeader.Mask;

namespace RawNet.Protocols.Ipoib;

/// <summary>
/// The IPoIB field table (Wireshark "ipoib"): the pseudo-header's global route header or destination address, as its
/// first two bytes say, then the type and reserved words. Like tshark, a field shows when its bytes are there; the two
/// subtrees' markers only need their start.
/// </summary>
public static class IpoibFields
{
    private static readonly FieldGroup GlobalRoute = new("Global Route Header");
    private static readonly FieldGroup Destination = new("Destination address");

    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("ipoib.daddr", "Destination address", LayerKind.Ipoib, F.DestinationAddress, 0, FieldKind.Marker,
            presence: FieldPresence.IpoibDestinationOnly, group: Destination, inTree: false),
        FieldDefinition.Fixed("ipoib.daddr.qpn", "Destination QPN", LayerKind.Ipoib, F.DestinationQpn, 3, FieldKind.Hex,
            presence: FieldPresence.IpoibDestinationOnly, group: Destination),
        FieldDefinition.Fixed("ipoib.dgid", "Destination GID", LayerKind.Ipoib, F.DestinationGid, 16, FieldKind.Ipv6Address,
            presence: FieldPresence.IpoibDestinationOnly, group: Destination),
        FieldDefinition.Fixed("ipoib.grh", "Global Route Header", LayerKind.Ipoib, F.VersionClassFlow, 0, FieldKind.Marker,
            presence: FieldPresence.IpoibGlobalRoute, group: GlobalRoute, inTree: false),
        FieldDefinition.Fixed("ipoib.grh.ipver", "IP Version", LayerKind.Ipoib, F.VersionClassFlow, 1, FieldKind.Decimal, M.Version,
            FieldPresence.IpoibGlobalRoute, GlobalRoute),
        FieldDefinition.Fixed("ipoib.grh.tclass", "Traffic Class", LayerKind.Ipoib, F.VersionClassFlow, 2, FieldKind.Decimal, M.TrafficClass,
            FieldPresence.IpoibGlobalRoute, GlobalRoute),
        FieldDefinition.Fixed("ipoib.grh.flowlabel", "Flow Label", LayerKind.Ipoib, F.VersionClassFlow, 4, FieldKind.Decimal, M.FlowLabel,
            FieldPresence.IpoibGlobalRoute, GlobalRoute),
        FieldDefinition.Fixed("ipoib.grh.sqpn", "Source QPN", LayerKind.Ipoib, F.SourceQpn, 3, FieldKind.Hex,
            presence: FieldPresence.IpoibGlobalRoute, group: GlobalRoute),
        FieldDefinition.Fixed("ipoib.grh.sgid", "Source GID", LayerKind.Ipoib, F.SourceGid, 16, FieldKind.Ipv6Address,
            presence: FieldPresence.IpoibGlobalRoute, group: GlobalRoute),
        FieldDefinition.Fixed("ipoib.dgid", "Destination GID", LayerKind.Ipoib, F.DestinationGid, 16, FieldKind.Ipv6Address,
            presence: FieldPresence.IpoibGlobalRoute, group: GlobalRoute),
        FieldDefinition.Fixed("ipoib.type", "Type", LayerKind.Ipoib, F.Type, 2, FieldKind.Hex),
        FieldDefinition.Fixed("ipoib.reserved", "Reserved", LayerKind.Ipoib, F.Reserved, 2, FieldKind.Hex),
    ];
}
