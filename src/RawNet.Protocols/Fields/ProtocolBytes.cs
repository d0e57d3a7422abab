using RawNet.Protocols.Decoding;

namespace RawNet.Protocols.Fields;

/// <summary>
/// The bytes a protocol name stands for in a display filter (<c>ip[9]</c>, <c>tcp contains "GET"</c>), as tshark 4.0's
/// protocol items span them. What a slice or a comparison reads is the item: the header (options included); the whole
/// message for ICMP, ICMPv6 and DNS; IPv6's header with its extension headers; every captured byte of the frame; a
/// payload's captured bytes. What <c>contains</c> and <c>matches</c> search is everything from the item's start to the
/// layer's end (the IP datagram, the TCP segment; Ethernet's trailer too), as far as it was captured.
/// </summary>
public static class ProtocolBytes
{
    /// <summary>
    /// The captured bytes of the layer at <paramref name="layerIndex"/> for its protocol name: the item, or with
    /// <paramref name="toLayerEnd"/> everything to the layer's end; false for a layer that is part of another's item (an
    /// IPv6 extension header) or has no bytes. A message cut short is what was captured of it, as tshark's item is.
    /// </summary>
    public static bool TryGet(DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame, bool toLayerEnd, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        ref readonly Layer layer = ref packet[layerIndex];
        // tshark's erf item spans the frame, as its pseudo-header is none of the frame's bytes
        if (layer.Kind is LayerKind.Frame or LayerKind.Erf)
        {
            bytes = packet.WiretapBytes(frame);
            return true;
        }
        if (IsIpv6Extension(layer.Kind))
            return false;
        var buffer = packet.BufferOf(layer, frame);
        int start = layer.Offset;
        if ((uint)start > (uint)buffer.Length)
            return false;
        int headerEnd = start + layer.HeaderLength;
        int layerEnd = (int)Math.Min(buffer.Length, (long)start + Math.Max(layer.Extent, layer.HeaderLength));
        int end = layer.Kind switch
        {
            LayerKind.Payload => headerEnd,
            _ when toLayerEnd => layerEnd,
            LayerKind.Icmp or LayerKind.Icmpv6 or LayerKind.Dns => layerEnd,
            LayerKind.Ipv6 => ExtensionHeadersEnd(packet, layerIndex, headerEnd),
            _ => headerEnd,
        };
        if (end < start || (end == start && layer.Kind == LayerKind.Payload))
            return false;
        bytes = buffer[start..end];
        return true;
    }

    private static bool IsIpv6Extension(LayerKind kind) => kind is LayerKind.Ipv6HopByHop or LayerKind.Ipv6Routing
        or LayerKind.Ipv6Fragment or LayerKind.Ipv6DestinationOptions;

    /// <summary>
    /// Where the extension headers that follow an IPv6 header in the same buffer end: tshark's ipv6 item covers them, but
    /// not the fragment header of a fragment that does not complete its datagram.
    /// </summary>
    private static int ExtensionHeadersEnd(DecodedPacket packet, int ipv6Index, int end)
    {
        ref readonly Layer ipv6 = ref packet[ipv6Index];
        for (int i = ipv6Index + 1; i < packet.LayerCount; i++)
        {
            ref readonly Layer next = ref packet[i];
            if (!IsIpv6Extension(next.Kind) || next.Source != ipv6.Source || next.Offset != end
                || (next.Kind == LayerKind.Ipv6Fragment && packet.IsUnreassembledFragment))
                break;
            end = next.Offset + next.HeaderLength;
        }
        return end;
    }
}
