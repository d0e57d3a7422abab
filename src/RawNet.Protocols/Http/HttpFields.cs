using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Http;

/// <summary>
/// The HTTP field table (Wireshark "http"). Every field occurs once per line, header or message that carries it, in
/// message order, as <c>tshark -T fields</c> lists them; <see cref="HttpFieldReader"/> reads them all. The tree shows a
/// message's items in their order (<see cref="HttpItems"/>): each start and header line as tshark shows it, its fields
/// below it, then what tshark adds after the head.
/// </summary>
public static class HttpFields
{
    private static FieldDefinition Item(string name, string label, FieldKind kind, ComputedField computed, TreeForm form = TreeForm.Value, bool inTree = true) =>
        FieldDefinition.Item(name, label, LayerKind.Http, kind, computed, form, inTree);

    /// <summary>The request, status or notification line (only the tree shows it: no Wireshark field names it).</summary>
    public static readonly FieldDefinition StartLine = Item("", "Start line", FieldKind.Text, ComputedField.HttpStartLine, TreeForm.Line);
    /// <summary>tshark's expert item on each start line ("Formatted text", Chat/Sequence).</summary>
    public static readonly FieldDefinition Chat = Item("http.chat", "Formatted text", FieldKind.Marker, ComputedField.HttpChat, inTree: false);
    public static readonly FieldDefinition RequestMethod = Item("http.request.method", "Request Method", FieldKind.Text, ComputedField.HttpRequestMethod);
    public static readonly FieldDefinition RequestUri = Item("http.request.uri", "Request URI", FieldKind.Text, ComputedField.HttpRequestUri);
    public static readonly FieldDefinition RequestUriPath = Item("http.request.uri.path", "Request URI Path", FieldKind.Text, ComputedField.HttpRequestUriPath);
    public static readonly FieldDefinition RequestUriQuery = Item("http.request.uri.query", "Request URI Query", FieldKind.Text, ComputedField.HttpRequestUriQuery);
    public static readonly FieldDefinition RequestUriQueryParameter = Item("http.request.uri.query.parameter", "Request URI Query Parameter", FieldKind.Text, ComputedField.HttpRequestUriQueryParameter);
    public static readonly FieldDefinition RequestVersion = Item("http.request.version", "Request Version", FieldKind.Text, ComputedField.HttpRequestVersion);
    public static readonly FieldDefinition ResponseVersion = Item("http.response.version", "Response Version", FieldKind.Text, ComputedField.HttpResponseVersion);
    public static readonly FieldDefinition ResponseCode = Item("http.response.code", "Status Code", FieldKind.Decimal, ComputedField.HttpResponseCode);
    public static readonly FieldDefinition ResponseCodeDescription = Item("http.response.code.desc", "Status Code Description", FieldKind.HttpText, ComputedField.HttpResponseCodeDescription);
    public static readonly FieldDefinition ResponsePhrase = Item("http.response.phrase", "Response Phrase", FieldKind.Text, ComputedField.HttpResponsePhrase);
    /// <summary>A header line of a request (tshark adds it for every header line, hidden under a header it knows).</summary>
    public static readonly FieldDefinition RequestLine = Item("http.request.line", "Request line", FieldKind.Text, ComputedField.HttpRequestLine, TreeForm.Line);
    public static readonly FieldDefinition ResponseLine = Item("http.response.line", "Response line", FieldKind.Text, ComputedField.HttpResponseLine, TreeForm.Line);
    /// <summary>A header line tshark knows no field for, in a message that is neither request nor response.</summary>
    public static readonly FieldDefinition UnknownHeader = Item("http.unknown_header", "Unknown header", FieldKind.Text, ComputedField.HttpUnknownHeader, TreeForm.Line);
    /// <summary>tshark's expert item on a header line whose name is empty or not a token (Warning/Protocol), as <see cref="Chat"/> on the start line.</summary>
    public static readonly FieldDefinition BadHeaderName = Item("http.bad_header_name", "Illegal characters found in header name", FieldKind.Marker, ComputedField.HttpChat, inTree: false);
    /// <summary>A known header's line in a message that is neither request nor response (only the tree shows it).</summary>
    public static readonly FieldDefinition HeaderLine = Item("", "Header line", FieldKind.Text, ComputedField.HttpHeaderLine, TreeForm.Line);
    public static readonly FieldDefinition ContentLength = Item("http.content_length", "Content length", FieldKind.Decimal, ComputedField.HttpContentLength);
    public static readonly FieldDefinition CookiePair = Item("http.cookie_pair", "Cookie pair", FieldKind.Text, ComputedField.HttpCookiePair);
    public static readonly FieldDefinition AuthBasic = Item("http.authbasic", "Credentials", FieldKind.HttpText, ComputedField.HttpAuthBasic);
    /// <summary>The empty line that ends the head (only the tree shows it).</summary>
    public static readonly FieldDefinition BlankLine = Item("", "Blank line", FieldKind.Text, ComputedField.HttpBlankLine, TreeForm.Line);
    public static readonly FieldDefinition LeadingCrlf = Item("http.leading_crlf", "Leading CRLF previous message in the stream may have extra CRLF", FieldKind.Marker, ComputedField.HttpLeadingCrlf);
    public static readonly FieldDefinition FullUri = Item("http.request.full_uri", "Full request URI", FieldKind.HttpText, ComputedField.HttpFullUri);
    public static readonly FieldDefinition Request = Item("http.request", "Request", FieldKind.Boolean, ComputedField.HttpRequest);
    public static readonly FieldDefinition Response = Item("http.response", "Response", FieldKind.Boolean, ComputedField.HttpResponse);
    public static readonly FieldDefinition Notification = Item("http.notification", "Notification", FieldKind.Boolean, ComputedField.HttpNotification);
    public static readonly FieldDefinition FileData = Item("http.file_data", "File Data", FieldKind.HttpText, ComputedField.HttpFileData, TreeForm.ByteCount);
    /// <summary>Binary data in a stream that carried HTTP (only the tree shows it: tshark hands it to its data dissector).</summary>
    public static readonly FieldDefinition ContinuationData = Item("", "Continuation data", FieldKind.Text, ComputedField.HttpFileData, TreeForm.ByteCount);

    /// <summary>The known headers' fields, in <see cref="HttpHeaders.Known"/>'s order.</summary>
    public static readonly FieldDefinition[] Headers = HttpHeaders.Known
        .Select((h, i) => FieldDefinition.Item(h.Field, h.Field == "http.accept_encoding" ? "Accept Encoding" : h.Name, LayerKind.Http,
            FieldKind.Text, ComputedField.HttpHeader, offset: i))
        .ToArray();

    /// <summary>Every HTTP field (and tree-only item), in the order of a message's tree.</summary>
    public static readonly FieldDefinition[] All =
    [
        LeadingCrlf, StartLine, Chat, RequestMethod, RequestUri, RequestUriPath, RequestUriQuery, RequestUriQueryParameter, RequestVersion,
        ResponseVersion, ResponseCode, ResponseCodeDescription, ResponsePhrase, RequestLine, ResponseLine, UnknownHeader, BadHeaderName, HeaderLine,
        .. Headers, ContentLength, CookiePair, AuthBasic, BlankLine, FullUri, Request, Response, Notification, FileData, ContinuationData,
    ];

    /// <summary>The definition of the known header at <paramref name="index"/> in <see cref="HttpHeaders.Known"/>.</summary>
    public static FieldDefinition Header(int index) => Headers[index];
}
