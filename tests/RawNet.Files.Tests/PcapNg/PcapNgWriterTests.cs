using RawNet.Files.PcapNg;
using RawNet.Protocols;
using RawNet.Testing;
using static RawNet.Files.Tests.CaptureReading;

namespace RawNet.Files.Tests.PcapNg;

public class PcapNgWriterTests
{
    private static readonly byte[] Data = [0xDE, 0xAD, 0xBE, 0xEF, 0x01];

    private static readonly FrameMetadata[] Frames =
    [
        new(1_700_000_000_123_456_789, 5, 5, LinkType.Ethernet, 0, PacketDirection.Inbound),
        new(1_700_000_001_000_000_001, 5, 1514, LinkType.Raw, 1, PacketDirection.Outbound),
        new(1_700_000_002_999_999_000, 5, 5, LinkType.Ethernet, 0),
    ];

    private static byte[] WriteSample(string? comment = "written by a test")
    {
        var stream = new MemoryStream();
        using var writer = new PcapNgWriter(stream, "section comment", leaveOpen: true);
        Assert.Equal(0, writer.AddInterface(LinkType.Ethernet, name: "eth0"));
        Assert.Equal(1, writer.AddInterface(LinkType.Raw, snapshotLength: 0));
        foreach (var frame in Frames)
            writer.Write(frame, Data, frame.Direction == PacketDirection.Outbound ? comment : null);
        writer.Dispose();
        return stream.ToArray();
    }

    [Fact]
    public void Round_trips_interfaces_directions_and_nanoseconds()
    {
        var (read, error) = ReadAll(WriteSample());
        Assert.Null(error);
        Assert.Equal(Frames, read.Select(f => f.Metadata));
        Assert.All(read, f => Assert.Equal(Data, f.Data));
    }

    [Fact]
    public void Microsecond_interface_truncates_to_microseconds()
    {
        var stream = new MemoryStream();
        using (var writer = new PcapNgWriter(stream, leaveOpen: true))
        {
            writer.AddInterface(LinkType.Ethernet, precision: TimestampPrecision.Microseconds);
            writer.Write(new FrameMetadata(1_234_567_891, 5, 5, LinkType.Ethernet), Data);
        }
        Assert.Equal(1_234_567_000, Assert.Single(ReadAll(stream.ToArray()).Frames).Metadata.TimestampNanoseconds);
    }

    [Fact]
    public void Refuses_frames_on_interfaces_it_has_not_described()
    {
        using var writer = new PcapNgWriter(new MemoryStream());
        writer.AddInterface(LinkType.Ethernet);
        Assert.Throws<ArgumentException>(() => writer.Write(new FrameMetadata(0, 5, 5, LinkType.Ethernet, 1), Data));
        Assert.Throws<ArgumentException>(() => writer.Write(new FrameMetadata(0, 5, 5, LinkType.Raw, 0), Data));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(new FrameMetadata(-5, 5, 5, LinkType.Ethernet), Data));
    }

    [Fact]
    public void Tshark_reads_what_we_write()
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-writer-{Guid.NewGuid():N}.pcapng");
        try
        {
            File.WriteAllBytes(path, WriteSample("a comment with ünïcode"));
            var (exitCode, output, _) = ExternalTool.Run(tshark, ["-n", "-r", path, "-T", "fields", "-E", "separator=|",
                "-e", "frame.number", "-e", "frame.time_epoch", "-e", "frame.len", "-e", "frame.cap_len",
                "-e", "frame.interface_id", "-e", "frame.packet_flags_direction", "-e", "frame.comment"]);
            Assert.Equal(0, exitCode);
            Assert.Equal(
                [
                    "1|1700000000.123456789|5|5|0|0x00000001|",
                    "2|1700000001.000000001|1514|5|1|0x00000002|a comment with ünïcode",
                    "3|1700000002.999999000|5|5|0||",
                ],
                output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
