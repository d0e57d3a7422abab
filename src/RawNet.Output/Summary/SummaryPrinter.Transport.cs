using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Dhcp;
using RawNet.Protocols.L2tp;
using RawNet.Protocols.Dns;
using RawNet.Protocols.Http;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Tunnels;
using RawNet.Protocols.Udp;

namespace RawNet.Output.Summary;

public sealed partial class SummaryPrinter
{
    // --- TCP ---

    /// <summary>tcpdump's tcp_print: <paramref name="bytes"/> is the segment as captured, <paramref name="length"/> its length as IP declares it.</summary>
    private void AppendTcp(in IpContext ip, ReadOnlySpan<byte> bytes, int length, bool fragmented, Layer layer)
    {
        var line = _line;
        if (!TcpHeader.TryReadPorts(bytes, out ushort sourcePort, out ushort destinationPort))
        {
            AppendAddress(ip, ip.Source);
            line.Append(" > ");
            AppendAddress(ip, ip.Destination);
            line.Append(": [|tcp]");
            return;
        }
        AppendPorts(ip, sourcePort, destinationPort, (byte)Protocols.IpProtocol.Tcp);
        if (!TcpHeader.TryRead(bytes, out var tcp))
        {
            line.Append(" [|tcp]");
            return;
        }
        int headerLength = tcp.HeaderLength;
        if (headerLength < TcpHeader.MinLength)
        {
            line.Append(" tcp ");
            line.Append((uint)(length - headerLength));
            line.Append(" [bad hdr length ");
            line.Append(headerLength);
            line.Append(" - too short, < 20]");
            return;
        }
        uint sequence = tcp.SequenceNumber, acknowledgment = tcp.AcknowledgmentNumber;
        // tcpdump reads the flags as one byte: the AE bit (the high nibble's last) is not a flag to it.
        byte flags = bytes[TcpHeader.Field.DataOffsetAndFlags + 1];
        line.Append("Flags [");
        AppendTcpFlags(flags);
        line.Append(']');
        uint sackOrigin = 0;
        if (_origins is not null && (flags & (byte)TcpFlags.Ack) != 0)
            sackOrigin = _origins.MakeRelative(ip.Source, ip.Destination, sourcePort, destinationPort, (flags & (byte)TcpFlags.Syn) != 0,
                ref sequence, ref acknowledgment);
        if (headerLength > length)
        {
            line.Append(" [bad hdr length ");
            line.Append(headerLength);
            line.Append(" - too long, > ");
            line.Append(length);
            line.Append(']');
            return;
        }
        if (_verbose && !fragmented && bytes.Length >= length)
            AppendTcpChecksum(layer, tcp.Checksum);
        int payload = length - headerLength;
        if (payload > 0 || (flags & (byte)(TcpFlags.Syn | TcpFlags.Fin | TcpFlags.Rst)) != 0)
        {
            line.Append(", seq ");
            line.Append(sequence);
            if (payload > 0)
            {
                line.Append(':');
                line.Append(sequence + (uint)payload);
            }
        }
        if ((flags & (byte)TcpFlags.Ack) != 0)
        {
            line.Append(", ack ");
            line.Append(acknowledgment);
        }
        line.Append(", win ");
        line.Append(tcp.Window);
        if ((flags & (byte)TcpFlags.Urg) != 0)
        {
            line.Append(", urg ");
            line.Append(tcp.UrgentPointer);
        }
        if (headerLength > TcpHeader.MinLength && !AppendTcpOptions(bytes, headerLength, sackOrigin))
            return;
        line.Append(", length ");
        line.Append(payload);
        if (payload > 0 && _verbose && (flags & (byte)TcpFlags.Rst) != 0)
            AppendResetData(bytes[Math.Min(bytes.Length, headerLength)..], payload);
        else if (payload > 0 && HttpPorts.CarriesTcpdump(tcp.SourcePort, tcp.DestinationPort))
            AppendHttp(bytes[Math.Min(bytes.Length, headerLength)..], payload);
        else if (payload > 0 && (tcp.SourcePort == DnsPorts.Dns || tcp.DestinationPort == DnsPorts.Dns))
            AppendDnsOverTcp(bytes[Math.Min(bytes.Length, headerLength)..], payload);
    }

    /// <summary>"Flags [S.]": tcpdump's letters in its order, or "none".</summary>
    private void AppendTcpFlags(byte flags)
    {
        var line = _line;
        int start = line.Length;
        if ((flags & (byte)TcpFlags.Fin) != 0) line.Append('F');
        if ((flags & (byte)TcpFlags.Syn) != 0) line.Append('S');
        if ((flags & (byte)TcpFlags.Rst) != 0) line.Append('R');
        if ((flags & (byte)TcpFlags.Psh) != 0) line.Append('P');
        if ((flags & (byte)TcpFlags.Ack) != 0) line.Append('.');
        if ((flags & (byte)TcpFlags.Urg) != 0) line.Append('U');
        if ((flags & (byte)TcpFlags.Ece) != 0) line.Append('E');
        if ((flags & (byte)TcpFlags.Cwr) != 0) line.Append('W');
        if (line.Length == start)
            line.Append("none");
    }

    /// <summary>-v's ", cksum 0x1234 (correct)" or "(incorrect -> 0x5678)", from the decoder's verdict.</summary>
    private void AppendTcpChecksum(in Layer layer, ushort stored)
    {
        if (layer.Checksum is not (ChecksumStatus.Good or ChecksumStatus.Bad or ChecksumStatus.Offloaded))
            return;
        var line = _line;
        line.Append(", cksum ");
        line.AppendHex(stored, 4);
        if (layer.Checksum.IsWrong())
        {
            line.Append(" (incorrect -> ");
            line.AppendHex(layer.ExpectedChecksum, 4);
            line.Append(')');
        }
        else
            line.Append(" (correct)");
    }

    /// <summary>"src.port > dst.port: ", or only the ports when the IP header does not itself name <paramref name="protocol"/> (an extension header is between).</summary>
    private void AppendPorts(in IpContext ip, ushort sourcePort, ushort destinationPort, byte protocol)
    {
        var line = _line;
        bool addresses = ip.Protocol == protocol;
        if (addresses)
        {
            AppendAddress(ip, ip.Source);
            line.Append('.');
        }
        line.Append(sourcePort);
        line.Append(" > ");
        if (addresses)
        {
            AppendAddress(ip, ip.Destination);
            line.Append('.');
        }
        line.Append(destinationPort);
        line.Append(": ");
    }

    /// <summary>
    /// ", options [mss 1460,sackOK,...]" as tcpdump words each option; false when tcpdump stops the line there (an option
    /// with an impossible length: "[bad opt]", or one cut short by the capture: " [|tcp]").
    /// </summary>
    private bool AppendTcpOptions(ReadOnlySpan<byte> segment, int headerLength, uint sackOrigin)
    {
        var line = _line;
        line.Append(", options [");
        int remaining = headerLength - TcpHeader.MinLength;
        int at = TcpHeader.MinLength;
        bool first = true;
        while (remaining > 0)
        {
            if (!first)
                line.Append(',');
            if (at >= segment.Length)
                return Truncated("tcp");
            byte kind = segment[at++];
            int optionLength = 1;
            if (kind > 1)
            {
                if (at >= segment.Length)
                    return Truncated("tcp");
                optionLength = segment[at++];
                if (optionLength < 2 || optionLength > remaining)
                    return BadOption(first);
                remaining--;
            }
            remaining--;
            line.Append(TcpdumpNames.TcpOption(kind, out bool named));
            if (!named)
                line.Append(kind);
            int dataLength = 0;
            var data = segment[at..];
            switch (kind)
            {
                case 2 or 3 or 6 or 7 or 11 or 12 or 13 or 8 or 20 or 28:
                    dataLength = kind switch { 2 or 20 or 28 => 2, 3 => 1, 8 => 8, _ => 4 };
                    if (dataLength > remaining)
                        return BadOption(first);
                    if (data.Length < dataLength)
                        return TruncatedOption(first);
                    AppendFixedTcpOption(kind, data);
                    break;
                case 5:
                    dataLength = optionLength - 2;
                    if (dataLength % 8 != 0)
                    {
                        line.Append(" invalid sack");
                        break;
                    }
                    line.Append(' ');
                    line.Append(dataLength / 8);
                    line.Append(' ');
                    for (int i = 0; i < dataLength; i += 8)
                    {
                        if (i + 8 > remaining)
                            return BadOption(first);
                        if (i + 8 > data.Length)
                            return TruncatedOption(first);
                        line.Append('{');
                        line.Append(BinaryPrimitives.ReadUInt32BigEndian(data[i..]) - sackOrigin);
                        line.Append(':');
                        line.Append(BinaryPrimitives.ReadUInt32BigEndian(data[(i + 4)..]) - sackOrigin);
                        line.Append('}');
                    }
                    break;
                case 19:
                    dataLength = 16;
                    if (dataLength > remaining)
                        return BadOption(first);
                    if (data.Length < dataLength)
                        return TruncatedOption(first);
                    // tcpdump checks an MD5 signature only with the secret given by -M.
                    line.Append(" shared secret not supplied with -M, can't check - ");
                    line.AppendHexBytes(data[..16]);
                    break;
                case 29:
                    dataLength = optionLength - 2;
                    if (dataLength < 2)
                    {
                        line.Append(" (invalid)");
                        break;
                    }
                    for (int i = 0; i < dataLength; i++)
                    {
                        if (i + 1 > remaining)
                            return BadOption(first);
                        if (i + 1 > data.Length)
                            return TruncatedOption(first);
                        line.Append(i switch { 0 => " keyid ", 1 => " rnextkeyid ", 2 => " mac 0x", _ => "" });
                        if (i < 2)
                            line.Append(data[i]);
                        else
                            line.AppendHexDigits(data[i], 2);
                    }
                    break;
                case 34 or 254:
                    dataLength = optionLength - 2;
                    if (dataLength > remaining)
                        return BadOption(first);
                    if (data.Length < dataLength)
                        return TruncatedOption(first);
                    if (kind == 34)
                    {
                        line.Append(' ');
                        AppendFastOpen(data[..dataLength]);
                        break;
                    }
                    if (dataLength < 2)
                        return BadOption(first);
                    ushort magic = BinaryPrimitives.ReadUInt16BigEndian(data);
                    line.Append('-');
                    if (magic == 0xF989)
                    {
                        line.Append("tfo");
                        AppendFastOpen(data[2..dataLength]);
                    }
                    else
                        line.AppendHexDigits(magic, 4);
                    break;
                case 0 or 1 or 4:
                    break;
                default:
                    dataLength = optionLength - 2;
                    if (dataLength > 0)
                        line.Append(" 0x");
                    for (int i = 0; i < dataLength; i++)
                    {
                        if (i + 1 > remaining)
                            return BadOption(first);
                        if (i + 1 > data.Length)
                            return TruncatedOption(first);
                        line.AppendHexDigits(data[i], 2);
                    }
                    break;
            }
            at += dataLength;
            remaining -= dataLength;
            int accounted = dataLength + (kind > 1 ? 2 : 1);
            if (accounted != optionLength)
            {
                line.Append("[len ");
                line.Append(optionLength);
                line.Append(']');
            }
            first = false;
            if (kind == 0)
                break;
        }
        line.Append(']');
        return true;
    }

    /// <summary>The value of an option of fixed size: mss, wscale, echo, echoreply, cc, ccnew, ccecho, TS, scps or uto.</summary>
    private void AppendFixedTcpOption(byte kind, ReadOnlySpan<byte> data)
    {
        var line = _line;
        switch (kind)
        {
            case 2:
                line.Append(' ');
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(data));
                break;
            case 3:
                line.Append(' ');
                line.Append(data[0]);
                break;
            case 8:
                line.Append(" val ");
                line.Append(BinaryPrimitives.ReadUInt32BigEndian(data));
                line.Append(" ecr ");
                line.Append(BinaryPrimitives.ReadUInt32BigEndian(data[4..]));
                break;
            case 20:
                line.Append(" cap ");
                line.AppendHexDigits(data[0], 2);
                line.Append(" id ");
                line.Append(data[1]);
                break;
            case 28:
                int timeout = BinaryPrimitives.ReadUInt16BigEndian(data);
                line.Append(' ');
                line.AppendHex((ulong)timeout, 0);
                line.Append(' ');
                line.Append((timeout & 1) != 0 ? (timeout >> 1) * 60 : timeout >> 1);
                break;
            default:
                line.Append(' ');
                line.Append(BinaryPrimitives.ReadUInt32BigEndian(data));
                break;
        }
    }

    private void AppendFastOpen(ReadOnlySpan<byte> cookie)
    {
        if (cookie.Length == 0)
            _line.Append(" cookiereq");
        else if (cookie.Length % 2 != 0 || cookie.Length < 4 || cookie.Length > 16)
            _line.Append(" (invalid)");
        else
        {
            _line.Append(" cookie ");
            _line.AppendHexBytes(cookie);
        }
    }

    /// <summary>tcpdump's "[bad opt]", closed with "]" unless no option was printed before it; the line ends there.</summary>
    private bool BadOption(bool first)
    {
        _line.Append("[bad opt]");
        if (!first)
            _line.Append(']');
        return false;
    }

    /// <summary>
    /// " [|tcp]" for an option whose value was not all captured, then tcpdump's stray "&gt;" after any option but the
    /// first (its check for an option's value jumps to an old exit that still closes the pre-4.0 "&lt;...&gt;" list).
    /// </summary>
    private bool TruncatedOption(bool first)
    {
        Truncated("tcp");
        if (!first)
            _line.Append('>');
        return false;
    }

    /// <summary>" [|tcp]": the capture ended inside what was being printed; the line ends there.</summary>
    private bool Truncated(string protocol)
    {
        _line.Append(" [|");
        _line.Append(protocol);
        _line.Append(']');
        return false;
    }

    /// <summary>-v's text of a reset's data: " [RST text]" (at most 30 characters, "+" when cut; "!RST" when not all captured).</summary>
    private void AppendResetData(ReadOnlySpan<byte> data, int length)
    {
        var line = _line;
        line.Append(data.Length >= length ? " [RST" : " [!RST");
        if (length > 30)
        {
            length = 30;
            line.Append('+');
        }
        line.Append(' ');
        foreach (byte b in data[..Math.Min(length, data.Length)])
            AppendPrintable(b);
        line.Append(']');
    }

    /// <summary>A byte as tcpdump's fn_print_char shows it: "M-" for the high bit, "^X" for a control character.</summary>
    private void AppendPrintable(byte b)
    {
        if (b >= 0x80)
        {
            _line.Append("M-");
            b &= 0x7F;
        }
        if (b is < 0x20 or 0x7F)
        {
            _line.Append('^');
            _line.Append((char)(b ^ 0x40));
        }
        else
            _line.Append((char)b);
    }

    // --- UDP ---

    /// <summary>tcpdump's udp_print, with VXLAN on its port; <paramref name="length"/> is what IP declares for the datagram.</summary>
    private void AppendUdp(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, in IpContext ip, ReadOnlySpan<byte> bytes,
        int length, bool fragmented, bool decoded)
    {
        var line = _line;
        const byte udp = (byte)Protocols.IpProtocol.Udp;
        if (bytes.Length < 4)
        {
            if (ip.Protocol == udp)
                AppendAddresses(ip);
            line.Append(" [|udp]");
            return;
        }
        ushort sourcePort = BinaryPrimitives.ReadUInt16BigEndian(bytes), destinationPort = BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]);
        if (length < UdpHeader.HeaderLength)
        {
            AppendPorts(ip, sourcePort, destinationPort, udp);
            line.Append("truncated-udp ");
            line.Append(length);
            return;
        }
        if (bytes.Length < 6)
        {
            AppendPorts(ip, sourcePort, destinationPort, udp);
            line.Append(" [|udp]");
            return;
        }
        int declared = BinaryPrimitives.ReadUInt16BigEndian(bytes[UdpHeader.Field.Length..]);
        if (declared == 0 && length > 65535)
            declared = length;
        if (declared < UdpHeader.HeaderLength)
        {
            AppendPorts(ip, sourcePort, destinationPort, udp);
            line.Append("truncated-udplength ");
            line.Append(declared);
            return;
        }
        declared -= UdpHeader.HeaderLength;
        length -= UdpHeader.HeaderLength;
        if (declared < length)
            length = declared;
        AppendPorts(ip, sourcePort, destinationPort, udp);
        if (bytes.Length < UdpHeader.HeaderLength)
        {
            line.Append(" [|udp]");
            return;
        }
        // tcpdump -v judges UDP checksums over IPv6 only (over IPv4 from -vv on).
        if (_verbose && !fragmented && ip.V6 && bytes.Length - UdpHeader.HeaderLength >= length && decoded)
            AppendChecksumVerdict("udp", packet[index], BinaryPrimitives.ReadUInt16BigEndian(bytes[UdpHeader.Field.Checksum..]));
        // The decoder follows tshark, which tries the lower port's protocol first (UdpPortTable); tcpdump picks its printer
        // by port in an order of its own. When the printer it picks needs layers the decoder did not make there (tshark
        // gave the payload to the other port), read the frame again in tcpdump's order.
        var printer = TcpdumpUdpPrinterOf(sourcePort, destinationPort);
        if (decoded && packet[index].Source == LayerSource.Frame && !packet[index].Quoted
            && LayersFor(printer) is { } needed && !(index + 1 < packet.LayerCount && packet[index + 1].Kind == needed)
            && DecodeByOwnUdpPorts(packet, frame) is var own && index < own.LayerCount && own[index].Kind == LayerKind.Udp && own[index].Offset == packet[index].Offset)
            packet = own;
        switch (printer)
        {
            case TcpdumpUdpPrinter.Dns:
                AppendDns(bytes[UdpHeader.HeaderLength..], length, DnsPorts.IsMulticast(sourcePort, destinationPort));
                return;
            case TcpdumpUdpPrinter.Bootp:
                AppendBootp(bytes[UdpHeader.HeaderLength..], length);
                return;
            case TcpdumpUdpPrinter.Snmp:
                AppendSnmp(bytes[UdpHeader.HeaderLength..], length);
                return;
            case TcpdumpUdpPrinter.Ntp:
                AppendNtp(bytes[UdpHeader.HeaderLength..], length);
                return;
            case TcpdumpUdpPrinter.Sip:
                AppendTextProtocol(bytes[UdpHeader.HeaderLength..], length, sip: true);
                return;
            case TcpdumpUdpPrinter.L2tp when packet[index].Source == LayerSource.Frame && !packet[index].Quoted:
                AppendL2tp(packet, frame, packet[index].Offset + UdpHeader.HeaderLength, length);
                return;
            case TcpdumpUdpPrinter.Sflow when packet[index].Source == LayerSource.Frame && !packet[index].Quoted:
                AppendSflow(bytes[UdpHeader.HeaderLength..], length);
                return;
            case TcpdumpUdpPrinter.Lwapp:
                AppendLwapp(bytes[UdpHeader.HeaderLength..], length, sourcePort == TunnelPorts.LwappControl || destinationPort == TunnelPorts.LwappControl,
                    destinationPort == TunnelPorts.LwappControl);
                return;
            case TcpdumpUdpPrinter.Vxlan when decoded && index + 1 < packet.LayerCount && packet[index + 1].Kind == LayerKind.Vxlan:
                AppendVxlan(packet, frame, index + 1, bytes[UdpHeader.HeaderLength..], length);
                return;
            // Geneve, also when the capture kept none of it (the decoder then stopped there).
            case TcpdumpUdpPrinter.Geneve when decoded
                && (index + 1 < packet.LayerCount && packet[index + 1].Kind == LayerKind.Geneve || packet.StoppedAt == LayerKind.Geneve):
                AppendGeneve(packet, frame, index + 1, bytes[UdpHeader.HeaderLength..], length);
                return;
            // VXLAN-GPE, also when the datagram is empty or the capture kept none of it (tcpdump still names it).
            case TcpdumpUdpPrinter.VxlanGpe when decoded && packet[index].Source == LayerSource.Frame && !packet[index].Quoted
                && (index + 1 < packet.LayerCount && packet[index + 1].Kind == LayerKind.VxlanGpe || bytes.Length <= UdpHeader.HeaderLength):
                AppendVxlanGpe(packet, frame, index + 1, bytes[UdpHeader.HeaderLength..], length);
                return;
            // MPLS in UDP, also when the capture kept none of the stack.
            case TcpdumpUdpPrinter.Mpls when decoded && packet[index].Source == LayerSource.Frame && !packet[index].Quoted
                && (index + 1 < packet.LayerCount && packet[index + 1].Kind == LayerKind.Mpls || bytes.Length <= UdpHeader.HeaderLength && length > 0):
                AppendMpls(packet, frame, packet[index].Offset + UdpHeader.HeaderLength, length);
                return;
        }
        line.Append(declared > length && !fragmented ? "UDP, bad length " : "UDP, length ");
        line.Append(declared);
        if (declared > length && !fragmented)
        {
            line.Append(" > ");
            line.Append(length);
        }
    }

    /// <summary>The printers of tcpdump 4.99's udp_print that RawNet has.</summary>
    private enum TcpdumpUdpPrinter { None, Dns, Bootp, Ntp, L2tp, Sflow, Lwapp, Vxlan, Geneve, VxlanGpe, Mpls, Sip, Snmp }

    /// <summary>
    /// The printer udp_print picks by the ports alone, in its order: DNS (53) and mDNS (5353), BOOTP (67, 68), SNMP (161, 162), NTP (123), L2TP, sFlow, LWAPP control,
    /// LWAPP data, VXLAN, Geneve, VXLAN-GPE, MPLS. Its printers for protocols RawNet does not print (RADIUS
    /// ...) sit between them; a datagram on one of their ports is printed here by RawNet's, as before. The decoder's
    /// re-decode order for the summary (PacketDecoder.OwnUdpPortsTcpdumpOrder) lists the same ports first, in this order.
    /// </summary>
    private static TcpdumpUdpPrinter TcpdumpUdpPrinterOf(ushort sourcePort, ushort destinationPort)
    {
        bool Either(ushort port) => sourcePort == port || destinationPort == port;
        if (DnsPorts.Carries(sourcePort, destinationPort))
            return TcpdumpUdpPrinter.Dns;
        // BOOTP after timed (525) and TFTP (69), whose printers RawNet does not have.
        if (DhcpPorts.Carries(sourcePort, destinationPort) && !Either(525) && !Either(69))
            return TcpdumpUdpPrinter.Bootp;
        // SNMP (161, 162) after TFTP (69), RIP (520), AODV (654), ISAKMP (500, 4500) and timed (525), whose printers RawNet does not have.
        if ((Either(Protocols.Snmp.SnmpPorts.Snmp) || Either(Protocols.Snmp.SnmpPorts.Trap)) && !Either(69) && !Either(520) && !Either(654)
            && !Either(500) && !Either(4500) && !Either(525))
            return TcpdumpUdpPrinter.Snmp;
        // NTP after TFTP (69), SNMP (161, 162), ISAKMP (500, 4500), RIP (520) and timed (525), whose printers RawNet does not have.
        if (Either(Protocols.Ntp.NtpPorts.Ntp) && !Either(69) && !Either(161) && !Either(162) && !Either(500) && !Either(4500) && !Either(520) && !Either(525))
            return TcpdumpUdpPrinter.Ntp;
        if (Either(L2tpPorts.L2tp))
            return TcpdumpUdpPrinter.L2tp;
        if (Either(TunnelPorts.Sflow))
            return TcpdumpUdpPrinter.Sflow;
        if (Either(TunnelPorts.LwappControl) || Either(TunnelPorts.LwappData))
            return TcpdumpUdpPrinter.Lwapp;
        if (Either(TunnelPorts.Vxlan))
            return TcpdumpUdpPrinter.Vxlan;
        if (Either(TunnelPorts.Geneve))
            return TcpdumpUdpPrinter.Geneve;
        if (Either(TunnelPorts.VxlanGpe))
            return TcpdumpUdpPrinter.VxlanGpe;
        if (Either(TunnelPorts.MplsInUdp))
            return TcpdumpUdpPrinter.Mpls;
        // SIP (5060) comes after all of the above in udp_print.
        return Either(Protocols.Sip.SipPorts.Sip) ? TcpdumpUdpPrinter.Sip : TcpdumpUdpPrinter.None;
    }

    /// <summary>The layer right after UDP that a printer reads the carried packet from; null for those that read only bytes.</summary>
    private static LayerKind? LayersFor(TcpdumpUdpPrinter printer) => printer switch
    {
        TcpdumpUdpPrinter.L2tp => LayerKind.L2tp,
        TcpdumpUdpPrinter.Vxlan => LayerKind.Vxlan,
        TcpdumpUdpPrinter.Geneve => LayerKind.Geneve,
        TcpdumpUdpPrinter.VxlanGpe => LayerKind.VxlanGpe,
        TcpdumpUdpPrinter.Mpls => LayerKind.Mpls,
        _ => null,
    };
}
