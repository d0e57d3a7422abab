using System.Security.Cryptography;
using RawNet.Capture.Lab;
using RawNet.Capture.Lab.Traffic;
using RawNet.Protocols;
using RawNet.Testing;
using RawNet.Ui.Model;
using Xunit;
using static RawNet.Ui.Tests.EndToEnd.RawnetProgram;

namespace RawNet.Ui.Tests.EndToEnd;

/// <summary>
/// The live TCP_INFO panel (issue 15): while a lab transfer runs, the real <c>rawnet ui</c> in tmux shows its sender as
/// <c>ss -ti</c> does on a line above the status bar, updated several times a second, and the line goes when it ends.
/// The lab is the test's own (two namespaces, a veth pair, a run directory of its own under /run/rawnet).
/// </summary>
public sealed class LabTransferPanelTests
{
    private sealed class Discard : ICapturedFrameSink
    {
        public void Write(in FrameMetadata metadata, ReadOnlySpan<byte> frame)
        {
        }
    }

    [Fact]
    public void A_running_lab_transfer_shows_its_senders_tcp_info_and_the_line_goes_when_it_ends()
    {
        ExternalTool.RequireRoot();
        ExternalTool.Require("tmux", "tmux");
        ExternalTool.Require("ip", "iproute2");
        var id = RandomNumberGenerator.GetHexString(6, lowercase: true);
        int subnet = RandomNumberGenerator.GetInt32(1, 255);
        var lab = new TestNetwork($"rnp-{id}-a", $"rnp-{id}-b", $"rnp-{id}-a", $"rnp-{id}-b", $"198.18.{subnet}", $"2001:db8:{subnet:x}:", 1500);
        try
        {
            lab.Up();
            Directory.CreateDirectory(lab.RunDirectory);
            using var ui = new TmuxSession($"'{Dotnet}' '{Rawnet}' ui '{Path.Combine(TestPaths.Captures, "tcp-handshake-ipv4.pcap")}'; echo \"{Exited}$?\"; sleep 60", 200, 40,
                new Dictionary<string, string> { [LabTransferPanel.RunRootVariable] = TestNetwork.RunRoot });
            ui.WaitFor("Packets (10 shown of 10)");

            // A slow reader behind an 8 KiB window makes the transfer last seconds: long enough to watch.
            using var run = LabTrafficRun.Prepare(lab, new TrafficOptions(TrafficKind.Upload) { Bytes = 120_000, ReceiveWindow = 8192, CongestionControl = "reno" });
            TrafficReport? report = null;
            var transfer = new Thread(() => report = run.Run(new Discard())) { IsBackground = true };
            transfer.Start();
            var screen = ui.WaitFor($"lab transfer: {lab.Ipv4(1)}:", seconds: 20);
            var line = screen.Split('\n').Single(l => l.Contains("lab transfer: "));
            Assert.Matches($@"lab transfer: {System.Text.RegularExpressions.Regex.Escape(lab.Ipv4(1))}:\d+ -> {System.Text.RegularExpressions.Regex.Escape(lab.Ipv4(2))}:5001 ESTAB reno ca:\w+ rto:[\d.]+ rtt:[\d.]+/[\d.]+ mss:1448 cwnd:\d+", line);
            // The status bar is still the last line: the panel took a line of the panes, not the bar's.
            Assert.Contains("tcp-handshake-ipv4.pcap | 10 packets", screen.TrimEnd('\n').Split('\n')[^1]);
            // Updated while it runs: the line changes (rtt, cwnd, unacked, delivery rate move).
            var clock = System.Diagnostics.Stopwatch.StartNew();
            bool changed = false;
            while (!changed && clock.Elapsed < TimeSpan.FromSeconds(5))
            {
                Thread.Sleep(250);
                changed = ui.Screen().Split('\n').FirstOrDefault(l => l.Contains("lab transfer: ")) is { } now && now != line;
            }
            Assert.True(changed, "the panel did not change within 5 s");

            Assert.True(transfer.Join(TimeSpan.FromSeconds(60)));
            Assert.True(report!.Completed, string.Join('\n', report.Lines));
            clock.Restart();
            while (ui.Screen().Contains("lab transfer: ") && clock.Elapsed < TimeSpan.FromSeconds(5))
                Thread.Sleep(100);
            Assert.DoesNotContain("lab transfer: ", ui.Screen());
        }
        finally
        {
            lab.Down();
            if (Directory.Exists(lab.RunDirectory))
                Directory.Delete(lab.RunDirectory, recursive: true);
        }
    }

    [Fact]
    public void The_panel_reads_the_freshest_board_and_only_a_fresh_one()
    {
        var root = Directory.CreateTempSubdirectory("rawnet-boards-");
        try
        {
            var panel = new LabTransferPanel(root.FullName, TimeProvider.System);
            Assert.False(panel.Poll());
            Assert.Null(panel.Line);
            var dir = Directory.CreateDirectory(Path.Combine(root.FullName, "some-lab"));
            var path = Path.Combine(dir.FullName, TcpInfoBoard.FileName);
            using (var board = TcpInfoBoard.TryCreate(path)!)
            {
                var sample = new Protocols.Tcp.Kernel.TcpInfoSample(1, 1, 0, 1448, 7, 0, 0, 0, 20_000, 5_000, 220_000,
                    Protocols.Tcp.Kernel.TcpInfoSample.InfiniteSlowStartThreshold, 12, 0, 0, 1_000_000, 0, 0, 0, 0, 0);
                board.Publish(new Protocols.Tcp.Kernel.TcpInfoSeries(new(System.Net.IPAddress.Parse("198.18.0.1"), 40000),
                    new(System.Net.IPAddress.Parse("198.18.0.2"), 5001), "cubic", [sample]));
                Thread.Sleep(LabTransferPanel.PollInterval);
                Assert.True(panel.Poll());
                Assert.Equal("lab transfer: 198.18.0.1:40000 -> 198.18.0.2:5001 ESTAB cubic ca:Open rto:220 rtt:20/5 mss:1448 cwnd:12 unacked:7 retrans:0/0 delivery_rate:8Mbps", panel.Line);
            }
            // Emptied when the transfer ends.
            Thread.Sleep(LabTransferPanel.PollInterval);
            Assert.True(panel.Poll());
            Assert.Null(panel.Line);
            // A board left by a writer that died stops counting once it is stale.
            File.WriteAllBytes(path, [1, 2, 3]);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow - TcpInfoBoard.Fresh - TimeSpan.FromSeconds(1));
            Thread.Sleep(LabTransferPanel.PollInterval);
            Assert.False(panel.Poll());
            Assert.Null(panel.Line);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
