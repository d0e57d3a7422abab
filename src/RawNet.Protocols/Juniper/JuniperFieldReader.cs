using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Juniper;

/// <summary>
/// Reads the Juniper fields that come from its extension TLVs and the payload type (<see cref="ComputedField.JuniperDeviceInterfaceIndex"/>
/// to <see cref="ComputedField.JuniperPayloadType"/>). The layer's header holds the TLVs the decoder walked, so the same
/// bounded walk finds them again: occurrence N is the Nth TLV of the field's type.
/// </summary>
public static class JuniperFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) =>
        computed is >= ComputedField.JuniperDeviceInterfaceIndex and <= ComputedField.JuniperPayloadType;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the layer's header.</summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, JuniperLink link, int occurrence, out FieldValue value)
    {
        value = default;
        if (!JuniperHeader.HasMagic(header))
        {
            // No magic: tshark adds the payload type (the link's, from the frame's first byte) and nothing else.
            if (computed != ComputedField.JuniperPayloadType || occurrence != 0 || header.Length < JuniperHeader.Length)
                return false;
            value = new FieldValue(JuniperHeader.PayloadOf(link), layerOffset + JuniperHeader.SkipOf(link), 0);
            return true;
        }
        var walk = new JuniperExtensions(header);
        int walked = 0, seen = 0;
        bool extended = (header[JuniperHeader.Field.Flags] & JuniperHeader.Flags.Extensions) != 0;
        if (extended)
        {
            if (header.Length < JuniperHeader.ExtendedLength)
                return false;
            while (walked < PacketDecoder.MaxJuniperExtensions && walk.MoveNext())
            {
                walked++;
                if (computed == ComputedField.JuniperPayloadType || (JuniperExtensionType)walk.Type != TypeOf(computed))
                    continue;
                if (seen++ == occurrence)
                {
                    value = new FieldValue(walk.Number, layerOffset + walk.Offset + JuniperHeader.TlvHeaderLength, walk.ValueLength);
                    return true;
                }
            }
            // A walk the decoder cut off at its bound keeps the next TLV out of the layer: reading on finds it cut.
            bool bounded = walked == PacketDecoder.MaxJuniperExtensions && (walk.MoveNext() || walk.End == JuniperWalkEnd.Cut);
            if (computed != ComputedField.JuniperPayloadType || walk.End == JuniperWalkEnd.Cut || bounded)
                return false;
        }
        if (computed != ComputedField.JuniperPayloadType || occurrence != 0)
            return false;
        int start = JuniperHeader.TsharkHeaderLength(header);
        if ((header[JuniperHeader.Field.Flags] & JuniperHeader.Flags.NoL2) == 0)
        {
            value = new FieldValue(JuniperHeader.PayloadOf(link), layerOffset + start + JuniperHeader.SkipOf(link), 0);
            return true;
        }
        // tshark reads the 32-bit type little-endian into an 8-bit variable: its first byte.
        if (header.Length - start < JuniperHeader.PayloadTypeLength)
            return false;
        value = new FieldValue(header[start], layerOffset + start + JuniperHeader.PayloadTypeLength, 0);
        return true;
    }

    private static JuniperExtensionType TypeOf(ComputedField computed) => computed switch
    {
        ComputedField.JuniperDeviceInterfaceIndex => JuniperExtensionType.DeviceInterfaceIndex,
        ComputedField.JuniperDeviceMediaType => JuniperExtensionType.DeviceMediaType,
        ComputedField.JuniperLogicalInterfaceIndex => JuniperExtensionType.LogicalInterfaceIndex,
        ComputedField.JuniperLogicalUnit => JuniperExtensionType.LogicalUnit,
        ComputedField.JuniperLogicalInterfaceEncapsulation => JuniperExtensionType.LogicalInterfaceEncapsulation,
        ComputedField.JuniperTtpDeviceMediaType => JuniperExtensionType.TtpDeviceMediaType,
        _ => JuniperExtensionType.TtpLogicalInterfaceEncapsulation,
    };
}
