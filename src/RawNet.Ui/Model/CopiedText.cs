using System.Globalization;
using System.Text;

namespace RawNet.Ui.Model;

/// <summary>
/// What <c>y</c> copies from the main screen, as Wireshark's Copy menu gives it: the row's columns (Summary as Text,
/// tab-separated), a field's value (Value), bytes as a hex stream (…as a Hex Stream) and the whole tree (All Visible
/// Items, with every layer open).
/// </summary>
public static class CopiedText
{
    /// <summary>The text of <paramref name="kind"/> for the selected packet, or null (with the reason in <paramref name="problem"/>) when there is none.</summary>
    public static string? Of(CaptureView view, CopyKind kind, out string? problem)
    {
        problem = null;
        int frame = view.SelectedFrame;
        if (frame < 0)
        {
            problem = "No packet to copy";
            return null;
        }
        switch (kind)
        {
            case CopyKind.Row:
                var row = view.Source.Row(frame);
                return string.Join('\t', row.Number.ToString(CultureInfo.InvariantCulture), view.TimeText(frame), row.Source, row.Destination,
                    row.Protocol, row.Length.ToString(CultureInfo.InvariantCulture), row.Info);
            case CopyKind.Field:
                var tree = view.Tree;
                return tree.Count == 0 ? null : Value(tree[Math.Clamp(view.TreeCursor, 0, tree.Count - 1)].Text);
            case CopyKind.Hex:
                var (offset, length) = view.Highlight;
                view.Source.Decode(frame);
                var bytes = view.Source.Frame;
                if (length <= 0 || offset < 0 || offset + length > bytes.Length)
                {
                    problem = "The line under the cursor has no bytes of its own (a value computed from others): yx copies a field's or a layer's bytes";
                    return null;
                }
                return Convert.ToHexStringLower(bytes.Slice(offset, length));
            default:
                var text = new StringBuilder();
                foreach (var line in view.Source.Tree(frame, AllLayers))
                    text.Append(line.Kind == TreeLineKind.Layer ? "" : "    ").Append(line.Text).Append('\n');
                return text.ToString();
        }
    }

    /// <summary>A tree line's value: what follows "(field.name): ", or the whole line, trimmed, for a heading or a note.</summary>
    public static string Value(string line)
    {
        int name = line.IndexOf(" (", StringComparison.Ordinal);
        int value = name < 0 ? -1 : line.IndexOf("): ", name, StringComparison.Ordinal);
        return value < 0 ? line.Trim() : line[(value + 3)..];
    }

    private static readonly HashSet<int> AllLayers = [.. Enumerable.Range(0, Protocols.Decoding.DecodedPacket.MaxLayers)];
}
