using RawNet.Files;
using RawNet.Output.Filters;
using RawNet.Protocols.Decoding;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Filters;

/// <summary>
/// What a filter selects from the bundled captures (the expected frame numbers are what tshark 4.0 selects with the same
/// -Y), and that matching allocates nothing.
/// </summary>
public sealed class DisplayFilterMatchTests
{
    // icmp-errors.pcap: 1 UDP, 2 ICMP port unreachable quoting it, 3 TCP SYN, 4 ICMP quoting TCP, 5 UDP over IPv6,
    // 6 ICMPv6 quoting it, 7 and 8 an ICMP echo request and reply.
    [Theory]
    [InlineData("icmp-errors.pcap", "udp", "1 2 5 6")]
    [InlineData("icmp-errors.pcap", "ip", "1 2 3 4 7 8")]
    [InlineData("icmp-errors.pcap", "ipv6", "5 6")]
    [InlineData("icmp-errors.pcap", "icmp", "2 4 7 8")]
    [InlineData("icmp-errors.pcap", "!icmp", "1 3 5 6")]
    [InlineData("icmp-errors.pcap", "ip.src == 198.18.0.2", "2 8")]
    [InlineData("icmp-errors.pcap", "ip.src eq 198.18.0.2 and not icmp", "")]
    [InlineData("icmp-errors.pcap", "tcp.port != 1", "3 4")]
    [InlineData("icmp-errors.pcap", "udp.port != 1", "1 2 5 6")]
    [InlineData("icmp-errors.pcap", "arp.opcode != 5", "")]
    [InlineData("icmp-errors.pcap", "eth.src == 02-00-00-00-00-01", "1 3 5 7")]
    [InlineData("icmp-errors.pcap", "eth.src == 0200.0000.0001", "1 3 5 7")]
    [InlineData("icmp-errors.pcap", "eth.src > 02:00:00:00:00:01", "2 4 6 8")]
    [InlineData("icmp-errors.pcap", "ip.src == 198.18.0.2/32", "2 8")]
    [InlineData("icmp-errors.pcap", "ipv6.addr == 2001:db8::/32", "5 6")]
    [InlineData("icmp-errors.pcap", "ip.proto == 17 || ip.proto == 1", "1 2 4 7 8")]
    [InlineData("icmp-errors.pcap", "udp.srcport > udp.dstport", "1 2 5 6")]
    [InlineData("icmp-errors.pcap", "ip.src == ip.dst", "2 4")]
    [InlineData("icmp-errors.pcap", "ip.src != ip.dst", "1 3 7 8")]
    [InlineData("icmp-errors.pcap", "ip.src > ip.dst", "2 4 8")]
    [InlineData("icmp-errors.pcap", "tcp.srcport != tcp.dstport", "3 4")]
    [InlineData("icmp-errors.pcap", "tcp.srcport == tcp.port", "3 4")]
    [InlineData("icmp-errors.pcap", "tcp.srcport == tcp.dstport", "")]
    [InlineData("icmp-errors.pcap", "tcp.port in {80, 443}", "3 4")]
    [InlineData("icmp-errors.pcap", "ip.proto in {17, 1}", "1 2 4 7 8")]
    [InlineData("icmp-errors.pcap", "ip.proto in {1..17}", "1 2 3 4 7 8")]
    [InlineData("icmp-errors.pcap", "udp.port in {9, 30000..40000}", "1 2 5 6")]
    [InlineData("icmp-errors.pcap", "ip.src in {198.18.0.2, 198.18.0.254}", "2 4 8")]
    [InlineData("icmp-errors.pcap", "ip.src in {198.18.0.0/24}", "1 2 3 4 7 8")]
    [InlineData("icmp-errors.pcap", "ip.src in {198.18.0.1..198.18.0.3}", "1 2 3 4 7 8")]
    [InlineData("icmp-errors.pcap", "ip.proto not in {17, 1}", "3 5 6")]
    [InlineData("icmp-errors.pcap", "tcp.flags.syn in {1}", "3")]
    [InlineData("icmp-errors.pcap", "tcp.flags & 0x02", "3")]
    [InlineData("icmp-errors.pcap", "tcp.flags & 0x02 == 2", "3")]
    [InlineData("tcp-handshake-ipv4.pcap", "ip.addr != 198.18.0.1", "")]
    [InlineData("tcp-handshake-ipv4.pcap", "ip.addr !== 198.18.0.1", "1 2 3 4 5 6 7 8 9 10")]
    [InlineData("tcp-handshake-ipv4.pcap", "ip.src != 198.18.0.1", "2 5 6 9")]
    [InlineData("tcp-handshake-ipv4.pcap", "ip.src > 198.18.0.1", "2 5 6 9")]
    [InlineData("tcp-handshake-ipv4.pcap", "tcp.flags.syn == True", "1 2")]
    [InlineData("tcp-handshake-ipv4.pcap", "tcp.flags.syn == 2", "1 2")]
    [InlineData("tcp-handshake-ipv4.pcap", "tcp.flags.syn", "1 2 3 4 5 6 7 8 9 10")]
    [InlineData("tcp-handshake-ipv4.pcap", "tcp.port == 0x50", "1 2 3 4 5 6 7 8 9 10")]
    [InlineData("tcp-handshake-ipv4.pcap", "frame.time_epoch > 1700000000", "2 3 4 5 6 7 8 9 10")]
    [InlineData("tcp-handshake-ipv4.pcap", "frame.time_epoch == 1700000000.0", "1")]
    [InlineData("tcp-handshake-ipv4.pcap", "frame.time_epoch <= 1700000000.002", "1 2 3")]
    [InlineData("tcp-handshake-ipv4.pcap", "frame.number >= 9 || frame.number < 2", "1 9 10")]
    [InlineData("tcp-handshake-ipv4.pcap", "frame.number > 2 && frame.number < 5 || frame.number == 7", "3 4 7")]
    [InlineData("tcp-handshake-ipv4.pcap", "frame.number > 2 && (frame.number < 5 || frame.number == 7)", "3 4 7")]
    [InlineData("tcp-handshake-ipv4.pcap", "frame.number == 1 || frame.number == 2 && frame.number == 3", "1")]
    [InlineData("tcp-handshake-ipv4.pcap", "(frame.number == 1 || frame.number == 2) && frame.number == 3", "")]
    [InlineData("tcp-handshake-ipv4.pcap", "!frame.number == 1 && frame.number < 4", "2 3")]
    [InlineData("tcp-handshake-ipv4.pcap", "not (frame.number == 1 and frame.number < 4)", "2 3 4 5 6 7 8 9 10")]
    // filters/strings-bytes.pcap (captures/make-filter-captures.py): UDP payloads 1 an HTTP-like request, 2 47:04, 3 02:55,
    // 4 ff, 5 "GET / " e9 c9 " abc" 00 "def", 6 "café CAFÉ" in UTF-8, 7 none, 8 2,500 x and END-MARK, 9 40 a and a b;
    // TCP payloads 10 "POST /x" (IPv4), 11 00 and 12 "done: 200 OK\r\n" (IPv6).
    [InlineData("filters/strings-bytes.pcap", "udp.payload contains \"GET\"", "1 5")]
    [InlineData("filters/strings-bytes.pcap", "frame contains 47:45:54", "1 5")]
    [InlineData("filters/strings-bytes.pcap", "data.data contains \"abc\\x00def\"", "5")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload matches \"caf\\xc3\\xa9\"", "6")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload matches \"(?-i)CAF\"", "6")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload matches \"[\\\\x80-\\\\xff]{2}\"", "5 6")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload matches \"END-MARK$\"", "8")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload == 474", "2")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload == 0255", "3")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload contains 0xff", "4")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload[0] == 47", "1 2 5")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload[0] == 'G'", "1 2 5")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload[-3:] == \"def\"", "5")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload[0:2] == udp.payload[1:2]", "4 8 9")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload[5:3] == \"\"", "2 3 4")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload[1:5]", "1 5 6 8 9")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload > 47", "1 2 3 4 5 6 8 9")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload < 03", "")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload in {0xff, 47:04}", "2 4")]
    [InlineData("filters/strings-bytes.pcap", "tcp.payload[0:4] == \"POST\"", "10")]
    [InlineData("filters/strings-bytes.pcap", "tcp.payload == 00", "11")]
    [InlineData("filters/strings-bytes.pcap", "tcp.payload matches \"^done\"", "12")]
    [InlineData("filters/strings-bytes.pcap", "frame[12:2] == 86:dd", "11 12")]
    [InlineData("filters/strings-bytes.pcap", "frame[0:6] == eth.dst", "1 2 3 4 5 6 7 8 9 10 11 12")]
    [InlineData("filters/strings-bytes.pcap", "ipv6[6] == 6", "11 12")]
    [InlineData("filters/strings-bytes.pcap", "udp[4:2] == 00:0a", "2 3")]
    [InlineData("filters/strings-bytes.pcap", "eth.dst[5] & 01", "11 12")]
    [InlineData("filters/strings-bytes.pcap", "udp.payload & 80", "4")]
    [InlineData("filters/strings-bytes.pcap", "data.len > 100", "8")]
    [InlineData("filters/strings-bytes.pcap", "data", "1 2 3 4 5 6 8 9 10 11 12")]
    [InlineData("filters/strings-bytes.pcap", "frame[-2:] == \"\\r\\n\"", "1 12")]
    [InlineData("filters/strings-bytes.pcap", "tcp contains \"done\"", "12")]
    [InlineData("filters/strings-bytes.pcap", "ip contains \"POST\"", "10")]
    public void Selects_what_tshark_selects(string file, string expression, string expected)
    {
        Assert.True(DisplayFilter.TryParse(expression, out var filter, out var error), error?.Message);
        var selected = new List<long>();
        foreach (var (data, metadata, number) in Frames(Path.Combine(TestPaths.Captures, file)))
        {
            var packet = Decode(data, metadata, number);
            if (filter.Matches(packet, data))
                selected.Add(number);
        }
        Assert.Equal(expected, string.Join(' ', selected));
    }

    [Fact]
    public void Matching_allocates_nothing_per_packet()
    {
        string[] expressions =
        [
            "tcp", "ip.addr == 198.18.0.0/16 && !(tcp.srcport == 80)", "ipv6.addr == 2001:db8::1 || eth.src == 02:00:00:00:00:01",
            "tcp.options.mss_val >= 1000", "frame.time_epoch > 1700000000.5", "tcp.flags.syn == 1 and ip.ttl lt 100",
            "udp.port != 53", "icmp.type ~= 8", "frame.len >= 60", "ip.src != ip.dst", "tcp.srcport < tcp.dstport",
            "tcp.port in {80, 443, 1000..2000}", "ip.addr not in {10.0.0.0/8}", "tcp.flags & 0x12 == 0x12",
            "frame contains \"GET\"", "udp.payload matches \"(?-i)caf\\xc3\\xa9\"", "udp.payload matches \"(x)\\\\1{100}\"",
            "frame[12:2] == 08:00", "frame[0:2,4:2] != 02:00:00:00", "tcp.payload[0:4] == \"POST\"", "eth.dst[0] & 1",
            "udp.payload[1:5] contains 00", "dns.qry.name contains \"example\"", "dns.qry.name matches \"^www\\\\.\"",
            "dns.qry.name > \"m\"", "dns.qry.name in {\"a\"..\"f\"}", "dns.qry.name[-3:] == \"com\"", "ipv6[40:1]",
            "tcp contains \"done\"", "data.data", "frame[0:6] == eth.dst",
        ];
        var filters = expressions.Select(e => DisplayFilter.TryParse(e, out var f, out var error) ? f : throw new InvalidOperationException(e + ": " + error.Message)).ToArray();
        var frames = Directory.GetFiles(TestPaths.Captures, "*.pcap").Order(StringComparer.Ordinal)
            .Append(Path.Combine(TestPaths.Captures, "filters", "strings-bytes.pcap"))
            .Append(Path.Combine(TestPaths.Captures, "dns", "dns-cases.pcap")).SelectMany(Frames).ToList();
        var decoder = new PacketDecoder(new DecoderOptions(Defragment: false));
        var packet = new DecodedPacket();
        int matched = 0;

        void Pass()
        {
            for (int i = 0; i < frames.Count; i++)
            {
                decoder.Decode(frames[i].Data, frames[i].Metadata, i + 1, packet);
                foreach (var filter in filters)
                {
                    if (filter.Matches(packet, frames[i].Data))
                        matched++;
                }
            }
        }

        Pass();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
            Pass();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(matched > 0);
    }

    private static DecodedPacket Decode(byte[] data, RawNet.Protocols.FrameMetadata metadata, long number)
    {
        var packet = new DecodedPacket();
        new PacketDecoder(new DecoderOptions(Defragment: false)).Decode(data, metadata, number, packet);
        return packet;
    }

    private static IEnumerable<(byte[] Data, RawNet.Protocols.FrameMetadata Metadata, long Number)> Frames(string path)
    {
        using var reader = CaptureFileReader.Open(path);
        long number = 0;
        while (reader.TryReadNext(out var frame))
            yield return (frame.Data.ToArray(), frame.Metadata, ++number);
    }
}
