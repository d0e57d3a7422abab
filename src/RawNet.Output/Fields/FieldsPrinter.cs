using RawNet.Output.Columns;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Fields;

/// <summary>
/// Prints one tab-separated line per packet with the selected fields, byte for byte as
/// <c>tshark -T fields -e NAME...</c> does: occurrences of a field in several layers (or several times in one) joined by
/// commas, absent fields empty, text columns (<c>_ws.col.Info</c>) as tshark writes them.
/// </summary>
public sealed class FieldsPrinter : IPacketPrinter
{
    /// <summary>
    /// Past this many characters of its own a field takes no more occurrences (a value itself may be longer, an HTTP
    /// body; the fields after it still get their room): a bound only hostile input meets, far past a message's thousands
    /// of header lines.
    /// </summary>
    private const int MaxFieldLength = 1 << 20;

    private readonly FieldSelection _selection;
    private readonly TextLine _line = new();

    /// <summary>Creates a printer for a resolved selection.</summary>
    public FieldsPrinter(FieldSelection selection) => _selection = selection;

    /// <inheritdoc />
    public bool ShowsAnalysis => _selection.UsesAnalysis;

    /// <inheritdoc />
    public bool ShowsExpert => _selection.UsesExpert;

    /// <inheritdoc />
    public bool ShowsChecksums => _selection.UsesChecksums; // no field is a checksum verdict (tshark does not verify by default either); one colouring rule is

    /// <summary>Writes the line for one decoded packet.</summary>
    public void Print(DecodedPacket packet, ReadOnlySpan<byte> frame, TextWriter output)
    {
        var line = _line;
        line.Clear();
        for (int f = 0; f < _selection.Names.Count; f++)
        {
            if (f > 0)
                line.Append('\t');
            AppendValue(_selection, f, line, packet, frame);
        }
        line.WriteLineTo(output);
    }

    /// <summary>
    /// Appends selected field <paramref name="index"/> of <paramref name="packet"/> as <c>-T fields</c> writes it (every
    /// occurrence, comma-separated; nothing when absent): what the UI's custom packet-list columns show too.
    /// </summary>
    public static void AppendValue(FieldSelection selection, int index, TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(packet);
        if (selection.Columns[index] is { } column)
        {
            PacketColumns.Append(column, line, packet, frame);
            return;
        }
        bool first = true;
        int start = line.Length;
        var layers = packet.Layers;
        for (int l = 0; l < layers.Length; l++)
        {
            foreach (var definition in selection.Definitions[index])
            {
                if (definition.Layer != layers[l].Kind)
                    continue;
                var buffer = packet.BufferOf(layers[l], frame);
                for (int occurrence = 0; line.Length - start < MaxFieldLength && FieldReader.TryRead(definition, packet, l, frame, occurrence, out var value); occurrence++)
                {
                    if (!first)
                        line.Append(',');
                    first = false;
                    line.AppendField(definition, value, buffer, packet);
                }
            }
        }
    }
}
