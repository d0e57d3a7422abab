using System.Buffers;
using System.Text;
using System.Text.Json;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Expert;
using RawNet.Protocols.Fields;

namespace RawNet.Output.Json;

/// <summary>
/// One JSON object per packet, one per line (NDJSON), written with <see cref="Utf8JsonWriter"/>:
/// <c>{"frame":{"frame.number":"1",...},"outcome":"ok","layers":[{"name":"eth","offset":0,"length":14,"fields":{"eth.dst":"...",...}},...]}</c>.
/// Field names and values come from the field tables and <see cref="FieldFormatter"/>, so every value is the same text
/// <c>-T fields</c> prints; a field that occurs more than once in a layer becomes an array.
/// </summary>
public sealed class JsonPrinter : IPacketPrinter
{
    private readonly ArrayBufferWriter<byte> _bytes = new(4096);
    private readonly Utf8JsonWriter _json;
    private char[] _value = new char[FieldFormatter.MaxLength];
    private char[] _chars = new char[4096];
    private readonly Tree.ExpertLayout _expert = new();

    /// <summary>What is known about packets besides their bytes (the sender's TCP_INFO), written as more properties; null for none.</summary>
    public IPacketAnnotation? Annotation { get; set; }

    /// <inheritdoc />
    /// <remarks>Each layer's object holds tshark's expert items, so the tracker finds them.</remarks>
    public bool ShowsExpert => true;

    public JsonPrinter()
    {
        _json = new Utf8JsonWriter(_bytes, new JsonWriterOptions { SkipValidation = false, Indented = false });
    }

    /// <inheritdoc />
    public void Print(DecodedPacket packet, ReadOnlySpan<byte> frame, TextWriter output)
    {
        _bytes.ResetWrittenCount();
        _json.Reset(_bytes);
        var json = _json;
        _expert.Begin(packet, frame);
        json.WriteStartObject();
        json.WritePropertyName("frame");
        json.WriteStartObject();
        WriteFields(packet, frame, 0);
        json.WriteEndObject();
        json.WriteString("outcome", packet.Outcome switch
        {
            DecodeOutcome.Ok => "ok",
            DecodeOutcome.Truncated => "truncated",
            DecodeOutcome.Malformed => "malformed",
            _ => "unsupported",
        });
        if (packet.Outcome != DecodeOutcome.Ok)
        {
            json.WriteString("stop_reason", packet.StopReason ?? "");
            json.WriteString("stopped_at", FieldCatalog.ProtocolName(packet.StoppedAt));
            json.WriteNumber("stop_offset", packet.StopOffset);
        }
        if (packet.HasReassembledPayload)
            json.WriteNumber("reassembled_fragments", packet.ReassembledFragmentCount);
        else if (packet.IsUnreassembledFragment)
            json.WriteBoolean("fragment", true);

        json.WritePropertyName("layers");
        json.WriteStartArray();
        for (int i = 1; i < packet.LayerCount; i++)
        {
            ref readonly Layer layer = ref packet[i];
            json.WriteStartObject();
            json.WriteString("name", FieldCatalog.ProtocolName(layer.Kind));
            json.WriteNumber("offset", packet.PositionOf(layer));
            json.WriteNumber("length", layer.HeaderLength);
            if (layer.Source == LayerSource.Reassembled)
                json.WriteString("source", "reassembled");
            else if (layer.Source == LayerSource.Stream)
                json.WriteString("source", "tcp-segments");
            else if (layer.Source == LayerSource.Decompressed)
                json.WriteString("source", "6lowpan-decompressed");
            else if (layer.Source == LayerSource.SwappedFrameControl)
                json.WriteString("source", "capwap-swapped-frame-control");
            else if (layer.Source == LayerSource.QuicPlaintext)
                json.WriteString("source", "quic-decrypted");
            if (layer.Quoted)
                json.WriteBoolean("quoted", true);
            if (layer.Status != LayerStatus.Complete)
                json.WriteString("status", layer.Status == LayerStatus.Truncated ? "truncated" : "malformed");
            if (layer.Checksum != ChecksumStatus.None)
            {
                json.WriteString("checksum", layer.Checksum.Word());
            }
            if (layer.Kind == LayerKind.Payload)
            {
                json.WriteNumber("declared_length", layer.Extent);
            }
            else
            {
                json.WritePropertyName("fields");
                json.WriteStartObject();
                WriteFields(packet, frame, i);
                WriteExpertItems(i);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteExceptions();
        Annotation?.WriteJson(packet, frame, json);
        json.WriteEndObject();
        json.Flush();

        var utf8 = _bytes.WrittenSpan;
        int needed = Encoding.UTF8.GetMaxCharCount(utf8.Length) + 1;
        if (_chars.Length < needed)
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        int n = Encoding.UTF8.GetChars(utf8, _chars);
        _chars[n++] = '\n';
        output.Write(_chars, 0, n);
    }

    private void WriteFields(DecodedPacket packet, ReadOnlySpan<byte> frame, int index)
    {
        var json = _json;
        ref readonly Layer layer = ref packet[index];
        var buffer = packet.BufferOf(layer, frame);
        var fields = FieldCatalog.ForLayer(layer.Kind);
        for (int f = 0; f < fields.Length; f++)
        {
            var field = fields[f];
            // A payload's bytes are its layer's offset and length, not a hex copy in every object.
            if (!Writes(field) || !FieldReader.TryRead(field, packet, index, frame, 0, out var first))
                continue;
            // Definitions of one name side by side (IPv4's version before IPv6's own) are one key, as occurrences are.
            int last = f;
            while (last + 1 < fields.Length && fields[last + 1].Name == field.Name && Writes(fields[last + 1]))
                last++;
            json.WritePropertyName(field.Name);
            bool many = last > f || FieldReader.TryRead(field, packet, index, frame, 1, out _);
            if (many)
                json.WriteStartArray();
            WriteValue(field, first, buffer, packet);
            for (int occurrence = 1; many && FieldReader.TryRead(field, packet, index, frame, occurrence, out var value); occurrence++)
                WriteValue(field, value, buffer, packet);
            for (int same = f + 1; same <= last; same++)
            {
                for (int occurrence = 0; FieldReader.TryRead(fields[same], packet, index, frame, occurrence, out var value); occurrence++)
                    WriteValue(fields[same], value, buffer, packet);
            }
            if (many)
                json.WriteEndArray();
            f = last;
        }
    }

    /// <summary>What tshark's JSON holds for each item of the Malformed group, beside its <c>_ws.expert</c> object.</summary>
    private const string MalformedValue = "Malformed Packet";

    /// <summary>
    /// The layer's expert items as tshark's JSON writes them: <c>"_ws.expert"</c>, an object (an array of them for more than
    /// one) of the item's own field, its message, severity and group; and <c>"_ws.malformed": "Malformed Packet"</c> for
    /// each item of the Malformed group.
    /// </summary>
    private void WriteExpertItems(int layer)
    {
        int first = _expert.Next(0, layer, null, anyParent: true);
        if (first < 0)
            return;
        var json = _json;
        bool many = _expert.Next(first + 1, layer, null, anyParent: true) >= 0;
        int malformed = 0;
        json.WritePropertyName(ExpertFields.Expert.Name);
        if (many)
            json.WriteStartArray();
        for (int i = first; i >= 0; i = _expert.Next(i + 1, layer, null, anyParent: true))
        {
            WriteExpertObject(i);
            if (ExpertItems.Group(_expert[i].Item) == ExpertGroup.Malformed)
                malformed++;
        }
        if (many)
            json.WriteEndArray();
        if (malformed == 0)
            return;
        json.WritePropertyName(ExpertFields.Malformed.Name);
        if (malformed > 1)
            json.WriteStartArray();
        for (int m = 0; m < malformed; m++)
            json.WriteStringValue(MalformedValue);
        if (malformed > 1)
            json.WriteEndArray();
    }

    private void WriteExpertObject(int index)
    {
        var json = _json;
        var item = _expert[index].Item;
        _expert.MarkWritten(index);
        json.WriteStartObject();
        json.WriteString(ExpertPlacement.FieldName(item), "");
        json.WriteString(ExpertFields.Message.Name, _expert.Summary(index));
        WriteNumberText(ExpertFields.Severity.Name, ExpertItems.SeverityCode(ExpertItems.Severity(item)));
        WriteNumberText(ExpertFields.Group.Name, ExpertItems.GroupCode(ExpertItems.Group(item)));
        json.WriteEndObject();
    }

    private void WriteNumberText(string name, uint number)
    {
        Span<char> digits = stackalloc char[10];
        number.TryFormat(digits, out int written, provider: System.Globalization.CultureInfo.InvariantCulture);
        _json.WriteString(name, digits[..written]);
    }

    /// <summary>
    /// After the layers, as tshark's JSON: <c>"_ws.malformed"</c> with the exception's item, and <c>"_ws.short"</c>,
    /// "[Packet size limited during capture: TCP truncated]".
    /// </summary>
    private void WriteExceptions()
    {
        var json = _json;
        if (_expert.MalformedIn is not null)
        {
            json.WritePropertyName(ExpertFields.Malformed.Name);
            json.WriteStartObject();
            if (_expert.MalformedItem is >= 0 and var item)
            {
                json.WritePropertyName(ExpertFields.Expert.Name);
                WriteExpertObject(item);
            }
            json.WriteString(ExpertFields.Malformed.Name, MalformedValue);
            json.WriteEndObject();
        }
        if (_expert.ShortIn is { } cut)
        {
            Span<char> text = stackalloc char[ExpertFields.ShortPrefix.Length + MaxProtocolName + ExpertFields.ShortSuffix.Length];
            var name = cut.AsSpan(0, Math.Min(cut.Length, MaxProtocolName));
            ExpertFields.ShortPrefix.CopyTo(text);
            name.CopyTo(text[ExpertFields.ShortPrefix.Length..]);
            ExpertFields.ShortSuffix.CopyTo(text[(ExpertFields.ShortPrefix.Length + name.Length)..]);
            int length = ExpertFields.ShortPrefix.Length + name.Length + ExpertFields.ShortSuffix.Length;
            json.WriteString(ExpertFields.Short.Name, text[..length]);
        }
    }

    private const int MaxProtocolName = 64;

    // The expert fields are written where tshark writes them, in their layers' objects (WriteExpertItems), not the frame's.
    private static bool Writes(FieldDefinition field) => !field.TreeOnly && field.Kind != FieldKind.Bytes && !ExpertFields.Contains(field);

    private void WriteValue(FieldDefinition field, in FieldValue value, ReadOnlySpan<byte> buffer, DecodedPacket packet)
    {
        int room = FieldFormatter.RoomFor(field, value);
        if (_value.Length < room)
            _value = new char[room];
        FieldFormatter.TryFormat(field, value, buffer, _value, out int written, packet);
        _json.WriteStringValue(_value.AsSpan(0, written));
    }
}
