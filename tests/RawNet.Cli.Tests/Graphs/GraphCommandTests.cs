using RawNet.Testing;

namespace RawNet.Cli.Tests.Graphs;

/// <summary>What <c>rawnet graph</c> says, in one line each, when it cannot draw what was asked.</summary>
public sealed class GraphCommandTests
{
    private static string Lossy => Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-lossy-upload.pcap");

    [Theory]
    [InlineData(new[] { "--stream", "3", "--kind", "tseq" }, 2, "rawnet: graph: {0} has no TCP stream 3 (its only one is 0)")]
    [InlineData(new[] { "--kind", "tseq", "-o", "/nonexistent-dir/out.svg" }, 1, "rawnet: graph: cannot write /nonexistent-dir/out.svg: No such directory")]
    [InlineData(new[] { "--kind", "tseq", "-o", "out.jpg" }, 2, "rawnet: graph: -o out.jpg: the file's name must end in .svg or .png")]
    [InlineData(new string[0], 2, "rawnet: graph: give --kind KIND (a TCP stream graph) or --io INTERVAL (the I/O graph)")]
    [InlineData(new[] { "--kind", "rtt", "--io", "1s" }, 2, "rawnet: graph: --kind and --io draw different graphs; give one of them")]
    [InlineData(new[] { "--kind", "rtt", "--filter", "tcp" }, 2, "rawnet: graph: --filter chooses the I/O graph's series; use it with --io")]
    [InlineData(new[] { "--io", "0" }, 2, "rawnet: graph: --io 0: give a positive interval (1, 1s, 100ms, 0.01)")]
    [InlineData(new[] { "--io", "1s", "--stream", "1" }, 2, "rawnet: graph: --stream, --direction and --ma-window are for the TCP stream graphs (--kind)")]
    [InlineData(new[] { "--io", "1us" }, 2, "rawnet: graph: the capture lasts more than 262,144 intervals of 1 µs; give a longer --io interval")]
    [InlineData(new[] { "--io", "1s", "-Y", "a", "-Y", "b", "-Y", "c", "-Y", "d", "-Y", "e", "-Y", "f" }, 2, "rawnet: graph: at most 5 --filter series")]
    [InlineData(new[] { "--io", "1s", "--filter", "tcp.port ==" }, 2, "rawnet: --filter: ")]
    [InlineData(new[] { "--kind", "throughput", "--ma-window", "-1" }, 2, "rawnet: graph: --ma-window -1: give a positive time (1, 0.5s, 100ms, 250us)")]
    [InlineData(new[] { "--kind", "tseq", "--from", "2", "--to", "1" }, 2, "rawnet: graph: --to must come after --from")]
    public void Problems_are_one_line(string[] options, int exit, string message)
    {
        var (code, stdout, stderr) = InProcessRawNet.Run(["graph", Lossy, .. options]);
        Assert.Equal(exit, code);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith(string.Format(message, Lossy), lines[0]);
    }

    /// <summary>In tcp-lost-segment.pcap the server (port 9) only acknowledges: nothing to draw of its own data.</summary>
    [Theory]
    [InlineData("tseq", "rawnet: graph: stream 0 carries no data from 198.18.0.2:9 to 198.18.0.1:40500")]
    [InlineData("throughput", "rawnet: graph: stream 0 carries no data from 198.18.0.2:9 to 198.18.0.1:40500")]
    [InlineData("window", "rawnet: graph: stream 0 has no bytes in flight from 198.18.0.2:9 to 198.18.0.1:40500 (it carries no data that way)")]
    public void A_direction_without_data_has_nothing_to_draw(string kind, string message)
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("graph", Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-lost-segment.pcap"), "--kind", kind, "--direction", "server");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal(message + "\n", stderr);
    }

    [Fact]
    public void A_capture_without_tcp_says_it_has_no_streams()
    {
        string path = Path.Combine(TestPaths.Captures, "udp-exchange.pcap");
        var (code, _, stderr) = InProcessRawNet.Run("graph", path, "--kind", "tseq");
        Assert.Equal(2, code);
        Assert.Equal($"rawnet: graph: {path} has no TCP stream 0 (it has no TCP streams)\n", stderr);
    }

    [Fact]
    public void A_missing_capture_is_reported_as_read_reports_it()
    {
        var (code, _, stderr) = InProcessRawNet.Run("graph", "/nonexistent.pcap", "--kind", "tseq");
        Assert.Equal(1, code);
        Assert.Equal("rawnet: /nonexistent.pcap: No such file\n", stderr);
    }
}
