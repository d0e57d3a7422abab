using System.Globalization;
using System.Text;

namespace RawNet.Output.Filters;

/// <summary>
/// Quoted strings and character constants as Wireshark 4.0's display filters read them. A string is bytes: the UTF-8 of
/// its text with each escape's byte in place. <c>"..."</c> takes C's escapes (<c>\a \b \f \n \r \t \v \\ \" \'</c>), an
/// octal byte <c>\ooo</c> up to 255, a hex byte <c>\xH</c> or <c>\xHH</c>, and <c>\uXXXX</c> or <c>\UXXXXXXXX</c> for a
/// character from U+00A0 on (as UTF-8); <c>r"..."</c> is raw: backslashes stay, and <c>\"</c> (kept whole) does not end
/// it. A character constant <c>'c'</c> (or <c>'\xHH'</c>, <c>'\ooo'</c>, <c>'\\'</c>, <c>'\''</c>) is one byte.
/// </summary>
internal static class FilterStringLiteral
{
    /// <summary>
    /// Reads the string whose opening quote (or the <c>r</c> before it) is at <paramref name="start"/>; on success
    /// <paramref name="end"/> is just past the closing quote, else <paramref name="error"/> says what is wrong at
    /// <paramref name="errorAt"/>.
    /// </summary>
    public static bool TryRead(string text, int start, out byte[] value, out int end, out string error, out int errorAt)
    {
        value = [];
        error = "";
        errorAt = start;
        end = start;
        bool raw = text[start] is 'r' or 'R';
        int i = start + (raw ? 2 : 1);
        var bytes = new List<byte>();
        Span<byte> utf8 = stackalloc byte[4];
        while (i < text.Length && text[i] != '"')
        {
            char c = text[i];
            if (c != '\\')
            {
                int width = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                int n = Encoding.UTF8.GetBytes(text.AsSpan(i, width), utf8);
                for (int k = 0; k < n; k++)
                    bytes.Add(utf8[k]);
                i += width;
                continue;
            }
            if (i + 1 >= text.Length)
                break;
            if (raw)
            {
                // Raw strings keep every backslash; one before a quote keeps the quote in the string too.
                bytes.Add((byte)'\\');
                bytes.Add((byte)text[i + 1]);
                i += 2;
                continue;
            }
            if (!TryEscape(text, i, bytes, out int next, out error))
            {
                errorAt = i;
                end = Math.Min(text.Length, next);
                return false;
            }
            i = next;
        }
        if (i >= text.Length)
        {
            error = "the closing quote is missing from a quoted string";
            errorAt = start;
            end = text.Length;
            return false;
        }
        end = i + 1;
        value = bytes.ToArray();
        return true;
    }

    /// <summary>
    /// Reads the character constant whose opening quote is at <paramref name="start"/>: its byte, and where it ends; else
    /// why not.
    /// </summary>
    public static bool TryReadCharacter(string text, int start, out byte value, out int end, out string error)
    {
        value = 0;
        error = "";
        int close = text.IndexOf('\'', start + 1);
        if (close > start + 1 && text[close - 1] == '\\' && close + 1 < text.Length && text[close + 1] == '\'')
            close++; // '\''
        if (close < 0)
        {
            end = text.Length;
            error = "the closing quote is missing from a character constant";
            return false;
        }
        end = close + 1;
        var inside = text.AsSpan(start + 1, close - start - 1);
        string shown = text[start..end];
        if (inside.Length == 0)
        {
            error = "empty character constant";
            return false;
        }
        if (inside[0] != '\\')
        {
            if (inside.Length != 1 || inside[0] > 0x7F)
            {
                error = $"{shown} is too long to be a character constant (one byte)";
                return false;
            }
            value = (byte)inside[0];
            return true;
        }
        var rest = inside[1..];
        bool ok = rest switch
        {
            ['\\'] or ['\''] or ['"'] => Set(rest[0], out value),
            ['x', .. var hex] when hex.Length is 1 or 2 => byte.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value),
            _ when rest.Length is >= 1 and <= 3 && IsOctal(rest) => TryOctal(rest, out value),
            _ => false,
        };
        if (!ok)
            error = $"{shown} is not a valid character constant ('c', '\\xHH' or '\\ooo')";
        return ok;
    }

    private static bool Set(char c, out byte value)
    {
        value = (byte)c;
        return true;
    }

    /// <summary>One escape sequence of a quoted string at <paramref name="at"/> (the backslash).</summary>
    private static bool TryEscape(string text, int at, List<byte> bytes, out int next, out string error)
    {
        error = "";
        char e = text[at + 1];
        next = at + 2;
        switch (e)
        {
            case 'a': bytes.Add(7); return true;
            case 'b': bytes.Add(8); return true;
            case 'f': bytes.Add(12); return true;
            case 'n': bytes.Add(10); return true;
            case 'r': bytes.Add(13); return true;
            case 't': bytes.Add(9); return true;
            case 'v': bytes.Add(11); return true;
            case '\\' or '"' or '\'': bytes.Add((byte)e); return true;
            case >= '0' and <= '7':
            {
                int end = at + 1;
                while (end < text.Length && end < at + 4 && text[end] is >= '0' and <= '7')
                    end++;
                int octal = 0;
                foreach (char d in text.AsSpan(at + 1, end - at - 1))
                    octal = octal * 8 + (d - '0');
                next = end;
                if (octal > 255)
                {
                    error = $"{text[at..end]} is larger than 255";
                    return false;
                }
                bytes.Add((byte)octal);
                return true;
            }
            case 'x':
            {
                int end = at + 2;
                while (end < text.Length && end < at + 4 && char.IsAsciiHexDigit(text[end]))
                    end++;
                if (end == at + 2)
                {
                    error = "\\x is not a valid escape sequence (\\xH or \\xHH)";
                    return false;
                }
                bytes.Add(byte.Parse(text.AsSpan(at + 2, end - at - 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                next = end;
                return true;
            }
            case 'u' or 'U':
            {
                int digits = e == 'u' ? 4 : 8;
                int end = at + 2;
                while (end < text.Length && end < at + 2 + digits && char.IsAsciiHexDigit(text[end]))
                    end++;
                next = end;
                // C's rule for universal character names: all digits, no surrogate, nothing below U+00A0 but $ @ `.
                if (end - at - 2 != digits || !uint.TryParse(text.AsSpan(at + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint code)
                    || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF || (code < 0xA0 && code is not (0x24 or 0x40 or 0x60)))
                {
                    error = $"{text[at..end]} is not a valid universal character name";
                    return false;
                }
                Span<byte> utf8 = stackalloc byte[4];
                int n = new Rune((int)code).EncodeToUtf8(utf8);
                for (int k = 0; k < n; k++)
                    bytes.Add(utf8[k]);
                return true;
            }
            default:
                error = $"\\{e} is not a valid escape sequence";
                return false;
        }
    }

    private static bool IsOctal(ReadOnlySpan<char> digits)
    {
        foreach (char d in digits)
        {
            if (d is < '0' or > '7')
                return false;
        }
        return true;
    }

    private static bool TryOctal(ReadOnlySpan<char> digits, out byte value)
    {
        int octal = 0;
        foreach (char d in digits)
            octal = octal * 8 + (d - '0');
        value = (byte)octal;
        return octal <= 255;
    }
}
