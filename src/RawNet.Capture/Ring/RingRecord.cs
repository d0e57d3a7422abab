using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RawNet.Protocols;

namespace RawNet.Capture.Ring;

/// <summary>
/// One packet record as it lies in the ring: metadata and the captured bytes, without copying.
/// Valid until the consumer that read it advances (its next read, wait or release).
/// </summary>
public readonly unsafe ref struct RingRecord
{
    private readonly ref readonly RecordHeader _header;

    internal RingRecord(byte* record, int capturedLength, long position)
    {
        _header = ref Unsafe.AsRef<RecordHeader>(record);
        // The length comes from a header this ring wrote, never negative: skip the span constructor's check.
        Data = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef<byte>(record + RecordHeader.Length), capturedLength);
        Position = position;
    }

    /// <summary>The captured bytes.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Byte position of the record in the ring's ever-increasing sequence.</summary>
    public long Position { get; }

    /// <summary>Capture time in nanoseconds since the Unix epoch.</summary>
    public long TimestampNanoseconds => _header.TimestampNanoseconds;

    /// <summary>Bytes captured: the length of <see cref="Data"/>.</summary>
    public int CapturedLength => Data.Length;

    /// <summary>Bytes the frame had on the wire.</summary>
    public int OriginalLength => _header.OriginalLength;

    /// <summary>Index of the capturing interface.</summary>
    public int InterfaceId => _header.InterfaceId;

    /// <summary>Link-layer header type of the frame.</summary>
    public LinkType LinkType => (LinkType)_header.LinkType;

    /// <summary>Inbound or outbound, where known.</summary>
    public PacketDirection Direction => (PacketDirection)_header.Direction;

    /// <summary>All the metadata as one value.</summary>
    public FrameMetadata Metadata => new(TimestampNanoseconds, CapturedLength, OriginalLength, LinkType, InterfaceId, Direction);
}
