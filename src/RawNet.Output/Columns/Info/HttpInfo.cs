using RawNet.Protocols.Fields;
using RawNet.Protocols.Http;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// HTTP's columns as tshark 4.0 writes them: per message its request, status or notification line and a space
/// ("GET / HTTP/1.1 "), or "Continuation", each later message's text after the earlier ones' (tshark's column fence),
/// then what the body's dissector adds (" (text/html)", ", JavaScript Object Notation (application/json)"); a message
/// that needs more segments adds its first line too. The Protocol column is "HTTP", or "HTTP/JSON", "HTTP/XML" after
/// the last message's body (each body dissector, MIME parts' too, appends its name).
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
        if (((HttpLayerDetail)source.Packet[index].Detail & HttpLayerDetail.Ssdp) != 0)
            return "SSDP";
        var reader = Reader(in source, index);
        string protocol = "HTTP";
        while (reader.Next(out var message) == HttpStep.Message)
        {
            if (message.FirstKind != HttpMessageKind.Other || message.Continuation)
                protocol = "HTTP";
            // The body's dissectors may add their names ("HTTP/JSON"); the next message that writes the columns sets "HTTP" again.
            var names = new ProtocolNames(protocol);
            HttpBodyChain.VisitBody(in message, bytes, source.Packet[index].Extent, ref names);
            protocol = names.Protocol;
        }
        return protocol;
    }

    /// <summary>The Protocol column after the body dissectors: JSON's and XML's add their names.</summary>
    private struct ProtocolNames(string protocol) : IHttpBodyVisitor
    {
        public string Protocol { get; private set; } = protocol;

        public bool Visit(HttpBodyDissector dissector, ReadOnlySpan<byte> type, HttpBodyVisit how)
        {
            if (dissector == HttpBodyDissector.Json)
                Protocol = Appended(Protocol, "JSON");
            else if (dissector == HttpBodyDissector.Xml)
                Protocol = Appended(Protocol, HttpMediaTypes.Protocol(type) switch { "HTTP/SMIL" => "SMIL", "HTTP/PRESENCE" => "PRESENCE", _ => "XML" });
            return true;
        }

        /// <summary>
        /// Each dissector appends "/NAME" to the column; the columns are strings without allocation, so two names after
        /// HTTP are as far as it goes (a third is left out).
        /// </summary>
        private static string Appended(string protocol, string name) => (protocol, name) switch
        {
            ("HTTP", "JSON") => "HTTP/JSON",
            ("HTTP", "XML") => "HTTP/XML",
            ("HTTP", "SMIL") => "HTTP/SMIL",
            ("HTTP", "PRESENCE") => "HTTP/PRESENCE",
            ("HTTP/JSON", "JSON") => "HTTP/JSON/JSON",
            ("HTTP/JSON", "XML") => "HTTP/JSON/XML",
            ("HTTP/XML", "JSON") => "HTTP/XML/JSON",
            ("HTTP/XML", "XML") => "HTTP/XML/XML",
            _ => protocol,
        };
    }

    /// <summary>What the body dissectors append to Info: " (type)" for line-based text, media, forms and message/http, JSON's name and type.</summary>
    internal readonly struct InfoText(TextLine line) : IHttpBodyVisitor
    {
        public bool Visit(HttpBodyDissector dissector, ReadOnlySpan<byte> type, HttpBodyVisit how)
        {
            switch (dissector)
            {
                case HttpBodyDissector.Json:
                    line.Append(", JavaScript Object Notation");
                    if ((how & HttpBodyVisit.Whole) != 0)
                        AppendParenthesized(line, type);
                    break;
                case HttpBodyDissector.DataTextLines when (how & HttpBodyVisit.ToXml) == 0:
                case HttpBodyDissector.Media or HttpBodyDissector.UrlencodedForm or HttpBodyDissector.MessageHttp:
                    AppendParenthesized(line, type);
                    break;
            }
            return true;
        }
    }

    private static void AppendParenthesized(TextLine line, ReadOnlySpan<byte> type)
    {
        line.Append(" (");
        AppendType(line, type);
        line.Append(')');
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
            var info = new InfoText(line);
            HttpBodyChain.VisitBody(in message, bytes, source.Packet[index].Extent, ref info);
        }
        // SSDP over UDP finds its lines within the captured bytes: a cut is no fault there (the decoder's status says the rest).
        if (fault == HttpFault.Truncated && ((HttpLayerDetail)source.Packet[index].Detail & HttpLayerDetail.Ssdp) != 0)
            return source.Packet[index].Status != Protocols.Decoding.LayerStatus.Complete;
        return fault != HttpFault.None;
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
