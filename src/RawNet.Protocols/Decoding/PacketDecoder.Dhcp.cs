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
        if (_packet.IsFull)
        {
            Stop(DecodeOutcome.Unsupported, LayerKind.Dhcp, offset, "too many layers");
            return;
        }
        int captured = Math.Max(0, Math.Min(capEnd, repEnd) - offset);
        ref Layer layer = ref _packet.Add(LayerKind.Dhcp, offset, captured, Math.Max(captured, repEnd - offset), input.Source);
        layer.Quoted = input.Quoted;
        if (DhcpMessage.HasProtocolItem(input.Bytes.Slice(offset, captured)))
            layer.Detail = DhcpMessage.ProtocolItemDetail;
        var status = DhcpWalk.StatusOf(input.Bytes.Slice(offset, captured), repEnd - offset, out int stop);
        if (status is not (DhcpWalkStatus.Truncated or DhcpWalkStatus.Malformed))
            return;
        bool cut = status == DhcpWalkStatus.Truncated;
        layer.Status = cut ? LayerStatus.Truncated : LayerStatus.Malformed;
        if (!input.Quoted)
            Stop(cut ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Dhcp, offset + Math.Max(0, stop),
                cut ? "DHCP message cut short by the capture length" : "DHCP message or option runs past the end of the datagram");
    }
}
