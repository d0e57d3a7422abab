using RawNet.Protocols.Http;

namespace RawNet.Output.Summary;

public sealed partial class SummaryPrinter
{
    // --- HTTP: tcpdump 4.99's http_print (txtproto_print) on TCP ports 80 and 8080 (HttpPorts.CarriesTcpdump) ---

    /// <summary>The longest token tcpdump reads (MAX_TOKEN).</summary>
    private const int MaxHttpToken = 128;

    /// <summary>
    /// ": HTTP", and when the payload starts with a request line (a known method) or a status line (a 3-digit code as
    /// the second token): its first line (": POST /upload HTTP/1.1"), or with -v ", length: N" and every text line on
    /// a line of its own. <paramref name="data"/> is the payload as captured, <paramref name="length"/> as TCP carries it.
    /// </summary>
    private void AppendHttp(ReadOnlySpan<byte> data, int length) => AppendTextProtocol(data, length, sip: false);

    /// <summary>
    /// tcpdump's txtproto_print for HTTP (": HTTP" after TCP's line) or SIP ("SIP" after UDP's ports, sip_print's
    /// methods, " [|sip]" where the capture ends).
    /// </summary>
    private void AppendTextProtocol(ReadOnlySpan<byte> data, int length, bool sip)
    {
        var line = _line;
        _textProtocolMark = sip ? " [|sip]" : " [|http]";
        Span<byte> token = stackalloc byte[MaxHttpToken + 1];
        bool printThis = false;
        int at = FetchToken(data, 0, length, token, out int tokenLength);
        if (at != 0)
        {
            printThis = sip ? Protocols.Sip.SipNames.IsTcpdumpMethod(token[..tokenLength]) : HttpMethods.KnownToTcpdump(token[..tokenLength]);
            // The response code is the second token ("HTTP/1.1 200 OK").
            at = FetchToken(data, at, length, token, out tokenLength);
            if (at != 0 && tokenLength == 3 && token[0] is >= (byte)'0' and <= (byte)'9' && token[1] is >= (byte)'0' and <= (byte)'9'
                && token[2] is >= (byte)'0' and <= (byte)'9')
                printThis = true;
        }
        line.Append(sip ? "SIP" : ": HTTP");
        if (!printThis)
            return;
        if (_verbose)
        {
            line.Append(", length: ");
            line.Append(length);
            for (int next = 0; next < length && (next = AppendTextLine(data, "\n\t", next, length)) > 0;)
            {
            }
        }
        else
            AppendTextLine(data, ": ", 0, length);
    }

    /// <summary>
    /// tcpdump's fetch_token: the printable token at <paramref name="at"/> and the blanks after it up to the next token
    /// or line end; the index after them, or 0 when there is no token, a character is not printable ASCII, the token is
    /// too long or the capture ends first.
    /// </summary>
    private static int FetchToken(ReadOnlySpan<byte> data, int at, int length, Span<byte> token, out int tokenLength)
    {
        tokenLength = 0;
        for (; at < length; at++)
        {
            if (at >= data.Length)
                return 0;
            byte c = data[at];
            if (c >= 0x80)
                return 0;
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                break;
            if (c is < 0x20 or > 0x7E || tokenLength + 2 > token.Length)
                return 0;
            token[tokenLength++] = c;
        }
        if (tokenLength == 0)
            return 0;
        for (; at < length && at < data.Length; at++)
        {
            byte c = data[at];
            if (c is (byte)'\r' or (byte)'\n' || c is < 0x20 or > 0x7E || c is not ((byte)' ' or (byte)'\t'))
                break;
        }
        return at;
    }

    /// <summary>
    /// tcpdump's print_txt_line: from <paramref name="at"/>, a line of printable ASCII (tabs too) ended by LF or CR LF,
    /// written after <paramref name="prefix"/> without its ending; the index after the ending, or 0 when the line holds
    /// something else (nothing is written then) or has no ending (it is written, then " [|http]") — or, when the capture
    /// ends inside it, " [|http]" and -1.
    /// </summary>
    private int AppendTextLine(ReadOnlySpan<byte> data, string prefix, int at, int length)
    {
        int start = at;
        while (at < length)
        {
            if (at >= data.Length)
                return HttpTruncated();
            byte c = data[at];
            if (c == '\n')
            {
                WriteTextLine(prefix, data[start..at]);
                return at + 1;
            }
            if (c == '\r')
            {
                if (at + 1 >= length)
                    return 0;
                if (at + 1 >= data.Length)
                    return HttpTruncated();
                if (data[at + 1] != '\n')
                    return 0;
                WriteTextLine(prefix, data[start..at]);
                return at + 2;
            }
            if (c is (< 0x20 or > 0x7E) and not (byte)'\t')
                return 0;
            at++;
        }
        // Printable to the end of the payload but no line ending: tcpdump 4.99 prints it and calls it cut short.
        WriteTextLine(prefix, data[start..at]);
        HttpTruncated();
        return 0;
    }

    private int HttpTruncated()
    {
        _line.Append(_textProtocolMark);
        return -1;
    }

    /// <summary>The mark of the text protocol being printed where the capture ends.</summary>
    private string _textProtocolMark = " [|http]";

    private void WriteTextLine(string prefix, ReadOnlySpan<byte> text)
    {
        _line.Append(prefix);
        foreach (byte b in text)
            _line.Append((char)b);
    }
}
