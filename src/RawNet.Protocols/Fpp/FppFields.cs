using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Fpp;

/// <summary>
/// The 802.3br Frame Preemption Protocol field table (Wireshark "fpp", tshark 4.0), in its tree's order: the preamble
/// with its alignment padding, SMD and fragment count, the mData, the CRC or mCRC and its status. Which of them an
/// mPacket shows is <see cref="FppFieldReader"/>'s to say.
/// </summary>
public static class FppFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Derived("fpp.preamble", "Preamble", LayerKind.Fpp, FieldKind.Bytes, ComputedField.FppPreamble),
        FieldDefinition.Derived("fpp.preamble.pad", "Alignment padding, not part of frame", LayerKind.Fpp, FieldKind.Hex, ComputedField.FppPad, hexDigits: 2),
        FieldDefinition.Derived("fpp.preamble.smd", "SMD", LayerKind.Fpp, FieldKind.Hex, ComputedField.FppSmd, hexDigits: 2),
        FieldDefinition.Derived("fpp.preamble.frag_count", "Fragment count", LayerKind.Fpp, FieldKind.Hex, ComputedField.FppFragmentCount, hexDigits: 2),
        FieldDefinition.Derived("fpp.mdata", "mData", LayerKind.Fpp, FieldKind.Bytes, ComputedField.FppMData),
        FieldDefinition.Derived("fpp.crc32", "CRC", LayerKind.Fpp, FieldKind.Hex, ComputedField.FppCrc, hexDigits: 8),
        FieldDefinition.Derived("fpp.mcrc32", "mCRC", LayerKind.Fpp, FieldKind.Hex, ComputedField.FppMCrc, hexDigits: 8),
        FieldDefinition.Derived("fpp.checksum.status", "Checksum Status", LayerKind.Fpp, FieldKind.Decimal, ComputedField.FppChecksumStatus),
    ];
}
