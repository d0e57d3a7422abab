using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.L2tp;

/// <summary>
/// Reads L2TPv3's own header fields (<see cref="ComputedField.L2tpv3SessionId"/> to <see cref="ComputedField.L2tpv3PseudowireType"/>)
/// from the layer's bytes, where the carrier and the message's kind put them: the session ID first over IP (0 before a
/// control message), after the flags and reserved word of a data message over UDP; each once its bytes are there. A data
/// message's cookie and default or ATM-specific L2-specific sublayer follow its session ID when the decoder found them (see
/// <see cref="L2tpv3LayerDetail"/>), and its pseudowire type is the layer's <see cref="Layer.Note"/>.
/// </summary>
public static class L2tpv3FieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.L2tpv3SessionId and <= ComputedField.L2tpv3SublayerSequence;

    /// <summary>Reads <paramref name="computed"/> from the L2TPv3 layer's captured bytes <paramref name="header"/>.</summary>
    public static bool TryRead(ComputedField computed, in Layer layer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        byte detail = layer.Detail;
        if (occurrence != 0 || !L2tpv3LayerDetail.Shown(detail))
            return false;
        bool overIp = L2tpv3LayerDetail.OverIp(detail), control = L2tpv3LayerDetail.Control(detail);
        if (computed >= ComputedField.L2tpv3Cookie)
            return !control && TryReadSessionData(computed, layer, header, overIp ? L2tpv3Message.SessionIdLength : L2tpv3Message.UdpDataHeaderLength, out value);
        // Where the flags lie (-1: none, a data message over IP) and the session ID (-1: none, a control message over UDP).
        int flagsAt = overIp ? (control ? L2tpv3Message.SessionIdLength : -1) : 0;
        int sessionAt = overIp ? 0 : control ? -1 : 4;
        ushort flags = flagsAt >= 0 && header.Length >= flagsAt + 2 ? BinaryPrimitives.ReadUInt16BigEndian(header[flagsAt..]) : (ushort)0;
        (bool present, int at, int size, ulong number) = computed switch
        {
            ComputedField.L2tpv3SessionId => (sessionAt >= 0, sessionAt, 4, 0UL),
            ComputedField.L2tpv3Flags => (flagsAt >= 0, flagsAt, 2, flags),
            ComputedField.L2tpv3Type => (flagsAt >= 0, flagsAt, 2, (flags & L2tpHeader.Flag.Type) != 0 ? 1UL : 0),
            ComputedField.L2tpv3LengthBit => (flagsAt >= 0, flagsAt, 2, (flags & L2tpHeader.Flag.Length) != 0 ? 1UL : 0),
            ComputedField.L2tpv3SequenceBit => (flagsAt >= 0, flagsAt, 2, (flags & L2tpHeader.Flag.Sequence) != 0 ? 1UL : 0),
            ComputedField.L2tpv3Version => (flagsAt >= 0, flagsAt, 2, (ulong)(flags & L2tpHeader.Flag.VersionMask)),
            ComputedField.L2tpv3Reserved => (!overIp && !control, 2, 2, 0UL),
            ComputedField.L2tpv3ControlConnectionId => (control, flagsAt + L2tpv3Message.CcidOffset(flags), 4, 0UL),
            // A generated item of no bytes, added once the session ID was read.
            ComputedField.L2tpv3PseudowireType => (!control && header.Length >= sessionAt + 4, 0, 0, (ulong)layer.Note),
            _ => (false, 0, 0, 0UL),
        };
        if (!present || at + size > header.Length)
            return false;
        if (computed is ComputedField.L2tpv3SessionId or ComputedField.L2tpv3ControlConnectionId)
            number = BinaryPrimitives.ReadUInt32BigEndian(header[at..]);
        else if (computed == ComputedField.L2tpv3Reserved)
            number = BinaryPrimitives.ReadUInt16BigEndian(header[at..]);
        value = new FieldValue(number, layer.Offset + at, size);
        return true;
    }

    // The cookie and the default or ATM sublayer after the session header (ending at sessionEnd), as far as the decoder found them.
    private static bool TryReadSessionData(ComputedField computed, in Layer layer, ReadOnlySpan<byte> header, int sessionEnd, out FieldValue value)
    {
        value = default;
        byte detail = layer.Detail;
        int sublayerBytes = L2tpv3LayerDetail.SublayerBytes(detail);
        int sublayerAt = layer.HeaderLength - sublayerBytes;
        switch (computed)
        {
            // A cookie shows only wholly captured, so whatever lies between the session ID and the sublayer is the cookie.
            case ComputedField.L2tpv3Cookie when sublayerAt > sessionEnd:
                value = new FieldValue(0, layer.Offset + sessionEnd, sublayerAt - sessionEnd);
                return true;
            case ComputedField.L2tpv3DefaultSublayer when L2tpv3LayerDetail.HasDefaultSublayer(detail):
                value = new FieldValue(0, layer.Offset + sublayerAt, sublayerBytes);
                return true;
            case ComputedField.L2tpv3AtmSublayer when L2tpv3LayerDetail.HasAtmSublayer(detail):
                value = new FieldValue(0, layer.Offset + sublayerAt, sublayerBytes);
                return true;
            case ComputedField.L2tpv3SublayerSequenceBit when sublayerBytes >= 1:
                return Bit(L2tpv3Sublayer.SequenceBit, layer, header, sublayerAt, out value);
            case ComputedField.L2tpv3SublayerTransportBit when L2tpv3LayerDetail.HasAtmSublayer(detail) && sublayerBytes >= 1:
                return Bit(L2tpv3Sublayer.AtmOamCellBit, layer, header, sublayerAt, out value);
            case ComputedField.L2tpv3SublayerEfciBit when L2tpv3LayerDetail.HasAtmSublayer(detail) && sublayerBytes >= 1:
                return Bit(L2tpv3Sublayer.AtmEfciBit, layer, header, sublayerAt, out value);
            case ComputedField.L2tpv3SublayerClpBit when L2tpv3LayerDetail.HasAtmSublayer(detail) && sublayerBytes >= 1:
                return Bit(L2tpv3Sublayer.AtmClpBit, layer, header, sublayerAt, out value);
            case ComputedField.L2tpv3SublayerCommandResponseBit when L2tpv3LayerDetail.HasAtmSublayer(detail) && sublayerBytes >= 1:
                return Bit(L2tpv3Sublayer.AtmCommandResponseBit, layer, header, sublayerAt, out value);
            case ComputedField.L2tpv3SublayerSequence when sublayerBytes >= L2tpv3Sublayer.DefaultLength:
                ulong sequence = (ulong)header[sublayerAt + 1] << 16 | (ulong)header[sublayerAt + 2] << 8 | header[sublayerAt + 3];
                value = new FieldValue(sequence, layer.Offset + sublayerAt + 1, 3);
                return true;
            default:
                return false;
        }
    }

    // One flag of the sublayer's first byte.
    private static bool Bit(byte mask, in Layer layer, ReadOnlySpan<byte> header, int sublayerAt, out FieldValue value)
    {
        value = new FieldValue((header[sublayerAt] & mask) != 0 ? 1UL : 0, layer.Offset + sublayerAt, 1);
        return true;
    }
}
