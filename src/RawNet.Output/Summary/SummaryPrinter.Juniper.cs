using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Juniper;

namespace RawNet.Output.Summary;

// tcpdump's Juniper printers (print-juniper.c: juniper_parse_header, and juniper_ether_if_print, juniper_pppoe_if_print,
// juniper_ppp_if_print, juniper_frelay_if_print, juniper_chdlc_if_print): its own walk over the extension TLVs, which
// only checks them (-vv would print them), then Ethernet, PPP, Frame Relay or Cisco HDLC after the header, or with the
// no-L2 flag IPv4 or IPv6 guessed from the first byte after the payload type. tcpdump has no Voice PIC printer.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// The Juniper header at layer <paramref name="index"/> (the frame's start): true when the Ethernet frame after it is
    /// the layer the loop prints next (then <paramref name="length"/> and <paramref name="linkStart"/> move to it), else
    /// the line for the rest, and false. <paramref name="length"/> is the frame's length.
    /// </summary>
    private bool AppendJuniper(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ref int length, ref int linkStart)
    {
        var line = _line;
        var link = (JuniperLink)packet[index].Detail;
        string name = JuniperHeader.TcpdumpName(link);
        if (frame.Length < JuniperHeader.Length)
        {
            Truncated(name);
            return false;
        }
        if (!JuniperHeader.HasMagic(frame))
        {
            line.Append("no magic-number found!");
            return false;
        }
        int header = JuniperHeader.Length;
        if ((frame[JuniperHeader.Field.Flags] & JuniperHeader.Flags.Extensions) != 0)
        {
            // The extensions must all have been captured; a TLV longer than what is left of them is invalid. A type or
            // length of 0 ends the walk, which only checks: nothing of it shows below -vv.
            if (frame.Length < JuniperHeader.ExtendedLength
                || frame.Length - JuniperHeader.ExtendedLength < JuniperHeader.ExtensionLength(frame))
            {
                Truncated(name);
                return false;
            }
            int left = JuniperHeader.ExtensionLength(frame);
            header = JuniperHeader.ExtendedLength + left;
            for (int at = JuniperHeader.ExtendedLength; left > JuniperHeader.TlvHeaderLength;)
            {
                int type = frame[at], size = frame[at + 1];
                at += JuniperHeader.TlvHeaderLength;
                if (type == 0 || size == 0)
                    break;
                if (left < size + JuniperHeader.TlvHeaderLength)
                {
                    line.Append(" [extension_length ");
                    line.Append(left);
                    line.Append(" < ");
                    line.Append(size + JuniperHeader.TlvHeaderLength);
                    line.Append("] (invalid)");
                    return false;
                }
                at += size;
                left -= size + JuniperHeader.TlvHeaderLength;
            }
        }
        if ((frame[JuniperHeader.Field.Flags] & JuniperHeader.Flags.NoL2) != 0)
        {
            // No link header: tcpdump skips the payload type and guesses IP from the next byte.
            int ip = header + JuniperHeader.PayloadTypeLength;
            if (frame.Length <= ip)
            {
                Truncated(name);
                return false;
            }
            if (frame[ip] is >= 0x45 and <= 0x4f)
                AppendIpReadAt(packet, frame, LayerKind.Ipv4, ip, length - ip);
            else if (frame[ip] is >= 0x60 and <= 0x6f)
                AppendIpReadAt(packet, frame, LayerKind.Ipv6, ip, length - ip);
            else
                line.Append("no IP-hdr found!");
            return false;
        }
        if (link == JuniperLink.Pppoe && frame.Length - header < 2)
        {
            // The PPPoE PIC is in tcpdump's cookie table (no cookie): it reads a 16-bit protocol after the header first.
            Truncated(name);
            return false;
        }
        if (link == JuniperLink.Ppp)
        {
            AppendJuniperPpp(packet, frame[Math.Min(header, frame.Length)..], length - header);
            return false;
        }
        if (link is JuniperLink.FrameRelay or JuniperLink.CiscoHdlc)
        {
            // fr_print and chdlc_print right after the header.
            var bytes = frame[Math.Min(header, frame.Length)..];
            var serial = link == JuniperLink.FrameRelay ? LinkType.FrameRelay : LinkType.CiscoHdlc;
            AppendLinkAndNetwork(DecodeAside(packet, bytes, length - header, serial), bytes, 1, Math.Max(bytes.Length, length - header));
            return false;
        }
        if (index + 1 < packet.LayerCount && packet[index + 1].Kind == LayerKind.Ethernet && packet[index + 1].Offset == header)
        {
            length -= header;
            linkStart = header;
            return true;
        }
        // tshark's header length wrapped at 16 bits and put its Ethernet frame elsewhere: read it where tcpdump does.
        AppendEthernetReadAt(packet, frame, header, length - header);
        return false;
    }

    /// <summary>
    /// tcpdump's ppp_print over <paramref name="bytes"/> (<paramref name="length"/> on the wire), right after the header,
    /// whatever tshark skipped: unlike LINKTYPE_PPP's ppp_if_print it wants no 4 captured bytes first. Address and control
    /// (or pppd's direction and control) are skipped, then a 1- or 2-byte protocol; what it names is decoded again from
    /// these bytes as tcpdump reads them.
    /// </summary>
    private void AppendJuniperPpp(DecodedPacket packet, ReadOnlySpan<byte> bytes, int length)
    {
        if (length < 2 || bytes.Length < 2)
        {
            Truncated("ppp");
            return;
        }
        int at = 0;
        ushort first = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        if (first is 0xFF03 or 0x0003 or 0x0103)
        {
            at = 2;
            length -= 2;
        }
        bool compressed = bytes.Length > at && (bytes[at] & 1) != 0;
        if (length < 2 || bytes.Length < at + (compressed ? 1 : 2))
        {
            Truncated("ppp");
            return;
        }
        ushort protocol = compressed ? bytes[at] : BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);
        int protocolLength = compressed ? 1 : 2;
        var side = DecodeAside(packet, bytes, length + at, first is 0x0003 or 0x0103 ? LinkType.PppPppd : LinkType.Ppp);
        AppendPppData(side, bytes, protocol, at + protocolLength, length - protocolLength);
    }

    /// <summary>ether_print for the bytes at <paramref name="offset"/>, decoded again as an Ethernet frame of <paramref name="length"/> bytes.</summary>
    private void AppendEthernetReadAt(DecodedPacket packet, ReadOnlySpan<byte> frame, int offset, int length)
    {
        var bytes = frame[Math.Min(offset, frame.Length)..];
        AppendLinkAndNetwork(DecodeAside(packet, bytes, length, LinkType.Ethernet), bytes, 1, Math.Max(bytes.Length, length));
    }
}
