using System.Globalization;
using RawNet.Output.Columns;
using RawNet.Ui.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// The packet list: a title line, a column header, then one row per packet on screen (No., Time, Source, Destination,
/// Protocol, Length, Info), coloured as Wireshark's default colouring rules colour them (text and background), the
/// selected row marked with <c>&gt;</c> and shown in reverse.
/// </summary>
public sealed class PacketList(CaptureView view, int height) : IRenderable
{
    /// <summary>Rows of packets this widget shows at <paramref name="height"/> lines (title and header take two).</summary>
    public static int RowsFor(int height) => Math.Max(1, height - 2);

    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        int rows = RowsFor(height);
        int last = Math.Min(view.ShownCount, view.Top + rows);
        // Source and Destination as wide as the longest address on screen, so Info gets the rest.
        int address = "Destination".Length;
        for (int row = view.Top; row < last; row++)
        {
            var shown = view.Source.Row(view.FrameAt(row));
            address = Math.Max(address, Math.Max(shown.Source.Length, shown.Destination.Length));
        }
        address = Math.Min(address, maxWidth >= 110 ? 39 : maxWidth >= 90 ? 16 : 12);
        int info = Math.Max(0, maxWidth - (2 + 8 + 12 + 2 * (address + 1) + 9 + 7));
        var lines = new List<List<Segment>>
        {
            new() { Cells.Title($"Packets ({view.ShownCount} shown of {view.TotalCount})", view.Focus == Pane.Packets, maxWidth) },
            new() { new Segment(Cells.Fit(Columns("No.", "Time", "Source", "Destination", "Protocol", "Length", "Info", address, info, false), maxWidth), new Style(decoration: Decoration.Bold)) },
        };
        for (int row = view.Top; row < last; row++)
        {
            var packet = view.Source.Row(view.FrameAt(row));
            bool selected = row == view.Selected;
            string text = Columns(packet.Number.ToString(CultureInfo.InvariantCulture), packet.Time.ToString("0.000000", CultureInfo.InvariantCulture),
                packet.Source, packet.Destination, packet.Protocol, packet.Length.ToString(CultureInfo.InvariantCulture), packet.Info, address, info, selected);
            var style = StyleOf(packet.Coloring, selected);
            lines.Add([new Segment(Cells.Fit(text, maxWidth), style)]);
        }
        if (view.ShownCount == 0)
            lines.Add([new Segment(Cells.Fit(view.TotalCount == 0 ? "  (no packets in this file)" : "  (no packet matches the display filter)", maxWidth))]);
        return Cells.Lines(lines, maxWidth, height);
    }

    private static string Columns(string number, string time, string source, string destination, string protocol, string length, string info, int address, int infoWidth, bool selected) =>
        (selected ? "> " : "  ") + Cells.FitRight(number, 7) + " " + Cells.FitRight(time, 11) + " " + Cells.Fit(source, address) + " " + Cells.Fit(destination, address) + " "
        + Cells.Fit(protocol, 8) + " " + Cells.FitRight(length, 6) + " " + Cells.Fit(info, infoWidth);

    /// <summary>A row's style: the colouring rule's text and background colours (none: the screen's), reversed when selected.</summary>
    public static Style StyleOf(ColoringRule? rule, bool selected)
    {
        var decoration = selected ? Decoration.Invert | Decoration.Bold : Decoration.None;
        if (rule is null)
            return new Style(decoration: decoration);
        return new Style(ToColor(rule.Foreground), ToColor(rule.Background), decoration);
    }

    private static Color ToColor(RgbColor color)
    {
        var (red, green, blue) = color.To8Bit();
        return new Color(red, green, blue);
    }
}
