using System.Buffers.Binary;

namespace RawNet.Output.Summary;

// tcpdump 4.99's udld_print.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// udld_print for the PDU whose captured bytes are <paramref name="pdu"/>, <paramref name="length"/> on the wire:
    /// "UDLDv1, Code Probe message (1), Flags [RT] (0x01), length 60" (fewer than 4 bytes: " (invalid)"); with -v the
    /// checksum and each TLV on a line of its own, "\n\tDevice-ID TLV (0x0001) TLV, length 15" and its value (an ID or name
    /// up to its NUL, the echo's bytes, an interval's seconds, the sequence number). A TLV length of 4 or less or past the
    /// PDU, fewer than 4 bytes left, or an interval or sequence number of the wrong length end the line with " (invalid)";
    /// a read past the capture, or bytes of the PDU not captured, with " [|udld]".
    /// </summary>
    private void AppendUdld(ReadOnlySpan<byte> pdu, int length)
    {
        var line = _line;
        if (length < 4)
        {
            UdldInvalid(pdu, 0, length);
            return;
        }
        if (pdu.Length < 2)
        {
            Truncated("udld");
            return;
        }
        int code = pdu[0] & 0x1F, flags = pdu[1];
        line.Append("UDLDv");
        line.Append(pdu[0] >> 5);
        line.Append(", Code ");
        line.Append(code switch { 1 => "Probe message", 2 => "Echo message", 3 => "Flush message", _ => "Reserved" });
        line.Append(" (");
        line.AppendHexDigits((ulong)code, 1);
        line.Append("), Flags [");
        if (flags == 0)
            line.Append("none");
        for (int bit = 0; bit < 8; bit++)
        {
            if ((flags & (1 << bit)) == 0)
                continue;
            if ((flags & ((1 << bit) - 1)) != 0)
                line.Append(", ");
            line.Append(bit switch { 0 => "RT", 1 => "RSY", _ => "MBZ-" });
            if (bit > 1)
                line.Append(bit);
        }
        line.Append("] (0x");
        line.AppendHexDigits((ulong)flags, 2);
        line.Append("), length ");
        line.Append(length);
        if (!_verbose)
        {
            UdldRemainder(pdu, 2, length - 2);
            return;
        }
        if (pdu.Length < 4)
        {
            Truncated("udld");
            return;
        }
        line.Append("\n\tChecksum 0x");
        line.AppendHexDigits(BinaryPrimitives.ReadUInt16BigEndian(pdu[2..]), 4);
        line.Append(" (unverified)");
        int at = 4, left = length - 4;
        while (left > 0)
        {
            if (left < 4)
            {
                UdldInvalid(pdu, at, left);
                return;
            }
            if (at + 4 > pdu.Length)
            {
                Truncated("udld");
                return;
            }
            int type = BinaryPrimitives.ReadUInt16BigEndian(pdu[at..]), tlvLength = BinaryPrimitives.ReadUInt16BigEndian(pdu[(at + 2)..]);
            at += 4;
            left -= 4;
            line.Append("\n\t");
            line.Append(type switch
            {
                1 => "Device-ID TLV", 2 => "Port-ID TLV", 3 => "Echo TLV", 4 => "Message Interval TLV", 5 => "Timeout Interval TLV",
                6 => "Device Name TLV", 7 => "Sequence Number TLV", _ => "Unknown",
            });
            line.Append(" (0x");
            line.AppendHexDigits((ulong)type, 4);
            line.Append(") TLV, length ");
            line.Append(tlvLength);
            int value = tlvLength - 4;
            if (tlvLength <= 4 || left < value)
            {
                UdldInvalid(pdu, at, left);
                return;
            }
            bool cut = false;
            switch (type)
            {
                case 1 or 2 or 6:
                    line.Append(", ");
                    cut = !AppendNulPadded(pdu, at, value);
                    break;
                case 3:
                    line.Append(", ");
                    cut = AppendCharacters(pdu, at, value);
                    break;
                case 4 or 5:
                    if (value != 1)
                    {
                        UdldInvalid(pdu, at, left);
                        return;
                    }
                    cut = at >= pdu.Length;
                    if (!cut)
                    {
                        line.Append(", ");
                        line.Append(pdu[at]);
                        line.Append('s');
                    }
                    break;
                case 7:
                    if (value != 4)
                    {
                        UdldInvalid(pdu, at, left);
                        return;
                    }
                    cut = at + 4 > pdu.Length;
                    if (!cut)
                    {
                        line.Append(", ");
                        line.Append(BinaryPrimitives.ReadUInt32BigEndian(pdu[at..]));
                    }
                    break;
                default:
                    cut = at + value > pdu.Length;
                    break;
            }
            if (cut)
            {
                Truncated("udld");
                return;
            }
            at += value;
            left -= value;
        }
    }

    /// <summary>nd_print_invalid, then the check that the rest (<paramref name="left"/> bytes from <paramref name="at"/>) was captured.</summary>
    private void UdldInvalid(ReadOnlySpan<byte> pdu, int at, int left)
    {
        _line.Append(" (invalid)");
        UdldRemainder(pdu, at, left);
    }

    /// <summary>ND_TCHECK_LEN over the rest: " [|udld]" when <paramref name="left"/> bytes from <paramref name="at"/> were not all captured.</summary>
    private void UdldRemainder(ReadOnlySpan<byte> pdu, int at, int left)
    {
        if ((long)at + left > pdu.Length)
            Truncated("udld");
    }
}
