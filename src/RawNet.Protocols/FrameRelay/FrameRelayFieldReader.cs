using System.Buffers.Binary;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Llc;

namespace RawNet.Protocols.FrameRelay;

/// <summary>
/// Reads the Frame Relay fields (<see cref="ComputedField.FrFirstAddressOctet"/> to <see cref="ComputedField.FrSnapType"/>)
/// from the layer's captured bytes as tshark 4.0 adds them: each address octet's bits once that octet is there (the
/// first two, a 4-octet address's third, the last of a longer one; none for a bogus one-octet address), fr.dlci once
/// the address is whole, the UI control field's items, fr.nlpid for the pad and for the NLPID, and the SNAP header's
/// OUI with its EtherType (fr.snaptype) or protocol ID once all five of its bytes are.
/// </summary>
public static class FrameRelayFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.FrFirstAddressOctet and <= ComputedField.FrSnapType;

    /// <summary>Reads <paramref name="computed"/> from the layer's captured bytes <paramref name="header"/>, which start at <paramref name="layerOffset"/>.</summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (header.Length == 0 || (header[0] & FrameRelayHeader.Bits.Ea) != 0 && computed < ComputedField.FrDlci)
            return false;
        int addressLength = FrameRelayHeader.AddressLengthOf(header, out uint dlci);
        // The last octet of a 3- or 4-octet address: where the walk ended, or the first captured octet past the second
        // (a 3-octet one) or past the third (a longer one) when the walk did not end.
        int last = addressLength >= 3 ? addressLength - 1 : -1;
        bool fourOctets = header.Length > 2 && (header[1] & FrameRelayHeader.Bits.Ea) == 0 && (header[2] & FrameRelayHeader.Bits.Ea) == 0;
        switch (computed)
        {
            case ComputedField.FrFirstAddressOctet when occurrence == 0:
                return Byte(header, 0, header[0], layerOffset, out value);
            case ComputedField.FrUpperDlci when occurrence == 0:
                return Byte(header, 0, header[0] >> 2, layerOffset, out value);
            case ComputedField.FrCommandResponse when occurrence == 0:
                return Byte(header, 0, header[0] >> 1 & 1, layerOffset, out value);
            case ComputedField.FrEa:
            {
                // One per address octet with bits: first, second, a 4-octet address's third, the last.
                int at = occurrence switch
                {
                    0 => 0,
                    1 => 1,
                    2 when fourOctets => 2,
                    2 when last > 0 => last,
                    3 when fourOctets && last > 0 => last,
                    _ => -1,
                };
                return at >= 0 && Byte(header, at, header.Length > at ? header[at] & 1 : 0, layerOffset, out value);
            }
            case ComputedField.FrSecondAddressOctet when occurrence == 0:
                return Byte(header, 1, header.Length > 1 ? header[1] : 0, layerOffset, out value);
            case ComputedField.FrSecondDlci when occurrence == 0:
                return Byte(header, 1, header.Length > 1 ? header[1] >> 4 : 0, layerOffset, out value);
            case ComputedField.FrFecn when occurrence == 0:
                return Byte(header, 1, header.Length > 1 ? header[1] >> 3 & 1 : 0, layerOffset, out value);
            case ComputedField.FrBecn when occurrence == 0:
                return Byte(header, 1, header.Length > 1 ? header[1] >> 2 & 1 : 0, layerOffset, out value);
            case ComputedField.FrDiscardEligible when occurrence == 0:
                return Byte(header, 1, header.Length > 1 ? header[1] >> 1 & 1 : 0, layerOffset, out value);
            case ComputedField.FrThirdAddressOctet when occurrence == 0 && fourOctets:
                return Byte(header, 2, header[2], layerOffset, out value);
            case ComputedField.FrThirdDlci when occurrence == 0 && fourOctets:
                return Byte(header, 2, header[2] >> 1, layerOffset, out value);
            case ComputedField.FrDlCoreControl when occurrence == 0 && last > 0 && (header[last] & FrameRelayHeader.Bits.DlCoreIndicator) != 0:
            case ComputedField.FrLowerDlci when occurrence == 0 && last > 0 && (header[last] & FrameRelayHeader.Bits.DlCoreIndicator) == 0:
                return Byte(header, last, header[last] >> 2, layerOffset, out value);
            case ComputedField.FrDlCoreIndicator when occurrence == 0 && last > 0:
                return Byte(header, last, header[last] >> 1 & 1, layerOffset, out value);
            case ComputedField.FrDlci when occurrence == 0 && addressLength > 0:
                value = new FieldValue(dlci, layerOffset, addressLength);
                return true;
            default:
                break;
        }
        if (addressLength == 0 || !FrameRelayHeader.TryRead(header, out var fr) || !fr.HasControl
            || !FrameRelayHeader.CarriesNlpid(header[fr.AddressLength..]))
            return false;
        int control = fr.AddressLength;
        switch (computed)
        {
            case ComputedField.FrControl when occurrence == 0:
                value = new FieldValue(fr.Control, layerOffset + control, 1);
                return true;
            case ComputedField.FrControlCommand when occurrence == 0 && !fr.CommandResponse:
            case ComputedField.FrControlResponse when occurrence == 0 && fr.CommandResponse:
                value = new FieldValue((ulong)(fr.Control & 0xEC), layerOffset + control, 1);
                return true;
            case ComputedField.FrControlFrameType when occurrence == 0:
                value = new FieldValue((ulong)(fr.Control & 0x03), layerOffset + control, 1);
                return true;
            case ComputedField.FrNlpid:
            {
                // The pad shows as an NLPID of its own before the real one.
                int at = control + 1 + occurrence;
                if (occurrence > (fr.HasPad ? 1 : 0) || at >= header.Length)
                    return false;
                value = new FieldValue(header[at], layerOffset + at, 1);
                return true;
            }
            case ComputedField.FrSnapOui or ComputedField.FrSnapPid or ComputedField.FrSnapType when occurrence == 0:
            {
                int snap = fr.NlpidOffset + 1;
                if (!fr.HasNlpid || fr.Nlpid != Nlpid.Snap || header.Length < snap + FrameRelayHeader.SnapLength)
                    return false;
                uint oui = (uint)(header[snap] << 16 | header[snap + 1] << 8 | header[snap + 2]);
                ushort pid = BinaryPrimitives.ReadUInt16BigEndian(header[(snap + 3)..]);
                bool etherType = oui is LlcHeader.EncapsulatedEthernet or LlcHeader.BridgeTunnel;
                if (computed == ComputedField.FrSnapOui)
                    value = new FieldValue(oui, layerOffset + snap, 3);
                // no type item after a UI frame with the poll bit: tshark's SNAP reads it only when handing the payload on
                else if (computed == ComputedField.FrSnapType && etherType && fr.Control == FrameRelayHeader.UnnumberedInformation
                    || computed == ComputedField.FrSnapPid && !etherType && !LlcHeader.HasOwnPidField(oui))
                    value = new FieldValue(pid, layerOffset + snap + 3, 2);
                else
                    return false;
                return true;
            }
            default:
                return false;
        }
    }

    private static bool Byte(ReadOnlySpan<byte> header, int at, int number, int layerOffset, out FieldValue value)
    {
        value = header.Length > at ? new FieldValue((ulong)number, layerOffset + at, 1) : default;
        return header.Length > at;
    }
}
