using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Filters;

/// <summary>Turns the text after a comparison operator into the value a field of a given kind is compared with.</summary>
internal static class FilterLiteral
{
    /// <summary>
    /// Parses <paramref name="text"/> for <paramref name="field"/>; on failure <paramref name="error"/> says why
    /// (without the position, which the parser adds).
    /// </summary>
    public static bool TryParse(string text, FieldDefinition field, FilterRelation relation, ref FilterNode node, out string error)
    {
        error = "";
        switch (field.Kind)
        {
            case FieldKind.Decimal:
            case FieldKind.Hex:
                if (!TryParseInteger(text, out node.Number) && !TryParseValueName(text, field, out node.Number))
                {
                    error = $"'{text}' is not a valid number for {field.Name}";
                    return false;
                }
                ulong max = MaxValue(field);
                if (node.Number > max)
                {
                    error = $"'{text}' is too big for {field.Name}, maximum {max}";
                    return false;
                }
                return true;
            case FieldKind.Boolean:
                if (text == "True")
                    node.Number = 1;
                else if (text == "False")
                    node.Number = 0;
                else if (TryParseInteger(text, out ulong flag))
                    node.Number = flag != 0 ? 1UL : 0UL;
                else
                {
                    error = $"'{text}' is not a valid value for the flag {field.Name} (1, 0, True or False)";
                    return false;
                }
                return true;
            case FieldKind.Seconds:
                if (!TryParseSeconds(text, out node.Number))
                {
                    error = $"'{text}' is not a valid time for {field.Name} (seconds, e.g. 2.5)";
                    return false;
                }
                return true;
            case FieldKind.EpochTime:
                if (!TryParseSeconds(text, out node.Number))
                {
                    error = $"'{text}' is not a valid time for {field.Name} (seconds since the epoch, e.g. 1700000000.5)";
                    return false;
                }
                return true;
            case FieldKind.RelativeTime:
            {
                bool negative = text.StartsWith('-');
                if (!TryParseSeconds(negative ? text[1..] : text, out ulong span))
                {
                    error = $"'{text}' is not a valid time span for {field.Name} (seconds, e.g. 2.5)";
                    return false;
                }
                node.Number = negative ? (ulong)-(long)span : span;
                return true;
            }
            case FieldKind.SignedDecimal:
            {
                bool negative = text.StartsWith('-');
                if (!TryParseInteger(negative ? text[1..] : text, out ulong magnitude) || magnitude > int.MaxValue)
                {
                    error = $"'{text}' is not a valid number for {field.Name}";
                    return false;
                }
                node.Number = negative ? (ulong)-(long)magnitude : magnitude;
                return true;
            }
            case FieldKind.MacAddress:
                node.Address = new byte[6];
                node.PrefixBits = 48;
                if (!TryParseMac(text, node.Address))
                {
                    error = $"'{text}' is not a valid MAC address (aa:bb:cc:dd:ee:ff)";
                    return false;
                }
                return true;
            case FieldKind.Ipv4Address:
                return TryParseAddress(text, 4, relation, ref node, out error);
            case FieldKind.Ipv6Address:
                return TryParseAddress(text, 16, relation, ref node, out error);
            case FieldKind.Marker:
                error = $"{field.Name} has no value: test it for presence alone (\"{field.Name}\")";
                return false;
            default:
                error = $"{field.Name} cannot be compared";
                return false;
        }
    }

    /// <summary>The largest value a field can hold, as tshark bounds it: by the width of the field's type (not its mask).</summary>
    private static ulong MaxValue(FieldDefinition field) => field.Computed switch
    {
        ComputedField.None => field.Size is > 0 and < 8 ? (1UL << (8 * field.Size)) - 1 : ulong.MaxValue,
        ComputedField.Ports or ComputedField.Ipv4TotalLength or ComputedField.TcpMaximumSegmentSize => ushort.MaxValue,
        ComputedField.Ipv4HeaderLength or ComputedField.TcpHeaderLength or ComputedField.TcpOptionKind
            or ComputedField.TcpOptionLength or ComputedField.TcpWindowScaleShift => byte.MaxValue,
        _ => ulong.MaxValue,
    };

    /// <summary>Decimal, 0x hexadecimal, 0b binary or leading-zero octal, as Wireshark reads integers.</summary>
    internal static bool TryParseInteger(string text, out ulong value)
    {
        value = 0;
        if (text.Length == 0)
            return false;
        if (text.Length > 2 && text[0] == '0' && (text[1] is 'x' or 'X'))
            return ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        if (text.Length > 2 && text[0] == '0' && (text[1] is 'b' or 'B'))
            return TryParseRadix(text.AsSpan(2), 2, out value);
        if (text.Length > 1 && text[0] == '0')
            return TryParseRadix(text.AsSpan(1), 8, out value);
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
                return false;
        }
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseRadix(ReadOnlySpan<char> digits, int radix, out ulong value)
    {
        value = 0;
        foreach (char c in digits)
        {
            int d = c - '0';
            if (d < 0 || d >= radix)
                return false;
            ulong next = value * (ulong)radix + (ulong)d;
            if (next / (ulong)radix != value)
                return false; // overflow
            value = next;
        }
        return digits.Length > 0;
    }

    /// <summary>Seconds since the epoch with up to nine decimals, as nanoseconds.</summary>
    internal static bool TryParseSeconds(string text, out ulong nanoseconds)
    {
        nanoseconds = 0;
        int dot = text.IndexOf('.');
        var whole = dot < 0 ? text.AsSpan() : text.AsSpan(0, dot);
        var fraction = dot < 0 ? [] : text.AsSpan(dot + 1);
        if (whole.Length == 0 || fraction.Length > 9 || (dot >= 0 && fraction.Length == 0))
            return false;
        if (!ulong.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seconds) || seconds > long.MaxValue / 1_000_000_000)
            return false;
        ulong nanos = 0;
        for (int i = 0; i < 9; i++)
        {
            int d = i < fraction.Length ? fraction[i] - '0' : 0;
            if (d is < 0 or > 9)
                return false;
            nanos = nanos * 10 + (ulong)d;
        }
        nanoseconds = seconds * 1_000_000_000 + nanos;
        return true;
    }

    /// <summary>
    /// A byte string as Wireshark 4.0 reads one for bytes: hex pairs (or single digits) separated by ':', '-' or '.'
    /// (<c>47:45:54</c>, <c>:47</c>), hex digits alone (<c>474554</c>; pairs from the left, an odd last digit a byte of
    /// its own: <c>474</c> is 47:04), or a number up to 0xff written in C (<c>0x47</c>) for one byte.
    /// </summary>
    internal static bool TryParseBytes(string text, out byte[] bytes)
    {
        bytes = [];
        var body = text.StartsWith(':') ? text.AsSpan(1) : text.AsSpan();
        if (body.Length == 0)
            return false;
        if (body.Length > 2 && body[0] == '0' && (body[1] is 'x' or 'X'))
        {
            if (!TryParseInteger(text, out ulong number) || number > byte.MaxValue)
                return false;
            bytes = [(byte)number];
            return true;
        }
        int separator = body.IndexOfAny(":-.");
        if (separator < 0)
        {
            if (body.ContainsAnyExcept("0123456789abcdefABCDEF"))
                return false;
            bytes = new byte[(body.Length + 1) / 2];
            for (int i = 0; i < bytes.Length; i++)
                bytes[i] = byte.Parse(body.Slice(2 * i, Math.Min(2, body.Length - 2 * i)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            return true;
        }
        var groups = body.ToString().Split(body[separator]);
        bytes = new byte[groups.Length];
        for (int i = 0; i < groups.Length; i++)
        {
            if (groups[i].Length is < 1 or > 2 || !byte.TryParse(groups[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
                return false;
        }
        return true;
    }

    /// <summary>Six bytes as hex pairs separated by ':' or '-', three groups of four separated by '.', or twelve digits.</summary>
    internal static bool TryParseMac(string text, Span<byte> mac)
    {
        if (text.Length == 12)
            return Convert.FromHexString(text, mac, out _, out int written) == System.Buffers.OperationStatus.Done && written == 6;
        if (text.Length == 14 && text[4] == '.' && text[9] == '.')
            return TryParseMac(string.Concat(text.AsSpan(0, 4), text.AsSpan(5, 4), text.AsSpan(10, 4)), mac);
        char separator = text.Contains(':') ? ':' : '-';
        var parts = text.Split(separator);
        if (parts.Length != 6)
            return false;
        for (int i = 0; i < 6; i++)
        {
            if (parts[i].Length is < 1 or > 2 || !byte.TryParse(parts[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out mac[i]))
                return false;
        }
        return true;
    }

    private static bool TryParseAddress(string text, int size, FilterRelation relation, ref FilterNode node, out string error)
    {
        error = "";
        string family = size == 4 ? "IPv4" : "IPv6";
        int slash = text.IndexOf('/');
        string address = slash < 0 ? text : text[..slash];
        node.Address = new byte[size];
        node.PrefixBits = size * 8;
        if (slash >= 0)
        {
            if (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out node.PrefixBits) || node.PrefixBits > size * 8)
            {
                error = $"'{text[(slash + 1)..]}' is not a valid {family} prefix length (0 to {size * 8})";
                return false;
            }
            if (relation is not (FilterRelation.Equal or FilterRelation.NotEqual or FilterRelation.AnyNotEqual))
            {
                error = relation == FilterRelation.Between
                    ? $"a range cannot end in a network ('{text}')"
                    : $"a network ('{text}') can only be compared with == or !=";
                return false;
            }
        }
        bool ok = size == 4 ? TryParseIpv4(address, node.Address) : TryParseIpv6(address, node.Address);
        if (!ok)
            error = $"'{address}' is not a valid {family} address";
        return ok;
    }

    /// <summary>Exactly four dotted decimal octets (no shorthand forms).</summary>
    internal static bool TryParseIpv4(string text, Span<byte> address)
    {
        var parts = text.Split('.');
        if (parts.Length != 4)
            return false;
        for (int i = 0; i < 4; i++)
        {
            if (parts[i].Length is < 1 or > 3 || !byte.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out address[i]))
                return false;
        }
        return true;
    }

    internal static bool TryParseIpv6(string text, Span<byte> address)
    {
        if (!text.Contains(':') || text.Contains('%') || !IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
            return false;
        return parsed.TryWriteBytes(address, out _);
    }

    /// <summary>A value named as tshark's filters accept it, for the fields whose values have names RawNet knows (the expert severity and group).</summary>
    public static bool TryParseValueName(string name, FieldDefinition field, out ulong value)
    {
        uint code = 0;
        bool known = ReferenceEquals(field, RawNet.Protocols.Expert.ExpertFields.Severity) ? RawNet.Protocols.Expert.ExpertItems.TryParseSeverity(name, out code)
            : ReferenceEquals(field, RawNet.Protocols.Expert.ExpertFields.Group) && RawNet.Protocols.Expert.ExpertItems.TryParseGroup(name, out code);
        value = code;
        return known;
    }
}
