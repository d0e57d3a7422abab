using System.Text;

namespace RawNet.Protocols.Fields;

/// <summary>
/// How tshark turns packet bytes into the text it prints: format_text (the Info column, names, HTTP lines in trees:
/// control bytes as C escapes) and strings read as ASCII (Wireshark's ENC_ASCII) as <c>-T fields</c> writes them.
/// </summary>
public static class FieldText
{
    /// <summary>Characters <see cref="TryWriteAscii"/> may need for <paramref name="bytes"/> bytes (an escape is two).</summary>
    public static int MaxAsciiLength(int bytes) => 2 * Math.Max(0, bytes);

    /// <summary>
    /// format_text: printable ASCII as is, control bytes as C escapes (\t, \n, ...) or \ooo, UTF-8 decoded as Wireshark
    /// 4.0 reads it (overlong forms decoded, each bad sequence one U+FFFD, code points glib does not print as \uXXXX).
    /// </summary>
    public static bool TryWriteFormatText(ReadOnlySpan<byte> text, Span<char> destination, out int written)
    {
        written = 0;
        while (text.Length > 0)
        {
            byte b = text[0];
            if (b < 0x20 || b == 0x7F)
            {
                if (written + 4 > destination.Length)
                    return false;
                destination[written++] = '\\';
                if (b is >= 7 and <= 13)
                {
                    destination[written++] = "abtnvfr"[b - 7]; // C's escapes, as Wireshark's format_text writes them
                    text = text[1..];
                    continue;
                }
                destination[written++] = (char)('0' + (b >> 6));
                destination[written++] = (char)('0' + ((b >> 3) & 7));
                destination[written++] = (char)('0' + (b & 7));
                text = text[1..];
                continue;
            }
            if (b < 0x80)
            {
                if (written >= destination.Length)
                    return false;
                destination[written++] = (char)b;
                text = text[1..];
                continue;
            }
            // Wireshark 4.0's own UTF-8 reading: a lead byte of 2 to 6 bytes takes the continuation bytes that follow, up to
            // its count; a sequence cut short, a stray continuation byte, 0xFE or 0xFF, a surrogate or a code point past
            // U+10FFFF is one U+FFFD; overlong forms are decoded; a code point glib does not print (a control, format or
            // unassigned one) is written as \uXXXX or \UXXXXXXXX.
            int more = b switch { < 0xC0 => -1, < 0xE0 => 1, < 0xF0 => 2, < 0xF8 => 3, < 0xFC => 4, < 0xFE => 5, _ => -1 };
            long code = more < 0 ? 0 : b & (0x3F >> more);
            int consumed = 1;
            while (more > 0 && consumed <= more && consumed < text.Length && (text[consumed] & 0xC0) == 0x80)
                code = code << 6 | (uint)(text[consumed++] & 0x3F);
            text = text[consumed..];
            if (more < 0 || consumed <= more || code is >= 0xD800 and <= 0xDFFF || code > 0x10FFFF)
                code = 0xFFFD;
            var rune = new Rune((int)code);
            if (Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.OtherNotAssigned)
            {
                int digits = code > 0xFFFF ? 8 : 4;
                if (written + 2 + digits > destination.Length)
                    return false;
                destination[written++] = '\\';
                destination[written++] = code > 0xFFFF ? 'U' : 'u';
                for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4)
                    destination[written++] = char.ToUpperInvariant(DigitText.HexDigit((int)(code >> shift)));
                continue;
            }
            if (written + rune.Utf16SequenceLength > destination.Length)
                return false;
            written += rune.EncodeToUtf16(destination[written..]);
        }
        return true;
    }

    /// <summary>
    /// A string read as ASCII as <c>-T fields</c> prints it: to the first zero byte, bytes past ASCII as U+FFFD, and
    /// backspace, form feed, line feed, carriage return and tab written as \b, \f, \n, \r, \t (other control bytes raw).
    /// </summary>
    public static bool TryWriteAscii(ReadOnlySpan<byte> text, Span<char> destination, out int written)
    {
        written = 0;
        return TryAppendAscii(text, destination, ref written, out _);
    }

    /// <summary>
    /// <see cref="TryWriteAscii"/> for one piece of a longer string: appends at <paramref name="written"/>;
    /// <paramref name="ended"/> when a zero byte ended the string (later pieces add nothing).
    /// </summary>
    public static bool TryAppendAscii(ReadOnlySpan<byte> text, Span<char> destination, ref int written, out bool ended)
    {
        ended = false;
        foreach (byte b in text)
        {
            if (b == 0)
            {
                ended = true;
                return true;
            }
            if (!TryAppendEscaped(b >= 0x80 ? '\uFFFD' : (char)b, destination, ref written))
                return false;
        }
        return true;
    }

    /// <summary>Appends one character as <c>-T fields</c> writes it (\b, \f, \n, \r and \t escaped).</summary>
    public static bool TryAppendEscaped(char c, Span<char> destination, ref int written)
    {
        char escape = c switch
        {
            '\b' => 'b',
            '\f' => 'f',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            _ => '\0',
        };
        if (escape == '\0')
        {
            if (written >= destination.Length)
                return false;
            destination[written++] = c;
            return true;
        }
        if (written + 2 > destination.Length)
            return false;
        destination[written++] = '\\';
        destination[written++] = escape;
        return true;
    }
}
