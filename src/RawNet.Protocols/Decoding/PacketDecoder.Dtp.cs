using RawNet.Protocols.Dtp;

namespace RawNet.Protocols.Decoding;

// DTP behind Cisco's SNAP PID 0x2004, as tshark 4.0's dtp reads it.
public sealed partial class PacketDecoder
{
    /// <summary>The SNAP protocol ID of DTP behind Cisco's OUI.</summary>
    public const ushort DtpPid = 0x2004;

    /// <summary>
    /// A DTP PDU: one layer over the rest of what LLC's length leaves (tshark's dtp hands nothing on), walked once as
    /// tshark adds its items (<see cref="DtpWalk"/>) to judge it: a read past the captured bytes is truncation, one past
    /// the PDU, or an unknown TLV too short for the address tshark reads it as, malformed.
    /// </summary>
    private void DecodeDtp(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!TryAddMessage(input, LayerKind.Dtp, offset, capEnd, repEnd, out int captured))
            return;
        var status = DtpWalk.StatusOf(input.Bytes.Slice(offset, captured), repEnd - offset, out int stop);
        if (status != DtpWalkStatus.Complete)
            EndMessageShort(input, LayerKind.Dtp, offset, status == DtpWalkStatus.Truncated, stop,
                "DTP PDU cut short by the capture length", "a DTP TLV runs past the PDU or is too short for its value");
    }
}
