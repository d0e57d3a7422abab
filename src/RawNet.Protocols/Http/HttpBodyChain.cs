using System.Buffers;
using RawNet.Protocols.Decoding;

namespace RawNet.Protocols.Http;

/// <summary>How a body dissector was reached, for what it writes into the columns.</summary>
[Flags]
public enum HttpBodyVisit : byte
{
    None = 0,
    /// <summary>JSON that tshark's grammar took whole (its Info text ends with " (type)").</summary>
    Whole = 1,
    /// <summary>data-text-lines reading what JSON left (the type is JSON's).</summary>
    AfterJson = 2,
    /// <summary>data-text-lines that handed its body to XML before it wrote anything.</summary>
    ToXml = 4,
}

/// <summary>Receives the body dissectors of an HTTP message in the order tshark calls them.</summary>
public interface IHttpBodyVisitor
{
    /// <summary>
    /// <paramref name="dissector"/> was called for a body or part of <paramref name="type"/> (as
    /// <see cref="HttpMediaTypes.TypeLength"/> cuts it; empty for none); false stops the walk.
    /// </summary>
    bool Visit(HttpBodyDissector dissector, ReadOnlySpan<byte> type, HttpBodyVisit how);
}

/// <summary>
/// The dissectors tshark 4.0 hands HTTP bodies to: per message shown, its body's (<see cref="HttpBodyDissectors"/>;
/// "data" for a continuation or a body without Content-Type), JSON's hand-off of what it cannot take to data-text-lines
/// (<see cref="JsonValidation"/>), data-text-lines' of XML, the MIME parts' after "mime_multipart" (<see cref="MimeMultipart"/>).
/// <see cref="TryWrite"/> names them in frame.protocols, with "http" again where TCP called HTTP a second time in the
/// segment (the bytes after a message put together from several segments: <see cref="Layer.Note"/> of a stream layer says
/// where); the Info column reads them through <see cref="VisitBody"/>. Bounded: at most <see cref="MaxMessages"/>
/// messages and <see cref="MaxDepth"/> nested multiparts; chunks are joined in a pooled buffer, nothing is allocated.
/// </summary>
public static class HttpBodyChain
{
    /// <summary>The most messages of one layer whose bodies are named.</summary>
    public const int MaxMessages = 64;

    /// <summary>How deep multiparts inside multiparts are followed.</summary>
    public const int MaxDepth = 2;

    /// <summary>The longest chunked body whose chunks are joined to be read (tshark's own limit is the message's).</summary>
    public const int MaxJoinedBody = 4 << 20;

    /// <summary>Appends the names after the HTTP layer <paramref name="layer"/> (its captured bytes <paramref name="bytes"/>); false when they do not fit.</summary>
    public static bool TryWrite(in Layer layer, ReadOnlySpan<byte> bytes, Span<char> destination, ref int written)
    {
        var reader = new HttpMessageReader(bytes, layer.Extent, HttpLayerDetails.Context(layer.Detail));
        int split = layer.Source == LayerSource.Stream ? layer.Note : 0;
        bool again = false;
        var names = new ChainWriter(destination, written);
        for (int count = 0; count < MaxMessages && reader.Next(out var message) == HttpStep.Message; count++)
        {
            if (!message.Shown)
                continue;
            if (split > 0 && !again && message.Start >= split)
            {
                again = true;
                if (!names.Append("http"))
                    return false;
            }
            if (!VisitBody(in message, bytes, layer.Extent, ref names))
                return false;
        }
        written = names.Written;
        return true;
    }

    /// <summary>Walks the dissectors of <paramref name="message"/>'s body (read from <paramref name="bytes"/>, declaring <paramref name="reported"/>); false when the visitor stopped it.</summary>
    public static bool VisitBody<TVisitor>(in HttpMessage message, ReadOnlySpan<byte> bytes, int reported, ref TVisitor visitor)
        where TVisitor : IHttpBodyVisitor, allows ref struct
    {
        if (message.Fault != HttpFault.None)
            return true;
        // Binary data after HTTP in the stream goes straight to the data dissector, without file data.
        if (message.BodyToData || message.Binary)
            return visitor.Visit(HttpBodyDissector.Data, default, HttpBodyVisit.None);
        if (!message.BodyDispatched)
            return true;
        if (message.ContentTypeStart < 0)
            return visitor.Visit(HttpBodyDissector.Data, default, HttpBodyVisit.None);
        var contentType = bytes.Slice(message.ContentTypeStart, message.ContentTypeLength);
        var type = contentType[..HttpMediaTypes.TypeLength(contentType)];
        var dissector = HttpBodyDissectors.Of(type);
        int start = Math.Min(message.HeadEnd, bytes.Length);
        int length = Math.Min(message.BodyLength, bytes.Length - start);
        if (!message.Chunked)
            return Visit(dissector, type, bytes.Slice(start, length), contentType, true, 0, ref visitor);
        // The body's dissector reads the chunks joined: join them in a pooled buffer (none is kept, none allocated once the
        // pool holds one), as far as MaxJoinedBody; past it the body is named without reading it.
        if (length > MaxJoinedBody)
            return Visit(dissector, type, default, contentType, false, 0, ref visitor);
        byte[] joined = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            int filled = 0;
            var chunks = new HttpChunkReader(bytes, message.HeadEnd, Math.Max(reported, bytes.Length));
            while (chunks.MoveNext() && filled + chunks.Piece.Length <= joined.Length)
            {
                chunks.Piece.CopyTo(joined.AsSpan(filled));
                filled += chunks.Piece.Length;
            }
            return Visit(dissector, type, joined.AsSpan(0, filled), contentType, true, 0, ref visitor);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(joined);
        }
    }

    /// <summary>
    /// Walks the dissectors of a body sent with the Content-Type value <paramref name="contentType"/> (its bytes at hand in
    /// <paramref name="body"/>), as a carrier that looks the type up in tshark's media_type table without falling back to
    /// the generic media dissector (SIP): a type no dissector registered visits nothing. MIME parts inside still fall back.
    /// </summary>
    public static bool VisitTypedBody<TVisitor>(ReadOnlySpan<byte> contentType, ReadOnlySpan<byte> body, ref TVisitor visitor)
        where TVisitor : IHttpBodyVisitor, allows ref struct
    {
        var type = contentType[..HttpMediaTypes.TypeLength(contentType)];
        var dissector = HttpBodyDissectors.Of(type);
        return dissector == HttpBodyDissector.Media || Visit(dissector, type, body, contentType, true, 0, ref visitor);
    }

    /// <summary>Appends the names of <see cref="VisitTypedBody"/>'s dissectors; false when they do not fit.</summary>
    public static bool TryWriteTypedBody(ReadOnlySpan<byte> contentType, ReadOnlySpan<byte> body, Span<char> destination, ref int written)
    {
        var names = new ChainWriter(destination, written);
        if (!VisitTypedBody(contentType, body, ref names))
            return false;
        written = names.Written;
        return true;
    }

    /// <summary>A body's dissector and those it calls (<paramref name="known"/>: the body's bytes are at hand).</summary>
    private static bool Visit<TVisitor>(HttpBodyDissector dissector, ReadOnlySpan<byte> type, ReadOnlySpan<byte> body, ReadOnlySpan<byte> contentType,
        bool known, int depth, ref TVisitor visitor)
        where TVisitor : IHttpBodyVisitor, allows ref struct
    {
        switch (dissector)
        {
            case HttpBodyDissector.DataTextLines when known && HttpBodyDissectors.TextLinesIsXml(body):
                return visitor.Visit(dissector, type, HttpBodyVisit.ToXml) && visitor.Visit(HttpBodyDissector.Xml, type, HttpBodyVisit.None);
            // What the JSON dissector cannot take goes on to line-based text.
            case HttpBodyDissector.Json when known:
                int parsed = JsonValidation.ParsedLength(body);
                if (parsed >= body.Length)
                    return visitor.Visit(dissector, type, HttpBodyVisit.Whole);
                var rest = body[parsed..];
                return visitor.Visit(dissector, type, HttpBodyVisit.None)
                    && (HttpBodyDissectors.TextLinesIsXml(rest)
                        ? visitor.Visit(HttpBodyDissector.DataTextLines, type, HttpBodyVisit.AfterJson | HttpBodyVisit.ToXml)
                            && visitor.Visit(HttpBodyDissector.Xml, type, HttpBodyVisit.None)
                        : visitor.Visit(HttpBodyDissector.DataTextLines, type, HttpBodyVisit.AfterJson));
            case HttpBodyDissector.Json:
                return visitor.Visit(dissector, type, HttpBodyVisit.Whole);
            case HttpBodyDissector.MimeMultipart:
                if (!visitor.Visit(dissector, type, HttpBodyVisit.None))
                    return false;
                if (!known || depth >= MaxDepth || !MimeMultipart.TryStart(body, contentType, out var parts))
                    return visitor.Visit(HttpBodyDissector.Data, default, HttpBodyVisit.None);
                while (parts.MoveNext())
                {
                    var partType = parts.PartContentType;
                    var part = partType.Length == 0 || HttpText.StartsWithIgnoringCase(partType, "application/octet-stream")
                        ? HttpBodyDissector.Data : HttpBodyDissectors.Of(partType);
                    if (!Visit(part, part == HttpBodyDissector.Data ? default : partType, parts.PartBody, parts.PartContentTypeValue, true, depth + 1, ref visitor))
                        return false;
                }
                return true;
            default:
                return visitor.Visit(dissector, type, HttpBodyVisit.None);
        }
    }

    /// <summary>Writes each dissector's name after a colon.</summary>
    private ref struct ChainWriter(Span<char> destination, int written) : IHttpBodyVisitor
    {
        private readonly Span<char> _destination = destination;

        public int Written { get; private set; } = written;

        public bool Append(string name)
        {
            int at = Written;
            bool fits = ProtocolChain.Append(name, _destination, ref at);
            Written = at;
            return fits;
        }

        public bool Visit(HttpBodyDissector dissector, ReadOnlySpan<byte> type, HttpBodyVisit how) => Append(HttpBodyDissectors.Name(dissector)!);
    }
}
