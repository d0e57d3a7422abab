using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Netanalyzer;

namespace RawNet.Output.Summary;

// tcpdump's netANALYZER printers (print-ether.c: netanalyzer_if_print, netanalyzer_transparent_if_print), for
// LINKTYPE_NETANALYZER and _TRANSPARENT: whatever the header says, the Ethernet frame after it (after the preamble and
// SFD on 241), its FCS counted in the length ether_print is given.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// The Ethernet frame tcpdump reads after the netANALYZER header, decoded aside (the decoder follows tshark, which
    /// reads no frame from most records), or ' [|netanalyzer]' when the captured bytes stop before it.
    /// </summary>
    private void AppendNetanalyzer(DecodedPacket packet, ReadOnlySpan<byte> frame, int length)
    {
        bool transparent = packet.Metadata.LinkType == LinkType.NetanalyzerTransparent;
        int start = transparent ? NetanalyzerHeader.TransparentFrameOffset : NetanalyzerHeader.Length;
        if (frame.Length < start)
        {
            Truncated(transparent ? "netanalyzer_transparent" : "netanalyzer");
            return;
        }
        var bytes = frame[start..];
        int wire = Math.Max(bytes.Length, length - start);
        AppendLinkAndNetwork(DecodeAside(packet, bytes, wire, LinkType.Ethernet), bytes, 1, wire);
    }
}
