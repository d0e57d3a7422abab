namespace RawNet.Protocols.Vpp;

/// <summary>
/// Walks a VPP metadata, opaque, opaque2 or trace string the way tshark's vpp adds it: one item per line, a line ending
/// at CR, LF or CR LF (the end of line not in the item's value), the last line running to the string's end with its zero
/// byte. Each value is the line up to its first zero byte, shown through format_text.
/// </summary>
public ref struct VppLines
{
    private readonly ReadOnlySpan<byte> _text;
    private int _next;

    /// <summary>A walk over <paramref name="text"/>, the string with its zero byte.</summary>
    public VppLines(ReadOnlySpan<byte> text)
    {
        _text = text;
        _next = 0;
        Start = 0;
        Length = 0;
    }

    /// <summary>Where the current line starts in the string.</summary>
    public int Start { get; private set; }

    /// <summary>The current line's length, without its end of line.</summary>
    public int Length { get; private set; }

    /// <summary>Moves to the next line; false after the last.</summary>
    public bool MoveNext()
    {
        if (_next >= _text.Length)
            return false;
        Start = _next;
        var rest = _text[_next..];
        int eol = rest.IndexOfAny((byte)'\r', (byte)'\n');
        if (eol < 0)
        {
            Length = rest.Length;
            _next = _text.Length;
            return true;
        }
        Length = eol;
        _next += eol + (rest[eol] == '\r' && eol + 1 < rest.Length && rest[eol + 1] == '\n' ? 2 : 1);
        return true;
    }
}
