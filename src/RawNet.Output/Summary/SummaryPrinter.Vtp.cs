using System.Buffers.Binary;

namespace RawNet.Output.Summary;

// tcpdump 4.99's vtp_print.
public sealed partial class SummaryPrinter
{
    /// <summary>The fixed header vtp_print checks first: version, code, a byte, the domain's length and its 32 bytes.</summary>
    private const int VtpHeaderLength = 36;

    /// <summary>
    /// vtp_print for the PDU whose captured bytes are <paramref name="pdu"/>, <paramref name="length"/> on the wire:
    /// "VTPv1, Message Summary advertisement (0x01), length 72" (under 36 bytes " (invalid)"); with -v the domain and the
    /// header's third byte ("\n\tDomain name: corp, Followers: 1"), then by code the revision, updater, timestamp and MD5
    /// digest, or the revision and each VLAN entry with its TLVs, or the start value. A domain length of 0 or above 32, a
    /// VLAN entry shorter than its fixed part or its name, or a TLV past its entry or of other than one word end the line
    /// with " (invalid)"; a read past the capture, or bytes of the PDU not captured, with " [|vtp]".
    /// </summary>
    private void AppendVtp(ReadOnlySpan<byte> pdu, int length)
    {
        var line = _line;
        if (length < VtpHeaderLength)
        {
            VtpInvalid(pdu, length);
            return;
        }
        if (pdu.Length < VtpHeaderLength)
        {
            Truncated("vtp");
            return;
        }
        int type = pdu[1];
        line.Append("VTPv");
        line.Append(pdu[0]);
        line.Append(", Message ");
        line.Append(type switch
        {
            1 => "Summary advertisement", 2 => "Subset advertisement", 3 => "Advertisement request", 4 => "Join message",
            _ => "Unknown message type",
        });
        line.Append(" (0x");
        line.AppendHexDigits((ulong)type, 2);
        line.Append("), length ");
        line.Append(length);
        if (!_verbose)
        {
            VtpRemainder(pdu, length);
            return;
        }
        line.Append("\n\tDomain name: ");
        int domainLength = pdu[3];
        if (domainLength is < 1 or > 32)
        {
            line.Append(" [invalid MgmtD Len ");
            line.Append(domainLength);
            line.Append(']');
            VtpInvalid(pdu, length);
            return;
        }
        AppendNulPadded(pdu, 4, domainLength);
        line.Append(", ");
        line.Append(type switch { 1 => "Followers", 2 => "Seq number", 3 or 4 => "Rsvd", _ => "Unknown" });
        line.Append(": ");
        line.Append(pdu[2]);
        int at = VtpHeaderLength;
        switch (type)
        {
            case 1:
                if (at + 8 > pdu.Length)
                    break;
                line.Append("\n\t  Config Rev ");
                line.AppendHexDigits(BinaryPrimitives.ReadUInt32BigEndian(pdu[at..]), 1);
                line.Append(", Updater ");
                line.AppendIpv4(pdu.Slice(at + 4, 4));
                at += 8;
                if (at + 12 > pdu.Length)
                    break;
                line.Append(", Timestamp");
                for (int i = 0; i < 3; i++, at += 4)
                {
                    line.Append(" 0x");
                    line.AppendHexDigits(BinaryPrimitives.ReadUInt32BigEndian(pdu[at..]), 8);
                }
                if (at + 16 > pdu.Length)
                    break;
                line.Append(", MD5 digest: ");
                for (int i = 0; i < 16; i++)
                    line.AppendHexDigits(pdu[at + i], 2);
                return;
            case 2:
                if (at + 4 > pdu.Length)
                    break;
                line.Append(", Config Rev ");
                line.AppendHexDigits(BinaryPrimitives.ReadUInt32BigEndian(pdu[at..]), 1);
                at += 4;
                while (at < length)
                {
                    if (at >= pdu.Length)
                        break;
                    int entry = pdu[at];
                    if (entry == 0)
                        return;
                    if (at + entry > pdu.Length)
                        break;
                    if (entry < 12)
                    {
                        VtpInvalid(pdu, length);
                        return;
                    }
                    if (!AppendVtpVlan(pdu, at, entry, length))
                        return;
                    at += entry;
                }
                if (at < length)
                    break;
                return;
            case 3:
                if (at + 4 > pdu.Length)
                    break;
                line.Append("\n\tStart value: ");
                line.Append(BinaryPrimitives.ReadUInt32BigEndian(pdu[at..]));
                return;
            default:
                return;
        }
        Truncated("vtp");
    }

    /// <summary>One VLAN entry of <paramref name="entry"/> bytes (all captured, at least the fixed 12) at <paramref name="at"/>; false when the line ended.</summary>
    private bool AppendVtpVlan(ReadOnlySpan<byte> pdu, int at, int entry, int length)
    {
        var line = _line;
        line.Append("\n\tVLAN info status ");
        line.Append(pdu[at + 1] switch { 0 => "Operational", 1 => "Suspended", _ => "Unknown" });
        line.Append(", type ");
        line.Append(pdu[at + 2] switch { 1 => "Ethernet", 2 => "FDDI", 3 => "TrCRF", 4 => "FDDI-net", 5 => "TrBRF", _ => "Unknown" });
        line.Append(", VLAN-id ");
        line.Append(BinaryPrimitives.ReadUInt16BigEndian(pdu[(at + 4)..]));
        line.Append(", MTU ");
        line.Append(BinaryPrimitives.ReadUInt16BigEndian(pdu[(at + 6)..]));
        line.Append(", SAID 0x");
        line.AppendHexDigits(BinaryPrimitives.ReadUInt32BigEndian(pdu[(at + 8)..]), 8);
        line.Append(", Name ");
        int nameLength = pdu[at + 3], name = 4 * ((nameLength + 3) / 4), left = entry - 12, tlv = at + 12;
        if (left < name)
        {
            VtpInvalid(pdu, length);
            return false;
        }
        AppendNulPadded(pdu, tlv, nameLength);
        left -= name;
        tlv += name;
        while (left > 0)
        {
            if (left < 2)
            {
                VtpInvalid(pdu, length);
                return false;
            }
            int type = pdu[tlv], words = pdu[tlv + 1];
            line.Append("\n\t\t");
            line.Append(type switch
            {
                1 => "Source-Routing Ring Number TLV", 2 => "Source-Routing Bridge Number TLV", 3 => "STP type TLV", 4 => "Parent VLAN TLV",
                5 => "Translationally bridged VLANs TLV", 6 => "Pruning TLV", 7 => "Bridge Type TLV", 8 => "Max ARP Hop Count TLV",
                9 => "Max STE Hop Count TLV", 10 => "Backup CRF Mode TLV", _ => "Unknown",
            });
            line.Append(" (0x");
            line.AppendHexDigits((ulong)type, 4);
            line.Append(") TLV");
            if (left < words * 2 + 2)
            {
                line.Append(" (TLV goes past the end of the packet)");
                VtpInvalid(pdu, length);
                return false;
            }
            if (words != 1)
            {
                line.Append(" (invalid TLV length ");
                line.Append(words);
                line.Append(" != 1)");
                VtpInvalid(pdu, length);
                return false;
            }
            int value = BinaryPrimitives.ReadUInt16BigEndian(pdu[(tlv + 2)..]);
            string? text = type switch
            {
                6 => value == 1 ? "Enabled" : "Disabled",
                3 => value switch { 1 => "SRT", 2 => "SRB", 3 => "Auto", _ => "Unknown" },
                7 => value == 1 ? "SRB" : "SRT",
                10 => value == 1 ? "Backup" : "Not backup",
                _ => null,
            };
            if (type == 9)
            {
                line.Append(", ");
                line.Append(value);
            }
            else if (text is not null)
            {
                line.Append(", ");
                line.Append(text);
                line.Append(" (");
                line.Append(value);
                line.Append(')');
            }
            else
                AppendUnknownData(pdu, tlv, 2 + words * 2, "\n\t\t  ");
            left -= 2 + words * 2;
            tlv += 2 + words * 2;
        }
        return true;
    }

    /// <summary>nd_print_invalid, then the check that the whole PDU (<paramref name="length"/> bytes) was captured.</summary>
    private void VtpInvalid(ReadOnlySpan<byte> pdu, int length)
    {
        _line.Append(" (invalid)");
        VtpRemainder(pdu, length);
    }

    /// <summary>ND_TCHECK_LEN over the PDU: " [|vtp]" when its <paramref name="length"/> bytes were not all captured.</summary>
    private void VtpRemainder(ReadOnlySpan<byte> pdu, int length)
    {
        if (length > pdu.Length)
            Truncated("vtp");
    }
}
