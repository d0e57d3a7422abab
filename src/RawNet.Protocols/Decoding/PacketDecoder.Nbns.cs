using RawNet.Protocols.Nbns;

namespace RawNet.Protocols.Decoding;

// The NetBIOS Name Service on UDP 137, as tshark 4.0's nbns reads it.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// An NBNS message: one layer over the whole message, walked once as tshark adds its items and writes its Info column
    /// (<see cref="NbnsWalk"/>) to judge it: a read past the captured bytes is truncation, one past the datagram malformed.
    /// </summary>
    private void DecodeNbns(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!TryAddMessage(input, LayerKind.Nbns, offset, capEnd, repEnd, out int captured))
            return;
        var status = NbnsWalk.StatusOf(input.Bytes.Slice(offset, captured), repEnd - offset, columns: true, out int stop);
        if (status is NbnsWalkStatus.Truncated or NbnsWalkStatus.Malformed)
            EndMessageShort(input, LayerKind.Nbns, offset, status == NbnsWalkStatus.Truncated, stop,
                "NBNS message cut short by the capture length", "NBNS message or one of its records runs past the end of the datagram");
    }
}
