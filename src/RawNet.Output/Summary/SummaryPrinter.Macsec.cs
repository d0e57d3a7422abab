using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Macsec;

namespace RawNet.Output.Summary;

// tcpdump's MACsec printer (print-macsec.c, macsec_print, and its caller in print-ether.c): without -e nothing of the
// SecTAG shows for unmodified data, whose EtherType and payload print as if Ethernet carried them directly, less the
// ICV and bounded by the short length; encrypted or changed data prints the addresses, the SecTAG and a hex dump.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// macsec_print for the SecTAG at <paramref name="offset"/> (<paramref name="length"/> bytes on the wire from there)
    /// behind the Ethernet header at <paramref name="ethernet"/>, then what the unmodified data carries: the layer at
    /// <paramref name="next"/>, or -1 when tshark did not take the frame for MACsec.
    /// </summary>
    private void AppendMacsec(DecodedPacket packet, ReadOnlySpan<byte> frame, int ethernet, int offset, int length, int next)
    {
        var line = _line;
        var bytes = frame[Math.Min(offset, frame.Length)..];
        if (bytes.Length < MacsecHeader.Length || length < MacsecHeader.Length)
        {
            Truncated("macsec");
            return;
        }
        int sectag = MacsecHeader.LengthOf(bytes[MacsecHeader.Field.TciAn]);
        if (bytes.Length < sectag || length < sectag)
        {
            Truncated("macsec");
            return;
        }
        MacsecHeader.TryRead(bytes, out var tag);
        if ((tag.ShortLength & ~MacsecHeader.Mask.ShortLength) != 0 || !tag.IsVersionZero)
        {
            line.Append(" (invalid)");
            return;
        }
        int captured = bytes.Length - sectag;
        length -= sectag;
        if (tag.IsConfidential)
        {
            AppendSourceAndDestination(frame[packet[ethernet].Offset..]);
            line.Append(" 802.1AE MACsec, ");
            AppendSecTag(tag);
            AppendHexDump(bytes.Slice(sectag, captured), "\n\t", withText: true);
            return;
        }
        if (length < MacsecHeader.IcvLength || captured < MacsecHeader.IcvLength)
        {
            Truncated("macsec");
            return;
        }
        length -= MacsecHeader.IcvLength;
        captured -= MacsecHeader.IcvLength;
        // The end of what tcpdump's printers may read: the capture's, less the ICV (the short length bounds only the lengths).
        var seen = frame[..(offset + sectag + captured)];
        if (tag.ShortLength != 0)
        {
            if (tag.ShortLength > length || tag.ShortLength > captured)
            {
                Truncated("macsec");
                return;
            }
            length = Math.Min(length, tag.ShortLength);
            captured = Math.Min(captured, tag.ShortLength);
        }
        if (captured < MacsecHeader.EtherTypeLength)
        {
            Truncated("ether");
            return;
        }
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(bytes[sectag..]);
        int payload = offset + sectag + MacsecHeader.EtherTypeLength;
        length -= MacsecHeader.EtherTypeLength;
        var kind = next >= 0 && next < packet.LayerCount && packet[next].Offset == payload ? packet[next].Kind : LayerKind.Payload;
        // VLAN tags inside print nothing without -e: what they carry prints with their four bytes less.
        while (kind is LayerKind.Vlan or LayerKind.ServiceVlan && packet[next].Status == LayerStatus.Complete && next + 1 < packet.LayerCount
            && packet[next].PayloadOffset + 2 <= seen.Length)
        {
            length -= packet[next].HeaderLength;
            next++;
            kind = packet[next].Kind;
        }
        switch (kind)
        {
            case LayerKind.Ipv4:
                AppendIpv4(packet, seen, next, length);
                return;
            case LayerKind.Ipv6:
                AppendIpv6(packet, seen, next, length);
                return;
            case LayerKind.Arp:
                AppendArp(packet, seen, next, length);
                return;
            default:
            {
                AppendSourceAndDestination(frame[packet[ethernet].Offset..]);
                line.Append(", ethertype Unknown (");
                line.AppendHex(type, 4);
                line.Append("), length ");
                line.Append(Math.Max(packet.Metadata.OriginalLength, frame.Length) - packet[ethernet].Offset);
                line.Append(": ");
                AppendHexDump(seen.Slice(payload, captured - MacsecHeader.EtherTypeLength), "\n\t", withText: true);
                return;
            }
        }
    }

    /// <summary>An Ethernet header's addresses as tcpdump writes them when -e did not: "source > destination".</summary>
    private void AppendSourceAndDestination(ReadOnlySpan<byte> ethernet)
    {
        _line.AppendMac(ethernet.Slice(6, 6));
        _line.Append(" > ");
        _line.AppendMac(ethernet[..6]);
    }

    /// <summary>macsec_print_header: "an 0, pn 5, flags EI, sl 20, sci 0200000000010001, ".</summary>
    private void AppendSecTag(MacsecHeader tag)
    {
        var line = _line;
        line.Append("an ");
        line.Append(tag.AssociationNumber);
        line.Append(", pn ");
        line.Append(tag.PacketNumber);
        line.Append(", flags ");
        int start = line.Length;
        byte tci = tag.TciAn;
        if ((tci & MacsecHeader.Mask.Encrypted) != 0)
            line.Append('E');
        if ((tci & MacsecHeader.Mask.Changed) != 0)
            line.Append('C');
        if ((tci & MacsecHeader.Mask.EndStation) != 0)
            line.Append('S');
        if ((tci & MacsecHeader.Mask.SingleCopyBroadcast) != 0)
            line.Append('B');
        if ((tci & MacsecHeader.Mask.SecureChannel) != 0)
            line.Append('I');
        if (line.Length == start)
            line.Append("none");
        if (tag.ShortLength != 0)
        {
            line.Append(", sl ");
            line.Append(tag.ShortLength);
        }
        if (tag.HasSci)
        {
            line.Append(", sci ");
            line.AppendHexDigits(tag.Sci, 16);
        }
        line.Append(", ");
    }
}
