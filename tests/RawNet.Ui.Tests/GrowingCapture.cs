using RawNet.Files;
using RawNet.Files.Pcap;
using RawNet.Protocols;

namespace RawNet.Ui.Tests;

/// <summary>
/// A pcap file written a slice at a time, as a live capture's writer thread flushes it: the bytes of a whole capture
/// are made first, then appended up to any cut point (mid-header, mid-record); the file is deleted on dispose.
/// </summary>
internal sealed class GrowingCapture : IDisposable
{
    private readonly FileStream _file;
    private int _written;

    /// <summary>The frames of <paramref name="frames"/> as one nanosecond pcap, none of it on disk yet.</summary>
    public GrowingCapture(IEnumerable<(FrameMetadata Metadata, byte[] Data)> frames)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rawnet-ui-test-{Environment.ProcessId}-{Guid.NewGuid():N}.pcap");
        var bytes = new MemoryStream();
        var ends = new List<int>();
        using (var writer = new PcapWriter(bytes, LinkType.Ethernet, precision: TimestampPrecision.Nanoseconds, leaveOpen: true))
        {
            writer.Flush();
            foreach (var (metadata, data) in frames)
            {
                writer.Write(metadata, data);
                writer.Flush();
                ends.Add((int)bytes.Length);
            }
        }
        Bytes = bytes.ToArray();
        RecordEnds = ends;
        _file = new FileStream(Path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    /// <summary>The frames of a capture file in the repository's captures/ folder.</summary>
    public static List<(FrameMetadata Metadata, byte[] Data)> FramesOf(string name)
    {
        var frames = new List<(FrameMetadata, byte[])>();
        using var reader = CaptureFileReader.Open(Views.Capture(name));
        while (reader.TryReadNext(out var frame))
            frames.Add((frame.Metadata, frame.Data.ToArray()));
        return frames;
    }

    public string Path { get; }

    /// <summary>The whole file's bytes.</summary>
    public byte[] Bytes { get; }

    /// <summary>The byte offset where each record ends.</summary>
    public IReadOnlyList<int> RecordEnds { get; }

    /// <summary>Records wholly inside the first <paramref name="length"/> bytes.</summary>
    public int CompleteRecords(int length) => RecordEnds.Count(end => end <= length);

    /// <summary>Appends bytes up to <paramref name="length"/> of the whole file, and flushes them to disk.</summary>
    public void WriteUpTo(int length)
    {
        _file.Write(Bytes, _written, length - _written);
        _file.Flush();
        _written = length;
    }

    /// <summary>Appends records up to and including record <paramref name="count"/> (1-based).</summary>
    public void WriteRecords(int count) => WriteUpTo(RecordEnds[count - 1]);

    public void Dispose()
    {
        _file.Dispose();
        File.Delete(Path);
    }
}
