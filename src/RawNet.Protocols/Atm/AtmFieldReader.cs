using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Atm;

/// <summary>
/// Reads the ATM fields that wiretap derives (<see cref="ComputedField.Atm"/>): the pseudo-header's values the decoder
/// packed into the ATM layer's <see cref="Layer.Detail"/> (tshark shows them with no bytes of their own; here they point
/// at the flags byte), and the LANE layer's LECID or LE Control fields, each once its bytes are there.
/// </summary>
public static class AtmFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Atm;

    /// <summary>Reads <paramref name="field"/> from the layer's captured bytes <paramref name="header"/>.</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        if (occurrence != 0)
            return false;
        if (layer.Kind == LayerKind.Atm)
        {
            if (!SunAtmHeader.TryRead(header, out var sun))
                return false;
            byte detail = layer.Detail;
            bool aal5 = AtmPseudoHeader.Aal(detail) == SunAtmHeader.Aal5;
            ulong? v = field == AtmFields.Channel ? sun.Channel
                : field == AtmFields.Aal ? AtmPseudoHeader.Aal(detail)
                : field == AtmFields.TrafficType && aal5 ? AtmPseudoHeader.TrafficType(detail)
                : field == AtmFields.LaneType && aal5 && AtmPseudoHeader.TrafficType(detail) == SunAtmHeader.TrafficLane ? AtmPseudoHeader.LaneType(detail)
                : null;
            if (v is not { } found)
                return false;
            value = new FieldValue(found, layer.Offset, 0);
            return true;
        }
        if (layer.Detail == AtmLaneDetail.Client)
        {
            if (field != AtmFields.LeClient || header.Length < 2)
                return false;
            value = new FieldValue((ulong)(header[0] << 8 | header[1]), layer.Offset, 2);
            return true;
        }
        if (layer.Detail != AtmLaneDetail.Control)
            return false;
        foreach (var (definition, offset, size) in AtmFields.LeControl)
        {
            if (definition != field)
                continue;
            if (header.Length < offset + size)
                return false;
            if (definition == AtmFields.LeControlStatus && (header[4] & 0x01) == 0)
                return false;
            ulong read = 0;
            for (int i = 0; i < size; i++)
                read = read << 8 | header[offset + i];
            value = new FieldValue(read, layer.Offset + offset, size);
            return true;
        }
        return false;
    }
}

/// <summary>What a LANE layer's <see cref="Layer.Detail"/> says it holds: an LE client's header, an LE Control frame, or neither.</summary>
public static class AtmLaneDetail
{
    public const byte Unknown = 0, Client = 1, Control = 2;
}
