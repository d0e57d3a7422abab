namespace RawNet.Ui.Input;

/// <summary>The key bindings (listed for users in <see cref="Widgets.HelpScreen.Keys"/>).</summary>
public static class KeyMap
{
    /// <summary>The command of <paramref name="key"/> outside the filter bar.</summary>
    public static UiCommand Command(ConsoleKeyInfo key)
    {
        if (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control))
            return UiCommand.Quit;
        switch (key.Key)
        {
            case ConsoleKey.UpArrow: return UiCommand.Up;
            case ConsoleKey.DownArrow: return UiCommand.Down;
            case ConsoleKey.PageUp: return UiCommand.PageUp;
            case ConsoleKey.PageDown: return UiCommand.PageDown;
            case ConsoleKey.Home: return UiCommand.First;
            case ConsoleKey.End: return UiCommand.Last;
            case ConsoleKey.Enter: return UiCommand.Toggle;
            case ConsoleKey.Tab: return UiCommand.NextPane;
            case ConsoleKey.Escape: return UiCommand.Back;
            case ConsoleKey.LeftArrow: return UiCommand.Left;
            case ConsoleKey.RightArrow: return UiCommand.Right;
        }
        return key.KeyChar switch
        {
            'k' => UiCommand.Up,
            'j' => UiCommand.Down,
            'g' => UiCommand.First,
            'G' => UiCommand.Last,
            '/' => UiCommand.Filter,
            's' => UiCommand.Statistics,
            'i' => UiCommand.Interfaces,
            'c' => UiCommand.Craft,
            'h' => UiCommand.Left,
            'l' => UiCommand.Right,
            'v' => UiCommand.IpVersion,
            'p' => UiCommand.PlayPause,
            '+' or '=' => UiCommand.Faster,
            '-' => UiCommand.Slower,
            '.' or 'n' => UiCommand.Step,
            ']' => UiCommand.NextProblem,
            '[' => UiCommand.PreviousProblem,
            't' => UiCommand.TimeFormat,
            'f' => UiCommand.Follow,
            'T' => UiCommand.Graph,
            'C' => UiCommand.Conversations,
            'E' => UiCommand.Expert,
            'N' => UiCommand.FindPrevious,
            '\u0006' => UiCommand.Find,
            '>' => UiCommand.GrowPane,
            '<' => UiCommand.ShrinkPane,
            '}' => UiCommand.WidenDetails,
            '{' => UiCommand.NarrowDetails,
            '|' => UiCommand.SwitchLayout,
            '\\' => UiCommand.MaximizePane,
            'L' => UiCommand.Columns,
            '?' => UiCommand.Help,
            'q' => UiCommand.Quit,
            '\r' or '\n' => UiCommand.Toggle,
            '\t' => UiCommand.NextPane,
            '\u0003' => UiCommand.Quit,
            _ => UiCommand.None,
        };
    }

    /// <summary>A key from a <c>--script</c> string: one character each (j, k, g, G, /, s, i, c, h, l, v, p, +, -, ., ?, q; on the craft screen's payload field any text), <c>\n</c> for Enter, <c>\t</c> for Tab, <c>\e</c> for Esc.</summary>
    public static ConsoleKeyInfo FromChar(char c) => c switch
    {
        '\n' or '\r' => new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false),
        '\t' => new ConsoleKeyInfo('\t', ConsoleKey.Tab, false, false, false),
        '\e' => new ConsoleKeyInfo('\e', ConsoleKey.Escape, false, false, false),
        _ => new ConsoleKeyInfo(c, 0, char.IsUpper(c), false, false),
    };
}
