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
    /// format_text: printable ASCII as is, control bytes as C escapes (\t, \n, ...) or \ooo, valid UTF-8 decoded,
    /// invalid UTF-8 as U+FFFD (an overlong two-byte form of an ASCII character decoded, a control one as \uXXXX).
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
            if (b is 0xC0 or 0xC1 && text.Length > 1 && (text[1] & 0xC0) == 0x80)
            {
                // An overlong 2-byte form of an ASCII character: Wireshark decodes it (a control character as \uXXXX).
                int c = (b & 0x1F) << 6 | (text[1] & 0x3F);
                int room = c < 0x20 || c == 0x7F ? 6 : 1;
                if (written + room > destination.Length)
                    return false;
                if (room == 1)
                    destination[written++] = (char)c;
                else
                {
                    "\\u00".AsSpan().CopyTo(destination[written..]);
                    destination[written + 4] = char.ToUpperInvariant(DigitText.HexDigit(c >> 4));
                    destination[written + 5] = char.ToUpperInvariant(DigitText.HexDigit(c));
                    written += 6;
                }
                text = text[2..];
                continue;
            }
            var status = Rune.DecodeFromUtf8(text, out var rune, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
                rune = Rune.ReplacementChar;
            if (written + rune.Utf16SequenceLength > destination.Length)
                return false;
            written += rune.EncodeToUtf16(destination[written..]);
            text = text[Math.Max(1, consumed)..];
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
