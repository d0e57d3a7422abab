using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RawNet.Protocols;
using RawNet.Protocols.Pppoe;
using RawNet.Protocols.Arp;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.LinuxCooked;
using RawNet.Protocols.Loopback;
using RawNet.Protocols.Tunnels;

namespace RawNet.Output.Summary;

/// <summary>
/// What <c>tcpdump -n -r</c> (4.99) prints for each packet, line for line, for every protocol RawNet decodes: the time
/// of day in UTC (<c>HH:MM:SS.ffffff</c>; tcpdump prints local time, so compare with <c>TZ=UTC</c>), then the
/// packet the way tcpdump words it. TCP sequence and acknowledgement numbers are relative to the start of their
/// connection as tcpdump makes them (<see cref="TcpSequenceOrigins"/>; absolute with
/// <see cref="SummaryOptions.AbsoluteSequenceNumbers"/>, as <c>-S</c>), so one printer must see a file's packets in
/// order. Checksums are judged only with <see cref="SummaryOptions.Verbose"/> (as <c>-v</c>, which also adds IP
/// header details, a new line and indentation after an IPv4 header, ICMP quotes, ND options and GRE flags), and then
/// from the decoder's verdicts, never for a fragment or a packet not captured whole, as tcpdump does. Packets are
/// printed as captured, fragment by fragment: decode them without reassembly. Application payloads are not decoded,
/// DNS over UDP excepted (tcpdump names HTTP and others after <c>length N</c>). Formats into one reused buffer: once a connection is
/// known, nothing is allocated per packet.
/// </summary>
public sealed partial class SummaryPrinter : IPacketPrinter
{
    private readonly TextLine _line = new();

    /// <inheritdoc />
    public bool ShowsAnalysis => false; // tcpdump's relative numbers are its own (TcpSequenceOrigins), not tshark's

    /// <inheritdoc />
    public bool ShowsChecksums => _verbose; // as tcpdump: only -v judges checksums
    private readonly bool _verbose;
    private readonly SummaryTimestamp _timestamp;
    private long _referenceMicroseconds; // -ttt and -ttttt: the packet times are measured from (0: none yet, as tcpdump's unset timeval)
    private readonly TcpSequenceOrigins? _origins;
    private readonly Func<int, string?>? _interfaceName;
    private readonly Dictionary<int, string> _interfaceNames = [];

    /// <summary>A printer as <c>tcpdump -n</c>.</summary>
    public SummaryPrinter() : this(SummaryOptions.Default)
    {
    }

    /// <summary>A printer with tcpdump's <c>-v</c> and <c>-S</c> as <paramref name="options"/> says.</summary>
    public SummaryPrinter(SummaryOptions options)
    {
        _verbose = options.Verbose;
        _timestamp = options.Timestamp;
        _interfaceName = options.InterfaceName;
        if (!options.AbsoluteSequenceNumbers)
            _origins = new TcpSequenceOrigins(options.TrackedConnections > 0 ? options.TrackedConnections : TcpSequenceOrigins.DefaultCapacity);
    }

    /// <inheritdoc />
    public void Print(DecodedPacket packet, ReadOnlySpan<byte> frame, TextWriter output)
    {
        var line = _line;
        line.Clear();
        AppendTimestamp(line, packet.Metadata.TimestampNanoseconds);
        if (packet.Metadata.LinkType == LinkType.Ethernet && packet.Metadata.FcsLengthFromFlags != 0)
            packet = DecodeWithoutFlaggedFcs(packet, frame);
        _printing = packet;
        _bridgedDepth = 0;
        if (HasNoTcpdumpPrinter(packet.Metadata.LinkType))
            AppendUnsupportedLinkType(frame);
        else if (IsIeee802154(packet.Metadata.LinkType))
            AppendIeee802154(frame);
        else if (packet.Metadata.LinkType == LinkType.Ieee802154Tap)
            AppendIeee802154Tap(frame);
        else
            AppendLinkAndNetwork(packet, frame, 1, Math.Max(packet.Metadata.OriginalLength, frame.Length));
        _printing = null;
        line.WriteLineTo(output);
    }

    /// <summary>
    /// The link types RawNet decodes that tcpdump 4.99's print.c has no printer for: the ones with a direction byte in
    /// front (pppd's, 166, has one: ppp_if_print), the raw MPLS stack, Endace ERF, 802.3br mPackets, DOCSIS, VPP dispatch traces, exported PDUs, GFP, EBHSCR, AX.25 (tcpdump refuses a file of link type 3; 202 prints so), GPRS LLC, XRA-31, Juniper's Voice PIC, VN (tcpdump reads 184 as ARINC 429) and secure tunnel and Redback's SmartEdge (tcpdump refuses a file of link type 32).
    /// </summary>
    private static bool HasNoTcpdumpPrinter(LinkType linkType) => linkType is LinkType.PppWithDirection
        or LinkType.CiscoHdlcWithDirection or LinkType.FrameRelayWithDirection or LinkType.Mpls or LinkType.Erf
        or LinkType.EthernetMpacket
        or LinkType.Epon
        or LinkType.Docsis or LinkType.GprsLlc or LinkType.DocsisXra31
        or LinkType.Ax25 or LinkType.Ax25Kiss
        or LinkType.VppDispatch or LinkType.WiresharkUpperPdu
        or LinkType.GfpTransparent or LinkType.GfpFrameMapped
        or LinkType.Ebhscr or LinkType.Tzsp
        or LinkType.JuniperVp or LinkType.Ieee802154NonAskPhy
        or LinkType.Redback or LinkType.JuniperVn or LinkType.JuniperSt;

    /// <summary>The line's time as the options ask, and the space after it (nothing at all for <see cref="SummaryTimestamp.None"/>).</summary>
    private void AppendTimestamp(TextLine line, long nanoseconds)
    {
        switch (_timestamp)
        {
            case SummaryTimestamp.None:
                return;
            case SummaryTimestamp.Epoch:
            {
                // tcpdump prints the seconds as an unsigned 32-bit number ("%u.%06u").
                long microseconds = FloorDivide(nanoseconds, 1000);
                long seconds = FloorDivide(microseconds, 1_000_000);
                line.Append((ulong)(uint)seconds);
                line.Append('.');
                line.AppendPadded(microseconds - seconds * 1_000_000, 6);
                break;
            }
            case SummaryTimestamp.SincePrevious:
            case SummaryTimestamp.SinceFirst:
            {
                // As tcpdump: times in whole microseconds; an unset (zero) reference takes this packet's time.
                long microseconds = FloorDivide(nanoseconds, 1000);
                if (_referenceMicroseconds == 0)
                    _referenceMicroseconds = microseconds;
                long delta = microseconds - _referenceMicroseconds;
                line.Append(delta < 0 ? '-' : ' ');
                AppendDuration(line, Math.Abs(delta));
                if (_timestamp == SummaryTimestamp.SincePrevious)
                    _referenceMicroseconds = microseconds;
                break;
            }
            case SummaryTimestamp.DateAndTime:
            {
                long seconds = FloorDivide(nanoseconds, 1_000_000_000);
                var day = DateTime.UnixEpoch.AddDays(FloorDivide(seconds, 86400));
                line.AppendPadded(day.Year, 4);
                line.Append('-');
                line.AppendPadded(day.Month, 2);
                line.Append('-');
                line.AppendPadded(day.Day, 2);
                line.Append(' ');
                AppendTimeOfDay(line, nanoseconds);
                break;
            }
            default:
            {
                // Packets come many to a second: "HH:MM:SS." is formatted once per second, the microseconds every time.
                long seconds = FloorDivide(nanoseconds, 1_000_000_000);
                if (seconds != _clockSecond)
                {
                    _clock.Clear();
                    AppendTimeOfDay(_clock, seconds * 1_000_000_000);
                    _clock.Truncate(_clock.Length - 6);
                    _clockSecond = seconds;
                }
                line.Append(_clock.Text);
                line.AppendPadded((nanoseconds - seconds * 1_000_000_000) / 1000, 6);
                break;
            }
        }
        line.Append(' ');
    }

    private readonly TextLine _clock = new();
    private long _clockSecond = long.MinValue;

    /// <summary>
    /// A span of time as tcpdump 4.99's relative stamps write it: as a time of day (it formats the span with gmtime), so
    /// whole days are dropped: 25 hours prints as 01:00:00.000000.
    /// </summary>
    private static void AppendDuration(TextLine line, long microseconds)
    {
        long seconds = microseconds / 1_000_000;
        line.AppendPadded(seconds / 3600 % 24, 2);
        line.Append(':');
        line.AppendPadded(seconds % 3600 / 60, 2);
        line.Append(':');
        line.AppendPadded(seconds % 60, 2);
        line.Append('.');
        line.AppendPadded(microseconds % 1_000_000, 6);
    }

    private static long FloorDivide(long value, long divisor)
    {
        long quotient = Math.DivRem(value, divisor, out long remainder);
        return remainder < 0 ? quotient - 1 : quotient;
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

    // --- link layers ---

    /// <summary>
    /// pppoe_print up to what PPP carries, for the PPPoE header at the start of <paramref name="bytes"/> (what the capture
    /// kept of it and on) in a frame of <paramref name="wire"/> bytes from there: " (length N &lt; 6) (invalid)" for a
    /// frame shorter than the header, " [|pppoe]" when the capture cut it; else a version or type other than 1
    /// (" [ver 3]", " [type 5]"), "PPPoE " and the code's name (none for session data, "PADI", "PAD-33"), a PADI's
    /// length over 1478 ("[len 1500!]"), a declared length over the bytes after the header ("[len 39 > 1!]"), a session
    /// other than 0 and, for another code than session data, the discovery tags; for session data a space and, when
    /// fewer than the two bytes of PPP's protocol remain, " [|ppp]". True when PPP follows (session data, two bytes or more).
    /// </summary>
    private bool AppendPppoe(ReadOnlySpan<byte> bytes, int wire)
    {
        var line = _line;
        if (wire < PppoeSessionHeader.SessionLength)
        {
            line.Append(" (length ");
            line.Append(wire);
            line.Append(" < ");
            line.Append(PppoeSessionHeader.SessionLength);
            line.Append(") (invalid)");
            return false;
        }
        if (!PppoeSessionHeader.TryReadSession(bytes, out ushort sessionId, out int declared))
        {
            line.Append(" [|pppoe]");
            return false;
        }
        byte versionAndType = bytes[PppoeSessionHeader.Field.VersionAndType];
        if (versionAndType >> 4 != 1)
        {
            line.Append(" [ver ");
            line.Append(versionAndType >> 4);
            line.Append(']');
        }
        if ((versionAndType & 0x0F) != 1)
        {
            line.Append(" [type ");
            line.Append(versionAndType & 0x0F);
            line.Append(']');
        }
        line.Append("PPPoE ");
        byte code = bytes[PppoeSessionHeader.Field.Code];
        AppendPppoeCode(code);
        if (code == PppoeCode.Padi && declared > MaxPadiPayload)
        {
            line.Append(" [len ");
            line.Append(declared);
            line.Append("!]");
        }
        int payload = wire - PppoeSessionHeader.SessionLength;
        if (declared > payload)
        {
            line.Append(" [len ");
            line.Append(declared);
            line.Append(" > ");
            line.Append(payload);
            line.Append("!]");
            declared = payload;
        }
        if (sessionId != 0)
        {
            line.Append(" [ses ");
            line.AppendHex(sessionId, 0);
            line.Append(']');
        }
        if (code != 0)
        {
            AppendPppoeTags(bytes[PppoeSessionHeader.SessionLength..], declared);
            return false;
        }
        line.Append(' ');
        if (declared < 2 || bytes.Length < PppoeSessionHeader.Length)
        {
            // ppp_print reads two bytes of the protocol field before it looks for compression.
            line.Append(" [|ppp]");
            return false;
        }
        return true;
    }

    /// <summary>RFC 2516's discovery codes, as tcpdump names them.</summary>
    private static class PppoeCode
    {
        public const byte Padi = 0x09;
        public const byte Pado = 0x07;
        public const byte Padr = 0x19;
        public const byte Pads = 0x65;
        public const byte Padt = 0xa7;
    }

    /// <summary>tcpdump's limit of a PADI's payload: 1484 bytes less the header.</summary>
    private const int MaxPadiPayload = 1484 - PppoeSessionHeader.SessionLength;

    /// <summary>tcpdump's longest tag text (MAXTAGPRINT less its terminator).</summary>
    private const int MaxPppoeTagText = 79;

    /// <summary>tcpdump's name of a PPPoE tag (RFC 2516 and RFC 4638's PPP-Max-Payload), "TAG-0x" and the type in hex for another.</summary>
    private void AppendPppoeTagName(int type)
    {
        var line = _line;
        switch (type)
        {
            case 0x0000: line.Append("EOL"); return;
            case 0x0101: line.Append("Service-Name"); return;
            case 0x0102: line.Append("AC-Name"); return;
            case 0x0103: line.Append("Host-Uniq"); return;
            case 0x0104: line.Append("AC-Cookie"); return;
            case 0x0105: line.Append("Vendor-Specific"); return;
            case 0x0110: line.Append("Relay-Session-ID"); return;
            case 0x0120: line.Append("PPP-Max-Payload"); return;
            case 0x0201: line.Append("Service-Name-Error"); return;
            case 0x0202: line.Append("AC-System-Error"); return;
            case 0x0203: line.Append("Generic-Error"); return;
            default:
                line.Append("TAG-0x");
                line.AppendHexDigits((ulong)type, 0);
                return;
        }
    }

    private void AppendPppoeCode(byte code)
    {
        var line = _line;
        switch (code)
        {
            case 0:
                return;
            case PppoeCode.Padi: line.Append("PADI"); return;
            case PppoeCode.Pado: line.Append("PADO"); return;
            case PppoeCode.Padr: line.Append("PADR"); return;
            case PppoeCode.Pads: line.Append("PADS"); return;
            case PppoeCode.Padt: line.Append("PADT"); return;
            default:
                line.Append("PAD-");
                line.AppendHexDigits(code, 0);
                return;
        }
    }

    /// <summary>
    /// pppoe_print's walk of a discovery packet's tags in the <paramref name="length"/> bytes it believes (of which the
    /// capture kept <paramref name="tags"/>): " [name]" for an empty tag, " [name \"text\"]" when most of the value's
    /// first 79 bytes are printable (the rest as dots), else " [name 0x...]" in hex; it stops after an end-of-list tag
    /// and prints " [|pppoe]" where the capture ends inside a tag. Each step moves 4 bytes at least.
    /// </summary>
    private void AppendPppoeTags(ReadOnlySpan<byte> tags, int length)
    {
        var line = _line;
        int type = 0xFFFF;
        for (int at = 0; type != 0 && at < length;)
        {
            if (tags.Length - at < 4)
            {
                line.Append(" [|pppoe]");
                return;
            }
            type = BinaryPrimitives.ReadUInt16BigEndian(tags[at..]);
            int size = BinaryPrimitives.ReadUInt16BigEndian(tags[(at + 2)..]);
            at += 4;
            if (tags.Length - at < size)
            {
                line.Append(" [|pppoe]");
                return;
            }
            line.Append(" [");
            AppendPppoeTagName(type);
            if (size > 0)
            {
                var value = tags.Slice(at, size);
                var shown = value[..Math.Min(value.Length, MaxPppoeTagText)];
                int printable = 0;
                foreach (byte b in shown)
                    printable += b is >= 32 and < 127 ? 1 : 0;
                if (printable > shown.Length - printable)
                {
                    line.Append(" \"");
                    foreach (byte b in shown)
                        line.Append(b is >= 32 and < 127 ? (char)b : '.');
                    line.Append('"');
                }
                else
                {
                    line.Append(" 0x");
                    foreach (byte b in value)
                        line.AppendHexDigits(b, 2, uppercase: true);
                }
            }
            line.Append(']');
            at += size;
        }
    }

    /// <summary>
    /// The link headers from layer <paramref name="index"/> on (tcpdump shows them only with -e, except a cooked v2
    /// header's interface and direction and a PPPoE session), then what they carry. <paramref name="length"/> is the
    /// frame's length on the wire from the first of them.
    /// </summary>
    private void AppendLinkAndNetwork(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        var line = _line;
        int linkStart = index < packet.LayerCount ? packet[index].Offset : 0;
        if (index == 1 && PacketDecoder.IsAtmClip(packet.Metadata.LinkType) && !AppendClip(packet, frame, length))
            return;
        for (; index < packet.LayerCount; index++)
        {
            ref readonly Layer layer = ref packet[index];
            var header = packet.HeaderOf(layer, frame);
            if (layer.Kind == LayerKind.Erf)
            {
                AppendUnsupportedLinkType(frame);
                return;
            }
            if (layer.Kind == LayerKind.Atm)
            {
                AppendSunAtm(packet, frame, index, length);
                return;
            }
            if (layer.Kind == LayerKind.Pktap)
            {
                if (!AppendPktap(packet, frame, index, ref length, ref linkStart))
                    return;
                continue;
            }
            if (layer.Kind == LayerKind.Symantec)
            {
                if (!AppendSymantec(frame, length))
                    return;
                continue;
            }
            if (layer.Kind is LayerKind.Pflog or LayerKind.Enc)
            {
                // tcpdump reads its own bytes of the header, whether or not tshark found it whole.
                if (!(layer.Kind == LayerKind.Pflog ? AppendPflog(packet, frame, index, length) : AppendEnc(packet, frame, index, length)))
                    return;
                continue;
            }
            if (layer.Kind == LayerKind.Llc && index == 1 && packet.Metadata.LinkType is RawNet.Protocols.LinkType.AtmRfc1483 or RawNet.Protocols.LinkType.AtmRfc1483Bsd)
            {
                if (!AppendAtm(packet, frame, index, length))
                    return;
                continue;
            }
            if (layer.Kind is LayerKind.TokenRing or LayerKind.Fddi)
            {
                // tcpdump reads its own bytes of the header, whether or not tshark found it whole.
                if (!(layer.Kind == LayerKind.Fddi ? AppendFddi(packet, frame, index, length) : AppendTokenRing(packet, frame, index, length)))
                    return;
                index++;
                continue;
            }
            if (layer.Kind == LayerKind.PppoeSession && layer.Status != LayerStatus.Complete)
            {
                AppendPppoe(frame[Math.Min(layer.Offset, frame.Length)..], length - (layer.Offset - linkStart));
                return;
            }
            if (IsLinkLayer(layer.Kind) && (layer.Status != LayerStatus.Complete || (layer.Kind == LayerKind.Ethernet && header.Length < 14)))
            {
                line.Append(" [|");
                line.Append(TcpdumpNames.LinkProtocol(layer.Kind));
                line.Append(']');
                return;
            }
            switch (layer.Kind)
            {
                case LayerKind.Ethernet or LayerKind.Vlan or LayerKind.ServiceVlan or LayerKind.Null or LayerKind.LinuxSll:
                    continue;
                case LayerKind.Llc when EthernetBefore(packet, index) is >= 0 and var ethernet:
                {
                    // 802.3: the LLC frame ends where the length field says; after Jumbo LLC's EtherType, at the frame's end.
                    int rest = length - (layer.Offset - linkStart);
                    int field = IsJumboLlc(frame, layer.Offset) ? Math.Max(0, rest) : Math.Max(0, LengthFieldBefore(frame, layer.Offset));
                    int wire = Math.Min(rest, field);
                    var bytes = frame[Math.Min(layer.Offset, frame.Length)..Math.Min(frame.Length, layer.Offset + field)];
                    var next = index + 1 < packet.LayerCount ? packet[index + 1].Kind : LayerKind.Frame;
                    if (!AppendLlc(frame[packet[ethernet].Offset..], bytes, wire, next))
                        return;
                    length = wire;
                    linkStart = layer.Offset;
                    continue;
                }
                case LayerKind.Llc when packet[index - 1].Kind == LayerKind.PppoeSession:
                    // PPP's protocol 0x004b: tcpdump names the protocol and dumps it, as for any it does not decode.
                    goto default;
                case LayerKind.Radiotap or LayerKind.Ppi or LayerKind.Prism or LayerKind.Avs or LayerKind.Ieee80211 or LayerKind.Llc:
                    if (!AppendWireless(packet, frame, index, ref length, ref linkStart))
                        return;
                    continue;
                case LayerKind.LinuxSll2:
                    AppendCookedInterface(header);
                    continue;
                case LayerKind.Nflog:
                    AppendNflog(packet, frame, length);
                    return;
                case LayerKind.Ipnet:
                    AppendIpnet(packet, frame, length);
                    return;
                case LayerKind.Ipoib:
                    if (!AppendIpoib(frame, length))
                        return;
                    continue;
                case LayerKind.Ipfc:
                    if (!AppendIpfc(packet, frame, index, length))
                        return;
                    index++;
                    continue;
                case LayerKind.Ap1394:
                    if (!AppendAp1394(frame, length))
                        return;
                    continue;
                case LayerKind.Netanalyzer:
                    AppendNetanalyzer(packet, frame, length);
                    return;
                case LayerKind.Arcnet:
                    if (!AppendArcnet(packet, frame, index, length))
                        return;
                    continue;
                case LayerKind.Juniper:
                    if (!AppendJuniper(packet, frame, index, ref length, ref linkStart))
                        return;
                    continue;
                case LayerKind.PppoeSession when PppoeSessionHeader.TryRead(header, out var pppoe):
                    // (A layer the decoder found whole has the two bytes ppp_print reads before it looks for compression.)
                    if (!AppendPppoe(frame[Math.Min(layer.Offset, frame.Length)..], length - (layer.Offset - linkStart)))
                        return;
                    // PPP carries what the session's own length says (the PPP protocol field counts in it).
                    length = Math.Min(length - (layer.Offset + pppoe.HeaderLength - linkStart), pppoe.PayloadLength - pppoe.ProtocolLength);
                    linkStart = layer.Offset + pppoe.HeaderLength;
                    if (IsPppPrintedProtocol((ushort)pppoe.Protocol) || TcpdumpNames.PppProtocol((ushort)pppoe.Protocol).Length == 0)
                    {
                        // ppp_print's handle_ppp: the control and authentication protocols have printers of their own, and
                        // one it has no name for is "unknown PPP protocol (0x1234)" and the data in hex.
                        AppendPppData(packet, frame, (ushort)pppoe.Protocol, linkStart, length);
                        return;
                    }
                    continue;
                case LayerKind.FrameRelay when layer.Offset == linkStart:
                    AppendFrameRelay(packet, frame, length);
                    return;
                case LayerKind.Ppp or LayerKind.CiscoHdlc when layer.Offset == linkStart:
                    AppendSerialLink(packet, frame, index, length);
                    return;
                case LayerKind.Mpls:
                    AppendMpls(packet, frame, layer.Offset, length - (layer.Offset - linkStart));
                    return;
                case LayerKind.Nsh:
                    AppendNsh(packet, frame, index, length - (layer.Offset - linkStart));
                    return;
                case LayerKind.Arista when EthernetBeforeArista(packet, index) is >= 0 and var aristaEthernet:
                    if (!AppendArista(packet, frame, aristaEthernet, index, length - (layer.Offset - linkStart),
                            length + packet[aristaEthernet].Offset - linkStart))
                        return;
                    continue;
                case LayerKind.Macsec when EthernetBefore(packet, index) is >= 0 and var macsecEthernet:
                    AppendMacsec(packet, frame, macsecEthernet, layer.Offset, length - (layer.Offset - linkStart), index + 1);
                    return;
                case LayerKind.Arp:
                    AppendArp(packet, frame, index, length - (layer.Offset - linkStart));
                    return;
                case LayerKind.Ipv4:
                    AppendIpv4(packet, frame, index, length - (layer.Offset - linkStart));
                    return;
                case LayerKind.Ipv6 when (layer.Detail & Ipv6LayerDetail.LinkNamedIpv4) != 0:
                    // The link named IPv4 (0x0800) and the decoder, as tshark's "ip" dissector, found version 6: tcpdump's
                    // ip_print says so and stops.
                    AppendIpVersionProblem(header);
                    return;
                case LayerKind.Ipv6:
                    AppendIpv6(packet, frame, index, length - (layer.Offset - linkStart));
                    return;
                case LayerKind.Lldp when packet[index - 1].Kind == LayerKind.Ethernet && packet[index - 1].Source == LayerSource.Frame:
                    AppendLldp(frame, layer.Offset, length - (layer.Offset - linkStart));
                    return;
                case LayerKind.Lwapp or LayerKind.Wol when packet[index - 1].Kind == LayerKind.Ethernet && packet[index - 1].Source == LayerSource.Frame:
                    // tcpdump has no printer for LWAPP's EtherTypes (0x88BB, 0xBBBB) nor for Wake-on-LAN's (0x0842): they are unknown to it.
                    AppendUnknownEtherType(frame, packet[index - 1].Offset, layer.Offset, length + packet[index - 1].Offset - linkStart);
                    return;
                default:
                    AppendUndecodedLink(packet, frame, index, linkStart, length);
                    return;
            }
        }
        AppendUndecodedLink(packet, frame, index, linkStart, length);
    }

    // The packet being printed (for what LLC's printer decodes aside), and IP read where tcpdump reads it, for a link
    // header whose packet tshark (so the decoder) finds elsewhere.
    private DecodedPacket? _printing;
    private int _bridgedDepth;
    private PacketDecoder? _sideDecoder;
    private DecodedPacket? _sidePacket;

    /// <summary>
    /// ip_print or ip6_print (<paramref name="kind"/>) for the bytes at <paramref name="offset"/>, <paramref name="length"/>
    /// of them on the wire: the layer decoded there when there is one, else the bytes decoded again as tcpdump reads
    /// them (ipnet's data length and NFLOG's TLVs can put tshark's packet elsewhere, or nowhere).
    /// <paramref name="decodedAlike"/> false: a layer decoded there is bounded otherwise than tcpdump reads the bytes
    /// (NFLOG's payload TLV against the rest of the frame), so the bytes are always decoded again.
    /// </summary>
    private void AppendIpReadAt(DecodedPacket packet, ReadOnlySpan<byte> frame, LayerKind kind, int offset, int length, bool decodedAlike = true)
    {
        for (int i = 1; decodedAlike && i < packet.LayerCount; i++)
        {
            ref readonly Layer layer = ref packet[i];
            if (layer.Kind == kind && layer.Source == LayerSource.Frame && layer.Offset == offset && !layer.Quoted)
            {
                AppendIpVersion(packet, frame, i, kind, length);
                return;
            }
        }
        var bytes = frame[Math.Min(offset, frame.Length)..];
        AppendIpVersion(DecodeAside(packet, bytes, length, kind == LayerKind.Ipv4 ? LinkType.Ipv4 : LinkType.Ipv6), bytes, 1, kind, length);
    }

    /// <summary>
    /// <paramref name="bytes"/> (of <paramref name="packet"/>'s frame) decoded again on their own as a frame of
    /// <paramref name="linkType"/>, <paramref name="length"/> bytes on the wire, into the one packet kept for that.
    /// </summary>
    private DecodedPacket DecodeAside(DecodedPacket packet, ReadOnlySpan<byte> bytes, int length, LinkType linkType)
    {
        _sideDecoder ??= new PacketDecoder(new DecoderOptions(Defragment: false));
        _sidePacket ??= new DecodedPacket();
        var metadata = packet.Metadata with
        {
            CapturedLength = bytes.Length,
            OriginalLength = Math.Max(bytes.Length, length),
            LinkType = linkType,
        };
        _sideDecoder.Decode(bytes, metadata, packet.FrameNumber, _sidePacket);
        return _sidePacket;
    }

    private PacketDecoder? _unflaggedDecoder;
    private DecodedPacket? _unflaggedPacket;

    /// <summary>
    /// <paramref name="packet"/> decoded again without the FCS length its packet block's flags give: libpcap does not
    /// hand tcpdump the flags, so tcpdump reads the whole frame as what the EtherType carries.
    /// </summary>
    private DecodedPacket DecodeWithoutFlaggedFcs(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        _unflaggedDecoder ??= new PacketDecoder(new DecoderOptions(Defragment: false));
        _unflaggedPacket ??= new DecodedPacket();
        var metadata = packet.Metadata with { PacketFlags = packet.Metadata.PacketFlags & ~FrameMetadata.FcsLengthFlags };
        _unflaggedDecoder.Decode(frame, metadata, packet.FrameNumber, _unflaggedPacket);
        return _unflaggedPacket;
    }

    private PacketDecoder? _ownPortsDecoder;
    private DecodedPacket? _ownPortsPacket;

    /// <summary>
    /// <paramref name="packet"/> decoded again with RawNet's own UDP ports alone (<see cref="DecoderOptions.TsharkUdpPorts"/>
    /// off): where tshark's dissector on a datagram's lower port took a payload that tcpdump prints by the other port.
    /// </summary>
    private DecodedPacket DecodeByOwnUdpPorts(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        _ownPortsDecoder ??= new PacketDecoder(new DecoderOptions(Defragment: false, TsharkUdpPorts: false));
        _ownPortsPacket ??= new DecodedPacket();
        _ownPortsDecoder.Decode(frame, packet.Metadata, packet.FrameNumber, _ownPortsPacket);
        return _ownPortsPacket;
    }

    private void AppendIpVersion(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, LayerKind kind, int length)
    {
        if (kind == LayerKind.Ipv4)
            AppendIpv4(packet, frame, index, length);
        else
            AppendIpv6(packet, frame, index, length);
    }

    /// <summary>The Ethernet layer an 802.3 LLC layer at <paramref name="index"/> follows (VLAN tags between), or -1 for LLC behind 802.11.</summary>
    private static int EthernetBefore(DecodedPacket packet, int index)
    {
        for (int i = index - 1; i > 0; i--)
        {
            if (packet[i].Kind == LayerKind.Ethernet)
                return packet[i].Source == LayerSource.Frame ? i : -1;
            if (packet[i].Kind is not (LayerKind.Vlan or LayerKind.ServiceVlan))
                return -1;
        }
        return -1;
    }

    private static bool IsLinkLayer(LayerKind kind) => kind is LayerKind.Ethernet or LayerKind.Vlan or LayerKind.ServiceVlan
        or LayerKind.Null or LayerKind.LinuxSll or LayerKind.LinuxSll2 or LayerKind.PppoeSession or LayerKind.Ipoib or LayerKind.Ap1394 or LayerKind.Ipfc;

    /// <summary>Appends <paramref name="name"/>, or for a number tcpdump has no name for, <paramref name="unknown"/> and the number in parentheses.</summary>
    private void AppendName(string name, string unknown, int number)
    {
        if (name.Length > 0)
        {
            _line.Append(name);
            return;
        }
        _line.Append(unknown);
        _line.Append(" (");
        _line.Append(number);
        _line.Append(')');
    }

    /// <summary>Appends <paramref name="text"/>, or when tcpdump has no words for the number, <paramref name="fallback"/> and the number.</summary>
    private void AppendOrNumber(string text, string fallback, int number)
    {
        if (text.Length > 0)
        {
            _line.Append(text);
            return;
        }
        _line.Append(fallback);
        _line.Append(number);
    }

    /// <summary>-v's verdict in brackets before a UDP or ICMPv6 line: "[udp sum ok] " or "[bad udp cksum 0x1234 -> 0x5678!] ".</summary>
    private void AppendChecksumVerdict(string protocol, in Layer layer, ushort stored)
    {
        var line = _line;
        if (layer.Checksum == ChecksumStatus.Good)
        {
            line.Append('[');
            line.Append(protocol);
            line.Append(" sum ok] ");
        }
        else if (layer.Checksum.IsWrong())
        {
            line.Append("[bad ");
            line.Append(protocol);
            line.Append(" cksum ");
            line.AppendHex(stored, 4);
            line.Append(" -> ");
            line.AppendHex(layer.ExpectedChecksum, 4);
            line.Append("!] ");
        }
    }

    /// <summary>A cooked v2 header's interface (named on this host, as tcpdump names it) and packet type: "eth0  In  ".</summary>
    private void AppendCookedInterface(ReadOnlySpan<byte> header)
    {
        int interfaceIndex = BinaryPrimitives.ReadInt32BigEndian(header[LinuxCookedHeader.Sll2Field.InterfaceIndex..]);
        if (!_interfaceNames.TryGetValue(interfaceIndex, out string? name))
        {
            name = _interfaceName?.Invoke(interfaceIndex) ?? "?";
            _interfaceNames[interfaceIndex] = name;
        }
        _line.AppendLeftAligned(name, 5);
        _line.Append(' ');
        _line.AppendLeftAligned(TcpdumpNames.CookedPacketType(header[LinuxCookedHeader.Sll2Field.PacketType]), 3);
        _line.Append(' ');
    }

    /// <summary>
    /// A whole cooked (v1 or v2) or loopback header before what RawNet does not decode, <paramref name="length"/> bytes on
    /// the wire from it: tcpdump's sll_print, sll2_print or null_hdr_print line (none for an SLL2 protocol below 0x0600),
    /// then the rest in hex.
    /// </summary>
    private void AppendUnknownBehindHeader(LayerKind kind, ReadOnlySpan<byte> bytes, int length)
    {
        var line = _line;
        int headerLength;
        if (kind == LayerKind.Null)
        {
            // null_if_print reads either order, for DLT_LOOP too (tshark reads DLT_LOOP's in network order only).
            uint family = LoopbackHeader.Family(bytes);
            line.Append("AF Unknown (");
            line.Append(family);
            line.Append("), length ");
            line.Append(length);
            line.Append(": ");
            headerLength = LoopbackHeader.Length;
        }
        else
        {
            bool v1 = kind == LayerKind.LinuxSll;
            ushort protocol = (ushort)(v1 ? LinuxCookedHeader.SllProtocol(bytes) : LinuxCookedHeader.Sll2Protocol(bytes));
            headerLength = v1 ? LinuxCookedHeader.SllLength : LinuxCookedHeader.Sll2Length;
            if (v1)
            {
                ushort packetType = BinaryPrimitives.ReadUInt16BigEndian(bytes);
                string type = packetType > byte.MaxValue ? "?" : TcpdumpNames.CookedPacketType((byte)packetType);
                line.Pad(3 - type.Length);
                line.Append(type);
                line.Append(' ');
            }
            else if (protocol < EthernetHeader.MinEtherType)
            {
                AppendHexDump(bytes[headerLength..], "\n\t", withText: true);
                return;
            }
            else
            {
                line.Append("ifindex ");
                line.Append(BinaryPrimitives.ReadUInt32BigEndian(bytes[LinuxCookedHeader.Sll2Field.InterfaceIndex..]));
                line.Append(' ');
            }
            if (v1 ? LinuxCookedHeader.SllHasMacAddress(bytes) : LinuxCookedHeader.Sll2HasMacAddress(bytes))
            {
                line.AppendMac(bytes.Slice(v1 ? LinuxCookedHeader.SllField.Address : LinuxCookedHeader.Sll2Field.Address, 6));
                line.Append(' ');
            }
            line.Append("ethertype Unknown (");
            line.AppendHex(protocol, 4);
            line.Append("), length ");
            line.Append(length);
            line.Append(": ");
        }
        AppendHexDump(bytes[headerLength..], "\n\t", withText: true);
    }

    /// <summary>
    /// A frame whose network layer RawNet does not decode: for Ethernet, tcpdump's addresses, EtherType and a hex dump
    /// of the rest; otherwise the length.
    /// </summary>
    private void AppendUndecodedLink(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int linkStart, int length)
    {
        var line = _line;
        if (index > 1 && packet[index - 1] is { Kind: LayerKind.LinuxSll or LayerKind.LinuxSll2 or LayerKind.Null, Status: LayerStatus.Complete,
            Source: LayerSource.Frame } link)
        {
            if (link.Kind == LayerKind.Null && LoopbackHeader.Family(frame[link.Offset..]) is var family
                && family is LoopbackHeader.Inet or LoopbackHeader.BsdInet6 or LoopbackHeader.FreeBsdInet6 or LoopbackHeader.DarwinInet6)
            {
                // DLT_LOOP's family in host order: tshark reads it in network order only, null_if_print either way.
                AppendIpReadAt(packet, frame, family == LoopbackHeader.Inet ? LayerKind.Ipv4 : LayerKind.Ipv6, link.Offset + LoopbackHeader.Length,
                    length - (link.Offset + LoopbackHeader.Length - linkStart));
                return;
            }
            AppendUnknownBehindHeader(link.Kind, frame[link.Offset..], length - (link.Offset - linkStart));
            return;
        }
        int ethernet = -1;
        for (int i = index - 1; i > 0; i--)
        {
            if (packet[i].Kind == LayerKind.Ethernet)
            {
                ethernet = i;
                break;
            }
        }
        if (ethernet < 0 || packet[ethernet].Source != LayerSource.Frame || packet.StopOffset < 2 || packet.StopOffset > frame.Length)
        {
            line.Append(packet.StopReason ?? "not decoded");
            line.Append(", length ");
            line.Append(length);
            return;
        }
        var header = frame[packet[ethernet].Offset..];
        if (BinaryPrimitives.ReadUInt16BigEndian(frame[(packet.StopOffset - 2)..]) == (ushort)EtherType.Macsec)
        {
            // A SecTAG tshark does not take for MACsec (a version other than 0, or too short for an ICV).
            AppendMacsec(packet, frame, ethernet, packet.StopOffset, length - (packet.StopOffset - linkStart), -1);
            return;
        }
        if (LengthFieldBefore(frame, packet.StopOffset) is >= 0 and var field)
        {
            // An 802.3 frame whose LLC RawNet left as data (Novell raw IPX, or a length of 0, which tshark takes for a type).
            int end = Math.Min(frame.Length, packet.StopOffset + field);
            AppendLlc(header, frame[packet.StopOffset..end], Math.Min(field, linkStart + length - packet.StopOffset), LayerKind.Payload);
            return;
        }
        AppendUnknownEtherType(frame, packet[ethernet].Offset, packet.StopOffset, length + packet[ethernet].Offset - linkStart);
    }

    /// <summary>tcpdump's line of an Ethernet frame (at <paramref name="ethernet"/>) whose EtherType, before <paramref name="at"/>, it does not know.</summary>
    private void AppendUnknownEtherType(ReadOnlySpan<byte> frame, int ethernet, int at, int length)
    {
        AppendSourceAndDestination(frame[ethernet..]);
        _line.Append(", ethertype Unknown (");
        _line.AppendHex(BinaryPrimitives.ReadUInt16BigEndian(frame[(at - 2)..]), 4);
        _line.Append("), length ");
        _line.Append(length);
        _line.Append(": ");
        AppendHexDump(frame[at..], "\n\t", withText: true);
    }

    /// <summary>tcpdump's hex dump: lines of 16 bytes as "0x0000:  abcd ..." after <paramref name="prefix"/>, with the text when asked.</summary>
    private void AppendHexDump(ReadOnlySpan<byte> bytes, string prefix, bool withText)
    {
        // A row is " xxxx" per two bytes, padded to 40 characters, then two spaces and a character per byte.
        const int hexWidth = 40;
        var line = _line;
        Span<char> hex = stackalloc char[32];
        for (int at = 0; at < bytes.Length; at += 16)
        {
            var row = bytes.Slice(at, Math.Min(16, bytes.Length - at));
            line.Append(prefix);
            line.AppendHex((ulong)at, 4);
            line.Append(": ");
            int hexLength = row.Length / 2 * 5 + row.Length % 2 * 3;
            var text = line.Extend(withText ? hexWidth + 2 + row.Length : hexLength);
            // The row's hex in one vectorised call, then four digits (one 64-bit move) after each space.
            Convert.TryToHexStringLower(row, hex, out _);
            var quads = MemoryMarshal.Cast<char, ulong>(hex);
            int groups = row.Length / 2;
            for (int g = 0; g < groups; g++)
            {
                text[5 * g] = ' ';
                MemoryMarshal.Write(MemoryMarshal.AsBytes(text.Slice(5 * g + 1, 4)), quads[g]);
            }
            if (row.Length % 2 != 0)
            {
                text[5 * groups] = ' ';
                text[5 * groups + 1] = hex[4 * groups];
                text[5 * groups + 2] = hex[4 * groups + 1];
            }
            if (!withText)
                continue;
            for (int i = hexLength; i < hexWidth + 2; i++)
                text[i] = ' '; // a loop, not Span.Fill: that uses Vector<T>, which the precompiled image leaves to the JIT
            AppendPrintableOrDot(row, text[(hexWidth + 2)..]);
        }
    }

    /// <summary>The hex dump's text column: printable ASCII as itself (a space too is shown as '.'), anything else as '.'.</summary>
    private static void AppendPrintableOrDot(ReadOnlySpan<byte> row, Span<char> text)
    {
        if (row.Length == 16 && Vector128.IsHardwareAccelerated)
        {
            var bytes = Vector128.Create(row);
            // Printable means 0x21 to 0x7E: one unsigned comparison after moving 0x21 to zero.
            var printable = Vector128.LessThan(bytes - Vector128.Create((byte)0x21), Vector128.Create((byte)(0x7F - 0x21)));
            var shown = Vector128.ConditionalSelect(printable, bytes, Vector128.Create((byte)'.'));
            var (low, high) = Vector128.Widen(shown);
            var chars = MemoryMarshal.Cast<char, ushort>(text);
            low.CopyTo(chars);
            high.CopyTo(chars[8..]);
            return;
        }
        for (int i = 0; i < row.Length; i++)
            text[i] = row[i] is > 0x20 and < 0x7F ? (char)row[i] : '.';
    }

    // --- ARP ---

    private void AppendArp(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        var line = _line;
        ref readonly Layer layer = ref packet[index];
        var bytes = packet.BufferOf(layer, frame)[layer.Offset..];
        if (!ArpPacket.TryRead(bytes, out var arp) || bytes.Length < arp.TotalLength)
        {
            line.Append(" [|arp]");
            return;
        }
        line.Append("ARP, ");
        bool ipv4 = arp.ProtocolType is EtherType.Ipv4 or ArpTrailerProtocol && arp.ProtocolSize == 4 && arp.HardwareSize != 0;
        if (!ipv4 || _verbose)
        {
            if (arp.HardwareType == 1)
                line.Append("Ethernet");
            else if (arp.HardwareType == 32)
                line.Append("InfiniBand"); // ARP on IPoIB (RFC 4391 4)
            else if (arp.HardwareType == 7)
                line.Append("ArcNet"); // ARP on ARCNET (RFC 1201), one-byte station IDs
            else
            {
                line.Append("Unknown Hardware (");
                line.Append(arp.HardwareType);
                line.Append(')');
            }
            line.Append(" (len ");
            line.Append(arp.HardwareSize);
            line.Append("), ");
            var protocolName = arp.ProtocolType == ArpTrailerProtocol ? "Trail" : TcpdumpNames.EtherType((ushort)arp.ProtocolType);
            if (protocolName.Length > 0)
                line.Append(protocolName);
            else
            {
                line.Append("Unknown Protocol (");
                line.AppendHex((ushort)arp.ProtocolType, 4);
                line.Append(')');
            }
            line.Append(" (len ");
            line.Append(arp.ProtocolSize);
            line.Append(')');
            if (!_verbose)
            {
                AppendLength(length);
                return;
            }
            line.Append(", ");
        }
        var operation = arp.Operation;
        AppendName(TcpdumpNames.ArpOperation((ushort)operation), "Unknown", (ushort)operation);
        line.Append(' ');
        var senderIp = bytes.Slice(arp.SenderProtocolAddressOffset, arp.ProtocolSize);
        var targetHardware = bytes.Slice(arp.TargetHardwareAddressOffset, arp.HardwareSize);
        var senderHardware = bytes.Slice(ArpPacket.Field.SenderHardwareAddress, arp.HardwareSize);
        var targetIp = bytes.Slice(arp.TargetProtocolAddressOffset, arp.ProtocolSize);
        switch (operation)
        {
            case ArpOperation.Request:
                line.Append("who-has ");
                AppendProtocolAddress(targetIp, arp.ProtocolType);
                if (targetHardware.ContainsAnyExcept((byte)0))
                {
                    line.Append(" (");
                    AppendLinkAddress(targetHardware);
                    line.Append(')');
                }
                line.Append(" tell ");
                AppendProtocolAddress(senderIp, arp.ProtocolType);
                break;
            case ArpOperation.Reply:
                AppendProtocolAddress(senderIp, arp.ProtocolType);
                line.Append(" is-at ");
                AppendLinkAddress(senderHardware);
                break;
            case (ArpOperation)3 or (ArpOperation)8:
                line.Append("who-is ");
                AppendLinkAddress(targetHardware);
                line.Append(" tell ");
                AppendLinkAddress(senderHardware);
                break;
            case (ArpOperation)4:
                AppendLinkAddress(targetHardware);
                line.Append(" at ");
                AppendProtocolAddress(targetIp, arp.ProtocolType);
                break;
            case (ArpOperation)9:
                AppendLinkAddress(senderHardware);
                line.Append(" at ");
                AppendProtocolAddress(senderIp, arp.ProtocolType);
                break;
            default:
                AppendHexDump(bytes[..Math.Min(bytes.Length, length)], "\n\t", withText: true);
                return;
        }
        AppendLength(length);
    }

    /// <summary>tcpdump's tpaddr_print_ip and spaddr_print_ip: an IPv4 address, or why it is not one.</summary>
    private void AppendProtocolAddress(ReadOnlySpan<byte> address, EtherType protocol)
    {
        if (protocol is not (EtherType.Ipv4 or ArpTrailerProtocol))
            _line.Append("<wrong proto type>");
        else if (address.Length != 4)
            _line.Append("<wrong len>");
        else
            _line.AppendIpv4(address);
    }

    /// <summary>ETHERTYPE_TRAIL, which tcpdump's ARP printer takes for IPv4.</summary>
    private const EtherType ArpTrailerProtocol = (EtherType)0x1000;

    /// <summary>A link-layer address as tcpdump prints one of any length: bytes in hex joined by colons.</summary>
    private void AppendLinkAddress(ReadOnlySpan<byte> address)
    {
        for (int i = 0; i < address.Length; i++)
        {
            if (i > 0)
                _line.Append(':');
            _line.AppendHexDigits(address[i], 2);
        }
    }

    private void AppendLength(int length)
    {
        _line.Append(", length ");
        _line.Append(length);
    }

    // --- IPv4 ---

    /// <summary>
    /// tcpdump's ip_print for the IPv4 header at layer <paramref name="index"/>, <paramref name="length"/> bytes of which
    /// the layer below passed up, then what it carries.
    /// </summary>
    private void AppendIpv4(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        var line = _line;
        ref readonly Layer layer = ref packet[index];
        var bytes = packet.BufferOf(layer, frame)[layer.Offset..];
        if (AppendIpVersionProblem(bytes))
            return;
        line.Append("IP ");
        if (!Ipv4Header.TryRead(bytes, out var ip))
        {
            line.Append(" [|ip]");
            return;
        }
        if (length < Ipv4Header.MinLength)
        {
            // Only a layer below that bounds IP more tightly than the capture (MACsec's short length) gets here.
            line.Append("truncated-ip ");
            line.Append(length);
            return;
        }
        int headerLength = ip.HeaderLength;
        if (headerLength < Ipv4Header.MinLength)
        {
            line.Append("bad-hlen ");
            line.Append(headerLength);
            return;
        }
        int totalLength = ip.TotalLength;
        if (totalLength < headerLength)
        {
            line.Append("bad-len ");
            line.Append(totalLength);
            return;
        }
        if (length < totalLength)
        {
            line.Append("truncated-ip - ");
            line.Append(totalLength - length);
            line.Append(" bytes missing! ");
        }
        bytes = bytes[..Math.Min(bytes.Length, Math.Min(length, totalLength))];
        ushort fragmentWord = ip.FlagsAndFragmentOffset;
        byte protocol = bytes[Ipv4Header.Field.Protocol];
        if (_verbose && !AppendIpv4Details(layer, ip, bytes, headerLength, totalLength))
            return;

        var context = new IpContext(bytes, v6: false, protocol);
        if ((fragmentWord & 0x1FFF) == 0)
        {
            if (protocol is not ((byte)IpProtocol.Tcp or (byte)IpProtocol.Udp or ProtocolSctp or ProtocolDccp))
                AppendAddresses(context);
            if (bytes.Length < headerLength)
            {
                // tcpdump wants the whole header before it hands the payload on.
                line.Append(" [remaining caplen(");
                line.Append(bytes.Length);
                line.Append(") < header length(");
                line.Append(headerLength);
                line.Append(")] [|ip]");
                return;
            }
            AppendCarried(packet, frame, index, context, protocol, headerLength, totalLength - headerLength,
                fragmented: (fragmentWord & Ipv4Header.MoreFragments) != 0);
        }
        else
        {
            AppendIpv4Address(bytes, Ipv4Header.Field.Source);
            line.Append(" > ");
            AppendIpv4Address(bytes, Ipv4Header.Field.Destination);
            line.Append(": ip-proto-");
            line.Append(protocol);
        }
    }

    /// <summary>-v's "(tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto TCP (6), length 60)" and the new line; false when an option was cut short.</summary>
    private bool AppendIpv4Details(in Layer layer, Ipv4Header ip, ReadOnlySpan<byte> bytes, int headerLength, int totalLength)
    {
        var line = _line;
        byte tos = ip.DifferentiatedServices;
        line.Append("(tos ");
        line.AppendHex(tos, 0);
        line.Append((tos & 3) switch { 1 => ",ECT(1)", 2 => ",ECT(0)", 3 => ",CE", _ => "" });
        if (ip.TimeToLive >= 1)
        {
            line.Append(", ttl ");
            line.Append(ip.TimeToLive);
        }
        ushort word = ip.FlagsAndFragmentOffset;
        line.Append(", id ");
        line.Append(ip.Identification);
        line.Append(", offset ");
        line.Append((word & 0x1FFF) * 8);
        line.Append(", flags [");
        int flagsStart = line.Length;
        if ((word & Ipv4Header.MoreFragments) != 0)
            line.Append('+');
        if ((word & Ipv4Header.DontFragment) != 0)
        {
            if (line.Length > flagsStart)
                line.Append(", ");
            line.Append("DF");
        }
        if ((word & Ipv4Header.ReservedFlag) != 0)
        {
            if (line.Length > flagsStart)
                line.Append(", ");
            line.Append("rsvd");
        }
        if (line.Length == flagsStart)
            line.Append("none");
        line.Append("], proto ");
        byte protocol = bytes[Ipv4Header.Field.Protocol];
        line.Append(TcpdumpNames.IpProtocol(protocol));
        line.Append(" (");
        line.Append(protocol);
        line.Append("), length ");
        line.Append(totalLength);
        var options = OptionsEnd.Complete;
        if (headerLength > Ipv4Header.MinLength)
        {
            line.Append(", options (");
            options = AppendIpv4Options(bytes[Math.Min(bytes.Length, Ipv4Header.MinLength)..], headerLength - Ipv4Header.MinLength);
            if (options == OptionsEnd.Cut)
            {
                // tcpdump read past the capture: the line ends with the mark.
                line.Append(" [|ip]");
                return false;
            }
            if (options == OptionsEnd.TruncatedOption)
                line.Append(" [truncated-option]");
            line.Append(')');
        }
        if (headerLength <= bytes.Length)
        {
            ushort stored = ip.Checksum;
            ChecksumStatus status = layer.Checksum;
            ushort expected = layer.ExpectedChecksum;
            if (status is not (ChecksumStatus.Good or ChecksumStatus.Bad or ChecksumStatus.Offloaded))
            {
                // Not judged by the decoder (an ICMP quote, or verification off): judge it here.
                ulong sum = InternetChecksum.Add(0, bytes[..headerLength]);
                status = InternetChecksum.Verifies(sum) ? ChecksumStatus.Good : ChecksumStatus.Bad;
                expected = InternetChecksum.Expected(sum, stored);
            }
            if (status.IsWrong())
            {
                line.Append(", bad cksum ");
                line.AppendHexDigits(stored, 0);
                line.Append(" (->");
                line.AppendHexDigits(expected, 0);
                line.Append(")!");
            }
        }
        line.Append(")\n    ");
        if (options != OptionsEnd.TruncatedOption)
            return true;
        AppendIpv4Address(bytes, Ipv4Header.Field.Source);
        line.Append(" > ");
        AppendIpv4Address(bytes, Ipv4Header.Field.Destination);
        line.Append(":  [|ip]");
        return false;
    }

    /// <summary>How tcpdump's ip_optprint ended: all printed, an option (or a route or time stamp slot) not captured, or a read past the capture that ends the line.</summary>
    private enum OptionsEnd
    {
        Complete,
        TruncatedOption,
        Cut,
    }

    /// <summary>
    /// tcpdump's ip_optprint over the <paramref name="declared"/> option bytes at the start of <paramref name="data"/>
    /// (the datagram's captured bytes from the first option on: a route's or time stamp's last slot may be read past
    /// its option, as tcpdump reads it): the option names, comma-separated, with what ip_printroute and ip_printts add.
    /// </summary>
    private OptionsEnd AppendIpv4Options(ReadOnlySpan<byte> data, int declared)
    {
        var line = _line;
        int at = 0;
        while (at < declared)
        {
            if (at > 0)
                line.Append(',');
            if (at >= data.Length)
                return OptionsEnd.Cut;
            byte code = data[at];
            line.Append(TcpdumpNames.Ipv4Option(code, out bool named));
            if (!named)
                line.Append(code);
            int optionLength;
            if (code is 0 or 1)
                optionLength = 1;
            else
            {
                if (at + 1 >= data.Length)
                    return OptionsEnd.Cut;
                optionLength = data[at + 1];
                if (optionLength < 2)
                {
                    AppendBadLength(optionLength);
                    return OptionsEnd.Complete;
                }
            }
            if (optionLength > declared - at)
            {
                AppendBadLength(optionLength);
                return OptionsEnd.Complete;
            }
            if (at + optionLength > data.Length)
                return OptionsEnd.TruncatedOption;
            var option = data[at..];
            switch (code)
            {
                case 0:
                    return OptionsEnd.Complete;
                case 148 when optionLength < 4:
                    AppendBadLength(optionLength);
                    break;
                case 148:
                    ushort value = BinaryPrimitives.ReadUInt16BigEndian(option[2..]);
                    if (value != 0)
                    {
                        line.Append(" value ");
                        line.Append(value);
                    }
                    break;
                case 7 or 131 or 137 when !AppendRouteOption(option, optionLength):
                    return OptionsEnd.TruncatedOption;
                case 68 when !AppendTimestampOption(option, optionLength):
                    return OptionsEnd.TruncatedOption;
            }
            at += optionLength;
        }
        return OptionsEnd.Complete;
    }

    /// <summary>
    /// tcpdump's ip_printroute for record and source route options of <paramref name="length"/> bytes at the start of
    /// <paramref name="data"/>: each 4-byte slot from byte 3 while it starts inside the option, a comma after those the
    /// pointer has passed; false when a slot was not captured.
    /// </summary>
    private bool AppendRouteOption(ReadOnlySpan<byte> data, int length)
    {
        var line = _line;
        if (length < 3)
        {
            AppendBadLength(length);
            return true;
        }
        if (((length + 1) & 3) != 0)
            AppendBadLength(length);
        // tcpdump's pointer is unsigned: a pointer of 0 is past every slot.
        uint pointer = data[2] - 1u;
        if (pointer < 3 || ((pointer + 1) & 3) != 0 || pointer > (uint)length + 1)
        {
            line.Append(" [bad ptr ");
            line.Append(data[2]);
            line.Append(']');
        }
        for (int at = 3; at < length; at += 4)
        {
            if (at + 4 > data.Length)
                return false;
            line.Append(' ');
            line.AppendIpv4(data.Slice(at, 4));
            if (pointer > (uint)at)
                line.Append(',');
        }
        return true;
    }

    /// <summary>
    /// tcpdump's ip_printts for a time stamp option of <paramref name="length"/> bytes at the start of
    /// <paramref name="data"/>: " TS{", the flag's name, each time (after its address for flags other than 0), a caret
    /// where the pointer is, the overflow count; false when an entry was not captured.
    /// </summary>
    private bool AppendTimestampOption(ReadOnlySpan<byte> data, int length)
    {
        var line = _line;
        if (length < 4)
        {
            line.Append("[bad length ");
            line.Append(length);
            line.Append(']');
            return true;
        }
        line.Append(" TS{");
        int flag = data[3] & 0x0F;
        int entry = flag != 0 ? 8 : 4;
        if (((length - 4) & (entry - 1)) != 0)
        {
            line.Append("[bad length ");
            line.Append(length);
            line.Append(']');
        }
        uint pointer = data[2] - 1u;
        uint at = 0;
        if (pointer < 4 || ((pointer - 4) & (uint)(entry - 1)) != 0 || pointer > (uint)length + 1)
        {
            line.Append("[bad ptr ");
            line.Append(data[2]);
            line.Append(']');
        }
        string? name = flag switch { 0 => "TSONLY", 1 => "TS+ADDR", 3 => "PRESPEC", _ => null };
        if (name is null)
        {
            line.Append("[bad ts type ");
            line.Append(flag);
            line.Append(']');
        }
        else
        {
            line.Append(name);
            for (at = 4; at < (uint)length; at += (uint)entry)
            {
                line.Append(pointer == at ? " ^ " : " ");
                if (at + entry > (uint)data.Length)
                    return false;
                line.Append(BinaryPrimitives.ReadUInt32BigEndian(data[(int)(at + entry - 4)..]));
                line.Append('@');
                if (entry == 8)
                    line.AppendIpv4(data.Slice((int)at, 4));
            }
        }
        if (pointer == at)
            line.Append(" ^ ");
        if (data[3] >> 4 != 0)
        {
            line.Append(" [");
            line.Append(data[3] >> 4);
            line.Append(" hops not recorded]} ");
        }
        else
            line.Append('}');
        return true;
    }

    private void AppendBadLength(int length)
    {
        _line.Append(" [bad length ");
        _line.Append(length);
        _line.Append(']');
    }

    /// <summary>
    /// ip_print reads the version before it writes anything: with nothing captured it writes the bare mark, for another
    /// version its own words. True when it wrote either and the line ends there.
    /// </summary>
    private bool AppendIpVersionProblem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            _line.Append(" [|ip]");
            return true;
        }
        int version = bytes[0] >> 4;
        if (version == 4)
            return false;
        if (version == 6)
            _line.Append("IP6, wrong link-layer encapsulation");
        else
        {
            _line.Append("IP");
            _line.Append(version);
        }
        _line.Append(" (invalid)");
        return true;
    }

    private void AppendIpv4Address(ReadOnlySpan<byte> header, int at) => _line.AppendIpv4(header.Slice(at, 4));

    // --- IPv6 ---

    /// <summary>tcpdump's ip6_print: the header, its extension headers ("HBH ", "frag (0|1232) "...), then what they carry.</summary>
    private void AppendIpv6(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, int length)
    {
        var line = _line;
        ref readonly Layer layer = ref packet[index];
        var bytes = packet.BufferOf(layer, frame)[layer.Offset..];
        if (!Ipv6Header.TryRead(bytes, out var ip))
        {
            line.Append(" [|ip6]");
            return;
        }
        line.Append("IP6 ");
        if (length < Ipv6Header.Length)
        {
            line.Append("truncated-ip6 ");
            line.Append(length);
            return;
        }
        if (bytes[0] >> 4 != 6)
        {
            // Reached where a link header names IPv6 by a number of its own (ARCNET's protocol ID), not by the version.
            line.Append("version error: ");
            line.Append(bytes[0] >> 4);
            line.Append(" != 6");
            return;
        }
        int payloadLength = ip.PayloadLength;
        int total = payloadLength != 0 ? payloadLength + Ipv6Header.Length : length;
        if (payloadLength != 0 && total > length)
        {
            // tcpdump 4.99.3 says so and goes on, by the header's payload length.
            line.Append("truncated-ip6 - ");
            line.Append(total - length);
            line.Append(" bytes missing!");
        }
        bytes = bytes[..Math.Min(bytes.Length, total)];
        byte next = (byte)ip.NextHeader;
        if (_verbose)
        {
            line.Append('(');
            if (ip.TrafficClass != 0)
            {
                line.Append("class ");
                line.AppendHex(ip.TrafficClass, 2);
                line.Append(", ");
            }
            if (ip.FlowLabel != 0)
            {
                line.Append("flowlabel ");
                line.AppendHex((uint)ip.FlowLabel, 5);
                line.Append(", ");
            }
            line.Append("hlim ");
            line.Append(ip.HopLimit);
            line.Append(", next-header ");
            line.Append(TcpdumpNames.IpProtocol(next));
            line.Append(" (");
            line.Append(next);
            line.Append(") payload length: ");
            line.Append(payloadLength);
            line.Append(") ");
        }
        var context = new IpContext(bytes, v6: true, next);
        if (next is not ((byte)IpProtocol.Tcp or (byte)IpProtocol.Udp or ProtocolSctp or ProtocolDccp))
            AppendAddresses(context);

        // The extension headers, as the decoder found them; the walk stops where tcpdump's would.
        int position = Ipv6Header.Length;
        int layerIndex = index + 1;
        bool fragmented = false;
        uint jumboLength = 0;
        while (next is (byte)IpProtocol.Ipv6HopByHop or (byte)IpProtocol.Ipv6DestinationOptions or (byte)IpProtocol.Ipv6Fragment
               or (byte)IpProtocol.Ipv6Routing)
        {
            if (position >= bytes.Length)
                return;
            var extension = bytes[position..];
            int extensionLength;
            switch ((IpProtocol)next)
            {
                case IpProtocol.Ipv6HopByHop or IpProtocol.Ipv6DestinationOptions:
                    if (extension.Length < 2)
                    {
                        line.Append(next == 0 ? " [|hbhopt]" : " [|dstopt]");
                        return;
                    }
                    extensionLength = (extension[1] + 1) * 8;
                    if (extension.Length < extensionLength)
                    {
                        line.Append(next == 0 ? " [|hbhopt]" : " [|dstopt]");
                        return;
                    }
                    line.Append(next == 0 ? "HBH " : "DSTOPT ");
                    bool optionsWhole = true;
                    if (next == 0 || _verbose)
                    {
                        optionsWhole = AppendIpv6Options(extension[2..extensionLength], next == 0, payloadLength, out uint jumbo);
                        if (next == 0 && payloadLength == 0)
                        {
                            // A payload length of 0 wants a valid jumbo payload option in the hop-by-hop header.
                            if (jumbo == 0)
                            {
                                line.Append("[No valid Jumbo Payload Hop-by-Hop option found] (invalid)");
                                return;
                            }
                            jumboLength = jumbo;
                        }
                    }
                    if (!optionsWhole)
                        return;
                    break;
                case IpProtocol.Ipv6Fragment:
                    if (extension.Length < Ipv6ExtensionHeader.FragmentHeaderLength)
                    {
                        line.Append(" [|frag]");
                        return;
                    }
                    extensionLength = Ipv6ExtensionHeader.FragmentHeaderLength;
                    int offset = BinaryPrimitives.ReadUInt16BigEndian(extension[Ipv6ExtensionHeader.Field.FragmentOffsetAndFlags..]) & 0xFFF8;
                    line.Append("frag (");
                    if (_verbose)
                    {
                        line.AppendHex(BinaryPrimitives.ReadUInt32BigEndian(extension[Ipv6ExtensionHeader.Field.FragmentIdentification..]), 8);
                        line.Append(':');
                    }
                    line.Append(offset);
                    line.Append('|');
                    line.Append(Ipv6Header.Length + payloadLength - position - Ipv6ExtensionHeader.FragmentHeaderLength);
                    line.Append(')');
                    // A later fragment has no header to show; nor does a first one captured only up to here.
                    if (offset != 0 || bytes.Length <= position + extensionLength)
                        return;
                    line.Append(' ');
                    fragmented = true;
                    break;
                default:
                    if (!AppendRoutingHeader(extension, out extensionLength))
                        return;
                    break;
            }
            next = extension[0];
            position += extensionLength;
            if (layerIndex < packet.LayerCount && IsIpv6Extension(packet[layerIndex].Kind))
                layerIndex++;
        }
        if (payloadLength == 0)
        {
            if (jumboLength != 0)
            {
                // The jumbo payload option's length is the datagram's.
                long jumboTotal = jumboLength + (long)Ipv6Header.Length;
                if (jumboTotal < position)
                {
                    line.Append(" [|ip6]");
                    return;
                }
                if (length < jumboTotal)
                {
                    line.Append("truncated-ip6 - ");
                    line.Append(jumboTotal - length);
                    line.Append(" bytes missing!");
                }
                total = (int)Math.Min(jumboTotal, int.MaxValue);
            }
            else if (position > Ipv6Header.Length)
            {
                // No payload to hold the extension headers found.
                line.Append(" [|ip6]");
                return;
            }
            else
                total = Ipv6Header.Length;
        }
        AppendCarried(packet, frame, layerIndex - 1, context, next, position, total - position, fragmented);
    }

    private static bool IsIpv6Extension(LayerKind kind) => kind is LayerKind.Ipv6HopByHop or LayerKind.Ipv6Routing
        or LayerKind.Ipv6Fragment or LayerKind.Ipv6DestinationOptions;

    /// <summary>
    /// tcpdump's ip6_opt_process over hop-by-hop or destination options: each option in -v ("(rtalert: 0x0000) (padn) "),
    /// and without -v only what ends the walk ("(rtalert: invalid len 3)"), then the mark of the header's printer
    /// (<paramref name="hopByHop"/>: " [|hbhopt]", else " [|dstopt]"); false when the walk ended so. A jumbo payload
    /// option is judged against <paramref name="payloadLength"/>, the IPv6 header's, for hop-by-hop options only: the
    /// first one, of 65536 or more after a payload length of 0, is <paramref name="validJumbo"/>.
    /// </summary>
    private bool AppendIpv6Options(ReadOnlySpan<byte> options, bool hopByHop, int payloadLength, out uint validJumbo)
    {
        const byte Pad1 = 0, PadN = 1, RouterAlert = 5, Jumbo = 0xC2, HomeAddress = 0xC9;
        var line = _line;
        validJumbo = 0;
        bool verbose = _verbose;
        bool jumboSeen = false;
        for (int at = 0; at < options.Length;)
        {
            byte type = options[at];
            int optionLength;
            if (type == Pad1)
                optionLength = 1;
            else if (at + 1 < options.Length)
                optionLength = options[at + 1] + 2;
            else
                return Ipv6OptionsCut(hopByHop);
            if (at + optionLength > options.Length)
                return Ipv6OptionsCut(hopByHop);
            int left = options.Length - at;
            switch (type)
            {
                case Pad1:
                    if (verbose)
                        line.Append("(pad1)");
                    break;
                case PadN:
                    if (verbose)
                        line.Append("(padn)");
                    break;
                case RouterAlert or Jumbo when left < (type == RouterAlert ? 4 : 6):
                    line.Append(type == RouterAlert ? "(rtalert: trunc)" : "(jumbo: trunc)");
                    return Ipv6OptionsCut(hopByHop);
                case RouterAlert or Jumbo when options[at + 1] != (type == RouterAlert ? 2 : 4):
                    line.Append(type == RouterAlert ? "(rtalert: invalid len " : "(jumbo: invalid len ");
                    line.Append(options[at + 1]);
                    line.Append(')');
                    return Ipv6OptionsCut(hopByHop);
                case RouterAlert:
                    if (verbose)
                    {
                        line.Append("(rtalert: ");
                        line.AppendHex(BinaryPrimitives.ReadUInt16BigEndian(options[(at + 2)..]), 4);
                        line.Append(") ");
                    }
                    break;
                case Jumbo:
                    uint jumbo = BinaryPrimitives.ReadUInt32BigEndian(options[(at + 2)..]);
                    if (verbose)
                    {
                        line.Append("(jumbo: ");
                        line.Append(jumbo);
                        line.Append(jumboSeen ? " - already seen) " : !hopByHop ? " - not a hop-by-hop option) "
                            : payloadLength != 0 ? " - payload len != 0) " : jumbo < 65536 ? " - < 65536) " : ") ");
                    }
                    if (!jumboSeen && hopByHop && payloadLength == 0 && jumbo >= 65536)
                        validJumbo = jumbo;
                    jumboSeen = true;
                    break;
                case HomeAddress when left < 18:
                    line.Append("(homeaddr: trunc)");
                    return Ipv6OptionsCut(hopByHop);
                case HomeAddress when options[at + 1] < 16:
                    line.Append("(homeaddr: invalid len ");
                    line.Append(options[at + 1]);
                    line.Append(')');
                    return Ipv6OptionsCut(hopByHop);
                case HomeAddress:
                    if (verbose)
                    {
                        line.Append("(homeaddr: ");
                        line.AppendIpv6(options.Slice(at + 2, 16));
                        if (options[at + 1] > 16 && !AppendIpv6SubOptions(options.Slice(at + 18, optionLength - 18)))
                            return Ipv6OptionsCut(hopByHop);
                        line.Append(')');
                    }
                    break;
                default:
                    if (verbose)
                    {
                        line.Append("(opt_type ");
                        line.AppendHex(type, 2);
                        line.Append(": len=");
                        line.Append(options[at + 1]);
                        line.Append(')');
                    }
                    break;
            }
            at += optionLength;
        }
        if (verbose && options.Length > 0)
            line.Append(' ');
        return true;
    }

    /// <summary>tcpdump's ip6_sopt_print for a home address option's sub-options: ", pad1", ", padn", ", sopt_type 0x..: len=N"; false when one runs past them.</summary>
    private bool AppendIpv6SubOptions(ReadOnlySpan<byte> options)
    {
        var line = _line;
        for (int at = 0; at < options.Length;)
        {
            int optionLength = options[at] == 0 ? 1 : at + 1 < options.Length ? options[at + 1] + 2 : -1;
            if (optionLength < 0 || at + optionLength > options.Length)
                return false;
            switch (options[at])
            {
                case 0:
                    line.Append(", pad1");
                    break;
                case 1:
                    line.Append(", padn");
                    break;
                default:
                    line.Append(", sopt_type ");
                    line.AppendHex(options[at], 2);
                    line.Append(": len=");
                    line.Append(options[at + 1]);
                    break;
            }
            at += optionLength;
        }
        return true;
    }

    private bool Ipv6OptionsCut(bool hopByHop)
    {
        _line.Append(hopByHop ? " [|hbhopt]" : " [|dstopt]");
        return false;
    }

    /// <summary>tcpdump's rt6_print for routing types 0 and 2: "RT6 (len=2, type=0 [Deprecated], segleft=1, [0]2001:db8::1) ".</summary>
    private bool AppendRoutingHeader(ReadOnlySpan<byte> header, out int length)
    {
        var line = _line;
        length = 0;
        if (header.Length < 4)
        {
            line.Append(" [|rt6]");
            return false;
        }
        int declared = header[1];
        byte type = header[Ipv6ExtensionHeader.Field.RoutingType];
        line.Append("RT6 (len=");
        line.Append(declared);
        line.Append(", type=");
        line.Append(type);
        if (type == 0)
            line.Append(" [Deprecated]");
        line.Append(", segleft=");
        line.Append(header[Ipv6ExtensionHeader.Field.SegmentsLeft]);
        if (type is not (0 or 2) || header.Length < 8 || declared % 2 == 1)
        {
            line.Append(" [|rt6]");
            return false;
        }
        uint reserved = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        if (reserved != 0 || _verbose)
        {
            line.Append(", rsv=");
            line.AppendHex(reserved, 0);
        }
        for (int i = 0; i < declared / 2; i++)
        {
            int at = 8 + 16 * i;
            if (at + 16 > header.Length)
            {
                line.Append(" [|rt6]");
                return false;
            }
            line.Append(", [");
            line.Append(i);
            line.Append(']');
            line.AppendIpv6(header.Slice(at, 16));
        }
        line.Append(") ");
        length = (declared + 1) * 8;
        return true;
    }

    // --- what IP carries ---

    private const byte ProtocolDccp = 33, ProtocolSctp = 132, ProtocolNd = 77, ProtocolNoNextHeader = 59;

    /// <summary>The IP header a transport header is printed under: its bytes (cut at the datagram's end) and version.</summary>
    private readonly ref struct IpContext(ReadOnlySpan<byte> header, bool v6, byte protocol)
    {
        public readonly ReadOnlySpan<byte> Header = header;
        public readonly bool V6 = v6;

        /// <summary>The protocol the IP header itself names (tcpdump prints addresses with ports only when it names the transport).</summary>
        public readonly byte Protocol = protocol;

        public ReadOnlySpan<byte> Source => V6 ? Header.Slice(Ipv6Header.Field.Source, 16) : Header.Slice(Ipv4Header.Field.Source, 4);
        public ReadOnlySpan<byte> Destination => V6 ? Header.Slice(Ipv6Header.Field.Destination, 16) : Header.Slice(Ipv4Header.Field.Destination, 4);
    }

    /// <summary>"198.18.0.1 > 198.18.0.2: ".</summary>
    private void AppendAddresses(in IpContext ip)
    {
        AppendAddress(ip, ip.Source);
        _line.Append(" > ");
        AppendAddress(ip, ip.Destination);
        _line.Append(": ");
    }

    private void AppendAddress(in IpContext ip, ReadOnlySpan<byte> address)
    {
        if (ip.V6)
            _line.AppendIpv6(address);
        else
            _line.AppendIpv4(address);
    }

    /// <summary>
    /// tcpdump's ip_demux_print: what the IP datagram (or extension header) whose layer is <paramref name="ipIndex"/>
    /// carries at <paramref name="offset"/> in <paramref name="ip"/>'s bytes, <paramref name="length"/> bytes as declared.
    /// </summary>
    private void AppendCarried(DecodedPacket packet, ReadOnlySpan<byte> frame, int ipIndex, in IpContext ip, byte protocol, int offset,
        int length, bool fragmented)
    {
        var line = _line;
        var bytes = offset <= ip.Header.Length ? ip.Header[offset..] : default;
        int next = ipIndex + 1;
        bool decoded = next < packet.LayerCount && packet[next].Quoted == packet[ipIndex].Quoted;
        switch (protocol)
        {
            case (byte)IpProtocol.Tcp:
                AppendTcp(ip, bytes, length, fragmented, decoded && packet[next].Kind == LayerKind.Tcp ? packet[next] : default);
                return;
            case (byte)IpProtocol.Udp:
                AppendUdp(packet, frame, next, ip, bytes, length, fragmented, decoded && packet[next].Kind == LayerKind.Udp);
                return;
            case (byte)IpProtocol.Icmp when !ip.V6:
                AppendIcmp(packet, frame, next, bytes, length, fragmented, decoded && packet[next].Kind == LayerKind.Icmp);
                return;
            case (byte)IpProtocol.Icmpv6 when ip.V6:
                AppendIcmpv6(ip, bytes, length, fragmented, decoded && packet[next].Kind == LayerKind.Icmpv6 ? packet[next] : default);
                return;
            case (byte)IpProtocol.Igmp when !ip.V6 && !IsIgmpPrintedElsewhere(bytes):
                AppendIgmp(bytes, length);
                return;
            case (byte)IpProtocol.Ospf:
                AppendOspf(bytes, length, ip.V6);
                return;
            case (byte)IpProtocol.IpInIp when decoded && packet[next].Kind == LayerKind.Ipv4:
                AppendIpv4(packet, frame, next, length);
                return;
            case (byte)IpProtocol.Ipv6 when decoded && packet[next].Kind == LayerKind.Ipv6:
                AppendIpv6(packet, frame, next, length);
                return;
            case (byte)IpProtocol.Gre:
                AppendGre(packet, frame, next, bytes, length, decoded && packet[next].Kind == LayerKind.Gre);
                return;
            case ProtocolNd:
                line.Append(" nd ");
                line.Append(length);
                return;
            case ProtocolNoNextHeader:
                line.Append("no next header");
                return;
            default:
                line.Append(" ip-proto-");
                line.Append(protocol);
                line.Append(' ');
                line.Append(length);
                return;
        }
    }

    /// <summary>
    /// What a tunnel header at <paramref name="index"/> carries by EtherType, as ethertype_print prints it when RawNet
    /// decoded it: IPv4 (a version 6 header there as ip_print words it), IPv6, or transparent Ethernet bridging; false
    /// for anything else, which the tunnel's printer words itself.
    /// </summary>
    private bool AppendTunnelled(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ushort protocol, int innerLength)
    {
        int inner = index + 1;
        bool innerDecoded = inner < packet.LayerCount && packet[inner].Source == packet[index].Source;
        switch ((EtherType)protocol)
        {
            case EtherType.Ipv4 when innerDecoded && packet[inner].Kind == LayerKind.Ipv4:
                AppendIpv4(packet, frame, inner, innerLength);
                return true;
            case EtherType.Ipv4 when innerDecoded && packet[inner].Kind == LayerKind.Ipv6:
                // A version 6 header where the tunnel named IPv4: ip_print says so, as behind a link header.
                AppendIpVersionProblem(packet.HeaderOf(packet[inner], frame));
                return true;
            case EtherType.Ipv6 when innerDecoded && packet[inner].Kind == LayerKind.Ipv6:
                AppendIpv6(packet, frame, inner, innerLength);
                return true;
            case EtherType.TransparentEthernetBridging when innerDecoded && packet[inner].Kind == LayerKind.Ethernet:
                AppendLinkAndNetwork(packet, frame, inner, innerLength);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Appends <paramref name="name"/> when <paramref name="bit"/> is set, after ", " unless it is the first since <paramref name="start"/>.</summary>
    private void AppendFlag(uint flags, uint bit, string name, int start)
    {
        if ((flags & bit) == 0)
            return;
        if (_line.Length > start)
            _line.Append(", ");
        _line.Append(name);
    }

    // --- VXLAN ---

    /// <summary>tcpdump's VXLAN line ("VXLAN, flags [I] (0x08), vni 1193046"), a new line, then the carried frame.</summary>
    private void AppendVxlan(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ReadOnlySpan<byte> bytes, int length)
    {
        var line = _line;
        line.Append("VXLAN");
        if (bytes.Length < VxlanHeader.Length)
        {
            line.Append(" [|vxlan]");
            return;
        }
        byte flags = bytes[VxlanHeader.Field.Flags];
        line.Append(", flags [");
        line.Append((flags & 0x08) != 0 ? "I" : "invalid");
        line.Append("] (");
        line.AppendHex(flags, 2);
        line.Append("), vni ");
        line.Append(BinaryPrimitives.ReadUInt32BigEndian(bytes[VxlanHeader.Field.NetworkIdentifier..]) >> 8);
        line.Append('\n');
        int inner = index + 1;
        if (inner < packet.LayerCount && packet[inner].Kind == LayerKind.Ethernet)
            AppendLinkAndNetwork(packet, frame, inner, length - VxlanHeader.Length);
        else
            line.Append(" [|ether]");
    }
}
