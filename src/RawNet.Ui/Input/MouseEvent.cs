namespace RawNet.Ui.Input;

/// <summary>What the mouse did (SGR mouse mode reports presses, releases, drags with a button held and wheel notches).</summary>
public enum MouseAction : byte
{
    /// <summary>A button went down.</summary>
    Press,
    /// <summary>A button came up.</summary>
    Release,
    /// <summary>The pointer moved with a button held.</summary>
    Drag,
    /// <summary>One notch of the wheel away from the user.</summary>
    WheelUp,
    /// <summary>One notch of the wheel towards the user.</summary>
    WheelDown,
}

/// <summary>One mouse report: the action, the button (0 left, 1 middle, 2 right) and the cell, 0-based from the top left.</summary>
public readonly record struct MouseEvent(MouseAction Action, int Button, int Column, int Row);

/// <summary>A key or a mouse report, in the order the terminal sent them.</summary>
public readonly record struct InputEvent(ConsoleKeyInfo Key, MouseEvent Mouse, bool IsMouse)
{
    /// <summary>A key.</summary>
    public static InputEvent Of(ConsoleKeyInfo key) => new(key, default, false);

    /// <summary>A mouse report.</summary>
    public static InputEvent Of(MouseEvent mouse) => new(default, mouse, true);
}
