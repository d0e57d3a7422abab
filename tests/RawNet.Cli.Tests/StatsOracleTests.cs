using System.Text.RegularExpressions;
using RawNet.Testing;

namespace RawNet.Cli.Tests;

/// <summary>
/// <c>rawnet stats</c> against tshark as the oracle: every protocol path of <c>tshark -q -z io,phs</c> made only of
/// protocols RawNet decodes must appear in RawNet's hierarchy with the same frame and byte counts.
/// </summary>
public sealed partial class StatsOracleTests
{
    private static readonly HashSet<string> Decoded = ["eth", "vlan", "sll", "arp", "ip", "ipv6", "tcp", "udp", "icmp", "icmpv6"];

    public static TheoryData<string> Files() =>
    [
        Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap"),
        Path.Combine(TestPaths.Captures, "udp-exchange.pcap"),
        Path.Combine(TestPaths.Captures, "ip-fragments.pcap"),
        Path.Combine(TestPaths.PeerCorpus, "ipv6_http.pcap"),
        Path.Combine(TestPaths.PeerCorpus, "udp-ip-fragmented.pcap"),
        Path.Combine(TestPaths.PeerCorpus, "802.1q_vlan_ipv4_tcp.pcap"),
        Path.Combine(TestPaths.PeerCorpus, "LinuxCookedCapture.pcap"),
    ];

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
