using System.Globalization;
using RawNet.Output.Columns;
using RawNet.Ui.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// The packet list: a title line, a column header, then one row per packet on screen (No., Time, Source, Destination,
/// Protocol, Length, Info), coloured by the first colouring rule the packet matches (the user's, then Wireshark's
/// defaults: text and background, as the theme shows them), the selected row marked with <c>&gt;</c> and shown in reverse.
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
        int time = TimeFormats.Width(view.TimeFormat);
        int info = Math.Max(0, maxWidth - (2 + 8 + time + 1 + 2 * (address + 1) + 9 + 7));
        var lines = new List<List<Segment>>
        {
            new() { Cells.Title(view.Theme, $"Packets ({view.ShownCount} shown of {view.TotalCount})", view.Focus == Pane.Packets, maxWidth) },
            new() { new Segment(Cells.Fit(Columns("No.", "Time", "Source", "Destination", "Protocol", "Length", "Info", time, address, info, false), maxWidth), view.Theme.Heading) },
        };
        for (int row = view.Top; row < last; row++)
        {
            int frame = view.FrameAt(row);
            var packet = view.Source.Row(frame);
            bool selected = row == view.Selected;
            string text = Columns(packet.Number.ToString(CultureInfo.InvariantCulture), view.TimeText(frame),
                packet.Source, packet.Destination, packet.Protocol, packet.Length.ToString(CultureInfo.InvariantCulture), packet.Info, time, address, info, selected);
            var style = view.Theme.Row(packet.Coloring, selected);
            lines.Add([new Segment(Cells.Fit(text, maxWidth), style)]);
        }
        if (view.ShownCount == 0)
            lines.Add([new Segment(Cells.Fit(view.TotalCount == 0 ? "  (no packets in this file)" : "  (no packet matches the display filter)", maxWidth), view.Theme.Text)]);
        return Cells.Lines(lines, maxWidth, height);
    }

    private static string Columns(string number, string time, string source, string destination, string protocol, string length, string info, int timeWidth, int address, int infoWidth, bool selected) =>
        (selected ? "> " : "  ") + Cells.FitRight(number, 7) + " " + Cells.FitRight(time, timeWidth) + " " + Cells.Fit(source, address) + " " + Cells.Fit(destination, address) + " "
        + Cells.Fit(protocol, 8) + " " + Cells.FitRight(length, 6) + " " + Cells.Fit(info, infoWidth);
}
