using System.Numerics;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;

namespace RawNet.Protocols.Fields;

/// <summary>How a field's value is shown (matching what tshark prints for the Wireshark field of the same name).</summary>
public enum FieldKind : byte
{
    /// <summary>An unsigned number in decimal.</summary>
    Decimal,
    /// <summary>An unsigned number in hexadecimal, zero-padded to the Wireshark field type's width ("0x0800").</summary>
    Hex,
    /// <summary>A flag: "1" or "0" in field output, "True"/"False" in trees.</summary>
    Boolean,
    /// <summary>A 6-byte MAC address.</summary>
    MacAddress,
    /// <summary>A 4-byte IPv4 address.</summary>
    Ipv4Address,
    /// <summary>A 16-byte IPv6 address.</summary>
    Ipv6Address,
    /// <summary>Seconds since the Unix epoch with nine decimals (the value is nanoseconds).</summary>
    EpochTime,
    /// <summary>A signed number in decimal (Wireshark FT_INT32; the value is a <see cref="long"/> stored in the unsigned slot).</summary>
    SignedDecimal,
    /// <summary>A time span in seconds with nine decimals, possibly negative (Wireshark FT_RELATIVE_TIME; the value is nanoseconds as a <see cref="long"/>).</summary>
    RelativeTime,
    /// <summary>A marker with no value (Wireshark FT_NONE): <c>-T fields</c> prints "1" where it is present.</summary>
    Marker,
    /// <summary>
    /// A compressed DNS name, expanded when shown (Wireshark FT_STRING): the value's offset and length are the name's
    /// bytes in place; its number says where the message starts and how long it is (<see cref="Dns.DnsFieldReader.NameValue"/>).
    /// </summary>
    DnsName,
    /// <summary>
    /// A string of bytes shown as text (Wireshark FT_STRING read as ASCII), e.g. a DNS TXT string or an HTTP header
    /// value: the value's offset and length.
    /// </summary>
    Text,
    /// <summary>
    /// A sequence of bytes (Wireshark FT_BYTES), e.g. a payload: the value's offset and length in the layer's buffer, shown
    /// as lowercase hex without separators.
    /// </summary>
    Bytes,
    /// <summary>An HTTP string made from the packet's bytes when shown (a status description, a full URI, file data): see <see cref="Http.HttpFieldReader.TryFormat"/>.</summary>
    HttpText,
    /// <summary>
    /// A string a dissector builds from several of the packet's bytes (Wireshark FT_STRING), written by the field's reader
    /// when shown: Token Ring's ring-bridge pairs (<see cref="TokenRing.TokenRingFieldReader.TryFormat"/>), or from the
    /// packet's layers: the frame's chain of protocols (<see cref="Decoding.ProtocolChain"/>).
    /// </summary>
    BuiltText,
    /// <summary>
    /// Seconds as Wireshark's FT_DOUBLE shows a whole number of 1/256 seconds ("20", "2.5"): the value is nanoseconds,
    /// shown without trailing zeros (spanning tree's times).
    /// </summary>
    Seconds,
}

/// <summary>How the layer tree shows a field's occurrence.</summary>
public enum TreeForm : byte
{
    /// <summary>"Label (name): value".</summary>
    Value,
    /// <summary>The value alone, as the line of the message it is (an HTTP start or header line, CR LF shown as \r\n).</summary>
    Line,
    /// <summary>"Label (name): N bytes", for data too long to show (HTTP file data).</summary>
    ByteCount,
    /// <summary>tshark's own text for a TCP reassembly item ("[Frame: 5, payload: 0-1431 (1432 bytes)]", see <see cref="Tcp.TcpReassemblyFields"/>).</summary>
    Reassembly,
}

/// <summary>A condition on the layer's bytes that decides whether a fixed-offset field is shown at all.</summary>
public enum FieldPresence : byte
{
    /// <summary>Shown whenever its bytes were captured.</summary>
    Always,
    /// <summary>ARP addresses at fixed offsets: only for Ethernet hardware and IPv4 protocol addresses.</summary>
    ArpEthernetIpv4,
    /// <summary>Echo identifier and sequence: only for ICMP echo request and reply.</summary>
    IcmpEcho,
    /// <summary>Echo identifier and sequence: only for ICMPv6 echo request and reply.</summary>
    Icmpv6Echo,
    /// <summary>An Ethernet type field at or above 0x0600, or 0 (tshark's unknown type).</summary>
    EtherTypeIsType,
    /// <summary>An Ethernet type field from 1 to 1500: an 802.3 length.</summary>
    EtherTypeIsLength,
    /// <summary>An SLL (v1) source address that is 6 bytes long (a MAC).</summary>
    SllMacAddress,
    /// <summary>An SLL2 source address that is 6 bytes long (a MAC).</summary>
    Sll2MacAddress,
    /// <summary>Shown only when the TCP data offset is at least 5: tshark stops a TCP header with a bogus length after the ports, sequence number and header length.</summary>
    TcpHeaderLengthValid,
    /// <summary>
    /// Not shown inside an ICMPv4 error's quote: tshark's ICMPv4 dissector adds the quoted TCP sequence number as tcp.seq
    /// itself and leaves tcp.seq_raw out (inside ICMPv6 errors both are there).
    /// </summary>
    NotQuotedByIcmpv4,
    /// <summary>The 4 bytes after an ICMPv4 destination-unreachable "fragmentation needed" code: the next-hop MTU.</summary>
    IcmpFragmentationNeeded,
    /// <summary>DNS fields tshark adds only once the flags word is there (the ID is read with it).</summary>
    DnsFlags,
    /// <summary>DNS flag bits LLMNR reads otherwise (RD, Z, CD): not in an LLMNR header.</summary>
    DnsNameServerFlags,
    /// <summary>DNS flag fields tshark shows for responses only (RCODE).</summary>
    DnsResponse,
    /// <summary>DNS flag fields tshark shows for responses only, and never in LLMNR (AA, RA).</summary>
    DnsNameServerResponse,
    /// <summary>The DNS AD flag: shown for responses, and for queries only when set; never in LLMNR.</summary>
    DnsAuthenticated,
    /// <summary>LLMNR's own flag bits (C, T), where DNS has AA and RD.</summary>
    LlmnrFlags,
    /// <summary>DNS section counts named for queries (opcode other than UPDATE); tshark reads the flags first to choose.</summary>
    DnsNotUpdate,
    /// <summary>DNS section counts named for UPDATE (RFC 2136: zones, prerequisites, updates).</summary>
    DnsUpdate,
    /// <summary>The 802.11 duration field, which a PS-Poll uses for its association ID instead.</summary>
    Ieee80211Duration,
    /// <summary>AVS header fields: tshark shows them only under AVS's cookie of version 1 or 2 (it still takes the header's length).</summary>
    AvsMagic,
    /// <summary>IPoIB pseudo-header fields of a global route header: its first two bytes are not zero.</summary>
    IpoibGlobalRoute,
    /// <summary>IPoIB pseudo-header fields of a destination address alone: its first two bytes are zero.</summary>
    IpoibDestinationOnly,
    /// <summary>The UDP source port: tshark reads both ports before it adds either.</summary>
    UdpPorts,
    /// <summary>ARCNET station IDs: tshark reads both before it adds either.</summary>
    ArcnetAddresses,
    /// <summary>ARCNET's split flag and sequence number: only after a protocol ID of RFC 1201's header, on Linux's layout.</summary>
    ArcnetFragmentFields,
    /// <summary>ARCNET fields at Linux's offsets: not on the BSD layout (<see cref="Arcnet.ArcnetHeader.Bsd"/>), which <see cref="Arcnet.ArcnetFieldReader"/> reads.</summary>
    ArcnetLinux,
    /// <summary>The Juniper magic number: tshark reads the flags byte after it first.</summary>
    JuniperFlags,
    /// <summary>Juniper header fields shown only under the magic "MGC".</summary>
    JuniperMagic,
    /// <summary>The Juniper extensions' total length: under the magic, with the extension flag.</summary>
    JuniperExtensions,
    /// <summary>The IPv6 payload length: tshark reads the next header byte after it before it adds it.</summary>
    Ipv6PayloadLength,
    /// <summary>The IPv4 flags: tshark reads the whole flags and fragment offset word before it adds them.</summary>
    Ipv4FlagsWord,
    /// <summary>The current route: the destination field of a header whose source route names another final destination.</summary>
    Ipv4SourceRouted,
    /// <summary>IPv4's version in a version 6 header IPv4's own dissector handed on to IPv6 (an EtherType of 0x0800).</summary>
    HandedOnByIpv4,
    /// <summary>Apple IP-over-IEEE 1394 addresses: tshark reads both before it adds either.</summary>
    Ap1394Addresses,
    /// <summary>FDDI's SMT subtype: only in an SMT frame (class 0x4).</summary>
    FddiSmt,
    /// <summary>FDDI's MAC subtype: only in a MAC frame (class 0xc) other than the restricted token (0xc0).</summary>
    FddiMac,
    /// <summary>FDDI's priority: only in an asynchronous LLC frame whose reserved bit is clear.</summary>
    FddiAsyncPriority,
    /// <summary>pflog fields of OpenBSD 3.4's layout (a declared length below 61): the direction at 44 and its padding.</summary>
    PflogOld,
    /// <summary>pflog fields from a declared length of 61 on: the user and process IDs, the direction at 60.</summary>
    PflogIds,
    /// <summary>The padding of the 3.8 layout (a declared length from 61 to 99).</summary>
    PflogIdsOnly,
    /// <summary>pflog fields from a declared length of 100 on (OpenBSD 4.9): rewritten flag, padding, ports.</summary>
    PflogFull,
    /// <summary>pflog addresses of the 4.9 layout read as IPv4 (family 2).</summary>
    PflogFullIpv4,
    /// <summary>pflog addresses of the 4.9 layout read as IPv6 (OpenBSD's family 24).</summary>
    PflogFullIpv6,
    /// <summary>pflog addresses of the 4.9 layout shown as bytes (any other family).</summary>
    PflogFullOther,
    /// <summary>enc fields read little-endian (the family's upper 16 bits clear that way), once the family and SPI are there.</summary>
    EncLittleEndian,
    /// <summary>enc fields read big-endian, once the family and SPI are there.</summary>
    EncBigEndian,
    /// <summary>symantec fields of either layout, once the 12 bytes that tell them apart are there.</summary>
    SymantecAny,
    /// <summary>symantec fields of the v2 layout (EtherType at 6).</summary>
    SymantecV2,
    /// <summary>symantec fields of the v3 layout (EtherType at 10).</summary>
    SymantecV3,
    /// <summary>netANALYZER fields of an Ethernet frame's header (version 1, or 2 of type 0).</summary>
    NetanalyzerEthernet,
    /// <summary>netANALYZER's status bits: an Ethernet frame's header with an error bit set.</summary>
    NetanalyzerStatusBits,
    /// <summary>netANALYZER's reception port: an Ethernet frame's header or a buffer state entry.</summary>
    NetanalyzerPort,
    /// <summary>netANALYZER's buffer state entry (version 2, type 2).</summary>
    NetanalyzerBuffer,
    /// <summary>netANALYZER's time tick (version 2, type 3).</summary>
    NetanalyzerTimeTick,
    /// <summary>netANALYZER's GPIO event, once the pseudo-frame's signature matched.</summary>
    NetanalyzerGpio,
    /// <summary>ERF's loss counter: every record type but the colour types.</summary>
    ErfLossCounter,
    /// <summary>EBHSCR's header fields: all 32 header bytes captured.</summary>
    EbhscrHeader,
    /// <summary>EBHSCR's status and major-specific header as plain numbers: Ethernet and unknown major numbers.</summary>
    EbhscrStatus,
    /// <summary>EBHSCR's Ethernet status bits and major-specific flags: major number 0x50.</summary>
    EbhscrEthernet,
    /// <summary>ERF's colour, in the loss counter's place for the colour types.</summary>
    ErfColor,
    /// <summary>ARP's AX.25 hardware addresses (type 3, 7 bytes) at the offsets a 4-byte protocol address leaves.</summary>
    ArpAx25,
    /// <summary>ARP's IPv4 addresses (type 0x0800 or AX.25's 0xcc, 4 bytes) between AX.25 hardware addresses.</summary>
    ArpAx25Ipv4,
    /// <summary>LISP data's warnings and the words its flags place (<see cref="Lisp.LispDataFields.IsPresent"/>).</summary>
    LispEchoWithoutNonce, LispNonceWithMapVersion, LispNonce, LispMapVersion, LispInstanceId, LispLocatorStatusBits8, LispLocatorStatusBits,
    /// <summary>redback fields: all 24 bytes of the header are there (tshark reads both offsets before any field).</summary>
    RedbackHeader,
}

/// <summary>Fields whose value is derived rather than read from fixed bytes, or that occur more than once in a layer.</summary>
public enum ComputedField : ushort
{
    None,
    FrameNumber,
    FrameTimeEpoch,
    FrameLength,
    FrameCapturedLength,
    /// <summary>The chain of protocols in the frame (frame.protocols), written by <see cref="Decoding.ProtocolChain"/>.</summary>
    FrameProtocols,
    FrameEncapsulationType, FrameTime, FrameOffsetShift, FrameMarked, FrameIgnored,
    /// <summary>What the capture file says of the frame beyond its record (<see cref="Decoding.FrameFieldReader"/>): pcapng sections, interfaces, epb_flags (by mask), custom blocks.</summary>
    FrameSectionNumber, FrameInterfaceId, FrameInterfaceName, FrameInterfaceDescription, FramePacketFlags, FramePointToPointDirection, FrameCustomBlock,
    /// <summary>Both addresses of a layer, destination first (eth.addr), or source first (ip.addr, ipv6.addr).</summary>
    EthernetAddresses,
    EthernetAddressOuis, EthernetLgBits, EthernetIgBits, EthernetDestinationOuiName, EthernetSourceOuiName, EthernetAddressOuiNames,
    /// <summary>The FCS at the end of an Ethernet frame that keeps one (eth.fcs).</summary>
    EthernetFcs,
    /// <summary>The padding to 60 bytes and the trailer after what an Ethernet, VLAN or cooked header carries (eth.padding, eth.trailer).</summary>
    EthernetPadding,
    LinkTrailer,
    Ipv4Addresses,
    /// <summary>ip.dst: the header's destination, or a source route's final one (<see cref="Ipv4.Ipv4Header.FinalDestinationOffset"/>).</summary>
    Ipv4Destination,
    Ipv6Addresses,
    /// <summary>Both ports, source first (tcp.port, udp.port).</summary>
    Ports,
    Ipv4HeaderLength,
    Ipv4ChecksumStatus, Ipv4Option, Ipv6AddressDetail, Ipv6Option,
    /// <summary>IPv4 total length, or the layer's extent when the field is 0 (TSO).</summary>
    Ipv4TotalLength,
    /// <summary>IP reassembly's fields on the frame that completed a datagram (ip.fragment, ipv6.fragment...), read by <see cref="Reassembly.IpReassemblyFields"/>.</summary>
    IpReassembly,
    TcpHeaderLength,
    TcpSegmentLength,
    TcpOptionKind,
    TcpOptionLength,
    TcpMaximumSegmentSize,
    TcpWindowScaleShift,
    TcpWindowScaleMultiplier,
    TcpTimestampValue,
    TcpTimestampEchoReply,
    /// <summary>An IPv6 extension header's length in bytes ((len + 1) × 8).</summary>
    ExtensionHeaderLengthBytes,
    /// <summary>GRE optional fields, present per the flags word.</summary>
    GreChecksum,
    GreKey,
    GreSequenceNumber,
    /// <summary>GRE's other fields past the fixed ones: <see cref="Tunnels.GreFieldReader"/> tells them apart by name and walks the SREs.</summary>
    Gre,
    /// <summary>The BSD loopback address family, in whichever byte order the capturing host used.</summary>
    NullFamily,
    /// <summary>PPP fields, placed by the layer's layout and read by <see cref="Ppp.PppFieldReader"/> (PppAddress to PppProtocol).</summary>
    PppAddress,
    PppControl,
    PppDirection,
    PppProtocol,
    /// <summary>The PPP protocol field after a PPPoE session header, 1 or 2 bytes (<see cref="Pppoe.PppoeFieldReader"/>).</summary>
    PppoeProtocol,
    /// <summary>Every derived field of LCP, IPCP and IPv6CP, told apart by its definition (<see cref="Ppp.PppControlFieldReader"/>).</summary>
    PppControlProtocol,
    /// <summary>Every field of PAP and CHAP, told apart by its definition (<see cref="Ppp.PppAuthFieldReader"/>).</summary>
    PppAuthentication,
    /// <summary>SLARP fields by packet type, read by <see cref="CiscoHdlc.SlarpFieldReader"/> (SlarpType to SlarpReliability).</summary>
    SlarpType,
    SlarpAddress,
    SlarpNetmask,
    SlarpMySequence,
    SlarpYourSequence,
    SlarpReliability,
    /// <summary>Radiotap fields placed by the present bitmaps, read by <see cref="Radiotap.RadiotapFieldReader"/> (RadiotapPresentWord to RadiotapFlags).</summary>
    RadiotapPresentWord,
    RadiotapPresentBit,
    RadiotapFlags,
    /// <summary>802.11 fields placed by the frame control, read by <see cref="Ieee80211.Ieee80211FieldReader"/> (Ieee80211TypeSubtype to Ieee80211Fcs).</summary>
    Ieee80211TypeSubtype,
    Ieee80211Address,
    Ieee80211AnyAddress,
    Ieee80211Qos,
    Ieee80211HtControl,
    Ieee80211Fcs,
    /// <summary>LLC fields that depend on the kind of control field and on SNAP, read by <see cref="Llc.LlcFieldReader"/> (LlcControl to LlcPid).</summary>
    LlcControl,
    LlcReceiveSequence,
    LlcSendSequence,
    LlcPoll,
    LlcFinal,
    LlcSupervisoryType,
    LlcCommand,
    LlcResponse,
    LlcUnnumberedFrameType,
    LlcNumberedFrameType,
    LlcOui,
    LlcType,
    LlcPid,
    /// <summary>NFLOG fields, one occurrence per TLV that has them, read by <see cref="Nflog.NflogFieldReader"/> (NflogTlv to NflogTlvValue).</summary>
    NflogTlv,
    NflogTlvLength,
    NflogTlvType,
    NflogProtocol,
    NflogHook,
    NflogInterfaceIn,
    NflogInterfaceOut,
    NflogPhysicalInterfaceIn,
    NflogPhysicalInterfaceOut,
    NflogPrefix,
    NflogUid,
    NflogGid,
    NflogTlvValue,
    /// <summary>Juniper extension TLV values and the payload type, read by <see cref="Juniper.JuniperFieldReader"/> (JuniperDeviceInterfaceIndex to JuniperPayloadType).</summary>
    JuniperDeviceInterfaceIndex,
    JuniperDeviceMediaType,
    JuniperLogicalInterfaceIndex,
    JuniperLogicalUnit,
    JuniperLogicalInterfaceEncapsulation,
    JuniperTtpDeviceMediaType,
    JuniperTtpLogicalInterfaceEncapsulation,
    JuniperAtm1Cookie,
    JuniperAtm2Cookie,
    JuniperAspicCookie,
    JuniperLspicCookie,
    JuniperMlpicCookie,
    JuniperCookieLength,
    JuniperProto,
    JuniperVlan,
    JuniperEncapType,
    JuniperPayloadType,
    /// <summary>ERF fields that move with the extension headers, read by <see cref="Erf.ErfFieldReader"/> (ErfExtensionType to ErfEthernetPad).</summary>
    ErfExtensionType,
    ErfExtensionData,
    ErfEthernetOffset,
    ErfEthernetPad,
    /// <summary>802.3br mPacket fields, read by <see cref="Fpp.FppFieldReader"/> (FppPreamble to FppChecksumStatus).</summary>
    FppPreamble,
    FppPad,
    FppSmd,
    FppFragmentCount,
    FppMData,
    FppCrc,
    FppMCrc,
    FppChecksumStatus,
    /// <summary>EPON preamble fields, read by <see cref="Epon.EponFieldReader"/> (EponSecurity to EponEncryptedData).</summary>
    EponSecurity,
    EponReserved,
    EponEncrypted,
    EponKeyId,
    EponMode,
    EponLlid,
    EponChecksum,
    EponChecksumStatus,
    EponEncryptedData,
    /// <summary>DOCSIS MAC header fields, read by <see cref="Docsis.DocsisFieldReader"/> (DocsisFrameType to DocsisEncryptedSource).</summary>
    DocsisFrameType,
    DocsisFrameParameter,
    DocsisExtendedHeaderOn,
    DocsisMacParm,
    DocsisExtendedHeaderLength,
    DocsisLength,
    DocsisElementType,
    DocsisElementLength,
    DocsisHcs,
    DocsisHcsStatus,
    DocsisEncryptedDestination,
    DocsisEncryptedLgBits, DocsisEncryptedIgBits,
    DocsisEncryptedSource,
    /// <summary>KISS and AX.25 fields, read by <see cref="Ax25.Ax25FieldReader"/> (Ax25KissCommand to Ax25Pid).</summary>
    Ax25KissCommand,
    Ax25KissPort,
    Ax25KissTxDelay,
    Ax25KissPersistence,
    Ax25KissSlotTime,
    Ax25KissTxTail,
    Ax25KissFullDuplex,
    Ax25KissSetHardware,
    Ax25KissDataAck,
    Ax25Via1,
    Ax25Via2,
    Ax25Via3,
    Ax25Via4,
    Ax25Via5,
    Ax25Via6,
    Ax25Via7,
    Ax25Via8,
    Ax25Control,
    Ax25ReceiveSequence,
    Ax25SendSequence,
    Ax25Poll,
    Ax25Final,
    Ax25SupervisoryType,
    Ax25UnnumberedCommand,
    Ax25UnnumberedResponse,
    Ax25InformationType,
    Ax25SuType,
    Ax25Pid,
    /// <summary>VPP dispatch trace fields, read by <see cref="Vpp.VppFieldReader"/> (VppMajorVersion to VppLine).</summary>
    VppMajorVersion,
    VppMinorVersion,
    VppProtocolHint,
    VppBufferIndex,
    VppNodeName,
    VppLine,
    /// <summary>Exported PDU fields, read by <see cref="ExportedPdu.ExportedPduFieldReader"/> (ExportedPduTag to ExportedPduData).</summary>
    ExportedPduTag,
    ExportedPduTagLength,
    ExportedPduProtocolName,
    ExportedPduHeuristicName,
    ExportedPduTableName,
    ExportedPduIpv4Source,
    ExportedPduIpv4Destination,
    ExportedPduIpv4Address,
    ExportedPduIpv6Source,
    ExportedPduIpv6Destination,
    ExportedPduIpv6Address,
    ExportedPduPortType,
    ExportedPduSourcePort,
    ExportedPduDestinationPort,
    ExportedPduSs7Opc,
    ExportedPduSs7Dpc,
    ExportedPduOriginalFrame,
    ExportedPduDvbCiEvent,
    ExportedPduTableValue,
    ExportedPduColumnProtocol,
    ExportedPduP2pDirection,
    ExportedPduUnknownValue,
    ExportedPduData,
    /// <summary>GFP fields, read by <see cref="Gfp.GfpFieldReader"/> (GfpPli to GfpFcsBad).</summary>
    GfpPli,
    GfpCoreHec,
    GfpCoreHecStatus,
    GfpType,
    GfpPti,
    GfpPfi,
    GfpExi,
    GfpUpi,
    GfpTypeHec,
    GfpTypeHecStatus,
    GfpChannelId,
    GfpExtensionHec,
    GfpExtensionHecStatus,
    GfpFcs,
    GfpFcsGood,
    GfpFcsBad,
    /// <summary>802.15.4 MAC header fields, read by <see cref="Ieee802154.Ieee802154FieldReader"/> (WpanFrameControl to WpanFcsOk).</summary>
    WpanFrameControl,
    WpanFrameType,
    WpanSecurity,
    WpanPending,
    WpanAckRequest,
    WpanPanIdCompression,
    WpanReserved,
    WpanSeqnoSuppression,
    WpanIePresent,
    WpanDestinationMode,
    WpanVersion,
    WpanSourceMode,
    WpanSequenceNumber,
    WpanDestinationPan,
    WpanDestination16,
    WpanDestination64,
    WpanSourcePan,
    WpanSource16,
    WpanSource64,
    WpanAddress16,
    WpanAddress64,
    WpanFcs,
    WpanFcsOk,
    /// <summary>802.15.4 TAP fields that move with its TLVs, read by <see cref="Ieee802154.Ieee802154TapFieldReader"/> (WpanTapTlvType to WpanTapDataLength).</summary>
    WpanTapTlvType,
    WpanTapTlvLength,
    WpanTapFcsType,
    WpanTapBitRate,
    WpanTapChannel,
    WpanTapPage,
    WpanTapStartOfFrame,
    WpanTapEndOfFrame,
    WpanTapAsn,
    WpanTapSlotStart,
    WpanTapTimeslotLength,
    WpanTapLqi,
    WpanTapTlvUnknown,
    WpanTapTlvPadding,
    WpanTapDataLength,
    /// <summary>6LoWPAN header fields, read by <see cref="SixLowpan.SixLowpanFieldReader"/> (LowpanPattern to LowpanBroadcastSequence).</summary>
    LowpanPattern,
    LowpanIphcTf,
    LowpanIphcNh,
    LowpanIphcHlim,
    LowpanIphcCid,
    LowpanIphcSac,
    LowpanIphcSam,
    LowpanIphcM,
    LowpanIphcDac,
    LowpanIphcDam,
    LowpanSourceContext,
    LowpanDestinationContext,
    LowpanEcn,
    LowpanDscp,
    LowpanTrafficClass,
    LowpanPadding,
    LowpanFlowLabel,
    LowpanNextHeader,
    LowpanHopLimit,
    LowpanSource,
    LowpanDestination,
    LowpanNhcPattern,
    LowpanNhcUdpChecksum,
    LowpanNhcUdpPorts,
    LowpanUdpSource,
    LowpanUdpDestination,
    LowpanUdpChecksum,
    LowpanFragmentSize,
    LowpanFragmentTag,
    LowpanFragmentOffset,
    LowpanFragment,
    LowpanFragmentOverlap,
    LowpanFragmentOverlapConflicts,
    LowpanFragmentMultipleTails,
    LowpanFragmentTooLong,
    LowpanFragmentError,
    LowpanFragmentCount,
    LowpanReassembledLength,
    LowpanMeshV,
    LowpanMeshF,
    LowpanMeshHops,
    LowpanMeshHops8,
    LowpanMeshOriginator16,
    LowpanMeshOriginator64,
    LowpanMeshDestination16,
    LowpanMeshDestination64,
    LowpanBroadcastSequence,
    /// <summary>MACsec fields that move with the SCI or follow the payload, read by <see cref="Macsec.MacsecFieldReader"/> (MacsecSystemIdentifier to MacsecIcv).</summary>
    MacsecSystemIdentifier,
    MacsecPortIdentifier,
    MacsecEtherType,
    MacsecIcv,
    /// <summary>Arista header fields that depend on its subtype and version, read by <see cref="Arista.AristaFieldReader"/> (AristaVersion to AristaTrailer).</summary>
    AristaVersion,
    AristaUnknownVersion,
    AristaTimestamp64,
    AristaSeconds64,
    AristaNanoseconds64,
    AristaTimestamp48,
    AristaSeconds48,
    AristaNanoseconds48,
    AristaEtherType,
    AristaTrailer,
    /// <summary>NSH fields not at fixed offsets, read by <see cref="Nsh.NshFieldReader"/> (NshServicePathIdentifier to NshMetadata).</summary>
    NshServicePathIdentifier,
    NshLengthInvalid,
    NshContextHeader,
    NshMetadataClass,
    NshMetadataType,
    NshMetadataUnassignedBit,
    NshMetadataLength,
    NshMetadata,
    /// <summary>Frame Relay fields that move with the Q.922 address's length, read by <see cref="FrameRelay.FrameRelayFieldReader"/> (FrFirstAddressOctet to FrSnapType).</summary>
    FrFirstAddressOctet,
    FrUpperDlci,
    FrCommandResponse,
    FrEa,
    FrSecondAddressOctet,
    FrSecondDlci,
    FrFecn,
    FrBecn,
    FrDiscardEligible,
    FrThirdAddressOctet,
    FrThirdDlci,
    FrDlCoreControl,
    FrLowerDlci,
    FrDlCoreIndicator,
    FrDlci,
    FrControl,
    FrControlCommand,
    FrControlResponse,
    FrControlFrameType,
    FrNlpid,
    FrSnapOui,
    FrSnapPid,
    FrSnapType,
    /// <summary>Token Ring fields that depend on source routing, read by <see cref="TokenRing.TokenRingFieldReader"/> (TrAddresses to TrBridge).</summary>
    TrAddresses,
    TrSource,
    TrRouteLength,
    TrBroadcast,
    TrMaxFrameSize,
    TrDirection,
    TrRing,
    TrRingBridgePairs,
    TrBridge,
    /// <summary>FDDI's bit-swapped addresses, read by <see cref="Fddi.FddiFieldReader"/> (FddiDestination to FddiAddresses).</summary>
    FddiDestination,
    FddiSource,
    FddiAddresses,
    /// <summary>ARCNET's fields on the BSD layout, read by <see cref="Arcnet.ArcnetFieldReader"/> (ArcnetProtocolId to ArcnetSequence).</summary>
    ArcnetProtocolId,
    ArcnetExceptionFlag,
    ArcnetPadding,
    ArcnetProtocolIdAgain,
    ArcnetSplitFlag,
    ArcnetSequence,
    /// <summary>L2TP fields that move with the flags or repeat per AVP, read by <see cref="L2tp.L2tpFieldReader"/> (L2tpLength to L2tpAvpDataSequencing), for L2TPv3 too.</summary>
    L2tpLength,
    L2tpTunnel,
    L2tpSession,
    L2tpNs,
    L2tpNr,
    L2tpOffset,
    L2tpOffsetPadding,
    L2tpZeroLengthBody,
    L2tpAvpMandatory,
    L2tpAvpHidden,
    L2tpAvpLength,
    L2tpAvpVendorId,
    L2tpAvpType,
    L2tpAvpMessageType,
    L2tpAvpProtocolVersion,
    L2tpAvpProtocolRevision,
    L2tpAvpHostName,
    L2tpAvpAssignedTunnelId,
    L2tpAvpReceiveWindowSize,
    L2tpAvpAssignedSessionId,
    L2tpAvpCalledNumber,
    L2tpAvpCallingNumber,
    L2tpAvpAssignedControlConnId,
    L2tpAvpLocalSessionId,
    L2tpAvpRemoteSessionId,
    L2tpAvpAssignedCookie,
    L2tpAvpRemoteEndId,
    L2tpAvpPseudowireType,
    L2tpAvpLayer2SpecificSublayer,
    L2tpAvpDataSequencing,
    /// <summary>L2TPv3's own header fields, read by <see cref="L2tp.L2tpv3FieldReader"/> (L2tpv3SessionId to L2tpv3SublayerSequence).</summary>
    L2tpv3SessionId,
    L2tpv3Flags,
    L2tpv3Type,
    L2tpv3LengthBit,
    L2tpv3SequenceBit,
    L2tpv3Version,
    L2tpv3Reserved,
    L2tpv3ControlConnectionId,
    L2tpv3PseudowireType,
    L2tpv3Cookie,
    L2tpv3DefaultSublayer,
    L2tpv3AtmSublayer,
    L2tpv3SublayerSequenceBit,
    L2tpv3SublayerTransportBit,
    L2tpv3SublayerEfciBit,
    L2tpv3SublayerClpBit,
    L2tpv3SublayerCommandResponseBit,
    L2tpv3SublayerSequence,
    /// <summary>DNS values read by <see cref="Dns.DnsFieldReader"/> (DnsStreamLength to DnsOptZReserved): the length before a message over TCP, then one per question or record.</summary>
    DnsStreamLength,
    DnsQueryName,
    DnsQueryNameLength,
    DnsLabelCount,
    DnsQueryType,
    DnsQueryClass,
    DnsQueryUnicast,
    DnsRecordName,
    DnsRecordType,
    DnsRecordClass,
    DnsCacheFlush,
    DnsTtl,
    DnsRecordLength,
    DnsA,
    DnsAaaa,
    DnsCname,
    DnsPtr,
    DnsNs,
    DnsMxPreference,
    DnsMxExchange,
    DnsTxt,
    DnsTxtLength,
    DnsSoaMname,
    DnsSoaRname,
    DnsSoaSerial,
    DnsSoaRefresh,
    DnsSoaRetry,
    DnsSoaExpire,
    DnsSoaMinimum,
    DnsSrvService,
    DnsSrvProto,
    DnsSrvName,
    DnsSrvPriority,
    DnsSrvWeight,
    DnsSrvPort,
    DnsSrvTarget,
    DnsOptUdpPayloadSize,
    DnsOptExtendedRcode,
    DnsOptVersion,
    DnsOptZ,
    DnsOptDo,
    DnsOptZReserved,
    /// <summary>The bytes after the TCP header up to the segment's end, as captured (tcp.payload).</summary>
    TcpPayload,
    /// <summary>The bytes after the UDP header up to the datagram's length, as captured (udp.payload).</summary>
    UdpPayload,
    /// <summary>The captured bytes of a payload layer no protocol was decoded from (data.data).</summary>
    PayloadData,
    /// <summary>How many bytes of that payload were captured (data.len).</summary>
    PayloadLength,
    /// <summary>HTTP items, read in message order by <see cref="Http.HttpFieldReader"/> (HttpFirst to HttpLast).</summary>
    HttpStartLine,
    HttpChat,
    HttpRequestMethod,
    HttpRequestUri,
    HttpRequestUriPath,
    HttpRequestUriQuery,
    HttpRequestUriQueryParameter,
    HttpRequestVersion,
    HttpResponseVersion,
    HttpResponseCode,
    HttpResponseCodeDescription,
    HttpResponsePhrase,
    /// <summary>A header line: http.request.line, http.response.line or http.unknown_header as the message's kind decides, or only the tree's line.</summary>
    HttpRequestLine,
    HttpResponseLine,
    HttpUnknownHeader,
    HttpHeaderLine,
    /// <summary>A known header's value; the definition's offset says which header (<see cref="Http.HttpHeaders.Known"/>).</summary>
    HttpHeader,
    HttpContentLength,
    HttpCookiePair,
    HttpAuthBasic,
    HttpBlankLine,
    HttpLeadingCrlf,
    HttpFullUri,
    HttpRequest,
    HttpResponse,
    HttpNotification,
    HttpFileData,
    /// <summary>A spanning tree field: <see cref="Stp.StpFieldReader"/> tells them apart by definition.</summary>
    Stp,
    /// <summary>An XRA header field: <see cref="Xra.XraFieldReader"/> tells them apart by definition.</summary>
    Xra,
    /// <summary>A GPRS LLC field: <see cref="GprsLlc.GprsLlcFieldReader"/> tells them apart by definition.</summary>
    GprsLlc,
    /// <summary>An SNDCP field: <see cref="GprsLlc.SndcpFieldReader"/> tells them apart by definition.</summary>
    Sndcp,
    /// <summary>A GVRP or GMRP field: <see cref="Garp.GarpFieldReader"/> walks the PDU as tshark does.</summary>
    Garp,
    /// <summary>A TLS record layer field: <see cref="Tls.TlsFieldReader"/> walks the records as tshark does.</summary>
    Tls,
    /// <summary>A Geneve field past the fixed header: <see cref="Tunnels.GeneveFieldReader"/> walks the options as tshark does.</summary>
    Geneve,
    /// <summary>A CAPWAP data channel field past the fixed header: <see cref="Capwap.CapwapFieldReader"/>.</summary>
    Capwap,
    /// <summary>An LWAPP field, placed after the AP identity when there is one: <see cref="Capwap.LwappFieldReader"/>.</summary>
    Lwapp,
    /// <summary>A GTP field past the mandatory header: <see cref="Tunnels.GtpFieldReader"/> reads the optional word and extension headers.</summary>
    Gtp,
    /// <summary>An AMT field past the first byte: <see cref="Amt.AmtFieldReader"/> places it by the message type.</summary>
    Amt,
    /// <summary>A TZSP field: <see cref="Tzsp.TzspFieldReader"/> walks the tags as tshark does.</summary>
    Tzsp,
    /// <summary>A DHCP field: <see cref="Dhcp.DhcpFieldReader"/> walks the message as tshark does.</summary>
    Dhcp,
    /// <summary>An NTP field: <see cref="Ntp.NtpFieldReader"/> walks the message as tshark does.</summary>
    Ntp,
    /// <summary>A Wake-on-LAN field: <see cref="Wol.WolFieldReader"/>.</summary>
    Wol,
    /// <summary>An LLDP field: <see cref="Lldp.LldpFieldReader"/> walks the PDU as tshark does.</summary>
    Lldp,
    /// <summary>A CDP field: <see cref="Cdp.CdpFieldReader"/> walks the PDU as tshark does.</summary>
    Cdp,
    /// <summary>A DTP field: <see cref="Dtp.DtpFieldReader"/> walks the PDU as tshark does.</summary>
    Dtp,
    /// <summary>A UDLD field: <see cref="Udld.UdldFieldReader"/> walks the PDU as tshark does.</summary>
    Udld,
    /// <summary>A VTP field: <see cref="Vtp.VtpFieldReader"/> walks the PDU as tshark does.</summary>
    Vtp,
    /// <summary>An Echo field: <see cref="Echo.EchoFieldReader"/>.</summary>
    Echo,
    /// <summary>A WireGuard field: <see cref="WireGuard.WireGuardFieldReader"/>.</summary>
    WireGuard,
    /// <summary>A SIP or SDP field: <see cref="Sip.SipFieldReader"/> walks the message as tshark does.</summary>
    Sip,
    /// <summary>An NBNS field: <see cref="Nbns.NbnsFieldReader"/> walks the message as tshark does.</summary>
    Nbns,
    /// <summary>A QUIC field: <see cref="Quic.QuicFieldReader"/> walks the datagram's packets as tshark does.</summary>
    Quic,
    /// <summary>An SNMP field: <see cref="Snmp.SnmpFieldReader"/> walks the message as tshark does.</summary>
    Snmp,
    /// <summary>An sFlow field: <see cref="Sflow.SflowFieldReader"/> walks the samples and records as tshark does.</summary>
    Sflow,
    /// <summary>An ATM or LANE field: <see cref="Atm.AtmFieldReader"/> tells them apart by definition.</summary>
    Atm,
    /// <summary>An ICMPv6 body field: <see cref="Icmpv6.Icmpv6FieldReader"/> walks the message as tshark does.</summary>
    Icmpv6,
    /// <summary>An IGMP field: <see cref="Igmp.IgmpFieldReader"/> walks the message as tshark does.</summary>
    Igmp,
    /// <summary>An OSPF field: <see cref="Ospf.OspfFieldReader"/> walks the packet as tshark does.</summary>
    Ospf,
    /// <summary>
    /// A value the conversation tracker computed for the packet (frame times, stream numbers, relative sequence numbers,
    /// the TCP analysis): read from <see cref="Decoding.DecodedPacket.Analysis"/> by <see cref="Conversations.AnalysisFieldReader"/>,
    /// which <see cref="FieldDefinition.Analysis"/> names.
    /// </summary>
    Analysis,
    TcpFlagsText, TcpChecksumStatus, TcpOptions, TcpOptionNop, TcpOptionEol, TcpOptionMss, TcpOptionWindowScale, TcpOptionSackPermitted,
    TcpOptionSack, TcpOptionTimestamp, TcpSackCount, UdpChecksumStatus, IcmpChecksumStatus, IcmpUnused, IcmpRedirectGateway,
    IcmpPointer, IcmpLength, IcmpLengthOriginalDatagram, IcmpDataTime, IcmpDataTimeRelative, EthernetFcsStatus,
    /// <summary>The Redback header's padding and unknown word, read by <see cref="Redback.RedbackFieldReader"/>.</summary>
    RedbackPadding, RedbackUnknown,
    /// <summary>Juniper VN's TLV values, read by <see cref="Juniper.JuniperFieldReader"/>.</summary>
    JuniperVnHostIp, JuniperVnFlags, JuniperVnSource, JuniperVnDestination,
    /// <summary>Juniper's secure tunnel headers, read by <see cref="Juniper.JuniperFieldReader"/>.</summary>
    JuniperStEthernetDestination, JuniperStEthernetSource, JuniperStEthernetType, JuniperStIpLength, JuniperStIpProtocol, JuniperStEspSpi,
    JuniperStEspSequence,
}

/// <summary>A subtree of generated items in a layer's tree, as Wireshark groups them ("[SEQ/ACK analysis]"), possibly nested.</summary>
/// <param name="Heading">The heading line, as Wireshark words it, brackets included.</param>
/// <param name="Parent">The enclosing subtree, or null for one directly under the layer.</param>
public sealed record FieldGroup(string Heading, FieldGroup? Parent = null)
{
    /// <summary>How many subtrees deep this one lies (1 directly under the layer).</summary>
    public int Depth => Parent is null ? 1 : Parent.Depth + 1;

    /// <summary>True when <paramref name="group"/> is this subtree or lies inside it.</summary>
    public bool Contains(FieldGroup? group)
    {
        for (var g = group; g is not null; g = g.Parent)
        {
            if (ReferenceEquals(g, this))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Calls <paramref name="open"/> with each heading to show, outermost first, when a tree moves from fields in
    /// <paramref name="current"/> to fields in <paramref name="next"/> (the subtrees of <paramref name="next"/> that
    /// <paramref name="current"/> is not already inside).
    /// </summary>
    public static void Open<TState>(FieldGroup? next, FieldGroup? current, ref TState state, OpenHeading<TState> open)
    {
        if (next is null || next.Contains(current))
            return;
        Open(next.Parent, current, ref state, open);
        open(next, ref state);
    }
}

/// <summary>Shows one subtree heading (see <see cref="FieldGroup.Open"/>).</summary>
public delegate void OpenHeading<TState>(FieldGroup heading, ref TState state);

/// <summary>
/// One protocol field: its Wireshark name, its label, which layer it belongs to, and where its value comes from. The tables
/// of these (one per protocol, e.g. <c>TcpFields</c>) are the only place a field's name and location are written; field
/// output, the layer tree, JSON and the hex highlighting all read them.
/// </summary>
public sealed class FieldDefinition
{
    private FieldDefinition(string name, string label, LayerKind layer, FieldKind kind, int offset, int size, ulong mask,
        int hexDigits, FieldPresence presence, ComputedField computed, AnalysisValue analysis = AnalysisValue.None,
        FieldGroup? group = null, bool inTree = true, TreeForm treeForm = TreeForm.Value, bool littleEndian = false)
    {
        LittleEndian = littleEndian;
        TreeForm = treeForm;
        Analysis = analysis;
        Group = group;
        InTree = inTree;
        Name = name;
        Label = label;
        Layer = layer;
        Kind = kind;
        Offset = offset;
        Size = size;
        Mask = mask;
        Shift = mask == 0 ? 0 : BitOperations.TrailingZeroCount(mask);
        HexDigits = hexDigits;
        Presence = presence;
        Computed = computed;
    }

    /// <summary>The Wireshark field name ("tcp.srcport").</summary>
    public string Name { get; }

    /// <summary>The label shown in trees ("Source Port").</summary>
    public string Label { get; }

    /// <summary>The layer the field belongs to.</summary>
    public LayerKind Layer { get; }

    /// <summary>How the value is shown.</summary>
    public FieldKind Kind { get; }

    /// <summary>Offset of the field's bytes from the start of its layer's header (fixed fields).</summary>
    public int Offset { get; }

    /// <summary>Number of bytes read for the value (fixed fields).</summary>
    public int Size { get; }

    /// <summary>Bit mask applied to the value read (0 for none).</summary>
    public ulong Mask { get; }

    /// <summary>True for a fixed field stored least significant byte first (radiotap, PPI, 802.11's duration and sequence control).</summary>
    public bool LittleEndian { get; }

    /// <summary>Right shift applied after the mask.</summary>
    public int Shift { get; }

    /// <summary>Hex digits shown for <see cref="FieldKind.Hex"/> (the Wireshark field type's width).</summary>
    public int HexDigits { get; }

    /// <summary>
    /// <see cref="HexDigits"/> of a <see cref="FieldKind.Bytes"/> field that tshark shows with a colon between bytes
    /// (an FT_BYTES field registered with SEP_COLON, e.g. ipv6cp.interface_identifier).
    /// </summary>
    public const int ColonSeparatedBytes = -1;

    /// <summary>A condition on the layer that must hold for the field to be shown.</summary>
    public FieldPresence Presence { get; }

    /// <summary>How a derived field is computed; <see cref="ComputedField.None"/> for fixed-offset fields.</summary>
    public ComputedField Computed { get; }

    /// <summary>For <see cref="ComputedField.Analysis"/> fields: which value of the packet's analysis this is.</summary>
    public AnalysisValue Analysis { get; }

    /// <summary>The subtree of generated items the layer tree shows the field in, or null for none.</summary>
    public FieldGroup? Group { get; }

    /// <summary>False for a marker the tree shows as its group's heading instead (tcp.analysis, tcp.analysis.flags).</summary>
    public bool InTree { get; }

    /// <summary>How the layer tree shows an occurrence.</summary>
    public TreeForm TreeForm { get; }

    /// <summary>
    /// True for an item only the layer tree shows (a line of a message that no Wireshark field names): it has no name,
    /// and <c>-T fields</c>, JSON and filters never see it.
    /// </summary>
    public bool TreeOnly => Name.Length == 0;

    /// <summary>
    /// True when the conversation tracker's pass decides whether and how the field occurs: a value it computes, or a
    /// field of a layer it may rebuild from several segments or take back (HTTP, DNS, data; <see cref="FieldCatalog.FollowsStream"/>),
    /// or the chain of protocols those layers end.
    /// </summary>
    public bool NeedsAnalysis => Computed is ComputedField.Analysis or ComputedField.FrameProtocols || FieldCatalog.FollowsStream(Layer);

    /// <summary>True when the value is read from fixed bytes of the header.</summary>
    public bool IsFixed => Computed == ComputedField.None;

    /// <summary>A field at a fixed offset in its layer's header.</summary>
    /// <remarks>
    /// A <see cref="FieldKind.Marker"/> of size 0 heads a subtree: shown once the header reaches its offset, as tshark
    /// shows an FT_NONE item that runs past the captured bytes.
    /// </remarks>
    public static FieldDefinition Fixed(string name, string label, LayerKind layer, int offset, int size, FieldKind kind,
        ulong mask = 0, FieldPresence presence = FieldPresence.Always, FieldGroup? group = null, bool inTree = true) =>
        new(name, label, layer, kind, offset, size, mask, DefaultHexDigits(size, mask), presence, ComputedField.None, group: group, inTree: inTree);

    /// <summary>Fixed bytes tshark shows with a colon between them (FT_FCWWN, or FT_BYTES registered with SEP_COLON).</summary>
    public static FieldDefinition FixedColonBytes(string name, string label, LayerKind layer, int offset, int size,
        FieldPresence presence = FieldPresence.Always) =>
        new(name, label, layer, FieldKind.Bytes, offset, size, 0, ColonSeparatedBytes, presence, ComputedField.None);

    /// <summary>A field at a fixed offset stored least significant byte first, as 802.11 and its capture headers store theirs.</summary>
    public static FieldDefinition FixedLittleEndian(string name, string label, LayerKind layer, int offset, int size, FieldKind kind,
        ulong mask = 0, FieldPresence presence = FieldPresence.Always) =>
        new(name, label, layer, kind, offset, size, mask, DefaultHexDigits(size, mask), presence, ComputedField.None, littleEndian: true);

    /// <summary>A hexadecimal field whose Wireshark type is wider or narrower than the bytes read (e.g. FT_UINT24 flow label).</summary>
    public static FieldDefinition FixedHex(string name, string label, LayerKind layer, int offset, int size, int hexDigits, ulong mask = 0) =>
        new(name, label, layer, FieldKind.Hex, offset, size, mask, hexDigits, FieldPresence.Always, ComputedField.None);

    /// <summary>
    /// A field derived from the layer (or the frame's metadata) by <paramref name="computed"/>; <paramref name="inTree"/>
    /// false for one the layer trees leave out (a payload, which they show as a layer of its own).
    /// </summary>
    public static FieldDefinition Derived(string name, string label, LayerKind layer, FieldKind kind, ComputedField computed, int hexDigits = 0,
        bool inTree = true, ulong mask = 0) =>
        new(name, label, layer, kind, 0, 0, mask, hexDigits, FieldPresence.Always, computed, inTree: inTree);

    /// <summary>
    /// A value the conversation tracker computed (<see cref="ComputedField.Analysis"/>); <paramref name="mask"/> selects
    /// one TCP analysis flag for <see cref="AnalysisValue.TcpAnalysisFlag"/>.
    /// </summary>
    public static FieldDefinition Tracked(string name, string label, LayerKind layer, FieldKind kind, AnalysisValue analysis,
        FieldGroup? group = null, ulong mask = 0, bool inTree = true, TreeForm treeForm = TreeForm.Value) =>
        new(name, label, layer, kind, 0, 0, mask, 0, FieldPresence.Always, ComputedField.Analysis, analysis, group, inTree, treeForm);

    /// <summary>
    /// An occurrence-per-item field of a protocol whose tree lists items in message order (HTTP); an empty
    /// <paramref name="name"/> makes an item only the tree shows. <paramref name="offset"/> is the reader's own
    /// argument (HTTP: the header it is the value of).
    /// </summary>
    public static FieldDefinition Item(string name, string label, LayerKind layer, FieldKind kind, ComputedField computed,
        TreeForm treeForm = TreeForm.Value, bool inTree = true, int offset = 0, int hexDigits = 0) =>
        new(name, label, layer, kind, offset, 0, 0, hexDigits, FieldPresence.Always, computed, inTree: inTree, treeForm: treeForm);

    private static int DefaultHexDigits(int size, ulong mask) => size * 2;

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>One occurrence of a field in a decoded packet: its numeric value and the bytes it came from.</summary>
/// <param name="Number">The value for numeric, boolean and time fields; unused for addresses.</param>
/// <param name="Offset">Offset of the field's bytes in its layer's buffer (for addresses: where to read them).</param>
/// <param name="Length">Number of bytes the field covers (0 for values derived from several places).</param>
public readonly record struct FieldValue(ulong Number, int Offset, int Length)
{
    /// <summary>
    /// The number of a MAC address value shown with each byte's bits reversed (tshark's bit-swapped FDDI addresses);
    /// any other number shows the bytes as they are.
    /// </summary>
    public const ulong BitReversedMac = 1;

    /// <summary>
    /// The number of a MAC address value shown with the top bit of its first byte cleared (tshark's hidden second
    /// tr.src, the source address without Token Ring's routing information indicator).
    /// </summary>
    public const ulong SourceRouteClearedMac = 2;
}
