using System.Globalization;

namespace RawNet.Ui.Model;

/// <summary>How the packet list, the layer tree and the hex pane share the screen.</summary>
public enum LayoutKind : byte
{
    /// <summary>List, tree and bytes one above the other.</summary>
    Stacked,
    /// <summary>The list on top; below it the tree on the left and the bytes, at their natural width, on the right.</summary>
    SideBySide,
    /// <summary>The focused pane alone (Tab shows the next one).</summary>
    Maximized,
}

/// <summary>The rows (and in side by side, columns) each pane gets on one screen.</summary>
/// <param name="List">Rows of the packet list (its title and header included).</param>
/// <param name="Tree">Rows of the layer tree (its title included).</param>
/// <param name="Hex">Rows of the hex pane (its title included).</param>
/// <param name="TreeWidth">Cells of the tree in side by side (0 otherwise: the whole width); the bytes get the rest but the border's cell.</param>
/// <param name="Kind">The arrangement drawn (side by side falls back to stacked on a narrow screen).</param>
public readonly record struct PaneSizes(int List, int Tree, int Hex, int TreeWidth, LayoutKind Kind);

/// <summary>
/// The panes' layout, kept in the config file: an arrangement and each pane's share of the rows. Panes are sized by
/// need: a pane whose lines all fit in less than its share gives the rest to the panes that need more (the tree gets the
/// rows the bytes do not use), and rows no pane needs go to the packet list. The shares only decide who gets what when
/// panes compete; &lt; and &gt; move them. Side by side the details take the width the bytes' 16-byte lines leave, or
/// the share of the width <c>{</c>, <c>}</c> and a drag of the border between them set (the bytes go to 8 a line when 16
/// no longer fit).
/// </summary>
public sealed class PaneLayout
{
    /// <summary>The shares a new layout starts with: list 40%, tree 30%, bytes 30%.</summary>
    public static readonly int[] DefaultShares = [40, 30, 30];

    /// <summary>How much &lt; and &gt; move a pane's share, in percent.</summary>
    public const int Step = 5;

    /// <summary>The smallest share a pane keeps.</summary>
    public const int MinimumShare = 10;

    /// <summary>Cells the hex pane's lines take (offset, 16 bytes, their ASCII): its width side by side.</summary>
    public const int HexWidth = 72;

    /// <summary>The narrowest screen that shows the tree and the bytes side by side (a tree of at least 40 cells).</summary>
    public const int SideBySideMinimumWidth = HexWidth + 1 + 40;

    /// <summary>The narrowest the details get side by side.</summary>
    public const int MinimumTreeWidth = 30;

    /// <summary>How much { and } move the border between the details and the bytes side by side, in percent of the width.</summary>
    public const int WidthStep = 5;

    /// <summary>The smallest and largest share of the width the details can be given side by side.</summary>
    public const int MinimumWidthShare = 10, MaximumWidthShare = 90;

    /// <summary>The narrowest the bytes get side by side: lines of 8.</summary>
    public static int MinimumHexWidth => HexLines.Width(HexLines.NarrowBytesPerLine);

    private readonly int[] _shares = (int[])DefaultShares.Clone();
    private int _detailsWidth;
    private LayoutKind _beforeMaximized;

    /// <summary>The arrangement.</summary>
    public LayoutKind Kind { get; set; }

    /// <summary>True once a key changed the layout since it was loaded (it is saved on quitting).</summary>
    public bool Changed { get; set; }

    /// <summary>The share of <paramref name="pane"/>, in percent.</summary>
    public int Share(Pane pane) => _shares[(int)pane];

    /// <summary>The shares as the config file writes them: "40 30 30" (list, tree, bytes).</summary>
    public string SharesText => string.Join(' ', _shares.Select(s => s.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Reads "list tree bytes" percentages (each at least <see cref="MinimumShare"/>, summing to 100); false leaves the shares as they were.</summary>
    public bool TrySetShares(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
            return false;
        Span<int> shares = stackalloc int[3];
        for (int i = 0; i < 3; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out shares[i]) || shares[i] < MinimumShare)
                return false;
        }
        if (shares[0] + shares[1] + shares[2] != 100)
            return false;
        shares.CopyTo(_shares);
        return true;
    }

    /// <summary>The details' share of the width side by side, in tenths of a percent; 0 leaves the bytes their 16-byte lines.</summary>
    public int DetailsWidthTenths => _detailsWidth;

    /// <summary>The details' width as the config file and the status line write it: "auto", or a percentage ("62", "62.5").</summary>
    public string DetailsWidthText => _detailsWidth == 0 ? "auto" : (_detailsWidth / 10m).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads "auto" or a percentage (one decimal kept) from <see cref="MinimumWidthShare"/> to
    /// <see cref="MaximumWidthShare"/>; false leaves the width as it was.
    /// </summary>
    public bool TrySetDetailsWidth(string text)
    {
        text = text.Trim();
        if (text.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            _detailsWidth = 0;
            return true;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal percent)
            || percent < MinimumWidthShare || percent > MaximumWidthShare)
            return false;
        _detailsWidth = (int)Math.Round(percent * 10);
        return true;
    }

    /// <summary>
    /// Cells of the details side by side on a screen <paramref name="width"/> cells wide: what the bytes' 16-byte lines
    /// leave, or the details' share of the width, kept between <see cref="MinimumTreeWidth"/> and what leaves the bytes
    /// <see cref="MinimumHexWidth"/>.
    /// </summary>
    public int TreeWidth(int width)
    {
        if (_detailsWidth == 0)
            return width - HexWidth - 1;
        int cells = (int)Math.Round(width * _detailsWidth / 1000.0);
        return Math.Max(Math.Min(MinimumTreeWidth, width / 2), Math.Min(cells, width - 1 - MinimumHexWidth));
    }

    /// <summary>Cells the hex pane gets on a screen <paramref name="width"/> cells wide, as <see cref="Plan"/> lays it out.</summary>
    public int HexPaneWidth(int width) => Kind == LayoutKind.SideBySide && width >= SideBySideMinimumWidth ? width - TreeWidth(width) - 1 : width;

    /// <summary>
    /// A mouse drag of the border side by side: the details' share that puts the border at <paramref name="column"/>
    /// on a screen <paramref name="width"/> cells wide, or as near as the limits allow; false when nothing moved.
    /// </summary>
    public bool MoveSideBorder(int column, int width)
    {
        if (width <= 0)
            return false;
        // The border where it is already, if no share comes nearer (auto stays auto); of the shares that come as near,
        // the one nearest the pointer's own fraction of the width (a round number where there is one).
        int was = _detailsWidth, best = was, bestMiss = Math.Abs(TreeWidth(width) - column);
        double ideal = column * 1000.0 / width;
        for (int share = MinimumWidthShare * 10; share <= MaximumWidthShare * 10; share++)
        {
            _detailsWidth = share;
            int miss = Math.Abs(TreeWidth(width) - column);
            if (miss < bestMiss || miss == bestMiss && best != was && Math.Abs(share - ideal) < Math.Abs(best - ideal))
                (best, bestMiss) = (share, miss);
        }
        _detailsWidth = best;
        if (best == was)
            return false;
        Changed = true;
        return true;
    }

    /// <summary>
    /// } (<paramref name="direction"/> positive) or {: moves the border side by side by <see cref="WidthStep"/> percent
    /// of <paramref name="width"/>, the details wider or narrower; false when it cannot move further.
    /// </summary>
    public bool WidenDetails(int direction, int width)
    {
        if (width <= 0 || direction == 0)
            return false;
        // From auto: the whole percentage nearest the share the details have now.
        int current = _detailsWidth != 0 ? _detailsWidth : (int)Math.Round(TreeWidth(width) * 100.0 / width) * 10;
        int share = Math.Clamp(current + Math.Sign(direction) * WidthStep * 10, MinimumWidthShare * 10, MaximumWidthShare * 10);
        int was = _detailsWidth, wasCells = TreeWidth(width);
        _detailsWidth = share;
        if (TreeWidth(width) == wasCells)
        {
            _detailsWidth = was;
            return false;
        }
        Changed = true;
        return true;
    }

    /// <summary>
    /// &gt; (<paramref name="delta"/> positive) or &lt;: moves <paramref name="pane"/>'s share by <see cref="Step"/>,
    /// taken from (or given to) the other two panes, the larger first; false when the pane cannot grow or shrink further.
    /// </summary>
    public bool Resize(Pane pane, int delta)
    {
        int self = (int)pane;
        int step = Math.Sign(delta) * Step;
        if (step == 0 || _shares[self] + step < MinimumShare || _shares[self] + step > 100 - 2 * MinimumShare)
            return false;
        int a = (self + 1) % 3, b = (self + 2) % 3;
        // Growing takes from the larger other pane, shrinking gives to the smaller one.
        int other = step > 0 ? (_shares[a] >= _shares[b] ? a : b) : (_shares[a] <= _shares[b] ? a : b);
        if (_shares[other] - step < MinimumShare)
            other = other == a ? b : a;
        if (_shares[other] - step < MinimumShare)
            return false;
        _shares[self] += step;
        _shares[other] -= step;
        Changed = true;
        return true;
    }

    /// <summary>
    /// A mouse drag of <paramref name="border"/>: the shares that make the pane above it <paramref name="rows"/> rows
    /// tall, or as near as the panes' needs allow, when planned as <paramref name="drawn"/> was (the panes below keep
    /// their ratio, each pane at least <see cref="MinimumShare"/>); false when nothing moved.
    /// </summary>
    public bool MoveBorder(PaneBorder border, int rows, PaneGeometry drawn)
    {
        if (border == PaneBorder.None)
            return false;
        Span<int> was = stackalloc int[3];
        _shares.CopyTo(was);
        int low = MinimumShare, high = border == PaneBorder.BelowList ? 100 - 2 * MinimumShare : was[1] + was[2] - MinimumShare;
        int bestShare = was[border == PaneBorder.BelowList ? 0 : 1], bestMiss = int.MaxValue;
        for (int share = low; share <= high; share++)
        {
            SetBorderShare(border, share, was);
            var sizes = Plan(drawn.Body, drawn.Width, drawn.ListNeed, drawn.TreeNeed, drawn.HexNeed, Pane.Packets);
            int miss = Math.Abs((border == PaneBorder.BelowList ? sizes.List : sizes.Tree) - rows);
            // Of the shares that come as near, the one nearest to the share before.
            int current = was[border == PaneBorder.BelowList ? 0 : 1];
            if (miss < bestMiss || miss == bestMiss && Math.Abs(share - current) < Math.Abs(bestShare - current))
                (bestShare, bestMiss) = (share, miss);
        }
        SetBorderShare(border, bestShare, was);
        if (_shares.AsSpan().SequenceEqual(was))
            return false;
        Changed = true;
        return true;
    }

    /// <summary>Gives the pane above <paramref name="border"/> <paramref name="share"/> percent, the others' shares in the ratio of <paramref name="was"/>.</summary>
    private void SetBorderShare(PaneBorder border, int share, ReadOnlySpan<int> was)
    {
        if (border == PaneBorder.BelowList)
        {
            _shares[0] = share;
            _shares[1] = Math.Clamp((int)Math.Round((100.0 - share) * was[1] / (was[1] + was[2])), MinimumShare, 100 - share - MinimumShare);
        }
        else
        {
            _shares[0] = was[0];
            _shares[1] = share;
        }
        _shares[2] = 100 - _shares[0] - _shares[1];
    }

    /// <summary>|: stacked and side by side, in turn (from maximised: back to stacked).</summary>
    public void SwitchArrangement()
    {
        Kind = Kind == LayoutKind.Stacked ? LayoutKind.SideBySide : LayoutKind.Stacked;
        Changed = true;
    }

    /// <summary>\: the focused pane alone, or back to the arrangement before.</summary>
    public void ToggleMaximized()
    {
        if (Kind == LayoutKind.Maximized)
            Kind = _beforeMaximized;
        else
        {
            _beforeMaximized = Kind;
            Kind = LayoutKind.Maximized;
        }
        Changed = true;
    }

    /// <summary>
    /// The panes' sizes in <paramref name="rows"/> x <paramref name="width"/> cells, given the rows each would fill
    /// (<paramref name="listNeed"/>, <paramref name="treeNeed"/>, <paramref name="hexNeed"/>, titles included) and the
    /// focused pane (the one shown when maximised).
    /// </summary>
    public PaneSizes Plan(int rows, int width, int listNeed, int treeNeed, int hexNeed, Pane focus)
    {
        switch (Kind)
        {
            case LayoutKind.Maximized:
                return new PaneSizes(focus == Pane.Packets ? rows : 0, focus == Pane.Tree ? rows : 0, focus == Pane.Hex ? rows : 0, 0, LayoutKind.Maximized);
            case LayoutKind.SideBySide when width >= SideBySideMinimumWidth:
                Span<int> pair = stackalloc int[2];
                Distribute(rows, [listNeed, Math.Max(treeNeed, hexNeed)], [_shares[0], _shares[1] + _shares[2]], [3, 2], pair);
                return new PaneSizes(pair[0], pair[1], pair[1], TreeWidth(width), LayoutKind.SideBySide);
            default:
                Span<int> sizes = stackalloc int[3];
                Distribute(rows, [listNeed, treeNeed, hexNeed], _shares, [3, 2, 2], sizes);
                return new PaneSizes(sizes[0], sizes[1], sizes[2], 0, LayoutKind.Stacked);
        }
    }

    /// <summary>
    /// Shares <paramref name="total"/> rows out by need (max-min fairness): every pane gets its minimum, then the rest
    /// goes round in proportion to the shares, a pane taking no more than it needs, until every need is met or no row is
    /// left; rows left over go to the first pane (the packet list, which can always use them).
    /// </summary>
    public static void Distribute(int total, ReadOnlySpan<int> needs, ReadOnlySpan<int> shares, ReadOnlySpan<int> minimums, Span<int> sizes)
    {
        int count = sizes.Length;
        int left = total;
        for (int i = 0; i < count; i++)
        {
            sizes[i] = minimums[i];
            left -= minimums[i];
        }
        if (left < 0)
        {
            // Too small for every minimum: the first panes keep theirs, the last ones shrink.
            for (int i = count - 1; i >= 0 && left < 0; i--)
            {
                int cut = Math.Min(sizes[i] - 1, -left);
                sizes[i] -= cut;
                left += cut;
            }
            return;
        }
        Span<bool> taken = stackalloc bool[count];
        while (left > 0)
        {
            int wanting = 0;
            for (int i = 0; i < count; i++)
            {
                if (needs[i] > sizes[i])
                    wanting += shares[i];
            }
            if (wanting == 0)
                break;
            int given = 0;
            for (int i = 0; i < count; i++)
            {
                if (needs[i] <= sizes[i])
                    continue;
                int part = Math.Min(needs[i] - sizes[i], left * shares[i] / wanting);
                sizes[i] += part;
                given += part;
            }
            left -= given;
            if (given == 0)
            {
                // Fewer rows left than the shares can split: one row each to the wanting panes, larger shares first.
                for (int round = 0; round < count && left > 0; round++)
                {
                    int best = -1;
                    for (int i = 0; i < count; i++)
                    {
                        if (needs[i] > sizes[i] && !taken[i] && (best < 0 || shares[i] > shares[best]))
                            best = i;
                    }
                    if (best < 0)
                        break;
                    taken[best] = true;
                    sizes[best]++;
                    left--;
                }
                taken.Clear();
            }
        }
        sizes[0] += left;
    }

    /// <summary>How the config file and the status bar name an arrangement.</summary>
    public static string Name(LayoutKind kind) => kind switch
    {
        LayoutKind.SideBySide => "side-by-side",
        LayoutKind.Maximized => "maximized",
        _ => "stacked",
    };

    /// <summary>The arrangement called <paramref name="name"/>, or null.</summary>
    public static LayoutKind? Find(string name) => name.Trim().ToLowerInvariant() switch
    {
        "stacked" => LayoutKind.Stacked,
        "side-by-side" => LayoutKind.SideBySide,
        "maximized" or "maximised" => LayoutKind.Maximized,
        _ => null,
    };
}
