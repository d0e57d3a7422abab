using System.Globalization;
using RawNet.Ui.Theming;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// Fitting text into a fixed number of terminal cells. Most of the widgets' text is ASCII and box-drawing characters, one
/// cell each; text a user typed (a filter, a payload) may hold wide characters, two cells each.
/// </summary>
internal static class Cells
{
    /// <summary><paramref name="text"/> cut or padded with spaces to exactly <paramref name="width"/> cells.</summary>
    public static string Fit(string text, int width)
    {
        if (width <= 0)
            return "";
        if (System.Text.Ascii.IsValid(text))
            return text.Length >= width ? text[..width] : text.PadRight(width);
        var kept = Take(text, width);
        return kept + new string(' ', width - Count(kept));
    }

    /// <summary><paramref name="text"/> broken at spaces into lines of at most <paramref name="width"/> cells (a longer word is cut).</summary>
    public static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        width = Math.Max(1, width);
        var rest = text.AsSpan().Trim();
        while (rest.Length > width)
        {
            int cut = rest[..(width + 1)].LastIndexOf(' ');
            if (cut <= 0)
                cut = width;
            lines.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0 || lines.Count == 0)
            lines.Add(rest.ToString());
        return lines;
    }

    /// <summary>Terminal cells <paramref name="text"/> takes (text a user typed may hold wide characters: two cells each).</summary>
    public static int Count(string text) => new Segment(text).CellCount();

    /// <summary>The start (or with <paramref name="fromEnd"/> the end) of <paramref name="text"/> that fits in <paramref name="cells"/> cells, whole characters only.</summary>
    public static string Take(string text, int cells, bool fromEnd = false)
    {
        var characters = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
            characters.Add(enumerator.GetTextElement());
        if (fromEnd)
            characters.Reverse();
        var kept = new List<string>();
        int used = 0;
        foreach (var character in characters)
        {
            int width = Count(character);
            if (used + width > cells)
                break;
            kept.Add(character);
            used += width;
        }
        if (fromEnd)
            kept.Reverse();
        return string.Concat(kept);
    }

    /// <summary>Right-aligned in <paramref name="width"/> cells.</summary>
    public static string FitRight(string text, int width) =>
        width <= 0 ? "" : text.Length >= width ? text[..width] : text.PadLeft(width);

    /// <summary>A pane's title line: <c>── Title ───</c>, in the theme's accent when the pane has the keyboard.</summary>
    public static Segment Title(Theme theme, string title, bool focused, int width)
    {
        string text = Fit((focused ? "━━ " : "── ") + title + " " + new string(focused ? '━' : '─', Math.Max(0, width)), width);
        return new Segment(text, focused ? theme.AccentStrong : theme.Muted);
    }

    /// <summary>Exactly <paramref name="height"/> lines: cut, or padded with blank lines of <paramref name="width"/> cells.</summary>
    public static IEnumerable<Segment> Lines(List<List<Segment>> lines, int width, int height)
    {
        for (int i = 0; i < height; i++)
        {
            if (i > 0)
                yield return Segment.LineBreak;
            if (i < lines.Count)
            {
                foreach (var segment in lines[i])
                    yield return segment;
            }
            else
                yield return new Segment(new string(' ', width));
        }
    }
}
