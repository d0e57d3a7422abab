using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Juniper;

namespace RawNet.Output.Summary;

// tcpdump's Juniper printers (print-juniper.c: juniper_parse_header, and juniper_ether_if_print, juniper_pppoe_if_print,
// juniper_ppp_if_print, juniper_frelay_if_print, juniper_chdlc_if_print): its own walk over the extension TLVs, which
// only checks them (-vv would print them), then Ethernet, PPP, Frame Relay or Cisco HDLC after the header, or with the
// no-L2 flag IPv4 or IPv6 guessed from the first byte after the payload type. tcpdump has no Voice PIC printer. The PIC
// link types (juniper_mlppp_if_print, _mlfr_, _ggsn_, _atm1_, _atm2_, _services_) read a cookie of their own length
// (an LS PIC's 0x54 two bytes longer, an AS PIC's 0x47 eight) and guess the payload by tcpdump's rules, not tshark's.
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
        if (JuniperHeader.HasTail(link))
        {
            AppendJuniperPic(packet, frame, link, header, length - header);
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

    /// <summary>
    /// juniper_parse_header's cookie and the PIC's printer for <paramref name="link"/>, after a header of
    /// <paramref name="header"/> bytes (<paramref name="length"/> on the wire after it). ATM OAM cells, MPLS and the OSI
    /// protocols print as <see cref="AppendIsoNlpid"/> and the MPLS printer can; an OAM cell's line is not tcpdump's.
    /// </summary>
    private void AppendJuniperPic(DecodedPacket packet, ReadOnlySpan<byte> frame, JuniperLink link, int header, int length)
    {
        string name = JuniperHeader.TcpdumpName(link);
        if (frame.Length <= header)
        {
            Truncated(name);
            return;
        }
        int cookieLength = link switch
        {
            JuniperLink.Atm1 => 4,
            JuniperLink.Mlppp or JuniperLink.Mlfr => 2,
            _ => 8,
        };
        bool ls = frame[header] == 0x54, asPic = frame[header] == 0x47;
        cookieLength = asPic ? 8 : ls ? cookieLength + 2 : cookieLength;
        int p = header + cookieLength;
        if (frame.Length < p + 2)
        {
            Truncated(name);
            return;
        }
        var cookie = frame.Slice(header, cookieLength);
        int proto = BinaryPrimitives.ReadUInt16BigEndian(frame[p..]);
        length -= cookieLength;
        if (link == JuniperLink.Mlppp && asPic || link == JuniperLink.Mlfr && asPic)
            proto = cookie[5] & 0x70;
        else if (link == JuniperLink.Mlfr)
        {
            p += 2;
            length -= 2;
        }
        else if (link == JuniperLink.Atm2)
        {
            if (frame.Length < p + 4)
            {
                Truncated(name);
                return;
            }
            // A cell relay control word tcpdump recognises adds to the header, not to the length.
            if ((cookie[7] & 0x70) != 0 && BinaryPrimitives.ReadUInt32BigEndian(frame[p..]) is 0 or 0x08000000 or 0x08380000)
                p += 4;
        }
        switch (link)
        {
            case JuniperLink.Ggsn:
                if (cookie[2] is JuniperHeader.PayloadType.Ipv4 or JuniperHeader.PayloadType.Ipv6)
                    AppendIpReadAt(packet, frame, cookie[2] == JuniperHeader.PayloadType.Ipv4 ? LayerKind.Ipv4 : LayerKind.Ipv6, p, length);
                else
                {
                    _line.Append("unknown GGSN proto (");
                    _line.Append(cookie[2]);
                    _line.Append(')');
                }
                return;
            case JuniperLink.Services:
                // The services header after the cookie (service and set IDs, the interface) is checked, not skipped.
                if (frame.Length < p + JuniperServicesHeaderLength)
                    Truncated(name);
                else
                    AppendJuniperIpGuess(packet, frame, p, length, name);
                return;
            case JuniperLink.Mlppp:
                AppendJuniperMlppp(packet, frame, cookie, proto, p, length);
                return;
            case JuniperLink.Mlfr:
                if (proto is 0x0003 or 0x0300)
                    AppendIsoNlpid(packet, frame, p, length);
                else if (proto is 0x0308 or 0x03CC or 0x038E)
                    AppendIsoNlpid(packet, frame, p - 1, length + 1);
                else
                {
                    _line.Append("unknown protocol 0x");
                    _line.AppendHexDigits((uint)proto, 4);
                    _line.Append(", length ");
                    _line.Append(length);
                }
                return;
        }
        // ATM1 and ATM2: an OAM cell, LLC, (ATM2) Ethernet sent with a gap count, Cisco's NLPID, (ATM2) PPP, then IP.
        if (link == JuniperLink.Atm1 ? cookie[0] == 0x80 : (cookie[7] & 0x70) != 0)
            return;
        if (frame.Length < p + 3)
        {
            Truncated(name);
            return;
        }
        int first3 = frame[p] << 16 | frame[p + 1] << 8 | frame[p + 2];
        var bytes = frame[p..];
        if (first3 is 0xFEFE03 or 0xAAAA03)
        {
            AppendLinkAndNetwork(DecodeAside(packet, bytes, length, LinkType.AtmRfc1483), bytes, 1, Math.Max(bytes.Length, length));
            return;
        }
        if (link == JuniperLink.Atm2 && (frame[3] & JuniperHeader.Flags.In) == 0 && (cookie[3] & 0x3F) != 0)
        {
            AppendEthernetReadAt(packet, frame, p, length);
            return;
        }
        if (frame[p] == 0x03)
        {
            AppendIsoNlpid(packet, frame, p + 1, length - 1);
            return;
        }
        if (link == JuniperLink.Atm2 && JuniperTail.IsPppGuess(BinaryPrimitives.ReadUInt16BigEndian(bytes)))
        {
            AppendJuniperPpp(packet, bytes, length);
            return;
        }
        AppendJuniperIpGuess(packet, frame, p, length, name);
    }

    /// <summary>
    /// juniper_mlppp_if_print: the LSQ protocol (an AS cookie's, else the two bytes after the cookie) names IPv4 (PPP for
    /// IS-IS to the routing engine), IPv6, MPLS or OSI; anything else is PPP, from two bytes back after a cookie of PPP_OSI.
    /// </summary>
    private void AppendJuniperMlppp(DecodedPacket packet, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> cookie, int proto, int p, int length)
    {
        switch (proto)
        {
            case 0x00 when cookie.Length > 4 && cookie[4] == 0x0C:
                AppendJuniperPpp(packet, frame[p..], length);
                return;
            case 0x00:
                AppendIpReadAt(packet, frame, LayerKind.Ipv4, p, length);
                return;
            case 0x10:
                AppendIpReadAt(packet, frame, LayerKind.Ipv6, p, length);
                return;
            case 0x20:
                var bytes = frame[p..];
                AppendLinkAndNetwork(DecodeAside(packet, bytes, length, LinkType.Mpls), bytes, 1, Math.Max(bytes.Length, length));
                return;
            case 0x30:
                AppendIsoNlpid(packet, frame, p, length);
                return;
        }
        if (BinaryPrimitives.ReadUInt16BigEndian(cookie) == 0x0023)
            AppendJuniperPpp(packet, frame[(p - 2)..], length + 2);
        else
            AppendJuniperPpp(packet, frame[p..], length);
    }

    /// <summary>The length of the services header tcpdump 4.99 checks after the cookie.</summary>
    private const int JuniperServicesHeaderLength = 8;

    /// <summary>tcpdump's ip_heuristic_guess at <paramref name="p"/>: IPv4 or IPv6 by the first byte, else nothing at all.</summary>
    private void AppendJuniperIpGuess(DecodedPacket packet, ReadOnlySpan<byte> frame, int p, int length, string name)
    {
        if (frame.Length <= p)
        {
            Truncated(name);
            return;
        }
        int guess = JuniperTail.IpGuess(frame[p]);
        if (guess != 0)
            AppendIpReadAt(packet, frame, guess == JuniperHeader.PayloadType.Ipv4 ? LayerKind.Ipv4 : LayerKind.Ipv6, p, length);
    }

    /// <summary>ether_print for the bytes at <paramref name="offset"/>, decoded again as an Ethernet frame of <paramref name="length"/> bytes.</summary>
    private void AppendEthernetReadAt(DecodedPacket packet, ReadOnlySpan<byte> frame, int offset, int length)
    {
        var bytes = frame[Math.Min(offset, frame.Length)..];
        AppendLinkAndNetwork(DecodeAside(packet, bytes, length, LinkType.Ethernet), bytes, 1, Math.Max(bytes.Length, length));
    }
}
