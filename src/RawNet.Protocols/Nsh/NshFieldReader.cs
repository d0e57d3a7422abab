using System.Buffers.Binary;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Nsh;

/// <summary>
/// Reads the NSH fields that are not at fixed offsets (<see cref="ComputedField.NshServicePathIdentifier"/> to
/// <see cref="ComputedField.NshMetadata"/>): the 24-bit SPI, MD type 1's four context headers, MD type 2's TLVs one
/// occurrence per TLV as tshark 4.0 walks them, each field once its bytes are there; the length's warning once the
/// service path header is (tshark checks the length after adding it).
/// </summary>
public static class NshFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.NshServicePathIdentifier and <= ComputedField.NshMetadata;

    /// <summary>Reads <paramref name="computed"/> from the NSH layer's captured bytes <paramref name="header"/>, which start at <paramref name="layerOffset"/>.</summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        switch (computed)
        {
            case ComputedField.NshServicePathIdentifier when occurrence == 0 && header.Length >= NshHeader.Field.ServicePath + 3:
                var spi = header.Slice(NshHeader.Field.ServicePath, 3);
                value = new FieldValue((ulong)(spi[0] << 16 | spi[1] << 8 | spi[2]), layerOffset + NshHeader.Field.ServicePath, 3);
                return true;
            case ComputedField.NshLengthInvalid when occurrence == 0 && header.Length >= NshHeader.Length:
                if (!NshHeader.IsLengthInvalid(BinaryPrimitives.ReadUInt16BigEndian(header), header[NshHeader.Field.MdType]))
                    return false;
                value = new FieldValue(1, layerOffset, 2);
                return true;
            case ComputedField.NshContextHeader:
            {
                int at = NshHeader.Field.Context + occurrence * NshHeader.ContextHeaderLength;
                if (header.Length <= NshHeader.Field.MdType || header[NshHeader.Field.MdType] != NshHeader.MdType1 || occurrence >= 4
                    || at + NshHeader.ContextHeaderLength > header.Length)
                    return false;
                value = new FieldValue(0, layerOffset + at, NshHeader.ContextHeaderLength);
                return true;
            }
            case ComputedField.NshMetadata:
            {
                if (!NshHeader.TryFindTlv(header, occurrence, withValue: true, out int tlv))
                    return false;
                int length = header[tlv + 3] & NshHeader.TlvLengthMask;
                if (tlv + NshHeader.TlvHeaderLength + length > header.Length)
                    return false;
                value = new FieldValue(0, layerOffset + tlv + NshHeader.TlvHeaderLength, length);
                return true;
            }
            default:
            {
                if (!NshHeader.TryFindTlv(header, occurrence, withValue: false, out int tlv))
                    return false;
                (ulong number, int at, int size) = computed switch
                {
                    ComputedField.NshMetadataClass when tlv + 2 > header.Length => (0UL, tlv, 2),
                    ComputedField.NshMetadataClass => (BinaryPrimitives.ReadUInt16BigEndian(header[tlv..]), tlv, 2),
                    ComputedField.NshMetadataType when tlv + 2 >= header.Length => (0UL, tlv + 2, 1),
                    ComputedField.NshMetadataType => (header[tlv + 2], tlv + 2, 1),
                    ComputedField.NshMetadataUnassignedBit or ComputedField.NshMetadataLength when tlv + 3 >= header.Length => (0UL, tlv + 3, 1),
                    ComputedField.NshMetadataUnassignedBit => ((ulong)(header[tlv + 3] >> 7), tlv + 3, 1),
                    ComputedField.NshMetadataLength => ((ulong)(header[tlv + 3] & NshHeader.TlvLengthMask), tlv + 3, 1),
                    _ => (0UL, 0, 0),
                };
                if (size == 0 || at + size > header.Length)
                    return false;
                value = new FieldValue(number, layerOffset + at, size);
                return true;
            }
        }
    }
}
