using RawNet.Protocols.Tzsp;

namespace RawNet.Protocols.Decoding;

// TZSP on UDP port 37008: a remote sniffer's captured frame behind the tags, handed to the link decoders.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// TZSP as tshark 4.0 reads it: the fixed part; for a keepalive or port opener nothing more (its layer spans the
    /// rest); otherwise the tags up to End (<see cref="TzspTagWalker"/>: a tag cut by the capture or the datagram ends
    /// the decoding there, marked as tshark's exception), then the frame in the encapsulation tshark's tzsp.encap table
    /// names, or data.
    /// </summary>
    private void DecodeTzsp(in Span input, int offset, int capEnd, int repEnd)
    {
        var bytes = input.Bytes[offset..capEnd];
        if (!TzspHeader.TryRead(bytes, out var tzsp))
        {
            Header(input, LayerKind.Tzsp, offset, TzspHeader.FixedLength, capEnd, repEnd, out _);
            return;
        }
        if (!TzspHeader.HasTags(tzsp.Type))
        {
            Header(input, LayerKind.Tzsp, offset, bytes.Length, capEnd, repEnd, out _);
            return;
        }
        var walker = new TzspTagWalker(bytes, repEnd - offset);
        while (walker.MoveNext(out _))
        {
        }
        if (walker.Ended == TzspWalkEnd.End)
        {
            if (Header(input, LayerKind.Tzsp, offset, walker.Position, capEnd, repEnd, out _))
                DecodeTzspFrame(input, tzsp.EncapsulationType, offset + walker.Position, capEnd, repEnd);
            return;
        }
        // tshark's item runs to the end of the datagram when the walk threw: the layer keeps every captured byte.
        if (!Header(input, LayerKind.Tzsp, offset, bytes.Length, capEnd, repEnd, out int index))
            return;
        int at = offset + walker.Position;
        switch (walker.Ended)
        {
            case TzspWalkEnd.TooManyTags:
                Stop(DecodeOutcome.Unsupported, LayerKind.Tzsp, at, "more TZSP tags than RawNet walks");
                return;
            case TzspWalkEnd.Truncated:
                _packet.LayerRef(index).Status = LayerStatus.Truncated;
                if (!input.Quoted)
                    Stop(DecodeOutcome.Truncated, LayerKind.Tzsp, at, "TZSP tag cut short by the capture length");
                return;
            default:
                Malformed(ref _packet.LayerRef(index), input, LayerKind.Tzsp, at, "TZSP tag runs past the datagram or has a length tshark refuses");
                return;
        }
    }

    /// <summary>The captured frame after TZSP's tags, by tshark's tzsp.encap table; an encapsulation it has no dissector for is data.</summary>
    private void DecodeTzspFrame(in Span input, ushort encapsulation, int offset, int capEnd, int repEnd)
    {
        switch (encapsulation)
        {
            case TzspHeader.Encapsulation.Ethernet:
                DecodeEthernet(input, offset, capEnd, repEnd);
                return;
            case TzspHeader.Encapsulation.TokenRing:
                DecodeTokenRing(input, offset, capEnd, repEnd);
                return;
            case TzspHeader.Encapsulation.Ppp:
                DecodePppHdlc(input, offset, capEnd, repEnd);
                return;
            case TzspHeader.Encapsulation.Fddi:
                // tshark's "fddi" dissector reads the addresses as sent (not bit-swapped, as LINKTYPE_FDDI's are).
                DecodeFddi(input, offset, capEnd, repEnd, bitSwapped: false);
                return;
            case TzspHeader.Encapsulation.RawIp:
                if (capEnd - offset < 1)
                {
                    _packet.LayerRef(_packet.LayerCount - 1).Detail = TzspHeader.EmptyRawIpDetail;
                    StopShort(input, LayerKind.Tzsp, offset, capEnd, repEnd, "empty raw IP frame in TZSP");
                    return;
                }
                DecodeIpByVersion(input, offset, capEnd, repEnd);
                return;
            case TzspHeader.Encapsulation.Ieee80211:
                DecodeIeee80211(input, offset, capEnd, repEnd, fcs: false, dataPad: false);
                return;
            case TzspHeader.Encapsulation.Prism:
                DecodePrism(input, offset, capEnd, repEnd);
                return;
            case TzspHeader.Encapsulation.Radiotap:
                DecodeRadiotap(input, capEnd, repEnd, offset);
                return;
            case TzspHeader.Encapsulation.Avs:
                DecodeAvs(input, capEnd, repEnd, offset);
                return;
            default:
                Payload(input, offset, capEnd, repEnd);
                return;
        }
    }
}
