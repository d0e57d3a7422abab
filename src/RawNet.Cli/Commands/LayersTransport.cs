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
        string where = report.Namespace is null ? $"{report.Interface} (loopback)" : $"{report.Interface} in {report.Namespace} (sent from {report.SenderNamespace})";
        output.WriteLine($"rawnet layers --experiment {TransportOptions.Name(report.Experiment)}: {(report.Ipv6 ? "IPv6" : "IPv4")}, captured on {where}");
        output.WriteLine("what was done:");
        foreach (var step in report.Steps)
            output.WriteLine("  " + step);
        output.WriteLine($"{report.Packets.Count} packet{(report.Packets.Count == 1 ? "" : "s")} captured (> from the sender, < from the listener):");
        var decoder = new PacketDecoder();
        var decoded = new DecodedPacket();
        var summary = new SummaryPrinter();
        int number = 0;
        foreach (var packet in report.Packets)
        {
            decoder.Decode(packet.Frame, packet.Metadata, ++number, decoded);
            output.Write("  " + LayersWording.PacketPrefix(number, packet.Origin));
            summary.Print(decoded, packet.Frame, output);
        }
        if (report.Sends.Count + report.Receives.Count > 0)
        {
            output.WriteLine("socket calls:");
            foreach (var call in report.Sends)
                output.WriteLine("  " + CallText("send()", call));
            foreach (var call in report.Receives)
                output.WriteLine("  " + CallText("recv()", call));
        }
        if (report.Checksum is { } walk)
            WriteWalk(walk, output);
        foreach (var diagram in report.Diagrams ?? [])
        {
            output.WriteLine($"{diagram.Layer} header, bytes {diagram.Offset}-{diagram.Offset + diagram.Length - 1} of the frame:");
            foreach (var line in diagram.Lines)
                output.WriteLine("  " + line);
        }
        if (report.Wire is { } wire)
            foreach (var line in WireLines(wire))
                output.WriteLine(line);
        output.WriteLine("what it shows:");
        foreach (var finding in report.Findings)
            output.WriteLine("  " + finding);
    }

    private static string CallText(string call, SocketCall c) =>
        $"{call} {c.Socket}{(c.Peer is null ? "" : (call == "send()" ? " -> " : " <- ") + c.Peer)}: {c.Bytes} bytes{(c.Text is null ? "" : $" \"{c.Text}\"")}";

    /// <summary>The walk-through's lines: a heading, one row per 16-bit word with the running sum, and the result.</summary>
    public static IEnumerable<string> WalkLines(ChecksumWalk walk)
    {
        yield return $"{walk.Protocol.ToUpperInvariant()} checksum over {(walk.Ipv6 ? "IPv6" : "IPv4")}, by hand (RFC 1071): add the 16-bit words in one's complement "
            + "(a carry out of bit 15 is added back in: +c), then complement the sum";
        yield return "  part           word   sum      what";
        foreach (var word in walk.Words)
            yield return $"  {word.Part,-13}  {word.Value:x4}   {word.Sum:x4}{(word.Carried ? " +c" : "   ")}  {word.Meaning}";
        yield return $"  sum 0x{walk.Sum:x4}; checksum = ~sum = 0x{(ushort)~walk.Sum:x4}"
            + (walk.Protocol == "udp" && walk.Computed != (ushort)~walk.Sum ? " (0 is sent as 0xffff in UDP)" : "")
            + $"; the packet holds 0x{walk.InPacket:x4}" + (walk.Matches ? ": they match" : walk.LeftForOffload ? ": left for offload" : ": they differ");
    }

    /// <summary>The wire view's lines: every part in order with its bytes, what a capture shows of it, and the totals.</summary>
    public static IEnumerable<string> WireLines(WireView wire)
    {
        yield return "on the wire (IEEE 802.3), in order:";
        yield return "  part       bytes  in a capture";
        foreach (var share in wire.Sequence)
            yield return $"  {share.Name,-9}  {share.Bytes,5}  {(share.Captured ? "yes" : "no")}";
        yield return $"  captured {wire.Captured}, Ethernet frame {wire.EthernetFrame} (padded, with FCS), on the wire {wire.OnTheWire} byte times";
    }

    private static void WriteWalk(ChecksumWalk walk, TextWriter output)
    {
        foreach (var line in WalkLines(walk))
            output.WriteLine(line);
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
