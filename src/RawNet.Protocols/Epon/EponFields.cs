using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Epon;

/// <summary>
/// The epon field table (Wireshark "epon", tshark 4.0), in its tree's order: the DPoE security byte with its reserved
/// bits, encryption and key ID, mode and LLID, the CRC-8 and its status, and an encrypted frame's data (an item of its
/// own after the epon tree). Which of them a frame shows is <see cref="EponFieldReader"/>'s to say.
/// </summary>
public static class EponFields
{
    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Derived("epon.dpoe.sec", "DPoE security", LayerKind.Epon, FieldKind.Hex, ComputedField.EponSecurity, hexDigits: 2),
        FieldDefinition.Derived("epon.dpoe.reserved", "Reserved", LayerKind.Epon, FieldKind.Decimal, ComputedField.EponReserved, mask: 0xFC),
        FieldDefinition.Derived("epon.dpoe.encrypted", "Encryption enabled", LayerKind.Epon, FieldKind.Boolean, ComputedField.EponEncrypted, mask: 0x02),
        FieldDefinition.Derived("epon.dpoe.keyid", "Key ID", LayerKind.Epon, FieldKind.Hex, ComputedField.EponKeyId, hexDigits: 2, mask: 0x01),
        FieldDefinition.Derived("epon.mode", "Mode", LayerKind.Epon, FieldKind.Boolean, ComputedField.EponMode, mask: 0x8000),
        FieldDefinition.Derived("epon.llid", "LLID", LayerKind.Epon, FieldKind.Decimal, ComputedField.EponLlid, mask: 0x7FFF),
        FieldDefinition.Derived("epon.checksum", "Frame check sequence", LayerKind.Epon, FieldKind.Hex, ComputedField.EponChecksum, hexDigits: 2),
        FieldDefinition.Derived("epon.checksum.status", "Frame check sequence Status", LayerKind.Epon, FieldKind.Decimal, ComputedField.EponChecksumStatus),
        FieldDefinition.Derived("epon.dpoe.encrypted.data", "Encrypted data", LayerKind.Epon, FieldKind.Bytes, ComputedField.EponEncryptedData),
    ];
}
