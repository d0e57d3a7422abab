using RawNet.Protocols.Sflow;

namespace RawNet.Protocols.Decoding;

// sFlow on UDP port 6343 (tshark's "sflow"): the datagram header, its samples walked, and the sampled packet headers
// handed to the link decoders as tshark hands them on.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// Layers kept free for each sampled header followed: one is followed only while this many layers remain, so that a
    /// datagram of many samples never fills the packet (a header of Ethernet, a VLAN tag, IP, a transport and data fits).
    /// </summary>
    public const int SflowLayersPerSampledHeader = 6;

    /// <summary>
    /// An sFlow datagram as tshark 4.0 reads it: not sFlow (data) unless the first 8 bytes name version 2, 4 or 5 and an
    /// address type tshark knows; 1 to 7 bytes make an sFlow layer that failed before its columns. The samples are walked
    /// (<see cref="SflowWalker"/>) and every raw packet header whose bytes were captured is decoded as quoted (tshark sets
    /// in_error_pkt and leaves the columns alone): its captured length is the header's (padded to 4), its reported length
    /// the sampled frame's. A read past the captured bytes marks the sFlow layer, as tshark's exception ends the datagram.
    /// </summary>
    /// <returns>False when tshark's sFlow refuses the datagram (another version or address type), so the other port gets it.</returns>
    private bool DecodeSflow(in Span input, int offset, int capEnd, int repEnd)
    {
        var bytes = input.Bytes;
        var datagram = bytes[offset..capEnd];
        if (datagram.Length >= 4 && !SflowDatagram.IsKnownVersion(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(datagram))
            || datagram.Length >= 8 && !SflowDatagram.TryReadStart(datagram, out _, out _))
            return false;
        int fixedLength = SflowDatagram.TryReadStart(datagram, out uint version, out uint addressType)
            ? SflowDatagram.HeaderLength(version, addressType) : 8;
        bool whole = Header(input, LayerKind.Sflow, offset, fixedLength, capEnd, repEnd, out int index);
        if (index < 0 || !whole)
            return true;
        var walker = new SflowWalker(datagram);
        while (walker.MoveNext(out var item))
        {
            if (item.HeaderAt < 0 || !item.HeaderCaptured)
                continue;
            // The layers a sampled header may take: past the bound, the rest are shown as sFlow fields only.
            if (DecodedPacket.MaxLayers - _packet.LayerCount < SflowLayersPerSampledHeader)
                continue;
            DecodeSampledHeader(input, offset, in item);
        }
        if (walker.FailedAt >= 0)
        {
            ref Layer layer = ref _packet.LayerRef(index);
            bool pastDatagram = walker.FailedAt > repEnd - offset;
            layer.Status = pastDatagram ? LayerStatus.Malformed : LayerStatus.Truncated;
            if (!input.Quoted)
            {
                Stop(pastDatagram ? DecodeOutcome.Malformed : DecodeOutcome.Truncated, LayerKind.Sflow, offset + (int)Math.Min(walker.FailedAt, repEnd - offset),
                    pastDatagram ? "sFlow sample or record runs past the datagram" : "sFlow datagram cut short by the capture length");
            }
        }
        return true;
    }

    /// <summary>One sampled header, decoded quoted by the link decoder its header protocol names (data for the others).</summary>
    private void DecodeSampledHeader(in Span input, int datagram, in SflowItem item)
    {
        var bytes = input.Bytes;
        int at = datagram + item.HeaderAt;
        uint protocol = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);
        uint frameLength = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes[(at + 4)..]);
        int start = datagram + item.HeaderBytes;
        // tshark's subset: the header's bytes captured, the sampled frame's length reported (even when it is less).
        int reported = (int)Math.Min(frameLength, (uint)(int.MaxValue / 2 - start));
        int capEnd = start + item.HeaderLength;
        int repEnd = start + reported;
        var inner = new Span(bytes, input.Frame, input.Source, quoted: true);
        // Each sampled header is a packet of its own: the IP nesting bound and the fragment state start again, and
        // nothing it does changes how the datagram's decoding ends.
        int networkLayers = _networkLayers, bridged = _bridgedFrames;
        bool partial = _partialDatagram;
        var outcome = _packet.Outcome;
        var stoppedAt = _packet.StoppedAt;
        int stopOffset = _packet.StopOffset;
        string? reason = _packet.StopReason;
        _partialDatagram = false;
        switch (protocol)
        {
            case 1:
                DecodeEthernet(inner, start, capEnd, repEnd);
                break;
            case 3:
                DecodeTokenRing(inner, start, capEnd, repEnd);
                break;
            case 4:
                DecodeFddi(inner, start, capEnd, repEnd, bitSwapped: false);
                break;
            case 5:
                DecodeFrameRelay(inner, start, capEnd, repEnd);
                break;
            case 7:
                DecodePppHdlc(inner, start, capEnd, repEnd);
                break;
            case 11:
                DecodeIpv4(inner, start, capEnd, repEnd);
                break;
            case 12:
                DecodeIpv6(inner, start, capEnd, repEnd);
                break;
            case 13:
                DecodeMpls(inner, start, capEnd, repEnd);
                break;
            case 15:
                DecodeIeee80211(inner, start, capEnd, repEnd, fcs: false, dataPad: false);
                break;
            default:
                Payload(inner, start, capEnd, repEnd);
                break;
        }
        _networkLayers = networkLayers;
        _bridgedFrames = bridged;
        _partialDatagram = partial;
        _packet.Outcome = outcome;
        _packet.StoppedAt = stoppedAt;
        _packet.StopOffset = stopOffset;
        _packet.StopReason = reason;
    }
}
