using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Http;

/// <summary>
/// What an HTTP layer keeps in <see cref="Decoding.Layer.Detail"/> to be read again as it was read: the
/// <see cref="HttpStreamContext"/> its bytes were walked in.
/// </summary>
[Flags]
public enum HttpLayerDetail : byte
{
    None = 0,
    /// <summary>The stream had carried a request or response before this layer: data that is neither is "Continuation".</summary>
    SeenHttp = 1,
    /// <summary>TCP could hold bytes for a later segment: a message that needs them ends the layer's messages.</summary>
    Desegment = 2,
    /// <summary>The segment had FIN.</summary>
    EndOfStream = 4,
    /// <summary>Two bits: the stream's latest request method (<see cref="HttpRequestMethod"/>).</summary>
    LastRequestMask = 8 | 16,
    /// <summary>An SSDP datagram (UDP 1900): tshark's HTTP dissector under the name "ssdp" (its chain entry and Protocol column).</summary>
    Ssdp = 32,
}

/// <summary>Packs an <see cref="HttpStreamContext"/> into a layer's detail byte and back.</summary>
public static class HttpLayerDetails
{
    private const int LastRequestShift = 3;

    /// <summary>The detail byte that says <paramref name="context"/>.</summary>
    public static byte Of(in HttpStreamContext context) => (byte)(
        (context.SeenHttp ? HttpLayerDetail.SeenHttp : 0) | (context.Desegment ? HttpLayerDetail.Desegment : 0)
        | (context.EndOfStream ? HttpLayerDetail.EndOfStream : 0) | (HttpLayerDetail)((int)context.LastRequest << LastRequestShift));

    /// <summary>The context a detail byte says.</summary>
    public static HttpStreamContext Context(byte detail)
    {
        var flags = (HttpLayerDetail)detail;
        return new HttpStreamContext((flags & HttpLayerDetail.Desegment) != 0, (flags & HttpLayerDetail.EndOfStream) != 0,
            (flags & HttpLayerDetail.SeenHttp) != 0, (HttpRequestMethod)(((int)flags & (int)HttpLayerDetail.LastRequestMask) >> LastRequestShift));
    }
}

/// <summary>Where an <see cref="HttpItems"/> walk stands, so that a later walk can go on from there.</summary>
public struct HttpItemsState
{
    internal int ReaderOffset;
    internal HttpStreamContext Context;
    internal HttpMessage Message;
    internal int Phase;
    internal HttpLineWalker.Position Lines;
    internal int Step;
    internal int Cursor;
    internal int HostStart;
    internal int HostLength;
    internal int UriStart;
    internal int UriLength;
    internal bool Connect;
    internal bool Done;
}

/// <summary>
/// Every item of an HTTP layer in message order, as tshark's tree has them: per message a leading CR LF's note, each
/// line of the head (the start line with the method, URI and version or the version, code and phrase below it; each
/// header line with its field, and the values tshark derives from it, below it; the blank line), then the full URI,
/// the request, response or notification flag and the file data. The field reader counts a field's occurrences along
/// this walk; the tree shows it as it goes. Offsets in the values are in the layer's buffer. Allocates nothing.
/// </summary>
public ref struct HttpItems
{
    private const int PhaseMessage = 0, PhaseLead = 1, PhaseLines = 2, PhaseLine = 3, PhaseAfter = 4;

    /// <summary>What one step of a line or of a message's end gave.</summary>
    private enum Item : byte
    {
        /// <summary>An item: the walk stops at it.</summary>
        Emitted,
        /// <summary>Nothing at this step: go on to the next.</summary>
        Skip,
        /// <summary>No more steps.</summary>
        Done,
    }

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _base;
    private readonly int _reported;
    private HttpItemsState _s;
    private HttpLineWalker _lines;

    /// <summary>
    /// Walks the layer whose captured bytes are <paramref name="data"/>, at <paramref name="layerOffset"/> in its buffer,
    /// declaring <paramref name="reported"/> bytes, read with <paramref name="detail"/>.
    /// </summary>
    public HttpItems(ReadOnlySpan<byte> data, int layerOffset, int reported, byte detail)
    {
        _data = data;
        _base = layerOffset;
        _reported = Math.Max(reported, data.Length);
        _s = default;
        _s.Context = HttpLayerDetails.Context(detail);
        _lines = default;
        Field = null!;
        Value = default;
        Depth = 0;
    }

    /// <summary>Goes on from <paramref name="state"/>, a position an earlier walk over the same layer reached.</summary>
    public HttpItems(ReadOnlySpan<byte> data, int layerOffset, int reported, in HttpItemsState state)
        : this(data, layerOffset, reported, 0)
    {
        _s = state;
        _lines = new HttpLineWalker(data, _reported, state.Lines);
    }

    /// <summary>The current item's field.</summary>
    public FieldDefinition Field { get; private set; }

    /// <summary>The current item's value.</summary>
    public FieldValue Value { get; private set; }

    /// <summary>How deep the current item lies in the layer's tree (0 directly under the layer).</summary>
    public int Depth { get; private set; }

    /// <summary>The position after the current item.</summary>
    public readonly HttpItemsState State
    {
        get
        {
            var state = _s;
            state.Lines = _lines.Save();
            return state;
        }
    }

    /// <summary>Moves to the next item; false after the last.</summary>
    public bool MoveNext()
    {
        while (!_s.Done)
        {
            switch (_s.Phase)
            {
                case PhaseMessage:
                    if (!NextMessage())
                        return false;
                    break;
                case PhaseLead:
                    _s.Phase = _s.Message.Binary ? PhaseAfter : PhaseLines;
                    _lines = new HttpLineWalker(_data, _reported, _s.Message.FirstLine);
                    if (_s.Message.LeadingCrlf)
                        return Emit(HttpFields.LeadingCrlf, 0, _s.Message.Start, 2, 0) == Item.Emitted;
                    break;
                case PhaseLines:
                    if (!_lines.MoveNext())
                    {
                        _s.Phase = PhaseAfter;
                        _s.Step = 0;
                        break;
                    }
                    _s.Phase = PhaseLine;
                    _s.Step = 0;
                    _s.Cursor = 0;
                    break;
                case PhaseLine:
                    if (Advance(LineItem(), PhaseLines))
                        return true;
                    break;
                case PhaseAfter:
                    if (Advance(AfterItem(), PhaseMessage))
                        return true;
                    break;
            }
        }
        return false;
    }

    /// <summary>True when <paramref name="item"/> is an item; moves to <paramref name="phase"/> when the steps are done.</summary>
    private bool Advance(Item item, int phase)
    {
        if (item == Item.Done)
            _s.Phase = phase;
        return item == Item.Emitted;
    }

    private bool NextMessage()
    {
        var reader = new HttpMessageReader(_data, _reported, _s.Context, _s.ReaderOffset);
        while (true)
        {
            var step = reader.Next(out var message);
            if (step != HttpStep.Message)
            {
                _s.Done = true;
                return false;
            }
            _s.ReaderOffset = reader.Offset;
            _s.Context = reader.Context;
            if (!message.Shown)
                continue;
            _s.Message = message;
            _s.Phase = PhaseLead;
            _s.Step = 0;
            _s.HostLength = _s.UriLength = -1;
            _s.Connect = false;
            return true;
        }
    }

    /// <summary>The next item of the current line; false when the line has no more.</summary>
    private Item LineItem()
    {
        int step = _s.Step++;
        var line = _lines.Line;
        int at = _lines.LineStart;
        int whole = _lines.LineNext - at;
        switch (_lines.Kind)
        {
            case HttpLineKind.Start:
                // The line as tshark shows it, its expert note, then what the request or status line dissector adds.
                if (step < 2)
                    return step == 0 ? Emit(HttpFields.StartLine, 0, at, whole, 0) : Emit(HttpFields.Chat, 1, at, whole, 0);
                return _lines.StartKind == HttpMessageKind.Response ? ResponseItem(step, line, at) : RequestItem(step, line, at);
            case HttpLineKind.Blank:
                return step == 0 ? Emit(HttpFields.BlankLine, 0, at, whole, 0) : Item.Done;
            case HttpLineKind.BadHeader:
                // the line, and under it tshark's expert item on its name
                return step switch
                {
                    0 => Emit(LineField(known: false), 0, at, whole, 0),
                    1 => Emit(HttpFields.BadHeaderName, 1, at, whole, 0),
                    _ => Item.Done,
                };
            default:
                return HeaderItem(step, at, whole);
        }
    }

    /// <summary>The field a header line shows as: by the message's kind at that line, and whether tshark knows the header.</summary>
    private readonly FieldDefinition LineField(bool known) => _lines.Type switch
    {
        HttpMessageKind.Request => HttpFields.RequestLine,
        HttpMessageKind.Response => HttpFields.ResponseLine,
        _ => known ? HttpFields.HeaderLine : HttpFields.UnknownHeader,
    };

    private Item RequestItem(int step, ReadOnlySpan<byte> line, int at)
    {
        // basic_request_dissector: the method token, then the URI token (empty when two spaces follow the method), then
        // the rest of the line as the version.
        int methodLength = HttpText.TokenLength(line, 0, out int afterMethod);
        if (afterMethod > 2 && line[afterMethod - 1] == ' ' && line[afterMethod - 2] == ' ')
            afterMethod--;
        int uriLength = HttpText.TokenLength(line, afterMethod, out int afterUri);
        switch (step)
        {
            case 2:
                if (methodLength == 0)
                    return Item.Done;
                // The full URI is made from the last request line's URI and the last Host header.
                _s.UriStart = at + afterMethod;
                _s.UriLength = uriLength;
                var method = line[..methodLength];
                _s.Connect = (method.StartsWith("M-"u8) ? method[2..] : method).SequenceEqual("CONNECT"u8);
                return Emit(HttpFields.RequestMethod, 1, at, methodLength, 0);
            case 3:
                return Emit(HttpFields.RequestUri, 1, at + afterMethod, uriLength, 0);
            case 4:
                return UriPart(line.Slice(afterMethod, uriLength), at + afterMethod);
            case 5:
                return Emit(HttpFields.RequestVersion, 1, at + afterUri, line.Length - afterUri, 0);
            default:
                return Item.Done;
        }
    }

    /// <summary>The URI's path, query and query parameters (only when a '?' has something after it), one per call.</summary>
    private Item UriPart(ReadOnlySpan<byte> uri, int at)
    {
        int question = uri.IndexOf((byte)'?');
        if (question < 0 || question == uri.Length - 1)
            return Item.Skip;
        if (_s.Cursor == 0)
        {
            _s.Cursor = 1;
            _s.Step--;
            return Emit(HttpFields.RequestUriPath, 2, at, question, 0);
        }
        if (_s.Cursor == 1)
        {
            // From here the cursor is one more than where the next parameter starts, so it never reads 0 or 1 again
            // (a URI that starts with '?' would otherwise emit its query for ever).
            _s.Cursor = question + 2;
            _s.Step--;
            return Emit(HttpFields.RequestUriQuery, 2, at + question + 1, uri.Length - question - 1, 0);
        }
        // Parameters: the query split at '&', empty ones left out.
        while (_s.Cursor - 1 < uri.Length)
        {
            int start = _s.Cursor - 1;
            int amp = uri[start..].IndexOf((byte)'&');
            int end = amp < 0 ? uri.Length : start + amp;
            _s.Cursor = end + 2;
            if (end > start)
            {
                _s.Step--;
                return Emit(HttpFields.RequestUriQueryParameter, 3, at + start, end - start, 0);
            }
        }
        return Item.Skip;
    }

    private Item ResponseItem(int step, ReadOnlySpan<byte> line, int at)
    {
        int versionLength = HttpText.TokenLength(line, 0, out _);
        int code = HttpStartLine.StatusCode(line, out int codeOffset, out int phraseOffset);
        switch (step)
        {
            case 2:
                return versionLength > 0 ? Emit(HttpFields.ResponseVersion, 1, at, versionLength, 0) : Item.Done;
            case 3:
                return code >= 0 ? Emit(HttpFields.ResponseCode, 1, at + codeOffset, 3, (ulong)code) : Item.Done;
            case 4:
                return Emit(HttpFields.ResponseCodeDescription, 1, at + codeOffset, 3, (ulong)code);
            case 5:
                return phraseOffset < line.Length ? Emit(HttpFields.ResponsePhrase, 1, at + phraseOffset, line.Length - phraseOffset, 0) : Item.Done;
            default:
                return Item.Done;
        }
    }

    private Item HeaderItem(int step, int at, int whole)
    {
        int header = _lines.Header;
        var value = HttpText.CString(_lines.Value);
        int valueStart = _lines.ValueStart;
        if (step == 0)
            return Emit(LineField(known: header >= 0), 0, at, whole, 0);
        if (header < 0)
            return Item.Done;
        if (step == 1)
        {
            if (HttpHeaders.RoleOf(header) == HttpHeaderRole.Host)
            {
                _s.HostStart = valueStart;
                _s.HostLength = value.Length;
            }
            return Emit(HttpFields.Header(header), 1, valueStart, value.Length, 0);
        }
        switch (HttpHeaders.RoleOf(header))
        {
            case HttpHeaderRole.ContentLength:
                return step == 2 && HttpHeaderValues.TryParseContentLength(value, out long length)
                    ? Emit(HttpFields.ContentLength, 2, at, whole, (ulong)length) : Item.Done;
            case HttpHeaderRole.Cookie:
                return CookiePair(value, valueStart);
            case HttpHeaderRole.Authorization:
                // NTLMSSP and Negotiate go to dissectors RawNet does not have; Basic is decoded here.
                if (step != 2 || value.StartsWith("NTLM "u8) || value.StartsWith("Negotiate "u8) || !value.StartsWith("Basic "u8))
                    return Item.Done;
                return Emit(HttpFields.AuthBasic, 2, valueStart + 6, value.Length - 6, 0);
            default:
                return Item.Done;
        }
    }

    /// <summary>The cookie pairs of a Cookie header: the value split at ';', white space and separators skipped.</summary>
    private Item CookiePair(ReadOnlySpan<byte> value, int valueStart)
    {
        int f = _s.Cursor;
        while (f < value.Length && (value[f] == ';' || HttpText.IsSpace(value[f])))
            f++;
        if (f >= value.Length)
            return Item.Done;
        int semicolon = value[f..].IndexOf((byte)';');
        int length = semicolon < 0 ? value.Length - f : semicolon;
        _s.Cursor = f + length;
        _s.Step--;
        return Emit(HttpFields.CookiePair, 2, valueStart + f, length, 0);
    }

    private Item AfterItem()
    {
        ref var message = ref _s.Message;
        // tshark threw in the head: what it adds after the head never comes.
        if (message.FaultInHead)
            return Item.Done;
        switch (_s.Step++)
        {
            case 0:
                if (message.Binary)
                    return Emit(HttpFields.ContinuationData, 0, message.Start, message.BodyLength, 0);
                if (_s.HostLength < 0 || _s.UriLength < 0)
                    return Item.Skip;
                var uri = _data.Slice(_s.UriStart, _s.UriLength);
                bool asIs = _s.Connect || HttpText.StartsWithIgnoringCase(uri, "http://") || HttpText.StartsWithIgnoringCase(uri, "https://");
                return Emit(HttpFields.FullUri, 0, _s.HostStart, _s.HostLength,
                    (ulong)(uint)(_base + _s.UriStart) | (ulong)(uint)_s.UriLength << 32 | (asIs ? HttpFieldReader.FullUriAsIs : 0));
            case 1:
                var flag = message.Kind switch
                {
                    HttpMessageKind.Request => HttpFields.Request,
                    HttpMessageKind.Response => HttpFields.Response,
                    HttpMessageKind.Notification => HttpFields.Notification,
                    _ => null,
                };
                return flag is null ? Item.Skip : Emit(flag, 0, message.Start, 0, 1);
            case 2:
                if (!message.HasFileData || message.Fault != HttpFault.None)
                    return Item.Skip;
                ulong chunked = message.Chunked ? HttpFieldReader.FileDataChunked | (uint)(_reported - message.HeadEnd) : 0;
                return Emit(HttpFields.FileData, 0, message.HeadEnd, message.BodyLength, chunked);
            default:
                return Item.Done;
        }
    }

    private Item Emit(FieldDefinition field, int depth, int offset, int length, ulong number)
    {
        Field = field;
        Depth = depth;
        Value = new FieldValue(number, _base + offset, Math.Max(0, length));
        return Item.Emitted;
    }
}
