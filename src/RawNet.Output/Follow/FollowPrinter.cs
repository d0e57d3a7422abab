using System.Runtime.Intrinsics;
using RawNet.Protocols.Conversations.Follow;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Follow;

/// <summary>
/// Prints a followed stream byte for byte as <c>tshark -q -z follow,PROTO,FORMAT,N</c> (tshark 4.0) prints it: a header
/// naming the stream and its two ends, each chunk (Node 1's indented by a tab), and a closing line. It writes each chunk
/// as it arrives, ASCII bytes straight into the output stream; only while tshark could still rename the ends (a first
/// sender on port 0) does it hold what it would print, up to <see cref="MaxHeldBytes"/>, to put the header first.
/// Data that cannot be shown becomes one line each on <c>notices</c> (see <see cref="FollowNotices"/>).
/// </summary>
public sealed class FollowPrinter : IFollowReceiver
{
    /// <summary>The most output held back while the ends are not final (32 MiB); past it the header is printed as they stand.</summary>
    public const int MaxHeldBytes = 32 << 20;

    private const string Separator = "===================================================================\n";
    private const int BufferSize = 64 * 1024;
    private const int BytesPerLine = 16;
    /// <summary>Column of a hex line's first hex digit, and of its text.</summary>
    private const int HexColumn = 10, TextColumn = 60;
    private const byte Tab = (byte)'\t', NewLine = (byte)'\n';

    private static ReadOnlySpan<byte> HexDigitsLower => "0123456789abcdef"u8;
    private static ReadOnlySpan<byte> HexDigitsUpper => "0123456789ABCDEF"u8;

    private readonly Stream _output;
    private readonly FollowProtocol _protocol;
    private readonly uint _stream;
    private readonly FollowFormat _format;
    private readonly FollowNotices _notices;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;
    private MemoryStream? _held = new();
    private FollowEndpoints _endpoints;
    private readonly uint[] _offsets = new uint[2];

    /// <summary>Prints stream <paramref name="stream"/> of <paramref name="protocol"/> to <paramref name="output"/> in <paramref name="format"/>.</summary>
    public FollowPrinter(Stream output, FollowProtocol protocol, uint stream, FollowFormat format, FollowNotices notices)
    {
        _output = output;
        _protocol = protocol;
        _stream = stream;
        _format = format;
        _notices = notices;
    }

    /// <inheritdoc />
    public void Endpoints(in FollowEndpoints endpoints)
    {
        _endpoints = endpoints;
        if (endpoints.Final)
            WriteHeader();
    }

    /// <inheritdoc />
    public void Data(FollowNode node, ReadOnlySpan<byte> bytes, long frame) => Chunk(node, bytes);

    /// <inheritdoc />
    public void Missing(FollowNode node, int bytes, long frame)
    {
        // tshark's chunk for a gap: this text and the string's terminating NUL.
        Span<byte> marker = stackalloc byte[64];
        bool written = System.Text.Unicode.Utf8.TryWrite(marker, $"[{bytes} bytes missing in capture file]\0", out int length);
        System.Diagnostics.Debug.Assert(written);
        Chunk(node, marker[..length]);
    }

    /// <inheritdoc />
    public void Unshown(in UnshownData unshown) => _notices.Report(unshown);

    /// <summary>Prints the header if it is still due, the closing line, and flushes.</summary>
    public void Finish()
    {
        WriteHeader();
        Write(System.Text.Encoding.ASCII.GetBytes(Separator));
        Flush();
        _output.Flush();
    }

    private void Chunk(FollowNode node, ReadOnlySpan<byte> bytes)
    {
        bool server = node == FollowNode.Server;
        switch (_format)
        {
            case FollowFormat.Ascii:
                Reserve(12);
                if (server)
                    _buffer[_used++] = Tab;
                ((uint)bytes.Length).TryFormat(_buffer.AsSpan(_used), out int digits);
                _used += digits;
                _buffer[_used++] = NewLine;
                WriteAsciiText(bytes);
                Reserve(1);
                _buffer[_used++] = NewLine;
                break;
            case FollowFormat.Raw:
                Reserve(1);
                if (server)
                    _buffer[_used++] = Tab;
                WriteHex(bytes);
                Reserve(1);
                _buffer[_used++] = NewLine;
                break;
            default:
                WriteHexDump(bytes, server, ref _offsets[(int)node]);
                break;
        }
        if (_held is not null && _held.Length + _used > MaxHeldBytes)
        {
            _notices.HeaderBeforeEndpointsFinal();
            WriteHeader();
        }
    }

    /// <summary>Bytes as tshark's ascii mode shows them: printable ASCII, CR and LF as they are, anything else a dot.</summary>
    private void WriteAsciiText(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            Reserve(Math.Min(bytes.Length, 4096));
            int n = Math.Min(bytes.Length, _buffer.Length - _used);
            AsciiView(bytes[..n], _buffer.AsSpan(_used, n));
            _used += n;
            bytes = bytes[n..];
        }
    }

    private static void AsciiView(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var space = Vector256.Create((byte)0x20);
            var delete = Vector256.Create((byte)0x7F);
            var cr = Vector256.Create((byte)'\r');
            var lf = Vector256.Create((byte)'\n');
            var dot = Vector256.Create((byte)'.');
            for (; i + Vector256<byte>.Count <= source.Length; i += Vector256<byte>.Count)
            {
                var v = Vector256.Create(source.Slice(i, Vector256<byte>.Count));
                var keep = (Vector256.GreaterThanOrEqual(v, space) & Vector256.LessThan(v, delete)) | Vector256.Equals(v, cr) | Vector256.Equals(v, lf);
                Vector256.ConditionalSelect(keep, v, dot).CopyTo(destination[i..]);
            }
        }
        for (; i < source.Length; i++)
        {
            byte b = source[i];
            destination[i] = b is >= 0x20 and < 0x7F or (byte)'\r' or (byte)'\n' ? b : (byte)'.';
        }
    }

    /// <summary>Bytes as lowercase hex pairs, nothing between them (raw mode).</summary>
    private void WriteHex(ReadOnlySpan<byte> bytes)
    {
        var digits = HexDigitsLower;
        while (!bytes.IsEmpty)
        {
            Reserve(Math.Min(bytes.Length * 2, 4096));
            int n = Math.Min(bytes.Length, (_buffer.Length - _used) / 2);
            var destination = _buffer.AsSpan(_used, n * 2);
            for (int i = 0; i < n; i++)
            {
                destination[2 * i] = digits[bytes[i] >> 4];
                destination[2 * i + 1] = digits[bytes[i] & 0xF];
            }
            _used += n * 2;
            bytes = bytes[n..];
        }
    }

    /// <summary>
    /// tshark's hex mode: per 16 bytes a line of the offset (8 uppercase hex digits, counted per direction across
    /// chunks), the bytes in hex with an extra space after the eighth, and the bytes as text (printable ASCII, else a
    /// dot) with a space after the eighth; one trailing space of the text is dropped.
    /// </summary>
    private void WriteHexDump(ReadOnlySpan<byte> bytes, bool server, ref uint offset)
    {
        var digits = HexDigitsLower;
        var upper = HexDigitsUpper;
        uint lineOffset = offset;
        for (int at = 0; at < bytes.Length; at += BytesPerLine)
        {
            var line = bytes.Slice(at, Math.Min(BytesPerLine, bytes.Length - at));
            Reserve(1 + TextColumn + BytesPerLine + 2);
            if (server)
                _buffer[_used++] = Tab;
            var text = _buffer.AsSpan(_used, TextColumn + BytesPerLine + 1);
            for (int d = 0; d < 8; d++)
                text[d] = upper[(int)(lineOffset >> (28 - 4 * d)) & 0xF];
            text[8..TextColumn].Fill((byte)' ');
            int column = TextColumn;
            for (int k = 0; k < line.Length; k++)
            {
                byte b = line[k];
                int hex = HexColumn + 3 * k + (k >= 8 ? 1 : 0);
                text[hex] = digits[b >> 4];
                text[hex + 1] = digits[b & 0xF];
                text[column++] = b is >= 0x20 and < 0x7F ? b : (byte)'.';
                if (k == 7)
                    text[column++] = (byte)' ';
            }
            if (text[column - 1] == ' ')
                column--;
            _used += column;
            _buffer[_used++] = NewLine;
            lineOffset += BytesPerLine;
        }
        // The next chunk of this direction starts at this one's end, not at the next multiple of 16.
        offset += (uint)bytes.Length;
    }

    /// <summary>Writes the header (once), then whatever was held for it.</summary>
    private void WriteHeader()
    {
        if (_held is null)
            return;
        var held = _held;
        _held = null;
        Flush(held);
        var protocol = _protocol == FollowProtocol.Tcp ? "tcp" : "udp";
        var mode = _format switch { FollowFormat.Ascii => "ascii", FollowFormat.Hex => "hex", _ => "raw" };
        var header = $"\n{Separator}Follow: {protocol},{mode}\nFilter: {protocol}.stream eq {_stream}\n" +
            $"Node 0: {Endpoint(_endpoints.Client)}\nNode 1: {Endpoint(_endpoints.Server)}\n";
        _output.Write(System.Text.Encoding.ASCII.GetBytes(header));
        held.Position = 0;
        held.CopyTo(_output);
    }

    /// <summary>An end as tshark prints it: a.b.c.d:port, [v6]:port, or ":0" before any packet named it.</summary>
    private static string Endpoint(in FollowEndpoint endpoint)
    {
        Span<byte> address = stackalloc byte[16];
        int size = endpoint.WriteAddress(address);
        Span<char> text = stackalloc char[64];
        int written = 0;
        if (size == 4)
            FieldFormatter.TryFormatIpv4(address[..4], text, out written);
        else if (size == 16)
            FieldFormatter.TryFormatIpv6(address, text, out written);
        var name = new string(text[..written]);
        return size == 16 ? $"[{name}]:{endpoint.Port}" : $"{name}:{endpoint.Port}";
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    /// <summary>Makes room for <paramref name="bytes"/> (at most the buffer's size) by flushing.</summary>
    private void Reserve(int bytes)
    {
        if (_used + bytes > _buffer.Length)
            Flush();
    }

    private void Flush() => Flush(_held);

    private void Flush(MemoryStream? held)
    {
        if (_used == 0)
            return;
        (held ?? _output).Write(_buffer, 0, _used);
        _used = 0;
    }
}
