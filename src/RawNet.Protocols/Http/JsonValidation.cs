namespace RawNet.Protocols.Http;

/// <summary>
/// How much of a body tshark 4.0's JSON dissector takes as JSON: packet-json.c's grammar run by epan's tvbparse (read for
/// the rules, written anew). The dissector takes object or array after object or array; white space is skipped before
/// each and after every part of a sequence (so "[1 2]" is one number to it, as "1 2"); what it cannot take goes on to
/// data-text-lines ("json:data-text-lines" in frame.protocols). tvbparse gives up past <see cref="MaxDepth"/> nested
/// rules (every choice, sequence and repetition counts, about four per level of JSON nesting) and, as tvbparse does,
/// never gives back the level it refused: both are followed, so deep nesting ends the walk as it ends tshark's. Recursion
/// is bounded by that depth; nothing is allocated.
/// </summary>
public ref struct JsonValidation
{
    /// <summary>tvbparse's TVBPARSE_MAX_RECURSION_DEPTH.</summary>
    public const int MaxDepth = 100;

    private readonly ReadOnlySpan<byte> _s;
    private readonly int _end;
    private int _depth;

    private JsonValidation(ReadOnlySpan<byte> body)
    {
        _s = body;
        _end = body.Length;
        _depth = 0;
    }

    /// <summary>True when tshark's JSON dissector takes all of <paramref name="body"/> (nothing goes on to data-text-lines).</summary>
    public static bool IsValid(ReadOnlySpan<byte> body) => ParsedLength(body) >= body.Length;

    /// <summary>Where tshark's JSON dissector stops in <paramref name="body"/>: the rest goes to data-text-lines.</summary>
    public static int ParsedLength(ReadOnlySpan<byte> body)
    {
        var parser = new JsonValidation(body);
        int offset = 0;
        while (offset < body.Length)
        {
            int at = offset + parser.Ignore(offset);
            int length = parser.Text(at);
            if (length <= 0)
                break;
            offset = at + length;
        }
        return offset;
    }

    private readonly int Ignore(int offset)
    {
        int at = offset;
        while (at < _end && _s[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            at++;
        return at - offset;
    }

    /// <summary>Entering a choice, sequence or repetition: false past the depth (whose count is then not given back).</summary>
    private bool Enter(int offset) => offset <= _end && ++_depth <= MaxDepth;

    private int Fail()
    {
        _depth--;
        return -1;
    }

    private int Done(int length)
    {
        _depth--;
        return length;
    }

    private readonly int Char(int offset, byte c) => offset + 1 <= _end && _s[offset] == c ? 1 : -1;

    private readonly int Literal(int offset, ReadOnlySpan<byte> text) => offset + text.Length <= _end && _s.Slice(offset, text.Length).SequenceEqual(text) ? text.Length : -1;

    /// <summary>A sequence's next part of <paramref name="length"/> (-1: it failed): false, or true with the white space after it taken too.</summary>
    private readonly bool Take(ref int offset, int length)
    {
        if (length < 0)
            return false;
        offset += length;
        offset += Ignore(offset);
        return true;
    }

    /// <summary>A sequence's next part when it is the character <paramref name="c"/> (a sequence checks a character's room first).</summary>
    private readonly bool TakeChar(ref int offset, byte c) => offset + 1 <= _end && Take(ref offset, Char(offset, c));

    /// <summary>What a repetition repeats.</summary>
    private enum Repeated : byte { Member, Value, Character }

    /// <summary>A repetition of at least none: as many as match.</summary>
    private int Some(int offset, Repeated repeated)
    {
        int start = offset;
        if (!Enter(offset))
            return -1;
        while (true)
        {
            if (offset > _end)
                return Fail();
            int length = repeated == Repeated.Character ? Character(offset) : NextItem(offset, repeated == Repeated.Member);
            if (length <= 0)
                break;
            offset += length;
        }
        return Done(offset - start);
    }

    /// <summary>JSON-text: object or array.</summary>
    private int Text(int offset)
    {
        if (!Enter(offset))
            return -1;
        int length = Object(offset);
        if (length < 0)
            length = Array(offset);
        return length < 0 ? Fail() : Done(length);
    }

    private int Value(int offset)
    {
        if (!Enter(offset))
            return -1;
        int length = Literal(offset, "false"u8);
        if (length < 0)
            length = Literal(offset, "null"u8);
        if (length < 0)
            length = Literal(offset, "true"u8);
        if (length < 0)
            length = Literal(offset, "NaN"u8);
        if (length < 0)
            length = Object(offset);
        if (length < 0)
            length = Array(offset);
        if (length < 0)
            length = Number(offset);
        if (length < 0)
            length = String(offset);
        return length < 0 ? Fail() : Done(length);
    }

    /// <summary>'{' [ member *( ',' member ) ] '}'.</summary>
    private int Object(int offset) => Container(offset, (byte)'{', (byte)'}', members: true);

    /// <summary>'[' [ value *( ',' value ) ] ']'.</summary>
    private int Array(int offset) => Container(offset, (byte)'[', (byte)']', members: false);

    private int Container(int offset, byte open, byte close, bool members)
    {
        int start = offset;
        if (!Enter(offset))
            return -1;
        return TakeChar(ref offset, open) && Take(ref offset, Optional(offset, members)) && TakeChar(ref offset, close) ? Done(offset - start) : Fail();
    }

    /// <summary>The optional list inside a container (a repetition of at most one sequence).</summary>
    private int Optional(int offset, bool members)
    {
        if (!Enter(offset))
            return -1;
        int length = List(offset, members);
        return Done(Math.Max(length, 0));
    }

    /// <summary>item *( ',' item ).</summary>
    private int List(int offset, bool members)
    {
        int start = offset;
        if (!Enter(offset))
            return -1;
        return Take(ref offset, members ? Member(offset) : Value(offset)) && Take(ref offset, Some(offset, members ? Repeated.Member : Repeated.Value))
            ? Done(offset - start) : Fail();
    }

    private int NextItem(int offset, bool members)
    {
        int start = offset;
        if (!Enter(offset))
            return -1;
        return TakeChar(ref offset, (byte)',') && Take(ref offset, members ? Member(offset) : Value(offset)) ? Done(offset - start) : Fail();
    }

    /// <summary>string ':' value.</summary>
    private int Member(int offset)
    {
        int start = offset;
        if (!Enter(offset))
            return -1;
        return Take(ref offset, String(offset)) && TakeChar(ref offset, (byte)':') && Take(ref offset, Value(offset)) ? Done(offset - start) : Fail();
    }

    /// <summary>[ '-' ] int [ '.' 1*DIGIT ] [ ('e' / 'E') [ '-' / '+' ] 1*DIGIT ].</summary>
    private int Number(int offset)
    {
        int start = offset;
        if (!Enter(offset))
            return -1;
        return Take(ref offset, OptionalChars(offset, static b => b == '-')) && Take(ref offset, Int(offset))
            && Take(ref offset, OptionalFraction(offset)) && Take(ref offset, OptionalExponent(offset)) ? Done(offset - start) : Fail();
    }

    /// <summary>'0' / ( digit1-9 [ *DIGIT ] ).</summary>
    private int Int(int offset)
    {
        if (!Enter(offset))
            return -1;
        int length = offset + 1 <= _end ? Char(offset, (byte)'0') : -1;
        if (length < 0)
            length = NonZeroInt(offset);
        return length < 0 ? Fail() : Done(length);
    }

    private int NonZeroInt(int offset)
    {
        int start = offset;
        if (!Enter(offset))
            return -1;
        return Take(ref offset, Chars(offset, 1, 1, static b => b is >= (byte)'1' and <= (byte)'9'))
            && Take(ref offset, OptionalChars(offset, static b => b is >= (byte)'0' and <= (byte)'9', max: int.MaxValue / 2)) ? Done(offset - start) : Fail();
    }

    private int OptionalFraction(int offset)
    {
        if (!Enter(offset))
            return -1;
        int start = offset;
        int length = -1;
        if (Enter(offset))
        {
            int at = offset;
            length = TakeChar(ref at, (byte)'.') && Take(ref at, Digits(at)) ? Done(at - start) : Fail();
        }
        return Done(Math.Max(length, 0));
    }

    private int OptionalExponent(int offset)
    {
        if (!Enter(offset))
            return -1;
        int start = offset;
        int length = -1;
        if (Enter(offset))
        {
            int at = offset;
            length = at + 1 <= _end && Take(ref at, _s[at] is (byte)'e' or (byte)'E' ? 1 : -1)
                && Take(ref at, OptionalChars(at, static b => b is (byte)'-' or (byte)'+')) && Take(ref at, Digits(at)) ? Done(at - start) : Fail();
        }
        return Done(Math.Max(length, 0));
    }

    private readonly int Digits(int offset) => Chars(offset, 1, int.MaxValue / 2, static b => b is >= (byte)'0' and <= (byte)'9');

    /// <summary>An optional run of accepted bytes (a repetition of at most one run).</summary>
    private int OptionalChars(int offset, Func<byte, bool> accept, int max = 1)
    {
        if (!Enter(offset))
            return -1;
        int length = Chars(offset, 1, max, accept);
        return Done(Math.Max(length, 0));
    }

    private readonly int Chars(int offset, int min, int max, Func<byte, bool> accept)
    {
        if (offset + min > _end)
            return -1;
        int left = Math.Min(_end - offset, max);
        int length = 0;
        while (left > 0 && accept(_s[offset + length]))
        {
            length++;
            left--;
        }
        return length < min ? -1 : length;
    }

    /// <summary>'"' *( not '"' or '\' / '\' ( one of "\/bfnrt / 'u' 4HEXDIG ) ) '"'.</summary>
    private int String(int offset)
    {
        int start = offset;
        if (!Enter(offset))
            return -1;
        return TakeChar(ref offset, (byte)'"') && Take(ref offset, Some(offset, Repeated.Character)) && TakeChar(ref offset, (byte)'"')
            ? Done(offset - start) : Fail();
    }

    private int Character(int offset)
    {
        if (!Enter(offset))
            return -1;
        int length = Chars(offset, 1, int.MaxValue / 2, static b => b is not ((byte)'"' or (byte)'\\'));
        if (length < 0)
            length = Escape(offset);
        return length < 0 ? Fail() : Done(length);
    }

    private int Escape(int offset)
    {
        int start = offset;
        if (!Enter(offset))
            return -1;
        return TakeChar(ref offset, (byte)'\\') && Take(ref offset, Escaped(offset)) ? Done(offset - start) : Fail();
    }

    private int Escaped(int offset)
    {
        if (!Enter(offset))
            return -1;
        int length = Chars(offset, 1, 1, static b => b is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t');
        if (length < 0)
            length = Unicode(offset);
        return length < 0 ? Fail() : Done(length);
    }

    private int Unicode(int offset)
    {
        int start = offset;
        if (!Enter(offset))
            return -1;
        return TakeChar(ref offset, (byte)'u') && Take(ref offset, Chars(offset, 4, 4, static b => char.IsAsciiHexDigit((char)b))) ? Done(offset - start) : Fail();
    }
}
