using System.Text.RegularExpressions;
using RawNet.Files;
using RawNet.Files.Pcap;
using RawNet.Protocols;
using RawNet.Testing;
using Xunit;
using static RawNet.Ui.Tests.EndToEnd.RawnetProgram;

namespace RawNet.Ui.Tests.EndToEnd;

/// <summary>
/// The real <c>rawnet ui</c> capturing live in a tmux terminal inside a NetworkLab namespace, with datagrams sent from
/// the peer namespace; offline replay keys on a capture made with one-second gaps; and the fallback without the right to capture.
/// </summary>
public sealed partial class LiveUiTests
{
    [GeneratedRegex(@"(\d+) packets, (\d+) shown")]
    private static partial Regex Counts();

    /// <summary>The status bar's "N packets, M shown".</summary>
    private static (int Total, int Shown) CountsOn(string screen)
    {
        var match = Counts().Match(screen);
        Assert.True(match.Success, "no counts on the screen:\n" + screen);
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }

    /// <summary>rawnet run inside <paramref name="ns"/> (ip netns exec), its standard error kept in <paramref name="stderr"/>.</summary>
    private static TmuxSession StartIn(string ns, string arguments, string stderr)
    {
        var ip = ExternalTool.Require("ip", "iproute2");
        // 160 columns: the live status bar (rate, drops, ring fill, counts, selected packet) grows with the rate and the
        // counts, and at 120 its end ("| Packet N") is cut when the rate has three digits.
        return new TmuxSession($"'{ip}' netns exec {ns} '{Dotnet}' '{Rawnet}' {arguments} 2>'{stderr}'; echo \"{Exited}$?\"; sleep 60", 160, 40);
    }

    /// <summary>The live UI's temporary captures (rawnet-ui-PID-ID.pcap) now in the temp folder, but those of this test process (in-process UI tests).</summary>
    private static HashSet<string> TemporaryCaptures()
    {
        string mine = $"rawnet-ui-{Environment.ProcessId}-";
        return Directory.GetFiles(Path.GetTempPath(), "rawnet-ui-*.pcap").Where(f => !Path.GetFileName(f).StartsWith(mine, StringComparison.Ordinal)).ToHashSet();
    }

    /// <summary>Waits up to 10 s for <paramref name="files"/> to be deleted, then fails naming any left.</summary>
    private static void AssertDeleted(IReadOnlyList<string> files, string when)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (files.Any(File.Exists) && clock.Elapsed < TimeSpan.FromSeconds(10))
            Thread.Sleep(50);
        Assert.All(files, file => Assert.False(File.Exists(file), $"{file} was left behind {when}"));
    }

    private static string TempFile(string suffix) => Path.Combine(Path.GetTempPath(), $"rawnet-ui-e2e-{Environment.ProcessId}-{Guid.NewGuid():N}{suffix}");

    [Fact]
    public void Live_capture_shows_every_datagram_sent_from_the_peer_and_counts_them()
    {
        ExternalTool.Require("tmux", "tmux");
        using var lab = NetworkLab.Create();
        var stderr = TempFile(".err");
        const int Datagrams = 300;
        const int Port = 40123;
        try
        {
            using var ui = StartIn(lab.A.Namespace, $"ui -i {lab.A.Interface} -f 'udp port {Port}' --stats-on-exit", stderr);
            var screen = ui.WaitFor($"live {lab.A.Interface} |");
            Assert.Contains("0 packets, 0 shown", screen, StringComparison.Ordinal);

            var payloads = Enumerable.Range(0, Datagrams).Select(i => System.Text.Encoding.ASCII.GetBytes($"rawnet ui live {i:D4}")).ToList();
            int sourcePort = lab.SendUdp(lab.B, Port, payloads);
            screen = ui.WaitFor($"{Datagrams} packets, {Datagrams} shown");
            // Following: the last datagram is selected and on screen, with the peer's address and ports.
            Assert.Contains($"| Packet {Datagrams}", screen, StringComparison.Ordinal);
            Assert.Contains($">{Datagrams,8}", screen, StringComparison.Ordinal);
            Assert.Contains($"{lab.B.Ipv4} {lab.A.Ipv4}", screen.Replace("  ", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains($"{sourcePort} → {Port} Len=19", screen, StringComparison.Ordinal);
            Assert.Contains("drops: kernel 0, ring 0", screen, StringComparison.Ordinal);

            // The interfaces screen offers to stop; the list stays with every packet.
            ui.Keys("i");
            screen = ui.WaitFor($"Stop the capture on {lab.A.Interface}");
            Assert.Contains(lab.A.Ipv4.ToString(), screen, StringComparison.Ordinal);
            ui.Keys("Enter");
            screen = ui.WaitFor($"{lab.A.Interface} stopped |");
            Assert.Contains($"{Datagrams} packets, {Datagrams} shown", screen, StringComparison.Ordinal);
            ui.Keys("q");
            screen = ui.WaitFor(Exited);
            Assert.Contains(Exited + "0", screen, StringComparison.Ordinal);
            Assert.Equal($"ui-stats source {lab.A.Interface} captured {Datagrams} indexed {Datagrams} shown {Datagrams} kernel-drops 0 ring-drops 0",
                File.ReadAllText(stderr).Trim());
        }
        finally
        {
            File.Delete(stderr);
        }
    }

    [Fact]
    public void Without_file_or_interface_root_captures_on_the_default_interface_and_q_deletes_the_temporary_file()
    {
        ExternalTool.Require("tmux", "tmux");
        using var lab = NetworkLab.Create();
        var stderr = TempFile(".err");
        try
        {
            var before = TemporaryCaptures();
            using var ui = StartIn(lab.A.Namespace, "ui", stderr);
            // No default route in the lab: the first interface up that is not loopback.
            ui.WaitFor($"live {lab.A.Interface} |");
            var created = TemporaryCaptures().Except(before).ToList();
            Assert.NotEmpty(created);
            lab.SendUdp(lab.B, 40124, [new byte[10], new byte[10], new byte[10]]);
            // Each datagram draws an ICMP port unreachable, and the lab's own multicast reports may come too.
            ui.WaitFor("→ 40124 Len=10");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (Regex.Count(ui.Screen(), "→ 40124 Len=10") < 3 && clock.Elapsed < TimeSpan.FromSeconds(10))
                Thread.Sleep(50);
            Assert.Equal(3, Regex.Count(ui.Screen(), "→ 40124 Len=10"));
            ui.Keys("C-c");
            var screen = ui.WaitFor(Exited);
            Assert.Contains(Exited + "0", screen, StringComparison.Ordinal);
            AssertDeleted(created, "after Ctrl-C");
        }
        finally
        {
            File.Delete(stderr);
        }
    }

    [Fact]
    public void Closing_the_terminal_stops_the_capture_and_deletes_its_temporary_file()
    {
        ExternalTool.Require("tmux", "tmux");
        using var lab = NetworkLab.Create();
        var stderr = TempFile(".err");
        try
        {
            var before = TemporaryCaptures();
            var ui = StartIn(lab.A.Namespace, $"ui -i {lab.A.Interface}", stderr);
            ui.WaitFor($"live {lab.A.Interface} |");
            var created = TemporaryCaptures().Except(before).ToList();
            Assert.NotEmpty(created);
            // Killing the tmux session hangs up the terminal: SIGHUP.
            ui.Dispose();
            AssertDeleted(created, "after SIGHUP");
        }
        finally
        {
            File.Delete(stderr);
        }
    }

    [Fact]
    public void Without_cap_net_raw_the_bundled_capture_opens_and_the_interfaces_screen_says_how_to_capture()
    {
        ExternalTool.RequireRoot();
        var setpriv = ExternalTool.Require("setpriv", "util-linux");
        ExternalTool.Require("tmux", "tmux");
        // Root without any capability: the files stay readable, capturing is refused.
        using var ui = new TmuxSession($"'{setpriv}' --inh-caps=-all --bounding-set=-all '{Dotnet}' '{Rawnet}' ui; echo \"{Exited}$?\"; sleep 60");
        var screen = ui.WaitFor("Packets (10 shown of 10)");
        Assert.Contains("tcp-handshake-ipv4.pcap", screen, StringComparison.Ordinal);
        Assert.Contains("sample; live capture needs CAP_NET_RAW (see i)", screen, StringComparison.Ordinal);
        ui.Keys("i");
        screen = ui.WaitFor("Interfaces  j/k choose");
        Assert.Contains("capturing needs CAP_NET_RAW; run as root", screen, StringComparison.Ordinal);
        Assert.Contains("setcap cap_net_raw", screen, StringComparison.Ordinal);
        Assert.Contains("lo ", screen, StringComparison.Ordinal);
        ui.Keys("Enter");
        ui.Keys("Escape");
        ui.WaitFor("Packets (10 shown of 10)");
        ui.Keys("q");
        ui.WaitFor(Exited + "0");
    }

    [Fact]
    public void Replay_plays_at_the_recorded_timing_pauses_steps_and_changes_speed()
    {
        ExternalTool.Require("tmux", "tmux");
        // Ten frames one second apart (the UDP exchange's frames, retimed), in a file with a short name: the status bar has room.
        var path = Path.Combine(Path.GetTempPath(), $"rn-{Guid.NewGuid().ToString("N")[..6]}.pcap");
        try
        {
            using (var reader = CaptureFileReader.Open(Path.Combine(TestPaths.Captures, "udp-exchange.pcap")))
            using (var writer = PcapWriter.Create(path, LinkType.Ethernet, precision: TimestampPrecision.Nanoseconds))
            {
                var frames = new List<(FrameMetadata Metadata, byte[] Data)>();
                while (reader.TryReadNext(out var frame))
                    frames.Add((frame.Metadata, frame.Data.ToArray()));
                for (int i = 0; i < 10; i++)
                    writer.Write(frames[i % frames.Count].Metadata with { TimestampNanoseconds = 1_700_000_000_000_000_000 + i * 1_000_000_000L }, frames[i % frames.Count].Data);
            }
            using var ui = new TmuxSession($"'{Dotnet}' '{Rawnet}' ui '{path}'; echo \"{Exited}$?\"; sleep 60");
            ui.WaitFor("10 packets, 10 shown");
            ui.Keys("p");
            var screen = ui.WaitFor("▶ x1");
            Assert.Contains("10 packets, 1 shown", screen, StringComparison.Ordinal);
            // One packet a second: the third appears after two seconds, and the selection follows it.
            screen = ui.WaitFor("10 packets, 3 shown", 10);
            Assert.Contains("| Packet 3", screen, StringComparison.Ordinal);
            ui.Keys("p");
            screen = ui.WaitFor("⏸ x1");
            int paused = CountsOn(screen).Shown;
            Thread.Sleep(1500);
            Assert.Equal(paused, CountsOn(ui.Screen()).Shown);
            ui.Keys(".");
            screen = ui.WaitFor($"10 packets, {paused + 1} shown");
            Assert.Contains($"| Packet {paused + 1}", screen, StringComparison.Ordinal);
            ui.Keys("+", "+", "+");
            ui.WaitFor("⏸ x8");
            ui.Keys("p");
            // At x8 the rest (at most 7 s recorded) takes under a second; the end shows all and stops.
            screen = ui.WaitFor("Replay finished", 10);
            Assert.Contains("10 packets, 10 shown", screen, StringComparison.Ordinal);
            ui.Keys("q");
            ui.WaitFor(Exited + "0");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
