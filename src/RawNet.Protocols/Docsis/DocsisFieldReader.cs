using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Docsis;

/// <summary>
/// Reads the docsis fields (<see cref="ComputedField.DocsisFrameType"/> to <see cref="ComputedField.DocsisEncryptedSource"/>)
/// from the frame and the reach the decoder packed into the layer (<see cref="DocsisLayerDetail"/>): the fixed fields once
/// FC, MAC_PARM and LEN are there, one type and length per extended header element tshark's walk reached
/// (<see cref="DocsisExtendedHeader"/>), the HCS and its status once tshark read it, and the addresses of an encrypted PDU tshark would have handed to Ethernet.
/// </summary>
public static class DocsisFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.DocsisFrameType and <= ComputedField.DocsisEncryptedSource;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the docsis layer over <paramref name="frame"/> (the captured bytes from the layer on).</summary>
    public static bool TryRead(ComputedField computed, in Layer layer, ReadOnlySpan<byte> frame, int occurrence, out FieldValue value)
    {
        value = default;
        var reach = DocsisLayerDetail.Reach(layer.Detail);
        if (reach == DocsisReach.None || !DocsisHeader.TryRead(frame, out var header))
            return false;
        int at = layer.Offset;
        if (computed is ComputedField.DocsisElementType or ComputedField.DocsisElementLength)
            return TryReadElement(computed, frame, header.HasExtendedHeader, at, occurrence, out value);
        if (computed is ComputedField.DocsisEncryptedLgBits or ComputedField.DocsisEncryptedIgBits)
        {
            // one per address, the destination's first
            if (occurrence is < 0 or > 1 || !HandsOnEncrypted(in layer, header) || frame.Length < header.HeaderLength + 12)
                return false;
            int address = header.HeaderLength + 6 * occurrence;
            int bit = computed == ComputedField.DocsisEncryptedLgBits ? 0x02 : 0x01;
            value = new FieldValue((frame[address] & bit) != 0 ? 1UL : 0UL, at + address, 3);
            return true;
        }
        if (occurrence != 0)
            return false;
        int hcsAt = header.HeaderLength - 2;
        switch (computed)
        {
            case ComputedField.DocsisFrameType:
                value = new FieldValue(header.FrameType, at, 1);
                return true;
            case ComputedField.DocsisFrameParameter:
                value = new FieldValue(header.FrameParameter, at, 1);
                return true;
            case ComputedField.DocsisExtendedHeaderOn:
                value = new FieldValue(header.HasExtendedHeader ? 1UL : 0UL, at, 1);
                return true;
            case ComputedField.DocsisMacParm:
                if (header.HasExtendedHeader)
                    return false;
                value = new FieldValue(header.MacParm, at + DocsisHeader.Field.MacParm, 1);
                return true;
            case ComputedField.DocsisExtendedHeaderLength:
                if (!header.HasExtendedHeader)
                    return false;
                value = new FieldValue(header.MacParm, at + DocsisHeader.Field.MacParm, 1);
                return true;
            case ComputedField.DocsisLength:
                value = new FieldValue(header.Length, at + DocsisHeader.Field.Length, 2);
                return true;
            case ComputedField.DocsisHcs:
                if (reach != DocsisReach.Hcs)
                    return false;
                value = new FieldValue(BinaryPrimitives.ReadUInt16BigEndian(frame[hcsAt..]), at + hcsAt, 2);
                return true;
            case ComputedField.DocsisHcsStatus:
                if (reach != DocsisReach.Hcs)
                    return false;
                value = new FieldValue(HcsGood(frame, hcsAt) ? 1UL : 0UL, at + hcsAt, 2);
                return true;
            case ComputedField.DocsisEncryptedDestination or ComputedField.DocsisEncryptedSource:
            {
                int address = header.HeaderLength + (computed == ComputedField.DocsisEncryptedSource ? 6 : 0);
                if (!HandsOnEncrypted(in layer, header) || frame.Length < header.HeaderLength + 12)
                    return false;
                value = new FieldValue(0, at + address, 6);
                return true;
            }
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether tshark shows the PDU as encrypted: a data or isolation PDU whose HCS checks, whose LEN leaves a PDU, and
    /// whose privacy element turned encryption on (it reads both addresses before it adds either, so both or neither).
    /// </summary>
    public static bool HandsOnEncrypted(in Layer layer, DocsisHeader header) =>
        DocsisLayerDetail.IsEncrypted(layer.Detail) && DocsisLayerDetail.Reach(layer.Detail) == DocsisReach.Hcs
        && layer.Checksum == ChecksumStatus.Good && header.FrameType is DocsisHeader.TypePacket or DocsisHeader.TypeIsolation
        && header.PduLength > 0;

    /// <summary>Whether the HCS at <paramref name="hcsAt"/> is the X.25 CRC-16 of the bytes before it, least significant byte first.</summary>
    public static bool HcsGood(ReadOnlySpan<byte> frame, int hcsAt) =>
        BinaryPrimitives.ReadUInt16LittleEndian(frame[hcsAt..]) == Crc16.Compute(frame[..hcsAt]);

    private static bool TryReadElement(ComputedField computed, ReadOnlySpan<byte> frame, bool extended, int at, int occurrence, out FieldValue value)
    {
        value = default;
        if (!extended)
            return false;
        var walk = new DocsisExtendedHeader(frame);
        int n = 0;
        while (walk.MoveNext())
        {
            if (n++ != occurrence)
                continue;
            byte b = frame[walk.Current];
            value = new FieldValue(computed == ComputedField.DocsisElementType ? (ulong)(b >> 4) : (ulong)(b & 0x0F), at + walk.Current, 1);
            return true;
        }
        return false;
    }
}
