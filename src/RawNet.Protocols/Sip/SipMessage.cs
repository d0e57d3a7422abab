using RawNet.Protocols.Http;

namespace RawNet.Protocols.Sip;

/// <summary>SIP's ports: tshark 4.0 gives UDP and TCP 5060 to SIP (its heuristics on other ports are off by default).</summary>
public static class SipPorts
{
    /// <summary>UDP and TCP 5060.</summary>
    public const ushort Sip = 5060;
}

/// <summary>What a SIP start line is.</summary>
public enum SipLineKind : byte
{
    /// <summary>Not a SIP start line: tshark's SIP refuses the payload.</summary>
    None,
    /// <summary>"METHOD Request-URI SIP/2.0".</summary>
    Request,
    /// <summary>"SIP/2.0 NNN Reason-Phrase".</summary>
    Status,
}

/// <summary>
/// A SIP message's start line as tshark 4.0's SIP checks it (strict version: "SIP/2.0" only, single spaces): a request's
/// method, URI and version, or a status line's three-digit code and phrase. Offsets are from the message's start.
/// </summary>
public readonly ref struct SipStartLine
{
    /// <summary>"SIP/2.0", the only version tshark's strict check takes.</summary>
    public static ReadOnlySpan<byte> Version => "SIP/2.0"u8;

    /// <summary>The line's kind; <see cref="SipLineKind.None"/> when it is not SIP.</summary>
    public SipLineKind Kind { get; init; }

    /// <summary>The line's length without its ending.</summary>
    public int Length { get; init; }

    /// <summary>Where the header lines start (after the line's ending, or the captured end).</summary>
    public int Next { get; init; }

    /// <summary>The method's length (it starts the line).</summary>
    public int MethodLength { get; init; }

    /// <summary>The request URI's start.</summary>
    public int UriStart { get; init; }

    /// <summary>The request URI's length.</summary>
    public int UriLength { get; init; }

    /// <summary>The status code.</summary>
    public int StatusCode { get; init; }

    /// <summary>
    /// Reads the first line of <paramref name="message"/> (its captured bytes; a line the capture cut ends there);
    /// its kind is <see cref="SipLineKind.None"/> when tshark's SIP would not take it.
    /// </summary>
    public static SipStartLine Read(ReadOnlySpan<byte> message)
    {
        int length = HttpText.FindLineEnd(message, 0, desegment: false, out int next);
        if (length <= 0)
            return default;
        var line = message[..length];
        if (line.StartsWith(Version) && line.Length > Version.Length && line[Version.Length] == ' ')
        {
            // "SIP/2.0 NNN " and any phrase.
            int code = Version.Length + 1;
            if (line.Length < code + 4 || !IsDigit(line[code]) || !IsDigit(line[code + 1]) || !IsDigit(line[code + 2]) || line[code + 3] != ' ')
                return default;
            return new SipStartLine
            {
                Kind = SipLineKind.Status, Length = length, Next = next,
                StatusCode = (line[code] - '0') * 100 + (line[code + 1] - '0') * 10 + (line[code + 2] - '0'),
            };
        }
        int space = line.IndexOf((byte)' ');
        if (space <= 0)
            return default;
        foreach (byte b in line[..space])
        {
            if (!IsTokenCharacter(b))
                return default;
        }
        int uriLength = line[(space + 1)..].IndexOf((byte)' ');
        if (uriLength <= 0 || !line[(space + 1 + uriLength + 1)..].SequenceEqual(Version))
            return default;
        return new SipStartLine
        {
            Kind = SipLineKind.Request, Length = length, Next = next, MethodLength = space, UriStart = space + 1, UriLength = uriLength,
        };
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    /// <summary>RFC 3261's token characters.</summary>
    private static bool IsTokenCharacter(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'.' or (byte)'!' or (byte)'%' or (byte)'*' or (byte)'_' or (byte)'+' or (byte)'`' or (byte)'\'' or (byte)'~';
}

/// <summary>The SIP headers RawNet names fields for, by tshark's full and compact names.</summary>
public enum SipHeader : byte
{
    /// <summary>A header without a field of its own here.</summary>
    Other,
    From,
    To,
    CallId,
    CSeq,
    Via,
    Contact,
    ContentType,
    ContentLength,
    MaxForwards,
    UserAgent,
    Expires,
    Accept,
    AcceptContact,
    AlertInfo,
    Allow,
    AllowEvents,
    Authorization,
    CallInfo,
    ContentDisposition,
    ContentEncoding,
    Date,
    Event,
    HistoryInfo,
    MinSE,
    Organization,
    PAssertedIdentity,
    PPreferredIdentity,
    Privacy,
    ProxyAuthenticate,
    ProxyAuthorization,
    Reason,
    RecordRoute,
    ReferTo,
    Require,
    Route,
    Server,
    SessionExpires,
    Subject,
    SubscriptionState,
    Supported,
    Unsupported,
    Warning,
    WwwAuthenticate,
}

/// <summary>tshark 4.0's SIP methods (packet-sip.c's table, case sensitive) and header names, with RFC 3261's compact forms.</summary>
public static class SipNames
{
    private static readonly string[] Methods =
    [
        "ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY", "OPTIONS", "PRACK", "QAUTH", "REFER", "REGISTER", "SPRACK",
        "SUBSCRIBE", "UPDATE", "PUBLISH",
    ];

    /// <summary>True for a method tshark knows (else its Info column says "Unknown request").</summary>
    public static bool IsKnownMethod(ReadOnlySpan<byte> method)
    {
        foreach (var known in Methods)
        {
            if (Equals(method, known))
                return true;
        }
        return false;
    }

    /// <summary>True for the headers tshark registers as numbers (FT_UINT32).</summary>
    public static bool IsNumeric(SipHeader header) => header is SipHeader.ContentLength or SipHeader.MaxForwards or SipHeader.Expires;

    /// <summary>True for a method of tcpdump 4.99's sip_print list (the same names, in any case).</summary>
    public static bool IsTcpdumpMethod(ReadOnlySpan<byte> method)
    {
        foreach (var known in Methods)
        {
            if (HttpText.EqualsIgnoringCase(method, known))
                return true;
        }
        return false;
    }

    /// <summary>True when <paramref name="text"/> is <paramref name="ascii"/> exactly.</summary>
    public static bool Equals(ReadOnlySpan<byte> text, string ascii)
    {
        if (text.Length != ascii.Length)
            return false;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != ascii[i])
                return false;
        }
        return true;
    }

    /// <summary>The header a name (any case, full or compact) stands for.</summary>
    public static SipHeader HeaderOf(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return (name[0] | 0x20) switch
            {
                'f' => SipHeader.From,
                't' => SipHeader.To,
                'i' => SipHeader.CallId,
                'v' => SipHeader.Via,
                'm' => SipHeader.Contact,
                'c' => SipHeader.ContentType,
                'l' => SipHeader.ContentLength,
                'a' => SipHeader.AcceptContact,
                'u' => SipHeader.AllowEvents,
                'e' => SipHeader.ContentEncoding,
                'o' => SipHeader.Event,
                'r' => SipHeader.ReferTo,
                'x' => SipHeader.SessionExpires,
                's' => SipHeader.Subject,
                'k' => SipHeader.Supported,
                _ => SipHeader.Other,
            };
        }
        for (var header = SipHeader.From; header <= Last; header++)
        {
            if (HttpText.EqualsIgnoringCase(name, FullName(header)))
                return header;
        }
        return SipHeader.Other;
    }

    /// <summary>
    /// Every header tshark 4.0 has a field for (packet-sip.c's table, as <c>tshark -G fields</c> lists its sip.* headers):
    /// a header line of another name is "Unrecognised SIP header".
    /// </summary>
    private static readonly string[] TsharkHeaders =
    [
        "Accept", "Accept-Contact", "Accept-Encoding", "Accept-Language", "Accept-Resource-Priority", "Additional-Identity", "Alert-Info",
        "Allow", "Allow-Events", "Answer-Mode", "Attestation-Info", "Authentication-Info", "Authorization", "Call-ID", "Call-Info",
        "Cellular-Network-Info", "Contact", "Content-Disposition", "Content-Encoding", "Content-Language", "Content-Length", "Content-Type",
        "CSeq", "Date", "Error-Info", "Event", "Expires", "Feature-Caps", "Flow-Timer", "From", "Geolocation", "Geolocation-Error",
        "Geolocation-Routing", "History-Info", "Identity", "Identity-Info", "Info-Package", "In-Reply-To", "Join", "Max-Breadth",
        "Max-Forwards", "MIME-Version", "Min-Expires", "Min-SE", "Organization", "Origination-Id", "P-Access-Network-Info",
        "P-Answer-State", "P-Asserted-Identity", "P-Asserted-Service", "P-Charge-Info", "P-Associated-URI", "P-Called-Party-ID",
        "P-Charging-Function-Addresses", "P-Charging-Vector", "P-DCS-Trace-Party-ID", "P-DCS-OSPS", "P-DCS-Billing-Info", "P-DCS-LAES",
        "P-DCS-Redirect", "P-Early-Media", "P-Media-Authorization", "P-Preferred-Identity", "P-Preferred-Service", "P-Profile-Key",
        "P-Refused-URI-List", "P-Served-User", "P-User-Database", "P-Visited-Network-ID", "Path", "Permission-Missing", "Policy-Contact",
        "Policy-ID", "Priority", "Priority-Share", "Priv-Answer-Mode", "Privacy", "Proxy-Authenticate", "Proxy-Authorization",
        "Proxy-Require", "RAck", "Reason", "Reason-Phrase", "Record-Route", "Recv-Info", "Refer-Sub", "Refer-To", "Referred-By",
        "Reject-Contact", "Relayed-Charge", "Replaces", "Reply-To", "Request-Disposition", "Require", "Resource-Priority",
        "Resource-Share", "Response-Source", "Restoration-Info", "Retry-After", "Route", "RSeq", "Security-Client", "Security-Server",
        "Security-Verify", "Server", "Service-Interact-Info", "Service-Route", "Session-Expires", "Session-ID", "SIP-ETag",
        "SIP-If-Match", "Subject", "Subscription-State", "Supported", "Suppress-If-Match", "Target-Dialog", "Timestamp", "To",
        "Trigger-Consent", "Unsupported", "User-Agent", "Via", "Warning", "WWW-Authenticate", "Diversion",
    ];

    /// <summary>The compact forms tshark 4.0 knows (RFC 3261's and later RFCs').</summary>
    private const string TsharkCompactForms = "abcdefijklmnorstuvxy";

    /// <summary>True when tshark 4.0 knows a header of this name (any case, full or compact).</summary>
    public static bool IsTsharkHeader(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
            return TsharkCompactForms.Contains((char)(name[0] | 0x20), StringComparison.Ordinal);
        foreach (var known in TsharkHeaders)
        {
            if (HttpText.EqualsIgnoringCase(name, known))
                return true;
        }
        return false;
    }

    /// <summary>The last header with a field.</summary>
    public const SipHeader Last = SipHeader.WwwAuthenticate;

    /// <summary>A header's full name, as tshark's tree labels it (its field is "sip." and the name).</summary>
    public static string FullName(SipHeader header) => header switch
    {
        SipHeader.From => "From",
        SipHeader.To => "To",
        SipHeader.CallId => "Call-ID",
        SipHeader.CSeq => "CSeq",
        SipHeader.Via => "Via",
        SipHeader.Contact => "Contact",
        SipHeader.ContentType => "Content-Type",
        SipHeader.ContentLength => "Content-Length",
        SipHeader.MaxForwards => "Max-Forwards",
        SipHeader.UserAgent => "User-Agent",
        SipHeader.Expires => "Expires",
        SipHeader.Accept => "Accept",
        SipHeader.AcceptContact => "Accept-Contact",
        SipHeader.AlertInfo => "Alert-Info",
        SipHeader.Allow => "Allow",
        SipHeader.AllowEvents => "Allow-Events",
        SipHeader.Authorization => "Authorization",
        SipHeader.CallInfo => "Call-Info",
        SipHeader.ContentDisposition => "Content-Disposition",
        SipHeader.ContentEncoding => "Content-Encoding",
        SipHeader.Date => "Date",
        SipHeader.Event => "Event",
        SipHeader.HistoryInfo => "History-Info",
        SipHeader.MinSE => "Min-SE",
        SipHeader.Organization => "Organization",
        SipHeader.PAssertedIdentity => "P-Asserted-Identity",
        SipHeader.PPreferredIdentity => "P-Preferred-Identity",
        SipHeader.Privacy => "Privacy",
        SipHeader.ProxyAuthenticate => "Proxy-Authenticate",
        SipHeader.ProxyAuthorization => "Proxy-Authorization",
        SipHeader.Reason => "Reason",
        SipHeader.RecordRoute => "Record-Route",
        SipHeader.ReferTo => "Refer-To",
        SipHeader.Require => "Require",
        SipHeader.Route => "Route",
        SipHeader.Server => "Server",
        SipHeader.SessionExpires => "Session-Expires",
        SipHeader.Subject => "Subject",
        SipHeader.SubscriptionState => "Subscription-State",
        SipHeader.Supported => "Supported",
        SipHeader.Unsupported => "Unsupported",
        SipHeader.Warning => "Warning",
        SipHeader.WwwAuthenticate => "WWW-Authenticate",
        _ => "",
    };

    /// <summary>
    /// A header value's number as tshark 4.0 reads it: digits (saturated at 2^32 - 1) after optional blanks; 0 for
    /// anything else ("5x", "-1", "5 ").
    /// </summary>
    public static uint NumberOf(ReadOnlySpan<byte> value)
    {
        ulong number = 0;
        var digits = value.TrimStart(" \t"u8);
        foreach (byte b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9')
                return 0;
            number = Math.Min(uint.MaxValue, number * 10 + (ulong)(b - '0'));
        }
        return (uint)number;
    }
}
