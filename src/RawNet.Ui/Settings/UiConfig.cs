using System.Globalization;
using System.Text;
using RawNet.Output.Columns;
using RawNet.Output.Filters;
using RawNet.Ui.Model;
using RawNet.Ui.Theming;

namespace RawNet.Ui.Settings;

/// <summary>
/// The settings of <c>ui.conf</c>: theme, colour depth, layout and the user's colouring rules, read from text that may be
/// anything (the file is the user's, but a bad edit, a binary file or a symlink to somewhere else must not stop the UI).
/// Every line that cannot be used becomes one problem naming the file and the line, and is otherwise ignored.
/// </summary>
/// <remarks>
/// The format, one setting a line (a line whose first non-blank character is <c>#</c> is a comment):
/// <code>
/// theme = dark | light | high-contrast
/// colors = auto | none | 16 | 256 | truecolor
/// layout = stacked | side-by-side | maximized
/// panes = 40 30 30            (shares of the rows: packets, details, bytes; percent)
/// details-width = auto | 62.5  (side by side: the details' share of the width, percent; auto leaves the bytes 16 a line)
/// columns = No.,Time,Source,Destination,Protocol,Length,Info,tcp.window_size   (the packet list's, any field)
/// color = FG on BG if FILTER  (a colouring rule; FG and BG are #rrggbb or a colour name)
/// </code>
/// </remarks>
public sealed class UiConfig
{
    /// <summary>The largest file read (a config file is a few lines; anything bigger is not one).</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The longest line used.</summary>
    public const int MaxLineLength = 1000;

    /// <summary>The most colouring rules kept (each one is evaluated for every row drawn).</summary>
    public const int MaxRules = 64;

    /// <summary>The settings' names, for messages.</summary>
    public const string Keys = "theme, colors, layout, panes, details-width, columns, color";

    private static readonly Dictionary<string, (byte Red, byte Green, byte Blue)> ColorNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["black"] = (0, 0, 0), ["white"] = (255, 255, 255), ["grey"] = (128, 128, 128), ["gray"] = (128, 128, 128),
        ["red"] = (205, 0, 0), ["green"] = (0, 160, 0), ["yellow"] = (255, 255, 0), ["blue"] = (0, 0, 238),
        ["magenta"] = (205, 0, 205), ["cyan"] = (0, 205, 205), ["orange"] = (255, 165, 0),
    };

    /// <summary>The theme asked for, or null.</summary>
    public Theme? Theme { get; private set; }

    /// <summary>The colour depth asked for (null: detect).</summary>
    public ColorDepth? Colors { get; private set; }

    /// <summary>The arrangement asked for, or null.</summary>
    public LayoutKind? Layout { get; private set; }

    /// <summary>The panes' shares as written ("40 30 30"), or null.</summary>
    public string? Panes { get; private set; }

    /// <summary>The details' width side by side as written ("auto", "60"), or null.</summary>
    public string? DetailsWidth { get; private set; }

    /// <summary>The packet list's columns asked for, or null.</summary>
    public ListColumns? Columns { get; private set; }

    /// <summary>The user's colouring rules, in the file's order.</summary>
    public List<ColoringRule> Rules { get; } = [];

    /// <summary>One line per line that could not be used: <c>FILE:LINE: what is wrong</c>.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Reads the settings in <paramref name="text"/>; <paramref name="name"/> names the file in problems.</summary>
    public static UiConfig Parse(string text, string name)
    {
        var config = new UiConfig();
        int number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            string? problem = config.Take(line);
            if (problem is not null)
                config.Problems.Add($"{name}:{number}: {problem}");
        }
        return config;
    }

    /// <summary>Reads the settings from the bytes of a file: text that is not UTF-8, or too big, is one problem and no settings.</summary>
    public static UiConfig Parse(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length > MaxBytes)
            return Failed(name, $"larger than {MaxBytes / 1024} KiB: not a settings file; defaults used");
        // A byte-order mark is allowed (some editors write one).
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Failed(name, "not UTF-8 text; defaults used");
        }
        return Parse(text, name);
    }

    /// <summary>A config that holds only <paramref name="problem"/> about <paramref name="name"/>.</summary>
    public static UiConfig Failed(string name, string problem)
    {
        var config = new UiConfig();
        config.Problems.Add($"{name}: {problem}");
        return config;
    }

    private string? Take(string line)
    {
        if (line.Length > MaxLineLength)
            return $"line longer than {MaxLineLength} characters; ignored";
        foreach (char c in line)
        {
            if (char.IsControl(c) && c != '\t')
                return "control character in the line; ignored";
        }
        int equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
            return $"expected 'setting = value' ({Keys}), not '{Quote(line)}'";
        string key = line[..equals].Trim().ToLowerInvariant();
        string value = line[(equals + 1)..].Trim();
        switch (key)
        {
            case "theme":
                Theme = Theming.Theme.Find(value);
                return Theme is null ? $"unknown theme '{Quote(value)}' ({Theming.Theme.Choices})" : null;
            case "colors" or "colours":
                if (!ColorDepths.TryParse(value, out var depth))
                    return $"unknown colors '{Quote(value)}' ({ColorDepths.Choices})";
                Colors = depth;
                return null;
            case "layout":
                Layout = PaneLayout.Find(value);
                return Layout is null ? $"unknown layout '{Quote(value)}' (stacked, side-by-side or maximized)" : null;
            case "panes":
                if (!new PaneLayout().TrySetShares(value))
                    return $"panes takes three whole percentages (packets, details, bytes), each at least {PaneLayout.MinimumShare}, summing to 100; not '{Quote(value)}'";
                Panes = value;
                return null;
            case "details-width":
                if (!new PaneLayout().TrySetDetailsWidth(value))
                    return $"details-width takes auto or a percentage of the width from {PaneLayout.MinimumWidthShare} to {PaneLayout.MaximumWidthShare}; not '{Quote(value)}'";
                DetailsWidth = value;
                return null;
            case "columns":
                if (!ListColumns.TryParse(value, out var columns, out string? problem))
                    return $"columns: {Quote(problem!)}";
                Columns = columns;
                return null;
            case "color" or "colour":
                return AddRule(value);
            default:
                return $"unknown setting '{Quote(key)}' ({Keys})";
        }
    }

    /// <summary>A colouring rule: <c>FG on BG if FILTER</c>.</summary>
    private string? AddRule(string value)
    {
        const string Form = "a colouring rule is 'color = FG on BG if FILTER' (FG, BG: #rrggbb or a colour name)";
        if (Rules.Count >= MaxRules)
            return $"more than {MaxRules} colouring rules; ignored";
        int condition = value.IndexOf(" if ", StringComparison.OrdinalIgnoreCase);
        if (condition < 0)
            return Form;
        var colors = value[..condition].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string filterText = value[(condition + 4)..].Trim();
        if (colors.Length != 3 || !colors[1].Equals("on", StringComparison.OrdinalIgnoreCase))
            return Form;
        if (!TryParseColor(colors[0], out var foreground))
            return $"unknown colour '{Quote(colors[0])}' (#rrggbb or {string.Join(", ", ColorNames.Keys)})";
        if (!TryParseColor(colors[2], out var background))
            return $"unknown colour '{Quote(colors[2])}' (#rrggbb or {string.Join(", ", ColorNames.Keys)})";
        if (filterText.Length == 0)
            return Form;
        if (!DisplayFilter.TryParse(filterText, out var filter, out var error))
            return $"display filter '{Quote(filterText)}': {error.Message}";
        Rules.Add(new ColoringRule($"ui.conf: {filterText}", filter, background, foreground));
        return null;
    }

    /// <summary>A colour as the config file writes it: <c>#rrggbb</c> or one of a few names.</summary>
    public static bool TryParseColor(string text, out RgbColor color)
    {
        color = default;
        if (text.Length == 7 && text[0] == '#'
            && int.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int rgb))
        {
            color = Widen((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
            return true;
        }
        if (ColorNames.TryGetValue(text, out var named))
        {
            color = Widen(named.Red, named.Green, named.Blue);
            return true;
        }
        return false;
    }

    // Wireshark's rules keep 16 bits a channel; 0xAB becomes 0xABAB so that the high byte is the colour given.
    private static RgbColor Widen(byte red, byte green, byte blue) => new((ushort)(red * 257), (ushort)(green * 257), (ushort)(blue * 257));

    /// <summary>Text from the file as a message may quote it: at most 40 characters, anything unprintable as '?'.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder(Math.Min(text.Length, 41));
        foreach (char c in text.Length > 40 ? text[..40] : text)
            quoted.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        if (text.Length > 40)
            quoted.Append('…');
        return quoted.ToString();
    }
}
