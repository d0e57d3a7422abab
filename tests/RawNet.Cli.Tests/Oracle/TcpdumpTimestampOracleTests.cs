using System.Text.RegularExpressions;
using RawNet.Testing;
using Xunit;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// tcpdump's time stamp options on summary lines (<c>-t</c>, <c>-tt</c>, <c>-ttt</c>, <c>-tttt</c>, <c>-ttttt</c>): for every
/// packet of every bundled, teaching and peer capture, what <c>rawnet read MODE</c> writes before the packet's text is
/// what <c>TZ=UTC tcpdump -n MODE -r</c> writes. The text after the time is TcpdumpSummaryOracleTests' business; here it
/// is taken from each tool's own default output, so the two tests do not depend on each other.
/// </summary>
public sealed class TcpdumpTimestampOracleTests
{
    private static readonly Regex TimeOfDay = new(@"^\d\d:\d\d:\d\d\.\d{6} ", RegexOptions.Compiled);

    public static TheoryData<string> Modes() => ["-t", "-tt", "-ttt", "-tttt", "-ttttt"];

    [Theory]
    [MemberData(nameof(Modes))]
    public void Every_capture_s_times_equal_tcpdump_s(string mode)
    {
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        // (Not the link types tcpdump refuses, CaptureLinkTypes.TcpdumpReadsAs: their lines are compared as another's.)
        var files = Directory.GetFiles(TestPaths.Captures, "*.pcap", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where(f => !CaptureLinkTypes.Of(f).Any(type => CaptureLinkTypes.TcpdumpReadsAs(type) is not null))
            .Concat(TestPaths.PeerCorpusFiles()).ToList();
        var mismatches = new List<string>();
        int checkedLines = 0;
        foreach (var path in files)
        {
            var tcpdumpTimes = Prefixes(Run(tcpdump, path, null), Run(tcpdump, path, mode));
            var rawnetTimes = Prefixes(RawNet(path, null), RawNet(path, mode));
            Assert.True(tcpdumpTimes.Count == rawnetTimes.Count, $"{Path.GetFileName(path)} {mode}: tcpdump printed {tcpdumpTimes.Count} packets, rawnet {rawnetTimes.Count}");
            for (int i = 0; i < tcpdumpTimes.Count; i++)
            {
                checkedLines++;
                if (tcpdumpTimes[i] != rawnetTimes[i])
                    mismatches.Add($"{Path.GetFileName(path)} {mode} packet {i + 1}: tcpdump '{tcpdumpTimes[i]}' rawnet '{rawnetTimes[i]}'");
            }
        }
        Assert.True(checkedLines > 1000, $"only {checkedLines} packets compared");
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(20)));
    }

    /// <summary>
    /// For each packet, what its first line in <paramref name="timed"/> writes before the text the same line has in
    /// <paramref name="plain"/> (the default output, whose first lines open with a 16-character time of day): the time in
    /// the mode's format. Continuation lines (hex rows, -v's second lines, which may differ between the tools where
    /// RawNet does not decode a protocol) are only checked to be the same in both of one tool's outputs.
    /// </summary>
    private static List<string> Prefixes(string plain, string timed)
    {
        var plainLines = plain.Split('\n');
        var timedLines = timed.Split('\n');
        Assert.Equal(plainLines.Length, timedLines.Length);
        var prefixes = new List<string>();
        for (int i = 0; i < plainLines.Length; i++)
        {
            bool first = TimeOfDay.IsMatch(plainLines[i]);
            string rest = first ? plainLines[i][16..] : plainLines[i];
            Assert.True(timedLines[i].EndsWith(rest, StringComparison.Ordinal), $"line {i + 1} '{timedLines[i]}' does not end with '{rest}'");
            if (first)
                prefixes.Add(timedLines[i][..^rest.Length]);
        }
        return prefixes;
    }

    private static string Run(string tcpdump, string path, string? mode)
    {
        var result = ExternalTool.Run("/usr/bin/env", mode is null ? ["TZ=UTC", tcpdump, "-n", "-r", path] : ["TZ=UTC", tcpdump, "-n", mode, "-r", path]);
        Assert.True(result.ExitCode == 0, $"tcpdump failed on {path}: {result.StdErr}");
        return result.StdOut;
    }

    private static string RawNet(string path, string? mode)
    {
        var result = mode is null ? InProcessRawNet.Run("read", path) : InProcessRawNet.Run("read", mode, path);
        Assert.True(result.ExitCode == 0, $"rawnet exited {result.ExitCode} on {path}: {result.StdErr}");
        return result.StdOut;
    }
}
