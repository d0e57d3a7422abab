using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Arp;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Icmp;
using RawNet.Protocols.Icmpv6;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Tunnels;
using RawNet.Protocols.Udp;
using RawNet.Protocols.Vlan;

namespace RawNet.Output.Summary;

/// <summary>
/// One line per packet in the style of <c>tcpdump -n -S -r</c>: the time of day in UTC (<c>HH:MM:SS.ffffff</c>, not local
/// time, so output is the same on every machine), then the innermost protocols the way tcpdump words them. Sequence
/// numbers are absolute. Marks: <c>[|tcp]</c> where the capture cut a header short, <c>[bad tcp cksum 0xGOT -> 0xWANT!]</c>
/// for a checksum that does not verify, <c>[malformed: REASON]</c> for impossible headers, <c>(frag ID:LEN@OFF+)</c> for an
/// IP fragment that did not complete a datagram and <c>(reassembled from N fragments)</c> for one that did.
/// Formats into one reused buffer: no allocation per packet.
/// </summary>
public sealed class SummaryPrinter : IPacketPrinter
{
    private readonly TextLine _line = new();

    /// <inheritdoc />
    public void Print(DecodedPacket packet, ReadOnlySpan<byte> frame, TextWriter output)
    {
        var line = _line;
        line.Clear();
        AppendTimeOfDay(line, packet.Metadata.TimestampNanoseconds);
        line.Append(' ');
        int index = AppendLink(line, packet, frame, 1);
        if (index < packet.LayerCount)
            AppendFrom(line, packet, frame, index);
        else if (packet.Outcome is not (DecodeOutcome.Truncated or DecodeOutcome.Malformed))
            AppendUndecoded(line, packet, frame);
        AppendOutcome(line, packet);
        line.WriteLineTo(output);
    }

    /// <summary>Appends seconds since midnight UTC as HH:MM:SS.ffffff.</summary>
    public static void AppendTimeOfDay(TextLine line, long nanoseconds)
    {
        long seconds = Math.DivRem(nanoseconds, 1_000_000_000, out long fraction);
        if (fraction < 0)
        {
            seconds--;
            fraction += 1_000_000_000;
        }
        long ofDay = ((seconds % 86400) + 86400) % 86400;
        line.AppendPadded(ofDay / 3600, 2);
        line.Append(':');
        line.AppendPadded(ofDay / 60 % 60, 2);
        line.Append(':');
        line.AppendPadded(ofDay % 60, 2);
        line.Append('.');
        line.AppendPadded(fraction / 1000, 6);
    }

    /// <summary>Skips link layers (tcpdump shows them only with -e) but names VLAN tags and PPPoE sessions; returns the next layer.</summary>
    private static int AppendLink(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame, int index)
    {
        for (; index < packet.LayerCount; index++)
        {
            ref readonly Layer layer = ref packet[index];
            var header = packet.HeaderOf(layer, frame);
            switch (layer.Kind)
            {
                case LayerKind.Ethernet or LayerKind.LinuxSll or LayerKind.LinuxSll2 or LayerKind.Null or LayerKind.Erspan:
                    continue;
                case LayerKind.Vlan:
                    if (header.Length >= VlanTag.Length && VlanTag.TryRead(header, out var tag))
                    {
                        line.Append("vlan ");
                        line.Append(tag.Id);
                        line.Append(", p ");
                        line.Append(tag.Priority);
                        line.Append(", ");
                    }
                    continue;
                case LayerKind.PppoeSession:
                    if (header.Length >= 4)
                    {
                        line.Append("PPPoE [ses ");
                        line.AppendHex(BinaryPrimitives.ReadUInt16BigEndian(header[2..]), 0);
                        line.Append("] ");
                    }
                    continue;
                default:
                    return index;
            }
        }
        return index;
    }

    private static void AppendFrom(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame, int index)
    {
        ref readonly Layer layer = ref packet[index];
        switch (layer.Kind)
        {
            case LayerKind.Ipv4:
            case LayerKind.Ipv6:
                AppendIp(line, packet, frame, index);
                return;
            case LayerKind.Arp:
                AppendArp(line, packet, frame, index);
                return;
            default:
                AppendUndecoded(line, packet, frame);
                return;
        }
    }

    /// <summary>What the decoder could not name: the reason it stopped and the frame's length.</summary>
    private static void AppendUndecoded(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (packet.Outcome == DecodeOutcome.Unsupported && packet.StopReason is not null)
        {
            line.Append(packet.StopReason);
            if (packet.StopReason.StartsWith("link type", StringComparison.Ordinal))
            {
                line.Append(' ');
                line.Append((long)packet.Metadata.LinkType);
            }
            else if (packet.StopReason.StartsWith("EtherType", StringComparison.Ordinal) && packet.StopOffset >= 2 && packet.StopOffset <= frame.Length)
            {
                // The EtherType is the two bytes just before the undecoded payload.
                line.Append(' ');
                line.AppendHex(BinaryPrimitives.ReadUInt16BigEndian(frame[(packet.StopOffset - 2)..]), 4);
            }
            line.Append(", ");
        }
        line.Append("length ");
        line.Append(packet.Metadata.OriginalLength);
    }

    // --- IP ---

    private static void AppendIp(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame, int ipIndex)
    {
        ref readonly Layer ip = ref packet[ipIndex];
        bool v4 = ip.Kind == LayerKind.Ipv4;
        var buffer = packet.BufferOf(ip, frame);
        var header = buffer.Slice(ip.Offset, ip.HeaderLength);
        line.Append(v4 ? "IP " : "IP6 ");
        int addressesEnd = v4 ? Ipv4Header.Field.Destination + 4 : Ipv6Header.Field.Destination + 16;
        if (header.Length < addressesEnd || ip.Status == LayerStatus.Malformed && header.Length < (v4 ? Ipv4Header.MinLength : Ipv6Header.Length))
        {
            // The outcome mark ([|ip] or [malformed: ...]) says what is wrong.
            line.Truncate(line.Length - 1);
            return;
        }

        // Extension headers belong to the IPv6 layer; the fragment header among them says whether this is a fragment.
        int next = ipIndex + 1;
        int fragmentLayer = -1;
        byte protocol = v4 ? header[Ipv4Header.Field.Protocol] : header[Ipv6Header.Field.NextHeader];
        while (next < packet.LayerCount && IsIpv6Extension(packet[next].Kind))
        {
            var extension = packet.HeaderOf(packet[next], frame);
            if (extension.Length >= 1)
                protocol = extension[0];
            if (packet[next].Kind == LayerKind.Ipv6Fragment)
                fragmentLayer = next;
            next++;
        }

        int transport = next < packet.LayerCount && packet[next].Quoted == ip.Quoted ? next : -1;
        var kind = transport >= 0 ? packet[transport].Kind : LayerKind.Payload;
        bool hasPorts = kind is LayerKind.Tcp or LayerKind.Udp && packet[transport].HeaderLength >= 4;
        var transportHeader = transport >= 0 ? packet.HeaderOf(packet[transport], frame) : default;

        AppendAddress(line, header, v4, source: true);
        if (hasPorts)
        {
            line.Append('.');
            line.Append(BinaryPrimitives.ReadUInt16BigEndian(transportHeader));
        }
        line.Append(" > ");
        AppendAddress(line, header, v4, source: false);
        if (hasPorts)
        {
            line.Append('.');
            line.Append(BinaryPrimitives.ReadUInt16BigEndian(transportHeader[2..]));
        }
        line.Append(": ");

        switch (kind)
        {
            case LayerKind.Tcp:
                AppendTcp(line, packet, frame, transport, ipIndex);
                break;
            case LayerKind.Udp:
                AppendUdp(line, packet, frame, transport, ipIndex);
                break;
            case LayerKind.Icmp:
                AppendIcmp(line, packet, frame, transport);
                break;
            case LayerKind.Icmpv6:
                AppendIcmpv6(line, packet, frame, transport, ipIndex);
                break;
            case LayerKind.Ipv4 or LayerKind.Ipv6:
                AppendIp(line, packet, frame, transport);
                break;
            case LayerKind.Gre:
                AppendGre(line, packet, frame, transport);
                break;
            default:
                AppendOtherProtocol(line, protocol, transport >= 0 ? packet[transport].Extent : 0);
                break;
        }

        if (!ip.Quoted)
            AppendFragmentNote(line, packet, frame, ip, header, fragmentLayer);
        if (v4 && ip.Checksum == ChecksumStatus.Bad)
        {
            ushort got = BinaryPrimitives.ReadUInt16BigEndian(header[Ipv4Header.Field.Checksum..]);
            AppendBadChecksum(line, "ip", got, ip.ExpectedChecksum);
        }
    }

    private static bool IsIpv6Extension(LayerKind kind) => kind is LayerKind.Ipv6HopByHop or LayerKind.Ipv6Routing
        or LayerKind.Ipv6Fragment or LayerKind.Ipv6DestinationOptions or LayerKind.Ipv6AuthenticationHeader;

    private static void AppendAddress(TextLine line, ReadOnlySpan<byte> header, bool v4, bool source)
    {
        if (v4)
            line.AppendIpv4(header.Slice(source ? Ipv4Header.Field.Source : Ipv4Header.Field.Destination, 4));
        else
            line.AppendIpv6(header.Slice(source ? Ipv6Header.Field.Source : Ipv6Header.Field.Destination, 16));
    }

    private static void AppendOtherProtocol(TextLine line, byte protocol, int length)
    {
        line.Append("ip-proto-");
        line.Append(protocol);
        line.Append(", length ");
        line.Append(length);
    }

    private static void AppendFragmentNote(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame, in Layer ip,
        ReadOnlySpan<byte> header, int fragmentLayer)
    {
        if (packet.HasReassembledPayload)
        {
            line.Append(" (reassembled from ");
            line.Append(packet.ReassembledFragmentCount);
            line.Append(" fragments)");
            return;
        }
        uint id;
        int offset;
        bool more;
        if (ip.Kind == LayerKind.Ipv4)
        {
            ushort word = BinaryPrimitives.ReadUInt16BigEndian(header[Ipv4Header.Field.FlagsAndFragmentOffset..]);
            if ((word & (Ipv4Header.MoreFragments | 0x1FFF)) == 0)
                return;
            id = BinaryPrimitives.ReadUInt16BigEndian(header[Ipv4Header.Field.Identification..]);
            offset = (word & 0x1FFF) * 8;
            more = (word & Ipv4Header.MoreFragments) != 0;
        }
        else
        {
            if (fragmentLayer < 0)
                return;
            var fragment = packet.HeaderOf(packet[fragmentLayer], frame);
            if (fragment.Length < Ipv6ExtensionHeader.FragmentHeaderLength)
                return;
            ushort word = BinaryPrimitives.ReadUInt16BigEndian(fragment[Ipv6ExtensionHeader.Field.FragmentOffsetAndFlags..]);
            id = BinaryPrimitives.ReadUInt32BigEndian(fragment[Ipv6ExtensionHeader.Field.FragmentIdentification..]);
            offset = word & 0xFFF8;
            more = (word & 1) != 0;
            if (offset == 0 && !more)
                return;
        }
        int payloadLength = ip.Extent - (ip.Kind == LayerKind.Ipv4 ? header.Length : Ipv6Header.Length + FragmentHeaderBytes(packet, fragmentLayer));
        line.Append(" (frag ");
        line.Append(id);
        line.Append(':');
        line.Append(Math.Max(0, payloadLength));
        line.Append('@');
        line.Append(offset);
        if (more)
            line.Append('+');
        line.Append(')');
    }

    private static int FragmentHeaderBytes(DecodedPacket packet, int fragmentLayer)
    {
        // Extension headers from the IPv6 header up to and including the fragment header.
        int bytes = 0;
        for (int i = fragmentLayer; i > 0 && IsIpv6Extension(packet[i].Kind); i--)
            bytes += packet[i].HeaderLength;
        return bytes;
    }

    // --- TCP ---

    private static void AppendTcp(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int ipIndex)
    {
        ref readonly Layer layer = ref packet[index];
        var header = packet.HeaderOf(layer, frame);
        if (header.Length < TcpHeader.MinLength)
            return;
        var tcp = new TcpHeader(header);
        var flags = tcp.Flags;
        line.Append("Flags [");
        AppendTcpFlags(line, flags);
        line.Append(']');
        int declared = tcp.HeaderLength;
        if (layer.Status == LayerStatus.Malformed && declared < TcpHeader.MinLength)
        {
            line.Append(", [bad hdr length ");
            line.Append(declared);
            line.Append(" - too short, < 20]");
            return;
        }
        int payload = Math.Max(0, layer.Extent - declared);
        if (payload > 0 || (flags & (TcpFlags.Syn | TcpFlags.Fin | TcpFlags.Rst)) != 0)
        {
            line.Append(", seq ");
            line.Append(tcp.SequenceNumber);
            if (payload > 0)
            {
                line.Append(':');
                line.Append((uint)(tcp.SequenceNumber + (uint)payload));
            }
        }
        if ((flags & TcpFlags.Ack) != 0)
        {
            line.Append(", ack ");
            line.Append(tcp.AcknowledgmentNumber);
        }
        line.Append(", win ");
        line.Append(tcp.Window);
        if ((flags & TcpFlags.Urg) != 0)
        {
            line.Append(", urg ");
            line.Append(tcp.UrgentPointer);
        }
        if (header.Length > TcpHeader.MinLength)
        {
            line.Append(", options [");
            bool sane = AppendTcpOptions(line, header[TcpHeader.MinLength..]);
            line.Append(']');
            if (!sane)
                return; // tcpdump stops at a bad option too
        }
        if (layer.Status == LayerStatus.Truncated)
            return;
        line.Append(", length ");
        line.Append(payload);
        if (layer.Checksum == ChecksumStatus.Bad)
        {
            ushort got = tcp.Checksum;
            AppendBadChecksum(line, "tcp", got, layer.ExpectedChecksum);
        }
    }

    private static void AppendTcpFlags(TextLine line, TcpFlags flags)
    {
        // tcpdump's order and letters (print-tcp.c tcp_flag_values).
        int start = line.Length;
        if ((flags & TcpFlags.Fin) != 0) line.Append('F');
        if ((flags & TcpFlags.Syn) != 0) line.Append('S');
        if ((flags & TcpFlags.Rst) != 0) line.Append('R');
        if ((flags & TcpFlags.Psh) != 0) line.Append('P');
        if ((flags & TcpFlags.Ack) != 0) line.Append('.');
        if ((flags & TcpFlags.Urg) != 0) line.Append('U');
        if ((flags & TcpFlags.Ece) != 0) line.Append('E');
        if ((flags & TcpFlags.Cwr) != 0) line.Append('W');
        if ((flags & TcpFlags.Ae) != 0) line.Append('e');
        if (line.Length == start)
            line.Append("none");
    }

    /// <summary>Appends the options as tcpdump lists them; false when one has an impossible length ("[bad opt]").</summary>
    private static bool AppendTcpOptions(TextLine line, ReadOnlySpan<byte> options)
    {
        var reader = new TcpOptionReader(options);
        bool first = true;
        while (reader.TryNext(out var option))
        {
            if (!first)
                line.Append(',');
            first = false;
            var bytes = options.Slice(option.Offset, option.Length);
            if (!option.Complete)
            {
                line.Append("[bad opt]");
                return false;
            }
            switch (option.Kind)
            {
                case TcpOptionKind.EndOfOptionList:
                    line.Append("eol");
                    return true;
                case TcpOptionKind.NoOperation:
                    line.Append("nop");
                    break;
                case TcpOptionKind.MaximumSegmentSize when bytes.Length == 4:
                    line.Append("mss ");
                    line.Append(BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]));
                    break;
                case TcpOptionKind.WindowScale when bytes.Length == 3:
                    line.Append("wscale ");
                    line.Append(bytes[2]);
                    break;
                case TcpOptionKind.SackPermitted when bytes.Length == 2:
                    line.Append("sackOK");
                    break;
                case TcpOptionKind.Sack when bytes.Length >= 2 && (bytes.Length - 2) % 8 == 0:
                    line.Append("sack ");
                    line.Append((bytes.Length - 2) / 8);
                    line.Append(' ');
                    for (int at = 2; at < bytes.Length; at += 8)
                    {
                        line.Append('{');
                        line.Append(BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]));
                        line.Append(':');
                        line.Append(BinaryPrimitives.ReadUInt32BigEndian(bytes[(at + 4)..]));
                        line.Append('}');
                    }
                    break;
                case TcpOptionKind.Timestamps when bytes.Length == 10:
                    line.Append("TS val ");
                    line.Append(BinaryPrimitives.ReadUInt32BigEndian(bytes[2..]));
                    line.Append(" ecr ");
                    line.Append(BinaryPrimitives.ReadUInt32BigEndian(bytes[6..]));
                    break;
                default:
                    line.Append("unknown-");
                    line.Append((byte)option.Kind);
                    if (bytes.Length > 2)
                    {
                        line.Append(" 0x");
                        line.AppendHexBytes(bytes[2..]);
                    }
                    break;
            }
        }
        return true;
    }

    // --- UDP ---

    private static void AppendUdp(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int ipIndex)
    {
        ref readonly Layer layer = ref packet[index];
        var header = packet.HeaderOf(layer, frame);
        if (header.Length < UdpHeader.HeaderLength)
            return;
        var udp = new UdpHeader(header);
        line.Append("UDP, ");
        if (udp.Length < UdpHeader.HeaderLength || udp.Length > layer.Extent)
        {
            line.Append("bad length ");
            line.Append(udp.Length);
            line.Append(" > ");
            line.Append(Math.Max(0, layer.Extent - UdpHeader.HeaderLength));
            return;
        }
        line.Append("length ");
        line.Append(udp.Length - UdpHeader.HeaderLength);
        if (layer.Checksum == ChecksumStatus.Bad)
        {
            AppendBadChecksum(line, "udp", udp.Checksum, layer.ExpectedChecksum);
        }
        int tunnel = index + 1;
        if (tunnel >= packet.LayerCount || packet[tunnel].Quoted)
            return;
        if (packet[tunnel].Kind == LayerKind.Vxlan)
        {
            var vxlan = packet.HeaderOf(packet[tunnel], frame);
            if (vxlan.Length < VxlanHeader.Length)
                return;
            line.Append(": VXLAN, flags [");
            line.Append((vxlan[VxlanHeader.Field.Flags] & 0x08) != 0 ? "I" : ".");
            line.Append("] (");
            line.AppendHex(vxlan[VxlanHeader.Field.Flags], 2);
            line.Append("), vni ");
            line.Append((int)(BinaryPrimitives.ReadUInt32BigEndian(vxlan[VxlanHeader.Field.NetworkIdentifier..]) >> 8));
            AppendInner(line, packet, frame, tunnel + 1);
        }
        else if (packet[tunnel].Kind == LayerKind.Teredo)
            AppendInner(line, packet, frame, tunnel + 1);
    }

    // --- Tunnels ---

    /// <summary>tcpdump's GRE line: version, key and sequence when present, length, then the carried packet.</summary>
    private static void AppendGre(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame, int index)
    {
        ref readonly Layer layer = ref packet[index];
        var header = packet.HeaderOf(layer, frame);
        if (header.Length < GreHeader.MinLength)
            return;
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(header);
        line.Append("GREv");
        line.Append(flags & GreHeader.VersionMask);
        line.Append(", ");
        if ((flags & GreHeader.KeyPresent) != 0 && header.Length >= GreHeader.KeyOffset(flags) + 4)
        {
            line.Append("key=");
            line.AppendHex(BinaryPrimitives.ReadUInt32BigEndian(header[GreHeader.KeyOffset(flags)..]), 0);
            line.Append(", ");
        }
        if ((flags & GreHeader.SequencePresent) != 0 && header.Length >= GreHeader.SequenceOffset(flags) + 4)
        {
            line.Append("seq ");
            line.Append(BinaryPrimitives.ReadUInt32BigEndian(header[GreHeader.SequenceOffset(flags)..]));
            line.Append(", ");
        }
        line.Append("length ");
        line.Append(layer.Extent);
        AppendInner(line, packet, frame, index + 1);
    }

    /// <summary>": " and the summary of the packet a tunnel carries, from its first layer.</summary>
    private static void AppendInner(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame, int index)
    {
        if (index >= packet.LayerCount || packet[index].Kind == LayerKind.Payload)
            return;
        line.Append(": ");
        int next = AppendLink(line, packet, frame, index);
        if (next < packet.LayerCount)
            AppendFrom(line, packet, frame, next);
    }

    // --- ICMP ---

    private static void AppendIcmp(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame, int index)
    {
        ref readonly Layer layer = ref packet[index];
        var header = packet.HeaderOf(layer, frame);
        if (header.Length < 4)
            return;
        byte type = header[IcmpHeader.Field.Type], code = header[IcmpHeader.Field.Code];
        line.Append("ICMP ");
        switch ((IcmpType)type)
        {
            case IcmpType.EchoRequest or IcmpType.EchoReply when header.Length >= IcmpHeader.HeaderLength:
                line.Append(type == (byte)IcmpType.EchoRequest ? "echo request, id " : "echo reply, id ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(header[IcmpHeader.Field.Identifier..]));
                line.Append(", seq ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(header[IcmpHeader.Field.SequenceNumber..]));
                break;
            case IcmpType.DestinationUnreachable:
                AppendUnreachable(line, packet, frame, index, code, header);
                break;
            case IcmpType.TimeExceeded:
                line.Append(code == 1 ? "ip reassembly time exceeded" : "time exceeded in-transit");
                break;
            case IcmpType.SourceQuench:
                line.Append("source quench");
                break;
            case IcmpType.Redirect:
                line.Append("redirect");
                break;
            case IcmpType.ParameterProblem:
                line.Append("parameter problem");
                break;
            case IcmpType.RouterAdvertisement:
                line.Append("router advertisement");
                break;
            case IcmpType.RouterSolicitation:
                line.Append("router solicitation");
                break;
            case IcmpType.TimestampRequest:
                line.Append("time stamp query");
                break;
            case IcmpType.TimestampReply:
                line.Append("time stamp reply");
                break;
            default:
                line.Append("type-#");
                line.Append(type);
                break;
        }
        AppendIcmpLengthAndChecksum(line, layer, header, "icmp");
    }

    private static void AppendUnreachable(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame, int index, byte code, ReadOnlySpan<byte> header)
    {
        // tcpdump names the quoted datagram's destination; without a quote there is nothing to name.
        int quotedIp = index + 1 < packet.LayerCount && packet[index + 1].Quoted && packet[index + 1].Kind == LayerKind.Ipv4 ? index + 1 : -1;
        var ip = quotedIp >= 0 ? packet.HeaderOf(packet[quotedIp], frame) : default;
        bool haveAddress = ip.Length >= Ipv4Header.MinLength;
        switch (code)
        {
            case 0 or 1 when haveAddress:
                line.Append(code == 0 ? "net " : "host ");
                line.AppendIpv4(ip.Slice(Ipv4Header.Field.Destination, 4));
                line.Append(" unreachable");
                return;
            case 2 when haveAddress:
                line.AppendIpv4(ip.Slice(Ipv4Header.Field.Destination, 4));
                line.Append(" protocol ");
                line.Append(ip[Ipv4Header.Field.Protocol]);
                line.Append(" unreachable");
                return;
            case 3 when haveAddress:
            {
                line.AppendIpv4(ip.Slice(Ipv4Header.Field.Destination, 4));
                AppendQuotedPort(line, packet, frame, quotedIp + 1, ip[Ipv4Header.Field.Protocol]);
                line.Append(" unreachable");
                return;
            }
            case 4 when haveAddress:
                line.AppendIpv4(ip.Slice(Ipv4Header.Field.Destination, 4));
                line.Append(" unreachable - need to frag (mtu ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(header[IcmpHeader.Field.SequenceNumber..]));
                line.Append(')');
                return;
            default:
                if (haveAddress)
                {
                    line.AppendIpv4(ip.Slice(Ipv4Header.Field.Destination, 4));
                    line.Append(' ');
                }
                line.Append("unreachable - code ");
                line.Append(code);
                return;
        }
    }

    /// <summary>Appends " udp port 53" for the transport header quoted at <paramref name="index"/>, or " protocol N port".</summary>
    private static void AppendQuotedPort(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame, int index, byte protocol)
    {
        line.Append(' ');
        line.Append(protocol switch { 6 => "tcp", 17 => "udp", _ => "ip-proto-" });
        if (protocol is not (6 or 17))
            line.Append(protocol);
        line.Append(" port");
        if (index < packet.LayerCount && packet[index].Quoted && packet[index].Kind is LayerKind.Tcp or LayerKind.Udp)
        {
            var quoted = packet.HeaderOf(packet[index], frame);
            if (quoted.Length >= 4)
            {
                line.Append(' ');
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(quoted[2..]));
            }
        }
    }

    private static void AppendIcmpv6(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int ipIndex)
    {
        ref readonly Layer layer = ref packet[index];
        var header = packet.HeaderOf(layer, frame);
        if (header.Length < 4)
            return;
        var buffer = packet.BufferOf(layer, frame);
        byte type = header[IcmpHeader.Field.Type], code = header[IcmpHeader.Field.Code];
        line.Append("ICMP6, ");
        bool full = header.Length >= IcmpHeader.HeaderLength;
        switch ((Icmpv6Type)type)
        {
            case Icmpv6Type.EchoRequest or Icmpv6Type.EchoReply when full:
                line.Append(type == (byte)Icmpv6Type.EchoRequest ? "echo request, id " : "echo reply, id ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(header[IcmpHeader.Field.Identifier..]));
                line.Append(", seq ");
                line.Append(BinaryPrimitives.ReadUInt16BigEndian(header[IcmpHeader.Field.SequenceNumber..]));
                break;
            case Icmpv6Type.PacketTooBig when full:
                line.Append("packet too big, mtu ");
                line.Append(BinaryPrimitives.ReadUInt32BigEndian(header[IcmpHeader.Field.RestOfHeader..]));
                break;
            case Icmpv6Type.DestinationUnreachable:
                line.Append("destination unreachable, ");
                line.Append(code switch
                {
                    0 => "unreachable route",
                    1 => "unreachable prohibited",
                    2 => "beyond scope",
                    3 => "unreachable address",
                    4 => "unreachable port",
                    _ => "unknown code",
                });
                int quoted = index + 1 < packet.LayerCount && packet[index + 1].Quoted && packet[index + 1].Kind == LayerKind.Ipv6 ? index + 1 : -1;
                var ip = quoted >= 0 ? packet.HeaderOf(packet[quoted], frame) : default;
                if (ip.Length >= Ipv6Header.Length)
                {
                    line.Append(", ");
                    line.AppendIpv6(ip.Slice(Ipv6Header.Field.Destination, 16));
                    if (code == 4)
                    {
                        int transport = quoted + 1;
                        while (transport < packet.LayerCount && IsIpv6Extension(packet[transport].Kind))
                            transport++;
                        byte next = transport < packet.LayerCount ? (byte)(packet[transport].Kind == LayerKind.Tcp ? 6 : packet[transport].Kind == LayerKind.Udp ? 17 : ip[Ipv6Header.Field.NextHeader]) : ip[Ipv6Header.Field.NextHeader];
                        AppendQuotedPort(line, packet, frame, transport, next);
                    }
                }
                break;
            case Icmpv6Type.TimeExceeded:
                line.Append(code == 1 ? "time exceeded in-transit for reassembly" : "time exceeded in-transit");
                break;
            case Icmpv6Type.ParameterProblem:
                line.Append("parameter problem");
                break;
            case Icmpv6Type.RouterSolicitation:
                line.Append("router solicitation");
                break;
            case Icmpv6Type.RouterAdvertisement:
                line.Append("router advertisement");
                break;
            case Icmpv6Type.NeighborSolicitation or Icmpv6Type.NeighborAdvertisement when layer.Offset + 24 <= buffer.Length:
                line.Append(type == (byte)Icmpv6Type.NeighborSolicitation ? "neighbor solicitation, who has " : "neighbor advertisement, tgt is ");
                line.AppendIpv6(buffer.Slice(layer.Offset + 8, 16));
                break;
            case Icmpv6Type.Redirect:
                line.Append("redirect");
                break;
            default:
                line.Append("type-#");
                line.Append(type);
                break;
        }
        AppendIcmpLengthAndChecksum(line, layer, header, "icmp6");
    }

    /// <summary>The end every ICMP and ICMPv6 line shares: the message length and any bad-checksum mark.</summary>
    private static void AppendIcmpLengthAndChecksum(TextLine line, in Layer layer, ReadOnlySpan<byte> header, string protocol)
    {
        line.Append(", length ");
        line.Append(layer.Extent);
        if (layer.Checksum == ChecksumStatus.Bad)
            AppendBadChecksum(line, protocol, BinaryPrimitives.ReadUInt16BigEndian(header[IcmpHeader.Field.Checksum..]), layer.ExpectedChecksum);
    }

    // --- ARP ---

    private static void AppendArp(TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame, int index)
    {
        ref readonly Layer layer = ref packet[index];
        var bytes = packet.HeaderOf(layer, frame);
        line.Append("ARP, ");
        if (!ArpPacket.TryRead(bytes, out var arp) || bytes.Length < arp.TotalLength)
        {
            line.Truncate(line.Length - 2);
            return;
        }
        int length = Math.Max(0, packet[0].Extent - layer.Offset);
        if (!arp.IsEthernetIpv4)
        {
            line.Append("hardware type ");
            line.Append(arp.HardwareType);
            line.Append(", protocol type ");
            line.AppendHex((ushort)arp.ProtocolType, 4);
            line.Append(", opcode ");
            line.Append((ushort)arp.Operation);
        }
        else
        {
            var senderIp = bytes.Slice(arp.SenderProtocolAddressOffset, 4);
            var targetMac = bytes.Slice(arp.TargetHardwareAddressOffset, 6);
            var targetIp = bytes.Slice(arp.TargetProtocolAddressOffset, 4);
            switch (arp.Operation)
            {
                case ArpOperation.Request:
                    line.Append("Request who-has ");
                    line.AppendIpv4(targetIp);
                    if (targetMac.ContainsAnyExcept((byte)0))
                    {
                        line.Append(" (");
                        line.AppendMac(targetMac);
                        line.Append(')');
                    }
                    line.Append(" tell ");
                    line.AppendIpv4(senderIp);
                    break;
                case ArpOperation.Reply:
                    line.Append("Reply ");
                    line.AppendIpv4(senderIp);
                    line.Append(" is-at ");
                    line.AppendMac(bytes.Slice(ArpPacket.Field.SenderHardwareAddress, 6));
                    break;
                default:
                    line.Append("opcode ");
                    line.Append((ushort)arp.Operation);
                    break;
            }
        }
        line.Append(", length ");
        line.Append(length);
    }

    // --- marks ---

    private static void AppendOutcome(TextLine line, DecodedPacket packet)
    {
        if (packet.Outcome is DecodeOutcome.Truncated or DecodeOutcome.Malformed)
        {
            while (line.Length > 0 && line.Text[^1] == ' ')
                line.Truncate(line.Length - 1);
        }
        switch (packet.Outcome)
        {
            case DecodeOutcome.Truncated:
                line.Append(" [|");
                line.Append(TruncationName(packet.StoppedAt));
                line.Append(']');
                return;
            case DecodeOutcome.Malformed:
                line.Append(" [malformed: ");
                line.Append(packet.StopReason ?? "bad header");
                line.Append(']');
                return;
        }
    }

    private static string TruncationName(LayerKind kind) => kind switch
    {
        LayerKind.Ethernet => "ether",
        LayerKind.Ipv6 or LayerKind.Ipv6HopByHop or LayerKind.Ipv6Routing or LayerKind.Ipv6Fragment or LayerKind.Ipv6DestinationOptions => "ip6",
        LayerKind.Icmpv6 => "icmp6",
        _ => FieldCatalog.ProtocolName(kind),
    };

    private static void AppendBadChecksum(TextLine line, string protocol, ushort got, ushort want)
    {
        line.Append(" [bad ");
        line.Append(protocol);
        line.Append(" cksum ");
        line.AppendHex(got, 0);
        line.Append(" -> ");
        line.AppendHex(want, 0);
        line.Append("!]");
    }
}
