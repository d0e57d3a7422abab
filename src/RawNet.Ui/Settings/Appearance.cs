using RawNet.Output.Columns;
using RawNet.Ui.Model;
using RawNet.Ui.Screens;
using RawNet.Ui.Theming;

namespace RawNet.Ui.Settings;

/// <summary>What the UI looks like, decided once at start: theme, colour depth, layout and the user's colouring rules.</summary>
/// <param name="Theme">The theme drawn with (<see cref="Theme.Monochrome"/> at depth none).</param>
/// <param name="Depth">The colour depth the terminal is written for.</param>
/// <param name="Layout">The panes' layout (the keys change it; it is saved on quitting).</param>
/// <param name="Rules">The user's colouring rules, checked before Wireshark's.</param>
/// <param name="Columns">The packet list's columns.</param>
public sealed record Appearance(Theme Theme, ColorDepth Depth, PaneLayout Layout, IReadOnlyList<ColoringRule> Rules, ListColumns Columns)
{
    /// <summary>
    /// The command line first, then the config file, then the defaults: <c>--theme</c>, the file's <c>theme</c>, dark;
    /// <c>--colors</c>, the file's <c>colors</c>, then what the environment says (<see cref="ColorDepths.Detect"/>,
    /// <c>NO_COLOR</c> included: as no-color.org asks, an explicit setting overrides it); <c>--columns</c>, the file's
    /// <c>columns</c>, Wireshark's default columns.
    /// </summary>
    public static Appearance Resolve(UiOptions options, UiConfig config, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(config);
        var depth = options.Colors ?? config.Colors ?? ColorDepths.Detect(environment);
        var theme = depth == ColorDepth.None ? Theme.Monochrome : options.Theme ?? config.Theme ?? Theme.Dark;
        var layout = new PaneLayout { Kind = config.Layout ?? LayoutKind.Stacked };
        if (config.Panes is { } panes)
            layout.TrySetShares(panes);
        if (config.DetailsWidth is { } detailsWidth)
            layout.TrySetDetailsWidth(detailsWidth);
        return new Appearance(theme, depth, layout, config.Rules, options.Columns ?? config.Columns ?? ListColumns.Default);
    }
}
