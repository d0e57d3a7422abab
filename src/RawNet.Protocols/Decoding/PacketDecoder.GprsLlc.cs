using RawNet.Protocols.GprsLlc;

namespace RawNet.Protocols.Decoding;

// GPRS LLC (LINKTYPE_GPRS_LLC, 169) with SNDCP and the IP it carries, as tshark 4.0's llcgprs and sndcp read them.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// A GPRS LLC frame walked as tshark's llcgprs walks it (<see cref="GprsLlcWalk"/>): an address with the PD bit and
    /// another bit set is refused before any item; a read past the bytes ends the frame; else the information field goes
    /// where llcgprs hands it, bounded by the FCS: SNDCP on SAPIs 3, 5, 9 and 11, data on the others and for a ciphered UI
    /// frame; GMM and SMS (DTAP, SAPIs 1 and 7) are not decoded.
    /// </summary>
    private void DecodeGprsLlc(in Span input, int capEnd, int repEnd)
    {
        var walk = GprsLlcWalk.Run(input.Bytes[..capEnd], repEnd);
        int header = walk.Reach >= GprsLlcReach.Address ? Math.Max(1, walk.HeaderLength) : walk.Reach == GprsLlcReach.None ? 1 : 0;
        ref Layer layer = ref _packet.Add(LayerKind.GprsLlc, 0, Math.Min(header, capEnd), Math.Max(capEnd, repEnd), input.Source);
        layer.Detail = (byte)walk.Reach;
        if (walk.FcsComputed)
            layer.Checksum = walk.FcsGood ? Checksums.ChecksumStatus.Good : Checksums.ChecksumStatus.Bad;
        if (walk.Failed)
        {
            layer.Status = walk.Malformed ? LayerStatus.Malformed : LayerStatus.Truncated;
            Stop(walk.Malformed ? DecodeOutcome.Malformed : DecodeOutcome.Truncated, LayerKind.GprsLlc, walk.HeaderLength,
                walk.Malformed ? "GPRS LLC frame ends inside a field" : "GPRS LLC frame cut short by the capture length");
            return;
        }
        int at = walk.PayloadAt, end = at + walk.PayloadLength, cut = Math.Min(capEnd, end);
        switch (walk.Handoff)
        {
            case GprsLlcHandoff.Sndcp:
                DecodeSndcp(input, at, cut, end);
                return;
            case GprsLlcHandoff.Data:
                Payload(input, at, cut, end);
                return;
            case GprsLlcHandoff.Dtap:
                Unsupported(input, at, cut, end, "GSM DTAP in GPRS LLC not decoded");
                return;
            default:
                if (walk.SndcpXid)
                    Stop(DecodeOutcome.Unsupported, LayerKind.GprsLlc, walk.HeaderLength, "SNDCP XID parameters not decoded");
                return;
        }
    }

    /// <summary>
    /// An SNDCP header as tshark's sndcp reads it byte by byte, then a whole uncompressed N-PDU through the version-sniffing
    /// "ip" dissector, a compressed one to data; a segment of an N-PDU shows its bytes as sndcp.payload (RawNet reassembles
    /// no N-PDU across frames; an unacknowledged segment 0 with no more to follow is one tshark completes at once).
    /// </summary>
    private void DecodeSndcp(in Span input, int offset, int capEnd, int repEnd)
    {
        int length = capEnd > offset ? SndcpHeader.LengthOf(input.Bytes[offset]) : 1;
        if (!Header(input, LayerKind.Sndcp, offset, length, capEnd, repEnd, out int index))
            return;
        SndcpHeader.TryRead(input.Bytes[offset..capEnd], out var sndcp);
        int payload = offset + length;
        if (sndcp.Whole)
        {
            if (sndcp.Uncompressed)
                DecodeIpByDispatcher(input, payload, capEnd, repEnd);
            else
                Payload(input, payload, capEnd, repEnd);
            return;
        }
        if (capEnd <= payload)
            return;
        if (sndcp.Unacknowledged && sndcp.Segment == 0 && !sndcp.More)
        {
            // Segment 0 and the last: tshark's reassembly completes at once, and "ip" reads the captured bytes it kept.
            DecodeIpByDispatcher(input, payload, capEnd, capEnd);
            return;
        }
        _packet.LayerRef(index).Detail = SndcpLayerDetail.Fragment;
    }
}
