using System.Text;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Conversations.Follow;
using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Conversations;

/// <summary>
/// The follow engine packet by packet, as another caller (the UI) would drive it: tshark's rules for what is shown and
/// in which order (resends show only new bytes, early segments wait and are taken in arrival order, an acknowledgement
/// past a gap declares it missing), the ends as tshark names them, what is reported as not shown, the bound on waiting
/// data, and that an in-order stream costs no memory however long it is. Whole outputs are checked against tshark in
/// RawNet.Cli.Tests (TsharkFollowOracleTests).
/// </summary>
public sealed class StreamFollowerTests
{
    private const ushort ClientPort = 40000, ServerPort = 80;
    private const uint ClientIsn = 1000, ServerIsn = 5000;
    private const ushort Syn = 0x002, Ack = 0x010, PshAck = 0x018, SynAck = 0x012, FinPshAck = 0x019;

    [Fact]
    public void In_order_data_is_shown_at_once_and_a_resend_shows_only_its_new_bytes()
    {
        var run = new Run(FollowProtocol.Tcp, 0);
        run.Handshake();
        run.Client(1, 1, "hello ");
        Assert.Equal(["E 192.0.2.1:40000 198.51.100.2:80 final", "C hello "], run.Log);
        run.Client(1, 1, "hello world");
        run.Client(1, 1, "hello world");
        run.Server(1, 12, "hi");
        Assert.Equal(["E 192.0.2.1:40000 198.51.100.2:80 final", "C hello ", "C world", "S hi"], run.Log);
    }

    [Fact]
    public void Early_segments_wait_and_are_taken_in_arrival_order()
    {
        var run = new Run(FollowProtocol.Tcp, 0);
        run.Handshake();
        run.Client(1, 1, "0123456789");
        run.Client(31, 1, "uvwxyz");
        run.Client(26, 1, "pqrstuvw");
        Assert.True(run.Follower.BufferedBytes > 0);
        // 21..28 fills the gap; then the first waiting segment that starts at or before 29 is taken: "uvwxyz" at 31 does
        // not, "pqrstuvw" at 26 does (its last five bytes), then "uvwxyz" gives "xyz".
        run.Client(11, 1, "ABCDEFGHIJKLMNOPQR");
        Assert.Equal(["C 0123456789", "C ABCDEFGHIJKLMNOPQR", "C stuvw", "C xyz"], run.Chunks);
        Assert.Equal(0, run.Follower.BufferedBytes);
    }

    [Fact]
    public void An_acknowledgement_past_a_gap_declares_it_missing_and_releases_what_waited()
    {
        var run = new Run(FollowProtocol.Tcp, 0);
        run.Handshake();
        run.Client(1, 1, "0123456789");
        run.Client(21, 1, "KLMNOPQRST");
        Assert.Equal(["C 0123456789"], run.Chunks);
        run.Server(1, 31, "");
        Assert.Equal(["C 0123456789", "M C 10 #6", "C KLMNOPQRST"], run.Chunks);
        run.Finish();
        Assert.DoesNotContain(run.Log, line => line.StartsWith('U'));
    }

    [Fact]
    public void Data_behind_a_gap_that_never_filled_is_reported_at_the_end()
    {
        var run = new Run(FollowProtocol.Tcp, 0);
        run.Handshake();
        run.Client(1, 1, "0123456789");
        run.Client(21, 1, "KLMNOPQRST");
        run.Client(26, 1, "PQRSTUVWXY");
        run.Finish();
        Assert.Equal("U NeverShown C 15 #5 gap 10", run.Log[^1]);
        Assert.Equal(0, run.Follower.BufferedBytes);
    }

    [Fact]
    public void A_sequence_jump_and_a_snaplen_cut_are_reported()
    {
        var run = new Run(FollowProtocol.Tcp, 0);
        run.Handshake();
        run.Client(1, 1, "0123456789", captured: 4);
        run.Client(11 + (1u << 31) + 5, 1, "JUMPED");
        run.Client(11, 1, "after");
        Assert.Equal(["C 0123", "C after"], run.Chunks);
        Assert.Contains("U NotCaptured C 6 #4 gap 0", run.Log);
        Assert.Contains("U OutsideStream C 6 #5 gap 0", run.Log);
    }

    [Fact]
    public void Early_data_stays_within_the_bound_and_what_does_not_fit_is_reported()
    {
        var run = new Run(FollowProtocol.Tcp, 0, maxBufferedBytes: 3 * (100 + 64));
        run.Handshake();
        var block = new string('x', 100);
        for (uint i = 0; i < 6; i++)
        {
            run.Client(101 + 100 * i, 1, block);
            Assert.True(run.Follower.BufferedBytes <= 3 * (100 + 64));
        }
        // The same early segment again is not kept twice.
        run.Client(101, 1, block);
        Assert.Equal(3, run.Log.Count(line => line.StartsWith("U BufferFull")));
        run.Client(1, 1, block);
        Assert.Equal(4, run.Chunks.Count);
        Assert.Equal(0, run.Follower.BufferedBytes);
    }

    [Fact]
    public void While_the_first_senders_port_is_0_every_new_sender_becomes_node_0()
    {
        var run = new Run(FollowProtocol.Udp, 0);
        run.Datagram(fromClient: true, "zero", clientPort: 0);
        run.Datagram(fromClient: false, "back", clientPort: 0);
        run.Datagram(fromClient: true, "zero again", clientPort: 0);
        Assert.Equal([
            "E 192.0.2.1:0 198.51.100.2:53 open", "C zero",
            "E 198.51.100.2:53 192.0.2.1:0 final", "C back",
            "S zero again"], run.Log);
    }

    [Fact]
    public void A_datagram_without_captured_payload_is_no_chunk_and_names_no_end()
    {
        var run = new Run(FollowProtocol.Udp, 0);
        run.Datagram(fromClient: false, "");
        run.Datagram(fromClient: false, "cut", captured: 0);
        run.Datagram(fromClient: true, "query");
        Assert.Equal(["U NotCaptured C 3 #2 gap 0 unknown", "E 192.0.2.1:5000 198.51.100.2:53 final", "C query"], run.Log);
    }

    [Fact]
    public void Following_a_long_in_order_stream_holds_none_of_its_bytes()
    {
        var run = new Run(FollowProtocol.Tcp, 0, record: false);
        run.Handshake();
        var payload = new string('d', 1448);
        var frames = new List<byte[]>();
        for (uint i = 0; i < 64; i++)
            frames.Add(run.Segment(true, 1 + 1448 * i, 1, PshAck, payload));
        // 80 MiB of stream in 58,000 segments, built once and replayed with moving sequence numbers. Nobody acknowledges
        // them, so the tracker's pool of unacknowledged segments fills to its bound (10,000 per direction) first: what is
        // measured after that is the follower's own cost.
        long before = 0;
        for (uint i = 0; i < 58_000; i++)
        {
            if (i == 12_000)
                before = GC.GetAllocatedBytesForCurrentThread();
            var frame = frames[(int)(i % 64)];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(14 + 20 + 4), ClientIsn + 1 + 1448 * i);
            run.Feed(frame);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(58_000L * 1448, run.Bytes);
        Assert.Equal(0, run.Follower.BufferedBytes);
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Wild_segments_never_break_the_follower_nor_pass_its_bound()
    {
        const long bound = 20_000;
        var run = new Run(FollowProtocol.Tcp, 0, maxBufferedBytes: bound, record: false);
        var random = new Random(20261211);
        var data = new byte[1000];
        for (int i = 0; i < 20_000; i++)
        {
            bool client = random.Next(2) == 0;
            uint seq = random.Next(4) switch { 0 => (uint)random.NextInt64(1L << 32), _ => (uint)random.Next(30_000) };
            uint ack = (uint)random.Next(30_000);
            ushort flags = random.Next(10) == 0 ? FinPshAck : PshAck;
            random.NextBytes(data);
            int length = random.Next(0, 400);
            run.Feed(run.Segment(client, seq, ack, flags, Encoding.Latin1.GetString(data, 0, length)), random.Next(8) == 0 ? random.Next(length + 1) : 0);
            Assert.True(run.Follower.BufferedBytes <= bound);
        }
        run.Finish();
        Assert.Equal(0, run.Follower.BufferedBytes);
        Assert.True(run.Bytes > 0);
    }

    /// <summary>Decodes, analyses and follows built packets, and records what the follower said as short lines.</summary>
    private sealed class Run : IFollowReceiver
    {
        private readonly PacketDecoder _decoder = new(new DecoderOptions(VerifyChecksums: false));
        private readonly DecodedPacket _packet = new();
        private readonly ConversationTracker _tracker = new();
        private readonly bool _record;
        private long _frame;

        public Run(FollowProtocol protocol, uint stream, long maxBufferedBytes = StreamFollower.DefaultMaxBufferedBytes, bool record = true)
        {
            Follower = new StreamFollower(protocol, stream, this, maxBufferedBytes);
            _record = record;
        }

        public StreamFollower Follower { get; }
        public List<string> Log { get; } = [];
        public long Bytes { get; private set; }
        public List<string> Chunks => Log.Where(line => line[0] is 'C' or 'S' || line.StartsWith("M ")).ToList();

        public void Handshake()
        {
            Feed(Segment(true, ClientIsn, 0, Syn, "", absolute: true));
            Feed(Segment(false, ServerIsn, ClientIsn + 1, SynAck, "", absolute: true));
            Client(1, 1, "");
        }

        /// <summary>A client segment at relative sequence <paramref name="seq"/> acknowledging server byte <paramref name="ack"/>.</summary>
        public void Client(uint seq, uint ack, string data, int? captured = null) =>
            Feed(Segment(true, seq, ack, data.Length > 0 ? PshAck : Ack, data), captured is int keep ? data.Length - keep : 0);

        public void Server(uint seq, uint ack, string data) => Feed(Segment(false, seq, ack, data.Length > 0 ? PshAck : Ack, data));

        public byte[] Segment(bool fromClient, uint seq, uint ack, ushort flags, string data, bool absolute = false)
        {
            uint mine = fromClient ? ClientIsn : ServerIsn, theirs = fromClient ? ServerIsn : ClientIsn;
            var segment = TcpSegment(fromClient ? ClientPort : ServerPort, fromClient ? ServerPort : ClientPort,
                absolute ? seq : mine + seq, absolute ? ack : theirs + ack, flags, payload: Encoding.Latin1.GetBytes(data));
            var frame = EthernetFrame(EtherType.Ipv4, fromClient
                ? Ipv4Packet(IpProtocol.Tcp, segment, transportChecksum: false)
                : Ipv4Packet(IpProtocol.Tcp, segment, source: V4Dst, destination: V4Src, transportChecksum: false));
            return frame;
        }

        public void Datagram(bool fromClient, string data, ushort clientPort = 5000, int? captured = null)
        {
            var datagram = UdpDatagram(fromClient ? clientPort : (ushort)53, fromClient ? (ushort)53 : clientPort, Encoding.Latin1.GetBytes(data));
            var frame = EthernetFrame(EtherType.Ipv4, fromClient
                ? Ipv4Packet(IpProtocol.Udp, datagram, transportChecksum: false)
                : Ipv4Packet(IpProtocol.Udp, datagram, source: V4Dst, destination: V4Src, transportChecksum: false));
            Feed(frame, captured is int keep ? data.Length - keep : 0);
        }

        /// <summary>Decodes, analyses and follows <paramref name="frame"/> as captured without its last <paramref name="cut"/> bytes.</summary>
        public void Feed(byte[] frame, int cut = 0)
        {
            _frame++;
            var bytes = frame.AsSpan(0, frame.Length - cut);
            var metadata = new FrameMetadata(1_700_000_000_000_000_000 + _frame * 1_000_000, bytes.Length, frame.Length, LinkType.Ethernet);
            _decoder.Decode(bytes, metadata, _frame, _packet);
            _tracker.Analyze(_packet, bytes);
            Follower.Add(_packet, bytes);
        }

        public void Finish() => Follower.Finish();

        public void Endpoints(in FollowEndpoints endpoints)
        {
            if (_record)
                Log.Add($"E {Name(endpoints.Client)} {Name(endpoints.Server)} {(endpoints.Final ? "final" : "open")}");
        }

        public void Data(FollowNode node, ReadOnlySpan<byte> bytes, long frame)
        {
            Bytes += bytes.Length;
            if (_record)
                Log.Add($"{Node(node)} {Encoding.Latin1.GetString(bytes)}");
        }

        public void Missing(FollowNode node, int bytes, long frame) => Log.Add($"M {Node(node)} {bytes} #{frame}");

        public void Unshown(in UnshownData unshown) =>
            Log.Add($"U {unshown.Reason} {Node(unshown.Node)} {unshown.Bytes} #{unshown.Frame} gap {unshown.GapBytes}{(unshown.NodeKnown ? "" : " unknown")}");

        private static string Node(FollowNode node) => node == FollowNode.Client ? "C" : "S";

        private static string Name(in FollowEndpoint endpoint)
        {
            Span<byte> address = stackalloc byte[16];
            int size = endpoint.WriteAddress(address);
            return $"{new System.Net.IPAddress(address[..size])}:{endpoint.Port}";
        }
    }
}
