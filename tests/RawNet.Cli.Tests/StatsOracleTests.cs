using System.Text.RegularExpressions;
using RawNet.Cli.Tests.Oracle;
using RawNet.Testing;

namespace RawNet.Cli.Tests;

/// <summary>
/// <c>rawnet stats</c> against tshark as the oracle: every protocol path of <c>tshark -q -z io,phs</c> made only of
/// protocols RawNet decodes must appear in RawNet's hierarchy with the same frame and byte counts.
/// </summary>
public sealed partial class StatsOracleTests
{
    private static readonly HashSet<string> Decoded = ["eth", "vlan", "sll", "arp", "ip", "ipv6", "tcp", "udp", "icmp", "icmpv6", "dns", "http"];

    public static TheoryData<string> Files() =>
    [
        Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap"),
        Path.Combine(TestPaths.Captures, "udp-exchange.pcap"),
        Path.Combine(TestPaths.Captures, "ip-fragments.pcap"),
        Path.Combine(TestPaths.PeerCorpus, "ipv6_http.pcap"),
        Path.Combine(TestPaths.PeerCorpus, "udp-ip-fragmented.pcap"),
        Path.Combine(TestPaths.PeerCorpus, "802.1q_vlan_ipv4_tcp.pcap"),
        Path.Combine(TestPaths.PeerCorpus, "LinuxCookedCapture.pcap"),
        Path.Combine(TestPaths.PeerCorpus, "udp_dns_request_response.pcap"),
        // A 150,000-byte POST put together from 160 segments. (captures/http/http-cases.pcap is left out: tshark counts a
        // message completed by a FIN without data under tcp.segments, docs/cli.md says so.)
        Path.Combine(TestPaths.Captures, "tcp-analysis", "tcp-lossy-upload.pcap"),
    ];

    public static TheoryData<string> AnalysisFiles()
    {
        var folder = Path.Combine(TestPaths.Captures, "tcp-analysis");
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(folder, "*.pcap").Order())
            data.Add(file);
        return data;
    }

    /// <summary>
    /// The streams and the TCP analysis line of <c>rawnet stats</c>: for each tcp.analysis.NAME it lists, as many
    /// segments as <c>tshark -Y tcp.analysis.NAME</c> shows (and nothing it leaves out); the stream counts are tshark's.
    /// </summary>
    [Theory]
    [MemberData(nameof(AnalysisFiles))]
    public void Stream_and_analysis_counts_match_tshark(string file)
    {
        string tshark = ExternalTool.Require("tshark", "tshark");
        var (code, stdout, stderr) = InProcessRawNet.Run("stats", file);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var line = stdout.Split('\n').Single(l => l.StartsWith("TCP analysis", StringComparison.Ordinal));
        var listed = line[(line.IndexOf(':') + 2)..] == "none" ? new Dictionary<string, int>()
            : line[(line.IndexOf(':') + 2)..].Split(", ").Select(p => p.Split(' ')).ToDictionary(p => p[0], p => int.Parse(p[1]));
        string[] names = ["retransmission", "fast_retransmission", "spurious_retransmission", "out_of_order", "lost_segment",
            "ack_lost_segment", "duplicate_ack", "zero_window", "zero_window_probe", "zero_window_probe_ack", "window_full",
            "window_update", "keep_alive", "keep_alive_ack", "reused_ports"];
        var oracle = TsharkComparison.FieldsRun(file, [.. names.Select(name => "tcp.analysis." + name)]);
        Assert.Equal(0, oracle.ExitCode);
        var rows = oracle.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('\t')).ToList();
        for (int i = 0; i < names.Length; i++)
        {
            int expected = rows.Count(r => r[i].Length > 0);
            Assert.True(expected == listed.GetValueOrDefault(names[i]), $"{Path.GetFileName(file)} tcp.analysis.{names[i]}: tshark {expected}, rawnet {listed.GetValueOrDefault(names[i])}");
        }
        var streams = stdout.Split('\n').Single(l => l.StartsWith("Streams:", StringComparison.Ordinal));
        var numbers = TsharkComparison.FieldsRun(file, "tcp.stream", "udp.stream").StdOut
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('\t')).ToList();
        for (int p = 0; p < 2; p++)
        {
            int expected = numbers.SelectMany(r => r[p].Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse).DefaultIfEmpty(-1).Max() + 1;
            Assert.Contains($"{(p == 0 ? "tcp" : "udp")} {expected}", streams, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Protocol_hierarchy_counts_match_tshark(string file)
    {
        if (!File.Exists(file))
            Assert.Skip($"{file} is not here (the peer corpus lives beside the repository)");
        string tshark = ExternalTool.Require("tshark", "tshark");
        var oracle = ExternalTool.Run(tshark, ["-n", "-q", "-z", "io,phs", "-r", file]);
        Assert.Equal(0, oracle.ExitCode);
        var expected = Hierarchy(oracle.StdOut).Where(p => p.Key.Split('/').All(Decoded.Contains)).ToList();
        Assert.NotEmpty(expected);

        var (code, stdout, stderr) = InProcessRawNet.Run("stats", file);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var actual = Hierarchy(stdout).ToDictionary(p => p.Key, p => p.Value);
        foreach (var (path, counts) in expected)
        {
            Assert.True(actual.TryGetValue(path, out var ours), $"{path} missing from rawnet stats");
            Assert.Equal((path, counts), (path, ours));
        }
    }

    /// <summary>Reads "  name   frames:N bytes:M" lines into slash-joined paths.</summary>
    private static IEnumerable<KeyValuePair<string, (long Frames, long Bytes)>> Hierarchy(string text)
    {
        var stack = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var match = HierarchyLine().Match(line);
            if (!match.Success)
                continue;
            int depth = match.Groups[1].Length / 2;
            stack.RemoveRange(Math.Min(depth, stack.Count), stack.Count - Math.Min(depth, stack.Count));
            stack.Add(match.Groups[2].Value);
            yield return new(string.Join('/', stack), (long.Parse(match.Groups[3].Value), long.Parse(match.Groups[4].Value)));
        }
    }

    [GeneratedRegex(@"^( *)(\S+) +frames:(\d+) bytes:(\d+)$")]
    private static partial Regex HierarchyLine();
}
