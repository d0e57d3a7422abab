using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using RawNet.Protocols;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;

namespace RawNet.Output.Statistics;

/// <summary>
/// Running totals over a capture for <c>rawnet stats</c>: a protocol hierarchy like <c>tshark -z io,phs</c> (frames and
/// frame bytes containing each protocol path; headers quoted in ICMP errors are not counted as protocols), TCP and UDP conversations, checksum errors per protocol, decode outcomes
/// and link types. After the first packet of each kind is seen, adding a packet allocates nothing.
/// </summary>
public sealed class CaptureStatistics
{
    private readonly Dictionary<LinkType, long> _linkTypes = [];
    private readonly Dictionary<string, long> _checksumErrors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _checksumsOffloaded = new(StringComparer.Ordinal);
    private readonly Dictionary<ConversationKey, ConversationTotals> _tcp = new(1024);
    private readonly Dictionary<ConversationKey, ConversationTotals> _udp = new(1024);

    /// <summary>Packets seen.</summary>
    public long Packets { get; private set; }

    /// <summary>Sum of the frames' lengths on the wire.</summary>
    public long Bytes { get; private set; }

    /// <summary>Sum of the bytes captured.</summary>
    public long CapturedBytes { get; private set; }

    /// <summary>Packets whose decoding ended with <see cref="DecodeOutcome.Truncated"/>.</summary>
    public long Truncated { get; private set; }

    /// <summary>Packets whose decoding ended with <see cref="DecodeOutcome.Malformed"/>.</summary>
    public long Malformed { get; private set; }

    /// <summary>Packets with a link type or protocol RawNet does not decode (the rest counted as data).</summary>
    public long Unsupported { get; private set; }

    /// <summary>Timestamp of the first packet (ns since the epoch).</summary>
    public long FirstTimestamp { get; private set; }

    /// <summary>Timestamp of the last packet (ns since the epoch).</summary>
    public long LastTimestamp { get; private set; }

    /// <summary>The root of the protocol hierarchy (its children are the outermost protocols).</summary>
    public ProtocolNode Hierarchy { get; } = new("", 0);

    /// <summary>Packets per link type, in order of first appearance.</summary>
    public IReadOnlyDictionary<LinkType, long> LinkTypes
    {
        get
        {
            FlushLinkType(_currentLinkType);
            return _linkTypes;
        }
    }

    // Captures rarely change link type, so the current one is counted in a field and folded into the table on a change.
    private LinkType _currentLinkType;
    private long _currentLinkTypeCount;

    private void FlushLinkType(LinkType next)
    {
        if (_currentLinkTypeCount > 0)
            CollectionsMarshal.GetValueRefOrAddDefault(_linkTypes, _currentLinkType, out _) += _currentLinkTypeCount;
        _currentLinkType = next;
        _currentLinkTypeCount = 0;
    }

    /// <summary>Layers whose checksum did not verify, per protocol name ("ip", "tcp").</summary>
    public IReadOnlyDictionary<string, long> ChecksumErrors => _checksumErrors;

    /// <summary>Layers whose checksum the sending host left to its network card (not errors), per protocol name.</summary>
    public IReadOnlyDictionary<string, long> ChecksumsOffloaded => _checksumsOffloaded;

    /// <summary>TCP conversations, both directions merged.</summary>
    public IReadOnlyDictionary<ConversationKey, ConversationTotals> TcpConversations => _tcp;

    /// <summary>UDP conversations, both directions merged.</summary>
    public IReadOnlyDictionary<ConversationKey, ConversationTotals> UdpConversations => _udp;

    private readonly long[] _tcpAnalysisFlags = new long[16];

    /// <summary>True once a packet came with the conversation tracker's analysis (streams and TCP findings are counted).</summary>
    public bool Analysed { get; private set; }

    /// <summary>TCP and UDP streams seen (the highest tcp.stream or udp.stream plus one).</summary>
    public uint TcpStreams { get; private set; }

    /// <inheritdoc cref="TcpStreams"/>
    public uint UdpStreams { get; private set; }

    /// <summary>How many TCP segments carry <paramref name="flag"/> (tshark's tcp.analysis.* expert flags).</summary>
    public long TcpAnalysisCount(TcpAnalysisFlags flag) => _tcpAnalysisFlags[BitOperations.TrailingZeroCount((uint)flag)];

    /// <summary>Adds one decoded packet.</summary>
    public void Add(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        if (packet.Analysis.HasFrameTimes)
            AddAnalysis(packet);
        var metadata = packet.WiretapFrame;
        if (Packets == 0)
            FirstTimestamp = metadata.TimestampNanoseconds;
        LastTimestamp = metadata.TimestampNanoseconds;
        Packets++;
        Bytes += metadata.OriginalLength;
        CapturedBytes += metadata.CapturedLength;
        if (metadata.LinkType != _currentLinkType || _currentLinkTypeCount == 0)
            FlushLinkType(metadata.LinkType);
        _currentLinkTypeCount++;
        switch (packet.Outcome)
        {
            case DecodeOutcome.Truncated: Truncated++; break;
            case DecodeOutcome.Malformed: Malformed++; break;
            case DecodeOutcome.Unsupported: Unsupported++; break;
        }

        var node = Hierarchy;
        string? previous = null;
        int transport = -1;
        for (int i = 1; i < packet.LayerCount; i++)
        {
            ref readonly Layer layer = ref packet[i];
            string name = FieldCatalog.ProtocolName(layer.Kind);
            if (layer.Checksum == ChecksumStatus.Bad)
                CollectionsMarshal.GetValueRefOrAddDefault(_checksumErrors, name, out _)++;
            else if (layer.Checksum == ChecksumStatus.Offloaded)
                CollectionsMarshal.GetValueRefOrAddDefault(_checksumsOffloaded, name, out _)++;
            if (transport < 0 && !layer.Quoted && layer.Kind is LayerKind.Tcp or LayerKind.Udp)
                transport = i;
            // IPv6 extension headers are part of "ipv6", and headers quoted by an ICMP error are the error's content, as
            // tshark counts them.
            if (layer.Quoted || ((object)name == previous && name == "ipv6"))
                continue;
            previous = name;
            node = node.Child(name);
            node.Frames++;
            node.Bytes += metadata.OriginalLength;
        }
        if (transport > 0)
            AddConversation(packet, frame, transport, metadata.OriginalLength);
    }

    private void AddAnalysis(DecodedPacket packet)
    {
        Analysed = true;
        foreach (ref readonly var transport in packet.Analysis.Transports)
        {
            if (!transport.HasStream)
                continue;
            if (packet[transport.LayerIndex].Kind == LayerKind.Udp)
                UdpStreams = Math.Max(UdpStreams, transport.Stream + 1);
            else
                TcpStreams = Math.Max(TcpStreams, transport.Stream + 1);
            if (!transport.HasTcp || (transport.Tcp.Items & TcpAnalysisItems.Analysis) == 0)
                continue;
            for (uint bits = (uint)transport.Tcp.Flags; bits != 0; bits &= bits - 1)
                _tcpAnalysisFlags[BitOperations.TrailingZeroCount(bits)]++;
        }
    }

    private void AddConversation(DecodedPacket packet, ReadOnlySpan<byte> frame, int transport, int length)
    {
        int ipIndex = transport - 1;
        while (ipIndex > 0 && packet[ipIndex].Kind is not (LayerKind.Ipv4 or LayerKind.Ipv6))
            ipIndex--;
        if (ipIndex <= 0)
            return;
        ref readonly Layer ip = ref packet[ipIndex];
        var ipHeader = packet.HeaderOf(ip, frame);
        var ports = packet.HeaderOf(packet[transport], frame);
        if (ports.Length < 4)
            return;
        UInt128 source, destination;
        bool v6 = ip.Kind == LayerKind.Ipv6;
        if (v6)
        {
            if (ipHeader.Length < Ipv6Header.Length)
                return;
            source = BinaryPrimitives.ReadUInt128BigEndian(ipHeader[Ipv6Header.Field.Source..]);
            destination = BinaryPrimitives.ReadUInt128BigEndian(ipHeader[Ipv6Header.Field.Destination..]);
        }
        else
        {
            if (ipHeader.Length < Ipv4Header.MinLength)
                return;
            source = BinaryPrimitives.ReadUInt32BigEndian(ipHeader[Ipv4Header.Field.Source..]);
            destination = BinaryPrimitives.ReadUInt32BigEndian(ipHeader[Ipv4Header.Field.Destination..]);
        }
        var key = ConversationKey.Of(v6 ? ConversationKey.Ipv6 : ConversationKey.Ipv4, source, BinaryPrimitives.ReadUInt16BigEndian(ports), destination,
            BinaryPrimitives.ReadUInt16BigEndian(ports[2..]), out _);
        var table = packet[transport].Kind == LayerKind.Tcp ? _tcp : _udp;
        ref var totals = ref CollectionsMarshal.GetValueRefOrAddDefault(table, key, out _);
        totals.Packets++;
        totals.Bytes += length;
    }

    /// <summary>The <paramref name="count"/> conversations with the most bytes, most first (ties: most packets, then by address).</summary>
    public static IReadOnlyList<KeyValuePair<ConversationKey, ConversationTotals>> Top(IReadOnlyDictionary<ConversationKey, ConversationTotals> conversations, int count)
    {
        // One pass keeping the best few in order: sorting every conversation of a big capture to print ten cost more than
        // counting them.
        var best = new List<KeyValuePair<ConversationKey, ConversationTotals>>(count + 1);
        foreach (var entry in conversations)
        {
            if (best.Count == count && !Ranks(entry, best[^1]))
                continue;
            int at = best.Count;
            while (at > 0 && Ranks(entry, best[at - 1]))
                at--;
            best.Insert(at, entry);
            if (best.Count > count)
                best.RemoveAt(count);
        }
        return best;
    }

    private static bool Ranks(in KeyValuePair<ConversationKey, ConversationTotals> a, in KeyValuePair<ConversationKey, ConversationTotals> b) =>
        a.Value.Bytes != b.Value.Bytes ? a.Value.Bytes > b.Value.Bytes
        : a.Value.Packets != b.Value.Packets ? a.Value.Packets > b.Value.Packets
        : a.Key.CompareTo(b.Key) < 0;
}

/// <summary>One protocol in the hierarchy: frames and bytes of frames whose layer path leads here.</summary>
public sealed class ProtocolNode(string name, int depth)
{
    private readonly List<ProtocolNode> _children = [];

    /// <summary>The protocol's Wireshark abbreviation.</summary>
    public string Name { get; } = name;

    /// <summary>Nesting depth (0 for the outermost protocols).</summary>
    public int Depth { get; } = depth;

    /// <summary>Frames containing this path.</summary>
    public long Frames { get; internal set; }

    /// <summary>Bytes (on the wire) of those frames.</summary>
    public long Bytes { get; internal set; }

    /// <summary>The protocols seen directly inside this one, in order of first appearance.</summary>
    public IReadOnlyList<ProtocolNode> Children => _children;

    internal ProtocolNode Child(string name)
    {
        foreach (var child in _children)
        {
            if ((object)child.Name == name || child.Name == name)
                return child;
        }
        var node = new ProtocolNode(name, Name.Length == 0 ? 0 : Depth + 1);
        _children.Add(node);
        return node;
    }
}

/// <summary>Packets and bytes of one conversation.</summary>
public struct ConversationTotals
{
    public long Packets;
    public long Bytes;
}
