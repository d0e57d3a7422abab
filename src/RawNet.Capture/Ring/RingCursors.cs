using System.Runtime.InteropServices;

namespace RawNet.Capture.Ring;

/// <summary>Cache-line geometry for the padded cursors.</summary>
internal static class CacheLine
{
    /// <summary>
    /// Separation between fields written by different threads: two 64-byte lines, because the
    /// adjacent-line prefetcher on x64 pulls lines in pairs.
    /// </summary>
    public const int Padding = 128;
}

/// <summary>
/// Producer state. Everything the producer writes shares one line at offset 128, with 128 bytes
/// of padding on either side so no neighbour in the owning object shares or prefetches it.
/// Consumers only read <see cref="Published"/>, <see cref="Completed"/> and the counters.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 3 * CacheLine.Padding)]
internal struct ProducerCursor
{
    /// <summary>Byte position up to which records are complete and readable (shared).</summary>
    [FieldOffset(CacheLine.Padding)] public long Published;

    /// <summary>
    /// How far the producer may write without looking at the consumers: the slowest consumer's position when
    /// last read plus the capacity, capped at the end of the current lap. One compare per record covers both
    /// "ring full" and "wrap point"; only crossing it re-reads the consumers' cursors.
    /// </summary>
    [FieldOffset(CacheLine.Padding + 8)] public long Limit;

    /// <summary>Records written, including appended ones not yet published (shared, statistics).</summary>
    [FieldOffset(CacheLine.Padding + 16)] public long Written;

    /// <summary>Records refused by a full lossy ring (shared, statistics).</summary>
    [FieldOffset(CacheLine.Padding + 24)] public long Dropped;

    /// <summary>1 once the producer has called <see cref="PacketRing.Complete"/> (shared).</summary>
    [FieldOffset(CacheLine.Padding + 52)] public int Completed;

    /// <summary>End of the last record written, published or not; equals <see cref="Published"/> after a publish.</summary>
    [FieldOffset(CacheLine.Padding + 56)] public long Tail;
}

/// <summary>
/// One consumer's state. <see cref="Position"/> (read by the producer) has a line of its own;
/// the consumer's private bookkeeping sits on the next one, so consuming a batch does not
/// touch the line the producer reads.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 4 * CacheLine.Padding)]
internal struct ConsumerCursor
{
    /// <summary>Released byte position: everything before it may be overwritten (shared).</summary>
    [FieldOffset(CacheLine.Padding)] public long Position;

    /// <summary>End of the last record handed out; becomes <see cref="Position"/> on release.</summary>
    [FieldOffset(2 * CacheLine.Padding)] public long Next;

    /// <summary>The producer's <see cref="ProducerCursor.Published"/> as last read.</summary>
    [FieldOffset(2 * CacheLine.Padding + 8)] public long CachedPublished;

    /// <summary>Records handed out (shared, statistics).</summary>
    [FieldOffset(2 * CacheLine.Padding + 16)] public long Read;
}
