using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ipv6;

/// <summary>IPv6's computed fields: <c>ipv6.addr</c>, and an options header's length in bytes (<c>ipv6.hopopts.len_oct</c>...).</summary>
internal static class Ipv6FieldReader
{
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        return computed switch
        {
            ComputedField.Ipv6Addresses => FieldValues.Pair(occurrence, header, Ipv6Header.Field.Source, Ipv6Header.Field.Destination, 16, layerOffset, out value),
            ComputedField.ExtensionHeaderLengthBytes => header.Length > Ipv6ExtensionHeader.Field.Length
                && FieldValues.Single(occurrence, (ulong)((header[Ipv6ExtensionHeader.Field.Length] + 1) * 8), layerOffset + Ipv6ExtensionHeader.Field.Length, 1, out value),
            _ => false,
        };
    }
}
