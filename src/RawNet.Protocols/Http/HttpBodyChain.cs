using System.Buffers;
using RawNet.Protocols.Decoding;

namespace RawNet.Protocols.Http;

/// <summary>
/// The names tshark 4.0 adds to frame.protocols after an HTTP layer's "http": per message shown, the dissector of its
/// body (<see cref="HttpBodyDissectors"/>; "data" for a continuation or a body without Content-Type), the MIME parts'
/// dissectors after "mime_multipart", and "http" again where TCP called HTTP a second time in the segment (the bytes
/// after a message put together from several segments: <see cref="Layer.Note"/> of a stream layer says where).
/// Bounded: at most <see cref="MaxMessages"/> messages and <see cref="MaxDepth"/> nested multiparts; allocates nothing.
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
        for (int count = 0; count < MaxMessages && reader.Next(out var message) == HttpStep.Message; count++)
        {
            if (!message.Shown)
                continue;
            if (split > 0 && !again && message.Start >= split)
            {
                again = true;
                if (!ProtocolChain.Append("http", destination, ref written))
                    return false;
            }
            if (!WriteBody(in message, bytes, layer.Extent, destination, ref written))
                return false;
        }
        return true;
    }

    private static bool WriteBody(in HttpMessage message, ReadOnlySpan<byte> bytes, int reported, Span<char> destination, ref int written)
    {
        if (message.Fault != HttpFault.None)
            return true;
        // Binary data after HTTP in the stream goes straight to the data dissector, without file data.
        if (message.BodyToData || message.Binary)
            return ProtocolChain.Append("data", destination, ref written);
        if (!message.BodyDispatched)
            return true;
        if (message.ContentTypeStart < 0)
            return ProtocolChain.Append("data", destination, ref written);
        var contentType = bytes.Slice(message.ContentTypeStart, message.ContentTypeLength);
        var type = contentType[..HttpMediaTypes.TypeLength(contentType)];
        int start = Math.Min(message.HeadEnd, bytes.Length);
        int length = Math.Min(message.BodyLength, bytes.Length - start);
        if (!message.Chunked)
            return WriteDissector(HttpBodyDissectors.Of(type), bytes.Slice(start, length), contentType, true, 0, destination, ref written);
        // The body's dissector reads the chunks joined: join them in a pooled buffer (none is kept, none allocated once the
        // pool holds one), as far as MaxJoinedBody; past it the body is named without reading it.
        if (length > MaxJoinedBody)
            return WriteDissector(HttpBodyDissectors.Of(type), default, contentType, false, 0, destination, ref written);
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
            return WriteDissector(HttpBodyDissectors.Of(type), joined.AsSpan(0, filled), contentType, true, 0, destination, ref written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(joined);
        }
    }

    /// <summary>Appends a body's dissector and those it calls (<paramref name="known"/>: the body's bytes are at hand).</summary>
    private static bool WriteDissector(HttpBodyDissector dissector, ReadOnlySpan<byte> body, ReadOnlySpan<byte> contentType, bool known, int depth,
        Span<char> destination, ref int written)
    {
        if (!ProtocolChain.Append(HttpBodyDissectors.Name(dissector), destination, ref written))
            return false;
        switch (dissector)
        {
            case HttpBodyDissector.DataTextLines when known && HttpBodyDissectors.TextLinesIsXml(body):
                return ProtocolChain.Append("xml", destination, ref written);
            // What the JSON dissector cannot take goes on to line-based text.
            case HttpBodyDissector.Json when known && JsonValidation.ParsedLength(body) is int parsed && parsed < body.Length:
                return WriteDissector(HttpBodyDissector.DataTextLines, body[parsed..], contentType, known, depth, destination, ref written);
            case HttpBodyDissector.MimeMultipart:
                if (!known || depth >= MaxDepth || !MimeMultipart.TryStart(body, contentType, out var parts))
                    return ProtocolChain.Append("data", destination, ref written);
                while (parts.MoveNext())
                {
                    var partType = parts.PartContentType;
                    var part = partType.Length == 0 || HttpText.StartsWithIgnoringCase(partType, "application/octet-stream")
                        ? HttpBodyDissector.Data : HttpBodyDissectors.Of(partType);
                    if (!WriteDissector(part, parts.PartBody, parts.PartContentTypeValue, true, depth + 1, destination, ref written))
                        return false;
                }
                return true;
            default:
                return true;
        }
    }
}
