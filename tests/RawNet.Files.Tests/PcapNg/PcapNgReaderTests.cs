using RawNet.Protocols;
using static RawNet.Files.Tests.CaptureReading;

namespace RawNet.Files.Tests.PcapNg;

public class PcapNgReaderTests
{
    private static readonly byte[] Five = [1, 2, 3, 4, 5];
    private const long Second = 1_000_000_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Interfaces_each_have_their_own_link_type_and_resolution(bool bigEndian)
    {
        var file = new PcapNgBuilder()
            .Section(bigEndian)
            .Interface(LinkType.Ethernet, snapLength: 1500)                       // default: microseconds
            .Interface(LinkType.Raw, timestampResolution: 9)                      // nanoseconds
            .Interface(LinkType.LinuxSll2, timestampResolution: 0x80 | 10)        // 2^-10 s
            .Interface(LinkType.Ethernet, timestampResolution: 3, timestampOffsetSeconds: 1_000)
            .Enhanced(0, 1_700_000_000_123_456, Five)
            .Enhanced(1, 1_700_000_000_123_456_789, Five, originalLength: 70)
            .Enhanced(2, (1_700_000_000UL << 10) | 512 | 1, Five)
            .Enhanced(3, 42_500, Five)
            .ToArray();

        using var reader = CaptureFileReader.Open(new MemoryStream(file), "m.pcapng");
        Assert.Equal(CaptureFileFormat.PcapNg, reader.Format);
        Assert.Equal([LinkType.Ethernet, LinkType.Raw, LinkType.LinuxSll2], reader.LinkTypes);
        Assert.Equal(1500, reader.SnapshotLength);

        var (frames, error) = ReadAll(file);
        Assert.Null(error);
        Assert.Equal(
            [
                new FrameMetadata(1_700_000_000_123_456_000, 5, 5, LinkType.Ethernet, 0),
                new FrameMetadata(1_700_000_000_123_456_789, 5, 70, LinkType.Raw, 1),
                // 513/1024 s is 500976562.5 ns; Wireshark truncates to whole nanoseconds.
                new FrameMetadata(1_700_000_000 * Second + 500_976_562, 5, 5, LinkType.LinuxSll2, 2),
                new FrameMetadata(1_000 * Second + 42_500_000_000, 5, 5, LinkType.Ethernet, 3),
            ],
            frames.Select(f => f.Metadata));
        Assert.All(frames, f => Assert.Equal(Five, f.Data));
    }

    [Fact]
    public void Negative_timestamp_offset_is_applied()
    {
        var file = new PcapNgBuilder().Section()
            .Interface(LinkType.Ethernet, timestampResolution: 9, timestampOffsetSeconds: -10)
            .Enhanced(0, 15 * (ulong)Second, Five)
            .ToArray();
        Assert.Equal(5 * Second, Assert.Single(ReadAll(file).Frames).Metadata.TimestampNanoseconds);
    }

    [Theory]
    [InlineData(0u, null, PacketDirection.Unknown)]
    [InlineData(1u, null, PacketDirection.Inbound)]
    [InlineData(2u, null, PacketDirection.Outbound)]
    [InlineData(3u, null, PacketDirection.Unknown)]
    [InlineData(0xFFFF_0001u, null, PacketDirection.Inbound)]
    [InlineData(null, null, PacketDirection.Unknown)]
    public void Epb_flags_give_the_direction(uint? flags, object? unused, PacketDirection expected)
    {
        _ = unused;
        foreach (var bigEndian in new[] { false, true })
        {
            var file = new PcapNgBuilder().Section(bigEndian).Interface(LinkType.Ethernet).Enhanced(0, 0, Five, flags: flags).ToArray();
            var frame = Assert.Single(ReadAll(file).Frames);
            Assert.Equal(expected, frame.Metadata.Direction);
            Assert.Equal(Five, frame.Data);
        }
    }

    [Theory]
    [InlineData(0u, 100u, 100)]     // snaplen 0: no limit
    [InlineData(64u, 100u, 64)]     // cut to interface 0's snaplen
    [InlineData(64u, 10u, 10)]
    public void Simple_packet_captured_length_follows_interface_zero_snaplen(uint snapLength, uint originalLength, int expectedCaptured)
    {
        var data = Enumerable.Range(0, expectedCaptured).Select(i => (byte)i).ToArray();
        var file = new PcapNgBuilder().Section()
            .Interface(LinkType.Raw, snapLength, timestampOffsetSeconds: 7)
            .Interface(LinkType.Ethernet)
            .Simple(data, originalLength)
            .ToArray();
        var frame = Assert.Single(ReadAll(file).Frames);
        Assert.Equal(new FrameMetadata(7 * Second, expectedCaptured, (int)originalLength, LinkType.Raw, 0), frame.Metadata);
        Assert.Equal(data, frame.Data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Obsolete_packet_block_is_read(bool bigEndian)
    {
        var file = new PcapNgBuilder().Section(bigEndian)
            .Interface(LinkType.Ethernet)
            .Interface(LinkType.Raw, timestampResolution: 9)
            .Obsolete(1, 123, Five, flags: 2)
            .ToArray();
        var frame = Assert.Single(ReadAll(file).Frames);
        Assert.Equal(new FrameMetadata(123, 5, 5, LinkType.Raw, 1, PacketDirection.Outbound), frame.Metadata);
    }

    [Fact]
    public void Unknown_blocks_are_skipped_wherever_they_are()
    {
        var file = new PcapNgBuilder().Section()
            .Block(0x0BAD_CAFE, new byte[40])
            .Interface(LinkType.Ethernet)
            .Block(5, new byte[12])                    // interface statistics: not needed
            .Enhanced(0, 1, Five)
            .Block(0x8000_0001, [])                    // empty custom block
            .Enhanced(0, 2, Five)
            .Block(0x0000_0BAD, new byte[2_000_000])   // bigger than the read window
            .Enhanced(0, 3, Five)
            .ToArray();
        var (frames, error) = ReadAll(file);
        Assert.Null(error);
        Assert.Equal([1000L, 2000, 3000], frames.Select(f => f.Metadata.TimestampNanoseconds));
    }

    [Fact]
    public void Each_section_has_its_own_byte_order_and_interfaces()
    {
        var file = new PcapNgBuilder()
            .Section(bigEndian: false)
            .Interface(LinkType.Ethernet)
            .Interface(LinkType.Raw)
            .Enhanced(1, 1, Five)
            .Section(bigEndian: true)
            .Interface(LinkType.LinuxSll, timestampResolution: 9)
            .Enhanced(0, 2, Five)
            .Section(bigEndian: false)
            .ToArray();
        var (frames, error) = ReadAll(file);
        Assert.Null(error);
        Assert.Equal(
            [new FrameMetadata(1000, 5, 5, LinkType.Raw, 1), new FrameMetadata(2, 5, 5, LinkType.LinuxSll, 0)],
            frames.Select(f => f.Metadata));
    }

    [Fact]
    public void Interface_from_an_earlier_section_is_gone()
    {
        var builder = new PcapNgBuilder().Section().Interface(LinkType.Ethernet).Enhanced(0, 1, Five).Section();
        var offset = builder.Length;
        AssertDamage(builder.Enhanced(0, 2, Five).ToArray(), 1, offset, "packet refers to interface 0, but the section defines 0");
    }

    [Fact]
    public void File_with_no_packets_reads_as_empty()
    {
        var (frames, error) = ReadAll(new PcapNgBuilder().Section().Interface(LinkType.Ethernet).ToArray());
        Assert.Empty(frames);
        Assert.Null(error);
    }
}
