using System.Text;
using RawNet.Output.Columns;
using RawNet.Ui.Screens;
using RawNet.Ui.Theming;
using Spectre.Console;
using Xunit;

namespace RawNet.Ui.Tests.Theming;

/// <summary>Colour depth from the environment, the nearest colour a terminal can show, and the SGR written at each depth.</summary>
public sealed class TerminalColorsTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_environment_announces_the_depth_and_any_non_empty_no_color_turns_colour_off()
    {
        Assert.Equal(ColorDepth.TrueColor, ColorDepths.Detect(Environment(("COLORTERM", "truecolor"), ("TERM", "xterm"))));
        Assert.Equal(ColorDepth.TrueColor, ColorDepths.Detect(Environment(("COLORTERM", "24bit"))));
        Assert.Equal(ColorDepth.Palette256, ColorDepths.Detect(Environment(("TERM", "tmux-256color"))));
        Assert.Equal(ColorDepth.Ansi16, ColorDepths.Detect(Environment(("TERM", "screen"))));
        Assert.Equal(ColorDepth.Ansi16, ColorDepths.Detect(Environment()));
        // no-color.org: present and not empty, whatever its value; an empty one is as if unset.
        Assert.Equal(ColorDepth.None, ColorDepths.Detect(Environment(("NO_COLOR", "0"), ("COLORTERM", "truecolor"))));
        Assert.Equal(ColorDepth.TrueColor, ColorDepths.Detect(Environment(("NO_COLOR", ""), ("COLORTERM", "truecolor"))));
        Assert.True(ColorDepths.TryParse("auto", out var auto));
        Assert.Null(auto);
        Assert.True(ColorDepths.TryParse(" 256 ", out var palette));
        Assert.Equal(ColorDepth.Palette256, palette);
        Assert.False(ColorDepths.TryParse("65536", out _));
    }

    [Theory]
    [InlineData(0, 0, 0, 16)]
    [InlineData(255, 255, 255, 231)]
    [InlineData(0x5f, 0x87, 0xaf, 67)] // exactly a cube colour
    [InlineData(128, 128, 128, 244)] // the grey ramp is nearer than the cube's 0x87
    [InlineData(238, 238, 238, 255)]
    [InlineData(250, 10, 10, 196)]
    [InlineData(231, 228, 255, 189)] // Wireshark's TCP background (0xd7d7ff)
    public void Rgb_maps_to_the_nearest_of_the_256_palette_s_cube_or_grey_ramp(byte red, byte green, byte blue, byte expected)
    {
        Assert.Equal(expected, TerminalColors.Nearest256(red, green, blue));
        var (r, g, b) = TerminalColors.PaletteRgb(expected);
        // No other entry from 16 up is nearer (the mapping's promise, checked by brute force).
        long Distance(byte n)
        {
            var (pr, pg, pb) = TerminalColors.PaletteRgb(n);
            return (pr - red) * (pr - red) + (pg - green) * (pg - green) + (pb - blue) * (pb - blue);
        }
        long best = Enumerable.Range(16, 240).Min(n => Distance((byte)n));
        Assert.True(Distance(expected) <= best + 3 * 40 * 40, $"{expected} ({r},{g},{b}) is far from the best ({best})");
    }

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(205, 0, 0, 1)]
    [InlineData(250, 10, 10, 9)]
    [InlineData(240, 240, 240, 7)]
    [InlineData(255, 255, 255, 15)]
    [InlineData(0, 0, 128, 4)]
    public void Rgb_maps_to_the_nearest_of_the_16_ansi_colours(byte red, byte green, byte blue, byte expected) =>
        Assert.Equal(expected, TerminalColors.Nearest16(red, green, blue));

    private static string Sgr(Style style, ColorDepth depth, Theme? theme = null)
    {
        var text = new StringBuilder();
        TerminalColors.AppendSgr(text, style, depth, theme ?? Theme.Light);
        return text.ToString();
    }

    [Fact]
    public void Each_depth_writes_its_own_sequences_and_none_writes_only_attributes()
    {
        var style = new Style(new Color(250, 10, 10), new Color(0, 0, 128), Decoration.Bold);
        Assert.Equal("\e[0;1;38;2;250;10;10;48;2;0;0;128m", Sgr(style, ColorDepth.TrueColor));
        Assert.Equal("\e[0;1;38;5;196;48;5;18m", Sgr(style, ColorDepth.Palette256));
        Assert.Equal("\e[0;1;91;44m", Sgr(style, ColorDepth.Ansi16));
        Assert.Equal("\e[0;1m", Sgr(style, ColorDepth.None));
        // A default colour takes the theme's own (the light theme paints its background).
        Assert.Equal("\e[0;38;2;28;28;28;48;2;255;255;255m", Sgr(Style.Plain, ColorDepth.TrueColor));
        Assert.Equal("\e[0m", Sgr(Style.Plain, ColorDepth.TrueColor, Theme.Dark));
    }

    [Fact]
    public void The_dark_theme_s_named_colours_stay_palette_entries_so_the_terminal_s_scheme_applies()
    {
        Assert.Equal("\e[0;38;5;8m", Sgr(Theme.Dark.Muted, ColorDepth.TrueColor, Theme.Dark));
        Assert.Equal("\e[0;38;5;8m", Sgr(Theme.Dark.Muted, ColorDepth.Palette256, Theme.Dark));
        Assert.Equal("\e[0;90m", Sgr(Theme.Dark.Muted, ColorDepth.Ansi16, Theme.Dark));
        Assert.Equal("\e[0;30;106m", Sgr(Theme.Dark.Cursor, ColorDepth.Ansi16, Theme.Dark));
    }

    [Fact]
    public void Without_colour_the_screen_has_no_colour_sequence_but_the_selection_is_in_reverse_video()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        view.Theme = Theme.Monochrome;
        string frame = ScreenText.Frame(MainScreen.Compose(view, 100, 30), 100, 30, ColorDepth.None, Theme.Monochrome);
        foreach (var sequence in System.Text.RegularExpressions.Regex.Matches(frame, @"\e\[([0-9;]*)m").Select(m => m.Groups[1].Value))
        {
            foreach (var code in sequence.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse))
                Assert.True(code is >= 0 and <= 9, $"colour code {code} in \\e[{sequence}m");
        }
        Assert.Contains("\e[0;1;7m>       1", frame, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_in_text_never_reach_the_terminal()
    {
        var line = new Spectre.Console.Text("a\e]52;c;x\u0007b\u009bc");
        string frame = ScreenText.Frame(line, 20, 1, ColorDepth.TrueColor, Theme.Dark);
        Assert.Contains("a?]52;c;x?b?c", frame, StringComparison.Ordinal);
    }
}
