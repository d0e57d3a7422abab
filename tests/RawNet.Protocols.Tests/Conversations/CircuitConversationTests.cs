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
    /// <summary>Each packet's streams, in layer order, as "udp:N" and "tcp:N" joined by commas ("" when none).</summary>
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
                .Select(t => $"{(packet[t.LayerIndex].Kind == LayerKind.Udp ? "udp" : "tcp")}:{t.Stream}")));
        }
        return streams;
    }

    [Fact]
    public void Udp_over_one_dlci_is_one_conversation_whatever_its_addresses()
    {
        var streams = Streams(Path.Combine("link", "frelay.pcap"));
        // frame 1 IPv4 and frame 2 IPv6 on DLCI 100 share a stream; frames 5 and 6, the addresses and ports of frame 1 on
        // DLCIs 1023 and 16, each start one; frame 7 is back on DLCI 100.
        Assert.Equal("udp:0", streams[0]);
        Assert.Equal("udp:0", streams[1]);
        Assert.Equal("tcp:0", streams[2]);
        Assert.Equal("udp:1", streams[4]);
        Assert.Equal("udp:2", streams[5]);
        Assert.Equal("udp:0", streams[6]);
        Assert.Equal("udp:0", streams[7]);
    }

    [Fact]
    public void Only_the_udp_after_the_frame_relay_header_is_keyed_by_its_circuit_and_tcp_never()
    {
        var streams = Streams(Path.Combine("link", "l2tpv3-sessions.pcap"));
        // L2TPv3 over IP carrying Frame Relay DLCI 16: a new UDP stream, shared with DLCI 16 inside L2TP over UDP (frame
        // 199), whose outer UDP keeps its own (6).
        Assert.Equal("udp:5", streams[91]);
        Assert.Equal("udp:5", streams[92]);
        Assert.Equal("udp:6,udp:5", streams[198]);
        // TCP over DLCI 16 stays keyed by its addresses and ports: each port a stream of its own.
        Assert.Equal("tcp:4", streams[93]);
        Assert.Equal("tcp:5", streams[94]);
        Assert.Equal("tcp:6", streams[95]);
    }

    [Fact]
    public void Frame_relay_inside_atm_names_a_circuit_too() =>
        Assert.Equal("udp:2", Streams(Path.Combine("pseudo-link", "sunatm.pcap"))[47]);

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
