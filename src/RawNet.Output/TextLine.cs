using RawNet.Protocols.Fields;

namespace RawNet.Output;

/// <summary>
/// A reusable character buffer that text printers build one line in, then hand to a <see cref="TextWriter"/> as a span:
/// numbers and addresses are formatted in place, so a steady stream of lines allocates nothing.
/// </summary>
public sealed class TextLine
{
    private char[] _buffer = new char[1024];
    private int _length;

    /// <summary>Characters written so far.</summary>
    public int Length => _length;

    /// <summary>The line so far.</summary>
    public ReadOnlySpan<char> Text => _buffer.AsSpan(0, _length);

    /// <summary>Forgets the line.</summary>
    public void Clear() => _length = 0;

    /// <summary>Cuts the line back to <paramref name="length"/> characters.</summary>
    public void Truncate(int length) => _length = Math.Min(_length, length);

    public void Append(char c)
    {
        if (_length == _buffer.Length)
            Grow(1);
        _buffer[_length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _buffer.Length)
            Grow(text.Length);
        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>Appends <paramref name="count"/> spaces.</summary>
    public void Pad(int count)
    {
        for (int i = 0; i < count; i++)
            Append(' ');
    }

    /// <summary>Pads with spaces up to column <paramref name="column"/> (at least one space when already there).</summary>
    public void PadTo(int start, int column)
    {
        int used = _length - start;
        Pad(used < column ? column - used : 1);
    }

    public void Append(long value)
    {
        Span<char> room = Room(20);
        value.TryFormat(room, out int n);
        _length += n;
    }

    public void Append(ulong value)
    {
        Span<char> room = Room(20);
        value.TryFormat(room, out int n);
        _length += n;
    }

    /// <summary>Appends <paramref name="value"/> zero-padded to <paramref name="digits"/> decimal digits.</summary>
    public void AppendPadded(long value, int digits)
    {
        Span<char> room = Room(20);
        value.TryFormat(room, out int n, DecimalFormats[Math.Clamp(digits, 0, DecimalFormats.Length - 1)]);
        _length += n;
    }

    /// <summary>Appends "0x" and <paramref name="value"/> in lowercase hex, zero-padded to <paramref name="digits"/>.</summary>
    public void AppendHex(ulong value, int digits)
    {
        Append("0x");
        AppendHexDigits(value, digits);
    }

    /// <summary>Appends <paramref name="value"/> in hex without a prefix, zero-padded to <paramref name="digits"/>, in lowercase or uppercase.</summary>
    public void AppendHexDigits(ulong value, int digits, bool uppercase = false)
    {
        Span<char> room = Room(16);
        value.TryFormat(room, out int n, (uppercase ? UpperHexFormats : HexFormats)[Math.Clamp(digits, 0, HexFormats.Length - 1)]);
        _length += n;
    }

    /// <summary>Appends <paramref name="text"/> padded with spaces on the right to <paramref name="width"/> characters (C's "%-20s").</summary>
    public void AppendPadded(string text, int width)
    {
        Append(text);
        Pad(width - text.Length);
    }

    /// <summary>Appends bytes as contiguous lowercase hex pairs.</summary>
    public void AppendHexBytes(ReadOnlySpan<byte> bytes)
    {
        Span<char> room = Room(bytes.Length * 2);
        for (int i = 0; i < bytes.Length; i++)
        {
            room[2 * i] = HexDigit(bytes[i] >> 4);
            room[2 * i + 1] = HexDigit(bytes[i] & 0xF);
        }
        _length += bytes.Length * 2;
    }

    public void AppendIpv4(ReadOnlySpan<byte> address)
    {
        FieldFormatter.TryFormatIpv4(address, Room(15), out int n);
        _length += n;
    }

    public void AppendIpv6(ReadOnlySpan<byte> address)
    {
        FieldFormatter.TryFormatIpv6(address, Room(46), out int n);
        _length += n;
    }

    public void AppendMac(ReadOnlySpan<byte> mac)
    {
        FieldFormatter.TryFormatMac(mac, Room(17), out int n);
        _length += n;
    }

    /// <summary>Appends a field value exactly as <c>-T fields</c> shows it.</summary>
    public void AppendField(FieldDefinition field, in FieldValue value, ReadOnlySpan<byte> buffer)
    {
        FieldFormatter.TryFormat(field, value, buffer, Room(FieldFormatter.MaxLength), out int n);
        _length += n;
    }

    /// <summary>Ends the line with a newline, writes it and clears the buffer.</summary>
    public void WriteLineTo(TextWriter output)
    {
        Append('\n');
        output.Write(_buffer, 0, _length);
        _length = 0;
    }

    private Span<char> Room(int count)
    {
        if (_length + count > _buffer.Length)
            Grow(count);
        return _buffer.AsSpan(_length);
    }

    private void Grow(int needed)
    {
        // Only a hostile or huge line gets here; the buffer then stays large for the rest of the run.
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + needed + 64));
    }

    private static char HexDigit(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);

    private static readonly string[] HexFormats = ["x", "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16"];
    private static readonly string[] UpperHexFormats = ["X", "X1", "X2", "X3", "X4", "X5", "X6", "X7", "X8", "X9", "X10", "X11", "X12", "X13", "X14", "X15", "X16"];
    private static readonly string[] DecimalFormats = ["D", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9"];
}
