using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Icmp;
using RawNet.Protocols.Icmpv6;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;

namespace RawNet.Output.Summary;

public sealed partial class SummaryPrinter
{
    // --- ICMP ---

    /// <summary>tcpdump's icmp_print: "ICMP echo request, id 1, seq 1, length 64", and with -v the checksum and an error's quoted datagram.</summary>
    private void AppendIcmp(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ReadOnlySpan<byte> bytes, int length, bool fragmented,
        bool decoded)
    {
        var line = _line;
        if (bytes.Length < 1)
        {
            line.Append(" [|icmp]");
            return;
        }
        byte type = bytes[IcmpHeader.Field.Type];
        int start = line.Length;
        line.Append("ICMP ");
        if (!AppendIcmpMessage(bytes, type))
        {
            line.Truncate(start);
            line.Append(" [|icmp]");
            return;
        }
        AppendLength(length);
        if (_verbose && !fragmented && bytes.Length >= length && decoded && packet[index].Checksum.IsWrong())
        {
            line.Append(" (wrong icmp cksum ");
            line.AppendHexDigits(BinaryPrimitives.ReadUInt16BigEndian(bytes[IcmpHeader.Field.Checksum..]), 0);
            line.Append(" (->");
            line.AppendHexDigits(packet[index].ExpectedChecksum, 0);
            line.Append(")!)");
        }
        int quoted = index + 1;
        if (_verbose && IcmpHeader.IsErrorWithQuote(type) && quoted < packet.LayerCount && packet[quoted].Quoted
            && packet[quoted].Kind == LayerKind.Ipv4)
        {
            line.Append("\n\t");
            var ip = packet.HeaderOf(packet[quoted], frame);
            int quotedLength = ip.Length >= 4 ? BinaryPrimitives.ReadUInt16BigEndian(ip[Ipv4Header.Field.TotalLength..]) : 0;
            AppendIpv4(packet, frame, quoted, quotedLength);
        }
    }

    /// <summary>The words for one ICMP message after "ICMP "; false when the bytes they need were not captured.</summary>
    private bool AppendIcmpMessage(ReadOnlySpan<byte> bytes, byte type)
    {
        var line = _line;
        if (bytes.Length < 2)
            return false;
        byte code = bytes[IcmpHeader.Field.Code];
        var quote = bytes.Length > IcmpHeader.HeaderLength ? bytes[IcmpHeader.HeaderLength..] : default;
        switch ((IcmpType)type)
        {
            case IcmpType.EchoRequest or IcmpType.EchoReply:
                if (bytes.Length < 8)
                    return false;
                line.Append(type == (byte)IcmpType.EchoRequest ? "echo request, id " : "echo reply, id ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(bytes[IcmpHeader.Field.Identifier..]));
                line.Append(", seq ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(bytes[IcmpHeader.Field.SequenceNumber..]));
                return true;
            case IcmpType.DestinationUnreachable:
                return AppendUnreachable(bytes, code, quote);
            case IcmpType.Redirect:
                if (quote.Length < Ipv4Header.Field.Destination + 4)
                    return false;
                line.Append(code switch { 0 => "redirect ", 1 => "redirect ", 2 => "redirect-tos ", 3 => "redirect-tos ", _ => "redirect-#" });
                if (code > 3)
                {
                    line.Append(code);
                    line.Append(' ');
                }
                AppendIpv4Address(quote, Ipv4Header.Field.Destination);
                line.Append(code switch { 0 or 2 => " to net ", 1 or 3 => " to host ", _ => " to " });
                AppendIpv4Address(bytes, 4);
                return true;
            case IcmpType.TimeExceeded:
                line.Append(code switch { 0 => "time exceeded in-transit", 1 => "ip reassembly time exceeded", _ => "time exceeded-#" });
                if (code > 1)
                    line.Append(code);
                return true;
            case IcmpType.ParameterProblem:
                if (code != 0)
                {
                    line.Append("parameter problem - code ");
                    line.Append(code);
                    return true;
                }
                if (bytes.Length < 5)
                    return false;
                line.Append("parameter problem - octet ");
                line.Append(bytes[4]);
                return true;
            case IcmpType.SourceQuench:
                line.Append("source quench");
                return true;
            case IcmpType.RouterSolicitation:
                line.Append("router solicitation");
                return true;
            case IcmpType.TimestampRequest or IcmpType.TimestampReply:
                bool reply = type == (byte)IcmpType.TimestampReply;
                if (bytes.Length < (reply ? 20 : 8))
                    return false;
                line.Append(reply ? "time stamp reply id " : "time stamp query id ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]));
                line.Append(" seq ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]));
                if (reply)
                {
                    line.Append(": org ");
                    AppendMillisecondsOfDay(BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]));
                    line.Append(", recv ");
                    AppendMillisecondsOfDay(BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]));
                    line.Append(", xmit ");
                    AppendMillisecondsOfDay(BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]));
                }
                return true;
            default:
                AppendOrNumber(TcpdumpNames.IcmpType(type), "type-#", type);
                return true;
        }
    }

    /// <summary>An ICMP timestamp (milliseconds since midnight UTC) as tcpdump prints it: HH:MM:SS.mmm, hours unbounded.</summary>
    private void AppendMillisecondsOfDay(uint milliseconds)
    {
        var line = _line;
        uint seconds = milliseconds / 1000, minutes = seconds / 60;
        line.AppendPadded(minutes / 60, 2);
        line.Append(':');
        line.AppendPadded(minutes % 60, 2);
        line.Append(':');
        line.AppendPadded(seconds % 60, 2);
        line.Append('.');
        line.AppendPadded(milliseconds % 1000, 3);
    }

    /// <summary>An unreachable message names the quoted datagram's destination (and port) as tcpdump does.</summary>
    private bool AppendUnreachable(ReadOnlySpan<byte> bytes, byte code, ReadOnlySpan<byte> quote)
    {
        var line = _line;
        if (quote.Length < Ipv4Header.Field.Destination + 4)
            return false;
        switch (code)
        {
            case 2:
                AppendIpv4Address(quote, Ipv4Header.Field.Destination);
                line.Append(" protocol ");
                line.Append(quote[Ipv4Header.Field.Protocol]);
                line.Append(" unreachable");
                return true;
            case 3:
                int headerLength = (quote[0] & 0x0F) * 4;
                if (quote.Length < headerLength + 4)
                    return false;
                ushort port = BinaryPrimitives.ReadUInt16BigEndian(quote[(headerLength + 2)..]);
                byte protocol = quote[Ipv4Header.Field.Protocol];
                AppendIpv4Address(quote, Ipv4Header.Field.Destination);
                if (AppendQuotedPort(protocol, port))
                    line.Append(" unreachable");
                return true;
            case 4:
                ushort mtu = BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]);
                AppendIpv4Address(quote, Ipv4Header.Field.Destination);
                line.Append(" unreachable - need to frag");
                if (mtu != 0)
                {
                    line.Append(" (mtu ");
                    line.Append(mtu);
                    line.Append(')');
                }
                return true;
            default:
                var after = TcpdumpNames.Unreachable(code, out string before);
                line.Append(before);
                AppendIpv4Address(quote, Ipv4Header.Field.Destination);
                AppendOrNumber(after, " unreachable - #", code);
                return true;
        }
    }

    /// <summary>
    /// The quoted port of a port unreachable message: " udp port 53", true (ICMP then adds " unreachable"); or
    /// " protocol 132 port 9 unreachable", false.
    /// </summary>
    private bool AppendQuotedPort(byte protocol, ushort port)
    {
        var line = _line;
        if (protocol is 6 or 17)
        {
            line.Append(protocol == 6 ? " tcp port " : " udp port ");
            line.Append(port);
            return true;
        }
        line.Append(" protocol ");
        line.Append(protocol);
        line.Append(" port ");
        line.Append(port);
        line.Append(" unreachable");
        return false;
    }

    // --- ICMPv6 ---

    /// <summary>tcpdump's icmp6_print: the checksum verdict first with -v, the message, its length, and with -v the ND options.</summary>
    private void AppendIcmpv6(in IpContext ip, ReadOnlySpan<byte> bytes, int length, bool fragmented, Layer layer)
    {
        var line = _line;
        if (_verbose && !fragmented && bytes.Length >= length && bytes.Length >= 4)
            AppendChecksumVerdict("icmp6", layer, BinaryPrimitives.ReadUInt16BigEndian(bytes[IcmpHeader.Field.Checksum..]));
        if (bytes.Length < 2)
        {
            line.Append(" [|icmp6]");
            return;
        }
        byte type = bytes[0], code = bytes[1];
        line.Append("ICMP6, ");
        AppendName(TcpdumpNames.Icmpv6Type(type), "unknown icmp6 type", type);
        if (_verbose && type is 133 or 134 or 135 or 136 or 137 or 145 or 147)
            AppendLength(length);
        switch (AppendIcmpv6Message(bytes, type, code, length))
        {
            case MessageEnd.Truncated:
                line.Append(" [|icmp6]");
                return;
            case MessageEnd.Done:
                return;
        }
        if (!_verbose)
            AppendLength(length);
    }

    /// <summary>How an ICMPv6 message's words ended.</summary>
    private enum MessageEnd
    {
        /// <summary>Printed; the length follows unless -v.</summary>
        Printed,
        /// <summary>The line is complete (tcpdump returned early).</summary>
        Done,
        /// <summary>The capture ended inside what was printed.</summary>
        Truncated,
    }

    private MessageEnd AppendIcmpv6Message(ReadOnlySpan<byte> bytes, byte type, byte code, int length)
    {
        var line = _line;
        var quote = bytes.Length > 8 ? bytes[8..] : default;
        switch ((Icmpv6Type)type)
        {
            case Icmpv6Type.DestinationUnreachable:
                line.Append(", ");
                AppendName(TcpdumpNames.Icmpv6Unreachable(code), "unknown unreach code", code);
                switch (code)
                {
                    case 0 or 1 or 3:
                        if (quote.Length < Ipv6Header.Field.Destination + 16)
                            return MessageEnd.Truncated;
                        line.Append(' ');
                        line.AppendIpv6(quote.Slice(Ipv6Header.Field.Destination, 16));
                        return MessageEnd.Printed;
                    case 2:
                        if (quote.Length < Ipv6Header.Field.Destination + 16)
                            return MessageEnd.Truncated;
                        line.Append(' ');
                        line.AppendIpv6(quote.Slice(Ipv6Header.Field.Destination, 16));
                        line.Append(", source address ");
                        line.AppendIpv6(quote.Slice(Ipv6Header.Field.Source, 16));
                        return MessageEnd.Printed;
                    case 4:
                        if (!TryFindQuotedTransport(quote, out byte protocol, out int at) || quote.Length < at + 4)
                            return MessageEnd.Truncated;
                        ushort port = BinaryPrimitives.ReadUInt16BigEndian(quote[(at + 2)..]);
                        line.Append(", ");
                        line.AppendIpv6(quote.Slice(Ipv6Header.Field.Destination, 16));
                        AppendQuotedPort(protocol, port);
                        return MessageEnd.Printed;
                    default:
                        if (!_verbose)
                        {
                            AppendHexDump(bytes[..Math.Min(bytes.Length, length)], "\n\t", withText: false);
                            return MessageEnd.Done;
                        }
                        return MessageEnd.Printed;
                }
            case Icmpv6Type.PacketTooBig:
                if (bytes.Length < 8)
                    return MessageEnd.Truncated;
                line.Append(", mtu ");
                line.Append(BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]));
                return MessageEnd.Printed;
            case Icmpv6Type.TimeExceeded:
                if (quote.Length < Ipv6Header.Field.Destination + 16)
                    return MessageEnd.Truncated;
                switch (code)
                {
                    case 0:
                        line.Append(" for ");
                        line.AppendIpv6(quote.Slice(Ipv6Header.Field.Destination, 16));
                        break;
                    case 1:
                        line.Append(" (reassembly)");
                        break;
                    default:
                        line.Append(", ");
                        AppendName("", "unknown code", code);
                        break;
                }
                return MessageEnd.Printed;
            case Icmpv6Type.ParameterProblem:
                if (quote.Length < Ipv6Header.Field.Destination + 16)
                    return MessageEnd.Truncated;
                line.Append(code switch
                {
                    0 => ", erroneous - octet ",
                    1 => ", next header - octet ",
                    2 => ", option - octet ",
                    3 => ", incomplete header chain - octet ",
                    _ => ", code-#",
                });
                if (code > 3)
                    line.Append(code);
                else
                    line.Append(BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]));
                return MessageEnd.Printed;
            case Icmpv6Type.EchoRequest or Icmpv6Type.EchoReply:
                if (bytes.Length < 8)
                    return MessageEnd.Truncated;
                line.Append(", id ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]));
                line.Append(", seq ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]));
                return MessageEnd.Printed;
            case Icmpv6Type.RouterSolicitation:
                return _verbose ? AppendNeighborDiscoveryOptions(bytes, 8, length) : MessageEnd.Printed;
            case Icmpv6Type.RouterAdvertisement:
                if (!_verbose)
                    return MessageEnd.Printed;
                if (bytes.Length < 16)
                    return MessageEnd.Truncated;
                AppendRouterAdvertisement(bytes);
                return AppendNeighborDiscoveryOptions(bytes, 16, length);
            case Icmpv6Type.NeighborSolicitation or Icmpv6Type.NeighborAdvertisement:
                if (bytes.Length < 24)
                    return MessageEnd.Truncated;
                line.Append(type == (byte)Icmpv6Type.NeighborSolicitation ? ", who has " : ", tgt is ");
                line.AppendIpv6(bytes.Slice(8, 16));
                if (!_verbose)
                    return MessageEnd.Printed;
                if (type == (byte)Icmpv6Type.NeighborAdvertisement)
                {
                    uint flags = BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);
                    line.Append(", Flags [");
                    int start = line.Length;
                    AppendFlag(flags, 0x80000000, "router", start);
                    AppendFlag(flags, 0x40000000, "solicited", start);
                    AppendFlag(flags, 0x20000000, "override", start);
                    if (line.Length == start)
                        line.Append("none");
                    line.Append(']');
                }
                return AppendNeighborDiscoveryOptions(bytes, 24, length);
            case Icmpv6Type.Redirect:
                if (bytes.Length < 40)
                    return MessageEnd.Truncated;
                line.Append(", ");
                line.AppendIpv6(bytes.Slice(24, 16));
                line.Append(" to ");
                line.AppendIpv6(bytes.Slice(8, 16));
                return _verbose ? AppendNeighborDiscoveryOptions(bytes, 40, length) : MessageEnd.Printed;
            case (Icmpv6Type)130 when length == 24:
            case (Icmpv6Type)131 or (Icmpv6Type)132:
                // MLDv1: tcpdump prints nothing at all when the 24-byte message was not captured whole.
                if (bytes.Length >= 24)
                {
                    line.Append("max resp delay: ");
                    line.Append(BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]));
                    line.Append(" addr: ");
                    line.AppendIpv6(bytes.Slice(8, 16));
                }
                return MessageEnd.Printed;
            case (Icmpv6Type)130 when length >= 28:
                line.Append(" v2");
                return AppendMldv2Query(bytes, length);
            case (Icmpv6Type)130:
                line.Append(" unknown-version (len ");
                line.Append(length);
                line.Append(") ");
                return MessageEnd.Printed;
            case (Icmpv6Type)143:
                return AppendMldv2Report(bytes, length);
            default:
                AppendLength(length);
                if (!_verbose)
                    AppendHexDump(bytes[..Math.Min(bytes.Length, length)], "\n\t", withText: false);
                return MessageEnd.Done;
        }
    }

    /// <summary>The transport header quoted after an IPv6 header and its extension headers (tcpdump's get_upperlayer).</summary>
    private static bool TryFindQuotedTransport(ReadOnlySpan<byte> quote, out byte protocol, out int at)
    {
        protocol = 0;
        at = Ipv6Header.Length;
        if (quote.Length < Ipv6Header.Length)
            return false;
        protocol = quote[Ipv6Header.Field.NextHeader];
        for (int walked = 0; walked < 8; walked++)
        {
            switch (protocol)
            {
                case 0 or 43 or 60:
                    if (quote.Length < at + 2)
                        return false;
                    protocol = quote[at];
                    at += (quote[at + 1] + 1) * 8;
                    continue;
                case 44:
                    if (quote.Length < at + 8)
                        return false;
                    if ((BinaryPrimitives.ReadUInt16BigEndian(quote[(at + 2)..]) & 0xFFF8) != 0)
                        return false;
                    protocol = quote[at];
                    at += 8;
                    continue;
                case 51:
                    if (quote.Length < at + 2)
                        return false;
                    protocol = quote[at];
                    at += (quote[at + 1] + 2) * 4;
                    continue;
                default:
                    return protocol is 6 or 17;
            }
        }
        return false;
    }

    /// <summary>-v's second line of a router advertisement: hop limit, flags, preference and timers.</summary>
    private void AppendRouterAdvertisement(ReadOnlySpan<byte> bytes)
    {
        var line = _line;
        byte flags = bytes[5];
        line.Append("\n\thop limit ");
        line.Append(bytes[4]);
        line.Append(", Flags [");
        int start = line.Length;
        AppendFlag(flags, 0x80, "managed", start);
        AppendFlag(flags, 0x40, "other stateful", start);
        AppendFlag(flags, 0x20, "home agent", start);
        AppendFlag(flags, 0x04, "proxy", start);
        if (line.Length == start)
            line.Append("none");
        line.Append("], pref ");
        line.Append(((flags >> 3) & 3) switch { 0 => "medium", 1 => "high", 2 => "rsv", _ => "low" });
        line.Append(", router lifetime ");
        line.Append(BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]));
        line.Append("s, reachable time ");
        line.Append(BinaryPrimitives.ReadUInt32BigEndian(bytes[8..]));
        line.Append("ms, retrans timer ");
        line.Append(BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]));
        line.Append("ms");
    }

    /// <summary>tcpdump's icmp6_opt_print: one "\n\t  NAME option (T), length L (N): VALUE" per neighbour discovery option.</summary>
    private MessageEnd AppendNeighborDiscoveryOptions(ReadOnlySpan<byte> message, int start, int length)
    {
        var line = _line;
        var options = message[Math.Min(start, message.Length)..Math.Min(message.Length, Math.Max(start, length))];
        int remaining = length - start;
        int at = 0;
        while (remaining >= 2)
        {
            if (at + 2 > options.Length)
                return MessageEnd.Truncated;
            byte type = options[at];
            int units = options[at + 1];
            int optionLength = units * 8;
            line.Append("\n\t  ");
            var name = TcpdumpNames.NeighborDiscoveryOption(type);
            line.Append(name.Length == 0 ? "unknown" : name);
            line.Append(" option (");
            line.Append(type);
            line.Append("), length ");
            line.Append(optionLength);
            line.Append(" (");
            line.Append(units);
            line.Append("): ");
            if (units == 0 || remaining < optionLength)
                return MessageEnd.Truncated;
            if (at + optionLength > options.Length)
                return MessageEnd.Truncated;
            var option = options.Slice(at, optionLength);
            switch (type)
            {
                case 1 or 2:
                    AppendLinkAddress(option[2..]);
                    break;
                case 3:
                    if (option.Length < 32)
                        return MessageEnd.Truncated;
                    line.AppendIpv6(option.Slice(16, 16));
                    line.Append('/');
                    line.Append(option[2]);
                    if (units != 4)
                        line.Append("badlen");
                    line.Append(", Flags [");
                    int flagsStart = line.Length;
                    AppendFlag(option[3], 0x80, "onlink", flagsStart);
                    AppendFlag(option[3], 0x40, "auto", flagsStart);
                    AppendFlag(option[3], 0x20, "router", flagsStart);
                    if (line.Length == flagsStart)
                        line.Append("none");
                    line.Append("], valid time ");
                    AppendLifetime(BinaryPrimitives.ReadUInt32BigEndian(option[4..]));
                    line.Append(", pref. time ");
                    AppendLifetime(BinaryPrimitives.ReadUInt32BigEndian(option[8..]));
                    break;
                case 4:
                    // tcpdump dumps the option's length from the first option on, not the option itself.
                    AppendHexDump(options[..Math.Min(options.Length, optionLength)], "\n\t    ", withText: false);
                    break;
                case 5:
                    if (option.Length < 8)
                        return MessageEnd.Truncated;
                    line.Append(' ');
                    line.Append(BinaryPrimitives.ReadUInt32BigEndian(option[4..]));
                    break;
                default:
                    AppendHexDump(option[2..], "\n\t  ", withText: false);
                    return MessageEnd.Done;
            }
            at += optionLength;
            remaining -= optionLength;
        }
        return MessageEnd.Printed;
    }

    private void AppendLifetime(uint seconds)
    {
        if (seconds == uint.MaxValue)
            _line.Append("infinity");
        else
        {
            _line.Append(seconds);
            _line.Append('s');
        }
    }

    /// <summary>tcpdump's mldv2_query_print: " [gaddr G, N source(s)]", with -v the delay, flags and query interval.</summary>
    private MessageEnd AppendMldv2Query(ReadOnlySpan<byte> bytes, int length)
    {
        var line = _line;
        if (bytes.Length < 28)
            return MessageEnd.Truncated;
        if (_verbose)
        {
            int code = BinaryPrimitives.ReadUInt16BigEndian(bytes[4..]);
            line.Append(" [max resp delay=");
            line.Append(code < 32768 ? code : ((code & 0x0FFF) | 0x1000) << (((code & 0x7000) >> 12) + 3));
            line.Append(']');
        }
        line.Append(" [gaddr ");
        line.AppendIpv6(bytes.Slice(8, 16));
        if (_verbose)
        {
            if ((bytes[24] & 0x08) != 0)
                line.Append(" sflag");
            if ((bytes[24] & 0x07) != 0)
            {
                line.Append(" robustness=");
                line.Append(bytes[24] & 0x07);
            }
            int interval = bytes[25];
            line.Append(" qqi=");
            line.Append(interval < 128 ? interval : ((interval & 0x0F) | 0x10) << (((interval & 0x70) >> 4) + 3));
        }
        int sources = BinaryPrimitives.ReadUInt16BigEndian(bytes[26..]);
        if (sources > 0)
        {
            if (length < 28 + sources * 16)
                line.Append(" [invalid number of sources]");
            else
            {
                line.Append(", ");
                line.Append(sources);
                line.Append(" source(s)");
            }
        }
        line.Append(']');
        return MessageEnd.Printed;
    }

    /// <summary>tcpdump's mldv2_report_print: ", N group record(s)" and with -v each "[gaddr G to_ex, N source(s)]".</summary>
    private MessageEnd AppendMldv2Report(ReadOnlySpan<byte> bytes, int length)
    {
        var line = _line;
        if (bytes.Length < 8)
            return MessageEnd.Truncated;
        int groups = BinaryPrimitives.ReadUInt16BigEndian(bytes[6..]);
        line.Append(", ");
        line.Append(groups);
        line.Append(" group record(s)");
        if (!_verbose)
            return MessageEnd.Printed;
        int at = 8;
        for (int i = 0; i < groups; i++)
        {
            if (length < at + 20)
            {
                line.Append(" [invalid number of groups]");
                return MessageEnd.Done;
            }
            if (bytes.Length < at + 20)
                return MessageEnd.Truncated;
            line.Append(" [gaddr ");
            line.AppendIpv6(bytes.Slice(at + 4, 16));
            line.Append(' ');
            byte recordType = bytes[at];
            var typeName = recordType switch { 1 => "is_in", 2 => "is_ex", 3 => "to_in", 4 => "to_ex", 5 => "allow", 6 => "block", _ => "" };
            if (typeName.Length == 0)
            {
                line.Append(" [v2-report-#");
                line.Append(recordType);
                line.Append(']');
            }
            else
                line.Append(typeName);
            int sources = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
            if (length < at + 20 + sources * 16)
            {
                line.Append(" [invalid number of sources ");
                line.Append(sources);
                line.Append(']');
                return MessageEnd.Done;
            }
            line.Append(", ");
            line.Append(sources);
            line.Append(" source(s)]");
            at += 20 + sources * 16;
        }
        return MessageEnd.Printed;
    }
}
