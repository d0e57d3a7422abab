using RawNet.Protocols.Vtp;

namespace RawNet.Protocols.Decoding;

// VTP behind Cisco's SNAP PID 0x2003, as tshark 4.0's vtp reads it.
public sealed partial class PacketDecoder
{
    /// <summary>The SNAP protocol ID of VTP behind Cisco's OUI.</summary>
    public const ushort VtpPid = 0x2003;

    /// <summary>
    /// A VTP PDU: one layer over the rest of what LLC's length leaves (tshark's vtp hands nothing on), walked once as tshark
    /// adds its items (<see cref="VtpWalk"/>) to judge it: a read past the captured bytes is truncation, one past the PDU
    /// malformed.
    /// </summary>
    private void DecodeVtp(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!TryAddMessage(input, LayerKind.Vtp, offset, capEnd, repEnd, out int captured))
            return;
        var status = VtpWalk.StatusOf(input.Bytes.Slice(offset, captured), repEnd - offset, out int stop);
        if (status != VtpWalkStatus.Complete)
            EndMessageShort(input, LayerKind.Vtp, offset, status == VtpWalkStatus.Truncated, stop,
                "VTP PDU cut short by the capture length", "a VTP field runs past the PDU");
    }
}
