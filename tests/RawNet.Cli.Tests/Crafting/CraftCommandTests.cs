using RawNet.Testing;

namespace RawNet.Cli.Tests.Crafting;

/// <summary><c>rawnet craft</c>: output, the "filled by RawNet" marks, -w checked by tshark, and errors that point at the word.</summary>
public sealed class CraftCommandTests
{
    private const string Syn = "eth dst=02:00:00:00:00:02 / ipv4 dst=198.18.0.2 ttl=3 / tcp dport=80 flags=S mss=1460 / 'hello'";

    [Fact]
    public void BriefOutputListsTheFilledFieldsAndAHexDumpWithALayerLegend()
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("craft", "--color", "never", Syn);
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.EndsWith("IP 198.18.0.1.20 > 198.18.0.2.80: Flags [S], seq 0:5, win 8192, options [mss 1460], length 5: HTTP", lines[0]);
        Assert.Equal("Filled by RawNet: eth.type=0x0800 ip.hdr_len=20 ip.len=49 ip.proto=6 ip.checksum=0x2b9f tcp.hdr_len=24 tcp.checksum=0xa7c3", lines[1]);
        Assert.Equal("Layers:  A=eth [0-13]  B=ip [14-33]  C=tcp [34-57]  D=data [58-62]", lines[2]);
        Assert.Equal("0000  02 00 00 00 00 02 02 00  00 00 00 01 08 00 45 00  ..............E.", lines[3]);
        Assert.Equal("      A  -  -  -  -  -  -  -   -  -  -  -  -  -  B  -", lines[4]);
        Assert.DoesNotContain('\e', stdout);
    }

    [Fact]
    public void TreeMarksFilledFieldsAndKeepsAPinnedWrongChecksum()
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("craft", "-V", "--color", "never", "eth / ipv4 chksum=0x1234 / udp / 'x'");
        Assert.True(code == 0, stderr);
        Assert.Contains("    Total Length (ip.len): 29  [16-17]  [filled by RawNet]\n", stdout);
        Assert.Contains("    Header Checksum (ip.checksum): 0x1234  [24-25]\n", stdout);
        Assert.Contains("    [Checksum: BAD, should be 0x", stdout);
        Assert.Contains("    Checksum (udp.checksum): 0x", stdout);
        // tshark's status field says unverified (its default preferences verify no UDP checksum); RawNet's verdict follows it.
        Assert.Contains("[filled by RawNet]\n    Checksum Status (udp.checksum.status): 2  [40-41]\n    [Checksum: good]\n", stdout);
        Assert.DoesNotContain("(ip.ttl): 64  [22-22]  [filled", stdout);
    }

    [Fact]
    public void ColourAlwaysColoursEachLayersBytes()
    {
        var (code, stdout, _) = InProcessRawNet.Run("craft", "--color", "always", "ipv6 / udp");
        Assert.Equal(0, code);
        Assert.Contains("\e[38;5;33m60\e[0m", stdout);
        Assert.Contains("\e[38;5;172m00\e[0m", stdout);
    }

    [Theory]
    [InlineData("eth dst=02:00:00:00:00:02 / ipv4 dst=198.18.0.2 tll=3", "unknown field 'tll' in ipv4", 49)]
    [InlineData("eth / ipv4 / tcp flags=SX", "unknown TCP flag 'X'", 25)]
    [InlineData("eth / ipv4 ttl=300", "ttl=300 is out of range (0-255)", 16)]
    [InlineData("eth / ipv4 / bogus", "unknown layer 'bogus'", 14)]
    [InlineData("tcp / ipv4", "a packet starts with eth, ipv4 or ipv6", 1)]
    [InlineData("eth / ipv4 dst=1.2.3 / udp", "'1.2.3' is not an IPv4 address (for dst)", 16)]
    [InlineData("ipv4 / 'abc' / udp", "the payload must be the last layer", 8)]
    [InlineData("ipv4 / udp / 'abc", "unterminated '...'", 14)]
    public void BadExpressionExitsTwoAndPointsAtTheWord(string expression, string message, int column)
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("craft", expression);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n');
        Assert.Equal($"rawnet: craft: {message} at column {column}", lines[0]);
        Assert.Equal("  " + expression, lines[1]);
        Assert.Equal(new string(' ', column + 1) + "^", lines[2]);
    }

    [Theory]
    [InlineData("pcap")]
    [InlineData("pcapng")]
    public void WrittenFileReadsInTsharkWithTheFieldsAsked(string extension)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-craft-{Guid.NewGuid():N}.{extension}");
        try
        {
            var (code, _, stderr) = InProcessRawNet.Run("craft", "-w", path, "--color", "never",
                "eth / vlan id=7 / ipv4 dst=198.18.0.9 ttl=3 flags=DF / tcp dport=443 flags=SA seq=7 ack=9 mss=1400 sackok ts=5,6 / 'hello'");
            Assert.True(code == 0, stderr);
            var fields = new[] { "vlan.id", "ip.dst", "ip.ttl", "ip.flags.df", "ip.checksum.status", "tcp.dstport", "tcp.flags.syn", "tcp.flags.ack",
                "tcp.options.mss_val", "tcp.options.timestamp.tsval", "tcp.checksum.status", "tcp.len", "tcp.payload" };
            var arguments = new List<string> { "-n", "-r", path, "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE", "-T", "fields" };
            foreach (var field in fields)
                arguments.AddRange(["-e", field]);
            var (tsharkCode, tsharkOut, tsharkErr) = ExternalTool.Run(tshark, arguments);
            Assert.True(tsharkCode == 0, tsharkErr);
            // Booleans print as 1; checksum status 1 is "good".
            Assert.Equal("7\t198.18.0.9\t3\t1\t1\t443\t1\t1\t1400\t5\t1\t5\t68656c6c6f", tsharkOut.TrimEnd('\n'));
        }
        finally
        {
            File.Delete(path);
        }
    }
    [Theory]
    [InlineData("eth / ipv6 / routing addrs=2001:db8::5 / tcp / 'x'")]
    [InlineData("eth / ipv6 / hbh / dstopt / frag id=9 / udp / 'x'")]
    [InlineData("eth / ipv6 / icmpv6 type=packet-too-big mtu=1280 / ipv6 src=2001:db8::2 dst=2001:db8::1 / udp / 'q'")]
    [InlineData("eth / ipv4 options=01010101 / icmp type=dest-unreach code=4 mtu=1400 / ipv4 flags=DF / tcp / 'q'")]
    [InlineData("eth / vlan id=2 / ipv4 / udp / hex:0000")]
    public void TsharkFindsEveryFilledChecksumGood(string expression)
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-craft-{Guid.NewGuid():N}.pcap");
        try
        {
            var (code, _, stderr) = InProcessRawNet.Run("craft", "-w", path, expression);
            Assert.True(code == 0, stderr);
            var arguments = new List<string> { "-n", "-r", path, "-T", "fields", "-E", "separator=,", "-E", "aggregator=," };
            foreach (var protocol in new[] { "ip", "tcp", "udp" })
                arguments.AddRange(["-o", $"{protocol}.check_checksum:TRUE"]);
            foreach (var protocol in new[] { "ip", "tcp", "udp", "icmp", "icmpv6" })
                arguments.AddRange(["-e", $"{protocol}.checksum.status"]);
            var (tsharkCode, tsharkOut, tsharkErr) = ExternalTool.Run(tshark, arguments);
            Assert.True(tsharkCode == 0, tsharkErr);
            var statuses = tsharkOut.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(statuses);
            // 1 is "good"; tshark also verifies the quoted packet's checksums, and the routing header's final destination counts.
            Assert.All(statuses, status => Assert.True(status == "1", $"{expression}: checksum statuses {tsharkOut.Trim()}"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
