using RawNet.Files.Pcap;
using RawNet.Files.PcapNg;
using RawNet.Protocols;

namespace RawNet.Files.Tests;

/// <summary>Where the whole records of a file end, for a file cut at every length: the cut a killed writer's guard makes.</summary>
public sealed class WholeRecordsTests
{
    [Theory]
    [InlineData("pcap")]
    [InlineData("pcapng")]
    public void A_file_cut_anywhere_ends_its_whole_records_at_the_last_record_boundary_before_the_cut(string format)
    {
        var stream = new MemoryStream();
        var boundaries = new List<long>();
        using (var writer = format == "pcap" ? null : new PcapNgWriter(stream, leaveOpen: true))
        using (var pcap = format == "pcap" ? new PcapWriter(stream, LinkType.Ethernet, leaveOpen: true) : null)
        {
            writer?.AddInterface(LinkType.Ethernet);
            for (int i = 0; i < 6; i++)
            {
                var data = new byte[10 + i * 7];
                var metadata = new FrameMetadata(1_700_000_000_000_000_000 + i, data.Length, data.Length, LinkType.Ethernet);
                writer?.Flush();
                pcap?.Flush();
                boundaries.Add(stream.Length);
                writer?.Write(metadata, data);
                pcap?.Write(metadata, data);
            }
        }
        boundaries.Add(stream.Length);
        var whole = stream.ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-whole-{Guid.NewGuid():N}");
        try
        {
            for (long cut = boundaries[0]; cut <= whole.Length; cut++)
            {
                File.WriteAllBytes(path, whole[..(int)cut]);
                using var file = File.OpenHandle(path);
                long expected = boundaries.Last(boundary => boundary <= cut);
                Assert.Equal(expected, WholeRecords.End(file, boundaries[0]));
                // From a later boundary too, as the guard starts from the last end it was told.
                long from = boundaries.Last(boundary => boundary <= Math.Max(boundaries[0], cut - 30));
                Assert.Equal(expected, WholeRecords.End(file, from));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
