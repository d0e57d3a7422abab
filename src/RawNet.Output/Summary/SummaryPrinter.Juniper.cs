using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Juniper;

namespace RawNet.Output.Summary;

// tcpdump's Juniper Ethernet printer (print-juniper.c: juniper_ether_if_print and juniper_parse_header), for
// LINKTYPE_JUNIPER_ETHER: its own walk over the extension TLVs, which only checks them (-vv would print them), then
// Ethernet after the header, or with the no-L2 flag IPv4 or IPv6 guessed from the first byte after the payload type.
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
        if (frame.Length < JuniperHeader.Length)
        {
            Truncated("juniper_ether");
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
                Truncated("juniper_ether");
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
                Truncated("juniper_ether");
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

    /// <summary>ether_print for the bytes at <paramref name="offset"/>, decoded again as an Ethernet frame of <paramref name="length"/> bytes.</summary>
    private void AppendEthernetReadAt(DecodedPacket packet, ReadOnlySpan<byte> frame, int offset, int length)
    {
        var bytes = frame[Math.Min(offset, frame.Length)..];
        AppendLinkAndNetwork(DecodeAside(packet, bytes, length, LinkType.Ethernet), bytes, 1, Math.Max(bytes.Length, length));
    }
}
