namespace RawNet.Protocols.Http;

/// <summary>What a request line's first token makes of a message, in Wireshark's words (media_container_type).</summary>
public enum HttpMessageKind : byte
{
    /// <summary>Neither: header lines or data without a request or status line.</summary>
    Other,
    /// <summary>A request (http.request).</summary>
    Request,
    /// <summary>A status line, "HTTP/..." or "ICY..." (http.response).</summary>
    Response,
    /// <summary>A GENA request, NOTIFY, SUBSCRIBE or UNSUBSCRIBE (http.notification).</summary>
    Notification,
}

/// <summary>
/// The request methods the oracles know: tshark 4.0 (is_http_request_or_reply: case-sensitive, and GENA's three as
/// notifications) and tcpdump 4.99 (http_print: compared without regard to case). One list, each method marked with
/// who knows it.
/// </summary>
public static class HttpMethods
{
    [Flags]
    private enum Known : byte
    {
        Wireshark = 1,
        Notification = 2,
        Tcpdump = 4,
        Both = Wireshark | Tcpdump,
    }

    private static readonly (string Name, Known Known)[] All =
    [
        ("GET", Known.Both), ("PUT", Known.Both), ("COPY", Known.Both), ("HEAD", Known.Both), ("LOCK", Known.Both),
        ("MOVE", Known.Both), ("POLL", Known.Both), ("POST", Known.Both), ("BCOPY", Known.Both), ("BMOVE", Known.Both),
        ("MKCOL", Known.Both), ("TRACE", Known.Both), ("PATCH", Known.Wireshark), ("LABEL", Known.Both), ("MERGE", Known.Both),
        ("DELETE", Known.Both), ("SEARCH", Known.Both), ("UNLOCK", Known.Both), ("REPORT", Known.Both), ("UPDATE", Known.Both),
        ("NOTIFY", Known.Both | Known.Notification), ("BDELETE", Known.Both), ("CONNECT", Known.Both), ("OPTIONS", Known.Both),
        ("CHECKIN", Known.Both), ("PROPFIND", Known.Both), ("CHECKOUT", Known.Both), ("CCM_POST", Known.Both),
        ("SUBSCRIBE", Known.Both | Known.Notification), ("PROPPATCH", Known.Both), ("BPROPFIND", Known.Both),
        ("BPROPPATCH", Known.Both), ("UNCHECKOUT", Known.Both), ("MKACTIVITY", Known.Both), ("MKWORKSPACE", Known.Both),
        ("RPC_CONNECT", Known.Both), ("RPC_IN_DATA", Known.Wireshark), ("UNSUBSCRIBE", Known.Both | Known.Notification),
        ("RPC_OUT_DATA", Known.Wireshark), ("VERSION-CONTROL", Known.Both), ("BASELINE-CONTROL", Known.Both),
        ("SSTP_DUPLEX_POST", Known.Wireshark),
    ];

    /// <summary>The longest method either oracle knows.</summary>
    public const int MaxLength = 16;

    /// <summary>What tshark makes of a request line whose method is <paramref name="token"/> (exactly, case included).</summary>
    public static HttpMessageKind WiresharkKind(ReadOnlySpan<byte> token)
    {
        foreach (var (name, known) in All)
        {
            if ((known & Known.Wireshark) != 0 && Equals(token, name, ignoreCase: false))
                return (known & Known.Notification) != 0 ? HttpMessageKind.Notification : HttpMessageKind.Request;
        }
        return HttpMessageKind.Other;
    }

    /// <summary>True when tcpdump knows <paramref name="token"/> as a method, in any case.</summary>
    public static bool KnownToTcpdump(ReadOnlySpan<byte> token)
    {
        foreach (var (name, known) in All)
        {
            if ((known & Known.Tcpdump) != 0 && Equals(token, name, ignoreCase: true))
                return true;
        }
        return false;
    }

    private static bool Equals(ReadOnlySpan<byte> token, string name, bool ignoreCase)
    {
        if (token.Length != name.Length)
            return false;
        for (int i = 0; i < token.Length; i++)
        {
            int c = token[i];
            if (ignoreCase && c is >= 'a' and <= 'z')
                c -= 'a' - 'A';
            if (c != name[i])
                return false;
        }
        return true;
    }
}
