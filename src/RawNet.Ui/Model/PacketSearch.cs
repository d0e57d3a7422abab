using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RawNet.Output.Filters;

namespace RawNet.Ui.Model;

/// <summary>What a search looks for (Wireshark's Find Packet: display filter, hex value, string, regular expression).</summary>
public enum SearchKind : byte
{
    String,
    Hex,
    Regex,
    DisplayFilter,
}

/// <summary>Where a string or regular expression search looks (Wireshark's packet list, packet details, packet bytes).</summary>
public enum SearchTarget : byte
{
    List,
    Details,
    Bytes,
}

/// <summary>
/// A compiled search of the UI's Find (Ctrl-F, then <c>n</c> / <c>N</c>): a string (ignoring case), hex bytes, a regular
/// expression or a display filter, tested on one packet's list row, layer tree or bytes. Hex bytes are always sought in
/// the bytes and a display filter in the packet, as in Wireshark.
/// </summary>
public sealed class PacketSearch
{
    private static readonly TimeSpan RegexBudget = TimeSpan.FromMilliseconds(200);

    private readonly byte[] _bytes = [];
    private readonly Regex? _regex;
    private readonly DisplayFilter? _filter;

    private PacketSearch(SearchKind kind, SearchTarget target, string text, byte[] bytes, Regex? regex, DisplayFilter? filter)
    {
        Kind = kind;
        Target = kind == SearchKind.Hex ? SearchTarget.Bytes : target;
        Text = text;
        _bytes = bytes;
        _regex = regex;
        _filter = filter;
    }

    /// <summary>What is sought.</summary>
    public SearchKind Kind { get; }

    /// <summary>Where.</summary>
    public SearchTarget Target { get; }

    /// <summary>The text as typed.</summary>
    public string Text { get; }

    /// <summary>The next kind, wrapping round.</summary>
    public static SearchKind Next(SearchKind kind) => (SearchKind)(((int)kind + 1) % 4);

    /// <summary>The next target, wrapping round.</summary>
    public static SearchTarget Next(SearchTarget target) => (SearchTarget)(((int)target + 1) % 3);

    /// <summary>The kind's name as the search bar shows it.</summary>
    public static string Name(SearchKind kind) => kind switch
    {
        SearchKind.Hex => "hex",
        SearchKind.Regex => "regex",
        SearchKind.DisplayFilter => "display filter",
        _ => "string",
    };

    /// <summary>The target's name as the search bar shows it.</summary>
    public static string Name(SearchTarget target) => target switch
    {
        SearchTarget.Details => "details",
        SearchTarget.Bytes => "bytes",
        _ => "list",
    };

    /// <summary>Compiles <paramref name="text"/>; false with one line saying what is wrong with it.</summary>
    public static bool TryCreate(SearchKind kind, SearchTarget target, string text, out PacketSearch search, out string? problem)
    {
        search = null!;
        problem = null;
        if (text.Length == 0)
        {
            problem = "type what to find";
            return false;
        }
        switch (kind)
        {
            case SearchKind.Hex:
                if (!TryParseHex(text, out var bytes))
                {
                    problem = "hex bytes are pairs of hex digits, optionally separated by spaces or colons (de ad be ef, 45:00)";
                    return false;
                }
                search = new PacketSearch(kind, target, text, bytes, null, null);
                return true;
            case SearchKind.Regex:
                try
                {
                    search = new PacketSearch(kind, target, text, [], new Regex(text, RegexOptions.CultureInvariant, RegexBudget), null);
                    return true;
                }
                catch (ArgumentException e)
                {
                    problem = "regular expression: " + e.Message;
                    return false;
                }
            case SearchKind.DisplayFilter:
                if (!DisplayFilter.TryParse(text, out var filter, out var error) || filter is null)
                {
                    problem = $"display filter at {error?.Position}: {error?.Message}";
                    return false;
                }
                search = new PacketSearch(kind, target, text, [], null, filter);
                return true;
            default:
                search = new PacketSearch(kind, target, text, [], null, null);
                return true;
        }
    }

    /// <summary>Whether frame <paramref name="frame"/> of <paramref name="source"/> matches (it is decoded, with its analysis, as needed).</summary>
    public bool Matches(PacketSource source, int frame)
    {
        switch (Kind)
        {
            case SearchKind.DisplayFilter:
                var packet = source.Decode(frame);
                return _filter!.Matches(packet, source.Frame);
            case SearchKind.Hex:
                source.Decode(frame);
                return source.Frame.IndexOf(_bytes) >= 0;
        }
        switch (Target)
        {
            case SearchTarget.Bytes:
                source.Decode(frame);
                return Found(Encoding.Latin1.GetString(source.Frame));
            case SearchTarget.Details:
                var layers = source.Decode(frame).LayerCount;
                var all = new HashSet<int>(Enumerable.Range(0, layers));
                foreach (var line in source.Tree(frame, all))
                {
                    if (Found(line.Text))
                        return true;
                }
                return false;
            default:
                var row = source.Row(frame);
                return Found(row.Number.ToString(CultureInfo.InvariantCulture)) || Found(row.Source) || Found(row.Destination)
                    || Found(row.Protocol) || Found(row.Info);
        }
    }

    private bool Found(string haystack)
    {
        if (_regex is null)
            return haystack.Contains(Text, StringComparison.OrdinalIgnoreCase);
        try
        {
            return _regex.IsMatch(haystack);
        }
        catch (RegexMatchTimeoutException)
        {
            return false; // a pathological pattern on this text: no match rather than a hang
        }
    }

    private static bool TryParseHex(string text, out byte[] bytes)
    {
        var digits = new StringBuilder();
        foreach (char c in text)
        {
            if (c is ' ' or ':' or '-')
                continue;
            if (!char.IsAsciiHexDigit(c))
            {
                bytes = [];
                return false;
            }
            digits.Append(c);
        }
        if (digits.Length == 0 || digits.Length % 2 != 0)
        {
            bytes = [];
            return false;
        }
        bytes = Convert.FromHexString(digits.ToString());
        return true;
    }
}
