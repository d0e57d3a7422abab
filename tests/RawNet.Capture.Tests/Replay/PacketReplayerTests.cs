using RawNet.Capture.Sources;
using RawNet.Capture.Replay;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Replay;

/// <summary>Replay timing is measured alone: on 2 shared cores the rest of the suite preempts the spinning sender for milliseconds.</summary>
[CollectionDefinition(nameof(ReplayTiming), DisableParallelization = true)]
public sealed class ReplayTiming;

/// <summary>Replay into a lab veth (MTU 9000), checked at the other end with tcpdump as the oracle.</summary>
[Collection(nameof(ReplayTiming))]
public sealed class PacketReplayerTests
{
    private static ReplayResult Replay(LabEnd from, string path, ReplayOptions options, string backend = CaptureBackends.Auto) =>
        NetworkLab.RunInNamespace(from.Namespace, () =>
        {
            using var replayer = PacketReplayer.Open(from.Interface, backend);
            Assert.Equal(backend == CaptureBackends.Auto ? CaptureBackends.AfPacket : backend, replayer.BackendName);
            return replayer.Replay(path, options with { Interface = from.Interface });
        });

    private static void RequireLibPcap(string backend)
    {
        if (backend == CaptureBackends.LibPcap && !RawNet.Capture.LibPcap.PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
    }

    [Theory]
    [InlineData(CaptureBackends.Auto)]
    [InlineData(CaptureBackends.LibPcap)]
    public void Top_speed_delivers_20000_bench_frames_byte_for_byte_in_order(string backend)
    {
        RequireLibPcap(backend);
        var path = ReplayFiles.Bench(20000);
        var received = Path.Combine(Path.GetTempPath(), $"rawnet-replay-rx-{Guid.NewGuid():N}.pcap");
        try
        {
            using var lab = NetworkLab.Create(mtu: 9000);
            var sent = ReplayFiles.ReadAll(path);
            // No "inbound" filter: with it tcpdump wrote ~950 fewer frames than it counted as received (cause not yet found).
            // Not lab.StartTcpdump: its --immediate-mode makes libpcap use TPACKET_V2, a ring of MTU-sized slots that
            // a top-speed burst of 20,000 frames overflows; without it TPACKET_V3 packs frames into 64 MiB of blocks.
            var tcpdump = lab.StartIn(lab.B.Namespace, ExternalTool.Require("tcpdump", "tcpdump"),
                "-i", lab.B.Interface, "-w", received, "-U", "-s", "65535", "-B", "131072", "-Z", "root");
            WaitUntilListening(tcpdump);
            var result = Replay(lab.A, path, new ReplayOptions("", ReplayPacing.TopSpeed), backend);
            Thread.Sleep(1000);
            // SIGINT (ip netns exec became tcpdump): it writes what it holds and prints its counts.
            ExternalTool.Run(ExternalTool.Require("kill", "procps"), ["-INT", tcpdump.Id.ToString()]);
            Assert.True(tcpdump.WaitForExit(TimeSpan.FromSeconds(10)), "tcpdump did not stop");
            var counts = tcpdump.StandardError.ReadToEnd();

            Assert.Equal(0, result.FailedCount);
            Assert.Equal(sent.Count, result.PacketsSent);
            Assert.Equal(sent.Sum(f => (long)f.Length), result.BytesSent);
            // tcpdump is the oracle here; when the rest of the suite starves it of CPU its ring overflows, which says
            // nothing about replay.
            if (!counts.Contains("\n0 packets dropped by kernel", StringComparison.Ordinal))
                Assert.Skip("tcpdump, the oracle, dropped frames under load: " + counts.ReplaceLineEndings(" "));
            // Frames from the lab ends' own stacks (their MACs; the bench capture never uses them) are not replayed frames.
            byte[][] labMacs = [lab.A.Mac.GetAddressBytes(), lab.B.Mac.GetAddressBytes()];
            var arrived = ReplayFiles.ReadAll(received).Where(f => !labMacs.Any(m => f.AsSpan(6, 6).SequenceEqual(m))).ToList();
            Assert.True(sent.Count == arrived.Count, $"{arrived.Count} frames arrived; tcpdump: {counts}");
            for (int i = 0; i < sent.Count; i++)
                Assert.True(sent[i].AsSpan().SequenceEqual(arrived[i]), $"frame {i + 1} differs");
        }
        finally
        {
            File.Delete(path);
            File.Delete(received);
        }
    }

    private static void WaitUntilListening(System.Diagnostics.Process tcpdump)
    {
        var line = tcpdump.StandardError.ReadLineAsync();
        Assert.True(line.Wait(TimeSpan.FromSeconds(15)) && line.Result?.Contains("listening on") == true, "tcpdump did not start: " + (line.IsCompleted ? line.Result : ""));
    }

    [Theory]
    [InlineData(CaptureBackends.Auto)]
    [InlineData(CaptureBackends.LibPcap)]
    public void A_frame_over_the_MTU_is_refused_and_reported_by_number_while_the_others_go(string backend)
    {
        RequireLibPcap(backend);
        using var lab = NetworkLab.Create(mtu: 9000);
        byte[][] frames = [lab.ExperimentalFrame(lab.A, "mtu", 1), lab.ExperimentalFrame(lab.A, "mtu", 2, 9100), lab.ExperimentalFrame(lab.A, "mtu", 3)];
        var path = ReplayFiles.Write(frames, [0, 1_000_000, 2_000_000]);
        try
        {
            var result = Replay(lab.A, path, new ReplayOptions(""), backend);

            Assert.Equal(2, result.PacketsSent);
            Assert.Equal(1, result.FailedCount);
            Assert.Equal([2L], result.FailedFrames);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Two_hundred_frames_at_1000_pps_take_about_200_ms_with_sub_millisecond_error()
    {
        using var lab = NetworkLab.Create(mtu: 9000);
        // Recorded 1 s apart: only --pps can make this take 0.2 s.
        var path = ReplayFiles.Evenly(lab, lab.A, 200, 1_000_000_000, "pps");
        try
        {
            // 199 gaps of 1 ms.
            var result = SchedulerNoise.Within(3, 200, 1_000_000,
                () => Replay(lab.A, path, new ReplayOptions("", ReplayPacing.FixedRate, PacketsPerSecond: 1000)),
                (result, noise) => TimingFailure(result, 0.199, noise));

            Assert.Equal(200, result.PacketsSent);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(1.0, 0.2)]
    [InlineData(2.0, 0.1)]
    [InlineData(0.5, 0.4)]
    public void Speed_divides_the_recorded_gaps(double speed, double expectedSeconds)
    {
        using var lab = NetworkLab.Create(mtu: 9000);
        // 11 frames recorded 20 ms apart: 0.2 s as recorded.
        var path = ReplayFiles.Evenly(lab, lab.A, 11, 20_000_000, "speed");
        try
        {
            long gap = (long)(20_000_000 / speed);
            var result = SchedulerNoise.Within(3, 11, gap, () => Replay(lab.A, path, new ReplayOptions("", Speed: speed)),
                (result, noise) => TimingFailure(result, expectedSeconds, noise));

            Assert.Equal(11, result.PacketsSent);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Why a paced replay missed its schedule: a total time outside 25% of <paramref name="expectedSeconds"/>, or a mean
    /// error of 1 ms more than this machine's own lateness (<paramref name="noise"/>, microseconds); null when it kept it.
    /// </summary>
    private static string? TimingFailure(ReplayResult result, double expectedSeconds, double noise)
    {
        double elapsed = result.Elapsed.TotalSeconds;
        if (elapsed < expectedSeconds * 0.75 || elapsed > expectedSeconds * 1.25)
            return $"took {elapsed:F3} s against {expectedSeconds:F3} s";
        if (result.MeanErrorMicroseconds >= 1000 + noise)
            return $"mean error {result.MeanErrorMicroseconds:F0} us, max {result.MaxErrorMicroseconds:F0} us; this machine's own wait was late by {noise:F0} us on average";
        return null;
    }

    [Fact]
    public void Loop_sends_the_file_again_after_its_last_frame()
    {
        using var lab = NetworkLab.Create(mtu: 9000);
        var path = ReplayFiles.Evenly(lab, lab.A, 5, 10_000_000, "loop");
        try
        {
            var (result, noise) = SchedulerNoise.Around(15, 10_000_000, () => Replay(lab.A, path, new ReplayOptions("", Loops: 3)));

            Assert.Equal(15, result.PacketsSent);
            // Three passes of 40 ms, each starting right after the last frame of the one before: so each pass may end
            // as late as this machine wakes a thread (SchedulerNoise) on top of the 25%.
            Assert.InRange(result.Elapsed.TotalSeconds, 0.12 * 0.75, 0.12 * 1.25 + 3 * noise / 1e6);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_that_is_not_Ethernet_is_refused_with_a_clear_message()
    {
        using var lab = NetworkLab.Create();
        var path = ReplayFiles.Write([new byte[40]], [0], LinkType.Raw);
        try
        {
            var e = Assert.Throws<ReplayException>(() => Replay(lab.A, path, new ReplayOptions("")));
            Assert.Contains("only Ethernet", e.Message);
            Assert.Contains("frame 1", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(CaptureBackends.Auto)]
    [InlineData(CaptureBackends.LibPcap)]
    public void An_unknown_interface_is_one_clear_message(string backend)
    {
        ExternalTool.RequireRoot();
        RequireLibPcap(backend);
        var e = Assert.Throws<ReplayException>(() => PacketReplayer.Open("rn-nosuch0", backend));
        Assert.Contains("rn-nosuch0: No such interface", e.Message);
    }
}
