using System.Buffers.Binary;
using RawNet.Protocols.Arista;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ethernet;

namespace RawNet.Output.Summary;

// tcpdump 4.99's Arista printer (print-arista.c, arista_ethertype_print, and its caller in print-ether.c): the EtherType
// and the frame's length, the subtype, then for the timestamp subtype the timescale, format and hardware nibbles of the
// version and the timestamp (64-bit as a UTC date, 48-bit as seconds); what follows prints as over Ethernet (VLAN tags
// silently without -e). An unknown subtype or format prints the addresses, the EtherType again and a hex dump.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// arista_ethertype_print for the header of the layer at <paramref name="index"/> (<paramref name="length"/> bytes on
    /// the wire from it, <paramref name="frameLength"/> from the Ethernet header at <paramref name="ethernet"/>). True when
    /// tcpdump goes on to what the header carries and the decoder found it where tcpdump reads it: the next layer prints.
    /// </summary>
    private bool AppendArista(DecodedPacket packet, ReadOnlySpan<byte> frame, int ethernet, int index, int length, int frameLength)
    {
        var line = _line;
        int offset = packet[index].Offset;
        var bytes = frame[Math.Min(offset, frame.Length)..];
        if (bytes.Length < AristaHeader.SubTypeLength || length < AristaHeader.SubTypeLength)
        {
            line.Append("[|arista]");
            return false;
        }
        line.Append("ethertype Arista Vendor Specific Protocol (0xd28b), length ");
        line.Append(frameLength);
        line.Append(": SubType ");
        ushort subType = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        line.Append(subType == AristaHeader.TimestampSubType ? "Timestamp" : "Unknown");
        line.Append(" (");
        line.AppendHex(subType, 4);
        line.Append("), ");
        if (subType != AristaHeader.TimestampSubType)
            return AppendAristaUnknown(packet, frame, ethernet, bytes, frameLength);
        if (bytes.Length < 3)
            return Truncated("arista");
        byte timescale = bytes[2];
        line.Append("Timescale ");
        line.Append(timescale switch { 0 => "TAI", 1 => "UTC", _ => "Unknown" });
        line.Append(" (");
        line.Append(timescale);
        line.Append("), ");
        if (bytes.Length < AristaHeader.FixedLength)
            return Truncated("arista");
        int format = bytes[3] >> 4, hardware = bytes[3] & 0x0F;
        line.Append("Format ");
        line.Append(format switch { 1 => "64-bit", 2 => "48-bit", _ => "Unknown" });
        line.Append(" (");
        line.Append(format);
        line.Append("), HwInfo ");
        line.Append(hardware switch { 0 => "R/R2", 1 => "R3", _ => "Unknown" });
        line.Append(" (");
        line.Append(hardware);
        line.Append("), Timestamp ");
        int timestamp = format switch { 1 => AristaHeader.Timestamp64Length, 2 => AristaHeader.Timestamp48Length, _ => 0 };
        if (timestamp == 0)
            return AppendAristaUnknown(packet, frame, ethernet, bytes, frameLength);
        if (bytes.Length < AristaHeader.FixedLength + timestamp)
            return Truncated("arista");
        var stamp = bytes[AristaHeader.Field.Timestamp..];
        long seconds = timestamp == AristaHeader.Timestamp64Length ? BinaryPrimitives.ReadUInt32BigEndian(stamp) : BinaryPrimitives.ReadUInt16BigEndian(stamp);
        long nanoseconds = BinaryPrimitives.ReadUInt32BigEndian(stamp[(timestamp - 4)..]);
        seconds += nanoseconds / 1_000_000_000;
        nanoseconds %= 1_000_000_000;
        if (timestamp == AristaHeader.Timestamp64Length)
        {
            // A date and time of day (gmtime) with nine decimals.
            var day = DateTime.UnixEpoch.AddDays(seconds / 86400);
            line.AppendPadded(day.Year, 4);
            line.Append('-');
            line.AppendPadded(day.Month, 2);
            line.Append('-');
            line.AppendPadded(day.Day, 2);
            line.Append(' ');
            long ofDay = seconds % 86400;
            line.AppendPadded(ofDay / 3600, 2);
            line.Append(':');
            line.AppendPadded(ofDay / 60 % 60, 2);
            line.Append(':');
            line.AppendPadded(ofDay % 60, 2);
        }
        else
        {
            line.Append(seconds);
        }
        line.Append('.');
        line.AppendPadded(nanoseconds, 9);
        line.Append(": ");
        // tcpdump reads the EtherType after the timestamp (still as the Arista printer, for its truncation mark).
        int consumed = AristaHeader.FixedLength + timestamp;
        if (bytes.Length < consumed + AristaHeader.EtherTypeLength || length < consumed + AristaHeader.EtherTypeLength)
            return Truncated("arista");
        if (index + 1 < packet.LayerCount && packet[index + 1].Offset == offset + consumed + AristaHeader.EtherTypeLength
            && packet[index].Status == LayerStatus.Complete)
            return true;
        if (packet.StopOffset == offset + consumed + AristaHeader.EtherTypeLength && packet.StoppedAt != LayerKind.Arista)
            return true;
        // The decoder stopped at a version tshark does not know that tcpdump reads by its format nibble: IP read where tcpdump reads it.
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(bytes[consumed..]);
        int payload = offset + consumed + AristaHeader.EtherTypeLength;
        int rest = length - consumed - AristaHeader.EtherTypeLength;
        switch (type)
        {
            case 0x0800:
                AppendIpReadAt(packet, frame, LayerKind.Ipv4, payload, rest);
                return false;
            case 0x86DD:
                AppendIpReadAt(packet, frame, LayerKind.Ipv6, payload, rest);
                return false;
            case <= EthernetHeader.MaxLength:
                // A length: an 802.3 frame's LLC, bounded by it.
                AppendLlc(frame[packet[ethernet].Offset..], frame[Math.Min(payload, frame.Length)..Math.Min(frame.Length, payload + type)],
                    Math.Min(type, rest), LayerKind.Payload);
                return false;
            default:
                AppendSourceAndDestination(frame[packet[ethernet].Offset..]);
                line.Append(", ethertype Unknown (");
                line.AppendHex(type, 4);
                line.Append("), length ");
                line.Append(frameLength);
                line.Append(": ");
                AppendHexDump(frame[Math.Min(payload, frame.Length)..], "\n\t", withText: true);
                return false;
        }
    }

    /// <summary>A subtype or timestamp format tcpdump does not know: the addresses, the EtherType again and a hex dump of the header on.</summary>
    private bool AppendAristaUnknown(DecodedPacket packet, ReadOnlySpan<byte> frame, int ethernet, ReadOnlySpan<byte> bytes, int frameLength)
    {
        AppendSourceAndDestination(frame[packet[ethernet].Offset..]);
        _line.Append(", ethertype Arista Vendor Specific Protocol (0xd28b), length ");
        _line.Append(frameLength);
        _line.Append(": ");
        AppendHexDump(bytes, "\n\t", withText: true);
        return false;
    }

    /// <summary>The Ethernet layer before the Arista header at <paramref name="index"/> (past VLAN tags and outer Arista headers), or -1.</summary>
    private static int EthernetBeforeArista(DecodedPacket packet, int index)
    {
        for (int i = index - 1; i > 0; i--)
        {
            if (packet[i].Kind == LayerKind.Ethernet)
                return packet[i].Source == LayerSource.Frame ? i : -1;
            if (packet[i].Kind is not (LayerKind.Vlan or LayerKind.ServiceVlan or LayerKind.Arista))
                return -1;
        }
        return -1;
    }
}
