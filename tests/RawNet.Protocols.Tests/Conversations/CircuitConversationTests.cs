using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tests.Decoding;
using RawNet.Testing;

namespace RawNet.Protocols.Tests.Conversations;

/// <summary>
/// tshark 4.0 keys a UDP conversation by the Frame Relay circuit (DLCI) the datagram came over, not by its addresses and
/// ports; TCP keeps its addresses and ports. The stream numbers below are tshark's (<c>-e udp.stream -e tcp.stream</c>);
/// TsharkAnalysisOracleTests compares every packet of these captures with tshark itself.
/// </summary>
public sealed class CircuitConversationTests
{
    /// <summary>
    /// Each packet's streams, in layer order, as "udp:N" and "tcp:N", then "echo:N" for an echo reply matched with frame
    /// N, joined by commas ("" when none).
    /// </summary>
    private static List<string> Streams(string file)
    {
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        var tracker = new ConversationTracker();
        var frames = Samples.Read(Path.Combine(TestPaths.Captures, file));
        var streams = new List<string>();
        for (int i = 0; i < frames.Count; i++)
        {
            decoder.Decode(frames[i].Data, frames[i].Metadata, i + 1, packet);
            tracker.Analyze(packet, frames[i].Data);
            streams.Add(string.Join(",", packet.Analysis.Transports.ToArray()
                .Where(t => t.HasStream)
                .Select(t => $"{(packet[t.LayerIndex].Kind == LayerKind.Udp ? "udp" : "tcp")}:{t.Stream}")
                .Concat(packet.Analysis.EchoRequestFrame != 0 ? [$"echo:{packet.Analysis.EchoRequestFrame}"] : Array.Empty<string>())));
        }
        return streams;
    }

    /// <summary>Checks the streams of the given frames (numbered from 1) of <paramref name="file"/>.</summary>
    private static void Expect(string file, params (int Frame, string Streams)[] expected)
    {
        var streams = Streams(file);
        foreach (var (frame, want) in expected)
            Assert.True(want == streams[frame - 1], $"{file} frame {frame}: expected '{want}', got '{streams[frame - 1]}'");
    }

    // frame 1 IPv4 and frame 2 IPv6 on DLCI 100 share a stream; frames 5 and 6, the addresses and ports of frame 1 on
    // DLCIs 1023 and 16, each start one; frames 7 and 8 are back on DLCI 100; frame 3's TCP is its own.
    [Fact]
    public void Udp_over_one_dlci_is_one_conversation_whatever_its_addresses() =>
        Expect(Path.Combine("link", "frelay.pcap"), (1, "udp:0"), (2, "udp:0"), (3, "tcp:0"), (5, "udp:1"), (6, "udp:2"), (7, "udp:0"), (8, "udp:0"));

    // L2TPv3 over IP carrying Frame Relay DLCI 16: a new UDP stream (93, 94), shared with DLCI 16 inside L2TP over UDP
    // (frame 199), whose outer UDP keeps its own (6); TCP over DLCI 16 stays keyed by its addresses and ports (each port
    // a stream of its own).
    [Fact]
    public void Only_the_udp_after_the_frame_relay_header_is_keyed_by_its_circuit_and_tcp_never() =>
        Expect(Path.Combine("link", "l2tpv3-sessions.pcap"), (92, "udp:5"), (93, "udp:5"), (199, "udp:6,udp:5"), (94, "tcp:4"), (95, "tcp:5"), (96, "tcp:6"));

    // An echo answered on another DLCI is matched, one answered by a third host on the same DLCI is not; TCP across
    // DLCIs is one stream; UDP splits by DLCI, the datagram an ICMP error quotes included.
    [Fact]
    public void Tcp_and_echoes_across_dlcis_keep_their_addresses() =>
        Expect(Path.Combine("link", "frelay-circuits.pcap"), (2, "echo:1"), (4, ""), (5, "tcp:0"), (6, "tcp:0"), (7, "udp:0"), (8, "tcp:0"), (10, "udp:1"), (13, "udp:0"), (14, "udp:0"));

    [Fact]
    public void Frame_relay_inside_atm_names_a_circuit_too() =>
        Expect(Path.Combine("pseudo-link", "sunatm.pcap"), (48, "udp:2"));

    [Fact]
    public void A_circuit_key_is_not_an_address_key()
    {
        var circuit = ConversationKey.OfCircuit(ConversationKey.Dlci, 100);
        var table = new ConversationTable<UdpConversation>(16);
        int entry = table.FindOrAdd(circuit, out bool added);
        Assert.True(added);
        Assert.Equal(entry, table.FindOrAdd(ConversationKey.OfCircuit(ConversationKey.Dlci, 100), out added));
        Assert.False(added);
        table.FindOrAdd(ConversationKey.OfCircuit(ConversationKey.Dlci, 101), out added);
        Assert.True(added);
        // An IPv4 key of small numbers is held in the same word as a circuit's: the family keeps them apart.
        ReadOnlySpan<byte> a = [0, 0, 0, 100], b = [0, 0, 0, 0];
        table.FindOrAdd(ConversationKey.Of(b, 0, a, 0, out _), out added);
        Assert.True(added);
        Assert.Equal(3, table.Count);
    }
}
