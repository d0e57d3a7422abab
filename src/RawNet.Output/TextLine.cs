using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RawNet.Protocols.Decoding;
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

    /// <summary>Moves the <paramref name="count"/> characters at <paramref name="from"/> back to <paramref name="to"/>, shifting those between forward.</summary>
    public void MoveBack(int from, int count, int to)
    {
        // Three reversals rotate the span in place.
        var span = _buffer.AsSpan(to, from + count - to);
        span[..(from - to)].Reverse();
        span[(from - to)..].Reverse();
        span.Reverse();
    }

    /// <summary>Cuts the line back to <paramref name="length"/> characters.</summary>
    public void Truncate(int length) => _length = Math.Min(_length, length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(char c)
    {
        var buffer = _buffer;
        int length = _length;
        if ((uint)length < (uint)buffer.Length)
        {
            buffer[length] = c;
            _length = length + 1;
            return;
        }
        Grow(1);
        _buffer[_length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        int count = text.Length;
        int length = _length;
        if (length + count > _buffer.Length)
            Grow(count);
        // Most appends are a few characters of a literal (" > ", ", seq "): two overlapping moves of 8 or 4 bytes copy
        // 2 to 8 characters without a loop or a call to memmove (the summary printer's most frequent call).
        if (count <= 8)
        {
            ref byte to = ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), length));
            ref byte from = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(text));
            if (count >= 4)
            {
                ulong head = Unsafe.ReadUnaligned<ulong>(ref from);
                ulong tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref from, 2 * count - 8));
                Unsafe.WriteUnaligned(ref to, head);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, 2 * count - 8), tail);
            }
            else if (count >= 2)
            {
                uint head = Unsafe.ReadUnaligned<uint>(ref from);
                uint tail = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref from, 2 * count - 4));
                Unsafe.WriteUnaligned(ref to, head);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, 2 * count - 4), tail);
            }
            else if (count == 1)
                Unsafe.WriteUnaligned(ref to, Unsafe.ReadUnaligned<ushort>(ref from));
        }
        else
            text.CopyTo(_buffer.AsSpan(length, count));
        _length = length + count;
    }

    /// <summary>Appends packet bytes as tshark's format_text shows them in columns and trees (<see cref="FieldText.TryWriteFormatText"/>).</summary>
    public void AppendFormatText(ReadOnlySpan<byte> bytes)
    {
        FieldText.TryWriteFormatText(bytes, Room(6 * bytes.Length), out int n);
        _length += n;
    }

    /// <summary>Appends <paramref name="text"/> left-aligned in a field of <paramref name="width"/> characters (C's <c>%-5s</c>).</summary>
    public void AppendLeftAligned(ReadOnlySpan<char> text, int width)
    {
        Append(text);
        Pad(width - text.Length);
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

    public void Append(long value) => _length += DigitText.WriteSignedDecimal(value, 0, Room(DigitText.MaxDecimalLength));

    public void Append(ulong value) => _length += DigitText.WriteDecimal(value, Room(DigitText.MaxDecimalLength));

    /// <summary>Appends <paramref name="value"/> zero-padded to <paramref name="digits"/> decimal digits (at most 9).</summary>
    public void AppendPadded(long value, int digits) =>
        _length += DigitText.WriteSignedDecimal(value, Math.Clamp(digits, 0, 9), Room(DigitText.MaxDecimalLength));

    /// <summary>Appends "0x" and <paramref name="value"/> in lowercase hex, zero-padded to <paramref name="digits"/>.</summary>
    public void AppendHex(ulong value, int digits)
    {
        Append("0x");
        AppendHexDigits(value, digits);
    }

    /// <summary>Appends <paramref name="value"/> in hex without a prefix, zero-padded to <paramref name="digits"/>, in lowercase or uppercase.</summary>
    public void AppendHexDigits(ulong value, int digits, bool uppercase = false)
    {
        var room = Room(16);
        int n = DigitText.WriteHex(value, Math.Clamp(digits, 0, 16), room);
        if (uppercase)
        {
            for (int i = 0; i < n; i++)
            {
                if (room[i] >= 'a')
                    room[i] = (char)(room[i] - ('a' - 'A'));
            }
        }
        _length += n;
    }

    /// <summary>
    /// Moves the text from <paramref name="from"/> to the end in front of the text from <paramref name="start"/> to
    /// <paramref name="from"/> (for a prefix a dissector writes after the text of those it called).
    /// </summary>
    public void MoveToFront(int start, int from)
    {
        var text = _buffer.AsSpan(start, _length - start);
        int head = from - start;
        text[..head].Reverse();
        text[head..].Reverse();
        text.Reverse();
    }

    /// <summary>Makes room for <paramref name="count"/> characters at the end of the line and returns them to be filled in.</summary>
    public Span<char> Extend(int count)
    {
        var room = Room(count)[..count];
        _length += count;
        return room;
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
            room[2 * i] = DigitText.HexDigit(bytes[i] >> 4);
            room[2 * i + 1] = DigitText.HexDigit(bytes[i] & 0xF);
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

    /// <summary>Appends a field value exactly as <c>-T fields</c> shows it (<paramref name="packet"/>: for values written from its layers).</summary>
    public void AppendField(FieldDefinition field, in FieldValue value, ReadOnlySpan<byte> buffer, DecodedPacket? packet = null)
    {
        FieldFormatter.TryFormat(field, value, buffer, Room(FieldFormatter.RoomFor(field, value)), out int n, packet);
        _length += n;
    }

    /// <summary>Ends the line with a newline, writes it and clears the buffer.</summary>
    public void WriteLineTo(TextWriter output)
    {
        Append('\n');
        output.Write(_buffer, 0, _length);
        _length = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
}
