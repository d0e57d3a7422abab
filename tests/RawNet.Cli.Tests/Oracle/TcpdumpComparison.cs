using System.Text.RegularExpressions;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>Summary lines against tcpdump, packet for packet.</summary>
internal static class TcpdumpComparison
{
    /// <summary>
    /// rawnet read FILE [mode] against TZ=UTC tcpdump -n [mode] -r FILE, packet for packet: every packet, or (for captures
    /// with other traffic, which TcpdumpSummaryOracleTests covers) the packets whose tcpdump text matches
    /// <paramref name="only"/>; where <paramref name="comparedUpTo"/> matches tcpdump's line, only up to the end of the match
    /// (what tcpdump decodes further and RawNet leaves as data).
    /// </summary>
    public static void AssertSummariesEqual(string path, string mode, string? only = null, Regex? comparedUpTo = null)
    {
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var flags = mode.Length == 0 ? Array.Empty<string>() : [mode];
        string? equivalent = TcpdumpEquivalent(path);
        var expected = ExternalTool.Run("/usr/bin/env", ["TZ=UTC", tcpdump, "-n", .. flags, "-r", equivalent ?? path]);
        if (equivalent is not null)
            File.Delete(equivalent);
        Assert.True(expected.ExitCode == 0, expected.StdErr);
        var actual = InProcessRawNet.Run(["read", path, .. flags]);
        Assert.True(actual.ExitCode == 0, actual.StdErr);
        var want = TcpdumpSummaryOracleTests.Packets(expected.StdOut);
        var got = TcpdumpSummaryOracleTests.Packets(actual.StdOut);
        Assert.Equal(want.Count, got.Count);
        var mismatches = new List<string>();
        int compared = 0;
        for (int i = 0; i < want.Count; i++)
        {
            if (only is not null && !Regex.IsMatch(want[i], only))
                continue;
            compared++;
            string w = want[i], g = got[i];
            if (comparedUpTo?.Match(w) is { Success: true } decoded)
            {
                int end = decoded.Index + decoded.Length;
                w = w[..end];
                g = g[..Math.Min(g.Length, end)];
            }
            if (w != g)
                mismatches.Add($"packet {i + 1}{GeneratedCaptures.Describe(path, i + 1)}\n  tcpdump: {want[i]}\n  rawnet:  {got[i]}");
        }
        Assert.True(compared > 0, $"{Path.GetFileName(path)}: no packet compared");
        Assert.True(mismatches.Count == 0, $"{Path.GetFileName(path)} ({mode}): {mismatches.Count} of {compared} packets differ\n" + string.Join("\n", mismatches.Take(15)));
    }

    /// <summary>
    /// A copy of a pcap file (not pcapng) whose link type tcpdump refuses, under the link type it reads the same frames as
    /// (<see cref="CaptureLinkTypes.TcpdumpReadsAs"/>), for the caller to delete; null for any other file.
    /// </summary>
    private static string? TcpdumpEquivalent(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 24 || BitConverter.ToUInt32(bytes, 0) is not (0xa1b2c3d4 or 0xa1b23c4d)
            || CaptureLinkTypes.TcpdumpReadsAs((LinkType)BitConverter.ToUInt16(bytes, 20)) is not { } readAs)
            return null;
        BitConverter.TryWriteBytes(bytes.AsSpan(20), (uint)readAs);
        string copy = Path.Combine(Path.GetTempPath(), $"rawnet-tcpdump-{Environment.ProcessId}-{Guid.NewGuid():N}.pcap");
        File.WriteAllBytes(copy, bytes);
        return copy;
    }
}
