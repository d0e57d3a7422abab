using RawNet.Protocols.Udld;

namespace RawNet.Protocols.Decoding;

// UDLD behind Cisco's SNAP PID 0x0111, as tshark 4.0's udld reads it.
public sealed partial class PacketDecoder
{
    /// <summary>The SNAP protocol ID of UDLD behind Cisco's OUI.</summary>
    public const ushort UdldPid = 0x0111;

    /// <summary>
    /// A UDLD PDU: one layer up to where tshark's walk (<see cref="UdldWalk"/>) hands the rest to its data dissector (after a
    /// TLV length below 4), which then follows as data; a read past the captured bytes is truncation, one past the PDU
    /// malformed.
    /// </summary>
    private void DecodeUdld(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!TryAddMessage(input, LayerKind.Udld, offset, capEnd, repEnd, out int captured))
            return;
        int index = _packet.LayerCount - 1;
        int reported = repEnd - offset;
        var status = UdldWalk.StatusOf(input.Bytes.Slice(offset, captured), reported, out int stop, out int dataStart);
        if (status != UdldWalkStatus.Complete)
        {
            EndMessageShort(input, LayerKind.Udld, offset, status == UdldWalkStatus.Truncated, stop,
                "UDLD PDU cut short by the capture length", "a UDLD TLV runs past the PDU");
            return;
        }
        if (dataStart >= reported)
            return;
        // The layer keeps the PDU's whole extent, which its readers walk again.
        ref Layer udld = ref _packet.LayerRef(index);
        udld.HeaderLength = Math.Min(udld.HeaderLength, dataStart);
        Payload(input, offset + dataStart, capEnd, repEnd);
    }
}
