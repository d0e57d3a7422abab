using RawNet.Files;
using RawNet.Files.PcapNg;
using RawNet.Testing;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>The index finds every frame's bytes again by offset, for pcap and pcapng, in any order.</summary>
public sealed class CaptureIndexTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Captures, "*.pcap").Order(StringComparer.Ordinal))
            data.Add(file);
        foreach (var file in TestPaths.PeerCorpusFiles().Where(f => f.EndsWith(".pcapng", StringComparison.Ordinal)))
            data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_frame_read_back_by_offset_equals_the_reader_s_frame(string path)
    {
        using var index = CaptureIndex.Build(path, null, TestContext.Current.CancellationToken);
        AssertSameFrames(path, index);
    }

    [Fact]
    public void A_pcapng_with_options_and_two_interfaces_is_indexed_block_by_block()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-ui-{Environment.ProcessId}-{Guid.NewGuid():N}.pcapng");
        try
        {
            using (var reader = CaptureFileReader.Open(Views.Capture("udp-exchange.pcap")))
            using (var writer = PcapNgWriter.Create(path, "section comment"))
            {
                writer.AddInterface(RawNet.Protocols.LinkType.Ethernet);
                writer.AddInterface(RawNet.Protocols.LinkType.Ethernet);
                int n = 0;
                while (reader.TryReadNext(out var frame))
                    writer.Write(frame.Metadata with { InterfaceId = n % 2 }, frame.Data, n++ % 3 == 0 ? "a comment of some length" : null);
            }
            using var index = CaptureIndex.Build(path, null, TestContext.Current.CancellationToken);
            Assert.Equal(CaptureFileFormat.PcapNg, index.Format);
            AssertSameFrames(path, index);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Progress_is_reported_and_ends_at_the_whole_file()
    {
        var reports = new List<IndexProgress>();
        using var index = CaptureIndex.Build(Views.Capture("icmp-errors.pcap"), new SyncProgress(reports.Add), TestContext.Current.CancellationToken);
        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.Equal(index.Count, reports[^1].Frames);
    }

    [Fact]
    public void Relative_time_counts_from_the_first_frame()
    {
        using var index = CaptureIndex.Build(Views.Capture("tcp-handshake-ipv4.pcap"), null, TestContext.Current.CancellationToken);
        Assert.Equal(0.0, index.RelativeSeconds(0));
        Assert.Equal(0.009, index.RelativeSeconds(9), 9);
    }

    [Fact]
    public void The_index_holds_25_bytes_a_frame()
    {
        Assert.Equal(8 + 8 + 4 + 4 + 1, CaptureIndex.BytesPerFrame);
    }

    private static void AssertSameFrames(string path, CaptureIndex index)
    {
        var expected = new List<(RawNet.Protocols.FrameMetadata, byte[])>();
        using (var reader = CaptureFileReader.Open(path))
        {
            try
            {
                while (reader.TryReadNext(out var frame))
                    expected.Add((frame.Metadata, frame.Data.ToArray()));
            }
            catch (CaptureFileException)
            {
            }
        }
        Assert.Equal(expected.Count, index.Count);
        var buffer = new byte[16];
        // Backwards: random access, not a stream position.
        for (int i = index.Count - 1; i >= 0; i--)
        {
            int read = index.ReadFrame(i, ref buffer);
            Assert.Equal(expected[i].Item2, buffer.AsSpan(0, read).ToArray());
            var metadata = index.MetadataOf(i);
            Assert.Equal(expected[i].Item1.TimestampNanoseconds, metadata.TimestampNanoseconds);
            Assert.Equal(expected[i].Item1.OriginalLength, metadata.OriginalLength);
            Assert.Equal(expected[i].Item1.LinkType, metadata.LinkType);
        }
    }

    private sealed class SyncProgress(Action<IndexProgress> report) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => report(value);
    }
}
