using System.Text.Json;
using RawNet.Capture.Layers;
using RawNet.Output.Summary;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Commands;

/// <summary>
/// The text and JSON forms of a <see cref="TransportReport"/> (<c>rawnet layers --experiment ...</c>): what was done,
/// every captured packet as the summary line <c>read</c> prints (&gt; from the sender, &lt; from the listener), each
/// send() and recv() call, the findings, and for the checksum experiment the word-by-word walk-through.
/// </summary>
public static class LayersTransport
{
    /// <summary>Writes <paramref name="report"/> as text.</summary>
    public static void WriteText(TransportReport report, TextWriter output)
    {
        foreach (var line in TransportWording.Lines(report, Summaries(report)))
            output.WriteLine(line);
    }

    /// <summary>Each packet's summary line, as <c>read</c> prints it.</summary>
    public static List<string> Summaries(TransportReport report)
    {
        var decoder = new PacketDecoder();
        var decoded = new DecodedPacket();
        var summary = new SummaryPrinter();
        var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var lines = new List<string>();
        int number = 0;
        foreach (var packet in report.Packets)
        {
            decoder.Decode(packet.Frame, packet.Metadata, ++number, decoded);
            writer.GetStringBuilder().Clear();
            summary.Print(decoded, packet.Frame, writer);
            lines.Add(writer.ToString().TrimEnd());
        }
        return lines;
    }

    /// <summary>
    /// Writes <paramref name="report"/> as one JSON object: <c>{"experiment", "ipv6", "interface", "steps", "packets":
    /// [{"hex", "from"}], "sends"/"receives": [{"socket", "peer", "bytes", "text"?}], "findings", "checksum"?: {"protocol",
    /// "words": [{"part", "meaning", "value", "sum", "carried"}], "sum", "computed", "inPacket", "library", "matches"}}</c>.
    /// </summary>
    public static void WriteJson(TransportReport report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("experiment", TransportOptions.Name(report.Experiment));
            json.WriteBoolean("ipv6", report.Ipv6);
            json.WriteString("interface", report.Interface);
            if (report.Namespace is not null)
                json.WriteString("namespace", report.Namespace);
            Strings(json, "steps", report.Steps);
            json.WriteStartArray("packets");
            foreach (var packet in report.Packets)
            {
                json.WriteStartObject();
                json.WriteString("hex", Convert.ToHexStringLower(packet.Frame));
                json.WriteString("from", packet.Origin == FrameOrigin.Sender ? "sender" : "listener");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            Calls(json, "sends", report.Sends);
            Calls(json, "receives", report.Receives);
            Strings(json, "findings", report.Findings);
            if (report.Checksum is { } walk)
            {
                json.WriteStartObject("checksum");
                json.WriteString("protocol", walk.Protocol);
                json.WriteStartArray("words");
                foreach (var word in walk.Words)
                {
                    json.WriteStartObject();
                    json.WriteString("part", word.Part);
                    json.WriteString("meaning", word.Meaning);
                    json.WriteString("value", $"0x{word.Value:x4}");
                    json.WriteString("sum", $"0x{word.Sum:x4}");
                    json.WriteBoolean("carried", word.Carried);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteString("sum", $"0x{walk.Sum:x4}");
                json.WriteString("computed", $"0x{walk.Computed:x4}");
                json.WriteString("inPacket", $"0x{walk.InPacket:x4}");
                json.WriteString("library", $"0x{walk.LibraryValue:x4}");
                json.WriteBoolean("matches", walk.Matches);
                json.WriteBoolean("leftForOffload", walk.LeftForOffload);
                json.WriteEndObject();
            }
            if (report.Wire is { } wire)
            {
                json.WriteStartObject("wire");
                json.WriteStartArray("sequence");
                foreach (var share in wire.Sequence)
                {
                    json.WriteStartObject();
                    json.WriteString("name", share.Name);
                    json.WriteNumber("bytes", share.Bytes);
                    json.WriteBoolean("captured", share.Captured);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteNumber("captured", wire.Captured);
                json.WriteNumber("padding", wire.Padding);
                json.WriteString("fcs", $"0x{wire.Fcs:x8}");
                json.WriteNumber("ethernetFrame", wire.EthernetFrame);
                json.WriteNumber("onTheWire", wire.OnTheWire);
                json.WriteEndObject();
            }
            if (report.Diagrams is { Count: > 0 } diagrams)
            {
                json.WriteStartArray("diagrams");
                foreach (var diagram in diagrams)
                {
                    json.WriteStartObject();
                    json.WriteString("layer", diagram.Layer);
                    json.WriteNumber("offset", diagram.Offset);
                    json.WriteNumber("length", diagram.Length);
                    Strings(json, "lines", diagram.Lines);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void Calls(Utf8JsonWriter json, string name, IEnumerable<SocketCall> calls)
    {
        json.WriteStartArray(name);
        foreach (var call in calls)
        {
            json.WriteStartObject();
            json.WriteString("socket", call.Socket);
            if (call.Peer is not null)
                json.WriteString("peer", call.Peer.ToString());
            json.WriteNumber("bytes", call.Bytes);
            if (call.Text is not null)
                json.WriteString("text", call.Text);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
