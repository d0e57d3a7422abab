using RawNet.Testing;

namespace RawNet.Cli.Tests;

/// <summary>Every file of the peer corpus goes through every output mode without an error or a stack trace.</summary>
public sealed class CorpusSmokeTests
{
    public static TheoryData<string> CorpusFiles()
    {
        var files = TestPaths.PeerCorpusFiles().ToList();
        return files.Count == 0 ? new TheoryData<string>("(no corpus)") : new TheoryData<string>(files);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_mode_reads_every_corpus_file(string file)
    {
        if (!File.Exists(file))
            Assert.Skip($"the peer corpus is not beside the repository ({TestPaths.PeerCorpus})");
        // Summary lines may run over several lines (tcpdump's hex dump of an EtherType it does not know, -v's second
        // line): count packets from the file, and JSON prints exactly one line for each.
        int packets = Oracle.CaptureLinkTypes.Of(file).Count;
        foreach (var args in new[] { new[] { "read" }, ["read", "-v"], ["read", "-V"], ["read", "-T", "json"], ["stats"] })
        {
            var (code, stdout, stderr) = InProcessRawNet.Run([.. args, file]);
            Assert.True(code == 0, $"rawnet {string.Join(' ', args)} {file}: exit {code}: {stderr}");
            Assert.Equal("", stderr);
            if (args[0] == "read")
                Assert.True(stdout.Count(c => c == '\n') >= packets, $"rawnet {string.Join(' ', args)}: fewer lines than packets");
            if (args.Contains("json"))
                Assert.Equal(packets, stdout.Count(c => c == '\n'));
        }
    }
}
