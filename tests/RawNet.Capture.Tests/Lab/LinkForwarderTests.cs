using RawNet.Capture.Lab.Link;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Lab;

/// <summary>
/// The lab link's forwarder in namespaces of the test's own, with the peers as oracles: UDP sockets at the ends (what
/// arrived, and when) and tcpdump on both sides of the link (every frame sent and delivered).
/// </summary>
[Collection(nameof(LabTiming))]
public sealed class LinkForwarderTests
{
    private static LinkSettings Settings(ulong seed, params (string Name, string Value)[] options)
    {
        Assert.True(LinkSettings.Default(seed).TryApply(options.Select(o => new KeyValuePair<string, string>(o.Name, o.Value)), out var settings, out var error), error);
        return settings;
    }

    [Fact]
    public void Without_impairment_every_frame_crosses_both_ways_and_checksums_are_whole()
    {
        using var lab = ImpairedLab.Create(LinkSettings.Default(1));
        // The kernel at the far end drops a datagram whose checksum is wrong: arriving at all proves it whole.
        Assert.Equal(500, lab.SendUdp(from: 1, count: 500, burst: 50).Count);
        Assert.Equal(500, lab.SendUdp(from: 2, count: 500, burst: 50).Count);
        var aToB = lab.Board.Snapshot(LinkDirection.AToB);
        Assert.Equal(500, aToB.Received);
        Assert.Equal(500, aToB.Forwarded);
        Assert.Equal(500, lab.Board.Snapshot(LinkDirection.BToA).Forwarded);
    }

    [Fact]
    public void Jumbo_frames_cross_whole_among_small_ones()
    {
        // A 9,014-byte frame takes most of one of the forwarder's 16 KiB ring blocks; the small ones around it share blocks.
        using var lab = ImpairedLab.Create(Settings(1, ("mtu", "9000")));
        foreach (var from in new[] { 1, 2 })
        {
            Assert.Equal(300, lab.SendUdp(from, count: 300, burst: 20, payloadLength: 8972).Count);
            Assert.Equal(300, lab.SendUdp(from, count: 300, burst: 20, payloadLength: 100).Count);
        }
        foreach (var direction in new[] { LinkDirection.AToB, LinkDirection.BToA })
        {
            var counters = lab.Board.Snapshot(direction);
            Assert.Equal(600, counters.Forwarded);
            Assert.Equal(0, counters.DroppedOnArrival);
        }
    }

    [Fact]
    public void The_same_seed_and_traffic_lose_the_same_frames_at_the_set_rate()
    {
        const int Frames = 10_000;
        const double Loss = 10;
        var lost = new List<int[]>();
        foreach (var run in new[] { 1, 2 })
        {
            using var lab = ImpairedLab.Create(Settings(4242, ("loss", $"{Loss}%")));
            var arrived = lab.SendUdp(from: 1, count: Frames, burst: 10).Select(a => a.Sequence).ToHashSet();
            lost.Add([.. Enumerable.Range(0, Frames).Where(i => !arrived.Contains(i))]);
            var counters = lab.Board.Snapshot(LinkDirection.AToB);
            // Every frame the link did not drop arrived: the sockets lost nothing, so the two runs compare the link alone.
            Assert.Equal(Frames, counters.Received);
            Assert.Equal(counters.DroppedByLoss, lost[^1].Length);
        }
        Assert.Equal(lost[0], lost[1]);
        // The 99% interval of a binomial count: 10% of 10,000 +- 2.576 sd (sd = 30).
        var sd = Math.Sqrt(Frames * Loss / 100 * (1 - Loss / 100));
        Assert.InRange(lost[0].Length, Frames * Loss / 100 - 2.576 * sd, Frames * Loss / 100 + 2.576 * sd);
    }

    [Fact]
    public void Each_direction_is_delayed_by_its_own_setting_within_a_millisecond()
    {
        using var lab = ImpairedLab.Create(Settings(1, ("delay", "20ms/5ms")));
        foreach (var (from, expected) in new[] { (1, 20.0), (2, 5.0) })
        {
            // Within a millisecond plus how late this machine wakes a waiting thread at the time (SchedulerNoise): under
            // load the median was 1.5 to 2 ms late with the link's schedule exact.
            var (arrived, noiseMicroseconds) = SchedulerNoise.Around(200, 1_000_000, () => lab.SendUdp(from, count: 200, burst: 1));
            var delays = arrived.Select(a => a.DelayMs).Order().ToArray();
            Assert.Equal(200, delays.Length);
            Assert.InRange(delays[delays.Length / 2], expected - 1, expected + 1 + noiseMicroseconds / 1000);
            // Never early: a frame leaves no sooner than its delay after the kernel saw it arrive.
            Assert.True(delays[0] >= expected - 0.05, $"earliest {delays[0]:0.000} ms");
        }
    }

    [Fact]
    public void New_settings_apply_to_the_next_frame_without_stopping_the_link()
    {
        using var lab = ImpairedLab.Create(Settings(1, ("loss", "100%")));
        Assert.Empty(lab.SendUdp(from: 1, count: 100, burst: 10));
        Assert.True(LinkSettings.Default(1).TryApply([new("loss", "0%")], out var open, out _));
        lab.Forwarder.Apply(open);
        Assert.Equal(100, lab.SendUdp(from: 1, count: 100, burst: 10).Count);
        var counters = lab.Board.Snapshot(LinkDirection.AToB);
        Assert.Equal(100, counters.DroppedByLoss);
        Assert.Equal(100, counters.Forwarded);
    }

    [Fact]
    public void Frames_leave_at_the_set_rate_within_five_percent()
    {
        using var lab = ImpairedLab.Create(Settings(1, ("rate", "10mbit")));
        // 400 datagrams of 1000 bytes (1042-byte frames) offered at about 80 Mbit/s queue up and leave 833.6 µs apart.
        var arrived = lab.SendUdp(from: 1, count: 400, burst: 10, payloadLength: 1000);
        Assert.Equal(400, arrived.Count);
        // The rate is the slope of arrival time over frame number (least squares over all 400), not last minus first:
        // under CI's load one late wake-up of the forwarder's thread delayed the last frame alone by 25 ms (7.7% of the
        // run) while the schedule, kept in the link's own clock, stayed exact.
        double mean = (arrived.Count - 1) / 2.0;
        double meanTime = arrived.Average(a => (double)a.ArrivalTicks);
        double covariance = 0, variance = 0;
        for (int i = 0; i < arrived.Count; i++)
        {
            covariance += (i - mean) * (arrived[i].ArrivalTicks - meanTime);
            variance += (i - mean) * (i - mean);
        }
        var secondsPerFrame = covariance / variance / System.Diagnostics.Stopwatch.Frequency;
        var expected = 1042 * 8 / 10e6;
        Assert.InRange(secondsPerFrame, expected * 0.95, expected * 1.05);
        Assert.True(lab.Board.Snapshot(LinkDirection.AToB).QueueDepthMax > 10, "the offered load should have queued");
    }

    [Fact]
    public void The_counters_equal_what_tcpdump_sees_on_both_sides_of_the_link()
    {
        var tcpdump = ExternalTool.Require("tcpdump", "tcpdump");
        using var lab = ImpairedLab.Create(Settings(5, ("delay", "2ms"), ("loss", "3%"), ("duplicate", "3%"), ("reorder", "5%"), ("corrupt", "3%")));
        var directory = Directory.CreateTempSubdirectory("rawnet-link-");
        try
        {
            var sentPath = Path.Combine(directory.FullName, "sent.pcap");
            var deliveredPath = Path.Combine(directory.FullName, "delivered.pcap");
            // What a sends leaves rn-a (-Q out there); what the link delivers arrives at rn-b (-Q in).
            using (var sentCapture = Tcpdump(tcpdump, lab.Network.NamespaceA, lab.Network.InterfaceA, sentPath, "out"))
            using (var deliveredCapture = Tcpdump(tcpdump, lab.Network.NamespaceB, lab.Network.InterfaceB, deliveredPath, "in"))
            {
                lab.SendUdp(from: 1, count: 2000, burst: 10);
                Thread.Sleep(200);
                sentCapture.Interrupt(TimeSpan.FromSeconds(10));
                deliveredCapture.Interrupt(TimeSpan.FromSeconds(10));
            }
            var counters = lab.Board.Snapshot(LinkDirection.AToB);
            var sent = Replay.ReplayFiles.ReadAll(sentPath);
            var delivered = Replay.ReplayFiles.ReadAll(deliveredPath);
            Assert.Equal(sent.Count, counters.Received);
            Assert.Equal(delivered.Count, counters.Forwarded);

            // Map each delivered frame to the sent frame it is: equal bytes, or (corrupted) one bit apart.
            var index = new Dictionary<string, int>();
            for (var i = 0; i < sent.Count; i++)
                index.TryAdd(Convert.ToHexString(sent[i]), i);
            var seen = new HashSet<int>();
            var order = new List<int>();
            int duplicates = 0, corrupted = 0;
            foreach (var frame in delivered)
            {
                if (!index.TryGetValue(Convert.ToHexString(frame), out var which))
                {
                    which = sent.FindIndex(s => s.Length == frame.Length && BitsApart(s, frame) == 1);
                    Assert.True(which >= 0, "a delivered frame is neither a sent frame nor one bit off one");
                    if (!seen.Contains(which))
                        corrupted++;
                }
                if (!seen.Add(which))
                {
                    duplicates++;
                    continue;
                }
                order.Add(which);
            }
            Assert.Equal(counters.Duplicated, duplicates);
            Assert.Equal(counters.Corrupted, corrupted);
            Assert.Equal(counters.DroppedByLoss + counters.DroppedByQueue, sent.Count - seen.Count);
            // Reordered: frames delivered ahead of a frame that was sent before them.
            var reordered = 0;
            var earliestLater = int.MaxValue;
            for (var i = order.Count - 1; i >= 0; i--)
            {
                if (earliestLater < order[i])
                    reordered++;
                earliestLater = Math.Min(earliestLater, order[i]);
            }
            Assert.Equal(counters.Reordered, reordered);
            Assert.True(counters.Reordered > 0 && counters.Duplicated > 0 && counters.Corrupted > 0 && counters.DroppedByLoss > 0,
                "every impairment should have happened at least once in 2000 frames");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static ListeningProcess Tcpdump(string tcpdump, string ns, string device, string path, string direction)
    {
        var start = new System.Diagnostics.ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var word in (string[])["netns", "exec", ns, tcpdump, "-i", device, "-w", path, "-U", "--immediate-mode", "-s", "262144",
            "-B", "32768", "-Z", "root", "-Q", direction])
            start.ArgumentList.Add(word);
        var process = ListeningProcess.Start(System.Diagnostics.Process.Start(start)!, "tcpdump", TimeSpan.FromSeconds(15));
        Assert.True(process.IsListening, process.StandardError);
        return process;
    }

    private static int BitsApart(byte[] a, byte[] b)
    {
        var bits = 0;
        for (var i = 0; i < a.Length; i++)
            bits += System.Numerics.BitOperations.PopCount((uint)(a[i] ^ b[i]));
        return bits;
    }
}
