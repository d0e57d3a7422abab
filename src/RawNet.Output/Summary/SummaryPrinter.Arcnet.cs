using RawNet.Protocols.Arcnet;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Summary;

// tcpdump's ARCNET printers (print-arcnet.c): arcnet_linux_if_print for LINKTYPE_ARCNET_LINUX, nothing of the header
// itself (that is -e's); arcnet_if_print for LINKTYPE_ARCNET_BSD, which prints the header when it stops inside it and
// nothing for a middle fragment. Then IPv4, IPv6 or ARP by the protocol ID, or a hex dump of the rest.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// The ARCNET header at layer <paramref name="index"/> (the frame's start): true when what follows is the layer the
    /// loop prints next (IPv4, IPv6, ARP, read where tcpdump reads them), else the line for the rest, and false.
    /// <paramref name="length"/> is the frame's length.
    /// </summary>
    private bool AppendArcnet(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        if (packet[index].Detail == ArcnetHeader.Bsd)
            return AppendArcnetBsd(packet, frame, index, length);
        // tcpdump needs the 5 bytes up to the protocol ID, then the 8 of RFC 1201's header for every ID but RFC 1051's
        // and Diagnose, before it prints anything.
        if (!ArcnetHeader.TryRead(frame, out var arcnet) || frame.Length < ArcnetHeader.TcpdumpLengthFor(arcnet.ProtocolId))
        {
            _line.Append(" [|arcnet_linux]");
            return false;
        }
        return AppendArcnetPayload(packet, frame, index, length, arcnet.ProtocolId, ArcnetHeader.TcpdumpLengthFor(arcnet.ProtocolId));
    }

    /// <summary>
    /// arcnet_if_print: 3 bytes up to the protocol ID; for every ID but RFC 1051's and Diagnose the split flag and
    /// sequence (6 bytes), or an exception frame's 10. Cut inside those, the header's line ("01 02 ip 5: ") and " phds" or
    /// " phds extended"; a split flag that is even and not 0 (a middle fragment), nothing more.
    /// </summary>
    private bool AppendArcnetBsd(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        var line = _line;
        if (frame.Length < ArcnetHeader.BsdShortLength)
        {
            line.Append(" [|arcnet]");
            return false;
        }
        byte protocol = frame[ArcnetHeader.BsdField.ProtocolId];
        if (!ArcnetHeader.TcpdumpHasFragmentFields(protocol))
            return AppendArcnetPayload(packet, frame, index, length, protocol, ArcnetHeader.BsdShortLength);
        // the 6 bytes first, then (with the exception flag) the 10
        bool exception = frame.Length >= ArcnetHeader.BsdLength && frame[ArcnetHeader.BsdField.SplitFlag] == ArcnetHeader.ExceptionFlag;
        int header = exception ? ArcnetHeader.BsdExceptionLength : ArcnetHeader.BsdLength;
        if (frame.Length < header)
        {
            line.AppendHexDigits(frame[ArcnetHeader.Field.Source], 2);
            line.Append(' ');
            line.AppendHexDigits(frame[ArcnetHeader.Field.Destination], 2);
            line.Append(' ');
            AppendArcnetTypeName(protocol);
            line.Append(' ');
            line.Append((long)length);
            line.Append(exception ? ":  phds extended [|arcnet]" : ":  phds [|arcnet]");
            return false;
        }
        byte flag = frame[exception ? ArcnetHeader.BsdField.ExceptionSplitFlag : ArcnetHeader.BsdField.SplitFlag];
        if (flag != 0 && (flag & 1) == 0)
            return false;
        return AppendArcnetPayload(packet, frame, index, length, protocol, header);
    }

    /// <summary>tcpdump's arctypemap: the protocol ID's name, or its two hex digits.</summary>
    private void AppendArcnetTypeName(byte protocol)
    {
        string? name = protocol switch
        {
            ArcnetHeader.Protocol.Ipv4Rfc1051 => "oldip",
            ArcnetHeader.Protocol.ArpRfc1051 => "oldarp",
            ArcnetHeader.Protocol.Ipv4 => "ip",
            ArcnetHeader.Protocol.Arp => "arp",
            ArcnetHeader.Protocol.ReverseArp => "rarp",
            0xDD => "atalk",
            0xF7 => "banyan",
            0xFA => "ipx",
            ArcnetHeader.Protocol.Ipv6 => "ipv6",
            ArcnetHeader.Protocol.Diagnose => "diag",
            _ => null,
        };
        if (name is null)
            _line.AppendHexDigits(protocol, 2);
        else
            _line.Append(name);
    }

    /// <summary>arcnet_encap_print after a header of <paramref name="header"/> bytes: see <see cref="AppendArcnet"/>.</summary>
    private bool AppendArcnetPayload(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length, byte protocol, int header)
    {
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
            _line.Append(" [|arp]");
        return false;
    }
}
