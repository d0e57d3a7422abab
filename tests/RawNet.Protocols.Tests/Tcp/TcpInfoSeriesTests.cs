using System.Buffers.Binary;
using System.Net;
using RawNet.Protocols.Tcp.Kernel;
using RawNet.Testing;

namespace RawNet.Protocols.Tests.Tcp;

/// <summary>TCP_INFO samples: read from the kernel's struct, kept in custom-block data and read back, found by time.</summary>
public sealed class TcpInfoSeriesTests
{
    private static TcpInfoSample Sample(long time, uint cwnd) =>
        new(time, 1, 3, 1448, 12, 2, 1, 1, 21_500, 4_250, 204_000, 20, cwnd, 3, 2_500_000, 1_250_000, 150_001, 160_000, 65_536, 0, 20_100);

    [Fact]
    public void A_series_survives_encoding_into_blocks_and_back()
    {
        var samples = Enumerable.Range(0, 2_345).Select(i => Sample(1_700_000_000_000_000_000 + i * 1_000_000L, (uint)(10 + i % 50))).ToArray();
        var series = new TcpInfoSeries(new IPEndPoint(IPAddress.Parse("2001:db8::1"), 40000), new IPEndPoint(IPAddress.Parse("2001:db8::2"), 5001), "cubic", samples);
        var blocks = series.Encode().ToList();
        Assert.Equal(3, blocks.Count);
        var parts = blocks.Select(b => Assert.IsType<TcpInfoSeries>(TcpInfoSeries.TryDecode(b, out var part, out var error) ? part : throw new Xunit.Sdk.XunitException(error))).ToList();
        var merged = Assert.Single(TcpInfoSeries.Merge(parts));
        Assert.Equal(series.Sender, merged.Sender);
        Assert.Equal(series.Receiver, merged.Receiver);
        Assert.Equal("cubic", merged.CongestionControl);
        Assert.Equal(samples, merged.Samples);
        Assert.Equal(20 * 1448L, samples[0].SlowStartThresholdBytes);
        Assert.Equal(12 - 2 - 1 + 1, samples[0].PacketsInFlight);
    }

    [Fact]
    public void Damaged_blocks_are_refused_with_a_reason()
    {
        var block = new TcpInfoSeries(new IPEndPoint(IPAddress.Parse("198.18.0.1"), 1), new IPEndPoint(IPAddress.Parse("198.18.0.2"), 2), "reno",
            [Sample(1, 10), Sample(2, 11)]).Encode().Single();
        Assert.True(TcpInfoSeries.TryDecode(block, out _, out _));
        // A count larger than the data holds.
        var lying = (byte[])block.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(lying.AsSpan(64), 3);
        Assert.False(TcpInfoSeries.TryDecode(lying, out _, out var error));
        Assert.Equal($"tcp_info block says 3 samples of 104 bytes, but holds {2 * 104} bytes", error);
        Assert.False(TcpInfoSeries.TryDecode(block.AsSpan(0, 20), out _, out error));
        Assert.Equal("not a rawnet tcp_info block", error);
        var uint32Max = (byte[])block.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(uint32Max.AsSpan(64), uint.MaxValue);
        Assert.False(TcpInfoSeries.TryDecode(uint32Max, out _, out _));
    }

    [Fact]
    public void The_nearest_sample_is_found_on_either_side()
    {
        var series = new TcpInfoSeries(new IPEndPoint(IPAddress.Loopback, 1), new IPEndPoint(IPAddress.Loopback, 2), "reno",
            [Sample(100, 1), Sample(200, 2), Sample(300, 3)]);
        Assert.Equal([0, 0, 0, 1, 1, 2, 2], new long[] { 0, 100, 149, 151, 250, 251, 10_000 }.Select(series.Nearest));
        Assert.Equal(-1, (series with { Samples = [] }).Nearest(5));
    }

    [Fact]
    public void The_offsets_are_those_of_the_kernel_headers()
    {
        var gcc = ExternalTool.Require("gcc", "gcc");
        var dir = Directory.CreateTempSubdirectory("rawnet-tcpinfo-");
        try
        {
            var source = Path.Combine(dir.FullName, "offsets.c");
            File.WriteAllText(source, """
                #include <stdio.h>
                #include <stddef.h>
                #include <linux/tcp.h>
                #define O(f) printf("%zu\n", offsetof(struct tcp_info, f))
                int main(void) { O(tcpi_state); O(tcpi_ca_state); O(tcpi_rto); O(tcpi_snd_mss); O(tcpi_unacked); O(tcpi_sacked); O(tcpi_lost);
                  O(tcpi_retrans); O(tcpi_rtt); O(tcpi_rttvar); O(tcpi_snd_ssthresh); O(tcpi_snd_cwnd); O(tcpi_total_retrans); O(tcpi_pacing_rate);
                  O(tcpi_bytes_acked); O(tcpi_notsent_bytes); O(tcpi_min_rtt); O(tcpi_delivery_rate); O(tcpi_bytes_sent); O(tcpi_snd_wnd); return 0; }
                """);
            var binary = Path.Combine(dir.FullName, "offsets");
            var build = ExternalTool.Run(gcc, ["-o", binary, source]);
            if (build.ExitCode != 0)
                Assert.Skip("the kernel headers (linux-libc-dev) are not installed: " + build.StdErr.Split('\n')[0]);
            var offsets = ExternalTool.Run(binary, []).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse);
            Assert.Equal(
            [
                TcpInfoSample.Field.State, TcpInfoSample.Field.CongestionState, TcpInfoSample.Field.Rto, TcpInfoSample.Field.SendMss,
                TcpInfoSample.Field.Unacked, TcpInfoSample.Field.Sacked, TcpInfoSample.Field.Lost, TcpInfoSample.Field.Retransmitting,
                TcpInfoSample.Field.Rtt, TcpInfoSample.Field.RttVariance, TcpInfoSample.Field.SlowStartThreshold, TcpInfoSample.Field.CongestionWindow,
                TcpInfoSample.Field.TotalRetransmissions, TcpInfoSample.Field.PacingRate, TcpInfoSample.Field.BytesAcked, TcpInfoSample.Field.NotSentBytes,
                TcpInfoSample.Field.MinRtt, TcpInfoSample.Field.DeliveryRate, TcpInfoSample.Field.BytesSent, TcpInfoSample.Field.SendWindow,
            ], offsets);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_struct_shorter_than_linux_4_9s_is_refused()
    {
        Assert.False(TcpInfoSample.TryRead(new byte[TcpInfoSample.Field.MinimumLength - 1], 0, out _));
        var info = new byte[TcpInfoSample.Field.Length];
        info[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(info.AsSpan(TcpInfoSample.Field.CongestionWindow), 10);
        BinaryPrimitives.WriteUInt32LittleEndian(info.AsSpan(TcpInfoSample.Field.SendMss), 1448);
        BinaryPrimitives.WriteUInt32LittleEndian(info.AsSpan(TcpInfoSample.Field.SlowStartThreshold), TcpInfoSample.InfiniteSlowStartThreshold);
        Assert.True(TcpInfoSample.TryRead(info, 7, out var sample));
        Assert.Equal((7L, "ESTAB", "Open", 14480L, (long?)null), (sample.TimestampNanoseconds, sample.StateName, sample.CongestionStateName, sample.CongestionWindowBytes, sample.SlowStartThresholdBytes));
    }
}
