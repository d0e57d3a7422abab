using RawNet.Protocols;

namespace RawNet.Files;

/// <summary>One frame read from a capture file; <see cref="Data"/> points into the reader's buffer and is valid only until the reader's next read or disposal.</summary>
public readonly ref struct CapturedFrame
{
    /// <summary>Pairs metadata with the captured bytes.</summary>
    public CapturedFrame(FrameMetadata metadata, ReadOnlySpan<byte> data)
    {
        Metadata = metadata;
        Data = data;
    }

    /// <summary>Timestamp, lengths, link type, interface and direction of the frame.</summary>
    public FrameMetadata Metadata { get; }

    /// <summary>The captured bytes (<see cref="FrameMetadata.CapturedLength"/> of them); valid until the next read.</summary>
    public ReadOnlySpan<byte> Data { get; }
}
