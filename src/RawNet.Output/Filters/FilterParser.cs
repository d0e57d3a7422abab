using System.Diagnostics.CodeAnalysis;
using System.Text;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Filters;

/// <summary>
/// Recursive-descent parser for the display-filter grammar (precedence: <c>not</c> over <c>and</c> over <c>or</c>),
/// emitting nodes into a flat list. Names resolve against <see cref="FieldCatalog"/> only. A test is a field or protocol,
/// sliced or not (<c>frame[12:2]</c>), alone or with a relation and a value: a word, a quoted string or a character
/// constant, or another field.
/// </summary>
internal sealed class FilterParser
{
    private const int MaxDepth = 200;
    private const int MaxNodes = 4096;

    private const int MaxMaskBytes = 1024;

    private enum TokenKind : byte { End, Word, String, Character, Slice, LeftParen, RightParen, LeftBrace, RightBrace, Comma, And, Or, Not, Relation, BitAnd, Bad }

    /// <summary>One token: what it is and where; <c>Literal</c> is a string's index in the parser's literals, or a character constant's byte.</summary>
    private readonly record struct Token(TokenKind Kind, int Start, int Length, FilterRelation Relation = default, int Literal = -1);

    private readonly string _text;
    private readonly List<FilterNode> _nodes = [];
    private readonly List<byte[]> _literals = [];
    private Token _token;
    private int _position;
    private int _depth;
    private FilterError? _error;

    private FilterParser(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/> into nodes (the root last), or an error.</summary>
    public static bool TryParse(string text, out FilterNode[] nodes, out int root, [NotNullWhen(false)] out FilterError? error)
    {
        var parser = new FilterParser(text);
        parser.Next();
        root = -1;
        nodes = [];
        if (parser._token.Kind == TokenKind.End)
        {
            error = new FilterError("the filter is empty", 0);
            return false;
        }
        if (parser.ParseOr(out root) && parser._token.Kind != TokenKind.End)
            parser.Fail($"unexpected '{parser.TokenText}'", parser._token.Start);
        error = parser._error;
        if (error is not null)
            return false;
        nodes = parser._nodes.ToArray();
        return true;
    }

    private string TokenText => _token.Kind == TokenKind.End ? "end of filter" : _text.Substring(_token.Start, _token.Length);

    private bool ParseOr(out int index) => ParseBinary(TokenKind.Or, out index);

    /// <summary>A chain of <c>or</c> (whose operands are <c>and</c> chains) or of <c>and</c> (whose operands are unary).</summary>
    private bool ParseBinary(TokenKind op, out int index)
    {
        if (!ParseOperand(op, out index))
            return false;
        while (_token.Kind == op)
        {
            Next();
            if (!ParseOperand(op, out int right))
                return false;
            index = Add(new FilterNode { Kind = op == TokenKind.Or ? FilterNodeKind.Or : FilterNodeKind.And, Left = index, Right = right });
        }
        return _error is null;
    }

    private bool ParseOperand(TokenKind op, out int index) => op == TokenKind.Or ? ParseBinary(TokenKind.And, out index) : ParseUnary(out index);

    private bool ParseUnary(out int index)
    {
        index = -1;
        if (++_depth > MaxDepth)
            return Fail("the filter is nested too deeply", _token.Start);
        try
        {
            if (_token.Kind == TokenKind.Not)
            {
                Next();
                if (!ParseUnary(out int operand))
                    return false;
                index = Add(new FilterNode { Kind = FilterNodeKind.Not, Left = operand });
                return true;
            }
            return ParsePrimary(out index);
        }
        finally
        {
            _depth--;
        }
    }

    private bool ParsePrimary(out int index)
    {
        index = -1;
        switch (_token.Kind)
        {
            case TokenKind.LeftParen:
            {
                int open = _token.Start;
                Next();
                if (_token.Kind == TokenKind.RightParen)
                    return Fail("empty parentheses", _token.Start);
                if (!ParseOr(out index))
                    return false;
                if (_token.Kind != TokenKind.RightParen)
                    return _token.Kind == TokenKind.End
                        ? Fail("unclosed '('", open)
                        : Fail($"expected ')' but found '{TokenText}'", _token.Start);
                Next();
                return true;
            }
            case TokenKind.Word:
                return ParseTest(out index);
            case TokenKind.End:
                return Fail("missing a field or protocol name", _token.Start);
            case TokenKind.Bad:
                return Fail($"unexpected '{TokenText}'", _token.Start);
            default:
                return Fail($"expected a field or protocol name but found '{TokenText}'", _token.Start);
        }
    }

    private bool ParseTest(out int index)
    {
        index = -1;
        string name = TokenText;
        int nameStart = _token.Start;
        // a name may start with a digit when it is one (6lowpan), not a number ("0x10", "6")
        bool digitName = char.IsAsciiDigit(name[0]) && !name.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && name.Any(char.IsAsciiLetter);
        // Wireshark's own items are named "_ws.*" (_ws.expert, _ws.malformed)
        if (!char.IsAsciiLetter(name[0]) && !digitName && !name.StartsWith("_ws.", StringComparison.Ordinal))
            return Fail($"expected a field or protocol name but found '{name}'", nameStart);
        Next();
        var node = new FilterNode();
        if (!TryOperand(name, nameStart, out node.Definitions, out node.LayerMask, out node.Protocol))
            return false;
        node.ProtocolName = node.Protocol ? name : null;
        node.FieldKind = node.Protocol ? FieldKind.Bytes : node.Definitions![0].Kind;
        if (!ParseSlices(name, nameStart, node.FieldKind, node.Protocol, out node.Slices))
            return false;
        var shape = ShapeOf(node.FieldKind, node.Protocol, node.Slices is not null);
        node.ByBytes = shape is Shape.Text or Shape.Bytes;
        node.TextOrder = shape == Shape.Text;

        bool isSet = IsWord("in") || (_token.Kind == TokenKind.Not && PeekIsWord("in"));
        if (_token.Kind is not (TokenKind.Relation or TokenKind.BitAnd) && !isSet)
        {
            node.Kind = node.Slices is not null ? FilterNodeKind.SlicePresent
                : node.Protocol ? FilterNodeKind.ProtocolPresent
                : FilterNodeKind.FieldPresent;
            index = Add(node);
            return true;
        }
        if (node.Protocol && node.Slices is null && (isSet || _token.Kind == TokenKind.BitAnd))
        {
            return Fail(isSet
                ? $"'{name}' is a protocol, not a field: only a field can be tested for membership in a set"
                : $"'{name}' is a protocol, not a field: slice it to and its bytes ({name}[0] & 0x80)", nameStart);
        }
        if (isSet)
        {
            if (node.Slices is not null)
                return Fail("only a field, not a slice, can be tested for membership in a set", _token.Start);
            node.Kind = node.ByBytes ? FilterNodeKind.CompareBytes : FilterNodeKind.Compare;
            return ParseSet(name, node, out index);
        }
        if (_token.Kind == TokenKind.BitAnd && !ParseMask(name, ref node, shape))
            return false;
        node.Kind = node.ByBytes ? FilterNodeKind.CompareBytes : FilterNodeKind.Compare;
        if (_token.Kind != TokenKind.Relation)
        {
            node.Relation = FilterRelation.AnyBitSet; // "field & MASK" alone
            index = Add(node);
            return true;
        }
        node.Relation = _token.Relation;
        string symbol = TokenText;
        if (!ExpectValue(out var value))
            return false;
        if (value.Kind == TokenKind.Word && (node.ByteMask is null && !node.Masked) && IsOperand(value.Text))
            return ParseOtherOperand(name, node, symbol, out index);
        bool parsed = node.Relation switch
        {
            FilterRelation.Contains => ParseContains(name, ref node, shape, value),
            FilterRelation.Matches => ParseMatches(name, ref node, shape, value),
            _ => ParseLiteral(name, ref node, shape, value),
        };
        if (!parsed)
            return false;
        node.Kind = node.ByBytes ? FilterNodeKind.CompareBytes : FilterNodeKind.Compare;
        Next();
        index = Add(node);
        return true;
    }

    /// <summary>What an operand's values are, for choosing how to compare them.</summary>
    private enum Shape : byte
    {
        Number,
        Address,
        /// <summary>A string field: compared as its text's bytes, ordered as text.</summary>
        Text,
        /// <summary>A byte field, a protocol or any slice: compared as bytes, ordered by length first.</summary>
        Bytes,
    }

    private static Shape ShapeOf(FieldKind kind, bool protocol, bool sliced) => kind switch
    {
        _ when protocol || sliced || kind == FieldKind.Bytes => Shape.Bytes,
        FieldKind.Text or FieldKind.HttpText or FieldKind.DnsName or FieldKind.BuiltText => Shape.Text,
        FieldKind.MacAddress or FieldKind.Ipv4Address or FieldKind.Ipv6Address => Shape.Address,
        _ => Shape.Number,
    };

    /// <summary>Whether a field's values have bytes a slice, <c>contains</c> or <c>matches</c> can read.</summary>
    private static bool HasBytes(FieldKind kind) => kind is FieldKind.Bytes or FieldKind.Text or FieldKind.HttpText or FieldKind.DnsName or FieldKind.BuiltText
        or FieldKind.MacAddress or FieldKind.Ipv4Address or FieldKind.Ipv6Address;

    private static bool IsOperand(string word) => FieldCatalog.TryFind(word, out _) || FieldCatalog.TryFindProtocol(word, out _);

    /// <summary>A field's definitions or a protocol's layer kinds; false (with the error) for an unknown name.</summary>
    private bool TryOperand(string name, int start, out FieldDefinition[]? definitions, out UInt128 mask, out bool protocol)
    {
        mask = UInt128.Zero;
        protocol = false;
        if (FieldCatalog.TryFind(name, out var found))
        {
            definitions = found;
            mask = MaskOf(found);
            return true;
        }
        definitions = null;
        if (!FieldCatalog.TryFindProtocol(name, out var kinds))
            return Fail(UnknownName(name, start), start, withPosition: false);
        protocol = true;
        mask = FilterNode.MaskOf(kinds);
        return true;
    }

    /// <summary><c>[...]</c> after a field or protocol, any number of times; null when there is none.</summary>
    private bool ParseSlices(string name, int nameStart, FieldKind kind, bool protocol, out SliceRange[][]? slices)
    {
        slices = null;
        if (_token.Kind != TokenKind.Slice)
            return true;
        if (!protocol && !HasBytes(kind))
            return Fail($"{name} is {Family(kind)} and cannot be sliced into bytes", nameStart);
        var steps = new List<SliceRange[]>();
        while (_token.Kind == TokenKind.Slice)
        {
            if (!FilterSlice.TryParse(_text.Substring(_token.Start + 1, _token.Length - 2), out var ranges, out string problem))
                return Fail(problem, _token.Start + 1);
            steps.Add(ranges);
            Next();
        }
        slices = steps.ToArray();
        return true;
    }

    /// <summary>
    /// The right side is a field or protocol (possibly sliced): values compare pair by pair, numbers and addresses as
    /// before, strings and bytes as bytes.
    /// </summary>
    private bool ParseOtherOperand(string name, FilterNode node, string symbol, out int index)
    {
        index = -1;
        string other = TokenText;
        int otherStart = _token.Start;
        Next();
        if (!TryOperand(other, otherStart, out node.OtherDefinitions, out node.OtherLayerMask, out node.OtherProtocol))
            return false;
        node.OtherProtocolName = node.OtherProtocol ? other : null;
        var otherKind = node.OtherProtocol ? FieldKind.Bytes : node.OtherDefinitions![0].Kind;
        if (!ParseSlices(other, otherStart, otherKind, node.OtherProtocol, out node.OtherSlices))
            return false;
        var left = ShapeOf(node.FieldKind, node.Protocol, node.Slices is not null);
        var right = ShapeOf(otherKind, node.OtherProtocol, node.OtherSlices is not null);
        if (node.Relation == FilterRelation.Matches)
            return Fail($"'{symbol}' needs a quoted string (a regular expression), not {other}", otherStart);
        string leftFamily = left == Shape.Bytes ? "bytes" : Family(node.FieldKind), rightFamily = right == Shape.Bytes ? "bytes" : Family(otherKind);
        bool bytes = left is Shape.Text or Shape.Bytes || right is Shape.Text or Shape.Bytes || node.Relation == FilterRelation.Contains;
        bool compatible = bytes
            ? (left == Shape.Text) == (right == Shape.Text) && left != Shape.Number && right != Shape.Number
                && (node.Relation != FilterRelation.Contains || (left != Shape.Address && right != Shape.Address) || node.FieldKind == FieldKind.MacAddress)
            : leftFamily == rightFamily;
        if (!compatible)
            return Fail($"{name} ({leftFamily}) cannot be compared with {other} ({rightFamily})", otherStart);
        node.Kind = FilterNodeKind.CompareFields;
        node.ByBytes = bytes;
        index = Add(node);
        return true;
    }

    /// <summary><c>contains VALUE</c>: a string's text, or bytes (a MAC address's up to six), holds the literal.</summary>
    private bool ParseContains(string name, ref FilterNode node, Shape shape, in Value value)
    {
        if (shape == Shape.Number || (shape == Shape.Address && node.FieldKind != FieldKind.MacAddress))
            return Fail($"{name} is {Family(node.FieldKind)} and cannot be searched with 'contains'", value.Start);
        node.ByBytes = true;
        if (shape == Shape.Text)
            return TryTextLiteral(value, out node.Bytes);
        if (shape == Shape.Address && value.Kind != TokenKind.Word)
            return Fail($"{name} is a MAC address and cannot be searched for a string or character ({value.Text})", value.Start);
        if (!TryByteLiteral(name, value, out node.Bytes))
            return false;
        if (shape == Shape.Address && node.Bytes.Length > 6)
            return Fail($"{value.Text} has too many bytes to be part of a MAC address", value.Start);
        return true;
    }

    /// <summary><c>matches "REGEX"</c>: the expression must be a quoted string and compile.</summary>
    private bool ParseMatches(string name, ref FilterNode node, Shape shape, in Value value)
    {
        if (shape == Shape.Number || (shape == Shape.Address && node.FieldKind != FieldKind.MacAddress))
            return Fail($"{name} is {Family(node.FieldKind)} and cannot be matched with a regular expression", value.Start);
        if (value.Kind != TokenKind.String)
            return Fail($"'matches' needs a quoted string (a regular expression), e.g. matches \"^GET\"; found {value.Text}", value.Start);
        node.ByBytes = true;
        if (!FilterRegex.TryCompile(value.Bytes, out node.Pattern, out string problem))
            return Fail($"{value.Text} is not a valid regular expression: {problem}", value.Start);
        return true;
    }

    /// <summary>A literal after ==, != or an order: bytes or text for those shapes, else a number or an address.</summary>
    private bool ParseLiteral(string name, ref FilterNode node, Shape shape, in Value value)
    {
        switch (shape)
        {
            case Shape.Text:
                return TryTextLiteral(value, out node.Bytes);
            case Shape.Bytes:
                return TryByteLiteral(name, value, out node.Bytes);
        }
        // A value's name in quotes, as tshark takes it ("_ws.expert.severity == \"Note\"").
        if (value.Kind == TokenKind.String && FilterLiteral.TryParseValueName(Encoding.UTF8.GetString(value.Bytes), node.Definitions![0], out node.Number))
            return true;
        if (value.Kind == TokenKind.String)
            return Fail($"{name} is {Family(node.FieldKind)} and cannot be compared with a string ({value.Text})", value.Start);
        if (value.Kind == TokenKind.Character)
        {
            if (shape != Shape.Number || node.FieldKind is not (FieldKind.Decimal or FieldKind.Hex or FieldKind.SignedDecimal))
                return Fail($"{name} is {Family(node.FieldKind)} and cannot be compared with a character ({value.Text})", value.Start);
            node.Number = value.Bytes[0];
            return true;
        }
        if (!FilterLiteral.TryParse(value.Text, node.Definitions![0], node.Relation, ref node, out string problem))
            return Fail(problem, value.Start);
        return true;
    }

    /// <summary>A string field's literal: a quoted string's bytes, a character's byte, or a bare word as it is written.</summary>
    private static bool TryTextLiteral(in Value value, out byte[] bytes)
    {
        bytes = value.Kind == TokenKind.Word ? Encoding.UTF8.GetBytes(value.Text) : value.Bytes;
        return true;
    }

    /// <summary>A byte literal: a quoted string's bytes, a character's byte, or hex bytes (aa:bb:cc, aa-bb, aa.bb, aabbcc, 0x41).</summary>
    private bool TryByteLiteral(string name, in Value value, out byte[] bytes)
    {
        if (value.Kind != TokenKind.Word)
        {
            bytes = value.Bytes;
            return true;
        }
        if (FilterLiteral.TryParseBytes(value.Text, out bytes))
            return true;
        return Fail($"'{value.Text}' is not a valid byte string for {name} (aa:bb:cc, aa-bb-cc, aa.bb.cc, aabbcc or \"text\")", value.Start);
    }

    /// <summary>
    /// <c>&amp; MASK</c>: after a numeric field, later comparisons (or the bare test) see the occurrence and-ed with it;
    /// after bytes (a slice, a byte field), the bytes and-ed with the mask's bytes, over the shorter of the two.
    /// </summary>
    private bool ParseMask(string name, ref FilterNode node, Shape shape)
    {
        if (shape != Shape.Bytes && node.FieldKind is not (FieldKind.Decimal or FieldKind.Hex))
            return Fail($"'&' needs a numeric field or bytes; {name} is {Family(node.FieldKind)}", _token.Start);
        if (!ExpectValue(out var value))
            return false;
        if (shape == Shape.Bytes)
        {
            if (!TryByteLiteral(name, value, out node.ByteMask))
                return false;
            if (node.ByteMask.Length > MaxMaskBytes)
                return Fail($"a mask of more than {MaxMaskBytes} bytes", value.Start);
            Next();
            return true;
        }
        var mask = node;
        if (value.Kind != TokenKind.Word)
            return Fail($"'&' needs a number after it, not {value.Text}", value.Start);
        if (!FilterLiteral.TryParse(value.Text, node.Definitions![0], FilterRelation.Equal, ref mask, out string problem))
            return Fail(problem, value.Start);
        node.Masked = true;
        node.BitMask = mask.Number;
        Next();
        return true;
    }

    /// <summary>
    /// <c>in {A, B, LOW..HIGH, NET/PREFIX}</c> (or <c>not in</c>): an <c>or</c> of one test per member, each true when
    /// some occurrence equals the member or lies in its range. Members are separated by commas (tshark 4.0 refuses
    /// spaces alone); strings and bytes are members of sets of strings and bytes.
    /// </summary>
    private bool ParseSet(string name, FilterNode template, out int index)
    {
        index = -1;
        bool negated = _token.Kind == TokenKind.Not;
        if (negated)
            Next();
        Next(); // "in"
        if (_token.Kind != TokenKind.LeftBrace)
            return Fail($"expected '{{' after 'in' but found '{TokenText}'", _token.Start);
        while (true)
        {
            Next();
            if (_token.Kind is not (TokenKind.Word or TokenKind.String or TokenKind.Character))
                return Fail(_token.Kind == TokenKind.End ? "missing a value in the set" : $"expected a value in the set but found '{TokenText}'", _token.Start);
            if (!ParseMember(name, template, out int member))
                return false;
            index = index < 0 ? member : Add(new FilterNode { Kind = FilterNodeKind.Or, Left = index, Right = member });
            if (_token.Kind == TokenKind.RightBrace)
                break;
            if (_token.Kind != TokenKind.Comma)
                return Fail(_token.Kind == TokenKind.End ? "unclosed '{'" : $"expected ',' or '}}' but found '{TokenText}'", _token.Start);
        }
        Next();
        if (negated)
            index = Add(new FilterNode { Kind = FilterNodeKind.Not, Left = index });
        return _error is null;
    }

    /// <summary>One member (<c>A</c> or <c>LOW..HIGH</c>, the dots inside a word or between two values); leaves the token after it current.</summary>
    private bool ParseMember(string name, FilterNode template, out int index)
    {
        index = -1;
        var low = CurrentValue();
        Value? high = null;
        int dots = low.Kind == TokenKind.Word ? low.Text.IndexOf("..", StringComparison.Ordinal) : -1;
        if (dots >= 0)
        {
            high = low with { Text = low.Text[(dots + 2)..] };
            low = low with { Text = low.Text[..dots] };
            Next();
        }
        else
        {
            Next();
            if (_token.Kind == TokenKind.Word && TokenText.StartsWith("..", StringComparison.Ordinal))
            {
                if (TokenText.Length > 2)
                    high = CurrentValue() with { Text = TokenText[2..], Start = _token.Start + 2 };
                else
                {
                    Next();
                    if (_token.Kind is not (TokenKind.Word or TokenKind.String or TokenKind.Character))
                        return Fail($"expected the end of a range but found '{TokenText}'", _token.Start);
                    high = CurrentValue();
                }
                Next();
            }
        }
        var node = template;
        node.Relation = high is null ? FilterRelation.Equal : FilterRelation.Between;
        if (!ParseMemberValue(name, ref node, low))
            return false;
        if (high is { } end)
        {
            var upper = template;
            upper.Relation = FilterRelation.Between;
            if (!ParseMemberValue(name, ref upper, end))
                return false;
            node.High = upper.Number;
            node.AddressHigh = upper.Address;
            node.BytesHigh = upper.Bytes;
        }
        index = Add(node);
        return _error is null;
    }

    private bool ParseMemberValue(string name, ref FilterNode node, in Value value)
    {
        var shape = ShapeOf(node.FieldKind, node.Protocol, node.Slices is not null);
        if (shape is Shape.Number or Shape.Address && value.Kind == TokenKind.Word && value.Text.Length == 0)
            return Fail("a range needs a value on both sides of '..'", value.Start);
        return ParseLiteral(name, ref node, shape, value);
    }

    /// <summary>A value after an operator or in a set: a bare word, a quoted string or a character constant.</summary>
    private readonly record struct Value(TokenKind Kind, string Text, byte[] Bytes, int Start);

    private Value CurrentValue() => _token.Kind switch
    {
        TokenKind.String => new Value(TokenKind.String, TokenText, _literals[_token.Literal], _token.Start),
        TokenKind.Character => new Value(TokenKind.Character, TokenText, [(byte)_token.Literal], _token.Start),
        _ => new Value(TokenKind.Word, TokenText, [], _token.Start),
    };

    /// <summary>Moves past an operator to the value after it; false (with the error) when there is none.</summary>
    private bool ExpectValue(out Value value)
    {
        var op = _token;
        Next();
        value = CurrentValue();
        if (_token.Kind is TokenKind.Word or TokenKind.String or TokenKind.Character)
            return true;
        string symbol = _text.Substring(op.Start, op.Length);
        return _token.Kind == TokenKind.End
            ? Fail($"missing a value after '{symbol}'", _token.Start)
            : Fail($"expected a value after '{symbol}' but found '{TokenText}'", _token.Start);
    }

    private bool IsWord(string word) => _token.Kind == TokenKind.Word && _text.AsSpan(_token.Start, _token.Length).SequenceEqual(word);

    /// <summary>Whether the token after the current one is <paramref name="word"/>, without consuming anything.</summary>
    private bool PeekIsWord(string word)
    {
        var (token, position) = (_token, _position);
        Next();
        bool match = IsWord(word);
        (_token, _position) = (token, position);
        return match;
    }

    private static UInt128 MaskOf(FieldDefinition[] definitions) => FilterNode.MaskOf(definitions.Select(d => d.Layer));

    /// <summary>What a field's values are, for deciding whether two fields can be compared.</summary>
    private static string Family(FieldKind kind) => kind switch
    {
        FieldKind.Decimal or FieldKind.Hex => "a number",
        FieldKind.Boolean => "a flag",
        FieldKind.EpochTime => "a time",
        FieldKind.RelativeTime or FieldKind.Seconds => "a time span",
        FieldKind.SignedDecimal => "a number",
        FieldKind.Marker => "a marker",
        FieldKind.MacAddress => "a MAC address",
        FieldKind.Ipv4Address => "an IPv4 address",
        FieldKind.DnsName or FieldKind.Text or FieldKind.HttpText or FieldKind.BuiltText => "a string",
        FieldKind.Bytes => "bytes",
        _ => "an IPv6 address",
    };

    private static string UnknownName(string name, int position)
    {
        string message = $"unknown field '{name}' at {position}";
        string? hint = FilterHint.Closest(name);
        return hint is null ? message : $"{message} (did you mean '{hint}'?)";
    }

    private int Add(FilterNode node)
    {
        if (_nodes.Count == MaxNodes)
            Fail($"the filter has more than {MaxNodes} tests", _token.Start);
        _nodes.Add(node);
        return _nodes.Count - 1;
    }

    private bool Fail(string message, int position, bool withPosition = true)
    {
        _error ??= new FilterError(withPosition ? $"{message} at {position}" : message, position);
        return false;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '/' or '-';

    private void Next()
    {
        var text = _text;
        int i = _position;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        if (i >= text.Length)
        {
            _token = new Token(TokenKind.End, text.Length, 0);
            _position = i;
            return;
        }
        char c = text[i];
        char n = i + 1 < text.Length ? text[i + 1] : '\0';
        char n2 = i + 2 < text.Length ? text[i + 2] : '\0';
        _token = c switch
        {
            '(' => new Token(TokenKind.LeftParen, i, 1),
            ')' => new Token(TokenKind.RightParen, i, 1),
            '&' when n == '&' => new Token(TokenKind.And, i, 2),
            '&' => new Token(TokenKind.BitAnd, i, 1),
            '{' => new Token(TokenKind.LeftBrace, i, 1),
            '}' => new Token(TokenKind.RightBrace, i, 1),
            ',' => new Token(TokenKind.Comma, i, 1),
            '|' when n == '|' => new Token(TokenKind.Or, i, 2),
            '!' when n == '=' && n2 == '=' => new Token(TokenKind.Relation, i, 3, FilterRelation.AnyNotEqual),
            '!' when n == '=' => new Token(TokenKind.Relation, i, 2, FilterRelation.NotEqual),
            '!' => new Token(TokenKind.Not, i, 1),
            '~' when n == '=' => new Token(TokenKind.Relation, i, 2, FilterRelation.AnyNotEqual),
            '~' => new Token(TokenKind.Relation, i, 1, FilterRelation.Matches),
            '"' => QuotedString(i),
            'r' or 'R' when n == '"' => QuotedString(i),
            '\'' => Character(i),
            '[' => Slice(i),
            '=' when n == '=' => new Token(TokenKind.Relation, i, 2, FilterRelation.Equal),
            '<' when n == '=' => new Token(TokenKind.Relation, i, 2, FilterRelation.LessOrEqual),
            '<' => new Token(TokenKind.Relation, i, 1, FilterRelation.Less),
            '>' when n == '=' => new Token(TokenKind.Relation, i, 2, FilterRelation.GreaterOrEqual),
            '>' => new Token(TokenKind.Relation, i, 1, FilterRelation.Greater),
            _ when IsWordChar(c) => Word(i),
            _ => new Token(TokenKind.Bad, i, n == c ? 2 : 1),
        };
        _position = _token.Start + _token.Length;
    }

    private Token QuotedString(int start)
    {
        if (!FilterStringLiteral.TryRead(_text, start, out var bytes, out int end, out string error, out int at))
        {
            Fail(error, at);
            return new Token(TokenKind.Bad, start, end - start);
        }
        _literals.Add(bytes);
        return new Token(TokenKind.String, start, end - start, Literal: _literals.Count - 1);
    }

    private Token Character(int start)
    {
        if (!FilterStringLiteral.TryReadCharacter(_text, start, out byte value, out int end, out string error))
        {
            Fail(error, start);
            return new Token(TokenKind.Bad, start, end - start);
        }
        return new Token(TokenKind.Character, start, end - start, Literal: value);
    }

    /// <summary>A slice's brackets and what is between them, read as one token (<c>[0:2, -1]</c>).</summary>
    private Token Slice(int start)
    {
        int close = _text.IndexOf(']', start + 1);
        if (close < 0)
        {
            Fail("the closing ']' is missing from a slice", start);
            return new Token(TokenKind.Bad, start, _text.Length - start);
        }
        return new Token(TokenKind.Slice, start, close - start + 1);
    }

    private Token Word(int start)
    {
        int end = start;
        while (end < _text.Length && IsWordChar(_text[end]))
            end++;
        var word = _text.AsSpan(start, end - start);
        return word switch
        {
            _ when Keyword(word, "and") => new Token(TokenKind.And, start, end - start),
            _ when Keyword(word, "or") => new Token(TokenKind.Or, start, end - start),
            _ when Keyword(word, "not") => new Token(TokenKind.Not, start, end - start),
            _ when Keyword(word, "eq") => new Token(TokenKind.Relation, start, end - start, FilterRelation.Equal),
            _ when Keyword(word, "ne") => new Token(TokenKind.Relation, start, end - start, FilterRelation.NotEqual),
            _ when Keyword(word, "lt") => new Token(TokenKind.Relation, start, end - start, FilterRelation.Less),
            _ when Keyword(word, "le") => new Token(TokenKind.Relation, start, end - start, FilterRelation.LessOrEqual),
            _ when Keyword(word, "gt") => new Token(TokenKind.Relation, start, end - start, FilterRelation.Greater),
            _ when Keyword(word, "ge") => new Token(TokenKind.Relation, start, end - start, FilterRelation.GreaterOrEqual),
            _ when Keyword(word, "contains") => new Token(TokenKind.Relation, start, end - start, FilterRelation.Contains),
            _ when Keyword(word, "matches") => new Token(TokenKind.Relation, start, end - start, FilterRelation.Matches),
            _ => new Token(TokenKind.Word, start, end - start),
        };
    }

    /// <summary>Keywords are lowercase only, as in tshark ("AND" is an error there too).</summary>
    private static bool Keyword(ReadOnlySpan<char> word, string keyword) => word.SequenceEqual(keyword);
}
