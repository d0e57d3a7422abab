namespace RawNet.Files.Tests;

/// <summary>A non-seekable stream (like a pipe or standard input) that hands out at most a few bytes per read.</summary>
internal sealed class TrickleStream(byte[] content, int seed, int maxChunk = 7) : PipeLikeStream
{
    private readonly Random _random = new(seed);
    private int _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, _random.Next(1, maxChunk + 1)), content.Length - _position);
        Array.Copy(content, _position, buffer, offset, n);
        _position += n;
        return n;
    }
}
