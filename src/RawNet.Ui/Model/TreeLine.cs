namespace RawNet.Ui.Model;

/// <summary>What a line of the layer tree shows.</summary>
public enum TreeLineKind : byte
{
    /// <summary>A layer heading (expandable).</summary>
    Layer,
    /// <summary>A field of an expanded layer.</summary>
    Field,
    /// <summary>A checksum verdict, truncation or stop note.</summary>
    Note,
}

/// <summary>
/// One line of the layer tree and the bytes it stands for in the frame (<see cref="Offset"/>, <see cref="Length"/>; length 0
/// when it has none), which the hex pane highlights.
/// </summary>
public sealed record TreeLine(TreeLineKind Kind, int LayerIndex, string Text, int Offset, int Length, bool Expanded = false, bool Problem = false);
