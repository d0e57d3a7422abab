using System.Buffers.Binary;

namespace RawNet.Output.Summary;

// tcpdump 4.99's dtp_print.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// dtp_print for the PDU whose captured bytes are <paramref name="pdu"/>, <paramref name="length"/> on the wire:
    /// "DTPv1, length 30" (no byte at all: "[zero packet length] (invalid)"); with -v each TLV on a line of its own,
    /// "\n\tName (0x0001) TLV, length 9" and its value (the domain up to its NUL, a status or type byte in hex, the
    /// neighbor's address), until a TLV of type 0; fewer than 4 bytes left, a TLV length below 4 or past the PDU, or a
    /// status, type or neighbor TLV of the wrong length end the line with " (invalid)"; a read past the capture with
    /// " [|dtp]".
    /// </summary>
    private void AppendDtp(ReadOnlySpan<byte> pdu, int length)
    {
        var line = _line;
        if (length < 1)
        {
            line.Append("[zero packet length]");
            DtpInvalid(pdu, 0, length);
            return;
        }
        if (pdu.Length < 1)
        {
            Truncated("dtp");
            return;
        }
        line.Append("DTPv");
        line.Append(pdu[0]);
        line.Append(", length ");
        line.Append(length);
        if (!_verbose)
            return;
        int at = 1, left = length - 1;
        while (left > 0)
        {
            if (left < 4)
            {
                line.Append('[');
                line.Append(left);
                line.Append(" bytes remaining]");
                DtpInvalid(pdu, at, left);
                return;
            }
            if (at + 4 > pdu.Length)
            {
                Truncated("dtp");
                return;
            }
            int type = BinaryPrimitives.ReadUInt16BigEndian(pdu[at..]), tlvLength = BinaryPrimitives.ReadUInt16BigEndian(pdu[(at + 2)..]);
            if (type == 0)
                return;
            line.Append("\n\t");
            line.Append(type switch { 1 => "Domain", 2 => "Status", 3 => "DTP type", 4 => "Neighbor", _ => "Unknown" });
            line.Append(" (0x");
            line.AppendHexDigits((ulong)type, 4);
            line.Append(") TLV, length ");
            line.Append(tlvLength);
            if (tlvLength < 4 || tlvLength > left)
            {
                line.Append("[invalid TLV length ");
                line.Append(tlvLength);
                line.Append(']');
                DtpInvalid(pdu, at, left);
                return;
            }
            int value = at + 4;
            switch (type)
            {
                case 1:
                    // nd_printjnp: at most the value's bytes, up to a NUL
                    line.Append(", ");
                    for (int i = value; i < at + tlvLength; i++)
                    {
                        if (i >= pdu.Length)
                        {
                            Truncated("dtp");
                            return;
                        }
                        if (pdu[i] == 0)
                            break;
                        AppendPrintable(pdu[i]);
                    }
                    break;
                case 2 or 3:
                    if (tlvLength != 5)
                    {
                        DtpInvalid(pdu, at, left);
                        return;
                    }
                    if (value >= pdu.Length)
                    {
                        Truncated("dtp");
                        return;
                    }
                    line.Append(", 0x");
                    line.AppendHexDigits(pdu[value], 1);
                    break;
                case 4:
                    if (tlvLength != 10)
                    {
                        DtpInvalid(pdu, at, left);
                        return;
                    }
                    if (value + 6 > pdu.Length)
                    {
                        Truncated("dtp");
                        return;
                    }
                    line.Append(", ");
                    line.AppendMac(pdu.Slice(value, 6));
                    break;
                default:
                    if (at + tlvLength > pdu.Length)
                    {
                        Truncated("dtp");
                        return;
                    }
                    break;
            }
            at += tlvLength;
            left -= tlvLength;
        }
    }

    /// <summary>nd_print_invalid, then the check that the rest (<paramref name="left"/> bytes from <paramref name="at"/>) was captured.</summary>
    private void DtpInvalid(ReadOnlySpan<byte> pdu, int at, int left)
    {
        _line.Append(" (invalid)");
        if (at + left > pdu.Length)
            Truncated("dtp");
    }
}
