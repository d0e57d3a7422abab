using RawNet.Testing;

namespace RawNet.Cli.Tests.Filters;

/// <summary><c>rawnet read FILE -Y EXPR</c>: only matching packets are printed, in every mode, with their numbers in the file.</summary>
public sealed class ReadDisplayFilterTests
{
    private static string IcmpErrors => Path.Combine(TestPaths.Captures, "icmp-errors.pcap");

    [Fact]
    public void Fields_keep_the_frame_numbers_of_the_file()
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("read", IcmpErrors, "-Y", "udp && !icmpv6", "-T", "fields", "-e", "frame.number", "-e", "udp.srcport");
        Assert.True(code == 0, stderr);
        Assert.Equal("1\t50020\n2\t50020\n5\t50021\n", stdout);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("tree")]
    [InlineData("json")]
    public void Every_mode_prints_exactly_the_matching_packets(string mode)
    {
        string[] format = mode switch { "tree" => ["-V"], "json" => ["-T", "json"], _ => [] };
        var all = InProcessRawNet.Run(["read", IcmpErrors, .. format]);
        var filtered = InProcessRawNet.Run(["read", IcmpErrors, "-Y", "ip.src == 198.18.0.2", .. format]);
        Assert.Equal(0, filtered.ExitCode);
        var packets = Split(all.StdOut, mode);
        Assert.Equal(8, packets.Length);
        // Only frame.time_delta_displayed differs: it is measured from the previous packet the filter displayed (frame 8
        // follows frame 2, 6 ms earlier; the first displayed packet has 0), as tshark measures it.
        Assert.Equal(Displayed(packets[1], "0.000000000", mode) + Displayed(packets[7], "0.006000000", mode), string.Concat(Split(filtered.StdOut, mode)));
    }

    /// <summary>A packet's text with its frame.time_delta_displayed value replaced.</summary>
    private static string Displayed(string packet, string delta, string mode)
    {
        var pattern = mode == "json" ? """("frame\.time_delta_displayed":")[0-9.]+""" : """(\(frame\.time_delta_displayed\): )[0-9.]+""";
        return System.Text.RegularExpressions.Regex.Replace(packet, pattern, "${1}" + delta);
    }

    [Fact]
    public void A_filter_matching_nothing_prints_nothing()
    {
        var (code, stdout, _) = InProcessRawNet.Run("read", IcmpErrors, "-Y", "arp");
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
    }

    [Theory]
    [InlineData("tcp.foo == 1", "rawnet: -Y: unknown field 'tcp.foo' at 0\n")]
    [InlineData("tcp.srcprot == 1", "rawnet: -Y: unknown field 'tcp.srcprot' at 0 (did you mean 'tcp.srcport'?)\n")]
    [InlineData("udp && (ip.src == 10.0.0", "rawnet: -Y: '10.0.0' is not a valid IPv4 address at 18\n")]
    [InlineData("udp &&", "rawnet: -Y: missing a field or protocol name at 6\n")]
    [InlineData("udp.payload matches \"(\"", "rawnet: -Y: \"(\" is not a valid regular expression: Not enough )'s at 20\n")]
    [InlineData("udp.payload contains \"GET", "rawnet: -Y: the closing quote is missing from a quoted string at 21\n")]
    [InlineData("udp.port[0] == 0", "rawnet: -Y: udp.port is a number and cannot be sliced into bytes at 0\n")]
    public void A_bad_expression_is_a_usage_error_with_its_position(string expression, string message)
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("read", IcmpErrors, "-Y", expression);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(message, stderr);
    }

    [Fact]
    public void A_regular_expression_that_runs_out_of_time_stops_the_read_with_one_line()
    {
        // Frame 9 of strings-bytes.pcap is 40 'a' and a 'b': (a+)+ followed by a lookahead that fails tries every way of
        // cutting the a's (2^40), and the lookahead keeps the pattern off the linear engine.
        string capture = Path.Combine(TestPaths.Captures, "filters", "strings-bytes.pcap");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, stdout, stderr) = InProcessRawNet.Run("read", capture, "-Y", "udp.payload matches \"(a+)+(?=c)\"", "-T", "fields", "-e", "frame.number");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal("rawnet: -Y: the regular expression \"(a+)+(?=c)\" took more than 1 s on a packet (frame 9); simplify it\n", stderr);
    }

    [Fact]
    public void A_regular_expression_the_linear_engine_can_run_finishes_on_the_same_packet()
    {
        // The same exponential pattern without the lookahead runs on the non-backtracking engine: no timeout, no match.
        string capture = Path.Combine(TestPaths.Captures, "filters", "strings-bytes.pcap");
        var (code, stdout, stderr) = InProcessRawNet.Run("read", capture, "-Y", "udp.payload matches \"(a+)+c\" || udp.payload matches \"^(a+)+b$\"", "-T", "fields", "-e", "frame.number");
        Assert.True(code == 0, stderr);
        Assert.Equal("9\n", stdout);
    }

    private static string[] Split(string output, string mode) => mode switch
    {
        "tree" => output.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => p + "\n\n").ToArray(),
        _ => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l + "\n").ToArray(),
    };
}
