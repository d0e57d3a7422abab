using System.Text;
using RawNet.Capture.Layers;
using RawNet.Output.Summary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Commands;

/// <summary>
/// The text form of a <see cref="LayersReport"/>: per socket kind what the sender said, every captured packet as a
/// summary line (the one <c>read</c> prints, marked &gt; from the sender and &lt; from the listener), the byte map of
/// the frame carrying the payload (offset, length, layer, who wrote it, then its fields as name=value), and last the
/// table of payload, bytes on the wire, packets and overhead.
/// </summary>
public static class LayersText
{
    /// <summary>The heading of the summary table.</summary>

    private const int FieldWidth = 110;

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> as text.</summary>
    public static void Write(LayersReport report, TextWriter output, bool colored = false)
    {
        string where = report.Namespace is null ? $"{report.Interface} (loopback)" : $"{report.Interface} in {report.Namespace} (sent from {report.SenderNamespace})";
        output.WriteLine($"rawnet layers: a {report.Payload.Length}-byte payload over {where}, {(report.Ipv6 ? "IPv6" : "IPv4")}; listeners TCP {report.StreamListener}, UDP {report.DatagramListener}");
        var decoder = new PacketDecoder();
        var decoded = new DecodedPacket();
        var summary = new SummaryPrinter();
        foreach (var kind in report.Kinds)
        {
            output.WriteLine();
            output.WriteLine(LayersWording.KindHeading(kind.Socket));
            foreach (var note in kind.Notes)
                output.WriteLine("   " + note);
            output.WriteLine("   " + LayersWording.PacketsHeading(kind.Packets.Count));
            int number = 0;
            foreach (var packet in kind.Packets)
            {
                decoder.Decode(packet.Frame, packet.Metadata, ++number, decoded);
                output.Write("   " + LayersWording.PacketPrefix(number, packet.Origin));
                summary.Print(decoded, packet.Frame, output);
            }
            var data = kind.DataPacket;
            if (data is null)
                continue;
            output.WriteLine("   " + LayersWording.ByteMapHeading(kind.Packets.ToList().IndexOf(data) + 1, data.Frame.Length));
            output.WriteLine("   " + LayersWording.ByteMapColumns);
            foreach (var layer in data.Layers)
            {
                output.WriteLine("   " + LayersWording.ByteMapRow(layer));
                WriteFields(layer, output);
            }
            LayerHexDump.Write(data.Frame, data.Layers.Select(l => (l.Name, l.Offset)).ToList(), colored, output, "   ");
        }
        output.WriteLine();
        output.WriteLine(LayersWording.TableHeading);
        foreach (var kind in report.Kinds)
            output.WriteLine(LayersWording.TableRow(kind, report.Payload.Length));
        output.WriteLine(LayersWording.TableFootnote);
    }


    /// <summary>The fields as name=value, wrapped, indented under their layer; kernel-filled fields in an application's layer get a *.</summary>
    private static void WriteFields(ByteMapLayer layer, TextWriter output)
    {
        const string Indent = "                           ";
        var line = new StringBuilder(Indent);
        foreach (var field in layer.Fields)
        {
            string text = LayersWording.FieldText(layer, field);
            if (line.Length > Indent.Length && line.Length + 1 + text.Length > FieldWidth)
            {
                output.WriteLine(line.ToString());
                line.Clear().Append(Indent);
            }
            if (line.Length > Indent.Length)
                line.Append(' ');
            line.Append(text);
        }
        if (line.Length > Indent.Length)
            output.WriteLine(line.ToString());
    }
}
