namespace RawNet.Ui.Model;

/// <summary>The pane that arrow keys move in.</summary>
public enum Pane : byte
{
    Packets,
    Tree,
    Hex,
}

/// <summary>What fills the screen (a new screen is one more value here, a widget, and a case in MainScreen and KeyHandler).</summary>
public enum ScreenKind : byte
{
    Main,
    Help,
    Statistics,
    Interfaces,
    Craft,
    /// <summary>A TCP or UDP stream's data (<see cref="CaptureView.Followed"/>).</summary>
    Follow,
    /// <summary>A TCP stream graph (<see cref="CaptureView.Graph"/>).</summary>
    Graph,
    /// <summary>TCP and UDP conversations (<see cref="CaptureView.Tables"/>).</summary>
    Conversations,
    /// <summary>Expert information (<see cref="CaptureView.Tables"/>).</summary>
    Expert,
    /// <summary>The packet list's columns (<see cref="CaptureView.ColumnEditor"/>).</summary>
    Columns,
}
