using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Capwap.CapwapHeader.Field;

namespace RawNet.Protocols.Capwap;

/// <summary>Which value of a CAPWAP message a computed field of <see cref="CapwapFields"/> shows.</summary>
public enum CapwapValue : byte
{
    PreambleReserved, LengthBad, MacLength, MacEui48, MacEui64, MacData, MacPadding, WirelessLength, WirelessData, FrameInfo, Rssi,
    Snr, DataRate, DestinationWlans, WlanIdBitmap, DestinationReserved, WirelessPadding, KeepAlive, KeepAliveLength, KeepAliveLengthBad,
    Element, ElementType, ElementTypeUndecoded, ElementLength, ElementLengthBad, ElementValue, SessionId, FragmentCount, ReassembledLength,
    ControlHeader, MessageType, EnterpriseNumber, EnterpriseSpecific, SequenceNumber, MessageElementLength, ControlFlags, MessageElements,
    AcNamePriority, AcName, DiscoveryType, LocationData, ResultCode, FrameTunnelMode, FrameTunnelNative, FrameTunnelEthernet, FrameTunnelLocalBridging,
    FrameTunnelReserved, WtpMacType, WtpName,
}

/// <summary>Bits of a CAPWAP layer's <see cref="Layer.Detail"/>.</summary>
public static class CapwapLayerDetail
{
    /// <summary>The datagram goes to the data port (WTP to AC): the 802.11 wireless information is frame info, else destination WLANs.</summary>
    public const byte ToDataPort = 1;
}

/// <summary>
/// The CAPWAP field tables (Wireshark "capwap.data" for the data channel and "capwap" for the control channel, whose fields
/// are named capwap.* alike), in tshark 4.0's tree order: the preamble and fixed header at their offsets, the optional
/// parts, then the data channel's keep-alive elements and a fragment tshark reassembles by itself, or the control
/// channel's control header and message elements, read by <see cref="CapwapFieldReader"/> (<see cref="ComputedField.Capwap"/>).
/// tshark names the padding after the radio MAC and after the wireless information alike (capwap.header.padding).
/// </summary>
public static class CapwapFields
{
    /// <summary>The computed fields of the header's optional parts, for the layer kind <paramref name="kind"/>.</summary>
    private static (FieldDefinition Field, CapwapValue Value)[] HeaderComputed(LayerKind kind) =>
    [
        (D(kind, "capwap.preamble.reserved", "Reserved", FieldKind.Decimal), CapwapValue.PreambleReserved),
        (D(kind, "capwap.header.length.bad", "Wrong calculate length =! header length", FieldKind.Marker), CapwapValue.LengthBad),
        (D(kind, "capwap.header.mac.length", "MAC length", FieldKind.Decimal), CapwapValue.MacLength),
        (D(kind, "capwap.header.mac.eui48", "MAC address", FieldKind.MacAddress), CapwapValue.MacEui48),
        (D(kind, "capwap.header.mac.eui64", "MAC address", FieldKind.Bytes, FieldDefinition.ColonSeparatedBytes), CapwapValue.MacEui64),
        (D(kind, "capwap.header.mac.data", "MAC address", FieldKind.Bytes), CapwapValue.MacData),
        (D(kind, "capwap.header.padding", "Padding for 4 Byte Alignment", FieldKind.Bytes), CapwapValue.MacPadding),
        (D(kind, "capwap.header.wireless.length", "Wireless length", FieldKind.Decimal), CapwapValue.WirelessLength),
        (D(kind, "capwap.header.wireless.data", "Wireless data", FieldKind.Bytes), CapwapValue.WirelessData),
        (D(kind, "capwap.header.wireless.data.ieee80211.fi", "Wireless data ieee80211 Frame Info", FieldKind.Bytes), CapwapValue.FrameInfo),
        (D(kind, "capwap.header.wireless.data.ieee80211.fi.rssi", "Wireless data ieee80211 RSSI (dBm)", FieldKind.SignedDecimal), CapwapValue.Rssi),
        (D(kind, "capwap.header.wireless.data.ieee80211.fi.snr", "Wireless data ieee80211 SNR (dB)", FieldKind.Decimal), CapwapValue.Snr),
        (D(kind, "capwap.header.wireless.data.ieee80211.fi.data_rate", "Wireless data ieee80211 Data Rate (Mbps)", FieldKind.Decimal), CapwapValue.DataRate),
        (D(kind, "capwap.header.wireless.data.ieee80211.dw", "Wireless data ieee80211 Destination WLANs", FieldKind.Bytes), CapwapValue.DestinationWlans),
        (D(kind, "capwap.header.wireless.data.ieee80211.dw.wlan_id_bitmap", "Wireless data ieee80211 Destination Wlan Id bitmap", FieldKind.Decimal), CapwapValue.WlanIdBitmap),
        (D(kind, "capwap.header.wireless.data.ieee80211.dw.reserved", "Wireless data ieee80211 Destination Wlan reserved", FieldKind.Decimal), CapwapValue.DestinationReserved),
        (D(kind, "capwap.header.padding", "Padding for 4 Byte Alignment", FieldKind.Bytes), CapwapValue.WirelessPadding),
    ];

    /// <summary>The message element fields, a keep-alive's and a control message's alike.</summary>
    private static (FieldDefinition Field, CapwapValue Value)[] ElementComputed(LayerKind kind) =>
    [
        (D(kind, "capwap.message_element", "Type", FieldKind.Marker), CapwapValue.Element),
        (D(kind, "capwap.message_element.type", "Type", FieldKind.Decimal), CapwapValue.ElementType),
        (D(kind, "capwap.message_element.type.undecoded", "Message element type not implemented", FieldKind.Marker), CapwapValue.ElementTypeUndecoded),
        (D(kind, "capwap.message_element.length", "Length", FieldKind.Decimal), CapwapValue.ElementLength),
        (D(kind, "capwap.message_element.length.bad", "Bad Message Element length", FieldKind.Marker), CapwapValue.ElementLengthBad),
        (D(kind, "capwap.message_element.value", "Value", FieldKind.Bytes), CapwapValue.ElementValue),
        (D(kind, "capwap.control.message_element.session_id", "Session ID", FieldKind.Bytes), CapwapValue.SessionId),
    ];

    private static readonly (FieldDefinition Field, CapwapValue Value)[] Computed =
    [
        .. HeaderComputed(LayerKind.CapwapData),
        (D(LayerKind.CapwapData, "capwap.keep_alive", "Keep-Alive", FieldKind.Marker), CapwapValue.KeepAlive),
        (D(LayerKind.CapwapData, "capwap.keep_alive.length", "Message Element Length", FieldKind.Decimal), CapwapValue.KeepAliveLength),
        (D(LayerKind.CapwapData, "capwap.keep_alive.length.bad", "Invalid Keep Alive length", FieldKind.Marker), CapwapValue.KeepAliveLengthBad),
        .. ElementComputed(LayerKind.CapwapData),
        .. FragmentComputed(LayerKind.CapwapData),
    ];

    private static (FieldDefinition Field, CapwapValue Value)[] FragmentComputed(LayerKind kind) =>
    [
        (D(kind, "capwap.fragment.count", "Message fragment count", FieldKind.Decimal), CapwapValue.FragmentCount),
        (D(kind, "capwap.reassembled.length", "Reassembled CAPWAP length", FieldKind.Decimal), CapwapValue.ReassembledLength),
    ];

    private static readonly (FieldDefinition Field, CapwapValue Value)[] ControlComputed =
    [
        .. HeaderComputed(LayerKind.CapwapControl),
        .. FragmentComputed(LayerKind.CapwapControl),
        (D(LayerKind.CapwapControl, "capwap.control.header", "Control Header", FieldKind.Marker), CapwapValue.ControlHeader),
        (D(LayerKind.CapwapControl, "capwap.control.header.message_type", "Message Type", FieldKind.Decimal), CapwapValue.MessageType),
        (D(LayerKind.CapwapControl, "capwap.control.header.message_type.enterprise_number", "Message Type (Enterprise Number)", FieldKind.Decimal),
            CapwapValue.EnterpriseNumber),
        (D(LayerKind.CapwapControl, "capwap.control.header.message_type.enterprise_specific", "Message Type (Enterprise Specific)", FieldKind.Decimal),
            CapwapValue.EnterpriseSpecific),
        (D(LayerKind.CapwapControl, "capwap.control.header.sequence_number", "Sequence Number", FieldKind.Decimal), CapwapValue.SequenceNumber),
        (D(LayerKind.CapwapControl, "capwap.control.header.message_element_length", "Message Element Length", FieldKind.Decimal),
            CapwapValue.MessageElementLength),
        (D(LayerKind.CapwapControl, "capwap.control.header.flags", "Flags", FieldKind.Decimal), CapwapValue.ControlFlags),
        (D(LayerKind.CapwapControl, "capwap.message_element", "Message Element", FieldKind.Marker), CapwapValue.MessageElements),
        .. ElementComputed(LayerKind.CapwapControl),
        // The elements whose own fields RawNet shows (CapwapControlHeader.ElementValueOf), in tshark's tree order within an element.
        (D(LayerKind.CapwapControl, "capwap.control.message_element.ac_name_with_priority", "AC Name Priority", FieldKind.Decimal), CapwapValue.AcNamePriority),
        (D(LayerKind.CapwapControl, "capwap.control.message_element.ac_name", "AC Name", FieldKind.Text), CapwapValue.AcName),
        (D(LayerKind.CapwapControl, "capwap.control.message_element.discovery_type", "Discovery Type", FieldKind.Decimal), CapwapValue.DiscoveryType),
        (D(LayerKind.CapwapControl, "capwap.control.message_element.location_data", "Location Data", FieldKind.Text), CapwapValue.LocationData),
        (D(LayerKind.CapwapControl, "capwap.control.message_element.result_code", "Result Code", FieldKind.Decimal), CapwapValue.ResultCode),
        (D(LayerKind.CapwapControl, "capwap.control.message_element.wtp_frame_tunnel_mode", "WTP Frame Tunnel Mode", FieldKind.Hex, 2),
            CapwapValue.FrameTunnelMode),
        (D(LayerKind.CapwapControl, "capwap.control.message_element.wtp_frame_tunnel_mode.n", "Native Frame Tunnel Mode", FieldKind.Boolean),
            CapwapValue.FrameTunnelNative),
        (D(LayerKind.CapwapControl, "capwap.control.message_element.wtp_frame_tunnel_mode.e", "802.3 Frame Tunnel Mode", FieldKind.Boolean),
            CapwapValue.FrameTunnelEthernet),
        (D(LayerKind.CapwapControl, "capwap.control.message_element.wtp_frame_tunnel_mode.l", "Local Bridging", FieldKind.Boolean),
            CapwapValue.FrameTunnelLocalBridging),
        (D(LayerKind.CapwapControl, "capwap.control.message_element.wtp_frame_tunnel_mode.r", "Reserved", FieldKind.Hex, 2), CapwapValue.FrameTunnelReserved),
        (D(LayerKind.CapwapControl, "capwap.control.message_element.wtp_mac_type", "WTP MAC Type", FieldKind.Decimal), CapwapValue.WtpMacType),
        (D(LayerKind.CapwapControl, "capwap.control.message_element.wtp_name", "WTP Name", FieldKind.Text), CapwapValue.WtpName),
    ];

    /// <summary>The data channel's fields (<see cref="LayerKind.CapwapData"/>).</summary>
    public static readonly FieldDefinition[] All = [.. Header(LayerKind.CapwapData, Computed)];

    /// <summary>The control channel's fields (<see cref="LayerKind.CapwapControl"/>).</summary>
    public static readonly FieldDefinition[] Control = [.. Header(LayerKind.CapwapControl, ControlComputed)];

    /// <summary>The preamble and fixed header at their offsets, in tree order among the computed fields (the first two of which are the preamble's reserved bits and HLEN's check).</summary>
    private static FieldDefinition[] Header(LayerKind kind, (FieldDefinition Field, CapwapValue Value)[] computed) =>
    [
        FieldDefinition.Fixed("capwap.preamble", "Preamble", kind, F.Preamble, 0, FieldKind.Marker),
        FieldDefinition.Fixed("capwap.preamble.version", "Version", kind, F.Preamble, 1, FieldKind.Decimal, 0xF0),
        FieldDefinition.Fixed("capwap.preamble.type", "Type", kind, F.Preamble, 1, FieldKind.Decimal, 0x0F),
        computed[0].Field,
        // tshark adds the header item after reading HLEN from the byte after the preamble: shown once that byte is there.
        FieldDefinition.Fixed("capwap.header", "Header", kind, F.Word + 1, 0, FieldKind.Marker),
        FieldDefinition.Fixed("capwap.header.length", "Header Length", kind, F.Word, 3, FieldKind.Decimal, 0xF80000),
        computed[1].Field,
        FieldDefinition.Fixed("capwap.header.rid", "Radio ID", kind, F.Word, 3, FieldKind.Decimal, 0x07C000),
        FieldDefinition.Fixed("capwap.header.wbid", "Wireless Binding ID", kind, F.Word, 3, FieldKind.Decimal, 0x003E00),
        FieldDefinition.FixedHex("capwap.header.flags", "Header Flags", kind, F.Word, 3, 6, 0x0001FF),
        FieldDefinition.Fixed("capwap.header.flags.t", "Payload Type", kind, F.Word, 3, FieldKind.Boolean, CapwapHeader.FlagT),
        FieldDefinition.Fixed("capwap.header.flags.f", "Fragment", kind, F.Word, 3, FieldKind.Boolean, CapwapHeader.FlagF),
        FieldDefinition.Fixed("capwap.header.flags.l", "Last Fragment", kind, F.Word, 3, FieldKind.Boolean, CapwapHeader.FlagL),
        FieldDefinition.Fixed("capwap.header.flags.w", "Wireless header", kind, F.Word, 3, FieldKind.Boolean, CapwapHeader.FlagW),
        FieldDefinition.Fixed("capwap.header.flags.m", "Radio MAC header", kind, F.Word, 3, FieldKind.Boolean, CapwapHeader.FlagM),
        FieldDefinition.Fixed("capwap.header.flags.k", "Keep-Alive", kind, F.Word, 3, FieldKind.Boolean, CapwapHeader.FlagK),
        FieldDefinition.FixedHex("capwap.header.flags.r", "Reserved", kind, F.Word, 3, 6, 0x000007),
        FieldDefinition.Fixed("capwap.header.fragment.id", "Fragment ID", kind, F.FragmentId, 2, FieldKind.Decimal),
        FieldDefinition.Fixed("capwap.header.fragment.offset", "Fragment Offset", kind, F.FragmentOffset, 2, FieldKind.Decimal, 0xFFF8),
        FieldDefinition.Fixed("capwap.header.fragment.reserved", "Reserved", kind, F.FragmentOffset + 1, 1, FieldKind.Decimal, 0x07),
        .. FieldRows.Fields(computed.AsSpan(2)),
    ];

    private static readonly FrozenDictionary<FieldDefinition, CapwapValue> Values =
        FieldRows.Values(Computed, ControlComputed);

    /// <summary>Which value a computed field of these tables shows; false for any other field.</summary>
    public static bool TryGetValue(FieldDefinition field, out CapwapValue value) => Values.TryGetValue(field, out value);

    private static FieldDefinition D(LayerKind kind, string name, string label, FieldKind kind2, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, kind, kind2, ComputedField.Capwap, hexDigits);
}
