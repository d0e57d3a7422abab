namespace RawNet.Files;

/// <summary>A sliding window over a stream: one reusable buffer, refilled in large reads, so readers parse records in place instead of calling Stream.Read per record.</summary>
internal sealed class ReadWindow : IDisposable
{
    /// <summary>Large enough that refills (and the copy of one partial record each time) are rare.</summary>
    internal const int DefaultCapacity = 1 << 20;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _endOfStream;

    public ReadWindow(Stream stream, bool leaveOpen, int capacity = DefaultCapacity)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        // Small files get a small buffer, which matters when thousands of them are opened.
        _buffer = new byte[(int)Math.Clamp(stream.CanSeek ? stream.Length - stream.Position : capacity, 4096, capacity)];
    }

    /// <summary>Bytes buffered and not yet consumed.</summary>
    public int Available => _end - _start;

    /// <summary>Offset in the stream of the first unconsumed byte.</summary>
    public long Position => _bufferOffset + _start;

    /// <summary>The next <paramref name="count"/> unconsumed bytes; the caller has ensured they are buffered.</summary>
    public ReadOnlySpan<byte> Peek(int count) => new(_buffer, _start, count);

    /// <summary>Consumes bytes the caller has looked at.</summary>
    public void Advance(int count) => _start += count;

    /// <summary>Makes at least <paramref name="count"/> bytes available; false when the stream ends first.</summary>
    public bool TryEnsure(int count) => _end - _start >= count || Fill(count);

    private bool Fill(int count)
    {
        if (count > _buffer.Length && !PastEndOfStream(count))
        {
            // Callers bound count (256 KiB packets, 16 MiB blocks), so growth is bounded too.
            var bigger = new byte[Math.Max(count, _buffer.Length * 2)];
            Buffer.BlockCopy(_buffer, _start, bigger, 0, _end - _start);
            _buffer = bigger;
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }
        else if (_start + Math.Min(count, _buffer.Length) > _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }
        while (_end - _start < count && _end < _buffer.Length && !_endOfStream)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read <= 0)
                _endOfStream = true;
            else
                _end += read;
        }
        return _end - _start >= count;
    }

    /// <summary>Whether a seekable stream is too short to supply <paramref name="count"/> more bytes, so a damaged length need not grow the buffer; asked again each time because the file may still be growing.</summary>
    private bool PastEndOfStream(int count) => _stream.CanSeek && _bufferOffset + _end + (_stream.Length - _stream.Position) < Position + count;

    public void Dispose()
    {
        if (!_leaveOpen)
            _stream.Dispose();
    }
}
