using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ieee80211;

/// <summary>How an 802.11 layer was framed, kept in <see cref="Layer.Detail"/>.</summary>
public static class Ieee80211LayerDetail
{
    /// <summary>The frame ends in a 4-byte FCS (radiotap's or PPI's flag said so): the layer's last 4 bytes.</summary>
    public const byte FcsAtEnd = 0x01;

    /// <summary>Radiotap's Flags said the MAC header is padded to a multiple of 4 bytes (the layer's header includes the padding).</summary>
    public const byte DataPad = 0x02;

    /// <summary>The frame came behind a capture header (radiotap, PPI, Prism, AVS), not on LINKTYPE_IEEE802_11.</summary>
    public const byte BehindCaptureHeader = 0x04;

    /// <summary>The frame control names a protocol version other than 0: tshark shows wlan even with none of RawNet's fields.</summary>
    public const byte OtherVersion = 0x08;

    /// <summary>
    /// True when tshark shows <paramref name="field"/> of an 802.11 header of which <paramref name="captured"/> bytes are
    /// there. Of versions 2 and 3 it shows the version and the FCS only; version 1 (802.11ah's PV1) lays out its frame
    /// control otherwise, which RawNet does not read. Of version 0: on LINKTYPE_IEEE802_11, all of the header but HT
    /// control; behind a capture header, the frame control, as tshark then reads field by field
    /// (<see cref="Ieee80211Header.AddressesNeed"/> then bounds the addresses).
    /// </summary>
    public static bool HasEnoughForFields(FieldDefinition field, ReadOnlySpan<byte> captured, byte detail)
    {
        if (!Ieee80211Header.TryRead(captured, out var header))
            return false;
        if (header.Version != 0)
            return header.Version > 1 && (field == Ieee80211Fields.Version || field == Ieee80211Fields.Fcs);
        return (detail & BehindCaptureHeader) != 0 || captured.Length >= header.LengthBeforeHtControl;
    }
}

/// <summary>Reads the 802.11 fields that move with the frame control (<see cref="ComputedField.Ieee80211TypeSubtype"/> to <see cref="ComputedField.Ieee80211Fcs"/>).</summary>
public static class Ieee80211FieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.Ieee80211TypeSubtype and <= ComputedField.Ieee80211Fcs;

    /// <summary>
    /// Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> in the 802.11 layer <paramref name="layer"/>
    /// of <paramref name="buffer"/>; false when the header does not have it or it was not captured.
    /// </summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> buffer, int occurrence, out FieldValue value)
    {
        value = default;
        var bytes = buffer.Slice(layer.Offset, layer.HeaderLength);
        int o = layer.Offset;
        if (!Ieee80211Header.TryRead(bytes, out var header))
            return false;
        switch (field.Computed)
        {
            // wlan.fc: tshark shows the two bytes as sent, whatever order it read the frame control in.
            case ComputedField.Ieee80211TypeSubtype when field.Offset == 1:
                return occurrence == 0 && Value(layer.Source == LayerSource.SwappedFrameControl
                    ? (ulong)(bytes[1] << 8 | bytes[0]) : (ulong)(bytes[0] << 8 | bytes[1]), o, 2, out value);
            case ComputedField.Ieee80211TypeSubtype:
                return occurrence == 0 && Value((ulong)((int)header.Type << 4 | header.Subtype), o, 1, out value);
            case ComputedField.Ieee80211Address:
            {
                int at = header.AddressOf((Ieee80211AddressRole)field.Offset);
                return occurrence == 0 && at >= 0 && at + 6 <= bytes.Length && bytes.Length >= header.AddressesNeed && Value(0, o + at, 6, out value);
            }
            case ComputedField.Ieee80211AnyAddress:
            {
                // tshark's order: addr1, addr2, then addr4 (a four-address data frame), then addr3.
                int at = AddressOccurrence(header, occurrence);
                return at >= 0 && at + 6 <= bytes.Length && (occurrence == 0 || bytes.Length >= header.AddressesNeed) && Value(0, o + at, 6, out value);
            }
            case ComputedField.Ieee80211Qos:
            {
                int at = header.QosOffset;
                if (occurrence != 0 || !header.HasQos || at + Ieee80211Header.QosLength > bytes.Length)
                    return false;
                ulong qos = BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]);
                ulong mask = (ulong)field.Offset;
                // tshark reads bit 4 as EOSP only in frames from the distribution system, and bit 7 as A-MSDU only where there is a body.
                if ((mask == Ieee80211Header.EndOfServicePeriod && (header.DsBits & Ieee80211Header.FlagBits.FromDs) == 0)
                    || (mask == Ieee80211Header.AmsduPresent && header.HasNoBody))
                    return false;
                ulong number = mask == 0 ? qos : field.Kind == FieldKind.Boolean ? ((qos & mask) != 0 ? 1UL : 0UL) : (qos & mask) >> System.Numerics.BitOperations.TrailingZeroCount(mask);
                return Value(number, o + at, 2, out value);
            }
            case ComputedField.Ieee80211HtControl:
            {
                int at = header.Length - Ieee80211Header.HtControlLength;
                if (occurrence != 0 || !header.HasHtControl || header.Length > bytes.Length)
                    return false;
                return Value(BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]), o + at, 4, out value);
            }
            case ComputedField.Ieee80211Fcs:
            {
                int at = layer.Offset + layer.Extent - Ieee80211Header.FcsLength;
                if (occurrence != 0 || (layer.Detail & Ieee80211LayerDetail.FcsAtEnd) == 0 || at < layer.Offset || at + 4 > buffer.Length)
                    return false;
                return Value(BinaryPrimitives.ReadUInt32LittleEndian(buffer[at..]), at, 4, out value);
            }
            default:
                return false;
        }
    }

    private static int AddressOccurrence(Ieee80211Header header, int occurrence)
    {
        bool fourAddresses = header.Type == Ieee80211FrameType.Data && header.DsBits == 3;
        return occurrence switch
        {
            0 => Ieee80211Header.Field.Address1,
            1 => Ieee80211Header.Field.Address2,
            2 => fourAddresses ? Ieee80211Header.Field.Address4 : Ieee80211Header.Field.Address3,
            3 when fourAddresses => Ieee80211Header.Field.Address3,
            _ => -1,
        } is var at && at >= 0 && at + 6 <= header.Length ? at : -1;
    }

    private static bool Value(ulong number, int offset, int length, out FieldValue value)
    {
        value = new FieldValue(number, offset, length);
        return true;
    }
}
