namespace RawNet.Protocols.Http;

/// <summary>What one line of a message's head is to tshark.</summary>
public enum HttpLineKind : byte
{
    /// <summary>A request, status or notification line (any line that starts like one, not only the first).</summary>
    Start,
    /// <summary>A header: a colon after a valid name (or after any name, once a line of the message was taken).</summary>
    Header,
    /// <summary>A line with a colon whose name has bytes a header name may not have: shown as a line, with an expert note.</summary>
    BadHeader,
    /// <summary>The empty line that ends the head.</summary>
    Blank,
}

/// <summary>Why tshark stopped dissecting in the middle of a message (it threw).</summary>
public enum HttpFault : byte
{
    None,
    /// <summary>It read past the bytes captured: "[Packet size limited during capture]".</summary>
    Truncated,
    /// <summary>It read past the bytes the segment declares: "[Malformed Packet]".</summary>
    Malformed,
}

/// <summary>
/// The lines of one message's head, from its first line on, as tshark's dissect_http_message takes them: each line is
/// a start line, a header or the blank line, and the walk ends at the blank line, at a line that is none of them, or
/// at the end of the bytes captured. <see cref="Type"/> follows the start lines (the last one decides the message's
/// kind). Reads only the bytes captured; allocates nothing.
/// </summary>
public ref struct HttpLineWalker
{
    /// <summary>Where a walk stands (the current line included), to go on from it later.</summary>
    public struct Position
    {
        internal int Offset;
        internal bool Saw;
        internal bool Done;
        internal HttpMessageKind Type;
        internal int LineStart;
        internal int LineLength;
        internal int LineNext;
        internal HttpLineKind Kind;
        internal HttpMessageKind StartKind;
        internal int Header;
        internal int ValueStart;
        internal int ValueLength;
        internal int End;
        internal bool EndedAtBlankLine;
        internal HttpFault Fault;
    }

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _reported;
    private Position _p;

    /// <summary>Starts at <paramref name="start"/> in <paramref name="data"/> (captured bytes of a segment declaring <paramref name="reported"/>).</summary>
    public HttpLineWalker(ReadOnlySpan<byte> data, int reported, int start)
    {
        _data = data;
        _reported = reported;
        _p = default;
        _p.Offset = start;
    }

    /// <summary>Goes on from a position <see cref="Save"/> gave for the same bytes.</summary>
    public HttpLineWalker(ReadOnlySpan<byte> data, int reported, Position position)
    {
        _data = data;
        _reported = reported;
        _p = position;
    }

    /// <summary>Where the walk stands now.</summary>
    public readonly Position Save() => _p;

    /// <summary>The message's kind so far: set by each start line.</summary>
    public readonly HttpMessageKind Type => _p.Type;

    /// <summary>Where the current line starts.</summary>
    public readonly int LineStart => _p.LineStart;

    /// <summary>The current line's length without its ending.</summary>
    public readonly int LineLength => _p.LineLength;

    /// <summary>Where the line after the current one starts (after its ending).</summary>
    public readonly int LineNext => _p.LineNext;

    /// <summary>What the current line is.</summary>
    public readonly HttpLineKind Kind => _p.Kind;

    /// <summary>For a start line: its kind.</summary>
    public readonly HttpMessageKind StartKind => _p.StartKind;

    /// <summary>For a header: the index of its name in <see cref="HttpHeaders.Known"/>, or -1.</summary>
    public readonly int Header => _p.Header;

    /// <summary>For a header: where the value starts (after the colon and the spaces and tabs after it).</summary>
    public readonly int ValueStart => _p.ValueStart;

    /// <summary>For a header: the value's length, to the end of the line.</summary>
    public readonly int ValueLength => _p.ValueLength;

    /// <summary>Where the walk ended: where the message's body (or the next message, or data that is not HTTP) starts.</summary>
    public readonly int End => _p.End;

    /// <summary>True when the walk ended at the blank line.</summary>
    public readonly bool EndedAtBlankLine => _p.EndedAtBlankLine;

    /// <summary>Set when tshark would have thrown at the line that ended the walk.</summary>
    public readonly HttpFault Fault => _p.Fault;

    /// <summary>The current line's bytes, without the ending.</summary>
    public readonly ReadOnlySpan<byte> Line => _data.Slice(_p.LineStart, _p.LineLength);

    /// <summary>The current header's value bytes (to the end of the line).</summary>
    public readonly ReadOnlySpan<byte> Value => _data.Slice(_p.ValueStart, _p.ValueLength);

    /// <summary>Moves to the next line of the head; false when the head has ended (see <see cref="End"/>).</summary>
    public bool MoveNext()
    {
        if (_p.Done)
            return false;
        int offset = _p.Offset;
        if (offset >= _data.Length)
            return Finish(offset);
        int length = HttpText.FindLineEnd(_data, offset, desegment: false, out int next);
        var line = _data.Slice(offset, length);
        _p.LineStart = offset;
        _p.LineLength = length;
        _p.LineNext = next;
        _p.Header = -1;
        _p.ValueStart = _p.ValueLength = 0;
        var start = HttpStartLine.Classify(line);
        if (start != HttpMessageKind.Other)
        {
            _p.Kind = HttpLineKind.Start;
            _p.StartKind = start;
            _p.Type = start;
        }
        else if (length == 0)
        {
            _p.Kind = HttpLineKind.Blank;
            _p.Done = true;
            _p.EndedAtBlankLine = true;
            _p.End = next;
            return true;
        }
        else
        {
            int colon = line.IndexOf((byte)':');
            bool validName = colon >= 0 && HttpText.IsValidHeaderName(line[..colon]);
            if (colon < 0 || !(_p.Saw || validName))
            {
                // Not part of the message. tshark first checks that the byte after the line exists when it had taken a
                // line already: a last line with no ending throws there.
                if (_p.Saw && offset + length + 1 > _data.Length)
                    _p.Fault = offset + length + 1 > _reported ? HttpFault.Malformed : HttpFault.Truncated;
                return Finish(offset);
            }
            _p.Kind = validName ? HttpLineKind.Header : HttpLineKind.BadHeader;
            if (validName)
            {
                _p.Header = HttpHeaders.Find(line[..colon]);
                int value = colon + 1;
                while (value < length && line[value] is (byte)' ' or (byte)'\t')
                    value++;
                _p.ValueStart = offset + value;
                _p.ValueLength = length - value;
            }
        }
        _p.Saw = true;
        _p.Offset = next;
        return true;
    }

    private bool Finish(int end)
    {
        _p.Done = true;
        _p.End = end;
        return false;
    }
}

/// <summary>tshark's is_http_request_or_reply and its request and status line dissectors, on one line without its ending.</summary>
public static class HttpStartLine
{
    /// <summary>What a line that starts a message is: a status line ("HTTP/", "ICY"), a request or notification (a known method, then a space or the end), or neither.</summary>
    public static HttpMessageKind Classify(ReadOnlySpan<byte> line)
    {
        // RFC 2774's "M-" prefix marks a mandatory extension; the method follows it.
        if (line.Length >= 2 && line[0] == 'M' && line[1] == '-')
            line = line[2..];
        if (line.StartsWith("HTTP/"u8) || line.StartsWith("ICY"u8))
            return HttpMessageKind.Response;
        int space = line.IndexOf((byte)' ');
        var method = space < 0 ? line : line[..space];
        return method.Length is >= 3 and <= HttpMethods.MaxLength ? HttpMethods.WiresharkKind(method) : HttpMessageKind.Other;
    }

    /// <summary>
    /// parse_http_status_code, used to decide whether a response has a body before its headers are read: the second
    /// token when it is exactly three characters that read as a whole number; 0 otherwise.
    /// </summary>
    public static int ParseStatusCode(ReadOnlySpan<byte> line)
    {
        if (HttpText.TokenLength(line, 0, out int next) == 0)
            return 0;
        if (HttpText.TokenLength(line, next, out _) != 3)
            return 0;
        // ws_strtoi32: an optional sign, then digits to the end.
        var code = line.Slice(next, 3);
        int at = code[0] is (byte)'+' or (byte)'-' ? 1 : 0;
        if (at == code.Length)
            return 0;
        int value = 0;
        for (int i = at; i < code.Length; i++)
        {
            if (code[i] is < (byte)'0' or > (byte)'9')
                return 0;
            value = value * 10 + (code[i] - '0');
        }
        return code[0] == '-' ? -value : value;
    }

    /// <summary>
    /// basic_response_dissector's status code: the first three characters of the second token (when it has at least three)
    /// read as strtoul does (digits up to the first other character); -1 when there is no such token.
    /// </summary>
    public static int StatusCode(ReadOnlySpan<byte> line, out int codeOffset, out int phraseOffset)
    {
        codeOffset = phraseOffset = -1;
        if (HttpText.TokenLength(line, 0, out int next) == 0)
            return -1;
        int length = HttpText.TokenLength(line, next, out int after);
        if (length < 3)
            return -1;
        codeOffset = next;
        phraseOffset = after;
        int at = next;
        // strtoul skips leading white space and takes a sign: neither can be in a token, but '+' and '-' can.
        bool negative = false;
        if (line[at] is (byte)'+' or (byte)'-')
        {
            negative = line[at] == '-';
            at++;
        }
        uint value = 0;
        for (; at < next + 3 && line[at] is >= (byte)'0' and <= (byte)'9'; at++)
            value = value * 10 + (uint)(line[at] - '0');
        return (int)(negative ? (ushort)(0 - value) : value);
    }
}
