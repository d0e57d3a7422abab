using System.Collections.Concurrent;
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
/// <remarks>
/// Each capture's default output is read once for all five modes. The modes whose time depends on nothing but the packet
/// (<c>-t</c>, <c>-tt</c>, <c>-tttt</c>) read all the captures in one tcpdump run (<c>-V</c>, a file naming them), cut into
/// captures by the packet counts of their own default runs; <c>-ttt</c> and <c>-ttttt</c> count from the previous and the
/// first packet, which in such a run would be another capture's, so they read each capture alone. 1,900 fewer tcpdump
/// starts than one run per capture and mode. tcpdump runs with <c>-S</c> here: its relative sequence numbers would carry
/// one capture's connections into another's with the same addresses and ports, and the text is not what is compared.
/// </remarks>
public sealed class TcpdumpTimestampOracleTests
{
    private static readonly Regex TimeOfDay = new(@"^\d\d:\d\d:\d\d\.\d{6} ", RegexOptions.Compiled);

    public static TheoryData<string> Modes() => ["-t", "-tt", "-ttt", "-tttt", "-ttttt"];

    /// <summary>The modes whose time of a packet does not depend on the packets before it.</summary>
    private static readonly HashSet<string> PerPacketModes = ["-t", "-tt", "-tttt"];

    // (Not the link types tcpdump refuses, CaptureLinkTypes.TcpdumpReadsAs: their lines are compared as another's.)
    private static readonly Lazy<List<string>> Files = new(() =>
        Directory.GetFiles(TestPaths.Captures, "*.pcap", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where(f => !CaptureLinkTypes.Of(f).Any(type => CaptureLinkTypes.TcpdumpReadsAs(type) is not null))
            .Concat(TestPaths.PeerCorpusFiles()).ToList());

    private static readonly ConcurrentDictionary<string, Lazy<string>> PlainTcpdump = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<string>> PlainRawNet = new(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Modes))]
    public void Every_capture_s_times_equal_tcpdump_s(string mode)
    {
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var files = Files.Value;
        var plain = files.Select(path => PlainTcpdump.GetOrAdd(path, p => new Lazy<string>(() => Run(tcpdump, p, null))).Value).ToList();
        var tcpdumpTimes = PerPacketModes.Contains(mode)
            ? Split(Prefixes(string.Concat(plain), RunAll(tcpdump, files, mode)), plain.Select(p => Prefixes(p, p).Count).ToList())
            : files.Select((path, i) => Prefixes(plain[i], Run(tcpdump, path, mode))).ToList();
        var mismatches = new List<string>();
        int checkedLines = 0;
        for (int f = 0; f < files.Count; f++)
        {
            string path = files[f];
            var rawnetTimes = Prefixes(PlainRawNet.GetOrAdd(path, p => new Lazy<string>(() => RawNet(p, null))).Value, RawNet(path, mode));
            Assert.True(tcpdumpTimes[f].Count == rawnetTimes.Count, $"{Path.GetFileName(path)} {mode}: tcpdump printed {tcpdumpTimes[f].Count} packets, rawnet {rawnetTimes.Count}");
            for (int i = 0; i < rawnetTimes.Count; i++)
            {
                checkedLines++;
                if (tcpdumpTimes[f][i] != rawnetTimes[i])
                    mismatches.Add($"{Path.GetFileName(path)} {mode} packet {i + 1}: tcpdump '{tcpdumpTimes[f][i]}' rawnet '{rawnetTimes[i]}'");
            }
        }
        Assert.True(checkedLines > 1000, $"only {checkedLines} packets compared");
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(20)));
    }

    /// <summary>One run's prefixes cut into the captures', <paramref name="counts"/> packets each.</summary>
    private static List<List<string>> Split(List<string> prefixes, List<int> counts)
    {
        Assert.True(prefixes.Count == counts.Sum(), $"one tcpdump run over all the captures printed {prefixes.Count} packets, their own runs {counts.Sum()}");
        var captures = new List<List<string>>();
        int at = 0;
        foreach (int count in counts)
        {
            captures.Add(prefixes.GetRange(at, count));
            at += count;
        }
        return captures;
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
        var result = ExternalTool.Run("/usr/bin/env", mode is null ? ["TZ=UTC", tcpdump, "-n", "-S", "-r", path] : ["TZ=UTC", tcpdump, "-n", "-S", mode, "-r", path]);
        Assert.True(result.ExitCode == 0, $"tcpdump failed on {path}: {result.StdErr}");
        return result.StdOut;
    }

    /// <summary>One tcpdump run over every capture of <paramref name="files"/>, in that order (<c>-V</c>).</summary>
    private static string RunAll(string tcpdump, IReadOnlyList<string> files, string mode)
    {
        string list = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(list, files);
            var result = ExternalTool.Run("/usr/bin/env", ["TZ=UTC", tcpdump, "-n", "-S", mode, "-V", list]);
            Assert.True(result.ExitCode == 0, $"tcpdump -V failed: {result.StdErr}");
            return result.StdOut;
        }
        finally
        {
            File.Delete(list);
        }
    }

    private static string RawNet(string path, string? mode)
    {
        var result = mode is null ? InProcessRawNet.Run("read", path) : InProcessRawNet.Run("read", mode, path);
        Assert.True(result.ExitCode == 0, $"rawnet exited {result.ExitCode} on {path}: {result.StdErr}");
        return result.StdOut;
    }
}
