namespace RawNet.Protocols.Http;

/// <summary>
/// How tshark's HTTP dissector reads lines and tokens (tvb_find_line_end, get_token_len) and which bytes it takes as
/// printable or as header-name characters. Every index is within the span given; nothing is allocated.
/// </summary>
public static class HttpText
{
    /// <summary>
    /// The line that starts at <paramref name="start"/>: its length without the ending, and in <paramref name="next"/>
    /// where the next line starts. A line ends at CR LF, LF or a lone CR. With <paramref name="desegment"/>, a line with
    /// no ending, or whose CR is the last byte (the LF may follow in the next segment), gives -1; without, it runs to
    /// the end of <paramref name="data"/>.
    /// </summary>
    public static int FindLineEnd(ReadOnlySpan<byte> data, int start, bool desegment, out int next) =>
        FindLineEnd(data, start, data.Length - start, desegment, out next);

    /// <summary>As <see cref="FindLineEnd(ReadOnlySpan{byte}, int, bool, out int)"/>, looking at no more than <paramref name="limit"/> bytes.</summary>
    public static int FindLineEnd(ReadOnlySpan<byte> data, int start, int limit, bool desegment, out int next) =>
        FindLineEnd(data, start, limit, desegment, out next, out _);

    /// <summary>
    /// As tvb_find_line_end with a length that may reach past the bytes captured (tshark measures some lengths from
    /// what a segment declares): the search stops at the captured end, but a CR found as the last byte captured, short
    /// of the length, makes tshark read the byte after it, which is not there: <paramref name="overrun"/> (it throws).
    /// </summary>
    public static int FindLineEnd(ReadOnlySpan<byte> data, int start, int limit, bool desegment, out int next, out bool overrun)
    {
        overrun = false;
        if ((uint)start > (uint)data.Length)
        {
            next = data.Length;
            return desegment ? -1 : 0;
        }
        var rest = data.Slice(start, Math.Clamp(limit, 0, data.Length - start));
        next = start + rest.Length;
        int end = rest.IndexOfAny((byte)'\r', (byte)'\n');
        if (end < 0)
            return desegment ? -1 : rest.Length;
        if (rest[end] == '\r')
        {
            if (end + 1 >= limit)
            {
                if (desegment)
                    return -1;
            }
            else if (end + 1 >= rest.Length)
            {
                overrun = true;
                return -1;
            }
            else if (rest[end + 1] == '\n')
            {
                next = start + end + 2;
                return end;
            }
        }
        next = start + end + 1;
        return end;
    }

    /// <summary>
    /// get_token_len: the token at <paramref name="at"/> in <paramref name="line"/> (up to a space, CR, LF or the end)
    /// and, in <paramref name="next"/>, where the next one starts after the spaces that follow.
    /// </summary>
    public static int TokenLength(ReadOnlySpan<byte> line, int at, out int next)
    {
        int end = at;
        while (end < line.Length && line[end] is not ((byte)' ' or (byte)'\r' or (byte)'\n'))
            end++;
        next = end;
        while (next < line.Length && line[next] == ' ')
            next++;
        return end - at;
    }

    /// <summary>g_ascii_isprint.</summary>
    public static bool IsPrintable(byte b) => b is >= 0x20 and <= 0x7E;

    /// <summary>g_ascii_isspace: space, tab, LF, VT, FF, CR.</summary>
    public static bool IsSpace(byte b) => b is (byte)' ' or (>= 9 and <= 13);

    /// <summary>
    /// A character tshark 4.0 accepts in a header name (its is_token_char): letters, digits and <c>!#$%&amp;\:*+-.^_`|~</c>
    /// (its list has a backslash and a colon where RFC 9110 has an apostrophe).
    /// </summary>
    public static bool IsHeaderNameChar(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'!' or (byte)'#' or (byte)'$' or (byte)'%' or (byte)'&' or (byte)'\\' or (byte)':' or (byte)'*' or (byte)'+'
            or (byte)'-' or (byte)'.' or (byte)'^' or (byte)'_' or (byte)'`' or (byte)'|' or (byte)'~';

    /// <summary>valid_header_name: not empty, and every byte a header-name character.</summary>
    public static bool IsValidHeaderName(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
            return false;
        foreach (byte b in name)
        {
            if (!IsHeaderNameChar(b))
                return false;
        }
        return true;
    }

    /// <summary>The bytes a C string read from <paramref name="bytes"/> holds: up to the first zero byte.</summary>
    public static ReadOnlySpan<byte> CString(ReadOnlySpan<byte> bytes)
    {
        int zero = bytes.IndexOf((byte)0);
        return zero < 0 ? bytes : bytes[..zero];
    }

    /// <summary>True when <paramref name="bytes"/> starts with <paramref name="prefix"/>, ASCII letters compared without case.</summary>
    public static bool StartsWithIgnoringCase(ReadOnlySpan<byte> bytes, string prefix)
    {
        if (bytes.Length < prefix.Length)
            return false;
        for (int i = 0; i < prefix.Length; i++)
        {
            if (ToLower(bytes[i]) != ToLower((byte)prefix[i]))
                return false;
        }
        return true;
    }

    /// <summary>True when <paramref name="bytes"/> equals <paramref name="word"/>, ASCII letters compared without case.</summary>
    public static bool EqualsIgnoringCase(ReadOnlySpan<byte> bytes, string word) => bytes.Length == word.Length && StartsWithIgnoringCase(bytes, word);

    /// <summary>An ASCII letter in lower case; other bytes unchanged.</summary>
    public static byte ToLower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;
}
