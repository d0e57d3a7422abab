using System.Text;
using RawNet.Ui.Theming;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Screens;

/// <summary>
/// Renders widgets to text: with SGR sequences at the terminal's colour depth and in the theme's colours, or plain for
/// snapshot tests. The widgets' segments are written straight into one buffer (no console object, no string per line),
/// and control characters in their text are shown as '?', so nothing a capture or a config file holds can move the
/// cursor or change the terminal.
/// </summary>
public static class ScreenText
{
    // The widgets read nothing from the console they render for: any profile will do.
    private static readonly IReadOnlyCapabilities Capabilities = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(TextWriter.Null),
        Ansi = AnsiSupport.Yes,
        ColorSystem = ColorSystemSupport.TrueColor,
        Interactive = InteractionSupport.No,
    }).Profile.Capabilities;

    /// <summary>The lines <paramref name="renderable"/> renders to at <paramref name="width"/> cells: in true colour and the dark theme, or plain.</summary>
    public static string[] Lines(IRenderable renderable, int width, int height, bool ansi) =>
        Lines(renderable, width, height, ansi ? ColorDepth.TrueColor : null, Theme.Dark);

    /// <summary>The lines <paramref name="renderable"/> renders to, with SGR sequences for <paramref name="depth"/> (null: plain text).</summary>
    public static string[] Lines(IRenderable renderable, int width, int height, ColorDepth? depth, Theme theme)
    {
        var text = new StringBuilder(width * height * 2);
        Append(text, renderable, width, height, depth, theme, positioned: false);
        return text.ToString().Split('\n');
    }

    /// <summary>Plain text of <paramref name="renderable"/>: lines joined with '\n', trailing spaces kept.</summary>
    public static string Plain(IRenderable renderable, int width, int height = 1000) => string.Join('\n', Lines(renderable, width, height, ansi: false));

    /// <summary>One terminal update in true colour and the dark theme (see <see cref="AppendFrame"/>).</summary>
    public static string Frame(IRenderable screen, int width, int height) =>
        Frame(screen, width, height, ColorDepth.TrueColor, Theme.Dark);

    /// <summary>One terminal update (see <see cref="AppendFrame"/>).</summary>
    public static string Frame(IRenderable screen, int width, int height, ColorDepth depth, Theme theme)
    {
        var frame = new StringBuilder(width * height * 4);
        AppendFrame(frame, screen, width, height, depth, theme);
        return frame.ToString();
    }

    /// <summary>
    /// One terminal update: each line written at its row with a cursor move (no scrolling, no reliance on line wrap),
    /// in a single buffer so the screen is replaced at once without flicker; each line's end cleared in the theme's
    /// background.
    /// </summary>
    public static void AppendFrame(StringBuilder frame, IRenderable screen, int width, int height, ColorDepth depth, Theme theme)
    {
        frame.Append("\e[?25l");
        Append(frame, screen, width, height, depth, theme, positioned: true);
    }

    private static void Append(StringBuilder into, IRenderable renderable, int width, int height, ColorDepth? depth, Theme theme, bool positioned)
    {
        var options = new RenderOptions(Capabilities, new Size(width, height));
        int row = 0;
        Style? current = null;
        if (positioned)
            MoveTo(into, row);
        foreach (var segment in renderable.Render(options, width))
        {
            if (segment.IsLineBreak)
            {
                EndLine(into, depth, theme, positioned, current is not null);
                current = null;
                if (++row >= height)
                    break;
                if (positioned)
                    MoveTo(into, row);
                else
                    into.Append('\n');
                continue;
            }
            if (segment.IsControlCode || segment.Text.Length == 0)
                continue;
            if (depth is { } colors && !segment.Style.Equals(current))
            {
                TerminalColors.AppendSgr(into, segment.Style, colors, theme);
                current = segment.Style;
            }
            AppendText(into, segment.Text);
        }
        if (row < height)
        {
            EndLine(into, depth, theme, positioned, current is not null);
            // Rows the screen did not fill are cleared, so nothing of an earlier frame stays.
            for (row++; positioned && row < height; row++)
            {
                MoveTo(into, row);
                EndLine(into, depth, theme, positioned, styled: false);
            }
        }
    }

    private static void MoveTo(StringBuilder into, int row) => into.Append("\e[").Append(row + 1).Append(";1H");

    private static void EndLine(StringBuilder into, ColorDepth? depth, Theme theme, bool positioned, bool styled)
    {
        if (!positioned)
        {
            if (styled)
                into.Append("\e[0m");
            return;
        }
        // A theme with a background of its own clears the rest of the line in it (erase takes the current background).
        if (depth is { } colors and not ColorDepth.None && theme.Background != Color.Default)
            TerminalColors.AppendSgr(into, Style.Plain, colors, theme);
        else
            into.Append("\e[0m");
        into.Append("\e[K");
    }

    /// <summary>Appends <paramref name="text"/> with every C0 and C1 control character (ESC among them) replaced by '?'.</summary>
    private static void AppendText(StringBuilder into, string text)
    {
        var span = text.AsSpan();
        while (true)
        {
            int control = span.IndexOfAnyInRange('\0', '\u001f');
            int c1 = span.IndexOfAnyInRange('\u007f', '\u009f');
            int at = control < 0 ? c1 : c1 < 0 ? control : Math.Min(control, c1);
            if (at < 0)
            {
                into.Append(span);
                return;
            }
            into.Append(span[..at]).Append('?');
            span = span[(at + 1)..];
        }
    }
}
