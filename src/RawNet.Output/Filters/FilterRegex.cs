using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RawNet.Output.Filters;

/// <summary>
/// The regular expressions of <c>matches</c> (<c>~</c>), run as tshark 4.0 runs its PCRE2 ones: over bytes, not
/// characters (a UTF-8 "é" is two bytes to <c>.</c>), case-insensitive unless the pattern says <c>(?-i)</c>, and
/// <c>\w</c>, <c>\d</c>, <c>\s</c> and case folding for ASCII only. .NET's engine does the matching: each byte becomes one
/// character, those past ASCII private-use characters that no class or case folding touches, and the PCRE spellings
/// .NET lacks (<c>\Q...\E</c>, <c>\x{HH}</c>, <c>(?P&lt;name&gt;...)</c>, <c>[[:alpha:]]</c>) are rewritten. Patterns run
/// on the non-backtracking engine, whose time grows linearly with the input, when it can; those it cannot (backreferences,
/// lookarounds, atomic groups) run on the backtracking one with <see cref="MatchTimeout"/> per match.
/// </summary>
internal static class FilterRegex
{
    /// <summary>The longest one match may take on the backtracking engine before it gives up.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Subjects up to this many bytes are turned into characters on the stack, longer ones in a pooled array.</summary>
    private const int StackSubject = 2048;

    /// <summary>Compiles <paramref name="pattern"/> (the string's bytes); false with the reason.</summary>
    public static bool TryCompile(ReadOnlySpan<byte> pattern, out Regex? regex, out string error)
    {
        regex = null;
        if (!TryTranslate(pattern, out string translated, out error))
            return false;
        try
        {
            regex = new Regex(translated, Options | RegexOptions.NonBacktracking, MatchTimeout);
            return true;
        }
        catch (NotSupportedException)
        {
            // Backreferences, lookarounds and the like need the backtracking engine.
        }
        catch (ArgumentException e)
        {
            error = Reason(e);
            return false;
        }
        try
        {
            regex = new Regex(translated, Options, MatchTimeout);
            return true;
        }
        catch (ArgumentException e)
        {
            error = Reason(e);
            return false;
        }
    }

    /// <summary>
    /// True when <paramref name="regex"/> matches somewhere in <paramref name="subject"/>; throws
    /// <see cref="RegexMatchTimeoutException"/> when the backtracking engine runs out of time.
    /// </summary>
    public static bool IsMatch(Regex regex, ReadOnlySpan<byte> subject)
    {
        char[]? rented = null;
        Span<char> chars = subject.Length <= StackSubject
            ? stackalloc char[StackSubject]
            : (rented = ArrayPool<char>.Shared.Rent(subject.Length));
        try
        {
            for (int i = 0; i < subject.Length; i++)
                chars[i] = Map(subject[i]);
            return regex.IsMatch(chars[..subject.Length]);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The character a byte stands for: itself up to 0x7F, a private-use character (U+E080 to U+E0FF) above.</summary>
    private static char Map(int b) => b < 0x80 ? (char)b : (char)(0xE000 + b);

    private static string Reason(ArgumentException e)
    {
        // "Invalid pattern '(' at offset 1. Not enough )'s." -> "Not enough )'s"
        string message = e.Message;
        int cut = message.IndexOf(". ", StringComparison.Ordinal);
        if (message.StartsWith("Invalid pattern", StringComparison.Ordinal) && cut >= 0)
            message = message[(cut + 2)..];
        return message.ReplaceLineEndings(" ").TrimEnd('.');
    }

    /// <summary>The pattern's bytes as a .NET pattern over mapped characters, with the PCRE-only spellings rewritten.</summary>
    private static bool TryTranslate(ReadOnlySpan<byte> pattern, out string translated, out string error)
    {
        error = "";
        var text = new StringBuilder(pattern.Length);
        foreach (byte b in pattern)
            text.Append(Map(b));
        string p = text.ToString();
        var o = new StringBuilder(p.Length + 16);
        bool inClass = false;
        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            if (c == '\\' && i + 1 < p.Length)
            {
                char e = p[i + 1];
                switch (e)
                {
                    case 'Q':
                    {
                        int end = p.IndexOf("\\E", i + 2, StringComparison.Ordinal);
                        string literal = end < 0 ? p[(i + 2)..] : p[(i + 2)..end];
                        o.Append(Regex.Escape(literal));
                        i = end < 0 ? p.Length : end + 1;
                        continue;
                    }
                    case 'E':
                        i++;
                        continue;
                    case 'x':
                    case 'o' when i + 2 < p.Length && p[i + 2] == '{':
                    {
                        if (!TryCodeEscape(p, i, out int value, out int next))
                        {
                            error = $"the escape at byte {i} is not a valid character code";
                            translated = "";
                            return false;
                        }
                        if (value > 0xFF)
                        {
                            error = $"the character code {value:x} at byte {i} is past 0xff (patterns match bytes)";
                            translated = "";
                            return false;
                        }
                        o.Append("\\u").Append(((int)Map(value)).ToString("X4", CultureInfo.InvariantCulture));
                        i = next - 1;
                        continue;
                    }
                    default:
                        o.Append(c).Append(e);
                        i++;
                        continue;
                }
            }
            if (!inClass && c == '(' && p.AsSpan(i).StartsWith("(?P"))
            {
                var rest = p.AsSpan(i + 3);
                if (rest.StartsWith("<"))
                {
                    o.Append("(?<");
                    i += 3;
                    continue;
                }
                int close = p.IndexOf(')', i);
                if (rest.StartsWith("=") && close > 0)
                {
                    o.Append("\\k<").Append(p, i + 4, close - i - 4).Append('>');
                    i = close;
                    continue;
                }
                error = "(?P> recursion is not supported";
                translated = "";
                return false;
            }
            if (inClass && c == '[' && i + 1 < p.Length && p[i + 1] == ':')
            {
                int close = p.IndexOf(":]", i + 2, StringComparison.Ordinal);
                if (close > 0 && PosixClass(p[(i + 2)..close]) is { } members)
                {
                    o.Append(members);
                    i = close + 1;
                    continue;
                }
                if (close > 0)
                {
                    error = $"[:{p[(i + 2)..close]}:] is not a character class RawNet knows";
                    translated = "";
                    return false;
                }
            }
            if (!inClass && c == '[')
            {
                inClass = true;
                o.Append(c);
                // A ']' right after '[' or '[^' is a member, not the end.
                if (i + 1 < p.Length && p[i + 1] == '^')
                    o.Append(p[++i]);
                if (i + 1 < p.Length && p[i + 1] == ']')
                {
                    o.Append("\\]");
                    i++;
                }
                continue;
            }
            if (inClass && c == ']')
                inClass = false;
            o.Append(c);
        }
        translated = o.ToString();
        return true;
    }

    /// <summary><c>\xH</c>, <c>\xHH</c>, <c>\x{H...}</c> or <c>\o{O...}</c> at <paramref name="at"/>.</summary>
    private static bool TryCodeEscape(string p, int at, out int value, out int next)
    {
        value = 0;
        bool octal = p[at + 1] == 'o';
        int i = at + 2;
        if (i < p.Length && p[i] == '{')
        {
            int close = p.IndexOf('}', i);
            next = close + 1;
            var digits = close > i + 1 ? p.AsSpan(i + 1, close - i - 1) : [];
            return digits.Length is > 0 and <= 8 && (octal
                ? TryOctal(digits, out value)
                : int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value));
        }
        int end = i;
        while (end < p.Length && end < i + 2 && char.IsAsciiHexDigit(p[end]))
            end++;
        next = end;
        // PCRE reads "\x" without digits as a zero byte.
        return end == i || int.TryParse(p.AsSpan(i, end - i), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryOctal(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (char d in digits)
        {
            if (d is < '0' or > '7')
                return false;
            value = value * 8 + (d - '0');
        }
        return true;
    }

    /// <summary>The members of a POSIX class inside brackets, for ASCII as PCRE has them; null for a name it does not know.</summary>
    private static string? PosixClass(string name) => name switch
    {
        "alpha" => "a-zA-Z",
        "digit" => "0-9",
        "alnum" => "a-zA-Z0-9",
        "upper" => "A-Z",
        "lower" => "a-z",
        "xdigit" => "0-9A-Fa-f",
        "space" => "\\t\\n\\v\\f\\r ",
        "blank" => " \\t",
        "word" => "a-zA-Z0-9_",
        "punct" => "!-/:-@\\[-`{-~",
        "cntrl" => "\\x00-\\x1F\\x7F",
        "print" => " -~",
        "graph" => "!-~",
        "ascii" => "\\x00-\\x7F",
        _ => null,
    };
}
