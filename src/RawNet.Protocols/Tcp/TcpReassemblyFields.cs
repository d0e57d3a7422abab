using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Tcp;

/// <summary>
/// Reads and writes tshark's TCP reassembly items (packet-tcp.c's desegment_tcp, reassemble.c's fragment tree) from a
/// packet's <see cref="TcpReassemblyRecord"/>: "TCP segment data (N bytes)" where a segment's bytes are held for a PDU or
/// complete one ("Retransmitted TCP segment data" for a retransmission, which tshark hands to no dissector), and on the
/// segment that completes a PDU "[N Reassembled TCP Segments (B bytes): #f(l), ...]" with a "[Frame: f, payload: a-b (l
/// bytes)]" line per segment, "[Segment count: N]", "[Reassembled TCP length: B]" and "[Reassembled TCP Data: ...]".
/// </summary>
public static class TcpReassemblyFields
{
    /// <summary>tshark's longest item label (ITEM_LABEL_LENGTH less its NUL): the segments' heading stops there.</summary>
    private const int MaxLabel = 239;

    /// <summary>Bytes of the reassembled data the tree shows before "…".</summary>
    private const int DataBytesShown = 36;

    /// <summary>True for the fields that read a <see cref="TcpReassemblyRecord"/>.</summary>
    public static bool Serves(AnalysisValue value) => value is >= AnalysisValue.TcpSegmentData and <= AnalysisValue.TcpReassembledData;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> for the TCP layer at <paramref name="layerIndex"/>.</summary>
    public static bool TryRead(FieldDefinition field, DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame, int occurrence, out FieldValue value)
    {
        value = default;
        ref readonly Layer tcp = ref packet[layerIndex];
        if (tcp.Kind != LayerKind.Tcp)
            return false;
        var analysis = packet.Analysis;
        var record = analysis.Reassembly;
        int payload = tcp.Offset + tcp.HeaderLength;
        if (field.Analysis == AnalysisValue.TcpSegmentData)
        {
            if (Retransmitted(packet, layerIndex, frame, out int length))
            {
                if (occurrence != 0)
                    return false;
                value = new FieldValue(1, payload, length);
                return true;
            }
            if (record.LayerIndex != layerIndex || occurrence >= record.DataCount)
                return false;
            var (offset, size) = record.Data(occurrence);
            value = new FieldValue(0, payload + offset, size);
            return true;
        }
        if (record.LayerIndex != layerIndex || !record.Completes)
            return false;
        switch (field.Analysis)
        {
            case AnalysisValue.TcpSegments:
                value = new FieldValue(1, 0, 0);
                return occurrence == 0;
            case AnalysisValue.TcpSegment:
                if (occurrence >= record.Segments.Length)
                    return false;
                // the frame, and where its bytes start in the PDU (for the tree's "payload: a-b")
                int start = 0;
                for (int i = 0; i < occurrence; i++)
                    start += record.Segments[i].Length;
                value = new FieldValue(record.Segments[occurrence].Frame, start, record.Segments[occurrence].Length);
                return true;
            case AnalysisValue.TcpSegmentCount:
                value = new FieldValue((ulong)record.SegmentCount, 0, 0);
                return occurrence == 0;
            case AnalysisValue.TcpReassembledLength:
                value = new FieldValue((ulong)record.ReassembledLength, 0, 0);
                return occurrence == 0;
            case AnalysisValue.TcpReassembledData:
                value = new FieldValue(0, 0, Math.Min(record.ReassembledLength, packet.Stream.Length));
                return occurrence == 0 && value.Length > 0;
            default:
                return false;
        }
    }

    /// <summary>
    /// A segment tshark's analysis calls a (plain) retransmission, with payload: its bytes are "Retransmitted TCP segment
    /// data" (<paramref name="length"/> of them captured).
    /// </summary>
    private static bool Retransmitted(DecodedPacket packet, int layerIndex, ReadOnlySpan<byte> frame, out int length)
    {
        length = 0;
        ref readonly Layer tcp = ref packet[layerIndex];
        int index = packet.Analysis.IndexOf(layerIndex);
        if (index < 0 || tcp.Quoted)
            return false;
        ref readonly var transport = ref packet.Analysis[index];
        if (!transport.HasTcp || (transport.Tcp.Flags & TcpAnalysisFlags.Retransmission) == 0)
            return false;
        length = Math.Max(0, Math.Min(packet.BufferOf(tcp, frame).Length, tcp.Offset + tcp.Extent) - tcp.PayloadOffset);
        return tcp.Extent > tcp.HeaderLength;
    }

    /// <summary>Writes tcp.reassembled.data's value (its bytes in hex) for -T fields; false when it does not fit.</summary>
    public static bool TryFormatData(DecodedPacket? packet, in FieldValue value, Span<char> destination, out int written)
    {
        written = 0;
        if (packet is null || value.Length > packet.Stream.Length)
            return false;
        return Convert.TryToHexStringLower(packet.Stream[..value.Length], destination, out written);
    }

    /// <summary>Characters enough for the tree line of <paramref name="field"/> in <paramref name="packet"/>.</summary>
    public static int MaxTreeLength(FieldDefinition field, DecodedPacket packet) => field.Analysis == AnalysisValue.TcpSegments
        ? MaxLabel + 2 : 128 + 2 * DataBytesShown;

    /// <summary>True for the lines under the "[N Reassembled TCP Segments ...]" heading, one level deeper than it.</summary>
    public static bool UnderHeading(FieldDefinition field) =>
        field.Analysis is AnalysisValue.TcpSegment or AnalysisValue.TcpSegmentCount or AnalysisValue.TcpReassembledLength or AnalysisValue.TcpReassembledData;

    /// <summary>Writes the tree line tshark shows for <paramref name="value"/> of <paramref name="field"/>.</summary>
    public static int WriteTreeLine(FieldDefinition field, in FieldValue value, DecodedPacket packet, Span<char> destination)
    {
        var text = new SpanText(destination);
        var record = packet.Analysis.Reassembly;
        switch (field.Analysis)
        {
            case AnalysisValue.TcpSegmentData:
                if (value.Number != 0)
                    text.Append("Retransmitted ");
                text.Append("TCP segment data (");
                text.Append(value.Length);
                text.Append(value.Length == 1 ? " byte)" : " bytes)");
                break;
            case AnalysisValue.TcpSegments:
            {
                text.Append('[');
                var label = new SpanText(destination[1..Math.Min(destination.Length, MaxLabel + 1)]);
                label.Append(record.SegmentCount);
                label.Append(record.SegmentCount == 1 ? " Reassembled TCP Segment (" : " Reassembled TCP Segments (");
                label.Append(record.ReassembledLength);
                label.Append(record.ReassembledLength == 1 ? " byte): " : " bytes): ");
                var segments = record.Segments;
                for (int i = 0; i < segments.Length && !label.Full; i++)
                {
                    if (i > 0)
                        label.Append(", ");
                    label.Append('#');
                    label.Append(segments[i].Frame);
                    label.Append('(');
                    label.Append(segments[i].Length);
                    label.Append(')');
                }
                text.Skip(label.Length);
                text.Append(']');
                break;
            }
            case AnalysisValue.TcpSegment:
                text.Append("[Frame: ");
                text.Append(value.Number);
                if (value.Length == 0)
                {
                    text.Append(" (no data)]");
                    break;
                }
                text.Append(", payload: ");
                text.Append(value.Offset);
                text.Append('-');
                text.Append(value.Offset + value.Length - 1);
                text.Append(" (");
                text.Append(value.Length);
                text.Append(value.Length == 1 ? " byte)]" : " bytes)]");
                break;
            case AnalysisValue.TcpSegmentCount:
                text.Append("[Segment count: ");
                text.Append(value.Number);
                text.Append(']');
                break;
            case AnalysisValue.TcpReassembledLength:
                text.Append("[Reassembled TCP length: ");
                text.Append(value.Number);
                text.Append(']');
                break;
            case AnalysisValue.TcpReassembledData:
                text.Append("[Reassembled TCP Data: ");
                var bytes = packet.Stream[..Math.Min(Math.Min(value.Length, DataBytesShown), packet.Stream.Length)];
                text.AppendHex(bytes);
                if (value.Length > DataBytesShown)
                    text.Append('…');
                text.Append(']');
                break;
        }
        return text.Length;
    }

    /// <summary>Appends text to a span, stopping quietly at its end.</summary>
    private ref struct SpanText(Span<char> destination)
    {
        private readonly Span<char> _destination = destination;

        public int Length { get; private set; }

        public readonly bool Full => Length >= _destination.Length;

        public void Skip(int count) => Length = Math.Min(_destination.Length, Length + count);

        public void Append(char c)
        {
            if (Length < _destination.Length)
                _destination[Length++] = c;
        }

        public void Append(string s)
        {
            foreach (char c in s)
                Append(c);
        }

        public void Append(long number)
        {
            Span<char> digits = stackalloc char[20];
            if (number.TryFormat(digits, out int n, provider: System.Globalization.CultureInfo.InvariantCulture))
            {
                foreach (char c in digits[..n])
                    Append(c);
            }
        }

        public void Append(ulong number) => Append((long)number);

        public void AppendHex(ReadOnlySpan<byte> bytes)
        {
            const string digits = "0123456789abcdef";
            foreach (byte b in bytes)
            {
                Append(digits[b >> 4]);
                Append(digits[b & 15]);
            }
        }
    }
}
