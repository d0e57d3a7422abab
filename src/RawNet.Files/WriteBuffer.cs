using System.Runtime.ExceptionServices;

namespace RawNet.Files;

/// <summary>
/// Collects whole records (a file header, an interface block, a packet) in one reusable buffer and writes it to the
/// stream when full, so writers make one Stream.Write per many records.
/// </summary>
/// <remarks>
/// A write that fails (the disk is full) may have put part of the buffer on disk. The buffer then cuts a seekable
/// stream back to the end of the last record that reached it whole, so the file never ends inside a record, and refuses
/// every later write with the same failure: nothing is ever written after a failure, and <see cref="Dispose"/> does not
/// throw again.
/// </remarks>
internal sealed class WriteBuffer : IDisposable
{
    internal const int DefaultCapacity = 256 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly List<(int End, bool Packet)> _records = [];
    private byte[] _buffer;
    private int _length;
    private long _written;
    private ExceptionDispatchInfo? _failure;
    private bool _disposed;

    public WriteBuffer(Stream stream, bool leaveOpen, int capacity = DefaultCapacity)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _buffer = new byte[capacity];
        // Where the records start, to know where to cut after a failed write.
        _written = stream.CanSeek ? stream.Position : 0;
    }

    /// <summary>Where the records that reached the stream whole end: the stream's length, unless a write is under way or failed part-way before the cut.</summary>
    public long WholeRecordsEnd => _written;

    /// <summary>Called with <see cref="WholeRecordsEnd"/> after each write that reached the stream whole, and after a failed one was cut back.</summary>
    public Action<long>? Written { get; set; }

    /// <summary>Packet records that reached the stream whole (not those still buffered, nor those a failed write cut).</summary>
    public long PacketsWritten { get; private set; }

    /// <summary>The failure that stopped writing, or null while writes succeed.</summary>
    public Exception? Failure => _failure?.SourceException;

    /// <summary>A span of exactly <paramref name="size"/> writable bytes for one record; call <see cref="Advance"/> after filling it.</summary>
    /// <exception cref="IOException">A write failed, now or before.</exception>
    public Span<byte> GetSpan(int size)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _failure?.Throw();
        if (_buffer.Length - _length < size)
        {
            WriteOut();
            if (_buffer.Length < size)
                _buffer = new byte[size];
        }
        return _buffer.AsSpan(_length, size);
    }

    /// <summary>Commits one whole record of <paramref name="count"/> bytes written into the span from <see cref="GetSpan"/>.</summary>
    public void Advance(int count, bool packet = false)
    {
        _length += count;
        _records.Add((_length, packet));
    }

    /// <summary>Writes buffered records to the stream and flushes it.</summary>
    /// <exception cref="IOException">A write failed, now or before.</exception>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _failure?.Throw();
        WriteOut();
        try
        {
            _stream.Flush();
        }
        catch (IOException e)
        {
            Fail(e);
            throw;
        }
    }

    private void WriteOut()
    {
        if (_length == 0)
            return;
        try
        {
            _stream.Write(_buffer, 0, _length);
        }
        catch (IOException e)
        {
            Fail(e);
            throw;
        }
        _written += _length;
        Committed(_records.Count);
        Written?.Invoke(_written);
    }

    /// <summary>Counts the first <paramref name="records"/> buffered records as written and empties the buffer.</summary>
    private void Committed(int records)
    {
        for (int i = 0; i < records; i++)
        {
            if (_records[i].Packet)
                PacketsWritten++;
        }
        _records.Clear();
        _length = 0;
    }

    /// <summary>Keeps <paramref name="e"/> for every later call and cuts the stream back to the last record it holds whole.</summary>
    private void Fail(IOException e)
    {
        _failure = ExceptionDispatchInfo.Capture(e);
        if (!_stream.CanSeek)
        {
            Committed(0);
            return;
        }
        try
        {
            long reached = _stream.Length - _written;
            int whole = 0;
            while (whole < _records.Count && _records[whole].End <= reached)
                whole++;
            long end = _written + (whole == 0 ? 0 : _records[whole - 1].End);
            if (_stream.Length != end)
                _stream.SetLength(end);
            _written = end;
            Committed(whole);
            Written?.Invoke(_written);
        }
        catch (IOException)
        {
            // Cutting a file only frees space; if even that fails, the first failure is the one worth reporting.
            Committed(0);
        }
    }

    /// <summary>Writes what is buffered (unless a write failed before) and closes the stream unless it was opened with leaveOpen.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        try
        {
            if (_failure is null)
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
