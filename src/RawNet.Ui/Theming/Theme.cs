using System.Collections.Concurrent;
using RawNet.Output;
using RawNet.Output.Columns;
using RawNet.Output.Graphs;
using Spectre.Console;

namespace RawNet.Ui.Theming;

/// <summary>
/// Every colour the widgets draw with, by what it means (text, hint, error, cursor...), built once per theme so that
/// drawing allocates no style: <see cref="Dark"/> (the terminal's own background, the UI's first look), <see cref="Light"/>,
/// <see cref="HighContrast"/> (for projectors: every pair at least 7:1, WCAG's AAA level) and <see cref="Monochrome"/>
/// (<c>NO_COLOR</c>: no colour at all, the cursor and selection in reverse video).
/// </summary>
public sealed class Theme
{
    /// <summary>The names <c>--theme</c> and the config file's <c>theme</c> take, for messages.</summary>
    public const string Choices = "dark, light or high-contrast";

    /// <summary>The contrast every pair of the high-contrast theme reaches (WCAG AAA).</summary>
    public const double HighContrastRatio = 7.0;

    private readonly ConcurrentDictionary<ColoringRule, (Style Plain, Style Selected)> _rows = new();
    private readonly Style[] _graph;
    private readonly Style[] _layers;
    private readonly Style[] _layersBold;
    private readonly Dictionary<Color, byte> _paletteNumbers = [];
    private readonly double _ruleContrast;
    private readonly bool _monochrome;

    private Theme(string name, Palette palette, bool monochrome = false, double ruleContrast = 0)
    {
        Name = name;
        _monochrome = monochrome;
        _ruleContrast = ruleContrast;
        var p = palette;
        Foreground = p.Foreground;
        Background = p.Background;
        Text = new Style(p.Foreground, p.Background);
        Strong = new Style(p.Strong, decoration: Decoration.Bold);
        Heading = new Style(decoration: Decoration.Bold);
        Body = new Style(p.Body);
        Muted = new Style(p.Muted);
        MutedItalic = new Style(p.Muted, decoration: Decoration.Italic);
        Accent = new Style(p.Accent);
        AccentStrong = new Style(p.Accent, decoration: Decoration.Bold);
        Good = new Style(p.Good);
        GoodStrong = new Style(p.Good, decoration: Decoration.Bold);
        Error = new Style(p.Error, decoration: monochrome ? Decoration.Underline : Decoration.None);
        ErrorStrong = new Style(p.Error, decoration: Decoration.Bold | (monochrome ? Decoration.Underline : Decoration.None));
        Note = new Style(p.Note);
        // Without colour, whatever a colour set apart is set apart by reverse video.
        var reverse = monochrome ? Decoration.Invert : Decoration.None;
        Cursor = new Style(p.CursorText, p.Cursor, reverse);
        CursorStrong = new Style(p.CursorText, p.Cursor, reverse | Decoration.Bold);
        CursorProblem = new Style(p.CursorText, p.CursorProblem, reverse | (monochrome ? Decoration.Underline : Decoration.None));
        Selected = new Style(decoration: Decoration.Invert | Decoration.Bold);
        StatusBar = new Style(p.BarText, p.Bar, reverse);
        Client = new Style(p.Client);
        Server = new Style(p.Server, decoration: monochrome ? Decoration.Bold : Decoration.None);
        TreeLayer = Strong;
        TreeField = Body;
        TreeProblem = new Style(p.Error, decoration: Decoration.Bold);
        TreeLayerUnderlined = new Style(p.Strong, decoration: Decoration.Underline);
        TreeFieldUnderlined = new Style(p.Body, decoration: Decoration.Underline);
        TreeProblemUnderlined = new Style(p.Error, decoration: Decoration.Underline);
        _graph = new Style[(int)GraphColor.Cursor + 1];
        for (int i = 0; i < _graph.Length; i++)
        {
            var kind = (GraphColor)i;
            _graph[i] = kind switch
            {
                GraphColor.Title => Heading,
                GraphColor.Cursor => new Style(p.Graph[i], decoration: Decoration.Bold),
                GraphColor.Default => Style.Plain,
                _ => new Style(p.Graph[i]),
            };
        }
        _layers = p.Layers.Select(c => new Style(c)).ToArray();
        foreach (var color in p.All())
        {
            // Spectre keeps a named colour's palette number to itself; its name leads back to it.
            if (PaletteNumbers.Value.TryGetValue(color.ToMarkup(), out byte number))
                _paletteNumbers.TryAdd(color, number);
        }
        _layersBold = p.Layers.Select(c => new Style(c, decoration: Decoration.Bold)).ToArray();
    }

    private static readonly Lazy<Dictionary<string, byte>> PaletteNumbers = new(() =>
    {
        var numbers = new Dictionary<string, byte>(StringComparer.Ordinal);
        for (int i = 0; i < 256; i++)
            numbers.TryAdd(Color.FromInt32(i).ToMarkup(), (byte)i);
        return numbers;
    });

    /// <summary>
    /// True when the theme chose <paramref name="color"/> from the terminal's palette (the dark theme's named colours), so
    /// that it is written by its <paramref name="number"/> and shows as the user's terminal shows that entry.
    /// </summary>
    public bool TryGetPaletteNumber(Color color, out byte number) => _paletteNumbers.TryGetValue(color, out number);

    /// <summary>How the user names the theme.</summary>
    public string Name { get; }

    /// <summary>The text colour of cells that set none (default: the terminal's).</summary>
    public Color Foreground { get; }

    /// <summary>The background of cells that set none (default: the terminal's).</summary>
    public Color Background { get; }

    /// <summary>Ordinary text.</summary>
    public Style Text { get; }

    /// <summary>Text that stands out: layer headings, labels, what is being typed.</summary>
    public Style Strong { get; }

    /// <summary>Column headers and totals: bold in the text colour.</summary>
    public Style Heading { get; }

    /// <summary>Dense text: bytes, field lines.</summary>
    public Style Body { get; }

    /// <summary>Hints, unfocused pane titles, offsets.</summary>
    public Style Muted { get; }

    /// <summary>Notes between data (a followed stream's gaps).</summary>
    public Style MutedItalic { get; }

    /// <summary>Things to notice: warnings, a key's name.</summary>
    public Style Accent { get; }

    /// <summary>The focused pane's title, headings, what a pending key waits for.</summary>
    public Style AccentStrong { get; }

    /// <summary>A valid filter, progress, a running capture.</summary>
    public Style Good { get; }

    /// <summary>A filter being typed that parses.</summary>
    public Style GoodStrong { get; }

    /// <summary>Errors.</summary>
    public Style Error { get; }

    /// <summary>Errors that must be seen first.</summary>
    public Style ErrorStrong { get; }

    /// <summary>Expert notes.</summary>
    public Style Note { get; }

    /// <summary>The line or bytes under a cursor: the tree's focused line, the highlighted bytes.</summary>
    public Style Cursor { get; }

    /// <summary>A chosen item in a list of choices (interfaces, socket kinds).</summary>
    public Style CursorStrong { get; }

    /// <summary>The tree's focused cursor on a line that reports a problem.</summary>
    public Style CursorProblem { get; }

    /// <summary>A selected row drawn without a colouring rule (and over one: see <see cref="Row"/>).</summary>
    public Style Selected { get; }

    /// <summary>The status bar on the last line.</summary>
    public Style StatusBar { get; }

    /// <summary>A followed stream's client data (Wireshark: red).</summary>
    public Style Client { get; }

    /// <summary>A followed stream's server data (Wireshark: blue).</summary>
    public Style Server { get; }

    /// <summary>A layer's heading in the tree.</summary>
    public Style TreeLayer { get; }

    /// <summary>A field line in the tree.</summary>
    public Style TreeField { get; }

    /// <summary>A tree line that reports a problem (bad checksum, truncation).</summary>
    public Style TreeProblem { get; }

    /// <summary>The tree's cursor on a layer heading while another pane has the keyboard.</summary>
    public Style TreeLayerUnderlined { get; }

    /// <summary>The tree's cursor on a field while another pane has the keyboard.</summary>
    public Style TreeFieldUnderlined { get; }

    /// <summary>The tree's cursor on a problem while another pane has the keyboard.</summary>
    public Style TreeProblemUnderlined { get; }

    /// <summary>A graph's series, axis, title or cursor.</summary>
    public Style Graph(GraphColor color) => _graph[Math.Clamp((int)color, 0, _graph.Length - 1)];

    /// <summary>The layer at <paramref name="index"/> in its frame, in a byte map (cycling through the theme's layer colours).</summary>
    public Style Layer(int index, bool bold = false) => (bold ? _layersBold : _layers)[index % _layers.Length];

    /// <summary>
    /// A packet-list row's style: its colouring rule's colours (the high-contrast theme raises their contrast to
    /// <see cref="HighContrastRatio"/>; without colour there are none), in reverse and bold when selected. Built once per
    /// rule.
    /// </summary>
    public Style Row(ColoringRule? rule, bool selected)
    {
        if (rule is null || _monochrome)
            return selected ? Selected : Text;
        var styles = _rows.GetOrAdd(rule, static (r, theme) => theme.RowStyles(r), this);
        return selected ? styles.Selected : styles.Plain;
    }

    private (Style Plain, Style Selected) RowStyles(ColoringRule rule)
    {
        Color foreground = ToColor(rule.Foreground), background = ToColor(rule.Background);
        if (_ruleContrast > 0)
            (foreground, background) = Contrast.Ensure(foreground, background, _ruleContrast);
        return (new Style(foreground, background), new Style(foreground, background, Decoration.Invert | Decoration.Bold));
    }

    private static Color ToColor(RgbColor color)
    {
        var (red, green, blue) = color.To8Bit();
        return new Color(red, green, blue);
    }

    /// <summary>The theme called <paramref name="name"/> (see <see cref="Choices"/>), or null.</summary>
    public static Theme? Find(string name) => name.Trim().ToLowerInvariant() switch
    {
        "dark" => Dark,
        "light" => Light,
        "high-contrast" or "highcontrast" => HighContrast,
        _ => null,
    };

    /// <summary>
    /// The UI's first look, on the terminal's own background: named palette colours (yellow titles, grey hints, aqua
    /// cursor), the layers in <see cref="LayerPalette"/>'s colours as <c>rawnet craft</c> prints them.
    /// </summary>
    public static Theme Dark { get; } = new("dark", new Palette
    {
        Foreground = Color.Default,
        Background = Color.Default,
        Strong = Color.White,
        Body = Color.Grey85,
        Muted = Color.Grey,
        Accent = Color.Yellow,
        Good = Color.Green,
        Error = Color.Red,
        Note = Color.SkyBlue1,
        CursorText = Color.Black,
        Cursor = Color.Aqua,
        CursorProblem = Color.Red,
        BarText = Color.Black,
        Bar = Color.Grey70,
        Client = Color.Red3,
        Server = Color.DodgerBlue2,
        Graph = [Color.Default, Color.DodgerBlue1, Color.Red1, Color.DarkOrange, Color.Green3, Color.MediumPurple2, Color.Gold3, Color.LightSeaGreen,
            Color.Grey50, Color.Default, Color.Grey50, Color.Aqua],
        Layers = Enumerable.Range(0, LayerPalette.Count).Select(i => Color.FromInt32(LayerPalette.Of(i))).ToArray(),
    });

    /// <summary>Dark text on white, every pair at least 4.5:1 (WCAG AA); Wireshark's row colours as Wireshark shows them.</summary>
    public static Theme Light { get; } = new("light", new Palette
    {
        Foreground = Rgb(0x1c1c1c),
        Background = Rgb(0xffffff),
        Strong = Rgb(0x000000),
        Body = Rgb(0x262626),
        Muted = Rgb(0x5f5f5f),
        Accent = Rgb(0x875f00),
        Good = Rgb(0x005f00),
        Error = Rgb(0xaf0000),
        Note = Rgb(0x005f87),
        CursorText = Rgb(0x000000),
        Cursor = Rgb(0xafd7ff),
        CursorProblem = Rgb(0xffafaf),
        BarText = Rgb(0xffffff),
        Bar = Rgb(0x444444),
        Client = Rgb(0xaf0000),
        Server = Rgb(0x0000af),
        Graph = [Color.Default, Rgb(0x0000d7), Rgb(0xd70000), Rgb(0x875f00), Rgb(0x005f00), Rgb(0x5f00af), Rgb(0x5f5f00), Rgb(0x005f5f),
            Rgb(0x5f5f5f), Color.Default, Rgb(0x5f5f5f), Rgb(0x005f87)],
        Layers = [Rgb(0x005faf), Rgb(0x875f00), Rgb(0x005f00), Rgb(0x870087), Rgb(0xaf0000), Rgb(0x005f5f), Rgb(0x5f5f00), Rgb(0x5f00af)],
    });

    /// <summary>
    /// White and bright colours on black for a projector: every pair at least 7:1 (WCAG AAA), the colouring rules' too
    /// (their text moved toward white or black until they reach it).
    /// </summary>
    public static Theme HighContrast { get; } = new("high-contrast", new Palette
    {
        Foreground = Rgb(0xffffff),
        Background = Rgb(0x000000),
        Strong = Rgb(0xffffff),
        Body = Rgb(0xffffff),
        Muted = Rgb(0xc0c0c0),
        Accent = Rgb(0xffff00),
        Good = Rgb(0x00ff00),
        Error = Rgb(0xff8787),
        Note = Rgb(0x87d7ff),
        CursorText = Rgb(0x000000),
        Cursor = Rgb(0xffff00),
        CursorProblem = Rgb(0xff8787),
        BarText = Rgb(0x000000),
        Bar = Rgb(0xffffff),
        Client = Rgb(0xff8787),
        Server = Rgb(0x87afff),
        Graph = [Color.Default, Rgb(0x87afff), Rgb(0xff8787), Rgb(0xffaf00), Rgb(0x00ff00), Rgb(0xd7afff), Rgb(0xffff00), Rgb(0x00ffff),
            Rgb(0xc0c0c0), Color.Default, Rgb(0xc0c0c0), Rgb(0xffffff)],
        Layers = [Rgb(0x87afff), Rgb(0xffaf00), Rgb(0x00ff87), Rgb(0xff87ff), Rgb(0xff8700), Rgb(0x00ffff), Rgb(0xffff00), Rgb(0xd7afff)],
    }, ruleContrast: HighContrastRatio);

    /// <summary>No colour at all (<c>NO_COLOR</c>): bold for emphasis, reverse video for cursors, selection and the status bar.</summary>
    public static Theme Monochrome { get; } = new("none", new Palette
    {
        Graph = Enumerable.Repeat(Color.Default, (int)GraphColor.Cursor + 1).ToArray(),
        Layers = [Color.Default],
    }, monochrome: true);

    private static Color Rgb(int rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);

    /// <summary>The colours a theme is built from (Color.Default: the terminal's own).</summary>
    private sealed class Palette
    {
        public Color Foreground { get; init; } = Color.Default;
        public Color Background { get; init; } = Color.Default;
        public Color Strong { get; init; } = Color.Default;
        public Color Body { get; init; } = Color.Default;
        public Color Muted { get; init; } = Color.Default;
        public Color Accent { get; init; } = Color.Default;
        public Color Good { get; init; } = Color.Default;
        public Color Error { get; init; } = Color.Default;
        public Color Note { get; init; } = Color.Default;
        public Color CursorText { get; init; } = Color.Default;
        public Color Cursor { get; init; } = Color.Default;
        public Color CursorProblem { get; init; } = Color.Default;
        public Color BarText { get; init; } = Color.Default;
        public Color Bar { get; init; } = Color.Default;
        public Color Client { get; init; } = Color.Default;
        public Color Server { get; init; } = Color.Default;
        /// <summary>By <see cref="GraphColor"/>.</summary>
        public required Color[] Graph { get; init; }
        public required Color[] Layers { get; init; }

        /// <summary>Every colour of the palette.</summary>
        public IEnumerable<Color> All() =>
            new[] { Foreground, Background, Strong, Body, Muted, Accent, Good, Error, Note, CursorText, Cursor, CursorProblem, BarText, Bar, Client, Server }
                .Concat(Graph).Concat(Layers).Where(c => c != Color.Default);
    }
}
