using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Radiotap.RadiotapHeader.Field;

namespace RawNet.Protocols.Radiotap;

/// <summary>
/// The radiotap field table (Wireshark "radiotap"): the fixed part, each present bitmap and its bits (one occurrence per
/// bitmap, as tshark repeats them), and the Flags field (<see cref="RadiotapFieldReader"/>).
/// </summary>
public static class RadiotapFields
{
    /// <summary>tshark's names of the present bits, by bit number (null for the bits it leaves unnamed).</summary>
    private static readonly (int Bit, string Name, string Label)[] PresentBits =
    [
        (0, "tsft", "TSFT"), (1, "flags", "Flags"), (2, "rate", "Rate"), (3, "channel", "Channel"), (4, "fhss", "FHSS"),
        (5, "dbm_antsignal", "dBm Antenna Signal"), (6, "dbm_antnoise", "dBm Antenna Noise"), (7, "lock_quality", "Lock Quality"),
        (8, "tx_attenuation", "TX Attenuation"), (9, "db_tx_attenuation", "dB TX Attenuation"), (10, "dbm_tx_power", "dBm TX Power"),
        (11, "antenna", "Antenna"), (12, "db_antsignal", "dB Antenna Signal"), (13, "db_antnoise", "dB Antenna Noise"),
        (14, "rxflags", "RX flags"), (15, "txflags", "TX flags"), (17, "data_retries", "data retries"), (18, "xchannel", "Channel+"),
        (19, "mcs", "MCS information"), (20, "ampdu", "A-MPDU Status"), (21, "vht", "VHT information"), (22, "timestamp", "frame timestamp"),
        (23, "he", "HE information"), (24, "he_mu", "HE-MU information"), (26, "0_length.psdu", "0 Length PSDU"), (27, "l_sig", "L-SIG"),
        (28, "tlv", "TLVs"), (29, "rtap_ns", "Radiotap NS next"), (30, "vendor_ns", "Vendor NS next"), (31, "ext", "Ext"),
    ];

    /// <summary>tshark's names of the Flags field's bits.</summary>
    private static readonly (byte Mask, string Name, string Label)[] FlagBits =
    [
        (0x01, "cfp", "CFP"), (0x02, "preamble", "Preamble"), (0x04, "wep", "WEP"), (0x08, "frag", "Fragmentation"),
        (RadiotapHeader.Flags.FcsAtEnd, "fcs", "FCS at end"), (RadiotapHeader.Flags.DataPad, "datapad", "Data Pad"),
        (0x40, "badfcs", "Bad FCS"), (0x80, "shortgi", "Short GI"),
    ];

    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("radiotap.version", "Header revision", LayerKind.Radiotap, F.Version, 1, FieldKind.Decimal),
        FieldDefinition.Fixed("radiotap.pad", "Header pad", LayerKind.Radiotap, F.Pad, 1, FieldKind.Decimal),
        FieldDefinition.FixedLittleEndian("radiotap.length", "Header length", LayerKind.Radiotap, F.Length, 2, FieldKind.Decimal),
        FieldDefinition.Item("radiotap.present.word", "Present flags word", LayerKind.Radiotap, FieldKind.Hex, ComputedField.RadiotapPresentWord, hexDigits: 8),
        .. PresentBits.Select(b => FieldDefinition.Item("radiotap.present." + b.Name, b.Label, LayerKind.Radiotap, FieldKind.Boolean,
            ComputedField.RadiotapPresentBit, offset: b.Bit)),
        FieldDefinition.Item("radiotap.flags", "Flags", LayerKind.Radiotap, FieldKind.Hex, ComputedField.RadiotapFlags, hexDigits: 2),
        .. FlagBits.Select(b => FieldDefinition.Item("radiotap.flags." + b.Name, b.Label, LayerKind.Radiotap, FieldKind.Boolean,
            ComputedField.RadiotapFlags, offset: b.Mask)),
    ];
}
