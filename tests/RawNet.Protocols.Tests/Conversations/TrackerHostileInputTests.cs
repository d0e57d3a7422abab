using System.Diagnostics;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Tests.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Conversations;

/// <summary>
/// The conversation tracker on hostile input: mutated packets with absurd sequence numbers, windows, option lengths,
/// timestamps that jump back and forth, and floods of conversations. It never throws, every analysis field reads and
/// formats, and memory stays within the documented bounds however many conversations and unacknowledged segments come.
/// </summary>
public sealed class TrackerHostileInputTests
{
    [Fact]
    public void Mutated_packets_with_wild_times_never_break_the_tracker()
    {
        var samples = Samples.PeerCorpus().Concat(Samples.Built()).ToList();
        var random = new Random(20261203);
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        var tracker = new ConversationTracker(new ConversationLimits(MaxConversations: 500, MaxUnackedSegments: 20_000));
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        var buffer = new byte[70000];
        long time = 1_700_000_000_000_000_000;
        int analysed = 0;
        for (int i = 0; i < 200_000; i++)
        {
            var sample = samples[random.Next(samples.Count)];
            int length = sample.Data.Length;
            sample.Data.CopyTo(buffer, 0);
            for (int n = random.Next(0, 4); n > 0; n--)
                buffer[random.Next(length)] = (byte)random.Next(256);
            // Time mostly moves on a little, sometimes jumps far ahead or back, or stands still.
            time += random.Next(10) switch { 0 => -random.NextInt64(5_000_000_000), 1 => random.NextInt64(10_000_000_000), 2 => 0, _ => random.Next(1_000_000) };
            var metadata = new FrameMetadata(time, length, length, sample.Metadata.LinkType);
            decoder.Decode(buffer.AsSpan(0, length), metadata, i + 1, packet);
            tracker.Analyze(packet, buffer.AsSpan(0, length));
            analysed += packet.Analysis.TransportCount;
            Decode.AllFields(packet, buffer.AsSpan(0, length), text);
        }
        Assert.True(analysed > 30_000, $"only {analysed} transport layers analysed");
        Assert.True(tracker.EvictedConversations > 0);
    }

    [Fact]
    public void A_flood_of_syns_to_distinct_ports_stays_within_the_conversation_bound()
    {
        const int bound = 10_000;
        var tracker = new ConversationTracker(new ConversationLimits(MaxConversations: bound));
        var decoder = new PacketDecoder(new DecoderOptions(VerifyChecksums: false));
        var packet = new DecodedPacket();
        long afterFirstBound = 0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 500_000; i++)
        {
            var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp,
                TcpSegment((ushort)(1024 + i % 60000), (ushort)(1 + i / 60000), (uint)i * 7919, 0, 0x002), transportChecksum: false));
            decoder.Decode(frame, new FrameMetadata(i * 1000L, frame.Length, frame.Length, LinkType.Ethernet), i + 1, packet);
            tracker.Analyze(packet, frame);
            if (i == bound * 2)
                afterFirstBound = tracker.AllocatedBytes;
        }
        Assert.Equal(500_000u, tracker.TcpStreams);
        Assert.Equal(500_000 - bound, tracker.EvictedConversations);
        // Nothing grows once the bound is reached: the same arrays serve every later conversation.
        Assert.Equal(afterFirstBound, tracker.AllocatedBytes);
        Assert.True(tracker.AllocatedBytes < bound * 400L, $"{tracker.AllocatedBytes} bytes for {bound} conversations");
    }

    /// <summary>
    /// The documented figure (docs/performance.md, ConversationLimits): a million TCP conversations, a SYN scan answered as
    /// tests/bench/make-syn-scan.py answers it (a SYN each; an eighth answered by a SYN-ACK the scanner resets, an
    /// eighth by nothing, the rest by a RST), fit in 200 MB of tracker tables at the default bounds, and the last
    /// hundred thousand conversations take no longer than three times the first (no slowdown cliff as the table grows).
    /// </summary>
    [Fact]
    public void A_million_scanned_conversations_fit_in_200_MB_without_a_slowdown()
    {
        const int conversations = 1_000_000, slice = 100_000;
        var tracker = new ConversationTracker();
        var decoder = new PacketDecoder(new DecoderOptions(VerifyChecksums: false, Defragment: false));
        var packet = new DecodedPacket();
        byte[] frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp, TcpSegment(40000, 1, 0, 0, 0x002), transportChecksum: false));
        const int Ip = 14, Tcp = 34;
        long number = 0, time = 0;
        void Send(uint source, uint destination, ushort sourcePort, ushort destinationPort, uint seq, uint ack, byte flags)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(Ip + 12), source);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(Ip + 16), destination);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(Tcp), sourcePort);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(Tcp + 2), destinationPort);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(Tcp + 4), seq);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(Tcp + 8), ack);
            frame[Tcp + 13] = flags;
            time += 10_000;
            decoder.Decode(frame, new FrameMetadata(time, frame.Length, frame.Length, LinkType.Ethernet), ++number, packet);
            tracker.Analyze(packet, frame);
        }
        const uint scanner = 0xC6120001; // 198.18.0.1
        var clock = Stopwatch.StartNew();
        long first = 0, last = 0;
        for (int n = 0; n < conversations; n++)
        {
            uint host = (uint)(n / 50000 + 2);
            uint target = 0xC6120000u + host;
            ushort dport = (ushort)(1 + n % 50000), sport = (ushort)(40000 + n % 20000);
            uint isn = unchecked((uint)n * 2654435761u);
            Send(scanner, target, sport, dport, isn, 0, 0x02);
            switch (n % 8)
            {
                case 0:
                    Send(target, scanner, dport, sport, isn * 7 + 1, isn + 1, 0x12);
                    Send(scanner, target, sport, dport, isn + 1, 0, 0x04);
                    break;
                case 1:
                    break;
                default:
                    Send(target, scanner, dport, sport, 0, isn + 1, 0x14);
                    break;
            }
            if (n == slice - 1)
                first = clock.ElapsedTicks;
            if (n == conversations - slice - 1)
                last = clock.ElapsedTicks;
        }
        long lastSlice = clock.ElapsedTicks - last;
        Assert.Equal((uint)conversations, tracker.TcpStreams);
        Assert.Equal(0, tracker.EvictedConversations);
        Assert.True(tracker.AllocatedBytes <= 200_000_000, $"{tracker.AllocatedBytes:N0} bytes for {conversations:N0} conversations");
        Assert.True(lastSlice <= 3 * first + Stopwatch.Frequency / 10,
            $"the last {slice:N0} conversations took {lastSlice * 1000 / Stopwatch.Frequency} ms, the first {first * 1000 / Stopwatch.Frequency} ms");
        TestContext.Current.SendDiagnosticMessage($"{tracker.AllocatedBytes:N0} bytes of tracker tables for {conversations:N0} conversations");
    }

    [Fact]
    public void Data_never_acknowledged_stays_within_the_segment_bound()
    {
        var tracker = new ConversationTracker(new ConversationLimits(MaxConversations: 100, MaxUnackedSegments: 50_000));
        var decoder = new PacketDecoder(new DecoderOptions(VerifyChecksums: false));
        var packet = new DecodedPacket();
        var payload = new byte[10];
        for (int i = 0; i < 300_000; i++)
        {
            // Twenty conversations each sending 15,000 segments nobody acknowledges.
            var frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp,
                TcpSegment((ushort)(2000 + i % 20), 80, (uint)(i / 20) * 10, 1, 0x018, payload: payload), transportChecksum: false));
            decoder.Decode(frame, new FrameMetadata(i * 1000L, frame.Length, frame.Length, LinkType.Ethernet), i + 1, packet);
            tracker.Analyze(packet, frame);
        }
        Assert.True(tracker.AllocatedBytes < 50_000L * 24 * 2 + 1_000_000, $"{tracker.AllocatedBytes} bytes");
    }

    [Fact]
    public void Segments_given_back_by_a_reused_port_serve_other_flows_unmixed()
    {
        // Conversation A sends 40 unacknowledged segments, a SYN with a new ISN on its ports replaces it (its segments go
        // back to the pool whole) and the new one sends 40 more, while B sends throughout and takes freed segments too.
        // Each flow's bytes in flight must be what a tracker that saw that conversation alone computes.
        var payload = new byte[100];
        var a = new List<byte[]>();
        var b = new List<byte[]>();
        a.Add(Segment(3000, 1000, 0x002, []));
        b.Add(Segment(4000, 5000, 0x002, []));
        for (int i = 0; i < 40; i++)
            a.Add(Segment(3000, 1001 + (uint)i * 100, 0x018, payload));
        var renewed = new List<byte[]> { Segment(3000, 900_000, 0x002, []) };
        for (int i = 0; i < 40; i++)
            renewed.Add(Segment(3000, 900_001 + (uint)i * 100, 0x018, payload));
        for (int i = 0; i < 80; i++)
            b.Add(Segment(4000, 5001 + (uint)i * 100, 0x018, payload));

        var mixed = new List<(byte[] Frame, string Flow, int Index)>();
        for (int i = 0; i < a.Count; i++)
            mixed.Add((a[i], "a", i));
        for (int i = 0; i < renewed.Count; i++)
        {
            mixed.Add((renewed[i], "renewed", i));
            mixed.Add((b[i], "b", i));
        }
        for (int i = renewed.Count; i < b.Count; i++)
            mixed.Add((b[i], "b", i));

        var alone = new Dictionary<string, List<(uint, uint)>> { ["a"] = InFlight(a), ["renewed"] = InFlight(renewed), ["b"] = InFlight(b) };
        var tracker = new ConversationTracker(new ConversationLimits(MaxConversations: 100, MaxUnackedSegments: 10_000));
        var decoder = new PacketDecoder(new DecoderOptions(VerifyChecksums: false));
        var packet = new DecodedPacket();
        for (int i = 0; i < mixed.Count; i++)
        {
            var (frame, flow, index) = mixed[i];
            decoder.Decode(frame, new FrameMetadata(i * 1000L, frame.Length, frame.Length, LinkType.Ethernet), i + 1, packet);
            tracker.Analyze(packet, frame);
            ref readonly var tcp = ref packet.Analysis[0].Tcp;
            Assert.Equal(alone[flow][index], (tcp.BytesInFlight, tcp.Seq));
        }
        Assert.Equal(40u * 100 + 1, alone["renewed"][^1].Item1); // the renewed flow counts its own bytes only

        static byte[] Segment(ushort port, uint seq, ushort flags, byte[] data) =>
            EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp, TcpSegment(port, 80, seq, 0, flags, payload: data), transportChecksum: false));

        static List<(uint, uint)> InFlight(List<byte[]> frames)
        {
            var tracker = new ConversationTracker();
            var decoder = new PacketDecoder(new DecoderOptions(VerifyChecksums: false));
            var packet = new DecodedPacket();
            var seen = new List<(uint, uint)>();
            for (int i = 0; i < frames.Count; i++)
            {
                decoder.Decode(frames[i], new FrameMetadata(i * 1000L, frames[i].Length, frames[i].Length, LinkType.Ethernet), i + 1, packet);
                tracker.Analyze(packet, frames[i]);
                seen.Add((packet.Analysis[0].Tcp.BytesInFlight, packet.Analysis[0].Tcp.Seq));
            }
            return seen;
        }
    }
}
