namespace RawNet.Output;

/// <summary>
/// The colours of a frame's layers where bytes are coloured by the layer that owns them (the hex dumps of
/// <c>rawnet craft</c> and <c>rawnet layers</c>, the UI's craft screen): xterm 256-colour numbers, by the layer's place in
/// its frame, repeating after eight.
/// </summary>
public static class LayerPalette
{
    private static ReadOnlySpan<byte> Colors => [33, 172, 35, 170, 166, 37, 142, 98];
    private static readonly string[] Escapes = Enumerable.Range(0, Colors.Length).Select(i => $"\e[38;5;{Of(i)}m").ToArray();

    /// <summary>How many colours there are before they repeat.</summary>
    public static int Count => Colors.Length;

    /// <summary>The xterm 256-colour number of the layer at <paramref name="index"/> (0 = outermost) in its frame.</summary>
    public static byte Of(int index) => Colors[index % Colors.Length];

    /// <summary>The ANSI escape that sets <see cref="Of"/> as the foreground colour.</summary>
    public static string Escape(int index) => Escapes[index % Escapes.Length];
}
