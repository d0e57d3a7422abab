using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Http;

namespace RawNet.Protocols.Tests.Http;

/// <summary>
/// HTTP across segments, as the conversation tracker puts it together (tshark 4.0's desegmentation): the segment that
/// completes a message shows it, read from the bytes put together; the ones before are parts of it; what the stream
/// carried before decides "Continuation" and a HEAD response's body.
/// </summary>
public sealed class HttpReassemblyTests
{
    [Fact]
    public void A_head_split_over_three_segments_shows_on_the_last_from_the_bytes_put_together()
    {
        var stream = new HttpFrames.Stream();
        stream.Send("GET /split HT");
        Assert.Equal(TcpPduPart.Held, stream.Tcp.PduPart);                // no line end yet
        Assert.Equal(4, stream.Packet.LayerCount);                          // the bytes are held: no layer after TCP
        stream.Send("TP/1.1\r\nHost: exa");
        Assert.Equal(TcpPduPart.HeldAfterLine, stream.Tcp.PduPart);       // read again: the first line is there now
        Assert.Equal("GET /split HTTP/1.1", System.Text.Encoding.ASCII.GetString(stream.Packet.Stream));
        var packet = stream.Send("mple.com\r\n\r\n");
        Assert.Equal(TcpPduPart.None, stream.Tcp.PduPart);
        Assert.Equal((LayerKind.Http, LayerSource.Stream), (packet[4].Kind, packet[4].Source));
        Assert.Equal("GET /split HTTP/1.1\r\nHost: example.com\r\n\r\n", System.Text.Encoding.ASCII.GetString(packet.Stream));
        Assert.Equal(("/split", "example.com", "http://example.com/split"), (stream.Field("http.request.uri"), stream.Field("http.host"), stream.Field("http.request.full_uri")));
    }

    [Fact]
    public void A_body_waiting_for_its_length_is_not_read_again_until_it_is_all_there()
    {
        var stream = new HttpFrames.Stream();
        stream.Send("POST /up HTTP/1.1\r\nContent-Length: 12\r\n\r\n0123");
        Assert.Equal(TcpPduPart.HeldAfterLine, stream.Tcp.PduPart);
        stream.Send("4567");
        // tshark knows how many bytes it waits for: it does not call HTTP for this one, the Info is TCP's.
        Assert.Equal(TcpPduPart.Held, stream.Tcp.PduPart);
        Assert.True(stream.Packet.Stream.IsEmpty);
        stream.Send("89abGET /next HTTP/1.1\r\n\r\n");
        Assert.Equal("POST,GET", stream.Field("http.request.method"));
        Assert.Equal("0123456789ab", stream.Field("http.file_data"));
    }

    [Fact]
    public void Chunks_are_waited_for_one_segment_at_a_time()
    {
        var stream = new HttpFrames.Stream();
        stream.Send("GET / HTTP/1.1\r\n\r\n");
        stream.Send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nab", fromClient: false);
        Assert.Equal(TcpPduPart.HeldAfterLine, stream.Tcp.PduPart);
        stream.Send("c\r\n2\r\nde\r\n", fromClient: false);
        Assert.Equal(TcpPduPart.HeldAfterLine, stream.Tcp.PduPart);
        Assert.Equal("HTTP/1.1 200 OK", System.Text.Encoding.ASCII.GetString(stream.Packet.Stream));
        stream.Send("0\r\n\r\n", fromClient: false);
        Assert.Equal(("200", "abcde"), (stream.Field("http.response.code"), stream.Field("http.file_data")));
    }

    [Fact]
    public void A_response_without_length_ends_with_the_stream()
    {
        var stream = new HttpFrames.Stream();
        stream.Send("GET / HTTP/1.0\r\n\r\n");
        stream.Send("HTTP/1.0 200 OK\r\n\r\nfirst ", fromClient: false);
        stream.Send("second", fromClient: false);
        Assert.Equal(TcpPduPart.Held, stream.Tcp.PduPart);
        var packet = stream.Send("", fromClient: false, fin: true);
        Assert.Equal(LayerKind.Http, packet[4].Kind);
        Assert.Equal("first second", stream.Field("http.file_data"));
    }

    [Fact]
    public void A_response_to_head_has_no_body_whatever_its_content_length_says()
    {
        var stream = new HttpFrames.Stream();
        stream.Send("HEAD / HTTP/1.1\r\n\r\n");
        var packet = stream.Send("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n", fromClient: false);
        Assert.Equal(LayerKind.Http, packet[4].Kind);
        Assert.Equal(TcpPduPart.None, stream.Tcp.PduPart);
        // Without the tracker the decoder alone waits for the body.
        var alone = Decode.Frame(stream.Frame, LinkType.Ethernet);
        Assert.Equal(LayerKind.Payload, alone[4].Kind);
    }

    [Fact]
    public void Data_after_a_message_in_a_stream_that_carried_http_is_continuation()
    {
        var stream = new HttpFrames.Stream();
        stream.Send("GET / HTTP/1.1\r\n\r\n");
        stream.Send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", fromClient: false);
        var packet = stream.Send("more text\r\n", fromClient: false);
        Assert.Equal(LayerKind.Http, packet[4].Kind);
        Assert.Equal("more text\\r\\n", stream.Field("http.file_data"));
        Assert.Null(stream.Field("http.response"));
        // Binary data: Continuation too, but no file data.
        packet = stream.Send([0x89, 0x50, 0x4E, 0x47], fromClient: false);
        Assert.Equal(LayerKind.Http, packet[4].Kind);
        Assert.Null(stream.Field("http.file_data"));
    }

    [Fact]
    public void Resends_are_handed_to_nobody_and_resent_bytes_of_a_finished_message_are_an_overlap()
    {
        var stream = new HttpFrames.Stream();
        stream.Send("GET / HTTP/1.1\r\nHo");
        var packet = stream.Send("GET / HTTP/1.1\r\nHo", resend: true);
        // A plain retransmission: no dissector at all (no layer after TCP), no mark.
        Assert.Equal((4, TcpPduPart.None), (packet.LayerCount, stream.Tcp.PduPart));
        Assert.NotEqual(0, (int)(stream.Tcp.Tcp.Flags & Protocols.Tcp.TcpAnalysisFlags.Retransmission));
        stream.Send("st: h\r\n\r\n");
        Assert.Equal("h", stream.Field("http.host"));
    }

    [Fact]
    public void A_message_past_the_bound_is_given_up_and_memory_stays_bounded()
    {
        var tracker = new ConversationTracker(httpLimits: new HttpReassemblyLimits(MaxConversations: 4, MaxMessageBytes: 1000, MaxBufferedBytes: 3000));
        var stream = new HttpFrames.Stream(tracker: tracker);
        stream.Send("POST / HTTP/1.1\r\nContent-Length: 5000\r\n\r\n" + new string('a', 900));
        Assert.Equal(TcpPduPart.HeldAfterLine, stream.Tcp.PduPart);
        stream.Send(new string('b', 900) + "\r\n");
        // Past 1000 bytes the message is given up: the segment is read alone, as data (the request was never read whole,
        // so the stream has carried no HTTP yet).
        Assert.Equal((TcpPduPart.None, LayerKind.Payload), (stream.Tcp.PduPart, stream.Packet[4].Kind));
        Assert.True(tracker.AllocatedBytes < 1 << 20);
        // Many conversations at once: only four are remembered, each with at most what the bounds allow.
        for (ushort port = 41000; port < 41100; port++)
        {
            var other = new HttpFrames.Stream(clientPort: port, tracker: tracker);
            other.Send("GET / HTTP/1.1\r\nHost: x");
        }
        Assert.True(tracker.AllocatedBytes < 1 << 20, $"{tracker.AllocatedBytes} bytes held");
    }

    [Fact]
    public void Without_http_the_tracker_leaves_each_segment_as_the_decoder_read_it()
    {
        var stream = new HttpFrames.Stream(tracker: new ConversationTracker(http: false));
        stream.Send("GET / HT");
        Assert.Equal(TcpPduPart.None, stream.Tcp.PduPart);
        var packet = stream.Send("TP/1.1\r\n\r\n");
        Assert.Equal(LayerKind.Payload, packet[4].Kind);
    }
}
