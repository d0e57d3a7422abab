using System.Buffers.Binary;
using System.Collections.Frozen;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Capwap;

/// <summary>
/// Cisco's LWAPP header (draft-ohara-capwap-lwapp) on UDP ports 12222 and 12223 as tshark 4.0's lwapp reads it: to port
/// 12223 the AP's MAC address first, then flags (version, slot ID, T, F, FT), fragment ID, length, RSSI and SNR; with T
/// set a control header (type, sequence number, length) and data, else an 802.11 frame (lwapp.swap_fc is off by default).
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |VER| RID |C|F|L|  Frag ID      |            Length             |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |     RSSI      |      SNR      |   (control) Type  |  Seq Num  |
/// </code>
/// </summary>
public static class LwappHeader
{
    public const ushort DataPort = 12222;
    public const ushort ControlPort = 12223;
    /// <summary>LWAPP over layer 3 (tshark "lwapp-l3"): an 802.3 frame without an LWAPP header.</summary>
    public const ushort Layer3Port = 12220;

    /// <summary>The AP identity tshark reads first in a datagram to port 12223.</summary>
    public const int ApIdentityLength = 6;

    /// <summary>Flags, fragment ID, length, RSSI and SNR: tshark copies all six before it shows any.</summary>
    public const int Length = 6;

    /// <summary>The control header: type, sequence number and length, copied whole before any is shown.</summary>
    public const int ControlLength = 4;

    /// <summary>The flags' T bit: a control message follows, else an 802.11 frame.</summary>
    public const byte ControlFlag = 0x04;

    /// <summary>tshark's names of the control message types (1 to 36), or null.</summary>
    public static string? ControlName(byte type) => type is >= 1 and <= 36 ? ControlNames[type - 1] : null;

    private static readonly string[] ControlNames =
    [
        "DISCOVERY_REQUEST", "DISCOVERY_REPLY", "JOIN_REQUEST", "JOIN_REPLY", "HANDOFF_REQUEST", "HANDOFF_REPLY", "HANDOFF_COMMAND",
        "HANDOFF_RESPONSE", "HANDOFF_CONFIRM", "CONFIGURE_REQUEST", "CONFIGURE_RESPONSE", "CONFIGURE_COMMAND", "CONFIGURE_COMMAND_RES",
        "STATISTICS_INFO", "STATISTICS_INFO_RES", "CHANGE_STATE_EVENT", "CHANGE_STATE_EVENT_RES", "RRM_CONTROL_REQ", "RRM_CONTROL_RES",
        "RRM_DATA_REQ", "RRM_DATA_RES", "ECHO_REQUEST", "ECHO_RESPONSE", "IMAGE_DATA", "IMAGE_DATA_RES", "RESET_REQ", "RESET_RES",
        "I_AM_UP_REQ", "I_AM_UP_RES", "KEY_UPDATE_REQ", "KEY_UPDATE_RES", "PRIMARY_DISCOVERY_REQ", "PRIMARY_DISCOVERY_RES",
        "DATA_TRANSFER", "DATA_TRANSFER_RES", "RESET_REQ_CLEAR_CONFIG",
    ];
}

/// <summary>Bits of an LWAPP layer's <see cref="Layer.Detail"/>.</summary>
public static class LwappLayerDetail
{
    /// <summary>Sent to port 12223: the AP identity comes first.</summary>
    public const byte ApIdentity = 1;
}

/// <summary>
/// The LWAPP field table (Wireshark "lwapp" and the control message's "lwapp-cntl" fields, which tshark shows in the same
/// datagram without a layer of their own in frame.protocols), read by <see cref="LwappFieldReader"/>: every field moves
/// with the AP identity, and a group shows only when tshark's copy of all its bytes succeeded.
/// </summary>
public static class LwappFields
{
    /// <summary>Offset in the header after the AP identity (a negative one for the identity itself), size, mask.</summary>
    private static readonly (FieldDefinition Field, int Offset, int Size, uint Mask)[] Table =
    [
        (D("lwapp.apid", "AP Identity", FieldKind.MacAddress), -LwappHeader.ApIdentityLength, 6, 0),
        (D("lwapp.version", "Version", FieldKind.Decimal), 0, 1, 0xC0),
        (D("lwapp.slotId", "slotId", FieldKind.Decimal), 0, 1, 0x38),
        (D("lwapp.flags", "Flags", FieldKind.Hex, 2), 0, 1, 0),
        (D("lwapp.flags.type", "Type", FieldKind.Boolean), 0, 1, LwappHeader.ControlFlag),
        (D("lwapp.flags.fragment", "Fragment", FieldKind.Boolean), 0, 1, 0x02),
        (D("lwapp.flags.fragmentType", "Fragment Type", FieldKind.Boolean), 0, 1, 0x01),
        (D("lwapp.fragmentId", "Fragment Id", FieldKind.Hex, 2), 1, 1, 0),
        (D("lwapp.Length", "Length", FieldKind.Decimal), 2, 2, 0),
        (D("lwapp.rssi", "RSSI", FieldKind.Hex, 2), 4, 1, 0),
        (D("lwapp.snr", "SNR", FieldKind.Hex, 2), 5, 1, 0),
        (D("lwapp.control.type", "Control Type", FieldKind.Decimal), 6, 1, 0),
        (D("lwapp.control.seqno", "Control Sequence Number", FieldKind.Decimal), 7, 1, 0),
        (D("lwapp.control.length", "Control Length", FieldKind.Decimal), 8, 2, 0),
    ];

    public static readonly FieldDefinition[] All = Array.ConvertAll(Table, t => t.Field);

    private static readonly FrozenDictionary<FieldDefinition, (int Offset, int Size, uint Mask)> Places =
        FieldRows.Values(Array.ConvertAll(Table, t => (t.Field, (t.Offset, t.Size, t.Mask))));

    /// <summary>Where a field of this table lies (after the AP identity) and its mask; false for any other field.</summary>
    public static bool TryGetPlace(FieldDefinition field, out (int Offset, int Size, uint Mask) place) => Places.TryGetValue(field, out place);

    private static FieldDefinition D(string name, string label, FieldKind kind, int hexDigits = 0) =>
        FieldDefinition.Derived(name, label, LayerKind.Lwapp, kind, ComputedField.Lwapp, hexDigits);
}

/// <summary>Reads LWAPP's fields (<see cref="ComputedField.Lwapp"/>) from the layer's captured header.</summary>
public static class LwappFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.Lwapp;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the LWAPP layer's header bytes <paramref name="header"/>.</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        if (occurrence != 0 || !LwappFields.TryGetPlace(field, out var place))
            return false;
        int start = (layer.Detail & LwappLayerDetail.ApIdentity) != 0 ? LwappHeader.ApIdentityLength : 0;
        // tshark copies the identity and the header (then the control header) before it shows any of them.
        if (header.Length < start + LwappHeader.Length)
            return false;
        bool control = place.Offset >= LwappHeader.Length;
        if (control && ((header[start] & LwappHeader.ControlFlag) == 0 || header.Length < start + LwappHeader.Length + LwappHeader.ControlLength))
            return false;
        int at = start + place.Offset;
        if (at < 0)
            return false;
        ulong number = place.Size == 2 ? BinaryPrimitives.ReadUInt16BigEndian(header[at..]) : header[at];
        if (place.Mask != 0)
            number = (number & place.Mask) >> System.Numerics.BitOperations.TrailingZeroCount(place.Mask);
        value = new FieldValue(number, layer.Offset + at, place.Size);
        return true;
    }
}
