using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Fields;

/// <summary>
/// Prints one tab-separated line per packet with the selected fields, byte for byte as
/// <c>tshark -T fields -e NAME...</c> does: occurrences of a field in several layers (or several times in one) joined by
/// commas, absent fields empty.
/// </summary>
public sealed class FieldsPrinter : IPacketPrinter
{
    private readonly FieldSelection _selection;
    private readonly char[] _line = new char[16 * 1024];

    /// <summary>Creates a printer for a resolved selection.</summary>
    public FieldsPrinter(FieldSelection selection) => _selection = selection;

    /// <inheritdoc />
    public bool ShowsAnalysis => _selection.UsesAnalysis;

    /// <inheritdoc />
    public bool ShowsChecksums => false; // no field is a checksum verdict (tshark does not verify by default either)

    /// <summary>Writes the line for one decoded packet.</summary>
    public void Print(DecodedPacket packet, ReadOnlySpan<byte> frame, TextWriter output)
    {
        Span<char> line = _line;
        int length = 0;
        var definitions = _selection.Definitions;
        for (int f = 0; f < definitions.Length; f++)
        {
            if (f > 0)
                line[length++] = '\t';
            bool first = true;
            var layers = packet.Layers;
            for (int l = 0; l < layers.Length; l++)
            {
                foreach (var definition in definitions[f])
                {
                    if (definition.Layer != layers[l].Kind)
                        continue;
                    var buffer = packet.BufferOf(layers[l], frame);
                    for (int occurrence = 0; FieldReader.TryRead(definition, packet, l, frame, occurrence, out var value); occurrence++)
                    {
                        if (line.Length - length < FieldFormatter.MaxLength + 2)
                            break; // a line this long is hostile input; keep it bounded
                        if (!first)
                            line[length++] = ',';
                        first = false;
                        FieldFormatter.TryFormat(definition, value, buffer, line[length..], out int written);
                        length += written;
                    }
                }
            }
        }
        line[length++] = '\n';
        output.Write(line[..length]);
    }
}
