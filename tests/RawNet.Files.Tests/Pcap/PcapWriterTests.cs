using RawNet.Files.Pcap;
using RawNet.Protocols;
using static RawNet.Files.Tests.CaptureReading;

namespace RawNet.Files.Tests.Pcap;

public class PcapWriterTests
{
    private static readonly byte[] Data = [0xDE, 0xAD, 0xBE, 0xEF, 0x01];

    [Theory]
    [InlineData(TimestampPrecision.Microseconds, "d4c3b2a1", "40e20100")]
    [InlineData(TimestampPrecision.Nanoseconds, "4d3cb2a1", "15cd5b07")]
    public void Emits_the_header_and_record_byte_for_byte(TimestampPrecision precision, string magic, string fraction)
    {
        var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, LinkType.Raw, 1500, precision, leaveOpen: true))
            writer.Write(new FrameMetadata(1_000_000_000L * 0x01020304 + 123_456_789, 5, 60, LinkType.Raw), Data);

        var expected =
            magic + "0200" + "0400" + "00000000" + "00000000" + "dc050000" + "65000000"
            + "04030201" + fraction + "05000000" + "3c000000" + "deadbeef01";
        Assert.Equal(expected, Convert.ToHexStringLower(stream.ToArray()));
    }

    [Theory]
    [InlineData(TimestampPrecision.Microseconds)]
    [InlineData(TimestampPrecision.Nanoseconds)]
    public void Round_trips_through_the_reader(TimestampPrecision precision)
    {
        var stream = new MemoryStream();
        // Three frames larger than the write buffer together, and one bigger than the buffer alone.
        // Data is shared with the byte-for-byte test, so fill a copy: tests run in any order.
        var frames = new[] { new byte[200_000], new byte[100_000], Data.ToArray(), new byte[262_144] };
        var random = new Random(2);
        for (var i = 0; i < frames.Length; i++)
            random.NextBytes(frames[i]);
        using (var writer = new PcapWriter(stream, LinkType.Ethernet, precision: precision, leaveOpen: true))
        {
            for (var i = 0; i < frames.Length; i++)
                writer.Write(new FrameMetadata(1_600_000_000_123_456_000L + i, frames[i].Length, frames[i].Length + i, LinkType.Ethernet), frames[i]);
        }

        var (read, error) = ReadAll(stream.ToArray());
        Assert.Null(error);
        Assert.Equal(frames, read.Select(f => f.Data));
        var unit = precision == TimestampPrecision.Nanoseconds ? 1 : 1000;
        Assert.Equal(
            frames.Select((f, i) => new FrameMetadata((1_600_000_000_123_456_000L + i) / unit * unit, f.Length, f.Length + i, LinkType.Ethernet)),
            read.Select(f => f.Metadata));
    }

    [Fact]
    public void Refuses_frames_it_cannot_represent()
    {
        using var writer = new PcapWriter(new MemoryStream(), LinkType.Ethernet);
        Assert.Throws<ArgumentException>(() => writer.Write(new FrameMetadata(0, 5, 5, LinkType.Raw), Data));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(new FrameMetadata(-1, 5, 5, LinkType.Ethernet), Data));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(new FrameMetadata((uint.MaxValue + 1L) * 1_000_000_000, 5, 5, LinkType.Ethernet), Data));
    }

    [Fact]
    public void Nothing_reaches_the_stream_until_flushed()
    {
        var stream = new MemoryStream();
        using var writer = new PcapWriter(stream, LinkType.Ethernet, leaveOpen: true);
        writer.Write(new FrameMetadata(0, 5, 5, LinkType.Ethernet), Data);
        Assert.Equal(0, stream.Length);
        writer.Flush();
        Assert.Equal(24 + 16 + 5, stream.Length);
    }
}
