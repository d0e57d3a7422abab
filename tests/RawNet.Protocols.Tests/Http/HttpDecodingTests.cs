using System.Diagnostics;
using System.Text;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Http;
using static RawNet.Protocols.Tests.Http.HttpFrames;

namespace RawNet.Protocols.Tests.Http;

/// <summary>HTTP in one segment: the decoder's layer, every field as tshark 4.0 prints it, the tree's order, hostile input.</summary>
public sealed class HttpDecodingTests
{
    private const string Get = "GET /p/a?x=1&&y=2 HTTP/1.1\r\nHost:  www.example.com \r\nUser-Agent: curl/7.88\r\nAccept: */*\r\n"
        + "Cookie: a=1; b=2 ;c\r\nAuthorization: Basic dXNlcjpwYXNz\r\nX-Custom: v\x80\tz\r\n\r\n";

    private static (DecodedPacket Packet, byte[] Frame) Decoded(string payload, ushort sourcePort = 40000, ushort destinationPort = 80)
    {
        var frame = Segment(payload, sourcePort, destinationPort);
        return (Decode.Frame(frame, LinkType.Ethernet), frame);
    }

    [Fact]
    public void A_uri_that_starts_with_its_query_gives_an_empty_path_and_each_parameter_once()
    {
        // Found by the fuzz test: the query's '?' at the URI's first byte used to repeat the query field for ever.
        const string request = "GET ?x=1&&y=2 HTTP/1.1\r\nHost: h\r\n\r\n";
        var (packet, frame) = Decoded(request);
        string? F(string name) => Decode.Field(packet, frame, name);
        Assert.Equal(("", "x=1&&y=2", "x=1,y=2"), (F("http.request.uri.path"), F("http.request.uri.query"), F("http.request.uri.query.parameter")));
    }

    [Fact]
    public void A_request_is_one_http_layer_over_the_payload_with_every_field_as_tshark_prints_it()
    {
        var (packet, frame) = Decoded(Get);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Tcp, LayerKind.Http], Decode.Kinds(packet));
        Assert.Equal((PayloadOffset, Get.Length, Get.Length, DecodeOutcome.Ok), (packet[4].Offset, packet[4].HeaderLength, packet[4].Extent, packet.Outcome));
        string? F(string name) => Decode.Field(packet, frame, name);
        Assert.Equal(("1", null), (F("http.request"), F("http.response")));
        Assert.Equal(("GET", "/p/a?x=1&&y=2", "HTTP/1.1"), (F("http.request.method"), F("http.request.uri"), F("http.request.version")));
        Assert.Equal(("/p/a", "x=1&&y=2", "x=1,y=2"), (F("http.request.uri.path"), F("http.request.uri.query"), F("http.request.uri.query.parameter")));
        // The value starts after the blanks that follow the colon and keeps those at its end; the full URI strips them.
        Assert.Equal("www.example.com ", F("http.host"));
        Assert.Equal("http://www.example.com/p/a?x=1&&y=2", F("http.request.full_uri"));
        Assert.Equal(("curl/7.88", "*/*"), (F("http.user_agent"), F("http.accept")));
        Assert.Equal(("a=1; b=2 ;c", "a=1,b=2 ,c"), (F("http.cookie"), F("http.cookie_pair")));
        Assert.Equal(("Basic dXNlcjpwYXNz", "user:pass"), (F("http.authorization"), F("http.authbasic")));
        // Every header line, its CR LF and tab written as -T fields writes them, a byte past ASCII as U+FFFD.
        Assert.Equal(@"Host:  www.example.com \r\n,User-Agent: curl/7.88\r\n,Accept: */*\r\n,Cookie: a=1; b=2 ;c\r\n,"
            + @"Authorization: Basic dXNlcjpwYXNz\r\n,X-Custom: v" + "\uFFFD" + @"\tz\r\n", F("http.request.line"));
        Assert.Null(F("http.response.line"));
        Assert.Null(F("http.file_data")); // a request without Content-Length has no body
        Assert.Equal("1", F("http.chat"));
    }

    [Fact]
    public void A_response_has_its_status_fields_and_file_data_and_values_point_at_their_bytes()
    {
        const string response = "HTTP/1.1 302 Found\r\nLocation: /new\r\nSet-Cookie: s=1\r\nSet-Cookie: t=2\r\nContent-Length: 5\r\n"
            + "Content-Type: text/plain\r\n\r\nab\0cd";
        var (packet, frame) = Decoded(response, 80, 40000);
        string? F(string name) => Decode.Field(packet, frame, name);
        Assert.Equal(("1", "HTTP/1.1", "302", "Found", "Found"),
            (F("http.response"), F("http.response.version"), F("http.response.code"), F("http.response.code.desc"), F("http.response.phrase")));
        Assert.Equal(("/new", "s=1,t=2", "5", "5", "text/plain"),
            (F("http.location"), F("http.set_cookie"), F("http.content_length_header"), F("http.content_length"), F("http.content_type")));
        // File data is a C string: it ends at the zero byte.
        Assert.Equal("ab", F("http.file_data"));
        Assert.True(FieldCatalog.TryFind("http.response.code", out var code));
        Assert.True(FieldReader.TryRead(code[0], packet, 4, frame, 0, out var value));
        Assert.Equal("302", Encoding.ASCII.GetString(frame, value.Offset, value.Length));
        Assert.True(FieldCatalog.TryFind("http.location", out var location));
        Assert.True(FieldReader.TryRead(location[0], packet, 4, frame, 0, out value));
        Assert.Equal("/new", Encoding.ASCII.GetString(frame, value.Offset, value.Length));
    }

    [Theory]
    [InlineData("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", "200", "OK", null)]
    [InlineData("HTTP/1.1 999 Weird\r\nContent-Length: 0\r\n\r\n", "999", "Unknown (999)", "Weird")]
    [InlineData("HTTP/1.1 2000 Big\r\nContent-Length: 0\r\n\r\n", "200", "OK", "Big")]
    [InlineData("HTTP/1.1 2x0 Odd\r\nContent-Length: 0\r\n\r\n", "2", "Unknown (2)", "Odd")]
    [InlineData("HTTP/1.1 20 Short\r\nContent-Length: 0\r\n\r\n", null, null, null)]
    [InlineData("ICY 200 OK\r\nContent-Length: 0\r\n\r\n", "200", "OK", "OK")]
    public void Status_codes_are_read_as_tshark_reads_them(string response, string? code, string? description, string? phrase)
    {
        var (packet, frame) = Decoded(response, 80, 40000);
        Assert.Equal((code, description, phrase),
            (Decode.Field(packet, frame, "http.response.code"), Decode.Field(packet, frame, "http.response.code.desc"), Decode.Field(packet, frame, "http.response.phrase")));
    }

    [Fact]
    public void Pipelined_messages_in_one_segment_give_their_fields_in_order()
    {
        var (packet, frame) = Decoded("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: b\r\n\r\n");
        Assert.Equal("/1,/2", Decode.Field(packet, frame, "http.request.uri"));
        Assert.Equal("http://a/1,http://b/2", Decode.Field(packet, frame, "http.request.full_uri"));
        Assert.Equal("1,1", Decode.Field(packet, frame, "http.request"));
    }

    [Theory]
    [InlineData(40000, 80, true)]
    [InlineData(80, 40000, true)]
    [InlineData(40000, 8080, true)]
    [InlineData(40000, 3128, true)]
    [InlineData(5000, 8080, true)]   // the lower port has no dissector of its own
    [InlineData(22, 80, false)]      // SSH's port is tried first
    [InlineData(8080, 443, false)]   // TLS's port is tried first
    [InlineData(40000, 9999, false)] // not an HTTP port (tshark's heuristic would find it; RawNet does not look)
    public void Http_is_decoded_on_the_ports_tshark_gives_it(int sourcePort, int destinationPort, bool http)
    {
        var (packet, _) = Decoded("GET / HTTP/1.1\r\n\r\n", (ushort)sourcePort, (ushort)destinationPort);
        Assert.Equal(http ? LayerKind.Http : LayerKind.Payload, packet[4].Kind);
    }

    [Theory]
    [InlineData("\x00\x01binary garbage")]
    [InlineData("hello world\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\n")]                          // no blank line yet: held for the next segment
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n01234")]    // half the body: held
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nbody")] // no length: waits for the end of the stream
    [InlineData("get / HTTP/1.1\r\n\r\n")]                                 // methods are case-sensitive
    public void What_tshark_does_not_show_as_http_in_one_segment_stays_data(string payload)
    {
        var (packet, _) = Decoded(payload);
        Assert.Equal(LayerKind.Payload, packet[4].Kind);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
    }

    [Fact]
    public void A_response_without_length_is_whole_when_its_segment_has_fin()
    {
        var frame = Segment(Ascii("HTTP/1.1 200 OK\r\n\r\nbody"), 80, 40000, fin: true);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(LayerKind.Http, packet[4].Kind);
        Assert.Equal("body", Decode.Field(packet, frame, "http.file_data"));
    }

    [Fact]
    public void Header_names_tshark_refuses_still_show_as_lines_once_the_message_started()
    {
        var (packet, frame) = Decoded("GET / HTTP/1.1\r\nX'Y: 1\r\n: empty\r\nA B: 2\r\nHost: h\r\nno colon\r\n\r\n");
        Assert.Equal(@"X'Y: 1\r\n,: empty\r\n,A B: 2\r\n,Host: h\r\n", Decode.Field(packet, frame, "http.request.line"));
        Assert.Equal("h", Decode.Field(packet, frame, "http.host"));
        // The line without a colon ends the request; what follows is data, "Continuation" in a stream that carried HTTP.
        Assert.Equal("no colon\\r\\n\\r\\n", Decode.Field(packet, frame, "http.file_data"));
    }

    [Fact]
    public void Chunked_bodies_are_joined_for_file_data()
    {
        var (packet, frame) = Decoded("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nHello\r\n1\r\n,\r\n6\r\n world\r\n0\r\nT: 1\r\n\r\n", 80, 40000);
        Assert.Equal(LayerKind.Http, packet[4].Kind);
        Assert.Equal("Hello, world", Decode.Field(packet, frame, "http.file_data"));
        Assert.Equal("chunked", Decode.Field(packet, frame, "http.transfer_encoding"));
    }

    [Fact]
    public void The_tree_lists_a_message_in_its_order_with_each_line_above_its_fields()
    {
        var (packet, frame) = Decoded("POST /f HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nok");
        Assert.True(OrderedItems.TryStart(packet, 4, frame, out var items));
        var shown = new List<string>();
        while (items.MoveNext())
        {
            if (items.Field.InTree)
                shown.Add($"{items.Depth}:{(items.Field.TreeOnly ? items.Field.Label : items.Field.Name)}");
        }
        Assert.Equal(["0:Start line", "1:http.request.method", "1:http.request.uri", "1:http.request.version",
            "0:http.request.line", "1:http.host", "0:http.request.line", "1:http.content_length_header", "2:http.content_length",
            "0:Blank line", "0:http.request.full_uri", "0:http.request", "0:http.file_data"], shown);
        Assert.False(OrderedItems.TryStart(packet, 3, frame, out _)); // TCP's tree follows its field table
    }

    [Fact]
    public void Every_prefix_of_http_segments_decodes_without_throwing()
    {
        Decode.EveryPrefix(Segment(Get), LinkType.Ethernet);
        Decode.EveryPrefix(Segment(Ascii("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 4\r\n\r\nbody"), 80, 40000), LinkType.Ethernet);
        Decode.EveryPrefix(Segment(Ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"), 80, 40000), LinkType.Ethernet);
    }

    [Fact]
    public void A_message_the_capture_cut_is_truncated_and_keeps_what_fit()
    {
        var frame = Segment(Ascii("GET / HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n"));
        var packet = Decode.Frame(frame[..(PayloadOffset + 24)], LinkType.Ethernet, originalLength: frame.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal((LayerKind.Http, LayerStatus.Truncated), (packet[4].Kind, packet[4].Status));
        Assert.Equal("ex", Decode.Field(packet, frame[..(PayloadOffset + 24)], "http.host"));
    }

    [Fact]
    public void Thousands_of_headers_and_very_long_lines_are_read_whole_in_linear_time()
    {
        // Within one IPv4 packet's 65,535 bytes.
        var text = new StringBuilder("GET /many HTTP/1.1\r\nCookie: k=").Append('v', 12000).Append("\r\n");
        for (int i = 0; i < 2000; i++)
            text.Append("X-H").Append(i).Append(": value ").Append(i).Append("\r\n");
        text.Append("\r\n");
        var (packet, frame) = Decoded(text.ToString());
        Assert.True(FieldCatalog.TryFind("http.request.line", out var lines));
        var clock = Stopwatch.StartNew();
        int count = FieldReader.Count(lines[0], packet, 4, frame);
        Assert.Equal(2001, count);
        Assert.True(clock.ElapsedMilliseconds < 2000, $"reading 2001 lines took {clock.ElapsedMilliseconds} ms");
        Assert.True(FieldReader.TryRead(lines[0], packet, 4, frame, 2000, out var last));
        Assert.Equal(@"X-H1999: value 1999\r\n", FieldFormatter.Format(lines[0], last, frame));
        Assert.Equal(12002, Decode.Field(packet, frame, "http.cookie")!.Length);
    }

    [Fact]
    public void Random_bytes_on_an_http_port_never_throw_and_every_field_formats()
    {
        var random = new Random(13);
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        var pieces = new[] { "GET ", "HTTP/1.1 ", "200 ", "\r\n", "\n", "\r", ": ", "Host", "Content-Length: ", "Transfer-Encoding: chunked",
            "0", "ff", "-1", "\0", "\x80", " ", "Content-Type: application/json", "\r\n\r\n", "HEAD", "x" };
        int http = 0;
        for (int i = 0; i < 20000; i++)
        {
            var payload = new StringBuilder();
            for (int n = random.Next(1, 30); n > 0; n--)
                payload.Append(random.Next(4) == 0 ? ((char)random.Next(256)).ToString() : pieces[random.Next(pieces.Length)]);
            var frame = Segment(Ascii(payload.ToString()), 40000, 80, fin: random.Next(4) == 0);
            int kept = random.Next(3) == 0 ? random.Next(PayloadOffset, frame.Length + 1) : frame.Length;
            decoder.Decode(frame.AsSpan(0, kept), new FrameMetadata(0, kept, frame.Length, LinkType.Ethernet), i + 1, packet);
            http += packet.Has(LayerKind.Http) ? 1 : 0;
            Decode.AllFields(packet, frame.AsSpan(0, kept), text);
            if (OrderedItems.TryStart(packet, packet.LayerCount - 1, frame.AsSpan(0, kept), out var items))
            {
                while (items.MoveNext())
                    Assert.True(items.Value.Offset >= 0 && items.Value.Offset + items.Value.Length <= kept);
            }
        }
        Assert.True(http > 1000, $"only {http} of the random segments were HTTP");
    }

    [Fact]
    public void Decoding_and_reading_every_http_field_allocates_nothing()
    {
        var frames = Decoding.Samples.Read(Path.Combine(RawNet.Testing.TestPaths.Captures, "http", "http-cases.pcap"));
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        var text = new char[1 << 16];
        long allocated = 0;
        for (int pass = 0; pass < 3; pass++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < frames.Count; i++)
            {
                decoder.Decode(frames[i].Data, frames[i].Metadata, i + 1, packet);
                Decode.AllFields(packet, frames[i].Data, text);
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Assert.Equal(0, allocated);
    }
}
