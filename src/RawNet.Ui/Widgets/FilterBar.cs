using RawNet.Ui.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// Two lines: the display filter (green while it parses, red with a <c>^</c> under the error's position and the message
/// when it does not), and below it a key hint when the filter is not being edited.
/// </summary>
public sealed class FilterBar(CaptureView view) : IRenderable
{
    /// <summary>The prompt before the filter text.</summary>
    public const string Prompt = "Filter: ";

    /// <summary>The hint under an idle filter bar.</summary>
    public const string Keys = "j/k move  PgUp/Dn page  g/G ends  Enter expand  Tab pane  / filter  s stats  i ifaces  c craft  p play  ? help  q quit";

    /// <summary>The hint under the Find bar.</summary>
    public const string SearchKeys = "Tab: string, hex, regex or display filter  Ctrl-T: in list, details or bytes  Enter finds (then n / N)  Esc closes";

    /// <summary>The hint on the craft screen.</summary>
    public const string CraftKeys = "x run  ←/→ socket  / or e payload  v IPv4/IPv6  a lab  Enter send  j/k PgUp/PgDn scroll  Esc or c back  ? help  q quit";

    /// <summary>
    /// The key a click at <paramref name="column"/> of hint line <paramref name="hints"/> stands for: hints are "KEY what"
    /// two spaces apart, a KEY like <c>j/k</c> giving the one clicked on; null between hints.
    /// </summary>
    public static ConsoleKeyInfo? KeyAt(string hints, int column)
    {
        if (column < 0 || column >= hints.Length
            || hints[column] == ' ' && (column > 0 && hints[column - 1] == ' ' || column + 1 < hints.Length && hints[column + 1] == ' '))
            return null;
        int start = hints.LastIndexOf("  ", column, StringComparison.Ordinal);
        start = start < 0 ? 0 : start + 2;
        int keyEnd = hints.IndexOf(' ', start);
        if (keyEnd < 0)
            return null;
        // The alternative under the pointer, or the first when the pointer is on the words after the key.
        int from = start, to = keyEnd;
        for (int i = start; i < keyEnd; i++)
        {
            if (hints[i] != '/' || i == start)
                continue;
            if (column < i)
            {
                to = i;
                break;
            }
            from = i + 1;
        }
        if (column >= keyEnd)
        {
            from = start;
            int slash = hints.IndexOf('/', start + 1, keyEnd - start - 1);
            to = slash < 0 ? keyEnd : slash;
        }
        return hints.AsSpan(from, to - from) switch
        {
            "Enter" => new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false),
            "Tab" => new ConsoleKeyInfo('\t', ConsoleKey.Tab, false, false, false),
            "Esc" => new ConsoleKeyInfo('\e', ConsoleKey.Escape, false, false, false),
            "PgUp" => new ConsoleKeyInfo('\0', ConsoleKey.PageUp, false, false, false),
            "Dn" or "PgDn" => new ConsoleKeyInfo('\0', ConsoleKey.PageDown, false, false, false),
            "←" => new ConsoleKeyInfo('\0', ConsoleKey.LeftArrow, false, false, false),
            "→" => new ConsoleKeyInfo('\0', ConsoleKey.RightArrow, false, false, false),
            [var c] => Input.KeyMap.FromChar(c),
            _ => null,
        };
    }

    /// <summary>What the hint line says while a vim count, mark, copy or ':' line is pending, or "".</summary>
    public static string PendingText(VimMotions vim) =>
        vim.CommandDraft is { } draft ? $":{draft}_  (N Enter goes to packet N, w FILE Enter saves the packets shown as pcapng, Esc cancels)"
        : vim.PendingYank ? "y_  (copy: y the row, f the field, x its bytes as hex, t the whole tree; Esc cancels)"
        : vim.PendingMark == 'm' ? "m_  (a letter: mark the selected packet)"
        : vim.PendingMark != '\0' ? $"{vim.PendingMark}_  (a letter: go to that mark)"
        : vim.Count > 0 ? $"{vim.Count}_  (count: j, k, PgUp, PgDn move that many; G goes to that packet)" : "";

    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var theme = view.Theme;
        if (view.EditingSearch)
        {
            string prompt = $"Find {PacketSearch.Name(view.SearchKind)}" + (view.SearchKind is SearchKind.String or SearchKind.Regex ? $" in {PacketSearch.Name(view.SearchTarget)}" : "") + ": ";
            var searchProblem = view.SearchProblem;
            yield return new Segment(prompt, theme.Strong);
            yield return new Segment(Cells.Fit(view.SearchDraft + "_", Math.Max(0, maxWidth - prompt.Length)), searchProblem is null ? theme.GoodStrong : theme.ErrorStrong);
            yield return Segment.LineBreak;
            yield return new Segment(Cells.Fit(searchProblem ?? SearchKeys, maxWidth), searchProblem is null ? theme.Muted : theme.Error);
            yield break;
        }
        if (!view.EditingFilter)
        {
            bool none = view.FilterText.Length == 0;
            yield return new Segment(Prompt, theme.Muted);
            yield return new Segment(Cells.Fit(none ? "(none: press / to filter)" : view.FilterText, maxWidth - Prompt.Length),
                none ? theme.Muted : theme.Good);
            yield return Segment.LineBreak;
            // A pending vim count, mark or ':' line takes the hint's place, so what is being typed is seen.
            string pending = view.Screen == ScreenKind.Main ? PendingText(view.Vim) : "";
            if (pending.Length > 0)
                yield return new Segment(Cells.Fit(pending, maxWidth), theme.AccentStrong);
            else
                yield return new Segment(Cells.Fit(view.Screen == ScreenKind.Craft ? CraftKeys : Keys, maxWidth), theme.Muted);
            yield break;
        }
        var problem = view.FilterProblem;
        yield return new Segment(Prompt, theme.Strong);
        yield return new Segment(Cells.Fit(view.FilterDraft + "_", maxWidth - Prompt.Length), problem is null ? theme.GoodStrong : theme.ErrorStrong);
        yield return Segment.LineBreak;
        string second = problem is null
            ? (view.FilterDraft.Trim().Length == 0 ? "Enter clears the filter, Esc cancels" : "valid: Enter applies, Esc cancels")
            : new string(' ', Prompt.Length + Cells.Count(view.FilterDraft[..Math.Clamp(problem.Position, 0, view.FilterDraft.Length)])) + "^ " + problem.Message;
        yield return new Segment(Cells.Fit(second, maxWidth), problem is null ? theme.Good : theme.Error);
    }
}
