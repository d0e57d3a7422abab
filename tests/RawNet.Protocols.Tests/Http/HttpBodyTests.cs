using System.Text;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Http;
using RawNet.Testing;
using static RawNet.Protocols.Tests.Http.HttpFrames;

namespace RawNet.Protocols.Tests.Http;

/// <summary>
/// HTTP bodies' dissectors in frame.protocols (HttpOracleTests compares whole captures with tshark 4.0): the media types,
/// JSON as tshark's grammar takes it (its depth limit found with tshark 4.0.17), MIME parts, hostile bodies.
/// </summary>
public sealed class HttpBodyTests
{
    private static string Post(string type, string body) =>
        $"POST /b HTTP/1.1\r\nHost: h\r\nContent-Type: {type}\r\nContent-Length: {Encoding.ASCII.GetByteCount(body)}\r\n\r\n{body}";

    private static string? Chain(string payload)
    {
        var frame = Segment(payload);
        return Decode.Field(Decode.Frame(frame, LinkType.Ethernet), frame, "frame.protocols");
    }

    [Theory]
    [InlineData("text/html; charset=utf-8", "<p>x</p>\n", "data-text-lines")]
    [InlineData("TEXT/PLAIN", "x", "data-text-lines")]
    [InlineData("text/plain", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a/>", "data-text-lines:xml")]
    [InlineData("text/csv", "a,b", "media")]
    [InlineData("application/octet-stream", "\u0001", "data")]
    [InlineData("application/json", "{\"a\": [1, 2.5e3, true, null, \"\\u0041\"]}\n", "json")]
    [InlineData("application/json", "[1 2]", "json")]
    [InlineData("application/json", "{\"open\": \"never", "json:data-text-lines")]
    [InlineData("application/json", "{} trailing", "json:data-text-lines")]
    [InlineData("application/xml", "<a/>", "xml")]
    [InlineData("application/x-www-form-urlencoded", "novalue&&x%zz", "urlencoded-form")]
    [InlineData("message/http", "GET / HTTP/1.1\r\n\r\n", "message-http")]
    [InlineData("multipart/related", "--zz\r\n\r\nx\r\n--zz--\r\n", "mime_multipart:data")]
    [InlineData("multipart/form-data; boundary=zz", "--zz\r\nContent-Type: text/plain\r\n\r\nnever closed\r\n", "mime_multipart")]
    [InlineData("multipart/mixed; boundary=\"b 1\"", "--b 1\r\nContent-Type: text/plain\r\n\r\nx\r\n--b 1\r\n\r\nuntyped\r\n--b 1\r\nContent-Type: image/gif\r\n\r\nGIF\r\n--b 1--\r\n",
        "mime_multipart:data-text-lines:data:media")]
    public void A_body_is_named_after_its_dissector(string type, string body, string expected) =>
        Assert.Equal("eth:ethertype:ip:tcp:http:" + expected, Chain(Post(type, body)));

    [Fact]
    public void A_message_without_a_body_type_goes_to_data_and_one_without_a_body_to_nothing()
    {
        Assert.Equal("eth:ethertype:ip:tcp:http:data", Chain("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        Assert.Equal("eth:ethertype:ip:tcp:http", Chain("GET / HTTP/1.1\r\nHost: h\r\n\r\n"));
        Assert.Equal("eth:ethertype:ip:tcp:http:data:data", Chain("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n1HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n2"));
    }

    [Theory]
    // tshark 4.0.17 takes 25 nested empty arrays and 19 nested objects, not one more (tvbparse's recursion limit of 100).
    [InlineData(25, true, true)]
    [InlineData(26, true, false)]
    [InlineData(19, false, true)]
    [InlineData(20, false, false)]
    public void Json_nesting_ends_where_tsharks_grammar_gives_up(int depth, bool arrays, bool whole)
    {
        var body = arrays ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        Assert.Equal(whole, JsonValidation.IsValid(Encoding.ASCII.GetBytes(body)));
    }

    [Fact]
    public void Json_walks_stop_where_the_grammar_does()
    {
        Assert.Equal(0, JsonValidation.ParsedLength(""u8));
        Assert.Equal(0, JsonValidation.ParsedLength("  1"u8));
        Assert.Equal(3, JsonValidation.ParsedLength("{} x"u8));
        Assert.Equal(10, JsonValidation.ParsedLength("[]\n[ ]\t{}\n"u8));
    }

    [Fact]
    public void The_boundary_is_read_from_the_parameters_quoted_or_not()
    {
        Assert.True(MimeMultipart.TryBoundary("multipart/mixed; charset=x; boundary=\"a b\""u8, out var quoted));
        Assert.Equal("a b", Encoding.ASCII.GetString(quoted));
        Assert.True(MimeMultipart.TryBoundary("multipart/mixed;boundary=zz ;x=y"u8, out var plain));
        Assert.Equal("zz", Encoding.ASCII.GetString(plain));
        Assert.False(MimeMultipart.TryBoundary("multipart/mixed"u8, out _));
        Assert.False(MimeMultipart.TryBoundary("multipart/mixed; charset=x"u8, out _));
    }

    [Fact]
    public void Hostile_bodies_end_quickly_and_within_their_bytes()
    {
        var random = new Random(7);
        byte[] alphabet = Encoding.ASCII.GetBytes("{}[]\",:\\u0123456789-+.eEtruefalsnNa \r\n\t-x");
        var started = ThreadCpuClock.Now();
        for (int i = 0; i < 5000; i++)
        {
            var body = new byte[random.Next(0, 200)];
            for (int j = 0; j < body.Length; j++)
                body[j] = random.Next(8) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            int parsed = JsonValidation.ParsedLength(body);
            Assert.InRange(parsed, 0, body.Length);
            if (MimeMultipart.TryStart(body, "multipart/mixed; boundary=x"u8, out var parts))
            {
                int count = 0;
                while (parts.MoveNext())
                    count++;
                Assert.InRange(count, 0, MimeMultipart.MaxParts);
            }
        }
        // A megabyte of brackets, and a multipart of ten thousand empty parts: bounded walks.
        Assert.Equal(0, JsonValidation.ParsedLength(Encoding.ASCII.GetBytes(new string('[', 1 << 20))));
        var many = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("--x\r\n", 10_000)));
        Assert.True(MimeMultipart.TryStart(many, "multipart/mixed; boundary=x"u8, out var walk));
        int walked = 0;
        while (walk.MoveNext())
            walked++;
        Assert.Equal(MimeMultipart.MaxParts, walked);
        var used = ThreadCpuClock.Now() - started;
        Assert.True(used < TimeSpan.FromSeconds(20), $"took {used} of CPU");
        Assert.NotNull(Chain(Post("application/json", new string('[', 5000))));
        Assert.NotNull(Chain(Post("multipart/mixed; boundary=x", string.Concat(Enumerable.Repeat("--x\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n", 300)))));
    }
}
