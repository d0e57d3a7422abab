using System.Diagnostics;
using RawNet.Capture.Sources;
using RawNet.Files;
using RawNet.Protocols;

namespace RawNet.Capture.Tests.Sources;

/// <summary>A captured frame copied out of its source (sources lend their bytes only until the next read).</summary>
public sealed record CapturedCopy(byte[] Data, FrameMetadata Metadata)
{
    public override string ToString() => $"{Metadata.CapturedLength}/{Metadata.OriginalLength} {Convert.ToHexString(Data.AsSpan(0, Math.Min(Data.Length, 40)))}";
}

/// <summary>Reading live sources and capture files into lists for comparison.</summary>
public static class CaptureDrain
{
    /// <summary>
    /// Copies frames <paramref name="keep"/> accepts until <paramref name="count"/> were kept, or (count null) until the
    /// source was quiet for <paramref name="quiet"/> (AF_PACKET only: libpcap's read does not time out); never longer
    /// than <paramref name="limit"/>, after which the source is stopped.
    /// </summary>
    public static List<CapturedCopy> Read(ICaptureSource source, Func<byte[], bool>? keep = null, int? count = null,
        TimeSpan? quiet = null, TimeSpan? limit = null)
    {
        var kept = new List<CapturedCopy>();
        var clock = Stopwatch.StartNew();
        var max = limit ?? TimeSpan.FromSeconds(15);
        var idle = quiet ?? TimeSpan.FromMilliseconds(300);
        // libpcap's TPACKET_V3 read never times out on a quiet link; only pcap_breakloop (Stop) ends it.
        using var watchdog = new Timer(_ => source.Stop(), null, max, Timeout.InfiniteTimeSpan);
        while (clock.Elapsed < max && (count is null || kept.Count < count))
        {
            if (!source.TryNext(count is null ? idle : TimeSpan.FromMilliseconds(200), out var frame))
            {
                if (count is null)
                    break;
                continue;
            }
            Assert.Equal(frame.Data.Length, frame.Metadata.CapturedLength);
            var data = frame.Data.ToArray();
            if (keep is null || keep(data))
                kept.Add(new CapturedCopy(data, frame.Metadata));
        }
        return kept;
    }

    /// <summary>Every frame of a capture file that <paramref name="keep"/> accepts.</summary>
    public static List<CapturedCopy> ReadFile(string path, Func<byte[], bool>? keep = null)
    {
        var kept = new List<CapturedCopy>();
        using var reader = CaptureFileReader.Open(path);
        while (reader.TryReadNext(out var frame))
        {
            var data = frame.Data.ToArray();
            if (keep is null || keep(data))
                kept.Add(new CapturedCopy(data, frame.Metadata));
        }
        return kept;
    }

    /// <summary>Whether <paramref name="frame"/> contains <paramref name="tag"/> (ASCII) anywhere.</summary>
    public static bool Contains(byte[] frame, string tag) => frame.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(tag)) >= 0;
}
