using RawNet.Protocols.Lldp;

namespace RawNet.Protocols.Decoding;

// LLDP on EtherType 0x88cc, as tshark 4.0's lldp reads it.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// An LLDPDU: one layer over the rest of the frame, walked once as tshark adds its items (<see cref="LldpWalk"/>) to
    /// judge it: a read past the captured bytes is truncation, one past a TLV's length or the frame malformed (a TLV
    /// longer than the frame is marked <see cref="LldpLayerDetail.Contained"/>, tshark's contained item's exception).
    /// </summary>
    private void DecodeLldp(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!TryAddMessage(input, LayerKind.Lldp, offset, capEnd, repEnd, out int captured))
            return;
        var status = LldpWalk.StatusOf(input.Bytes.Slice(offset, captured), repEnd - offset, out int stop, out _);
        if (status == LldpWalkStatus.Complete)
            return;
        if (status == LldpWalkStatus.Contained)
            _packet.LayerRef(_packet.LayerCount - 1).Detail = LldpLayerDetail.Contained;
        EndMessageShort(input, LayerKind.Lldp, offset, status == LldpWalkStatus.Truncated, stop,
            "LLDPDU cut short by the capture length", "an LLDP TLV runs past its length or the frame");
    }
}
