using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Ieee802154;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns wpan writes (tshark 4.0) and 6LoWPAN leaves: the frame type's name, ", Dst: " and ", Src: " once each
/// address was read, ", Bad FCS" after a frame whose FCS does not check; 6LoWPAN names the Protocol column only.
/// </summary>
internal static class Ieee802154Info
{
    private static readonly string[] FrameTypes = ["Beacon", "Data", "Ack", "Command", "Reserved", "Multipurpose", "Fragment", "Extended"];

    /// <summary>Writes wpan's Info text for the wpan layer at or before <paramref name="index"/>; true when the layer at <paramref name="index"/> was cut short or is malformed.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        int wpan = index;
        while (wpan > 0 && source.Packet[wpan].Kind != LayerKind.Ieee802154)
            wpan--;
        ref readonly Layer layer = ref source.Packet[wpan];
        var buffer = source.Packet.BufferOf(layer, source.Frame);
        int at = layer.Offset;
        int readable = Math.Min(buffer.Length, at + layer.Extent - (layer.Detail != 0 ? Ieee802154Header.FcsLength : 0));
        if (readable - at >= 2 && Ieee802154Header.TryRead(buffer[at..readable], out var header))
        {
            line.Append(FrameTypes[header.FrameType]);
            AppendAddress(line, buffer, at, readable, header.DestinationMode, header.DestinationAt, ", Dst: ");
            AppendAddress(line, buffer, at, readable, header.SourceMode, header.SourceAt, ", Src: ");
            if (layer.Checksum == ChecksumStatus.Bad)
                line.Append(", Bad FCS");
        }
        return source.Packet[index].Status != LayerStatus.Complete;
    }

    /// <summary>The Protocol column.</summary>
    public static string Protocol(LayerKind kind) => kind == LayerKind.SixLowpan ? "6LoWPAN" : "IEEE 802.15.4";

    private static void AppendAddress(TextLine line, ReadOnlySpan<byte> buffer, int at, int readable, int mode, int place, string label)
    {
        int size = Ieee802154Header.AddressLength(mode);
        if (size == 0 || place < 0 || at + place + size > readable)
            return;
        line.Append(label);
        if (size == 2)
        {
            int address = buffer[at + place] | buffer[at + place + 1] << 8;
            if (address == 0xFFFF)
                line.Append("Broadcast");
            else
                line.AppendHex((ulong)address, 4);
            return;
        }
        Span<char> text = stackalloc char[Ieee802154FieldReader.MaxFormattedLength];
        Ieee802154FieldReader.TryFormat(new FieldValue(System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(buffer[(at + place)..]), 0, 8), text, out int written);
        line.Append(text[..written]);
    }
}
