namespace RawNet.Files.Tests;

/// <summary>
/// A file on a disk with room for <paramref name="capacity"/> bytes, as a full tmpfs behaves: a write that does not fit
/// stores what fits (a short write), then fails with ENOSPC; the file can still be cut shorter.
/// </summary>
internal sealed class FullDiskStream(int capacity) : MemoryStream
{
    /// <summary>Writes attempted after the first failure.</summary>
    public int WritesAfterFailure { get; private set; }

    private bool _failed;

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (_failed)
            WritesAfterFailure++;
        int room = (int)Math.Max(0, capacity - Position);
        base.Write(buffer, offset, Math.Min(room, count));
        if (room < count)
        {
            _failed = true;
            // What .NET throws for ENOSPC: the errno is the HResult.
            throw new IOException("No space left on device : 'full.pcap'", 28);
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);
}
