using RawNet.Protocols.Dhcp;

namespace RawNet.Protocols.Decoding;

// DHCP and BOOTP on UDP 67 and 68, as tshark 4.0's dhcp reads them.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// A DHCP or BOOTP message: one layer over the whole message, walked once as tshark adds its items
    /// (<see cref="DhcpWalk"/>) to judge it: a read past the captured bytes is truncation, one past the datagram malformed.
    /// </summary>
    private void DecodeDhcp(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!TryAddMessage(input, LayerKind.Dhcp, offset, capEnd, repEnd, out int captured))
            return;
        if (DhcpMessage.HasProtocolItem(input.Bytes.Slice(offset, captured)))
            _packet.LayerRef(_packet.LayerCount - 1).Detail = DhcpMessage.ProtocolItemDetail;
        var status = DhcpWalk.StatusOf(input.Bytes.Slice(offset, captured), repEnd - offset, out int stop);
        if (status is DhcpWalkStatus.Truncated or DhcpWalkStatus.Malformed)
            EndMessageShort(input, LayerKind.Dhcp, offset, status == DhcpWalkStatus.Truncated, stop,
                "DHCP message cut short by the capture length", "DHCP message or option runs past the end of the datagram");
    }
}
