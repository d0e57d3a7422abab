using RawNet.Protocols.Conversations.Follow;
using RawNet.Ui.Model;
using RawNet.Ui.Theming;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// A followed TCP or UDP stream (Wireshark's Follow Stream): a title naming the two ends, the data as text with each
/// end in its own colour (the client, which sent the first packet, red; the server blue, as Wireshark), long lines
/// wrapped, scrolled from <paramref name="top"/>, and a last line with each end's byte count.
/// </summary>
public sealed class FollowScreen(Theme theme, FollowedStream stream, int top, int height) : IRenderable
{
    /// <summary>Rows of data the screen shows at <paramref name="height"/> lines (title and totals take two).</summary>
    public static int RowsFor(int height) => Math.Max(1, height - 2);

    /// <summary>Screen rows the stream's lines take at <paramref name="width"/> columns, wrapped.</summary>
    public static int RowCount(FollowedStream stream, int width)
    {
        int rows = 0;
        foreach (var line in stream.Lines)
            rows += RowsOf(line, width);
        return rows;
    }

    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var ends = stream.Endpoints;
        string protocol = stream.Protocol == FollowProtocol.Tcp ? "TCP" : "UDP";
        var lines = new List<List<Segment>>
        {
            new()
            {
                Cells.Title(theme, $"Follow {protocol} stream {stream.Stream}: {FollowedStream.Name(ends.Client)} → {FollowedStream.Name(ends.Server)}  (client red, server blue; j/k scroll, Esc back)", true, maxWidth),
            },
        };
        int rows = RowsFor(height);
        int skip = top;
        foreach (var line in stream.Lines)
        {
            if (lines.Count > rows)
                break;
            int count = RowsOf(line, maxWidth);
            if (skip >= count)
            {
                skip -= count;
                continue;
            }
            var style = line.IsNote ? theme.MutedItalic : line.Node == FollowNode.Client ? theme.Client : theme.Server;
            for (int row = skip; row < count && lines.Count <= rows; row++)
            {
                int start = row * maxWidth;
                string text = line.Text.Length == 0 ? "" : line.Text.Substring(start, Math.Min(maxWidth, line.Text.Length - start));
                lines.Add([new Segment(Cells.Fit(text, maxWidth), style)]);
            }
            skip = 0;
        }
        while (lines.Count <= rows)
            lines.Add([new Segment(new string(' ', maxWidth), theme.Text)]);
        string totals = $" {FollowedStream.Name(ends.Client)}: {Bytes(stream.ClientBytes)}   {FollowedStream.Name(ends.Server)}: {Bytes(stream.ServerBytes)}   {stream.Packets} packet{(stream.Packets == 1 ? "" : "s")}";
        lines.Add([new Segment(Cells.Fit(totals, maxWidth), theme.Heading)]);
        return Cells.Lines(lines, maxWidth, height);
    }

    private static int RowsOf(FollowLine line, int width) => Math.Max(1, (line.Text.Length + width - 1) / Math.Max(1, width));

    private static string Bytes(long count) => count == 1 ? "1 byte" : $"{count} bytes";
}
