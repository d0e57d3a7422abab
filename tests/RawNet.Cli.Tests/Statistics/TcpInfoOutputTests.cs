using System.Text.Json;
using RawNet.Files.PcapNg;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Statistics;

/// <summary>
/// The sender's TCP_INFO samples kept in a lab capture (captures/lab/lab-upload-tcpinfo.pcapng, made by
/// make-lab-captures.sh): <c>stats --tcp-info</c>, and the nearest sample on the sender's packets in <c>read -V</c> and JSON.
/// </summary>
public sealed class TcpInfoOutputTests
{
    private static readonly string Capture = Path.Combine(TestPaths.Captures, "lab", "lab-upload-tcpinfo.pcapng");

    [Fact]
    public void Stats_prints_every_sample_of_the_sender_as_a_table()
    {
        var series = Assert.Single(TcpInfoFile.Read(Capture, out var problem));
        Assert.Null(problem);
        var (code, stdout, stderr) = InProcessRawNet.Run("stats", Capture, "--tcp-info");
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"TCP_INFO of the sender 198.18.0.1:{series.Sender.Port} -> 198.18.0.2:5001, congestion control reno, {series.Samples.Count} samples", lines[0]);
        Assert.StartsWith("      time state      ca_state   mss  cwnd cwnd_bytes ssthresh", lines[1]);
        Assert.Equal(series.Samples.Count, lines.Length - 2);
        // The loss of the lab's 1% shows as a Recovery and a finite ssthresh.
        Assert.Contains(lines, l => l.Contains(" Recovery "));
        Assert.Contains(lines.Skip(2), l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[6] != "-");
        GoldenFile.Check(Path.Combine(TestPaths.Captures, "lab", "expected", "lab-upload-tcpinfo.tcp-info.txt"), stdout);
    }

    [Fact]
    public void A_capture_without_samples_is_one_line()
    {
        var path = Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap");
        var (code, stdout, stderr) = InProcessRawNet.Run("stats", path, "--tcp-info");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal($"rawnet: {path}: no TCP_INFO samples (rawnet lab traffic upload|download -w FILE.pcapng keeps the sender's)\n", stderr);
    }

    [Fact]
    public void Read_shows_the_nearest_sample_on_the_senders_packets_only()
    {
        var (code, stdout, stderr) = InProcessRawNet.Run("read", "-V", Capture);
        Assert.Equal("", stderr);
        Assert.Equal(0, code);
        var packets = stdout.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var fromSender = packets.Where(p => p.Contains("Source Address (ip.src): 198.18.0.1")).ToArray();
        Assert.NotEmpty(fromSender);
        Assert.All(fromSender, p => Assert.Contains("\nSender's kernel (TCP_INFO of reno, the sample ", p));
        Assert.All(packets.Except(fromSender), p => Assert.DoesNotContain("Sender's kernel", p));
        Assert.Contains(fromSender, p => p.Contains("    [Congestion window: 10 segments (14480 bytes), MSS 1448]"));

        var json = InProcessRawNet.Run("read", "-T", "json", Capture);
        Assert.Equal(0, json.ExitCode);
        var objects = json.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(packets.Length, objects.Length);
        var annotated = objects.Where(o => o.TryGetProperty("tcp_info", out _)).ToArray();
        Assert.Equal(fromSender.Length, annotated.Length);
        Assert.All(annotated, o => Assert.Equal(1448, o.GetProperty("tcp_info").GetProperty("mss").GetInt32()));
        // Sampled every millisecond: the nearest sample is rarely far away.
        var offsets = annotated.Select(o => Math.Abs(o.GetProperty("tcp_info").GetProperty("offset_ns").GetInt64())).Order().ToArray();
        Assert.True(offsets[offsets.Length / 2] < 2_000_000, $"median distance {offsets[offsets.Length / 2]} ns");
    }

    [Fact]
    public void Tshark_opens_the_capture_with_samples_and_sees_the_packets_first()
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var result = ExternalTool.Run(tshark, ["-r", Capture, "-Y", "tcp", "-T", "fields", "-e", "frame.number"]);
        Assert.True(result.ExitCode == 0, result.StdErr);
        var frames = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        // Every packet keeps its number (1..N): the custom blocks come after them.
        Assert.Equal(Enumerable.Range(1, frames.Length), frames);
        var (_, ours, _) = InProcessRawNet.Run("read", Capture);
        Assert.Equal(frames.Length, ours.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
