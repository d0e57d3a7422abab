namespace RawNet.Files.Tests;

/// <summary>A non-seekable stream that serves a file header and then the same run of records over and over, so a test can read millions of records without a file.</summary>
internal sealed class RepeatingCaptureStream(byte[] header, byte[] period, long repeats) : PipeLikeStream
{
    private readonly long _length = header.Length + period.Length * repeats;
    private long _position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length && _position < _length)
        {
            ReadOnlySpan<byte> source = _position < header.Length
                ? header.AsSpan((int)_position)
                : period.AsSpan((int)((_position - header.Length) % period.Length));
            var n = (int)Math.Min(Math.Min(source.Length, buffer.Length - total), _length - _position);
            source[..n].CopyTo(buffer[total..]);
            total += n;
            _position += n;
        }
        return total;
    }
}
