using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using RawNet.Benchmarks.Decoding;
using RawNet.Protocols;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;

namespace RawNet.Benchmarks.Conversations;

/// <summary>
/// The conversation tracker (<see cref="ConversationTracker"/>: stream numbers, times, relative numbers and the TCP
/// analysis), one core, as the read loop runs it: each packet decoded, then analysed. The tracker's own cost is the
/// difference between a <c>Decode_and_track</c> row and its <c>Decode_only</c> row. Every figure is per packet: read
/// "Op/s" as packets per second and "Allocated" as bytes per packet.
/// </summary>
/// <remarks>
/// <para><c>Known_*</c>: 1,000 TCP conversations whose handshakes the tracker saw in the set-up, then taking turns: a
/// 100-byte data segment from the client, an ACK of it from the server, 100 rounds (200,000 packets) per invocation,
/// each invocation going on where the last stopped (sequence numbers and times advance, so nothing is a
/// retransmission). The steady state of a long capture: goal 5 M packets/s for the tracker and 0 bytes a packet.</para>
/// <para><c>Bench_*</c>: the 200,000 packets of the make-bench-pcap.py capture with a new tracker each invocation: 3,138
/// TCP and about 60,000 UDP conversations of random addresses, ports and sequence numbers, so the table grows (pages,
/// buckets, segment pool: those allocations show per packet) and most segments are never acknowledged.</para>
/// Checksums are not verified in any row: the tracker does not read the verdicts.
/// </remarks>
[Config(typeof(PerPacketConfig))]
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 8)]
public class ConversationTrackerBenchmarks
{
    private const int Conversations = 1_000;
    private const int Rounds = 100;
    private const int KnownPackets = Conversations * Rounds * 2;
    private const int Payload = 100;
    private const int Ip = 14, Tcp = 14 + 20;

    private readonly PacketDecoder _decoder = new(new DecoderOptions(Defragment: false, VerifyChecksums: false));
    private readonly DecodedPacket _packet = new();
    private CaptureInMemory _capture = null!;
    private ConversationTracker _warm = null!;
    private byte[][] _data = [];       // per conversation: client -> server, 100 bytes
    private byte[][] _acks = [];       // per conversation: server -> client, the ACK
    private uint[] _clientNext = [];   // the client's next sequence number
    private const uint ServerNext = 5001;
    private long _now;
    private long _frame;

    [GlobalSetup]
    public void Setup()
    {
        _capture = CaptureInMemory.Load(DecodeBenchmarks.Packets);
        _data = new byte[Conversations][];
        _acks = new byte[Conversations][];
        _clientNext = new uint[Conversations];
        _warm = new ConversationTracker();
        _now = 1_700_000_000_000_000_000;
        for (int c = 0; c < Conversations; c++)
        {
            uint client = 0x0A010000u + (uint)c, server = 0xC6120001u;
            ushort port = (ushort)(40000 + c);
            const uint clientIsn = 1000, serverIsn = 5000;
            Analyze(_warm, Segment(client, server, port, 443, clientIsn, 0, 0x02, 0));
            Analyze(_warm, Segment(server, client, 443, port, serverIsn, clientIsn + 1, 0x12, 0));
            Analyze(_warm, Segment(client, server, port, 443, clientIsn + 1, serverIsn + 1, 0x10, 0));
            _data[c] = Segment(client, server, port, 443, 0, ServerNext, 0x18, Payload);
            _acks[c] = Segment(server, client, 443, port, ServerNext, 0, 0x10, 0);
            _clientNext[c] = clientIsn + 1;
        }
    }

    /// <summary>An Ethernet, IPv4 and TCP frame (no options; checksums left 0, as they are not verified here).</summary>
    private static byte[] Segment(uint source, uint destination, ushort sourcePort, ushort destinationPort, uint seq, uint ack, byte flags, int payload)
    {
        var frame = new byte[Tcp + 20 + payload];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(Ip);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(40 + payload));
        ip[8] = 64;
        ip[9] = 6;
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], source);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], destination);
        var tcp = frame.AsSpan(Tcp);
        BinaryPrimitives.WriteUInt16BigEndian(tcp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], destinationPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], seq);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], ack);
        tcp[12] = 5 << 4;
        tcp[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], 64240);
        return frame;
    }

    private void Analyze(ConversationTracker? tracker, byte[] frame)
    {
        _now += 1_000;
        _decoder.Decode(frame, new FrameMetadata(_now, frame.Length, frame.Length, LinkType.Ethernet), ++_frame, _packet);
        tracker?.Analyze(_packet, frame);
    }

    private long KnownRounds(ConversationTracker? tracker)
    {
        for (int round = 0; round < Rounds; round++)
        {
            for (int c = 0; c < Conversations; c++)
            {
                uint seq = _clientNext[c];
                BinaryPrimitives.WriteUInt32BigEndian(_data[c].AsSpan(Tcp + 4), seq);
                Analyze(tracker, _data[c]);
                BinaryPrimitives.WriteUInt32BigEndian(_acks[c].AsSpan(Tcp + 8), seq + Payload);
                Analyze(tracker, _acks[c]);
                // Decoding alone must rewrite the same bytes, but only the tracked run moves on.
                if (tracker is not null)
                    _clientNext[c] = seq + Payload;
            }
        }
        return _packet.LayerCount;
    }

    /// <summary>Decoding the known conversations' packets: the baseline of the next row.</summary>
    [Benchmark(OperationsPerInvoke = KnownPackets)]
    public long Known_decode_only() => KnownRounds(null);

    /// <summary>Decoding and tracking them: every conversation known, every segment acknowledged by the next packet.</summary>
    [Benchmark(OperationsPerInvoke = KnownPackets)]
    public long Known_decode_and_track() => KnownRounds(_warm);

    /// <summary>Decoding the benchmark capture: the baseline of the next row.</summary>
    [Benchmark(OperationsPerInvoke = DecodeBenchmarks.Packets)]
    public long Bench_decode_only() => BenchCapture(null);

    /// <summary>Decoding and tracking the benchmark capture with a new tracker.</summary>
    [Benchmark(OperationsPerInvoke = DecodeBenchmarks.Packets)]
    public long Bench_decode_and_track() => BenchCapture(new ConversationTracker());

    private long BenchCapture(ConversationTracker? tracker)
    {
        long transports = 0;
        var capture = _capture;
        for (int i = 0; i < capture.Count; i++)
        {
            var frame = capture.Frame(i);
            _decoder.Decode(frame, capture.Metadata[i], i + 1, _packet);
            if (tracker is null)
                continue;
            tracker.Analyze(_packet, frame);
            transports += _packet.Analysis.TransportCount;
        }
        return transports;
    }
}
