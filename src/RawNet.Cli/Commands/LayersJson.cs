using System.Text.Json;
using RawNet.Capture.Layers;
using RawNet.Protocols.Checksums;

namespace RawNet.Cli.Commands;

/// <summary>
/// The JSON form of a <see cref="LayersReport"/>, one indented object:
/// <c>{"payload": TEXT, "payloadHex", "interface", "ipv6", "kinds": [{"socket", "delivered", "notes", "packets": [{"hex",
/// "from", "carriesPayload", "layers": [{"name", "offset", "length", "writtenBy", "checksum"?, "fields": [{"name", "value", "offset",
/// "length", "writtenBy"}]}]}], "summary": {"payloadBytes", "wireBytes", "packets", "overheadPercent"}}]}</c>.
/// Every <c>hex</c> is a frame the capture saw.
/// </summary>
public static class LayersJson
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/>, ending with a newline.</summary>
    public static void Write(LayersReport report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("payload", System.Text.Encoding.UTF8.GetString(report.Payload));
            json.WriteString("payloadHex", Convert.ToHexStringLower(report.Payload));
            json.WriteString("interface", report.Interface);
            if (report.Namespace is not null)
                json.WriteString("namespace", report.Namespace);
            json.WriteBoolean("ipv6", report.Ipv6);
            json.WriteStartArray("kinds");
            foreach (var kind in report.Kinds)
                WriteKind(json, kind, report.Payload.Length);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteKind(Utf8JsonWriter json, SocketKindReport kind, int payloadLength)
    {
        json.WriteStartObject();
        json.WriteString("socket", LayersWording.Name(kind.Socket));
        json.WriteBoolean("delivered", kind.Delivered);
        json.WriteBoolean("deliveryExpected", kind.DeliveryExpected);
        json.WriteStartArray("notes");
        foreach (var note in kind.Notes)
            json.WriteStringValue(note);
        json.WriteEndArray();
        json.WriteStartArray("packets");
        foreach (var packet in kind.Packets)
        {
            json.WriteStartObject();
            json.WriteString("hex", Convert.ToHexStringLower(packet.Frame));
            json.WriteString("from", packet.Origin == FrameOrigin.Sender ? "sender" : "listener");
            json.WriteBoolean("carriesPayload", packet.CarriesPayload);
            json.WriteStartArray("layers");
            foreach (var layer in packet.Layers)
            {
                json.WriteStartObject();
                json.WriteString("name", layer.Name);
                json.WriteNumber("offset", layer.Offset);
                json.WriteNumber("length", layer.Length);
                json.WriteString("writtenBy", LayersWording.Name(layer.WrittenBy));
                if (layer.Checksum != ChecksumStatus.None)
                    json.WriteString("checksum", layer.Checksum.Word());
                json.WriteStartArray("fields");
                foreach (var field in layer.Fields)
                {
                    json.WriteStartObject();
                    json.WriteString("name", field.Name);
                    json.WriteString("value", field.Value);
                    json.WriteNumber("offset", field.Offset);
                    json.WriteNumber("length", field.Length);
                    json.WriteString("writtenBy", LayersWording.Name(field.WrittenBy));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("payloadBytes", payloadLength);
        json.WriteNumber("wireBytes", kind.WireBytes);
        json.WriteNumber("packets", kind.Packets.Count);
        json.WritePropertyName("overheadPercent");
        json.WriteRawValue(LayersWording.Overhead(kind, payloadLength), skipInputValidation: false);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
