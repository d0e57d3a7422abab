using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Epon;

/// <summary>
/// Reads the epon fields (<see cref="ComputedField.EponSecurity"/> to <see cref="ComputedField.EponEncryptedData"/>) from
/// the reading the decoder packed into the layer (<see cref="EponPreamble.Pack"/>; the layer starts at the SLD, the
/// buffer is the frame). tshark adds the DPoE security byte's items only when the byte is not 0x55, its reserved bits only
/// when they are wrong, every item once the bytes it reads are there, and the encrypted data to the captured end.
/// </summary>
public static class EponFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.EponSecurity and <= ComputedField.EponEncryptedData;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the epon layer over <paramref name="frame"/>.</summary>
    public static bool TryRead(ComputedField computed, in Layer layer, ReadOnlySpan<byte> frame, int occurrence, out FieldValue value)
    {
        value = default;
        var epon = EponPreamble.Unpack(layer.Detail);
        if (occurrence != 0 || epon.Reach < EponReach.Security)
            return false;
        int at = layer.Offset;
        byte security = frame[at + EponPreamble.Field.Security];
        bool secured = security != EponPreamble.SecurityOff;
        switch (computed)
        {
            case ComputedField.EponSecurity:
            case ComputedField.EponEncrypted:
            case ComputedField.EponKeyId:
                if (!secured)
                    return false;
                value = new FieldValue(computed switch
                {
                    ComputedField.EponSecurity => security,
                    ComputedField.EponEncrypted => (ulong)(security & EponPreamble.EncryptedBit) >> 1,
                    _ => (ulong)(security & EponPreamble.KeyIdBit),
                }, at + EponPreamble.Field.Security, 1);
                return true;
            case ComputedField.EponReserved:
                if (!secured || (security & EponPreamble.ReservedMask) == EponPreamble.ReservedValue)
                    return false;
                value = new FieldValue((ulong)(security & EponPreamble.ReservedMask) >> 2, at + EponPreamble.Field.Security, 1);
                return true;
            case ComputedField.EponMode:
            case ComputedField.EponLlid:
                if (epon.Reach < EponReach.Llid)
                    return false;
                ushort word = BinaryPrimitives.ReadUInt16BigEndian(frame[(at + EponPreamble.Field.ModeLlid)..]);
                value = new FieldValue(computed == ComputedField.EponMode ? (ulong)(word >> 15) : (ulong)(word & 0x7FFF), at + EponPreamble.Field.ModeLlid, 2);
                return true;
            case ComputedField.EponChecksum:
            case ComputedField.EponChecksumStatus:
                if (epon.Reach < EponReach.Checksum)
                    return false;
                int checksumAt = at + EponPreamble.Field.Checksum;
                value = new FieldValue(computed == ComputedField.EponChecksum ? frame[checksumAt] : EponPreamble.ChecksumGood(frame, at) ? 1UL : 0UL,
                    checksumAt, 1);
                return true;
            case ComputedField.EponEncryptedData:
                if (epon.Reach < EponReach.Complete || !EponPreamble.IsEncrypted(security))
                    return false;
                value = new FieldValue(0, at + EponPreamble.Length, frame.Length - (at + EponPreamble.Length));
                return true;
            default:
                return false;
        }
    }
}
