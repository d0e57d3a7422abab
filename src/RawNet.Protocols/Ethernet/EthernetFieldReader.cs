using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ethernet;

/// <summary>What an Ethernet layer's <see cref="Layer.Detail"/> says.</summary>
public static class EthernetLayerDetail
{
    /// <summary>The frame ends in its FCS (a bridged frame of PID 0x0001): the layer's last 4 bytes.</summary>
    public const byte FcsAtEnd = 0x01;
}

/// <summary>
/// <c>eth.addr</c>: the destination, then the source address; tshark adds Ethernet's fields only for a whole header. And
/// <c>eth.fcs</c>, the FCS of a frame that keeps one, when the capture holds it: tshark reads it after the layers above,
/// and a cut there has already stopped it.
/// </summary>
internal static class EthernetFieldReader
{
    public static bool TryRead(ComputedField computed, in Layer layer, ReadOnlySpan<byte> buffer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        switch (computed)
        {
            case ComputedField.EthernetAddresses:
                return header.Length >= EthernetHeader.Length
                    && FieldValues.Pair(occurrence, header, EthernetHeader.Field.Destination, EthernetHeader.Field.Source, 6, layer.Offset, out value);
            case ComputedField.EthernetAddressOuis or ComputedField.EthernetLgBits or ComputedField.EthernetIgBits:
            {
                if (header.Length < EthernetHeader.Length
                    || !FieldValues.Pair(occurrence, header, EthernetHeader.Field.Destination, EthernetHeader.Field.Source, 3, layer.Offset, out value))
                    return false;
                var prefix = header.Slice(value.Offset - layer.Offset, 3);
                ulong oui = (ulong)prefix[0] << 16 | (ulong)prefix[1] << 8 | prefix[2];
                value = value with
                {
                    Number = computed switch
                    {
                        ComputedField.EthernetLgBits => (oui & EthernetFields.LgBit) != 0 ? 1UL : 0UL,
                        ComputedField.EthernetIgBits => (oui & EthernetFields.IgBit) != 0 ? 1UL : 0UL,
                        _ => oui,
                    },
                };
                return true;
            }
            case ComputedField.EthernetDestinationOuiName or ComputedField.EthernetSourceOuiName or ComputedField.EthernetAddressOuiNames:
                return header.Length >= EthernetHeader.Length && TryReadOuiName(computed, header, layer.Offset, occurrence, out value);
            case ComputedField.EthernetFcs:
            {
                int at = layer.Offset + layer.Extent - EthernetHeader.FcsLength;
                if (occurrence != 0 || (layer.Detail & EthernetLayerDetail.FcsAtEnd) == 0 || at + EthernetHeader.FcsLength > buffer.Length)
                    return false;
                value = new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(buffer[at..]), at, EthernetHeader.FcsLength);
                return true;
            }
            default:
                return false;
        }
    }

    /// <summary>
    /// A vendor name tshark knows (<see cref="Llc.OuiNames"/>, Wireshark's manuf file): one for the destination's or the source's prefix, or each
    /// known one in turn for <c>eth.addr.oui_resolved</c>; the value's number is the 24-bit prefix.
    /// </summary>
    private static bool TryReadOuiName(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        int seen = 0;
        foreach (int at in (ReadOnlySpan<int>)[EthernetHeader.Field.Destination, EthernetHeader.Field.Source])
        {
            if (computed == ComputedField.EthernetDestinationOuiName && at != EthernetHeader.Field.Destination
                || computed == ComputedField.EthernetSourceOuiName && at != EthernetHeader.Field.Source)
                continue;
            uint oui = (uint)header[at] << 16 | (uint)header[at + 1] << 8 | header[at + 2];
            if (Llc.OuiNames.Find(oui) is null)
                continue;
            if (seen++ == occurrence)
            {
                value = new FieldValue(oui, layerOffset + at, 3);
                return true;
            }
        }
        return false;
    }

    /// <summary>Writes an <c>eth.*.oui_resolved</c> value: the name of the prefix its number holds.</summary>
    public static bool TryFormatOuiName(in FieldValue value, Span<char> destination, out int written)
    {
        written = 0;
        if (Llc.OuiNames.Find((uint)value.Number) is not { } name || !name.TryCopyTo(destination))
            return false;
        written = name.Length;
        return true;
    }
}
