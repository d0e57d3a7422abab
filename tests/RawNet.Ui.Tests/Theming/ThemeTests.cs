using System.Reflection;
using RawNet.Output.Columns;
using RawNet.Ui.Theming;
using Spectre.Console;
using Xunit;

namespace RawNet.Ui.Tests.Theming;

/// <summary>What each theme promises: the dark one is the UI's first look, the light and high-contrast ones are legible by WCAG's measure.</summary>
public sealed class ThemeTests
{
    /// <summary>Every style a theme holds, its default colours taken as the theme's own.</summary>
    private static IEnumerable<(string Name, Color Foreground, Color Background)> Pairs(Theme theme)
    {
        foreach (var property in typeof(Theme).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(Style)))
        {
            var style = (Style)property.GetValue(theme)!;
            yield return Resolve(property.Name, style, theme);
        }
        foreach (var color in Enum.GetValues<Output.Graphs.GraphColor>())
            yield return Resolve($"Graph({color})", theme.Graph(color), theme);
        for (int i = 0; i < 8; i++)
            yield return Resolve($"Layer({i})", theme.Layer(i), theme);
    }

    private static (string, Color, Color) Resolve(string name, Style style, Theme theme)
    {
        var foreground = style.Foreground == Color.Default ? theme.Foreground : style.Foreground;
        var background = style.Background == Color.Default ? theme.Background : style.Background;
        return (name, foreground, background);
    }

    [Fact]
    public void Contrast_is_wcag_s_ratio()
    {
        Assert.Equal(21, Contrast.Ratio(new Color(0, 0, 0), new Color(255, 255, 255)), 3);
        Assert.Equal(1, Contrast.Ratio(new Color(9, 99, 199), new Color(9, 99, 199)), 3);
        Assert.Equal(4.54, Contrast.Ratio(new Color(0x76, 0x76, 0x76), new Color(255, 255, 255)), 2);
    }

    [Fact]
    public void Every_pair_of_the_high_contrast_theme_reaches_7_to_1_the_colouring_rules_included()
    {
        var theme = Theme.HighContrast;
        foreach (var (name, foreground, background) in Pairs(theme))
            Assert.True(Contrast.Ratio(foreground, background) >= Theme.HighContrastRatio, $"{name}: {Contrast.Ratio(foreground, background):0.00}");
        foreach (var rule in ColoringRules.Default)
        {
            var row = theme.Row(rule, selected: false);
            Assert.True(Contrast.Ratio(row.Foreground, row.Background) >= Theme.HighContrastRatio, $"{rule.Name}: {Contrast.Ratio(row.Foreground, row.Background):0.00}");
            // The rule keeps its background, so rows still tell TCP from UDP from ARP.
            var (red, green, blue) = rule.Background.To8Bit();
            var moved = row.Background;
            Assert.True(moved == new Color(red, green, blue) || Contrast.Ratio(new Color(0, 0, 0), moved) >= 7 || Contrast.Ratio(new Color(255, 255, 255), moved) >= 7, rule.Name);
        }
    }

    [Fact]
    public void Every_pair_of_the_light_theme_reaches_wcag_aa()
    {
        foreach (var (name, foreground, background) in Pairs(Theme.Light))
            Assert.True(Contrast.Ratio(foreground, background) >= 4.5, $"{name}: {Contrast.Ratio(foreground, background):0.00}");
    }

    [Fact]
    public void The_dark_theme_draws_rows_in_wireshark_s_own_colours_reversed_when_selected()
    {
        foreach (var rule in ColoringRules.Default)
        {
            var (fr, fg, fb) = rule.Foreground.To8Bit();
            var (br, bg, bb) = rule.Background.To8Bit();
            Assert.Equal(new Style(new Color(fr, fg, fb), new Color(br, bg, bb)), Theme.Dark.Row(rule, selected: false));
            Assert.Equal(new Style(new Color(fr, fg, fb), new Color(br, bg, bb), Decoration.Invert | Decoration.Bold), Theme.Dark.Row(rule, selected: true));
        }
        Assert.Equal(Style.Plain, Theme.Dark.Row(null, selected: false));
        // The craft screen's layers in the colours rawnet craft prints them with.
        Assert.True(Theme.Dark.TryGetPaletteNumber(Theme.Dark.Layer(1).Foreground, out byte number));
        Assert.Equal(Output.LayerPalette.Of(1), number);
    }

    [Fact]
    public void Without_colour_rows_lose_their_rule_s_colours_and_only_the_selection_stands_out()
    {
        var rule = ColoringRules.Default[0];
        Assert.Equal(Style.Plain, Theme.Monochrome.Row(rule, selected: false));
        Assert.True(Theme.Monochrome.Row(rule, selected: true).Decoration.HasFlag(Decoration.Invert));
        Assert.True(Theme.Monochrome.Cursor.Decoration.HasFlag(Decoration.Invert));
        Assert.True(Theme.Monochrome.StatusBar.Decoration.HasFlag(Decoration.Invert));
        Assert.All(Pairs(Theme.Monochrome), p => Assert.Equal((Color.Default, Color.Default), (p.Foreground, p.Background)));
    }

    [Fact]
    public void Themes_are_found_by_the_names_the_user_writes()
    {
        Assert.Same(Theme.Dark, Theme.Find("dark"));
        Assert.Same(Theme.Light, Theme.Find(" Light "));
        Assert.Same(Theme.HighContrast, Theme.Find("high-contrast"));
        Assert.Null(Theme.Find("solarized"));
    }
}
