namespace RawNet.Ui.Theming;

/// <summary>How many colours the terminal shows, and so which SGR colour sequences the screen is drawn with.</summary>
public enum ColorDepth : byte
{
    /// <summary>No colour at all (<c>NO_COLOR</c>, or asked for): bold, underline and reverse video only.</summary>
    None,
    /// <summary>The 16 ANSI colours (SGR 30-37, 90-97 and their backgrounds).</summary>
    Ansi16,
    /// <summary>The xterm 256-colour palette (SGR 38;5;N).</summary>
    Palette256,
    /// <summary>24-bit colour (SGR 38;2;R;G;B).</summary>
    TrueColor,
}

/// <summary>Names of <see cref="ColorDepth"/>s and the depth a terminal's environment announces.</summary>
public static class ColorDepths
{
    /// <summary>The values <c>--colors</c> and the config file's <c>colors</c> take, for messages.</summary>
    public const string Choices = "auto, none, 16, 256 or truecolor";

    /// <summary>
    /// The depth the environment announces, as most terminal programs read it: a non-empty <c>NO_COLOR</c> means none
    /// (no-color.org), <c>COLORTERM</c> <c>truecolor</c> or <c>24bit</c> means 24-bit colour, a <c>TERM</c> containing
    /// <c>256color</c> the 256-colour palette, anything else (including no TERM, or <c>dumb</c>) the 16 ANSI colours.
    /// </summary>
    public static ColorDepth Detect(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrEmpty(environment("NO_COLOR")))
            return ColorDepth.None;
        string colorTerm = environment("COLORTERM") ?? "";
        if (colorTerm.Equals("truecolor", StringComparison.OrdinalIgnoreCase) || colorTerm.Equals("24bit", StringComparison.OrdinalIgnoreCase))
            return ColorDepth.TrueColor;
        if ((environment("TERM") ?? "").Contains("256color", StringComparison.OrdinalIgnoreCase))
            return ColorDepth.Palette256;
        return ColorDepth.Ansi16;
    }

    /// <summary>
    /// Reads a depth as the user writes it: <c>none</c>, <c>16</c>, <c>256</c>, <c>truecolor</c> (or <c>24bit</c>), and
    /// <c>auto</c> (null: detect). False for anything else.
    /// </summary>
    public static bool TryParse(string text, out ColorDepth? depth)
    {
        depth = null;
        switch (text.Trim().ToLowerInvariant())
        {
            case "auto": return true;
            case "none": depth = ColorDepth.None; return true;
            case "16": depth = ColorDepth.Ansi16; return true;
            case "256": depth = ColorDepth.Palette256; return true;
            case "truecolor" or "24bit": depth = ColorDepth.TrueColor; return true;
            default: return false;
        }
    }

    /// <summary>How the user writes <paramref name="depth"/>.</summary>
    public static string Name(ColorDepth depth) => depth switch
    {
        ColorDepth.None => "none",
        ColorDepth.Ansi16 => "16",
        ColorDepth.Palette256 => "256",
        _ => "truecolor",
    };
}
