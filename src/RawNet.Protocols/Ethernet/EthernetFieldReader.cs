using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ethernet;

/// <summary><c>eth.addr</c>: the destination, then the source address; tshark adds Ethernet's fields only for a whole header.</summary>
internal static class EthernetFieldReader
{
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        return computed == ComputedField.EthernetAddresses && header.Length >= EthernetHeader.Length
            && FieldValues.Pair(occurrence, header, EthernetHeader.Field.Destination, EthernetHeader.Field.Source, 6, layerOffset, out value);
    }
}
