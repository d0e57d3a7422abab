using System.Text;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tcp;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Conversations;

/// <summary>
/// What a TCP segment's payload is handed to once its analysis is known (tshark 4.0, tcp.no_subdissector_on_error on):
/// a retransmission, spurious retransmission or out-of-order segment to nothing (its bytes stay tcp.payload), a keep-alive
/// to data whatever the ports, a fast retransmission to its port's dissector as any segment.
/// </summary>
public sealed class TcpPayloadHandoffTests
{
    private const ushort Client = 40000;
    private readonly PacketDecoder _decoder = new();
    private readonly ConversationTracker _tracker = new();
    private readonly DecodedPacket _packet = new();
    private byte[] _frame = [];
    private long _number;

    /// <summary>Decodes and analyses one segment sent at <paramref name="ms"/> milliseconds.</summary>
    private DecodedPacket Send(bool fromClient, uint seq, uint ack, ushort flags, string payload, double ms, ushort server)
    {
        var tcp = TcpSegment(fromClient ? Client : server, fromClient ? server : Client, seq, ack, flags, payload: Encoding.ASCII.GetBytes(payload));
        _frame = EthernetFrame(EtherType.Ipv4, Ipv4Packet(IpProtocol.Tcp, tcp, fromClient ? V4Src : V4Dst, fromClient ? V4Dst : V4Src));
        var metadata = new FrameMetadata(1_700_000_000_000_000_000 + (long)(ms * 1_000_000), _frame.Length, _frame.Length, LinkType.Ethernet);
        _decoder.Decode(_frame, metadata, ++_number, _packet);
        _tracker.Analyze(_packet, _frame);
        return _packet;
    }

    private DecodedPacket Data(uint seq, string payload, double ms, ushort server = 9, bool fromClient = true, uint ack = 5001) =>
        Send(fromClient, seq, ack, 0x018, payload, ms, server);

    private DecodedPacket Ack(uint ack, double ms, ushort server = 9) => Send(false, 5001, ack, 0x010, "", ms, server);

    /// <summary>The handshake: client ISN 1000, server ISN 5000, a round trip of 10 ms.</summary>
    private void Handshake(ushort server = 9)
    {
        Send(true, 1000, 0, 0x002, "", 0, server);
        Send(false, 5000, 1001, 0x012, "", 5, server);
        Send(true, 1001, 5001, 0x010, "", 10, server);
    }

    private TcpAnalysisFlags Flags => _packet.Analysis[_packet.Analysis.IndexOf(_packet.IndexOf(LayerKind.Tcp))].Tcp.Flags;

    private string Chain => string.Join(':', _packet.Layers.ToArray()[1..].Select(l => l.Kind));

    private string? Field(string name) => Decode.Field(_packet, _frame, name);

    [Fact]
    public void A_retransmission_is_handed_to_no_dissector_and_keeps_its_tcp_payload()
    {
        Handshake();
        Data(1001, "hello", 20);
        Assert.Equal("Ethernet:Ipv4:Tcp:Payload", Chain);
        Data(1001, "hello", 400);
        Assert.Equal(TcpAnalysisFlags.Retransmission, Flags);
        Assert.Equal("Ethernet:Ipv4:Tcp", Chain);
        Assert.Equal("68656c6c6f", Field("tcp.payload"));
        Assert.Null(Field("data.data"));
    }

    [Fact]
    public void A_retransmitted_http_request_shows_no_http()
    {
        Handshake(80);
        Data(1001, "GET / HTTP/1.1\r\n\r\n", 20, 80);
        Assert.Equal(LayerKind.Http, _packet[4].Kind);
        Data(1001, "GET / HTTP/1.1\r\n\r\n", 400, 80);
        Assert.Equal(TcpAnalysisFlags.Retransmission, Flags);
        Assert.Equal("Ethernet:Ipv4:Tcp", Chain);
        Assert.Null(Field("http.request.method"));
        // The next request is read as the stream's next message, the resend fed nothing to it.
        Data(1019, "GET /b HTTP/1.1\r\n\r\n", 410, 80);
        Assert.Equal("/b", Field("http.request.uri"));
    }

    [Fact]
    public void An_out_of_order_segment_is_handed_to_no_dissector()
    {
        Handshake();
        Data(1001, "aaaa", 20);
        Data(1009, "cccc", 21);
        Data(1005, "bbbb", 21.5);
        Assert.Equal(TcpAnalysisFlags.OutOfOrder, Flags & TcpAnalysisFlags.OutOfOrder);
        Assert.Equal("Ethernet:Ipv4:Tcp", Chain);
        Assert.Equal("62626262", Field("tcp.payload"));
    }

    [Fact]
    public void A_spurious_retransmission_is_handed_to_no_dissector()
    {
        Handshake();
        Data(1001, "hello", 20);
        Ack(1006, 30);
        Data(1001, "hello", 400);
        Assert.Equal(TcpAnalysisFlags.SpuriousRetransmission, Flags);
        Assert.Equal("Ethernet:Ipv4:Tcp", Chain);
    }

    [Fact]
    public void A_fast_retransmission_is_handed_on_as_any_segment()
    {
        Handshake();
        Data(1001, "aaaa", 20);
        Data(1005, "bbbb", 20.1);
        Data(1009, "cccc", 20.2);
        Ack(1005, 30);
        Ack(1005, 30.1);
        Ack(1005, 30.2);
        Data(1005, "bbbb", 31);
        Assert.Equal(TcpAnalysisFlags.FastRetransmission, Flags);
        Assert.Equal("Ethernet:Ipv4:Tcp:Payload", Chain);
    }

    [Fact]
    public void A_keep_alive_is_handed_to_data_whatever_the_ports()
    {
        Handshake(80);
        Data(1001, "GET / HTTP/1.1\r\n\r\n", 20, 80);
        Send(true, 1018, 5001, 0x010, "G", 60_000, 80);
        Assert.Equal(TcpAnalysisFlags.KeepAlive, Flags);
        Assert.Equal("Ethernet:Ipv4:Tcp:Payload", Chain);
        Assert.Equal("1", Field("data.len"));
    }

    [Fact]
    public void A_segment_no_dissector_gets_shows_tcp_in_the_chain()
    {
        Handshake();
        Data(1001, "hello", 20);
        Data(1001, "hello", 400);
        Assert.Equal("eth:ethertype:ip:tcp", Field("frame.protocols"));
    }
}
