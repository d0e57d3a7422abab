namespace RawNet.Protocols.Expert;

/// <summary>What an expert finding is about, in Wireshark's expert groups (only the ones RawNet reports).</summary>
public enum ExpertGroup : byte
{
    /// <summary>A checksum that does not verify.</summary>
    Checksum,
    /// <summary>Sequence and connection events: TCP analysis, handshakes, closes.</summary>
    Sequence,
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
    // DOCSIS: a LEN past the captured payload, a request or ack element of the wrong length, a bad HCS (the HCS it should be)
    DocsisLengthPastEnd,
    DocsisExtendedHeaderLengthInvalid,
    DocsisBadHcs,
    // GFP: a cHEC, tHEC or eHEC that does not check (the HEC it should be), a bad payload FCS
    GfpBadCoreHec,
    GfpBadTypeHec,
    GfpBadExtensionHec,
    GfpBadFcs,
    // IPv4
    Ipv4BogusLength,
    Ipv4TotalLengthExceedsPacket,
    Ipv4TtlTooSmall,
    Ipv4TtlLocalControlBlock,
    // IPv6
    Ipv6PayloadLengthExceedsFrame,
    // ARP
    ArpDuplicateAddress,
    // Ethernet trailer (reported under "Ethertype", the dissector that finds it)
    EthernetPaddingNotZero,
    // ICMP and ICMPv6
    IcmpBadChecksum,
    Icmpv6BadChecksum,
    // UDP
    UdpPossibleTraceroute,
    UdpLengthBelowHeader,
    UdpLengthExceedsPayload,
    UdpZeroChecksum,
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
    TcpMalformed,
}

/// <summary>One expert finding in one packet: the item and, for items that carry one, its number.</summary>
public readonly record struct ExpertFinding(ExpertItem Item, uint Argument = 0);

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
            or ExpertItem.DocsisLengthPastEnd or ExpertItem.DocsisExtendedHeaderLengthInvalid or ExpertItem.DocsisBadHcs => ExpertSeverity.Error,
        ExpertItem.Ipv6PayloadLengthExceedsFrame or ExpertItem.ArpDuplicateAddress or ExpertItem.IcmpBadChecksum
            or ExpertItem.Icmpv6BadChecksum or ExpertItem.TcpShortSegment or ExpertItem.TcpReset or ExpertItem.TcpNopRun
            or ExpertItem.TcpMssPresent or ExpertItem.TcpWindowScaleTooLarge or ExpertItem.TcpDsack or ExpertItem.TcpOutOfOrder
            or ExpertItem.TcpLostSegment or ExpertItem.TcpAckLostSegment or ExpertItem.TcpWindowFull
            or ExpertItem.TcpZeroWindow or ExpertItem.ErfPacketLoss or ExpertItem.ErfMoreExtensions
            or ExpertItem.GfpBadCoreHec or ExpertItem.GfpBadTypeHec or ExpertItem.GfpBadExtensionHec or ExpertItem.GfpBadFcs => ExpertSeverity.Warning,
        ExpertItem.UdpPossibleTraceroute or ExpertItem.TcpSyn or ExpertItem.TcpSynAck or ExpertItem.TcpFin
            or ExpertItem.TcpWindowUpdate => ExpertSeverity.Chat,
        _ => ExpertSeverity.Note,
    };

    /// <summary>What <paramref name="item"/> is about.</summary>
    public static ExpertGroup Group(ExpertItem item) => item switch
    {
        ExpertItem.IcmpBadChecksum or ExpertItem.Icmpv6BadChecksum or ExpertItem.UdpZeroChecksum => ExpertGroup.Checksum,
        // tshark files ERF's error flags under checksums.
        ExpertItem.ErfTruncated or ExpertItem.ErfRxError or ExpertItem.ErfDsError or ExpertItem.FppBadCrc or ExpertItem.FppBadMCrc => ExpertGroup.Checksum,
        ExpertItem.DocsisBadHcs => ExpertGroup.Checksum,
        ExpertItem.GfpBadCoreHec or ExpertItem.GfpBadTypeHec or ExpertItem.GfpBadExtensionHec or ExpertItem.GfpBadFcs => ExpertGroup.Checksum,
        ExpertItem.DocsisLengthPastEnd or ExpertItem.DocsisExtendedHeaderLengthInvalid => ExpertGroup.Malformed,
        ExpertItem.Ipv4BogusLength or ExpertItem.Ipv4TotalLengthExceedsPacket or ExpertItem.Ipv6PayloadLengthExceedsFrame
            or ExpertItem.EthernetPaddingNotZero or ExpertItem.TcpBogusHeaderLength or ExpertItem.TcpAckNonzero
            or ExpertItem.TcpUrgentPointerNonzero or ExpertItem.TcpNopRun or ExpertItem.TcpMssPresent
            or ExpertItem.TcpMssAbsent or ExpertItem.TcpWindowScaleTooLarge => ExpertGroup.Protocol,
        ExpertItem.PflogInvalidHeaderLength or ExpertItem.UdpLengthBelowHeader or ExpertItem.UdpLengthExceedsPayload or ExpertItem.TcpShortSegment
            or ExpertItem.TcpSackMalformed or ExpertItem.TcpMalformed => ExpertGroup.Malformed,
        _ => ExpertGroup.Sequence,
    };

    /// <summary>The protocol tshark names <paramref name="item"/> under (its short name).</summary>
    public static string Protocol(ExpertItem item) => item switch
    {
        ExpertItem.Ipv4BogusLength or ExpertItem.Ipv4TotalLengthExceedsPacket or ExpertItem.Ipv4TtlTooSmall
            or ExpertItem.Ipv4TtlLocalControlBlock => "IPv4",
        ExpertItem.Ipv6PayloadLengthExceedsFrame => "IPv6",
        ExpertItem.PflogInvalidHeaderLength => "PFLOG",
        ExpertItem.ErfPacketLoss or ExpertItem.ErfTruncated or ExpertItem.ErfRxError or ExpertItem.ErfDsError or ExpertItem.ErfMoreExtensions => "ERF",
        ExpertItem.FppBadCrc or ExpertItem.FppBadMCrc => "Frame Preemption Protocol",
        ExpertItem.DocsisLengthPastEnd or ExpertItem.DocsisExtendedHeaderLengthInvalid or ExpertItem.DocsisBadHcs => "DOCSIS",
        ExpertItem.GfpBadCoreHec or ExpertItem.GfpBadTypeHec or ExpertItem.GfpBadExtensionHec or ExpertItem.GfpBadFcs => "GFP",
        ExpertItem.ArpDuplicateAddress => "ARP/RARP",
        ExpertItem.EthernetPaddingNotZero => "Ethertype",
        ExpertItem.IcmpBadChecksum => "ICMP",
        ExpertItem.Icmpv6BadChecksum => "ICMPv6",
        ExpertItem.UdpPossibleTraceroute or ExpertItem.UdpLengthBelowHeader or ExpertItem.UdpLengthExceedsPayload
            or ExpertItem.UdpZeroChecksum => "UDP",
        _ => "TCP",
    };

    /// <summary>
    /// tshark's summary of <paramref name="finding"/>, its number put in. Built when a table first meets a finding, not per
    /// packet.
    /// </summary>
    public static string Summary(ExpertFinding finding)
    {
        uint n = finding.Argument;
        return finding.Item switch
        {
            ExpertItem.PflogInvalidHeaderLength => $"Invalid header length {n}",
            ExpertItem.ErfPacketLoss => "Packet loss occurred between previous and current packet",
            ExpertItem.ErfTruncated => "ERF Truncation Error",
            ExpertItem.ErfRxError => "ERF Rx Error",
            ExpertItem.ErfDsError => "ERF DS Error",
            ExpertItem.ErfMoreExtensions => "More extension headers were present, not shown",
            ExpertItem.FppBadCrc => $"Bad CRC checksum [should be 0x{n:x8}]",
            ExpertItem.FppBadMCrc => $"Bad mCRC checksum [should be 0x{n:x8}]",
            ExpertItem.DocsisLengthPastEnd => "Length field value goes past the end of the payload",
            ExpertItem.DocsisExtendedHeaderLengthInvalid => "Extended Header Length Invalid!",
            ExpertItem.DocsisBadHcs => $"Bad checksum [should be 0x{n:x4}]",
            ExpertItem.GfpBadCoreHec => $"Bad cHEC [should be 0x{n:x4}]",
            ExpertItem.GfpBadTypeHec => $"Bad tHEC [should be 0x{n:x4}]",
            ExpertItem.GfpBadExtensionHec => $"Bad eHEC [should be 0x{n:x4}]",
            ExpertItem.GfpBadFcs => "Bad FCS",
            ExpertItem.Ipv4BogusLength => "Bogus IP length",
            ExpertItem.Ipv4TotalLengthExceedsPacket => $"IPv4 total length exceeds packet length ({n} bytes)",
            ExpertItem.Ipv4TtlTooSmall => $"\"Time To Live\" only {n}",
            ExpertItem.Ipv4TtlLocalControlBlock => $"\"Time To Live\" != {n} for a packet sent to the Local Network Control Block (see RFC 3171)",
            ExpertItem.Ipv6PayloadLengthExceedsFrame => $"IPv6 payload length exceeds framing length ({n} bytes)",
            ExpertItem.ArpDuplicateAddress => $"Duplicate IP address configured ({n >> 24}.{(n >> 16) & 0xFF}.{(n >> 8) & 0xFF}.{n & 0xFF})",
            ExpertItem.EthernetPaddingNotZero => "Didn't find padding of zeros, and an undecoded trailer exists. There may be padding of non-zeros.",
            ExpertItem.IcmpBadChecksum or ExpertItem.Icmpv6BadChecksum => $"Bad checksum [should be 0x{n:x4}]",
            ExpertItem.UdpPossibleTraceroute => $"Possible traceroute: hop #{(n - TracerouteFirstPort) / 3 + 1}, attempt #{(n - TracerouteFirstPort) % 3 + 1}",
            ExpertItem.UdpLengthBelowHeader => $"Bad length value {n} < 8",
            ExpertItem.UdpLengthExceedsPayload => $"Bad length value {n} > IP payload length",
            ExpertItem.UdpZeroChecksum => "Illegal checksum value (0)",
            ExpertItem.TcpShortSegment => "Short segment. Segment/fragment does not contain a full TCP header (might be NMAP or someone else deliberately sending unusual packets)",
            ExpertItem.TcpBogusHeaderLength => $"Bogus TCP header length ({n}, must be at least 20)",
            ExpertItem.TcpAckNonzero => "The acknowledgment number field is nonzero while the ACK flag is not set",
            ExpertItem.TcpSynAckAcceptingFastOpenData => "TCP SYN-ACK accepting TFO data",
            ExpertItem.TcpSyn => $"Connection establish request (SYN): server port {n}",
            ExpertItem.TcpSynAck => $"Connection establish acknowledge (SYN+ACK): server port {n}",
            ExpertItem.TcpFin => "Connection finish (FIN)",
            ExpertItem.TcpClosingActive => "This frame initiates the connection closing",
            ExpertItem.TcpClosingPassive => "This frame undergoes the connection closing",
            ExpertItem.TcpReset => "Connection reset (RST)",
            ExpertItem.TcpUrgentPointerNonzero => "The urgent pointer field is nonzero while the URG flag is not set",
            ExpertItem.TcpNopRun => "4 NOP in a row - a router may have removed some options",
            ExpertItem.TcpOptionLengthInvalid => TcpOptionProblem(n),
            ExpertItem.TcpOptionLengthMismatch => $"option length should be {n}",
            ExpertItem.TcpMssPresent => "The non-SYN packet does contain a MSS option",
            ExpertItem.TcpWindowScaleTooLarge => "Window scale shift exceeds 14",
            ExpertItem.TcpSackMalformed => "suboption would go past end of option",
            ExpertItem.TcpDsack => "D-SACK Sequence",
            ExpertItem.TcpMssAbsent => "The SYN packet does not contain a MSS option",
            ExpertItem.TcpReusedPorts => "A new tcp session is started with the same ports as an earlier session in this trace",
            ExpertItem.TcpRetransmission => "This frame is a (suspected) retransmission",
            ExpertItem.TcpFastRetransmission => "This frame is a (suspected) fast retransmission",
            ExpertItem.TcpSpuriousRetransmission => "This frame is a (suspected) spurious retransmission",
            ExpertItem.TcpOutOfOrder => "This frame is a (suspected) out-of-order segment",
            ExpertItem.TcpLostSegment => "Previous segment(s) not captured (common at capture start)",
            ExpertItem.TcpAckLostSegment => "ACKed segment that wasn't captured (common at capture start)",
            ExpertItem.TcpWindowUpdate => "TCP window update",
            ExpertItem.TcpWindowFull => "TCP window specified by the receiver is now completely full",
            ExpertItem.TcpKeepAlive => "TCP keep-alive segment",
            ExpertItem.TcpKeepAliveAck => "ACK to a TCP keep-alive segment",
            ExpertItem.TcpDuplicateAck => $"Duplicate ACK (#{n})",
            ExpertItem.TcpZeroWindowProbe => "TCP Zero Window Probe",
            ExpertItem.TcpZeroWindow => "TCP Zero Window segment",
            ExpertItem.TcpZeroWindowProbeAck => "ACK to a TCP Zero Window Probe",
            ExpertItem.TcpMalformed => "Malformed Packet (Exception occurred)",
            _ => finding.Item.ToString(),
        };
    }

    /// <summary>The first port of the traceroute range tshark recognises (LBL traceroute's 33434 + 1).</summary>
    public const int TracerouteFirstPort = 33435;

    /// <summary>
    /// The argument of <see cref="ExpertItem.TcpOptionLengthInvalid"/>: which problem (bits 16-17: 0 length byte missing,
    /// 1 length below 2, 2 past the end of the options), the option kind (bits 8-15) and its length byte (bits 0-7).
    /// </summary>
    public static uint TcpOptionProblemArgument(int problem, byte kind, byte length) => (uint)problem << 16 | (uint)kind << 8 | length;

    private static string TcpOptionProblem(uint argument)
    {
        string name = TcpOptionName((byte)(argument >> 8));
        uint length = argument & 0xFF;
        string bytes = length == 1 ? "byte" : "bytes";
        return (argument >> 16) switch
        {
            0 => $"{name} (length byte past end of options)",
            1 => $"{name} (with too-short option length = {length} {bytes})",
            _ => $"{name} (option length = {length} {bytes} says option goes past end of options)",
        };
    }

    /// <summary>The name tshark 4.0 gives a TCP option kind in its messages.</summary>
    public static string TcpOptionName(byte kind) => kind switch
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
        _ => $"Unknown (0x{kind:x2})",
    };
}
