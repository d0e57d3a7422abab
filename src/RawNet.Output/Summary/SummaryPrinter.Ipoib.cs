using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipoib;

namespace RawNet.Output.Summary;

// tcpdump's IPoIB printer (print-ipoib.c: ipoib_print), for LINKTYPE_IPOIB: nothing of the header itself unless the
// EtherType is one ethertype_print has no printer for.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// A whole IPoIB header at the frame's start: true when what it carries is a layer the loop prints next (IPv4, IPv6,
    /// ARP), else the line for a type tcpdump cannot print, and false.
    /// </summary>
    private bool AppendIpoib(ReadOnlySpan<byte> frame, int length)
    {
        IpoibHeader.TryRead(frame, out var ipoib);
        if (ipoib.Type is (ushort)EtherType.Ipv4 or (ushort)EtherType.Ipv6 or (ushort)EtherType.Arp or IpoibHeader.ReverseArp)
            return true;
        AppendUnprintedEtherType(ipoib.Type, length, frame[IpoibHeader.Length..]);
        return false;
    }
}
