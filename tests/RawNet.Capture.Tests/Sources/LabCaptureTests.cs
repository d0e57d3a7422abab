using System.Buffers.Binary;
using RawNet.Capture.LibPcap;
using RawNet.Capture.Sources;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Sources;

/// <summary>Both live back ends in a <see cref="NetworkLab"/>: what A sends is what B captures, byte for byte, in order, as tcpdump saw it.</summary>
public sealed class LabCaptureTests
{
    internal static ICaptureSource OpenBackend(string backend, CaptureOptions options) => backend switch
    {
        "afpacket" => AfPacketCaptureSource.Open(options),
        "libpcap" => OpenLibPcap(options),
        _ => throw new ArgumentOutOfRangeException(nameof(backend)),
    };

    /// <summary>The libpcap back end (not immediate mode: the kernel hands frames over by the block), or a visible skip without libpcap.</summary>
    internal static ICaptureSource OpenLibPcap(CaptureOptions options)
    {
        if (!PcapLibrary.IsAvailable)
            Assert.Skip("libpcap is not available (apt-get install libpcap0.8)");
        return LibPcapCaptureSource.Open(options);
    }

    /// <summary>Opens <paramref name="backend"/> on <paramref name="end"/>'s interface from inside its namespace.</summary>
    internal static ICaptureSource OpenIn(LabEnd end, string backend, string? filter = null, int snapLength = 262144, int bufferBytes = 8 << 20) =>
        NetworkLab.RunInNamespace(end.Namespace, () => OpenBackend(backend, new CaptureOptions(end.Interface, snapLength, Filter: filter, BufferBytes: bufferBytes)));

    [Theory]
    [InlineData("afpacket")]
    [InlineData("libpcap")]
    public async Task Frames_sent_from_a_are_captured_in_b_byte_for_byte_in_order_with_tcpdumps_timestamps(string backend)
    {
        using var lab = NetworkLab.Create(mtu: 9000);
        // 60 to 9014 bytes: minimum frame to a full jumbo frame.
        var frames = Enumerable.Range(0, 300).Select(i => lab.ExperimentalFrame(lab.A, lab.Id, i, 60 + i * 8954 / 299)).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"rn-{lab.Id}.pcap");
        try
        {
            using var source = OpenIn(lab.B, backend);
            Assert.Equal(LinkType.Ethernet, source.LinkType);
            Assert.Equal(backend, source.BackendName);
            Assert.Equal(lab.B.Interface, source.InterfaceName);
            List<CapturedCopy> captured;
            using (var tcpdump = lab.StartTcpdump(lab.B, path, $"ether proto 0x{NetworkLab.ExperimentalEtherType:x4}", count: frames.Count))
            {
                // Paced a little so that libpcap, here and in tcpdump, keeps up; read while A sends.
                var sending = Task.Run(() => NetworkLab.SendFrames(lab.A, frames, TimeSpan.FromMilliseconds(1)));
                captured = CaptureDrain.Read(source, f => CaptureDrain.Contains(f, lab.Id), count: frames.Count);
                Assert.Equal(frames.Count, await sending);
                Assert.True(tcpdump.WaitForExit(TimeSpan.FromSeconds(15)), tcpdump.StandardError);
            }
            var dumped = CaptureDrain.ReadFile(path);

            Assert.Equal(0, source.GetStatistics().DroppedByKernel);
            Assert.Equal(frames, captured.Select(c => c.Data));
            Assert.Equal(frames, dumped.Select(c => c.Data));
            for (var i = 0; i < frames.Count; i++)
            {
                Assert.Equal(frames[i].Length, captured[i].Metadata.OriginalLength);
                Assert.Equal(LinkType.Ethernet, captured[i].Metadata.LinkType);
                // Both sockets see the same skb and so the same timestamp; libpcap hands out microseconds.
                var precision = backend == "libpcap" ? 1000 : 1;
                Assert.Equal(dumped[i].Metadata.TimestampNanoseconds / precision, captured[i].Metadata.TimestampNanoseconds / precision);
                if (backend == "afpacket")
                    Assert.Equal(PacketDirection.Inbound, captured[i].Metadata.Direction);
            }
            var stats = source.GetStatistics();
            Assert.True(stats.ReceivedByFilter >= frames.Count, stats.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Frames_b_sends_are_captured_in_b_as_outbound_and_a_snap_length_cuts_them_as_tcpdump_does()
    {
        using var lab = NetworkLab.Create();
        var frames = Enumerable.Range(0, 50).Select(i => lab.ExperimentalFrame(lab.B, lab.Id, i, 60 + i * 29)).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"rn-{lab.Id}.pcap");
        try
        {
            using var source = OpenIn(lab.B, "afpacket", snapLength: 100);
            List<CapturedCopy> captured;
            using (var tcpdump = lab.StartTcpdump(lab.B, path, $"ether proto 0x{NetworkLab.ExperimentalEtherType:x4}", snapLength: 100, count: frames.Count))
            {
                NetworkLab.SendFrames(lab.B, frames);
                captured = CaptureDrain.Read(source, f => CaptureDrain.Contains(f, lab.Id), count: frames.Count);
                Assert.True(tcpdump.WaitForExit(TimeSpan.FromSeconds(15)), tcpdump.StandardError);
            }
            var dumped = CaptureDrain.ReadFile(path);
            Assert.Equal(frames.Select(f => f[..Math.Min(100, f.Length)]), captured.Select(c => c.Data));
            Assert.Equal(dumped.Select(d => d.Data), captured.Select(c => c.Data));
            Assert.Equal(frames.Select(f => f.Length), captured.Select(c => c.Metadata.OriginalLength));
            Assert.All(captured, c => Assert.Equal(PacketDirection.Outbound, c.Metadata.Direction));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_802_1q_tag_the_kernel_took_off_is_put_back_as_tcpdump_shows_it()
    {
        using var lab = NetworkLab.Create();
        var frames = Enumerable.Range(0, 20).Select(i =>
        {
            var plain = lab.ExperimentalFrame(lab.A, lab.Id, i, 80 + i * 10);
            var tagged = new byte[plain.Length + 4];
            plain.AsSpan(0, 12).CopyTo(tagged);
            BinaryPrimitives.WriteUInt16BigEndian(tagged.AsSpan(12), 0x8100);
            BinaryPrimitives.WriteUInt16BigEndian(tagged.AsSpan(14), (ushort)(0x2000 | (100 + i)));   // priority 1, VLAN 100+i
            plain.AsSpan(12).CopyTo(tagged.AsSpan(16));
            return tagged;
        }).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"rn-{lab.Id}.pcap");
        try
        {
            using var source = OpenIn(lab.B, "afpacket");
            List<CapturedCopy> captured;
            using (var tcpdump = lab.StartTcpdump(lab.B, path, "vlan", count: frames.Count))
            {
                NetworkLab.SendFrames(lab.A, frames);
                captured = CaptureDrain.Read(source, f => CaptureDrain.Contains(f, lab.Id), count: frames.Count);
                Assert.True(tcpdump.WaitForExit(TimeSpan.FromSeconds(15)), tcpdump.StandardError);
            }
            Assert.Equal(frames, captured.Select(c => c.Data));
            Assert.Equal(frames.Select(f => f.Length), captured.Select(c => c.Metadata.OriginalLength));
            Assert.Equal(CaptureDrain.ReadFile(path).Select(d => d.Data), captured.Select(c => c.Data));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
