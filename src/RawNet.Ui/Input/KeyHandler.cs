using RawNet.Ui.Model;

namespace RawNet.Ui.Input;

/// <summary>Applies keys to a <see cref="CaptureView"/>, by screen: the filter bar (and the capture filter field) take every key while open.</summary>
public static class KeyHandler
{
    /// <summary>Applies <paramref name="key"/> to the model; the outcome says what else the session must do.</summary>
    public static KeyOutcome Apply(CaptureView view, ConsoleKeyInfo key, IProgress<IndexProgress>? progress = null)
    {
        if (view.EditingFilter)
        {
            EditFilter(view, key, progress);
            return KeyOutcome.Continue;
        }
        if (view.EditingSearch)
        {
            EditSearch(view, key);
            return KeyOutcome.Continue;
        }
        if (view.Screen == ScreenKind.Main && VimKey(view, key))
            return KeyOutcome.Continue;
        var command = KeyMap.Command(key);
        return view.Screen switch
        {
            ScreenKind.Main => OnMain(view, command, progress),
            ScreenKind.Interfaces when view.Interfaces is { } picker => OnInterfaces(view, picker, key, command),
            ScreenKind.Craft when view.Craft is { } form => OnCraft(view, form, key, command),
            ScreenKind.Columns when view.ColumnEditor is { } editor => OnColumns(view, editor, key, command),
            _ => OnReport(view, key, command),
        };
    }

    /// <summary>
    /// The vim-style keys of the main screen: a count before a motion (<c>10j</c>, <c>3</c> PgDn, <c>25G</c> goes to packet
    /// 25), marks (<c>ma</c> sets mark a to the selected packet, <c>'a</c> goes back to it) and <c>:N</c> Enter to go to
    /// packet N, <c>:w FILE</c> Enter to save the packets shown, and <c>y</c> to copy (<c>yy</c>, <c>yf</c>, <c>yx</c>,
    /// <c>yt</c>). True when the key was taken here.
    /// </summary>
    private static bool VimKey(CaptureView view, ConsoleKeyInfo key)
    {
        var vim = view.Vim;
        if (vim.CommandDraft is not null)
        {
            if (vim.CommandKey(key) is { } command)
            {
                if (command.Problem is { } problem)
                    view.Status = problem;
                else if (command.SavePath is { } path)
                    view.Status = ShownPacketsFile.Save(view, path, command.Overwrite);
                else
                    view.GoToPacket(command.Packet);
            }
            return true;
        }
        if (vim.PendingMark != '\0')
        {
            int frame = vim.CompleteMark(key.KeyChar, view.SelectedFrame, out string message);
            view.Status = message;
            if (frame >= 0)
                view.GoToPacket(frame + 1);
            return true;
        }
        if (vim.PendingYank)
        {
            if (vim.CompleteYank(key.KeyChar) is { } kind)
                view.Copy(kind);
            else if (key.Key != ConsoleKey.Escape)
                view.Status = $"y{key.KeyChar} copies nothing: yy the row, yf the field, yx the bytes as hex, yt the tree";
            return true;
        }
        switch (key.KeyChar)
        {
            case 'm' or '\'' or '`':
                vim.BeginMark(key.KeyChar);
                return true;
            case ':':
                vim.BeginCommand();
                return true;
            case 'y':
                vim.BeginYank();
                return true;
        }
        return vim.TypeCountDigit(key.KeyChar);
    }

    private static KeyOutcome OnMain(CaptureView view, UiCommand command, IProgress<IndexProgress>? progress)
    {
        var vim = view.Vim;
        switch (command)
        {
            case UiCommand.Up: view.Move(-vim.TakeCount()); break;
            case UiCommand.Down: view.Move(vim.TakeCount()); break;
            case UiCommand.PageUp: view.Page(-vim.TakeCount()); break;
            case UiCommand.PageDown: view.Page(vim.TakeCount()); break;
            case UiCommand.First: vim.TakeCount(); view.First(); break;
            case UiCommand.Last when vim.TakeRawCount() is > 0 and var packet: view.GoToPacket(packet); break;
            case UiCommand.Last: view.Last(); break;
            case UiCommand.Toggle: view.ToggleExpand(); break;
            case UiCommand.NextPane: view.NextPane(); break;
            case UiCommand.Filter: view.BeginFilter(); break;
            case UiCommand.Help:
                view.StatisticsTop = 0;
                view.Screen = ScreenKind.Help;
                break;
            case UiCommand.Statistics:
                view.ComputeStatistics();
                view.StatisticsTop = 0;
                view.Screen = ScreenKind.Statistics;
                break;
            case UiCommand.Interfaces: return KeyOutcome.OpenInterfaces;
            case UiCommand.Craft: return KeyOutcome.OpenCraft;
            case UiCommand.PlayPause: view.PlayPause(); break;
            case UiCommand.Faster: view.ChangeSpeed(faster: true); break;
            case UiCommand.Slower: view.ChangeSpeed(faster: false); break;
            case UiCommand.Step when view.Replay is null: view.FindNext(forward: true); break; // n: the next match
            case UiCommand.Step: view.StepReplay(); break;
            case UiCommand.FindPrevious: view.FindNext(forward: false); break;
            case UiCommand.Find: view.BeginSearch(); break;
            case UiCommand.Back: view.EndReplay(); break;
            case UiCommand.NextProblem: view.JumpToProblem(forward: true); break;
            case UiCommand.PreviousProblem: view.JumpToProblem(forward: false); break;
            case UiCommand.TimeFormat: view.CycleTimeFormat(); break;
            case UiCommand.Follow: view.FollowSelected(progress); break;
            case UiCommand.Graph: view.GraphSelected(progress); break;
            case UiCommand.Conversations: view.OpenTables(ScreenKind.Conversations); break;
            case UiCommand.Expert: view.OpenTables(ScreenKind.Expert); break;
            case UiCommand.Columns: view.OpenColumns(); break;
            case UiCommand.GrowPane: ResizePane(view, 1); break;
            case UiCommand.ShrinkPane: ResizePane(view, -1); break;
            case UiCommand.WidenDetails: MoveSideBorder(view, 1); break;
            case UiCommand.NarrowDetails: MoveSideBorder(view, -1); break;
            case UiCommand.SwitchLayout:
                view.Layout.SwitchArrangement();
                view.Status = view.Layout.Kind == LayoutKind.SideBySide
                    ? $"Layout: side by side (details beside the bytes, from {PaneLayout.SideBySideMinimumWidth} columns; {{ and }} move the border between them); | stacks them again"
                    : "Layout: stacked; | puts the details beside the bytes";
                break;
            case UiCommand.MaximizePane:
                view.Layout.ToggleMaximized();
                view.Status = view.Layout.Kind == LayoutKind.Maximized ? "Layout: one pane (Tab shows the next); \\ shows them all" : $"Layout: {PaneLayout.Name(view.Layout.Kind)}";
                break;
            case UiCommand.Quit: return KeyOutcome.Quit;
        }
        vim.Cancel(); // a count applies to the next motion only
        return KeyOutcome.Continue;
    }

    /// <summary>
    /// The columns screen: j/k choose, J/K move the column, a adds one (typed with Tab completion, Enter adds, Esc
    /// cancels), d or x removes, Esc or L back; every change shows in the packet list at once.
    /// </summary>
    private static KeyOutcome OnColumns(CaptureView view, ColumnEditor editor, ConsoleKeyInfo key, UiCommand command)
    {
        if (editor.Adding)
        {
            if (key.Key == ConsoleKey.Tab || key.KeyChar == '\t')
                editor.Complete();
            else
            {
                switch (TextKey(key, editor.Draft, out var text))
                {
                    case TextEdit.Changed: editor.EditDraft(text); break;
                    case TextEdit.Done when editor.CommitAdd(): view.ApplyColumns(); break;
                    case TextEdit.Cancelled: editor.CancelAdd(); break;
                }
            }
            return KeyOutcome.Continue;
        }
        switch (key.KeyChar)
        {
            case 'J':
                if (editor.MoveColumn(1))
                    view.ApplyColumns();
                return KeyOutcome.Continue;
            case 'K':
                if (editor.MoveColumn(-1))
                    view.ApplyColumns();
                return KeyOutcome.Continue;
            case 'a':
                editor.BeginAdd();
                return KeyOutcome.Continue;
            case 'd' or 'x':
                if (editor.Remove())
                    view.ApplyColumns();
                return KeyOutcome.Continue;
        }
        switch (command)
        {
            case UiCommand.Up: editor.Move(-1); break;
            case UiCommand.Down: editor.Move(1); break;
            case UiCommand.Back or UiCommand.Columns: view.Screen = ScreenKind.Main; break;
            case UiCommand.Help: view.Screen = ScreenKind.Help; break;
            case UiCommand.Quit: return KeyOutcome.Quit;
        }
        return KeyOutcome.Continue;
    }

    /// <summary>&lt; and &gt;: the focused pane's share of the rows, said in the status line.</summary>
    private static void ResizePane(CaptureView view, int delta)
    {
        string name = view.Focus switch { Pane.Packets => "Packet list", Pane.Tree => "Details", _ => "Bytes" };
        if (view.Layout.Kind == LayoutKind.Maximized)
            view.Status = "One pane fills the screen: \\ shows them all, then < and > size them";
        else if (view.Layout.Resize(view.Focus, delta))
            view.Status = $"{name}: {view.Layout.Share(view.Focus)}% of the rows when the panes need more than there is (layout {view.Layout.SharesText}, saved on quitting)";
        else
            view.Status = $"{name} cannot {(delta > 0 ? "grow" : "shrink")} further: each pane keeps {PaneLayout.MinimumShare}% to {100 - 2 * PaneLayout.MinimumShare}%";
    }

    /// <summary>{ and }: side by side, the border between the details and the bytes, said in the status line.</summary>
    private static void MoveSideBorder(CaptureView view, int direction)
    {
        var geometry = view.Geometry;
        if (geometry.Sizes.Kind != LayoutKind.SideBySide)
            view.Status = view.Layout.Kind == LayoutKind.SideBySide
                ? $"Side by side needs {PaneLayout.SideBySideMinimumWidth} columns; {{ and }} move the border between the details and the bytes there"
                : "{ and } move the border between the details and the bytes side by side: | puts them side by side";
        else if (view.Layout.WidenDetails(direction, geometry.Width))
        {
            int tree = view.Layout.TreeWidth(geometry.Width);
            view.Status = $"Details: {tree} columns ({view.Layout.DetailsWidthText}% of the width), bytes {HexLines.BytesPerLineFor(geometry.Width - tree - 1)} a line (saved on quitting)";
        }
        else
            view.Status = $"The details cannot get {(direction > 0 ? "wider" : "narrower")}: they keep {PaneLayout.MinimumTreeWidth} columns and the bytes a line of {HexLines.NarrowBytesPerLine}";
    }

    /// <summary>Help, statistics and a followed stream: scroll, go back, quit.</summary>
    private static KeyOutcome OnReport(CaptureView view, ConsoleKeyInfo key, UiCommand command)
    {
        if (view.Screen == ScreenKind.Follow)
            return OnFollow(view, command);
        if (view.Screen == ScreenKind.Graph && view.Graph is { } graph)
            return OnGraph(view, graph, key, command);
        if (view.Screen is ScreenKind.Conversations or ScreenKind.Expert)
            return OnTables(view, key, command);
        switch (command)
        {
            case UiCommand.Quit when key.KeyChar == 'q' && view.Screen == ScreenKind.Help:
            case UiCommand.Back:
            case UiCommand.Help when view.Screen == ScreenKind.Help:
            case UiCommand.Statistics when view.Screen == ScreenKind.Statistics:
                view.Screen = ScreenKind.Main;
                return KeyOutcome.Continue;
            case UiCommand.Quit: return KeyOutcome.Quit;
            case UiCommand.Up: view.StatisticsTop = Math.Max(0, view.StatisticsTop - 1); break;
            case UiCommand.Down: view.StatisticsTop++; break;
            case UiCommand.PageUp: view.StatisticsTop = Math.Max(0, view.StatisticsTop - 20); break;
            case UiCommand.PageDown: view.StatisticsTop += 20; break;
            case UiCommand.First: view.StatisticsTop = 0; break;
            case UiCommand.Help: view.Screen = ScreenKind.Help; break;
        }
        return KeyOutcome.Continue;
    }

    /// <summary>The follow screen: scroll; Esc or f back to the packets (the stream's filter stays); q quits.</summary>
    private static KeyOutcome OnFollow(CaptureView view, UiCommand command)
    {
        switch (command)
        {
            case UiCommand.Back:
            case UiCommand.Follow:
                view.Screen = ScreenKind.Main;
                break;
            case UiCommand.Quit: return KeyOutcome.Quit;
            case UiCommand.Up: view.FollowTop = Math.Max(0, view.FollowTop - 1); break;
            case UiCommand.Down: view.FollowTop++; break;
            case UiCommand.PageUp: view.FollowTop = Math.Max(0, view.FollowTop - 20); break;
            case UiCommand.PageDown: view.FollowTop += 20; break;
            case UiCommand.First: view.FollowTop = 0; break;
            case UiCommand.Last: view.FollowTop = int.MaxValue; break;
            case UiCommand.Help: view.Screen = ScreenKind.Help; break;
        }
        return KeyOutcome.Continue;
    }

    /// <summary>
    /// The graph screen: 1-5 the kind, d the direction, h/l (←/→) move the cursor, +/- zoom around it, 0 the whole stream,
    /// Enter goes to the cursor's packet, Esc (or T) back, q quits.
    /// </summary>
    private static KeyOutcome OnGraph(CaptureView view, StreamGraph graph, ConsoleKeyInfo key, UiCommand command)
    {
        if (key.KeyChar is >= '1' and <= '5')
        {
            graph.Show(StreamGraph.Kinds[key.KeyChar - '1']);
            return KeyOutcome.Continue;
        }
        switch (key.KeyChar)
        {
            case 'd':
                graph.SwitchDirection();
                return KeyOutcome.Continue;
            case '0':
                graph.Reset();
                return KeyOutcome.Continue;
        }
        switch (command)
        {
            case UiCommand.Back:
            case UiCommand.Graph:
                view.Screen = ScreenKind.Main;
                break;
            case UiCommand.Quit: return KeyOutcome.Quit;
            case UiCommand.Left: graph.MoveCursor(-1); break;
            case UiCommand.Right: graph.MoveCursor(1); break;
            case UiCommand.PageUp: graph.MoveCursor(-10); break;
            case UiCommand.PageDown: graph.MoveCursor(10); break;
            case UiCommand.Faster: graph.Zoom(0.5); break;
            case UiCommand.Slower: graph.Zoom(2); break;
            case UiCommand.Toggle: view.JumpToGraphCursor(); break;
            case UiCommand.Help: view.Screen = ScreenKind.Help; break;
        }
        return KeyOutcome.Continue;
    }

    /// <summary>
    /// The conversations and expert screens: j/k and pages move, o sorts the conversations by the next column and r
    /// reverses, Enter shows the conversation's packets or the expert item's first packet, Esc (or C / E) back.
    /// </summary>
    private static KeyOutcome OnTables(CaptureView view, ConsoleKeyInfo key, UiCommand command)
    {
        var tables = view.Tables;
        bool conversations = view.Screen == ScreenKind.Conversations;
        int count = conversations ? tables.Conversations.Count : tables.Expert.Count;
        int page = Math.Max(1, view.PageSize);
        if (conversations && key.KeyChar == 'o')
        {
            tables.NextSort();
            return KeyOutcome.Continue;
        }
        if (conversations && key.KeyChar == 'r')
        {
            tables.Reverse();
            return KeyOutcome.Continue;
        }
        switch (command)
        {
            case UiCommand.Back:
            case UiCommand.Conversations when conversations:
            case UiCommand.Expert when !conversations:
                view.Screen = ScreenKind.Main;
                break;
            case UiCommand.Conversations: view.OpenTables(ScreenKind.Conversations); break;
            case UiCommand.Expert: view.OpenTables(ScreenKind.Expert); break;
            case UiCommand.Quit: return KeyOutcome.Quit;
            case UiCommand.Up: tables.Move(-1, count, page); break;
            case UiCommand.Down: tables.Move(1, count, page); break;
            case UiCommand.PageUp: tables.Move(-page, count, page); break;
            case UiCommand.PageDown: tables.Move(page, count, page); break;
            case UiCommand.First: tables.Move(-count, count, page); break;
            case UiCommand.Last: tables.Move(count, count, page); break;
            case UiCommand.Toggle when conversations: view.ShowSelectedConversation(); break;
            case UiCommand.Toggle: view.ShowSelectedExpertItem(); break;
            case UiCommand.Help: view.Screen = ScreenKind.Help; break;
        }
        return KeyOutcome.Continue;
    }

    /// <summary>The interfaces screen: move, edit the capture filter (/ or f), Enter starts (or, on the first row while capturing, stops).</summary>
    private static KeyOutcome OnInterfaces(CaptureView view, InterfacePicker picker, ConsoleKeyInfo key, UiCommand command)
    {
        if (picker.EditingFilter)
        {
            switch (TextKey(key, picker.Filter, out var text))
            {
                case TextEdit.Changed: picker.EditFilter(text); break;
                case TextEdit.Done or TextEdit.Cancelled: picker.EndFilter(); break;
            }
            return KeyOutcome.Continue;
        }
        if (key.KeyChar == 'f')
            command = UiCommand.Filter;
        switch (command)
        {
            case UiCommand.Up: picker.Move(-1); break;
            case UiCommand.Down: picker.Move(1); break;
            case UiCommand.PageUp or UiCommand.First: picker.Move(-picker.RowCount); break;
            case UiCommand.PageDown or UiCommand.Last: picker.Move(picker.RowCount); break;
            case UiCommand.Filter: picker.BeginFilter(); break;
            case UiCommand.Toggle when picker.OnStopRow: return KeyOutcome.StopCapture;
            case UiCommand.Toggle: return picker.CanStart() ? KeyOutcome.StartCapture : KeyOutcome.Continue;
            case UiCommand.Back or UiCommand.Interfaces: view.Screen = ScreenKind.Main; break;
            case UiCommand.Help: view.Screen = ScreenKind.Help; break;
            case UiCommand.Quit: return KeyOutcome.Quit;
        }
        return KeyOutcome.Continue;
    }

    /// <summary>
    /// The craft screen: x (X back) chooses the experiment, a loopback or the lab, ←/→ (h/l) the socket kind, / or e edit the payload (Enter there sends), v IPv4/IPv6, Enter
    /// sends, arrows and pages scroll the result, Esc or c go back.
    /// </summary>
    private static KeyOutcome OnCraft(CaptureView view, CraftForm form, ConsoleKeyInfo key, UiCommand command)
    {
        if (form.EditingPayload)
        {
            switch (TextKey(key, form.Payload, out var text))
            {
                case TextEdit.Changed: form.EditPayload(text); break;
                case TextEdit.Done:
                    form.EndPayload();
                    form.Send();
                    break;
                case TextEdit.Cancelled: form.EndPayload(); break;
            }
            return KeyOutcome.Continue;
        }
        if (key.KeyChar == 'e')
            command = UiCommand.Filter;
        if (key.KeyChar is 'x' or 'X')
        {
            form.MoveExperiment(key.KeyChar == 'x' ? 1 : -1);
            return KeyOutcome.Continue;
        }
        if (key.KeyChar == 'a')
        {
            form.ToggleLab();
            return KeyOutcome.Continue;
        }
        switch (command)
        {
            case UiCommand.Left: form.MoveChoice(-1); break;
            case UiCommand.Right: form.MoveChoice(1); break;
            case UiCommand.Filter: form.BeginPayload(); break;
            case UiCommand.IpVersion: form.ToggleIpv6(); break;
            case UiCommand.Toggle: form.Send(); break;
            case UiCommand.Up: form.Scroll(-1); break;
            case UiCommand.Down: form.Scroll(1); break;
            case UiCommand.PageUp: form.Scroll(-Math.Max(1, form.ResultRows - 1)); break;
            case UiCommand.PageDown: form.Scroll(Math.Max(1, form.ResultRows - 1)); break;
            case UiCommand.First: form.ScrollToTop(); break;
            case UiCommand.Last: form.Scroll(form.ResultLineCount); break;
            case UiCommand.Back or UiCommand.Craft: view.Screen = ScreenKind.Main; break;
            case UiCommand.Help: view.Screen = ScreenKind.Help; break;
            case UiCommand.Quit: return KeyOutcome.Quit;
        }
        return KeyOutcome.Continue;
    }

    private enum TextEdit : byte
    {
        Ignored,
        Changed,
        Done,
        Cancelled,
    }

    /// <summary>One key in a one-line text field: typed characters, Backspace, Enter (done), Esc or Ctrl-C (cancel).</summary>
    private static TextEdit TextKey(ConsoleKeyInfo key, string text, out string edited)
    {
        edited = text;
        if (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control) || key.KeyChar == '\u0003' || key.Key == ConsoleKey.Escape || key.KeyChar == '\e')
            return TextEdit.Cancelled;
        if (key.Key == ConsoleKey.Enter || key.KeyChar is '\r' or '\n')
            return TextEdit.Done;
        if (key.Key == ConsoleKey.Backspace || key.KeyChar is '\u007f' or '\b')
        {
            if (text.Length == 0)
                return TextEdit.Ignored;
            edited = text[..^1];
            return TextEdit.Changed;
        }
        if (key.KeyChar < ' ')
            return TextEdit.Ignored;
        edited = text + key.KeyChar;
        return TextEdit.Changed;
    }

    /// <summary>The Find bar: text keys edit, Tab changes what is sought, Ctrl-T where, Enter finds, Esc closes.</summary>
    private static void EditSearch(CaptureView view, ConsoleKeyInfo key)
    {
        if (key.Key == ConsoleKey.Tab || key.KeyChar == '\t')
        {
            view.CycleSearchKind();
            return;
        }
        if (key.KeyChar == '\u0014' || (key.Key == ConsoleKey.T && key.Modifiers.HasFlag(ConsoleModifiers.Control)))
        {
            view.CycleSearchTarget();
            return;
        }
        switch (TextKey(key, view.SearchDraft, out var text))
        {
            case TextEdit.Changed: view.EditSearch(text); break;
            case TextEdit.Done: view.ApplySearch(); break;
            case TextEdit.Cancelled: view.CancelSearch(); break;
        }
    }

    private static void EditFilter(CaptureView view, ConsoleKeyInfo key, IProgress<IndexProgress>? progress)
    {
        switch (TextKey(key, view.FilterDraft, out var text))
        {
            case TextEdit.Changed: view.EditFilter(text); break;
            case TextEdit.Done: view.ApplyFilter(progress); break;
            case TextEdit.Cancelled: view.CancelFilter(); break;
        }
    }
}
