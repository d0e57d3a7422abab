using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Capwap.CapwapHeader.Field;

namespace RawNet.Protocols.Capwap;

/// <summary>Which value of a CAPWAP data message a computed field of <see cref="CapwapFields"/> shows.</summary>
public enum CapwapValue : byte
{
    PreambleReserved, LengthBad, MacLength, MacEui48, MacEui64, MacData, MacPadding, WirelessLength, WirelessData, FrameInfo, Rssi,
    Snr, DataRate, DestinationWlans, WlanIdBitmap, DestinationReserved, WirelessPadding, KeepAlive, KeepAliveLength, KeepAliveLengthBad,
    Element, ElementType, ElementTypeUndecoded, ElementLength, ElementLengthBad, ElementValue, SessionId, FragmentCount, ReassembledLength,
}

/// <summary>Bits of a CAPWAP layer's <see cref="Layer.Detail"/>.</summary>
public static class CapwapLayerDetail
{
    /// <summary>The datagram goes to the data port (WTP to AC): the 802.11 wireless information is frame info, else destination WLANs.</summary>
    public const byte ToDataPort = 1;
}

/// <summary>
/// The CAPWAP data channel's field table (Wireshark "capwap.data", whose fields are named capwap.*), in tshark 4.0's tree
/// order: the preamble and fixed header at their offsets, the optional parts, the keep-alive's message elements and a
/// fragment tshark reassembles by itself read by <see cref="CapwapFieldReader"/> (<see cref="ComputedField.Capwap"/>).
/// tshark names the padding after the radio MAC and after the wireless information alike (capwap.header.padding).
/// </summary>
public static class CapwapFields
{
    private static readonly (FieldDefinition Field, CapwapValue Value)[] Computed =
    [
        (D("capwap.preamble.reserved", "Reserved", FieldKind.Decimal), CapwapValue.PreambleReserved),
        (D("capwap.header.length.bad", "Wrong calculate length =! header length", FieldKind.Marker), CapwapValue.LengthBad),
        (D("capwap.header.mac.length", "MAC length", FieldKind.Decimal), CapwapValue.MacLength),
        (D("capwap.header.mac.eui48", "MAC address", FieldKind.MacAddress), CapwapValue.MacEui48),
        (D("capwap.header.mac.eui64", "MAC address", FieldKind.Bytes, FieldDefinition.ColonSeparatedBytes), CapwapValue.MacEui64),
        (D("capwap.header.mac.data", "MAC address", FieldKind.Bytes), CapwapValue.MacData),
        (D("capwap.header.padding", "Padding for 4 Byte Alignment", FieldKind.Bytes), CapwapValue.MacPadding),
        (D("capwap.header.wireless.length", "Wireless length", FieldKind.Decimal), CapwapValue.WirelessLength),
        (D("capwap.header.wireless.data", "Wireless data", FieldKind.Bytes), CapwapValue.WirelessData),
        (D("capwap.header.wireless.data.ieee80211.fi", "Wireless data ieee80211 Frame Info", FieldKind.Bytes), CapwapValue.FrameInfo),
        (D("capwap.header.wireless.data.ieee80211.fi.rssi", "Wireless data ieee80211 RSSI (dBm)", FieldKind.SignedDecimal), CapwapValue.Rssi),
        (D("capwap.header.wireless.data.ieee80211.fi.snr", "Wireless data ieee80211 SNR (dB)", FieldKind.Decimal), CapwapValue.Snr),
        (D("capwap.header.wireless.data.ieee80211.fi.data_rate", "Wireless data ieee80211 Data Rate (Mbps)", FieldKind.Decimal), CapwapValue.DataRate),
        (D("capwap.header.wireless.data.ieee80211.dw", "Wireless data ieee80211 Destination WLANs", FieldKind.Bytes), CapwapValue.DestinationWlans),
        (D("capwap.header.wireless.data.ieee80211.dw.wlan_id_bitmap", "Wireless data ieee80211 Destination Wlan Id bitmap", FieldKind.Decimal), CapwapValue.WlanIdBitmap),
        (D("capwap.header.wireless.data.ieee80211.dw.reserved", "Wireless data ieee80211 Destination Wlan reserved", FieldKind.Decimal), CapwapValue.DestinationReserved),
        (D("capwap.header.padding", "Padding for 4 Byte Alignment", FieldKind.Bytes), CapwapValue.WirelessPadding),
        (D("capwap.keep_alive", "Keep-Alive", FieldKind.Marker), CapwapValue.KeepAlive),
        (D("capwap.keep_alive.length", "Message Element Length", FieldKind.Decimal), CapwapValue.KeepAliveLength),
        (D("capwap.keep_alive.length.bad", "Invalid Keep Alive length", FieldKind.Marker), CapwapValue.KeepAliveLengthBad),
        (D("capwap.message_element", "Type", FieldKind.Marker), CapwapValue.Element),
        (D("capwap.message_element.type", "Type", FieldKind.Decimal), CapwapValue.ElementType),
        (D("capwap.message_element.type.undecoded", "Message element type not implemented", FieldKind.Marker), CapwapValue.ElementTypeUndecoded),
        (D("capwap.message_element.length", "Length", FieldKind.Decimal), CapwapValue.ElementLength),
        (D("capwap.message_element.length.bad", "Bad Message Element length", FieldKind.Marker), CapwapValue.ElementLengthBad),
        (D("capwap.message_element.value", "Value", FieldKind.Bytes), CapwapValue.ElementValue),
        (D("capwap.control.message_element.session_id", "Session ID", FieldKind.Bytes), CapwapValue.SessionId),
        (D("capwap.fragment.count", "Message fragment count", FieldKind.Decimal), CapwapValue.FragmentCount),
        (D("capwap.reassembled.length", "Reassembled CAPWAP length", FieldKind.Decimal), CapwapValue.ReassembledLength),
    ];

    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("capwap.preamble", "Preamble", LayerKind.CapwapData, F.Preamble, 0, FieldKind.Marker),
        FieldDefinition.Fixed("capwap.preamble.version", "Version", LayerKind.CapwapData, F.Preamble, 1, FieldKind.Decimal, 0xF0),
        FieldDefinition.Fixed("capwap.preamble.type", "Type", LayerKind.CapwapData, F.Preamble, 1, FieldKind.Decimal, 0x0F),
        Computed[0].Field,
        // tshark adds the header item after reading HLEN from the byte after the preamble: shown once that byte is there.
        FieldDefinition.Fixed("capwap.header", "Header", LayerKind.CapwapData, F.Word + 1, 0, FieldKind.Marker),
        FieldDefinition.Fixed("capwap.header.length", "Header Length", LayerKind.CapwapData, F.Word, 3, FieldKind.Decimal, 0xF80000),
        Computed[1].Field,
        FieldDefinition.Fixed("capwap.header.rid", "Radio ID", LayerKind.CapwapData, F.Word, 3, FieldKind.Decimal, 0x07C000),
        FieldDefinition.Fixed("capwap.header.wbid", "Wireless Binding ID", LayerKind.CapwapData, F.Word, 3, FieldKind.Decimal, 0x003E00),
        FieldDefinition.FixedHex("capwap.header.flags", "Header Flags", LayerKind.CapwapData, F.Word, 3, 6, 0x0001FF),
        FieldDefinition.Fixed("capwap.header.flags.t", "Payload Type", LayerKind.CapwapData, F.Word, 3, FieldKind.Boolean, CapwapHeader.FlagT),
        FieldDefinition.Fixed("capwap.header.flags.f", "Fragment", LayerKind.CapwapData, F.Word, 3, FieldKind.Boolean, CapwapHeader.FlagF),
        FieldDefinition.Fixed("capwap.header.flags.l", "Last Fragment", LayerKind.CapwapData, F.Word, 3, FieldKind.Boolean, CapwapHeader.FlagL),
        FieldDefinition.Fixed("capwap.header.flags.w", "Wireless header", LayerKind.CapwapData, F.Word, 3, FieldKind.Boolean, CapwapHeader.FlagW),
        FieldDefinition.Fixed("capwap.header.flags.m", "Radio MAC header", LayerKind.CapwapData, F.Word, 3, FieldKind.Boolean, CapwapHeader.FlagM),
        FieldDefinition.Fixed("capwap.header.flags.k", "Keep-Alive", LayerKind.CapwapData, F.Word, 3, FieldKind.Boolean, CapwapHeader.FlagK),
        FieldDefinition.FixedHex("capwap.header.flags.r", "Reserved", LayerKind.CapwapData, F.Word, 3, 6, 0x000007),
        FieldDefinition.Fixed("capwap.header.fragment.id", "Fragment ID", LayerKind.CapwapData, F.FragmentId, 2, FieldKind.Decimal),
        FieldDefinition.Fixed("capwap.header.fragment.offset", "Fragment Offset", LayerKind.CapwapData, F.FragmentOffset, 2, FieldKind.Decimal, 0xFFF8),
        FieldDefinition.Fixed("capwap.header.fragment.reserved", "Reserved", LayerKind.CapwapData, F.FragmentOffset + 1, 1, FieldKind.Decimal, 0x07),
        .. Computed[2..].Select(c => c.Field),
    ];

    private static readonly FrozenDictionary<FieldDefinition, CapwapValue> Values = Computed.ToFrozenDictionary(t => t.Field, t => t.Value);

    /// <summary>Which value a computed field of this table shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out CapwapValue value) => Values.TryGetValue(field, out value);

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.CapwapData, kind, ComputedField.Capwap, hexDigits);
}
