using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RawNet.Capture.Sources;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Sources;

/// <summary>AF_PACKET specifics: loopback, Stop, kernel drops and their accounting, errors, the ring layout, allocation.</summary>
public sealed class AfPacketCaptureSourceTests
{
    private static string ExperimentalFilter => $"ether proto 0x{NetworkLab.ExperimentalEtherType:x4}";

    [Theory]
    [InlineData(32 << 20, 1 << 20, 32)]      // the default: 32 blocks of 1 MiB
    [InlineData(256 << 20, 1 << 20, 256)]    // blocks stop growing at 1 MiB
    [InlineData(8 << 20, 256 * 1024, 32)]
    [InlineData(1 << 20, 128 * 1024, 8)]     // nor shrink below 128 KiB
    [InlineData(100_000, 65536, 1)]          // below that: one block, the largest power of two that fits
    [InlineData(1000, 4096, 1)]              // at least a page
    public void Ring_layout_follows_the_buffer_size(int bufferBytes, int blockSize, int blockCount)
    {
        var layout = AfPacketRingLayout.For(bufferBytes);
        Assert.Equal(Math.Max(blockSize, Environment.SystemPageSize), layout.BlockSize);
        Assert.Equal(blockCount, layout.BlockCount);
        Assert.Equal(2048, layout.FrameSize);
        Assert.Equal(10, layout.RetireTimeoutMs);
    }

    [Fact]
    public void Eperm_and_eacces_name_cap_net_raw_root_and_setcap_with_the_binary()
    {
        foreach (var errno in new[] { 1, 13 })
        {
            var e = Assert.IsType<CapturePermissionException>(AfPacketException.FromErrno(errno, "socket(AF_PACKET)", "eth0"));
            Assert.Equal(errno, e.Errno);
            Assert.Contains("CAP_NET_RAW", e.Message);
            Assert.Contains("run as root", e.Message);
            Assert.Contains("sudo setcap cap_net_raw,cap_net_admin=eip ", e.Message);
            Assert.Contains("eth0", e.Message);
        }
        var named = new CapturePermissionException("eth0", 1, "/opt/rawnet/rawnet");
        Assert.EndsWith("sudo setcap cap_net_raw,cap_net_admin=eip /opt/rawnet/rawnet", named.Message);
        var hosted = new CapturePermissionException("eth0", 1, "/usr/share/dotnet/dotnet");
        Assert.EndsWith("eip <path of the published rawnet>", hosted.Message);
    }

    [Fact]
    public void Enodev_says_no_such_interface_and_other_errnos_name_the_call()
    {
        Assert.Equal("no such interface eth9", AfPacketException.FromErrno(19, "bind", "eth9").Message);
        Assert.Equal("no such interface eth9", AfPacketException.FromErrno(6, "bind", "eth9").Message);
        var other = AfPacketException.FromErrno(12, "setsockopt(PACKET_RX_RING)", "eth9");
        Assert.StartsWith("setsockopt(PACKET_RX_RING) on eth9: ", other.Message);
        Assert.Equal(12, other.Errno);
    }

    [Fact]
    public void Opening_an_interface_that_does_not_exist_says_so()
    {
        ExternalTool.RequireRoot();
        var e = Assert.Throws<AfPacketException>(() => AfPacketCaptureSource.Open(new CaptureOptions("rn-nosuch0")));
        Assert.Equal("no such interface rn-nosuch0", e.Message);
        Assert.Throws<AfPacketException>(() => AfPacketCaptureSource.Open(new CaptureOptions("any")));
    }

    [Fact]
    public void A_udp_datagram_to_127_0_0_1_is_seen_exactly_once_on_lo_as_libpcap_sees_it()
    {
        using var lab = NetworkLab.Create();
        // The lab's own loopback: nothing else talks on it.
        var (afpacket, libpcap, receiver) = NetworkLab.RunInNamespace(lab.A.Namespace, () =>
        {
            var r = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            r.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var filter = $"udp port {((IPEndPoint)r.LocalEndPoint!).Port}";
            return (AfPacketCaptureSource.Open(new CaptureOptions("lo", Filter: filter, BufferBytes: 1 << 20)),
                LabCaptureTests.OpenLibPcap(new CaptureOptions("lo", Filter: filter, BufferBytes: 1 << 20)), r);
        });
        using (afpacket)
        using (libpcap)
        using (receiver)
        {
            Assert.True(afpacket.IsLoopback);
            var payload = Encoding.ASCII.GetBytes("rawnet loopback " + lab.Id);
            NetworkLab.RunInNamespace(lab.A.Namespace, () =>
            {
                using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                sender.SendTo(payload, receiver.LocalEndPoint!);
            });
            var ours = CaptureDrain.Read(afpacket, quiet: TimeSpan.FromMilliseconds(500));
            var theirs = CaptureDrain.Read(libpcap, count: 1, limit: TimeSpan.FromSeconds(3));
            var single = Assert.Single(ours);
            Assert.Equal(PacketDirection.Inbound, single.Metadata.Direction);
            Assert.Equal(payload, single.Data[42..]);
            Assert.Equal(Assert.Single(theirs).Data, single.Data);
            Assert.True(afpacket.GetStatistics().ReceivedByFilter >= 1);
        }
    }

    [Fact]
    public void On_a_quiet_link_TryNext_returns_false_when_its_timeout_is_up_and_not_before()
    {
        using var lab = NetworkLab.Create();
        using var source = NetworkLab.RunInNamespace(lab.B.Namespace, () =>
            AfPacketCaptureSource.Open(new CaptureOptions(lab.B.Interface, Filter: ExperimentalFilter, BufferBytes: 1 << 20)));
        var clock = Stopwatch.StartNew();
        Assert.False(source.TryNext(TimeSpan.FromMilliseconds(200), out _));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(195), TimeSpan.FromSeconds(1));
        clock.Restart();
        Assert.False(source.TryNext(TimeSpan.Zero, out _));
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Stop_from_another_thread_ends_a_TryNext_waiting_without_timeout_within_100_ms()
    {
        using var lab = NetworkLab.Create();
        using var source = NetworkLab.RunInNamespace(lab.B.Namespace, () =>
            AfPacketCaptureSource.Open(new CaptureOptions(lab.B.Interface, Filter: ExperimentalFilter, BufferBytes: 1 << 20)));
        long stoppedAt = 0;
        using var timer = new Timer(_ =>
        {
            Volatile.Write(ref stoppedAt, Stopwatch.GetTimestamp());
            source.Stop();
        }, null, 300, Timeout.Infinite);
        var clock = Stopwatch.StartNew();
        Assert.False(source.TryNext(Timeout.InfiniteTimeSpan, out _));
        var returnedAt = Stopwatch.GetTimestamp();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        Assert.InRange(Stopwatch.GetElapsedTime(Volatile.Read(ref stoppedAt), returnedAt), TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        // Stopped stays stopped, without waiting.
        clock.Restart();
        Assert.False(source.TryNext(TimeSpan.FromSeconds(30), out _));
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(100), clock.Elapsed.ToString());
    }

    [Fact]
    public void An_interface_that_goes_down_ends_the_capture_with_a_message_naming_it()
    {
        using var lab = NetworkLab.Create();
        using var source = NetworkLab.RunInNamespace(lab.B.Namespace, () =>
            AfPacketCaptureSource.Open(new CaptureOptions(lab.B.Interface, Filter: ExperimentalFilter, BufferBytes: 1 << 20)));
        Assert.Equal(0, lab.RunIn(lab.B.Namespace, "ip", "link", "set", lab.B.Interface, "down").ExitCode);
        var e = Assert.Throws<AfPacketException>(() => source.TryNext(TimeSpan.FromSeconds(5), out _));
        Assert.Equal($"interface {lab.B.Interface} is down", e.Message);
    }

    [Fact]
    public void A_burst_into_a_one_block_ring_left_unread_is_dropped_and_counted_and_what_was_kept_adds_up()
    {
        using var lab = NetworkLab.Create();
        const int burst = 20_000;
        using var source = NetworkLab.RunInNamespace(lab.B.Namespace, () => AfPacketCaptureSource.Open(
            new CaptureOptions(lab.B.Interface, Filter: ExperimentalFilter), new AfPacketRingLayout(64 * 1024, 1, 2048, 10)));
        var frames = Enumerable.Range(0, burst).Select(i => lab.ExperimentalFrame(lab.A, lab.Id, i, 64)).ToList();
        Assert.Equal(burst, NetworkLab.SendFrames(lab.A, frames));
        Thread.Sleep(100);

        var kept = CaptureDrain.Read(source, quiet: TimeSpan.FromMilliseconds(300), limit: TimeSpan.FromSeconds(20));
        var stats = source.GetStatistics();
        Assert.True(stats.DroppedByKernel > 0, stats.ToString());
        Assert.True(source.QueueFreezes > 0);
        // The kernel counts a frame as received when it passed the filter, dropped or not; the rest we read.
        Assert.Equal(stats.ReceivedByFilter, kept.Count + stats.DroppedByKernel);
        Assert.InRange(stats.ReceivedByFilter, 1, burst);
        // What was kept is a subsequence of what was sent, in order.
        var sent = frames.Select(Convert.ToHexString).ToList();
        var position = 0;
        foreach (var frame in kept)
        {
            position = sent.IndexOf(Convert.ToHexString(frame.Data), position);
            Assert.True(position >= 0, "a kept frame out of order or not sent");
            position++;
        }
        // Counters accumulate across reads (the kernel zeroes its own on each).
        Assert.Equal(stats, source.GetStatistics());
    }

    [Fact]
    public void Reading_frames_allocates_nothing()
    {
        using var lab = NetworkLab.Create();
        using var source = NetworkLab.RunInNamespace(lab.B.Namespace, () =>
            AfPacketCaptureSource.Open(new CaptureOptions(lab.B.Interface, Filter: ExperimentalFilter, BufferBytes: 4 << 20)));
        var frames = Enumerable.Range(0, 2000).Select(i => lab.ExperimentalFrame(lab.A, lab.Id, i, 60 + i % 1400)).ToList();
        Assert.Equal(frames.Count, NetworkLab.SendFrames(lab.A, frames));
        // Warm up (JIT, tiering) on the first frames, then measure the rest.
        var read = 0;
        while (read < 100 && source.TryNext(TimeSpan.FromSeconds(5), out _))
            read++;
        var before = GC.GetAllocatedBytesForCurrentThread();
        long bytes = 0;
        while (read < frames.Count && source.TryNext(TimeSpan.FromSeconds(5), out var frame))
        {
            bytes += frame.Data.Length;
            read++;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(frames.Count, read);
        Assert.Equal(frames.Skip(100).Sum(f => (long)f.Length), bytes);
        Assert.Equal(0, allocated);
    }
}
