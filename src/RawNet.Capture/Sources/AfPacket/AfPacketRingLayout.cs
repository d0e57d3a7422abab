namespace RawNet.Capture.Sources.AfPacket;

/// <summary>How a TPACKET_V3 ring of about <see cref="CaptureOptions.BufferBytes"/> is cut into blocks.</summary>
/// <param name="BlockSize">Bytes per block: a power of two, at least a page, at most <see cref="MaxBlockSize"/>; a frame longer than a block is cut to fit.</param>
/// <param name="BlockCount">Blocks in the ring (at least one).</param>
/// <param name="FrameSize">The nominal frame size the kernel checks the request against (packets in V3 take only the space they need).</param>
/// <param name="RetireTimeoutMs">How long the kernel keeps a block that is not full before handing it over, so a quiet link still delivers.</param>
public readonly record struct AfPacketRingLayout(int BlockSize, int BlockCount, int FrameSize, int RetireTimeoutMs)
{
    /// <summary>The largest block.</summary>
    public const int MaxBlockSize = 1 << 20;

    /// <summary>The smallest block: one page.</summary>
    public static int MinBlockSize => Environment.SystemPageSize;

    /// <summary>The nominal frame size.</summary>
    public const int DefaultFrameSize = 2048;

    /// <summary>The default block retire timeout in milliseconds.</summary>
    public const int DefaultRetireTimeoutMs = 10;

    /// <summary>Bytes in the whole ring.</summary>
    public long TotalBytes => (long)BlockSize * BlockCount;

    /// <summary>Blocks are never smaller than this unless the whole buffer is.</summary>
    public const int PreferredMinBlockSize = 128 * 1024;

    /// <summary>
    /// About 32 blocks, each a power of two between 128 KiB and 1 MiB (the default 32 MiB gives 32 of 1 MiB): a block is
    /// handed over when full or after the retire timeout, so on a slow link each block may carry few frames and the
    /// number of blocks, not their size, decides how long a stalled reader can stay away without drops. A buffer below
    /// 128 KiB is one block of the largest power of two that fits.
    /// </summary>
    public static AfPacketRingLayout For(int bufferBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferBytes);
        if (bufferBytes < PreferredMinBlockSize)
            return new(Math.Max(MinBlockSize, FloorPowerOfTwo(bufferBytes)), 1, DefaultFrameSize, DefaultRetireTimeoutMs);
        var blockSize = Math.Clamp(FloorPowerOfTwo(bufferBytes / 32), PreferredMinBlockSize, MaxBlockSize);
        return new(blockSize, bufferBytes / blockSize, DefaultFrameSize, DefaultRetireTimeoutMs);
    }

    private static int FloorPowerOfTwo(int value) => value <= 0 ? 0 : 1 << (31 - System.Numerics.BitOperations.LeadingZeroCount((uint)value));
}
