using System.Text;
using RawNet.Output;

namespace RawNet.Cli.Commands;

/// <summary>
/// A hex dump, 16 bytes a row with offset and ASCII, in which every byte shows the layer it belongs to: coloured by
/// layer, or (without colour) lettered on the line below, with a legend naming each layer's byte range. <c>craft</c>
/// and <c>layers</c> print their frames with it.
/// </summary>
public static class LayerHexDump
{
    private const string Reset = "\e[0m";

    /// <summary>Whether a --color mode (auto, always, never) colours: auto does when standard output is a terminal that wants colour.</summary>
    public static bool ShouldColor(string? mode) => mode switch
    {
        "always" => true,
        "never" => false,
        _ => !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null or "" && Environment.GetEnvironmentVariable("TERM") != "dumb",
    };

    /// <summary>
    /// Writes <paramref name="frame"/>; <paramref name="layers"/> are in order of offset, each running to the next one's
    /// offset (the last to the end). Rows start with <paramref name="indent"/>.
    /// </summary>
    public static void Write(byte[] frame, IReadOnlyList<(string Name, int Offset)> layers, bool colored, TextWriter output, string indent = "")
    {
        var owner = new int[frame.Length];
        for (int n = 0; n < layers.Count; n++)
        {
            for (int b = Math.Max(0, layers[n].Offset); b < frame.Length; b++)
                owner[b] = n;
        }
        var legend = new StringBuilder(indent).Append("Layers:");
        for (int n = 0; n < layers.Count; n++)
        {
            int end = n + 1 < layers.Count ? layers[n + 1].Offset : frame.Length;
            string name = $"{layers[n].Name} [{layers[n].Offset}-{end - 1}]";
            legend.Append("  ").Append(colored ? LayerPalette.Escape(n) + name + Reset : $"{Letter(n)}={name}");
        }
        output.WriteLine(legend.ToString());
        var row = new StringBuilder();
        var letters = new StringBuilder();
        for (int start = 0; start < frame.Length; start += 16)
        {
            row.Clear().Append(indent).Append(start.ToString("x4")).Append("  ");
            letters.Clear().Append(indent).Append("      ");
            int count = Math.Min(16, frame.Length - start);
            for (int i = 0; i < 16; i++)
            {
                if (i == 8)
                {
                    row.Append(' ');
                    letters.Append(' ');
                }
                if (i >= count)
                {
                    row.Append("   ");
                    continue;
                }
                int at = start + i;
                string hex = frame[at].ToString("x2");
                bool layerStarts = at == 0 || owner[at] != owner[at - 1];
                if (colored)
                    row.Append(LayerPalette.Escape(owner[at])).Append(hex).Append(Reset).Append(' ');
                else
                    row.Append(hex).Append(' ');
                letters.Append(layerStarts || i == 0 ? Letter(owner[at]) : '-').Append("  ");
            }
            row.Append(' ');
            for (int i = 0; i < count; i++)
            {
                byte b = frame[start + i];
                row.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
            }
            output.WriteLine(row.ToString());
            if (!colored)
                output.WriteLine(letters.ToString().TrimEnd());
        }
    }

    private static char Letter(int layer) => (char)('A' + layer % 26);
}
