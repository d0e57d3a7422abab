using System.Globalization;
using RawNet.Ui.Theming;
using Spectre.Console;
using Spectre.Console.Rendering;
using RawNet.Ui.Model;

namespace RawNet.Ui.Widgets;

/// <summary>
/// The hex dump line both the hex pane and the craft screen show, laid out as <see cref="HexLines"/> says: offset, 16
/// bytes in hex (a gap after the eighth) and their ASCII, each byte in the style the caller gives it; 8 bytes a line
/// where 16 do not fit (a narrow hex pane side by side).
/// </summary>
internal static class HexRows
{
    /// <summary>Bytes per line where they fit.</summary>
    public const int BytesPerLine = HexLines.BytesPerLine;

    /// <summary>
    /// Line <paramref name="line"/> of <paramref name="frame"/> at <paramref name="bytesPerLine"/> a line, cut or padded
    /// to <paramref name="maxWidth"/> cells after <paramref name="indent"/>. The space after a byte takes the byte's style
    /// when the next byte on the line has the same one, so a marked run reads as one block; bytes nothing marks are in the
    /// theme's body text.
    /// </summary>
    public static List<Segment> Line(Theme theme, byte[] frame, int line, Func<int, Style> styleOf, int maxWidth, string indent = "", int bytesPerLine = BytesPerLine)
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
        int first = line * bytesPerLine;
        Add(indent + first.ToString("x4", CultureInfo.InvariantCulture) + "  ", theme.Muted);
        for (int i = 0; i < bytesPerLine; i++)
        {
            int at = first + i;
            var style = at < frame.Length ? styleOf(at) : plain;
            bool joined = i + 1 < bytesPerLine && at + 1 < frame.Length && styleOf(at + 1) == style;
            Add(at < frame.Length ? frame[at].ToString("x2", CultureInfo.InvariantCulture) : "  ", style);
            Add(i == HexLines.HalfLine - 1 && bytesPerLine > HexLines.HalfLine ? "  " : " ", joined ? style : plain);
        }
        Add(" ", plain);
        for (int i = 0; i < bytesPerLine && first + i < frame.Length; i++)
        {
            byte b = frame[first + i];
            Add(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : ".", styleOf(first + i));
        }
        if (used < maxWidth)
            segments.Add(new Segment(new string(' ', maxWidth - used), theme.Text));
        return segments;
    }
}
