using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Loopback;

/// <summary>
/// <c>null.family</c>: the address family in whichever byte order the capturing host wrote it, or for DLT_LOOP (the
/// layer's detail <see cref="LoopbackHeader.NetworkOrder"/>) in network order.
/// </summary>
internal static class LoopbackFieldReader
{
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, byte detail, int occurrence, out FieldValue value)
    {
        value = default;
        return computed == ComputedField.NullFamily && header.Length >= LoopbackHeader.Length
            && FieldValues.Single(occurrence, LoopbackHeader.Family(header, detail == LoopbackHeader.NetworkOrder), layerOffset, LoopbackHeader.Length, out value);
    }
}
