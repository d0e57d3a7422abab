using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipnet;

namespace RawNet.Output.Summary;

// tcpdump's Solaris ipnet printer (print-ipnet.c: ipnet_print), for LINKTYPE_IPNET: IPv4 or IPv6 right after the
// 24-byte header, whatever the header's data length says (tshark counts that length back from the frame's end).
public sealed partial class SummaryPrinter
{
    /// <summary>The ipnet header at the frame's start and the packet after it; <paramref name="length"/> is the frame's length.</summary>
    private void AppendIpnet(DecodedPacket packet, ReadOnlySpan<byte> frame, int length)
    {
        if (!IpnetHeader.TryRead(frame, out var ipnet))
        {
            Truncated("ipnet");
            return;
        }
        var kind = ipnet.Family switch
        {
            IpnetHeader.Inet => LayerKind.Ipv4,
            IpnetHeader.Inet6 => LayerKind.Ipv6,
            _ => LayerKind.Payload,
        };
        if (kind == LayerKind.Payload)
        {
            var line = _line;
            line.Append(ipnet.SourceZone);
            line.Append(" > ");
            line.Append(ipnet.DestinationZone);
            line.Append(", family Unknown (");
            line.Append(ipnet.Family);
            line.Append("), length ");
            line.Append(length);
            line.Append(": ");
            AppendHexDump(frame[IpnetHeader.Length..], "\n\t", withText: true);
            return;
        }
        AppendIpReadAt(packet, frame, kind, IpnetHeader.Length, length - IpnetHeader.Length);
    }
}
