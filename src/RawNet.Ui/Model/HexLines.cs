namespace RawNet.Ui.Model;

/// <summary>
/// How a hex dump line is laid out (the hex pane's and the craft screen's): a 4-digit offset and two spaces, the bytes
/// in hex with a gap after the eighth, a space, their ASCII; 16 bytes a line where they fit, 8 in a narrower pane. The
/// panes' sizes, the mouse's hit test and the drawing all read it from here.
/// </summary>
public static class HexLines
{
    /// <summary>Bytes per line where they fit (as Wireshark and <c>tcpdump -X</c> show them).</summary>
    public const int BytesPerLine = 16;

    /// <summary>Bytes per line in a pane too narrow for <see cref="BytesPerLine"/>.</summary>
    public const int NarrowBytesPerLine = 8;

    /// <summary>Cells before the first byte's hex: the 4-digit offset and two spaces.</summary>
    private const int OffsetCells = 6;

    /// <summary>The bytes on one line before the gap in its middle.</summary>
    public const int HalfLine = 8;

    /// <summary>The cell of the first byte's hex after the gap in the middle of a 16-byte line.</summary>
    private const int SecondHalf = OffsetCells + HalfLine * 3 + 1;

    /// <summary>Cells a line of <paramref name="bytesPerLine"/> bytes takes: offset, hex (and the gap), a space, the ASCII.</summary>
    public static int Width(int bytesPerLine) => AsciiColumn(bytesPerLine) + bytesPerLine;

    /// <summary>The bytes a line shows in a pane <paramref name="width"/> cells wide.</summary>
    public static int BytesPerLineFor(int width) => width >= Width(BytesPerLine) ? BytesPerLine : NarrowBytesPerLine;

    /// <summary>The cell where the ASCII of a line of <paramref name="bytesPerLine"/> bytes begins.</summary>
    private static int AsciiColumn(int bytesPerLine) => OffsetCells + bytesPerLine * 3 + (bytesPerLine > HalfLine ? 1 : 0) + 1;

    /// <summary>
    /// Which of a line's bytes is drawn at <paramref name="column"/> (its hex and the space after it, or
    /// its ASCII) on lines of <paramref name="bytesPerLine"/> bytes, or -1.
    /// </summary>
    public static int ByteAt(int column, int bytesPerLine = BytesPerLine)
    {
        int ascii = AsciiColumn(bytesPerLine);
        if (column >= ascii)
            return column - ascii < bytesPerLine ? column - ascii : -1;
        if (bytesPerLine > HalfLine && column >= SecondHalf)
            return column - SecondHalf < (bytesPerLine - HalfLine) * 3 ? HalfLine + (column - SecondHalf) / 3 : -1;
        if (column >= OffsetCells && column < OffsetCells + Math.Min(HalfLine, bytesPerLine) * 3)
            return (column - OffsetCells) / 3;
        return -1;
    }

    /// <summary>Lines a dump of <paramref name="length"/> bytes takes at <paramref name="bytesPerLine"/> a line.</summary>
    public static int LineCount(int length, int bytesPerLine = BytesPerLine) => (length + bytesPerLine - 1) / bytesPerLine;
}
