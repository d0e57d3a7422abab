namespace RawNet.Ui.Input;

/// <summary>What a key asks for on the main screen.</summary>
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
    Help,
    Back,
    Quit,
}
