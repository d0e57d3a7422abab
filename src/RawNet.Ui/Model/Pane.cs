namespace RawNet.Ui.Model;

/// <summary>The pane that arrow keys move in.</summary>
public enum Pane : byte
{
    Packets,
    Tree,
    Hex,
}

/// <summary>What fills the screen.</summary>
public enum ScreenKind : byte
{
    Main,
    Help,
    Statistics,
}
