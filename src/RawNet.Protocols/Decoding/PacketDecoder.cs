using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using RawNet.Protocols.Arcnet;
using RawNet.Protocols.Arista;
using RawNet.Protocols.Arp;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.CiscoHdlc;
using RawNet.Protocols.FrameRelay;
using RawNet.Protocols.Dns;
using RawNet.Protocols.Http;
using RawNet.Protocols.Loopback;
using RawNet.Protocols.Ethernet;
using RawNet.Protocols.Icmp;
using RawNet.Protocols.Igmp;
using RawNet.Protocols.Ospf;
using RawNet.Protocols.Icmpv6;
using RawNet.Protocols.Ieee80211;
using RawNet.Protocols.Fddi;
using RawNet.Protocols.Llc;
using RawNet.Protocols.Garp;
using RawNet.Protocols.Stp;
using RawNet.Protocols.Ipv4;
using RawNet.Protocols.Ipv6;
using RawNet.Protocols.Ipnet;
using RawNet.Protocols.Pflog;
using RawNet.Protocols.Enc;
using RawNet.Protocols.Erf;
using RawNet.Protocols.Nflog;
using RawNet.Protocols.Ap1394;
using RawNet.Protocols.Ipfc;
using RawNet.Protocols.Netanalyzer;
using RawNet.Protocols.Fpp;
using RawNet.Protocols.Ax25;
using RawNet.Protocols.Docsis;
using RawNet.Protocols.Vpp;
using RawNet.Protocols.ExportedPdu;
using RawNet.Protocols.Gfp;
using RawNet.Protocols.Ebhscr;
using RawNet.Protocols.Ipoib;
using RawNet.Protocols.Juniper;
using RawNet.Protocols.L2tp;
using RawNet.Protocols.Lisp;
using RawNet.Protocols.LinuxCooked;
using RawNet.Protocols.Macsec;
using RawNet.Protocols.Mpls;
using RawNet.Protocols.Nsh;
using RawNet.Protocols.Pktap;
using RawNet.Protocols.Ppi;
using RawNet.Protocols.Ppp;
using RawNet.Protocols.Pppoe;
using RawNet.Protocols.Prism;
using RawNet.Protocols.Radiotap;
using RawNet.Protocols.Reassembly;
using RawNet.Protocols.Tcp;
using RawNet.Protocols.Tunnels;
using RawNet.Protocols.Udp;
using RawNet.Protocols.Vlan;
using RawNet.Protocols.TokenRing;

namespace RawNet.Protocols.Decoding;

/// <summary>Settings for <see cref="PacketDecoder"/>.</summary>
/// <param name="Defragment">Reassemble IPv4 and IPv6 fragments (on by default, as in tshark).</param>
/// <param name="VerifyChecksums">Verify IPv4, TCP, UDP, ICMP and ICMPv6 checksums.</param>
/// <param name="Reassembly">Bounds on reassembly state.</param>
/// <param name="FollowSessions">
/// Learn what earlier packets set up and decode later ones by it, as tshark does (L2TPv3 sessions: cookie, sublayer,
/// pseudowire; which of Wake-on-LAN's and WireGuard's UDP heuristics last took a payload, tried first). Only for packets decoded in capture order: a decoder that decodes packets out of order (the UI's random
/// access) turns it off, so a packet always decodes the same way.
/// </param>
/// <param name="TsharkUdpPorts">
/// Give a UDP payload to tshark's dissector on the lower port when tshark would (<see cref="UdpPortTable"/>: it stays
/// data), before RawNet's own protocol on the higher one. Off, only RawNet's own ports count, in the order of tcpdump's UDP
/// printers, whichever port is lower: the tcpdump summary decodes a frame again so when the port tcpdump prints by lost
/// the payload.
/// </param>
public readonly record struct DecoderOptions(bool Defragment = true, bool VerifyChecksums = true, ReassemblyLimits Reassembly = default,
    bool FollowSessions = true, bool TsharkUdpPorts = true)
{
    /// <summary>The defaults: reassembly, checksum verification and sessions on.</summary>
    public static DecoderOptions Default => new(true, true, ReassemblyLimits.Default);
}

/// <summary>
/// Decodes frames into a caller-owned <see cref="DecodedPacket"/>: a switch on link type, EtherType and protocol number,
/// every read bounds-checked, no exceptions and no allocation per packet. Stateful only for IP reassembly and what L2TPv3
/// session set-ups teach (a bounded table, <see cref="L2tpv3Sessions"/>; <see cref="DecoderOptions.FollowSessions"/>), so use one
/// decoder per packet stream, on one thread.
/// </summary>
public sealed partial class PacketDecoder
{
    /// <summary>Most IPv6 extension headers walked per IPv6 header (a bounded walk).</summary>
    public const int MaxExtensionHeaders = 8;

    /// <summary>Most IP headers in one packet (IP-in-IP nesting and ICMP quotes included).</summary>
    public const int MaxNetworkLayers = 6;

    /// <summary>Most VLAN tags walked in one frame.</summary>
    public const int MaxVlanTags = 4;

    /// <summary>Most NFLOG TLVs walked in one message (the kernel writes about a dozen).</summary>
    public const int MaxNflogTlvs = 64;

    /// <summary>Most Juniper extension TLVs walked in one header (a router writes about six).</summary>
    public const int MaxJuniperExtensions = 64;

    /// <summary>Most MPLS label stack entries walked in one packet (a bounded walk: each is a layer).</summary>
    public const int MaxMplsLabels = 16;

    /// <summary>How many NSH headers, one inside the other, are decoded (tshark has no bound).</summary>
    public const int MaxNshHeaders = 4;

    /// <summary>How many MAC frames bridged behind SNAP's OUI 00-80-C2, one inside the other, are decoded (tshark has no bound).</summary>
    public const int MaxBridgedFrames = 8;

    private readonly DecoderOptions _options;
    private readonly IpReassembler? _reassembler;

    // What L2TPv3 control messages taught of their sessions, for the data messages after them (tshark's "Detect").
    private readonly L2tpv3Sessions _l2tpv3Sessions = new();

    // Which of UDP's heuristics tshark tries first: the last of Wake-on-LAN's and WireGuard's that took a payload whole
    // (tshark moves a heuristic that succeeds to the front of the list); Wake-on-LAN's at the start.
    private bool _wireGuardFirst;

    // Per-decode state: the packet being filled and the number of IP headers met so far.
    private DecodedPacket _packet = null!;
    private int _networkLayers;

    // MAC frames bridged behind SNAP (RFC 2684, RFC 2427) met so far in this packet: bounded by MaxBridgedFrames.
    private int _bridgedFrames;

    /// <summary>The stop reason of a packet whose Ethernet FCS the capture cut after everything above it was read.</summary>
    public const string FcsCutReason = "Ethernet FCS cut short by the capture length";

    /// <summary>Why a packet whose layers were all read stopped in its Ethernet trailer (padding, a monitoring trailer, a guessed FCS).</summary>
    public const string TrailerCutReason = "Ethernet trailer cut short by the capture length";

    // Offset (in the IPv6 layer's buffer) of the final destination named by a routing header with segments left, which
    // replaces the IPv6 destination in the transport pseudo-header (RFC 8200 8.1); -1 when there is none. Set by the
    // extension-header walk and read by the transport decoded right after it.
    private int _routedDestination = -1;

    // True while decoding the transport header of a first fragment that is not reassembled: the rest of the datagram is
    // in later fragments, so its length may exceed this packet and its checksum cannot be verified (as tshark does).
    private bool _partialDatagram;

    /// <summary>Creates a decoder.</summary>
    public PacketDecoder(DecoderOptions options)
    {
        _options = options;
        var limits = options.Reassembly.MaxDatagramsInProgress == 0 ? ReassemblyLimits.Default : options.Reassembly;
        _reassembler = options.Defragment ? new IpReassembler(limits) : null;
        _lowpanReassembler = options.Defragment ? new SixLowpanReassembler(limits) : null;
    }

    /// <summary>Creates a decoder with the default options.</summary>
    public PacketDecoder() : this(DecoderOptions.Default)
    {
    }

    /// <summary>True for the link types whose headers RawNet decodes; frames of other types show frame fields only.</summary>
    public static bool DecodesLinkType(LinkType linkType) => linkType is LinkType.Ethernet or LinkType.Raw or LinkType.Ipv4
        or LinkType.Ipv6 or LinkType.Null or LinkType.Loop or LinkType.LinuxSll or LinkType.LinuxSll2
        or LinkType.Ppp or LinkType.PppHdlc or LinkType.PppWithDirection or LinkType.CiscoHdlc or LinkType.FrameRelay
        or LinkType.PppPppd or LinkType.CiscoHdlcWithDirection or LinkType.FrameRelayWithDirection or LinkType.Mpls
        or LinkType.Ieee80211 or LinkType.Ieee80211Radiotap or LinkType.Ppi or LinkType.Prism or LinkType.Avs
        or LinkType.Nflog or LinkType.Ipnet or LinkType.Ipoib
        or LinkType.Pktap or LinkType.ArcnetLinux or LinkType.ArcnetBsd or LinkType.JuniperEther or LinkType.TokenRing or LinkType.Fddi or LinkType.AtmRfc1483
        or LinkType.AppleIpOverIeee1394 or LinkType.IpOverFc or LinkType.Netanalyzer or LinkType.NetanalyzerTransparent
        or LinkType.Pflog or LinkType.Enc or LinkType.Erf
        or LinkType.EthernetMpacket
        or LinkType.Epon
        or LinkType.Docsis or LinkType.GprsLlc or LinkType.DocsisXra31
        or LinkType.Ax25 or LinkType.Ax25Kiss
        or LinkType.VppDispatch or LinkType.WiresharkUpperPdu
        or LinkType.GfpTransparent or LinkType.GfpFrameMapped
        or LinkType.Ebhscr or LinkType.Tzsp
        or LinkType.Ieee802154WithFcs or LinkType.Ieee802154NoFcs or LinkType.Ieee802154NonAskPhy or LinkType.Ieee802154Tap
        or LinkType.SunAtm
        or LinkType.SymantecFirewall or LinkType.Enc13 or LinkType.CiscoHdlc112 or LinkType.Redback or LinkType.JuniperVn or LinkType.JuniperSt
        or LinkType.Raw12 or LinkType.Raw14 or LinkType.AtmRfc1483Bsd or LinkType.PppoeSession or LinkType.AtmClip or LinkType.AtmClip16 or LinkType.AtmClip18 or LinkType.AtmClip19
        or LinkType.JuniperPppoe or LinkType.JuniperPpp or LinkType.JuniperFrameRelay or LinkType.JuniperChdlc or LinkType.JuniperVp
        or LinkType.JuniperMlppp or LinkType.JuniperMlfr or LinkType.JuniperGgsn or LinkType.JuniperAtm2 or LinkType.JuniperServices or LinkType.JuniperAtm1;

    /// <summary>Linux's Classical IP over ATM under any of its numbers (16, 18, 19, 106), which tshark reads alike.</summary>
    public static bool IsAtmClip(LinkType linkType) => linkType is LinkType.AtmClip or LinkType.AtmClip16 or LinkType.AtmClip18 or LinkType.AtmClip19;

    /// <summary>The reassembler, when defragmentation is on (for its counters).</summary>
    public IpReassembler? Reassembler => _reassembler;

    /// <summary>Decodes one frame into <paramref name="packet"/>; never throws for any input bytes.</summary>
    public DecodeOutcome Decode(ReadOnlySpan<byte> frame, in FrameMetadata metadata, long frameNumber, DecodedPacket packet)
    {
        packet.Reset(metadata, frameNumber);
        _packet = packet;
        _networkLayers = 0;
        _bridgedFrames = 0;
        _partialDatagram = false;
        int reported = Math.Max(metadata.OriginalLength, frame.Length);
        packet.Add(LayerKind.Frame, 0, 0, reported);
        var input = new Span(frame, frame, LayerSource.Frame, quoted: false);
        // Ethernet without DecodeLink's frame: most captures are Ethernet.
        if (metadata.LinkType == LinkType.Ethernet && metadata.FcsLengthFromFlags == 0)
            DecodeEthernet(input, 0, frame.Length, reported);
        else if (metadata.LinkType == LinkType.Ethernet)
            DecodeEthernetWithFlaggedFcs(input, metadata.FcsLengthFromFlags, frame.Length, reported);
        else
            DecodeLink(input, metadata.LinkType, 0, frame.Length, reported);
        if (packet.Outcome == DecodeOutcome.Ok)
        {
            ref readonly Layer last = ref packet[packet.LayerCount - 1];
            packet.StoppedAt = last.Kind;
            packet.StopOffset = last.Source == LayerSource.Frame ? last.Offset + last.HeaderLength : frame.Length;
        }
        _packet = null!;
        return packet.Outcome;
    }

    /// <summary>The buffer being decoded and whether its layers are quoted inside an ICMP error.</summary>
    private readonly ref struct Span
    {
        public readonly ReadOnlySpan<byte> Bytes;
        public readonly ReadOnlySpan<byte> Frame;
        public readonly LayerSource Source;
        public readonly bool Quoted;

        public Span(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> frame, LayerSource source, bool quoted)
        {
            Bytes = bytes;
            Frame = frame;
            Source = source;
            Quoted = quoted;
        }

        /// <summary>The buffer a layer decoded earlier points into.</summary>
        public ReadOnlySpan<byte> BufferOf(in Layer layer) => layer.Source == LayerSource.Frame ? Frame : Bytes;
    }

    /// <summary>
    /// The link header at <paramref name="start"/> (not 0 only behind a PKTAP header, for the link types
    /// <see cref="PktapHeader.TryGetLinkType"/> hands on), then what it carries.
    /// </summary>
    private void DecodeLink(in Span input, LinkType linkType, int start, int capEnd, int repEnd)
    {
        var bytes = input.Bytes;
        switch (linkType)
        {
            case LinkType.Ethernet:
                DecodeEthernet(input, start, capEnd, repEnd);
                return;
            case LinkType.Raw or LinkType.Raw12 or LinkType.Raw14: // tshark's wiretap reads the three as one
                if (capEnd - start < 1)
                {
                    Stop(capEnd < repEnd ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Frame, start, "empty raw IP frame");
                    return;
                }
                DecodeIpByVersion(input, start, capEnd, repEnd);
                return;
            case LinkType.Ipv4:
                DecodeIpv4(input, start, capEnd, repEnd);
                return;
            case LinkType.Ipv6:
                DecodeIpv6(input, start, capEnd, repEnd);
                return;
            case LinkType.Null:
            case LinkType.Loop:
            {
                if (!Header(input, LayerKind.Null, start, LoopbackHeader.Length, capEnd, repEnd, out int loopback))
                    return;
                bool networkOrder = linkType == LinkType.Loop;
                _packet.LayerRef(loopback).Detail = networkOrder ? LoopbackHeader.NetworkOrder : (byte)0;
                uint family = LoopbackHeader.Family(bytes[start..], networkOrder);
                int next = start + LoopbackHeader.Length;
                // tshark's null.type table hands AF_INET to the version-sniffing "ip" dissector.
                if (family == LoopbackHeader.Inet)
                    DecodeIpByDispatcher(input, next, capEnd, repEnd);
                else if (LoopbackHeader.IsInet6(family))
                    DecodeIpv6(input, next, capEnd, repEnd);
                else
                    Unsupported(input, next, capEnd, repEnd, "unknown loopback address family");
                return;
            }
            case LinkType.LinuxSll:
            {
                if (!Header(input, LayerKind.LinuxSll, start, LinuxCookedHeader.SllLength, capEnd, repEnd, out int sll))
                    return;
                DecodeCookedProtocol(input, LinuxCookedHeader.SllProtocol(bytes[start..]), start + LinuxCookedHeader.SllLength, capEnd, repEnd);
                ReadTrailer(input, sll, capEnd, repEnd, guessesFcs: false);
                return;
            }
            case LinkType.LinuxSll2:
            {
                if (!Header(input, LayerKind.LinuxSll2, start, LinuxCookedHeader.Sll2Length, capEnd, repEnd, out int sll2))
                    return;
                DecodeCookedProtocol(input, LinuxCookedHeader.Sll2Protocol(bytes[start..]), start + LinuxCookedHeader.Sll2Length, capEnd, repEnd);
                ReadTrailer(input, sll2, capEnd, repEnd, guessesFcs: false);
                return;
            }
            case LinkType.Ppp:
            case LinkType.PppHdlc:
                DecodePppHdlc(input, start, capEnd, repEnd);
                return;
            case LinkType.CiscoHdlc or LinkType.CiscoHdlc112: // tshark's wiretap reads both as Cisco HDLC
                DecodeCiscoHdlc(input, start, capEnd, repEnd);
                return;
            case LinkType.Pktap:
                DecodePktap(input, start, capEnd, repEnd);
                return;
            case LinkType.FrameRelay:
                DecodeFrameRelay(input, start, capEnd, repEnd);
                return;
            case LinkType.PppWithDirection:
                // tshark's pcap reader takes the direction byte out of the frame as a pseudo-header.
                StripPseudoHeader(1);
                // As tshark: Cisco HDLC after the direction byte, which then belongs to no layer.
                if (capEnd > 1 && CiscoHdlcHeader.IsAddress(bytes[1]))
                    DecodeCiscoHdlc(input, 1, capEnd, repEnd);
                else
                    DecodePpp(input, 0, PppFraming.HdlcWithDirection, capEnd, repEnd);
                return;
            // tshark 4.0 reads none of the four (its pcap reader refuses the file); each is read as libpcap defines it,
            // what follows the direction byte by the decoder of the link type without one. pppd's byte is PPP's address.
            case LinkType.PppPppd:
                DecodePpp(input, start, PppFraming.Pppd, capEnd, repEnd);
                return;
            case LinkType.CiscoHdlcWithDirection:
            case LinkType.FrameRelayWithDirection:
                if (capEnd - start < 1)
                {
                    Stop(capEnd < repEnd ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Frame, start, "no direction byte");
                    return;
                }
                if (linkType == LinkType.CiscoHdlcWithDirection)
                    DecodeCiscoHdlc(input, start + 1, capEnd, repEnd);
                else
                    DecodeFrameRelay(input, start + 1, capEnd, repEnd);
                return;
            case LinkType.Mpls:
                DecodeMpls(input, start, capEnd, repEnd);
                return;
            case LinkType.Ieee80211:
                DecodeIeee80211(input, 0, capEnd, repEnd, fcs: false, dataPad: false);
                return;
            case LinkType.Ieee80211Radiotap:
                DecodeRadiotap(input, capEnd, repEnd);
                return;
            case LinkType.Ppi:
                DecodePpi(input, capEnd, repEnd);
                return;
            case LinkType.Prism:
                DecodePrism(input, 0, capEnd, repEnd);
                return;
            case LinkType.Avs:
                DecodeAvs(input, capEnd, repEnd);
                return;
            case LinkType.Nflog:
                DecodeNflog(input, capEnd, repEnd);
                return;
            case LinkType.Ipnet:
                DecodeIpnet(input, capEnd, repEnd);
                return;
            case LinkType.Ipoib:
                DecodeIpoib(input, capEnd, repEnd);
                return;
            case LinkType.ArcnetLinux:
                DecodeArcnet(input, capEnd, repEnd);
                return;
            case LinkType.ArcnetBsd:
                DecodeArcnetBsd(input, capEnd, repEnd);
                return;
            case LinkType.JuniperEther:
                DecodeJuniper(input, capEnd, repEnd, JuniperLink.Ethernet);
                return;
            case LinkType.JuniperPppoe or LinkType.JuniperPpp or LinkType.JuniperFrameRelay or LinkType.JuniperChdlc or LinkType.JuniperVp
                or LinkType.JuniperMlppp or LinkType.JuniperMlfr or LinkType.JuniperGgsn or LinkType.JuniperAtm2 or LinkType.JuniperServices
                or LinkType.JuniperAtm1 or LinkType.JuniperSt:
                DecodeJuniper(input, capEnd, repEnd, JuniperHeader.LinkOf(linkType));
                return;
            case LinkType.AppleIpOverIeee1394:
                // As tshark: the EtherType straight to its table (no 802.3 length; RARP is ARP's), data for anything else.
                if (!Header(input, LayerKind.Ap1394, 0, Ap1394Header.Length, capEnd, repEnd, out _))
                    return;
                Ap1394Header.TryRead(bytes[..capEnd], out var ap1394);
                if (ap1394.EtherType == Ap1394Header.ReverseArp)
                    DecodeArp(input, Ap1394Header.Length, capEnd, repEnd);
                else
                    DecodeEtherType(input, (EtherType)ap1394.EtherType, Ap1394Header.Length, capEnd, repEnd, 0);
                return;
            case LinkType.IpOverFc:
                // As tshark: LLC after the Network_Header, whatever its addresses say.
                if (Header(input, LayerKind.Ipfc, 0, IpfcHeader.Length, capEnd, repEnd, out _))
                    DecodeLlc(input, IpfcHeader.Length, capEnd, repEnd);
                return;
            case LinkType.Pflog:
                DecodePflog(input, capEnd, repEnd);
                return;
            case LinkType.Enc or LinkType.Enc13: // tshark's wiretap reads OpenBSD's DLT_ENC number as LINKTYPE_ENC
                DecodeEnc(input, capEnd, repEnd);
                return;
            case LinkType.SymantecFirewall:
                DecodeSymantec(input, capEnd, repEnd);
                return;
            case LinkType.Redback:
                DecodeRedback(input, capEnd, repEnd);
                return;
            case LinkType.JuniperVn:
                DecodeJuniperVn(input, capEnd, repEnd);
                return;
            case LinkType.Netanalyzer or LinkType.NetanalyzerTransparent:
                DecodeNetanalyzer(input, capEnd, repEnd, transparent: linkType == LinkType.NetanalyzerTransparent);
                return;
            case LinkType.Erf:
                DecodeErf(input, capEnd, repEnd);
                return;
            case LinkType.EthernetMpacket:
                DecodeFpp(input, capEnd, repEnd);
                return;
            case LinkType.Epon:
                DecodeEpon(input, capEnd, repEnd);
                return;
            case LinkType.Docsis:
                DecodeDocsis(input, 0, capEnd, repEnd);
                return;
            case LinkType.GprsLlc:
                DecodeGprsLlc(input, capEnd, repEnd);
                return;
            case LinkType.DocsisXra31:
                DecodeXra(input, capEnd, repEnd);
                return;
            case LinkType.Ax25:
                DecodeAx25(input, 0, capEnd, repEnd);
                return;
            case LinkType.Ax25Kiss:
                DecodeAx25Kiss(input, capEnd, repEnd);
                return;
            case LinkType.VppDispatch:
                DecodeVpp(input, capEnd, repEnd);
                return;
            case LinkType.WiresharkUpperPdu:
                DecodeExportedPdu(input, capEnd, repEnd);
                return;
            case LinkType.GfpTransparent or LinkType.GfpFrameMapped:
                DecodeGfp(input, capEnd, repEnd);
                return;
            case LinkType.Ebhscr:
                DecodeEbhscr(input, capEnd);
                return;
            case LinkType.Tzsp:
                DecodeTzsp(input, 0, capEnd, repEnd);
                return;
            case LinkType.Ieee802154WithFcs or LinkType.Ieee802154NoFcs:
                DecodeIeee802154(input, 0, capEnd, repEnd, linkType == LinkType.Ieee802154WithFcs);
                return;
            case LinkType.Ieee802154NonAskPhy:
                DecodeIeee802154NonAskPhy(input, capEnd, repEnd);
                return;
            case LinkType.Ieee802154Tap:
                DecodeIeee802154Tap(input, capEnd, repEnd);
                return;
            case LinkType.TokenRing:
                DecodeTokenRing(input, 0, capEnd, repEnd);
                return;
            case LinkType.AtmRfc1483 or LinkType.AtmRfc1483Bsd:
                // As tshark: LLC from the first byte, no header of ATM's own.
                DecodeLlc(input, 0, capEnd, repEnd);
                return;
            case LinkType.Fddi:
                DecodeFddi(input, 0, capEnd, repEnd, bitSwapped: true);
                return;
            case LinkType.SunAtm:
                DecodeSunAtm(input, capEnd, repEnd);
                return;
            case LinkType.AtmClip or LinkType.AtmClip16 or LinkType.AtmClip18 or LinkType.AtmClip19:
                // As tshark's "clip": no header, the version-sniffing "ip" dissector from the first byte (LLC/SNAP too).
                DecodeIpByDispatcher(input, start, capEnd, repEnd);
                return;
            case LinkType.PppoeSession:
                DecodePppoeSession(input, start, capEnd, repEnd);
                return;
            default:
                Unsupported(input, 0, capEnd, repEnd, "link type not decoded");
                return;
        }
    }

    /// <summary>
    /// A header whose length is declared in its own first bytes (radiotap, PPI, AVS): the fixed part, then the whole
    /// declared length. False when either is short, or when the declared length is below <paramref name="minLength"/>
    /// (the layer keeps its fixed part and is malformed).
    /// </summary>
    private bool DeclaredHeader(in Span input, LayerKind kind, int fixedLength, int minLength, int capEnd, int repEnd, out int length, int start = 0)
    {
        length = 0;
        if (!Header(input, kind, start, fixedLength, capEnd, repEnd, out int index))
            return false;
        var bytes = input.Bytes[start..capEnd];
        long declared = kind switch
        {
            LayerKind.Radiotap => RadiotapHeader.TryRead(bytes, out var radiotap) ? radiotap.Length : 0,
            LayerKind.Ppi => PpiHeader.TryRead(bytes, out var ppi) ? ppi.Length : 0,
            _ => PrismHeader.AvsLength(bytes),
        };
        length = (int)Math.Min(declared, int.MaxValue);
        if (length < minLength)
        {
            Malformed(ref _packet.LayerRef(index), input, kind, start, "header length below its minimum");
            return false;
        }
        return Header(input, kind, start, length, capEnd, repEnd, out _, replace: index);
    }

    /// <summary>Radiotap, then 802.11 with the FCS and padding its Flags field announces.</summary>
    private void DecodeRadiotap(in Span input, int capEnd, int repEnd, int start = 0)
    {
        if (!DeclaredHeader(input, LayerKind.Radiotap, RadiotapHeader.FixedLength, RadiotapHeader.MinLength, capEnd, repEnd, out int length, start))
            return;
        RadiotapHeader.TryRead(input.Bytes.Slice(start, length), out var radiotap);
        byte flags = radiotap.FlagsValue;
        DecodeIeee80211(input, start + length, capEnd, repEnd, (flags & RadiotapHeader.Flags.FcsAtEnd) != 0, (flags & RadiotapHeader.Flags.DataPad) != 0);
    }

    /// <summary>PPI, then what its DLT names: 802.11 (with an FCS when its 802.11-Common field says so) or Ethernet.</summary>
    private void DecodePpi(in Span input, int capEnd, int repEnd)
    {
        if (!DeclaredHeader(input, LayerKind.Ppi, PpiHeader.FixedLength, PpiHeader.FixedLength, capEnd, repEnd, out int length))
            return;
        PpiHeader.TryRead(input.Bytes[..length], out var ppi);
        if (!ppi.FieldsFit)
        {
            Malformed(ref _packet.LayerRef(_packet.LayerCount - 1), input, LayerKind.Ppi, 0, "PPI field runs past the header");
            return;
        }
        switch (ppi.Dlt)
        {
            case LinkType.Ieee80211:
                DecodeIeee80211(input, length, capEnd, repEnd, ppi.HasFcs, dataPad: false);
                return;
            case LinkType.Ethernet:
                DecodeEthernet(input, length, capEnd, repEnd);
                return;
            default:
                Unsupported(input, length, capEnd, repEnd, "PPI link type not decoded");
                return;
        }
    }

    /// <summary>
    /// An NFLOG message: its header and TLVs as tshark walks them (a bounded walk), one layer over all of them, then the
    /// last NFULA_PAYLOAD's packet by the last packet header's hardware protocol (an EtherType), or without one by the
    /// family; anything else is data. A TLV cut by the capture or running past the packet ends the decoding there, before
    /// any payload, as tshark's exception does; a TLV length below 4 quietly ends the walk.
    /// </summary>
    private void DecodeNflog(in Span input, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Nflog, 0, NflogHeader.Length, capEnd, repEnd, out int index))
            return;
        var bytes = input.Bytes[..capEnd];
        var tlvs = new NflogTlvs(bytes, repEnd);
        int payload = -1, payloadLength = 0, walked = 0;
        ushort hardwareProtocol = 0;
        while (walked < MaxNflogTlvs && tlvs.MoveNext())
        {
            walked++;
            var value = tlvs.Value;
            if (tlvs.Type == NflogTlvType.PacketHeader && value.Length == 4)
                hardwareProtocol = BinaryPrimitives.ReadUInt16BigEndian(value);
            else if (tlvs.Type == NflogTlvType.Payload)
            {
                payload = tlvs.Offset + NflogHeader.TlvHeaderLength;
                payloadLength = value.Length;
            }
        }
        ref Layer layer = ref _packet.LayerRef(index);
        layer.HeaderLength = Math.Min(capEnd, Math.Max(NflogHeader.Length, tlvs.Next));
        if (walked == MaxNflogTlvs && tlvs.MoveNext())
        {
            Unsupported(input, layer.HeaderLength, capEnd, repEnd, "more NFLOG TLVs than RawNet walks");
            return;
        }
        switch (tlvs.End)
        {
            case NflogWalkEnd.Truncated:
                layer.Status = LayerStatus.Truncated;
                StopShort(input, LayerKind.Nflog, tlvs.Next, capEnd, repEnd, "NFLOG TLV cut short by the capture length");
                return;
            case NflogWalkEnd.Malformed:
                Malformed(ref layer, input, LayerKind.Nflog, tlvs.Next, "NFLOG TLV length runs past the end of the packet");
                return;
        }
        if (payload < 0)
            return;
        int end = payload + payloadLength;
        if (hardwareProtocol != 0)
            DecodeEtherType(input, (EtherType)hardwareProtocol, payload, end, end, 0);
        else if (bytes[NflogHeader.Field.Family] == NflogHeader.Ipv4)
            DecodeIpv4(input, payload, end, end);
        else if (bytes[NflogHeader.Field.Family] == NflogHeader.Ipv6)
            DecodeIpv6(input, payload, end, end);
        else
            Unsupported(input, payload, end, end, "NFLOG family not decoded");
    }

    /// <summary>
    /// Apple's PKTAP header at <paramref name="start"/>, then, for a packet record, the packet of its DLT where tshark
    /// finds it (<see cref="PktapHeader.PacketStart"/>: a lying header length moves it, even back from the frame's end).
    /// A header length below the fixed part shows that length alone, malformed but not cut, as tshark's expert item;
    /// another record type or a DLT RawNet does not decode after PKTAP shows nothing more. Nesting is bounded by the
    /// packet's layers (each PKTAP header is at least 108 bytes).
    /// </summary>
    private void DecodePktap(in Span input, int start, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Pktap, start, PktapHeader.LengthFieldLength, capEnd, repEnd, out int index))
            return;
        uint declared = PktapHeader.DeclaredLength(input.Bytes[start..capEnd]);
        if (declared < PktapHeader.FixedLength)
        {
            if (!input.Quoted)
                Stop(DecodeOutcome.Malformed, LayerKind.Pktap, start, "Header length is too short");
            return;
        }
        if (!Header(input, LayerKind.Pktap, start, PktapHeader.FixedLength, capEnd, repEnd, out index, replace: index))
            return;
        PktapHeader.TryRead(input.Bytes[start..capEnd], out var pktap);
        if (pktap.RecordType != PktapHeader.RecordPacket)
        {
            if (!input.Quoted)
                Stop(DecodeOutcome.Unsupported, LayerKind.Pktap, start + PktapHeader.FixedLength, "PKTAP record carries no packet");
            return;
        }
        switch (PktapHeader.PacketStart(capEnd - start, repEnd - start, declared, out int at))
        {
            case PktapPacket.Truncated:
                _packet.LayerRef(index).Status = LayerStatus.Truncated;
                StopShort(input, LayerKind.Pktap, capEnd, capEnd, repEnd, "PKTAP header length reaches past the captured bytes");
                return;
            case PktapPacket.Malformed:
                Malformed(ref _packet.LayerRef(index), input, LayerKind.Pktap, start, "PKTAP header length reaches past the packet");
                return;
        }
        if (!PktapHeader.TryGetLinkType(pktap.Dlt, out var linkType))
        {
            if (!input.Quoted)
                Stop(DecodeOutcome.Unsupported, LayerKind.Pktap, start + at, "PKTAP link type not decoded");
            return;
        }
        // tshark hands raw IPv4 (DLT 228) to its "ip" dissector, which reads the version first: IPv6 bytes decode as IPv6.
        if (linkType == LinkType.Ipv4 && capEnd > start + at && input.Bytes[start + at] >> 4 == 6)
            linkType = LinkType.Ipv6;
        DecodeLink(input, linkType, start + at, capEnd, repEnd);
    }

    /// <summary>
    /// A Solaris ipnet header, then IPv4 or IPv6 by its family, where tshark looks for it: the data length counted back
    /// from the end of what was captured (<see cref="IpnetHeader.PayloadStart"/>). Another family shows nothing more.
    /// </summary>
    private void DecodeIpnet(in Span input, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Ipnet, 0, IpnetHeader.Length, capEnd, repEnd, out int index))
            return;
        IpnetHeader.TryRead(input.Bytes[..capEnd], out var ipnet);
        switch (IpnetHeader.PayloadStart(capEnd, repEnd, ipnet.DataLength, out int start))
        {
            case IpnetPayload.Truncated:
                _packet.LayerRef(index).Status = LayerStatus.Truncated;
                StopShort(input, LayerKind.Ipnet, capEnd, capEnd, repEnd, "ipnet data length reaches past the captured bytes");
                return;
            case IpnetPayload.Malformed:
                Malformed(ref _packet.LayerRef(index), input, LayerKind.Ipnet, IpnetHeader.Field.DataLength, "ipnet data length reaches past the packet");
                return;
        }
        switch (ipnet.Family)
        {
            case IpnetHeader.Inet:
                DecodeIpv4(input, start, capEnd, repEnd);
                return;
            case IpnetHeader.Inet6:
                DecodeIpv6(input, start, capEnd, repEnd);
                return;
            default:
                if (!input.Quoted)
                    Stop(DecodeOutcome.Unsupported, LayerKind.Ipnet, IpnetHeader.Length, "ipnet address family not decoded");
                return;
        }
    }

    /// <summary>
    /// pf's log header as tshark 4.0 reads it: the fields of the layout its declared length names (48, 64 or 100 bytes,
    /// <see cref="PflogHeader.FieldsLength"/>), then the packet at the length rounded up to 4 bytes, wherever that falls
    /// (inside the fields for a length below 45, which tshark only flags): IPv4 through tshark's "ip" dissector for
    /// family 2, IPv6 for 24, 28 and 30, data for any other. A start past the captured bytes is cut by the capture, past
    /// the packet's malformed.
    /// </summary>
    private void DecodePflog(in Span input, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Pflog, 0, 1, capEnd, repEnd, out int index))
            return;
        byte declared = input.Bytes[PflogHeader.Field.Length];
        if (!Header(input, LayerKind.Pflog, 0, PflogHeader.FieldsLength(declared), capEnd, repEnd, out _, replace: index))
            return;
        int start = PflogHeader.PayloadStart(declared);
        if (start > repEnd)
        {
            Malformed(ref _packet.LayerRef(index), input, LayerKind.Pflog, PflogHeader.Field.Length, "pflog header length reaches past the packet");
            return;
        }
        if (start > capEnd)
        {
            _packet.LayerRef(index).Status = LayerStatus.Truncated;
            StopShort(input, LayerKind.Pflog, capEnd, capEnd, repEnd, "pflog header length reaches past the captured bytes");
            return;
        }
        byte family = input.Bytes[PflogHeader.Field.Family];
        if (family == LoopbackHeader.Inet)
            DecodeIpByDispatcher(input, start, capEnd, repEnd);
        else if (LoopbackHeader.IsBsdInet6(family))
            DecodeIpv6(input, start, capEnd, repEnd);
        else
            Unsupported(input, start, capEnd, repEnd, "pflog address family not decoded");
    }

    /// <summary>
    /// The Symantec firewall header as tshark's "symantec" reads it: both EtherType words first (a frame too short for
    /// them is malformed), nothing at all when both or neither are zero, else the v2 or v3 header and the EtherType's
    /// dissector from the table, and nothing for a type it has none for (no data).
    /// </summary>
    private void DecodeSymantec(in Span input, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Symantec, 0, Symantec.SymantecHeader.VersionLength, capEnd, repEnd, out int index))
            return;
        var bytes = input.Bytes[..capEnd];
        int version = Symantec.SymantecHeader.Version(bytes);
        if (version == 0)
        {
            _packet.RemoveLast();
            Stop(DecodeOutcome.Unsupported, LayerKind.Frame, 0, "neither or both Symantec EtherType words set");
            return;
        }
        int length = Symantec.SymantecHeader.LengthOf(version);
        if (!Header(input, LayerKind.Symantec, 0, length, capEnd, repEnd, out _, replace: index))
            return;
        var type = (EtherType)Symantec.SymantecHeader.EtherType(bytes);
        if (type is EtherType.Ipv4 or EtherType.Ipv6 or EtherType.Arp or EtherType.Vlan)
            DecodeEtherType(input, type, length, capEnd, repEnd, 0);
        else
            Stop(DecodeOutcome.Unsupported, LayerKind.Payload, length, "Symantec EtherType not decoded");
    }

    /// <summary>
    /// OpenBSD's enc header, then what tshark's "enc" table hands its family to (read in the byte order
    /// <see cref="EncHeader.IsBigEndian"/> chooses): IPv4 through the "ip" dissector for 2, IPv6 for 24, data for any other.
    /// </summary>
    private void DecodeEnc(in Span input, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Enc, 0, EncHeader.Length, capEnd, repEnd, out _))
            return;
        EncHeader.TryRead(input.Bytes[..capEnd], out var enc);
        switch (enc.Family)
        {
            case LoopbackHeader.Inet:
                DecodeIpByDispatcher(input, EncHeader.Length, capEnd, repEnd);
                return;
            case LoopbackHeader.BsdInet6:
                DecodeIpv6(input, EncHeader.Length, capEnd, repEnd);
                return;
            default:
                Unsupported(input, EncHeader.Length, capEnd, repEnd, "enc address family not decoded");
                return;
        }
    }

    /// <summary>
    /// Sun's ATM header, then the AAL5 PDU as tshark 4.0 reads the pseudo-header wiretap builds from it
    /// (<see cref="Atm.SunAtmHeader.PseudoHeader"/>, kept in the layer's Detail): LLC for LLC-multiplexed traffic, LANE
    /// (an LE client's LECID then Ethernet, or an LE Control frame), data for ILMI and signalling (tshark's SNMP and SSCOP,
    /// which RawNet does not decode), and for any other type packet-atm.c's guess from the first 8 bytes: LLC/SNAP, PPP,
    /// two pad bytes before Ethernet, Frame Relay's NLPID at byte 3 or 5, IP by its version.
    /// </summary>
    /// <summary>
    /// tshark's pcap reader (wiretap) takes a fixed pseudo-header of <paramref name="length"/> bytes out of the record
    /// (SunATM's 4, PPP's direction byte): tshark's frame lengths and byte positions start after it. ERF's, whose length
    /// and time come from the record, is <see cref="DecodeErf"/>'s.
    /// </summary>
    private void StripPseudoHeader(int length)
    {
        var record = _packet.Metadata;
        _packet.FrameStart = length;
        _packet.WiretapFrame = record with
        {
            CapturedLength = Math.Max(0, record.CapturedLength - length),
            OriginalLength = Math.Max(0, record.OriginalLength - length),
        };
    }

    private void DecodeSunAtm(in Span input, int capEnd, int repEnd)
    {
        const int at = Atm.SunAtmHeader.Length;
        if (!Header(input, LayerKind.Atm, 0, at, capEnd, repEnd, out int index))
            return;
        var bytes = input.Bytes;
        StripPseudoHeader(at);
        Atm.SunAtmHeader.TryRead(bytes[..capEnd], out var sun);
        byte detail = sun.PseudoHeader(bytes[at..capEnd]);
        _packet.LayerRef(index).Detail = detail;
        if (Atm.AtmPseudoHeader.Aal(detail) != Atm.SunAtmHeader.Aal5)
        {
            Unsupported(input, at, capEnd, repEnd, "ATM signalling (SSCOP) not decoded");
            return;
        }
        switch (Atm.AtmPseudoHeader.TrafficType(detail))
        {
            case Atm.SunAtmHeader.TrafficLlc:
                DecodeLlc(input, at, capEnd, repEnd);
                return;
            case Atm.SunAtmHeader.TrafficIlmi:
                Unsupported(input, at, capEnd, repEnd, "ILMI (SNMP) not decoded");
                return;
            case Atm.SunAtmHeader.TrafficLane:
                DecodeAtmLane(input, at, Atm.AtmPseudoHeader.LaneType(detail), capEnd, repEnd);
                return;
        }
        if (repEnd - at <= 7)
        {
            Unsupported(input, at, capEnd, repEnd, "ATM traffic type unknown");
            return;
        }
        if (capEnd - at < 8)
        {
            // tshark copies the first 8 bytes before it guesses: the capture cut them.
            StopShort(input, LayerKind.Atm, capEnd, capEnd, repEnd, "ATM PDU cut before the bytes its type is guessed from");
            return;
        }
        var pdu = bytes[at..capEnd];
        if (pdu[0] == 0xAA && pdu[1] == 0xAA && pdu[2] == 0x03)
            DecodeLlc(input, at, capEnd, repEnd);
        else if (pdu[1] == 0x21)
            DecodePpp(input, at, PppFraming.Plain, capEnd, repEnd);
        else if (pdu[0] == 0 && pdu[1] == 0)
            DecodeEthernet(input, at + 2, capEnd, repEnd);
        else if (IsFrameRelayNlpid(pdu[2..]) || IsFrameRelayNlpid(pdu[4..]))
            DecodeFrameRelay(input, at, capEnd, repEnd);
        else if (pdu[0] >> 4 is 4 or 6)
            DecodeIpByDispatcher(input, at, capEnd, repEnd);
        else
            Unsupported(input, at, capEnd, repEnd, "ATM traffic type unknown");

        static bool IsFrameRelayNlpid(ReadOnlySpan<byte> b) => b[0] == 0x03 && (b[1] is 0xCC or 0x8E || b[1] == 0x00 && b[2] == 0x80);
    }

    /// <summary>tshark's "lane": an LE Control frame as one layer, an LE client's LECID then Ethernet, or data when wiretap could not tell.</summary>
    private void DecodeAtmLane(in Span input, int offset, byte laneType, int capEnd, int repEnd)
    {
        switch (laneType)
        {
            case Atm.SunAtmHeader.LaneControl:
                // Its fixed part (marker to flags) is read whatever the opcode; the opcode's own frame is not walked: a frame
                // the capture cut is taken as cut inside what tshark reads of it.
                Header(input, LayerKind.AtmLane, offset, Math.Max(Atm.SunAtmHeader.LeControlLength, repEnd - offset), capEnd, repEnd, out int control);
                if (control >= 0)
                    _packet.LayerRef(control).Detail = Atm.AtmLaneDetail.Control;
                return;
            case Atm.SunAtmHeader.Lane8023:
                if (!Header(input, LayerKind.AtmLane, offset, 2, capEnd, repEnd, out int client))
                    return;
                _packet.LayerRef(client).Detail = Atm.AtmLaneDetail.Client;
                DecodeEthernet(input, offset + 2, capEnd, repEnd);
                return;
            default:
                if (!Header(input, LayerKind.AtmLane, offset, 0, capEnd, repEnd, out int unknown))
                    return;
                // Told from the captured bytes: fewer than 2 of a longer PDU are the capture's cut, not an unknown type.
                if (capEnd < repEnd)
                {
                    _packet.LayerRef(unknown).Status = LayerStatus.Truncated;
                    StopShort(input, LayerKind.AtmLane, capEnd, capEnd, repEnd, "LANE PDU cut before its type can be told");
                }
                Unsupported(input, offset, capEnd, repEnd, "LANE traffic type unknown");
                return;
        }
    }

    /// <summary>
    /// An ERF record as tshark 4.0 reads it: wiretap strips the header, every chained extension header and the type's
    /// subheader (one layer here), and makes the record's wire length the frame's, so the packet after them is at most
    /// wlen bytes, and cut short when wlen says more than the record holds. Ethernet for the Ethernet types (after their
    /// offset and pad), IPv4 through tshark's "ip" dissector for type 22, IPv6 for 23; no payload for the types tshark's
    /// erf shows nothing after (legacy, the counters, META, PAD); data for the rest, which for the types tshark has a
    /// dissector for (HDLC, ATM, InfiniBand, ...) is not what it shows. A record too short for its pseudo-header, which
    /// wiretap refuses with the whole file, is malformed here.
    /// </summary>
    private void DecodeErf(in Span input, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Erf, 0, ErfHeader.Length, capEnd, repEnd, out int index))
            return;
        var bytes = input.Bytes;
        int start = ErfHeader.PseudoHeaderLength(bytes[..capEnd], out _);
        if (start > ErfHeader.Length && !Header(input, LayerKind.Erf, 0, start, capEnd, repEnd, out _, replace: index))
            return;
        ErfHeader.TryRead(bytes[..capEnd], out var erf);
        _packet.FrameStart = start;
        _packet.WiretapFrame = ErfHeader.WiretapFrame(bytes, _packet.Metadata, start);
        int packetEnd = start + erf.WireLength;
        int packetCap = Math.Min(capEnd, packetEnd);
        byte type = erf.Type;
        if (ErfHeader.IsEthernet(type))
            DecodeEthernet(input, start, packetCap, packetEnd);
        else if (type == ErfHeader.Types.Ipv4)
            DecodeIpByDispatcher(input, start, packetCap, packetEnd);
        else if (type == ErfHeader.Types.Ipv6)
            DecodeIpv6(input, start, packetCap, packetEnd);
        else if (type is not (ErfHeader.Types.Legacy or ErfHeader.Types.IpCounter or ErfHeader.Types.TcpFlowCounter or ErfHeader.Types.Meta
            or ErfHeader.Types.Pad))
            Unsupported(input, start, packetCap, packetEnd, "ERF record type not decoded");
    }

    /// <summary>
    /// An 802.3br mPacket as tshark 4.0's fpp reads it (<see cref="FppFrame.Read"/>): one layer over the whole frame, the
    /// preamble's length in its note; an express frame or a whole preemptable one whose CRC checks hands its mData to Ethernet without
    /// an FCS, any other mPacket shows its mData as data, and a frame with no SMD after its preamble goes to Ethernet whole.
    /// A frame too short for what tshark reads stops where its reading does.
    /// </summary>
    private void DecodeFpp(in Span input, int capEnd, int repEnd)
    {
        var fpp = FppFrame.Read(input.Bytes[..capEnd], repEnd);
        int preamble = fpp.Reach >= FppReach.Preamble && fpp.Type != FppPacketType.Invalid ? fpp.PreambleLength : 0;
        // The layer spans what tshark's fpp item spans, the whole frame (the CRC is its last field); a frame with no SMD
        // is Ethernet's from its first byte.
        bool invalid = fpp.Type == FppPacketType.Invalid && fpp.Reach == FppReach.Complete;
        ref Layer layer = ref _packet.Add(LayerKind.Fpp, 0, invalid ? 0 : Math.Min(capEnd, repEnd), repEnd, input.Source);
        layer.Detail = fpp.Pack();
        layer.Note = (ushort)preamble;
        if (invalid)
        {
            DecodeEthernet(input, 0, capEnd, repEnd);
            return;
        }
        if (fpp.Reach != FppReach.Complete)
        {
            layer.Status = fpp.Cut ? LayerStatus.Truncated : LayerStatus.Malformed;
            Stop(fpp.Cut ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Fpp, 0,
                fpp.Cut ? "mPacket cut short by the capture length" : "mPacket too short for its preamble, SMD and CRC");
            return;
        }
        int end = repEnd - FppFrame.CrcLength;
        if (fpp.Crc == FppCrc.Crc && fpp.Type is FppPacketType.Express or FppPacketType.Start)
            DecodeEthernet(input, preamble, end, end);
        else
            Payload(input, preamble, end, end);
    }

    /// <summary>
    /// An EPON preamble as tshark 4.0's epon reads it (<see cref="Epon.EponPreamble.Read"/>): the layer from the SLD, its
    /// reading in the layer's detail; a frame with no SLD keeps an empty layer (tshark's item and expert item, no protocol);
    /// an encrypted frame ends in the layer (its data is a field), any other hands the rest to Ethernet, whose FCS tshark
    /// guesses as for the capture's own Ethernet (<see cref="EthernetTrailer.GuessesFcs"/>). A frame too short for what tshark reads stops
    /// where its reading does.
    /// </summary>
    private void DecodeEpon(in Span input, int capEnd, int repEnd)
    {
        var epon = Epon.EponPreamble.Read(input.Bytes[..capEnd], repEnd);
        int offset = epon.Offset;
        int present = epon.Reach == Epon.EponReach.NoSld ? 0 : Math.Clamp(capEnd - offset, 0, Epon.EponPreamble.Length);
        ref Layer layer = ref _packet.Add(LayerKind.Epon, offset, present, Math.Max(present, repEnd - offset), input.Source);
        layer.Detail = epon.Pack();
        if (epon.Reach == Epon.EponReach.NoSld)
        {
            Stop(DecodeOutcome.Unsupported, LayerKind.Epon, 0, "no EPON SLD at the frame's start");
            return;
        }
        if (epon.Reach != Epon.EponReach.Complete)
        {
            layer.Status = epon.Cut ? LayerStatus.Truncated : LayerStatus.Malformed;
            Stop(epon.Cut ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Epon, offset,
                epon.Cut ? "EPON preamble cut short by the capture length" : "frame ends inside the EPON preamble");
            return;
        }
        if (Epon.EponPreamble.IsEncrypted(input.Bytes[offset + Epon.EponPreamble.Field.Security]))
        {
            Stop(DecodeOutcome.Unsupported, LayerKind.Epon, epon.End, "EPON frame encrypted");
            return;
        }
        DecodeEthernet(input, epon.End, capEnd, repEnd);
    }

    /// <summary>
    /// A DOCSIS MAC frame as tshark 4.0's docsis reads it: FC, MAC_PARM and LEN (fewer than 4 bytes and tshark shows
    /// nothing), the extended header's elements (<see cref="DocsisExtendedHeader"/>), then the HCS, whose check comes
    /// before anything after it: a bad HCS ends the frame. A data or isolation PDU whose LEN leaves a PDU goes to Ethernet
    /// without an FCS (an encrypted one ends there, as tshark shows its payload as bytes); a reserved type is data; the
    /// MAC-specific types (management, request, fragmentation, concatenation) are not decoded further.
    /// </summary>
    private void DecodeDocsis(in Span input, int start, int capEnd, int repEnd)
    {
        var frame = input.Bytes[start..capEnd];
        if (!DocsisHeader.TryRead(frame, out var header))
        {
            ref Layer shortLayer = ref _packet.Add(LayerKind.Docsis, start, capEnd - start, Math.Max(capEnd, repEnd) - start, input.Source);
            shortLayer.Status = repEnd - start >= DocsisHeader.FixedLength ? LayerStatus.Truncated : LayerStatus.Malformed;
            Stop(shortLayer.Status == LayerStatus.Truncated ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Docsis, start,
                "DOCSIS header cut short before its length field");
            return;
        }
        int headerLength = header.HeaderLength;
        ref Layer layer = ref _packet.Add(LayerKind.Docsis, start, Math.Min(headerLength, capEnd - start), Math.Max(capEnd, repEnd) - start, input.Source);
        int needed = 0;
        bool encrypted = false;
        if (header.HasExtendedHeader)
        {
            var walk = new DocsisExtendedHeader(frame);
            while (walk.MoveNext())
            {
            }
            needed = walk.Needed;
            encrypted = walk.Encrypted;
        }
        if (needed == 0 && headerLength > capEnd - start)
            needed = headerLength;
        if (needed != 0)
        {
            layer.Detail = DocsisLayerDetail.Pack(DocsisReach.Fields, encrypted);
            layer.Status = needed <= repEnd - start ? LayerStatus.Truncated : LayerStatus.Malformed;
            Stop(layer.Status == LayerStatus.Truncated ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Docsis, start,
                layer.Status == LayerStatus.Truncated ? "DOCSIS header cut short by the capture length" : "frame ends inside the DOCSIS header");
            return;
        }
        layer.Detail = DocsisLayerDetail.Pack(DocsisReach.Hcs, encrypted);
        int hcsAt = headerLength - 2;
        if (!DocsisFieldReader.HcsGood(frame, hcsAt))
        {
            layer.Checksum = ChecksumStatus.Bad;
            layer.ExpectedChecksum = BinaryPrimitives.ReverseEndianness(Crc16.Compute(frame[..hcsAt]));
            return;
        }
        layer.Checksum = ChecksumStatus.Good;
        switch (header.FrameType)
        {
            case DocsisHeader.TypePacket or DocsisHeader.TypeIsolation:
                if (header.PduLength <= 0)
                    return;
                if (!encrypted)
                {
                    DecodeEthernet(input, start + headerLength, capEnd, repEnd);
                    return;
                }
                // tshark reads an encrypted PDU's two addresses, then shows the rest as bytes.
                if (capEnd - start - headerLength < EthernetHeader.Field.EtherType)
                    Stop(repEnd - start - headerLength >= EthernetHeader.Field.EtherType ? DecodeOutcome.Truncated : DecodeOutcome.Malformed,
                        LayerKind.Docsis, start + headerLength, "encrypted DOCSIS PDU shorter than its addresses");
                return;
            case DocsisHeader.TypeReserved:
                Payload(input, start + headerLength, capEnd, repEnd);
                return;
            default:
                Unsupported(input, start + headerLength, capEnd, repEnd, "DOCSIS MAC-specific frame not decoded");
                return;
        }
    }

    /// <summary>
    /// The KISS byte as tshark 4.0's ax25_kiss reads it (<see cref="Ax25KissHeader"/>): the command and its parameter, then
    /// for a data frame (with or without acknowledgement) the AX.25 frame; tshark reads nothing after any other command.
    /// </summary>
    private void DecodeAx25Kiss(in Span input, int capEnd, int repEnd)
    {
        if (capEnd < 1)
        {
            Header(input, LayerKind.Ax25Kiss, 0, 1, capEnd, repEnd, out _);
            return;
        }
        byte first = input.Bytes[0];
        int length = Ax25KissHeader.LengthOf(first, capEnd);
        if (!Header(input, LayerKind.Ax25Kiss, 0, length, capEnd, repEnd, out _))
            return;
        if ((first & 0x0F) is Ax25KissHeader.DataFrame or Ax25KissHeader.DataFrameAck)
            DecodeAx25(input, length, capEnd, repEnd);
        else if (capEnd > length)
            Stop(DecodeOutcome.Unsupported, LayerKind.Ax25Kiss, length, "bytes after a KISS command that carries no frame");
    }

    /// <summary>
    /// An AX.25 frame as tshark 4.0's ax25 reads it (<see cref="Ax25Layout"/>): addresses walked to the one whose last bit
    /// is set (a bounded walk: seven bytes a step, never past the captured bytes), the control field, and for an
    /// information frame the protocol ID, whose table hands IPv4 (and IPv6) to the "ip" dissector, ARP to ARP's and 0xf0 to
    /// the no-layer-3 text; any other ID is data. A frame without a protocol ID ends at its control field.
    /// </summary>
    private void DecodeAx25(in Span input, int offset, int capEnd, int repEnd)
    {
        var layout = Ax25Layout.Read(input.Bytes[Math.Min(offset, capEnd)..capEnd]);
        if (!Header(input, LayerKind.Ax25, offset, layout.IsWhole ? layout.Length : layout.Needed, capEnd, repEnd, out _))
            return;
        int next = offset + layout.Length;
        if (layout.PidOffset < 0)
        {
            if (capEnd > next)
                Stop(DecodeOutcome.Unsupported, LayerKind.Ax25, next, "bytes after an AX.25 frame without information");
            return;
        }
        switch (input.Bytes[offset + layout.PidOffset])
        {
            case Ax25Header.PidIp:
                DecodeIpByDispatcher(input, next, capEnd, repEnd);
                return;
            case Ax25Header.PidArp:
                DecodeArp(input, next, capEnd, repEnd);
                return;
            case Ax25Header.PidNoLayer3:
                if (_packet.IsFull)
                    return;
                ref Layer text = ref _packet.Add(LayerKind.Ax25NoL3, next, 0, Math.Max(0, repEnd - next), input.Source);
                text.Quoted = input.Quoted;
                Payload(input, next, capEnd, repEnd);
                return;
            default:
                Unsupported(input, next, capEnd, repEnd, "AX.25 protocol ID not decoded");
                return;
        }
    }

    /// <summary>
    /// An fd.io VPP dispatch trace record as tshark 4.0's vpp reads it: a major version other than 1 ends it (shown, not
    /// malformed); then the minor version, string count, hint and buffer index, the node name (all in the vpp layer), and
    /// the metadata, opaque, opaque2 and, for a string count above 4, trace strings, each a layer of its own; a string
    /// without its zero byte ends the record where tshark's tvb_strsize throws. The packet data goes where the hint says:
    /// Ethernet (without FCS), tshark's "ip" (IPv6 too by its version) or "ipv6", or for a hint of 0 (and one out of range) IPv4 after 0x45, IPv6 after 0x60,
    /// else Ethernet. The TCP and UDP hints, which hand tshark's transport dissectors a segment with no IP, are left as data.
    /// </summary>
    private void DecodeVpp(in Span input, int capEnd, int repEnd)
    {
        var frame = input.Bytes[..capEnd];
        ref Layer layer = ref _packet.Add(LayerKind.Vpp, 0, capEnd, Math.Max(capEnd, repEnd), input.Source);
        if (capEnd > 0 && frame[0] != VppHeader.Major)
        {
            layer.HeaderLength = 1;
            return;
        }
        if (!VppHeader.TryRead(frame, out var header))
        {
            // tshark reads the minor version, the count, the hint, then the buffer index's 4 bytes: the first read past the bytes throws.
            int needed = capEnd < 4 ? capEnd + 1 : VppHeader.FixedLength;
            VppCut(ref layer, needed <= repEnd, 0);
            return;
        }
        if (!VppHeader.TryMeasureString(frame, VppHeader.Field.NodeName, out int nameLength))
        {
            VppCut(ref layer, capEnd < repEnd, VppHeader.Field.NodeName);
            return;
        }
        int offset = VppHeader.Field.NodeName + nameLength;
        layer.HeaderLength = offset;
        int strings = header.Strings;
        for (int i = 1; i < strings; i++)
        {
            if (!VppHeader.TryMeasureString(frame, offset, out int length))
            {
                Stop(capEnd < repEnd ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Vpp, offset, "VPP string without its zero byte");
                return;
            }
            if (_packet.IsFull)
                return;
            var kind = i switch { 1 => LayerKind.VppMetadata, 2 => LayerKind.VppOpaque, 3 => LayerKind.VppOpaque2, _ => LayerKind.VppTrace };
            _packet.Add(kind, offset, length, length, input.Source);
            offset += length;
        }
        switch (header.EffectiveHint)
        {
            case VppHeader.HintEthernet:
                DecodeEthernet(input, offset, capEnd, repEnd);
                return;
            case VppHeader.HintIpv4:
                DecodeIpByDispatcher(input, offset, capEnd, repEnd);
                return;
            case VppHeader.HintIpv6:
                DecodeIpv6(input, offset, capEnd, repEnd);
                return;
            case VppHeader.HintTcp or VppHeader.HintUdp:
                Unsupported(input, offset, capEnd, repEnd, "VPP's TCP and UDP hints hand on a segment with no IP header: not decoded");
                return;
        }
        if (offset >= capEnd)
        {
            Stop(offset < repEnd ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Vpp, offset, "VPP record with no packet data");
            return;
        }
        switch (frame[offset])
        {
            case VppHeader.TypicalIpv4:
                DecodeIpv4(input, offset, capEnd, repEnd);
                return;
            case VppHeader.TypicalIpv6:
                DecodeIpv6(input, offset, capEnd, repEnd);
                return;
            default:
                DecodeEthernet(input, offset, capEnd, repEnd);
                return;
        }
    }

    /// <summary>
    /// A GFP frame as tshark 4.0's gfp reads it (<see cref="GfpFrame.Read"/>; transparent mode read as frame-mapped): one
    /// layer over the headers, extending over the frame; an idle or control frame ends there. The payload, the PLI's area
    /// less the extension header and FCS (as far as the frame holds it), goes where the UPI names for user data and
    /// management communications (Ethernet with its FCS, PPP in HDLC framing, MPLS, IPv4, IPv6; data for the rest, MPEG
    /// TS on UPI 9 included, which RawNet does not decode), to data for client management, nowhere for a reserved PTI.
    /// The layer's checksum is the HECs': bad with the first bad one's value.
    /// </summary>
    private void DecodeGfp(in Span input, int capEnd, int repEnd)
    {
        var frame = input.Bytes[..capEnd];
        var gfp = GfpFrame.Read(frame, repEnd);
        // A header cut short keeps what fit of the part tshark was reading.
        int span = gfp.Reach switch
        {
            < GfpReach.Core => GfpHeader.CoreLength,
            GfpReach.Core => GfpHeader.Length,
            GfpReach.Type or GfpReach.ChannelId => GfpHeader.ExtendedLength,
            _ => gfp.HeaderLength,
        };
        ref Layer layer = ref _packet.Add(LayerKind.Gfp, 0, Math.Min(span, capEnd), Math.Max(capEnd, repEnd), input.Source);
        layer.Detail = (byte)gfp.Reach;
        if (gfp.Reach >= GfpReach.Core)
        {
            int last = gfp.Reach >= GfpReach.Headers && gfp.HeaderLength == GfpHeader.ExtendedLength ? GfpHeader.Field.ChannelId
                : gfp.Reach >= GfpReach.Type ? GfpHeader.Field.Type : GfpHeader.Field.Pli;
            layer.Checksum = ChecksumStatus.Good;
            // A HEC the capture cut is not judged (the reach counts bytes the frame's length declares).
            for (int covered = 0; covered <= last && covered + 4 <= frame.Length; covered += 4)
            {
                if (!GfpHeader.HecGood(frame, covered))
                {
                    layer.Checksum = ChecksumStatus.Bad;
                    layer.ExpectedChecksum = GfpHeader.ExpectedHec(frame, covered);
                    break;
                }
            }
        }
        if (gfp.Reach != GfpReach.Complete)
        {
            layer.Status = gfp.Reach == GfpReach.None || !gfp.Cut ? LayerStatus.Malformed : LayerStatus.Truncated;
            Stop(layer.Status == LayerStatus.Truncated ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Gfp, 0,
                gfp.Reach == GfpReach.None ? "GFP frame shorter than its core header" : layer.Status == LayerStatus.Truncated
                    ? "GFP headers cut short by the capture length" : "frame ends inside the GFP headers");
            return;
        }
        if (gfp.HeaderLength < GfpHeader.Length)
            return;
        GfpHeader.TryRead(frame, out var header);
        int start = gfp.PayloadOffset;
        int end = start + gfp.PayloadLength;
        int payloadCap = Math.Min(capEnd, end);
        // tshark's payload is as long as the PLI says, but a read past the frame inside it fails as malformed: only
        // Ethernet, which looks for its FCS at the payload's end, is told the PLI's length.
        int payloadEnd = Math.Min(end, repEnd);
        switch ((GfpPayloadType)header.PayloadType)
        {
            case GfpPayloadType.UserData or GfpPayloadType.ManagementCommunications:
                switch ((GfpUserPayload)header.UserPayload)
                {
                    case GfpUserPayload.Ethernet:
                        DecodeEthernetWithFcs(input, start, payloadCap, end);
                        return;
                    case GfpUserPayload.Ppp:
                        DecodePppHdlc(input, start, payloadCap, payloadEnd);
                        return;
                    case GfpUserPayload.AsynchronousFibreChannel or GfpUserPayload.Mpls:
                        DecodeMpls(input, start, payloadCap, payloadEnd);
                        return;
                    case GfpUserPayload.Ipv4:
                        DecodeIpByDispatcher(input, start, payloadCap, payloadEnd);
                        return;
                    case GfpUserPayload.Ipv6:
                        DecodeIpv6(input, start, payloadCap, payloadEnd);
                        // tshark's ipv6 refuses another version, and gfp then hands the payload to data
                        if (payloadCap > start && input.Bytes[start] >> 4 != 6)
                            Payload(input, start, payloadCap, payloadEnd);
                        return;
                    default:
                        Unsupported(input, start, payloadCap, payloadEnd, "GFP payload type not decoded");
                        return;
                }
            case GfpPayloadType.ClientManagement:
                Payload(input, start, payloadCap, payloadEnd);
                return;
            default:
                return;
        }
    }

    /// <summary>
    /// A Wireshark exported PDU as tshark 4.0's exported_pdu reads it: the tags to the end tag (<see cref="ExportedPduWalk"/>;
    /// a read past the bytes ends the record there, a port type tshark no longer maps fails its assertion), then the PDU
    /// handed to the dissector the last name tag names, when RawNet has it: "ip" (IPv6 too by its version), "ipv6",
    /// "eth_withoutfcs". Other names are left undecoded (tshark has no dissector "eth"; those it has, it runs).
    /// </summary>
    private void DecodeExportedPdu(in Span input, int capEnd, int repEnd)
    {
        var frame = input.Bytes[..capEnd];
        var walk = new ExportedPduWalk(frame);
        int nameAt = -1, nameLength = 0;
        while (walk.MoveNext())
        {
            if (!walk.Complete)
                continue;
            if (walk.Tag == ExportedPduTags.DissectorName)
            {
                nameAt = walk.ValueOffset;
                nameLength = walk.Length;
            }
            else if (walk.Tag is ExportedPduTags.HeuristicDissectorName or ExportedPduTags.DissectorTableName)
                nameAt = -1;
        }
        int tags = walk.Needed == 0 ? walk.PduOffset : capEnd;
        ref Layer layer = ref _packet.Add(LayerKind.ExportedPdu, 0, tags, Math.Max(capEnd, repEnd), input.Source);
        if (walk.Needed != 0)
        {
            bool truncated = walk.Needed > 0 && walk.Needed <= repEnd;
            layer.Status = truncated ? LayerStatus.Truncated : LayerStatus.Malformed;
            Stop(truncated ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.ExportedPdu, walk.Offset,
                walk.Needed < 0 ? "exported PDU port type tshark 4.0 no longer maps (its assertion fails)"
                : truncated ? "exported PDU tags cut short by the capture length" : "exported PDU tag runs past the end of the record");
            return;
        }
        var name = nameAt < 0 ? default : frame.Slice(nameAt, nameLength);
        int nul = name.IndexOf((byte)0);
        if (nul >= 0)
            name = name[..nul];
        int pdu = walk.PduOffset;
        if (name.SequenceEqual("ip"u8))
        {
            layer.Detail = 1;
            DecodeIpByDispatcher(input, pdu, capEnd, repEnd);
        }
        else if (name.SequenceEqual("ipv6"u8))
        {
            layer.Detail = 1;
            DecodeIpv6(input, pdu, capEnd, repEnd);
        }
        else if (name.SequenceEqual("eth_withoutfcs"u8))
        {
            layer.Detail = 1;
            DecodeEthernet(input, pdu, capEnd, repEnd);
        }
    }

    /// <summary>Marks the vpp layer as cut where tshark's read at <paramref name="offset"/> threw: truncated when the capture cut it.</summary>
    private void VppCut(ref Layer layer, bool truncated, int offset)
    {
        layer.Status = truncated ? LayerStatus.Truncated : LayerStatus.Malformed;
        Stop(truncated ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Vpp, offset,
            truncated ? "VPP record cut short by the capture length" : "frame ends inside the VPP record's header");
    }

    /// <summary>
    /// An EBHSCR frame as tshark 4.0's ebhscr reads it: the 32-byte header (fewer captured bytes and tshark shows nothing
    /// of it: malformed, unmarked), then, by the captured length rather than the header's, an Ethernet frame for major
    /// number 0x50 (with its FCS unless the major-specific header says it is unavailable; none at all for a link state
    /// report), data for any number tshark has no reading of; the CAN, NMEA, time state, LIN, DIO, FlexRay and user
    /// numbers tshark reads are data here. The payload ends where the capture does: tshark's does too, so a read past it is
    /// malformed, not cut short.
    /// </summary>
    private void DecodeEbhscr(in Span input, int capEnd)
    {
        ref Layer layer = ref _packet.Add(LayerKind.Ebhscr, 0, Math.Min(EbhscrHeader.Length, capEnd), capEnd, input.Source);
        if (!EbhscrHeader.TryRead(input.Bytes[..capEnd], out var header))
        {
            layer.Status = LayerStatus.Malformed;
            Stop(DecodeOutcome.Malformed, LayerKind.Ebhscr, 0, "EBHSCR frame shorter than its header");
            return;
        }
        if (capEnd == EbhscrHeader.Length)
            return;
        if (header.Major != EbhscrHeader.MajorEthernet)
        {
            Unsupported(input, EbhscrHeader.Length, capEnd, capEnd, "EBHSCR payload type not decoded");
            return;
        }
        if ((header.MajorHeader & EbhscrHeader.FcsUnavailable) != 0)
            DecodeEthernet(input, EbhscrHeader.Length, capEnd, capEnd);
        else
            DecodeEthernetWithFcs(input, EbhscrHeader.Length, capEnd, capEnd);
    }

    /// <summary>
    /// IPoIB behind its pseudo-header, then what tshark's IPoIB dissector hands on: IPv4, IPv6, and ARP for both ARP
    /// EtherTypes; after any other type tshark shows nothing more, so nothing more is decoded (not even data).
    /// </summary>
    private void DecodeIpoib(in Span input, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Ipoib, 0, IpoibHeader.Length, capEnd, repEnd, out _))
            return;
        IpoibHeader.TryRead(input.Bytes[..capEnd], out var ipoib);
        switch (ipoib.Type)
        {
            case (ushort)EtherType.Ipv4:
                DecodeIpByDispatcher(input, IpoibHeader.Length, capEnd, repEnd);
                return;
            case (ushort)EtherType.Ipv6:
                DecodeIpv6(input, IpoibHeader.Length, capEnd, repEnd);
                return;
            case (ushort)EtherType.Arp or IpoibHeader.ReverseArp:
                DecodeArp(input, IpoibHeader.Length, capEnd, repEnd);
                return;
            default:
                if (!input.Quoted)
                    Stop(DecodeOutcome.Unsupported, LayerKind.Ipoib, IpoibHeader.Length, "IPoIB type not decoded");
                return;
        }
    }

    /// <summary>
    /// Linux's ARCNET header, 5 or 8 bytes as its protocol ID says (<see cref="ArcnetHeader.LengthFor"/>), then what
    /// tshark's arcnet.protocol_id table hands the ID to: IPv4 (RFC 1201 and RFC 1051 IDs), ARP (both, and RFC 1201's
    /// RARP), IPv6, and LLC for BACnet's ID. Any other ID is data (tshark's ipx, ddp and vines_ip are not decoded here).
    /// </summary>
    private void DecodeArcnet(in Span input, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Arcnet, 0, ArcnetHeader.ShortLength, capEnd, repEnd, out int index))
            return;
        byte protocol = input.Bytes[ArcnetHeader.Field.ProtocolId];
        int length = ArcnetHeader.LengthFor(protocol);
        if (!Header(input, LayerKind.Arcnet, 0, length, capEnd, repEnd, out _, replace: index))
            return;
        DecodeArcnetPayload(input, protocol, length, capEnd, repEnd);
    }

    /// <summary>
    /// The BSDs' ARCNET header (<see cref="ArcnetHeader.BsdField"/>): 3 bytes, 6 with RFC 1201's split flag and sequence,
    /// or an exception frame's 10, as tshark's "arcnet" reads it; then what the protocol ID at 2 names, as for Linux's.
    /// </summary>
    private void DecodeArcnetBsd(in Span input, int capEnd, int repEnd)
    {
        bool whole = Header(input, LayerKind.Arcnet, 0, ArcnetHeader.BsdShortLength, capEnd, repEnd, out int index);
        if (index >= 0)
            _packet.LayerRef(index).Detail = ArcnetHeader.Bsd;
        if (!whole)
            return;
        byte protocol = input.Bytes[ArcnetHeader.BsdField.ProtocolId];
        int length = ArcnetHeader.BsdLengthFor(input.Bytes[..Math.Min(Math.Min(capEnd, input.Bytes.Length), ArcnetHeader.BsdExceptionLength)]);
        whole = Header(input, LayerKind.Arcnet, 0, length, capEnd, repEnd, out int grown, replace: index);
        if (grown >= 0)
            _packet.LayerRef(grown).Detail = ArcnetHeader.Bsd;
        if (whole)
            DecodeArcnetPayload(input, protocol, length, capEnd, repEnd);
    }

    /// <summary>What an ARCNET protocol ID names, after a header of <paramref name="length"/> bytes.</summary>
    private void DecodeArcnetPayload(in Span input, byte protocol, int length, int capEnd, int repEnd)
    {
        switch (protocol)
        {
            case ArcnetHeader.Protocol.Ipv4 or ArcnetHeader.Protocol.Ipv4Rfc1051:
                DecodeIpByDispatcher(input, length, capEnd, repEnd);
                return;
            case ArcnetHeader.Protocol.Ipv6:
                DecodeIpv6(input, length, capEnd, repEnd);
                return;
            case ArcnetHeader.Protocol.Arp or ArcnetHeader.Protocol.ArpRfc1051 or ArcnetHeader.Protocol.ReverseArp:
                DecodeArp(input, length, capEnd, repEnd);
                return;
            case ArcnetHeader.Protocol.Bacnet:
                DecodeLlc(input, length, capEnd, repEnd);
                return;
            default:
                Unsupported(input, length, capEnd, repEnd, "ARCNET protocol ID not decoded");
                return;
        }
    }

    /// <summary>
    /// A Juniper header as tshark 4.0 reads it (dissect_juniper_header): without the magic "MGC", what
    /// <paramref name="link"/> carries from the frame's first byte (past the bytes tshark skips for it); with it, the
    /// extension TLVs (a bounded walk; a TLV the capture cut ends the decoding there), then at 4, or 6 plus the extensions'
    /// total length in 16 bits, either what <paramref name="link"/> carries (Ethernet, PPP's protocol field two bytes on,
    /// Frame Relay, Cisco HDLC, IPv4 18 bytes on) or, with the no-L2 flag, a 4-byte payload type and what its low byte
    /// names: IPv4, IPv6, MPLS, Ethernet, PPP, Frame Relay, Cisco HDLC, LLC; any other type is data. The PIC link types
    /// (MLPPP, MLFR, GGSN, ATM1, ATM2, services) read their cookie or header and guess the payload (<see cref="JuniperTail"/>)
    /// instead. One layer spans the header, the TLVs walked, the payload type, the bytes skipped or the cookie; its
    /// <see cref="Layer.Detail"/> is the link.
    /// </summary>
    private void DecodeJuniper(in Span input, int capEnd, int repEnd, JuniperLink link)
    {
        // The secure tunnel's subtree takes 70 bytes before the header is read: a shorter frame shows nothing of it.
        int first = link == JuniperLink.SecureTunnel ? JuniperSecureTunnel.MinLength : JuniperHeader.Length;
        bool whole = Header(input, LayerKind.Juniper, 0, first, capEnd, repEnd, out int index);
        MarkJuniper(index, link);
        if (!whole)
            return;
        var bytes = input.Bytes[..capEnd];
        bool magic = JuniperHeader.HasMagic(bytes);
        int walked = JuniperHeader.Length;
        if (magic && (bytes[JuniperHeader.Field.Flags] & JuniperHeader.Flags.Extensions) != 0)
        {
            whole = Header(input, LayerKind.Juniper, 0, JuniperHeader.ExtendedLength, capEnd, repEnd, out index, replace: index);
            MarkJuniper(index, link);
            if (!whole)
                return;
            var extensions = new JuniperExtensions(bytes);
            int count = 0;
            while (count < MaxJuniperExtensions && extensions.MoveNext())
                count++;
            ref Layer extended = ref _packet.LayerRef(index);
            if (count == MaxJuniperExtensions && extensions.MoveNext())
            {
                extended.HeaderLength = extensions.Offset;
                Unsupported(input, extensions.Offset, capEnd, repEnd, "more Juniper extension TLVs than RawNet walks");
                return;
            }
            if (extensions.End == JuniperWalkEnd.Cut)
            {
                extended.HeaderLength = capEnd;
                if (extensions.NeededEnd > repEnd)
                    Malformed(ref extended, input, LayerKind.Juniper, extensions.Next, "Juniper extension TLV runs past the end of the packet");
                else
                {
                    extended.Status = LayerStatus.Truncated;
                    StopShort(input, LayerKind.Juniper, extensions.Next, capEnd, repEnd, "Juniper extension TLV cut short by the capture length");
                }
                return;
            }
            // A walk that stopped quietly read the next TLV's type and length: the layer keeps them, so a second walk over
            // its bytes stops there too.
            walked = extensions.End == JuniperWalkEnd.Stopped ? extensions.Next + JuniperHeader.TlvHeaderLength : extensions.Next;
        }
        int start = magic ? JuniperHeader.TsharkHeaderLength(bytes) : 0;
        bool noL2 = magic && (bytes[JuniperHeader.Field.Flags] & JuniperHeader.Flags.NoL2) != 0;
        int payload = noL2 ? start + JuniperHeader.PayloadTypeLength : start + JuniperHeader.SkipOf(link);
        int needed = payload;
        // As tshark: the link's own payload type, the one the frame gives, or the one a PIC's cookie or header names.
        int type = noL2 ? -1 : JuniperHeader.PayloadOf(link);
        if (link == JuniperLink.SecureTunnel && !noL2)
        {
            // Without the magic tshark reads nothing more; else the tunnel's headers, and what ESP carries.
            var tunnel = magic ? JuniperSecureTunnel.Read(bytes, start) : default;
            payload = tunnel.Payload;
            needed = tunnel.Needed != 0 ? tunnel.Needed : tunnel.Payload;
            type = magic ? tunnel.Type : -1;
            if (tunnel.Needed == 0 && type < 0)
            {
                _packet.LayerRef(index).HeaderLength = Math.Max(walked, Math.Min(capEnd, JuniperSecureTunnel.MinLength));
                Stop(DecodeOutcome.Unsupported, LayerKind.Juniper, start, magic ? "Juniper secure tunnel of another EtherType or protocol than ESP over IPv4"
                    : "Juniper secure tunnel header without its magic number");
                return;
            }
        }
        else if (!noL2 && JuniperHeader.HasTail(link))
        {
            var tail = JuniperTail.Read(link, bytes, start);
            payload = tail.Payload;
            needed = tail.Needed != 0 ? tail.Needed : tail.Payload;
            type = tail.Type;
        }
        ref Layer layer = ref _packet.LayerRef(index);
        layer.HeaderLength = Math.Min(capEnd, Math.Max(walked, needed));
        if (link == JuniperLink.SecureTunnel)
            layer.HeaderLength = Math.Max(layer.HeaderLength, JuniperSecureTunnel.MinLength);
        if (needed > capEnd)
        {
            // tshark reads the payload type, a cookie, or makes the payload's buffer, past the captured bytes.
            StopPastCapture(ref layer, input, LayerKind.Juniper, start, needed, capEnd, repEnd,
                "Juniper header runs past the end of the packet", "Juniper header cut short by the capture length");
            return;
        }
        DecodeJuniperPayload(input, noL2 ? bytes[start] : type, payload, capEnd, repEnd);
    }

    /// <summary>What tshark's juniper.proto table hands the payload at <paramref name="payload"/> of <paramref name="type"/> to.</summary>
    private void DecodeJuniperPayload(in Span input, int type, int payload, int capEnd, int repEnd)
    {
        switch (type)
        {
            case JuniperHeader.PayloadType.Ipv4 or JuniperHeader.PayloadType.MplsIpv4:
                DecodeIpByDispatcher(input, payload, capEnd, repEnd);
                return;
            case JuniperHeader.PayloadType.Ipv6 or JuniperHeader.PayloadType.MplsIpv6:
                DecodeIpv6(input, payload, capEnd, repEnd);
                return;
            case JuniperHeader.PayloadType.Ipv4Mpls or JuniperHeader.PayloadType.Ipv6Mpls or JuniperHeader.PayloadType.Mpls
                or JuniperHeader.PayloadType.ClnpMpls:
                DecodeMpls(input, payload, capEnd, repEnd);
                return;
            case JuniperHeader.PayloadType.Ethernet:
                DecodeEthernet(input, payload, capEnd, repEnd);
                return;
            case JuniperHeader.PayloadType.Ppp:
                DecodePpp(input, payload, PppFraming.Plain, capEnd, repEnd);
                return;
            case JuniperHeader.PayloadType.FrameRelay:
                DecodeFrameRelay(input, payload, capEnd, repEnd);
                return;
            case JuniperHeader.PayloadType.CiscoHdlc:
                DecodeCiscoHdlc(input, payload, capEnd, repEnd);
                return;
            case JuniperHeader.PayloadType.Llc or JuniperHeader.PayloadType.LlcSnap:
                DecodeLlc(input, payload, capEnd, repEnd);
                return;
            // tshark's "osi" hands the NLPIDs of IPv4 and IPv6 to IP after the NLPID; RawNet decodes no OSI protocol.
            case JuniperHeader.PayloadType.Iso when capEnd > payload && input.Bytes[payload] == (byte)Nlpid.Ipv4:
                DecodeIpByDispatcher(input, payload + 1, capEnd, repEnd);
                return;
            case JuniperHeader.PayloadType.Iso when capEnd > payload && input.Bytes[payload] == (byte)Nlpid.Ipv6:
                DecodeIpv6(input, payload + 1, capEnd, repEnd);
                return;
            default:
                Unsupported(input, payload, capEnd, repEnd, JuniperHeader.IsOtherKnownPayload(type)
                    ? "Juniper payload type not decoded" : "unknown Juniper payload type");
                return;
        }
    }

    /// <summary>
    /// A Juniper VN header as tshark 4.0 reads it (dissect_juniper_vn): its 20-byte subtree first (a shorter frame ends
    /// there), then the TLVs (<see cref="JuniperVnWalk"/>, bounded) up to type 255 and past its length, then Ethernet. A
    /// type it has no case for ends the frame with its "Incorrect format" warning; a read past the captured bytes ends it
    /// there. The layer spans the TLVs walked.
    /// </summary>
    private void DecodeJuniperVn(in Span input, int capEnd, int repEnd)
    {
        bool whole = Header(input, LayerKind.Juniper, 0, JuniperVirtualNetwork.MinLength, capEnd, repEnd, out int index);
        MarkJuniper(index, JuniperLink.VirtualNetwork);
        if (!whole)
            return;
        var walk = new JuniperVnWalk(input.Bytes[..capEnd]);
        while (walk.MoveNext())
        {
        }
        ref Layer layer = ref _packet.LayerRef(index);
        switch (walk.End)
        {
            case JuniperVnEnd.IncorrectFormat:
                layer.HeaderLength = Math.Max(layer.HeaderLength, Math.Min(capEnd, walk.Offset + JuniperVirtualNetwork.TlvHeaderLength));
                Stop(DecodeOutcome.Unsupported, LayerKind.Juniper, walk.Offset, "Juniper VN TLV of a type tshark does not read");
                return;
            case JuniperVnEnd.TooMany:
                layer.HeaderLength = Math.Max(layer.HeaderLength, walk.Next);
                Unsupported(input, walk.Next, capEnd, repEnd, "more Juniper VN TLVs than RawNet walks");
                return;
            case JuniperVnEnd.Cut:
                layer.HeaderLength = capEnd;
                StopPastCapture(ref layer, input, LayerKind.Juniper, Math.Min(capEnd, walk.Next), walk.Needed, capEnd, repEnd,
                    "Juniper VN TLV runs past the end of the packet", "Juniper VN TLV cut short by the capture length");
                return;
        }
        int payload = walk.Next;
        layer.HeaderLength = Math.Max(layer.HeaderLength, Math.Min(capEnd, payload));
        if (payload > capEnd)
        {
            // tshark's buffer for the Ethernet frame starts past the captured bytes.
            StopPastCapture(ref layer, input, LayerKind.Juniper, capEnd, payload, capEnd, repEnd,
                "Juniper VN header runs past the end of the packet", "Juniper VN header cut short by the capture length");
            return;
        }
        DecodeEthernet(input, payload, capEnd, repEnd);
    }

    private void MarkJuniper(int index, JuniperLink link)
    {
        if (index >= 0)
            _packet.LayerRef(index).Detail = (byte)link;
    }

    /// <summary>
    /// What tshark's "ip" dissector (dissect_ip, which a link header naming IPv4 hands its bytes to: the EtherType table,
    /// PPP's 0x0021, Cisco HDLC's, LLC's SAP 6) makes of them: IPv6 when their version says 6, else IPv4, whose layer is
    /// the version byte alone when the version is bogus.
    /// </summary>
    private void DecodeIpByDispatcher(in Span input, int offset, int capEnd, int repEnd)
    {
        if (capEnd > offset && input.Bytes[offset] >> 4 == 6)
        {
            int index = _packet.LayerCount;
            DecodeIpv6(input, offset, capEnd, repEnd);
            if (_packet.LayerCount > index && _packet[index].Kind == LayerKind.Ipv6)
                _packet.LayerRef(index).Detail = Ipv6LayerDetail.LinkNamedIpv4;
        }
        else
            DecodeIpv4(input, offset, capEnd, repEnd);
    }

    /// <summary>
    /// What the EtherType 0x0800 names. tshark's EtherType table hands it to IPv4's own dissector, which adds its version
    /// field before it hands a version 6 header to IPv6 (<see cref="Ipv6LayerDetail.HandedOnByIpv4"/>); GRE's table and
    /// NFLOG's family go to the version-sniffing "ip" dissector, which adds nothing first (so does VXLAN-GPE's next protocol 1).
    /// </summary>
    private void DecodeIpv4ByEtherType(in Span input, int offset, int capEnd, int repEnd)
    {
        int index = _packet.LayerCount;
        DecodeIpByDispatcher(input, offset, capEnd, repEnd);
        if (_packet.LayerCount > index && _packet[index].Kind == LayerKind.Ipv6 && _packet[index - 1].Kind is not (LayerKind.Gre or LayerKind.Nflog))
            _packet.LayerRef(index).Detail |= Ipv6LayerDetail.HandedOnByIpv4;
        else if (_packet.LayerCount > index && _packet[index].Kind == LayerKind.Ipv4 && _packet[index].HeaderLength == 1 && _packet[index - 1].Kind is not (LayerKind.Gre or LayerKind.Nflog))
            _packet.LayerRef(index).Detail |= Expert.ExpertFinder.ReadByIpv4Dissector;
    }

    /// <summary>tshark's "prism": an AVS header by its magic, else a Prism header, else 802.11 from the first byte.</summary>
    private void DecodePrism(in Span input, int start, int capEnd, int repEnd)
    {
        var bytes = input.Bytes[start..capEnd];
        if (PrismHeader.IsAvs(bytes))
        {
            DecodeAvs(input, capEnd, repEnd, start);
        }
        else if (bytes.Length >= 4 && !PrismHeader.IsPrism(bytes))
        {
            // Neither header: tshark names the Prism protocol and reads 802.11 from the first byte.
            Header(input, LayerKind.Prism, start, 0, capEnd, repEnd, out _);
            DecodeIeee80211(input, start, capEnd, repEnd, fcs: false, dataPad: false);
        }
        else if (Header(input, LayerKind.Prism, start, PrismHeader.PrismLength, capEnd, repEnd, out _))
        {
            DecodeIeee80211(input, start + PrismHeader.PrismLength, capEnd, repEnd, fcs: false, dataPad: false);
        }
    }

    private void DecodeAvs(in Span input, int capEnd, int repEnd, int start = 0)
    {
        if (DeclaredHeader(input, LayerKind.Avs, PrismHeader.AvsFixedLength, PrismHeader.AvsFixedLength, capEnd, repEnd, out int length, start))
            DecodeIeee80211(input, start + length, capEnd, repEnd, fcs: false, dataPad: false);
    }

    /// <summary>
    /// An 802.11 frame: its MAC header as the frame control lays it out (<paramref name="dataPad"/>: padded to 4 bytes),
    /// then, for an unencrypted data frame with one MSDU, LLC. Management and control bodies, encrypted bodies and
    /// A-MSDUs stay data. With <paramref name="fcs"/> the last 4 bytes are the FCS: the layer spans them, what it carries
    /// ends before them.
    /// </summary>
    private void DecodeIeee80211(in Span input, int offset, int capEnd, int repEnd, bool fcs, bool dataPad)
    {
        int frameEnd = fcs && repEnd - offset >= Ieee80211Header.FcsLength ? repEnd - Ieee80211Header.FcsLength : repEnd;
        int bodyCapEnd = Math.Min(capEnd, frameEnd);
        bool whole = Header(input, LayerKind.Ieee80211, offset, Ieee80211Header.FrameControlLength, bodyCapEnd, frameEnd, out int index);
        int length = 0;
        if (whole)
        {
            Ieee80211Header.TryRead(input.Bytes[offset..bodyCapEnd], out var header);
            // Another protocol version lays out its header otherwise: the frame control alone, then data (as tshark).
            length = header.Version != 0 ? Ieee80211Header.FrameControlLength : dataPad ? (header.Length + 3) & ~3 : header.Length;
            whole = Header(input, LayerKind.Ieee80211, offset, length, bodyCapEnd, frameEnd, out index, replace: index);
        }
        if (index < 0)
            return;
        ref Layer layer = ref _packet.LayerRef(index);
        layer.Extent = Math.Max(layer.HeaderLength, repEnd - offset);
        layer.Detail = (byte)((fcs && frameEnd < repEnd ? Ieee80211LayerDetail.FcsAtEnd : 0) | (dataPad ? Ieee80211LayerDetail.DataPad : 0)
            | (_packet.Metadata.LinkType != LinkType.Ieee80211 ? Ieee80211LayerDetail.BehindCaptureHeader : 0));
        if (!whole)
            return;
        Ieee80211Header.TryRead(input.Bytes[offset..bodyCapEnd], out var wlan);
        if (wlan.Version != 0)
            layer.Detail |= Ieee80211LayerDetail.OtherVersion;
        int body = offset + length;
        if (wlan.Version != 0)
            Unsupported(input, body, bodyCapEnd, frameEnd, "802.11 protocol version not decoded");
        else if (wlan.Type != Ieee80211FrameType.Data)
        {
            // tshark shows management and control bodies as fields of wlan, which RawNet does not read: no data layer.
            if (!input.Quoted && body < frameEnd)
                Stop(DecodeOutcome.Unsupported, LayerKind.Ieee80211, body, "802.11 management or control frame body not decoded");
        }
        else if (wlan.HasNoBody)
            Payload(input, body, bodyCapEnd, frameEnd);
        else if (wlan.IsProtected)
            DecodeProtectedBody(input, index, offset, body, bodyCapEnd, frameEnd);
        else if (wlan.HasMoreFragments)
            Unsupported(input, body, bodyCapEnd, frameEnd, "802.11 fragment not reassembled"); // tshark shows a fragment's body as data
        else if (wlan.HasQos && (input.Bytes[offset + wlan.QosOffset] & Ieee80211Header.AmsduPresent) != 0)
            Unsupported(input, body, bodyCapEnd, frameEnd, "802.11 A-MSDU not decoded");
        else
            DecodeLlc(input, body, bodyCapEnd, frameEnd);
    }

    /// <summary>
    /// An encrypted body: its IV (WEP's 4 bytes, or 8 with the Extended IV bit) joins the 802.11 layer, as tshark shows
    /// it among wlan's fields; the rest is data, short of WEP's ICV.
    /// </summary>
    private void DecodeProtectedBody(in Span input, int index, int offset, int body, int capEnd, int repEnd)
    {
        int iv = capEnd - body > 3 && (input.Bytes[body + 3] & Ieee80211Header.ExtendedIv) != 0
            ? Ieee80211Header.ExtendedIvLength : Ieee80211Header.WepIvLength;
        ref Layer layer = ref _packet.LayerRef(index);
        if (capEnd - body < iv)
        {
            StopShort(input, LayerKind.Ieee80211, body, capEnd, repEnd, "802.11 IV cut short");
            return;
        }
        layer.HeaderLength += iv;
        int end = iv == Ieee80211Header.WepIvLength ? Math.Max(body + iv, repEnd - Ieee80211Header.WepIcvLength) : repEnd;
        if (!input.Quoted)
            Stop(DecodeOutcome.Unsupported, LayerKind.Payload, body + iv, "encrypted 802.11 frame body");
        Payload(input, body + iv, Math.Min(capEnd, end), end);
    }

    /// <summary>
    /// An FDDI header at <paramref name="start"/>, then LLC for an asynchronous LLC frame; tshark shows every other frame's
    /// body as data. <paramref name="bitSwapped"/>: LINKTYPE_FDDI's addresses, which tshark shows bit-swapped; a bridged
    /// frame's are shown as they are (<see cref="FddiLayerDetail.AsSent"/>).
    /// </summary>
    private void DecodeFddi(in Span input, int start, int capEnd, int repEnd, bool bitSwapped)
    {
        bool whole = Header(input, LayerKind.Fddi, start, FddiHeader.Length, capEnd, repEnd, out int index);
        if (index >= 0 && !bitSwapped)
            _packet.LayerRef(index).Detail = FddiLayerDetail.AsSent;
        if (!whole)
            return;
        if (FddiHeader.CarriesLlc(input.Bytes[start + FddiHeader.Field.FrameControl]))
            DecodeLlc(input, start + FddiHeader.Length, capEnd, repEnd);
        else
            Unsupported(input, start + FddiHeader.Length, capEnd, repEnd, "FDDI frame that is not asynchronous LLC");
    }

    /// <summary>
    /// An 802.5 Token Ring header, with its routing information when the source address says it is source-routed, then
    /// LLC for an LLC frame; MAC frames and the reserved types are data. tshark reads the byte after the addresses for
    /// every frame, and every ring-bridge pair of the routing information (one byte past an odd length), before it hands
    /// on what follows: a frame that ends before them is cut there (<see cref="TokenRingHeader.TsharkReadLength"/>).
    /// </summary>
    private void DecodeTokenRing(in Span input, int start, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.TokenRing, start, TokenRingHeader.Length, capEnd, repEnd, out int index))
            return;
        TokenRingHeader.TryRead(input.Bytes[start..capEnd], out var tr);
        int length = tr.HeaderLength;
        if (length > TokenRingHeader.Length && !Header(input, LayerKind.TokenRing, start, length, capEnd, repEnd, out index, replace: index))
        {
            _packet.LayerRef(index).Detail = TokenRingHeader.TsharkFieldsLength;
            return;
        }
        ref Layer layer = ref _packet.LayerRef(index);
        if (tr.HasRouteLengthByte)
            layer.Detail = TokenRingHeader.TsharkFieldsLength;
        int read = start + TokenRingHeader.TsharkReadLength(tr.RouteLength, tr.IsSourceRouted);
        length += start;
        if (capEnd < read)
        {
            layer.Status = repEnd >= read && capEnd < repEnd ? LayerStatus.Truncated : LayerStatus.Malformed;
            StopShort(input, LayerKind.TokenRing, Math.Min(capEnd, read), capEnd, repEnd, "Token Ring header cut short before its routing information");
            return;
        }
        if (tr.FrameType == TokenRingHeader.LlcFrame)
            DecodeLlc(input, length, capEnd, repEnd);
        else if (tr.FrameType == TokenRingHeader.MacFrame && capEnd - length >= TokenRingMacVector.TsharkMinLength)
            DecodeTokenRingMac(input, length, capEnd, repEnd);
        else
            Unsupported(input, length, capEnd, repEnd, tr.FrameType == TokenRingHeader.MacFrame ? "Token Ring MAC frame too short for tshark's trmac" : "reserved Token Ring frame type");
    }

    /// <summary>
    /// A Token Ring MAC frame's major vector, as tshark's trmac reads it: one layer over the whole body (nothing after it
    /// is data), cut where the sub-vectors tshark walks run past the captured bytes (<see cref="TokenRingMacVector.TsharkReadEnd"/>).
    /// </summary>
    private void DecodeTokenRingMac(Span input, int offset, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.TokenRingMac, offset, TokenRingMacVector.HeaderLength, capEnd, repEnd, out int index))
            return;
        ref Layer layer = ref _packet.LayerRef(index);
        layer.HeaderLength = capEnd - offset;
        int read = TokenRingMacVector.TsharkReadEnd(input.Bytes[offset..capEnd]);
        if (read == 0)
            return;
        layer.Status = offset + read > repEnd ? LayerStatus.Malformed : LayerStatus.Truncated;
        if (!input.Quoted)
            Stop(layer.Status == LayerStatus.Malformed ? DecodeOutcome.Malformed : DecodeOutcome.Truncated, LayerKind.TokenRingMac, capEnd,
                "Token Ring MAC sub-vector runs past the frame");
    }

    /// <summary>
    /// An 802.2 LLC header (with SNAP when both SAPs are 0xAA), then, for a frame that carries information, what its SNAP
    /// EtherType or its SAP names: IP for SAP 6, as tshark's SAP table (its version-sniffing "ip" dissector, so IPv6
    /// when the version says 6); anything else stays data.
    /// </summary>
    private void DecodeLlc(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Llc, offset, LlcHeader.Length, capEnd, repEnd, out int index))
            return;
        LlcHeader.TryRead(input.Bytes[offset..capEnd], out var llc);
        int length = llc.HeaderLength;
        if (!Header(input, LayerKind.Llc, offset, length, capEnd, repEnd, out _, replace: index))
            return;
        if (llc.IsSnap && llc.CarriesEtherType && llc.CarriesInformation)
            DecodeEtherType(input, (EtherType)llc.ProtocolId, offset + length, capEnd, repEnd, 0);
        else if (llc.IsSnap && llc.Oui == LlcHeader.Bridged && BridgedPid.FrameOffset(llc.ProtocolId, BridgedPid.LlcPad) is >= 0 and var pad)
            DecodeBridged(input, LayerKind.Llc, llc.ProtocolId, offset + length, pad, capEnd, repEnd);
        else if (llc.IsSnap && llc.Oui == LlcHeader.Cisco && llc.ProtocolId == CdpPid && llc.CarriesInformation)
            DecodeCdp(input, offset + length, capEnd, repEnd);
        else if (llc.IsSnap && llc.Oui == LlcHeader.Cisco && llc.ProtocolId == DtpPid && llc.CarriesInformation)
            DecodeDtp(input, offset + length, capEnd, repEnd);
        else if (llc.IsSnap && llc.Oui == LlcHeader.Cisco && llc.ProtocolId == UdldPid && llc.CarriesInformation)
            DecodeUdld(input, offset + length, capEnd, repEnd);
        else if (llc.IsSnap && llc.Oui == LlcHeader.Cisco && llc.ProtocolId == VtpPid && llc.CarriesInformation)
            DecodeVtp(input, offset + length, capEnd, repEnd);
        else if (llc.IsSnap && StpBpdu.IsSnapBpdu(llc.Oui, llc.ProtocolId) && llc.CarriesInformation && repEnd > offset + length)
            DecodeStp(input, offset + length, capEnd, repEnd);
        else if (!llc.IsSnap && llc.Dsap == StpBpdu.Sap && llc.CarriesInformation && repEnd > offset + length)
            DecodeStp(input, offset + length, capEnd, repEnd);
        else if (!llc.IsSnap && llc.Dsap == LlcHeader.IpSap && llc.CarriesInformation && repEnd > offset + length)
            DecodeIpByDispatcher(input, offset + length, capEnd, repEnd);
        else
        {
            int count = _packet.LayerCount;
            Unsupported(input, offset + length, capEnd, repEnd, "LLC payload not decoded");
            // An XID's information field in IEEE 802.2's basic format, which LLC's own dissector reads: not data.
            if (_packet.LayerCount > count && _packet[count].Kind == LayerKind.Payload && LlcHeader.IsBasicXid(input.Bytes[offset..capEnd], length))
                _packet.LayerRef(count).Detail = LlcHeader.XidInformationReadByLlc;
        }
    }

    /// <summary>
    /// A spanning tree BPDU, as far as tshark reads it (<see cref="StpBpdu.TryReadAll"/>): short of that the layer is cut
    /// by the capture, or malformed when the read that failed ran past the BPDU's reported length too. tshark's BPDU
    /// dissector hands frames to GARP's addresses (01-80-C2-00-00-0D, 01-80-C2-00-00-2X) behind Ethernet and Token Ring to
    /// GARP (<see cref="DecodeGarp"/>).
    /// </summary>
    private void DecodeStp(in Span input, int offset, int capEnd, int repEnd)
    {
        var application = GarpApplicationOf(input, out byte address);
        if (application != GarpApplication.None)
        {
            DecodeGarp(input, application, address, offset, capEnd, repEnd);
            return;
        }
        StpBpdu.TryReadAll(input.Bytes[offset..Math.Max(offset, capEnd)], repEnd - offset, out int end, out bool malformed);
        // A read past the BPDU's end (or the end tshark cut it to) is malformed even where the capture also ended.
        Header(input, LayerKind.Stp, offset, malformed ? Math.Max(end, repEnd - offset + 1) : end, capEnd, repEnd, out _);
    }

    /// <summary>
    /// A GARP PDU as tshark's GVRP or GMRP reads it (<see cref="GarpPdu.ReadAll"/>): the layer spans what it read, cut by the
    /// capture or malformed as the read that failed says, and what tshark hands to its data dissector follows as data. Another
    /// GARP application's frame is read no further (tshark only writes its columns): its LLC layer's
    /// <see cref="Layer.Detail"/> keeps the address's last byte.
    /// </summary>
    private void DecodeGarp(in Span input, GarpApplication application, byte address, int offset, int capEnd, int repEnd)
    {
        if (application == GarpApplication.Unknown)
        {
            // tshark writes the columns and reads nothing, not even as data: the LLC that carried it keeps the address for them.
            if (_packet.LayerCount > 0 && _packet[_packet.LayerCount - 1].Kind == LayerKind.Llc)
                _packet.LayerRef(_packet.LayerCount - 1).Detail = address;
            if (!input.Quoted)
                Stop(DecodeOutcome.Unsupported, LayerKind.Payload, offset, "GARP application not decoded");
            return;
        }
        var kind = application == GarpApplication.Gmrp ? LayerKind.Gmrp : LayerKind.Gvrp;
        int captured = Math.Max(offset, Math.Min(capEnd, repEnd));
        var end = GarpPdu.ReadAll(input.Bytes[offset..captured], repEnd - offset, kind == LayerKind.Gmrp, out int at);
        switch (end)
        {
            case GarpEnd.Complete:
                Header(input, kind, offset, captured - offset, capEnd, repEnd, out _);
                return;
            case GarpEnd.Data:
                if (Header(input, kind, offset, at, capEnd, repEnd, out _))
                    Unsupported(input, offset + at, capEnd, repEnd, "GARP attribute tshark hands to data");
                return;
            default:
                // A read past the PDU's length is malformed even where the capture also ended.
                Header(input, kind, offset, end == GarpEnd.Malformed ? Math.Max(at, repEnd - offset + 1) : at, capEnd, repEnd, out _);
                return;
        }
    }

    /// <summary>
    /// The GARP application the innermost Ethernet or Token Ring header's destination names (tshark's pinfo->dl_dst, an
    /// Ethernet address behind those two only), if any, and the address's last byte.
    /// </summary>
    private GarpApplication GarpApplicationOf(in Span input, out byte address)
    {
        address = 0;
        for (int i = _packet.LayerCount - 1; i >= 0; i--)
        {
            ref readonly Layer layer = ref _packet[i];
            if (layer.Kind is LayerKind.Fddi or LayerKind.Ieee80211 or LayerKind.LinuxSll or LayerKind.LinuxSll2)
                return GarpApplication.None;
            if (layer.Kind is not (LayerKind.Ethernet or LayerKind.TokenRing))
                continue;
            int destination = layer.Offset + (layer.Kind == LayerKind.TokenRing ? TokenRingHeader.Field.Destination : 0);
            if (layer.Source != input.Source || destination + 6 > input.Bytes.Length)
                return GarpApplication.None;
            address = input.Bytes[destination + 5];
            return GarpPdu.ApplicationOf(input.Bytes.Slice(destination, 6));
        }
        return GarpApplication.None;
    }

    /// <summary>
    /// The MAC frame a bridged protocol ID (<see cref="BridgedPid"/>) names, <paramref name="pad"/> bytes after SNAP
    /// (tshark hands it everything to the end of the frame): Ethernet with or without its FCS, Token Ring, FDDI. The pad
    /// beyond the frame ends the decoding at <paramref name="carrier"/>, as tshark's subset past the end does; frames
    /// bridged inside bridged frames are decoded to <see cref="MaxBridgedFrames"/>, and the rest is data.
    /// </summary>
    private void DecodeBridged(in Span input, LayerKind carrier, ushort pid, int offset, int pad, int capEnd, int repEnd)
    {
        int start = offset + pad;
        if (start > capEnd)
        {
            if (!input.Quoted)
                Stop(start > repEnd ? DecodeOutcome.Malformed : DecodeOutcome.Truncated, carrier, capEnd, "bridged frame's pad cut short");
            return;
        }
        if (_bridgedFrames == MaxBridgedFrames)
        {
            Unsupported(input, offset, capEnd, repEnd, "more bridged frames than RawNet decodes");
            return;
        }
        _bridgedFrames++;
        switch (pid)
        {
            case BridgedPid.EthernetWithFcs:
                DecodeEthernetWithFcs(input, start, capEnd, repEnd);
                return;
            case BridgedPid.EthernetWithoutFcs:
                DecodeEthernet(input, start, capEnd, repEnd);
                return;
            case BridgedPid.TokenRingWithFcs or BridgedPid.TokenRingWithoutFcs:
                DecodeTokenRing(input, start, capEnd, repEnd);
                return;
            default:
                DecodeFddi(input, start, capEnd, repEnd, bitSwapped: false);
                return;
        }
    }

    /// <summary>
    /// A netANALYZER record, as tshark 4.0 reads it: an Ethernet frame's header hands the rest to Ethernet with its FCS
    /// (link type 240) or shows it as data (241, transparent mode: preamble and SFD included); a buffer state entry or
    /// time tick ends there; a GPIO event's pseudo-frame is checked byte by byte and read through its edge byte (a cut
    /// there stops tshark as any short read does); PROFIBUS, other versions and types, and a GPIO signature that does not
    /// match, end with tshark's expert error and nothing after the header.
    /// </summary>
    private void DecodeNetanalyzer(in Span input, int capEnd, int repEnd, bool transparent)
    {
        if (!Header(input, LayerKind.Netanalyzer, 0, NetanalyzerHeader.Length, capEnd, repEnd, out int index))
            return;
        NetanalyzerHeader.TryRead(input.Bytes[..capEnd], out var header);
        switch (header.Record)
        {
            case NetanalyzerRecord.Ethernet when transparent:
                Payload(input, NetanalyzerHeader.Length, capEnd, repEnd);
                return;
            case NetanalyzerRecord.Ethernet:
                DecodeEthernetWithFcs(input, NetanalyzerHeader.Length, capEnd, repEnd);
                return;
            case NetanalyzerRecord.BufferState or NetanalyzerRecord.TimeTick:
                return;
            case NetanalyzerRecord.Gpio:
                var gpio = NetanalyzerHeader.CheckGpio(input.Bytes[..capEnd], out int unread);
                if (gpio == NetanalyzerGpioDefinition.Invalid)
                    break;
                // The layer covers what tshark reads of the pseudo-frame; a cut marks it as Header does any short header.
                Header(input, LayerKind.Netanalyzer, 0, gpio == NetanalyzerGpioDefinition.Cut ? unread + 1 : NetanalyzerHeader.GpioLength,
                    capEnd, repEnd, out _, replace: index);
                return;
        }
        if (!input.Quoted)
            Stop(DecodeOutcome.Unsupported, LayerKind.Netanalyzer, 0, "netANALYZER record tshark does not decode");
    }

    /// <summary>
    /// An Ethernet frame that ends in its FCS (tshark's eth_withfcs): what follows the header ends 4 bytes before the
    /// frame when it holds 4 bytes, and the layer then keeps <see cref="EthernetLayerDetail.FcsAtEnd"/>. tshark reads the
    /// FCS after what the header carries, and fails there when the capture cut it.
    /// </summary>
    private void DecodeEthernetWithFcs(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!FixedHeader(input, LayerKind.Ethernet, offset, EthernetHeader.Length, capEnd, repEnd, out int index))
            return;
        int payload = offset + EthernetHeader.Length;
        bool fcs = repEnd - payload >= EthernetHeader.FcsLength;
        int end = fcs ? repEnd - EthernetHeader.FcsLength : repEnd;
        if (fcs)
            _packet.LayerRef(index).Detail = EthernetLayerDetail.FcsAtEnd;
        var type = (EtherType)BinaryPrimitives.ReadUInt16BigEndian(input.Bytes[(offset + EthernetHeader.Field.EtherType)..]);
        DecodeTypeOrLength(input, type, payload, Math.Min(capEnd, end), end, 0);
        // tshark reads the FCS from where what the header carries ended (an IP or ARP packet's own length, an 802.3
        // length), when the capture kept bytes past there: a cut FCS fails then.
        if (fcs && capEnd < repEnd && capEnd > CarriedEnd(index, type, payload, end) && !input.Quoted)
            Stop(DecodeOutcome.Truncated, LayerKind.Ethernet, capEnd, FcsCutReason);
    }

    /// <summary>
    /// The capture's own Ethernet frame whose packet block's flags give an FCS length (<see cref="FrameMetadata.FcsLengthFromFlags"/>),
    /// as tshark 4.0 reads it: a length of 4 is the frame's FCS (<see cref="DecodeEthernetWithFcs"/>); any other takes that
    /// many bytes off what the type or length field carries, and the bytes past what that carries are the trailer, with
    /// an FCS guessed at its end as in any frame of the link.
    /// </summary>
    private void DecodeEthernetWithFlaggedFcs(in Span input, int fcsLength, int capEnd, int repEnd)
    {
        if (fcsLength == EthernetHeader.FcsLength)
        {
            DecodeEthernetWithFcs(input, 0, capEnd, repEnd);
            return;
        }
        if (!FixedHeader(input, LayerKind.Ethernet, 0, EthernetHeader.Length, capEnd, repEnd, out int index))
            return;
        var type = (EtherType)BinaryPrimitives.ReadUInt16BigEndian(input.Bytes[EthernetHeader.Field.EtherType..]);
        int payload = EthernetHeader.Length;
        int end = repEnd - payload >= fcsLength ? repEnd - fcsLength : repEnd;
        DecodeTypeOrLength(input, type, payload, Math.Min(capEnd, end), end, 0);
        ReadTrailer(input, index, capEnd, repEnd, guessesFcs: true);
    }

    /// <summary>Where what the Ethernet header at <paramref name="index"/> carries ends, as tshark bounds it before the trailer.</summary>
    private int CarriedEnd(int index, EtherType type, int payload, int end)
    {
        if (EthernetHeader.IsLength((ushort)type))
            return Math.Min(end, payload + (ushort)type);
        int next = index + 1;
        while (next < _packet.LayerCount && _packet[next].Kind is LayerKind.Vlan or LayerKind.ServiceVlan)
            next++;
        if (next < _packet.LayerCount && _packet[next].Kind is LayerKind.Ipv4 or LayerKind.Ipv6 or LayerKind.Arp && _packet[next].Source == LayerSource.Frame)
            return Math.Min(end, _packet[next].Offset + _packet[next].Extent);
        return end;
    }

    private void DecodeEthernet(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!FixedHeader(input, LayerKind.Ethernet, offset, EthernetHeader.Length, capEnd, repEnd, out int index))
            return;
        var type = (EtherType)BinaryPrimitives.ReadUInt16BigEndian(input.Bytes[(offset + EthernetHeader.Field.EtherType)..]);
        // IP straight away, as DecodeEtherType would: most frames carry it.
        if (type == EtherType.Ipv4)
            DecodeIpv4ByEtherType(input, offset + EthernetHeader.Length, capEnd, repEnd);
        else if (type == EtherType.Ipv6)
            DecodeIpv6(input, offset + EthernetHeader.Length, capEnd, repEnd);
        else
            DecodeTypeOrLength(input, type, offset + EthernetHeader.Length, capEnd, repEnd, 0);
        // tshark's "eth" dissector of the capture's own link guesses an FCS; one inside a tunnel or bridged frame does not.
        ReadTrailer(input, index, capEnd, repEnd, guessesFcs: EthernetTrailer.GuessesFcs(_packet, _packet[index]));
    }

    /// <summary>
    /// tshark's reading of the trailer after what the Ethernet or Linux cooked header at <paramref name="index"/> carries,
    /// behind any VLAN tags, once those layers are done: after an IPv4, IPv6 or ARP packet's own length when the capture
    /// kept bytes past it, after an 802.3 length always (a capture that ends before that length does fails on it).
    /// Where it reads past the capture (<see cref="EthernetTrailer"/>) the packet is cut there, after every layer's text.
    /// </summary>
    private void ReadTrailer(in Span input, int index, int capEnd, int repEnd, bool guessesFcs)
    {
        // Only a frame the capture cut can have a trailer read past it: a whole one (nearly every frame) costs nothing here.
        if (capEnd >= repEnd || input.Quoted || input.Source != LayerSource.Frame)
            return;
        int next = index + 1;
        while (next < _packet.LayerCount && _packet[next].Kind is LayerKind.Vlan or LayerKind.ServiceVlan)
            next++;
        if (next >= _packet.LayerCount || _packet[next].Source != LayerSource.Frame)
            return;
        ref readonly Layer carried = ref _packet[next];
        int end = Math.Min(repEnd, carried.Offset + carried.Extent);
        bool tagged = next > index + 1;
        int frameLength = _packet[0].Extent;
        long seconds = Math.DivRem(_packet.WiretapFrame.TimestampNanoseconds, 1_000_000_000L, out long rest) - (rest < 0 ? 1 : 0);
        var captured = input.Bytes[..capEnd];
        int ethernetLength = repEnd - _packet[index].Offset;
        bool cut = carried.Kind switch
        {
            LayerKind.Llc => capEnd < end || EthernetTrailer.ReadsPastCapture(captured, end, repEnd, frameLength, guessesFcs && !tagged, ethernetLength, seconds),
            LayerKind.Ipv4 or LayerKind.Ipv6 or LayerKind.Arp => capEnd > end
                && EthernetTrailer.ReadsPastCapture(captured, end, repEnd, frameLength, guessesFcs && !tagged, ethernetLength, seconds),
            _ => false,
        };
        if (!cut)
            return;
        _packet.TrailerCut = true;
        Stop(DecodeOutcome.Truncated, _packet[index].Kind, capEnd, TrailerCutReason);
    }

    /// <summary>
    /// What an Ethernet or VLAN type field names: an EtherType, or an 802.3 length that bounds the LLC frame after it
    /// (the bytes past it are padding or a trailer). A Novell raw frame (IPX with no LLC) and the values that are
    /// neither a length nor a type stay data, as does a frame whose length covers nothing.
    /// </summary>
    private void DecodeTypeOrLength(in Span input, EtherType type, int offset, int capEnd, int repEnd, int tags)
    {
        if ((ushort)type >= EthernetHeader.MinEtherType || type == 0)
        {
            DecodeEtherType(input, type, offset, capEnd, repEnd, tags);
            return;
        }
        if (!EthernetHeader.IsLength((ushort)type))
        {
            Unsupported(input, offset, capEnd, repEnd, "Ethernet type field is neither a length nor a type");
            return;
        }
        int end = (int)Math.Min(repEnd, (long)offset + (ushort)type);
        // tshark decodes what there is and flags the length as malformed.
        if (offset + (ushort)type > repEnd && !input.Quoted)
            Stop(DecodeOutcome.Malformed, LayerKind.Ethernet, offset, "802.3 length goes past the end of the frame");
        if (capEnd - offset >= 2 && BinaryPrimitives.ReadUInt16BigEndian(input.Bytes[offset..]) == EthernetHeader.NovellRaw)
        {
            Unsupported(input, offset, Math.Min(capEnd, end), end, "Novell raw IPX not decoded");
            return;
        }
        DecodeLlc(input, offset, Math.Min(capEnd, end), end);
    }

    private void DecodeCookedProtocol(in Span input, EtherType protocol, int offset, int capEnd, int repEnd)
    {
        // Cooked headers carry an EtherType, or small ARPHRD-specific values (e.g. 4 = 802.2 LLC) that RawNet leaves as payload.
        if ((ushort)protocol < EthernetHeader.MinEtherType)
        {
            Unsupported(input, offset, capEnd, repEnd, "cooked protocol is not an EtherType");
            return;
        }
        DecodeEtherType(input, protocol, offset, capEnd, repEnd, 0);
    }

    private void DecodeEtherType(in Span input, EtherType type, int offset, int capEnd, int repEnd, int tags)
    {
        while (true)
        {
            switch (type)
            {
                case EtherType.Ipv4:
                    DecodeIpv4ByEtherType(input, offset, capEnd, repEnd);
                    return;
                case EtherType.Ipv6:
                    DecodeIpv6(input, offset, capEnd, repEnd);
                    return;
                case EtherType.Arp:
                    DecodeArp(input, offset, capEnd, repEnd);
                    return;
                case EtherType.Vlan or EtherType.QinQ or EtherType.QinQLegacy:
                    if (tags++ == MaxVlanTags)
                    {
                        Unsupported(input, offset, capEnd, repEnd, "too many VLAN tags");
                        return;
                    }
                    var tagKind = type == EtherType.QinQ ? LayerKind.ServiceVlan : LayerKind.Vlan;
                    if (!FixedHeader(input, tagKind, offset, VlanTag.Length, capEnd, repEnd, out _))
                        return;
                    type = (EtherType)BinaryPrimitives.ReadUInt16BigEndian(input.Bytes[(offset + VlanTag.Field.EtherType)..]);
                    offset += VlanTag.Length;
                    if ((ushort)type < EthernetHeader.MinEtherType && type != 0)
                    {
                        DecodeTypeOrLength(input, type, offset, capEnd, repEnd, tags);
                        return;
                    }
                    continue;
                case EtherType.PppoeSession:
                    DecodePppoeSession(input, offset, capEnd, repEnd);
                    return;
                case EtherType.MplsUnicast or EtherType.MplsMulticast:
                    DecodeMpls(input, offset, capEnd, repEnd);
                    return;
                case EtherType.TransparentEthernetBridging:
                    DecodeEthernet(input, offset, capEnd, repEnd);
                    return;
                case EtherType.Macsec:
                    DecodeMacsec(input, offset, capEnd, repEnd, tags);
                    return;
                case EtherType.Nsh:
                    DecodeNsh(input, offset, capEnd, repEnd, 0);
                    return;
                case EtherType.Arista:
                    DecodeArista(input, offset, capEnd, repEnd, tags);
                    return;
                case EtherType.Lwapp or EtherType.LwappLegacy:
                    DecodeLwapp(input, offset, capEnd, repEnd, apIdentity: false);
                    return;
                case EtherType.JumboLlc:
                    DecodeLlc(input, offset, capEnd, repEnd);
                    return;
                case EtherType.Lldp:
                    DecodeLldp(input, offset, capEnd, repEnd);
                    return;
                case EtherType.WakeOnLan:
                    if (!TryDecodeWol(input, offset, capEnd, repEnd))
                        Unsupported(input, offset, capEnd, repEnd, "EtherType not decoded");
                    return;
                default:
                    Unsupported(input, offset, capEnd, repEnd, "EtherType not decoded");
                    return;
            }
        }
    }

    /// <summary>
    /// A MACsec SecTAG as tshark 4.0 reads it: only version 0 with more captured than the SecTAG and an ICV (else data).
    /// Encrypted or changed secure data stays data, up to the ICV; unmodified secure data is an EtherType and what it
    /// names, handed everything to the end of the frame, the ICV included (tshark 4.0 does not read the short length).
    /// </summary>
    private void DecodeMacsec(in Span input, int offset, int capEnd, int repEnd, int tags)
    {
        var present = input.Bytes[offset..Math.Max(offset, capEnd)];
        if (!MacsecHeader.IsDissectable(present))
        {
            Unsupported(input, offset, capEnd, repEnd, "not a MACsec frame tshark reads");
            return;
        }
        MacsecHeader.TryRead(present, out var tag);
        int sectag = tag.HeaderLength;
        if (tag.IsConfidential)
        {
            // The ICV is the last 16 bytes captured; the rest is the secure data.
            Header(input, LayerKind.Macsec, offset, sectag, capEnd, repEnd, out _);
            int dataEnd = offset + tag.SecureDataEnd(capEnd - offset);
            Unsupported(input, offset + sectag, dataEnd, dataEnd, "encrypted MACsec payload");
            return;
        }
        Header(input, LayerKind.Macsec, offset, sectag + MacsecHeader.EtherTypeLength, capEnd, repEnd, out _);
        var type = (EtherType)BinaryPrimitives.ReadUInt16BigEndian(present[sectag..]);
        DecodeEtherType(input, type, offset + sectag + MacsecHeader.EtherTypeLength, capEnd, repEnd, tags);
    }

    /// <summary>
    /// A Network Service Header as tshark 4.0 reads it: the base and service path headers, the context headers its MD
    /// type has, then, when anything is captured past the length (24 bytes for MD type 1 whatever the length says), what
    /// the next protocol names. NSH inside NSH is walked <see cref="MaxNshHeaders"/> deep.
    /// </summary>
    private void DecodeNsh(in Span input, int offset, int capEnd, int repEnd, int depth)
    {
        if (!Header(input, LayerKind.Nsh, offset, NshHeader.Length, capEnd, repEnd, out int index))
            return;
        var present = input.Bytes[offset..capEnd];
        int fields = NshHeader.FieldsLength(present);
        if (fields > NshHeader.Length && !Header(input, LayerKind.Nsh, offset, fields, capEnd, repEnd, out _, replace: index))
            return;
        NshHeader.TryRead(present, out var nsh);
        int payload = offset + NshHeader.PayloadOffset(BinaryPrimitives.ReadUInt16BigEndian(present), nsh.MdType);
        if (capEnd <= payload)
        {
            // tshark decodes nothing then, and says nothing of a frame that ends there.
            if (repEnd > payload && !input.Quoted)
                Stop(DecodeOutcome.Truncated, LayerKind.Nsh, payload, "NSH payload cut by the capture");
            return;
        }
        switch (nsh.NextProtocol)
        {
            case NshNextProtocol.Ipv4:
                DecodeIpv4(input, payload, capEnd, repEnd);
                return;
            case NshNextProtocol.Ipv6:
                DecodeIpv6(input, payload, capEnd, repEnd);
                return;
            case NshNextProtocol.Ethernet:
                DecodeEthernet(input, payload, capEnd, repEnd);
                return;
            case NshNextProtocol.Mpls:
                DecodeMpls(input, payload, capEnd, repEnd);
                return;
            case NshNextProtocol.Nsh when depth + 1 < MaxNshHeaders:
                DecodeNsh(input, payload, capEnd, repEnd, depth + 1);
                return;
            default:
                Unsupported(input, payload, capEnd, repEnd, "NSH next protocol not decoded");
                return;
        }
    }

    /// <summary>
    /// Arista's vendor-specific header as tshark 4.0 reads it: the timestamp subtype with a version it knows (64-bit or
    /// 48-bit, TAI or UTC), its timestamp, then the original EtherType, decoded as over Ethernet; an unknown subtype
    /// followed directly by an EtherType; nothing after a timestamp version it does not know. Nesting is bounded by the
    /// packet's layer limit (each header adds a layer).
    /// </summary>
    private void DecodeArista(in Span input, int offset, int capEnd, int repEnd, int tags)
    {
        var present = input.Bytes[offset..Math.Max(offset, capEnd)];
        int length = AristaHeader.LengthOf(present);
        if (!Header(input, LayerKind.Arista, offset, length, capEnd, repEnd, out _))
            return;
        AristaHeader.TryRead(present, out var header);
        if (!header.HasEtherType)
        {
            if (!input.Quoted)
                Stop(DecodeOutcome.Unsupported, LayerKind.Arista, offset + length, "unknown Arista timestamp version");
            return;
        }
        DecodeEtherType(input, (EtherType)header.EtherType, offset + length, capEnd, repEnd, tags);
    }

    private void DecodePppoeSession(in Span input, int offset, int capEnd, int repEnd)
    {
        // The protocol field is one byte when compressed (an odd first byte), else two.
        int length = PppoeSessionHeader.LengthOf(input.Bytes[offset..capEnd]);
        if (!Header(input, LayerKind.PppoeSession, offset, length, capEnd, repEnd, out _))
            return;
        PppoeSessionHeader.TryRead(input.Bytes[offset..capEnd], out var pppoe);
        // PPP carries what the session's own length says, counted from the end of the session header.
        int end = Math.Min(repEnd, offset + PppoeSessionHeader.SessionLength + pppoe.PayloadLength);
        DecodePppProtocol(input, pppoe.Protocol, offset + pppoe.HeaderLength, Math.Min(capEnd, end), end);
    }

    /// <summary>A PPP header as <paramref name="framing"/> lays it out, then what its protocol field names.</summary>
    private void DecodePpp(in Span input, int offset, PppFraming framing, int capEnd, int repEnd)
    {
        var present = input.Bytes[offset..Math.Max(offset, capEnd)];
        var layout = PppLayout.Of(present, framing);
        bool whole = Header(input, LayerKind.Ppp, offset, layout.Length, capEnd, repEnd, out int index);
        if (index >= 0)
            _packet.LayerRef(index).Detail = layout.ToDetail();
        if (!whole)
            return;
        PppHeader.TryRead(present, layout, out var ppp);
        DecodePppProtocol(input, ppp.Protocol, offset + layout.Length, capEnd, repEnd);
    }

    /// <summary>
    /// tshark's "ppp_hdlc" dissector (link types 9 and 50, L2TPv3's PPP pseudowire): Cisco's serial framing when the first
    /// byte is one of its addresses, which are never PPP's 0xff (RFC 1547 4.3.1), else PPP with optional address and control.
    /// </summary>
    private void DecodePppHdlc(in Span input, int offset, int capEnd, int repEnd)
    {
        if (capEnd > offset && CiscoHdlcHeader.IsAddress(input.Bytes[offset]))
            DecodeCiscoHdlc(input, offset, capEnd, repEnd);
        else
            DecodePpp(input, offset, PppFraming.Hdlc, capEnd, repEnd);
    }

    private void DecodeCiscoHdlc(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.CiscoHdlc, offset, CiscoHdlcHeader.Length, capEnd, repEnd, out int index))
            return;
        CiscoHdlcHeader.TryRead(input.Bytes[offset..capEnd], out var chdlc);
        int payload = offset + CiscoHdlcHeader.Length;
        if (payload >= capEnd)
        {
            // tshark reads the byte after the type (an OSI pad byte, were it OSI) before it searches its table: the
            // exception is Cisco HDLC's, and no layer follows.
            _packet.LayerRef(index).Status = capEnd < repEnd ? LayerStatus.Truncated : LayerStatus.Malformed;
            StopShort(input, LayerKind.CiscoHdlc, payload, capEnd, repEnd, "Cisco HDLC frame ends at its header");
            return;
        }
        // tshark's Cisco HDLC table, not the EtherType table: ARP, VLANs and the rest stay data.
        switch (chdlc.Protocol)
        {
            case (ushort)EtherType.Ipv4:
                DecodeIpByDispatcher(input, payload, capEnd, repEnd);
                return;
            case (ushort)EtherType.Ipv6:
                DecodeIpv6(input, payload, capEnd, repEnd);
                return;
            case CiscoHdlcHeader.SlarpProtocol:
                DecodeSlarp(input, payload, capEnd, repEnd);
                return;
            case (ushort)EtherType.MplsUnicast or (ushort)EtherType.MplsMulticast:
                DecodeMpls(input, payload, capEnd, repEnd);
                return;
            default:
                Unsupported(input, payload, capEnd, repEnd, "Cisco HDLC protocol not decoded");
                return;
        }
    }

    /// <summary>
    /// A Frame Relay frame as tshark reads it with its default encapsulation (FRF 3.2): the Q.922 address, then for the
    /// UI control field of RFC 2427 (0x03, or 0x13 with the poll/final bit, whose SNAP EtherType payload is data) an optional pad and the NLPID (IPv4, IPv6, SNAP with the EtherType of OUI 00-00-00
    /// and 00-00-F8; others as data). Any other control field ends the layer at the address and leaves the rest as data
    /// (tshark's LAPF, XID and Cisco-encapsulation guesses are not made).
    /// </summary>
    private void DecodeFrameRelay(in Span input, int offset, int capEnd, int repEnd)
    {
        var bytes = input.Bytes[offset..Math.Max(offset, capEnd)];
        int address = FrameRelayHeader.AddressLengthOf(bytes, out _);
        if (address == 0)
        {
            // Cut inside the address: at least one octet more was needed.
            Header(input, LayerKind.FrameRelay, offset, capEnd - offset + 1, capEnd, repEnd, out _);
            return;
        }
        if (!Header(input, LayerKind.FrameRelay, offset, address + 1, capEnd, repEnd, out int index))
            return;
        if (!FrameRelayHeader.CarriesNlpid(bytes[address..]))
        {
            Header(input, LayerKind.FrameRelay, offset, address, capEnd, repEnd, out _, replace: index);
            Unsupported(input, offset + address, capEnd, repEnd, "Frame Relay control field other than UI not decoded");
            return;
        }
        if (!Header(input, LayerKind.FrameRelay, offset, address + 2, capEnd, repEnd, out index, replace: index))
            return;
        int nlpidAt = address + 1 + (bytes[address + 1] == 0 ? 1 : 0);
        if (!Header(input, LayerKind.FrameRelay, offset, nlpidAt + 1, capEnd, repEnd, out index, replace: index))
            return;
        int payload = offset + nlpidAt + 1;
        switch ((Nlpid)bytes[nlpidAt])
        {
            case Nlpid.Ipv4:
                // As tshark's fr.nlpid table: to the version-sniffing "ip" dissector.
                DecodeIpByDispatcher(input, payload, capEnd, repEnd);
                return;
            case Nlpid.Ipv6:
                DecodeIpv6(input, payload, capEnd, repEnd);
                return;
            case Nlpid.Snap:
            {
                if (!Header(input, LayerKind.FrameRelay, offset, payload - offset + FrameRelayHeader.SnapLength, capEnd, repEnd, out _, replace: index))
                    return;
                uint oui = (uint)(bytes[nlpidAt + 1] << 16 | bytes[nlpidAt + 2] << 8 | bytes[nlpidAt + 3]);
                var type = (EtherType)BinaryPrimitives.ReadUInt16BigEndian(bytes[(nlpidAt + 4)..]);
                // tshark's SNAP hands an EtherType's payload on only from a UI frame without the poll bit: the rest is data.
                bool ui = bytes[address] == FrameRelayHeader.UnnumberedInformation;
                if (oui is LlcHeader.EncapsulatedEthernet or LlcHeader.BridgeTunnel && !ui)
                    Unsupported(input, payload + FrameRelayHeader.SnapLength, capEnd, repEnd, "SNAP EtherType in a UI frame with the poll bit not decoded");
                else if (oui is LlcHeader.EncapsulatedEthernet or LlcHeader.BridgeTunnel)
                    DecodeEtherType(input, type, payload + FrameRelayHeader.SnapLength, capEnd, repEnd, 0);
                else if (oui == LlcHeader.Bridged && BridgedPid.FrameOffset((ushort)type, BridgedPid.FrameRelayPad) is >= 0 and var pad)
                    DecodeBridged(input, LayerKind.FrameRelay, (ushort)type, payload + FrameRelayHeader.SnapLength, pad, capEnd, repEnd);
                else if (StpBpdu.IsSnapBpdu(oui, (ushort)type) && repEnd > payload + FrameRelayHeader.SnapLength)
                    DecodeStp(input, payload + FrameRelayHeader.SnapLength, capEnd, repEnd);
                else
                    Unsupported(input, payload + FrameRelayHeader.SnapLength, capEnd, repEnd, "SNAP OUI not decoded");
                return;
            }
            default:
                Unsupported(input, payload, capEnd, repEnd, "Frame Relay NLPID not decoded");
                return;
        }
    }

    private void DecodeSlarp(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Slarp, offset, SlarpPacket.TypeLength, capEnd, repEnd, out int index))
            return;
        var type = (SlarpType)BinaryPrimitives.ReadUInt32BigEndian(input.Bytes[offset..]);
        // Cisco pads the packet past its fields; tshark shows nothing of the rest, so neither is a payload here. After an
        // unknown type tshark hands the rest to data.
        if (!Header(input, LayerKind.Slarp, offset, SlarpPacket.LengthOf(type), capEnd, repEnd, out _, replace: index))
            return;
        if (!SlarpPacket.IsKnown(type))
            Payload(input, offset + SlarpPacket.TypeLength, capEnd, repEnd);
    }

    /// <summary>
    /// An MPLS label stack, one layer per entry down to the one marked bottom of stack, then what tshark guesses it
    /// carries. A stack that never ends runs into the end of the packet (malformed there) or into
    /// <see cref="MaxMplsLabels"/>.
    /// </summary>
    private void DecodeMpls(in Span input, int offset, int capEnd, int repEnd)
    {
        var bytes = input.Bytes;
        uint bottom = 0;
        for (int labels = 0; ; labels++)
        {
            if (labels == MaxMplsLabels)
            {
                Unsupported(input, offset, capEnd, repEnd, "more MPLS labels than RawNet walks");
                return;
            }
            if (!Header(input, LayerKind.Mpls, offset, MplsLabel.Length, capEnd, repEnd, out _))
                return;
            MplsLabel.TryRead(bytes[offset..capEnd], out var label);
            offset += MplsLabel.Length;
            if (label.BottomOfStack)
            {
                bottom = label.Label;
                break;
            }
        }
        if (capEnd <= offset)
        {
            // tshark reads the first byte after the stack to guess what it is: without one the packet is cut or malformed.
            if (!input.Quoted)
                Stop(capEnd < repEnd ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Mpls, offset, "nothing after the bottom of the MPLS label stack");
            return;
        }
        if (bottom == MplsLabel.OamAlert)
        {
            // tshark hands what follows an OAM alert label to its Y.1711 dissector, whatever its first nibble.
            Unsupported(input, offset, capEnd, repEnd, "Y.1711 OAM after the MPLS OAM alert label not decoded");
            return;
        }
        switch (MplsLabel.GuessPayload(bytes[offset]))
        {
            case MplsPayload.Ipv4:
                DecodeIpv4(input, offset, capEnd, repEnd);
                return;
            case MplsPayload.Ipv6:
                DecodeIpv6(input, offset, capEnd, repEnd);
                return;
            default:
                Unsupported(input, offset, capEnd, repEnd, "MPLS payload not decoded");
                return;
        }
    }

    private void DecodePppProtocol(in Span input, PppProtocol protocol, int offset, int capEnd, int repEnd)
    {
        switch (protocol)
        {
            case PppProtocol.Ipv4:
                DecodeIpByDispatcher(input, offset, capEnd, repEnd);
                return;
            case PppProtocol.Ipv6:
                DecodeIpv6(input, offset, capEnd, repEnd);
                return;
            case PppProtocol.MplsUnicast or PppProtocol.MplsMulticast:
                DecodeMpls(input, offset, capEnd, repEnd);
                return;
            case PppProtocol.Llc:
                DecodeLlc(input, offset, capEnd, repEnd);
                return;
            case PppProtocol.Lcp:
                DecodePppControl(input, LayerKind.Lcp, offset, capEnd, repEnd);
                return;
            case PppProtocol.Ipcp:
                DecodePppControl(input, LayerKind.Ipcp, offset, capEnd, repEnd);
                return;
            case PppProtocol.Ipv6cp:
                DecodePppControl(input, LayerKind.Ipv6cp, offset, capEnd, repEnd);
                return;
            case PppProtocol.Pap or PppProtocol.Chap:
                DecodePppAuthentication(input, protocol == PppProtocol.Pap ? LayerKind.Pap : LayerKind.Chap, offset, capEnd, repEnd);
                return;
            default:
                Unsupported(input, offset, capEnd, repEnd, "PPP protocol not decoded");
                return;
        }
    }

    /// <summary>
    /// A PPP control protocol packet (LCP, IPCP, IPv6CP): the layer is the packet as its length declares it (the header
    /// and the code's fixed fields when that length is below 4), and nothing of what follows it. tshark reads the code's fixed fields whatever
    /// the length, so a body too short for them is malformed, as is an option its reading fails in; a Protocol-Reject
    /// hands the rejected packet to the rejected protocol, whose layers are marked quoted (tshark keeps LCP's columns and
    /// any failure inside it to itself).
    /// </summary>
    private void DecodePppControl(in Span input, LayerKind kind, int offset, int capEnd, int repEnd)
    {
        if (!Header(input, kind, offset, PppControlPacket.HeaderLength, capEnd, repEnd, out int index))
            return;
        PppControlPacket.TryRead(input.Bytes[offset..capEnd], out var cp);
        int end = cp.End;
        if (cp.Code == (byte)PppControlCode.ProtocolReject && cp.HasBody && offset + end > repEnd)
        {
            // tshark hands a rejected packet whatever the frame has left, whatever the length claims.
            end = Math.Max(PppControlPacket.Field.RejectedPacket, repEnd - offset);
        }
        if (!Header(input, kind, offset, end, capEnd, repEnd, out index, replace: index))
            return;
        var bytes = input.Bytes.Slice(offset, end);
        if (end - PppControlPacket.HeaderLength < PppControlPacket.FixedBodyLength(cp.Code)
            || PppControlOptions.EndsMalformed(bytes, PppControlFields.ProtocolOf(kind)))
        {
            Malformed(ref _packet.LayerRef(index), input, kind, offset, "PPP control packet shorter than its code's fields, or an option tshark cannot read");
            return;
        }
        int rejected = offset + PppControlPacket.Field.RejectedPacket;
        if (cp.Code == (byte)PppControlCode.ProtocolReject && offset + end > rejected)
        {
            var protocol = (PppProtocol)BinaryPrimitives.ReadUInt16BigEndian(bytes[PppControlPacket.Field.RejectedProtocol..]);
            DecodePppProtocol(new Span(input.Bytes, input.Frame, input.Source, quoted: true), protocol, rejected, offset + end, offset + end);
        }
    }

    /// <summary>
    /// A PAP or CHAP packet: the layer runs to where tshark's reading failed (its status says whether the capture or the
    /// packet ended there), or when every read succeeded, over what tshark's item covers (<see cref="PppAuthPacket.Extent"/>)
    /// as far as it was captured. Nothing follows it.
    /// </summary>
    private void DecodePppAuthentication(in Span input, LayerKind kind, int offset, int capEnd, int repEnd)
    {
        bool chap = kind == LayerKind.Chap;
        var bytes = input.Bytes[Math.Min(offset, capEnd)..capEnd];
        int wire = Math.Max(0, repEnd - offset);
        Span<PppAuthItem> items = stackalloc PppAuthItem[PppAuthPacket.MaxItems];
        PppAuthPacket.Walk(chap, bytes, wire, items, out int need, out _);
        int length = need >= 0 ? need : Math.Min(PppAuthPacket.Extent(chap, bytes, wire), bytes.Length);
        Header(input, kind, offset, length, capEnd, repEnd, out _);
    }

    private void DecodeArp(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Arp, offset, ArpPacket.FixedLength, capEnd, repEnd, out int index))
            return;
        ArpPacket.TryRead(input.Bytes[offset..capEnd], out var arp);
        int total = arp.TotalLength;
        ref Layer layer = ref _packet.LayerRef(index);
        if (offset + total > capEnd)
        {
            layer.HeaderLength = capEnd - offset;
            layer.Status = LayerStatus.Truncated;
            StopShort(input, LayerKind.Arp, offset, capEnd, repEnd, "ARP addresses cut short");
            return;
        }
        layer.HeaderLength = total;
        layer.Extent = total;
    }

    private void DecodeIpByVersion(in Span input, int offset, int capEnd, int repEnd)
    {
        switch (input.Bytes[offset] >> 4)
        {
            case 4:
                DecodeIpv4(input, offset, capEnd, repEnd);
                return;
            case 6:
                DecodeIpv6(input, offset, capEnd, repEnd);
                return;
            default:
                Stop(DecodeOutcome.Malformed, LayerKind.Frame, offset, "raw IP version is neither 4 nor 6");
                Payload(input, offset, capEnd, repEnd);
                return;
        }
    }

    private void DecodeIpv4(in Span input, int offset, int capEnd, int repEnd)
    {
        if (++_networkLayers > MaxNetworkLayers || _packet.IsFull)
        {
            Unsupported(input, offset, capEnd, repEnd, "too many nested IP headers");
            return;
        }
        var bytes = input.Bytes;
        if (!FixedHeader(input, LayerKind.Ipv4, offset, 1, capEnd, repEnd, out int index))
            return;
        ref Layer layer = ref _packet.LayerRef(index);
        int version = bytes[offset] >> 4;
        int ihl = (bytes[offset] & 0x0F) * 4;
        layer.HeaderLength = Math.Min(Math.Max(ihl, Ipv4Header.MinLength), capEnd - offset);
        layer.Extent = repEnd - offset;
        if (version != 4)
        {
            // tshark adds the version and stops ("Bogus IP version"): the layer is that byte.
            layer.HeaderLength = 1;
            Malformed(ref layer, input, LayerKind.Ipv4, offset, "IPv4 version field is not 4");
            return;
        }
        if (ihl < Ipv4Header.MinLength)
        {
            // tshark adds the version and header length and stops ("Bogus IP header length"): the layer is that byte.
            layer.HeaderLength = 1;
            Malformed(ref layer, input, LayerKind.Ipv4, offset, "IPv4 header length below 20");
            return;
        }
        if (capEnd - offset < ihl || !Ipv4Header.TryRead(bytes[offset..capEnd], out var ip))
        {
            layer.Status = LayerStatus.Truncated;
            StopShort(input, LayerKind.Ipv4, offset, capEnd, repEnd, "IPv4 header cut short");
            return;
        }
        int totalLength = ip.TotalLength;
        if (totalLength == 0)
        {
            // TSO/GSO: the NIC fills the length in later; tshark then trusts the frame's reported length.
            totalLength = repEnd - offset;
        }
        else if (totalLength < ihl)
        {
            Malformed(ref layer, input, LayerKind.Ipv4, offset, "IPv4 total length below header length");
            return;
        }
        else if (offset + totalLength > repEnd)
        {
            // The datagram claims more bytes than the frame carried: keep what is there, flag it.
            layer.Status = LayerStatus.Malformed;
            totalLength = repEnd - offset;
            Stop(DecodeOutcome.Malformed, LayerKind.Ipv4, offset, "IPv4 total length exceeds the frame");
        }
        layer.Extent = totalLength;
        int end = offset + totalLength;
        int payloadCapEnd = Math.Min(capEnd, end);
        if (_options.VerifyChecksums && !input.Quoted)
        {
            layer.Checksum = Judge(ref layer, InternetChecksum.Add(0, bytes.Slice(offset, ihl)), bytes, offset + Ipv4Header.Field.Checksum);
            // A header checksum of 0 on a frame this host sent was left for the card to fill (Windows and BSD offload).
            if (layer.Checksum == ChecksumStatus.Bad && ip.Checksum == 0 && _packet.Metadata.Direction != PacketDirection.Inbound)
                layer.Checksum = ChecksumStatus.Offloaded;
        }

        var protocol = ip.Protocol;
        int payload = offset + ihl;
        if (ip.IsFragment && !input.Quoted)
        {
            DecodeFragment(input, index, index, protocol, payload, payloadCapEnd, end, ip.FragmentOffsetBytes, ip.HasMoreFragments,
                new FragmentKey(ToUInt128(ip.Source), ToUInt128(ip.Destination), ip.Identification, (byte)protocol, 4));
            return;
        }
        if (ip.IsFragment && ip.FragmentOffsetBytes != 0)
        {
            Payload(input, payload, payloadCapEnd, end);
            return;
        }
        // A datagram that reaches no byte past its header on the wire hands nothing on (tshark calls no dissector for a
        // payload of reported length 0), even where its header names a protocol.
        if (payload >= end)
            return;
        DecodeTransport(input, protocol, payload, payloadCapEnd, end, index);
    }

    private void DecodeIpv6(in Span input, int offset, int capEnd, int repEnd)
    {
        if (++_networkLayers > MaxNetworkLayers || _packet.IsFull)
        {
            Unsupported(input, offset, capEnd, repEnd, "too many nested IP headers");
            return;
        }
        var bytes = input.Bytes;
        if (!FixedHeader(input, LayerKind.Ipv6, offset, 1, capEnd, repEnd, out int index))
            return;
        ref Layer layer = ref _packet.LayerRef(index);
        layer.HeaderLength = Math.Min(Ipv6Header.Length, capEnd - offset);
        layer.Extent = repEnd - offset;
        if (bytes[offset] >> 4 != 6)
        {
            // tshark adds the version and stops ("Bogus IP version"): the layer is that byte.
            layer.HeaderLength = 1;
            Malformed(ref layer, input, LayerKind.Ipv6, offset, "IPv6 version field is not 6");
            return;
        }
        if (!Ipv6Header.TryRead(bytes[offset..capEnd], out var ip))
        {
            layer.Status = LayerStatus.Truncated;
            StopShort(input, LayerKind.Ipv6, offset, capEnd, repEnd, "IPv6 header cut short");
            return;
        }
        // A payload length of 0: a jumbogram's (RFC 2675) when a Hop-by-Hop header follows, an empty payload when its
        // Jumbo option is missing or too small (tshark's Hop-by-Hop then reads past the end: malformed), the frame's rest
        // otherwise (TSO).
        long extent = ip.PayloadLength != 0 ? Ipv6Header.Length + ip.PayloadLength
            : ip.NextHeader != IpProtocol.Ipv6HopByHop ? repEnd - offset
            : ip.JumboPayloadLength(bytes[(offset + Ipv6Header.Length)..capEnd]) is uint jumbo ? Math.Min(repEnd - offset, Ipv6Header.Length + (long)jumbo)
            : Ipv6Header.Length;
        if (offset + extent > repEnd)
        {
            layer.Status = LayerStatus.Malformed;
            extent = repEnd - offset;
            Stop(DecodeOutcome.Malformed, LayerKind.Ipv6, offset, "IPv6 payload length exceeds the frame");
        }
        layer.Extent = (int)extent;
        int end = offset + (int)extent;
        int payloadCapEnd = Math.Min(capEnd, end);

        var next = ip.NextHeader;
        int position = offset + Ipv6Header.Length;
        _routedDestination = -1;
        bool fragment = false, moreFragments = false;
        int fragmentOffset = 0, fragmentLayer = index;
        uint identification = 0;
        for (int walked = 0; Ipv6ExtensionHeader.IsExtension(next); walked++)
        {
            if (walked == MaxExtensionHeaders || _packet.IsFull)
            {
                Unsupported(input, position, payloadCapEnd, end, "too many IPv6 extension headers");
                return;
            }
            var kind = next switch
            {
                IpProtocol.Ipv6HopByHop => LayerKind.Ipv6HopByHop,
                IpProtocol.Ipv6Routing => LayerKind.Ipv6Routing,
                IpProtocol.Ipv6Fragment => LayerKind.Ipv6Fragment,
                IpProtocol.AuthenticationHeader => LayerKind.Ipv6AuthenticationHeader,
                _ => LayerKind.Ipv6DestinationOptions,
            };
            if (payloadCapEnd - position < 2)
            {
                Header(input, kind, position, 2, payloadCapEnd, end, out _);
                return;
            }
            int length = Ipv6ExtensionHeader.LengthOf(next, bytes.Slice(position, 2));
            if (!Header(input, kind, position, length, payloadCapEnd, end, out int headerIndex))
                return;
            // With (unusual) several routing headers, the innermost one that still has segments left names the destination.
            if (next == IpProtocol.Ipv6Routing && Ipv6ExtensionHeader.FinalDestinationOffset(bytes.Slice(position, length)) is int at and >= 0)
                _routedDestination = position + at;
            if (next == IpProtocol.Ipv6Fragment)
            {
                fragment = true;
                fragmentLayer = headerIndex;
                ushort word = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + Ipv6ExtensionHeader.Field.FragmentOffsetAndFlags)..]);
                fragmentOffset = word & 0xFFF8;
                moreFragments = (word & 1) != 0;
                identification = BinaryPrimitives.ReadUInt32BigEndian(bytes[(position + Ipv6ExtensionHeader.Field.FragmentIdentification)..]);
            }
            next = (IpProtocol)bytes[position];
            position += length;
        }
        // An atomic fragment (offset 0, no more fragments) is a whole datagram (RFC 6946).
        if (fragment && (fragmentOffset != 0 || moreFragments) && !input.Quoted)
        {
            DecodeFragment(input, index, fragmentLayer, next, position, payloadCapEnd, end, fragmentOffset, moreFragments,
                new FragmentKey(ToUInt128(ip.Source), ToUInt128(ip.Destination), identification, (byte)next, 6));
            return;
        }
        if (fragment && fragmentOffset != 0)
        {
            Payload(input, position, payloadCapEnd, end);
            return;
        }
        if (next == IpProtocol.Ipv6NoNextHeader)
        {
            if (payloadCapEnd > position)
                Payload(input, position, payloadCapEnd, end);
            return;
        }
        DecodeTransport(input, next, position, payloadCapEnd, end, index);
    }

    // fieldsLayer: the layer that shows the reassembly's fields, IPv4's or IPv6's fragment header.
    private void DecodeFragment(in Span input, int ipIndex, int fieldsLayer, IpProtocol protocol, int payload, int capEnd, int end,
        int fragmentOffset, bool moreFragments, in FragmentKey key)
    {
        if (_reassembler is null || capEnd < end || end == payload)
        {
            // No reassembly (or the fragment was not captured whole, or is empty, which tshark does not add): only a first
            // fragment has a transport header to show.
            // (tshark too dissects a first fragment it could not add because the capture cut it)
            if (fragmentOffset == 0 && (_reassembler is null || (capEnd < end && end > payload)))
            {
                _partialDatagram = true;
                DecodeTransport(input, protocol, payload, capEnd, end, ipIndex);
                _partialDatagram = false;
                return;
            }
            _packet.IsUnreassembledFragment = true;
            Payload(input, payload, capEnd, end);
            return;
        }
        if (!_reassembler.TryAdd(key, fragmentOffset, moreFragments, input.Bytes[payload..capEnd], _packet.FrameNumber, _packet.Metadata.TimestampNanoseconds,
                out var buffer, out int length, out var datagram))
        {
            _packet.IsUnreassembledFragment = true;
            Payload(input, payload, capEnd, end);
            return;
        }
        _packet.ReassembledBuffer = buffer;
        _packet.ReassembledLength = length;
        _packet.ReassembledFragmentCount = datagram!.Count;
        _packet.AddIpDatagram(fieldsLayer, datagram);
        var whole = new Span(buffer.AsSpan(0, length), input.Frame, LayerSource.Reassembled, quoted: false);
        DecodeTransport(whole, protocol, 0, length, length, ipIndex);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void DecodeTransport(in Span input, IpProtocol protocol, int offset, int capEnd, int repEnd, int ipIndex)
    {
        if (_packet.IsFull)
        {
            Unsupported(input, offset, capEnd, repEnd, "too many layers");
            return;
        }
        switch (protocol)
        {
            case IpProtocol.Tcp:
                DecodeTcp(input, offset, capEnd, repEnd, ipIndex);
                return;
            case IpProtocol.Udp:
                DecodeUdp(input, offset, capEnd, repEnd, ipIndex);
                return;
            case IpProtocol.Icmp when _packet[ipIndex].Kind == LayerKind.Ipv4:
                DecodeIcmp(input, LayerKind.Icmp, offset, capEnd, repEnd, ipIndex);
                return;
            case IpProtocol.Icmpv6:
                DecodeIcmp(input, LayerKind.Icmpv6, offset, capEnd, repEnd, ipIndex);
                return;
            case IpProtocol.Igmp when _packet[ipIndex].Kind == LayerKind.Ipv4 && !input.Quoted && repEnd > offset:
                DecodeIgmp(input, IgmpFormOf(input, offset, capEnd, repEnd, ipIndex), offset, capEnd, repEnd);
                return;
            case IpProtocol.Ospf when !input.Quoted && repEnd > offset:
                DecodeOspf(input, offset, capEnd, repEnd);
                return;
            case IpProtocol.IpInIp:
                DecodeIpv4(input, offset, capEnd, repEnd);
                return;
            case IpProtocol.Ipv6:
                DecodeIpv6(input, offset, capEnd, repEnd);
                return;
            case IpProtocol.Gre:
                DecodeGre(input, offset, capEnd, repEnd);
                return;
            // IPv6 hands L2TPv3 even an empty payload (IPv4 does not).
            case IpProtocol.L2tp when !input.Quoted && (capEnd > offset || repEnd > offset || _packet[ipIndex].Kind == LayerKind.Ipv6):
                DecodeL2tpv3(input, offset, capEnd, repEnd, overIp: true);
                return;
            default:
                if (capEnd > offset || repEnd > offset)
                    Unsupported(input, offset, capEnd, repEnd, "IP protocol not decoded");
                return;
        }
    }

    /// <summary>
    /// An IGMP message as far as tshark reads it (<see cref="IgmpWalk"/>): the captured bytes when every read succeeded (tshark
    /// hands nothing after it on), else cut by the capture, or malformed when the read that failed ran past the message.
    /// RGMP's messages to its group are an RGMP layer; the types other dissectors read an IGMP layer of no bytes and data.
    /// </summary>
    private void DecodeIgmp(in Span input, IgmpForm form, int offset, int capEnd, int repEnd)
    {
        if (form == IgmpForm.Other)
        {
            // A type another of tshark's dissectors reads (DVMRP, PIMv1, MSNIP, ...): IGMP's dispatcher, then the bytes as data.
            if (Header(input, LayerKind.Igmp, offset, 0, capEnd, repEnd, out int dispatcher))
                _packet.LayerRef(dispatcher).Detail = (byte)form;
            Payload(input, offset, capEnd, repEnd);
            return;
        }
        var captured = input.Bytes[offset..Math.Max(offset, capEnd)];
        var walk = new IgmpWalk(captured, repEnd - offset, form);
        while (walk.Next(out _))
        {
        }
        int length = !walk.Failed ? captured.Length : walk.FailedEnd > repEnd - offset ? Math.Max(walk.FailedEnd, repEnd - offset + 1) : walk.FailedEnd;
        Header(input, form == IgmpForm.Rgmp ? LayerKind.Rgmp : LayerKind.Igmp, offset, length, capEnd, repEnd, out int index);
        if (index < 0)
            return;
        ref Layer layer = ref _packet.LayerRef(index);
        layer.Detail = (byte)form;
        // The verdict tshark's expert item reports (its checksum status field is the walk's): only where it verified.
        int covered = form is IgmpForm.V1 or IgmpForm.V2 ? IgmpMessage.ShortLength : repEnd - offset;
        if (form is not (IgmpForm.Unread or IgmpForm.QueryUnread or IgmpForm.Unknown) && captured.Length >= covered && covered >= 4)
            layer.Checksum = Judge(ref layer, InternetChecksum.Add(0, captured[..covered]), captured, IgmpMessage.Field.Checksum);
    }

    /// <summary>
    /// An OSPF packet as far as tshark reads it (<see cref="OspfWalk"/>): every captured byte when every read succeeded, else
    /// cut by the capture, or malformed when the read that failed ran past the packet. An unknown message type's body is data.
    /// </summary>
    private void DecodeOspf(in Span input, int offset, int capEnd, int repEnd)
    {
        var captured = input.Bytes[offset..Math.Max(offset, capEnd)];
        int reported = repEnd - offset;
        var walk = new OspfWalk(captured, reported);
        while (walk.Next(out _))
        {
        }
        bool data = !walk.Failed && walk.DataAfterHeader && captured.Length > walk.HeaderLength;
        int length = walk.Failed ? (walk.FailedEnd > reported ? Math.Max(walk.FailedEnd, reported + 1) : walk.FailedEnd)
            : data ? walk.HeaderLength : captured.Length;
        Header(input, LayerKind.Ospf, offset, length, capEnd, repEnd, out int index);
        if (index >= 0 && data)
            Payload(input, offset + length, capEnd, repEnd);
    }

    /// <summary>Which of tshark's IGMP dissectors reads the message, by its bytes and the IPv4 header's destination (RGMP's group).</summary>
    private IgmpForm IgmpFormOf(in Span input, int offset, int capEnd, int repEnd, int ipIndex)
    {
        var ip = _packet.HeaderOf(_packet[ipIndex], input.Frame);
        var destination = ip.Length >= Ipv4Header.Field.Destination + 4 ? ip.Slice(Ipv4Header.Field.Destination, 4) : default;
        return IgmpMessage.FormOf(input.Bytes[offset..Math.Max(offset, capEnd)], repEnd - offset, destination);
    }

    private void DecodeTcp(in Span input, int offset, int capEnd, int repEnd, int ipIndex)
    {
        var bytes = input.Bytes;
        if (!FixedHeader(input, LayerKind.Tcp, offset, TcpHeader.MinLength, capEnd, repEnd, out int index) || !TcpHeader.TryRead(bytes[offset..capEnd], out var tcp))
            return;
        ref Layer layer = ref _packet.LayerRef(index);
        int headerLength = tcp.HeaderLength;
        if (headerLength < TcpHeader.MinLength)
        {
            Malformed(ref layer, input, LayerKind.Tcp, offset, "TCP header length below 20");
            return;
        }
        if (headerLength > repEnd - offset)
        {
            Malformed(ref layer, input, LayerKind.Tcp, offset, "TCP header length exceeds the segment");
            return;
        }
        if (capEnd - offset < headerLength)
        {
            layer.HeaderLength = capEnd - offset;
            layer.Status = LayerStatus.Truncated;
            StopShort(input, LayerKind.Tcp, offset, capEnd, repEnd, "TCP options cut short");
            return;
        }
        layer.HeaderLength = headerLength;
        if (_options.VerifyChecksums && !input.Quoted)
            layer.Checksum = VerifyTransport(ref layer, input, offset, capEnd, repEnd, ipIndex, IpProtocol.Tcp, allowZero: false);
        int payload = offset + headerLength;
        if (capEnd <= payload)
            return;
        // Echo's port 7 is the lower port of any other RawNet decodes by, so tshark tries it first.
        if (!_partialDatagram && (tcp.SourcePort == Echo.EchoPorts.Echo || tcp.DestinationPort == Echo.EchoPorts.Echo))
            DecodeEcho(input, payload, capEnd, repEnd, tcp.DestinationPort);
        // A segment an ICMP error quotes is handed to HTTP too (tshark's HTTP reads what the quote holds).
        else if (!_partialDatagram && HttpPorts.CarriesWireshark(tcp.SourcePort, tcp.DestinationPort))
            DecodeHttp(input, payload, capEnd, repEnd, (tcp.Flags & TcpFlags.Fin) != 0);
        else if (!input.Quoted && !_partialDatagram && DnsPorts.CarriesStream(tcp.SourcePort, tcp.DestinationPort))
            DecodeDnsStream(input, payload, capEnd, repEnd);
        else if (!input.Quoted && !_partialDatagram && Tls.TlsPorts.Carries(tcp.SourcePort, tcp.DestinationPort))
            DecodeTlsStream(input, payload, capEnd, repEnd);
        else if (!input.Quoted && !_partialDatagram && (tcp.SourcePort == Sip.SipPorts.Sip || tcp.DestinationPort == Sip.SipPorts.Sip)
            && DecodeSip(input, payload, capEnd, repEnd))
        {
        }
        else
            Payload(input, payload, capEnd, repEnd);
    }

    /// <summary>
    /// TLS records in one segment, as tshark's TLS reads them when nothing came before in the stream: one layer over the
    /// whole records from the payload's start, the rest (a record or header the segment does not hold whole) left as data
    /// for the conversation tracker to put together with later segments (<see cref="Tls.TlsStreams"/>). A segment the
    /// capture cut is read as far as it goes (tshark cannot desegment it). The layer's walk says whether a read failed.
    /// </summary>
    private void DecodeTlsStream(in Span input, int offset, int capEnd, int repEnd)
    {
        if (_packet.IsFull)
            return;
        var data = input.Bytes[offset..capEnd];
        int reported = repEnd - offset;
        // tshark's TLS declines a payload that starts with four printable characters (plain text): data.
        if (Tls.TlsRecordWalk.LooksLikeText(data))
        {
            Payload(input, offset, capEnd, repEnd);
            return;
        }
        int run = data.Length < reported ? reported : Tls.TlsRecordWalk.WholeRecordsLength(data);
        if (run > 0)
        {
            ref Layer layer = ref _packet.Add(LayerKind.Tls, offset, Math.Min(run, data.Length), run, input.Source);
            var walk = Tls.TlsLayerDetail.Walk(in layer, input.Bytes);
            while (walk.MoveNext())
            {
            }
            if (walk.End != Tls.TlsWalkEnd.Done)
            {
                bool truncated = walk.End == Tls.TlsWalkEnd.Truncated;
                layer.Status = truncated ? LayerStatus.Truncated : LayerStatus.Malformed;
                Stop(truncated ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Tls, offset + walk.Offset,
                    truncated ? "TLS record cut short by the capture length" : "TLS record or hello runs past the end of the segment");
                return;
            }
        }
        if (run < reported)
            Payload(input, offset + run, capEnd, repEnd);
    }

    /// <summary>
    /// HTTP in one segment, as tshark reads it when nothing came before in the stream: a layer over the payload when
    /// tshark shows at least one message of it (every message it dissects whole, up to the end or to one that needs
    /// more segments, which the layer's readers stop at too), else the payload as data. tshark's HTTP reads to the end
    /// of what a segment declares, so a payload the capture cut is truncated either way. Whether the segment belongs to a
    /// message other segments complete is the conversation tracker's to say (<see cref="Conversations.ConversationTracker"/>).
    /// </summary>
    private void DecodeHttp(in Span input, int offset, int capEnd, int repEnd, bool fin)
    {
        if (_packet.IsFull)
            return;
        var data = input.Bytes[offset..capEnd];
        int reported = Math.Max(repEnd - offset, data.Length);
        var context = new HttpStreamContext(Desegment: data.Length >= reported, EndOfStream: fin);
        var reading = HttpSegment.Read(data, reported, context);
        ref Layer layer = ref _packet.Add(reading.Shown ? LayerKind.Http : LayerKind.Payload, offset, data.Length, reported, input.Source);
        if (reading.Shown)
            layer.Detail = HttpLayerDetails.Of(context);
        if (reading.Fault == HttpFault.None)
            return;
        layer.Status = reading.Fault == HttpFault.Truncated ? LayerStatus.Truncated : LayerStatus.Malformed;
        Stop(reading.Fault == HttpFault.Truncated ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Http, offset + data.Length,
            reading.Fault == HttpFault.Truncated ? "HTTP message cut short by the capture length" : "HTTP message runs past the end of the segment");
    }

    /// <summary>
    /// SSDP on UDP 1900: tshark's HTTP dissector over the datagram (no desegmenting), under the name "ssdp"; a payload it
    /// shows no message of stays data.
    /// </summary>
    private void DecodeSsdp(in Span input, int offset, int capEnd, int repEnd)
    {
        if (_packet.IsFull)
            return;
        var data = input.Bytes[offset..capEnd];
        int reported = Math.Max(repEnd - offset, data.Length);
        if (data.Length < reported && data.Length <= SsdpShortestCutLine && data.IndexOf((byte)'\n') < 0)
        {
            // A first line the capture cut this short: one byte throws before the columns (the CR LF check reads two),
            // two to five show nothing at all (tshark's HTTP refuses them and the port's dissector shows no data).
            if (data.Length == 1 && reported > 3)
            {
                ref Layer cut = ref _packet.Add(LayerKind.Http, offset, 1, reported, input.Source);
                cut.Quoted = input.Quoted;
                cut.Detail = (byte)HttpLayerDetail.Ssdp;
                cut.Status = LayerStatus.Truncated;
                if (!input.Quoted)
                    Stop(DecodeOutcome.Truncated, LayerKind.Http, offset + 1, "SSDP message cut short by the capture length");
            }
            return;
        }
        // Binary data (a first line, after a leading CR LF, with a byte that is not printable): tshark's SSDP shows nothing.
        int first = data.Length >= 2 && data[0] == '\r' && data[1] == '\n' ? 2 : 0;
        int lineEnd = data[first..].IndexOf((byte)'\n');
        foreach (byte b in data[first..(lineEnd < 0 ? data.Length : first + lineEnd)])
        {
            if (!HttpText.IsPrintable(b) && b is not ((byte)'\r' or (byte)'\t'))
                return;
        }
        // tshark calls anything before a start line "Continuation" there, as in a stream that carried HTTP.
        var context = new HttpStreamContext(Desegment: false, EndOfStream: false, SeenHttp: true);
        var reading = HttpSegment.Read(data, reported, context);
        ref Layer layer = ref _packet.Add(reading.Shown ? LayerKind.Http : LayerKind.Payload, offset, data.Length, reported, input.Source);
        layer.Quoted = input.Quoted;
        if (reading.Shown)
            layer.Detail = (byte)(HttpLayerDetails.Of(context) | (byte)HttpLayerDetail.Ssdp);
        // Over UDP tshark's HTTP finds its lines within the captured bytes and shows what it found: a cut is a fault only
        // where a read runs past them (SsdpCutThrows).
        if (reading.Fault == HttpFault.Truncated && SsdpCutThrows(data, reported))
        {
            layer.Status = LayerStatus.Truncated;
            if (!input.Quoted)
                Stop(DecodeOutcome.Truncated, LayerKind.Http, offset + data.Length, "SSDP header line cut short by the capture length");
            return;
        }
        if (reading.Fault is HttpFault.None or HttpFault.Truncated)
            return;
        layer.Status = LayerStatus.Malformed;
        if (!input.Quoted)
            Stop(DecodeOutcome.Malformed, LayerKind.Http, offset + data.Length, "SSDP message runs past the end of the datagram");
    }

    /// <summary>
    /// Whether tshark's HTTP over UDP throws on an SSDP message the capture cut (found against tshark 4.0 by cutting a
    /// NOTIFY at every length): when only its first byte was kept, or when the cut falls in a header line (not the first
    /// line, not the empty line that ends the headers) before the line's colon.
    /// </summary>
    private const int SsdpShortestCutLine = 5;

    private static bool SsdpCutThrows(ReadOnlySpan<byte> captured, int reported)
    {
        if (captured.Length >= reported)
            return false;
        if (captured.Length == 1)
            return reported > 3;
        int lineStart = captured.LastIndexOf((byte)'\n') + 1;
        if (lineStart == 0 || lineStart >= captured.Length)
            return false;
        var partial = captured[lineStart..];
        return partial[0] != '\r' && partial.IndexOf((byte)':') < 0;
    }

    private void DecodeUdp(in Span input, int offset, int capEnd, int repEnd, int ipIndex)
    {
        var bytes = input.Bytes;
        if (!FixedHeader(input, LayerKind.Udp, offset, UdpHeader.HeaderLength, capEnd, repEnd, out int index) || !UdpHeader.TryRead(bytes[offset..capEnd], out var udp))
            return;
        ref Layer layer = ref _packet.LayerRef(index);
        int length = udp.Length;
        if (length < UdpHeader.HeaderLength)
        {
            // Keep the header's fields visible but say the length is impossible.
            layer.Status = LayerStatus.Malformed;
            Stop(DecodeOutcome.Malformed, LayerKind.Udp, offset, "UDP length below 8");
            if (capEnd > offset + UdpHeader.HeaderLength)
                Payload(input, offset + UdpHeader.HeaderLength, capEnd, repEnd);
            return;
        }
        // A length past the IP payload is an expert item to tshark (udp.length.bad), not an exception: the decode goes
        // on, and tshark hands what the IP payload holds to the ports' dissectors all the same. The layer stays marked.
        bool pastPayload = length > repEnd - offset && !_partialDatagram;
        if (pastPayload)
            layer.Status = LayerStatus.Malformed;
        int end = Math.Min(offset + length, repEnd);
        // tshark checksums only a datagram its IP payload holds whole.
        if (_options.VerifyChecksums && !input.Quoted && !pastPayload)
            layer.Checksum = VerifyTransport(ref layer, input, offset, Math.Min(capEnd, end), end, ipIndex, IpProtocol.Udp, allowZero: true);
        int payload = offset + UdpHeader.HeaderLength;
        int captured = Math.Min(capEnd, end);
        // a conversation tshark's QUIC heuristic took goes to QUIC before the ports and the heuristics
        if (_quicConversations.Count > 0 && TryDecodeQuicConversation(input, udp.SourcePort, udp.DestinationPort, payload, captured, end))
            return;
        // tshark hands a datagram an ICMP error quotes to its ports' dissectors too, when any of its payload was quoted.
        if (_options.TsharkUdpPorts && (!input.Quoted || captured > payload))
        {
            // tshark's order: the lower port's protocol, then the higher port's (a port of 0 never), then heuristics.
            (ushort low, ushort high) = udp.SourcePort <= udp.DestinationPort ? (udp.SourcePort, udp.DestinationPort) : (udp.DestinationPort, udp.SourcePort);
            if (low != 0 && DecodeOnUdpPort(input, low, high, udp.DestinationPort, payload, captured, end))
                return;
            if (high != 0 && DecodeOnUdpPort(input, high, low, udp.DestinationPort, payload, captured, end))
                return;
        }
        else if (!input.Quoted)
        {
            // tcpdump's order of its printers, whichever port is lower (for the tcpdump summary).
            foreach (ushort port in OwnUdpPortsTcpdumpOrder)
            {
                if (udp.HasPort(port) && DecodeOnUdpPort(input, port, 0, udp.DestinationPort, payload, captured, end))
                    return;
            }
        }
        if (captured <= payload)
            return;
        // tshark's UDP heuristics, after the ports: Wake-on-LAN's before WireGuard's, until one of them takes a payload
        // whole, which moves it to the front of the list (_wireGuardFirst). WireGuard's first reads 4 bytes.
        // (a payload of six bytes or more can only be Wake-on-LAN's if it starts with 0xff, WireGuard's with a type 1 to 4:
        // the common datagram skips both calls)
        bool wireGuardFirst = _wireGuardFirst;
        byte first = bytes[payload];
        if ((captured - payload < 6 || first == 0xFF || (uint)(first - 1) < 4)
            && !(wireGuardFirst && UdpHeuristics.WireGuardReadsPastCapture(captured - payload, end - payload))
            && (wireGuardFirst
                ? TryDecodeWireGuard(input, payload, captured, end) || TryDecodeWol(input, payload, captured, end, heuristic: true)
                : TryDecodeWol(input, payload, captured, end, heuristic: true) || TryDecodeWireGuard(input, payload, captured, end)))
            return;
        // QUIC's heuristic, after those: a long header (first bit set) of 13 bytes or more captured
        if ((first & Quic.QuicPacket.LongHeaderBit) != 0 && captured - payload >= Quic.QuicPacket.HeuristicMinimum
            && TryDecodeQuic(input, payload, captured, end, udp.SourcePort, udp.DestinationPort))
            return;
        int count = _packet.LayerCount;
        Payload(input, payload, captured, end);
        if (_packet.LayerCount > count && UdpHeuristics.WireGuardReadsPastCapture(captured - payload, end - payload))
            _packet.LayerRef(count).Detail = UdpHeuristics.ClaimedByWireGuard;
    }

    /// <summary>
    /// RawNet's own UDP ports in the order tried with <see cref="DecoderOptions.TsharkUdpPorts"/> off, for the tcpdump
    /// summary: first those tcpdump 4.99's udp_print has printers for, in its order (DNS and mDNS, BOOTP/DHCP, NTP, L2TP, sFlow, LWAPP
    /// control, LWAPP data, VXLAN, Geneve, VXLAN-GPE, MPLS), then the rest, which tcpdump prints as plain UDP.
    /// </summary>
    private static ReadOnlySpan<ushort> OwnUdpPortsTcpdumpOrder =>
    [
        DnsPorts.Dns, DnsPorts.Multicast, Dhcp.DhcpPorts.Server, Dhcp.DhcpPorts.Client, Ntp.NtpPorts.Ntp, L2tpPorts.L2tp, TunnelPorts.Sflow, TunnelPorts.LwappControl, TunnelPorts.LwappData, TunnelPorts.Vxlan,
        TunnelPorts.Geneve, TunnelPorts.VxlanGpe, TunnelPorts.MplsInUdp, TunnelPorts.GreInUdp, TunnelPorts.CapwapData, TunnelPorts.Gtp, TunnelPorts.LispData,
        TunnelPorts.Amt, TunnelPorts.Tzsp, TunnelPorts.Teredo, DnsPorts.LinkLocal, Sip.SipPorts.Sip, Nbns.NbnsPorts.Nbns, Snmp.SnmpPorts.Snmp, Snmp.SnmpPorts.Trap,
    ];

    /// <summary>
    /// The protocol on <paramref name="port"/> whose first read fails when the capture kept none of the UDP payload, and
    /// what the packet's stop says; null for the others.
    /// </summary>
    private static (LayerKind Kind, string Reason)? CutBeforeFirstRead(ushort port) => port switch
    {
        DnsPorts.Dns or DnsPorts.Multicast or DnsPorts.LinkLocal => (LayerKind.Dns, "DNS message cut short by the capture length"),
        Dhcp.DhcpPorts.Server or Dhcp.DhcpPorts.Client => (LayerKind.Dhcp, "DHCP message cut short by the capture length"),
        Ntp.NtpPorts.Ntp => (LayerKind.Ntp, "NTP message cut short by the capture length"),
        Nbns.NbnsPorts.Nbns => (LayerKind.Nbns, "NBNS message cut short by the capture length"),
        Snmp.SnmpPorts.Snmp or Snmp.SnmpPorts.Trap => (LayerKind.Snmp, "SNMP message cut short by the capture length"),
        TunnelPorts.Geneve => (LayerKind.Geneve, "Geneve header cut short by the capture length"),
        TunnelPorts.MplsInUdp => (LayerKind.Mpls, "MPLS label stack cut short by the capture length"),
        TunnelPorts.VxlanGpe => (LayerKind.VxlanGpe, "VXLAN-GPE header cut short by the capture length"),
        TunnelPorts.GreInUdp => (LayerKind.Gre, "GRE header cut short by the capture length"),
        TunnelPorts.LispData => (LayerKind.LispData, "LISP data header cut short by the capture length"),
        TunnelPorts.Amt => (LayerKind.Amt, "AMT message cut short by the capture length"),
        TunnelPorts.Tzsp => (LayerKind.Tzsp, "TZSP header cut short by the capture length"),
        TunnelPorts.CapwapData => (LayerKind.CapwapData, "CAPWAP header cut short by the capture length"),
        TunnelPorts.CapwapControl => (LayerKind.CapwapControl, "CAPWAP header cut short by the capture length"),
        TunnelPorts.LwappData or TunnelPorts.LwappControl => (LayerKind.Lwapp, "LWAPP header cut short by the capture length"),
        TunnelPorts.LwappL3 => (LayerKind.Ethernet, "Ethernet header cut short by the capture length"),
        >= TunnelPorts.LlcFirst and <= TunnelPorts.LlcLast => (LayerKind.Llc, "LLC header cut short by the capture length"),
        _ => null,
    };

    /// <summary>
    /// Hands a UDP payload to what <paramref name="port"/> carries, as tshark's dissector table would: RawNet's own
    /// protocols on their ports (tunnels, DNS, L2TP), and for a port of a protocol RawNet does not decode, the payload as
    /// data when tshark's dissector there takes it (<see cref="UdpPortTable"/>).
    /// </summary>
    /// <returns>False when nothing on the port takes the payload, so that tshark would try the other port.</returns>
    private bool DecodeOnUdpPort(in Span input, ushort port, ushort otherPort, ushort destinationPort, int payload, int captured, int end)
    {
        if (captured <= payload)
        {
            // A payload of which the capture kept nothing: what tshark's dissector would refuse goes on; a protocol whose
            // first read fails adds no layer (tshark shows none either) but cuts the packet; VXLAN, GTP and Teredo take it
            // and show nothing.
            if (port is DnsPorts.Dns or DnsPorts.Multicast or DnsPorts.LinkLocal && _partialDatagram
                || port == TunnelPorts.LispData && !LispDataHeader.IsTaken(destinationPort, end - payload))
                return false;
            if (CutBeforeFirstRead(port) is { } cut)
            {
                if (end > payload)
                    Stop(DecodeOutcome.Truncated, cut.Kind, payload, cut.Reason);
                return true;
            }
            return port switch
            {
                TunnelPorts.Vxlan => true,
                TunnelPorts.Gtp or TunnelPorts.Teredo => _options.TsharkUdpPorts,
                L2tpPorts.L2tp => L2tpHeader.IsTaken([], end - payload),
                _ => _options.TsharkUdpPorts && UdpPortTable.KindOf(port) == UdpPayloadKind.None && UdpPortTable.Takes(port, UdpPortTable.KindOf(otherPort)),
            };
        }
        var bytes = input.Bytes[payload..captured];
        switch (port)
        {
            case HttpPorts.Ssdp when _options.TsharkUdpPorts && !_partialDatagram:
                DecodeSsdp(input, payload, captured, end);
                return true;
            case Echo.EchoPorts.Echo when _options.TsharkUdpPorts:
                DecodeEcho(input, payload, captured, end, destinationPort);
                return true;
            case TunnelPorts.Vxlan:
                DecodeVxlan(input, payload, captured, end);
                return true;
            case TunnelPorts.Geneve:
                DecodeGeneve(input, payload, captured, end);
                return true;
            case TunnelPorts.MplsInUdp:
                DecodeMpls(input, payload, captured, end);
                return true;
            case TunnelPorts.VxlanGpe:
                DecodeVxlanGpe(input, payload, captured, end);
                return true;
            case TunnelPorts.GreInUdp:
                DecodeGre(input, payload, captured, end);
                return true;
            case TunnelPorts.LispData:
                if (!LispDataHeader.IsTaken(destinationPort, end - payload))
                    return false;
                DecodeLispData(input, payload, captured, end);
                return true;
            case TunnelPorts.Amt:
                DecodeAmt(input, payload, captured, end);
                return true;
            case TunnelPorts.Tzsp:
                DecodeTzsp(input, payload, captured, end);
                return true;
            case TunnelPorts.Sflow:
                return DecodeSflow(input, payload, captured, end);
            case TunnelPorts.CapwapData:
                DecodeCapwapData(input, payload, captured, end, destinationPort == TunnelPorts.CapwapData);
                return true;
            case TunnelPorts.CapwapControl:
                DecodeCapwapData(input, payload, captured, end, destinationPort == TunnelPorts.CapwapData, control: true);
                return true;
            case TunnelPorts.LwappData or TunnelPorts.LwappControl:
                DecodeLwapp(input, payload, captured, end, destinationPort == TunnelPorts.LwappControl);
                return true;
            case TunnelPorts.LwappL3:
                DecodeLwappL3(input, payload, captured, end);
                return true;
            case >= TunnelPorts.LlcFirst and <= TunnelPorts.LlcLast:
                DecodeLlc(input, payload, captured, end);
                return true;
            case TunnelPorts.Gtp:
                if (GtpHeader.TryMeasure(bytes, out int gtpLength, out bool gtpZeroExtension))
                    DecodeGtp(input, payload, gtpZeroExtension ? -1 : gtpLength, captured, end);
                // A GTP header the capture cut: what it kept, marked (tshark's exception).
                else if (GtpHeader.IsCut(bytes, end - payload))
                    Header(input, LayerKind.Gtp, payload, end - payload, captured, end, out _);
                // GTPv2, which tshark's GTP takes and RawNet does not decode: data.
                else if (GtpHeader.Version(bytes[0]) == 2 && _options.TsharkUdpPorts)
                    Payload(input, payload, captured, end);
                else
                    return false;
                return true;
            case TunnelPorts.Teredo:
                // tshark's Teredo takes every payload; what is not IPv6 after the indicators stays data.
                if (TeredoHeader.TryMeasure(bytes, out int teredoLength))
                    DecodeTeredo(input, payload, teredoLength, captured, end);
                else if (_options.TsharkUdpPorts)
                    Payload(input, payload, captured, end);
                else
                    return false;
                return true;
            case DnsPorts.Dns or DnsPorts.Multicast or DnsPorts.LinkLocal:
                if (_partialDatagram)
                    return false;
                DecodeDns(input, payload, captured, end, DnsPorts.VariantOf(port));
                return true;
            case Dhcp.DhcpPorts.Server or Dhcp.DhcpPorts.Client:
                DecodeDhcp(input, payload, captured, end);
                return true;
            case Ntp.NtpPorts.Ntp:
                DecodeNtp(input, payload, captured, end);
                return true;
            case Sip.SipPorts.Sip:
                return DecodeSip(input, payload, captured, end);
            case Nbns.NbnsPorts.Nbns:
                DecodeNbns(input, payload, captured, end);
                return true;
            case Snmp.SnmpPorts.Snmp or Snmp.SnmpPorts.Trap:
                return DecodeSnmp(input, payload, captured, end);
            case L2tpPorts.L2tp:
                if (!L2tpHeader.IsTaken(bytes, end - payload))
                    return false;
                DecodeL2tp(input, payload, captured, end);
                return true;
            default:
                // A protocol RawNet does not decode: its payload stays data when tshark's dissector takes it (and shows it).
                if (!_options.TsharkUdpPorts || !UdpPortTable.Takes(port, UdpPortTable.KindOf(otherPort)))
                    return false;
                if (!UdpPortTable.IsSilent(port))
                    Payload(input, payload, captured, end);
                return true;
        }
    }

    /// <summary>
    /// A DNS message: its layer spans the whole message as captured; its questions and records are walked once to judge
    /// it (a record the capture cut is truncation, one the message itself cuts or a name that cannot be read is malformed).
    /// </summary>
    /// <returns>How the walk over its records ended.</returns>
    private DnsWalkStatus DecodeDns(in Span input, int offset, int capEnd, int repEnd, DnsVariant variant, bool pastSegment = false, bool laterInCall = false)
    {
        if (_packet.IsFull)
        {
            Stop(DecodeOutcome.Unsupported, LayerKind.Dns, offset, "too many layers");
            return DnsWalkStatus.TooManyRecords;
        }
        int captured = capEnd - offset;
        ref Layer layer = ref _packet.Add(LayerKind.Dns, offset, captured, repEnd - offset, input.Source);
        layer.Detail = DnsLayerDetails.Of(variant, pastSegment, laterInCall);
        var reader = new DnsRecordReader(input.Bytes.Slice(offset, captured), repEnd - offset);
        var status = reader.SkipAll();
        switch (status)
        {
            case DnsWalkStatus.Truncated:
                layer.Status = LayerStatus.Truncated;
                Stop(DecodeOutcome.Truncated, LayerKind.Dns, offset + reader.StopOffset, "DNS message cut short by the capture length");
                break;
            case DnsWalkStatus.Malformed:
                layer.Status = LayerStatus.Malformed;
                Stop(DecodeOutcome.Malformed, LayerKind.Dns, offset + reader.StopOffset,
                    captured < DnsHeader.Length ? "DNS message shorter than its header" : "DNS record runs past the end of the message or its name cannot be read");
                break;
            case DnsWalkStatus.TooManyRecords:
                Stop(DecodeOutcome.Unsupported, LayerKind.Dns, offset + reader.StopOffset, "more DNS records than RawNet walks");
                break;
        }
        return status;
    }

    /// <summary>
    /// DNS over TCP in one segment, as tshark's tcp_dissect_pdus reads it when nothing came before in the stream: each
    /// message after its two-byte length is a DNS layer (over the message; the length is dns.length, read before it),
    /// in order; one that is malformed does not stop the next. A length or message the segment does not hold whole is
    /// left as data: tshark waits for the next segment (the conversation tracker puts such a message together,
    /// <see cref="DnsStreams"/>). A message the capture cut is decoded as far as it goes and ends the decoding, as in
    /// tshark, which cannot put a cut segment together with others: even one its segment does not hold whole.
    /// </summary>
    private void DecodeDnsStream(in Span input, int offset, int capEnd, int repEnd)
    {
        int at = offset;
        while (DnsStreamFraming.TryMessageAt(input.Bytes[at..capEnd], repEnd - at, out int length, out bool whole))
        {
            int message = at + DnsStreamFraming.LengthSize;
            if (!whole)
            {
                // tshark cannot put a segment the capture cut together with others: it reads the message as far as it goes.
                if (capEnd < repEnd)
                    DecodeDns(input, message, capEnd, message + length, DnsVariant.Stream, pastSegment: true, laterInCall: at > offset);
                else
                    Payload(input, at, capEnd, repEnd);
                return;
            }
            DecodeDns(input, message, Math.Min(capEnd, message + length), message + length, DnsVariant.Stream, laterInCall: at > offset);
            // The capture ends in this message (its walk may have stopped at a malformed record before the cut): nothing follows.
            if (message + length >= capEnd || _packet.IsFull)
                return;
            at = message + length;
        }
        if (at >= capEnd)
            return;
        int before = _packet.LayerCount;
        Payload(input, at, capEnd, repEnd);
        // tshark reads a length the capture cut and stops there, within the DNS dissector's call.
        if (capEnd - at < DnsStreamFraming.LengthSize && capEnd < repEnd && _packet.LayerCount > before)
        {
            _packet.LayerRef(before).Status = LayerStatus.Truncated;
            _packet.LayerRef(before).Detail = DnsStreamFraming.LengthCutReadByDns;
        }
    }

    /// <summary>
    /// GRE as tshark 4.0 reads it, whatever its version: the fields its flags place (the enhanced header of PPTP when PPP
    /// rides in a version other than 0), the Source Route Entries up to the NULL one, then what the protocol type names
    /// (PPP through tshark's "ppp_hdlc", address and control optional). Without the S bit a packet that ends with the
    /// header hands nothing on (a PPTP acknowledgment); with it tshark hands on even nothing.
    /// </summary>
    private void DecodeGre(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Gre, offset, GreHeader.MinLength, capEnd, repEnd, out int index))
            return;
        var bytes = input.Bytes;
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]);
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + GreHeader.Field.Protocol)..]);
        GreHeader.TryMeasure(bytes[offset..Math.Max(offset, capEnd)], out int length);
        bool whole = Header(input, LayerKind.Gre, offset, length, capEnd, repEnd, out index, replace: index);
        // tshark verifies the checksum (C) over the whole packet, once it was all captured and is not a fragment, before it
        // reads on (a header the packet ends inside too); it has no preference to turn that off, so neither does -K here.
        if ((flags & GreHeader.ChecksumPresent) != 0 && index >= 0 && !input.Quoted && !_partialDatagram && capEnd >= repEnd
            && repEnd - offset >= GreHeader.Field.Optional + 2)
        {
            ref Layer layer = ref _packet.LayerRef(index);
            ulong sum = InternetChecksum.Add(0, bytes[offset..repEnd]);
            bool good = InternetChecksum.Finish(sum) == 0;
            layer.Checksum = good ? ChecksumStatus.Good : ChecksumStatus.Bad;
            if (!good)
                layer.ExpectedChecksum = InternetChecksum.Expected(sum, BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + GreHeader.Field.Optional)..]));
        }
        if (!whole)
            return;
        int payload = offset + length;
        // tshark's GRE hands on nothing when the packet ends with its header (bytes the capture cut, it does).
        if (payload >= repEnd && (flags & GreHeader.SequencePresent) == 0)
            return;
        var protocol = (EtherType)type;
        if (type == GreHeader.PppProtocol)
        {
            DecodePppHdlc(input, payload, capEnd, repEnd);
            return;
        }
        if (protocol == EtherType.Erspan)
        {
            DecodeErspan(input, payload, capEnd, repEnd, hasSequence: (flags & GreHeader.SequencePresent) != 0);
            return;
        }
        DecodeEtherType(input, protocol, payload, capEnd, repEnd, 0);
    }

    private void DecodeErspan(in Span input, int offset, int capEnd, int repEnd, bool hasSequence)
    {
        // Type I has no header and no GRE sequence number; types II and III carry a version in their first nibble.
        int length = 0;
        if (hasSequence && capEnd - offset >= 1)
            length = ErspanHeader.LengthOf(input.Bytes[offset..capEnd]);
        if (!Header(input, LayerKind.Erspan, offset, length, capEnd, repEnd, out _))
            return;
        DecodeEthernet(input, offset + length, capEnd, repEnd);
    }

    private void DecodeVxlan(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Vxlan, offset, VxlanHeader.Length, capEnd, repEnd, out _))
            return;
        DecodeEthernet(input, offset + VxlanHeader.Length, capEnd, repEnd);
    }

    /// <summary>
    /// VXLAN-GPE as tshark 4.0 reads it: the VXLAN header, then what its next protocol names, whatever the P flag says
    /// (IPv4 through tshark's version-sniffing "ip" dissector, as GRE's 0x0800); bytes after an unknown one are data.
    /// </summary>
    private void DecodeVxlanGpe(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.VxlanGpe, offset, VxlanHeader.Length, capEnd, repEnd, out _))
            return;
        int payload = offset + VxlanHeader.Length;
        switch ((VxlanGpeNextProtocol)input.Bytes[offset + VxlanHeader.Field.NextProtocol])
        {
            case VxlanGpeNextProtocol.Ipv4:
                DecodeIpByDispatcher(input, payload, capEnd, repEnd);
                return;
            case VxlanGpeNextProtocol.Ipv6:
                DecodeIpv6(input, payload, capEnd, repEnd);
                return;
            case VxlanGpeNextProtocol.Ethernet:
                DecodeEthernet(input, payload, capEnd, repEnd);
                return;
            case VxlanGpeNextProtocol.Nsh:
                DecodeNsh(input, payload, capEnd, repEnd, 0);
                return;
            case VxlanGpeNextProtocol.Mpls:
                DecodeMpls(input, payload, capEnd, repEnd);
                return;
            default:
                if (capEnd > payload || repEnd > payload)
                    Unsupported(input, payload, capEnd, repEnd, "VXLAN-GPE next protocol not decoded");
                return;
        }
    }

    /// <summary>
    /// Geneve as tshark 4.0 reads it: the fixed header, then the options its length declares (their walk is the field
    /// reader's: a bad option length is a mark, not a stop), then what the protocol type names, an unknown version alike.
    /// </summary>
    private void DecodeGeneve(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Geneve, offset, GeneveHeader.FixedLength, capEnd, repEnd, out int index))
            return;
        var bytes = input.Bytes;
        int length = GeneveHeader.LengthOf(bytes[offset]);
        if (!Header(input, LayerKind.Geneve, offset, length, capEnd, repEnd, out _, replace: index))
            return;
        var protocol = (EtherType)BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + GeneveHeader.Field.Protocol)..]);
        DecodeEtherType(input, protocol, offset + length, capEnd, repEnd, 0);
    }

    /// <summary>
    /// GTPv1-U as tshark 4.0 reads it (<see cref="GtpHeader.TryMeasure(ReadOnlySpan{byte}, out int)"/> measured the header and its extension headers):
    /// a T-PDU hands what its length covers (the datagram's end if that is sooner) to IPv4 or IPv6 by the first nibble;
    /// any other message keeps the rest (its information elements, not decoded) in the GTP layer, as tshark shows no
    /// data after it. A <paramref name="length"/> of -1 is a header whose extension headers end in a zero-length one:
    /// tshark marks it and reads nothing after it.
    /// </summary>
    private void DecodeGtp(in Span input, int offset, int length, int capEnd, int repEnd)
    {
        var bytes = input.Bytes;
        if (length < 0)
        {
            Header(input, LayerKind.Gtp, offset, Math.Min(capEnd, repEnd) - offset, capEnd, repEnd, out _);
            return;
        }
        int declared = offset + GtpHeader.FixedLength + GtpHeader.LengthField(bytes[offset..]);
        int end = Math.Min(repEnd, Math.Max(declared, offset + length));
        bool carries = bytes[offset + GtpHeader.Field.Message] == GtpHeader.TPdu && offset + length < Math.Min(capEnd, end)
            && bytes[offset + length] >> 4 is 4 or 6;
        // A T-PDU whose payload the capture kept none of: tshark's read of its first nibble throws.
        bool cut = bytes[offset + GtpHeader.Field.Message] == GtpHeader.TPdu && offset + length == capEnd && capEnd < end;
        if (!Header(input, LayerKind.Gtp, offset, carries ? length : cut ? end - offset : Math.Min(capEnd, repEnd) - offset, capEnd, repEnd, out _))
            return;
        if (carries)
            DecodeIpByVersion(input, offset + length, Math.Min(capEnd, end), end);
    }

    /// <summary>
    /// An L2TPv2 message as tshark 4.0 reads it: not L2TP unless two bytes name version 2 (version 3 is L2TPv3, <see
    /// cref="DecodeL2tpv3"/>); the IDs and, for a control message, the first AVP's type and message type read for the Info column before
    /// any field (a packet too short for them shows none); the length field cuts the message; a data message hands what
    /// follows its header to PPP with HDLC-like framing (address and control when the first byte is 0xff), a control
    /// message with a length is its AVPs (<see cref="L2tpAvpWalker"/>).
    /// </summary>
    private void DecodeL2tp(in Span input, int offset, int capEnd, int repEnd)
    {
        var bytes = input.Bytes;
        int captured = capEnd - offset;
        if (captured < L2tpHeader.FlagsLength && repEnd - offset >= L2tpHeader.FlagsLength)
        {
            // tshark 4.0 shows L2TP with no field when it has the first byte, and UDP's columns, marked, without it.
            Header(input, LayerKind.L2tp, offset, L2tpHeader.FlagsLength, capEnd, repEnd, out _);
            return;
        }
        if (captured >= L2tpHeader.FlagsLength && (BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]) & L2tpHeader.Flag.VersionMask) == L2tpHeader.Version3)
        {
            DecodeL2tpv3(input, offset, capEnd, repEnd, overIp: false);
            return;
        }
        if (captured < L2tpHeader.FlagsLength || (BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]) & L2tpHeader.Flag.VersionMask) != L2tpHeader.Version2)
        {
            Payload(input, offset, capEnd, repEnd);
            return;
        }
        var present = bytes[offset..capEnd];
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(present);
        int reach = L2tpHeader.ColumnReach(present);
        if (captured < reach)
        {
            // tshark's reads for its Info column fail before the protocol item: no field shows.
            if (Header(input, LayerKind.L2tp, offset, reach, capEnd, repEnd, out _))
                return;
            return;
        }
        // The length field cuts the message (it never lengthens it).
        int reported = repEnd - offset;
        if ((flags & L2tpHeader.Flag.Length) != 0)
            reported = Math.Min(reported, BinaryPrimitives.ReadUInt16BigEndian(present[L2tpHeader.Field.Length..]));
        int available = Math.Min(captured, reported);
        int end = offset + reported, availableEnd = offset + available;
        int headerLength = L2tpHeader.LengthOf(bytes[offset..availableEnd]);
        bool control = (flags & L2tpHeader.Flag.Type) != 0;
        bool avps = control && (flags & L2tpHeader.Flag.Length) != 0;
        // The offset padding is an item that reads nothing: only the fields before it can fail.
        if (!Header(input, LayerKind.L2tp, offset, L2tpHeader.FixedLength(flags), availableEnd, end, out int index))
        {
            if (index >= 0)
                _packet.LayerRef(index).Detail = L2tpLayerDetail.ShownBit;
            return;
        }
        ref Layer layer = ref _packet.LayerRef(index);
        layer.Detail = L2tpLayerDetail.ShownBit;
        layer.HeaderLength = Math.Min(headerLength, available);
        if (!control)
        {
            if (availableEnd > offset + headerLength)
                DecodePpp(input, offset + headerLength, PppFraming.Hdlc, availableEnd, end);
            else if (end > offset + headerLength && !input.Quoted)
            {
                // tshark hands PPP nothing and says nothing of it; the packet is cut all the same.
                Stop(DecodeOutcome.Truncated, LayerKind.L2tp, offset + headerLength, "L2TP payload cut by the capture");
            }
            return;
        }
        if (!avps)
            return;
        layer.HeaderLength = available;
        var walker = L2tpFieldReader.Walker(bytes.Slice(offset, available), layer.Extent);
        while (walker.MoveNext(out _, out _, out _, out _, out _))
        {
        }
        if (walker.Failed && !input.Quoted)
            StopAtFailedAvp(ref layer, walker.FailedPastMessage, walker.FailedContained, LayerKind.L2tp, offset);
    }

    /// <summary>
    /// An L2TPv3 message as tshark 4.0 reads it over IP (<paramref name="overIp"/>: a session ID first, 0 for a control
    /// message) or UDP (version 3; the T bit says control). A data message is read with what earlier set-ups taught
    /// (<see cref="DecodeL2tpv3Data"/>); a control message teaches its session's settings once its AVPs were read to
    /// their end (<see cref="LearnL2tpv3"/>). A control message is read as
    /// L2TPv2's: the fields its Info column needs before any field (<see cref="L2tpv3Message.ColumnReach"/>), the length
    /// field cutting the message, the first AVP's type read again after the header, then the AVPs.
    /// </summary>
    private void DecodeL2tpv3(in Span input, int offset, int capEnd, int repEnd, bool overIp)
    {
        var bytes = input.Bytes;
        int captured = capEnd - offset;
        if (overIp && captured < L2tpv3Message.SessionIdLength)
        {
            // The session ID is read before anything is shown: L2TPv3 with no field.
            Header(input, LayerKind.L2tpv3, offset, L2tpv3Message.SessionIdLength, capEnd, repEnd, out _);
            return;
        }
        bool control = overIp ? BinaryPrimitives.ReadUInt32BigEndian(bytes[offset..]) == 0
            : (BinaryPrimitives.ReadUInt16BigEndian(bytes[offset..]) & L2tpHeader.Flag.Type) != 0;
        byte detail = (byte)((overIp ? L2tpv3LayerDetail.OverIpBit : 0) | (control ? L2tpv3LayerDetail.ControlBit : 0));
        if (!control)
        {
            DecodeL2tpv3Data(input, offset, capEnd, repEnd, overIp, detail);
            return;
        }
        int start = overIp ? L2tpv3Message.SessionIdLength : 0;
        var message = bytes[(offset + start)..capEnd];
        int reach = start + L2tpv3Message.ColumnReach(message);
        if (captured < reach)
        {
            // tshark's reads for its Info column fail before the protocol item: no field shows.
            if (Header(input, LayerKind.L2tpv3, offset, reach, capEnd, repEnd, out int cutIndex) || cutIndex < 0)
                return;
            _packet.LayerRef(cutIndex).Detail = detail;
            return;
        }
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(message);
        // The length field cuts the message (it never lengthens it).
        int reported = repEnd - offset;
        if ((flags & L2tpHeader.Flag.Length) != 0)
            reported = Math.Min(reported, start + BinaryPrimitives.ReadUInt16BigEndian(message[L2tpHeader.Field.Length..]));
        int available = Math.Min(captured, reported);
        int end = offset + reported, availableEnd = offset + available;
        detail |= L2tpv3LayerDetail.ShownBit;
        if (!Header(input, LayerKind.L2tpv3, offset, start + L2tpv3Message.ControlHeaderLength(flags), availableEnd, end, out int index))
        {
            if (index >= 0)
                _packet.LayerRef(index).Detail = detail;
            return;
        }
        ref Layer layer = ref _packet.LayerRef(index);
        layer.Detail = detail;
        layer.HeaderLength = available;
        if (!L2tpv3Message.IsZeroLengthBody(flags, message))
        {
            // After the header tshark reads the first AVP's type (and message type) again, from the message cut at its length.
            int after = start + L2tpv3Message.AfterHeaderReach(message, available - start);
            if (available < after)
            {
                layer.Detail |= L2tpv3LayerDetail.NoAvpsBit;
                if (!input.Quoted)
                {
                    layer.Status = reported >= after && captured < reported ? LayerStatus.Truncated : LayerStatus.Malformed;
                    Stop(layer.Status == LayerStatus.Truncated ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.L2tpv3, offset,
                        layer.Status == LayerStatus.Truncated ? "L2TPv3 AVP cut short by the capture length" : "L2TPv3 message ends before its first AVP");
                }
                return;
            }
        }
        if ((flags & L2tpHeader.Flag.Length) == 0)
            return;
        var cutMessage = bytes.Slice(offset + start, available - start);
        var walker = L2tpFieldReader.Walker(cutMessage, layer.Extent - start, v3: true);
        // What the message teaches of a session, as tshark's stores read it: the message type from its AVP (or, as
        // tshark has it, the Proxy Authen Type's), each IETF value read after it.
        var learnt = L2tpv3Sessions.Session.Empty;
        ushort messageType = 0;
        while (walker.MoveNext(out int at, out int avpLength, out ushort vendor, out ushort type, out var shown))
        {
            if (vendor != 0 || shown != L2tpAvpShown.All)
                continue;
            var value = cutMessage[(at + L2tpAvp.HeaderLength)..];
            if (type is L2tpAvp.MessageTypeAttribute or L2tpv3MessageType.ProxyAuthenTypeAttribute)
                messageType = BinaryPrimitives.ReadUInt16BigEndian(value);
            else
                L2tpv3Sessions.Learn(ref learnt, messageType, type, value, avpLength - L2tpAvp.HeaderLength);
        }
        // tshark keeps nothing of a message whose walk threw; one that stopped on a short AVP still makes its tunnel.
        if (!walker.Failed && !input.Quoted)
            LearnL2tpv3(input, overIp, cutMessage, in learnt, walker.EndedShort);
        if (walker.Failed && !input.Quoted)
            StopAtFailedAvp(ref layer, walker.FailedPastMessage, walker.FailedContained, LayerKind.L2tpv3, offset);
    }

    /// <summary>
    /// An L2TP (v2 or v3) AVP walk that failed: the layer truncated when the capture cut the AVPs, malformed when one ran
    /// past the message (with tshark's contained-length mark when it says so), and the decode stops there.
    /// </summary>
    private void StopAtFailedAvp(ref Layer layer, bool pastMessage, bool contained, LayerKind kind, int offset)
    {
        layer.Status = pastMessage ? LayerStatus.Malformed : LayerStatus.Truncated;
        if (contained)
            layer.Detail |= L2tpLayerDetail.ContainedBit;
        bool v3 = kind == LayerKind.L2tpv3;
        Stop(pastMessage ? DecodeOutcome.Malformed : DecodeOutcome.Truncated, kind, offset,
            pastMessage ? (v3 ? "L2TPv3 AVP runs past the message" : "L2TP AVP runs past the message")
                : v3 ? "L2TPv3 AVPs cut short by the capture length" : "L2TP AVPs cut short by the capture length");
    }

    /// <summary>
    /// An L2TPv3 data message: its session header, then what the session's set-up taught tshark's "Detect" (see
    /// <see cref="L2tpv3Sessions"/>): the cookie, the L2-specific sublayer (the default and ATM ones' fields shown; DOCSIS
    /// DMPT's skipped unshown) and the pseudowire type, whose payload <see cref="DecodeL2tpv3Pseudowire"/> decodes. A session
    /// nothing taught has neither cookie nor sublayer, pseudowire type 0. tshark reads nothing past the session ID when
    /// no byte follows it, and throws on a cookie or a sublayer field the bytes do not hold.
    /// </summary>
    private void DecodeL2tpv3Data(in Span input, int offset, int capEnd, int repEnd, bool overIp, byte detail)
    {
        int sessionEnd = overIp ? L2tpv3Message.SessionIdLength : L2tpv3Message.UdpDataHeaderLength;
        // Over UDP the flags and the reserved word show before the session ID is read.
        bool whole = Header(input, LayerKind.L2tpv3, offset, sessionEnd, capEnd, repEnd, out int index);
        if (index < 0)
            return;
        ref Layer layer = ref _packet.LayerRef(index);
        layer.Detail = (byte)(detail | L2tpv3LayerDetail.ShownBit);
        if (!whole)
            return;
        int cookie = 0, sublayer = L2tpv3Sublayer.None;
        ushort pseudowire = L2tpv3Pseudowire.Default;
        bool oamCell = false;
        if (_options.FollowSessions && !input.Quoted && TryIpAddresses(input, out var source, out var destination))
        {
            (ushort sourcePort, ushort destinationPort) = overIp ? default : UdpPorts(input);
            int tunnel = _l2tpv3Sessions.FindTunnel(overIp, source, sourcePort, destination, destinationPort);
            if (tunnel >= 0)
            {
                uint sessionId = BinaryPrimitives.ReadUInt32BigEndian(input.Bytes[(offset + sessionEnd - 4)..]);
                // Data to the tunnel's first end carries that end's session ID and the cookie and sublayer it asked for.
                bool toFirst = _l2tpv3Sessions.IsFirstEnd(tunnel, destination);
                int found = toFirst ? _l2tpv3Sessions.Find(tunnel, sessionId, 0) : _l2tpv3Sessions.Find(tunnel, 0, sessionId);
                if (found >= 0)
                {
                    ref readonly var session = ref _l2tpv3Sessions[found];
                    cookie = Math.Max(0, toFirst ? session.FirstCookie : session.SecondCookie);
                    sublayer = toFirst ? session.FirstSublayer : session.SecondSublayer;
                    pseudowire = session.PseudowireType;
                }
            }
        }
        layer.Note = pseudowire;
        int at = offset + sessionEnd;
        // Data of what follows, when a byte of it was captured: tshark says nothing of a payload the capture cut.
        if (capEnd <= at)
            return;
        if (cookie > 0)
        {
            if (capEnd - at < cookie)
            {
                L2tpv3DataCut(ref layer, input, offset, at + cookie, capEnd, repEnd, "L2TPv3 cookie cut short");
                return;
            }
            at += cookie;
        }
        if (sublayer is L2tpv3Sublayer.Default or L2tpv3Sublayer.Atm)
        {
            // The sublayer's item shows whatever was captured of it; its bits and sequence number each need their bytes.
            int captured = Math.Min(L2tpv3Sublayer.DefaultLength, capEnd - at);
            layer.Detail = L2tpv3LayerDetail.WithSublayer(layer.Detail, sublayer == L2tpv3Sublayer.Atm, captured);
            layer.HeaderLength = at + captured - offset;
            if (captured < L2tpv3Sublayer.DefaultLength)
            {
                L2tpv3DataCut(ref layer, input, offset, at + (captured == 0 ? 1 : L2tpv3Sublayer.DefaultLength), capEnd, repEnd, "L2TPv3 L2-specific sublayer cut short");
                return;
            }
            oamCell = sublayer == L2tpv3Sublayer.Atm && (input.Bytes[at] & L2tpv3Sublayer.AtmOamCellBit) != 0;
            at += L2tpv3Sublayer.DefaultLength;
        }
        else if (sublayer == L2tpv3Sublayer.DocsisDmpt)
        {
            layer.HeaderLength = at - offset;
            if (capEnd - at < L2tpv3Sublayer.DefaultLength)
            {
                L2tpv3DataCut(ref layer, input, offset, at + L2tpv3Sublayer.DefaultLength, capEnd, repEnd, "L2TPv3 L2-specific sublayer cut short");
                return;
            }
            at += L2tpv3Sublayer.DefaultLength;
        }
        layer.HeaderLength = at - offset;
        if (capEnd <= at && pseudowire is L2tpv3Pseudowire.Ppp or L2tpv3Pseudowire.IpTransport)
        {
            // tshark's "ppp_hdlc" and "ip" dissectors read their first byte before they name themselves anywhere.
            L2tpv3DataCut(ref layer, input, offset, at + 1, capEnd, repEnd, "L2TPv3 payload cut short");
            return;
        }
        DecodeL2tpv3Pseudowire(input, pseudowire, oamCell, at, capEnd, repEnd);
    }

    /// <summary>
    /// What follows a data message's session header, cookie and sublayer, by tshark 4.0's "l2tp.pw_type" table (the
    /// session's pseudowire type as its ICRQ or OCRQ sent it): Ethernet without FCS, PPP through the "ppp_hdlc" dissector
    /// (address and control optional, Cisco HDLC for Cisco's addresses), Cisco HDLC, Frame Relay, IP by its version, and
    /// for AAL5 LLC unless the ATM sublayer's T bit marks an OAM cell. tshark hands the rest (even an empty payload) to
    /// its table too: a type no dissector registered for, and MPEG-TS for DOCSIS DMPT, which RawNet does not decode, are data.
    /// </summary>
    private void DecodeL2tpv3Pseudowire(in Span input, ushort pseudowire, bool oamCell, int at, int capEnd, int repEnd)
    {
        switch (pseudowire)
        {
            case L2tpv3Pseudowire.Ethernet:
                DecodeEthernet(input, at, capEnd, repEnd);
                return;
            case L2tpv3Pseudowire.Ppp:
                DecodePppHdlc(input, at, capEnd, repEnd);
                return;
            case L2tpv3Pseudowire.CiscoHdlc:
                DecodeCiscoHdlc(input, at, capEnd, repEnd);
                return;
            case L2tpv3Pseudowire.FrameRelay:
                DecodeFrameRelay(input, at, capEnd, repEnd);
                return;
            case L2tpv3Pseudowire.IpTransport:
                DecodeIpByDispatcher(input, at, capEnd, repEnd);
                return;
            case L2tpv3Pseudowire.Aal5 when !oamCell:
                DecodeLlc(input, at, capEnd, repEnd);
                return;
            case L2tpv3Pseudowire.Aal5:
                Unsupported(input, at, capEnd, repEnd, "ATM OAM cell not decoded");
                return;
            case L2tpv3Pseudowire.DocsisDmpt:
                Unsupported(input, at, capEnd, repEnd, "MPEG-TS of a DOCSIS DMPT pseudowire not decoded");
                return;
            default:
                if (capEnd > at)
                    Payload(input, at, capEnd, repEnd);
                return;
        }
    }

    // tshark's exception on a read of a data message's cookie or sublayer reaching `reach`: past the capture only, or past the packet.
    private void L2tpv3DataCut(ref Layer layer, in Span input, int offset, int reach, int capEnd, int repEnd, string reason)
    {
        layer.Status = reach <= repEnd && capEnd < repEnd ? LayerStatus.Truncated : LayerStatus.Malformed;
        if (!input.Quoted)
            Stop(layer.Status == LayerStatus.Truncated ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.L2tpv3, offset, reason);
    }

    /// <summary>
    /// What an L2TPv3 control message (<paramref name="message"/>, from its flags, cut at its length) teaches: an SCCRQ
    /// makes its conversation's tunnel, unless it has one (tshark then learns this message into a tunnel it drops); the
    /// session settings (<paramref name="learnt"/>) join the tunnel's sessions unless the walk stopped on a short AVP.
    /// </summary>
    private void LearnL2tpv3(in Span input, bool overIp, ReadOnlySpan<byte> message, in L2tpv3Sessions.Session learnt, bool endedShort)
    {
        if (!_options.FollowSessions || !TryIpAddresses(input, out var source, out var destination))
            return;
        (ushort sourcePort, ushort destinationPort) = overIp ? default : UdpPorts(input);
        int tunnel = _l2tpv3Sessions.FindTunnel(overIp, source, sourcePort, destination, destinationPort);
        // tshark's test for an SCCRQ reads the first AVP's type and value, whoever its vendor (the length bit is set here).
        int avp = L2tpv3Message.ControlHeaderLength(BinaryPrimitives.ReadUInt16BigEndian(message));
        if (message.Length >= avp + 8 && BinaryPrimitives.ReadUInt16BigEndian(message[(avp + 4)..]) == L2tpAvp.MessageTypeAttribute
            && BinaryPrimitives.ReadUInt16BigEndian(message[(avp + 6)..]) == L2tpv3MessageType.Sccrq)
        {
            if (tunnel >= 0)
                return;
            tunnel = _l2tpv3Sessions.AddTunnel(overIp, source, sourcePort, destination);
        }
        if (tunnel >= 0 && !endedShort)
            _l2tpv3Sessions.Update(tunnel, in learnt);
    }

    /// <summary>The ports of the innermost UDP header decoded so far (the one L2TPv3 came on).</summary>
    private (ushort Source, ushort Destination) UdpPorts(in Span input)
    {
        for (int i = _packet.LayerCount - 1; i > 0; i--)
        {
            ref readonly Layer udp = ref _packet[i];
            if (udp.Kind != LayerKind.Udp)
                continue;
            var header = input.BufferOf(udp).Slice(udp.Offset, udp.HeaderLength);
            if (header.Length < 4)
                break;
            return (BinaryPrimitives.ReadUInt16BigEndian(header), BinaryPrimitives.ReadUInt16BigEndian(header[2..]));
        }
        return default;
    }

    /// <summary>The source and destination addresses of the innermost IP header decoded so far (tshark's of the packet).</summary>
    private bool TryIpAddresses(in Span input, out ReadOnlySpan<byte> source, out ReadOnlySpan<byte> destination)
    {
        for (int i = _packet.LayerCount - 1; i > 0; i--)
        {
            ref readonly Layer ip = ref _packet[i];
            if (ip.Kind is not (LayerKind.Ipv4 or LayerKind.Ipv6) || ip.Quoted)
                continue;
            var header = input.BufferOf(ip).Slice(ip.Offset, ip.HeaderLength);
            bool v4 = ip.Kind == LayerKind.Ipv4;
            int size = v4 ? 4 : 16, at = v4 ? Ipv4Header.Field.Source : Ipv6Header.Field.Source;
            if (header.Length < at + 2 * size)
                break;
            source = header.Slice(at, size);
            destination = header.Slice(at + size, size);
            return true;
        }
        source = destination = default;
        return false;
    }

    private void DecodeTeredo(in Span input, int offset, int length, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.Teredo, offset, length, capEnd, repEnd, out _))
            return;
        DecodeIpv6(input, offset + length, capEnd, repEnd);
    }

    private void DecodeIcmp(in Span input, LayerKind kind, int offset, int capEnd, int repEnd, int ipIndex)
    {
        var bytes = input.Bytes;
        // Type, code and checksum are the minimum; the 4 bytes after them vary by type but every message has them.
        if (!FixedHeader(input, kind, offset, 4, capEnd, repEnd, out int index))
            return;
        ref Layer layer = ref _packet.LayerRef(index);
        layer.HeaderLength = Math.Min(IcmpHeader.HeaderLength, capEnd - offset);
        if (_options.VerifyChecksums && !input.Quoted)
        {
            layer.Checksum = kind == LayerKind.Icmp
                ? capEnd < repEnd || _partialDatagram ? ChecksumStatus.NotVerifiable
                    : Judge(ref layer, InternetChecksum.Add(0, bytes[offset..capEnd]), bytes, offset + IcmpHeader.Field.Checksum)
                : VerifyTransport(ref layer, input, offset, capEnd, repEnd, ipIndex, IpProtocol.Icmpv6, allowZero: false);
        }
        if (repEnd - offset < IcmpHeader.HeaderLength)
        {
            layer.Status = capEnd < repEnd ? LayerStatus.Truncated : LayerStatus.Malformed;
            Stop(capEnd < repEnd ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, kind, offset, "ICMP header cut short");
            return;
        }
        if (capEnd - offset < IcmpHeader.HeaderLength)
        {
            layer.Status = LayerStatus.Truncated;
            StopShort(input, kind, offset, capEnd, repEnd, "ICMP header cut short");
            return;
        }
        byte type = bytes[offset];
        int quote = offset + IcmpHeader.HeaderLength;
        bool quotes = kind == LayerKind.Icmp ? IcmpHeader.IsErrorWithQuote(type) : Icmpv6Message.IsErrorWithQuote(type);
        if (kind == LayerKind.Icmpv6 && type == (byte)Icmpv6Type.Redirect && !input.Quoted
            && Icmpv6Message.TryFindRedirectedHeader(bytes[offset..capEnd], out int redirectedAt, out int redirectedLength))
        {
            // A redirect quotes the redirected packet in an option (RFC 4861 4.6.3); tshark decodes it like an error's quote.
            quotes = true;
            quote = offset + redirectedAt;
            capEnd = quote + redirectedLength;
        }
        if (quotes && !input.Quoted && capEnd > quote)
        {
            // The quoted header describes the original datagram: its lengths exceed the quote by design, so its layers are
            // marked quoted and never change the packet's outcome.
            var inner = new Span(bytes, input.Frame, input.Source, quoted: true);
            int innerRepEnd = QuotedReportedEnd(bytes, kind, quote, capEnd);
            int first = _packet.LayerCount;
            var outcome = _packet.Outcome;
            if (kind == LayerKind.Icmp)
                DecodeIpv4(inner, quote, capEnd, innerRepEnd);
            else
                DecodeIpv6(inner, quote, capEnd, innerRepEnd);
            // Every layer of the quote is quoted, however deep (a protocol on the quoted datagram's port adds its own),
            // and none of them stops the packet (tshark shows no exception inside an error packet).
            for (int i = first; i < _packet.LayerCount; i++)
                _packet.LayerRef(i).Quoted = true;
            if (outcome == DecodeOutcome.Ok)
                _packet.ClearStop(_packet.StoppedAt);
            return;
        }
        // tshark shows a time stamp it finds at the start of an echo's data (icmp.data_time) and the data after it
        if (kind == LayerKind.Icmp && Icmp.IcmpFieldReader.StartsWithTime(type, bytes[quote..capEnd], _packet.WiretapFrame.TimestampNanoseconds))
            quote += Icmp.IcmpFieldReader.DataTimeLength;
        if (capEnd > quote)
        {
            int count = _packet.LayerCount;
            Payload(input, quote, capEnd, repEnd);
            if (kind == LayerKind.Icmpv6 && _packet.LayerCount > count && !Icmpv6Message.IsEcho(bytes[offset]))
                _packet.LayerRef(count).Detail = Icmpv6Message.BodyReadByIcmpv6;
        }
    }

    private static int QuotedReportedEnd(ReadOnlySpan<byte> bytes, LayerKind icmpKind, int quote, int capEnd)
    {
        // What the quoted header says the original datagram spanned, so truncation inside the quote is expected.
        if (icmpKind == LayerKind.Icmp && capEnd - quote >= 4 && bytes[quote] >> 4 == 4)
            return Math.Max(capEnd, quote + BinaryPrimitives.ReadUInt16BigEndian(bytes[(quote + 2)..]));
        if (icmpKind == LayerKind.Icmpv6 && capEnd - quote >= 6 && bytes[quote] >> 4 == 6)
            return Math.Max(capEnd, quote + Ipv6Header.Length + BinaryPrimitives.ReadUInt16BigEndian(bytes[(quote + 4)..]));
        return capEnd;
    }

    /// <summary>Good when the sum over the covered bytes (checksum field included) verifies; otherwise Bad, with the value the field should hold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ChecksumStatus Judge(ref Layer layer, ulong sumWithField, ReadOnlySpan<byte> bytes, int checksumAt)
    {
        if (InternetChecksum.Verifies(sumWithField))
            return ChecksumStatus.Good;
        layer.ExpectedChecksum = InternetChecksum.Expected(sumWithField, BinaryPrimitives.ReadUInt16BigEndian(bytes[checksumAt..]));
        return ChecksumStatus.Bad;
    }

    private ChecksumStatus VerifyTransport(ref Layer layer, in Span input, int offset, int capEnd, int repEnd, int ipIndex, IpProtocol protocol, bool allowZero)
    {
        int checksumOffset = protocol switch
        {
            IpProtocol.Tcp => TcpHeader.Field.Checksum,
            IpProtocol.Udp => UdpHeader.Field.Checksum,
            _ => IcmpHeader.Field.Checksum,
        };
        var bytes = input.Bytes;
        ref readonly Layer ip = ref _packet[ipIndex];
        bool isIpv4 = ip.Kind == LayerKind.Ipv4;
        if (allowZero && isIpv4 && BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + checksumOffset)..]) == 0)
            return ChecksumStatus.NotPresent;
        if (capEnd < repEnd || _partialDatagram)
            return ChecksumStatus.NotVerifiable;
        // The pseudo-header's addresses come from the IP header, which stays in the frame when the segment was reassembled;
        // a source route names the destination as tcpdump finds it (the checksum verdicts are tcpdump's).
        var ipBytes = input.BufferOf(ip)[ip.Offset..];
        int length = repEnd - offset;
        ulong pseudoHeader = isIpv4
            ? InternetChecksum.PseudoHeaderIpv4(ipBytes.Slice(Ipv4Header.Field.Source, 4), Ipv4Header.PseudoHeaderDestination(ipBytes[..ip.HeaderLength]), protocol, length)
            : InternetChecksum.PseudoHeaderIpv6(ipBytes.Slice(Ipv6Header.Field.Source, 16),
                _routedDestination >= 0 ? input.BufferOf(ip).Slice(_routedDestination, 16) : ipBytes.Slice(Ipv6Header.Field.Destination, 16),
                protocol, length);
        ulong sum = InternetChecksum.Add(pseudoHeader, bytes.Slice(offset, length));
        var status = Judge(ref layer, sum, bytes, offset + checksumOffset);
        if (status != ChecksumStatus.Bad)
            return status;
        if (protocol == IpProtocol.Udp)
            layer.ExpectedChecksum = InternetChecksum.ForUdp(layer.ExpectedChecksum);
        // Left for the card: the field holds only the folded pseudo-header sum (Linux's CHECKSUM_PARTIAL), which the
        // card would have completed over header and payload. Captured on the sending host, before the card saw it.
        ushort stored = BinaryPrimitives.ReadUInt16BigEndian(bytes[(offset + checksumOffset)..]);
        return stored == InternetChecksum.Fold(pseudoHeader) ? ChecksumStatus.Offloaded : ChecksumStatus.Bad;
    }

    private static UInt128 ToUInt128(ReadOnlySpan<byte> address)
    {
        Span<byte> padded = stackalloc byte[16];
        padded.Clear();
        address.CopyTo(padded[(16 - address.Length)..]);
        return BinaryPrimitives.ReadUInt128BigEndian(padded);
    }

    // --- layer bookkeeping ---

    /// <summary>
    /// Adds a layer whose header needs <paramref name="length"/> bytes. When fewer are present the layer is kept with what
    /// fits, marked truncated (or malformed when the packet itself ends there), and false is returned.
    /// </summary>
    private bool Header(in Span input, LayerKind kind, int offset, int length, int capEnd, int repEnd, out int index, int replace = -1)
    {
        index = -1;
        if (replace >= 0)
        {
            // A header whose full length is only known after its first bytes: grow the layer added for them.
            _packet.RemoveLast();
        }
        else if (_packet.IsFull)
        {
            Stop(DecodeOutcome.Unsupported, kind, offset, "too many layers");
            return false;
        }
        int present = Math.Max(0, Math.Min(length, capEnd - offset));
        index = _packet.LayerCount;
        ref Layer layer = ref _packet.Add(kind, offset, present, Math.Max(present, repEnd - offset), input.Source);
        layer.Quoted = input.Quoted;
        if (present == length)
            return true;
        layer.Status = repEnd - offset >= length && capEnd < repEnd ? LayerStatus.Truncated : LayerStatus.Malformed;
        if (!input.Quoted)
        {
            Stop(layer.Status == LayerStatus.Truncated ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, kind, offset,
                layer.Status == LayerStatus.Truncated ? "header cut short by the capture length" : "packet ends inside the header");
        }
        return false;
    }

    /// <summary>
    /// <see cref="Header"/> for a header of a fixed, non-negative length, with its common case inline: room for another
    /// layer and every byte of the header captured. Anything else goes through <see cref="Header"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool FixedHeader(in Span input, LayerKind kind, int offset, int length, int capEnd, int repEnd, out int index)
    {
        var packet = _packet;
        if (capEnd - offset < length || packet.IsFull)
            return Header(input, kind, offset, length, capEnd, repEnd, out index);
        index = packet.LayerCount;
        packet.Add(kind, offset, length, Math.Max(length, repEnd - offset), input.Source).Quoted = input.Quoted;
        return true;
    }

    private void StopShort(in Span input, LayerKind kind, int offset, int capEnd, int repEnd, string reason)
    {
        if (!input.Quoted)
            Stop(capEnd < repEnd ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, kind, offset, reason);
    }

    private void Malformed(ref Layer layer, in Span input, LayerKind kind, int offset, string reason)
    {
        layer.Status = LayerStatus.Malformed;
        if (!input.Quoted)
            Stop(DecodeOutcome.Malformed, kind, offset, reason);
    }

    /// <summary>
    /// A header whose reads needed the bytes up to <paramref name="needed"/>, past the captured ones: malformed when that is
    /// past the packet's end too, else cut short by the capture (tshark's two exceptions).
    /// </summary>
    private void StopPastCapture(ref Layer layer, in Span input, LayerKind kind, int offset, int needed, int capEnd, int repEnd,
        string malformedReason, string cutReason)
    {
        if (needed > repEnd)
            Malformed(ref layer, input, kind, offset, malformedReason);
        else
        {
            layer.Status = LayerStatus.Truncated;
            StopShort(input, kind, offset, capEnd, repEnd, cutReason);
        }
    }

    private void Unsupported(in Span input, int offset, int capEnd, int repEnd, string reason)
    {
        if (!input.Quoted && _packet.Outcome == DecodeOutcome.Ok)
            Stop(DecodeOutcome.Unsupported, LayerKind.Payload, offset, reason);
        Payload(input, offset, capEnd, repEnd);
    }

    private void Payload(in Span input, int offset, int capEnd, int repEnd)
    {
        if (_packet.IsFull || (capEnd <= offset && repEnd <= offset))
            return;
        ref Layer layer = ref _packet.Add(LayerKind.Payload, offset, Math.Max(0, capEnd - offset), Math.Max(0, repEnd - offset), input.Source);
        layer.Quoted = input.Quoted;
    }

    private void Stop(DecodeOutcome outcome, LayerKind kind, int offset, string reason)
    {
        // The first problem is the one to report; later layers only add detail.
        if (_packet.Outcome != DecodeOutcome.Ok)
            return;
        _packet.Outcome = outcome;
        _packet.StoppedAt = kind;
        _packet.StopOffset = offset;
        _packet.StopReason = reason;
    }
}
