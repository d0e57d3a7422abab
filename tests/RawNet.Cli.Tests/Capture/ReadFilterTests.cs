using RawNet.Files;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Capture;

/// <summary><c>read -f EXPR</c> keeps exactly the frames <c>tcpdump -r FILE -w OUT EXPR</c> keeps, with their numbers in the file.</summary>
public sealed class ReadFilterTests
{
    public static TheoryData<string> Expressions => new()
    {
        "tcp",
        "udp and port 53 or icmp",
        "ip6",
        "host 198.18.0.1",
        "tcp[tcpflags] & tcp-syn != 0",
        "vlan",
        "ip[6:2] & 0x3fff != 0",
        "greater 100",
    };

    private static IEnumerable<string> Files() =>
        Directory.GetFiles(TestPaths.Captures).Where(f => f.EndsWith(".pcap") || f.EndsWith(".pcapng"))
            .Concat(TestPaths.PeerCorpusFiles())
            .OrderBy(f => f, StringComparer.Ordinal);

    private static List<byte[]> Frames(string path)
    {
        using var reader = CaptureFileReader.Open(path);
        var frames = new List<byte[]>();
        while (reader.TryReadNext(out var frame))
            frames.Add(frame.Data.ToArray());
        return frames;
    }

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Selects_the_frames_tcpdump_selects(string expression)
    {
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        var output = Path.Combine(Path.GetTempPath(), $"rawnet-filter-{Guid.NewGuid():N}.pcap");
        int compared = 0;
        try
        {
            foreach (var file in Files())
            {
                var oracle = ExternalTool.Run(tcpdump, ["-r", file, "-w", output, expression]);
                var (code, stdout, stderr) = InProcessRawNet.Run("read", file, "-f", expression, "-T", "fields", "-e", "frame.number");
                if (oracle.ExitCode != 0)
                {
                    // tcpdump cannot compile the filter for this file's link type (e.g. "vlan" on 802.11): neither can we.
                    Assert.True(code == 2, $"{file}: tcpdump failed ({oracle.StdErr.Trim()}) but rawnet exited {code}");
                    continue;
                }
                Assert.True(code == 0, $"{file}: {stderr}");
                var all = Frames(file);
                var selected = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(n => all[int.Parse(n) - 1]).ToList();
                var expected = Frames(output);
                Assert.True(expected.Count == selected.Count, $"{file}: tcpdump kept {expected.Count} frames, rawnet {selected.Count}");
                for (int i = 0; i < expected.Count; i++)
                    Assert.True(expected[i].AsSpan().SequenceEqual(selected[i]), $"{file}: kept frame {i + 1} differs");
                compared++;
            }
        }
        finally
        {
            File.Delete(output);
        }
        Assert.True(compared > 0, "no capture file was compared");
    }

    [Fact]
    public void Count_limits_the_frames_that_pass_and_numbers_stay_those_of_the_file()
    {
        var file = Path.Combine(TestPaths.Captures, "udp-exchange.pcap");
        var all = InProcessRawNet.Run("read", file, "-T", "fields", "-e", "frame.number", "-e", "udp.srcport");
        var udp = all.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.EndsWith('\t')).Select(l => l.Split('\t')[0]).ToList();
        Assert.True(udp.Count > 2 && udp[0] != "1", all.StdOut);

        var (code, stdout, stderr) = InProcessRawNet.Run("read", file, "-f", "udp", "-c", "2", "-T", "fields", "-e", "frame.number");

        Assert.True(code == 0, stderr);
        Assert.Equal(udp.Take(2), stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_filter_that_does_not_compile_is_a_usage_error_with_pcaps_message()
    {
        var file = Path.Combine(TestPaths.Captures, "udp-exchange.pcap");
        var (code, stdout, stderr) = InProcessRawNet.Run("read", file, "-f", "udp and port");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("rawnet: cannot compile filter \"udp and port\": ", stderr);
        Assert.Contains("syntax error", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
