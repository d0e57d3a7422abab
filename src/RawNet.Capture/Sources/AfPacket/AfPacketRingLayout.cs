namespace RawNet.Capture.Sources.AfPacket;

/// <summary>How a TPACKET_V3 ring of about <see cref="CaptureOptions.BufferBytes"/> is cut into blocks.</summary>
/// <param name="BlockSize">Bytes per block: a power of two, at least a page, at most <see cref="MaxBlockSize"/>.</param>
/// <param name="BlockCount">Blocks in the ring (at least one).</param>
/// <param name="FrameSize">The nominal frame size the kernel checks the request against (packets in V3 take only the space they need).</param>
/// <param name="RetireTimeoutMs">How long the kernel keeps a block that is not full before handing it over, so a quiet link still delivers.</param>
public readonly record struct AfPacketRingLayout(int BlockSize, int BlockCount, int FrameSize, int RetireTimeoutMs)
{
    /// <summary>Blocks are 1 MiB unless the buffer is smaller.</summary>
    public const int MaxBlockSize = 1 << 20;

    /// <summary>The smallest block: one page.</summary>
    public static int MinBlockSize => Environment.SystemPageSize;

    /// <summary>The nominal frame size.</summary>
    public const int DefaultFrameSize = 2048;

    /// <summary>The default block retire timeout in milliseconds.</summary>
    public const int DefaultRetireTimeoutMs = 10;

    /// <summary>Bytes in the whole ring.</summary>
    public long TotalBytes => (long)BlockSize * BlockCount;

    /// <summary>Whole 1 MiB blocks for large buffers; one block of the largest power of two that fits for small ones.</summary>
    public static AfPacketRingLayout For(int bufferBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferBytes);
        if (bufferBytes >= MaxBlockSize)
            return new(MaxBlockSize, bufferBytes / MaxBlockSize, DefaultFrameSize, DefaultRetireTimeoutMs);
        var blockSize = Math.Max(MinBlockSize, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)bufferBytes + 1) / 2);
        return new(blockSize, 1, DefaultFrameSize, DefaultRetireTimeoutMs);
    }
}
