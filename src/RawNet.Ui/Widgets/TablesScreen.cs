using System.Globalization;
using RawNet.Output.Statistics;
using RawNet.Protocols;
using RawNet.Ui.Model;
using RawNet.Ui.Theming;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// The conversations screen (Wireshark's Statistics → Conversations, TCP and UDP, as tshark's <c>-z conv</c> counts
/// them: packets and bytes each way, relative start, duration, bits/s each way) or the expert screen (severity, group,
/// protocol, summary, count, first packet), a row selected.
/// </summary>
public sealed class TablesScreen(CaptureView view, bool conversations, int height) : IRenderable
{
    /// <summary>Rows of table the screen shows at <paramref name="height"/> lines (title and header take two).</summary>
    public static int RowsFor(int height) => Math.Max(1, height - 2);

    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var tables = view.Tables;
        var theme = view.Theme;
        var lines = new List<List<Segment>>();
        int rows = RowsFor(height);
        if (conversations)
        {
            string order = $"{tables.Sort}{(tables.Descending ? " ↓" : " ↑")}";
            lines.Add([Cells.Title(theme, $"Conversations ({tables.Conversations.Count}; sorted by {order})  o sort  r reverse  Enter its packets  Esc back", true, maxWidth)]);
            // Addresses as wide as the longest on screen (IPv4 needs 15, IPv6 up to 39).
            int last = Math.Min(tables.Conversations.Count, tables.Top + rows);
            int address = "Address A".Length;
            for (int i = tables.Top; i < last; i++)
            {
                var row = tables.Conversations[i].Row;
                address = Math.Max(address, Math.Max(TablePrinter.Address(row.Family, row.AddressA).Length, TablePrinter.Address(row.Family, row.AddressB).Length));
            }
            lines.Add([new Segment(Cells.Fit(ConversationHeader(address), maxWidth), theme.Heading)]);
            for (int i = tables.Top; i < last; i++)
                lines.Add([new Segment(Cells.Fit((i == tables.Selected ? "> " : "  ") + Conversation(tables.Conversations[i], address), maxWidth), i == tables.Selected ? theme.Selected : theme.Text)]);
            if (tables.Conversations.Count == 0)
                lines.Add([new Segment(Cells.Fit("  (no TCP or UDP conversations)", maxWidth), theme.Text)]);
        }
        else
        {
            lines.Add([Cells.Title(theme, $"Expert information ({tables.Expert.Count} items)  Enter first packet  Esc back", true, maxWidth)]);
            lines.Add([new Segment(Cells.Fit(ExpertHeader, maxWidth), theme.Heading)]);
            for (int i = tables.Top; i < Math.Min(tables.Expert.Count, tables.Top + rows); i++)
            {
                var entry = tables.Expert[i];
                var style = i == tables.Selected ? theme.Selected : SeverityStyle(theme, entry.Severity);
                lines.Add([new Segment(Cells.Fit((i == tables.Selected ? "> " : "  ") + Expert(entry), maxWidth), style)]);
            }
            if (tables.Expert.Count == 0)
                lines.Add([new Segment(Cells.Fit("  (no expert information)", maxWidth), theme.Text)]);
        }
        return Cells.Lines(lines, maxWidth, height);
    }

    private static string ConversationHeader(int address) =>
        $"  Proto {"Address A".PadRight(address)} Port A {"Address B".PadRight(address)} Port B  Packets      Bytes  A→B pkts  A→B bytes  B→A pkts  B→A bytes  Rel start  Duration  A→B bits/s  B→A bits/s";

    private const string ExpertHeader = "  Severity  Group           Protocol  Count  First  Summary";

    /// <summary>One conversation's columns (Wireshark's conversation table), addresses <paramref name="address"/> wide.</summary>
    public static string Conversation(in ConversationLine line, int address)
    {
        var r = line.Row;
        double duration = (r.Stop - r.Start) / 1e9;
        string Rate(long bytes) => duration > 0 ? (bytes * 8 / duration).ToString("0", CultureInfo.InvariantCulture) : "N/A";
        return string.Create(CultureInfo.InvariantCulture,
            $"{(line.Kind == TallyKind.Tcp ? "TCP" : "UDP"),-5} {TablePrinter.Address(r.Family, r.AddressA).PadRight(address)} {r.PortA,6} {TablePrinter.Address(r.Family, r.AddressB).PadRight(address)} {r.PortB,6} {r.Frames,8} {r.Bytes,10} {r.FramesAToB,9} {r.BytesAToB,10} {r.FramesBToA,9} {r.BytesBToA,10} {r.Start / 1e9,10:0.000000} {duration,9:0.0000} {Rate(r.BytesAToB),11} {Rate(r.BytesBToA),11}");
    }

    private static string Expert(ExpertEntry entry) => string.Create(CultureInfo.InvariantCulture,
        $"{entry.Severity,-9} {entry.Group,-15} {entry.Protocol,-8} {entry.Frequency,6} {entry.FirstFrame,6}  {entry.Summary}");

    private static Style SeverityStyle(Theme theme, ExpertSeverity severity) => severity switch
    {
        ExpertSeverity.Error => theme.Error,
        ExpertSeverity.Warning => theme.Accent,
        ExpertSeverity.Note => theme.Note,
        _ => theme.Muted,
    };
}
