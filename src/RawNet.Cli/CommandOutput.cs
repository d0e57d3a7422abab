using System.Text;

namespace RawNet.Cli;

/// <summary>
/// Standard output as a 64 KiB buffered UTF-8 writer, flushed once at the end. A reader that goes away (<c>| head</c>)
/// makes writes fail with EPIPE; that is noticed here so the command can stop quietly instead of reporting an error.
/// </summary>
public sealed class CommandOutput : IDisposable
{
    private readonly PipeWatchStream _stream;

    /// <summary>Wraps <paramref name="stdout"/>.</summary>
    public CommandOutput(Stream stdout)
    {
        _stream = new PipeWatchStream(stdout);
        Writer = new StreamWriter(_stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024) { AutoFlush = false };
    }

    /// <summary>The buffered writer every command prints through.</summary>
    public TextWriter Writer { get; }

    /// <summary>
    /// Standard output as bytes, for a printer that writes ASCII itself (<c>rawnet follow</c>): what <see cref="Writer"/>
    /// holds is flushed first, so the two keep their order as long as the printer flushes before anything else is
    /// written through <see cref="Writer"/>. Broken pipes are noticed the same way.
    /// </summary>
    public Stream TakeBytes()
    {
        Writer.Flush();
        return _stream;
    }

    /// <summary>True once a write to standard output failed: the reader has gone.</summary>
    public bool IsBroken => _stream.Broken;

    /// <summary>Flushes what is buffered; returns <paramref name="code"/>, or success when the reader has gone (nothing more can be said to it).</summary>
    public int Finish(int code)
    {
        try
        {
            Writer.Flush();
        }
        catch (IOException) when (_stream.Broken)
        {
        }
        return _stream.Broken && code != ExitCode.Usage ? ExitCode.Success : code;
    }

    public void Dispose()
    {
        try
        {
            Writer.Dispose();
        }
        catch (IOException)
        {
            // Already reported or a broken pipe: nothing left to tell anyone.
        }
    }

    /// <summary>Passes writes through and remembers whether one failed.</summary>
    private sealed class PipeWatchStream(Stream inner) : Stream
    {
        public bool Broken { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Broken)
                throw new IOException("standard output is closed");
            try
            {
                inner.Write(buffer);
            }
            catch (IOException)
            {
                Broken = true;
                throw;
            }
        }

        public override void Flush()
        {
            if (Broken)
                return;
            try
            {
                inner.Flush();
            }
            catch (IOException)
            {
                Broken = true;
                throw;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
