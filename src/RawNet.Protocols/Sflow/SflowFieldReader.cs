using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Sflow;

/// <summary>
/// Reads sFlow's computed fields (<see cref="ComputedField.Sflow"/>) as tshark 4.0 adds them: the datagram header's past
/// the agent address type, then per sample and record met by <see cref="SflowWalker"/> (in datagram order, tshark's
/// tree order) the words that were captured.
/// </summary>
public static class SflowFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Sflow;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> of the sFlow layer <paramref name="layer"/> in <paramref name="buffer"/>.</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        if (!SflowFields.TryGetValue(field, out var which) || layer.Offset >= buffer.Length)
            return false;
        var d = Datagram(in layer, buffer);
        if (d.Length < 8)
            return false;
        uint version = Word(d, SflowDatagram.Field.Version);
        if (TryHeader(which, d, out ulong headerNumber, out int headerAt, out int headerSize) is { } isHeader)
            return isHeader && FieldValues.Single(occurrence, headerNumber, layer.Offset + headerAt, headerSize, out value);
        var walker = new SflowWalker(d);
        int seen = 0;
        while (walker.MoveNext(out var item))
        {
            if (!TryItem(which, in item, d, version, out ulong number, out int offset, out int length))
                continue;
            if (seen++ == occurrence)
            {
                value = new FieldValue(number, layer.Offset + offset, length);
                return true;
            }
        }
        return false;
    }

    /// <summary>The datagram's captured bytes within what UDP declares.</summary>
    internal static ReadOnlySpan<byte> Datagram(in Layer layer, ReadOnlySpan<byte> buffer) =>
        layer.Offset >= buffer.Length ? default : buffer.Slice(layer.Offset, Math.Min(buffer.Length - layer.Offset, layer.Extent));

    /// <summary>
    /// A datagram header field (of at least 8 bytes of datagram): true with its value where it was captured, false where
    /// not; null for the fields of the samples and records.
    /// </summary>
    internal static bool? TryHeader(SflowValue which, ReadOnlySpan<byte> d, out ulong number, out int at, out int size)
    {
        number = 0;
        uint version = Word(d, SflowDatagram.Field.Version);
        uint type = Word(d, SflowDatagram.Field.AddressType);
        int after = SflowDatagram.AfterAddress(type);
        int subAgent = version == 5 ? 4 : 0;
        (bool header, at, size) = which switch
        {
            SflowValue.Version => (true, SflowDatagram.Field.Version, 4),
            SflowValue.AddressType => (true, SflowDatagram.Field.AddressType, 4),
            SflowValue.Agent => (type == SflowDatagram.AddressIpv4, SflowDatagram.Field.Address, 4),
            SflowValue.AgentV6 => (type == SflowDatagram.AddressIpv6, SflowDatagram.Field.Address, 16),
            SflowValue.SubAgent => (version == 5, after, 4),
            SflowValue.Sequence => (true, after + subAgent, 4),
            SflowValue.Uptime => (true, after + subAgent + 4, 4),
            SflowValue.SampleCount => (true, after + subAgent + 8, 4),
            _ => (false, -1, 0),
        };
        if (at < 0)
            return null;
        if (!header || at + size > d.Length)
            return false;
        number = size == 4 ? Word(d, at) : 0;
        return true;
    }

    internal static bool TryItem(SflowValue which, in SflowItem item, ReadOnlySpan<byte> d, uint version, out ulong number, out int offset, out int length)
    {
        number = 0;
        length = 4;
        offset = -1;
        int at = item.Offset;
        bool v5 = version == 5;
        bool standard = !v5 || item.Enterprise == 0;
        switch (item.Kind)
        {
            case SflowItemKind.Sample:
            {
                uint format = v5 ? item.Format : item.Word;
                int body = at + (v5 ? 8 : 4);
                bool flow = standard && format == SflowDatagram.FlowSample, expanded = v5 && standard && format == SflowDatagram.ExpandedFlowSample;
                bool counters = v5 && standard && format == SflowDatagram.CountersSample;
                bool expandedCounters = v5 && standard && format == SflowDatagram.ExpandedCountersSample;
                offset = which switch
                {
                    SflowValue.Enterprise when v5 => at,
                    SflowValue.SampleType when standard => at,
                    SflowValue.SampleLength when v5 && standard => at + 4,
                    SflowValue.FlowSequence when flow || expanded => body,
                    SflowValue.FlowSourceClass or SflowValue.FlowSourceIndex when flow => body + 4,
                    SflowValue.FlowSourceType when expanded => body + 4,
                    SflowValue.FlowSourceTypeIndex when expanded => body + 8,
                    SflowValue.FlowRate => flow ? body + 8 : expanded ? body + 12 : -1,
                    SflowValue.FlowPool => flow ? body + 12 : expanded ? body + 16 : -1,
                    SflowValue.FlowDrops => flow ? body + 16 : expanded ? body + 20 : -1,
                    SflowValue.FlowInput when flow => body + 20,
                    SflowValue.FlowInputFormat when expanded => body + 24,
                    SflowValue.FlowInputValue when expanded => body + 28,
                    SflowValue.FlowOutput when flow && v5 => body + 24,
                    SflowValue.FlowOutputV24 when flow && !v5 => body + 24,
                    SflowValue.FlowOutputFormat when flow && v5 => body + 24,
                    SflowValue.FlowOutputValue => flow && v5 ? body + 24 : expanded ? body + 36 : -1,
                    SflowValue.FlowOutputFormatExpanded when expanded => body + 32,
                    SflowValue.FlowRecords => flow && v5 ? body + 28 : expanded ? body + 40 : -1,
                    SflowValue.CountersSequence when counters || expandedCounters => body,
                    SflowValue.CountersSourceType or SflowValue.CountersSourceIndex when counters || expandedCounters => body + 4,
                    SflowValue.CountersRecords => counters ? body + 8 : expandedCounters ? body + 12 : -1,
                    _ => -1,
                };
                if (which == SflowValue.CountersSourceIndex && expandedCounters)
                    offset = body + 8;
                break;
            }
            case SflowItemKind.FlowRecord when !v5:
            {
                // v2/v4: the flow sample's packet information, then a raw header's fields.
                bool raw = item.Word == SflowDatagram.RawPacketHeader;
                offset = which switch
                {
                    SflowValue.PacketInformationType => at,
                    SflowValue.HeaderProtocol when raw => at + 4,
                    SflowValue.FrameLength when raw => at + 8,
                    SflowValue.HeaderLength when raw => at + 12,
                    SflowValue.Header when raw && item.HeaderCaptured => item.HeaderBytes,
                    _ => -1,
                };
                break;
            }
            default:
            {
                bool flowRecord = item.Kind == SflowItemKind.FlowRecord;
                bool raw = flowRecord && standard && item.Format == SflowDatagram.RawPacketHeader;
                offset = which switch
                {
                    SflowValue.Enterprise => at,
                    SflowValue.FlowRecordFormat when flowRecord && standard => at,
                    SflowValue.CountersRecordFormat when !flowRecord && standard => at,
                    SflowValue.DataLength when standard => at + 4,
                    SflowValue.EnterpriseLength when !standard => at + 4,
                    SflowValue.EnterpriseData when !standard => at + 8,
                    SflowValue.HeaderProtocol when raw => at + 8,
                    SflowValue.FrameLength when raw => at + 12,
                    SflowValue.Stripped when raw => at + 16,
                    SflowValue.HeaderLength when raw => at + 20,
                    SflowValue.Header when raw && item.HeaderCaptured => item.HeaderBytes,
                    _ => -1,
                };
                break;
            }
        }
        if (offset < 0 || offset + 4 > d.Length && which is not (SflowValue.Header or SflowValue.EnterpriseData))
            return false;
        uint word = offset + 4 <= d.Length ? Word(d, offset) : 0;
        switch (which)
        {
            case SflowValue.Header:
                length = item.HeaderLength;
                return true;
            case SflowValue.EnterpriseData:
                if (at + 8 > d.Length)
                    return false;
                length = (int)Math.Min(Word(d, at + 4), int.MaxValue);
                return length > 0 && offset + (long)length <= d.Length;
            case SflowValue.Enterprise:
                // tshark passes the enterprise through the field's mask (0xFFFFF000) and shift again
                number = word >> 24;
                return true;
            case SflowValue.SampleType or SflowValue.FlowRecordFormat or SflowValue.CountersRecordFormat:
                number = v5 ? word & 0xFFF : word;
                return true;
            case SflowValue.FlowSourceClass or SflowValue.CountersSourceType when item.Kind == SflowItemKind.Sample && IsPacked(d, item, v5):
                number = word >> 24;
                return true;
            case SflowValue.FlowSourceIndex or SflowValue.CountersSourceIndex when item.Kind == SflowItemKind.Sample && IsPacked(d, item, v5):
                number = word & 0xFFFFFF;
                return true;
            case SflowValue.FlowOutputV24 when (word & 0x80000000) != 0:
                return false; // v2/v4: tshark shows the number of interfaces instead (not shown here)
            case SflowValue.FlowOutputFormat:
                number = word >> 30;
                return true;
            case SflowValue.FlowOutputValue when item.Kind == SflowItemKind.Sample && IsPacked(d, item, v5):
                number = word & 0x3FFFFFFF;
                return true;
            default:
                number = word;
                return true;
        }
    }

    // The non-expanded samples pack a type with its index in one word.
    private static bool IsPacked(ReadOnlySpan<byte> d, in SflowItem item, bool v5) =>
        !v5 || item.Format is SflowDatagram.FlowSample or SflowDatagram.CountersSample;

    private static uint Word(ReadOnlySpan<byte> d, int at) => BinaryPrimitives.ReadUInt32BigEndian(d[at..]);
}
