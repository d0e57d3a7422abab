namespace RawNet.Protocols.Http;

/// <summary>The dissector tshark 4.0 hands an HTTP body (or a MIME part) to, by its media type.</summary>
public enum HttpBodyDissector : byte
{
    /// <summary>No body dissector.</summary>
    None,
    /// <summary>"data": no Content-Type, application/octet-stream, or a coding tshark does not decode.</summary>
    Data,
    /// <summary>"data-text-lines": the line-based text types (packet-text-media.c's list).</summary>
    DataTextLines,
    /// <summary>"media": a type no dissector registered.</summary>
    Media,
    /// <summary>"xml".</summary>
    Xml,
    /// <summary>"json".</summary>
    Json,
    /// <summary>"urlencoded-form": application/x-www-form-urlencoded.</summary>
    UrlencodedForm,
    /// <summary>"mime_multipart": multipart/*.</summary>
    MimeMultipart,
    /// <summary>"message-http": message/http.</summary>
    MessageHttp,
    /// <summary>"sdp": application/sdp (SIP's bodies, and any other carrier's).</summary>
    Sdp,
}

/// <summary>
/// tshark 4.0's media_type table as frame.protocols names the dissectors behind it (packet-text-media.c,
/// packet-http-urlencoded.c, packet-multipart.c, packet-http.c's message/http, with <see cref="HttpMediaTypes"/> for
/// JSON and XML), read for the rules and written anew.
/// </summary>
public static class HttpBodyDissectors
{
    private static readonly string[] TextLinesTypes =
    [
        "text/plain", "text/richtext", "text/enriched", "text/parameters", "text/html", "text/xml-external-parsed-entity", "text/css",
        "application/xml-external-parsed-entity", "text/javascript", "application/x-javascript", "application/x-tia-p25-issi",
        "application/x-tia-p25-sndcp", "application/x-ns-proxy-autoconfig", "text/vnd.sun.j2me.app-descriptor", "application/vnd.poc.refer-to",
        "application/vnd.drm.message", "application/x-wms-logplaystats", "application/x-rtsp-udp-packetpair",
    ];

    /// <summary>The dissector a body of <paramref name="type"/> (as <see cref="HttpMediaTypes.TypeLength"/> cuts it) goes to.</summary>
    public static HttpBodyDissector Of(ReadOnlySpan<byte> type)
    {
        switch (HttpMediaTypes.Classify(type))
        {
            case HttpMediaDissector.Json:
                return HttpBodyDissector.Json;
            case HttpMediaDissector.Xml:
                return HttpBodyDissector.Xml;
            case HttpMediaDissector.Silent:
                return HttpText.StartsWithIgnoringCase(type, "multipart/") ? HttpBodyDissector.MimeMultipart : HttpBodyDissector.Data;
        }
        if (HttpText.EqualsIgnoringCase(type, "application/x-www-form-urlencoded"))
            return HttpBodyDissector.UrlencodedForm;
        if (HttpText.EqualsIgnoringCase(type, "message/http"))
            return HttpBodyDissector.MessageHttp;
        if (HttpText.EqualsIgnoringCase(type, "application/sdp"))
            return HttpBodyDissector.Sdp;
        foreach (var text in TextLinesTypes)
        {
            if (HttpText.EqualsIgnoringCase(type, text))
                return HttpBodyDissector.DataTextLines;
        }
        return HttpBodyDissector.Media;
    }

    /// <summary>The dissector's name in frame.protocols.</summary>
    public static string? Name(HttpBodyDissector dissector) => dissector switch
    {
        HttpBodyDissector.Data => "data",
        HttpBodyDissector.DataTextLines => "data-text-lines",
        HttpBodyDissector.Media => "media",
        HttpBodyDissector.Xml => "xml",
        HttpBodyDissector.Json => "json",
        HttpBodyDissector.UrlencodedForm => "urlencoded-form",
        HttpBodyDissector.MimeMultipart => "mime_multipart",
        HttpBodyDissector.MessageHttp => "message-http",
        HttpBodyDissector.Sdp => "sdp",
        _ => null,
    };

    /// <summary>
    /// data-text-lines hands a body of more than 38 bytes that starts with "&lt;?xml" (any case) to the XML dissector.
    /// </summary>
    public static bool TextLinesIsXml(ReadOnlySpan<byte> body) => body.Length > 38 && HttpText.StartsWithIgnoringCase(body, "<?xml");
}
