using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Fpp;

/// <summary>
/// Reads the fpp fields (<see cref="ComputedField.FppPreamble"/> to <see cref="ComputedField.FppChecksumStatus"/>) from
/// the reading the decoder packed into the layer (<see cref="FppFrame.Pack"/>, the preamble's length in its note; the
/// layer spans the frame, its extent the frame on the wire). tshark adds the preamble, then the mData and the delimiters, then the checksum
/// items: a CRC for an express frame and a whole preemptable one, an mCRC for the rest (a continuation whose last bytes
/// are a frame's CRC shows it twice, first as a bad mCRC, then as a good one), and no status for a verify mPacket.
/// </summary>
public static class FppFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.FppPreamble and <= ComputedField.FppChecksumStatus;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the fpp layer over <paramref name="frame"/>.</summary>
    public static bool TryRead(ComputedField computed, in Layer layer, ReadOnlySpan<byte> frame, int occurrence, out FieldValue value)
    {
        value = default;
        var fpp = FppFrame.Unpack(layer.Detail, layer.Note);
        if (fpp.Type == FppPacketType.Invalid || fpp.Reach < FppReach.Preamble)
            return false;
        int preamble = fpp.PreambleLength;
        int reported = layer.Extent;
        bool continuation = fpp.Type == FppPacketType.Continuation;
        int checksums = CheckSumItems(fpp);
        if (occurrence != 0 && !(occurrence < checksums && computed is ComputedField.FppMCrc or ComputedField.FppChecksumStatus))
            return false;
        if (computed != ComputedField.FppPreamble && fpp.Reach < FppReach.Delimiters)
            return false;
        if (computed is ComputedField.FppCrc or ComputedField.FppMCrc or ComputedField.FppChecksumStatus && fpp.Reach < FppReach.Complete)
            return false;
        int crcAt = reported - FppFrame.CrcLength;
        switch (computed)
        {
            case ComputedField.FppPreamble:
                value = new FieldValue(0, 0, preamble);
                return true;
            case ComputedField.FppPad:
                if (frame[0] != FppFrame.AlignmentByte)
                    return false;
                value = new FieldValue((ulong)(frame[0] & 0x0F), 0, 1);
                return true;
            case ComputedField.FppSmd:
            {
                int at = continuation ? preamble - 2 : preamble - 1;
                value = new FieldValue(frame[at], at, 1);
                return true;
            }
            case ComputedField.FppFragmentCount:
                if (!continuation)
                    return false;
                value = new FieldValue(frame[preamble - 1], preamble - 1, 1);
                return true;
            case ComputedField.FppMData:
                value = new FieldValue(0, preamble, FppFrame.MDataEnd(preamble, frame.Length, reported) - preamble);
                return true;
            case ComputedField.FppCrc:
                if (!ShowsCrc(fpp))
                    return false;
                value = new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(frame[crcAt..]), crcAt, FppFrame.CrcLength);
                return true;
            case ComputedField.FppMCrc:
                if (ShowsCrc(fpp))
                    return false;
                value = new FieldValue(BinaryPrimitives.ReadUInt32BigEndian(frame[crcAt..]), crcAt, FppFrame.CrcLength);
                return true;
            case ComputedField.FppChecksumStatus:
                if (fpp.Type == FppPacketType.Verify)
                    return false;
                value = new FieldValue(Good(fpp, occurrence) ? 1UL : 0UL, crcAt, FppFrame.CrcLength);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A CRC item (fpp.crc32) rather than an mCRC one: an express frame, and a whole preemptable frame.</summary>
    private static bool ShowsCrc(FppFrame fpp) =>
        fpp.Type == FppPacketType.Express || (fpp.Type == FppPacketType.Start && fpp.Crc == FppCrc.Crc);

    /// <summary>How many checksum items tshark adds: two for a continuation ended by a frame's CRC, else one.</summary>
    private static int CheckSumItems(FppFrame fpp) => fpp.Type == FppPacketType.Continuation && fpp.Crc == FppCrc.Crc ? 2 : 1;

    /// <summary>Whether the checksum item <paramref name="occurrence"/> verifies.</summary>
    private static bool Good(FppFrame fpp, int occurrence) => fpp.Type switch
    {
        FppPacketType.Express => fpp.Crc == FppCrc.Crc,
        FppPacketType.Start => fpp.Crc != FppCrc.Bad,
        FppPacketType.Continuation => fpp.Crc == FppCrc.MCrc || (fpp.Crc == FppCrc.Crc && occurrence == 1),
        _ => fpp.Crc == FppCrc.MCrc,
    };
}
