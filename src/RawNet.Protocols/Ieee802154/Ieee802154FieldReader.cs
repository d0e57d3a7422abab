using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ieee802154;

/// <summary>
/// Reads the wpan fields (<see cref="ComputedField.WpanFrameControl"/> to <see cref="ComputedField.WpanFcsOk"/>): each
/// one whose bytes lie before the FCS and were captured, as tshark adds them in order until its bytes run out; the FCS
/// and its check once the decoder read it (<see cref="Layer.Checksum"/>). A long address's value is its 64 bits as
/// tshark shows them (the bytes are stored least significant first), formatted by <see cref="TryFormat"/>.
/// </summary>
public static class Ieee802154FieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.WpanFrameControl and <= ComputedField.WpanFcsOk;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the wpan layer over <paramref name="buffer"/>.</summary>
    public static bool TryRead(ComputedField computed, in Layer layer, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        int at = layer.Offset;
        int fcsLength = layer.Detail != 0 ? Ieee802154Header.FcsLength : 0;
        int macEnd = at + layer.Extent - fcsLength;
        int readable = Math.Min(buffer.Length, macEnd);
        if (readable - at < 2 || !Ieee802154Header.TryRead(buffer[at..readable], out var header))
            return false;
        if (computed is ComputedField.WpanAddress16 or ComputedField.WpanAddress64)
            return TryReadAddress(computed, buffer, header, at, readable, occurrence, out value);
        if (occurrence != 0)
            return false;
        ushort fcf = header.FrameControl;
        switch (computed)
        {
            case ComputedField.WpanFrameControl:
                value = new FieldValue(fcf, at, 2);
                return true;
            case ComputedField.WpanFrameType:
                value = new FieldValue((ulong)(fcf & Ieee802154Header.FrameTypeMask), at, 2);
                return true;
            case ComputedField.WpanSecurity:
                return Bit(fcf, Ieee802154Header.SecurityBit, at, out value);
            case ComputedField.WpanPending:
                return Bit(fcf, Ieee802154Header.PendingBit, at, out value);
            case ComputedField.WpanAckRequest:
                return Bit(fcf, Ieee802154Header.AckRequestBit, at, out value);
            case ComputedField.WpanPanIdCompression:
                return Bit(fcf, Ieee802154Header.PanIdCompressionBit, at, out value);
            case ComputedField.WpanReserved:
                return Bit(fcf, Ieee802154Header.ReservedBit, at, out value);
            case ComputedField.WpanSeqnoSuppression:
                return Bit(fcf, Ieee802154Header.SeqnoSuppressionBit, at, out value);
            case ComputedField.WpanIePresent:
                return Bit(fcf, Ieee802154Header.IePresentBit, at, out value);
            case ComputedField.WpanDestinationMode:
                value = new FieldValue((ulong)header.DestinationMode, at, 2);
                return true;
            case ComputedField.WpanVersion:
                value = new FieldValue((ulong)header.Version, at, 2);
                return true;
            case ComputedField.WpanSourceMode:
                value = new FieldValue((ulong)header.SourceMode, at, 2);
                return true;
            case ComputedField.WpanSequenceNumber:
                if (!header.HasSequenceNumber || readable - at < 3)
                    return false;
                value = new FieldValue(buffer[at + 2], at + 2, 1);
                return true;
            case ComputedField.WpanDestinationPan:
                return Short(buffer, at, header.DestinationPanAt, readable, out value);
            case ComputedField.WpanSourcePan:
                return Short(buffer, at, header.SourcePanAt, readable, out value);
            case ComputedField.WpanDestination16:
                return header.DestinationMode == Ieee802154Header.ModeShort && Short(buffer, at, header.DestinationAt, readable, out value);
            case ComputedField.WpanSource16:
                return header.SourceMode == Ieee802154Header.ModeShort && Short(buffer, at, header.SourceAt, readable, out value);
            case ComputedField.WpanDestination64:
                return header.DestinationMode == Ieee802154Header.ModeLong && Long(buffer, at, header.DestinationAt, readable, out value);
            case ComputedField.WpanSource64:
                return header.SourceMode == Ieee802154Header.ModeLong && Long(buffer, at, header.SourceAt, readable, out value);
            case ComputedField.WpanFcs:
                if (layer.Checksum == ChecksumStatus.None)
                    return false;
                value = new FieldValue(BinaryPrimitives.ReadUInt16LittleEndian(buffer[macEnd..]), macEnd, 2);
                return true;
            case ComputedField.WpanFcsOk:
                // With no FCS checked (link type 230, or an FCS the capture cut off) tshark still says valid, once the header was read.
                if (layer.Checksum == ChecksumStatus.None)
                {
                    // a header read whole whose dissection threw after it (a non-ASK PHY length below the FCS)
                    if (layer.Status == LayerStatus.Malformed)
                        return false;
                    if (at + header.HeaderLength > readable || header.DestinationMode == Ieee802154Header.ModeReserved
                        || header.SourceMode == Ieee802154Header.ModeReserved)
                        return false;
                    value = new FieldValue(1, at, 0);
                    return true;
                }
                value = new FieldValue(layer.Checksum == ChecksumStatus.Good ? 1UL : 0UL, macEnd, 2);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The longest text <see cref="TryFormat"/> writes: eight hex pairs and seven colons.</summary>
    public const int MaxFormattedLength = 23;

    /// <summary>Writes a long address value as tshark shows an EUI-64: eight lowercase hex pairs joined by colons, most significant first.</summary>
    public static bool TryFormat(in FieldValue value, Span<char> destination, out int written)
    {
        written = 0;
        if (destination.Length < MaxFormattedLength)
            return false;
        for (int i = 7; i >= 0; i--)
        {
            int b = (int)(value.Number >> (8 * i)) & 0xFF;
            destination[written++] = DigitText.HexDigit(b >> 4);
            destination[written++] = DigitText.HexDigit(b & 0xF);
            if (i > 0)
                destination[written++] = ':';
        }
        return true;
    }

    private static bool TryReadAddress(ComputedField computed, ReadOnlySpan<byte> buffer, Ieee802154Header header, int at, int readable, int occurrence, out FieldValue value)
    {
        value = default;
        int mode = computed == ComputedField.WpanAddress16 ? Ieee802154Header.ModeShort : Ieee802154Header.ModeLong;
        int n = 0;
        for (int side = 0; side < 2; side++)
        {
            int place = side == 0 ? header.DestinationAt : header.SourceAt;
            int sideMode = side == 0 ? header.DestinationMode : header.SourceMode;
            if (sideMode != mode || place < 0 || at + place + Ieee802154Header.AddressLength(mode) > readable || n++ != occurrence)
                continue;
            return mode == Ieee802154Header.ModeShort ? Short(buffer, at, place, readable, out value) : Long(buffer, at, place, readable, out value);
        }
        return false;
    }

    private static bool Bit(ushort fcf, ushort bit, int at, out FieldValue value)
    {
        value = new FieldValue((fcf & bit) != 0 ? 1UL : 0UL, at, 2);
        return true;
    }

    private static bool Short(ReadOnlySpan<byte> buffer, int at, int place, int readable, out FieldValue value)
    {
        value = default;
        if (place < 0 || at + place + 2 > readable)
            return false;
        value = new FieldValue(BinaryPrimitives.ReadUInt16LittleEndian(buffer[(at + place)..]), at + place, 2);
        return true;
    }

    private static bool Long(ReadOnlySpan<byte> buffer, int at, int place, int readable, out FieldValue value)
    {
        value = default;
        if (place < 0 || at + place + 8 > readable)
            return false;
        value = new FieldValue(BinaryPrimitives.ReadUInt64LittleEndian(buffer[(at + place)..]), at + place, 8);
        return true;
    }
}
