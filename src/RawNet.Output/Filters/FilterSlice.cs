using System.Globalization;

namespace RawNet.Output.Filters;

/// <summary>
/// One range of a slice: <see cref="Start"/> bytes in (from the end when negative) and <see cref="Length"/> bytes long,
/// or to the end when <see cref="ToEnd"/>.
/// </summary>
internal readonly record struct SliceRange(int Start, int Length, bool ToEnd)
{
    /// <summary>
    /// The range of a value <paramref name="length"/> bytes long, as tshark takes it: absent when it starts before the
    /// value or reaches past it (<c>[i:]</c> needs at least one byte).
    /// </summary>
    public bool TryLocate(int length, out int offset, out int count)
    {
        offset = Start < 0 ? length + Start : Start;
        count = ToEnd ? length - offset : Length;
        return offset >= 0 && count > 0 && offset <= length - count;
    }
}

/// <summary>
/// The brackets after a field or protocol (<c>frame[12:2]</c>), as Wireshark 4.0 reads them: <c>[i:j]</c> j bytes from
/// offset i, <c>[i-j]</c> offsets i to j, <c>[i]</c> one byte, <c>[:j]</c> the first j, <c>[i:]</c> from i to the end,
/// a negative offset counting from the end, several ranges joined by commas.
/// </summary>
internal static class FilterSlice
{
    /// <summary>Parses the text between the brackets; false with the reason (without a position).</summary>
    public static bool TryParse(string text, out SliceRange[] ranges, out string error)
    {
        error = "";
        var parts = text.Split(',');
        ranges = new SliceRange[parts.Length];
        for (int p = 0; p < parts.Length; p++)
        {
            if (!TryParseRange(parts[p].Trim(), out ranges[p], out error))
                return false;
        }
        return true;
    }

    private static bool TryParseRange(string range, out SliceRange result, out string error)
    {
        result = default;
        error = "";
        if (range.Length == 0)
        {
            error = "a slice needs a range ([offset:length], [start-end], [offset], [:length] or [offset:])";
            return false;
        }
        int colon = range.IndexOf(':');
        if (colon >= 0)
        {
            string offset = range[..colon].Trim(), length = range[(colon + 1)..].Trim();
            int start = 0, count = 0;
            if ((offset.Length > 0 && !TryNumber(offset, out start, out error)) || (length.Length > 0 && !TryNumber(length, out count, out error)))
                return false;
            if (length.Length > 0 && count <= 0)
            {
                error = $"the range {range} is not valid: its length {count} is not positive";
                return false;
            }
            result = new SliceRange(start, count, ToEnd: length.Length == 0);
            return true;
        }
        // start-end, where start may itself be negative ("-4--1").
        int dash = range.IndexOf('-', range.StartsWith('-') ? 1 : 0);
        if (dash > 0)
        {
            if (!TryNumber(range[..dash].Trim(), out int first, out error) || !TryNumber(range[(dash + 1)..].Trim(), out int last, out error))
                return false;
            if (first < 0 != last < 0)
            {
                error = $"the range {range} is not valid: {first} and {last} have different signs";
                return false;
            }
            if (first >= last)
            {
                error = $"the range {range} is not valid: {first} is not less than {last}";
                return false;
            }
            result = new SliceRange(first, last - first + 1, ToEnd: false);
            return true;
        }
        if (!TryNumber(range, out int single, out error))
            return false;
        result = new SliceRange(single, 1, ToEnd: false);
        return true;
    }

    private static bool TryNumber(string text, out int value, out string error)
    {
        error = "";
        bool negative = text.StartsWith('-');
        var digits = negative ? text.AsSpan(1) : text.AsSpan();
        if (digits.Length == 0 || digits.ContainsAnyExceptInRange('0', '9'))
        {
            error = $"'{text}' is not a valid slice offset or length";
            value = 0;
            return false;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            error = $"'{text}' is too big for a slice";
            return false;
        }
        return true;
    }
}
