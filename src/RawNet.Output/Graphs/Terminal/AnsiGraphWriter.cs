namespace RawNet.Output.Graphs.Terminal;

/// <summary>Writes a <see cref="RenderedGraph"/> to a text stream, its colours as ANSI escapes or left out.</summary>
public static class AnsiGraphWriter
{
    /// <summary>Writes every line of <paramref name="graph"/>, coloured when <paramref name="colored"/>.</summary>
    public static void Write(RenderedGraph graph, TextWriter output, bool colored)
    {
        foreach (var line in graph.Lines)
        {
            foreach (var span in line.Spans)
            {
                string escape = colored ? Escape(span.Color) : "";
                output.Write(escape);
                output.Write(span.Text);
                if (escape.Length > 0)
                    output.Write("\e[0m");
            }
            output.Write('\n');
        }
    }

    /// <summary>The escape that sets <paramref name="color"/> (empty for the terminal's own colour).</summary>
    public static string Escape(GraphColor color) => color switch
    {
        GraphColor.Blue => "\e[38;5;33m",
        GraphColor.Red => "\e[38;5;196m",
        GraphColor.Orange => "\e[38;5;208m",
        GraphColor.Green => "\e[38;5;40m",
        GraphColor.Purple => "\e[38;5;135m",
        GraphColor.Yellow => "\e[38;5;178m",
        GraphColor.Teal => "\e[38;5;37m",
        GraphColor.Gray => "\e[38;5;245m",
        GraphColor.Title => "\e[1m",
        GraphColor.Axis => "\e[38;5;245m",
        GraphColor.Cursor => "\e[1;38;5;51m",
        _ => "",
    };
}
