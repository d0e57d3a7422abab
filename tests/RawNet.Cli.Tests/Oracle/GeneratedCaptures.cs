using System.Collections.Concurrent;
using System.Globalization;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>
/// Captures the generators in tests/oracle write (scapy), made once per test run, shared by the test classes that
/// compare them and deleted when the run ends: tshark's start-up (and scapy's) was most of CI's time, and several
/// classes read the same seeds.
/// <list type="bullet">
/// <item><see cref="Damaged"/>: a generator's files with their headers damaged, for seeds 1 to <see cref="Seeds"/>, each
/// file's variants one after another in one capture (seed 1's frames, then seed 2's, ...), so that an oracle starts once
/// a file rather than once a file and seed.</item>
/// <item><see cref="Random"/>: one seeded random capture.</item>
/// </list>
/// Each generator's captures also get one tshark <c>-T fields</c> run for the fields all their oracles compare
/// (<see cref="SharedFields"/>).
/// </summary>
/// <remarks>
/// A damaged variant's frames meet the earlier variants' in one capture: a TCP segment or a SYN seen again is a
/// retransmission or a reused port to tshark and RawNet alike, and tcpdump's relative sequence numbers run on from the
/// first variant's. Both sides read the same file, so that is compared too. <see cref="Describe"/> names a frame's seed
/// and number.
/// </remarks>
internal static class GeneratedCaptures
{
    /// <summary>How many seeds each damaged file's variants come from.</summary>
    public const int Seeds = 4;

    private const int PcapHeaderLength = 24;

    /// <summary>The fields the oracles compare on each generator's captures (the columns oracle's among them): one tshark run a file gives them all.</summary>
    private static readonly Dictionary<string, string[]> FieldsCompared = new(StringComparer.Ordinal)
    {
        [LinkLayerOracleTests.Script] = [.. LinkLayerOracleTests.Fields.Union(LinkLayerOracleTests.BridgedFields).Union(TsharkColumnsOracleTests.PlainFields)],
        [PseudoLinkOracleTests.Script] = [.. PseudoLinkOracleTests.LinkFields.Union(TsharkColumnsOracleTests.PlainFields)],
        [WirelessOracleTests.Script] = [.. WirelessOracleTests.WirelessFields.Union(TsharkColumnsOracleTests.PlainFields)],
        ["make-tcp-conversations.py"] = [.. TsharkAnalysisOracleTests.Fields.Union(TsharkColumnsOracleTests.PlainFields)],
        ["make-dns-cases.py"] = [.. DnsOracleTests.Fields.Union(DnsOracleTests.Columns)],
    };

    private static readonly ConcurrentDictionary<string, Lazy<Made>> Generated = new(StringComparer.Ordinal);

    /// <summary>What one generator run (or the damaged seeds' runs) made: the folder, and a damaged file's frames per seed.</summary>
    private sealed record Made(string Generator, string Directory, IReadOnlyDictionary<string, int> FramesPerSeed);

    private static int _randomMade;

    private static readonly Lazy<string> Root = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("rawnet-generated-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        return root;
    });

    /// <summary>The damaged captures of <paramref name="generator"/>, in file name order.</summary>
    public static string[] Damaged(string generator)
    {
        var made = Generated.GetOrAdd($"{generator} damaged", _ => new Lazy<Made>(() => MakeDamaged(generator))).Value;
        return Directory.GetFiles(made.Directory, "*.pcap").Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The capture <paramref name="generator"/> writes for <paramref name="seed"/> (and <paramref name="options"/>).</summary>
    public static string Random(string generator, int seed, params string[] options)
    {
        string key = string.Join(' ', [generator, seed.ToString(CultureInfo.InvariantCulture), .. options]);
        var made = Generated.GetOrAdd(key, _ => new Lazy<Made>(() =>
        {
            var directory = Directory.CreateDirectory(Path.Combine(Root.Value, $"{Interlocked.Increment(ref _randomMade)}-{Path.GetFileNameWithoutExtension(generator)}-{seed}")).FullName;
            Run(generator, [Path.Combine(directory, "capture.pcap"), seed.ToString(CultureInfo.InvariantCulture), .. options]);
            return new Made(generator, directory, new Dictionary<string, int>());
        })).Value;
        return Path.Combine(made.Directory, "capture.pcap");
    }

    /// <summary>
    /// The fields one tshark run of <paramref name="path"/> prints for every oracle that compares it, when a generator
    /// here made it (see <see cref="TsharkComparison.SharedLines"/>); else null.
    /// </summary>
    public static IReadOnlyList<string>? SharedFields(string path) =>
        MadeFor(path) is { } made && FieldsCompared.TryGetValue(made.Generator, out var fields) ? fields : null;

    /// <summary>
    /// " (seed S, its frame F)" for frame <paramref name="frame"/> of a damaged capture, " (FILE, seed S, its frame F)" for
    /// one of <see cref="Combined"/>'s; empty for any other file.
    /// </summary>
    public static string Describe(string path, int frame)
    {
        if (CombinedOnes.TryGetValue(Path.GetFullPath(path), out var combined) && frame >= 1 && frame <= combined.Frames)
        {
            var (file, number) = combined.OriginOf(frame);
            string seed = Describe(file, (int)number);
            return seed.Length == 0 ? $" ({Path.GetFileName(file)} frame {number})" : $" ({Path.GetFileName(file)},{seed[1..].TrimStart('(')}";
        }
        return MadeFor(path) is { } made && made.FramesPerSeed.TryGetValue(Path.GetFileName(path), out int count) && count > 0
            ? $" (seed {(frame - 1) / count + 1}, its frame {(frame - 1) % count + 1})"
            : "";
    }

    private static readonly ConcurrentDictionary<string, CombinedCapture> CombinedOnes = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="files"/> (damaged captures of one generator that <see cref="CombinedCapture.CombinableFrames"/>
    /// lets join) in one <see cref="CombinedCapture"/>: an oracle then starts tshark once for all of them rather than once
    /// a file. <see cref="Describe"/> names each frame's file, seed and frame.
    /// </summary>
    public static string Combined(string label, IEnumerable<string> files)
    {
        var combined = CombinedCapture.Write(label, files, _ => true);
        CombinedOnes[Path.GetFullPath(combined.Path)] = combined;
        return combined.Path;
    }

    private static Made? MadeFor(string path)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "";
        return Generated.Values.Where(m => m.IsValueCreated).Select(m => m.Value).FirstOrDefault(m => m.Directory == directory);
    }

    private static void Run(string generator, IEnumerable<string> arguments)
    {
        var python = ExternalTool.Require("/usr/bin/python3", "python3-scapy");
        var made = ExternalTool.Run(python, [Path.Combine(TestPaths.RepoRoot, "tests", "oracle", generator), .. arguments]);
        if (made.ExitCode != 0 && made.StdErr.Contains("No module named 'scapy'"))
            Assert.Skip("python3-scapy is not installed (apt-get install python3-scapy)");
        Assert.True(made.ExitCode == 0, $"{generator} {string.Join(' ', arguments)}: {made.StdErr}");
    }

    private static Made MakeDamaged(string generator)
    {
        var root = Directory.CreateDirectory(Path.Combine(Root.Value, $"{Path.GetFileNameWithoutExtension(generator)}-damaged")).FullName;
        var merged = Directory.CreateDirectory(Path.Combine(root, "merged")).FullName;
        var seeds = Enumerable.Range(1, Seeds).Select(seed => Path.Combine(root, seed.ToString(CultureInfo.InvariantCulture))).ToArray();
        foreach (int seed in Enumerable.Range(1, Seeds))
            Run(generator, [seeds[seed - 1], seed.ToString(CultureInfo.InvariantCulture)]);
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
