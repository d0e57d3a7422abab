using RawNet.Protocols.Arcnet;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Summary;

// tcpdump's Linux ARCNET printer (print-arcnet.c: arcnet_linux_if_print), for LINKTYPE_ARCNET_LINUX: nothing of the
// header itself (that is -e's), then IPv4, IPv6 or ARP by the protocol ID, or a hex dump of the rest.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// The ARCNET header at layer <paramref name="index"/> (the frame's start): true when what follows is the layer the
    /// loop prints next (IPv4, IPv6, ARP, read where tcpdump reads them), else the line for the rest, and false.
    /// <paramref name="length"/> is the frame's length.
    /// </summary>
    private bool AppendArcnet(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        var line = _line;
        // tcpdump needs the 5 bytes up to the protocol ID, then the 8 of RFC 1201's header for every ID but RFC 1051's
        // and Diagnose, before it prints anything.
        if (!ArcnetHeader.TryRead(frame, out var arcnet) || frame.Length < ArcnetHeader.TcpdumpLengthFor(arcnet.ProtocolId))
        {
            line.Append(" [|arcnet_linux]");
            return false;
        }
        byte protocol = arcnet.ProtocolId;
        int header = ArcnetHeader.TcpdumpLengthFor(protocol);
        var expected = protocol switch
        {
            ArcnetHeader.Protocol.Ipv4 or ArcnetHeader.Protocol.Ipv4Rfc1051 => LayerKind.Ipv4,
            ArcnetHeader.Protocol.Ipv6 => LayerKind.Ipv6,
            ArcnetHeader.Protocol.Arp or ArcnetHeader.Protocol.ArpRfc1051 or ArcnetHeader.Protocol.ReverseArp => LayerKind.Arp,
            _ => LayerKind.Payload,
        };
        if (expected == LayerKind.Payload)
        {
            // arcnet_encap_print knows no other ID (AppleTalk's and IPX's printers aside, which RawNet has not): the
            // bytes after the header, as captured.
            AppendHexDump(frame[header..], "\n\t", withText: true);
            return false;
        }
        if (index + 1 < packet.LayerCount && packet[index + 1].Kind == expected && packet[index + 1].Offset == header)
            return true;
        if (expected != LayerKind.Arp)
            AppendIpReadAt(packet, frame, expected, header, length - header);
        else
            line.Append(" [|arp]");
        return false;
    }
}
