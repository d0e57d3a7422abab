using RawNet.Plotting;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Graphs;

/// <summary>
/// <c>rawnet graph</c>'s whole output against reviewed files in expected/graphs/ beside each capture: the terminal form of
/// every kind on every capture with TCP (NAME.KIND.txt: standard output, then standard error and the exit code, so a
/// kind the stream cannot draw is pinned too), I/O graphs, a zoomed range with a cursor, and SVG files of every kind on
/// the teaching captures (NAME.KIND.svg; the SVG is deterministic: fixed size and font, no dates).
/// Set RAWNET_UPDATE_GOLDEN=1 to rewrite them, then review the diff (and open the SVGs) before committing.
/// </summary>
public sealed class GraphGoldenTests
{
    public static readonly string[] Kinds = ["tseq", "tcptrace", "throughput", "rtt", "window"];

    /// <summary>The captures whose SVGs are pinned: the real lossy transfer and the crafted cases a class looks at first.</summary>
    public static readonly string[] SvgCaptures =
    [
        "tcp-analysis/tcp-lossy-upload.pcap", "tcp-analysis/tcp-fast-retransmission.pcap", "tcp-analysis/tcp-zero-window.pcap",
        "tcp-analysis/tcp-window-scaling.pcap",
    ];

    public static TheoryData<string, string> TerminalCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var capture in StreamCapture.WithTcp().Select(row => row.Data))
        {
            foreach (var kind in Kinds)
                data.Add(capture, kind);
        }
        return data;
    }

    public static TheoryData<string, string> SvgCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var capture in SvgCaptures)
        {
            foreach (var kind in Kinds)
                data.Add(capture, kind);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TerminalCases))]
    public void Terminal_graph_matches_the_reviewed_golden_file(string capture, string kind) =>
        CompareText(capture, kind, ["--kind", kind, "--stream", "0"]);

    [Theory]
    [InlineData("tcp-analysis/tcp-lossy-upload.pcap", "io-10ms", new[] { "--io", "10ms", "--filter", "tcp.analysis.flags", "--filter", "tcp.len > 0" })]
    [InlineData("tcp-analysis/tcp-lossy-upload.pcap", "io-bytes", new[] { "--io", "0.05", "--unit", "bytes" })]
    [InlineData("tcp-analysis/tcp-port-reuse.pcap", "io-streams", new[] { "--io", "1ms", "-Y", "tcp.stream == 0", "-Y", "tcp.stream == 1", "-Y", "tcp.stream == 2" })]
    [InlineData("tcp-analysis/tcp-lossy-upload.pcap", "tcptrace-zoom-cursor", new[] { "--kind", "tcptrace", "--from", "0.07", "--to", "0.11", "--cursor", "0.0749" })]
    [InlineData("tcp-analysis/tcp-lossy-upload.pcap", "throughput-100ms", new[] { "--kind", "throughput", "--ma-window", "100ms" })]
    [InlineData("tcp-analysis/tcp-lossy-upload.pcap", "tseq-server", new[] { "--kind", "tseq", "--direction", "server" })]
    [InlineData("tcp-analysis/tcp-port-reuse.pcap", "tseq-stream-2", new[] { "--kind", "tseq", "--stream", "2" })]
    public void Other_terminal_graphs_match_their_golden_files(string capture, string name, string[] options) => CompareText(capture, name, options);

    /// <summary>A lab capture with the sender's TCP_INFO samples: the kernel's series drawn next to the packets (issue 15).</summary>
    [Theory]
    [InlineData("tseq")]
    [InlineData("tcptrace")]
    [InlineData("rtt")]
    [InlineData("window")]
    [InlineData("throughput")]
    public void Graphs_of_a_capture_with_tcp_info_draw_the_kernels_series(string kind)
    {
        const string capture = "lab/lab-upload-tcpinfo.pcapng";
        CompareText(capture, kind, ["--kind", kind, "--stream", "0"]);
        if (kind == "window")
        {
            string output = Path.Combine(Path.GetTempPath(), $"rawnet-graph-{Environment.ProcessId}-tcpinfo-window.svg");
            try
            {
                var (code, _, stderr) = InProcessRawNet.Run("graph", Path.Combine(TestPaths.Captures, capture), "--kind", "window", "-o", output);
                Assert.Equal("", stderr);
                Assert.Equal(0, code);
                var svg = File.ReadAllText(output);
                Assert.Contains("cwnd (kernel: tcpi_snd_cwnd × MSS)", svg);
                Assert.Contains("ssthresh (kernel: tcpi_snd_ssthresh × MSS)", svg);
                GoldenFile.Check(Golden(capture, "window.svg"), svg);
            }
            finally
            {
                File.Delete(output);
            }
        }
    }

    [Theory]
    [MemberData(nameof(SvgCases))]
    public void Svg_matches_the_reviewed_golden_file(string capture, string kind)
    {
        string path = Path.Combine(TestPaths.Captures, capture);
        string output = Path.Combine(Path.GetTempPath(), $"rawnet-graph-{Environment.ProcessId}-{Path.GetFileNameWithoutExtension(capture)}-{kind}.svg");
        try
        {
            var (code, stdout, stderr) = InProcessRawNet.Run("graph", path, "--kind", kind, "-o", output);
            Assert.Equal("", stderr);
            Assert.Equal(0, code);
            Assert.Equal("", stdout);
            GoldenFile.Check(Golden(capture, kind + ".svg"), File.ReadAllText(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void The_io_graph_svg_matches_its_golden_file()
    {
        const string capture = "tcp-analysis/tcp-lossy-upload.pcap";
        string output = Path.Combine(Path.GetTempPath(), $"rawnet-graph-{Environment.ProcessId}-io.svg");
        try
        {
            var (code, _, stderr) = InProcessRawNet.Run("graph", Path.Combine(TestPaths.Captures, capture), "--io", "10ms", "--filter", "tcp.analysis.flags", "-o", output);
            Assert.Equal("", stderr);
            Assert.Equal(0, code);
            GoldenFile.Check(Golden(capture, "io-10ms.svg"), File.ReadAllText(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>The same graph drawn twice in one process gives the same bytes (Skia's clip-path numbers are renumbered).</summary>
    [Fact]
    public void Svg_is_the_same_every_time()
    {
        var segments = StreamCapture.Segments(Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-fast-retransmission.pcap"), 0);
        Assert.True(Output.Graphs.TcpGraphs.TryBuild(segments, Output.Graphs.TcpGraphKind.TimeSequenceTcptrace, segments.BusierDirection(), new(), out var graph, out _));
        string first = GraphFileWriter.Svg(graph), second = GraphFileWriter.Svg(graph);
        Assert.Equal(first, second);
        Assert.Contains("cl_1\"", first);
        Assert.DoesNotContain(DateTime.UtcNow.Year.ToString(), first);
    }

    [Fact]
    public void Png_is_a_png_of_the_size_asked_for()
    {
        string output = Path.Combine(Path.GetTempPath(), $"rawnet-graph-{Environment.ProcessId}.PNG");
        try
        {
            var (code, _, stderr) = InProcessRawNet.Run("graph", Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-lossy-upload.pcap"), "--kind", "rtt",
                "-o", output, "--width", "640", "--height", "400");
            Assert.Equal("", stderr);
            Assert.Equal(0, code);
            var bytes = File.ReadAllBytes(output);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
            Assert.Equal(640, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
            Assert.Equal(400, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static void CompareText(string capture, string name, string[] options)
    {
        string path = Path.Combine(TestPaths.Captures, capture);
        var (code, stdout, stderr) = InProcessRawNet.Run(["graph", path, .. options, "--width", "100", "--height", "30", "--color", "never"]);
        string text = stdout + (stderr.Length > 0 ? "stderr: " + stderr.Replace(path, "captures/" + capture, StringComparison.Ordinal) : "") + $"exit {code}\n";
        GoldenFile.Check(Golden(capture, name + ".txt"), text);
    }

    private static string Golden(string capture, string name) =>
        Path.Combine(TestPaths.Captures, Path.GetDirectoryName(capture)!, "expected", "graphs", Path.GetFileNameWithoutExtension(capture) + "." + name);
}
