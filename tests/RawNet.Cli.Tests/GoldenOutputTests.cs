using RawNet.Testing;

namespace RawNet.Cli.Tests;

/// <summary>
/// The whole program's output for each capture in captures/ and captures/tcp-analysis/ against the reviewed files in the
/// expected/ folder beside it (<c>NAME.txt</c>: <c>rawnet read</c>; <c>NAME.V.txt</c>: <c>rawnet read -V</c>;
/// <c>NAME.stats.txt</c>: <c>rawnet stats</c>; for the TCP analysis captures also <c>NAME.analysis.txt</c>: the analysis
/// fields of every packet, <see cref="AnalysisFields"/>).
/// Set RAWNET_UPDATE_GOLDEN=1 to rewrite them, then review the diff by eye before committing.
/// </summary>
public sealed class GoldenOutputTests
{
    /// <summary>The fields of NAME.analysis.txt: where each segment lies in its stream and what the analysis says of it.</summary>
    public static readonly string[] AnalysisFields =
    [
        "frame.number", "frame.time_relative", "tcp.stream", "tcp.srcport", "tcp.dstport", "tcp.seq", "tcp.ack", "tcp.len", "tcp.nxtseq",
        "tcp.window_size", "tcp.analysis.acks_frame", "tcp.analysis.ack_rtt", "tcp.analysis.bytes_in_flight", "tcp.analysis.retransmission",
        "tcp.analysis.fast_retransmission", "tcp.analysis.spurious_retransmission", "tcp.analysis.out_of_order", "tcp.analysis.lost_segment",
        "tcp.analysis.ack_lost_segment", "tcp.analysis.duplicate_ack_num", "tcp.analysis.zero_window", "tcp.analysis.zero_window_probe",
        "tcp.analysis.window_full", "tcp.analysis.window_update", "tcp.analysis.keep_alive", "tcp.analysis.reused_ports", "tcp.analysis.rto",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { "", "tcp-analysis" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Captures, folder), "*.pcap").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                string name = folder.Length == 0 ? file! : folder + "/" + file;
                data.Add(name, "txt");
                data.Add(name, "V.txt");
                data.Add(name, "stats.txt");
                if (folder.Length > 0)
                    data.Add(name, "analysis.txt");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_reviewed_golden_file(string capture, string kind)
    {
        string path = Path.Combine(TestPaths.Captures, capture);
        string[] args = kind switch
        {
            "V.txt" => ["read", "-V", path],
            "stats.txt" => ["stats", path],
            "analysis.txt" => ["read", path, "-T", "fields", .. AnalysisFields.SelectMany(f => new[] { "-e", f })],
            _ => ["read", path],
        };
        var (code, stdout, stderr) = InProcessRawNet.Run(args);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        // The stats report names the file as given; make it independent of where the repository is.
        stdout = stdout.Replace(path, "captures/" + capture, StringComparison.Ordinal);

        string golden = Path.Combine(TestPaths.Captures, Path.GetDirectoryName(capture)!, "expected", Path.GetFileNameWithoutExtension(capture) + "." + kind);
        GoldenFile.Check(golden, stdout);
    }
}
