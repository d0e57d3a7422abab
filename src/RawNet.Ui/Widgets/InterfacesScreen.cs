using RawNet.Ui.Model;
using RawNet.Ui.Theming;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// The interfaces screen: the capture filter field (green when it compiles, red with pcap's error), a "stop" row while a
/// capture runs, one row per interface with its flags and addresses, the cursor row highlighted, and below them the
/// answer to the last Enter (e.g. why capturing is not allowed and how to allow it).
/// </summary>
public sealed class InterfacesScreen(Theme theme, InterfacePicker picker, int height) : IRenderable
{
    /// <summary>The heading line.</summary>
    public const string Heading = "Interfaces  j/k choose, f edit the capture filter, Enter start, Esc back";

    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var lines = new List<List<Segment>> { new() { Cells.Title(theme, Heading, true, maxWidth) } };
        const string prompt = "  Capture filter: ";
        bool compiles = picker.FilterError is null;
        string filter = picker.Filter.Length == 0 && !picker.EditingFilter ? "(none: f to edit)" : picker.Filter + (picker.EditingFilter ? "_" : "");
        lines.Add([new Segment(prompt, picker.EditingFilter ? theme.Strong : theme.Muted),
            new Segment(Cells.Fit(filter, maxWidth - prompt.Length), picker.Filter.Length == 0 ? theme.Muted : compiles ? theme.GoodStrong : theme.ErrorStrong)]);
        string below = picker.FilterError ?? (picker.EditingFilter ? "compiles: Enter or Esc closes the field" : "");
        lines.Add([new Segment(Cells.Fit("  " + below, maxWidth), compiles ? theme.Good : theme.Error)]);
        if (picker.PrivilegeProblem is { } problem)
        {
            foreach (var line in Cells.Wrap(problem, maxWidth - 2))
                lines.Add([new Segment(Cells.Fit("  " + line, maxWidth), theme.Accent)]);
        }
        lines.Add([new Segment(new string(' ', maxWidth), theme.Text)]);

        // The answer to Enter below the list, unless it only repeats the privilege problem shown above.
        var message = picker.Message is { } m && m != picker.PrivilegeProblem ? Cells.Wrap(m, maxWidth - 2) : [];
        int rows = Math.Max(1, height - lines.Count - (message.Count > 0 ? message.Count + 1 : 0));
        int top = Math.Clamp(picker.Cursor - rows + 1, 0, Math.Max(0, picker.RowCount - rows));
        for (int row = top; row < Math.Min(picker.RowCount, top + rows); row++)
        {
            bool cursor = row == picker.Cursor;
            string text;
            Style style;
            if (picker.Capturing is { } capturing && row == 0)
            {
                text = $"Stop the capture on {capturing}";
                style = theme.Error;
            }
            else
            {
                var entry = picker.Entries[row - (picker.Capturing is null ? 0 : 1)];
                text = $"{entry.Name,-16} {entry.Details}";
                style = entry.Name == picker.Capturing ? theme.Good : theme.Body;
            }
            text = (cursor ? "> " : "  ") + text;
            lines.Add([new Segment(Cells.Fit(text, maxWidth), cursor ? theme.CursorStrong : style)]);
        }
        if (picker.RowCount == 0)
            lines.Add([new Segment(Cells.Fit("  (no interface found)", maxWidth), theme.Text)]);
        if (message.Count > 0)
        {
            lines.Add([new Segment(new string(' ', maxWidth), theme.Text)]);
            foreach (var line in message)
                lines.Add([new Segment(Cells.Fit("  " + line, maxWidth), theme.AccentStrong)]);
        }
        return Cells.Lines(lines, maxWidth, height);
    }
}
