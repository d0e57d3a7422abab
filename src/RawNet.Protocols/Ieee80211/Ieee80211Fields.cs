using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Ieee80211.Ieee80211Header.Field;

namespace RawNet.Protocols.Ieee80211;

/// <summary>
/// The 802.11 MAC header's field table (Wireshark "wlan"), in tshark's tree order. Frame control, duration, the first two
/// addresses and sequence control sit where every header has them; the addresses' roles, QoS, HT control and the FCS move
/// with the frame control's bits (<see cref="Ieee80211FieldReader"/>).
/// </summary>
public static class Ieee80211Fields
{
    private static FieldDefinition Flag(string name, string label, byte mask) =>
        FieldDefinition.Fixed(name, label, LayerKind.Ieee80211, F.Flags, 1, FieldKind.Boolean, mask);

    private static FieldDefinition Derived(string name, string label, FieldKind kind, ComputedField computed, int argument = 0, int hexDigits = 0) =>
        FieldDefinition.Item(name, label, LayerKind.Ieee80211, kind, computed, offset: argument, hexDigits: hexDigits);

    /// <summary>The protocol version: with the FCS, all tshark shows of a frame of version 2 or 3.</summary>
    public static readonly FieldDefinition Version =
        FieldDefinition.Fixed("wlan.fc.version", "Version", LayerKind.Ieee80211, F.TypeAndSubtype, 1, FieldKind.Decimal, 0x03);

    public static readonly FieldDefinition Fcs = Derived("wlan.fcs", "Frame check sequence", FieldKind.Hex, ComputedField.Ieee80211Fcs, hexDigits: 8);

    public static readonly FieldDefinition[] All =
    [
        Derived("wlan.fc.type_subtype", "Type/Subtype", FieldKind.Hex, ComputedField.Ieee80211TypeSubtype, hexDigits: 4),
        // Read by the reader: the bytes as captured, also when CAPWAP's frame control was decoded swapped (argument 1).
        Derived("wlan.fc", "Frame Control Field", FieldKind.Hex, ComputedField.Ieee80211TypeSubtype, argument: 1, hexDigits: 4),
        Version,
        FieldDefinition.Fixed("wlan.fc.type", "Type", LayerKind.Ieee80211, F.TypeAndSubtype, 1, FieldKind.Decimal, 0x0C),
        FieldDefinition.Fixed("wlan.fc.subtype", "Subtype", LayerKind.Ieee80211, F.TypeAndSubtype, 1, FieldKind.Decimal, 0xF0),
        FieldDefinition.Fixed("wlan.flags", "Flags", LayerKind.Ieee80211, F.Flags, 1, FieldKind.Hex),
        FieldDefinition.Fixed("wlan.fc.ds", "DS status", LayerKind.Ieee80211, F.Flags, 1, FieldKind.Hex, 0x03),
        Flag("wlan.fc.tods", "To DS", Ieee80211Header.FlagBits.ToDs),
        Flag("wlan.fc.fromds", "From DS", Ieee80211Header.FlagBits.FromDs),
        Flag("wlan.fc.frag", "More Fragments", 0x04),
        Flag("wlan.fc.retry", "Retry", 0x08),
        Flag("wlan.fc.pwrmgt", "PWR MGT", 0x10),
        Flag("wlan.fc.moredata", "More Data", 0x20),
        Flag("wlan.fc.protected", "Protected flag", Ieee80211Header.FlagBits.Protected),
        Flag("wlan.fc.order", "+HTC/Order flag", Ieee80211Header.FlagBits.Order),
        FieldDefinition.FixedLittleEndian("wlan.duration", "Duration", LayerKind.Ieee80211, F.Duration, 2, FieldKind.Decimal, 0x7FFF,
            presence: FieldPresence.Ieee80211Duration),
        FieldDefinition.Fixed("wlan.ra", "Receiver address", LayerKind.Ieee80211, F.Address1, 6, FieldKind.MacAddress),
        Derived("wlan.ta", "Transmitter address", FieldKind.MacAddress, ComputedField.Ieee80211Address, (int)Ieee80211AddressRole.Transmitter),
        Derived("wlan.da", "Destination address", FieldKind.MacAddress, ComputedField.Ieee80211Address, (int)Ieee80211AddressRole.Destination),
        Derived("wlan.sa", "Source address", FieldKind.MacAddress, ComputedField.Ieee80211Address, (int)Ieee80211AddressRole.Source),
        Derived("wlan.bssid", "BSS Id", FieldKind.MacAddress, ComputedField.Ieee80211Address, (int)Ieee80211AddressRole.Bssid),
        Derived("wlan.staa", "STA address", FieldKind.MacAddress, ComputedField.Ieee80211Address, (int)Ieee80211AddressRole.Station),
        Derived("wlan.addr", "Hardware address", FieldKind.MacAddress, ComputedField.Ieee80211AnyAddress),
        FieldDefinition.FixedLittleEndian("wlan.frag", "Fragment number", LayerKind.Ieee80211, F.SequenceControl, 2, FieldKind.Decimal, 0x000F),
        FieldDefinition.FixedLittleEndian("wlan.seq", "Sequence number", LayerKind.Ieee80211, F.SequenceControl, 2, FieldKind.Decimal, 0xFFF0),
        Derived("wlan.qos", "Qos Control", FieldKind.Hex, ComputedField.Ieee80211Qos, hexDigits: 4),
        Derived("wlan.qos.tid", "TID", FieldKind.Decimal, ComputedField.Ieee80211Qos, 0x000F),
        Derived("wlan.qos.priority", "Priority", FieldKind.Decimal, ComputedField.Ieee80211Qos, 0x0007),
        Derived("wlan.qos.eosp", "EOSP", FieldKind.Boolean, ComputedField.Ieee80211Qos, 0x0010),
        Derived("wlan.qos.ack", "Ack Policy", FieldKind.Hex, ComputedField.Ieee80211Qos, 0x0060, hexDigits: 4),
        Derived("wlan.qos.amsdupresent", "Payload Type", FieldKind.Boolean, ComputedField.Ieee80211Qos, Ieee80211Header.AmsduPresent),
        Derived("wlan.htc", "HT Control (+HTC)", FieldKind.Hex, ComputedField.Ieee80211HtControl, hexDigits: 8),
        Fcs,
    ];
}
