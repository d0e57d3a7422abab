using System.Collections.Concurrent;
using System.Globalization;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// The captures a generator in tests/oracle writes with its headers damaged (its seed argument), for seeds 1 to
/// <see cref="Seeds"/>, made once per test run and shared by the test classes that compare them: each file's variants
/// follow one another in one capture (seed 1's frames, then seed 2's, ...), so that an oracle starts once a file rather
/// than once a file and seed (tshark's start-up was most of CI's time).
/// </summary>
/// <remarks>
/// A variant's frames meet the earlier variants' in one capture: a TCP segment or a SYN seen again is a retransmission or
/// a reused port to tshark and RawNet alike, and tcpdump's relative sequence numbers run on from the first variant's.
/// Both sides read the same file, so that is compared too. <see cref="Describe"/> names a frame's seed and number.
/// </remarks>
internal static class DamagedCaptures
{
    /// <summary>How many seeds each file's variants come from.</summary>
    public const int Seeds = 4;

    private const int PcapHeaderLength = 24;

    /// <summary>The fields the oracles compare on each generator's damaged captures, and the columns oracle's: one tshark run a file gives them all.</summary>
    private static readonly Dictionary<string, string[]> FieldsCompared = new(StringComparer.Ordinal)
    {
        [LinkLayerOracleTests.Script] = [.. LinkLayerOracleTests.Fields.Union(TsharkColumnsOracleTests.PlainFields)],
        [PseudoLinkOracleTests.Script] = [.. PseudoLinkOracleTests.LinkFields.Union(TsharkColumnsOracleTests.PlainFields)],
        [WirelessOracleTests.Script] = [.. WirelessOracleTests.WirelessFields.Union(TsharkColumnsOracleTests.PlainFields)],
    };

    private static readonly ConcurrentDictionary<string, Lazy<Made>> Generated = new(StringComparer.Ordinal);

    private sealed record Made(string Generator, string Directory, IReadOnlyDictionary<string, int> FramesPerSeed);

    /// <summary>The damaged captures of <paramref name="generator"/>, in file name order (made on first use, deleted when the test run ends).</summary>
    public static string[] Files(string generator)
    {
        var made = Generated.GetOrAdd(generator, g => new Lazy<Made>(() => Make(g))).Value;
        return Directory.GetFiles(made.Directory, "*.pcap").Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The fields one tshark run of <paramref name="path"/> prints for every oracle that compares it, when it is a damaged
    /// capture (see <see cref="TsharkComparison.SharedLines"/>); else null.
    /// </summary>
    public static IReadOnlyList<string>? SharedFields(string path) =>
        MadeFor(path) is { } made && FieldsCompared.TryGetValue(made.Generator, out var fields) ? fields : null;

    /// <summary>" (seed S, its frame F)" for frame <paramref name="frame"/> of a damaged capture; empty for any other file.</summary>
    public static string Describe(string path, int frame)
    {
        return MadeFor(path) is { } made && made.FramesPerSeed.TryGetValue(Path.GetFileName(path), out int count) && count > 0
            ? $" (seed {(frame - 1) / count + 1}, its frame {(frame - 1) % count + 1})"
            : "";
    }

    private static Made? MadeFor(string path)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "";
        return Generated.Values.Where(m => m.IsValueCreated).Select(m => m.Value).FirstOrDefault(m => m.Directory == directory);
    }

    private static Made Make(string generator)
    {
        var python = ExternalTool.Require("/usr/bin/python3", "python3-scapy");
        var script = Path.Combine(TestPaths.RepoRoot, "tests", "oracle", generator);
        var root = Directory.CreateTempSubdirectory($"rawnet-damaged-{Path.GetFileNameWithoutExtension(generator)}-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        var merged = Directory.CreateDirectory(Path.Combine(root, "merged")).FullName;
        var seeds = Enumerable.Range(1, Seeds).Select(seed => Path.Combine(root, seed.ToString(CultureInfo.InvariantCulture))).ToArray();
        foreach (int seed in Enumerable.Range(1, Seeds))
        {
            var made = ExternalTool.Run(python, [script, seeds[seed - 1], seed.ToString(CultureInfo.InvariantCulture)]);
            if (made.ExitCode != 0 && made.StdErr.Contains("No module named 'scapy'"))
                Assert.Skip("python3-scapy is not installed (apt-get install python3-scapy)");
            Assert.True(made.ExitCode == 0, $"{generator} {seed}: {made.StdErr}");
        }
        var framesPerSeed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in Directory.GetFiles(seeds[0], "*.pcap").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            var variants = seeds.Select(dir => File.ReadAllBytes(Path.Combine(dir, name!))).ToArray();
            var header = variants[0][..PcapHeaderLength];
            Assert.True(variants.All(v => v.AsSpan(0, PcapHeaderLength).SequenceEqual(header)), $"{generator}: the seeds' {name} differ in their file headers");
            using (var output = File.Create(Path.Combine(merged, name!)))
            {
                output.Write(header);
                foreach (var variant in variants)
                    output.Write(variant.AsSpan(PcapHeaderLength));
            }
            var counts = seeds.Select(dir => CaptureLinkTypes.Of(Path.Combine(dir, name!)).Count).Distinct().ToArray();
            Assert.True(counts.Length == 1, $"{generator}: the seeds' {name} hold different numbers of frames");
            framesPerSeed[name!] = counts[0];
        }
        foreach (var dir in seeds)
            Directory.Delete(dir, recursive: true);
        return new Made(generator, merged, framesPerSeed);
    }
}
