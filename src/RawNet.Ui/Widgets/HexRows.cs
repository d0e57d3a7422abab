using System.Globalization;
using RawNet.Ui.Theming;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RawNet.Ui.Widgets;

/// <summary>
/// The hex dump line both the hex pane and the craft screen show: offset, 16 bytes in hex (a gap after the eighth) and
/// their ASCII, each byte in the style the caller gives it.
/// </summary>
internal static class HexRows
{
    /// <summary>Bytes per line.</summary>
    public const int BytesPerLine = 16;

    /// <summary>Cells before the first byte's hex: the 4-digit offset and two spaces.</summary>
    private const int OffsetCells = 6;

    /// <summary>The cell of the first byte's hex after the gap in the middle of the line.</summary>
    private const int SecondHalf = OffsetCells + BytesPerLine / 2 * 3 + 1;

    /// <summary>The cell where the line's ASCII begins.</summary>
    private const int AsciiColumn = OffsetCells + BytesPerLine * 3 + 2;

    /// <summary>Which of a line's bytes <see cref="Line"/> draws at <paramref name="column"/> (its hex and the space after it, or its ASCII), or -1.</summary>
    public static int ByteAt(int column)
    {
        if (column >= AsciiColumn)
            return column - AsciiColumn < BytesPerLine ? column - AsciiColumn : -1;
        if (column >= SecondHalf)
            return column - SecondHalf < BytesPerLine / 2 * 3 ? BytesPerLine / 2 + (column - SecondHalf) / 3 : -1;
        if (column >= OffsetCells && column < SecondHalf - 1)
            return (column - OffsetCells) / 3;
        return -1;
    }

    /// <summary>Lines a dump of <paramref name="length"/> bytes takes.</summary>
    public static int LineCount(int length) => (length + BytesPerLine - 1) / BytesPerLine;

    /// <summary>
    /// Line <paramref name="line"/> of <paramref name="frame"/>, cut or padded to <paramref name="maxWidth"/> cells after
    /// <paramref name="indent"/>. The space after a byte takes the byte's style when the next byte on the line has the
    /// same one, so a marked run reads as one block; bytes nothing marks are in the theme's body text.
    /// </summary>
    public static List<Segment> Line(Theme theme, byte[] frame, int line, Func<int, Style> styleOf, int maxWidth, string indent = "")
    {
        var plain = theme.Body;
        var segments = new List<Segment>();
        int used = 0;
        void Add(string text, Style style)
        {
            if (used >= maxWidth)
                return;
            if (used + text.Length > maxWidth)
                text = text[..(maxWidth - used)];
            segments.Add(new Segment(text, style));
            used += text.Length;
        }
        int first = line * BytesPerLine;
        Add(indent + first.ToString("x4", CultureInfo.InvariantCulture) + "  ", theme.Muted);
        for (int i = 0; i < BytesPerLine; i++)
        {
            int at = first + i;
            var style = at < frame.Length ? styleOf(at) : plain;
            bool joined = i + 1 < BytesPerLine && at + 1 < frame.Length && styleOf(at + 1) == style;
            Add(at < frame.Length ? frame[at].ToString("x2", CultureInfo.InvariantCulture) : "  ", style);
            Add(i == 7 ? "  " : " ", joined ? style : plain);
        }
        Add(" ", plain);
        for (int i = 0; i < BytesPerLine && first + i < frame.Length; i++)
        {
            byte b = frame[first + i];
            Add(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : ".", styleOf(first + i));
        }
        if (used < maxWidth)
            segments.Add(new Segment(new string(' ', maxWidth - used), theme.Text));
        return segments;
    }
}
