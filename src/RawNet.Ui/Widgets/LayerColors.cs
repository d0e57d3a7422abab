using RawNet.Output;
using Spectre.Console;

namespace RawNet.Ui.Widgets;

/// <summary>
/// One colour per layer of a byte map, cycling: <see cref="LayerPalette"/>, the colours <c>rawnet craft</c> and
/// <c>rawnet layers</c> print with, so a layer has the same colour on the screen and in the terminal output.
/// </summary>
internal static class LayerColors
{
    /// <summary>The colour of the layer at <paramref name="index"/> in its frame.</summary>
    public static Color Of(int index) => Color.FromInt32(LayerPalette.Of(index));
}
