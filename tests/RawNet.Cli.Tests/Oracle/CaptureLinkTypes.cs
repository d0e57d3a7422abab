using RawNet.Files;
using RawNet.Protocols;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>The link type of every frame of a capture, in order: what the oracle tests compare in full or only in part.</summary>
public static class CaptureLinkTypes
{
    /// <summary>One link type per frame of <paramref name="path"/>.</summary>
    public static List<LinkType> Of(string path)
    {
        var types = new List<LinkType>();
        using var reader = CaptureFileReader.Open(path);
        while (reader.TryReadNext(out var frame))
            types.Add(frame.Metadata.LinkType);
        return types;
    }
}
