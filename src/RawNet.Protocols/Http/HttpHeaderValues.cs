namespace RawNet.Protocols.Http;

/// <summary>What tshark does with a body's Content-Encoding.</summary>
public enum HttpContentCoding : byte
{
    /// <summary>None, or identity: the body as it is.</summary>
    Identity,
    /// <summary>gzip, deflate, x-gzip, x-deflate or br: tshark decompresses it.</summary>
    Decompressed,
    /// <summary>Any other: tshark shows the bytes as data.</summary>
    Other,
}

/// <summary>How tshark reads the header values that change how a message is delimited: numbers as C's strtoll, strtol and sscanf read them.</summary>
public static class HttpHeaderValues
{
    /// <summary>
    /// The dissector's Content-Length (g_ascii_strtoll, base 10): leading white space, a sign, digits; valid when at
    /// least one digit was read, the value is not negative and does not overflow, and what follows is nothing or white space.
    /// </summary>
    public static bool TryParseContentLength(ReadOnlySpan<byte> value, out long length)
    {
        length = 0;
        int at = ReadNumber(value, 10, out bool negative, out ulong magnitude, out bool digits);
        if (!digits || magnitude > (ulong)long.MaxValue + (negative ? 1UL : 0UL) || (at < value.Length && !HttpText.IsSpace(value[at])))
            return false;
        if (negative)
            return magnitude == 0;
        length = (long)magnitude;
        return true;
    }

    /// <summary>
    /// Content-Length as the reassembly reads it (g_strstrip, then ws_strtoi32): white space around, an optional sign
    /// and digits, nothing else, within a 32-bit signed number. Like ws_strtoi32, <paramref name="value"/> is set even
    /// on failure: 0, or the nearest bound when the number is too large.
    /// </summary>
    public static bool TryParseInt32(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        text = HttpText.CString(text);
        int start = 0, end = text.Length;
        while (start < end && HttpText.IsSpace(text[start]))
            start++;
        while (end > start && HttpText.IsSpace(text[end - 1]))
            end--;
        text = text[start..end];
        int at = 0;
        bool negative = false;
        if (at < text.Length && text[at] is (byte)'+' or (byte)'-')
        {
            negative = text[at] == '-';
            at++;
        }
        int digits = at;
        long number = 0;
        bool overflow = false;
        for (; at < text.Length && text[at] is >= (byte)'0' and <= (byte)'9'; at++)
        {
            number = number * 10 + (text[at] - '0');
            if (number > (long)int.MaxValue + 1)
            {
                overflow = true;
                number = (long)int.MaxValue + 1;
            }
        }
        if (at == digits || at < text.Length)
            return false;
        number = negative ? -number : number;
        if (overflow || number is < int.MinValue or > int.MaxValue)
        {
            value = negative ? int.MinValue : int.MaxValue;
            return false;
        }
        value = (int)number;
        return true;
    }

    /// <summary>
    /// A Transfer-Encoding value as tshark parses it (http_parse_transfer_coding): comma-separated codings, "chunked"
    /// and at most one other; <paramref name="chunked"/> when one starts with "chunked", <paramref name="compressed"/>
    /// when the other is compress, deflate or gzip (their x- forms too).
    /// </summary>
    public static void ParseTransferCoding(ReadOnlySpan<byte> value, ref bool chunked, ref bool compressed)
    {
        bool other = false;
        int at = 0;
        while (at < value.Length)
        {
            while (at < value.Length && value[at] is (byte)' ' or (byte)'\t' or (byte)',')
                at++;
            if (at >= value.Length)
                break;
            var rest = value[at..];
            if (rest.StartsWith("chunked"u8))
            {
                chunked = true;
                at += 7;
                continue;
            }
            if (other)
                break;
            int matched = Coding(rest, out bool squeezes);
            if (matched > 0)
            {
                other = true;
                compressed = squeezes;
                at += matched;
                continue;
            }
            int comma = rest.IndexOf((byte)',');
            if (comma < 0)
                break;
            at += comma;
        }
    }

    private static int Coding(ReadOnlySpan<byte> rest, out bool compressed)
    {
        compressed = true;
        if (rest.StartsWith("compress"u8))
            return 8;
        if (rest.StartsWith("deflate"u8))
            return 7;
        if (rest.StartsWith("gzip"u8))
            return 4;
        if (rest.StartsWith("x-compress"u8))
            return 10;
        if (rest.StartsWith("x-gzip"u8))
            return 6;
        compressed = false;
        return rest.StartsWith("identity"u8) ? 8 : 0;
    }

    /// <summary>What tshark makes of a Content-Encoding value (compared without regard to case).</summary>
    public static HttpContentCoding ContentCoding(ReadOnlySpan<byte> value)
    {
        if (HttpText.EqualsIgnoringCase(value, "identity"))
            return HttpContentCoding.Identity;
        foreach (var coding in (ReadOnlySpan<string>)["gzip", "deflate", "x-gzip", "x-deflate", "br"])
        {
            if (HttpText.EqualsIgnoringCase(value, coding))
                return HttpContentCoding.Decompressed;
        }
        return HttpContentCoding.Other;
    }

    /// <summary>
    /// C's strtol(text, NULL, 16) cast to 32 bits, as the chunk dissector reads a chunk size: leading white space, a
    /// sign, an optional 0x, hex digits up to the first other byte (0 when there are none; the largest long on overflow).
    /// </summary>
    public static uint ParseHex(ReadOnlySpan<byte> text)
    {
        ReadNumber(text, 16, out bool negative, out ulong magnitude, out _);
        if (magnitude > (ulong)long.MaxValue + (negative ? 1UL : 0UL))
            return negative ? 0u : uint.MaxValue; // LONG_MIN or LONG_MAX, cut to 32 bits
        return (uint)(negative ? 0 - magnitude : magnitude);
    }

    /// <summary>
    /// sscanf("%x") as the reassembly reads a chunk size: strtoul's number cut to 32 bits (the largest on overflow),
    /// false when no hex digit was read.
    /// </summary>
    public static bool TryScanHex(ReadOnlySpan<byte> text, out uint value)
    {
        ReadNumber(text, 16, out bool negative, out ulong magnitude, out bool digits);
        value = magnitude == ulong.MaxValue ? uint.MaxValue : (uint)(negative ? 0 - magnitude : magnitude);
        return digits;
    }

    /// <summary>
    /// The number C's strto* functions read at the start of <paramref name="text"/>: white space, a sign, a 0x before hex
    /// digits (base 16), then digits; the magnitude saturates at the largest unsigned 64-bit value. Returns where it ended.
    /// </summary>
    private static int ReadNumber(ReadOnlySpan<byte> text, int radix, out bool negative, out ulong magnitude, out bool digits)
    {
        int at = 0;
        while (at < text.Length && HttpText.IsSpace(text[at]))
            at++;
        negative = false;
        if (at < text.Length && text[at] is (byte)'+' or (byte)'-')
        {
            negative = text[at] == '-';
            at++;
        }
        if (radix == 16 && at + 2 < text.Length && text[at] == '0' && text[at + 1] is (byte)'x' or (byte)'X' && HexDigit(text[at + 2]) >= 0)
            at += 2;
        int first = at;
        magnitude = 0;
        for (; at < text.Length && HexDigit(text[at]) is int digit and >= 0 && digit < radix; at++)
        {
            ulong next = magnitude * (ulong)radix + (ulong)digit;
            magnitude = magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix ? ulong.MaxValue : next;
        }
        digits = at > first;
        return at;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
