using RawNet.Protocols;
using static RawNet.Files.Tests.CaptureReading;

namespace RawNet.Files.Tests.PcapNg;

public class PcapNgHostileTests
{
    private static readonly byte[] Packet = [1, 2, 3, 4, 5, 6, 7, 8];

    private static PcapNgBuilder TwoGoodPackets(bool bigEndian = false) =>
        new PcapNgBuilder().Section(bigEndian).Interface(LinkType.Ethernet).Enhanced(0, 1, Packet).Enhanced(0, 2, Packet);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Trailing_length_disagrees(bool bigEndian)
    {
        var builder = TwoGoodPackets(bigEndian);
        var offset = builder.Length;
        AssertDamage(builder.Block(6, new byte[28], trailingLength: 44).ToArray(), 2, offset, "block total length 40 disagrees with the trailing copy 44");
    }

    [Fact]
    public void Length_not_a_multiple_of_four()
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        AssertDamage(builder.Block(6, new byte[28], totalLength: 41).ToArray(), 2, offset, "block total length 41 is not a multiple of 4");
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(8u)]
    public void Length_below_twelve(uint length)
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        AssertDamage(builder.Block(6, new byte[28], totalLength: length).ToArray(), 2, offset, $"block total length {length} is smaller than the minimum of 12");
    }

    [Theory]
    [InlineData(6u)]
    [InlineData(0x0BADu)]
    [InlineData(1u)]
    public void Absurd_length_is_refused_before_buffering(uint type)
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        AssertDamage(builder.Block(type, new byte[28], totalLength: 0xFFFF_FFFC).ToArray(), 2, offset, "block total length 4294967292 is larger than the maximum of 16777216");
    }

    [Fact]
    public void Block_header_cut_short()
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        AssertDamage(builder.Raw(6, 0, 0, 0).ToArray(), 2, offset, "block header cut short at end of file (4 of 8 bytes)");
    }

    [Fact]
    public void Block_cut_short()
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        var file = builder.Enhanced(0, 3, Packet).ToArray()[..^6];
        AssertDamage(file, 2, offset, "block of 40 bytes cut short at end of file (34 bytes left)");
    }

    [Fact]
    public void Packet_on_an_undefined_interface()
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        AssertDamage(builder.Enhanced(1, 3, Packet).ToArray(), 2, offset, "packet refers to interface 1, but the section defines 1");
    }

    [Fact]
    public void Simple_packet_without_interface()
    {
        var builder = new PcapNgBuilder().Section();
        var offset = builder.Length;
        AssertDamage(builder.Simple(Packet, 8).ToArray(), 0, offset, "simple packet block, but the section defines no interface");
    }

    [Fact]
    public void Captured_length_over_the_maximum()
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        AssertDamage(builder.Enhanced(0, 3, Packet, capturedLength: 262145).ToArray(), 2, offset, "captured length 262145 is larger than the maximum of 262144");
    }

    [Fact]
    public void Captured_length_overruns_its_block()
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        AssertDamage(builder.Enhanced(0, 3, Packet, capturedLength: 9).ToArray(), 2, offset, "captured length 9 overruns the 40-byte enhanced packet block");
    }

    [Fact]
    public void Packet_block_shorter_than_its_fixed_fields()
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        AssertDamage(builder.Block(6, new byte[8]).ToArray(), 2, offset, "enhanced packet block of 20 bytes is shorter than its fixed fields");
    }

    [Fact]
    public void Option_overruns_its_block()
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        byte[] body = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* option 2, length 200 */ 2, 0, 200, 0];
        AssertDamage(builder.Block(6, body).ToArray(), 2, offset, "option 2 of 200 bytes overruns its block");
    }

    [Fact]
    public void Bad_byte_order_magic_in_a_later_section()
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        var file = builder.Section().ToArray();
        file[offset + 8] ^= 0xFF;
        AssertDamage(file, 2, offset, "byte-order magic");
    }

    [Fact]
    public void Unsupported_section_version()
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        AssertDamage(builder.Section(versionMajor: 2).ToArray(), 2, offset, "unsupported pcapng version 2.0");
    }

    [Theory]
    [InlineData(0x80 | 64, "2^-64")]
    [InlineData(20, "10^-20")]
    public void Timestamp_resolution_too_fine(byte resolution, string reason)
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        AssertDamage(builder.Interface(LinkType.Raw, timestampResolution: resolution).ToArray(), 2, offset, reason);
    }

    [Fact]
    public void Every_truncation_gives_the_whole_packets_before_it_then_damage()
    {
        var builder = new PcapNgBuilder().Section();
        var blockEnds = new List<int> { builder.Length };
        builder.Interface(LinkType.Ethernet);
        blockEnds.Add(builder.Length);
        var packetEnds = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            builder.Enhanced(0, (ulong)i, Packet[..(i * 3)], flags: 1);
            packetEnds.Add(builder.Length);
        }
        var file = builder.ToArray();
        for (var length = 0; length < file.Length; length++)
        {
            var (frames, error) = ReadAll(file[..length]);
            Assert.Equal(packetEnds.Count(end => end <= length), frames.Count);
            // A cut between blocks is a clean end; anywhere else is damage (an empty file is not pcapng at all).
            var betweenBlocks = packetEnds.Contains(length) || blockEnds.Contains(length);
            Assert.Equal(betweenBlocks, error is null);
        }
    }
}
