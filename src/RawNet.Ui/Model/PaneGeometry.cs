namespace RawNet.Ui.Model;

/// <summary>The border a mouse drag moves: the title line of the pane below it, or the column between the panes side by side.</summary>
public enum PaneBorder : byte
{
    /// <summary>No border is being dragged.</summary>
    None,
    /// <summary>Between the packet list and the panes below it.</summary>
    BelowList,
    /// <summary>Between the layer tree and the hex pane (stacked only).</summary>
    BelowTree,
    /// <summary>The column between the layer tree and the hex pane (side by side only).</summary>
    BesideTree,
}

/// <summary>
/// Where the main screen's panes were last drawn, kept by <c>MainScreen.Compose</c> from the very
/// <see cref="PaneSizes"/> it drew with, so a mouse report is matched against what the user sees. Rows and columns are
/// 0-based cells; the filter bar takes rows 0 and 1 (the key hint is row 1), the panes follow.
/// </summary>
/// <param name="Sizes">The plan the panes were drawn with.</param>
/// <param name="Width">The screen's width in cells.</param>
/// <param name="Body">The rows the panes share.</param>
/// <param name="ListNeed">The rows the packet list asked for (see <see cref="PaneLayout.Plan"/>).</param>
/// <param name="TreeNeed">The rows the layer tree asked for.</param>
/// <param name="HexNeed">The rows the hex pane asked for.</param>
public readonly record struct PaneGeometry(PaneSizes Sizes, int Width, int Body, int ListNeed, int TreeNeed, int HexNeed)
{
    /// <summary>The row of the filter bar's key hint.</summary>
    public const int HintRow = 1;

    /// <summary>The first row of the panes (below the two lines of the filter bar).</summary>
    public const int BodyTop = 2;

    /// <summary>True once the main screen has been drawn.</summary>
    public bool Drawn => Width > 0;

    /// <summary>The title row of the layer tree.</summary>
    public int TreeTop => BodyTop + Sizes.List;

    /// <summary>The title row of the hex pane.</summary>
    public int HexTop => Sizes.Kind == LayoutKind.SideBySide ? TreeTop : TreeTop + Sizes.Tree;

    /// <summary>The first column of the hex pane (after the tree and the border side by side).</summary>
    public int HexLeft => Sizes.Kind == LayoutKind.SideBySide ? Sizes.TreeWidth + 1 : 0;

    /// <summary>Cells of the hex pane.</summary>
    public int HexWidth => Width - HexLeft;

    /// <summary>The bytes each line of the hex pane shows (16, or 8 in a narrow pane).</summary>
    public int HexBytesPerLine => HexLines.BytesPerLineFor(HexWidth);

    /// <summary>
    /// The pane drawn at (<paramref name="column"/>, <paramref name="row"/>) and the line within it (0 its title), or
    /// false outside every pane (the filter bar, the status bar, the border side by side).
    /// </summary>
    public bool TryFind(int column, int row, out Pane pane, out int line)
    {
        pane = Pane.Packets;
        line = row - BodyTop;
        if (!Drawn || line < 0 || column < 0 || column >= Width)
            return false;
        if (line < Sizes.List)
            return true;
        line = row - TreeTop;
        if (Sizes.Kind == LayoutKind.SideBySide)
        {
            if (line >= Sizes.Tree || column == Sizes.TreeWidth)
                return false;
            pane = column < Sizes.TreeWidth ? Pane.Tree : Pane.Hex;
            return true;
        }
        pane = Pane.Tree;
        if (line < Sizes.Tree)
            return true;
        pane = Pane.Hex;
        line = row - HexTop;
        return line < Sizes.Hex;
    }

    /// <summary>
    /// The border at (<paramref name="column"/>, <paramref name="row"/>): the title line of a pane with one above it, or
    /// the column between the panes side by side.
    /// </summary>
    public PaneBorder BorderAt(int column, int row)
    {
        if (!Drawn || Sizes.Kind == LayoutKind.Maximized)
            return PaneBorder.None;
        if (Sizes.Kind == LayoutKind.SideBySide && column == Sizes.TreeWidth && row >= TreeTop && row < TreeTop + Sizes.Tree)
            return PaneBorder.BesideTree;
        if (Sizes.List == 0)
            return PaneBorder.None;
        if (row == TreeTop && Sizes.Tree > 0)
            return PaneBorder.BelowList;
        if (Sizes.Kind == LayoutKind.Stacked && row == HexTop && Sizes.Hex > 0 && Sizes.Tree > 0)
            return PaneBorder.BelowTree;
        return PaneBorder.None;
    }
}
