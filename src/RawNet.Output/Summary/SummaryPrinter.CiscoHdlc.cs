using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.CiscoHdlc;
using RawNet.Protocols.Decoding;

namespace RawNet.Output.Summary;

// tcpdump's Cisco HDLC printer (print-chdlc.c: chdlc_print and chdlc_slarp_print), for LINKTYPE_C_HDLC and for
// LINKTYPE_PPP_HDLC frames whose first byte is a Cisco address.
public sealed partial class SummaryPrinter
{
    /// <summary>The Cisco HDLC header at <paramref name="offset"/> and what it carries; <paramref name="length"/> is the frame's length from there.</summary>
    private void AppendCiscoHdlc(DecodedPacket packet, ReadOnlySpan<byte> frame, int offset, int length)
    {
        var line = _line;
        var bytes = frame[Math.Min(offset, frame.Length)..];
        if (!CiscoHdlcHeader.TryRead(bytes, out var chdlc))
        {
            Truncated("chdlc");
            return;
        }
        int at = offset + CiscoHdlcHeader.Length;
        length -= CiscoHdlcHeader.Length;
        switch (chdlc.Protocol)
        {
            case (ushort)EtherType.Ipv4:
                AppendIpAt(packet, frame, LayerKind.Ipv4, at, length);
                return;
            case (ushort)EtherType.Ipv6:
                AppendIpAt(packet, frame, LayerKind.Ipv6, at, length);
                return;
            case CiscoHdlcHeader.SlarpProtocol:
                AppendSlarp(frame[at..], length);
                return;
            case (ushort)EtherType.MplsUnicast or (ushort)EtherType.MplsMulticast:
                AppendMpls(packet, frame, at, length);
                return;
            default:
                line.Append("unknown CHDLC protocol (");
                line.AppendHex(chdlc.Protocol, 4);
                line.Append(')');
                return;
        }
    }

    /// <summary>ip_print or ip6_print for the bytes at <paramref name="offset"/>, from the layer RawNet decoded there.</summary>
    private void AppendIpAt(DecodedPacket packet, ReadOnlySpan<byte> frame, LayerKind kind, int offset, int length)
    {
        for (int i = 1; i < packet.LayerCount; i++)
        {
            ref readonly Layer layer = ref packet[i];
            if (layer.Source != LayerSource.Frame || layer.Offset != offset || layer.Quoted)
                continue;
            if (layer.Kind == LayerKind.Ipv4 && kind == LayerKind.Ipv4)
            {
                AppendIpv4(packet, frame, i, length);
                return;
            }
            if (layer.Kind == LayerKind.Ipv6 && kind == LayerKind.Ipv6)
            {
                AppendIpv6(packet, frame, i, length);
                return;
            }
        }
        if (kind == LayerKind.Ipv4 && AppendIpVersionProblem(frame[Math.Min(offset, frame.Length)..]))
            return;
        _line.Append(packet.StopReason ?? "not decoded");
    }

    /// <summary>chdlc_slarp_print: the packet's type and fields, <paramref name="length"/> the bytes after the Cisco HDLC header on the wire.</summary>
    private void AppendSlarp(ReadOnlySpan<byte> bytes, int length)
    {
        const int minimumLength = SlarpPacket.Field.Uptime, uptimeEnd = SlarpPacket.Field.Uptime + 4;
        var line = _line;
        line.Append("SLARP (length: ");
        line.Append(length);
        line.Append("), ");
        if (length < minimumLength || bytes.Length < minimumLength || !SlarpPacket.TryRead(bytes, out var slarp))
        {
            Truncated("chdlc_slarp");
            return;
        }
        switch (slarp.Type)
        {
            case SlarpType.Request:
                line.Append("request");
                break;
            case SlarpType.Reply:
                line.Append("reply ");
                line.AppendIpv4(slarp.Address);
                line.Append('/');
                line.AppendIpv4(slarp.Netmask);
                break;
            case SlarpType.Keepalive:
                line.Append("keepalive: mineseen=");
                line.AppendHex(slarp.MySequence, 8);
                line.Append(", yourseen=");
                line.AppendHex(slarp.YourSequence, 8);
                line.Append(", reliability=");
                line.AppendHex(slarp.Reliability, 4);
                if (length >= uptimeEnd)
                {
                    if (bytes.Length < uptimeEnd)
                    {
                        Truncated("chdlc_slarp");
                        return;
                    }
                    uint seconds = BinaryPrimitives.ReadUInt32BigEndian(bytes[SlarpPacket.Field.Uptime..]) / 1000;
                    line.Append(", link uptime=");
                    line.Append(seconds / 86400);
                    line.Append('d');
                    line.Append(seconds / 3600 % 24);
                    line.Append('h');
                    line.Append(seconds / 60 % 60);
                    line.Append('m');
                    line.Append(seconds % 60);
                    line.Append('s');
                }
                break;
            default:
                line.AppendHex((uint)slarp.Type, 2);
                line.Append(" unknown");
                var rest = bytes[SlarpPacket.TypeLength..];
                AppendHexDump(rest[..Math.Min(rest.Length, length - SlarpPacket.TypeLength)], "\n\t", withText: false);
                break;
        }
        if (length > uptimeEnd && _verbose)
        {
            line.Append(", (trailing junk: ");
            line.Append(length - uptimeEnd);
            line.Append(" bytes)");
        }
    }
}
