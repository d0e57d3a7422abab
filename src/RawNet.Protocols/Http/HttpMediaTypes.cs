namespace RawNet.Protocols.Http;

/// <summary>Which of tshark's body dissectors a media type goes to, as far as the Protocol and Info columns tell them apart.</summary>
public enum HttpMediaDissector : byte
{
    /// <summary>No Content-Type: the data dissector, which writes nothing.</summary>
    None,
    /// <summary>Line-based text, URL-encoded forms, message/http and the generic media dissector: " (type)" in Info.</summary>
    Media,
    /// <summary>application/octet-stream (data) and multipart/* (MIME multipart): nothing in the columns.</summary>
    Silent,
    /// <summary>JSON: "/JSON" after the protocol, ", JavaScript Object Notation (type)" in Info.</summary>
    Json,
    /// <summary>XML: "/XML" after the protocol (the XML dissector names some vocabularies after their DTD), nothing in Info.</summary>
    Xml,
}

/// <summary>
/// tshark 4.0's media_type dissector table for the types whose column text differs from the generic " (type)" (found by
/// sending each type through tshark 4.0.17: tests/oracle/make-http-cases.py keeps the list it was checked with). A type
/// not listed goes to the generic media dissector. Types owned by dissectors RawNet does not mimic (OCSP, DoH, gRPC,
/// SDP, PKIX, WBXML, CBOR, IMF, sipfrag, ...) are shown as that generic one would show them: tshark shows their own text.
/// </summary>
public static class HttpMediaTypes
{
    private static readonly string[] JsonTypes =
    [
        "application/json", "application/json-rpc", "application/jsonrequest", "application/problem+json", "application/x-ndjson",
        "application/dds-web+json", "application/vnd.oma.lwm2m+json",
    ];

    private static readonly string[] XmlTypes =
    [
        "application/xml", "text/xml", "image/svg+xml", "application/soap+xml", "application/atom+xml", "application/rss+xml",
        "application/rdf+xml", "application/xslt+xml", "application/mathml+xml", "application/xml-dtd", "text/vnd.wap.wml",
        "application/x-wms-logconnectstats", "application/xcap-el+xml", "application/pidf+xml", "application/reginfo+xml",
        "application/resource-lists+xml", "application/simple-filter+xml", "application/watcherinfo+xml", "application/xcap-caps+xml",
        "application/xcap-diff+xml", "application/xcap-error+xml", "application/xcap-att+xml", "application/rlmi+xml",
        "application/poc-settings+xml", "application/conference-info+xml", "application/vnd.3gpp.sms+xml", "application/auth-policy+xml",
        "application/vnd.oma.suppnot+xml", "application/smil", "application/cpim-pidf+xml",
    ];

    /// <summary>
    /// The media type of a Content-Type value as tshark keys its table: up to the first ';' or white space, lower case.
    /// Returns its length in <paramref name="value"/> (the caller lowers the case as it writes it).
    /// </summary>
    public static int TypeLength(ReadOnlySpan<byte> value)
    {
        int end = 0;
        while (end < value.Length && value[end] != ';' && !HttpText.IsSpace(value[end]))
            end++;
        return end;
    }

    /// <summary>The dissector <paramref name="type"/> (as <see cref="TypeLength"/> cuts it) goes to.</summary>
    public static HttpMediaDissector Classify(ReadOnlySpan<byte> type)
    {
        if (Matches(type, JsonTypes) >= 0)
            return HttpMediaDissector.Json;
        if (Matches(type, XmlTypes) >= 0)
            return HttpMediaDissector.Xml;
        if (HttpText.EqualsIgnoringCase(type, "application/octet-stream") || HttpText.StartsWithIgnoringCase(type, "multipart/"))
            return HttpMediaDissector.Silent;
        return HttpMediaDissector.Media;
    }

    /// <summary>The Protocol column an HTTP message with a body of <paramref name="type"/> leaves.</summary>
    public static string Protocol(ReadOnlySpan<byte> type) => Classify(type) switch
    {
        HttpMediaDissector.Json => "HTTP/JSON",
        HttpMediaDissector.Xml when HttpText.EqualsIgnoringCase(type, "application/smil") => "HTTP/SMIL",
        HttpMediaDissector.Xml when HttpText.EqualsIgnoringCase(type, "application/cpim-pidf+xml") => "HTTP/PRESENCE",
        HttpMediaDissector.Xml => "HTTP/XML",
        _ => "HTTP",
    };

    private static int Matches(ReadOnlySpan<byte> type, string[] types)
    {
        for (int i = 0; i < types.Length; i++)
        {
            if (HttpText.EqualsIgnoringCase(type, types[i]))
                return i;
        }
        return -1;
    }
}
