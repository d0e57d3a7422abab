using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipfc;

namespace RawNet.Output.Summary;

// tcpdump's IP-over-Fibre-Channel printer (print-ipfc.c: ipfc_if_print), for LINKTYPE_IP_OVER_FC: nothing of the
// Network_Header itself (that is -e's), then llc_print with the MACs in the addresses' low 48 bits as the link addresses.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// A whole Network_Header at layer <paramref name="index"/> (the frame's start): true when the line goes on with the
    /// layer after the LLC header, which is then at <paramref name="index"/> + 2.
    /// </summary>
    private bool AppendIpfc(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        IpfcHeader.TryRead(frame, out var ipfc);
        // llc_print's addresses in an Ethernet header's order: destination, then source.
        Span<byte> macs = stackalloc byte[12];
        ipfc.DestinationMac.CopyTo(macs);
        ipfc.SourceMac.CopyTo(macs[6..]);
        return AppendLanLlc(packet, frame, index, IpfcHeader.Length, length, macs);
    }
}
