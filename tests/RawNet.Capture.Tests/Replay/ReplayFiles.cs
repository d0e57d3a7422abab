using RawNet.Files;
using RawNet.Files.Pcap;
using RawNet.Protocols;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Replay;

/// <summary>Capture files for replay tests: small crafted ones and the benchmark capture.</summary>
internal static class ReplayFiles
{
    /// <summary>Writes <paramref name="frames"/> to a new temporary pcap (nanosecond precision) at the given offsets from a fixed start.</summary>
    public static string Write(IReadOnlyList<byte[]> frames, IReadOnlyList<long> offsetsNanoseconds, LinkType linkType = LinkType.Ethernet)
    {
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-replay-{Guid.NewGuid():N}.pcap");
        using var writer = PcapWriter.Create(path, linkType, precision: TimestampPrecision.Nanoseconds);
        for (int i = 0; i < frames.Count; i++)
            writer.Write(new FrameMetadata(1_700_000_000_000_000_000 + offsetsNanoseconds[i], frames[i].Length, frames[i].Length, linkType), frames[i]);
        return path;
    }

    /// <summary><paramref name="count"/> experimental frames from <paramref name="from"/>, <paramref name="gapNanoseconds"/> apart.</summary>
    public static string Evenly(NetworkLab lab, LabEnd from, int count, long gapNanoseconds, string tag) =>
        Write([.. Enumerable.Range(0, count).Select(i => lab.ExperimentalFrame(from, tag, i))],
            [.. Enumerable.Range(0, count).Select(i => i * gapNanoseconds)]);

    /// <summary>The benchmark capture of <paramref name="packets"/> packets, or a visible skip when python3 or the generator is missing.</summary>
    public static string Bench(int packets)
    {
        var python = ExternalTool.Find("python3");
        if (python is null)
            Assert.Skip("python3 is not installed (apt-get install python3)");
        if (!File.Exists(TestPaths.BenchPcapTool))
            Assert.Skip($"{TestPaths.BenchPcapTool} is not here");
        var path = Path.Combine(Path.GetTempPath(), $"rawnet-replay-bench-{Guid.NewGuid():N}.pcap");
        var (exit, _, error) = ExternalTool.Run(python, [TestPaths.BenchPcapTool, path, packets.ToString()]);
        Assert.True(exit == 0, "make-bench-pcap.py failed: " + error);
        return path;
    }

    /// <summary>Every frame's bytes of <paramref name="path"/>, in order.</summary>
    public static List<byte[]> ReadAll(string path)
    {
        using var reader = CaptureFileReader.Open(path);
        var frames = new List<byte[]>();
        while (reader.TryReadNext(out var frame))
            frames.Add(frame.Data.ToArray());
        return frames;
    }
}
