using System.Buffers.Binary;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Nflog;

/// <summary>
/// Reads the NFLOG fields that come from its TLVs (<see cref="ComputedField.NflogTlv"/> to
/// <see cref="ComputedField.NflogTlvValue"/>): occurrence N is the Nth TLV that has the field, as tshark adds them. The
/// layer's header holds the TLVs the decoder walked, so the same walk finds them again.
/// </summary>
public static class NflogFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.NflogTlv and <= ComputedField.NflogTlvValue;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the layer's header.</summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        var tlvs = new NflogTlvs(header, header.Length);
        int seen = 0;
        while (tlvs.MoveNext())
        {
            if (!TryReadTlv(computed, tlvs, out value))
                continue;
            if (seen++ == occurrence)
            {
                value = value with { Offset = value.Offset + layerOffset };
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The field's value in the current TLV (offsets within the header), if that TLV has the field.</summary>
    private static bool TryReadTlv(ComputedField computed, in NflogTlvs tlv, out FieldValue value)
    {
        value = default;
        int at = tlv.Offset + NflogHeader.TlvHeaderLength;
        var data = tlv.Value;
        switch (computed)
        {
            case ComputedField.NflogTlv:
                value = new FieldValue(0, tlv.Offset, tlv.TlvLength);
                return true;
            case ComputedField.NflogTlvLength:
                value = new FieldValue((ulong)tlv.TlvLength, tlv.Offset, 2);
                return true;
            case ComputedField.NflogTlvType:
                value = new FieldValue((ulong)tlv.Type, tlv.Offset + 2, 2);
                return true;
            case ComputedField.NflogProtocol when tlv.Type == NflogTlvType.PacketHeader && data.Length == 4:
                value = new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(data), at, 2);
                return true;
            case ComputedField.NflogHook when tlv.Type == NflogTlvType.PacketHeader && data.Length == 4:
                value = new FieldValue(data[2], at + 2, 1);
                return true;
            case ComputedField.NflogInterfaceIn or ComputedField.NflogInterfaceOut or ComputedField.NflogPhysicalInterfaceIn
                or ComputedField.NflogPhysicalInterfaceOut when tlv.Type == InterfaceType(computed) && data.Length == 4:
                value = new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(data), at, 4);
                return true;
            case ComputedField.NflogUid or ComputedField.NflogGid
                when tlv.Type == (computed == ComputedField.NflogUid ? NflogTlvType.Uid : NflogTlvType.Gid) && data.Length == 4:
                value = new FieldValue((ulong)(long)BinaryPrimitives.ReadInt32BigEndian(data), at, 4);
                return true;
            case ComputedField.NflogPrefix when tlv.Type == NflogTlvType.Prefix && data.Length >= 1:
            {
                // A NUL-terminated string: what comes before the first NUL.
                int end = data.IndexOf((byte)0);
                value = new FieldValue(0, at, end < 0 ? data.Length : end);
                return true;
            }
            case ComputedField.NflogTlvValue when !ShowsOwnField(tlv.Type, data.Length):
                value = new FieldValue(0, at, data.Length);
                return true;
            default:
                return false;
        }
    }

    private static NflogTlvType InterfaceType(ComputedField computed) => computed switch
    {
        ComputedField.NflogInterfaceIn => NflogTlvType.InterfaceIn,
        ComputedField.NflogInterfaceOut => NflogTlvType.InterfaceOut,
        ComputedField.NflogPhysicalInterfaceIn => NflogTlvType.PhysicalInterfaceIn,
        _ => NflogTlvType.PhysicalInterfaceOut,
    };

    /// <summary>
    /// True for a TLV tshark shows by a field of its own (so with no nflog.tlv_value): the payload, and the types it
    /// reads when their value has the size it expects (the timestamp too, though RawNet does not show that field).
    /// </summary>
    private static bool ShowsOwnField(NflogTlvType type, int valueLength) => type switch
    {
        NflogTlvType.Payload => true,
        NflogTlvType.Prefix => valueLength >= 1,
        NflogTlvType.Timestamp => valueLength == 16,
        NflogTlvType.PacketHeader or NflogTlvType.InterfaceIn or NflogTlvType.InterfaceOut or NflogTlvType.PhysicalInterfaceIn
            or NflogTlvType.PhysicalInterfaceOut or NflogTlvType.Uid or NflogTlvType.Gid => valueLength == 4,
        _ => false,
    };
}
