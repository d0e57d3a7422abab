using RawNet.Protocols;
using static RawNet.Files.Tests.CaptureReading;

namespace RawNet.Files.Tests.Pcap;

public class PcapReaderTests
{
    private static readonly byte[] First = [1, 2, 3, 4, 5];
    private static readonly byte[] Second = [0xAA, 0xBB];

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Reads_both_byte_orders_and_both_precisions(bool bigEndian, bool nanoseconds)
    {
        var file = new PcapFileBuilder(bigEndian, nanoseconds, snapLength: 1500, linkType: (uint)LinkType.LinuxSll)
            .Record(1_700_000_000, 123_456, First, originalLength: 60)
            .Record(1_700_000_001, 999_999, Second)
            .ToArray();

        using var reader = CaptureFileReader.Open(new MemoryStream(file), "x.pcap");
        Assert.Equal(CaptureFileFormat.Pcap, reader.Format);
        Assert.Equal([LinkType.LinuxSll], reader.LinkTypes);
        Assert.Equal(1500, reader.SnapshotLength);
        Assert.Equal(0, reader.PacketNumber);

        var unit = nanoseconds ? 1L : 1000L;
        Assert.True(reader.TryReadNext(out var frame));
        Assert.Equal(new FrameMetadata(1_700_000_000L * 1_000_000_000 + 123_456 * unit, 5, 60, LinkType.LinuxSll), frame.Metadata);
        Assert.Equal(First, frame.Data.ToArray());
        Assert.Equal(1, reader.PacketNumber);

        Assert.True(reader.TryReadNext(out frame));
        Assert.Equal(new FrameMetadata(1_700_000_001L * 1_000_000_000 + 999_999 * unit, 2, 2, LinkType.LinuxSll), frame.Metadata);
        Assert.Equal(Second, frame.Data.ToArray());

        Assert.False(reader.TryReadNext(out _));
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(2, reader.PacketNumber);
    }

    [Fact]
    public void Header_only_file_has_no_frames()
    {
        var (frames, error) = ReadAll(new PcapFileBuilder().ToArray());
        Assert.Empty(frames);
        Assert.Null(error);
    }

    [Fact]
    public void Link_type_ignores_the_fcs_bits_in_the_upper_half()
    {
        using var reader = CaptureFileReader.Open(new MemoryStream(new PcapFileBuilder(linkType: 0x1400_0000 | 1).ToArray()), "fcs.pcap");
        Assert.Equal([LinkType.Ethernet], reader.LinkTypes);
    }

    [Fact]
    public void Accepts_captured_length_above_snaplen_and_above_original_length_like_wireshark()
    {
        var big = new byte[200];
        var file = new PcapFileBuilder(snapLength: 64)
            .Record(1, 0, big, originalLength: 300)
            .Record(2, 0, First, originalLength: 3)
            .ToArray();
        var (frames, error) = ReadAll(file);
        Assert.Null(error);
        Assert.Equal([200, 5], frames.Select(f => f.Metadata.CapturedLength));
        Assert.Equal([300, 3], frames.Select(f => f.Metadata.OriginalLength));
    }

    [Fact]
    public void Captured_length_of_exactly_the_maximum_is_accepted()
    {
        var data = new byte[CaptureFileReader.MaxCapturedLength];
        data[^1] = 0x5A;
        var (frames, error) = ReadAll(new PcapFileBuilder(snapLength: 262144).Record(1, 0, data).ToArray());
        Assert.Null(error);
        Assert.Equal(data, Assert.Single(frames).Data);
    }

    [Fact]
    public void Records_straddling_refills_of_the_read_window_come_out_intact()
    {
        // 3000 records of varying size cross the 1 MiB window boundary at many different offsets.
        var builder = new PcapFileBuilder(snapLength: 262144);
        var random = new Random(7);
        var expected = new List<byte[]>();
        for (var i = 0; i < 3000; i++)
        {
            var data = new byte[random.Next(0, 2000)];
            random.NextBytes(data);
            expected.Add(data);
            builder.Record((uint)i, 0, data);
        }
        var (frames, error) = ReadAll(builder.ToArray());
        Assert.Null(error);
        Assert.Equal(expected, frames.Select(f => f.Data));
    }
}
