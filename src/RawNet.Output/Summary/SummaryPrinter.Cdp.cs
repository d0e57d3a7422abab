using System.Buffers.Binary;

namespace RawNet.Output.Summary;

// tcpdump 4.99's cdp_print without -v.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// The value lengths cdp_print's table allows for the TLV types it has a length rule for (others: any): a value
    /// outside them is " (malformed TLV)".
    /// </summary>
    private static (int Min, int Max) CdpValueLengths(int type) => type switch
    {
        0x04 or 0x11 => (4, 4),
        0x0a => (2, 2),
        0x0b or 0x12 or 0x13 => (1, 1),
        0x0e => (3, 3),
        0x0f => (2, 3),
        0x10 => (1, 3),
        0x16 => (4, -1),
        0x17 => (1, -1),
        _ => (-1, -1),
    };

    /// <summary>tcpdump's TLV names (cdp_tlvinfo), for the "TLV length too short" words; "unknown field type" for the rest.</summary>
    private static string CdpTlvName(int type) => type switch
    {
        0x01 => "Device-ID",
        0x02 => "Address",
        0x03 => "Port-ID",
        0x04 => "Capability",
        0x05 => "Version String",
        0x06 => "Platform",
        0x07 => "Prefixes",
        0x08 => "Protocol-Hello option",
        0x09 => "VTP Management Domain",
        0x0a => "Native VLAN ID",
        0x0b => "Duplex",
        0x0e => "ATA-186 VoIP VLAN assignment",
        0x0f => "ATA-186 VoIP VLAN request",
        0x10 => "power consumption",
        0x11 => "MTU",
        0x12 => "AVVID trust bitmap",
        0x13 => "AVVID untrusted ports CoS",
        0x14 => "System Name",
        0x15 => "System Object ID (not decoded)",
        0x16 => "Management Addresses",
        0x17 => "Physical Location",
        _ => "unknown field type",
    };

    /// <summary>
    /// cdp_print without -v for the PDU whose captured bytes are <paramref name="pdu"/>, <paramref name="length"/> on the
    /// wire: "CDPv2, ttl: 180s", then per TLV the device ID (", Device-ID '...'") or, for any other, its value dumped in
    /// hex (tcpdump 4.99 dumps what it does not print), " (malformed TLV)" before a value its table's lengths refuse, and
    /// ", length N"; a TLV length below 4 or past the PDU, or fewer than 4 bytes left, end the line with tcpdump's words
    /// and " (invalid)"; a read past the capture with " [|cdp]".
    /// </summary>
    private void AppendCdp(ReadOnlySpan<byte> pdu, int length)
    {
        var line = _line;
        if (length < 4)
        {
            line.Append(" (packet length ");
            line.Append(length);
            line.Append(" < 4)");
            CdpInvalid(pdu, 0, length);
            return;
        }
        if (pdu.Length < 2)
        {
            Truncated("cdp");
            return;
        }
        line.Append("CDPv");
        line.Append(pdu[0]);
        line.Append(", ttl: ");
        line.Append(pdu[1]);
        line.Append('s');
        if (pdu.Length < 4)
        {
            Truncated("cdp");
            return;
        }
        int at = 4, left = length - 4;
        while (left > 0)
        {
            if (left < 4)
            {
                line.Append(" (remaining packet length ");
                line.Append(left);
                line.Append(" < 4)");
                CdpInvalid(pdu, at, left);
                return;
            }
            if (at + 4 > pdu.Length)
            {
                Truncated("cdp");
                return;
            }
            int type = BinaryPrimitives.ReadUInt16BigEndian(pdu[at..]), tlvLength = BinaryPrimitives.ReadUInt16BigEndian(pdu[(at + 2)..]);
            if (tlvLength < 4)
            {
                line.Append(", ");
                line.Append(CdpTlvName(type));
                line.Append(" TLV length ");
                line.Append(tlvLength);
                line.Append(" too short");
                CdpInvalid(pdu, at, left);
                return;
            }
            if (tlvLength > left)
            {
                line.Append(" (TLV length ");
                line.Append(tlvLength);
                line.Append(" > ");
                line.Append(left);
                line.Append(')');
                CdpInvalid(pdu, at, left);
                return;
            }
            at += 4;
            left -= 4;
            int value = tlvLength - 4;
            if (type == 0x01)
                line.Append(", Device-ID ");
            var (min, max) = CdpValueLengths(type);
            bool covered = false;
            if (min > 0 && value < min || max > 0 && value > max)
                line.Append(" (malformed TLV)");
            else if (type == 0x01)
            {
                line.Append('\'');
                for (int i = 0; i < value; i++)
                {
                    if (at + i >= pdu.Length)
                    {
                        Truncated("cdp");
                        return;
                    }
                    AppendPrintable(pdu[at + i]);
                }
                line.Append('\'');
                covered = true;
            }
            if (!covered)
            {
                if (at + value > pdu.Length)
                {
                    Truncated("cdp");
                    return;
                }
                AppendHexDump(pdu.Slice(at, value), "\n\t  ", withText: false);
            }
            at += value;
            left -= value;
        }
        line.Append(", length ");
        line.Append(length);
    }

    /// <summary>nd_print_invalid, then the check that the rest (<paramref name="left"/> bytes from <paramref name="at"/>) was captured.</summary>
    private void CdpInvalid(ReadOnlySpan<byte> pdu, int at, int left)
    {
        _line.Append(" (invalid)");
        if (at + left > pdu.Length)
            Truncated("cdp");
    }
}
