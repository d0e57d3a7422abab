using RawNet.Protocols.Decoding;

namespace RawNet.Protocols.Expert;

/// <summary>What an expert finding is about, in Wireshark's expert groups (only the ones RawNet reports).</summary>
public enum ExpertGroup : byte
{
    /// <summary>A checksum that does not verify.</summary>
    Checksum,
    /// <summary>Sequence and connection events: TCP analysis, handshakes, closes.</summary>
    Sequence,
    /// <summary>Bytes the dissector does not interpret.</summary>
    Undecoded,
    /// <summary>A field with a value the protocol does not allow.</summary>
    Protocol,
    /// <summary>A packet that cannot be what it says it is.</summary>
    Malformed,
}

/// <summary>
/// One of Wireshark's expert items that RawNet's decoder and conversation analysis find, each with tshark 4.0's severity,
/// group, protocol and wording (<see cref="ExpertItems"/>). Items whose summary carries a number (a port, a TTL, a
/// length) take it as the finding's argument.
/// </summary>
public enum ExpertItem : byte
{
    // pf's log
    PflogInvalidHeaderLength,
    // Endace ERF
    ErfPacketLoss,
    ErfTruncated,
    ErfRxError,
    ErfDsError,
    ErfMoreExtensions,
    // 802.3br mPackets: a CRC or an mCRC that does not check (the CRC it should be)
    FppBadCrc,
    FppBadMCrc,
    // EPON: no SLD at the start, DPoE security reserved bits not 010101, DPoE security on but not encrypting with key 0,
    // a bad CRC-8 (the one it should be), encrypted data left undecoded
    EponSldBad,
    EponDpoeReservedBad,
    EponDpoeBad,
    EponBadChecksum,
    EponEncryptedData,
    // DOCSIS: a LEN past the captured payload, a request or ack element of the wrong length, a bad HCS (the HCS it should be)
    DocsisLengthPastEnd,
    DocsisExtendedHeaderLengthInvalid,
    DocsisBadHcs,
    // GFP: a cHEC, tHEC or eHEC that does not check (the HEC it should be), a bad payload FCS
    GfpBadCoreHec,
    GfpBadTypeHec,
    GfpBadExtensionHec,
    GfpBadFcs,
    // Ethernet: an 802.3 length past the frame's end, a group address as the source (Ethernet II)
    EthernetLengthPastEnd,
    EthernetSourceGroup,
    // IPv4: a version that is not 4 ("IP" behind a link that names IP in general, "IPv4" behind an EtherType; and behind
    // an EtherType with version 6, in the IPv6 layer that follows), a header length below 20, option problems
    IpBogusVersion,
    Ipv4BogusVersion,
    Ipv4BogusVersionSix,
    Ipv4BogusHeaderLength,
    Ipv4OptionLengthInvalid,
    Ipv4NopRun,
    /// <summary>A route option's pointer below its first address (4), or inside an address, or addresses the length cuts.</summary>
    Ipv4OptionPointerBeforeAddress,
    Ipv4OptionPointerMiddleAddress,
    Ipv4SuboptionTooLong,
    // IPv4
    Ipv4BogusLength,
    Ipv4TotalLengthExceedsPacket,
    Ipv4TtlTooSmall,
    Ipv4TtlLocalControlBlock,
    // IPv6: a version that is not 6, fewer than 40 bytes, a zero payload length (TSO), a Jumbo option with a payload length
    Ipv6BogusVersion,
    Ipv6InvalidHeader,
    Ipv6PayloadLengthZero,
    Ipv6JumboProhibited,
    /// <summary>A payload length of 0 with a Hop-by-Hop header but no jumbogram length above 65,535 in it (the payload is then empty).</summary>
    Ipv6JumboMissing,
    /// <summary>A Jumbo Payload option's length below 65,536 (argument: <see cref="ExpertItems.Ipv6OptionArgument"/>).</summary>
    Ipv6JumboTruncated,
    /// <summary>An option in the options header it does not belong in (argument: the option, 1 when it belongs in Hop-by-Hop).</summary>
    Ipv6OptionHeaderMismatch,
    /// <summary>An option length wrong for the option (argument: the option and its length).</summary>
    Ipv6OptionLengthInvalid,
    /// <summary>Option data tshark does not interpret: an unknown option's (argument value 1), or what an option leaves unread.</summary>
    Ipv6OptionUnknownData,
    // IPv6
    Ipv6PayloadLengthExceedsFrame,
    // ARP
    ArpDuplicateAddress,
    // Ethernet trailer (reported under "Ethertype", the dissector that finds it)
    EthernetPaddingNotZero,
    // ICMP and ICMPv6
    IcmpBadChecksum,
    Icmpv6BadChecksum,
    // IGMP and RGMP: a checksum tshark verified that does not verify (the checksum it should be)
    IgmpBadChecksum,
    RgmpBadChecksum,
    // CDP: a checksum that does not verify (the checksum it should be)
    CdpBadChecksum,
    /// <summary>An EnergyWise sub-TLV shorter than its 8-byte header (argument: its length).</summary>
    CdpEnergyWiseLengthInvalid,
    /// <summary>Bytes an EnergyWise table's length leaves after its sub-TLVs.</summary>
    CdpInvalidData,
    /// <summary>A DTP TLV length of 4 or less.</summary>
    DtpLengthTooShort,
    /// <summary>A DTP domain, status, type or neighbor TLV of a length its value cannot have.</summary>
    DtpLengthInvalid,
    /// <summary>1 to 3 bytes after DTP's last TLV.</summary>
    DtpTruncated,
    /// <summary>An unknown DTP TLV's value, which tshark reads as a MAC address, shorter than 6 bytes (argument: its length); then the exception.</summary>
    DtpMacLengthShort,
    /// <summary>An unknown DTP TLV's value longer than 6 bytes (argument: its length).</summary>
    DtpMacLengthLong,
    /// <summary>A UDLD TLV length below 4 (argument: the length), which ends the TLVs.</summary>
    UdldTlvLengthInvalid,
    /// <summary>A known VTP VLAN TLV whose value is not 2 bytes (argument: type &lt;&lt; 16 | the value's bytes).</summary>
    VtpTlvLengthBad,
    // GRE: a checksum (C) that does not verify (the checksum it should be)
    GreIncorrectChecksum,
    // UDP
    UdpPossibleTraceroute,
    UdpLengthBelowHeader,
    UdpLengthExceedsPayload,
    UdpZeroChecksum,
    /// <summary>A UDP length of 0 over IPv6 (a jumbogram) with fewer than 65536 bytes.</summary>
    UdpLengthBadZero,
    // TCP, in the order tshark adds them to one segment
    TcpShortSegment,
    TcpBogusHeaderLength,
    TcpAckNonzero,
    TcpSynAckAcceptingFastOpenData,
    TcpSyn,
    TcpSynAck,
    TcpFin,
    TcpClosingActive,
    TcpClosingPassive,
    TcpReset,
    TcpUrgentPointerNonzero,
    TcpNopRun,
    TcpOptionLengthInvalid,
    TcpOptionLengthMismatch,
    TcpMssPresent,
    TcpWindowScaleTooLarge,
    TcpSackMalformed,
    TcpDsack,
    TcpMssAbsent,
    TcpReusedPorts,
    TcpRetransmission,
    TcpFastRetransmission,
    TcpSpuriousRetransmission,
    TcpOutOfOrder,
    TcpLostSegment,
    TcpAckLostSegment,
    TcpWindowUpdate,
    TcpWindowFull,
    TcpKeepAlive,
    TcpKeepAliveAck,
    TcpDuplicateAck,
    TcpZeroWindowProbe,
    TcpZeroWindow,
    TcpZeroWindowProbeAck,
    /// <summary>tshark's "Malformed Packet (Exception occurred)": a field read past the end of its protocol's data.</summary>
    TcpMalformed,    // TLS: a record of a content type TLS 1.0 to 1.2 do not define (the rest of the segment is ignored)
    TlsIgnoredUnknownRecord,
    /// <summary>QUIC: a CRYPTO frame wholly before the offset its stream arrived in order up to (not handed on).</summary>
    QuicRetransmission,
    /// <summary>QUIC: a CRYPTO frame that starts before that offset and goes past it (handed on from there).</summary>
    QuicOverlap,
    /// <summary>Redback: a protocol its dissector has no case for ("Unknown Protocol Data", on redback.protocol).</summary>
    RedbackUnknownProtocol,
    /// <summary>Juniper VN: a TLV type its dissector has no case for ("Incorrect format"), after which it reads nothing.</summary>
    JuniperVnIncorrectFormat,
    /// <summary>HTTP's note on each request, status or notification line: the line itself, as format_text writes it (quotes it).</summary>
    HttpChat,
    /// <summary>HTTP: a message after CR LF, as a previous message with one too many would leave it (the CR LF's bytes).</summary>
    HttpLeadingCrlf,
    /// <summary>HTTP: a header line whose name is empty or holds a character no token has (the line's bytes).</summary>
    HttpBadHeaderName,
    /// <summary>SIP: a header line of a name tshark knows no field for (quotes the name, lower-cased).</summary>
    SipUnrecognisedHeader,
    /// <summary>SIP: a header line without a colon (the line's bytes).</summary>
    SipHeaderNoColon,
    /// <summary>SIP: a Content-Length that is not a number of 32 bits (its value's bytes).</summary>
    SipInvalidContentLength,
    /// <summary>SIP: a head that ends with the message, without its empty line.</summary>
    SipHeaderNotTerminated,
}

/// <summary>
/// The bytes an expert item is about, in the buffer of the layer that adds it (a reassembled one for a message TCP
/// put together): the layer's index in the packet, and where the bytes are. The item's summary quotes them when
/// <see cref="ExpertItems.Quotes"/> says so; else they only say which field's line the item hangs under.
/// </summary>
public readonly record struct ExpertBytes(int Layer, int Offset, int Length)
{
    /// <summary>True for a range that names bytes (an item that has none has the default: layer 0, the frame, never adds one).</summary>
    public bool IsSet => Layer > 0;
}

/// <summary>
/// One expert finding in one packet: the item, for items that carry one its number, and for items about packet bytes
/// (<see cref="ExpertBytes"/>) where they are.
/// </summary>
public readonly record struct ExpertFinding(ExpertItem Item, uint Argument = 0, ExpertBytes Bytes = default);

/// <summary>The one place each expert item's severity, group, protocol and words are written (tshark 4.0's).</summary>
public static class ExpertItems
{
    /// <summary>How much <paramref name="item"/> matters.</summary>
    public static ExpertSeverity Severity(ExpertItem item) => item switch
    {
        ExpertItem.PflogInvalidHeaderLength or ExpertItem.Ipv4BogusLength or ExpertItem.Ipv4TotalLengthExceedsPacket
            or ExpertItem.UdpLengthBelowHeader or ExpertItem.UdpLengthExceedsPayload or ExpertItem.UdpZeroChecksum or ExpertItem.TcpBogusHeaderLength
            or ExpertItem.TcpSackMalformed or ExpertItem.TcpMalformed or ExpertItem.ErfTruncated or ExpertItem.ErfRxError
            or ExpertItem.ErfDsError or ExpertItem.FppBadCrc or ExpertItem.FppBadMCrc
            or ExpertItem.EponSldBad or ExpertItem.EponDpoeReservedBad or ExpertItem.EponDpoeBad or ExpertItem.EponBadChecksum
            or ExpertItem.DocsisLengthPastEnd or ExpertItem.DocsisExtendedHeaderLengthInvalid or ExpertItem.DocsisBadHcs
            or ExpertItem.EthernetLengthPastEnd or ExpertItem.IpBogusVersion or ExpertItem.Ipv4BogusVersion or ExpertItem.Ipv4BogusVersionSix
            or ExpertItem.Ipv4BogusHeaderLength or ExpertItem.Ipv6BogusVersion or ExpertItem.Ipv6InvalidHeader
            or ExpertItem.IgmpBadChecksum or ExpertItem.RgmpBadChecksum or ExpertItem.CdpBadChecksum or ExpertItem.CdpEnergyWiseLengthInvalid or ExpertItem.CdpInvalidData or ExpertItem.DtpLengthTooShort or ExpertItem.DtpLengthInvalid or ExpertItem.DtpTruncated or ExpertItem.DtpMacLengthShort or ExpertItem.Ipv6JumboMissing or ExpertItem.Ipv6OptionLengthInvalid => ExpertSeverity.Error,
        ExpertItem.Ipv6PayloadLengthExceedsFrame or ExpertItem.ArpDuplicateAddress or ExpertItem.IcmpBadChecksum
            or ExpertItem.Icmpv6BadChecksum or ExpertItem.TcpShortSegment or ExpertItem.TcpReset or ExpertItem.TcpNopRun
            or ExpertItem.TcpMssPresent or ExpertItem.TcpWindowScaleTooLarge or ExpertItem.TcpDsack or ExpertItem.TcpOutOfOrder
            or ExpertItem.TcpLostSegment or ExpertItem.TcpAckLostSegment or ExpertItem.TcpWindowFull
            or ExpertItem.TcpZeroWindow or ExpertItem.ErfPacketLoss or ExpertItem.ErfMoreExtensions
            or ExpertItem.GfpBadCoreHec or ExpertItem.GfpBadTypeHec or ExpertItem.GfpBadExtensionHec or ExpertItem.GfpBadFcs
            or ExpertItem.GreIncorrectChecksum or ExpertItem.EthernetSourceGroup or ExpertItem.Ipv4OptionLengthInvalid
            or ExpertItem.Ipv4NopRun or ExpertItem.Ipv4OptionPointerBeforeAddress or ExpertItem.Ipv4OptionPointerMiddleAddress or ExpertItem.Ipv4SuboptionTooLong or ExpertItem.Ipv6JumboProhibited or ExpertItem.Ipv6OptionHeaderMismatch or ExpertItem.Ipv6JumboTruncated or ExpertItem.UdpLengthBadZero or ExpertItem.TlsIgnoredUnknownRecord or ExpertItem.DtpMacLengthLong => ExpertSeverity.Warning,
        ExpertItem.UdldTlvLengthInvalid or ExpertItem.VtpTlvLengthBad or ExpertItem.RedbackUnknownProtocol
            or ExpertItem.JuniperVnIncorrectFormat or ExpertItem.HttpBadHeaderName
            or ExpertItem.SipHeaderNoColon or ExpertItem.SipHeaderNotTerminated => ExpertSeverity.Warning,
        ExpertItem.HttpLeadingCrlf => ExpertSeverity.Error,
        ExpertItem.HttpChat => ExpertSeverity.Chat,
        ExpertItem.UdpPossibleTraceroute or ExpertItem.TcpSyn or ExpertItem.TcpSynAck or ExpertItem.TcpFin
            or ExpertItem.TcpWindowUpdate or ExpertItem.Ipv6PayloadLengthZero => ExpertSeverity.Chat,
        _ => ExpertSeverity.Note,
    };

    /// <summary>What <paramref name="item"/> is about.</summary>
    public static ExpertGroup Group(ExpertItem item) => item switch
    {
        ExpertItem.IcmpBadChecksum or ExpertItem.Icmpv6BadChecksum or ExpertItem.IgmpBadChecksum or ExpertItem.RgmpBadChecksum or ExpertItem.CdpBadChecksum or ExpertItem.UdpZeroChecksum => ExpertGroup.Checksum,
        // tshark files ERF's error flags under checksums.
        ExpertItem.ErfTruncated or ExpertItem.ErfRxError or ExpertItem.ErfDsError or ExpertItem.FppBadCrc or ExpertItem.FppBadMCrc => ExpertGroup.Checksum,
        ExpertItem.DocsisBadHcs => ExpertGroup.Checksum,
        ExpertItem.EponBadChecksum => ExpertGroup.Checksum,
        ExpertItem.EponSldBad or ExpertItem.EponDpoeReservedBad or ExpertItem.EponDpoeBad => ExpertGroup.Malformed,
        ExpertItem.EponEncryptedData => ExpertGroup.Undecoded,
        ExpertItem.GfpBadCoreHec or ExpertItem.GfpBadTypeHec or ExpertItem.GfpBadExtensionHec or ExpertItem.GfpBadFcs => ExpertGroup.Checksum,
        ExpertItem.DocsisLengthPastEnd or ExpertItem.DocsisExtendedHeaderLengthInvalid => ExpertGroup.Malformed,
        ExpertItem.CdpEnergyWiseLengthInvalid or ExpertItem.CdpInvalidData => ExpertGroup.Malformed,
        ExpertItem.DtpLengthTooShort or ExpertItem.DtpLengthInvalid or ExpertItem.DtpTruncated or ExpertItem.DtpMacLengthShort or ExpertItem.DtpMacLengthLong => ExpertGroup.Malformed,
        ExpertItem.UdldTlvLengthInvalid or ExpertItem.VtpTlvLengthBad or ExpertItem.RedbackUnknownProtocol
            or ExpertItem.JuniperVnIncorrectFormat or ExpertItem.HttpBadHeaderName => ExpertGroup.Protocol,
        ExpertItem.HttpLeadingCrlf or ExpertItem.SipHeaderNoColon or ExpertItem.SipHeaderNotTerminated or ExpertItem.SipInvalidContentLength => ExpertGroup.Malformed,
        ExpertItem.SipUnrecognisedHeader => ExpertGroup.Undecoded,
        ExpertItem.EthernetLengthPastEnd or ExpertItem.Ipv6BogusVersion or ExpertItem.Ipv6InvalidHeader or ExpertItem.Ipv6JumboMissing
            or ExpertItem.Ipv6OptionLengthInvalid => ExpertGroup.Malformed,
        ExpertItem.Ipv6OptionUnknownData => ExpertGroup.Undecoded,
        ExpertItem.EthernetSourceGroup or ExpertItem.IpBogusVersion or ExpertItem.Ipv4BogusVersion or ExpertItem.Ipv4BogusVersionSix
            or ExpertItem.Ipv4BogusHeaderLength or ExpertItem.Ipv4OptionLengthInvalid or ExpertItem.Ipv4NopRun or ExpertItem.Ipv4OptionPointerBeforeAddress or ExpertItem.Ipv4OptionPointerMiddleAddress or ExpertItem.Ipv4SuboptionTooLong
            or ExpertItem.Ipv6PayloadLengthZero or ExpertItem.Ipv6JumboProhibited or ExpertItem.UdpLengthBadZero
            or ExpertItem.Ipv6OptionHeaderMismatch or ExpertItem.Ipv6JumboTruncated => ExpertGroup.Protocol,
        ExpertItem.Ipv4BogusLength or ExpertItem.Ipv4TotalLengthExceedsPacket or ExpertItem.Ipv6PayloadLengthExceedsFrame
            or ExpertItem.EthernetPaddingNotZero or ExpertItem.TcpBogusHeaderLength or ExpertItem.TcpAckNonzero
            or ExpertItem.TcpUrgentPointerNonzero or ExpertItem.TcpNopRun or ExpertItem.TcpMssPresent
            or ExpertItem.TcpMssAbsent or ExpertItem.TcpWindowScaleTooLarge or ExpertItem.GreIncorrectChecksum or ExpertItem.TlsIgnoredUnknownRecord => ExpertGroup.Protocol,
        ExpertItem.PflogInvalidHeaderLength or ExpertItem.UdpLengthBelowHeader or ExpertItem.UdpLengthExceedsPayload or ExpertItem.TcpShortSegment
            or ExpertItem.TcpSackMalformed or ExpertItem.TcpMalformed => ExpertGroup.Malformed,
        _ => ExpertGroup.Sequence,
    };

    /// <summary>The group as tshark names it ("Expert Info (Note/Sequence)", <c>-z expert</c>'s Group column).</summary>
    public static string GroupName(ExpertGroup group) => group switch
    {
        ExpertGroup.Checksum => "Checksum",
        ExpertGroup.Sequence => "Sequence",
        ExpertGroup.Undecoded => "Undecoded",
        ExpertGroup.Protocol => "Protocol",
        _ => "Malformed",
    };

    /// <summary>The severity as tshark names it in an item's line ("Expert Info (Warning/Sequence)").</summary>
    public static string SeverityName(ExpertSeverity severity) => severity switch
    {
        ExpertSeverity.Chat => "Chat",
        ExpertSeverity.Note => "Note",
        ExpertSeverity.Warning => "Warning",
        _ => "Error",
    };

    /// <summary>Wireshark's PI_ value of a severity, what <c>_ws.expert.severity</c> holds (PI_CHAT 0x00200000 ... PI_ERROR 0x00800000).</summary>
    public static uint SeverityCode(ExpertSeverity severity) => severity switch
    {
        ExpertSeverity.Chat => 0x00200000,
        ExpertSeverity.Note => 0x00400000,
        ExpertSeverity.Warning => 0x00600000,
        _ => 0x00800000,
    };

    /// <summary>Wireshark's PI_ value of a group, what <c>_ws.expert.group</c> holds (PI_CHECKSUM 0x01000000, PI_SEQUENCE, PI_MALFORMED, PI_PROTOCOL).</summary>
    public static uint GroupCode(ExpertGroup group) => group switch
    {
        ExpertGroup.Checksum => 0x01000000,
        ExpertGroup.Sequence => 0x02000000,
        ExpertGroup.Undecoded => 0x05000000,
        ExpertGroup.Malformed => 0x07000000,
        _ => 0x09000000,
    };

    /// <summary>Wireshark's names of the severities, as <c>tshark -G values</c> lists them for <c>_ws.expert.severity</c>.</summary>
    private static readonly (string Name, uint Code)[] SeverityNames =
        [("Error", 0x00800000), ("Warning", 0x00600000), ("Note", 0x00400000), ("Chat", 0x00200000), ("Comment", 0x00100000)];

    /// <summary>Wireshark's names of the groups, as <c>tshark -G values</c> lists them for <c>_ws.expert.group</c> (PI_CHECKSUM 1 ... PI_DEPRECATED 14, in the top byte).</summary>
    private static readonly string[] GroupNames =
        ["Checksum", "Sequence", "Response", "Request", "Undecoded", "Reassemble", "Malformed", "Debug", "Protocol", "Security", "Comment",
            "Decryption", "Assumption", "Deprecated"];

    /// <summary>The code of a severity named as tshark's display filters accept it (<c>_ws.expert.severity == error</c>), any case.</summary>
    public static bool TryParseSeverity(string name, out uint code)
    {
        foreach (var (known, value) in SeverityNames)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                code = value;
                return true;
            }
        }
        code = 0;
        return false;
    }

    /// <summary>The code of a group named as tshark's display filters accept it (<c>_ws.expert.group == Sequence</c>), any case.</summary>
    public static bool TryParseGroup(string name, out uint code)
    {
        int index = Array.FindIndex(GroupNames, known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));
        code = index < 0 ? 0 : (uint)(index + 1) << 24;
        return index >= 0;
    }

    /// <summary>
    /// Writes the line tshark shows for <paramref name="finding"/> (its <c>_ws.expert</c> item): "Expert Info
    /// (Severity/Group): summary"; false when it does not fit.
    /// </summary>
    public static bool TryWriteLine(ExpertFinding finding, Span<char> destination, out int written) =>
        TryWriteLine(finding, default, destination, out written);

    /// <summary>
    /// <see cref="TryWriteLine(ExpertFinding, Span{char}, out int)"/> for an item that may quote <paramref name="quoted"/>.
    /// A line of 240 bytes of UTF-8 or more is cut as tshark cuts its labels: " [truncated]" and its first 226 bytes.
    /// </summary>
    public static bool TryWriteLine(ExpertFinding finding, ReadOnlySpan<byte> quoted, Span<char> destination, out int written)
    {
        Span<char> summary = stackalloc char[MaxSummaryLength];
        written = 0;
        return TryWriteSummary(finding, quoted, summary, out int length) && TryWriteLineOf(finding, summary[..length], destination, out written);
    }

    /// <summary>The line of <paramref name="finding"/> whose summary, written already, is <paramref name="summary"/>.</summary>
    public static bool TryWriteLineOf(ExpertFinding finding, ReadOnlySpan<char> summary, Span<char> destination, out int written)
    {
        Span<char> line = stackalloc char[MaxSummaryLength + 64];
        var w = new SummaryText(line);
        w.Append("Expert Info (");
        w.Append(SeverityName(Severity(finding.Item)));
        w.Append("/");
        w.Append(GroupName(Group(finding.Item)));
        w.Append("): ");
        w.Append(summary);
        written = 0;
        if (!w.Fits)
            return false;
        var text = line[..w.Length];
        var cut = new SummaryText(destination);
        if (System.Text.Encoding.UTF8.GetByteCount(text) >= ItemLabelLength)
        {
            cut.Append(TruncatedMark);
            text = text[..Utf8Prefix(text, ItemLabelLength - 2 - TruncatedMark.Length)];
        }
        cut.Append(text);
        written = cut.Length;
        return cut.Fits;
    }

    /// <summary>What tshark puts before a label it had to cut.</summary>
    private const string TruncatedMark = " [truncated]";

    /// <summary>The protocol tshark names <paramref name="item"/> under (its short name).</summary>
    public static string Protocol(ExpertItem item) => item switch
    {
        ExpertItem.Ipv4BogusLength or ExpertItem.Ipv4TotalLengthExceedsPacket or ExpertItem.Ipv4TtlTooSmall
            or ExpertItem.Ipv4TtlLocalControlBlock or ExpertItem.IpBogusVersion or ExpertItem.Ipv4BogusVersion
            or ExpertItem.Ipv4BogusVersionSix or ExpertItem.Ipv4BogusHeaderLength or ExpertItem.Ipv4OptionLengthInvalid or ExpertItem.Ipv4NopRun
            or ExpertItem.Ipv4OptionPointerBeforeAddress or ExpertItem.Ipv4OptionPointerMiddleAddress or ExpertItem.Ipv4SuboptionTooLong => "IPv4",
        ExpertItem.Ipv6PayloadLengthExceedsFrame or ExpertItem.Ipv6BogusVersion or ExpertItem.Ipv6InvalidHeader
            or ExpertItem.Ipv6PayloadLengthZero or ExpertItem.Ipv6JumboMissing => "IPv6",
        ExpertItem.Ipv6JumboProhibited or ExpertItem.Ipv6JumboTruncated or ExpertItem.Ipv6OptionHeaderMismatch
            or ExpertItem.Ipv6OptionLengthInvalid or ExpertItem.Ipv6OptionUnknownData => "IPv6 Hop-by-Hop",
        ExpertItem.EthernetLengthPastEnd or ExpertItem.EthernetSourceGroup => "Ethernet",
        ExpertItem.PflogInvalidHeaderLength => "PFLOG",
        ExpertItem.RedbackUnknownProtocol => "Redback",
        ExpertItem.JuniperVnIncorrectFormat => "Juniper",
        ExpertItem.ErfPacketLoss or ExpertItem.ErfTruncated or ExpertItem.ErfRxError or ExpertItem.ErfDsError or ExpertItem.ErfMoreExtensions => "ERF",
        ExpertItem.FppBadCrc or ExpertItem.FppBadMCrc => "Frame Preemption Protocol",
        ExpertItem.EponSldBad or ExpertItem.EponDpoeReservedBad or ExpertItem.EponDpoeBad or ExpertItem.EponBadChecksum
            or ExpertItem.EponEncryptedData => "EPON",
        ExpertItem.DocsisLengthPastEnd or ExpertItem.DocsisExtendedHeaderLengthInvalid or ExpertItem.DocsisBadHcs => "DOCSIS",
        ExpertItem.GfpBadCoreHec or ExpertItem.GfpBadTypeHec or ExpertItem.GfpBadExtensionHec or ExpertItem.GfpBadFcs => "GFP",
        ExpertItem.ArpDuplicateAddress => "ARP/RARP",
        ExpertItem.EthernetPaddingNotZero => "Ethertype",
        ExpertItem.IcmpBadChecksum => "ICMP",
        ExpertItem.Icmpv6BadChecksum => "ICMPv6",
        ExpertItem.IgmpBadChecksum => "IGMP",
        ExpertItem.CdpBadChecksum or ExpertItem.CdpEnergyWiseLengthInvalid or ExpertItem.CdpInvalidData => "CDP",
        ExpertItem.DtpLengthTooShort or ExpertItem.DtpLengthInvalid or ExpertItem.DtpTruncated or ExpertItem.DtpMacLengthShort or ExpertItem.DtpMacLengthLong => "DTP",
        ExpertItem.UdldTlvLengthInvalid => "UDLD",
        ExpertItem.VtpTlvLengthBad => "VTP",
        ExpertItem.RgmpBadChecksum => "RGMP",
        ExpertItem.GreIncorrectChecksum => "GRE",
        ExpertItem.TlsIgnoredUnknownRecord => "TLS",
        ExpertItem.QuicRetransmission or ExpertItem.QuicOverlap => "QUIC",
        ExpertItem.HttpChat or ExpertItem.HttpLeadingCrlf or ExpertItem.HttpBadHeaderName => "HTTP",
        ExpertItem.SipUnrecognisedHeader or ExpertItem.SipHeaderNoColon or ExpertItem.SipInvalidContentLength or ExpertItem.SipHeaderNotTerminated => "SIP",
        ExpertItem.UdpPossibleTraceroute or ExpertItem.UdpLengthBelowHeader or ExpertItem.UdpLengthExceedsPayload
            or ExpertItem.UdpZeroChecksum or ExpertItem.UdpLengthBadZero => "UDP",
        _ => "TCP",
    };

    /// <summary>
    /// tshark's summary of <paramref name="finding"/>, its number put in. Built when a table first meets a finding, not per
    /// packet (<see cref="TryWriteSummary(ExpertFinding, ReadOnlySpan{byte}, Span{char}, out int)"/> writes it without allocating).
    /// </summary>
    public static string Summary(ExpertFinding finding, ReadOnlySpan<byte> quoted = default)
    {
        Span<char> text = stackalloc char[MaxSummaryLength];
        return TryWriteSummary(finding, quoted, text, out int written) ? new string(text[..written]) : "";
    }

    /// <summary>
    /// The longest summary: tshark keeps an item's message in a label of 240 bytes, so a quoting item's is cut at 239
    /// bytes of UTF-8 (never more characters).
    /// </summary>
    public const int MaxSummaryLength = ItemLabelLength;

    /// <summary>tshark's ITEM_LABEL_LENGTH: a message or a tree line keeps at most one byte less of UTF-8.</summary>
    public const int ItemLabelLength = 240;

    /// <summary>True when <paramref name="item"/>'s summary quotes its <see cref="ExpertBytes"/> (it then differs from packet to packet).</summary>
    public static bool Quotes(ExpertItem item) => item is ExpertItem.HttpChat or ExpertItem.SipUnrecognisedHeader;

    /// <summary>
    /// The bytes <paramref name="finding"/> is about, in the buffer of its layer of <paramref name="packet"/> (empty when it
    /// names none, or they are not there): what a quoting item's summary is written from.
    /// </summary>
    public static ReadOnlySpan<byte> Quoted(DecodedPacket packet, ReadOnlySpan<byte> frame, in ExpertFinding finding)
    {
        var bytes = finding.Bytes;
        if (!bytes.IsSet || (uint)bytes.Layer >= (uint)packet.LayerCount)
            return default;
        var buffer = packet.BufferOf(packet[bytes.Layer], frame);
        if ((uint)bytes.Offset > (uint)buffer.Length)
            return default;
        return buffer.Slice(bytes.Offset, Math.Min(bytes.Length, buffer.Length - bytes.Offset));
    }

    /// <summary>Writes tshark's summary of <paramref name="finding"/> (an item that quotes nothing) into <paramref name="destination"/>; false when it does not fit.</summary>
    public static bool TryWriteSummary(ExpertFinding finding, Span<char> destination, out int written) =>
        TryWriteSummary(finding, default, destination, out written);

    /// <summary>
    /// Writes tshark's summary of <paramref name="finding"/> into <paramref name="destination"/>, a quoting item's from
    /// <paramref name="quoted"/> (<see cref="Quoted"/>); false when it does not fit.
    /// </summary>
    public static bool TryWriteSummary(ExpertFinding finding, ReadOnlySpan<byte> quoted, Span<char> destination, out int written)
    {
        uint n = finding.Argument;
        var w = new SummaryText(destination);
        switch (finding.Item)
        {
            case ExpertItem.HttpChat: w.AppendQuoted(default, quoted, lower: false, default); break;
            case ExpertItem.HttpLeadingCrlf: w.Append("Leading CRLF previous message in the stream may have extra CRLF"); break;
            case ExpertItem.HttpBadHeaderName: w.Append("Illegal characters found in header name"); break;
            case ExpertItem.SipUnrecognisedHeader: w.AppendQuoted("Unrecognised SIP header (", quoted, lower: true, ")"); break;
            case ExpertItem.SipHeaderNoColon: w.Append("Header has no colon after the name"); break;
            case ExpertItem.SipInvalidContentLength: w.Append("Invalid content_length"); break;
            case ExpertItem.SipHeaderNotTerminated: w.Append("Header not terminated by empty line (CRLF)"); break;
            case ExpertItem.PflogInvalidHeaderLength: w.Append("Invalid header length "); w.Append(n); break;
            case ExpertItem.RedbackUnknownProtocol: w.Append("Unknown Protocol Data"); break;
            case ExpertItem.JuniperVnIncorrectFormat: w.Append("Incorrect format"); break;
            case ExpertItem.ErfPacketLoss: w.Append("Packet loss occurred between previous and current packet"); break;
            case ExpertItem.ErfTruncated: w.Append("ERF Truncation Error"); break;
            case ExpertItem.ErfRxError: w.Append("ERF Rx Error"); break;
            case ExpertItem.ErfDsError: w.Append("ERF DS Error"); break;
            case ExpertItem.ErfMoreExtensions: w.Append("More extension headers were present, not shown"); break;
            case ExpertItem.FppBadCrc: w.Append("Bad CRC checksum [should be 0x"); w.AppendHex(n, 8); w.Append("]"); break;
            case ExpertItem.FppBadMCrc: w.Append("Bad mCRC checksum [should be 0x"); w.AppendHex(n, 8); w.Append("]"); break;
            case ExpertItem.EponSldBad: w.Append("Unable to locate SLD or invalid byte sequence: preamble must start with 0xD555"); break;
            case ExpertItem.EponDpoeReservedBad: w.Append("Bits 7-2 of DPoE security byte must be 010101 in 1G mode."); break;
            case ExpertItem.EponDpoeBad: w.Append("DPoE security byte must be 0x55 if encryption is disabled."); break;
            case ExpertItem.EponBadChecksum: w.Append("Bad checksum [should be 0x"); w.AppendHex(n, 2); w.Append("]"); break;
            case ExpertItem.EponEncryptedData: w.Append("Remaining data is encrypted and will not decode."); break;
            case ExpertItem.DocsisLengthPastEnd: w.Append("Length field value goes past the end of the payload"); break;
            case ExpertItem.DocsisExtendedHeaderLengthInvalid: w.Append("Extended Header Length Invalid!"); break;
            case ExpertItem.DocsisBadHcs: w.Append("Bad checksum [should be 0x"); w.AppendHex(n, 4); w.Append("]"); break;
            case ExpertItem.GfpBadCoreHec: w.Append("Bad cHEC [should be 0x"); w.AppendHex(n, 4); w.Append("]"); break;
            case ExpertItem.GfpBadTypeHec: w.Append("Bad tHEC [should be 0x"); w.AppendHex(n, 4); w.Append("]"); break;
            case ExpertItem.GfpBadExtensionHec: w.Append("Bad eHEC [should be 0x"); w.AppendHex(n, 4); w.Append("]"); break;
            case ExpertItem.GfpBadFcs: w.Append("Bad FCS"); break;
            case ExpertItem.EthernetLengthPastEnd: w.Append("Length field value goes past the end of the payload"); break;
            case ExpertItem.EthernetSourceGroup: w.Append("Source MAC must not be a group address: IEEE 802.3-2002, Section 3.2.3(b)"); break;
            case ExpertItem.IpBogusVersion: w.Append("Bogus IP version"); break;
            case ExpertItem.Ipv4BogusVersion: case ExpertItem.Ipv4BogusVersionSix: w.Append("Bogus IPv4 version"); break;
            case ExpertItem.Ipv4BogusHeaderLength: w.Append("Bogus IP header length ("); w.Append(n); w.Append(", must be at least 20)"); break;
            case ExpertItem.Ipv4OptionLengthInvalid: WriteIpv4OptionProblem(n, ref w); break;
            case ExpertItem.Ipv4NopRun: w.Append("4 NOP in a row - a router may have removed some options"); break;
            case ExpertItem.Ipv4OptionPointerBeforeAddress: w.Append("Pointer points before first address"); break;
            case ExpertItem.Ipv4OptionPointerMiddleAddress: w.Append("Pointer points to middle of address"); break;
            case ExpertItem.Ipv4SuboptionTooLong: w.Append("Suboption would go past end of option"); break;
            case ExpertItem.Ipv6BogusVersion: w.Append("Bogus IPv6 version"); break;
            case ExpertItem.Ipv6InvalidHeader: w.Append("IPv6 header must be exactly 40 bytes"); break;
            case ExpertItem.Ipv6PayloadLengthZero: w.Append("IPv6 payload length equals 0 (maybe because of \"TCP segmentation offload\" (TSO))"); break;
            case ExpertItem.Ipv6JumboProhibited: w.Append("When IPv6 payload length does not equal 0 a Jumbo Payload option must not be present"); break;
            case ExpertItem.Ipv6JumboMissing: w.Append("IPv6 payload length equals 0 and Hop-By-Hop present and Jumbo Payload option missing"); break;
            case ExpertItem.Ipv6JumboTruncated: w.Append("Jumbo Payload option present and jumbo length < 65536"); break;
            case ExpertItem.Ipv6OptionHeaderMismatch:
                w.Append(Ipv6.Ipv6OptionRules.Name((byte)n)); w.Append((n >> 8 & 0xFF) == 1 ? " must use a hop-by-hop options header" : " must use a destination options header"); break;
            case ExpertItem.Ipv6OptionLengthInvalid:
                w.Append(Ipv6.Ipv6OptionRules.LengthProblem((byte)n)); w.Append(" ("); w.Append(n >> 8 & 0xFF); w.Append(" bytes)"); break;
            case ExpertItem.Ipv6OptionUnknownData: w.Append("Unknown Data (not interpreted)"); break;
            case ExpertItem.UdpLengthBadZero: w.Append("Length is zero but payload < 65536"); break;
            case ExpertItem.Ipv4BogusLength: w.Append("Bogus IP length"); break;
            case ExpertItem.Ipv4TotalLengthExceedsPacket: w.Append("IPv4 total length exceeds packet length ("); w.Append(n); w.Append(" bytes)"); break;
            case ExpertItem.Ipv4TtlTooSmall: w.Append("\"Time To Live\" only "); w.Append(n); break;
            case ExpertItem.Ipv4TtlLocalControlBlock: w.Append("\"Time To Live\" != "); w.Append(n); w.Append(" for a packet sent to the Local Network Control Block (see RFC 3171)"); break;
            case ExpertItem.Ipv6PayloadLengthExceedsFrame: w.Append("IPv6 payload length exceeds framing length ("); w.Append(n); w.Append(" bytes)"); break;
            case ExpertItem.ArpDuplicateAddress: w.Append("Duplicate IP address configured ("); w.Append(n >> 24); w.Append("."); w.Append((n >> 16) & 0xFF); w.Append("."); w.Append((n >> 8) & 0xFF); w.Append("."); w.Append(n & 0xFF); w.Append(")"); break;
            case ExpertItem.EthernetPaddingNotZero: w.Append("Didn't find padding of zeros, and an undecoded trailer exists. There may be padding of non-zeros."); break;
            case ExpertItem.CdpEnergyWiseLengthInvalid: w.Append("TLV with invalid length "); w.Append(n); w.Append(" (< 8)"); break;
            case ExpertItem.CdpInvalidData: w.Append("Invalid bytes at end"); break;
            case ExpertItem.DtpLengthTooShort: w.Append("Indicated length is less than the minimum length"); break;
            case ExpertItem.DtpLengthInvalid: w.Append("Indicated length does not correspond to this record type"); break;
            case ExpertItem.DtpTruncated: w.Append("DTP message is truncated prematurely"); break;
            case ExpertItem.DtpMacLengthShort: case ExpertItem.DtpMacLengthLong: w.Append("Trying to fetch a MAC address with length "); w.Append(n); break;
            case ExpertItem.UdldTlvLengthInvalid: w.Append("TLV with invalid length (< 4)"); break;
            case ExpertItem.VtpTlvLengthBad: w.Append(Vtp.VtpWalk.TlvName((int)(n >> 16))); w.Append(": Bad length "); w.Append(n & 0xFFFF); break;
            case ExpertItem.IcmpBadChecksum: case ExpertItem.Icmpv6BadChecksum: case ExpertItem.IgmpBadChecksum: case ExpertItem.RgmpBadChecksum: case ExpertItem.CdpBadChecksum: w.Append("Bad checksum [should be 0x"); w.AppendHex(n, 4); w.Append("]"); break;
            case ExpertItem.GreIncorrectChecksum: w.Append("Incorrect GRE Checksum [should be 0x"); w.AppendHex(n, 4); w.Append("]"); break;
            case ExpertItem.TlsIgnoredUnknownRecord: w.Append("Ignored Unknown Record"); break;
            case ExpertItem.QuicRetransmission: w.Append("This QUIC frame has a reused stream offset (retransmission?)"); break;
            case ExpertItem.QuicOverlap: w.Append("This QUIC frame overlaps a previous frame in the stream"); break;
            case ExpertItem.UdpPossibleTraceroute: w.Append("Possible traceroute: hop #"); w.Append((n - TracerouteFirstPort) / 3 + 1); w.Append(", attempt #"); w.Append((n - TracerouteFirstPort) % 3 + 1); break;
            case ExpertItem.UdpLengthBelowHeader: w.Append("Bad length value "); w.Append(n); w.Append(" < 8"); break;
            case ExpertItem.UdpLengthExceedsPayload: w.Append("Bad length value "); w.Append(n); w.Append(" > IP payload length"); break;
            case ExpertItem.UdpZeroChecksum: w.Append("Illegal checksum value (0)"); break;
            case ExpertItem.TcpShortSegment: w.Append("Short segment. Segment/fragment does not contain a full TCP header (might be NMAP or someone else deliberately sending unusual packets)"); break;
            case ExpertItem.TcpBogusHeaderLength: w.Append("Bogus TCP header length ("); w.Append(n); w.Append(", must be at least 20)"); break;
            case ExpertItem.TcpAckNonzero: w.Append("The acknowledgment number field is nonzero while the ACK flag is not set"); break;
            case ExpertItem.TcpSynAckAcceptingFastOpenData: w.Append("TCP SYN-ACK accepting TFO data"); break;
            case ExpertItem.TcpSyn: w.Append("Connection establish request (SYN): server port "); w.Append(n); break;
            case ExpertItem.TcpSynAck: w.Append("Connection establish acknowledge (SYN+ACK): server port "); w.Append(n); break;
            case ExpertItem.TcpFin: w.Append("Connection finish (FIN)"); break;
            case ExpertItem.TcpClosingActive: w.Append("This frame initiates the connection closing"); break;
            case ExpertItem.TcpClosingPassive: w.Append("This frame undergoes the connection closing"); break;
            case ExpertItem.TcpReset: w.Append("Connection reset (RST)"); break;
            case ExpertItem.TcpUrgentPointerNonzero: w.Append("The urgent pointer field is nonzero while the URG flag is not set"); break;
            case ExpertItem.TcpNopRun: w.Append("4 NOP in a row - a router may have removed some options"); break;
            case ExpertItem.TcpOptionLengthInvalid: WriteTcpOptionProblem(n, ref w); break;
            case ExpertItem.TcpOptionLengthMismatch: w.Append("option length should be "); w.Append(n); break;
            case ExpertItem.TcpMssPresent: w.Append("The non-SYN packet does contain a MSS option"); break;
            case ExpertItem.TcpWindowScaleTooLarge: w.Append("Window scale shift exceeds 14"); break;
            case ExpertItem.TcpSackMalformed: w.Append("suboption would go past end of option"); break;
            case ExpertItem.TcpDsack: w.Append("D-SACK Sequence"); break;
            case ExpertItem.TcpMssAbsent: w.Append("The SYN packet does not contain a MSS option"); break;
            case ExpertItem.TcpReusedPorts: w.Append("A new tcp session is started with the same ports as an earlier session in this trace"); break;
            case ExpertItem.TcpRetransmission: w.Append("This frame is a (suspected) retransmission"); break;
            case ExpertItem.TcpFastRetransmission: w.Append("This frame is a (suspected) fast retransmission"); break;
            case ExpertItem.TcpSpuriousRetransmission: w.Append("This frame is a (suspected) spurious retransmission"); break;
            case ExpertItem.TcpOutOfOrder: w.Append("This frame is a (suspected) out-of-order segment"); break;
            case ExpertItem.TcpLostSegment: w.Append("Previous segment(s) not captured (common at capture start)"); break;
            case ExpertItem.TcpAckLostSegment: w.Append("ACKed segment that wasn't captured (common at capture start)"); break;
            case ExpertItem.TcpWindowUpdate: w.Append("TCP window update"); break;
            case ExpertItem.TcpWindowFull: w.Append("TCP window specified by the receiver is now completely full"); break;
            case ExpertItem.TcpKeepAlive: w.Append("TCP keep-alive segment"); break;
            case ExpertItem.TcpKeepAliveAck: w.Append("ACK to a TCP keep-alive segment"); break;
            case ExpertItem.TcpDuplicateAck: w.Append("Duplicate ACK (#"); w.Append(n); w.Append(")"); break;
            case ExpertItem.TcpZeroWindowProbe: w.Append("TCP Zero Window Probe"); break;
            case ExpertItem.TcpZeroWindow: w.Append("TCP Zero Window segment"); break;
            case ExpertItem.TcpZeroWindowProbeAck: w.Append("ACK to a TCP Zero Window Probe"); break;
            case ExpertItem.TcpMalformed: w.Append("Malformed Packet (Exception occurred)"); break;
            default: w.Append(finding.Item.ToString()); break;
        }
        written = w.Length;
        return w.Fits;
    }

    /// <summary>The first port of the traceroute range tshark recognises (LBL traceroute's 33434 + 1).</summary>
    public const int TracerouteFirstPort = 33435;

    /// <summary>
    /// The argument of <see cref="ExpertItem.TcpOptionLengthInvalid"/>: which problem (bits 16-17: 0 length byte missing,
    /// 1 length below 2, 2 past the end of the options), the option kind (bits 8-15) and its length byte (bits 0-7).
    /// </summary>
    public static uint TcpOptionProblemArgument(int problem, byte kind, byte length) => (uint)problem << 16 | (uint)kind << 8 | length;

    private static void WriteTcpOptionProblem(uint argument, ref SummaryText w) =>
        WriteOptionProblem(KnownTcpOptionName((byte)(argument >> 8)), (byte)(argument >> 8), (int)(argument >> 16), argument & 0xFF, 0, ref w);

    /// <summary>
    /// An option's length problem in tshark's words (TCP's and IPv4's walks share them): the option's name, else "Unknown
    /// (0xNN)", then a missing length byte (0), a length below 2 (1), one past the options (2) or not the fixed length (3).
    /// </summary>
    private static void WriteOptionProblem(string? name, byte type, int problem, uint length, uint expected, ref SummaryText w)
    {
        string bytes = length == 1 ? "byte" : "bytes";
        if (name is not null)
            w.Append(name);
        else
        {
            // an unknown type's name carries its number, written here rather than built per packet
            w.Append("Unknown (0x"); w.AppendHex(type, 2); w.Append(")");
        }
        switch (problem)
        {
            case 0: w.Append(" (length byte past end of options)"); break;
            case 1: w.Append(" (with too-short option length = "); w.Append(length); w.Append(" "); w.Append(bytes); w.Append(")"); break;
            case 2: w.Append(" (option length = "); w.Append(length); w.Append(" "); w.Append(bytes); w.Append(" says option goes past end of options)"); break;
            default: w.Append(" (with option length = "); w.Append(length); w.Append(" "); w.Append(bytes); w.Append("; should be "); w.Append(expected); w.Append(")"); break;
        }
    }

    /// <summary>
    /// The argument of an IPv6 option's item: the option type (bits 0-7), a value (bits 8-15: its length, or which header
    /// it belongs in), and the header it is in (bit 16 set for Destination Options).
    /// </summary>
    public static uint Ipv6OptionArgument(byte type, int value, bool hopByHop) => (uint)type | (uint)(value & 0xFF) << 8 | (hopByHop ? 0u : 1u) << 16;

    /// <summary>
    /// The protocol tshark names <paramref name="finding"/> under: an IPv6 option's item is its options header's, an HTTP
    /// item found in an SSDP datagram (argument <see cref="SsdpArgument"/>) SSDP's.
    /// </summary>
    public static string Protocol(ExpertFinding finding) =>
        finding.Item is ExpertItem.Ipv6JumboProhibited or ExpertItem.Ipv6JumboTruncated or ExpertItem.Ipv6OptionHeaderMismatch
            or ExpertItem.Ipv6OptionLengthInvalid or ExpertItem.Ipv6OptionUnknownData && (finding.Argument >> 16 & 1) == 1
            ? "IPv6 Destination"
            : finding.Item is ExpertItem.HttpChat or ExpertItem.HttpLeadingCrlf or ExpertItem.HttpBadHeaderName && finding.Argument == SsdpArgument
                ? "SSDP" : Protocol(finding.Item);

    /// <summary>The argument of an HTTP item in an SSDP datagram (HTTP's dissector running as SSDP).</summary>
    public const uint SsdpArgument = 1;

    /// <summary>
    /// The argument of <see cref="ExpertItem.Ipv4OptionLengthInvalid"/>: which problem (bits 24-25: 0 length byte missing,
    /// 1 length below 2, 2 past the end of the options, 3 not the option's fixed length), the option type (bits 16-23), its
    /// length byte (bits 8-15) and, for problem 3, the length it should be (bits 0-7).
    /// </summary>
    public static uint Ipv4OptionProblemArgument(int problem, byte type, byte length, byte expected = 0) =>
        (uint)problem << 24 | (uint)type << 16 | (uint)length << 8 | expected;

    private static void WriteIpv4OptionProblem(uint argument, ref SummaryText w) =>
        WriteOptionProblem(Ipv4OptionName((byte)(argument >> 16)), (byte)(argument >> 16), (int)(argument >> 24), (argument >> 8) & 0xFF, argument & 0xFF, ref w);

    /// <summary>The short name of tshark 4.0's dissector of an IPv4 option type (its "ip.option" table), or null for one it has none for.</summary>
    public static string? Ipv4OptionName(byte type) => type switch
    {
        0x82 => "Security",
        0x83 => "Loose Source Route",
        0x44 => "Time Stamp",
        0x85 => "Extended Security",
        0x86 => "Commercial Security",
        0x07 => "Record Route",
        0x88 => "Stream ID",
        0x89 => "Strict Source Route",
        0x0B => "MTU Probe",
        0x0C => "MTU Reply",
        0x52 => "Traceroute",
        0x94 => "Router Alert",
        0x95 => "Selective Directed Broadcast",
        0x19 => "Quick-Start",
        _ => null,
    };

    /// <summary>The fixed length tshark 4.0 expects of an IPv4 option type, or 0 for a variable one.</summary>
    public static int Ipv4OptionFixedLength(byte type) => type switch
    {
        0x88 or 0x0B or 0x0C or 0x94 => 4,
        0x52 => 12,
        0x19 => 8,
        _ => 0,
    };

    /// <summary>The most bytes a quoted summary reads: enough for 239 bytes of text even when every six make one U+FFFD.</summary>
    private const int QuotedBytesRead = 6 * (ItemLabelLength - 1);

    /// <summary>How many of <paramref name="text"/>'s characters fit in <paramref name="bytes"/> bytes of UTF-8, not splitting a character.</summary>
    public static int Utf8Prefix(ReadOnlySpan<char> text, int bytes)
    {
        int used = 0, i = 0;
        while (i < text.Length)
        {
            bool pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            int size = pair ? 4 : text[i] < 0x80 ? 1 : text[i] < 0x800 ? 2 : 3;
            if (used + size > bytes)
                break;
            used += size;
            i += pair ? 2 : 1;
        }
        return i;
    }

    /// <summary>Text written into a span without allocating; <see cref="Fits"/> false once something did not fit.</summary>
    private ref struct SummaryText(Span<char> destination)
    {
        private readonly Span<char> _destination = destination;
        public int Length;
        public bool Fits = true;

        /// <summary>
        /// A message made of packet bytes, as tshark formats it into its label: <paramref name="before"/>, the bytes
        /// (through format_text, or as UTF-8 lower-cased in ASCII when <paramref name="lower"/>, as SIP's header name),
        /// <paramref name="after"/>, all cut at 239 bytes of UTF-8 on a character's start. Only the first bytes are read
        /// (a byte gives at least one character, a bad UTF-8 sequence of up to six bytes one U+FFFD): a hostile line of
        /// any length costs the same.
        /// </summary>
        public void AppendQuoted(string? before, ReadOnlySpan<byte> bytes, bool lower, string? after)
        {
            bytes = bytes[..Math.Min(bytes.Length, QuotedBytesRead)];
            Span<char> text = stackalloc char[4 * QuotedBytesRead + 64];
            int length = 0;
            (before ?? "").CopyTo(text);
            length += (before ?? "").Length;
            if (lower)
            {
                length += System.Text.Encoding.UTF8.GetChars(bytes, text[length..]);
                for (int i = (before ?? "").Length; i < length; i++)
                    text[i] = text[i] is >= 'A' and <= 'Z' ? (char)(text[i] | 0x20) : text[i];
            }
            else if (Fields.FieldText.TryWriteFormatText(bytes, text[length..], out int formatted))
                length += formatted;
            (after ?? "").CopyTo(text[length..]);
            length += (after ?? "").Length;
            Append(text[..Utf8Prefix(text[..length], ItemLabelLength - 1)]);
        }

        public void Append(scoped ReadOnlySpan<char> text)
        {
            if (_destination.Length - Length < text.Length)
            {
                Fits = false;
                return;
            }
            text.CopyTo(_destination[Length..]);
            Length += text.Length;
        }

        public void Append(string text)
        {
            if (_destination.Length - Length < text.Length)
            {
                Fits = false;
                return;
            }
            text.CopyTo(_destination[Length..]);
            Length += text.Length;
        }

        public void Append(long value)
        {
            if (value < 0)
                Append("-");
            ulong magnitude = (ulong)Math.Abs(value);
            if (_destination.Length - Length < Fields.DigitText.DecimalDigits(magnitude))
            {
                Fits = false;
                return;
            }
            Length += Fields.DigitText.WriteDecimal(magnitude, _destination[Length..]);
        }

        public void AppendHex(ulong value, int digits)
        {
            if (_destination.Length - Length < Math.Max(digits, 16))
            {
                Fits = false;
                return;
            }
            Length += Fields.DigitText.WriteHex(value, digits, _destination[Length..]);
        }
    }

    /// <summary>The name tshark 4.0 gives a TCP option kind in its messages.</summary>
    public static string TcpOptionName(byte kind) => KnownTcpOptionName(kind) ?? $"Unknown (0x{kind:x2})";

    private static string? KnownTcpOptionName(byte kind) => kind switch
    {
        2 => "Maximum segment size",
        3 => "Window scale",
        4 => "SACK permitted",
        5 => "SACK",
        6 => "Echo",
        7 => "Echo reply",
        8 => "Timestamps",
        11 => "CC",
        12 => "CC.NEW",
        13 => "CC.ECHO",
        19 => "TCP MD5 signature",
        20 => "SCPS capabilities",
        21 => "Selective Negative Acknowledgment",
        22 => "SCPS record boundary",
        23 => "SCPS corruption experienced",
        27 => "Quick-Start",
        28 => "User Timeout",
        29 => "TCP AO",
        30 => "Multipath TCP",
        34 => "TCP Fast Open",
        76 => "Riverbed Probe",
        78 => "Riverbed Transparency",
        253 or 254 => "Experimental",
        _ => null,
    };
}
