using Spectre.Console;

namespace RawNet.Ui.Widgets;

/// <summary>
/// One colour per layer of a byte map, cycling: the 256-colour numbers <c>rawnet craft</c> and <c>rawnet layers</c>
/// colour their hex dumps with (the CLI's LayerHexDump), so a layer has the same colour on the screen and in the terminal output.
/// </summary>
internal static class LayerColors
{
    private static readonly Color[] Palette = [Color.FromInt32(33), Color.FromInt32(172), Color.FromInt32(35), Color.FromInt32(170),
        Color.FromInt32(166), Color.FromInt32(37), Color.FromInt32(142), Color.FromInt32(98)];

    /// <summary>The colour of the layer at <paramref name="index"/> in its frame.</summary>
    public static Color Of(int index) => Palette[index % Palette.Length];
}
