namespace RawNet.Ui.Input;

/// <summary>What a key asks for (one value per action; <see cref="KeyMap"/> binds keys to them).</summary>
public enum UiCommand : byte
{
    None,
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    Toggle,
    NextPane,
    Filter,
    Statistics,
    Interfaces,
    Craft,
    Left,
    Right,
    IpVersion,
    PlayPause,
    Faster,
    Slower,
    Step,
    Help,
    Back,
    /// <summary>]: the next packet whose TCP analysis found a problem.</summary>
    NextProblem,
    /// <summary>[: the previous packet whose TCP analysis found a problem.</summary>
    PreviousProblem,
    /// <summary>f: follow the selected packet's TCP or UDP stream.</summary>
    Follow,
    /// <summary>Ctrl-F: the Find bar.</summary>
    Find,
    /// <summary>N: the previous packet the search matches (n is the next, outside a replay).</summary>
    FindPrevious,
    /// <summary>C: the conversations screen.</summary>
    Conversations,
    /// <summary>E: the expert information screen.</summary>
    Expert,
    /// <summary>T: the selected packet's TCP stream graph.</summary>
    Graph,
    /// <summary>t: the Time column's next format.</summary>
    TimeFormat,
    /// <summary>&gt;: a larger share of the rows for the focused pane.</summary>
    GrowPane,
    /// <summary>&lt;: a smaller share of the rows for the focused pane.</summary>
    ShrinkPane,
    /// <summary>}: side by side, the details wider (the border between them and the bytes to the right).</summary>
    WidenDetails,
    /// <summary>{: side by side, the details narrower.</summary>
    NarrowDetails,
    /// <summary>|: stacked or side by side.</summary>
    SwitchLayout,
    /// <summary>\: the focused pane alone, or back.</summary>
    MaximizePane,
    /// <summary>L: the packet list's columns.</summary>
    Columns,
    Quit,
}
