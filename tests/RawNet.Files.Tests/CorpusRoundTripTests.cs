using RawNet.Files.Pcap;
using RawNet.Files.PcapNg;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Files.Tests;

/// <summary>Every file of the peer corpus is read, written back in each format and precision, and read again; tshark checks both sides.</summary>
public sealed class CorpusRoundTripTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rawnet-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string[] CorpusFiles()
    {
        var files = TestPaths.PeerCorpusFiles().ToArray();
        if (files.Length == 0)
            Assert.Skip($"peer corpus not found at {TestPaths.PeerCorpus}");
        return files;
    }

    [Fact]
    public void Every_corpus_file_reads_and_round_trips_exactly_through_both_writers()
    {
        foreach (var path in CorpusFiles())
        {
            var original = CaptureReading.ReadAll(path);
            Assert.NotEmpty(original);
            foreach (var written in new[]
            {
                WritePcap(original, TimestampPrecision.Microseconds),
                WritePcap(original, TimestampPrecision.Nanoseconds),
                WritePcapNg(original, TimestampPrecision.Microseconds),
                WritePcapNg(original, TimestampPrecision.Nanoseconds),
            })
            {
                var (copy, error) = CaptureReading.ReadAll(written, Path.GetFileName(path));
                Assert.Null(error);
                Assert.Equal(original.Count, copy.Count);
                for (var i = 0; i < original.Count; i++)
                {
                    Assert.Equal(original[i].Metadata, copy[i].Metadata);
                    Assert.Equal(original[i].Data, copy[i].Data);
                }
            }
        }
    }

    [Fact]
    public void Tshark_sees_the_same_frames_in_our_copies_as_in_the_originals()
    {
        var tshark = ExternalTool.Require("tshark", "tshark");
        var mergecap = ExternalTool.Require("mergecap", "wireshark-common");
        var files = CorpusFiles();
        var frames = files.Select(CaptureReading.ReadAll).ToArray();

        // tshark starts slowly, so both sides are pooled. The originals: mergecap (Wireshark's own reader and writer)
        // puts them end to end in one pcapng, read by one tshark run and cut into files by the frame counts RawNet read.
        // A count RawNet got wrong shifts every later file's lines, which the comparisons below then catch.
        var originals = Path.Combine(_directory, "originals.pcapng");
        var merged = ExternalTool.Run(mergecap, ["-a", "-F", "pcapng", "-w", originals, .. files]);
        Assert.True(merged.ExitCode == 0, $"mergecap failed: {merged.StdErr}");
        var originalLines = FrameLines(tshark, originals);
        Assert.Equal(frames.Sum(f => f.Count), originalLines.Length);
        var expected = new string[files.Length][];
        for (int i = 0, start = 0; i < files.Length; start += frames[i].Count, i++)
            expected[i] = originalLines[start..(start + frames[i].Count)];

        // The copies: one pcapng of everything, and one pcap per link type and precision.
        var checks = new List<(string Path, string[] Expected)>();
        var pooled = Path.Combine(_directory, "all.pcapng");
        using (var writer = PcapNgWriter.Create(pooled))
        {
            for (var i = 0; i < files.Length; i++)
            {
                var id = writer.AddInterface(frames[i][0].Metadata.LinkType, name: Path.GetFileName(files[i]));
                foreach (var frame in frames[i])
                    writer.Write(frame.Metadata with { InterfaceId = id }, frame.Data);
            }
        }
        checks.Add((pooled, [.. expected.SelectMany(e => e)]));

        foreach (var group in Enumerable.Range(0, files.Length).GroupBy(i => frames[i][0].Metadata.LinkType))
        {
            foreach (var precision in new[] { TimestampPrecision.Microseconds, TimestampPrecision.Nanoseconds })
            {
                var path = Path.Combine(_directory, $"{group.Key}-{precision}.pcap");
                File.WriteAllBytes(path, WritePcap([.. group.SelectMany(i => frames[i])], precision));
                checks.Add((path, [.. group.SelectMany(i => expected[i])]));
            }
        }

        Parallel.ForEach(checks, new ParallelOptions { MaxDegreeOfParallelism = 2 }, check =>
            Assert.Equal(check.Expected, FrameLines(tshark, check.Path)));
    }

    /// <summary>tshark's view of each frame: time, length and captured length (the frame number is checked by the line count).</summary>
    private static string[] FrameLines(string tshark, string path)
    {
        var (exitCode, output, _) = ExternalTool.Run(tshark,
            ["-n", "-r", path, "-T", "fields", "-e", "frame.number", "-e", "frame.time_epoch", "-e", "frame.len", "-e", "frame.cap_len"]);
        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var fields = lines[i].Split('\t', 2);
            Assert.Equal((i + 1).ToString(), fields[0]);
            lines[i] = fields[1];
        }
        return lines;
    }

    private static byte[] WritePcap(IReadOnlyList<ReadFrame> frames, TimestampPrecision precision)
    {
        var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, frames[0].Metadata.LinkType, precision: precision, leaveOpen: true))
        {
            foreach (var frame in frames)
                writer.Write(frame.Metadata, frame.Data);
        }
        return stream.ToArray();
    }

    private static byte[] WritePcapNg(IReadOnlyList<ReadFrame> frames, TimestampPrecision precision)
    {
        var stream = new MemoryStream();
        using (var writer = new PcapNgWriter(stream, leaveOpen: true))
        {
            writer.AddInterface(frames[0].Metadata.LinkType, precision: precision);
            foreach (var frame in frames)
                writer.Write(frame.Metadata, frame.Data);
        }
        return stream.ToArray();
    }
}
