using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ebhscr;

/// <summary>
/// The EBHSCR field table (Wireshark "ebhscr", tshark 4.0), in its tree's order: the packet header and its major number,
/// slot, channel, version, length and timestamps, the status and the major-specific header; for an Ethernet frame the
/// status's receive error bits and the major-specific header's flags. Shown once all 32 header bytes
/// were captured (tshark reads nothing of a shorter frame), the Ethernet bits for major number 0x50 only.
/// </summary>
public static class EbhscrFields
{
    public static readonly FieldDefinition[] All =
    [
        Header("ebhscr.hdr", "Packet header", 0, 4, FieldKind.Hex),
        Header("ebhscr.mjr", "Major number", 0, 1, FieldKind.Hex),
        Header("ebhscr.slot", "Slot", 1, 1, FieldKind.Hex, 0xC0),
        Header("ebhscr.channel", "Channel", 1, 1, FieldKind.Hex, 0x3F),
        Header("ebhscr.ver", "Version", 2, 2, FieldKind.Hex, 0xF000),
        Header("ebhscr.len", "Length", 4, 4, FieldKind.Decimal),
        Header("ebhscr.strt", "Start timestamp", 8, 8, FieldKind.Hex),
        Header("ebhscr.stpt", "Stop timestamp", 16, 8, FieldKind.Hex),
        FieldDefinition.Fixed("ebhscr.sts", "Status", LayerKind.Ebhscr, 2, 2, FieldKind.Hex, 0x0FFF, FieldPresence.EbhscrStatus),
        Status("ebhscr.eth.crc", "Ethernet CRC Error", 0x0001),
        Status("ebhscr.eth.miifoe", "Media-independent interface FIFO Overflow Error", 0x0002),
        Status("ebhscr.eth.pfoe", "Payload FIFO Overflow Error", 0x0004),
        Status("ebhscr.eth.hfoe", "Header FIFO Overflow Error", 0x0008),
        Status("ebhscr.eth.rde", "Receiver Decoder Error", 0x0010),
        Status("ebhscr.eth.se", "Symbol Error", 0x0020),
        Status("ebhscr.eth.jbr", "Jabber", 0x0040),
        Status("ebhscr.eth.pche", "Polarity Change", 0x0080),
        Status("ebhscr.eth.flsc", "False Carrier", 0x0100),
        Status("ebhscr.eth.rxtrc", "Truncation", 0x0200),
        Status("ebhscr.eth.trdis", "Capture: Transmission Discarded Error, Replay: Start Frame Separation Bit", 0x0400),
        Status("ebhscr.eth.wfsb", "Wait Frame Separation Bit", 0x0800),
        FieldDefinition.Fixed("ebhscr.mjrhdr", "Major number specific header", LayerKind.Ebhscr, 24, 8, FieldKind.Hex, presence: FieldPresence.EbhscrStatus),
        MajorHeader("ebhscr.eth.rsv", "Reserved Flags", FieldKind.Boolean, 0xFFF0FF00FFFFFFFF),
        MajorHeader("ebhscr.eth.trc", "If value 1 then a Truncation occurred. The frame is sent truncated.", FieldKind.Boolean, 0x0001000000000000),
        MajorHeader("ebhscr.eth.trudr", "If value 1 then a Transmitter Underrun occurred.", FieldKind.Boolean, 0x0002000000000000),
        MajorHeader("ebhscr.eth.rtrlmt", "If value 1 then the Retransmission Limit was reached", FieldKind.Boolean, 0x0004000000000000),
        MajorHeader("ebhscr.eth.ltcls", "If value 1 then a Late collision was detected.", FieldKind.Boolean, 0x0008000000000000),
        MajorHeader("ebhscr.eth.lud", "Link Up or Down", FieldKind.Decimal, 0x0000000100000000),
        MajorHeader("ebhscr.eth.ms", "Master or Slave (if supported)", FieldKind.Decimal, 0x0000000200000000),
        MajorHeader("ebhscr.eth.fcsua", "FCS unavailable", FieldKind.Decimal, 0x0000000400000000),
        MajorHeader("ebhscr.eth.rsvd", "Reserved", FieldKind.Boolean, 0x0000000800000000),
        MajorHeader("ebhscr.eth.spd", "Ethernet speed", FieldKind.Decimal, 0x000000F000000000),
    ];

    /// <summary>A field of the packet header, shown once all 32 header bytes were captured.</summary>
    private static FieldDefinition Header(string name, string label, int offset, int size, FieldKind kind, ulong mask = 0) =>
        FieldDefinition.Fixed(name, label, LayerKind.Ebhscr, offset, size, kind, mask, FieldPresence.EbhscrHeader);

    /// <summary>The status bit under <paramref name="mask"/> of an Ethernet frame.</summary>
    private static FieldDefinition Status(string name, string label, ulong mask) =>
        FieldDefinition.Fixed(name, label, LayerKind.Ebhscr, 2, 2, FieldKind.Boolean, mask, FieldPresence.EbhscrEthernet);

    /// <summary>The bits under <paramref name="mask"/> of an Ethernet frame's major-specific header.</summary>
    private static FieldDefinition MajorHeader(string name, string label, FieldKind kind, ulong mask) =>
        FieldDefinition.Fixed(name, label, LayerKind.Ebhscr, 24, 8, kind, mask, FieldPresence.EbhscrEthernet);

    /// <summary>Whether a field of <paramref name="presence"/> shows over <paramref name="header"/> (the captured header bytes).</summary>
    public static bool IsPresent(FieldPresence presence, ReadOnlySpan<byte> header) =>
        EbhscrHeader.TryRead(header, out var ebhscr) && presence switch
        {
            FieldPresence.EbhscrHeader => true,
            FieldPresence.EbhscrStatus => !EbhscrHeader.IsOtherKnownMajor(ebhscr.Major),
            _ => ebhscr.Major == EbhscrHeader.MajorEthernet,
        };
}
