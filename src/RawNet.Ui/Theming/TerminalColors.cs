using System.Text;
using Spectre.Console;

namespace RawNet.Ui.Theming;

/// <summary>
/// SGR sequences for a <see cref="Style"/> at a <see cref="ColorDepth"/>: colours the terminal cannot show are replaced
/// by the nearest it can (xterm's 256-colour cube and grey ramp, as tmux picks them; or the 16 ANSI colours), and at
/// <see cref="ColorDepth.None"/> only bold, underline, reverse video and the like are written.
/// </summary>
public static class TerminalColors
{
    /// <summary>The SGR parameter of each text attribute the widgets use.</summary>
    private static readonly (Decoration Decoration, string Code)[] Attributes =
        [(Decoration.Bold, ";1"), (Decoration.Dim, ";2"), (Decoration.Italic, ";3"), (Decoration.Underline, ";4"), (Decoration.Invert, ";7"), (Decoration.Strikethrough, ";9")];

    /// <summary>The six levels of each channel in xterm's 6x6x6 colour cube (palette 16-231).</summary>
    private static ReadOnlySpan<byte> CubeLevels => [0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff];

    /// <summary>xterm's default RGB values of the 16 ANSI colours (what a terminal shows when nobody changed them).</summary>
    private static ReadOnlySpan<byte> Ansi16 =>
    [
        0, 0, 0, 205, 0, 0, 0, 205, 0, 205, 205, 0, 0, 0, 238, 205, 0, 205, 0, 205, 205, 229, 229, 229,
        127, 127, 127, 255, 0, 0, 0, 255, 0, 255, 255, 0, 92, 92, 255, 255, 0, 255, 0, 255, 255, 255, 255, 255,
    ];

    /// <summary>
    /// The xterm 256-palette entry nearest to an RGB colour, as tmux's <c>colour_find_rgb</c> finds it: the nearest
    /// point of the colour cube, or of the 24-step grey ramp (232-255) when that is closer. Entries 0-15 are never
    /// chosen: terminals let users redefine them.
    /// </summary>
    public static byte Nearest256(byte red, byte green, byte blue)
    {
        int qr = CubeIndex(red), qg = CubeIndex(green), qb = CubeIndex(blue);
        int cr = CubeLevels[qr], cg = CubeLevels[qg], cb = CubeLevels[qb];
        int cube = 16 + 36 * qr + 6 * qg + qb;
        if (cr == red && cg == green && cb == blue)
            return (byte)cube;
        int average = (red + green + blue) / 3;
        int greyIndex = average > 238 ? 23 : Math.Max(0, (average - 3) / 10);
        int grey = 8 + 10 * greyIndex;
        return Distance(cr, cg, cb, red, green, blue) <= Distance(grey, grey, grey, red, green, blue) ? (byte)cube : (byte)(232 + greyIndex);
    }

    /// <summary>The ANSI colour (0-7 normal, 8-15 bright) nearest to an RGB colour, by xterm's default values.</summary>
    public static byte Nearest16(byte red, byte green, byte blue)
    {
        var table = Ansi16;
        int best = 0, bestDistance = int.MaxValue;
        for (int i = 0; i < 16; i++)
        {
            int distance = Distance(table[3 * i], table[3 * i + 1], table[3 * i + 2], red, green, blue);
            if (distance < bestDistance)
                (best, bestDistance) = (i, distance);
        }
        return (byte)best;
    }

    /// <summary>The RGB value of xterm palette entry <paramref name="number"/> (its defaults for 0-15).</summary>
    public static (byte Red, byte Green, byte Blue) PaletteRgb(byte number)
    {
        if (number < 16)
            return (Ansi16[3 * number], Ansi16[3 * number + 1], Ansi16[3 * number + 2]);
        if (number >= 232)
        {
            byte grey = (byte)(8 + 10 * (number - 232));
            return (grey, grey, grey);
        }
        int cube = number - 16;
        return (CubeLevels[cube / 36], CubeLevels[cube / 6 % 6], CubeLevels[cube % 6]);
    }

    /// <summary>
    /// Appends one SGR sequence that resets the attributes and sets <paramref name="style"/>'s; a default colour is taken
    /// as <paramref name="theme"/>'s text colour or background (themselves default in a theme that keeps the terminal's
    /// own colours), and a colour the theme chose from the terminal's palette is written by its number.
    /// </summary>
    public static void AppendSgr(StringBuilder into, Style style, ColorDepth depth, Theme theme)
    {
        into.Append("\e[0");
        foreach (var (decoration, code) in Attributes)
        {
            if ((style.Decoration & decoration) != 0)
                into.Append(code);
        }
        if (depth != ColorDepth.None)
        {
            AppendColor(into, style.Foreground == Color.Default ? theme.Foreground : style.Foreground, depth, theme, background: false);
            AppendColor(into, style.Background == Color.Default ? theme.Background : style.Background, depth, theme, background: true);
        }
        into.Append('m');
    }

    private static void AppendColor(StringBuilder into, Color color, ColorDepth depth, Theme theme, bool background)
    {
        if (color == Color.Default)
            return;
        bool named = theme.TryGetPaletteNumber(color, out byte palette);
        if (depth == ColorDepth.Ansi16)
        {
            int number = named && palette < 16 ? palette : Nearest16(color.R, color.G, color.B);
            int code = (number < 8 ? 30 + number : 90 + number - 8) + (background ? 10 : 0);
            into.Append(';').Append(code);
            return;
        }
        // Numbers appended as numbers: nothing is allocated per style change.
        into.Append(background ? ";48;" : ";38;");
        // A named colour is a palette entry: written by its number, as the theme's author chose it.
        if (named)
            into.Append("5;").Append(palette);
        else if (depth == ColorDepth.Palette256)
            into.Append("5;").Append(Nearest256(color.R, color.G, color.B));
        else
            into.Append("2;").Append(color.R).Append(';')
                .Append(color.G).Append(';').Append(color.B);
    }

    // tmux's colour_to_6cube: the cube level nearest to a channel value.
    private static int CubeIndex(int value) => value < 48 ? 0 : value < 115 ? 1 : (value - 35) / 40;

    private static int Distance(int r1, int g1, int b1, int r2, int g2, int b2) =>
        (r1 - r2) * (r1 - r2) + (g1 - g2) * (g1 - g2) + (b1 - b2) * (b1 - b2);
}
