using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RawNet.Capture.Bpf;
using RawNet.Capture.LibPcap;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Capture.Tests.LibPcap;

/// <summary>Live capture on lo; the only traffic sent goes to 127.0.0.1.</summary>
public sealed class PcapLiveCaptureTests
{
    private static PcapHandle OpenLoopback(string filter, TimeSpan timeout)
    {
        if (!PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
        ExternalTool.RequireRoot();
        var handle = PcapHandle.Create("lo");
        try
        {
            handle.SetSnapshotLength(65535);
            handle.SetPromiscuous(false);
            handle.SetBufferSize(1 << 20);
            handle.SetImmediateMode(true);
            handle.SetTimeout(timeout);
            handle.Activate();
            handle.SetFilter(BpfProgram.Compile(filter, handle.LinkType));
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    [Fact]
    public void Five_udp_datagrams_to_127_0_0_1_are_captured_through_the_filter()
    {
        using var receiver = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)receiver.Client.LocalEndPoint!).Port;
        using var handle = OpenLoopback($"udp and dst port {port} and host 127.0.0.1", TimeSpan.FromMilliseconds(100));
        Assert.Equal(LinkType.Ethernet, handle.LinkType);

        var tag = Guid.NewGuid().ToString("N");
        var payloads = Enumerable.Range(0, 5).Select(i => Encoding.ASCII.GetBytes($"rawnet-{i}-{tag}")).ToList();
        using (var sender = new UdpClient())
        {
            foreach (var payload in payloads)
                sender.Send(payload, payload.Length, new IPEndPoint(IPAddress.Loopback, port));
        }

        var seen = new List<byte[]>();
        var clock = Stopwatch.StartNew();
        while (seen.Count < payloads.Count && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            if (!handle.TryNext(out var frame))
                continue;
            Assert.Equal(frame.Data.Length, frame.Metadata.CapturedLength);
            Assert.Equal(LinkType.Ethernet, frame.Metadata.LinkType);
            // Ethernet 14 + IPv4 20 + UDP 8.
            seen.Add(frame.Data[42..].ToArray());
            var age = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000L - frame.Metadata.TimestampNanoseconds;
            Assert.InRange(age, -1_000_000_000L, 60_000_000_000L);
        }
        Assert.Equal(payloads, seen);
        Assert.True(handle.GetStatistics().Received >= 5, handle.GetStatistics().ToString());
    }

    [Fact]
    public void BreakLoop_from_another_thread_ends_a_read_long_before_its_timeout()
    {
        // An experimental EtherType nothing on lo sends, and a 30 s read timeout.
        using var handle = OpenLoopback("ether proto 0x88b5", TimeSpan.FromSeconds(30));
        var clock = Stopwatch.StartNew();
        using var timer = new Timer(_ => handle.BreakLoop(), null, 200, Timeout.Infinite);
        Assert.False(handle.TryNext(out _));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(10));
    }
}
