using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Loopback;

/// <summary><c>null.family</c>: the address family in whichever byte order the capturing host wrote it.</summary>
internal static class LoopbackFieldReader
{
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        return computed == ComputedField.NullFamily && header.Length >= LoopbackHeader.Length
            && FieldValues.Single(occurrence, LoopbackHeader.Family(header), layerOffset, LoopbackHeader.Length, out value);
    }
}
