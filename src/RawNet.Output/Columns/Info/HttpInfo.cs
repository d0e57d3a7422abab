using RawNet.Protocols.Fields;
using RawNet.Protocols.Http;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// HTTP's columns as tshark 4.0 writes them: per message its request, status or notification line and a space
/// ("GET / HTTP/1.1 "), or "Continuation", each later message's text after the earlier ones' (tshark's column fence),
/// then what the body's dissector adds (" (text/html)", ", JavaScript Object Notation (application/json)"); a message
/// that needs more segments adds its first line too. The Protocol column is "HTTP", or "HTTP/JSON", "HTTP/XML" after
/// the last message's body.
/// </summary>
internal static class HttpInfo
{
    /// <summary>True when the HTTP layer at <paramref name="index"/> writes the columns (a message with a start line, or Continuation).</summary>
    public static bool SetsColumns(in InfoSource source, int index)
    {
        var reader = Reader(in source, index);
        while (true)
        {
            var step = reader.Next(out var message);
            if (step == HttpStep.End)
                return false;
            if (message.FirstKind != HttpMessageKind.Other || (step == HttpStep.Message && message.Continuation))
                return true;
            if (step == HttpStep.NeedsMore)
                return false;
        }
    }

    /// <summary>Writes the Info text of an HTTP layer that sets the columns; true when tshark stopped short (a mark follows).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index) => Append(line, in source, index, setsColumns: true);

    /// <summary>
    /// What an HTTP layer that does not set the columns still adds to the transport's Info text (its bodies' dissectors
    /// append their text); true when tshark stopped short.
    /// </summary>
    public static bool AppendToTransport(TextLine line, in InfoSource source, int index) => Append(line, in source, index, setsColumns: false);

    /// <summary>The Protocol column of an HTTP layer that sets the columns.</summary>
    public static string Protocol(in InfoSource source, int index)
    {
        var bytes = source.Header(index);
        var reader = Reader(in source, index);
        string protocol = "HTTP";
        while (reader.Next(out var message) == HttpStep.Message)
        {
            if (message.FirstKind != HttpMessageKind.Other || message.Continuation)
                protocol = "HTTP";
            // The body's dissector may add its name ("HTTP/JSON"); the next message that writes the columns sets "HTTP" again.
            if (message.BodyDispatched && message.ContentTypeStart >= 0)
            {
                var type = bytes.Slice(message.ContentTypeStart, message.ContentTypeLength);
                string media = HttpMediaTypes.Protocol(type[..HttpMediaTypes.TypeLength(type)]);
                if (media != "HTTP")
                    protocol = media;
            }
        }
        return protocol;
    }

    private static bool Append(TextLine line, in InfoSource source, int index, bool setsColumns)
    {
        var bytes = source.Header(index);
        var reader = Reader(in source, index);
        var fault = HttpFault.None;
        while (true)
        {
            var step = reader.Next(out var message);
            if (message.Fault != HttpFault.None)
                fault = message.Fault;
            // A message tshark threw on before it showed it still wrote its first line.
            if (step == HttpStep.End && !(message.Fault != HttpFault.None && message.FirstKind != HttpMessageKind.Other))
                break;
            if (setsColumns)
            {
                if (message.FirstKind != HttpMessageKind.Other)
                {
                    line.AppendFormatText(bytes.Slice(message.FirstLine, message.FirstLineLength));
                    line.Append(' ');
                }
                else if (step == HttpStep.Message && message.Continuation)
                    line.Append("Continuation");
            }
            if (step != HttpStep.Message)
                break;
            if (message.BodyDispatched && message.ContentTypeStart >= 0)
                AppendMedia(line, bytes.Slice(message.ContentTypeStart, message.ContentTypeLength));
        }
        return fault != HttpFault.None;
    }

    private static void AppendMedia(TextLine line, ReadOnlySpan<byte> contentType)
    {
        var type = contentType[..HttpMediaTypes.TypeLength(contentType)];
        switch (HttpMediaTypes.Classify(type))
        {
            case HttpMediaDissector.Media:
                line.Append(" (");
                AppendType(line, type);
                line.Append(')');
                break;
            case HttpMediaDissector.Json:
                line.Append(", JavaScript Object Notation (");
                AppendType(line, type);
                line.Append(')');
                break;
        }
    }

    /// <summary>The media type in lower case, as tshark keys its table (a byte past ASCII as U+FFFD).</summary>
    private static void AppendType(TextLine line, ReadOnlySpan<byte> type)
    {
        foreach (byte b in type)
            line.Append(b >= 0x80 ? '\uFFFD' : (char)HttpText.ToLower(b));
    }

    private static HttpMessageReader Reader(in InfoSource source, int index)
    {
        ref readonly var layer = ref source.Packet[index];
        return new HttpMessageReader(source.Header(index), layer.Extent, HttpLayerDetails.Context(layer.Detail));
    }
}
