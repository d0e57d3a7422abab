using Spectre.Console;

namespace RawNet.Ui.Theming;

/// <summary>
/// WCAG 2's contrast ratio between two colours (1 to 21; at least 4.5 is its "AA" level for text, 7 its "AAA"), and
/// moving a text colour until a ratio is reached: what the high-contrast theme does to colours it does not choose
/// itself (Wireshark's colouring rules, the user's rules).
/// </summary>
public static class Contrast
{
    private static readonly Color White = new(255, 255, 255);
    private static readonly Color Black = new(0, 0, 0);

    /// <summary>WCAG's relative luminance of an sRGB colour (0 black to 1 white).</summary>
    public static double Luminance(Color color) =>
        0.2126 * Linear(color.R) + 0.7152 * Linear(color.G) + 0.0722 * Linear(color.B);

    /// <summary>The contrast ratio between two colours: (lighter + 0.05) / (darker + 0.05).</summary>
    public static double Ratio(Color first, Color second)
    {
        double a = Luminance(first), b = Luminance(second);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>
    /// <paramref name="foreground"/> and <paramref name="background"/> with at least <paramref name="minimum"/> contrast:
    /// unchanged when they have it; else the text moves step by step toward white or black (whichever stands out more
    /// from the background), so it keeps its hue as long as it can; if even white or black is not enough, the background
    /// moves the other way.
    /// </summary>
    public static (Color Foreground, Color Background) Ensure(Color foreground, Color background, double minimum)
    {
        if (Ratio(foreground, background) >= minimum)
            return (foreground, background);
        // Plain RGB, not the palette's white and black, which terminals let users redefine.
        bool lighter = Ratio(White, background) >= Ratio(Black, background);
        var toward = lighter ? White : Black;
        for (int step = 1; step <= 10; step++)
        {
            var moved = Mix(foreground, toward, step / 10.0);
            if (Ratio(moved, background) >= minimum)
                return (moved, background);
        }
        var away = lighter ? Black : White;
        for (int step = 1; step <= 10; step++)
        {
            var moved = Mix(background, away, step / 10.0);
            if (Ratio(toward, moved) >= minimum)
                return (toward, moved);
        }
        return (toward, away);
    }

    private static Color Mix(Color from, Color to, double amount) => new(
        (byte)Math.Round(from.R + (to.R - from.R) * amount),
        (byte)Math.Round(from.G + (to.G - from.G) * amount),
        (byte)Math.Round(from.B + (to.B - from.B) * amount));

    private static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
