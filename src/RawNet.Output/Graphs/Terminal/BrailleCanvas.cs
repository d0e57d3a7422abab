namespace RawNet.Output.Graphs.Terminal;

/// <summary>
/// A grid of terminal cells drawn in braille: each cell holds 2 × 4 dots (Unicode U+2800 to U+28FF), so a plot of W × H
/// cells has 2W × 4H dots. A cell takes the colour of the last series that set a dot in it. Dots are addressed from the
/// top left; anything outside is clipped.
/// </summary>
public sealed class BrailleCanvas
{
    // Dot bit of (x % 2, y % 4), as the braille pattern numbers them: 1 2 3 7 down the left, 4 5 6 8 down the right.
    private static ReadOnlySpan<byte> DotBits => [0x01, 0x02, 0x04, 0x40, 0x08, 0x10, 0x20, 0x80];

    private readonly byte[] _dots;
    private readonly GraphColor[] _colors;

    /// <summary>A blank canvas of <paramref name="columns"/> × <paramref name="rows"/> cells.</summary>
    public BrailleCanvas(int columns, int rows)
    {
        Columns = Math.Max(1, columns);
        Rows = Math.Max(1, rows);
        _dots = new byte[Columns * Rows];
        _colors = new GraphColor[Columns * Rows];
    }

    public int Columns { get; }

    public int Rows { get; }

    /// <summary>Dots across (two a cell).</summary>
    public int Width => Columns * 2;

    /// <summary>Dots down (four a cell).</summary>
    public int Height => Rows * 4;

    /// <summary>Sets the dot at (<paramref name="x"/>, <paramref name="y"/>) in <paramref name="color"/>.</summary>
    public void Set(int x, int y, GraphColor color)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            return;
        int cell = (y >> 2) * Columns + (x >> 1);
        _dots[cell] |= DotBits[((x & 1) << 2) | (y & 3)];
        _colors[cell] = color;
    }

    /// <summary>The dots of column <paramref name="x"/> from <paramref name="y0"/> to <paramref name="y1"/> (either order; clipped).</summary>
    public void VerticalLine(int x, double y0, double y1, GraphColor color)
    {
        if ((uint)x >= (uint)Width)
            return;
        if (y1 < y0)
            (y0, y1) = (y1, y0);
        int top = (int)Math.Max(0, Math.Round(y0)), bottom = (int)Math.Min(Height - 1, Math.Round(y1));
        for (int y = top; y <= bottom; y++)
            Set(x, y, color);
    }

    /// <summary>A straight line of dots between two points in dot coordinates (clipped to the canvas).</summary>
    public void Line(double x0, double y0, double x1, double y1, GraphColor color)
    {
        if (!Clip(ref x0, ref y0, ref x1, ref y1))
            return;
        int ax = (int)Math.Round(x0), ay = (int)Math.Round(y0), bx = (int)Math.Round(x1), by = (int)Math.Round(y1);
        if (ax == bx)
        {
            for (int y = Math.Min(ay, by), end = Math.Max(ay, by); y <= end; y++)
                Set(ax, y, color);
            return;
        }
        if (ay == by)
        {
            for (int x = Math.Min(ax, bx), end = Math.Max(ax, bx); x <= end; x++)
                Set(x, ay, color);
            return;
        }
        int dx = Math.Abs(bx - ax), sx = ax < bx ? 1 : -1, dy = -Math.Abs(by - ay), sy = ay < by ? 1 : -1, error = dx + dy;
        while (true)
        {
            Set(ax, ay, color);
            if (ax == bx && ay == by)
                return;
            int twice = 2 * error;
            if (twice >= dy)
            {
                error += dy;
                ax += sx;
            }
            if (twice <= dx)
            {
                error += dx;
                ay += sy;
            }
        }
    }

    /// <summary>The character of cell (<paramref name="column"/>, <paramref name="row"/>): a braille pattern, or a space when no dot is set.</summary>
    public char CharAt(int column, int row)
    {
        byte dots = _dots[row * Columns + column];
        return dots == 0 ? ' ' : (char)(0x2800 + dots);
    }

    /// <summary>The colour of the last series that drew in the cell (<see cref="GraphColor.Default"/> when none did).</summary>
    public GraphColor ColorAt(int column, int row) => _colors[row * Columns + column];

    /// <summary>Cuts the line to the canvas (Liang–Barsky); false when none of it lies inside.</summary>
    private bool Clip(ref double x0, ref double y0, ref double x1, ref double y1)
    {
        double left = -0.49, right = Width - 0.51, top = -0.49, bottom = Height - 0.51;
        double dx = x1 - x0, dy = y1 - y0, t0 = 0, t1 = 1;
        ReadOnlySpan<double> p = [-dx, dx, -dy, dy];
        ReadOnlySpan<double> q = [x0 - left, right - x0, y0 - top, bottom - y0];
        for (int i = 0; i < 4; i++)
        {
            if (p[i] == 0)
            {
                if (q[i] < 0)
                    return false;
                continue;
            }
            double t = q[i] / p[i];
            if (p[i] < 0)
            {
                if (t > t1)
                    return false;
                if (t > t0)
                    t0 = t;
            }
            else
            {
                if (t < t0)
                    return false;
                if (t < t1)
                    t1 = t;
            }
        }
        double ox = x0, oy = y0;
        x0 = ox + t0 * dx;
        y0 = oy + t0 * dy;
        x1 = ox + t1 * dx;
        y1 = oy + t1 * dy;
        return !double.IsNaN(x0) && !double.IsNaN(y0);
    }
}
