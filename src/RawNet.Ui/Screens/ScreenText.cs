using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Screens;

/// <summary>Renders widgets to text: with ANSI styles for the terminal, or plain for snapshot tests.</summary>
public static class ScreenText
{
    /// <summary>The lines <paramref name="renderable"/> renders to at <paramref name="width"/> cells.</summary>
    public static string[] Lines(IRenderable renderable, int width, int height, bool ansi)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.TrueColor : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Profile.Height = height;
        console.Write(renderable);
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.EndsWith('\n'))
            text = text[..^1];
        return text.Split('\n');
    }

    /// <summary>Plain text of <paramref name="renderable"/>: lines joined with '\n', trailing spaces kept.</summary>
    public static string Plain(IRenderable renderable, int width, int height = 1000) => string.Join('\n', Lines(renderable, width, height, ansi: false));

    /// <summary>
    /// One terminal update: each line written at its row with a cursor move (no scrolling, no reliance on line wrap),
    /// in a single string so the screen is replaced at once without flicker.
    /// </summary>
    public static string Frame(IRenderable screen, int width, int height)
    {
        var lines = Lines(screen, width, height, ansi: true);
        var frame = new StringBuilder(width * height * 4);
        frame.Append("\e[?25l");
        for (int row = 0; row < height; row++)
        {
            frame.Append("\e[").Append(row + 1).Append(";1H");
            if (row < lines.Length)
                frame.Append(lines[row]);
            frame.Append("\e[0m\e[K");
        }
        return frame.ToString();
    }
}
