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
    private static TmuxSession StartIn(string ns, string arguments, string stderr, int columns = 160)
    {
        var ip = ExternalTool.Require("ip", "iproute2");
        // 160 columns: the live status bar (rate, drops, ring fill, counts, selected packet) grows with the rate and the
        // counts, and at 120 its end ("| Packet N") is cut when the rate has three digits.
        return new TmuxSession($"'{ip}' netns exec {ns} '{Dotnet}' '{Rawnet}' {arguments} 2>'{stderr}'; echo \"{Exited}$?\"; sleep 60", columns, 40);
    }

    /// <summary>
    /// The live UI's temporary captures (rawnet-ui-PID.pcap, each in a private rawnet-ui-XXXXXX directory) now in the temp
    /// folder, but those of this test process (in-process UI tests).
    /// </summary>
    private static HashSet<string> TemporaryCaptures()
    {
        string mine = $"rawnet-ui-{Environment.ProcessId}.pcap";
        return Directory.GetDirectories(Path.GetTempPath(), "rawnet-ui-*")
            .SelectMany(FilesIfStillThere)
            .Where(f => Path.GetFileName(f) != mine).ToHashSet();
    }

    // A directory another test's UI (rawnet-ui-config-..., or a capture's) removes between the listing and the look inside
    // holds no capture of this test's.
    private static string[] FilesIfStillThere(string directory)
    {
        try
        {
            return Directory.GetFiles(directory, "rawnet-ui-*.pcap");
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>Waits up to 10 s for <paramref name="files"/> and their private directories to be deleted, then fails naming any left.</summary>
    private static void AssertDeleted(IReadOnlyList<string> files, string when)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (files.Any(file => File.Exists(file) || Directory.Exists(Path.GetDirectoryName(file))) && clock.Elapsed < TimeSpan.FromSeconds(10))
            Thread.Sleep(50);
        Assert.All(files, file => Assert.False(File.Exists(file), $"{file} was left behind {when}"));
        Assert.All(files, file => Assert.False(Directory.Exists(Path.GetDirectoryName(file)), $"{Path.GetDirectoryName(file)} was left behind {when}"));
    }

    private static string TempFile(string suffix) => Path.Combine(Path.GetTempPath(), $"rawnet-ui-e2e-{Environment.ProcessId}-{Guid.NewGuid():N}{suffix}");

    [Theory]
    [InlineData("", "")]
    [InlineData("--backend libpcap", " with libpcap")]
    [InlineData("--threads 2", " with 2 AF_PACKET sockets")]
    public void Live_capture_shows_every_datagram_sent_from_the_peer_and_counts_them(string backend, string how)
    {
        ExternalTool.Require("tmux", "tmux");
        if (backend.Contains("libpcap", StringComparison.Ordinal) && !RawNet.Capture.LibPcap.PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
        using var lab = NetworkLab.Create();
        var stderr = TempFile(".err");
        const int Datagrams = 300;
        const int Port = 40123;
        try
        {
            using var ui = StartIn(lab.A.Namespace, $"ui -i {lab.A.Interface} -f 'udp port {Port}' {backend} --stats-on-exit", stderr, columns: 220);
            var screen = ui.WaitFor($"live {lab.A.Interface} |");
            Assert.Contains("0 packets, 0 shown", screen, StringComparison.Ordinal);
            // The status line says how the capture runs when it is not the usual one AF_PACKET socket.
            // (220 columns: the status bar holds the live counters before it.)
            Assert.Contains($"Capturing on {lab.A.Interface} (udp port {Port}){how}: i stops", screen, StringComparison.Ordinal);

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
    public void Run_by_root_the_ui_becomes_nobody_with_cap_net_raw_alone_keeps_its_capture_private_and_still_starts_new_ones()
    {
        ExternalTool.Require("tmux", "tmux");
        using var lab = NetworkLab.Create();
        var ip = ExternalTool.Require("ip", "iproute2");
        var stderr = TempFile(".err");
        try
        {
            // No sudo in its environment, whatever the test runner's: root becomes nobody.
            using var ui = new TmuxSession($"env -u SUDO_UID -u SUDO_GID -u SUDO_USER '{ip}' netns exec {lab.A.Namespace} '{Dotnet}' '{Rawnet}' ui -i {lab.A.Interface} 2>'{stderr}'; echo \"{Exited}$?\"; sleep 60", 160, 40);
            ui.WaitFor($"live {lab.A.Interface} |");
            int pid = ProcessCredentials.Find(Rawnet, "ui", "-i", lab.A.Interface) ?? throw new InvalidOperationException("rawnet ui is not running");

            // Every thread runs as nobody; CAP_NET_RAW is the one capability left, and only the main thread's family holds it.
            var threads = ProcessCredentials.Threads(pid);
            Assert.All(threads, thread =>
            {
                Assert.Equal([65534u, 65534u, 65534u, 65534u], thread.Uids);
                Assert.Equal([65534u, 65534u, 65534u, 65534u], thread.Gids);
                Assert.Equal(0UL, thread.Permitted & ~ProcessCredentials.NetRaw);
                Assert.Equal(0UL, thread.Effective & ~ProcessCredentials.NetRaw);
                Assert.Equal(0UL, thread.Inheritable | thread.Ambient);
            });
            var main = ProcessCredentials.Main(pid);
            Assert.Equal(ProcessCredentials.NetRaw, main.Effective);
            Assert.Equal(ProcessCredentials.NetRaw, main.Permitted);
            Assert.Equal(ProcessCredentials.NetRaw, main.Bounding);
            Assert.True(main.NoNewPrivileges);

            var first = AssertPrivateCapture(pid);

            // The interfaces screen: stop, then start a capture on the first interface, with nothing but CAP_NET_RAW.
            ui.Keys("i");
            ui.WaitFor($"Stop the capture on {lab.A.Interface}");
            ui.Keys("Enter");
            ui.WaitFor($"{lab.A.Interface} stopped |");
            ui.Keys("i");
            ui.WaitFor("Interfaces  j/k choose");
            ui.Keys("Enter");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            string? second = null;
            while (clock.Elapsed < TimeSpan.FromSeconds(20) && (second = OpenCapture(pid)) == first)
                Thread.Sleep(50);
            Assert.True(second is not null && second != first, "no new capture started:\n" + ui.Screen());
            // The status bar says so at the next redraw, a tick after the file appears.
            clock.Restart();
            while (clock.Elapsed < TimeSpan.FromSeconds(5) && !System.Text.RegularExpressions.Regex.IsMatch(ui.Screen(), @"live \S+ \|"))
                Thread.Sleep(50);
            Assert.Matches(@"live \S+ \|", ui.Screen());
            Assert.DoesNotContain("Operation not permitted", ui.Screen(), StringComparison.Ordinal);
            AssertPrivateCapture(pid);
            // The first capture's file and directory went with it.
            AssertDeleted([first!], "after a new capture started");

            ui.Keys("q");
            Assert.Contains(Exited + "0", ui.WaitFor(Exited), StringComparison.Ordinal);
            AssertDeleted([second!], "after q");
        }
        finally
        {
            File.Delete(stderr);
        }
    }

    [Fact]
    public void A_full_disk_stops_the_live_capture_with_one_line_naming_the_file_and_the_packets_kept_stay_on_screen()
    {
        ExternalTool.Require("tmux", "tmux");
        var unshare = ExternalTool.Require("unshare", "util-linux");
        using var lab = NetworkLab.Create();
        var ip = ExternalTool.Require("ip", "iproute2");
        var stderr = TempFile(".err");
        var disk = Directory.CreateTempSubdirectory("rawnet-ui-disk-").FullName;
        ExternalTool.Run("chmod", ["755", disk]);
        const int Port = 40125;
        try
        {
            // A 64 KiB tmpfs as the temp directory, mounted in a mount namespace of the UI's own.
            using var ui = new TmuxSession($"env -u XDG_RUNTIME_DIR TMPDIR='{disk}' '{unshare}' -m sh -c \"mount -t tmpfs -o size=64k tmpfs '{disk}' && exec '{ip}' netns exec {lab.A.Namespace} '{Dotnet}' '{Rawnet}' ui -i {lab.A.Interface} -f 'udp port {Port}'\" 2>'{stderr}'; echo \"{Exited}$?\"; sleep 60", 320, 40);
            ui.WaitFor($"live {lab.A.Interface} |");
            // Bounded: 200 datagrams of 1,000 bytes, three times the disk.
            lab.SendUdp(lab.B, Port, [.. Enumerable.Range(0, 200).Select(_ => new byte[1000])]);
            // Wide enough for the whole status bar: the message is its last part.
            var screen = ui.WaitFor("every one whole)");
            var line = screen.Split('\n').Single(l => l.Contains("No space left on device", StringComparison.Ordinal));
            var match = Regex.Match(line, @"Capture stopped: (?<path>/\S+/rawnet-ui-\d+\.pcap): No space left on device \((?<kept>\d+) packets kept, every one whole\)");
            Assert.True(match.Success, screen);
            Assert.StartsWith(disk + "/rawnet-ui-", match.Groups["path"].Value, StringComparison.Ordinal);
            int kept = int.Parse(match.Groups["kept"].Value);
            Assert.InRange(kept, 20, 64);
            Assert.Contains($"{lab.A.Interface} stopped |", screen, StringComparison.Ordinal);
            Assert.Contains($"{kept} packets, {kept} shown", screen, StringComparison.Ordinal);
            ui.Keys("q");
            Assert.Contains(Exited + "0", ui.WaitFor(Exited), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(stderr);
            Directory.Delete(disk, recursive: true);
        }
    }

    /// <summary>The temporary capture <paramref name="pid"/> has open for writing, or null.</summary>
    private static string? OpenCapture(int pid)
    {
        foreach (var fd in Directory.GetFiles($"/proc/{pid}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && Path.GetFileName(target).StartsWith("rawnet-ui-", StringComparison.Ordinal) && target.EndsWith(".pcap", StringComparison.Ordinal))
                    return target;
            }
            catch (IOException)
            {
            }
        }
        return null;
    }

    /// <summary>The live capture's file is mode 0600 in a directory of its own, mode 0700, both nobody's; returns the file.</summary>
    private static string AssertPrivateCapture(int pid)
    {
        var file = OpenCapture(pid);
        Assert.NotNull(file);
        var directory = Path.GetDirectoryName(file)!;
        // Mode, owner and group as stat(1) prints them.
        Assert.Equal("600 65534 65534", ExternalTool.Run("stat", ["-c", "%a %u %g", file]).StdOut.Trim());
        Assert.Equal("700 65534 65534", ExternalTool.Run("stat", ["-c", "%a %u %g", directory]).StdOut.Trim());
        Assert.Equal([Path.GetFileName(file)], Directory.GetFileSystemEntries(directory).Select(Path.GetFileName));
        return file;
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
