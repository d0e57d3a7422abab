using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.L2tp;

namespace RawNet.Output.Summary;

// tcpdump's L2TP printer (print-l2tp.c, l2tp_print) on UDP port 1701: " l2tp:" and the flags, the IDs and sequence
// numbers, then a control message's AVPs (each value by its attribute's own printer) or, in braces, the data message's
// PPP frame as ppp_print reads it. A read past the capture ends the line with " [|l2tp]" (" [|ppp]" in the PPP header,
// with no closing brace); its own checks end it with words of its own.
public sealed partial class SummaryPrinter
{
    /// <summary>l2tp_print for the UDP payload at <paramref name="offset"/> of the frame, <paramref name="length"/> bytes on the wire.</summary>
    private void AppendL2tp(DecodedPacket packet, ReadOnlySpan<byte> frame, int offset, int length)
    {
        var line = _line;
        var bytes = frame[Math.Min(offset, frame.Length)..];
        if (bytes.Length < 2)
        {
            Truncated("l2tp");
            return;
        }
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        switch (flags & L2tpHeader.Flag.VersionMask)
        {
            case L2tpHeader.Version2:
                line.Append(" l2tp:");
                break;
            case 1:
                line.Append(" l2f:");
                return;
            default:
                line.Append(" Unknown Version, neither L2F(1) nor L2TP(2)");
                return;
        }
        line.Append('[');
        if ((flags & L2tpHeader.Flag.Type) != 0)
            line.Append('T');
        if ((flags & L2tpHeader.Flag.Length) != 0)
            line.Append('L');
        if ((flags & L2tpHeader.Flag.Sequence) != 0)
            line.Append('S');
        if ((flags & L2tpHeader.Flag.Offset) != 0)
            line.Append('O');
        if ((flags & L2tpHeader.Flag.Priority) != 0)
            line.Append('P');
        line.Append(']');
        int at = 2, declared = 0;
        if ((flags & L2tpHeader.Flag.Length) != 0)
        {
            if (!TryReadL2tpWord(bytes, at, out ushort value))
                return;
            declared = value;
            at += 2;
        }
        if (!TryReadL2tpWord(bytes, at, out ushort tunnel))
            return;
        line.Append('(');
        line.Append(tunnel);
        line.Append('/');
        if (!TryReadL2tpWord(bytes, at + 2, out ushort session))
            return;
        line.Append(session);
        line.Append(')');
        at += 4;
        if ((flags & L2tpHeader.Flag.Sequence) != 0)
        {
            if (!TryReadL2tpWord(bytes, at, out ushort ns))
                return;
            line.Append("Ns=");
            line.Append(ns);
            line.Append(',');
            if (!TryReadL2tpWord(bytes, at + 2, out ushort nr))
                return;
            line.Append("Nr=");
            line.Append(nr);
            at += 4;
        }
        if ((flags & L2tpHeader.Flag.Offset) != 0)
        {
            if (!TryReadL2tpWord(bytes, at, out ushort pad))
                return;
            if (bytes.Length < at + 2 + pad)
            {
                Truncated("l2tp");
                return;
            }
            at += 2 + pad;
        }
        if ((flags & L2tpHeader.Flag.Length) != 0)
        {
            if (length < declared)
            {
                line.Append(" Length ");
                line.Append(declared);
                line.Append(" larger than packet");
                return;
            }
            length = declared;
        }
        if (length < at)
        {
            line.Append(" Length ");
            line.Append(length);
            line.Append(" smaller than header length");
            return;
        }
        if ((flags & L2tpHeader.Flag.Type) == 0)
        {
            line.Append(" {");
            if (AppendL2tpPpp(packet, frame, offset + at, length - at))
                line.Append('}');
            return;
        }
        if ((flags & L2tpHeader.Flag.Length) == 0)
        {
            line.Append(" No length");
            return;
        }
        if (length == at)
        {
            line.Append(" ZLB");
            return;
        }
        while (length - at != 0)
        {
            int avp = AppendL2tpAvp(bytes[at..], length - at);
            if (avp <= 0)
                return;
            at += avp;
        }
    }

    /// <summary>A 16-bit word of the L2TP header, or " [|l2tp]" when the capture ends before it.</summary>
    private bool TryReadL2tpWord(ReadOnlySpan<byte> bytes, int at, out ushort value)
    {
        value = 0;
        if (bytes.Length < at + 2)
            return Truncated("l2tp");
        value = BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);
        return true;
    }

    /// <summary>
    /// ppp_print of a data message's PPP frame at <paramref name="offset"/>, <paramref name="length"/> bytes: the address
    /// and control (or pppd's direction bytes) skipped, the protocol (one byte when odd), then handle_ppp. False when the
    /// line ended in a read past the capture, after which tcpdump prints nothing more.
    /// </summary>
    private bool AppendL2tpPpp(DecodedPacket packet, ReadOnlySpan<byte> frame, int offset, int length)
    {
        var bytes = frame[Math.Min(offset, frame.Length)..];
        if (length < 2)
        {
            Truncated("ppp");
            return true;
        }
        if (bytes.Length < 2)
            return Truncated("ppp");
        int at = 0;
        if (BinaryPrimitives.ReadUInt16BigEndian(bytes) is 0xFF03 or 0x0003 or 0x0103)
        {
            at = 2;
            length -= 2;
        }
        if (length < 2)
        {
            Truncated("ppp");
            return true;
        }
        if (bytes.Length <= at)
            return Truncated("ppp");
        int protocolLength = (bytes[at] & 1) != 0 ? 1 : 2;
        if (bytes.Length < at + protocolLength)
            return Truncated("ppp");
        ushort protocol = protocolLength == 1 ? bytes[at] : BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]);
        AppendPppData(packet, frame, protocol, offset + at + protocolLength, length - protocolLength);
        // IP's printers read their first byte unchecked: with none captured tcpdump's line ends there.
        return offset + at + protocolLength < frame.Length
            || protocol is not ((ushort)Protocols.Ppp.PppProtocol.Ipv4 or (ushort)Protocols.Ppp.PppProtocol.Ipv6);
    }

    /// <summary>l2tp_avp_print: one AVP, " " first; its length, or 0 when the line ended (" [|l2tp]").</summary>
    private int AppendL2tpAvp(ReadOnlySpan<byte> bytes, int length)
    {
        var line = _line;
        line.Append(' ');
        if (bytes.Length < 2)
        {
            Truncated("l2tp");
            return 0;
        }
        ushort word = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        int avpLength = word & L2tpAvp.LengthMask;
        if (avpLength < L2tpAvp.HeaderLength || avpLength > length || bytes.Length < avpLength)
        {
            Truncated("l2tp");
            return 0;
        }
        if ((word & L2tpAvp.MandatoryBit) != 0)
            line.Append('*');
        bool hidden = (word & L2tpAvp.HiddenBit) != 0;
        if (hidden)
            line.Append('?');
        ushort vendor = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);
        var value = bytes[L2tpAvp.HeaderLength..avpLength];
        if (vendor != 0)
        {
            line.Append("VENDOR");
            line.AppendHexDigits(vendor, 4);
            line.Append(":ATTR");
            line.AppendHexDigits(type, 4);
            line.Append('(');
            AppendL2tpOctets(value);
            line.Append(')');
            return avpLength;
        }
        if (TcpdumpNames.L2tpAttribute(type) is { } name)
            line.Append(name);
        else
        {
            line.Append("AVP-#");
            line.Append(type);
        }
        line.Append('(');
        if (hidden)
            line.Append("???");
        else
            AppendL2tpAvpValue(type, value);
        line.Append(')');
        return avpLength;
    }

    /// <summary>The value printers of l2tp_avp_print's switch, each with its own "AVP too short".</summary>
    private void AppendL2tpAvpValue(ushort type, ReadOnlySpan<byte> value)
    {
        var line = _line;
        const string tooShort = "AVP too short";
        switch (type)
        {
            case 0:
                if (value.Length < 2)
                    line.Append(tooShort);
                else if (TcpdumpNames.L2tpMessageType(BinaryPrimitives.ReadUInt16BigEndian(value)) is { } message)
                    line.Append(message);
                else
                {
                    line.Append("MSGTYPE-#");
                    line.Append(BinaryPrimitives.ReadUInt16BigEndian(value));
                }
                return;
            case 1:
                if (value.Length < 2)
                {
                    line.Append(tooShort);
                    return;
                }
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(value));
                if (value.Length == 2)
                    return;
                if (value.Length < 4)
                {
                    line.Append(" AVP too short");
                    return;
                }
                line.Append('/');
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(value[2..]));
                if (value.Length == 4)
                    return;
                line.Append(' ');
                AppendL2tpString(value[4..]);
                return;
            case 2:
                if (value.Length < 2)
                {
                    line.Append(tooShort);
                    return;
                }
                line.Append(value[0]);
                line.Append('.');
                line.Append(value[1]);
                return;
            case 3 or 19:
                // Framing capabilities and type: A for asynchronous (bit 2), S for synchronous (bit 1).
                AppendL2tpBits(value, 'A', 'S');
                return;
            case 4 or 18:
                // Bearer capabilities and type: A for analog (bit 2), D for digital (bit 1).
                AppendL2tpBits(value, 'A', 'D');
                return;
            case 5:
                if (value.Length < 8)
                    line.Append(tooShort);
                else
                    AppendL2tpOctets(value[..8]);
                return;
            case 6 or 9 or 10 or 14:
                if (value.Length < 2)
                    line.Append(tooShort);
                else
                    line.Append(BinaryPrimitives.ReadUInt16BigEndian(value));
                return;
            case 7 or 8 or 21 or 22 or 23 or 30 or 37:
                AppendL2tpString(value);
                return;
            case 11 or 26 or 27 or 28 or 31 or 33 or 36:
                AppendL2tpOctets(value);
                return;
            case 12:
                if (value.Length < 3)
                {
                    line.Append(tooShort);
                    return;
                }
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(value));
                line.Append(", ");
                line.AppendHexDigits(value[2], 2);
                if (value.Length > 3)
                {
                    line.Append(' ');
                    AppendL2tpString(value[3..]);
                }
                return;
            case 13:
                if (value.Length < 16)
                    line.Append(tooShort);
                else
                    AppendL2tpOctets(value[..16]);
                return;
            case 15 or 16 or 17 or 24 or 25 or 38:
                if (value.Length < 4)
                    line.Append(tooShort);
                else
                    line.Append(BinaryPrimitives.ReadUInt32BigEndian(value));
                return;
            case 20:
                line.Append("obsolete");
                return;
            case 29:
                if (value.Length < 2)
                    line.Append(tooShort);
                else
                    AppendL2tpAuthenType(BinaryPrimitives.ReadUInt16BigEndian(value));
                return;
            case 32:
                if (value.Length < 2)
                    line.Append(tooShort);
                else
                    line.Append(value[1]);
                return;
            case 34:
                AppendL2tpCounters(value, ["CRCErr=", "FrameErr=", "HardOver=", "BufOver=", "Timeout=", "AlignErr="], hex: false);
                return;
            case 35:
                AppendL2tpCounters(value, ["send=", "recv="], hex: true);
                return;
            case 46:
                if (value.Length < 5)
                {
                    line.Append(tooShort);
                    return;
                }
                line.AppendHexDigits(BinaryPrimitives.ReadUInt16BigEndian(value), 4);
                line.Append(", ");
                line.AppendHexDigits(BinaryPrimitives.ReadUInt16BigEndian(value[2..]), 4);
                line.Append(' ');
                switch (value[4])
                {
                    case 0:
                        line.Append("global error");
                        break;
                    case 1:
                        line.Append("at peer");
                        break;
                    case 2:
                        line.Append("at local");
                        break;
                    default:
                        line.Append("Direction-#");
                        line.Append(value[4]);
                        break;
                }
                if (value.Length > 5)
                {
                    line.Append(' ');
                    AppendL2tpString(value[5..]);
                }
                return;
            default:
                // Sequencing required has no value; tcpdump prints nothing of the attributes it does not know.
                return;
        }
    }

    private void AppendL2tpBits(ReadOnlySpan<byte> value, char second, char first)
    {
        if (value.Length < 4)
        {
            _line.Append("AVP too short");
            return;
        }
        uint bits = BinaryPrimitives.ReadUInt32BigEndian(value);
        if ((bits & 2) != 0)
            _line.Append(second);
        if ((bits & 1) != 0)
            _line.Append(first);
    }

    /// <summary>Call errors' and ACCM's values: a reserved 16-bit word, then 32-bit counters each with its label and a space.</summary>
    private void AppendL2tpCounters(ReadOnlySpan<byte> value, ReadOnlySpan<string> labels, bool hex)
    {
        if (value.Length < 2)
        {
            _line.Append("AVP too short");
            return;
        }
        value = value[2..];
        foreach (string label in labels)
        {
            if (value.Length < 4)
            {
                _line.Append("AVP too short");
                return;
            }
            _line.Append(label);
            uint counter = BinaryPrimitives.ReadUInt32BigEndian(value);
            if (hex)
                _line.AppendHexDigits(counter, 8);
            else
                _line.Append(counter);
            _line.Append(' ');
            value = value[4..];
        }
    }

    private void AppendL2tpAuthenType(ushort type)
    {
        string? name = type switch
        {
            0 => "Reserved",
            1 => "Textual",
            2 => "CHAP",
            3 => "PAP",
            4 => "No Auth",
            5 => "MS-CHAPv1",
            _ => null,
        };
        if (name is not null)
            _line.Append(name);
        else
        {
            _line.Append("AuthType-#");
            _line.Append(type);
        }
    }

    private void AppendL2tpString(ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
            AppendPrintable(b);
    }

    private void AppendL2tpOctets(ReadOnlySpan<byte> value)
    {
        foreach (byte b in value)
            _line.AppendHexDigits(b, 2);
    }
}
