namespace RawNet.Protocols.Http;

/// <summary>What tshark does with a known header beyond showing its value.</summary>
public enum HttpHeaderRole : byte
{
    Plain,
    Authorization,
    Authenticate,
    ContentType,
    ContentLength,
    ContentEncoding,
    TransferEncoding,
    Host,
    Upgrade,
    Cookie,
    Referer,
    Location,
    Http2Settings,
}

/// <summary>
/// The headers tshark 4.0 shows as fields of their own (packet-http.c's headers[] in that release), matched by name
/// without regard to case; every other header is a plain line (http.request.line, http.response.line or
/// http.unknown_header).
/// </summary>
public static class HttpHeaders
{
    /// <summary>Name, field name and role of each known header, in tshark's order (its label is the name, but for http.accept_encoding).</summary>
    public static readonly (string Name, string Field, HttpHeaderRole Role)[] Known =
    [
        ("Authorization", "http.authorization", HttpHeaderRole.Authorization),
        ("Proxy-Authorization", "http.proxy_authorization", HttpHeaderRole.Authorization),
        ("Proxy-Authenticate", "http.proxy_authenticate", HttpHeaderRole.Authenticate),
        ("WWW-Authenticate", "http.www_authenticate", HttpHeaderRole.Authenticate),
        ("Content-Type", "http.content_type", HttpHeaderRole.ContentType),
        ("Content-Length", "http.content_length_header", HttpHeaderRole.ContentLength),
        ("Content-Encoding", "http.content_encoding", HttpHeaderRole.ContentEncoding),
        ("Transfer-Encoding", "http.transfer_encoding", HttpHeaderRole.TransferEncoding),
        ("Upgrade", "http.upgrade", HttpHeaderRole.Upgrade),
        ("User-Agent", "http.user_agent", HttpHeaderRole.Plain),
        ("Host", "http.host", HttpHeaderRole.Host),
        ("Connection", "http.connection", HttpHeaderRole.Plain),
        ("Cookie", "http.cookie", HttpHeaderRole.Cookie),
        ("Accept", "http.accept", HttpHeaderRole.Plain),
        ("Referer", "http.referer", HttpHeaderRole.Referer),
        ("Accept-Language", "http.accept_language", HttpHeaderRole.Plain),
        ("Accept-Encoding", "http.accept_encoding", HttpHeaderRole.Plain),
        ("Date", "http.date", HttpHeaderRole.Plain),
        ("Cache-Control", "http.cache_control", HttpHeaderRole.Plain),
        ("Server", "http.server", HttpHeaderRole.Plain),
        ("Location", "http.location", HttpHeaderRole.Location),
        ("Sec-WebSocket-Accept", "http.sec_websocket_accept", HttpHeaderRole.Plain),
        ("Sec-WebSocket-Extensions", "http.sec_websocket_extensions", HttpHeaderRole.Plain),
        ("Sec-WebSocket-Key", "http.sec_websocket_key", HttpHeaderRole.Plain),
        ("Sec-WebSocket-Protocol", "http.sec_websocket_protocol", HttpHeaderRole.Plain),
        ("Sec-WebSocket-Version", "http.sec_websocket_version", HttpHeaderRole.Plain),
        ("Set-Cookie", "http.set_cookie", HttpHeaderRole.Plain),
        ("Last-Modified", "http.last_modified", HttpHeaderRole.Plain),
        ("X-Forwarded-For", "http.x_forwarded_for", HttpHeaderRole.Plain),
        ("HTTP2-Settings", "http.http2_settings", HttpHeaderRole.Http2Settings),
    ];

    /// <summary>The index in <see cref="Known"/> of the header called <paramref name="name"/>, or -1.</summary>
    public static int Find(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < Known.Length; i++)
        {
            if (HttpText.EqualsIgnoringCase(name, Known[i].Name))
                return i;
        }
        return -1;
    }

    /// <summary>The role of header <paramref name="index"/> (<see cref="HttpHeaderRole.Plain"/> for -1).</summary>
    public static HttpHeaderRole RoleOf(int index) => index < 0 ? HttpHeaderRole.Plain : Known[index].Role;
}
