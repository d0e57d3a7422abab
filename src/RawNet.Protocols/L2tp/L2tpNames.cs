namespace RawNet.Protocols.L2tp;

/// <summary>tshark 4.0's words for L2TP in its Info column.</summary>
public static class L2tpNames
{
    /// <summary>The short name of a control message type, as tshark's Info column gives it; null for one it has none for.</summary>
    public static string? MessageTypeShort(ushort type) => type switch
    {
        1 => "SCCRQ",
        2 => "SCCRP",
        3 => "SCCCN",
        4 => "StopCCN",
        5 or 13 => "Reserved",
        6 => "Hello",
        7 => "OCRQ",
        8 => "OCRP",
        9 => "OCCN",
        10 => "ICRQ",
        11 => "ICRP",
        12 => "ICCN",
        14 => "CDN",
        15 => "WEN",
        16 => "SLI",
        17 => "MDMST",
        18 => "SRRQ",
        19 => "SRRP",
        20 => "ACK",
        21 => "FSQ",
        22 => "FSR",
        23 => "MSRQ",
        24 => "MSRP",
        25 => "MSE",
        26 => "MSI",
        27 => "MSEN",
        28 => "CSUN",
        29 => "CSURQ",
        _ => null,
    };
}
