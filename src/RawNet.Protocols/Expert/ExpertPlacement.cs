using RawNet.Protocols.Decoding;

namespace RawNet.Protocols.Expert;

/// <summary>
/// Where tshark 4.0 shows each expert item in its tree (<c>-V</c>, <c>-T json</c>): the item's own field name (what the
/// <c>_ws.expert</c> object names first, <c>tcp.connection.syn</c>), the field it hangs under (<c>tcp.flags.syn</c>), and
/// the layer of the protocol that adds it.
/// </summary>
public static class ExpertPlacement
{
    /// <summary>The parent that is the "[TCP Analysis Flags]" subtree: the items there are the tcp.analysis.* flags themselves.</summary>
    public const string TcpAnalysisFlags = "tcp.analysis.flags";

    /// <summary>The layer whose protocol adds <paramref name="item"/>; <see cref="LayerKind.Frame"/> for the malformed exception, which stands after the layers.</summary>
    public static LayerKind Layer(ExpertItem item) => item switch
    {
        ExpertItem.TcpMalformed => LayerKind.Frame,
        ExpertItem.PflogInvalidHeaderLength => LayerKind.Pflog,
        ExpertItem.RedbackUnknownProtocol => LayerKind.Redback,
        ExpertItem.JuniperVnIncorrectFormat => LayerKind.Juniper,
        ExpertItem.ErfPacketLoss or ExpertItem.ErfTruncated or ExpertItem.ErfRxError or ExpertItem.ErfDsError or ExpertItem.ErfMoreExtensions => LayerKind.Erf,
        ExpertItem.FppBadCrc or ExpertItem.FppBadMCrc => LayerKind.Fpp,
        ExpertItem.EponSldBad or ExpertItem.EponDpoeReservedBad or ExpertItem.EponDpoeBad or ExpertItem.EponBadChecksum
            or ExpertItem.EponEncryptedData => LayerKind.Epon,
        ExpertItem.DocsisLengthPastEnd or ExpertItem.DocsisExtendedHeaderLengthInvalid or ExpertItem.DocsisBadHcs => LayerKind.Docsis,
        ExpertItem.GfpBadCoreHec or ExpertItem.GfpBadTypeHec or ExpertItem.GfpBadExtensionHec or ExpertItem.GfpBadFcs => LayerKind.Gfp,
        ExpertItem.Ipv4BogusLength or ExpertItem.Ipv4TotalLengthExceedsPacket or ExpertItem.Ipv4TtlTooSmall or ExpertItem.Ipv4TtlLocalControlBlock => LayerKind.Ipv4,
        ExpertItem.Ipv6PayloadLengthExceedsFrame or ExpertItem.Ipv6BogusVersion or ExpertItem.Ipv6InvalidHeader
            or ExpertItem.Ipv6PayloadLengthZero or ExpertItem.Ipv4BogusVersionSix or ExpertItem.Ipv6JumboMissing => LayerKind.Ipv6,
        ExpertItem.IpBogusVersion or ExpertItem.Ipv4BogusVersion or ExpertItem.Ipv4BogusHeaderLength
            or ExpertItem.Ipv4OptionLengthInvalid or ExpertItem.Ipv4NopRun or ExpertItem.Ipv4OptionPointerBeforeAddress or ExpertItem.Ipv4OptionPointerMiddleAddress or ExpertItem.Ipv4SuboptionTooLong => LayerKind.Ipv4,
        ExpertItem.Ipv6JumboProhibited or ExpertItem.Ipv6JumboTruncated or ExpertItem.Ipv6OptionHeaderMismatch
            or ExpertItem.Ipv6OptionLengthInvalid or ExpertItem.Ipv6OptionUnknownData => LayerKind.Ipv6HopByHop,
        ExpertItem.EthernetLengthPastEnd or ExpertItem.EthernetSourceGroup => LayerKind.Ethernet,
        ExpertItem.UdpLengthBadZero => LayerKind.Udp,
        ExpertItem.ArpDuplicateAddress => LayerKind.Arp,
        ExpertItem.EthernetPaddingNotZero => LayerKind.Ethernet,
        ExpertItem.IcmpBadChecksum => LayerKind.Icmp,
        ExpertItem.Icmpv6BadChecksum => LayerKind.Icmpv6,
        ExpertItem.IgmpBadChecksum => LayerKind.Igmp,
        ExpertItem.RgmpBadChecksum => LayerKind.Rgmp,
        ExpertItem.CdpBadChecksum or ExpertItem.CdpEnergyWiseLengthInvalid or ExpertItem.CdpInvalidData => LayerKind.Cdp,
        ExpertItem.DtpLengthTooShort or ExpertItem.DtpLengthInvalid or ExpertItem.DtpTruncated or ExpertItem.DtpMacLengthShort or ExpertItem.DtpMacLengthLong => LayerKind.Dtp,
        ExpertItem.UdldTlvLengthInvalid => LayerKind.Udld,
        ExpertItem.VtpTlvLengthBad => LayerKind.Vtp,
        ExpertItem.GreIncorrectChecksum => LayerKind.Gre,
        ExpertItem.TlsIgnoredUnknownRecord => LayerKind.Tls,
        ExpertItem.QuicRetransmission or ExpertItem.QuicOverlap => LayerKind.Quic,
        ExpertItem.HttpChat or ExpertItem.HttpLeadingCrlf or ExpertItem.HttpBadHeaderName => LayerKind.Http,
        ExpertItem.SipUnrecognisedHeader or ExpertItem.SipHeaderNoColon or ExpertItem.SipInvalidContentLength or ExpertItem.SipHeaderNotTerminated => LayerKind.Sip,
        ExpertItem.UdpPossibleTraceroute or ExpertItem.UdpLengthBelowHeader or ExpertItem.UdpLengthExceedsPayload or ExpertItem.UdpZeroChecksum => LayerKind.Udp,
        _ => LayerKind.Tcp,
    };

    /// <summary>The item's own field name, as tshark's JSON names it inside its <c>_ws.expert</c> object.</summary>
    public static string FieldName(ExpertItem item) => item switch
    {
        ExpertItem.PflogInvalidHeaderLength => "pflog.invalid_header_length",
        ExpertItem.RedbackUnknownProtocol => "redback.protocol.unknown",
        ExpertItem.JuniperVnIncorrectFormat => "juniper.vn.incorrect_format",
        ExpertItem.ErfPacketLoss => "erf.packet_loss",
        ExpertItem.ErfTruncated or ExpertItem.ErfRxError or ExpertItem.ErfDsError => "erf.checksum.error",
        ExpertItem.ErfMoreExtensions => "erf.ehdr.more_not_shown",
        ExpertItem.FppBadCrc => "fpp.crc32_bad",
        ExpertItem.FppBadMCrc => "fpp.mcrc32_bad",
        ExpertItem.EponSldBad => "epon.sld_bad.expert",
        // epon registers its reserved bits' item and its encrypted data's under one name
        ExpertItem.EponDpoeReservedBad or ExpertItem.EponEncryptedData => "epon.dpoe.encrypted.expert",
        ExpertItem.EponDpoeBad => "epon.dpoe.expert",
        ExpertItem.EponBadChecksum => "epon.checksum_bad.expert",
        ExpertItem.DocsisLengthPastEnd => "docsis.len.past_end",
        ExpertItem.DocsisExtendedHeaderLengthInvalid => "docsis.ehdr.len.past_end",
        ExpertItem.DocsisBadHcs => "docsis.hcs_bad",
        ExpertItem.GfpBadCoreHec => "gfp.chec.bad",
        ExpertItem.GfpBadTypeHec => "gfp.thec.bad",
        ExpertItem.GfpBadExtensionHec => "gfp.ehec.bad",
        ExpertItem.GfpBadFcs => "gfp.fcs.bad",
        ExpertItem.EthernetLengthPastEnd => "eth.len.past_end",
        ExpertItem.EthernetSourceGroup => "eth.src_not_group",
        ExpertItem.IpBogusVersion or ExpertItem.Ipv4BogusVersion or ExpertItem.Ipv4BogusVersionSix => "ip.bogus_ip_version",
        ExpertItem.Ipv4BogusHeaderLength => "ip.bogus_header_length",
        ExpertItem.Ipv4OptionLengthInvalid => "ip.opt.len.invalid",
        ExpertItem.Ipv4NopRun => "ip.nop",
        ExpertItem.Ipv4OptionPointerBeforeAddress => "ip.opt.ptr.before_address",
        ExpertItem.Ipv4OptionPointerMiddleAddress => "ip.opt.ptr.middle_address",
        ExpertItem.Ipv4SuboptionTooLong => "ip.subopt_too_long",
        ExpertItem.Ipv6BogusVersion => "ipv6.bogus_ipv6_version",
        ExpertItem.Ipv6InvalidHeader => "ipv6.invalid_header",
        ExpertItem.Ipv6PayloadLengthZero => "ipv6.plen_zero",
        ExpertItem.Ipv6JumboProhibited => "ipv6.opt.jumbo.prohibited",
        ExpertItem.Ipv6JumboMissing => "ipv6.opt.jumbo.missing",
        ExpertItem.Ipv6JumboTruncated => "ipv6.opt.jumbo.truncated",
        ExpertItem.Ipv6OptionHeaderMismatch => "ipv6.opt.header_mismatch",
        ExpertItem.Ipv6OptionLengthInvalid => "ipv6.opt.invalid_len",
        ExpertItem.Ipv6OptionUnknownData => "ipv6.opt.unknown_data.expert",
        ExpertItem.UdpLengthBadZero => "udp.length.bad_zero",
        ExpertItem.Ipv4BogusLength or ExpertItem.Ipv4TotalLengthExceedsPacket => "ip.bogus_ip_length",
        ExpertItem.Ipv4TtlTooSmall => "ip.ttl.too_small",
        ExpertItem.Ipv4TtlLocalControlBlock => "ip.ttl.lncb",
        ExpertItem.Ipv6PayloadLengthExceedsFrame => "ipv6.plen_exceeds_framing",
        ExpertItem.ArpDuplicateAddress => "arp.duplicate-address-detected",
        ExpertItem.EthernetPaddingNotZero => "eth.padding_bad",
        ExpertItem.IcmpBadChecksum => "icmp.checksum_bad",
        ExpertItem.Icmpv6BadChecksum => "icmpv6.checksum_bad.expert",
        ExpertItem.IgmpBadChecksum => "igmp.bad_checksum",
        ExpertItem.RgmpBadChecksum => "rgmp.bad_checksum",
        ExpertItem.CdpBadChecksum => "cdp.bad_checksum",
        ExpertItem.CdpEnergyWiseLengthInvalid => "cdp.nrgyz_tlv.length.invalid",
        ExpertItem.CdpInvalidData => "cdp.invalid_data",
        ExpertItem.DtpLengthTooShort => "dtp.tlv_len.too_short",
        ExpertItem.DtpLengthInvalid => "dtp.tlv_len.invalid",
        ExpertItem.DtpTruncated => "dtp.truncated",
        // proto.c's check of a fixed-length field's length
        ExpertItem.DtpMacLengthShort or ExpertItem.DtpMacLengthLong => "_ws.type_length.mismatch",
        ExpertItem.UdldTlvLengthInvalid => "udld.tlv.len.invalid",
        ExpertItem.VtpTlvLengthBad => "vtp.vlan_info.tlv_len.bad",
        ExpertItem.GreIncorrectChecksum => "gre.checksum.incorrect",
        ExpertItem.TlsIgnoredUnknownRecord => "tls.ignored_unknown_record",
        ExpertItem.QuicRetransmission => "quic.retransmission",
        ExpertItem.QuicOverlap => "quic.overlap",
        ExpertItem.HttpChat => "http.chat",
        ExpertItem.HttpLeadingCrlf => "http.leading_crlf",
        ExpertItem.HttpBadHeaderName => "http.bad_header_name",
        ExpertItem.SipUnrecognisedHeader => "sip.unrecognized_header",
        ExpertItem.SipHeaderNoColon => "sip.header_no_colon",
        ExpertItem.SipInvalidContentLength => "sip.content_length.invalid",
        ExpertItem.SipHeaderNotTerminated => "sip.header_not_terminated",
        ExpertItem.UdpPossibleTraceroute => "udp.possible_traceroute",
        ExpertItem.UdpLengthBelowHeader or ExpertItem.UdpLengthExceedsPayload => "udp.length.bad",
        ExpertItem.UdpZeroChecksum => "udp.checksum.zero",
        ExpertItem.TcpShortSegment => "tcp.short_segment",
        ExpertItem.TcpBogusHeaderLength => "tcp.bogus_header_length",
        ExpertItem.TcpAckNonzero => "tcp.ack.nonzero",
        ExpertItem.TcpSynAckAcceptingFastOpenData => "tcp.analysis.tfo_ack",
        ExpertItem.TcpSyn => "tcp.connection.syn",
        ExpertItem.TcpSynAck => "tcp.connection.synack",
        ExpertItem.TcpFin => "tcp.connection.fin",
        ExpertItem.TcpClosingActive => "tcp.connection.fin_active",
        ExpertItem.TcpClosingPassive => "tcp.connection.fin_passive",
        ExpertItem.TcpReset => "tcp.connection.rst",
        ExpertItem.TcpUrgentPointerNonzero => "tcp.urgent_pointer.non_zero",
        ExpertItem.TcpNopRun => "tcp.nop",
        ExpertItem.TcpOptionLengthInvalid or ExpertItem.TcpOptionLengthMismatch => "tcp.option.len.invalid",
        ExpertItem.TcpMssPresent => "tcp.options.mss.present",
        ExpertItem.TcpWindowScaleTooLarge => "tcp.options.wscale.shift.invalid",
        ExpertItem.TcpSackMalformed => "tcp.suboption_malformed",
        ExpertItem.TcpDsack => "tcp.options.sack.dsack",
        ExpertItem.TcpMssAbsent => "tcp.options.mss.absent",
        ExpertItem.TcpReusedPorts => "tcp.analysis.reused_ports",
        ExpertItem.TcpRetransmission => "tcp.analysis.retransmission",
        ExpertItem.TcpFastRetransmission => "tcp.analysis.fast_retransmission",
        ExpertItem.TcpSpuriousRetransmission => "tcp.analysis.spurious_retransmission",
        ExpertItem.TcpOutOfOrder => "tcp.analysis.out_of_order",
        ExpertItem.TcpLostSegment => "tcp.analysis.lost_segment",
        ExpertItem.TcpAckLostSegment => "tcp.analysis.ack_lost_segment",
        ExpertItem.TcpWindowUpdate => "tcp.analysis.window_update",
        ExpertItem.TcpWindowFull => "tcp.analysis.window_full",
        ExpertItem.TcpKeepAlive => "tcp.analysis.keep_alive",
        ExpertItem.TcpKeepAliveAck => "tcp.analysis.keep_alive_ack",
        ExpertItem.TcpDuplicateAck => "tcp.analysis.duplicate_ack",
        ExpertItem.TcpZeroWindowProbe => "tcp.analysis.zero_window_probe",
        ExpertItem.TcpZeroWindow => "tcp.analysis.zero_window",
        ExpertItem.TcpZeroWindowProbeAck => "tcp.analysis.zero_window_probe_ack",
        _ => "_ws.malformed.expert",
    };

    /// <summary>
    /// The field tshark hangs <paramref name="finding"/> under, or null when its parent is a text line of tshark's own
    /// (an option's subtree, "D-SACK Sequence", the options' heading): then it stands under its protocol's heading. An
    /// item that names its bytes (<see cref="ExpertFinding.Bytes"/>: HTTP's and SIP's) has none: it hangs under the line
    /// of its layer that starts where its bytes do (<see cref="HangsAt"/>).
    /// </summary>
    /// <param name="finding">The item, with its number (a traceroute item's port).</param>
    /// <param name="udpDestinationPort">The UDP datagram's destination port: a traceroute item hangs under the port in the range.</param>
    public static string? ParentName(ExpertFinding finding, uint udpDestinationPort = 0) => finding.Item switch
    {
        ExpertItem.PflogInvalidHeaderLength => "pflog.length",
        ExpertItem.RedbackUnknownProtocol => "redback.protocol",
        ExpertItem.ErfPacketLoss => "erf.lctr",
        ExpertItem.ErfTruncated => "erf.flags.trunc",
        ExpertItem.ErfRxError => "erf.flags.rxe",
        ExpertItem.ErfDsError => "erf.flags.dse",
        ExpertItem.FppBadCrc => "fpp.crc32",
        ExpertItem.FppBadMCrc => "fpp.mcrc32",
        ExpertItem.EponDpoeReservedBad or ExpertItem.EponDpoeBad => "epon.dpoe.sec",
        ExpertItem.EponBadChecksum => "epon.checksum",
        ExpertItem.EponEncryptedData => "epon.dpoe.encrypted.data",
        ExpertItem.DocsisLengthPastEnd => "docsis.len",
        ExpertItem.DocsisExtendedHeaderLengthInvalid => "docsis.ehdr.len",
        ExpertItem.DocsisBadHcs => "docsis.hcs",
        ExpertItem.GfpBadCoreHec => "gfp.chec",
        ExpertItem.GfpBadTypeHec => "gfp.thec",
        ExpertItem.GfpBadExtensionHec => "gfp.ehec",
        ExpertItem.GfpBadFcs => "gfp.fcs_bad",
        ExpertItem.EthernetLengthPastEnd => "eth.len",
        ExpertItem.EthernetSourceGroup => "eth.src",
        ExpertItem.IpBogusVersion or ExpertItem.Ipv4BogusVersion or ExpertItem.Ipv4BogusVersionSix => "ip.version",
        ExpertItem.Ipv4BogusHeaderLength => "ip.hdr_len",
        // a fixed option's wrong length hangs under its length; the other problems are items of their own
        ExpertItem.Ipv4OptionLengthInvalid when finding.Argument >> 24 == 3 => "ip.opt.len",
        // (a time stamp's is an item of its own: argument 1)
        ExpertItem.Ipv4OptionPointerBeforeAddress or ExpertItem.Ipv4OptionPointerMiddleAddress => "ip.opt.ptr",
        ExpertItem.Ipv4SuboptionTooLong when finding.Argument == 0 => "ip.opt.ptr",
        ExpertItem.Ipv6BogusVersion => "ipv6.version",
        ExpertItem.Ipv6PayloadLengthZero or ExpertItem.Ipv6JumboMissing => "ipv6.plen",
        ExpertItem.Ipv6JumboProhibited => "ipv6.opt",
        ExpertItem.Ipv6JumboTruncated => "ipv6.opt.jumbo",
        ExpertItem.Ipv6OptionHeaderMismatch => "ipv6.opt.type",
        ExpertItem.Ipv6OptionLengthInvalid => "ipv6.opt.length",
        ExpertItem.Ipv6OptionUnknownData when (finding.Argument >> 8 & 0xFF) == 1 => "ipv6.opt.unknown",
        ExpertItem.Ipv6OptionUnknownData => "ipv6.opt_unknown_data",
        ExpertItem.UdpLengthBadZero => "udp.length",
        ExpertItem.Ipv4BogusLength or ExpertItem.Ipv4TotalLengthExceedsPacket => "ip.len",
        ExpertItem.Ipv4TtlTooSmall or ExpertItem.Ipv4TtlLocalControlBlock => "ip.ttl",
        ExpertItem.Ipv6PayloadLengthExceedsFrame => "ipv6.plen",
        ExpertItem.EthernetPaddingNotZero => "eth.trailer",
        ExpertItem.IcmpBadChecksum => "icmp.checksum",
        ExpertItem.Icmpv6BadChecksum => "icmpv6.checksum",
        ExpertItem.IgmpBadChecksum => "igmp.checksum",
        ExpertItem.RgmpBadChecksum => "rgmp.checksum",
        ExpertItem.CdpBadChecksum => "cdp.checksum",
        ExpertItem.DtpLengthTooShort or ExpertItem.DtpLengthInvalid => "dtp.tlv_len",
        ExpertItem.UdldTlvLengthInvalid => "udld.tlv.len",
        ExpertItem.GreIncorrectChecksum => "gre.checksum",
        ExpertItem.UdpPossibleTraceroute => finding.Argument == udpDestinationPort ? "udp.dstport" : "udp.srcport",
        ExpertItem.UdpLengthBelowHeader or ExpertItem.UdpLengthExceedsPayload => "udp.length",
        ExpertItem.UdpZeroChecksum => "udp.checksum",
        ExpertItem.TcpBogusHeaderLength => "tcp.hdr_len",
        ExpertItem.TcpAckNonzero or ExpertItem.TcpSynAckAcceptingFastOpenData => "tcp.ack",
        ExpertItem.TcpSyn or ExpertItem.TcpSynAck => "tcp.flags.syn",
        ExpertItem.TcpFin => "tcp.flags.fin",
        ExpertItem.TcpReset => "tcp.flags.reset",
        ExpertItem.TcpClosingActive or ExpertItem.TcpClosingPassive => "tcp.flags.str",
        ExpertItem.TcpUrgentPointerNonzero => "tcp.urgent_pointer",
        ExpertItem.TcpOptionLengthMismatch => "tcp.option_len",
        ExpertItem.TcpMssPresent => "tcp.options.mss",
        ExpertItem.TcpWindowScaleTooLarge => "tcp.options.wscale.shift",
        ExpertItem.TcpNopRun or ExpertItem.TcpMssAbsent => "tcp.options",
        ExpertItem.TcpReusedPorts or ExpertItem.TcpRetransmission or ExpertItem.TcpFastRetransmission
            or ExpertItem.TcpSpuriousRetransmission or ExpertItem.TcpOutOfOrder or ExpertItem.TcpLostSegment
            or ExpertItem.TcpAckLostSegment or ExpertItem.TcpWindowUpdate or ExpertItem.TcpWindowFull or ExpertItem.TcpKeepAlive
            or ExpertItem.TcpKeepAliveAck or ExpertItem.TcpZeroWindowProbe or ExpertItem.TcpZeroWindow
            or ExpertItem.TcpZeroWindowProbeAck => TcpAnalysisFlags,
        ExpertItem.TcpDuplicateAck => "tcp.analysis.duplicate_ack_frame",
        ExpertItem.TcpMalformed => "_ws.malformed",
        _ => null,
    };

    /// <summary>
    /// True when <paramref name="finding"/> hangs under the line whose bytes start at <paramref name="offset"/> in its
    /// layer's buffer: the item names its bytes, and they start there (the start line an HTTP chat quotes, the header line
    /// with a bad name, the line of an unrecognised SIP header).
    /// </summary>
    public static bool HangsAt(in ExpertFinding finding, int offset) => finding.Bytes.IsSet && finding.Bytes.Offset == offset;

    /// <summary>
    /// Whether <paramref name="layer"/> can be the one that added <paramref name="item"/>: a bogus version or header length
    /// is the version byte the decoder kept alone (an outer IPv4 header comes first), IPv4's bogus version 6 the IPv6 layer
    /// it handed on.
    /// </summary>
    private static bool Fits(ExpertItem item, in Layer layer) => item switch
    {
        ExpertItem.IpBogusVersion or ExpertItem.Ipv4BogusVersion or ExpertItem.Ipv4BogusHeaderLength or ExpertItem.Ipv6BogusVersion => layer.HeaderLength == 1,
        ExpertItem.Ipv4BogusVersionSix => (layer.Detail & Ipv6.Ipv6LayerDetail.HandedOnByIpv4) != 0,
        _ => true,
    };

    /// <summary>
    /// Which of <paramref name="packet"/>'s layers each of its expert items belongs to, in <paramref name="layers"/> (as long
    /// as the items; 0 for the malformed exception, which stands after the layers; the last layer for an item whose layer is not found).
    /// Items come in layer order, so each is matched with the first layer of its kind at or after the previous item's.
    /// </summary>
    public static void AssignLayers(DecodedPacket packet, ReadOnlySpan<ExpertFinding> findings, Span<int> layers)
    {
        int from = 1;
        for (int f = 0; f < findings.Length && f < layers.Length; f++)
        {
            // an item that names its bytes names its layer
            if (findings[f].Bytes.IsSet)
            {
                layers[f] = findings[f].Bytes.Layer;
                from = findings[f].Bytes.Layer;
                continue;
            }
            var kind = Layer(findings[f].Item);
            // an IPv6 option's item belongs to the options header it is in
            if (kind == LayerKind.Ipv6HopByHop && (findings[f].Argument >> 16 & 1) == 1)
                kind = LayerKind.Ipv6DestinationOptions;
            layers[f] = kind == LayerKind.Frame ? 0 : packet.LayerCount - 1;
            if (kind == LayerKind.Frame)
                continue;
            // the Ethernet trailer is judged last, but belongs to the outermost Ethernet header
            bool trailer = findings[f].Item == ExpertItem.EthernetPaddingNotZero;
            int start = trailer ? 1 : from;
            for (int i = start; i < packet.LayerCount; i++)
            {
                if (packet[i].Kind == kind && !packet[i].Quoted && Fits(findings[f].Item, packet[i]))
                {
                    layers[f] = i;
                    if (!trailer)
                        from = i;
                    break;
                }
            }
        }
    }
}
