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
            case ComputedField.TcpFlagsText:
                return header.Length >= TcpHeader.Field.DataOffsetAndFlags + 2 && TcpHeader.HasValidDataOffset(header)
                    && FieldValues.Single(occurrence, BinaryPrimitives.ReadUInt16BigEndian(header[TcpHeader.Field.DataOffsetAndFlags..]) & 0x0FFFu,
                        o + TcpHeader.Field.DataOffsetAndFlags, 2, out value);
            case ComputedField.TcpChecksumStatus:
                // Shown with the checksum; tshark's default preferences never verify it.
                return header.Length >= TcpHeader.Field.Checksum + 2 && TcpHeader.HasValidDataOffset(header)
                    && FieldValues.Single(occurrence, UnverifiedChecksum, o + TcpHeader.Field.Checksum, 0, out value);
            case ComputedField.TcpOptions:
            {
                // The option area as far as it was captured, once tshark has read the urgent pointer before it.
                if (occurrence != 0 || header.Length < TcpHeader.MinLength || !TcpHeader.HasValidDataOffset(header))
                    return false;
                int optionLength = DataOffsetBytes(header) - TcpHeader.MinLength;
                int start = o + TcpHeader.MinLength;
                int captured = (int)Math.Min(buffer.Length, (long)o + layer.Extent) - start;
                int length = Math.Min(optionLength, captured);
                if (length <= 0)
                    return false;
                value = new FieldValue(0, start, length);
                return true;
            }
            case var item when IsOptionItem(item):
            case ComputedField.TcpSackCount:
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

    /// <summary>tshark's checksum status "Unverified" (PROTO_CHECKSUM_E_UNVERIFIED).</summary>
    private const ulong UnverifiedChecksum = 2;

    /// <summary>tshark's letters for the twelve flag bits, highest first (three reserved bits, then AE, CWR, ECE, URG, ACK, PSH, RST, SYN, FIN).</summary>
    private const string FlagLetters = "RRRACEUAPRSF";

    /// <summary>Writes <c>tcp.flags.str</c>: a letter for each set bit of <paramref name="value"/>'s twelve, a middle dot for each clear one.</summary>
    public static bool TryFormatFlags(in FieldValue value, Span<char> destination, out int written)
    {
        written = 0;
        if (destination.Length < FlagLetters.Length)
            return false;
        for (int i = 0; i < FlagLetters.Length; i++)
            destination[i] = (value.Number >> (FlagLetters.Length - 1 - i) & 1) != 0 ? FlagLetters[i] : '\u00B7';
        written = FlagLetters.Length;
        return true;
    }

    /// <summary>
    /// The raw left (or right) edge of SACK block <paramref name="occurrence"/> of the header's SACK options, in option
    /// order, and where it lies in the buffer; false past the last block.
    /// </summary>
    public static bool TryReadSackEdge(ReadOnlySpan<byte> header, int layerOffset, int occurrence, bool right, out uint edge, out int at)
    {
        edge = 0;
        at = 0;
        if (header.Length <= TcpHeader.MinLength || !TcpHeader.HasValidDataOffset(header))
            return false;
        var options = header[TcpHeader.MinLength..Math.Min(header.Length, DataOffsetBytes(header))];
        var reader = new TcpOptionReader(options);
        int seen = 0;
        while (reader.TryNext(out var option))
        {
            if (option is not { Kind: TcpOptionKind.Sack, Complete: true })
                continue;
            for (int block = option.Offset + 2; block + 8 <= option.Offset + option.Length; block += 8)
            {
                if (seen++ != occurrence)
                    continue;
                int edgeAt = block + (right ? 4 : 0);
                edge = BinaryPrimitives.ReadUInt32BigEndian(options[edgeAt..]);
                at = layerOffset + TcpHeader.MinLength + edgeAt;
                return true;
            }
        }
        return false;
    }

    private static int DataOffsetBytes(ReadOnlySpan<byte> header) => (header[TcpHeader.Field.DataOffsetAndFlags] >> 4) * 4;

    private static bool TryReadOption(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (header.Length <= TcpHeader.MinLength)
            return false;
        var options = header[TcpHeader.MinLength..];
        int baseOffset = layerOffset + TcpHeader.MinLength;
        var reader = new TcpOptionReader(options, eolRun: true);
        int seen = 0;
        while (reader.TryNext(out var option))
        {
            var bytes = options.Slice(option.Offset, option.Length);
            bool match;
            ulong number = 0;
            int at = option.Offset, size = option.Length;
            switch (computed)
            {
                case var item when IsOptionItem(item):
                    // each option's bytes, kind and length included, under its own protocol name
                    match = option.Complete && option.Kind == OptionKindOf(computed);
                    break;
                case ComputedField.TcpSackCount:
                    match = option is { Kind: TcpOptionKind.Sack, Complete: true };
                    number = (ulong)Math.Max(0, option.Length - 2) / 8;
                    size = 0;
                    break;
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

    /// <summary>True for a field of one option's bytes (tcp.options.mss, ...).</summary>
    private static bool IsOptionItem(ComputedField computed) => computed is ComputedField.TcpOptionNop or ComputedField.TcpOptionEol
        or ComputedField.TcpOptionMss or ComputedField.TcpOptionWindowScale or ComputedField.TcpOptionSackPermitted
        or ComputedField.TcpOptionSack or ComputedField.TcpOptionTimestamp;

    private static TcpOptionKind OptionKindOf(ComputedField computed) => computed switch
    {
        ComputedField.TcpOptionNop => TcpOptionKind.NoOperation,
        ComputedField.TcpOptionEol => TcpOptionKind.EndOfOptionList,
        ComputedField.TcpOptionMss => TcpOptionKind.MaximumSegmentSize,
        ComputedField.TcpOptionWindowScale => TcpOptionKind.WindowScale,
        ComputedField.TcpOptionSackPermitted => TcpOptionKind.SackPermitted,
        ComputedField.TcpOptionSack => TcpOptionKind.Sack,
        _ => TcpOptionKind.Timestamps,
    };
}
