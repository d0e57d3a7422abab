using RawNet.Protocols.Cdp;
using RawNet.Protocols.Checksums;

namespace RawNet.Protocols.Decoding;

// CDP behind Cisco's SNAP PID 0x2000, as tshark 4.0's cdp reads it.
public sealed partial class PacketDecoder
{
    /// <summary>The SNAP protocol ID of CDP behind Cisco's OUI.</summary>
    public const ushort CdpPid = 0x2000;

    /// <summary>
    /// A CDP PDU: one layer up to where tshark's walk (<see cref="CdpWalk"/>) hands the rest to its data dissector, which
    /// then follows as data; a read past the captured bytes is truncation, one past the PDU malformed. The checksum is
    /// judged over the whole PDU, as tshark verifies it.
    /// </summary>
    private void DecodeCdp(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!TryAddMessage(input, LayerKind.Cdp, offset, capEnd, repEnd, out int captured))
            return;
        int index = _packet.LayerCount - 1;
        var pdu = input.Bytes.Slice(offset, captured);
        int reported = repEnd - offset;
        var status = CdpWalk.StatusOf(pdu, reported, out int stop, out int dataStart);
        if (captured >= reported && reported >= CdpWalk.HeaderLength)
        {
            ref Layer layer = ref _packet.LayerRef(index);
            layer.Checksum = CdpWalk.Verifies(pdu, out ushort expected) ? ChecksumStatus.Good : ChecksumStatus.Bad;
            if (layer.Checksum == ChecksumStatus.Bad)
                layer.ExpectedChecksum = expected;
        }
        if (status != CdpWalkStatus.Complete)
        {
            EndMessageShort(input, LayerKind.Cdp, offset, status == CdpWalkStatus.Truncated, stop,
                "CDP PDU cut short by the capture length", "a CDP TLV runs past the PDU");
            return;
        }
        if (dataStart >= reported)
            return;
        // What follows a TLV length below 4: tshark's data dissector. The layer keeps the PDU's whole extent, which its
        // checksum covers and its readers walk again.
        ref Layer cdp = ref _packet.LayerRef(index);
        cdp.HeaderLength = Math.Min(cdp.HeaderLength, dataStart);
        Payload(input, offset + dataStart, capEnd, repEnd);
    }
}
