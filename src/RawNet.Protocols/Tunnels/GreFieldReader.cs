using System.Buffers.Binary;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Tunnels;

/// <summary>GRE's optional fields (<c>gre.checksum</c>, <c>gre.key</c>, <c>gre.sequence_number</c>): present by their flag bits, placed after those before them.</summary>
internal static class GreFieldReader
{
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (computed is not (ComputedField.GreChecksum or ComputedField.GreKey or ComputedField.GreSequenceNumber) || header.Length < GreHeader.MinLength)
            return false;
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(header);
        (ushort bit, int at, int size) = computed switch
        {
            ComputedField.GreChecksum => (GreHeader.ChecksumPresent, GreHeader.Field.Optional, 2),
            ComputedField.GreKey => (GreHeader.KeyPresent, GreHeader.KeyOffset(flags), 4),
            _ => (GreHeader.SequencePresent, GreHeader.SequenceOffset(flags), 4),
        };
        if ((flags & bit) == 0 || at + size > header.Length)
            return false;
        ulong number = size == 2 ? BinaryPrimitives.ReadUInt16BigEndian(header[at..]) : BinaryPrimitives.ReadUInt32BigEndian(header[at..]);
        return FieldValues.Single(occurrence, number, layerOffset + at, size, out value);
    }
}
