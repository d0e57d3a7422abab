using System.Diagnostics.CodeAnalysis;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Filters;

/// <summary>
/// Recursive-descent parser for the display-filter grammar (precedence: <c>not</c> over <c>and</c> over <c>or</c>),
/// emitting nodes into a flat list. Names resolve against <see cref="FieldCatalog"/> only.
/// </summary>
internal sealed class FilterParser
{
    private const int MaxDepth = 200;
    private const int MaxNodes = 4096;

    private enum TokenKind : byte { End, Word, LeftParen, RightParen, LeftBrace, RightBrace, Comma, And, Or, Not, Relation, BitAnd, Bad }

    private readonly record struct Token(TokenKind Kind, int Start, int Length, FilterRelation Relation = default);

    private readonly string _text;
    private readonly List<FilterNode> _nodes = [];
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
        if (!char.IsAsciiLetter(name[0]))
            return Fail($"expected a field or protocol name but found '{name}'", nameStart);
        Next();
        bool isField = FieldCatalog.TryFind(name, out var definitions);
        LayerKind[]? protocols = null;
        if (!isField && !FieldCatalog.TryFindProtocol(name, out protocols))
            return Fail(UnknownName(name, nameStart), nameStart, withPosition: false);

        bool isSet = IsWord("in") || (_token.Kind == TokenKind.Not && PeekIsWord("in"));
        if (_token.Kind is not (TokenKind.Relation or TokenKind.BitAnd) && !isSet)
        {
            index = isField
                ? Add(new FilterNode { Kind = FilterNodeKind.FieldPresent, Definitions = definitions, LayerMask = MaskOf(definitions) })
                : Add(new FilterNode { Kind = FilterNodeKind.ProtocolPresent, LayerMask = FilterNode.MaskOf(protocols!) });
            return true;
        }
        if (!isField)
            return Fail($"'{name}' is a protocol, not a field: it can only be tested for presence", nameStart);
        var node = new FilterNode
        {
            Kind = FilterNodeKind.Compare,
            Definitions = definitions,
            LayerMask = MaskOf(definitions),
            FieldKind = definitions[0].Kind,
        };
        if (isSet)
            return ParseSet(name, node, out index);
        if (_token.Kind == TokenKind.BitAnd && !ParseMask(name, ref node))
            return false;
        if (_token.Kind != TokenKind.Relation)
        {
            node.Relation = FilterRelation.AnyBitSet; // "field & MASK" alone
            index = Add(node);
            return true;
        }
        node.Relation = _token.Relation;
        if (!ExpectValue(out string literal))
            return false;
        if (FieldCatalog.TryFind(literal, out var other) && !node.Masked)
        {
            if (definitions[0].Kind is FieldKind.DnsName or FieldKind.Text)
                return Fail($"{name} cannot be compared", _token.Start);
            if (Family(definitions[0].Kind) != Family(other[0].Kind))
                return Fail($"{name} ({Family(definitions[0].Kind)}) cannot be compared with {literal} ({Family(other[0].Kind)})", _token.Start);
            Next();
            node.Kind = FilterNodeKind.CompareFields;
            node.OtherDefinitions = other;
            node.OtherLayerMask = MaskOf(other);
            index = Add(node);
            return true;
        }
        if (!FilterLiteral.TryParse(literal, definitions[0], node.Relation, ref node, out string problem))
            return Fail(problem, _token.Start);
        Next();
        index = Add(node);
        return true;
    }

    /// <summary><c>&amp; MASK</c> after a numeric field: later comparisons (or the bare test) see the occurrence and-ed with it.</summary>
    private bool ParseMask(string name, ref FilterNode node)
    {
        if (node.FieldKind is not (FieldKind.Decimal or FieldKind.Hex))
            return Fail($"'&' needs a numeric field; {name} is {Family(node.FieldKind)}", _token.Start);
        if (!ExpectValue(out string literal))
            return false;
        var mask = node;
        if (!FilterLiteral.TryParse(literal, node.Definitions![0], FilterRelation.Equal, ref mask, out string problem))
            return Fail(problem, _token.Start);
        node.Masked = true;
        node.BitMask = mask.Number;
        Next();
        return true;
    }

    /// <summary>
    /// <c>in {A, B, LOW..HIGH, NET/PREFIX}</c> (or <c>not in</c>): an <c>or</c> of one test per member, each true when
    /// some occurrence equals the member or lies in its range.
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
            if (_token.Kind != TokenKind.Word)
                return Fail(_token.Kind == TokenKind.End ? "missing a value in the set" : $"expected a value in the set but found '{TokenText}'", _token.Start);
            if (!ParseMember(name, template, out int member))
                return false;
            index = index < 0 ? member : Add(new FilterNode { Kind = FilterNodeKind.Or, Left = index, Right = member });
            Next();
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

    private bool ParseMember(string name, FilterNode template, out int index)
    {
        index = -1;
        string text = TokenText;
        var node = template;
        int dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            node.Relation = FilterRelation.Equal;
            if (!FilterLiteral.TryParse(text, template.Definitions![0], FilterRelation.Equal, ref node, out string problem))
                return Fail(problem, _token.Start);
            index = Add(node);
            return _error is null;
        }
        node.Relation = FilterRelation.Between;
        var high = template;
        if (!FilterLiteral.TryParse(text[..dots], template.Definitions![0], FilterRelation.Between, ref node, out string low)
            || !FilterLiteral.TryParse(text[(dots + 2)..], template.Definitions![0], FilterRelation.Between, ref high, out low))
            return Fail(low, _token.Start);
        node.High = high.Number;
        node.AddressHigh = high.Address;
        index = Add(node);
        return _error is null;
    }

    /// <summary>Moves past an operator to the value after it; false (with the error) when there is none.</summary>
    private bool ExpectValue(out string literal)
    {
        var op = _token;
        Next();
        literal = TokenText;
        if (_token.Kind == TokenKind.Word)
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

    private static ulong MaskOf(FieldDefinition[] definitions) => FilterNode.MaskOf(definitions.Select(d => d.Layer));

    /// <summary>What a field's values are, for deciding whether two fields can be compared.</summary>
    private static string Family(FieldKind kind) => kind switch
    {
        FieldKind.Decimal or FieldKind.Hex => "a number",
        FieldKind.Boolean => "a flag",
        FieldKind.EpochTime => "a time",
        FieldKind.RelativeTime => "a time span",
        FieldKind.SignedDecimal => "a number",
        FieldKind.Marker => "a marker",
        FieldKind.MacAddress => "a MAC address",
        FieldKind.Ipv4Address => "an IPv4 address",
        FieldKind.DnsName or FieldKind.Text => "a string",
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
            _ => new Token(TokenKind.Word, start, end - start),
        };
    }

    /// <summary>Keywords are lowercase only, as in tshark ("AND" is an error there too).</summary>
    private static bool Keyword(ReadOnlySpan<char> word, string keyword) => word.SequenceEqual(keyword);
}
