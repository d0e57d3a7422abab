using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Files.Tests;

public class CaptureFileReaderTests
{
    [Fact]
    public void Non_seekable_streams_handing_out_a_few_bytes_at_a_time_read_the_same()
    {
        var files = TestPaths.PeerCorpusFiles().ToArray();
        if (files.Length == 0)
            Assert.Skip($"peer corpus not found at {TestPaths.PeerCorpus}");
        foreach (var path in files)
        {
            var expected = CaptureReading.ReadAll(path);
            using var reader = CaptureFileReader.Open(new TrickleStream(File.ReadAllBytes(path), seed: 1), "-");
            var i = 0;
            while (reader.TryReadNext(out var frame))
            {
                Assert.Equal(expected[i].Metadata, frame.Metadata);
                Assert.Equal(expected[i].Data, frame.Data.ToArray());
                i++;
            }
            Assert.Equal(expected.Count, i);
        }
    }

    [Fact]
    public void Open_by_path_names_the_path_in_errors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-not-a-capture-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "hello, world\n");
        try
        {
            var error = Assert.Throws<CaptureFileException>(() => CaptureFileReader.Open(path));
            Assert.Equal($"{path}: packet 1 at byte offset 0: not a pcap or pcapng file (magic 0x68656C6C)", error.Message);
            Assert.Equal(path, error.FileName);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_file_is_an_io_error_not_damage() =>
        Assert.ThrowsAny<IOException>(() => CaptureFileReader.Open(Path.Combine(Path.GetTempPath(), $"rawnet-missing-{Guid.NewGuid():N}.pcap")));

    [Fact]
    public void Pcapng_link_types_are_known_before_the_first_frame()
    {
        var file = new PcapNg.PcapNgBuilder().Section().Interface(LinkType.Raw).Interface(LinkType.LinuxSll2).Enhanced(1, 0, [1]).ToArray();
        using var reader = CaptureFileReader.Open(new TrickleStream(file, seed: 2), "-");
        Assert.Equal([LinkType.Raw, LinkType.LinuxSll2], reader.LinkTypes);
        Assert.Equal(0, reader.PacketNumber);
        Assert.True(reader.TryReadNext(out var frame));
        Assert.Equal(LinkType.LinuxSll2, frame.Metadata.LinkType);
    }

    [Fact]
    public void Disposing_closes_the_stream_unless_asked_to_leave_it_open()
    {
        var bytes = new Pcap.PcapFileBuilder().ToArray();
        var closed = new MemoryStream(bytes);
        CaptureFileReader.Open(closed, "a").Dispose();
        Assert.False(closed.CanRead);
        var open = new MemoryStream(bytes);
        CaptureFileReader.Open(open, "b", leaveOpen: true).Dispose();
        Assert.True(open.CanRead);
    }
}
