using static RawNet.Files.Tests.CaptureReading;

namespace RawNet.Files.Tests.Pcap;

public class PcapHostileTests
{
    private static readonly byte[] Packet = [1, 2, 3, 4, 5, 6, 7, 8];

    private static PcapFileBuilder TwoGoodPackets(bool bigEndian = false) =>
        new PcapFileBuilder(bigEndian).Record(1, 0, Packet).Record(2, 0, Packet);

    [Fact]
    public void Wrong_magic_names_the_magic()
    {
        var file = TwoGoodPackets().ToArray();
        file[0] = 0x00;
        var error = AssertDamage(file, 0, 0, "not a pcap or pcapng file");
        Assert.Equal("hostile.cap: packet 1 at byte offset 0: not a pcap or pcapng file (magic 0x00C3B2A1)", error.Message);
    }

    [Theory]
    [InlineData(0, "empty")]
    [InlineData(3, "only 3 bytes")]
    [InlineData(10, "file header cut short")]
    public void File_shorter_than_its_header(int length, string reason) =>
        AssertDamage(TwoGoodPackets().ToArray()[..length], 0, 0, reason);

    [Fact]
    public void Unsupported_version() =>
        AssertDamage(new PcapFileBuilder(versionMajor: 1).ToArray(), 0, 0, "unsupported pcap version 1.4");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Captured_length_over_the_maximum(bool bigEndian)
    {
        var builder = TwoGoodPackets(bigEndian);
        var offset = builder.Length;
        var file = builder.Record(3, 0, Packet, capturedLength: 262145).ToArray();
        AssertDamage(file, 2, offset, "captured length 262145 is larger than the maximum of 262144");
    }

    [Fact]
    public void Captured_length_of_four_gigabytes_does_not_allocate_or_hang()
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        AssertDamage(builder.Record(3, 0, Packet, capturedLength: uint.MaxValue).ToArray(), 2, offset, "captured length 4294967295");
    }

    [Fact]
    public void Record_header_cut_short()
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        AssertDamage(builder.Raw(1, 2, 3, 4, 5).ToArray(), 2, offset, "record header cut short at end of file (5 of 16 bytes)");
    }

    [Fact]
    public void Record_data_cut_short()
    {
        var builder = TwoGoodPackets();
        var offset = builder.Length;
        var file = builder.Record(3, 0, Packet).ToArray()[..^3];
        AssertDamage(file, 2, offset, "packet data cut short at end of file (5 of 8 bytes)");
    }

    [Fact]
    public void Every_truncation_gives_the_whole_records_before_it_then_damage()
    {
        var builder = new PcapFileBuilder();
        var recordEnds = new List<int> { builder.Length };
        for (var i = 0; i < 4; i++)
        {
            builder.Record((uint)i, 0, Packet[..(i * 2)]);
            recordEnds.Add(builder.Length);
        }
        var file = builder.ToArray();
        for (var length = 0; length < file.Length; length++)
        {
            var (frames, error) = ReadAll(file[..length]);
            var whole = recordEnds.Count(end => end <= length) - 1;
            if (recordEnds.Contains(length))
            {
                Assert.Null(error);
                Assert.Equal(whole, frames.Count);
            }
            else
            {
                Assert.NotNull(error);
                Assert.Equal(Math.Max(whole, 0), frames.Count);
                Assert.Equal(frames.Count + 1, error.PacketNumber);
            }
        }
    }
}
