using System.Diagnostics;
using RawNet.Files.Pcap;
using RawNet.Files.PcapNg;
using RawNet.Protocols;

namespace RawNet.Files.Tests;

/// <summary>Reading allocates nothing per frame and keeps one buffer, however long the capture.</summary>
public class ConstantMemoryTests(ITestOutputHelper output)
{
    private const int RecordsPerPeriod = 512;
    private const long Repeats = 3000; // 1.5 million records, about 400 MB

    [Theory]
    [InlineData(CaptureFileFormat.Pcap)]
    [InlineData(CaptureFileFormat.PcapNg)]
    public void Reading_a_million_and_a_half_records_allocates_almost_nothing(CaptureFileFormat format)
    {
        var (header, period) = Sample(format);
        using var reader = CaptureFileReader.Open(new RepeatingCaptureStream(header, period, Repeats), "synthetic");

        for (var i = 0; i < 1000; i++)
            Assert.True(reader.TryReadNext(out _));
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        long bytes = 0;
        while (reader.TryReadNext(out var frame))
            bytes += frame.Data.Length + frame.Metadata.InterfaceId;
        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal(RecordsPerPeriod * Repeats, reader.PacketNumber);
        Assert.True(allocated < 64 * 1024, $"reading allocated {allocated} bytes");
        output.WriteLine($"{format}: {reader.PacketNumber} records, {bytes >> 20} MiB in {stopwatch.Elapsed.TotalMilliseconds:F0} ms " +
            $"({reader.PacketNumber / stopwatch.Elapsed.TotalSeconds / 1e6:F1} M records/s), {allocated} bytes allocated");
    }

    /// <summary>A file header and one period of records of assorted sizes, made with our own writers.</summary>
    private static (byte[] Header, byte[] Period) Sample(CaptureFileFormat format)
    {
        var stream = new MemoryStream();
        var random = new Random(3);
        var data = new byte[1514];
        random.NextBytes(data);
        long headerLength;
        if (format == CaptureFileFormat.Pcap)
        {
            using var writer = new PcapWriter(stream, LinkType.Ethernet, leaveOpen: true);
            writer.Flush();
            headerLength = stream.Length;
            for (var i = 0; i < RecordsPerPeriod; i++)
            {
                var length = random.Next(42, 500);
                writer.Write(new FrameMetadata(i * 1000L, length, length, LinkType.Ethernet), data.AsSpan(0, length));
            }
        }
        else
        {
            using var writer = new PcapNgWriter(stream, leaveOpen: true);
            writer.AddInterface(LinkType.Ethernet);
            writer.AddInterface(LinkType.Raw);
            writer.Flush();
            headerLength = stream.Length;
            for (var i = 0; i < RecordsPerPeriod; i++)
            {
                var length = random.Next(42, 500);
                var id = i % 2;
                writer.Write(new FrameMetadata(i, length, length, id == 0 ? LinkType.Ethernet : LinkType.Raw, id, (PacketDirection)(i % 3)), data.AsSpan(0, length));
            }
        }
        var all = stream.ToArray();
        return (all[..(int)headerLength], all[(int)headerLength..]);
    }
}
