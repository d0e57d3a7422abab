using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ieee802154;

/// <summary>
/// The 802.15.4 TAP header (link type 283) as tshark 4.0's wpan-tap reads it: version (0), reserved, the little-endian
/// length of header and TLVs; then TLVs while 4 bytes of one are left (type and length, little-endian, the value padded
/// to 4 bytes), their values at the value's start whatever the length says; the FCS-type TLV says whether the frame
/// after the header ends in a 16-bit FCS (1), a 32-bit one (2) or none (0, also without the TLV).
/// </summary>
public static class Ieee802154TapFieldReader
{
    /// <summary>TLV types (the TAP specification's).</summary>
    public const int FcsTypeTlv = 0, BitRateTlv = 2, ChannelTlv = 3, StartOfFrameTlv = 5, EndOfFrameTlv = 6, AsnTlv = 7,
        SlotStartTlv = 8, TimeslotLengthTlv = 9, LqiTlv = 10, SunPhyTlv = 4, RssTlv = 1, FrequencyTlv = 11, ChannelPlanTlv = 12;

    /// <summary>The layer's <see cref="Layer.Detail"/> when tshark's dissector refused the frame (version not 0, length past the frame): no name, no column.</summary>
    public const byte Refused = 2;

    /// <summary>Bytes of the fixed header.</summary>
    public const int HeaderLength = 4;

    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.WpanTapTlvType and <= ComputedField.WpanTapDataLength;

    /// <summary>The FCS type the TLVs in <paramref name="tlvs"/> set (the last FCS-type TLV's value; 0 without one).</summary>
    public static int FcsType(ReadOnlySpan<byte> tlvs)
    {
        int type = 0;
        for (int at = 0; at + 4 <= tlvs.Length; at = Next(tlvs, at))
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(tlvs[at..]) == FcsTypeTlv && at + 5 <= tlvs.Length)
                type = tlvs[at + 4];
        }
        return type;
    }

    private static int Next(ReadOnlySpan<byte> tlvs, int at) => at + 4 + ((BinaryPrimitives.ReadUInt16LittleEndian(tlvs[(at + 2)..]) + 3) & ~3);

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the TAP layer over <paramref name="buffer"/>.</summary>
    public static bool TryRead(ComputedField computed, in Layer layer, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        if (layer.HeaderLength < HeaderLength)
            return false;
        int start = layer.Offset;
        if (computed == ComputedField.WpanTapDataLength)
        {
            value = new FieldValue((ulong)Math.Max(0, layer.Extent - layer.HeaderLength), start, 0);
            return occurrence == 0 && layer.Detail == 1;
        }
        var tlvs = buffer.Slice(start + HeaderLength, layer.HeaderLength - HeaderLength);
        int seen = 0;
        for (int at = 0; at + 4 <= tlvs.Length; at = Next(tlvs, at))
        {
            int type = BinaryPrimitives.ReadUInt16LittleEndian(tlvs[at..]), length = BinaryPrimitives.ReadUInt16LittleEndian(tlvs[(at + 2)..]);
            int place = start + HeaderLength + at;
            if (!TryValue(computed, tlvs, at, type, length, place, out var found) || seen++ != occurrence)
                continue;
            value = found;
            return true;
        }
        return false;
    }

    private static bool TryValue(ComputedField computed, ReadOnlySpan<byte> tlvs, int at, int type, int length, int place, out FieldValue value)
    {
        value = default;
        int v = at + 4;
        switch (computed)
        {
            case ComputedField.WpanTapTlvType:
                value = new FieldValue((ulong)type, place, 2);
                return true;
            case ComputedField.WpanTapTlvLength:
                value = new FieldValue((ulong)length, place + 2, 2);
                return true;
            case ComputedField.WpanTapTlvUnknown:
                if (type <= ChannelPlanTlv || v + length > tlvs.Length)
                    return false;
                value = new FieldValue(0, place + 4, length);
                return true;
            case ComputedField.WpanTapTlvPadding:
            {
                int pad = (4 - length % 4) % 4;
                if (pad == 0 || v + length + pad > tlvs.Length)
                    return false;
                value = new FieldValue(0, place + 4 + length, pad);
                return true;
            }
        }
        (int wanted, int offset, int size) = computed switch
        {
            ComputedField.WpanTapFcsType => (FcsTypeTlv, 0, 1),
            ComputedField.WpanTapBitRate => (BitRateTlv, 0, 4),
            ComputedField.WpanTapChannel => (ChannelTlv, 0, 2),
            ComputedField.WpanTapPage => (ChannelTlv, 2, 1),
            ComputedField.WpanTapStartOfFrame => (StartOfFrameTlv, 0, 8),
            ComputedField.WpanTapEndOfFrame => (EndOfFrameTlv, 0, 8),
            ComputedField.WpanTapAsn => (AsnTlv, 0, 8),
            ComputedField.WpanTapSlotStart => (SlotStartTlv, 0, 8),
            ComputedField.WpanTapTimeslotLength => (TimeslotLengthTlv, 0, 4),
            ComputedField.WpanTapLqi => (LqiTlv, 0, 1),
            _ => (-1, 0, 0),
        };
        if (type != wanted || v + offset + size > tlvs.Length)
            return false;
        var bytes = tlvs.Slice(v + offset, size);
        ulong number = size switch
        {
            1 => bytes[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
            4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
            _ => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        };
        value = new FieldValue(number, place + 4 + offset, size);
        return true;
    }
}
