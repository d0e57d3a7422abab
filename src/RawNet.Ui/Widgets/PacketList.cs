using System.Globalization;
using System.Text;
using RawNet.Ui.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// The packet list: a title line, a column header, then one row per packet on screen (<see cref="ListColumns"/>: by
/// default No., Time, Source, Destination, Protocol, Length, Info), coloured by the first colouring rule the packet matches (the user's, then Wireshark's
/// defaults: text and background, as the theme shows them), the selected row marked with <c>&gt;</c> and shown in reverse.
/// </summary>
public sealed class PacketList(CaptureView view, int height) : IRenderable
{
    /// <summary>Rows of packets this widget shows at <paramref name="height"/> lines (title and header take two).</summary>
    public static int RowsFor(int height) => Math.Max(1, height - 2);

    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var columns = view.Source.Columns;
        int rows = RowsFor(height);
        int last = Math.Min(view.ShownCount, view.Top + rows);
        // Source and Destination as wide as the longest address on screen, a field column as its longest value (within
        // bounds), so Info gets the rest.
        int address = "Destination".Length;
        Span<int> widths = stackalloc int[columns.Kinds.Count];
        for (int c = 0; c < widths.Length; c++)
            widths[c] = columns.Kinds[c] == ListColumnKind.Field ? Math.Min(columns.Titles[c].Length, MaxFieldWidth) : 0;
        for (int row = view.Top; row < last; row++)
        {
            var shown = view.Source.Row(view.FrameAt(row));
            address = Math.Max(address, Math.Max(shown.Source.Length, shown.Destination.Length));
            for (int c = 0; c < widths.Length; c++)
            {
                if (columns.FieldIndex[c] >= 0 && shown.Fields is { } fields)
                    widths[c] = Math.Clamp(fields[columns.FieldIndex[c]].Length, widths[c], MaxFieldWidth);
            }
        }
        address = Math.Min(address, maxWidth >= 110 ? 39 : maxWidth >= 90 ? 16 : 12);
        int time = TimeFormats.Width(view.TimeFormat);
        int used = 2 + widths.Length - 1;
        for (int c = 0; c < widths.Length; c++)
        {
            widths[c] = columns.Kinds[c] switch
            {
                ListColumnKind.Number => 7,
                ListColumnKind.Time => time,
                ListColumnKind.Source or ListColumnKind.Destination => address,
                ListColumnKind.Protocol => 8,
                ListColumnKind.Length => 6,
                ListColumnKind.Info => 0,
                _ => widths[c],
            };
            used += widths[c];
        }
        // Info takes what the other columns leave.
        for (int c = 0; c < widths.Length; c++)
        {
            if (columns.Kinds[c] == ListColumnKind.Info)
                widths[c] = Math.Max(0, maxWidth - used);
        }
        var theme = view.Theme;
        var text = new StringBuilder(maxWidth + 16);
        text.Append("  ");
        for (int c = 0; c < widths.Length; c++)
            AppendCell(text, c, columns.Titles[c], widths[c], RightAligned(columns.Kinds[c]));
        var lines = new List<List<Segment>>
        {
            new() { Cells.Title(theme, $"Packets ({view.ShownCount} shown of {view.TotalCount})", view.Focus == Pane.Packets, maxWidth) },
            new() { new Segment(Cells.Fit(text.ToString(), maxWidth), theme.Heading) },
        };
        for (int row = view.Top; row < last; row++)
        {
            int frame = view.FrameAt(row);
            var packet = view.Source.Row(frame);
            bool selected = row == view.Selected;
            text.Clear().Append(selected ? "> " : "  ");
            for (int c = 0; c < widths.Length; c++)
                AppendCell(text, c, CellText(columns, c, packet, frame), widths[c], RightAligned(columns.Kinds[c]));
            lines.Add([new Segment(Cells.Fit(text.ToString(), maxWidth), theme.Row(packet.Coloring, selected))]);
        }
        if (view.ShownCount == 0)
            lines.Add([new Segment(Cells.Fit(view.TotalCount == 0 ? "  (no packets in this file)" : "  (no packet matches the display filter)", maxWidth), theme.Text)]);
        return Cells.Lines(lines, maxWidth, height);
    }

    /// <summary>The widest a field column gets (a field with many occurrences would otherwise push Info off screen).</summary>
    public const int MaxFieldWidth = 30;

    private string CellText(ListColumns columns, int column, PacketRow packet, int frame) => columns.Kinds[column] switch
    {
        ListColumnKind.Number => packet.Number.ToString(CultureInfo.InvariantCulture),
        ListColumnKind.Time => view.TimeText(frame),
        ListColumnKind.Source => packet.Source,
        ListColumnKind.Destination => packet.Destination,
        ListColumnKind.Protocol => packet.Protocol,
        ListColumnKind.Length => packet.Length.ToString(CultureInfo.InvariantCulture),
        ListColumnKind.Info => packet.Info,
        _ => packet.Fields is { } fields ? fields[columns.FieldIndex[column]] : "",
    };

    private static bool RightAligned(ListColumnKind kind) => kind is ListColumnKind.Number or ListColumnKind.Time or ListColumnKind.Length;

    private static void AppendCell(StringBuilder text, int column, string value, int width, bool right)
    {
        if (column > 0)
            text.Append(' ');
        text.Append(right ? Cells.FitRight(value, width) : Cells.Fit(value, width));
    }
}
