using RawNet.Protocols.Xra;

namespace RawNet.Protocols.Decoding;

// Excentis XRA-31 captures (LINKTYPE_DOCSIS31_XRA31, 273), as tshark 4.0's xra reads them.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// The XRA header and its TLVs (<see cref="XraWalk"/>; a read past the bytes ends the frame), then, when bytes follow
    /// it, DOCSIS for the packet types that carry a MAC frame. PLC, NCP, OFDMA segments and initial ranging are not decoded.
    /// </summary>
    private void DecodeXra(in Span input, int capEnd, int repEnd)
    {
        var walk = XraWalk.Run(input.Bytes[..capEnd], repEnd);
        int header = walk.FixedRead < XraWalk.FixedLength ? XraWalk.FixedLength : walk.HeaderLength;
        ref Layer layer = ref _packet.Add(LayerKind.Xra, 0, Math.Min(header, capEnd), Math.Max(capEnd, repEnd), input.Source);
        if (walk.Failed)
        {
            layer.Status = walk.Malformed ? LayerStatus.Malformed : LayerStatus.Truncated;
            layer.Detail = walk.Contained ? XraLayerDetail.Contained : (byte)0;
            Stop(walk.Malformed ? DecodeOutcome.Malformed : DecodeOutcome.Truncated, LayerKind.Xra, Math.Min(header, capEnd),
                walk.Malformed ? "frame ends inside the XRA header" : "XRA header cut short by the capture length");
            return;
        }
        if (repEnd <= header)
            return;
        if (XraWalk.CarriesDocsis(walk.PacketType))
            DecodeDocsis(input, header, capEnd, repEnd);
        else if (walk.PacketType is 9 or 10 or 73 || (walk.PacketType is 65 or 72 && walk.SegmentHeaderPresent))
            Stop(DecodeOutcome.Unsupported, LayerKind.Xra, header, "XRA PLC, NCP, segment or ranging payload not decoded");
    }
}
