namespace RawNet.Files;

/// <summary>Collects records in one reusable buffer and writes it to the stream when full, so writers make one Stream.Write per many records.</summary>
internal sealed class WriteBuffer : IDisposable
{
    internal const int DefaultCapacity = 256 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer;
    private int _length;
    private bool _disposed;

    public WriteBuffer(Stream stream, bool leaveOpen, int capacity = DefaultCapacity)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _buffer = new byte[capacity];
    }

    /// <summary>A span of exactly <paramref name="size"/> writable bytes; call <see cref="Advance"/> after filling it.</summary>
    public Span<byte> GetSpan(int size)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_buffer.Length - _length < size)
        {
            WriteOut();
            if (_buffer.Length < size)
                _buffer = new byte[size];
        }
        return _buffer.AsSpan(_length, size);
    }

    /// <summary>Commits bytes written into the span from <see cref="GetSpan"/>.</summary>
    public void Advance(int count) => _length += count;

    /// <summary>Writes buffered bytes to the stream and flushes it.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        WriteOut();
        _stream.Flush();
    }

    private void WriteOut()
    {
        if (_length > 0)
        {
            _stream.Write(_buffer, 0, _length);
            _length = 0;
        }
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        try
        {
            Flush();
        }
        finally
        {
            _disposed = true;
            if (!_leaveOpen)
                _stream.Dispose();
        }
    }
}
