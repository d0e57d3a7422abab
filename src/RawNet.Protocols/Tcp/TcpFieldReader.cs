using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Tcp;

/// <summary>
/// TCP's computed fields: <c>tcp.port</c>, the header length in bytes, <c>tcp.len</c>, the options walked as
/// <see cref="TcpOptionReader"/> walks them, and <c>tcp.payload</c>.
/// </summary>
internal static class TcpFieldReader
{
    public static bool TryRead(ComputedField computed, in Layer layer, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        var header = buffer.Slice(layer.Offset, layer.HeaderLength);
        int o = layer.Offset;
        switch (computed)
        {
            case ComputedField.Ports:
                return FieldValues.NumberPair(occurrence, header, TcpHeader.Field.SourcePort, TcpHeader.Field.DestinationPort, o, out value);
            case ComputedField.TcpHeaderLength:
                return header.Length > TcpHeader.Field.DataOffsetAndFlags
                    && FieldValues.Single(occurrence, (ulong)DataOffsetBytes(header), o + TcpHeader.Field.DataOffsetAndFlags, 1, out value);
            case ComputedField.TcpSegmentLength:
            {
                // tshark takes it from the IP payload length and the data offset, even when options were cut short.
                if (header.Length <= TcpHeader.Field.DataOffsetAndFlags || layer.Quoted)
                    return false;
                int headerLength = DataOffsetBytes(header);
                return headerLength <= layer.Extent && FieldValues.Single(occurrence, (ulong)(layer.Extent - headerLength), 0, 0, out value);
            }
            case ComputedField.TcpPayload:
            {
                // The captured bytes after the header, only when the data offset is valid.
                if (occurrence != 0 || header.Length <= TcpHeader.Field.DataOffsetAndFlags)
                    return false;
                int headerLength = DataOffsetBytes(header);
                if (headerLength < TcpHeader.MinLength || headerLength > header.Length)
                    return false;
                int start = o + headerLength;
                int end = (int)Math.Min(buffer.Length, (long)o + layer.Extent);
                if (end <= start)
                    return false;
                value = new FieldValue(0, start, end - start);
                return true;
            }
            case ComputedField.TcpOptionKind:
            case ComputedField.TcpOptionLength:
            case ComputedField.TcpMaximumSegmentSize:
            case ComputedField.TcpWindowScaleShift:
            case ComputedField.TcpWindowScaleMultiplier:
            case ComputedField.TcpTimestampValue:
            case ComputedField.TcpTimestampEchoReply:
                return TryReadOption(computed, header, o, occurrence, out value);
            default:
                return false;
        }
    }

    private static int DataOffsetBytes(ReadOnlySpan<byte> header) => (header[TcpHeader.Field.DataOffsetAndFlags] >> 4) * 4;

    private static bool TryReadOption(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (header.Length <= TcpHeader.MinLength)
            return false;
        var options = header[TcpHeader.MinLength..];
        int baseOffset = layerOffset + TcpHeader.MinLength;
        var reader = new TcpOptionReader(options);
        int seen = 0;
        while (reader.TryNext(out var option))
        {
            var bytes = options.Slice(option.Offset, option.Length);
            bool match;
            ulong number = 0;
            int at = option.Offset, size = option.Length;
            switch (computed)
            {
                case ComputedField.TcpOptionKind:
                    match = true;
                    number = (ulong)option.Kind;
                    size = 1;
                    break;
                case ComputedField.TcpOptionLength:
                    match = bytes.Length >= 2 && option.Kind is not (TcpOptionKind.EndOfOptionList or TcpOptionKind.NoOperation);
                    number = match ? bytes[1] : 0UL;
                    at++;
                    size = 1;
                    break;
                case ComputedField.TcpMaximumSegmentSize:
                    match = option is { Kind: TcpOptionKind.MaximumSegmentSize, Length: 4, Complete: true };
                    number = match ? BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]) : 0UL;
                    at += 2;
                    size = 2;
                    break;
                case ComputedField.TcpWindowScaleShift:
                case ComputedField.TcpWindowScaleMultiplier:
                    match = option is { Kind: TcpOptionKind.WindowScale, Length: 3, Complete: true };
                    number = match ? bytes[2] : 0UL;
                    if (computed == ComputedField.TcpWindowScaleMultiplier)
                        number = 1UL << (int)Math.Min(number, 14);
                    at += 2;
                    size = 1;
                    break;
                case ComputedField.TcpTimestampValue:
                case ComputedField.TcpTimestampEchoReply:
                    match = option is { Kind: TcpOptionKind.Timestamps, Length: 10, Complete: true };
                    at += computed == ComputedField.TcpTimestampValue ? 2 : 6;
                    number = match ? BinaryPrimitives.ReadUInt32BigEndian(options[at..]) : 0;
                    size = 4;
                    break;
                default:
                    return false;
            }
            if (!match)
                continue;
            if (seen++ == occurrence)
            {
                value = new FieldValue(number, baseOffset + at, size);
                return true;
            }
        }
        return false;
    }
}
