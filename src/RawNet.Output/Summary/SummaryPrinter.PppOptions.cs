using System.Buffers.Binary;
using RawNet.Protocols.Ppp;

namespace RawNet.Output.Summary;

// tcpdump's -v lines of the PPP control protocols (print-ppp.c: handle_ctrl_proto's code fields and its option walk with
// print_lcp_config_options, print_ipcp_config_options and print_ip6cp_config_options). tcpdump has two ways of stopping
// at the capture's end: a bounds check of its own prints "[|LCP]" (or the option printer's "[|lcp]") and goes on with
// the next thing, a read past the end ends the whole line with the link printer's mark (" [|ppp]"). Each method here
// returns false for the second.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// handle_ctrl_proto's -v part, after "id 1, length 10": the encoded length checked against the packet's, then what
    /// the code carries. <paramref name="data"/> is the captured packet from its code, <paramref name="length"/> its
    /// bytes on the wire, <paramref name="dumped"/> the captured bytes from the protocol field on (for codes without a printer).
    /// </summary>
    private void AppendPppControlVerbose(ushort protocol, string name, ReadOnlySpan<byte> data, int length, ReadOnlySpan<byte> dumped, string printer)
    {
        var line = _line;
        if (data.Length < 4)
        {
            Truncated(printer);
            return;
        }
        int encoded = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
        line.Append("\n\tencoded length ");
        line.Append(encoded);
        if (encoded < 4)
        {
            line.Append(" (< 4))");
            return;
        }
        if (encoded > length)
        {
            line.Append(" (> packet length ");
            line.Append(length);
            line.Append("))");
            return;
        }
        line.Append(" (=Option(s) length ");
        line.Append(encoded - 4);
        line.Append(')');
        if (encoded == 4)
            return;
        const int at = 4;
        switch ((PppControlCode)data[0])
        {
            case PppControlCode.VendorSpecific:
                if (encoded < 11)
                    return;
                if (!AppendMagicNumber(data, at, printer))
                    return;
                if (data.Length < at + 7)
                {
                    Truncated(printer);
                    return;
                }
                line.Append(" Vendor: ");
                AppendOui(ReadU24(data, at + 4));
                return;
            case PppControlCode.ConfigureRequest or PppControlCode.ConfigureAck or PppControlCode.ConfigureNak or PppControlCode.ConfigureReject:
                AppendControlOptions((PppProtocol)protocol, data, encoded, printer);
                return;
            case PppControlCode.TerminateRequest or PppControlCode.TerminateAck or PppControlCode.CodeReject:
                return;
            case PppControlCode.ProtocolReject:
            {
                if (encoded < 6)
                    return;
                if (data.Length < at + 2)
                {
                    Truncated(printer);
                    return;
                }
                ushort rejected = BinaryPrimitives.ReadUInt16BigEndian(data[at..]);
                line.Append("\n\t  Rejected ");
                string rejectedName = TcpdumpNames.PppProtocol(rejected);
                line.Append(rejectedName.Length > 0 ? rejectedName : "unknown");
                line.Append(" Protocol (");
                line.AppendHex(rejected, 4);
                line.Append(')');
                if (encoded > 6)
                {
                    // tcpdump dumps the length less 2 bytes from the rejected packet on: as far as was captured.
                    line.Append("\n\t  Rejected Packet");
                    AppendUnknownData(data, at + 2, encoded - 2, "\n\t    ");
                }
                return;
            }
            case PppControlCode.EchoRequest or PppControlCode.EchoReply or PppControlCode.DiscardRequest:
                if (encoded < 8 || !AppendMagicNumber(data, at, printer))
                    return;
                if (encoded > 8)
                {
                    line.Append("\n\t  -----trailing data-----");
                    if (data.Length < encoded)
                    {
                        AppendControlTruncated(name);
                        return;
                    }
                    AppendUnknownData(data, at + 4, encoded - 8, "\n\t  ");
                }
                return;
            case PppControlCode.Identification:
                if (encoded < 8 || !AppendMagicNumber(data, at, printer))
                    return;
                if (encoded > 8)
                {
                    // nd_printn of the length less 4 bytes from the message on: past the packet by 4, so usually cut.
                    line.Append("\n\t  Message\n\t    ");
                    if (AppendCharacters(data, at + 4, encoded - 4))
                        AppendControlTruncated(name);
                }
                return;
            case PppControlCode.TimeRemaining:
                if (encoded < 12 || !AppendMagicNumber(data, at, printer))
                    return;
                if (data.Length < at + 8)
                {
                    Truncated(printer);
                    return;
                }
                line.Append(", Seconds-Remaining ");
                line.Append(BinaryPrimitives.ReadUInt32BigEndian(data[(at + 4)..]));
                line.Append('s');
                return;
            default:
                AppendUnknownData(dumped, 0, encoded + 2, "\n\t  ");
                return;
        }
    }

    /// <summary>handle_ctrl_proto's "[|LCP]": its own bounds check failed (no space before it).</summary>
    private void AppendControlTruncated(string name)
    {
        _line.Append("[|");
        _line.Append(name);
        _line.Append(']');
    }

    /// <summary>"\n\t  Magic-Num 0x12345678" from <paramref name="at"/>; false (marked) when the capture ended first.</summary>
    private bool AppendMagicNumber(ReadOnlySpan<byte> data, int at, string printer)
    {
        if (data.Length < at + 4)
            return Truncated(printer);
        _line.Append("\n\t  Magic-Num ");
        _line.AppendHex(BinaryPrimitives.ReadUInt32BigEndian(data[at..]), 8);
        return true;
    }

    /// <summary>
    /// print_unknown_data: the bytes from <paramref name="at"/> dumped in hex, at most <paramref name="count"/> and at
    /// most what was captured; its error text when <paramref name="at"/> is past the capture.
    /// </summary>
    private void AppendUnknownData(ReadOnlySpan<byte> data, int at, int count, string prefix)
    {
        if (at > data.Length)
        {
            _line.Append(prefix);
            _line.Append("Dissector error: print_unknown_data called with pointer past end of packet");
            return;
        }
        AppendHexDump(data.Slice(at, Math.Min(Math.Max(0, count), data.Length - at)), prefix, withText: false);
    }

    private static uint ReadU24(ReadOnlySpan<byte> data, int at) => (uint)(data[at] << 16 | data[at + 1] << 8 | data[at + 2]);

    /// <summary>tok2str(oui_values, "Unknown", oui) and the number: "Cisco (12)".</summary>
    private void AppendOui(uint oui)
    {
        string name = TcpdumpNames.Oui(oui);
        _line.Append(name.Length > 0 ? name : "Unknown");
        _line.Append(" (");
        _line.Append(oui);
        _line.Append(')');
    }

    /// <summary>
    /// handle_ctrl_proto's option walk over a Configure packet of <paramref name="encoded"/> bytes: each option printer
    /// is handed the whole packet's length (not what is left), and an option longer than what is left is marked invalid.
    /// </summary>
    private void AppendControlOptions(PppProtocol protocol, ReadOnlySpan<byte> data, int encoded, string printer)
    {
        if (protocol is not (PppProtocol.Lcp or PppProtocol.Ipcp or PppProtocol.Ipv6cp))
            return;
        int remaining = encoded - 4;
        int at = 4;
        do
        {
            int advance = protocol switch
            {
                PppProtocol.Lcp => AppendLcpOption(data, at, encoded, printer),
                PppProtocol.Ipcp => AppendIpcpOption(data, at, encoded, printer),
                _ => AppendIpv6cpOption(data, at, encoded, printer),
            };
            if (advance <= 0)
                return;
            if (remaining < advance)
            {
                _line.Append(" [remaining options length ");
                _line.Append(remaining);
                _line.Append(" < ");
                _line.Append(advance);
                _line.Append("] (invalid)");
                return;
            }
            remaining -= advance;
            at += advance;
        }
        while (remaining != 0);
    }

    /// <summary>What an option printer returns when the capture ended inside a read: the whole line ends (marked).</summary>
    private const int EndsLine = -1;

    /// <summary>Marks the line cut by the capture (the link printer's mark) and returns <see cref="EndsLine"/>.</summary>
    private int EndLine(string printer)
    {
        Truncated(printer);
        return EndsLine;
    }

    /// <summary>
    /// An option printer's start: the type and length (its own "[|lcp]" when they were not captured: 0), a length past
    /// the packet (0, nothing printed) or below 2 (0, "length bogus"), else the "Name Option (0x01), length 4" line and
    /// true with <paramref name="type"/> and <paramref name="optionLength"/> set.
    /// </summary>
    private bool AppendOptionStart(ReadOnlySpan<byte> data, int at, int packetLength, string tag, string? name, out byte type,
        out int optionLength, out int result)
    {
        type = 0;
        optionLength = 0;
        result = 0;
        if (packetLength < 2)
            return false;
        if (data.Length < at + 2)
        {
            _line.Append("[|");
            _line.Append(tag);
            _line.Append(']');
            return false;
        }
        type = data[at];
        optionLength = data[at + 1];
        if (packetLength < optionLength)
            return false;
        if (optionLength < 2)
        {
            if (name is null)
            {
                _line.Append("\n\tunknown LCP option 0x");
                _line.AppendHexDigits(type, 2);
                return false;
            }
            AppendOptionLine(name, type, optionLength);
            _line.Append(" (length bogus, should be >= 2)");
            return false;
        }
        if (name is null)
        {
            _line.Append("\n\tunknown LCP option 0x");
            _line.AppendHexDigits(type, 2);
            result = optionLength;
            return false;
        }
        AppendOptionLine(name, type, optionLength);
        return true;
    }

    private void AppendOptionLine(string name, byte type, int optionLength)
    {
        _line.Append("\n\t  ");
        _line.Append(name);
        _line.Append(" Option (0x");
        _line.AppendHexDigits(type, 2);
        _line.Append("), length ");
        _line.Append(optionLength);
    }

    /// <summary>tcpdump's check of an option's length (<paramref name="relation"/> "=" or ">="): false, after " (length bogus, should be = 4)", when it fails.</summary>
    private bool OptionLengthIs(int length, string relation, int expected)
    {
        if (relation == "=" ? length == expected : length >= expected)
            return true;
        AppendBogusLength(relation, expected);
        return false;
    }

    /// <summary>" (length bogus, should be = 4)" or " (... >= 4)".</summary>
    private void AppendBogusLength(string relation, int length)
    {
        _line.Append(" (length bogus, should be ");
        _line.Append(relation);
        _line.Append(' ');
        _line.Append(length);
        _line.Append(')');
    }

    /// <summary>print_lcp_config_options: how far to advance (0 to stop the walk), or <see cref="EndsLine"/>.</summary>
    private int AppendLcpOption(ReadOnlySpan<byte> data, int at, int packetLength, string printer)
    {
        byte peek = data.Length > at ? data[at] : (byte)0;
        if (!AppendOptionStart(data, at, packetLength, "lcp", TcpdumpNames.LcpOption(peek), out byte type, out int length, out int result))
            return result;
        var line = _line;
        var o = data[at..];
        switch (type)
        {
            case PppControlOptions.VendorSpecific:
                if (!OptionLengthIs(length, ">=", 6))
                    return length;
                if (o.Length < 5)
                    return EndLine(printer);
                line.Append(": Vendor: ");
                AppendOui(ReadU24(o, 2));
                break;
            case PppControlOptions.MaximumReceiveUnit:
                if (!OptionLengthIs(length, "=", 4))
                    return length;
                if (o.Length < 4)
                    return EndLine(printer);
                line.Append(": ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(o[2..]));
                break;
            case PppControlOptions.AsyncMap:
                if (!OptionLengthIs(length, "=", 6))
                    return length;
                if (o.Length < 6)
                    return EndLine(printer);
                line.Append(": ");
                line.AppendHex(BinaryPrimitives.ReadUInt32BigEndian(o[2..]), 8);
                break;
            case PppControlOptions.AuthenticationProtocol:
            {
                if (!OptionLengthIs(length, ">=", 4))
                    return length;
                if (o.Length < 4)
                    return EndLine(printer);
                ushort authentication = BinaryPrimitives.ReadUInt16BigEndian(o[2..]);
                string authenticationName = TcpdumpNames.PppProtocol(authentication);
                line.Append(": ");
                // tcpdump's own format string lacks its '%': the text is printed as it stands.
                line.Append(authenticationName.Length > 0 ? authenticationName : "Unknown Auth Proto (0x04x)");
                switch (authentication)
                {
                    case (ushort)PppProtocol.Chap:
                        if (o.Length < 5)
                            return EndLine(printer);
                        line.Append(", ");
                        string algorithm = TcpdumpNames.AuthenticationAlgorithm(o[4]);
                        if (algorithm.Length > 0)
                            line.Append(algorithm);
                        else
                        {
                            line.Append("Unknown Auth Alg ");
                            line.Append(o[4]);
                        }
                        break;
                    case (ushort)PppProtocol.Pap or 0xC227 or 0xC027 or 0xC123:
                        break;
                    default:
                        AppendUnknownData(data, at, length, "\n\t");
                        break;
                }
                break;
            }
            case PppControlOptions.QualityProtocol:
                if (!OptionLengthIs(length, ">=", 4))
                    return 0;
                if (o.Length < 4)
                    return EndLine(printer);
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(o[2..]) == 0xC025 ? ": LQR" : ": unknown");
                break;
            case PppControlOptions.MagicNumber:
                if (!OptionLengthIs(length, "=", 6))
                    return 0;
                if (o.Length < 6)
                    return EndLine(printer);
                line.Append(": ");
                line.AppendHex(BinaryPrimitives.ReadUInt32BigEndian(o[2..]), 8);
                break;
            case 7 or 8:
                // Protocol and address-and-control field compression: nothing to show.
                break;
            case 23:
                if (!OptionLengthIs(length, "=", 4))
                    return 0;
                if (o.Length < 4)
                    return EndLine(printer);
                line.Append(": ");
                line.AppendHex(BinaryPrimitives.ReadUInt16BigEndian(o[2..]), 4);
                break;
            case PppControlOptions.Callback:
            {
                if (!OptionLengthIs(length, ">=", 3))
                    return 0;
                // tcpdump 4.99 prints a colon of its own before the one of the operation's text, then reads the byte.
                line.Append(": ");
                if (o.Length < 3)
                    return EndLine(printer);
                line.Append(": Callback Operation ");
                string operation = TcpdumpNames.CallbackOperation(o[2]);
                line.Append(operation.Length > 0 ? operation : "Unknown");
                line.Append(" (");
                line.Append(o[2]);
                line.Append(')');
                break;
            }
            case PppControlOptions.MultilinkMrru:
                if (!OptionLengthIs(length, "=", 4))
                    return 0;
                if (o.Length < 4)
                    return EndLine(printer);
                line.Append(": ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(o[2..]));
                break;
            case PppControlOptions.EndpointDiscriminator:
                if (!OptionLengthIs(length, ">=", 3))
                    return 0;
                if (o.Length < 3)
                    return EndLine(printer);
                switch (o[2])
                {
                    case 0:
                        line.Append(": Null");
                        break;
                    case 1:
                        line.Append(": Local");
                        break;
                    case 2:
                        if (!OptionLengthIs(length, "=", 7))
                            return 0;
                        if (o.Length < 7)
                            return EndLine(printer);
                        line.Append(": IPv4 ");
                        line.AppendIpv4(o.Slice(3, 4));
                        break;
                    case 3:
                        if (!OptionLengthIs(length, "=", 9))
                            return 0;
                        if (o.Length < 9)
                            return EndLine(printer);
                        line.Append(": MAC ");
                        line.AppendMac(o.Slice(3, 6));
                        break;
                    case 4:
                        line.Append(": Magic-Num-Block");
                        break;
                    case 5:
                        line.Append(": PSNDN");
                        break;
                    default:
                        line.Append(": Unknown class ");
                        line.Append(o[2]);
                        break;
                }
                break;
            default:
                AppendUnknownData(data, at + 2, length - 2, "\n\t    ");
                break;
        }
        return length;
    }

    /// <summary>print_ipcp_config_options: how far to advance (0 to stop the walk), or <see cref="EndsLine"/>.</summary>
    private int AppendIpcpOption(ReadOnlySpan<byte> data, int at, int packetLength, string printer)
    {
        byte peek = data.Length > at ? data[at] : (byte)0;
        string name = TcpdumpNames.IpcpOption(peek);
        if (!AppendOptionStart(data, at, packetLength, "ipcp", name.Length > 0 ? name : "unknown", out byte type, out int length, out int result))
            return result;
        var line = _line;
        var o = data[at..];
        switch (type)
        {
            case PppControlOptions.IpAddresses:
                if (!OptionLengthIs(length, "=", 10))
                    return length;
                if (o.Length < 10)
                    return EndLine(printer);
                line.Append(": src ");
                line.AppendIpv4(o.Slice(2, 4));
                line.Append(", dst ");
                line.AppendIpv4(o.Slice(6, 4));
                break;
            case PppControlOptions.IpCompressionProtocol:
            {
                if (!OptionLengthIs(length, ">=", 4))
                    return 0;
                if (o.Length < 4)
                    return EndLine(printer);
                ushort compression = BinaryPrimitives.ReadUInt16BigEndian(o[2..]);
                line.Append(": ");
                line.Append(compression switch
                {
                    PppControlOptions.VanJacobson => "VJ-Comp",
                    PppControlOptions.Iphc => "IP Header Compression",
                    _ => "Unknown",
                });
                line.Append(" (0x");
                line.AppendHexDigits(compression, 2);
                line.Append("):");
                if (compression != PppControlOptions.Iphc)
                    break;
                if (length < IphcMinimumLength)
                {
                    line.Append(" (length bogus, should be >= ");
                    line.Append(IphcMinimumLength);
                    line.Append(')');
                    return 0;
                }
                if (o.Length < 2 + IphcMinimumLength)
                {
                    line.Append("[|ipcp]");
                    return 0;
                }
                line.Append("\n\t    TCP Space ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(o[4..]));
                line.Append(", non-TCP Space ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(o[6..]));
                line.Append(", maxPeriod ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(o[8..]));
                line.Append(", maxTime ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(o[10..]));
                line.Append(", maxHdr ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(o[12..]));
                if (length > IphcMinimumLength)
                {
                    int total = length - IphcMinimumLength;
                    int p = IphcMinimumLength;
                    line.Append("\n\t      Suboptions, length ");
                    line.Append(total);
                    while (total >= 2)
                    {
                        if (o.Length < p + 2)
                        {
                            line.Append("[|ipcp]");
                            return 0;
                        }
                        byte suboption = o[p];
                        byte suboptionLength = o[p + 1];
                        if (suboption == 0 || suboptionLength == 0)
                            break;
                        line.Append("\n\t\t");
                        line.Append(suboption switch { 1 => "RTP-Compression", 2 => "Enhanced RTP-Compression", _ => "Unknown" });
                        line.Append(" Suboption #");
                        line.Append(suboption);
                        line.Append(", length ");
                        line.Append(suboptionLength);
                        if (total < suboptionLength)
                        {
                            line.Append(" [remaining suboptions length ");
                            line.Append(total);
                            line.Append(" < ");
                            line.Append(suboptionLength);
                            line.Append("] (invalid)");
                            break;
                        }
                        total -= suboptionLength;
                        p += suboptionLength;
                    }
                }
                break;
            }
            case PppControlOptions.IpAddress or PppControlOptions.MobileIpv4 or PppControlOptions.PrimaryDns or PppControlOptions.PrimaryNbns
                or PppControlOptions.SecondaryDns or PppControlOptions.SecondaryNbns:
                if (!OptionLengthIs(length, "=", 6))
                    return 0;
                if (o.Length < 6)
                    return EndLine(printer);
                line.Append(": ");
                line.AppendIpv4(o.Slice(2, 4));
                break;
            default:
                AppendUnknownData(data, at + 2, length - 2, "\n\t    ");
                break;
        }
        return length;
    }

    /// <summary>IPCPOPT_IPCOMP_MINLEN: the IP header compression option's fixed part, type and length included.</summary>
    private const int IphcMinimumLength = 14;

    /// <summary>print_ip6cp_config_options: how far to advance (0 to stop the walk), or <see cref="EndsLine"/>.</summary>
    private int AppendIpv6cpOption(ReadOnlySpan<byte> data, int at, int packetLength, string printer)
    {
        byte peek = data.Length > at ? data[at] : (byte)0;
        string name = peek == PppControlOptions.InterfaceIdentifier ? "Interface-ID" : "unknown";
        if (!AppendOptionStart(data, at, packetLength, "ip6cp", name, out byte type, out int length, out int result))
            return result;
        var o = data[at..];
        if (type != PppControlOptions.InterfaceIdentifier)
        {
            AppendUnknownData(data, at + 2, length - 2, "\n\t    ");
            return length;
        }
        if (!OptionLengthIs(length, "=", 10))
            return length;
        if (o.Length < 10)
        {
            _line.Append("[|ip6cp]");
            return 0;
        }
        _line.Append(": ");
        for (int i = 0; i < 4; i++)
        {
            if (i > 0)
                _line.Append(':');
            _line.AppendHexDigits(BinaryPrimitives.ReadUInt16BigEndian(o[(2 + 2 * i)..]), 4);
        }
        return length;
    }
}
