using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tcp;

namespace RawNet.Protocols.Expert;

/// <summary>
/// Finds in a decoded, analysed packet the expert items tshark 4.0 reports for it with its default preferences (what
/// <c>tshark -z expert</c> counts): pflog header lengths below 45, IPv4 lengths and TTLs, IPv6 lengths, duplicate ARP addresses, non-zero Ethernet
/// padding, ICMP and ICMPv6 checksums, UDP lengths, zero checksums and traceroute ports, and for TCP the connection
/// events, header and option problems and the conversation analysis's findings, HTTP's and SIP's notes on their lines
/// (which name the line's bytes, <see cref="ExpertBytes"/>), each in the order tshark adds them.
/// Headers quoted in ICMP errors report nothing (tshark does not count them). Call <see cref="Find"/> once per packet, in
/// capture order, after the <see cref="ConversationTracker"/> (the TCP items read its analysis, and duplicate ARP
/// addresses are remembered across packets, at most <see cref="MaxArpAddresses"/>). A packet's findings allocate nothing.
/// </summary>
public sealed class ExpertFinder
{
    /// <summary>The most findings one packet yields (tshark would list more only for pathological packets).</summary>
    public const int MaxFindingsPerPacket = 64;

    /// <summary>IPv4 addresses whose first ARP-announced MAC is remembered for duplicate detection.</summary>
    public const int MaxArpAddresses = 1 << 20;

    private readonly Dictionary<uint, ulong> _arpAddresses = [];

    /// <summary>
    /// True when tshark would build a protocol tree (as it does for <c>-z io,stat</c> and for any table with a filter):
    /// a few items (a TCP header length below 20, four NOP options in a row) are only reported then.
    /// </summary>
    public bool TreeBuilt { get; set; }

    /// <summary>
    /// Names the protocol (tshark's short name) whose dissection of <paramref name="packet"/> tshark ends with its malformed
    /// exception, or null when none does (a packet only cut short by the capture is not malformed); then
    /// <paramref name="shortIn"/> names the protocol whose dissection ran into the capture's end, or null.
    /// </summary>
    public delegate string? MalformedJudge(DecodedPacket packet, ReadOnlySpan<byte> frame, out string? shortIn);

    /// <summary>
    /// Where <see cref="Annotate"/> learns whether a packet is malformed beyond the TCP exceptions this finder knows itself
    /// (the output layer's judgement, the same that marks the Info column "[Malformed Packet]"); none when null.
    /// </summary>
    public MalformedJudge? Exceptions { get; set; }

    /// <summary>
    /// Finds <paramref name="packet"/>'s items and keeps them in its analysis (<see cref="PacketAnalysis.Expert"/>), ending
    /// with tshark's "Malformed Packet (Exception occurred)" when the packet is malformed (<see cref="Exceptions"/>).
    /// Allocates nothing.
    /// </summary>
    public void Annotate(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        var analysis = packet.Analysis;
        var findings = analysis.ExpertBuffer;
        int count = Find(packet, frame, findings);
        string? malformedIn = null, shortIn = null;
        if (count > 0 && findings[count - 1].Item == ExpertItem.TcpMalformed)
            malformedIn = ExpertItems.Protocol(ExpertItem.TcpMalformed);
        else if (Exceptions?.Invoke(packet, frame, out shortIn) is { } protocol)
        {
            malformedIn = protocol;
            if (count < findings.Length)
                findings[count++] = new ExpertFinding(ExpertItem.TcpMalformed);
        }
        analysis.SetExpert(count, malformedIn, shortIn);
    }

    /// <summary>Writes <paramref name="packet"/>'s findings into <paramref name="findings"/> (at least <see cref="MaxFindingsPerPacket"/> long); returns how many.</summary>
    public int Find(DecodedPacket packet, ReadOnlySpan<byte> frame, Span<ExpertFinding> findings)
    {
        var sink = new Sink(findings);
        var layers = packet.Layers;
        bool tcpThrew = false;
        for (int i = 1; i < layers.Length && !tcpThrew; i++)
        {
            ref readonly Layer layer = ref layers[i];
            if (layer.Quoted)
                continue;
            switch (layer.Kind)
            {
                case LayerKind.Pflog:
                    // tshark flags a declared length below OpenBSD 3.4's and reads on.
                    if (packet.HeaderOf(layer, frame) is { Length: > 0 } pflog && pflog[0] < Pflog.PflogHeader.MinLength)
                        sink.Add(ExpertItem.PflogInvalidHeaderLength, pflog[0]);
                    break;
                case LayerKind.Juniper when (Juniper.JuniperLink)layer.Detail == Juniper.JuniperLink.VirtualNetwork
                    && layer.HeaderLength >= Juniper.JuniperVirtualNetwork.MinLength && layer.Offset == 0:
                    var vn = new Juniper.JuniperVnWalk(frame);
                    while (vn.MoveNext())
                    {
                    }
                    if (vn.End == Juniper.JuniperVnEnd.IncorrectFormat)
                        sink.Add(ExpertItem.JuniperVnIncorrectFormat);
                    break;
                case LayerKind.Redback:
                    // tshark reaches its protocol switch once the padding and the unknown word were read.
                    if (layer.Status == LayerStatus.Complete && Redback.RedbackHeader.TryRead(packet.HeaderOf(layer, frame), out var redback)
                        && !redback.HasKnownProtocol)
                        sink.Add(ExpertItem.RedbackUnknownProtocol);
                    break;
                case LayerKind.Erf:
                    FindErf(packet.HeaderOf(layer, frame), ref sink);
                    break;
                case LayerKind.Fpp:
                    FindFpp(layer, frame, ref sink);
                    break;
                case LayerKind.Epon:
                    FindEpon(layer, frame, ref sink);
                    break;
                case LayerKind.Docsis:
                    FindDocsis(layer, frame, ref sink);
                    break;
                case LayerKind.Gfp:
                    FindGfp(layer, frame, ref sink);
                    break;
                case LayerKind.Ethernet:
                    FindEthernet(packet, frame, layer, ref sink);
                    break;
                case LayerKind.Ipv4:
                    if (!FindIpv4(packet, frame, i, TreeBuilt, ref sink))
                        i = layers.Length;
                    break;
                case LayerKind.Ipv6:
                    FindIpv6(packet, frame, layer, ref sink);
                    break;
                case LayerKind.Ipv6HopByHop:
                case LayerKind.Ipv6DestinationOptions:
                    FindIpv6Options(packet, frame, i, ref sink);
                    break;
                case LayerKind.Arp:
                    FindArp(packet.HeaderOf(layer, frame), ref sink);
                    break;
                case LayerKind.Icmp:
                case LayerKind.Icmpv6:
                    if (layer.Checksum == ChecksumStatus.Bad)
                        sink.Add(layer.Kind == LayerKind.Icmp ? ExpertItem.IcmpBadChecksum : ExpertItem.Icmpv6BadChecksum, layer.ExpectedChecksum);
                    break;
                case LayerKind.Igmp:
                case LayerKind.Rgmp:
                    if (layer.Checksum == ChecksumStatus.Bad)
                        sink.Add(layer.Kind == LayerKind.Igmp ? ExpertItem.IgmpBadChecksum : ExpertItem.RgmpBadChecksum, layer.ExpectedChecksum);
                    break;
                case LayerKind.Cdp:
                    FindCdp(packet, frame, layer, ref sink);
                    break;
                case LayerKind.Dtp:
                    FindDtp(packet, frame, layer, ref sink);
                    break;
                case LayerKind.Udld:
                    FindUdld(packet, frame, layer, ref sink);
                    break;
                case LayerKind.Vtp:
                    FindVtp(packet, frame, layer, ref sink);
                    break;
                case LayerKind.Gre:
                    if (layer.Checksum == ChecksumStatus.Bad)
                        sink.Add(ExpertItem.GreIncorrectChecksum, layer.ExpectedChecksum);
                    break;
                case LayerKind.Udp:
                    FindUdp(packet, frame, i, ref sink);
                    break;
                case LayerKind.Tcp:
                    tcpThrew = !FindTcp(packet, frame, i, ref sink);
                    break;
                case LayerKind.Tls:
                    FindTls(packet, frame, i, ref sink);
                    break;
                case LayerKind.Quic:
                    FindQuic(packet, i, ref sink);
                    break;
                case LayerKind.Http:
                    FindHttp(packet, frame, i, ref sink);
                    break;
                case LayerKind.Sip:
                    FindSip(packet, frame, i, ref sink);
                    break;
            }
        }
        // The Ethernet trailer is judged after the payload was dissected, even when that failed.
        FindEthernetPadding(packet, frame, ref sink);
        if (tcpThrew)
            sink.Add(ExpertItem.TcpMalformed);
        return sink.Count;
    }

    /// <summary>HTTP's items on its lines (<see cref="Http.HttpExperts"/>), in message order.</summary>
    private static void FindHttp(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ref Sink sink)
    {
        var http = new Http.HttpExperts(packet, frame, index);
        while (http.MoveNext())
            sink.Add(http.Current);
    }

    /// <summary>SIP's unrecognised headers (<see cref="Sip.SipExperts"/>), in line order.</summary>
    private static void FindSip(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ref Sink sink)
    {
        Span<ExpertFinding> found = stackalloc ExpertFinding[MaxFindingsPerPacket];
        foreach (var finding in found[..Sip.SipExperts.Find(packet, frame, index, found)])
            sink.Add(finding);
    }

    /// <summary>TLS's "Ignored Unknown Record", once per layer that ends in one (tshark adds it and reads no further).</summary>
    /// <summary>QUIC's notes on CRYPTO frames already had (retransmission) or partly had (overlap), in frame order.</summary>
    private static void FindQuic(DecodedPacket packet, int index, ref Sink sink)
    {
        ref readonly var state = ref packet.QuicState;
        if (state.LayerIndex != index)
            return;
        for (int n = 0; n < state.NoteCount; n++)
            sink.Add(((ReadOnlySpan<byte>)state.Notes)[n] == 1 ? ExpertItem.QuicRetransmission : ExpertItem.QuicOverlap);
    }

    private static void FindTls(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ref Sink sink)
    {
        ref readonly Layer layer = ref packet[index];
        var walk = Tls.TlsLayerDetail.Walk(in layer, packet.BufferOf(layer, frame));
        while (walk.MoveNext())
        {
            if (walk.Item == Tls.TlsItem.IgnoredUnknown)
                sink.Add(ExpertItem.TlsIgnoredUnknownRecord);
        }
    }

    /// <summary>CDP's expert items in tshark's order, as its walk meets them: a bad checksum, EnergyWise's bad sub-TLVs.</summary>
    private static void FindCdp(DecodedPacket packet, ReadOnlySpan<byte> frame, in Layer layer, ref Sink sink)
    {
        var buffer = packet.BufferOf(layer, frame);
        if ((uint)layer.Offset > (uint)buffer.Length)
            return;
        var experts = new CdpExperts(stackalloc ExpertFinding[16]);
        Cdp.CdpWalk.Run(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, ref experts, out _, out _);
        foreach (var finding in experts.Found)
            sink.Add(finding.Item, finding.Argument);
    }

    /// <summary>DTP's expert items in tshark's order, as its walk meets them: bad TLV lengths, a short end, a value read as an address.</summary>
    private static void FindDtp(DecodedPacket packet, ReadOnlySpan<byte> frame, in Layer layer, ref Sink sink)
    {
        var buffer = packet.BufferOf(layer, frame);
        if ((uint)layer.Offset > (uint)buffer.Length)
            return;
        var experts = new DtpExperts(sink);
        Dtp.DtpWalk.Run(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, ref experts, out _);
        sink = experts.Sink;
    }

    /// <summary>Adds the walk's expert values to a sink as they come (the caller takes the sink back).</summary>
    private ref struct DtpExperts(Sink sink) : Fields.IItemVisitor<Dtp.DtpValue>
    {
        public Sink Sink = sink;

        public bool Item(Dtp.DtpValue which, int offset, int length, ulong number)
        {
            switch (which)
            {
                case Dtp.DtpValue.ExpertLengthTooShort:
                    Sink.Add(ExpertItem.DtpLengthTooShort);
                    break;
                case Dtp.DtpValue.ExpertLengthInvalid:
                    Sink.Add(ExpertItem.DtpLengthInvalid);
                    break;
                case Dtp.DtpValue.ExpertTruncated:
                    Sink.Add(ExpertItem.DtpTruncated);
                    break;
                case Dtp.DtpValue.ExpertMacLength:
                    Sink.Add(number < 6 ? ExpertItem.DtpMacLengthShort : ExpertItem.DtpMacLengthLong, (uint)number);
                    break;
            }
            return true;
        }
    }

    /// <summary>UDLD's expert item: a TLV length below 4, which ends the walk.</summary>
    private static void FindUdld(DecodedPacket packet, ReadOnlySpan<byte> frame, in Layer layer, ref Sink sink)
    {
        var buffer = packet.BufferOf(layer, frame);
        if ((uint)layer.Offset > (uint)buffer.Length)
            return;
        var experts = new UdldExperts(sink);
        Udld.UdldWalk.Run(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, ref experts, out _, out _);
        sink = experts.Sink;
    }

    /// <summary>Adds the walk's expert value to a sink (the caller takes the sink back).</summary>
    private ref struct UdldExperts(Sink sink) : Fields.IItemVisitor<Udld.UdldValue>
    {
        public Sink Sink = sink;

        public bool Item(Udld.UdldValue which, int offset, int length, ulong number)
        {
            if (which == Udld.UdldValue.ExpertLengthInvalid)
                Sink.Add(ExpertItem.UdldTlvLengthInvalid, (uint)number);
            return true;
        }
    }

    /// <summary>VTP's expert items: known VLAN TLVs whose value is not 2 bytes, in PDU order.</summary>
    private static void FindVtp(DecodedPacket packet, ReadOnlySpan<byte> frame, in Layer layer, ref Sink sink)
    {
        var buffer = packet.BufferOf(layer, frame);
        if ((uint)layer.Offset > (uint)buffer.Length)
            return;
        var experts = new VtpExperts(sink);
        Vtp.VtpWalk.Run(buffer[layer.Offset..Math.Min(buffer.Length, layer.Offset + layer.Extent)], layer.Extent, ref experts, out _);
        sink = experts.Sink;
    }

    /// <summary>Adds the walk's expert values to a sink as they come (the caller takes the sink back).</summary>
    private ref struct VtpExperts(Sink sink) : Fields.IItemVisitor<Vtp.VtpValue>
    {
        public Sink Sink = sink;

        public bool Item(Vtp.VtpValue which, int offset, int length, ulong number)
        {
            if (which == Vtp.VtpValue.ExpertTlvLengthBad)
                Sink.Add(ExpertItem.VtpTlvLengthBad, (uint)number);
            return true;
        }
    }

    private ref struct CdpExperts(Span<ExpertFinding> findings) : Fields.IItemVisitor<Cdp.CdpValue>
    {
        private readonly Span<ExpertFinding> _findings = findings;
        private int _count;

        public readonly ReadOnlySpan<ExpertFinding> Found => _findings[.._count];

        public bool Item(Cdp.CdpValue which, int offset, int length, ulong number)
        {
            var item = which switch
            {
                Cdp.CdpValue.ExpertBadChecksum => ExpertItem.CdpBadChecksum,
                Cdp.CdpValue.ExpertEnergyWiseLength => ExpertItem.CdpEnergyWiseLengthInvalid,
                Cdp.CdpValue.ExpertInvalidData => ExpertItem.CdpInvalidData,
                _ => (ExpertItem?)null,
            };
            if (item is { } found && _count < _findings.Length)
                _findings[_count++] = new ExpertFinding(found, (uint)number);
            return true;
        }
    }

    private ref struct Sink(Span<ExpertFinding> findings)
    {
        private readonly Span<ExpertFinding> _findings = findings;
        public int Count;

        public void Add(ExpertItem item, uint argument = 0) => Add(new ExpertFinding(item, argument));

        public void Add(in ExpertFinding finding)
        {
            if (Count < _findings.Length)
                _findings[Count++] = finding;
        }
    }

    /// <summary>
    /// Marks (in its <see cref="Layer.Detail"/>) an IPv4 layer of a bogus version that IPv4's own dissector read, behind an
    /// EtherType: tshark says "Bogus IPv4 version" there, and "Bogus IP version" where a link names IP in general.
    /// </summary>
    public const byte ReadByIpv4Dissector = 0x80;

    /// <summary>Ethernet II's source address that is a group address; an 802.3 length past the frame's end.</summary>
    private static void FindEthernet(DecodedPacket packet, ReadOnlySpan<byte> frame, in Layer layer, ref Sink sink)
    {
        var header = packet.HeaderOf(layer, frame);
        if (header.Length < Ethernet.EthernetHeader.Length)
            return;
        int type = BinaryPrimitives.ReadUInt16BigEndian(header[Ethernet.EthernetHeader.Field.EtherType..]);
        // tshark takes an EtherType of 0 for an unknown EtherType, not for a length
        if (type > MaxIeee8023Length || type == 0)
        {
            if ((header[Ethernet.EthernetHeader.Field.Source] & 1) != 0)
                sink.Add(ExpertItem.EthernetSourceGroup);
        }
        else
        {
            // what follows the length field, less an FCS length the flags give (tshark's dissect_802_3)
            int payload = ReportedFrom(packet, frame, layer) - Ethernet.EthernetHeader.Length;
            int flagged = Ethernet.EthernetTrailer.FlaggedFcsLength(packet, layer);
            if (type > (payload >= flagged ? payload - flagged : payload))
                sink.Add(ExpertItem.EthernetLengthPastEnd);
        }
    }

    /// <summary>The largest 802.3 length field; a larger value is an EtherType.</summary>
    private const int MaxIeee8023Length = 1500;

    /// <summary>IPv4 version, header length, length and TTL items and the options'; false when tshark stops dissecting the packet there (a total length below the header).</summary>
    private static bool FindIpv4(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, bool treeBuilt, ref Sink sink)
    {
        ref readonly Layer layer = ref packet[index];
        var header = packet.HeaderOf(layer, frame);
        if (header.Length < 1)
            return true;
        if (header[0] >> 4 != 4)
        {
            sink.Add((layer.Detail & ReadByIpv4Dissector) != 0 ? ExpertItem.Ipv4BogusVersion : ExpertItem.IpBogusVersion);
            return true;
        }
        int ihl = (header[0] & 0x0F) * 4;
        if (ihl < Ipv4.Ipv4Header.MinLength)
        {
            sink.Add(ExpertItem.Ipv4BogusHeaderLength, (uint)ihl);
            return true;
        }
        if (header.Length < 4)
            return true;
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(header[Ipv4.Ipv4Header.Field.TotalLength..]);
        int reported = ReportedWithin(packet, frame, layer);
        if (totalLength < ihl)
        {
            if (totalLength != 0)
            {
                sink.Add(ExpertItem.Ipv4BogusLength);
                return false;
            }
        }
        else if (totalLength > reported)
            sink.Add(ExpertItem.Ipv4TotalLengthExceedsPacket, (uint)reported);
        if (header.Length < Ipv4.Ipv4Header.MinLength)
            return true;
        byte ttl = header[Ipv4.Ipv4Header.Field.TimeToLive];
        byte protocol = header[Ipv4.Ipv4Header.Field.Protocol];
        // The final destination, where a source route names one (tshark's dst32).
        uint destination = BinaryPrimitives.ReadUInt32BigEndian(Ipv4.Ipv4Header.FinalDestination(header));
        if ((destination & 0xFFFFFF00) == 0xE0000000)
        {
            // The Local Network Control Block (224.0.0.0/24): routers never forward it, so a sender sets a known TTL.
            int valid = protocol == (byte)IpProtocol.Igmp ? 1 : LocalControlBlockTtl(destination);
            if (valid >= 0 && ttl != valid)
                sink.Add(ExpertItem.Ipv4TtlLocalControlBlock, (uint)valid);
        }
        else if (ttl < 5 && (destination & 0xF0000000) != 0xE0000000 && protocol != Pim && protocol != Ospf)
            sink.Add(ExpertItem.Ipv4TtlTooSmall, ttl);
        if (ihl > Ipv4.Ipv4Header.MinLength)
            FindIpv4Options(header[Ipv4.Ipv4Header.MinLength..Math.Min(ihl, header.Length)], ihl - Ipv4.Ipv4Header.MinLength, treeBuilt, ref sink);
        return true;
    }

    /// <summary>
    /// tshark 4.0's walk over IPv4 options (dissect_ip_options), as far as it adds items: four NOPs in a row (only with a
    /// tree), an option whose length byte is missing, below 2 or past the options' end (which ends the walk), a fixed-length
    /// option of another length. <paramref name="options"/> holds the captured part of <paramref name="length"/> bytes.
    /// </summary>
    private static void FindIpv4Options(ReadOnlySpan<byte> options, int length, bool treeBuilt, ref Sink sink)
    {
        int offset = 0, nops = 0;
        while (length > 0 && offset < options.Length)
        {
            byte type = options[offset];
            length--;
            if (type is 0 or 1)
            {
                // counted within 32-bit words of the IP header, whose options start at byte 20
                if (type == 1 && treeBuilt)
                {
                    if (nops == 0 || (Ipv4.Ipv4Header.MinLength + offset) % 4 != 0)
                    {
                        if (++nops == 4)
                            sink.Add(ExpertItem.Ipv4NopRun);
                    }
                    else
                        nops = 0;
                }
                offset++;
                if (type == 0)
                    return;
                continue;
            }
            if (length == 0)
            {
                sink.Add(ExpertItem.Ipv4OptionLengthInvalid, ExpertItems.Ipv4OptionProblemArgument(0, type, 0));
                return;
            }
            if (offset + 1 >= options.Length)
                return;
            int optionLength = options[offset + 1];
            length--;
            if (optionLength < 2 || optionLength - 2 > length)
            {
                sink.Add(ExpertItem.Ipv4OptionLengthInvalid, ExpertItems.Ipv4OptionProblemArgument(optionLength < 2 ? 1 : 2, type, (byte)optionLength));
                return;
            }
            int fixedLength = ExpertItems.Ipv4OptionFixedLength(type);
            if (fixedLength != 0 && optionLength != fixedLength)
                sink.Add(ExpertItem.Ipv4OptionLengthInvalid, ExpertItems.Ipv4OptionProblemArgument(3, type, (byte)optionLength, (byte)fixedLength));
            if (Ipv4.Ipv4Header.IsRouteOption(type) && optionLength >= 3 && offset + 2 < options.Length)
                FindRoutePointer(options[offset + 2], optionLength, ref sink);
            // time stamps: entries of 8 bytes (address and time, flags 1 and 3) or 4 after pointer and flags
            if (type == Ipv4.Ipv4Header.OptionTimeStamp && optionLength >= 4 && offset + 3 < options.Length
                && (optionLength - 4) % ((options[offset + 3] & 0x0F) is 1 or 3 ? 8 : 4) != 0)
                sink.Add(ExpertItem.Ipv4SuboptionTooLong, 1);
            offset += optionLength;
            length -= optionLength - 2;
        }
    }

    /// <summary>
    /// A record or source route's pointer as tshark 4.0 judges it: before the first address (below 4) or inside one, which
    /// ends its reading; else addresses the option's length cuts (fewer than 4 bytes left).
    /// </summary>
    private static void FindRoutePointer(byte pointer, int optionLength, ref Sink sink)
    {
        if (pointer < 4)
            sink.Add(ExpertItem.Ipv4OptionPointerBeforeAddress);
        else if ((pointer & 3) != 0)
            sink.Add(ExpertItem.Ipv4OptionPointerMiddleAddress);
        else if ((optionLength - 3) % 4 != 0)
            sink.Add(ExpertItem.Ipv4SuboptionTooLong);
    }

    private const byte Pim = 103;
    private const byte Ospf = 89;

    /// <summary>The TTL a packet to this 224.0.0.x group should carry, or -1 when any will do (LLMNR).</summary>
    private static int LocalControlBlockTtl(uint group) => group switch
    {
        0xE0000012 => 255, // VRRP
        0xE0000066 => 255, // Cisco GLBP
        0xE00000FB => 255, // mDNS
        0xE00000FC => -1, // LLMNR
        _ => 1,
    };

    /// <summary>
    /// IPv6's items in tshark's order: IPv4's bogus version first when IPv4's own dissector handed the header on; a version
    /// that is not 6 (which ends it); fewer than 40 bytes; a payload length of 0 with no Hop-by-Hop header (TSO, then the
    /// frame's length counts) or one past the frame.
    /// </summary>
    private static void FindIpv6(DecodedPacket packet, ReadOnlySpan<byte> frame, in Layer layer, ref Sink sink)
    {
        var header = packet.HeaderOf(layer, frame);
        if (header.Length < 1)
            return;
        if ((layer.Detail & Ipv6.Ipv6LayerDetail.HandedOnByIpv4) != 0)
            sink.Add(ExpertItem.Ipv4BogusVersionSix);
        if (header[0] >> 4 != 6)
        {
            sink.Add(ExpertItem.Ipv6BogusVersion);
            return;
        }
        if (layer.Extent < Ipv6.Ipv6Header.Length)
            sink.Add(ExpertItem.Ipv6InvalidHeader);
        if (header.Length < Ipv6.Ipv6Header.Length)
            return;
        long payloadLength = BinaryPrimitives.ReadUInt16BigEndian(header[Ipv6.Ipv6Header.Field.PayloadLength..]);
        if (payloadLength == 0 && header[Ipv6.Ipv6Header.Field.NextHeader] != HopByHop)
            sink.Add(ExpertItem.Ipv6PayloadLengthZero);
        else if (payloadLength == 0)
        {
            // a jumbogram's length (RFC 2675) stands for the payload length; without one the payload is empty
            Ipv6.Ipv6Header.TryRead(header, out var ipv6);
            var after = packet.BufferOf(layer, frame);
            if (ipv6.JumboPayloadLength(after[Math.Min(after.Length, layer.Offset + Ipv6.Ipv6Header.Length)..]) is uint jumbo)
                payloadLength = jumbo;
            else
                sink.Add(ExpertItem.Ipv6JumboMissing);
        }
        int available = ReportedWithin(packet, frame, layer) - Ipv6.Ipv6Header.Length;
        if (payloadLength != 0 && payloadLength > available)
            sink.Add(ExpertItem.Ipv6PayloadLengthExceedsFrame, (uint)Math.Max(0, available));
    }

    private const byte HopByHop = 0;

    /// <summary>
    /// The items of a Hop-by-Hop or Destination Options header's options, in tshark 4.0's order (<see cref="Ipv6.Ipv6OptionRules"/>):
    /// an option in the wrong header, a wrong length, a Jumbo Payload option where the payload length is not 0 or with a
    /// length below 65,536, data the option leaves unread, an option tshark does not know. tshark reads each option's
    /// data as the option says, on past the option when its length is too short; the walk stops where RawNet does not
    /// follow tshark's reading or where that reading runs past the captured datagram (there tshark throws).
    /// </summary>
    private static void FindIpv6Options(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ref Sink sink)
    {
        int ip = index - 1;
        while (ip > 0 && packet[ip].Kind != LayerKind.Ipv6)
            ip--;
        if (ip < 1)
            return;
        var ipv6 = packet.HeaderOf(packet[ip], frame);
        if (ipv6.Length < Ipv6.Ipv6Header.Length)
            return;
        bool payloadLengthSet = BinaryPrimitives.ReadUInt16BigEndian(ipv6[Ipv6.Ipv6Header.Field.PayloadLength..]) != 0;
        ref readonly Layer layer = ref packet[index];
        var buffer = packet.BufferOf(layer, frame);
        int start = Math.Min(layer.Offset, buffer.Length);
        var bytes = buffer[start..Math.Max(start, Math.Min(buffer.Length, layer.Offset + layer.Extent))];
        // tshark reads the options once the whole header is there (else its read of the header fails first)
        if (bytes.Length < 2 || (bytes[1] + 1) * 8 > bytes.Length)
            return;
        bool hopByHop = layer.Kind == LayerKind.Ipv6HopByHop;
        int end = (bytes[1] + 1) * 8;
        for (int at = 2; at < end;)
        {
            // tshark reads the length byte even of a Pad1
            if (at + 1 >= bytes.Length)
                return;
            byte type = bytes[at];
            if (type == Ipv6.Ipv6OptionRules.Pad1)
            {
                at++;
                continue;
            }
            var wanted = Ipv6.Ipv6OptionRules.HeaderOf(type);
            if (wanted == (hopByHop ? Ipv6.Ipv6OptionHeader.Destination : Ipv6.Ipv6OptionHeader.HopByHop))
                sink.Add(ExpertItem.Ipv6OptionHeaderMismatch, ExpertItems.Ipv6OptionArgument(type, wanted == Ipv6.Ipv6OptionHeader.HopByHop ? 1 : 0, hopByHop));
            int length = bytes[at + 1];
            int data = at + 2;
            if (type == Ipv6.Ipv6OptionRules.PadN)
            {
                at = data + length;
                continue;
            }
            var reading = Ipv6.Ipv6OptionRules.Read(type, length, bytes[data..]);
            if (reading.Consumed < 0)
                return;
            // the length is judged before the data is read
            if (reading.LengthInvalid)
                sink.Add(ExpertItem.Ipv6OptionLengthInvalid, ExpertItems.Ipv6OptionArgument(type, length, hopByHop));
            if (data + Math.Max(reading.Consumed, reading.Unknown ? length : 0) > bytes.Length)
                return;
            if (reading.Unknown)
                sink.Add(ExpertItem.Ipv6OptionUnknownData, ExpertItems.Ipv6OptionArgument(type, 1, hopByHop));
            if (type == Ipv6.Ipv6OptionRules.Jumbo)
            {
                // in tree order: the length's item hangs under the value, the payload length's under the option after it
                if (BinaryPrimitives.ReadUInt32BigEndian(bytes[data..]) < 65536)
                    sink.Add(ExpertItem.Ipv6JumboTruncated, ExpertItems.Ipv6OptionArgument(type, 0, hopByHop));
                if (payloadLengthSet)
                    sink.Add(ExpertItem.Ipv6JumboProhibited, ExpertItems.Ipv6OptionArgument(type, 0, hopByHop));
            }
            if (reading.Consumed < length)
            {
                if (data + length > bytes.Length)
                    return;
                sink.Add(ExpertItem.Ipv6OptionUnknownData, ExpertItems.Ipv6OptionArgument(type, 0, hopByHop));
            }
            at = data + Ipv6.Ipv6OptionRules.Advance(type, length, bytes[data..]);
        }
    }

    /// <summary>
    /// fpp's checksum items, as its checksum fields say (<see cref="Fpp.FppFieldReader"/>): a bad CRC or mCRC, with the
    /// value it should be (a continuation ended by a frame's CRC: its first mCRC item is bad; a verify mPacket's too).
    /// </summary>
    private static void FindFpp(in Layer layer, ReadOnlySpan<byte> frame, ref Sink sink)
    {
        var fpp = Fpp.FppFrame.Unpack(layer.Detail, layer.Note);
        if (fpp.Type == Fpp.FppPacketType.Invalid || fpp.Reach != Fpp.FppReach.Complete || layer.Offset != 0)
            return;
        int end = layer.Extent - Fpp.FppFrame.CrcLength;
        uint crc = Fpp.FppFrame.ComputeCrc(frame[fpp.PreambleLength..end]);
        bool express = fpp.Type == Fpp.FppPacketType.Express;
        if (express || (fpp.Type == Fpp.FppPacketType.Start && fpp.Crc == Fpp.FppCrc.Crc))
        {
            if (fpp.Crc != Fpp.FppCrc.Crc)
                sink.Add(ExpertItem.FppBadCrc, crc);
        }
        else if (fpp.Crc != Fpp.FppCrc.MCrc)
            sink.Add(ExpertItem.FppBadMCrc, crc ^ Fpp.FppFrame.MCrcMask);
    }

    /// <summary>
    /// epon's items in tshark's order, as its fields say (<see cref="Epon.EponFieldReader"/>): no SLD; the DPoE security
    /// byte's reserved bits, then security on without encryption and with key 0; a bad CRC-8 (the one it should be); the
    /// encrypted data left undecoded.
    /// </summary>
    private static void FindEpon(in Layer layer, ReadOnlySpan<byte> frame, ref Sink sink)
    {
        var epon = Epon.EponPreamble.Unpack(layer.Detail);
        if (epon.Reach == Epon.EponReach.NoSld)
            sink.Add(ExpertItem.EponSldBad);
        if (epon.Reach < Epon.EponReach.Security)
            return;
        int at = layer.Offset;
        byte security = frame[at + Epon.EponPreamble.Field.Security];
        if (security != Epon.EponPreamble.SecurityOff)
        {
            if ((security & Epon.EponPreamble.ReservedMask) != Epon.EponPreamble.ReservedValue)
                sink.Add(ExpertItem.EponDpoeReservedBad);
            if ((security & (Epon.EponPreamble.EncryptedBit | Epon.EponPreamble.KeyIdBit)) == 0)
                sink.Add(ExpertItem.EponDpoeBad);
        }
        if (epon.Reach < Epon.EponReach.Checksum)
            return;
        byte computed = Epon.EponPreamble.ComputeChecksum(frame.Slice(at, Epon.EponPreamble.Field.Checksum));
        if (computed != frame[at + Epon.EponPreamble.Field.Checksum])
            sink.Add(ExpertItem.EponBadChecksum, computed);
        if (epon.Reach == Epon.EponReach.Complete && Epon.EponPreamble.IsEncrypted(security))
            sink.Add(ExpertItem.EponEncryptedData);
    }

    /// <summary>
    /// docsis's items in tshark's order: a LEN (less MAC_PARM with an extended header) past the bytes captured after the
    /// header, once LEN is read (tshark's payload length counts the bytes from the header's end, not LEN's); a request or acknowledgement element of the wrong length, which ends the walk; a bad HCS.
    /// </summary>
    private static void FindDocsis(in Layer layer, ReadOnlySpan<byte> frame, ref Sink sink)
    {
        var reach = Docsis.DocsisLayerDetail.Reach(layer.Detail);
        if (reach == Docsis.DocsisReach.None || layer.Offset != 0 || !Docsis.DocsisHeader.TryRead(frame, out var header))
            return;
        int payload = Math.Max(0, frame.Length - header.HeaderLength);
        int declared = header.HasExtendedHeader ? header.Length - header.MacParm : header.Length;
        // a MAC-specific request, queue-depth request or concatenation header has no LEN item (not decoded further here)
        bool hasLength = header.FrameType != Docsis.DocsisHeader.TypeMacSpecific || header.FrameParameter is 0 or 1 or 3;
        if (hasLength && declared > payload)
            sink.Add(ExpertItem.DocsisLengthPastEnd, 0);
        if (header.HasExtendedHeader)
        {
            var walk = new Docsis.DocsisExtendedHeader(frame);
            while (walk.MoveNext())
            {
            }
            if (walk.LengthInvalid)
                sink.Add(ExpertItem.DocsisExtendedHeaderLengthInvalid, 0);
        }
        if (layer.Checksum == Checksums.ChecksumStatus.Bad)
            sink.Add(ExpertItem.DocsisBadHcs, layer.ExpectedChecksum);
    }

    /// <summary>
    /// gfp's checksum items in tshark's order, each once tshark read its field: a bad cHEC, tHEC or eHEC with the HEC it
    /// should be, a bad payload FCS.
    /// </summary>
    private static void FindGfp(in Layer layer, ReadOnlySpan<byte> frame, ref Sink sink)
    {
        if (layer.Offset != 0)
            return;
        var gfp = Gfp.GfpFrame.Read(frame, layer.Extent);
        if (gfp.Reach >= Gfp.GfpReach.Core && !Gfp.GfpHeader.HecGood(frame, Gfp.GfpHeader.Field.Pli))
            sink.Add(ExpertItem.GfpBadCoreHec, Gfp.GfpHeader.ExpectedHec(frame, Gfp.GfpHeader.Field.Pli));
        if (gfp.Reach >= Gfp.GfpReach.Type && gfp.HeaderLength >= Gfp.GfpHeader.Length && !Gfp.GfpHeader.HecGood(frame, Gfp.GfpHeader.Field.Type))
            sink.Add(ExpertItem.GfpBadTypeHec, Gfp.GfpHeader.ExpectedHec(frame, Gfp.GfpHeader.Field.Type));
        if (gfp.Reach >= Gfp.GfpReach.Headers && gfp.HeaderLength == Gfp.GfpHeader.ExtendedLength
            && !Gfp.GfpHeader.HecGood(frame, Gfp.GfpHeader.Field.ChannelId))
            sink.Add(ExpertItem.GfpBadExtensionHec, Gfp.GfpHeader.ExpectedHec(frame, Gfp.GfpHeader.Field.ChannelId));
        if (gfp.FcsAt >= 0 && !gfp.FcsGood)
            sink.Add(ExpertItem.GfpBadFcs, 0);
    }

    /// <summary>
    /// erf's items: a loss counter that is not zero (the colour types hold a colour there instead), each error flag, and
    /// more extension headers than the 16 it shows.
    /// </summary>
    private static void FindErf(ReadOnlySpan<byte> header, ref Sink sink)
    {
        if (!Erf.ErfHeader.TryRead(header, out var erf))
            return;
        if (!Erf.ErfHeader.HasColor(erf.Type) && erf.LossCounter != 0)
            sink.Add(ExpertItem.ErfPacketLoss);
        if ((erf.Flags & Erf.ErfHeader.Flag.Truncated) != 0)
            sink.Add(ExpertItem.ErfTruncated);
        if ((erf.Flags & Erf.ErfHeader.Flag.RxError) != 0)
            sink.Add(ExpertItem.ErfRxError);
        if ((erf.Flags & Erf.ErfHeader.Flag.DsError) != 0)
            sink.Add(ExpertItem.ErfDsError);
        Erf.ErfHeader.PseudoHeaderLength(header, out int extensions);
        if (extensions > Erf.ErfHeader.MaxShownExtensions)
            sink.Add(ExpertItem.ErfMoreExtensions);
    }

    /// <summary>Bytes the packet reports from <paramref name="layer"/>'s start to the end of its buffer (captured or not).</summary>
    /// <summary>
    /// What an IP layer was handed, as tshark's tvb reports it: <see cref="ReportedFrom"/>, or less where a layer below
    /// bounded it (an FCS length, an 802.3 length, an outer header's length): the decoder bounds an IP layer's extent by
    /// what it was handed, so an extent short of the header's own length is that bound.
    /// </summary>
    private static int ReportedWithin(DecodedPacket packet, ReadOnlySpan<byte> frame, in Layer layer) =>
        Math.Min(ReportedFrom(packet, frame, layer), layer.Extent);

    private static int ReportedFrom(DecodedPacket packet, ReadOnlySpan<byte> frame, in Layer layer) =>
        layer.Source switch
        {
            LayerSource.Reassembled => packet.Reassembled.Length - layer.Offset,
            LayerSource.Decompressed or LayerSource.SwappedFrameControl => Math.Max(packet.Decompressed.Length, layer.Offset + layer.Extent) - layer.Offset,
            LayerSource.QuicPlaintext => layer.Extent,
            _ => packet.Metadata.OriginalLength - layer.Offset,
        };

    private void FindArp(ReadOnlySpan<byte> arp, ref Sink sink)
    {
        if (arp.Length < 28)
            return;
        ushort hardware = BinaryPrimitives.ReadUInt16BigEndian(arp);
        ushort opcode = BinaryPrimitives.ReadUInt16BigEndian(arp[6..]);
        bool ethernetIpv4 = (hardware == 1 || hardware == 6) && arp[4] == 6
            && BinaryPrimitives.ReadUInt16BigEndian(arp[2..]) == (ushort)EtherType.Ipv4 && arp[5] == 4;
        if (!ethernetIpv4 || opcode is not (1 or 2))
            return;
        uint duplicate = 0;
        CheckArpAddress(arp.Slice(8, 6), BinaryPrimitives.ReadUInt32BigEndian(arp[14..]), ref duplicate, ref sink);
        // The target's addresses mean nothing in a request.
        uint target = BinaryPrimitives.ReadUInt32BigEndian(arp[24..]);
        if (opcode != 1 && duplicate != target)
            CheckArpAddress(arp.Slice(18, 6), target, ref duplicate, ref sink);
    }

    private void CheckArpAddress(ReadOnlySpan<byte> mac, uint ip, ref uint duplicate, ref Sink sink)
    {
        ulong address = (ulong)BinaryPrimitives.ReadUInt32BigEndian(mac) << 16 | BinaryPrimitives.ReadUInt16BigEndian(mac[4..]);
        // Group and all-zero MACs, and the unspecified IP address, announce nothing.
        if ((mac[0] & 1) != 0 || address == 0 || ip == 0)
            return;
        if (_arpAddresses.TryGetValue(ip, out ulong first))
        {
            if (first != address)
            {
                sink.Add(ExpertItem.ArpDuplicateAddress, ip);
                duplicate = ip;
            }
        }
        else if (_arpAddresses.Count < MaxArpAddresses)
            _arpAddresses.Add(ip, address);
    }

    private static void FindUdp(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ref Sink sink)
    {
        ref readonly Layer layer = ref packet[index];
        var header = packet.HeaderOf(layer, frame);
        if (header.Length < 4)
            return;
        ushort sourcePort = BinaryPrimitives.ReadUInt16BigEndian(header), destinationPort = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
        if (IsTraceroutePort(sourcePort))
            sink.Add(ExpertItem.UdpPossibleTraceroute, sourcePort);
        if (IsTraceroutePort(destinationPort))
            sink.Add(ExpertItem.UdpPossibleTraceroute, destinationPort);
        if (header.Length < Udp.UdpHeader.HeaderLength)
            return;
        int length = BinaryPrimitives.ReadUInt16BigEndian(header[Udp.UdpHeader.Field.Length..]);
        bool overIpv6 = IpLayerOf(packet, index) is int ip && packet[ip].Kind == LayerKind.Ipv6;
        bool jumbogram = length == 0 && overIpv6;
        if (jumbogram)
            length = layer.Extent; // an IPv6 jumbogram
        if (length < Udp.UdpHeader.HeaderLength)
        {
            sink.Add(ExpertItem.UdpLengthBelowHeader, (uint)length);
            return;
        }
        if (length > layer.Extent && !IsUnreassembledFragment(packet, frame, index))
            sink.Add(ExpertItem.UdpLengthExceedsPayload, (uint)length);
        if (jumbogram && length < 65536)
            sink.Add(ExpertItem.UdpLengthBadZero);
        if (BinaryPrimitives.ReadUInt16BigEndian(header[Udp.UdpHeader.Field.Checksum..]) == 0 && overIpv6)
            sink.Add(ExpertItem.UdpZeroChecksum);
    }

    private static bool IsTraceroutePort(ushort port) => port >= ExpertItems.TracerouteFirstPort && port < ExpertItems.TracerouteFirstPort + 30;

    /// <summary>The IP layer right below the transport layer at <paramref name="index"/>, or null.</summary>
    public static int? IpLayerOf(DecodedPacket packet, int index)
    {
        for (int i = index - 1; i > 0; i--)
        {
            if (packet[i].Kind is LayerKind.Ipv4 or LayerKind.Ipv6)
                return i;
        }
        return null;
    }

    /// <summary>True for a transport header read from a fragment whose datagram was not put back together (tshark's pinfo->fragmented).</summary>
    public static bool IsUnreassembledFragment(DecodedPacket packet, ReadOnlySpan<byte> frame, int index)
    {
        if (packet[index].Source == LayerSource.Reassembled || IpLayerOf(packet, index) is not int ip)
            return false;
        if (packet[ip].Kind == LayerKind.Ipv4)
        {
            var header = packet.HeaderOf(packet[ip], frame);
            return header.Length >= 8 && (BinaryPrimitives.ReadUInt16BigEndian(header[Ipv4.Ipv4Header.Field.FlagsAndFragmentOffset..]) & 0x3FFF) != 0;
        }
        for (int i = ip + 1; i < index; i++)
        {
            if (packet[i].Kind == LayerKind.Ipv6Fragment)
                return true;
        }
        return false;
    }

    /// <summary>
    /// TCP items in tshark's order; false when tshark's dissection of the segment fails (an option read past the segment's
    /// end), which it reports as a malformed packet after everything else.
    /// </summary>
    private bool FindTcp(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ref Sink sink)
    {
        ref readonly Layer layer = ref packet[index];
        var buffer = packet.BufferOf(layer, frame);
        // What tshark can read of the segment: the bytes captured, and the bytes the packet says it has.
        var captured = buffer[layer.Offset..];
        int reported = layer.Extent;
        // tshark reads the fixed header's fields first (up to the window): a header that ends before fails there.
        if (captured.Length < 16)
            return FirstFailingRead(captured.Length, [2, 4, 8, 12, 13, 14, 16]) <= reported;
        int headerLength = (captured[TcpHeader.Field.DataOffsetAndFlags] >> 4) * 4;
        var flags = (TcpFlags)(BinaryPrimitives.ReadUInt16BigEndian(captured[TcpHeader.Field.DataOffsetAndFlags..]) & 0x0FFF);
        if (reported < headerLength && !IsUnreassembledFragment(packet, frame, index))
            sink.Add(ExpertItem.TcpShortSegment);
        if (headerLength < TcpHeader.MinLength)
        {
            if (TreeBuilt)
                sink.Add(ExpertItem.TcpBogusHeaderLength, (uint)headerLength);
            return true;
        }
        int record = packet.Analysis.IndexOf(index);
        bool analysed = record >= 0 && packet.Analysis[record].HasTcp;
        ref readonly var analysis = ref analysed ? ref packet.Analysis[record].Tcp : ref NoAnalysis;
        uint rawAck = BinaryPrimitives.ReadUInt32BigEndian(captured[TcpHeader.Field.AcknowledgmentNumber..]);
        bool syn = (flags & TcpFlags.Syn) != 0, ack = (flags & TcpFlags.Ack) != 0;
        if (ack)
        {
            // A SYN-ACK acknowledging more than the SYN: the peer took data sent with the SYN (TCP Fast Open).
            if (syn && (analysed ? analysis.Ack : rawAck) > 1)
                sink.Add(ExpertItem.TcpSynAckAcceptingFastOpenData);
        }
        else if (rawAck != 0)
            sink.Add(ExpertItem.TcpAckNonzero);
        if (syn)
        {
            sink.Add(ack ? ExpertItem.TcpSynAck : ExpertItem.TcpSyn,
                BinaryPrimitives.ReadUInt16BigEndian(ack ? captured : captured[TcpHeader.Field.DestinationPort..]));
        }
        if ((flags & TcpFlags.Fin) != 0)
        {
            sink.Add(ExpertItem.TcpFin);
            if ((analysis.Items & TcpAnalysisItems.ClosingActive) != 0)
                sink.Add(ExpertItem.TcpClosingActive);
            else if ((analysis.Items & TcpAnalysisItems.ClosingPassive) != 0)
                sink.Add(ExpertItem.TcpClosingPassive);
        }
        if ((flags & TcpFlags.Rst) != 0)
            sink.Add(ExpertItem.TcpReset);
        // The checksum and urgent pointer are read next: a header that ends before them stops here.
        if (captured.Length < TcpHeader.MinLength)
            return FirstFailingRead(captured.Length, [18, 20]) <= reported;
        if ((flags & TcpFlags.Urg) == 0 && BinaryPrimitives.ReadUInt16BigEndian(captured[TcpHeader.Field.UrgentPointer..]) != 0)
            sink.Add(ExpertItem.TcpUrgentPointerNonzero);
        if (headerLength > TcpHeader.MinLength)
        {
            var walk = WalkOptions(captured, reported, headerLength, flags, analysed, analysis, rawAck, ref sink);
            if (walk != OptionWalk.Completed)
                return walk == OptionWalk.CaptureEnded;
        }
        if (analysed && (analysis.Items & TcpAnalysisItems.Analysis) != 0)
            AddAnalysis(analysis, ref sink);
        return true;
    }

    private static readonly TcpSegmentAnalysis NoAnalysis;

    /// <summary>
    /// Where the first of a dissector's reads (given by where each ends) fails when only <paramref name="captured"/> bytes
    /// are there: past the packet's reported length it is a malformed packet, before it only the capture's end.
    /// </summary>
    private static int FirstFailingRead(int captured, ReadOnlySpan<int> readEnds)
    {
        foreach (int end in readEnds)
        {
            if (end > captured)
                return end;
        }
        return int.MaxValue;
    }

    private static void AddAnalysis(in TcpSegmentAnalysis a, ref Sink sink)
    {
        var f = a.Flags;
        if ((f & TcpAnalysisFlags.ReusedPorts) != 0)
            sink.Add(ExpertItem.TcpReusedPorts);
        if ((f & TcpAnalysisFlags.Retransmission) != 0)
            sink.Add(ExpertItem.TcpRetransmission);
        if ((f & TcpAnalysisFlags.FastRetransmission) != 0)
        {
            sink.Add(ExpertItem.TcpFastRetransmission);
            sink.Add(ExpertItem.TcpRetransmission);
        }
        if ((f & TcpAnalysisFlags.SpuriousRetransmission) != 0)
        {
            sink.Add(ExpertItem.TcpSpuriousRetransmission);
            sink.Add(ExpertItem.TcpRetransmission);
        }
        if ((f & TcpAnalysisFlags.OutOfOrder) != 0)
            sink.Add(ExpertItem.TcpOutOfOrder);
        if ((f & TcpAnalysisFlags.LostSegment) != 0)
            sink.Add(ExpertItem.TcpLostSegment);
        if ((f & TcpAnalysisFlags.AckLostSegment) != 0)
            sink.Add(ExpertItem.TcpAckLostSegment);
        if ((f & TcpAnalysisFlags.WindowUpdate) != 0)
            sink.Add(ExpertItem.TcpWindowUpdate);
        if ((f & TcpAnalysisFlags.WindowFull) != 0)
            sink.Add(ExpertItem.TcpWindowFull);
        if ((f & TcpAnalysisFlags.KeepAlive) != 0)
            sink.Add(ExpertItem.TcpKeepAlive);
        if ((f & TcpAnalysisFlags.KeepAliveAck) != 0)
            sink.Add(ExpertItem.TcpKeepAliveAck);
        if (a.DuplicateAckNumber != 0)
            sink.Add(ExpertItem.TcpDuplicateAck, a.DuplicateAckNumber);
        if ((f & TcpAnalysisFlags.ZeroWindowProbe) != 0)
            sink.Add(ExpertItem.TcpZeroWindowProbe);
        if ((f & TcpAnalysisFlags.ZeroWindow) != 0)
            sink.Add(ExpertItem.TcpZeroWindow);
        if ((f & TcpAnalysisFlags.ZeroWindowProbeAck) != 0)
            sink.Add(ExpertItem.TcpZeroWindowProbeAck);
    }

    /// <summary>How tshark's walk over a segment's options ended.</summary>
    public enum OptionWalk
    {
        /// <summary>Every option was read (or a bad length ended the walk without an error).</summary>
        Completed,
        /// <summary>A read went past the bytes captured: tshark stops the segment without calling it malformed.</summary>
        CaptureEnded,
        /// <summary>A read went past the segment's end: tshark stops and reports a malformed packet.</summary>
        PastSegmentEnd,
    }

    /// <summary>
    /// How tshark's option walk over a TCP header of <paramref name="headerLength"/> bytes ends, with
    /// <paramref name="captured"/> bytes from the header's start and <paramref name="reported"/> bytes in the segment:
    /// whether tshark gets as far as the analysis and the tap after it (the conversation tables ask this).
    /// </summary>
    public static OptionWalk CheckOptions(ReadOnlySpan<byte> captured, int reported, int headerLength, in TcpSegmentAnalysis analysis, bool analysed)
    {
        var none = new Sink(default);
        var flags = (TcpFlags)(BinaryPrimitives.ReadUInt16BigEndian(captured[TcpHeader.Field.DataOffsetAndFlags..]) & 0x0FFF);
        uint rawAck = BinaryPrimitives.ReadUInt32BigEndian(captured[TcpHeader.Field.AcknowledgmentNumber..]);
        return WalkOptionsCore(captured, reported, headerLength, flags, analysed, analysis, rawAck, treeBuilt: false, ref none);
    }

    private OptionWalk WalkOptions(ReadOnlySpan<byte> captured, int reported, int headerLength, TcpFlags flags, bool analysed,
        in TcpSegmentAnalysis analysis, uint rawAck, ref Sink sink) =>
        WalkOptionsCore(captured, reported, headerLength, flags, analysed, analysis, rawAck, TreeBuilt, ref sink);

    /// <summary>tshark 4.0's tcp_dissect_options and the option dissectors RawNet knows, as far as they add expert items or fail.</summary>
    private static OptionWalk WalkOptionsCore(ReadOnlySpan<byte> captured, int reported, int headerLength, TcpFlags flags, bool analysed,
        in TcpSegmentAnalysis analysis, uint rawAck, bool treeBuilt, ref Sink sink)
    {
        int offset = TcpHeader.MinLength;
        int length = headerLength - TcpHeader.MinLength;
        int nops = 0;
        bool mssSeen = false;
        while (length > 0)
        {
            if (!Readable(captured, reported, offset, 1, out var failure))
                return failure;
            byte kind = captured[offset];
            length--;
            if (kind is 0 or 1)
            {
                // Four NOPs in a row within one 32-bit word hint that a middlebox blanked options (only with a tree).
                if (kind == 1 && treeBuilt)
                {
                    if (nops == 0 || offset % 4 != 0)
                    {
                        if (++nops == 4)
                            sink.Add(ExpertItem.TcpNopRun);
                    }
                    else
                        nops = 0;
                }
                offset++;
                if (kind == 0)
                    break;
                continue;
            }
            if (length == 0)
            {
                sink.Add(ExpertItem.TcpOptionLengthInvalid, ExpertItems.TcpOptionProblemArgument(0, kind, 0));
                return OptionWalk.Completed;
            }
            if (!Readable(captured, reported, offset + 1, 1, out failure))
                return failure;
            int optionLength = captured[offset + 1];
            length--;
            if (optionLength < 2)
            {
                sink.Add(ExpertItem.TcpOptionLengthInvalid, ExpertItems.TcpOptionProblemArgument(1, kind, (byte)optionLength));
                return OptionWalk.Completed;
            }
            if (optionLength - 2 > length)
            {
                sink.Add(ExpertItem.TcpOptionLengthInvalid, ExpertItems.TcpOptionProblemArgument(2, kind, (byte)optionLength));
                return OptionWalk.Completed;
            }
            if (kind == (byte)TcpOptionKind.MaximumSegmentSize)
                mssSeen = true;
            var walked = Option(captured, reported, offset, optionLength, kind, flags, analysed, analysis, rawAck, ref sink);
            if (walked != OptionWalk.Completed)
                return walked;
            offset += optionLength;
            length -= optionLength - 2;
        }
        if ((flags & TcpFlags.Syn) != 0 && !mssSeen)
            sink.Add(ExpertItem.TcpMssAbsent);
        return OptionWalk.Completed;
    }

    /// <summary>Whether <paramref name="count"/> bytes at <paramref name="at"/> can be read, and if not, how the read fails.</summary>
    private static bool Readable(ReadOnlySpan<byte> captured, int reported, int at, int count, out OptionWalk failure)
    {
        failure = OptionWalk.Completed;
        if (at + count <= captured.Length && at + count <= reported)
            return true;
        failure = at + count > reported ? OptionWalk.PastSegmentEnd : OptionWalk.CaptureEnded;
        return false;
    }

    /// <summary>One option's dissector: its length check and what it reports.</summary>
    private static OptionWalk Option(ReadOnlySpan<byte> captured, int reported, int offset, int optionLength, byte kind, TcpFlags flags,
        bool analysed, in TcpSegmentAnalysis analysis, uint rawAck, ref Sink sink)
    {
        // Each option dissector sees a buffer of exactly its length: reading beyond it is past the end (and so is an
        // option that runs past the segment, as soon as that buffer is made).
        if (offset + optionLength > reported)
            return OptionWalk.PastSegmentEnd;
        int optionReported = optionLength;
        var option = captured.Slice(offset, Math.Min(optionLength, captured.Length - offset));
        int expected = kind switch
        {
            (byte)TcpOptionKind.MaximumSegmentSize => 4,
            (byte)TcpOptionKind.WindowScale => 3,
            (byte)TcpOptionKind.SackPermitted => 2,
            6 or 7 => 6,
            (byte)TcpOptionKind.Timestamps => 10,
            _ => 0,
        };
        if (kind == (byte)TcpOptionKind.MaximumSegmentSize && (flags & TcpFlags.Syn) == 0)
            sink.Add(ExpertItem.TcpMssPresent);
        if (expected != 0 && optionLength != expected)
        {
            sink.Add(ExpertItem.TcpOptionLengthMismatch, (uint)expected);
            return OptionWalk.Completed;
        }
        switch (kind)
        {
            case (byte)TcpOptionKind.WindowScale:
                if (!Readable(option, optionReported, 2, 1, out var failure))
                    return failure;
                if (option[2] > 14)
                    sink.Add(ExpertItem.TcpWindowScaleTooLarge);
                return OptionWalk.Completed;
            case (byte)TcpOptionKind.Sack:
                return Sack(option, optionReported, flags, analysed, analysis, rawAck, ref sink);
            default:
                return OptionWalk.Completed;
        }
    }

    /// <summary>The SACK option: malformed blocks, and a D-SACK (RFC 2883) when the first block repeats acknowledged data.</summary>
    private static OptionWalk Sack(ReadOnlySpan<byte> option, int reported, TcpFlags flags, bool analysed, in TcpSegmentAnalysis analysis,
        uint rawAck, ref Sink sink)
    {
        int remaining = reported - 2, at = 2, blocks = 0;
        uint left0 = 0, right0 = 0, left1 = 0, right1 = 0;
        while (remaining > 0)
        {
            if (remaining < 4)
            {
                sink.Add(ExpertItem.TcpSackMalformed);
                break;
            }
            if (!Readable(option, reported, at, 4, out var failure))
                return failure;
            uint left = BinaryPrimitives.ReadUInt32BigEndian(option[at..]);
            remaining -= 4;
            if (remaining < 4)
            {
                sink.Add(ExpertItem.TcpSackMalformed);
                break;
            }
            if (!Readable(option, reported, at + 4, 4, out failure))
                return failure;
            uint right = BinaryPrimitives.ReadUInt32BigEndian(option[(at + 4)..]);
            remaining -= 4;
            if (blocks == 0)
                (left0, right0) = (left, right);
            else if (blocks == 1)
                (left1, right1) = (left, right);
            blocks++;
            at += 8;
        }
        if (!analysed)
            return OptionWalk.Completed;
        // tshark compares relative edges with its relative ACK; without a block, the first right edge reads as 0.
        bool hasAck = (flags & TcpFlags.Ack) != 0;
        uint ack = hasAck ? analysis.Ack : rawAck;
        uint baseAck = hasAck ? rawAck - analysis.Ack : 0;
        uint firstRight = blocks == 0 ? 0 : right0 - baseAck;
        bool dsack = (int)(firstRight - ack) <= 0
            || (blocks > 1 && (int)(left1 - right0) < 0 && (int)(right1 - right0) >= 0);
        if (!dsack)
            return OptionWalk.Completed;
        if (!Readable(option, reported, 2, 8, out var readFailure))
            return readFailure;
        sink.Add(ExpertItem.TcpDsack);
        return OptionWalk.Completed;
    }

    /// <summary>
    /// The Ethernet trailer after an IP datagram in a frame of 60 bytes or more that needed padding: tshark expects the
    /// padding to be zeros and says so when it is not.
    /// </summary>
    private static void FindEthernetPadding(DecodedPacket packet, ReadOnlySpan<byte> frame, ref Sink sink)
    {
        // the capture's own Ethernet frame, or the one after an EPON preamble
        int ethernet = packet.LayerCount > 1 && packet[1].Kind == LayerKind.Epon ? 2 : 1;
        if (packet.LayerCount < ethernet + 2 || packet[ethernet].Kind != LayerKind.Ethernet || packet[ethernet].HeaderLength < 14)
            return;
        int ip = ethernet + 1;
        bool tagged = false;
        while (ip < packet.LayerCount && packet[ip].Kind is LayerKind.Vlan or LayerKind.ServiceVlan)
        {
            tagged = true;
            ip++;
        }
        if (ip >= packet.LayerCount || packet[ip].Kind is not (LayerKind.Ipv4 or LayerKind.Ipv6) || packet[ip].Source != LayerSource.Frame)
            return;
        ref readonly Layer layer = ref packet[ip];
        var header = packet.HeaderOf(layer, frame);
        int declared;
        if (layer.Kind == LayerKind.Ipv4)
        {
            if (header.Length < Ipv4.Ipv4Header.MinLength)
                return;
            declared = BinaryPrimitives.ReadUInt16BigEndian(header[Ipv4.Ipv4Header.Field.TotalLength..]);
            if (declared < (header[0] & 0x0F) * 4)
                return;
        }
        else
        {
            if (header.Length < Ipv6.Ipv6Header.Length)
                return;
            int payload = BinaryPrimitives.ReadUInt16BigEndian(header[Ipv6.Ipv6Header.Field.PayloadLength..]);
            // a payload length of 0: the frame's rest (TSO), a jumbogram's length, or an empty payload when the
            // Hop-by-Hop header has none, as the decoder bounded the datagram
            declared = payload == 0 ? layer.Extent : Ipv6.Ipv6Header.Length + payload;
        }
        int frameLength = packet.Metadata.OriginalLength;
        int trailerReported = frameLength - layer.Offset - declared;
        if (trailerReported <= 0)
            return;
        int trailerStart = layer.Offset + declared;
        int trailerCaptured = Math.Max(0, frame.Length - trailerStart);
        bool maybePadded = frameLength >= 60 && frameLength - trailerReported < 60;
        if (!maybePadded)
            return;
        int padding = 60 - (frameLength - trailerReported);
        if (padding > trailerCaptured)
            return; // tshark's look at the padding would run off the capture
        if (!frame.Slice(trailerStart, padding).ContainsAnyExcept((byte)0))
            return; // zero padding
        // No padding: then the last four bytes may be a frame check sequence, in an untagged frame of 64 bytes or more.
        int trailerLength = trailerCaptured;
        int ethertypeBufferLength = frameLength - (tagged ? packet[ip - 1].Offset : packet[ethernet].Offset);
        if (!tagged && ethertypeBufferLength >= 64 && trailerReported >= 4)
            trailerLength = Math.Min(trailerCaptured, trailerReported - 4);
        if (trailerLength != 0)
            sink.Add(ExpertItem.EthernetPaddingNotZero);
    }
}
