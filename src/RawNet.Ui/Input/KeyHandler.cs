using RawNet.Ui.Model;

namespace RawNet.Ui.Input;

/// <summary>Applies keys to a <see cref="CaptureView"/>: the filter bar takes every key while it is open.</summary>
public static class KeyHandler
{
    /// <summary>Applies <paramref name="key"/>; false when the UI should quit.</summary>
    public static bool Apply(CaptureView view, ConsoleKeyInfo key, IProgress<IndexProgress>? progress = null)
    {
        if (view.EditingFilter)
        {
            EditFilter(view, key, progress);
            return true;
        }
        var command = KeyMap.Command(key);
        if (view.Screen != ScreenKind.Main)
        {
            switch (command)
            {
                case UiCommand.Quit when key.KeyChar == 'q' && view.Screen == ScreenKind.Help:
                case UiCommand.Back:
                case UiCommand.Help when view.Screen == ScreenKind.Help:
                case UiCommand.Statistics when view.Screen == ScreenKind.Statistics:
                    view.Screen = ScreenKind.Main;
                    return true;
                case UiCommand.Quit:
                    return false;
                case UiCommand.Up: view.StatisticsTop = Math.Max(0, view.StatisticsTop - 1); return true;
                case UiCommand.Down: view.StatisticsTop++; return true;
                case UiCommand.PageUp: view.StatisticsTop = Math.Max(0, view.StatisticsTop - 20); return true;
                case UiCommand.PageDown: view.StatisticsTop += 20; return true;
                case UiCommand.First: view.StatisticsTop = 0; return true;
                case UiCommand.Help: view.Screen = ScreenKind.Help; return true;
                default: return true;
            }
        }
        switch (command)
        {
            case UiCommand.Up: view.Move(-1); break;
            case UiCommand.Down: view.Move(1); break;
            case UiCommand.PageUp: view.Page(-1); break;
            case UiCommand.PageDown: view.Page(1); break;
            case UiCommand.First: view.First(); break;
            case UiCommand.Last: view.Last(); break;
            case UiCommand.Toggle: view.ToggleExpand(); break;
            case UiCommand.NextPane: view.NextPane(); break;
            case UiCommand.Filter: view.BeginFilter(); break;
            case UiCommand.Help: view.Screen = ScreenKind.Help; break;
            case UiCommand.Statistics:
                view.ComputeStatistics();
                view.StatisticsTop = 0;
                view.Screen = ScreenKind.Statistics;
                break;
            case UiCommand.Quit: return false;
        }
        return true;
    }

    private static void EditFilter(CaptureView view, ConsoleKeyInfo key, IProgress<IndexProgress>? progress)
    {
        if (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control) || key.KeyChar == '\u0003')
        {
            view.CancelFilter();
            return;
        }
        switch (key.Key)
        {
            case ConsoleKey.Enter:
                view.ApplyFilter(progress);
                return;
            case ConsoleKey.Escape:
                view.CancelFilter();
                return;
            case ConsoleKey.Backspace:
                if (view.FilterDraft.Length > 0)
                    view.EditFilter(view.FilterDraft[..^1]);
                return;
        }
        if (key.KeyChar is '\r' or '\n')
            view.ApplyFilter(progress);
        else if (key.KeyChar == '\u007f' || key.KeyChar == '\b')
        {
            if (view.FilterDraft.Length > 0)
                view.EditFilter(view.FilterDraft[..^1]);
        }
        else if (key.KeyChar >= ' ' && key.KeyChar != '\u007f')
            view.EditFilter(view.FilterDraft + key.KeyChar);
    }
}
