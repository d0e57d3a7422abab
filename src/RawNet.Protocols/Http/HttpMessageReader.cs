namespace RawNet.Protocols.Http;

/// <summary>The request method a response's body depends on (tshark remembers the stream's latest request).</summary>
public enum HttpRequestMethod : byte
{
    /// <summary>No request seen yet.</summary>
    None,
    /// <summary>Any other method.</summary>
    Other,
    /// <summary>HEAD: its response has no body.</summary>
    Head,
    /// <summary>CONNECT or SSTP_DUPLEX_POST: a 2xx response to it has no body.</summary>
    Connect,
}

/// <summary>What the stream knows when a segment's HTTP bytes are read (tshark's per-conversation HTTP data and TCP's flags).</summary>
/// <param name="Desegment">TCP may hold bytes back for a later segment (tcp.desegment_tcp_streams and http.desegment_headers, both on by default).</param>
/// <param name="EndOfStream">The segment has FIN: no more data follows, so a body is not waited for.</param>
/// <param name="SeenHttp">The conversation has carried a request or response: data that is neither is "Continuation".</param>
/// <param name="LastRequest">The method of the conversation's latest request.</param>
public readonly record struct HttpStreamContext(bool Desegment = true, bool EndOfStream = false, bool SeenHttp = false,
    HttpRequestMethod LastRequest = HttpRequestMethod.None);

/// <summary>What a message that needs later segments waits for (tshark's desegment_len).</summary>
public enum HttpWait : byte
{
    /// <summary>Nothing: the message is whole.</summary>
    None,
    /// <summary>One more segment, then it is read again (its head, or its chunks, are not all here).</summary>
    OneMore,
    /// <summary>A known number of bytes (the rest of a Content-Length body): it is read again once they are all here.</summary>
    Bytes,
    /// <summary>The end of the stream (a response without length): it is read again at FIN.</summary>
    UntilFin,
}

/// <summary>
/// Where a reading of a held message stopped to ask for more, so that the next reading of the same bytes and more goes
/// on from there: the head's walk (the line it stopped at, the walk's start and kind, and what the lines before said)
/// and the chunks' walk. Every step before a stop depends only on whole lines and chunks that are unchanged.
/// </summary>
public readonly record struct HttpResume(int ChunkAt, int HeadAt, int HeadFrom, bool HeadBody, bool LengthFound, int ContentLength, bool Chunked,
    bool RpcType);

/// <summary>The outcome of one step of an <see cref="HttpMessageReader"/>.</summary>
public enum HttpStep : byte
{
    /// <summary>A message (or data tshark shows as HTTP, or bytes it takes and does not show).</summary>
    Message,
    /// <summary>A message that needs bytes of a later segment: tshark holds the rest, from <see cref="HttpMessage.Start"/> on, for reassembly.</summary>
    NeedsMore,
    /// <summary>Nothing more: the end of the bytes, or data tshark leaves alone.</summary>
    End,
}

/// <summary>One message of a segment as tshark's HTTP dissector delimits it. Offsets are in the bytes the reader was given.</summary>
public struct HttpMessage
{
    /// <summary>The message's first byte (before a leading CR LF).</summary>
    public int Start;
    /// <summary>Where its first line starts (after a leading CR LF).</summary>
    public int FirstLine;
    /// <summary>The first line's length without its ending; -1 when no line end was captured.</summary>
    public int FirstLineLength;
    /// <summary>What the first line is (the Info column shows it when it is a request, response or notification).</summary>
    public HttpMessageKind FirstKind;
    /// <summary>The message's kind after its head (the last start line decides it).</summary>
    public HttpMessageKind Kind;
    /// <summary>True when tshark shows the message in an HTTP tree.</summary>
    public bool Shown;
    /// <summary>True for data in a stream that has carried HTTP, shown as "Continuation".</summary>
    public bool Continuation;
    /// <summary>A continuation whose first byte is not printable: tshark shows it as file data only.</summary>
    public bool Binary;
    /// <summary>True when a CR LF before the first line was skipped.</summary>
    public bool LeadingCrlf;
    /// <summary>Where the head ended: after the blank line, or at the line that is not part of it.</summary>
    public int HeadEnd;
    /// <summary>The body's bytes as captured (after the head).</summary>
    public int BodyLength;
    /// <summary>True when the body is file data (http.file_data), false for data tshark hands on without it.</summary>
    public bool HasFileData;
    /// <summary>True when the body is chunked: the file data is its chunks joined.</summary>
    public bool Chunked;
    /// <summary>True when tshark hands the body (de-chunked, not empty) to the dissector of its Content-Type.</summary>
    public bool BodyDispatched;
    /// <summary>True when tshark hands the (not empty) body to the data dissector for its coding (a transfer coding other than chunked, a content coding it does not decode).</summary>
    public bool BodyToData;
    /// <summary>Where the message ends (the next message starts).</summary>
    public int End;
    /// <summary>The status code of the last status line (0 when it had none, or for a request).</summary>
    public int StatusCode;
    /// <summary>The value of the last Content-Type header (as captured, to the end of its line), or -1.</summary>
    public int ContentTypeStart;
    public int ContentTypeLength;
    /// <summary>Set when tshark threw in this message (a line or chunk ran past the bytes it has).</summary>
    public HttpFault Fault;
    /// <summary>True when it threw while reading the head: nothing after the head was added.</summary>
    public bool FaultInHead;
    /// <summary>The method of the message's last request line (for the next response).</summary>
    public HttpRequestMethod Request;
    /// <summary>For a message that needs more: what it waits for.</summary>
    public HttpWait Wait;
    /// <summary>For <see cref="HttpWait.Bytes"/>: how many more bytes.</summary>
    public int WaitBytes;
}

/// <summary>
/// Walks the HTTP messages of one TCP segment's payload (or of a reassembled run of segments) as tshark 4.0's HTTP
/// dissector takes them (dissect_http_on_stream, dissect_http_message and req_resp_hdrs_do_reassembly, read for their
/// rules and written anew): each message's head, its body by Content-Length, chunks, or the rules for requests and
/// responses without either, and whether a message needs bytes of a later segment. Bounded: one pass over the bytes per
/// message, no allocation.
/// </summary>
public ref struct HttpMessageReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _reported;
    private HttpStreamContext _context;
    private readonly HttpResume _resumeGiven;
    private HttpResume _resume;
    private bool _readingFirst;

    /// <summary>
    /// Reads <paramref name="data"/> (the bytes captured) of a payload declaring <paramref name="reported"/> bytes.
    /// <paramref name="resume"/>: for bytes read before with fewer of them (a message held, read again with the next
    /// segment), the previous reading's <see cref="Resume"/>, so that the first message's walk over its head lines and
    /// chunks goes on where it stopped; else default.
    /// </summary>
    public HttpMessageReader(ReadOnlySpan<byte> data, int reported, HttpStreamContext context, int start = 0, HttpResume resume = default)
    {
        _data = data;
        _reported = Math.Max(reported, data.Length);
        _context = context;
        Offset = start;
        _resumeGiven = start == 0 ? resume : default;
    }

    /// <summary>Where the first message's walks stopped to ask for more (default when they did not): for the next reading of the same bytes and more.</summary>
    public readonly HttpResume Resume => _resume;

    /// <summary>Where the next message starts.</summary>
    public int Offset { get; private set; }

    /// <summary>The stream's context as the messages read so far left it (a request or response seen, the latest request's method).</summary>
    public readonly HttpStreamContext Context => _context;

    /// <summary>Reads the next message.</summary>
    public HttpStep Next(out HttpMessage message)
    {
        message = default;
        message.ContentTypeStart = -1;
        message.FirstLineLength = -1;
        int start = Offset;
        if (start >= _reported)
            return HttpStep.End;
        message.Start = start;
        _readingFirst = start == 0;
        int at = start;
        if (_reported - at > 3)
        {
            if (at + 2 > _data.Length)
                return Stop(ref message, HttpFault.Truncated);
            if (_data[at] == '\r' && _data[at + 1] == '\n')
            {
                message.LeadingCrlf = true;
                at += 2;
            }
        }
        if (at >= _data.Length)
            return Stop(ref message, at >= _reported ? HttpFault.Malformed : HttpFault.Truncated);
        message.FirstLine = at;

        if (!HttpText.IsPrintable(_data[at]))
        {
            if (!_context.SeenHttp)
                return Stop(ref message, HttpFault.None);
            // Binary data in a stream that carried HTTP: file data, and the end of this segment's HTTP.
            message.Shown = message.Continuation = message.Binary = true;
            message.Kind = HttpMessageKind.Other;
            message.HeadEnd = start;
            message.BodyLength = _data.Length - start;
            message.End = _reported;
            Offset = _reported;
            return HttpStep.Message;
        }

        int firstLength = HttpText.FindLineEnd(_data, at, desegment: true, out _);
        if (firstLength < 0 && _context.Desegment && NeedsMore(at, body: true, untilFin: false, out message.Wait, out message.WaitBytes, out _))
            return Hold(ref message, at);
        var first = firstLength >= 0 ? HttpStartLine.Classify(_data.Slice(at, firstLength)) : HttpMessageKind.Other;
        message.FirstLineLength = firstLength;
        message.FirstKind = first;
        if (first != HttpMessageKind.Other)
        {
            if (_context.Desegment)
            {
                bool body = !_context.EndOfStream;
                if (body && first == HttpMessageKind.Response)
                {
                    int code = HttpStartLine.ParseStatusCode(_data.Slice(at, firstLength));
                    if (_context.LastRequest == HttpRequestMethod.Head || (code / 100 == 2 && _context.LastRequest == HttpRequestMethod.Connect)
                        || code / 100 == 1 || code == 204 || code == 304)
                        body = false;
                }
                if (NeedsMore(at, body, untilFin: first == HttpMessageKind.Response, out message.Wait, out message.WaitBytes, out var fault))
                    return Hold(ref message, at);
                // tshark threw while it checked the chunks: the Info column has the first line, nothing else of it shows.
                if (fault != HttpFault.None)
                    return Stop(ref message, fault);
            }
            message.Shown = true;
        }
        else if (_context.SeenHttp)
            message.Shown = message.Continuation = true;

        ReadHead(ref message, at);
        // tshark remembers a request or response as soon as it reads its start line, whatever happens after.
        if (message.Kind is HttpMessageKind.Request or HttpMessageKind.Response)
            _context = _context with { SeenHttp = true };
        if (message.Request != HttpRequestMethod.None)
            _context = _context with { LastRequest = message.Request };
        if (message.Fault != HttpFault.None)
        {
            // It threw in the head: no body, and nothing after it in this segment.
            message.HasFileData = message.BodyDispatched = message.BodyToData = false;
            Offset = _reported;
            message.End = message.HeadEnd;
            return HttpStep.Message;
        }
        ReadBody(ref message);
        Offset = message.End;
        return HttpStep.Message;
    }

    private HttpStep Stop(ref HttpMessage message, HttpFault fault)
    {
        message.Fault = fault;
        Offset = _reported;
        return HttpStep.End;
    }

    private HttpStep Hold(ref HttpMessage message, int from)
    {
        // tshark asks TCP for more from here on; the Info column already shows the first line when there is one.
        message.Start = from;
        int firstLength = HttpText.FindLineEnd(_data, from, desegment: true, out _);
        message.FirstLineLength = firstLength;
        message.FirstKind = firstLength >= 0 ? HttpStartLine.Classify(_data.Slice(from, firstLength)) : HttpMessageKind.Other;
        message.End = _reported;
        Offset = _reported;
        return HttpStep.NeedsMore;
    }

    /// <summary>The head's lines: the message's kind, and what its headers say about the body.</summary>
    private void ReadHead(ref HttpMessage message, int at)
    {
        var lines = new HttpLineWalker(_data, _reported, at);
        bool contentLengthValid = false;
        long contentLength = 0;
        bool transferEncoded = false;
        bool chunked = false;
        bool transferCompressed = false;
        var contentCoding = HttpContentCoding.Identity;
        while (lines.MoveNext())
        {
            message.Shown = true;
            switch (lines.Kind)
            {
                case HttpLineKind.Start:
                    if (lines.StartKind == HttpMessageKind.Response && HttpStartLine.StatusCode(lines.Line, out _, out _) is int code and >= 0)
                        message.StatusCode = code;
                    else if (lines.StartKind == HttpMessageKind.Request)
                        message.Request = RequestMethod(lines.Line);
                    break;
                case HttpLineKind.Header:
                    var value = HttpText.CString(lines.Value);
                    switch (HttpHeaders.RoleOf(lines.Header))
                    {
                        case HttpHeaderRole.ContentType:
                            message.ContentTypeStart = lines.ValueStart;
                            message.ContentTypeLength = value.Length;
                            break;
                        case HttpHeaderRole.ContentLength:
                            contentLengthValid = HttpHeaderValues.TryParseContentLength(value, out contentLength);
                            break;
                        case HttpHeaderRole.ContentEncoding:
                            contentCoding = HttpHeaderValues.ContentCoding(value);
                            break;
                        case HttpHeaderRole.TransferEncoding:
                            transferEncoded = true;
                            HttpHeaderValues.ParseTransferCoding(value, ref chunked, ref transferCompressed);
                            break;
                    }
                    break;
            }
        }
        message.Kind = lines.Type;
        message.HeadEnd = lines.End;
        message.Fault = lines.Fault;
        message.FaultInHead = lines.Fault != HttpFault.None;
        message.Chunked = chunked;
        message.BodyLength = ChooseBodyLength(in message, contentLengthValid, contentLength, transferEncoded);
        // A transfer coding other than chunked goes to the data dissector. A content coding tshark decompresses (gzip,
        // deflate, brotli) has its text as file data and goes to the media type's dissector; RawNet does not decompress,
        // so it shows no file data then. Any other content coding goes to the data dissector.
        message.HasFileData = !transferCompressed && contentCoding == HttpContentCoding.Identity;
        message.BodyDispatched = !transferCompressed && contentCoding != HttpContentCoding.Other;
        message.BodyToData = !message.BodyDispatched;
    }

    /// <summary>The body's captured length, before de-chunking.</summary>
    private readonly int ChooseBodyLength(in HttpMessage message, bool contentLengthValid, long contentLength, bool transferEncoded)
    {
        int captured = Math.Max(0, _data.Length - message.HeadEnd);
        if (contentLengthValid && !transferEncoded)
            return (int)Math.Min(captured, contentLength);
        return message.Kind switch
        {
            HttpMessageKind.Request => transferEncoded ? captured : 0,
            HttpMessageKind.Response => message.StatusCode / 100 == 1 || message.StatusCode is 204 or 304 ? 0 : captured,
            _ => captured,
        };
    }

    private void ReadBody(ref HttpMessage message)
    {
        int end = message.HeadEnd + message.BodyLength;
        if (message.BodyLength > 0 && message.Chunked)
        {
            var chunks = HttpChunks.Walk(_data, message.HeadEnd, _reported);
            message.Fault = chunks.Fault;
            if (chunks.Consumed == 0 || chunks.Fault != HttpFault.None)
                message.HasFileData = message.BodyDispatched = message.BodyToData = false;
            else
            {
                end = message.HeadEnd + chunks.Consumed;
                // Empty chunks still make (empty) file data; nothing is dissected further.
                if (chunks.DataLength == 0)
                    message.BodyDispatched = message.BodyToData = false;
            }
        }
        if (message.BodyLength == 0)
            message.HasFileData = message.BodyDispatched = message.BodyToData = false;
        message.End = message.Fault != HttpFault.None ? _reported : end;
    }

    private static HttpRequestMethod RequestMethod(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith("M-"u8))
            line = line[2..];
        int space = line.IndexOf((byte)' ');
        var method = space < 0 ? line : line[..space];
        if (method.SequenceEqual("HEAD"u8))
            return HttpRequestMethod.Head;
        return method.SequenceEqual("CONNECT"u8) || method.SequenceEqual("SSTP_DUPLEX_POST"u8) ? HttpRequestMethod.Connect : HttpRequestMethod.Other;
    }

    /// <summary>
    /// req_resp_hdrs_do_reassembly: true when the message starting at <paramref name="at"/> needs bytes of a later
    /// segment (and what it waits for): its head has no blank line yet, its chunks are not all here, its Content-Length
    /// is not all here, or (a response, <paramref name="untilFin"/>) it has neither and its body runs to the end of the
    /// stream. A capture that cut the segment never asks for more: those bytes were not kept.
    /// </summary>
    private bool NeedsMore(int at, bool body, bool untilFin, out HttpWait wait, out int waitBytes, out HttpFault fault)
    {
        fault = HttpFault.None;
        wait = HttpWait.OneMore;
        waitBytes = 0;
        int next = at;
        bool lengthFound = false;
        int contentLength = 0;
        bool chunked = false;
        bool rpcType = false;
        var given = _resumeGiven;
        if (_readingFirst && given.HeadAt > at && given.HeadAt <= _data.Length && given.HeadFrom == at && given.HeadBody == body)
        {
            // The lines before where the last reading stopped are whole and unchanged: what they said still holds.
            next = given.HeadAt;
            (lengthFound, contentLength, chunked, rpcType) = (given.LengthFound, given.ContentLength, given.Chunked, given.RpcType);
        }
        while (true)
        {
            int lineStart = next;
            if (_reported - next < 1)
                return HeadWaits(lineStart, at, body, lengthFound, contentLength, chunked, rpcType);
            int captured = _data.Length - next;
            int length = HttpText.FindLineEnd(_data, next, desegment: true, out next);
            if (length == -1)
            {
                if (captured >= _reported - lineStart)
                    return HeadWaits(lineStart, at, body, lengthFound, contentLength, chunked, rpcType);
                // The capture cut the head: asking for more would not help.
                return Done(out wait);
            }
            if (length == 0)
                break;
            if (!body)
                continue;
            var line = _data.Slice(lineStart, length);
            if (line[0] is not ((byte)'c' or (byte)'C' or (byte)'t' or (byte)'T'))
                continue;
            if (HttpText.StartsWithIgnoringCase(line, "Content-Length:"))
            {
                // ws_strtoi32 leaves its result in the variable even when it fails.
                if (HttpHeaderValues.TryParseInt32(line[15..], out contentLength) && contentLength >= 0)
                    lengthFound = true;
            }
            else if (HttpText.StartsWithIgnoringCase(line, "Content-Type:"))
            {
                var type = line[13..];
                int skip = 0;
                while (skip < type.Length && type[skip] == ' ')
                    skip++;
                rpcType = type[skip..].StartsWith("application/rpc"u8);
            }
            else if (HttpText.StartsWithIgnoringCase(line, "Transfer-Encoding:"))
            {
                var coding = line[18..];
                int skip = 0;
                while (skip < coding.Length && coding[skip] is (byte)' ' or (byte)'\t')
                    skip++;
                if (HttpText.StartsWithIgnoringCase(coding[skip..], "chunked"))
                    chunked = true;
            }
        }
        if (!body)
            return Done(out wait);
        if (chunked)
        {
            // Only the message at the start of the bytes is read again with more of them.
            int resume = _readingFirst ? _resumeGiven.ChunkAt : 0;
            bool more = HttpChunks.NeedsMore(_data, next, _reported, out fault, ref resume);
            if (_readingFirst)
                _resume = _resume with { ChunkAt = more ? resume : 0 };
            return more || Done(out wait);
        }
        if (lengthFound)
        {
            // MS-RPCH: a Content-Length of 128 KiB or more on RPC over HTTP means nothing.
            if (contentLength >= 128 * 1024 && (rpcType || _data.StartsWith("RPC_IN_DATA"u8) || _data.StartsWith("RPC_OUT_DATA"u8)))
                return Done(out wait);
            int present = _data.Length - next;
            // Bytes the capture did not keep cannot be waited for.
            if (present >= contentLength || _data.Length < _reported)
                return Done(out wait);
            wait = HttpWait.Bytes;
            waitBytes = contentLength - present;
            return true;
        }
        if (untilFin && _data.Length >= _reported)
        {
            wait = HttpWait.UntilFin;
            return true;
        }
        return Done(out wait);
    }

    /// <summary>The head asks for more at <paramref name="lineStart"/>: kept for the next reading of the first message (true).</summary>
    private bool HeadWaits(int lineStart, int at, bool body, bool lengthFound, int contentLength, bool chunked, bool rpcType)
    {
        if (_readingFirst)
            _resume = _resume with
            {
                HeadAt = lineStart, HeadFrom = at, HeadBody = body, LengthFound = lengthFound, ContentLength = contentLength, Chunked = chunked,
                RpcType = rpcType,
            };
        return true;
    }

    private static bool Done(out HttpWait wait)
    {
        wait = HttpWait.None;
        return false;
    }
}
