using RawNet.Protocols;

namespace RawNet.Files.Tests;

/// <summary>
/// A frame copied out of a reader, so tests can keep it past the next read: <see cref="Metadata"/> is the record's own
/// (what writers write back), <see cref="Full"/> adds what the file says of it (interface, section, epb_flags).
/// </summary>
internal sealed record ReadFrame(FrameMetadata Full, byte[] Data)
{
    public FrameMetadata Metadata => Full with { Interface = null, SectionNumber = 0, PacketFlags = null };
}

/// <summary>Reads whole captures for assertions: every frame, and the damage that stopped the reading, if any.</summary>
internal static class CaptureReading
{
    public static (List<ReadFrame> Frames, CaptureFileException? Error) ReadAll(byte[] file, string name = "test.cap")
    {
        var frames = new List<ReadFrame>();
        try
        {
            using var reader = CaptureFileReader.Open(new MemoryStream(file, writable: false), name);
            while (reader.TryReadNext(out var frame))
            {
                frames.Add(new ReadFrame(frame.Metadata, frame.Data.ToArray()));
                Assert.Equal(frames.Count, reader.PacketNumber);
            }
        }
        catch (CaptureFileException e)
        {
            return (frames, e);
        }
        return (frames, null);
    }

    public static List<ReadFrame> ReadAll(string path)
    {
        var frames = new List<ReadFrame>();
        using var reader = CaptureFileReader.Open(path);
        while (reader.TryReadNext(out var frame))
            frames.Add(new ReadFrame(frame.Metadata, frame.Data.ToArray()));
        return frames;
    }

    /// <summary>Asserts that reading returns exactly <paramref name="goodFrames"/> frames, then damage reported in one line naming the file, the next packet number and <paramref name="offset"/>.</summary>
    public static CaptureFileException AssertDamage(byte[] file, int goodFrames, long offset, string reasonFragment)
    {
        var (frames, error) = ReadAll(file, "hostile.cap");
        Assert.Equal(goodFrames, frames.Count);
        Assert.NotNull(error);
        Assert.Equal("hostile.cap", error.FileName);
        Assert.Equal(goodFrames + 1, error.PacketNumber);
        Assert.Equal(offset, error.ByteOffset);
        Assert.StartsWith($"hostile.cap: packet {goodFrames + 1} at byte offset {offset}: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains(reasonFragment, error.Reason);
        return error;
    }
}
