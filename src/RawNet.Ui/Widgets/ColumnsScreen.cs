using RawNet.Ui.Model;
using RawNet.Ui.Theming;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// The columns screen: the packet list's columns in order, the cursor's highlighted, each marked as one of Wireshark's
/// columns or a field; while a column is being typed, the name and the completions that fit below it.
/// </summary>
public sealed class ColumnsScreen(Theme theme, ColumnEditor editor, int height) : IRenderable
{
    /// <summary>The heading line.</summary>
    public const string Heading = "Columns  j/k choose  J/K move  a add (Tab completes)  d remove  Esc back (kept in ui.conf)";

    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var lines = new List<List<Segment>> { new() { Cells.Title(theme, Heading, true, maxWidth) } };
        var kinds = editor.Columns.Kinds;
        for (int i = 0; i < editor.Names.Count; i++)
        {
            bool cursor = i == editor.Cursor;
            string kind = i < kinds.Count && kinds[i] == ListColumnKind.Field ? "field, as -T fields prints it" : "Wireshark's column";
            string text = $"{(cursor ? "> " : "  ")}{i + 1,2}  {editor.Names[i],-40} {kind}";
            lines.Add([new Segment(Cells.Fit(text, maxWidth), cursor ? theme.CursorStrong : theme.Text)]);
        }
        lines.Add([new Segment(new string(' ', maxWidth), theme.Text)]);
        if (editor.Adding)
        {
            const string Prompt = "  Add after the cursor: ";
            lines.Add([new Segment(Prompt, theme.Strong), new Segment(Cells.Fit(editor.Draft + "_", Math.Max(0, maxWidth - Prompt.Length)), editor.Problem is null ? theme.GoodStrong : theme.ErrorStrong)]);
            lines.Add([new Segment(Cells.Fit("  " + (editor.Problem ?? $"{editor.Candidates.Count}{(editor.Candidates.Count >= ColumnEditor.MaxCandidates ? "+" : "")} names start so: Tab completes, Enter adds, Esc cancels"), maxWidth),
                editor.Problem is null ? theme.Muted : theme.Error)]);
            // As many completions as fit, several to a line.
            var line = new System.Text.StringBuilder("  ");
            foreach (var candidate in editor.Candidates)
            {
                if (lines.Count >= height)
                    break;
                if (line.Length + candidate.Length + 2 > maxWidth && line.Length > 2)
                {
                    lines.Add([new Segment(Cells.Fit(line.ToString(), maxWidth), theme.Body)]);
                    line.Clear().Append("  ");
                }
                line.Append(candidate).Append("  ");
            }
            if (line.Length > 2 && lines.Count < height)
                lines.Add([new Segment(Cells.Fit(line.ToString(), maxWidth), theme.Body)]);
        }
        else if (editor.Problem is { } problem)
            lines.Add([new Segment(Cells.Fit("  " + problem, maxWidth), theme.Error)]);
        return Cells.Lines(lines, maxWidth, height);
    }
}
