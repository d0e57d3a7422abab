using System.Text;
using System.Text.RegularExpressions;
using RawNet.Output.Graphs;
using RawNet.Output.Graphs.Terminal;
using ScottPlot;

namespace RawNet.Plotting;

/// <summary>
/// Writes a <see cref="GraphModel"/> as an SVG or PNG file (by the file name's extension) with ScottPlot: the title
/// naming the stream and direction, the capture's name below it, axis labels with their units (the same SI prefix per
/// axis as the terminal form, <see cref="AxisScale"/>), the series in their colours (retransmissions red) and a legend.
/// The output is the same bytes for the same graph and size: a fixed font embedded in this assembly (DejaVu Sans),
/// no dates, and SVG clip-path names numbered from 1 in each file (Skia numbers them per process).
/// </summary>
public static partial class GraphFileWriter
{
    /// <summary>The font family every text is drawn in.</summary>
    public const string FontName = "RawNet DejaVu Sans";

    /// <summary>Default picture size, pixels.</summary>
    public const int DefaultWidth = 1200, DefaultHeight = 700;

    private static readonly Lock Setup = new();
    private static bool _fontRegistered;

    /// <summary>True when <paramref name="path"/> names a kind of file this writer makes (.svg or .png, any case).</summary>
    public static bool IsSupported(string path) => FormatOf(path) is not null;

    /// <summary>
    /// Draws <paramref name="graph"/> (the part <paramref name="view"/> selects) at <paramref name="width"/> ×
    /// <paramref name="height"/> pixels into <paramref name="path"/>. I/O failures surface as the usual exceptions
    /// (UnauthorizedAccessException, DirectoryNotFoundException, IOException) for the caller to report.
    /// </summary>
    public static void Save(GraphModel graph, string path, int width = DefaultWidth, int height = DefaultHeight, GraphView view = default)
    {
        string format = FormatOf(path) ?? throw new ArgumentException($"{path}: the name must end in .svg or .png", nameof(path));
        var plot = Build(graph, view);
        byte[] bytes = format == "svg"
            ? Encoding.UTF8.GetBytes(NumberClipPaths(plot.GetSvgXml(width, height)))
            : plot.GetImageBytes(width, height, ImageFormat.Png);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>The SVG text of <paramref name="graph"/>, as <see cref="Save"/> writes it.</summary>
    public static string Svg(GraphModel graph, int width = DefaultWidth, int height = DefaultHeight, GraphView view = default) =>
        NumberClipPaths(Build(graph, view).GetSvgXml(width, height));

    private static string? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".svg" => "svg",
        ".png" => "png",
        _ => null,
    };

    private static Plot Build(GraphModel graph, GraphView view)
    {
        RegisterFont();
        var (min, max) = graph.XExtent();
        double from = view.From ?? min, to = view.To ?? max;
        var xScale = AxisScale.For(graph.X.Unit, Math.Max(Math.Abs(from), Math.Abs(to)));
        var yScale = AxisScale.For(graph.Y.Unit, LargestY(graph, from, to));

        var plot = new Plot();
        plot.Font.Set(FontName);
        foreach (var series in graph.Series)
            Add(plot, series, xScale.Divisor, yScale.Divisor);
        plot.Title(graph.Subtitle is null ? graph.Title : graph.Title + "\n" + graph.Subtitle, 14);
        plot.XLabel(xScale.Label(graph.X), 13);
        plot.YLabel(yScale.Label(graph.Y), 13);
        var legend = plot.ShowLegend(Alignment.UpperLeft);
        legend.FontName = FontName;
        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        // Rates, counts and windows start at zero rather than at the margin ScottPlot leaves below the data.
        double bottom = graph.Y.IncludesZero ? Math.Min(0, plot.Axes.GetDataLimits().Bottom) : limits.Bottom;
        if (view.From is not null || view.To is not null)
            plot.Axes.SetLimits(from / xScale.Divisor, to / xScale.Divisor, bottom, limits.Top);
        else
            plot.Axes.SetLimitsY(bottom, limits.Top);
        return plot;
    }

    private static void Add(Plot plot, GraphSeries series, double xDivisor, double yDivisor)
    {
        var color = ColorOf(series.Color);
        double[] xs = Scale(series.X, xDivisor);
        double[] ys = Scale(series.Y, yDivisor);
        var y = series.Y;
        switch (series.Style)
        {
            case SeriesStyle.Bars:
            {
                // A bar from Y to Top: ScottPlot's error bar around the middle, half the span each way (as Wireshark draws it).
                var tops = series.Top;
                var middles = new double[xs.Length];
                var halves = new double[xs.Length];
                for (int i = 0; i < xs.Length; i++)
                {
                    halves[i] = (tops[i] - y[i]) / 2 / yDivisor;
                    middles[i] = ys[i] + halves[i];
                }
                var bars = plot.Add.ErrorBar(xs, middles, halves);
                bars.Color = color;
                bars.LineWidth = 1.2f;
                bars.CapSize = 3;
                bars.LegendText = series.Name;
                break;
            }
            case SeriesStyle.Points:
            {
                var points = plot.Add.Scatter(xs, ys, color);
                points.LineWidth = 0;
                points.MarkerSize = series.Color == GraphColor.Red ? 6 : 4;
                points.MarkerShape = series.Color == GraphColor.Red ? MarkerShape.FilledDiamond : MarkerShape.FilledCircle;
                points.LegendText = series.Name;
                break;
            }
            default:
            {
                var line = plot.Add.Scatter(xs, ys, color);
                line.MarkerSize = 0;
                line.LineWidth = 1.5f;
                line.ConnectStyle = series.Style == SeriesStyle.Steps ? ConnectStyle.StepHorizontal : ConnectStyle.Straight;
                line.LegendText = series.Name;
                break;
            }
        }
    }

    private static double LargestY(GraphModel graph, double from, double to)
    {
        double largest = 0;
        foreach (var series in graph.Series)
        {
            var xs = series.X;
            var ys = series.Y;
            var tops = series.HasTop ? series.Top : ys;
            for (int i = 0; i < xs.Length; i++)
            {
                if (xs[i] < from || xs[i] > to)
                    continue;
                largest = Math.Max(largest, Math.Max(Math.Abs(tops[i]), Math.Abs(ys[i])));
            }
        }
        return largest;
    }

    /// <summary>The values divided by the axis's prefix, in an array of their own (ScottPlot keeps the arrays it is given).</summary>
    private static double[] Scale(ReadOnlySpan<double> values, double divisor)
    {
        var scaled = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
            scaled[i] = values[i] / divisor;
        return scaled;
    }

    /// <summary>The picture's colour for each of the graph's named colours (Tango-like, as Wireshark's graphs).</summary>
    public static Color ColorOf(GraphColor color) => color switch
    {
        GraphColor.Blue => Color.FromHex("#3465A4"),
        GraphColor.Red => Color.FromHex("#CC0000"),
        GraphColor.Orange => Color.FromHex("#F57900"),
        GraphColor.Green => Color.FromHex("#4E9A06"),
        GraphColor.Purple => Color.FromHex("#75507B"),
        GraphColor.Yellow => Color.FromHex("#C4A000"),
        GraphColor.Teal => Color.FromHex("#06989A"),
        GraphColor.Gray => Color.FromHex("#888A85"),
        _ => Color.FromHex("#2E3436"),
    };

    /// <summary>Renames the clip paths cl_N (numbered per process by Skia) to cl_1, cl_2 ... in order of appearance.</summary>
    private static string NumberClipPaths(string svg)
    {
        var names = new Dictionary<string, string>();
        return ClipPathName().Replace(svg, match =>
        {
            if (!names.TryGetValue(match.Value, out var name))
            {
                name = "cl_" + (names.Count + 1);
                names.Add(match.Value, name);
            }
            return name;
        });
    }

    [GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial Regex ClipPathName();

    private static void RegisterFont()
    {
        lock (Setup)
        {
            if (_fontRegistered)
                return;
            Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
            _fontRegistered = true;
        }
    }

    /// <summary>Gives ScottPlot the DejaVu Sans embedded in this assembly for <see cref="FontName"/>, whatever weight or slant is asked for.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        private readonly SkiaSharp.SKTypeface _typeface = Load();

        private static SkiaSharp.SKTypeface Load()
        {
            using var stream = typeof(GraphFileWriter).Assembly.GetManifestResourceStream("RawNet.Plotting.DejaVuSans.ttf")
                ?? throw new InvalidOperationException("the embedded font is missing from RawNet.Plotting");
            using var data = SkiaSharp.SKData.Create(stream);
            return SkiaSharp.SKTypeface.FromData(data);
        }

        public SkiaSharp.SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == FontName ? _typeface : null;

        public SkiaSharp.SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => fontName == FontName ? _typeface : null;
    }
}
