namespace RawNet.Testing;

/// <summary>Locates the repository, the bundled captures and the shared peer corpus from a test's working directory.</summary>
public static class TestPaths
{
    /// <summary>The repository root: the folder that holds RawNet.sln.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The project's own captures (captures/).</summary>
    public static string Captures => Path.Combine(RepoRoot, "captures");

    /// <summary>The shared corpus of another project's captures (../shared/captures/peer-packetnet).</summary>
    public static string PeerCorpus => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "captures", "peer-packetnet"));

    /// <summary>The deterministic benchmark capture generator.</summary>
    public static string BenchPcapTool => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "tools", "make-bench-pcap.py"));

    /// <summary>Every file of the peer corpus, sorted by name; empty when the corpus is not beside the repository.</summary>
    public static IEnumerable<string> PeerCorpusFiles() =>
        Directory.Exists(PeerCorpus)
            ? Directory.GetFiles(PeerCorpus).Where(f => f.EndsWith(".pcap") || f.EndsWith(".pcapng")).OrderBy(f => f, StringComparer.Ordinal)
            : [];

    /// <summary>
    /// The one name a theory over the peer corpus gets when the corpus is missing, so that it reports a skip with its reason
    /// (<see cref="SkipUnlessPeerCorpus"/>) rather than failing for want of data.
    /// </summary>
    public const string MissingPeerCorpus = "(peer corpus missing)";

    /// <summary>The names of <paramref name="files"/>, or <see cref="MissingPeerCorpus"/> alone when the corpus is not there.</summary>
    public static IEnumerable<string> PeerCorpusNames(IEnumerable<string> files) =>
        Directory.Exists(PeerCorpus) ? files.Select(f => Path.GetFileName(f)) : [MissingPeerCorpus];

    /// <summary>Skips the test, naming where the corpus was looked for, when the peer corpus is not beside the repository.</summary>
    public static void SkipUnlessPeerCorpus()
    {
        if (!Directory.Exists(PeerCorpus))
            Xunit.Assert.Skip($"the shared corpus is not at {PeerCorpus}");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RawNet.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("RawNet.sln not found above " + AppContext.BaseDirectory);
    }
}
