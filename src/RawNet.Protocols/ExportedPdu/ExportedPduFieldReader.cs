using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.ExportedPdu;

/// <summary>
/// Reads the exported_pdu fields (<see cref="ComputedField.ExportedPduTag"/> to <see cref="ComputedField.ExportedPduData"/>)
/// by walking the record's tags again (<see cref="ExportedPduWalk"/>): one tag and length per tag read, a tag's own item
/// once every byte it reads was captured (occurrence n is the n-th such tag), the PDU once the end tag was reached.
/// </summary>
public static class ExportedPduFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.ExportedPduTag and <= ComputedField.ExportedPduData;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the record <paramref name="record"/> (captured bytes from the layer on) at <paramref name="offset"/>.</summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> record, int offset, int occurrence, out FieldValue value)
    {
        value = default;
        var walk = new ExportedPduWalk(record);
        int seen = 0;
        while (walk.MoveNext())
        {
            int at = walk.ValueOffset;
            switch (computed)
            {
                case ComputedField.ExportedPduTag:
                    if (seen++ == occurrence)
                        return FieldValues.Single(0, walk.Tag, offset + walk.Offset, 2, out value);
                    continue;
                case ComputedField.ExportedPduTagLength:
                    if (record.Length - walk.Offset >= 4 && seen++ == occurrence)
                        return FieldValues.Single(0, (ulong)walk.Length, offset + walk.Offset + 2, 2, out value);
                    continue;
                case ComputedField.ExportedPduData:
                    continue;
            }
            if (!walk.Complete || !Matches(computed, walk.Tag) || seen++ != occurrence)
                continue;
            switch (computed)
            {
                case ComputedField.ExportedPduIpv4Source or ComputedField.ExportedPduIpv4Destination or ComputedField.ExportedPduIpv4Address:
                    value = new FieldValue(0, offset + at, 4);
                    return true;
                case ComputedField.ExportedPduIpv6Source or ComputedField.ExportedPduIpv6Destination or ComputedField.ExportedPduIpv6Address:
                    value = new FieldValue(0, offset + at, 16);
                    return true;
                case ComputedField.ExportedPduDvbCiEvent:
                    value = new FieldValue(record[at], offset + at, 1);
                    return true;
                case ComputedField.ExportedPduP2pDirection:
                    value = new FieldValue((ulong)(long)BinaryPrimitives.ReadInt32BigEndian(record[at..]), offset + at, 4);
                    return true;
                case ComputedField.ExportedPduProtocolName or ComputedField.ExportedPduHeuristicName or ComputedField.ExportedPduTableName
                    or ComputedField.ExportedPduColumnProtocol or ComputedField.ExportedPduUnknownValue:
                    value = new FieldValue(0, offset + at, walk.Length);
                    return true;
                default:
                    value = new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(record[at..]), offset + at, 4);
                    return true;
            }
        }
        if (computed == ComputedField.ExportedPduData && occurrence == 0 && walk.Needed == 0)
        {
            value = new FieldValue(0, offset + walk.PduOffset, record.Length - walk.PduOffset);
            return true;
        }
        return false;
    }

    /// <summary>Whether a tag adds the field <paramref name="computed"/>.</summary>
    private static bool Matches(ComputedField computed, ushort tag) => computed switch
    {
        ComputedField.ExportedPduProtocolName => tag == ExportedPduTags.DissectorName,
        ComputedField.ExportedPduHeuristicName => tag == ExportedPduTags.HeuristicDissectorName,
        ComputedField.ExportedPduTableName => tag == ExportedPduTags.DissectorTableName,
        ComputedField.ExportedPduIpv4Source => tag == ExportedPduTags.Ipv4Source,
        ComputedField.ExportedPduIpv4Destination => tag == ExportedPduTags.Ipv4Destination,
        ComputedField.ExportedPduIpv4Address => tag is ExportedPduTags.Ipv4Source or ExportedPduTags.Ipv4Destination,
        ComputedField.ExportedPduIpv6Source => tag == ExportedPduTags.Ipv6Source,
        ComputedField.ExportedPduIpv6Destination => tag == ExportedPduTags.Ipv6Destination,
        ComputedField.ExportedPduIpv6Address => tag is ExportedPduTags.Ipv6Source or ExportedPduTags.Ipv6Destination,
        ComputedField.ExportedPduPortType => tag == ExportedPduTags.PortType,
        ComputedField.ExportedPduSourcePort => tag == ExportedPduTags.SourcePort,
        ComputedField.ExportedPduDestinationPort => tag == ExportedPduTags.DestinationPort,
        ComputedField.ExportedPduSs7Opc => tag == ExportedPduTags.Ss7Opc,
        ComputedField.ExportedPduSs7Dpc => tag == ExportedPduTags.Ss7Dpc,
        ComputedField.ExportedPduOriginalFrame => tag == ExportedPduTags.OriginalFrameNumber,
        ComputedField.ExportedPduDvbCiEvent => tag == ExportedPduTags.DvbCiEvent,
        ComputedField.ExportedPduTableValue => tag == ExportedPduTags.DissectorTableValue,
        ComputedField.ExportedPduColumnProtocol => tag == ExportedPduTags.ColumnProtocol,
        ComputedField.ExportedPduP2pDirection => tag == ExportedPduTags.P2pDirection,
        ComputedField.ExportedPduUnknownValue => !ExportedPduTags.IsKnown(tag),
        _ => false,
    };
}
