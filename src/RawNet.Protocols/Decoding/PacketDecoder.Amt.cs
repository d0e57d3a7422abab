using RawNet.Protocols.Amt;

namespace RawNet.Protocols.Decoding;

// Automatic Multicast Tunneling on UDP 2268 (RFC 7450), as tshark 4.0's amt reads it.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// An AMT message: its fields as its type places them (a read past the bytes there are throws, as in tshark: size
    /// limited when the capture cut them, malformed when the datagram did), then for a membership query or update and for
    /// multicast data the IP packet, through tshark's version-sniffing "ip" dissector, and for a query with G the gateway
    /// port and address, which tshark reads 18 bytes before the message's end once the IP packet returned.
    /// </summary>
    private void DecodeAmt(in Span input, int offset, int capEnd, int repEnd)
    {
        int reported = repEnd - offset;
        var type = AmtMessage.TypeOf(input.Bytes[offset]);
        int reach = AmtMessage.FixedReach(type, reported);
        if (!Header(input, LayerKind.Amt, offset, reach, capEnd, repEnd, out int index))
            return;
        int ipAt = AmtMessage.IpOffset(type);
        if (ipAt == 0)
        {
            // The whole message is the layer: what follows the fixed part is the advertisement's address or unknown data.
            _packet.LayerRef(index).HeaderLength = Math.Min(capEnd, repEnd) - offset;
            return;
        }
        _packet.LayerRef(index).HeaderLength = ipAt;
        if (type == AmtType.MulticastData && Math.Min(capEnd, repEnd) <= offset + ipAt)
        {
            // amt.multicast_data covers what follows the reserved byte: with none there its read throws, as LISP's nibble does.
            if (repEnd > offset + ipAt)
                StopShort(input, LayerKind.Amt, offset + ipAt, capEnd, repEnd, "AMT multicast data cut short by the capture length");
            else
                Malformed(ref _packet.LayerRef(index), input, LayerKind.Amt, offset + ipAt, "AMT multicast data with no packet");
            return;
        }
        bool clean = _packet.Outcome == DecodeOutcome.Ok;
        DecodeIpByDispatcher(input, offset + ipAt, capEnd, repEnd);
        // tshark's "ip" dissector names a bogus version and returns; anything else that stopped the packet threw past AMT.
        bool bogusVersion = capEnd > offset + ipAt && (input.Bytes[offset + ipAt] >> 4) is not (4 or 6);
        if (type != AmtType.MembershipQuery || (input.Bytes[offset + AmtMessage.Field.Flags] & AmtMessage.QueryG) == 0
            || clean && !bogusVersion && _packet.Outcome is DecodeOutcome.Truncated or DecodeOutcome.Malformed)
            return;
        ref Layer layer = ref _packet.LayerRef(index);
        layer.Detail = AmtLayerDetail.GatewayRead;
        int captured = Math.Min(capEnd, repEnd) - offset;
        int port = AmtMessage.QueryGatewayOffset(reported);
        bool cut;
        if (AmtMessage.Resolve(port, 2, captured, reported, out cut) < 0 || AmtMessage.Resolve(port + 2, 16, captured, reported, out cut) < 0)
        {
            layer.Status = cut ? LayerStatus.Truncated : LayerStatus.Malformed;
            if (!input.Quoted)
                Stop(cut ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Amt, offset, "AMT gateway address past the end of the message");
        }
    }
}
