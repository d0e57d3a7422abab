using System.Buffers.Binary;
using System.Net;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Tcp;

namespace RawNet.Output.Graphs;

/// <summary>
/// The segments of one TCP stream, gathered from packets the conversation tracker has analysed (in capture order, or in
/// any order the caller keeps), for <see cref="TcpGraphs"/>. Holds at most <see cref="MaxSegments"/> segments (56 bytes
/// each) and their SACK blocks; later segments are counted in <see cref="Dropped"/> and not kept.
/// </summary>
public sealed class TcpStreamSegments
{
    /// <summary>4,194,304 segments (224 MiB at most).</summary>
    public const int DefaultMaxSegments = 1 << 22;

    /// <summary>The most SACK blocks one option carries that are kept (Wireshark's graphs keep four).</summary>
    public const int MaxSackBlocksPerSegment = 4;

    private StreamSegment[] _segments = new StreamSegment[256];
    private SackBlock[] _sacks = new SackBlock[64];
    private int _sackCount;
    private readonly byte[] _clientAddress = new byte[16];
    private int _clientAddressLength;
    private ushort _clientPort;

    /// <summary>Gathers the segments of tcp.stream <paramref name="stream"/>, keeping at most <paramref name="maxSegments"/>.</summary>
    public TcpStreamSegments(uint stream, int maxSegments = DefaultMaxSegments)
    {
        Stream = stream;
        MaxSegments = Math.Max(1, maxSegments);
    }

    /// <summary>The tcp.stream gathered.</summary>
    public uint Stream { get; }

    /// <summary>The most segments kept.</summary>
    public int MaxSegments { get; }

    /// <summary>Segments kept.</summary>
    public int Count { get; private set; }

    /// <summary>Segments of the stream seen after <see cref="MaxSegments"/> were kept.</summary>
    public long Dropped { get; private set; }

    /// <summary>The segments kept, in the order they were added.</summary>
    public ReadOnlySpan<StreamSegment> Segments => _segments.AsSpan(0, Count);

    /// <summary>Every kept segment's SACK blocks (<see cref="StreamSegment.FirstSack"/>, <see cref="StreamSegment.SackCount"/>).</summary>
    public ReadOnlySpan<SackBlock> SackBlocks => _sacks.AsSpan(0, _sackCount);

    /// <summary>The SACK blocks of <paramref name="segment"/>.</summary>
    public ReadOnlySpan<SackBlock> SacksOf(in StreamSegment segment) => _sacks.AsSpan(segment.FirstSack, segment.SackCount);

    /// <summary>The capture's time zero (the first packet's timestamp, ns since the epoch): segment times are relative to it.</summary>
    public long TimeOrigin { get; private set; }

    /// <summary>The client's address and port ("198.18.1.1:41960", "[2001:db8::1]:41960"): who sent the stream's first packet.</summary>
    public string Client { get; private set; } = "";

    /// <summary>The server's address and port: where the stream's first packet went.</summary>
    public string Server { get; private set; } = "";

    /// <summary>"A → B" for segments sent in <paramref name="direction"/>.</summary>
    public string Describe(StreamDirection direction) =>
        direction == StreamDirection.FromClient ? $"{Client} → {Server}" : $"{Server} → {Client}";

    /// <summary>Payload bytes kept that travel in <paramref name="direction"/>.</summary>
    public long PayloadBytes(StreamDirection direction)
    {
        long bytes = 0;
        foreach (ref readonly var segment in Segments)
        {
            if (segment.Direction == direction)
                bytes += segment.Length;
        }
        return bytes;
    }

    /// <summary>
    /// The direction that carries more payload; on a tie (none at all, say) the server's, which is Wireshark's default
    /// ("the server response is more interesting").
    /// </summary>
    public StreamDirection BusierDirection() =>
        PayloadBytes(StreamDirection.FromClient) > PayloadBytes(StreamDirection.FromServer) ? StreamDirection.FromClient : StreamDirection.FromServer;

    /// <summary>Keeps <paramref name="packet"/>'s TCP segment when it belongs to the stream; the tracker must have analysed it.</summary>
    public void Add(DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        var analysis = packet.Analysis;
        var transports = analysis.Transports;
        for (int t = 0; t < transports.Length; t++)
        {
            ref readonly var record = ref transports[t];
            if (!record.HasTcp || !record.HasStream || record.Stream != Stream)
                continue;
            ref readonly Layer layer = ref packet[record.LayerIndex];
            if (layer.Kind != LayerKind.Tcp || layer.Quoted)
                continue;
            int ip = record.LayerIndex - 1;
            while (ip > 0 && packet[ip].Kind is not (LayerKind.Ipv4 or LayerKind.Ipv6))
                ip--;
            if (ip <= 0)
                continue;
            Keep(packet, frame, in record.Tcp, in packet[ip], in layer, analysis.TimeRelative);
            return;
        }
    }

    private void Keep(DecodedPacket packet, ReadOnlySpan<byte> frame, in TcpSegmentAnalysis tcp, in Layer ipLayer, in Layer tcpLayer, long time)
    {
        var ipHeader = packet.HeaderOf(ipLayer, frame);
        var header = packet.HeaderOf(tcpLayer, frame);
        bool v4 = ipLayer.Kind == LayerKind.Ipv4;
        int length = v4 ? 4 : 16;
        int at = v4 ? Ipv4Header.Field.Source : Ipv6Header.Field.Source;
        if (ipHeader.Length < at + 2 * length || !TcpHeader.TryRead(header, out var tcpHeader))
            return;
        var source = ipHeader.Slice(at, length);
        ushort sourcePort = tcpHeader.SourcePort;
        if (Count == 0 && Dropped == 0)
        {
            TimeOrigin = packet.Metadata.TimestampNanoseconds - time;
            RememberEndpoints(source, sourcePort, ipHeader.Slice(at + length, length), BinaryPrimitives.ReadUInt16BigEndian(header[2..]));
        }
        if (Count == MaxSegments)
        {
            Dropped++;
            return;
        }
        if (Count == _segments.Length)
            Array.Resize(ref _segments, (int)Math.Min(MaxSegments, _segments.Length * 2L));

        var facts = SegmentFacts.None;
        if (sourcePort == _clientPort && source.SequenceEqual(_clientAddress.AsSpan(0, _clientAddressLength)))
            facts |= SegmentFacts.FromClient;
        if (tcp.HasAck)
            facts |= SegmentFacts.HasAck;
        if ((tcp.Items & TcpAnalysisItems.BytesInFlight) != 0)
            facts |= SegmentFacts.HasBytesInFlight;
        if ((tcp.Items & TcpAnalysisItems.AckRtt) != 0)
            facts |= SegmentFacts.HasAckRtt;
        int headerLength = tcpHeader.HeaderLength;
        ref var segment = ref _segments[Count++];
        segment = new StreamSegment
        {
            Frame = (uint)packet.FrameNumber,
            Time = time,
            AckRtt = tcp.AckRtt,
            Seq = tcp.Seq,
            Ack = tcp.Ack,
            Length = headerLength <= tcpLayer.Extent ? (uint)(tcpLayer.Extent - headerLength) : 0,
            Window = tcp.HasWindowSize ? tcp.WindowSize : tcpHeader.Window,
            BytesInFlight = tcp.BytesInFlight,
            FirstSack = _sackCount,
            Flags = tcpHeader.Flags,
            Analysis = tcp.Flags,
            Facts = facts,
        };
        // SACK edges are relative to the acknowledged side's base, which is the raw ACK less the relative one.
        if (tcp.HasAck && header.Length > TcpHeader.MinLength && headerLength > TcpHeader.MinLength)
            segment.SackCount = ReadSacks(header[TcpHeader.MinLength..Math.Min(header.Length, headerLength)], tcpHeader.AcknowledgmentNumber - tcp.Ack);
    }

    private byte ReadSacks(ReadOnlySpan<byte> options, uint peerBase)
    {
        var reader = new TcpOptionReader(options);
        byte count = 0;
        while (reader.TryNext(out var option))
        {
            if (!option.Complete || option.Kind != TcpOptionKind.Sack)
                continue;
            var bytes = options.Slice(option.Offset, option.Length);
            for (int at = 2; at + 8 <= bytes.Length && count < MaxSackBlocksPerSegment; at += 8)
            {
                if (_sackCount == _sacks.Length)
                    Array.Resize(ref _sacks, _sacks.Length * 2);
                _sacks[_sackCount++] = new SackBlock(BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]) - peerBase,
                    BinaryPrimitives.ReadUInt32BigEndian(bytes[(at + 4)..]) - peerBase);
                count++;
            }
        }
        return count;
    }

    private void RememberEndpoints(ReadOnlySpan<byte> source, ushort sourcePort, ReadOnlySpan<byte> destination, ushort destinationPort)
    {
        source.CopyTo(_clientAddress);
        _clientAddressLength = source.Length;
        _clientPort = sourcePort;
        Client = Endpoint(source, sourcePort);
        Server = Endpoint(destination, destinationPort);
    }

    private static string Endpoint(ReadOnlySpan<byte> address, ushort port) =>
        address.Length == 4 ? $"{new IPAddress(address)}:{port}" : $"[{new IPAddress(address)}]:{port}";
}
