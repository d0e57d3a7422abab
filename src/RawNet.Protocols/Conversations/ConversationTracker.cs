using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Udp;

namespace RawNet.Protocols.Conversations;

/// <summary>Bounds on what a <see cref="ConversationTracker"/> remembers, and so on its memory.</summary>
/// <remarks>
/// A TCP conversation takes 184 bytes of its table (key 16, recency links 8, state 160) and a UDP one 48, each with 8 to
/// 16 bytes of buckets and, over IPv6, 32 bytes more for the addresses (a UDP conversation keyed by a Frame Relay DLCI
/// takes an IPv4 one's room, its key held in the same 16 bytes); an unacknowledged segment takes 24
/// (ConversationTableTests checks these sizes). A million IPv4 TCP conversations, a SYN scan, so hold about 200 MB, and
/// <c>rawnet read -T fields -e tcp.stream</c> over one needs about 250 MB in all (docs/performance.md, "Conversation
/// analysis (issue 9)"). At the default bounds (<see cref="DefaultMaxConversations"/> of each protocol,
/// <see cref="DefaultMaxUnackedSegments"/> segments) the tables hold at most about 760 MB: 470 MB for TCP over IPv6,
/// 185 MB for UDP over IPv6, 96 MiB of segments.
/// </remarks>
/// <param name="MaxConversations">
/// Conversations held at once, for TCP and for UDP each; past it the one idle longest is forgotten (a later packet of it
/// starts a new stream, where tshark, which never forgets, would continue the old one).
/// </param>
/// <param name="MaxUnackedSegments">
/// Unacknowledged TCP segments remembered for RTT, retransmission and bytes-in-flight analysis, all conversations
/// together (each direction also stops at Wireshark's own 10,000); past it new segments go unremembered.
/// </param>
public readonly record struct ConversationLimits(int MaxConversations = ConversationLimits.DefaultMaxConversations, int MaxUnackedSegments = ConversationLimits.DefaultMaxUnackedSegments)
{
    /// <summary>2,097,152 conversations per protocol.</summary>
    public const int DefaultMaxConversations = 1 << 21;

    /// <summary>4,194,304 segments (24 bytes each: 96 MiB at most).</summary>
    public const int DefaultMaxUnackedSegments = 1 << 22;

    /// <summary>The defaults.</summary>
    public static ConversationLimits Default => new(DefaultMaxConversations, DefaultMaxUnackedSegments);
}

/// <summary>
/// Follows every TCP and UDP conversation of a capture in one pass, in capture order, as tshark does in one pass: gives
/// each packet its frame times, and each TCP or UDP layer its stream number, its times within the conversation and, for
/// TCP, relative sequence numbers, the scaled window and the SEQ/ACK analysis (<see cref="TcpAnalyzer"/>); pairs ICMP
/// and ICMPv6 echo replies with their requests (<see cref="Icmp.EchoMatcher"/>) and notices two hosts claiming one IPv4
/// address in ARP (<see cref="Arp.ArpDuplicateDetector"/>). It sits above
/// the stateless decoder and below every output: the decoder never calls it, outputs read what it wrote into
/// <see cref="DecodedPacket.Analysis"/>. Memory is bounded by <see cref="ConversationLimits"/>; a known conversation's
/// packets allocate nothing.
/// </summary>
public sealed class ConversationTracker
{
    /// <summary>TCP header bytes tshark needs before it looks up the conversation.</summary>
    private const int MinTcpBytes = 16;

    private readonly ConversationTable<TcpConversation> _tcp;
    private readonly ConversationTable<UdpConversation> _udp;
    private readonly TcpAnalyzer _tcpAnalyzer;
    private readonly Icmp.EchoMatcher _echoes = new();
    private readonly Arp.ArpDuplicateDetector _arpBindings = new();
    private readonly Http.HttpStreams? _http;
    private readonly Dns.DnsStreams? _dns;
    private readonly Tls.TlsStreams? _tls;
    private bool _started;
    private long _firstTimestamp;
    private long _previousTimestamp;
    private long _previousDisplayedTimestamp;
    private bool _anyDisplayed;

    /// <summary>
    /// Creates a tracker with <paramref name="limits"/> (the defaults when omitted). With <paramref name="http"/> (the
    /// default) it also follows HTTP and DNS across segments as tshark does (<see cref="Http.HttpStreams"/>, bounded by
    /// <paramref name="httpLimits"/>, and <see cref="Dns.DnsStreams"/>); without, each segment's HTTP and DNS is what the
    /// decoder made of it alone.
    /// </summary>
    public ConversationTracker(ConversationLimits? limits = null, bool http = true, Http.HttpReassemblyLimits? httpLimits = null)
    {
        if (http)
        {
            _http = new Http.HttpStreams(httpLimits ?? Http.HttpReassemblyLimits.Default);
            _dns = new Dns.DnsStreams();
            _tls = new Tls.TlsStreams();
        }
        var bounds = limits ?? ConversationLimits.Default;
        _tcpAnalyzer = new TcpAnalyzer(bounds.MaxUnackedSegments);
        _tcp = new ConversationTable<TcpConversation>(bounds.MaxConversations, evicting: index => _tcpAnalyzer.Release(ref _tcp![index]));
        _udp = new ConversationTable<UdpConversation>(bounds.MaxConversations);
    }

    /// <summary>
    /// True (the default) when every packet counts as displayed, so frame.time_delta_displayed equals frame.time_delta;
    /// set it false when a display filter decides, and call <see cref="MarkDisplayed"/> for each packet it passes.
    /// </summary>
    public bool EveryPacketDisplayed { get; set; } = true;

    /// <summary>TCP streams numbered so far (the next tcp.stream).</summary>
    public uint TcpStreams { get; private set; }

    /// <summary>UDP streams numbered so far (the next udp.stream).</summary>
    public uint UdpStreams { get; private set; }

    /// <summary>TCP and UDP conversations forgotten to stay within the bound.</summary>
    public long EvictedConversations => _tcp.Evicted + _udp.Evicted;

    /// <summary>Bytes the tracker's tables hold now.</summary>
    public long AllocatedBytes => _tcp.AllocatedBytes + _udp.AllocatedBytes + _tcpAnalyzer.AllocatedBytes + _echoes.AllocatedBytes
        + _arpBindings.AllocatedBytes + (_http?.AllocatedBytes ?? 0) + (_dns?.AllocatedBytes ?? 0) + (_tls?.AllocatedBytes ?? 0);

    /// <summary>Analyses <paramref name="packet"/> (decoded from <paramref name="frame"/>); call once per packet, in capture order.</summary>
    public void Analyze(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        var analysis = packet.Analysis;
        analysis.Clear();
        long now = packet.WiretapFrame.TimestampNanoseconds;
        if (!_started)
        {
            _started = true;
            _firstTimestamp = now;
            _previousTimestamp = now;
        }
        analysis.SetFrameTimes(now - _firstTimestamp, now - _previousTimestamp, _anyDisplayed ? now - _previousDisplayedTimestamp : 0);
        _previousTimestamp = now;
        if (EveryPacketDisplayed)
            MarkDisplayed(packet);

        int ip = -1;
        // The link-layer circuit the packet crossed last (Frame Relay's DLCI), which keys its UDP conversations; 0: none.
        byte circuitKind = 0;
        uint circuitId = 0;
        // the count is read again each time: a TCP segment's analysis may take back the layers after it
        for (int i = 1; i < packet.LayerCount; i++)
        {
            ref readonly Layer layer = ref packet[i];
            switch (layer.Kind)
            {
                case LayerKind.Ipv4:
                case LayerKind.Ipv6:
                    ip = i;
                    break;
                case LayerKind.Tcp:
                case LayerKind.Udp:
                    if (ip >= 0)
                        AnalyzeTransport(packet, frame, ip, i, now, circuitKind, circuitId);
                    break;
                case LayerKind.Icmp:
                case LayerKind.Icmpv6:
                    if (ip >= 0 && !layer.Quoted)
                        MatchEcho(packet, frame, ip, i);
                    break;
                case LayerKind.FrameRelay:
                    // tshark's Frame Relay dissector names the circuit once it has the address (a bogus one-octet
                    // address is DLCI 0); it holds for the rest of the packet, bridged Ethernet and tunnels included.
                    if (FrameRelay.FrameRelayHeader.AddressLengthOf(packet.HeaderOf(layer, frame), out uint dlci) > 0)
                        (circuitKind, circuitId) = (ConversationKey.Dlci, dlci);
                    break;
                case LayerKind.Arp:
                    analysis.ArpDuplicateAddress = _arpBindings.Observe(packet.HeaderOf(layer, frame), (uint)packet.FrameNumber);
                    break;
            }
        }
        // the expert items read the analysis just written (TCP's), so they come last
        Expert?.Annotate(packet, frame);
    }

    /// <summary>
    /// Finds each packet's expert items after its analysis, for the fields that show them (_ws.expert, _ws.malformed);
    /// none when null (the default: only outputs that show them pay for them).
    /// </summary>
    public Expert.ExpertFinder? Expert { get; set; }

    /// <summary>Records that <paramref name="packet"/> was displayed: the next packet's frame.time_delta_displayed is measured from it.</summary>
    public void MarkDisplayed(DecodedPacket packet)
    {
        _previousDisplayedTimestamp = packet.WiretapFrame.TimestampNanoseconds;
        _anyDisplayed = true;
    }

    /// <summary>Remembers an echo request, or pairs an echo reply with one (tshark leaves echoes inside ICMP errors and Teredo's connectivity tests alone).</summary>
    private void MatchEcho(DecodedPacket packet, ReadOnlySpan<byte> frame, int ipIndex, int index)
    {
        ref readonly Layer ip = ref packet[ipIndex];
        var ipHeader = packet.HeaderOf(ip, frame);
        var message = packet.HeaderOf(packet[index], frame);
        bool v6 = packet[index].Kind == LayerKind.Icmpv6;
        if (message.Length < Icmp.IcmpHeader.HeaderLength || !(v6 ? Icmpv6.Icmpv6Message.IsEcho(message[0]) : Icmp.IcmpHeader.IsEcho(message[0]))
            || ip.Kind != (v6 ? LayerKind.Ipv6 : LayerKind.Ipv4)
            || ipHeader.Length < (v6 ? Ipv6Header.Field.Destination + 16 : Ipv4Header.Field.Destination + 4)
            || (v6 && Tunnels.TeredoHeader.IsConnectivityTest(packet, index, frame)))
            return;
        var source = v6 ? ipHeader.Slice(Ipv6Header.Field.Source, 16) : ipHeader.Slice(Ipv4Header.Field.Source, 4);
        var destination = v6 ? ipHeader.Slice(Ipv6Header.Field.Destination, 16) : Ipv4Header.FinalDestination(ipHeader);
        uint request = _echoes.Observe(source, destination, message, v6, (uint)packet.FrameNumber, packet.WiretapFrame.TimestampNanoseconds, out long sinceRequest);
        if (request != 0)
        {
            packet.Analysis.EchoRequestFrame = request;
            packet.Analysis.EchoResponseTime = sinceRequest;
        }
    }

    /// <summary>
    /// The IPv6 source tshark keys a conversation by: a Home Address option's address (Mobile IPv6) in an options header
    /// between the IPv6 header and the transport, else <paramref name="source"/>.
    /// </summary>
    private static ReadOnlySpan<byte> HomeAddressOr(DecodedPacket packet, ReadOnlySpan<byte> frame, int ipIndex, int index, ReadOnlySpan<byte> source)
    {
        for (int i = ipIndex + 1; i < index; i++)
        {
            ref readonly Layer layer = ref packet[i];
            if (layer.Kind is not (LayerKind.Ipv6HopByHop or LayerKind.Ipv6DestinationOptions))
                continue;
            var buffer = packet.BufferOf(layer, frame);
            var header = buffer[Math.Min(layer.Offset, buffer.Length)..Math.Min(buffer.Length, layer.Offset + layer.Extent)];
            if (Ipv6.Ipv6OptionRules.HomeAddressAt(header) is int at and >= 0)
                source = header.Slice(at, 16);
        }
        return source;
    }

    private void AnalyzeTransport(DecodedPacket packet, ReadOnlySpan<byte> frame, int ipIndex, int index, long now, byte circuitKind, uint circuitId)
    {
        ref readonly Layer ip = ref packet[ipIndex];
        ref readonly Layer transport = ref packet[index];
        var ipHeader = packet.HeaderOf(ip, frame);
        var header = packet.HeaderOf(transport, frame);
        bool v4 = ip.Kind == LayerKind.Ipv4;
        int addresses = v4 ? Ipv4Header.Field.Destination + 4 : Ipv6Header.Field.Destination + 16;
        // tshark gives up on a TCP header before looking up its conversation when fewer than 16 bytes of it are there
        // (the 8 bytes an ICMP error quotes): no stream, nothing remembered.
        // UDP's whole header is read before its conversation (an ICMP error quoting less has no stream).
        int needed = transport.Kind == LayerKind.Tcp ? MinTcpBytes : UdpHeader.HeaderLength;
        if (ipHeader.Length < addresses || header.Length < needed)
            return;
        var source = v4 ? ipHeader.Slice(Ipv4Header.Field.Source, 4) : HomeAddressOr(packet, frame, ipIndex, index, ipHeader.Slice(Ipv6Header.Field.Source, 16));
        var destination = v4 ? Ipv4Header.FinalDestination(ipHeader) : ipHeader.Slice(Ipv6Header.Field.Destination, 16);
        var key = ConversationKey.Of(source, BinaryPrimitives.ReadUInt16BigEndian(header), destination,
            BinaryPrimitives.ReadUInt16BigEndian(header[2..]), out bool fromA);
        // tshark stops at a UDP length below 8 before it looks up the conversation: no stream.
        if (transport.Kind == LayerKind.Udp && UdpLength(header, transport.Extent, v4) < UdpHeader.HeaderLength)
            return;
        // After a link-layer circuit UDP is keyed by the circuit alone (see ConversationKey.OfCircuit); TCP is not.
        if (circuitKind != 0 && transport.Kind == LayerKind.Udp)
            key = ConversationKey.OfCircuit(circuitKind, circuitId);
        if (!packet.Analysis.TryAdd(index, out int slot))
            return;
        ref var record = ref packet.Analysis.Edit(slot);
        if (transport.Kind == LayerKind.Udp)
            AnalyzeUdp(in key, transport.Quoted, UdpLength(header, transport.Extent, v4), now, ref record);
        else
            AnalyzeTcp(packet, frame, in key, fromA, index, now, ref record);
    }

    /// <summary>
    /// The UDP length tshark works with: the header's, or over IPv6 a length of 0 taken as a jumbogram's (RFC 2675)
    /// bytes from the header on.
    /// </summary>
    private static int UdpLength(ReadOnlySpan<byte> header, int extent, bool v4)
    {
        int length = BinaryPrimitives.ReadUInt16BigEndian(header[UdpHeader.Field.Length..]);
        return length == 0 && !v4 ? extent : length;
    }

    private void AnalyzeUdp(in ConversationKey key, bool quoted, int length, long now, ref TransportAnalysis record)
    {
        int entry = _udp.FindOrAdd(key, out bool added);
        ref var conversation = ref _udp[entry];
        if (added)
        {
            conversation.Stream = UdpStreams++;
            conversation.FirstTimestamp = now;
            conversation.PreviousTimestamp = now;
        }
        record.Stream = conversation.Stream;
        record.HasStream = true;
        // A datagram quoted by an ICMP error belongs to its conversation (and may start it) but shows no times; nor
        // does one with no payload (tshark returns before its timestamps when the length is 8): neither moves the
        // conversation's previous time.
        if (quoted || length == UdpHeader.HeaderLength)
            return;
        record.TimeRelative = now - conversation.FirstTimestamp;
        record.TimeDelta = now - conversation.PreviousTimestamp;
        record.HasTimes = true;
        conversation.PreviousTimestamp = now;
    }

    private void AnalyzeTcp(DecodedPacket packet, ReadOnlySpan<byte> frame, in ConversationKey key, bool fromA, int index, long now, ref TransportAnalysis record)
    {
        int entry = _tcp.FindOrAdd(key, out bool added);
        ref var conversation = ref _tcp[entry];
        if (added)
            conversation = TcpConversation.Start(TcpStreams++, now);
        ref readonly Layer layer = ref packet[index];
        var segment = new TcpAnalyzer.Segment(packet.HeaderOf(layer, frame), layer.Extent, layer.Quoted, (uint)packet.FrameNumber, now);
        // Wireshark's flow1 is the one sent by the endpoint that sorts higher; the key's first endpoint sorts lower.
        uint streams = TcpStreams;
        _tcpAnalyzer.Analyze(ref conversation, !fromA, in segment, ref record, ref streams);
        TcpStreams = streams;
        if (_http is not null && record.HasStream)
            _http.Analyze(packet, frame, index, entry, record.Stream, !fromA, ref record);
        if (_dns is not null && record.HasStream)
            _dns.Analyze(packet, frame, index, entry, record.Stream, !fromA, ref record);
        if (_tls is not null && record.HasStream)
            _tls.Analyze(packet, frame, index, entry, record.Stream, !fromA, ref record);
        TcpPayloadHandoff.Apply(packet, index, in record);
    }
}

/// <summary>A UDP conversation's state: its number and its last frame's time.</summary>
internal struct UdpConversation
{
    public uint Stream;
    public long FirstTimestamp;
    public long PreviousTimestamp;
}
