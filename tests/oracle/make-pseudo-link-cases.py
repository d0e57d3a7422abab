#!/usr/bin/python3
"""Writes captures of the capture pseudo-header link types for the tshark and tcpdump oracles of RawNet's decoding.

    make-pseudo-link-cases.py OUTDIR          # the fixed cases: one pcap per link type, named below
    make-pseudo-link-cases.py OUTDIR SEED     # the same frames with random bytes of their pseudo-headers changed

Files: ipoib.pcap (LINKTYPE_IPOIB, 242): the 44-byte header Linux writes (a 40-byte global route header, or a
destination address alone when its first two bytes are zero, then the IPoIB type and reserved words) before IPv4 UDP,
TCP and ICMP, IPv6, ARP (Ethernet's and InfiniBand's 20-byte addresses), RARP and unknown types, frames shorter than the
header on the wire, and a frame cut by the capture at every length through the header and IPv4. ipnet.pcap
(LINKTYPE_IPNET, 226): the 24-byte Solaris header before IPv4 UDP, TCP and ICMP and IPv6 with every hook type, zone IDs
up to 2^32-1, unknown families, data lengths that lie (tshark counts the packet back from the captured end by it,
tcpdump reads it from the header's end), frames shorter than the header, and frames cut by the capture at every length
through the header and IPv4 and through IPv6 (which moves tshark's packet too). nflog.pcap (LINKTYPE_NFLOG, 239): a header and little-endian TLVs of
every type before IPv4 and IPv6, the family and the packet header's hardware protocol choosing what the payload is,
values of unexpected sizes, no payload, two payloads, hostile TLV lengths (below 4, 0, odd, past the frame, 0xffff),
short frames and cuts at every length. pktap.pcap (LINKTYPE_PKTAP, 258): Apple's little-endian 108-byte header before
every inner DLT RawNet decodes after it (Ethernet, BSD and OpenBSD loopback, PPP, Cisco HDLC, raw IP on DLT 12, 14 and
101, raw IPv4 and IPv6, Linux cooked v1 and v2, PKTAP itself) with IPv4 UDP, TCP and ICMP, IPv6 and ARP, what those
link headers carry that RawNet does not decode (an unknown family, DLT_LOOP's in host order, unknown EtherTypes), record types
0, 1 and others, an unknown DLT, interface and command names of every length, header lengths that lie (below the fixed
part, past it, past the frame, from 2^31 up: tshark counts those back from the frame's end), frames shorter than the
header, and frames cut at every length through the header and IPv4.
arcnet.pcap (LINKTYPE_ARCNET_LINUX, 129): Linux's 5- or 8-byte header before
IPv4, IPv6 and ARP by RFC 1201's and RFC 1051's protocol IDs, the exception form, unknown IDs, short frames and cuts at
every length (see arcnet_frames); arcnet-bsd.pcap (LINKTYPE_ARCNET_BSD, 7): the BSDs' 3- or 6-byte header and exception
frames' 10 (see arcnet_bsd_frames). juniper-ether.pcap (LINKTYPE_JUNIPER_ETHER, 178): the "MGC" header with extension
TLVs before Ethernet, or with no link header before the payload type's packet; hostile TLV and total lengths, no magic,
short frames and cuts at every length (see juniper_frames); juniper-pppoe.pcap, juniper-ppp.pcap, juniper-frelay.pcap,
juniper-chdlc.pcap and juniper-vp.pcap (167, 179, 180, 181, 183): that header before each one's link header and IP
(see juniper_link_frames); juniper-mlppp.pcap, juniper-mlfr.pcap, juniper-ggsn.pcap, juniper-atm2.pcap,
juniper-services.pcap and juniper-atm1.pcap (130, 131, 133, 135, 136, 137): that header before each PIC's cookie or
header and what tshark and tcpdump each guess after it (see juniper_pic_frames). ap1394.pcap (LINKTYPE_APPLE_IP_OVER_IEEE1394, 138): two
EUI-64s and an EtherType before IPv4, IPv6, ARP, RARP and unknown types, short frames and cuts at every length (see
ap1394_frames). ipfc.pcap (LINKTYPE_IP_OVER_FC, 122): RFC 2625's Network_Header before LLC/SNAP with IPv4,
IPv6 and ARP, IP's SAP, unknown EtherTypes, short frames and cuts at every length (see ipfc_frames). erf.pcap
(LINKTYPE_ERF, 197): Endace ERF records of the Ethernet, IPv4 and IPv6 types and others, extension headers, lying
record and wire lengths and cuts after the pseudo-header (see erf_frames; no record shorter than its pseudo-header,
which stops tshark's reading of the file). fpp.pcap (LINKTYPE_ETHERNET_MPACKET, 274): 802.3br mPackets of every SMD,
with CRCs and mCRCs that check or not, odd preambles, no SMD, short frames and cuts (see fpp_frames). docsis.pcap (LINKTYPE_DOCSIS, 143): DOCSIS data PDUs with Ethernet inside, extended
headers, bad HCSs, other frame types, short frames and cuts (see docsis_frames). ax25.pcap (LINKTYPE_AX25, 3) and
ax25-kiss.pcap (LINKTYPE_AX25_KISS, 202): AX.25 frames of every kind with IP, ARP, text and other PIDs, digipeaters,
KISS commands, short frames and cuts (see ax25_frames, ax25_kiss_frames).
vpp.pcap (LINKTYPE_VPP_DISPATCH, 280):
VPP dispatch trace records before Ethernet, IPv4 and IPv6 by their hint, multi-line strings, odd versions, short
frames and cuts (see vpp_frames). exported-pdu.pcap (LINKTYPE_WIRESHARK_UPPER_PDU, 252): exported PDUs
with every tag tshark 4.0 reads before IPv4, IPv6 and Ethernet, damaged tags and cuts (see exported_pdu_frames).
gfp.pcap (LINKTYPE_GFP_F, 171) and
gfp-transparent.pcap (LINKTYPE_GFP_T, 170): GFP frames of every UPI RawNet decodes, management frames, FCSs, extension
headers, bad HECs, idle frames, lying PLIs, short frames and cuts (see gfp_frames). ebhscr.pcap (LINKTYPE_EBHSCR, 279):
Elektrobit's header before Ethernet with and without FCS, link state reports, unknown major numbers, short frames and
cuts (see ebhscr_frames). symantec.pcap (LINKTYPE_SYMANTEC_FIREWALL, 99): the firewall's v2 and v3 headers before
IPv4, IPv6, ARP, 802.1Q and unknown EtherTypes, short frames and cuts (see symantec_frames). enc-dlt13.pcap and chdlc-dlt112.pcap: enc.pcap's frames under OpenBSD's
DLT_ENC number (13) and make-link-cases.py's chdlc.pcap frames under NetBSD's DLT_HDLC (112), which tshark reads as 109
and 104. redback.pcap (LINKTYPE_REDBACK_SMARTEDGE, 32): the SmartEdge header before every protocol and offset
layout tshark tells apart, padding, unknown protocols, short frames and cuts (see redback_frames).
juniper-vn.pcap (LINKTYPE_JUNIPER_VN, 184): a vRouter's TLVs (host address, flags, networks) before Ethernet, hostile
TLV lengths and types, short frames and cuts (see juniper_vn_frames).
juniper-st.pcap (LINKTYPE_JUNIPER_ST, 200): the Juniper header before a secure tunnel's Ethernet, IPv4 and ESP
headers and the IP packet ESP carried, short frames and cuts (see juniper_st_frames).
wpan.pcap and wpan-nofcs.pcap
(LINKTYPE_IEEE802_15_4_WITHFCS 195, _NOFCS 230): 802.15.4 data frames with 6LoWPAN (see wpan_frames). wpan-frag.pcap (195):
6LoWPAN datagrams in fragments, whole, out of order, missing, repeated, overlapping and with lying sizes (see
wpan_frag_frames). wpan-nonask.pcap (LINKTYPE_IEEE802_15_4_NONASK_PHY, 215) and wpan-tap.pcap (LINKTYPE_IEEE802_15_4_TAP,
283): the same frames behind a PHY header and a TAP header (see wpan_nonask_frames, wpan_tap_frames). Every timestamp starts
at 2023-11-14 22:13:20 UTC and steps 1 ms per packet.
Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import importlib.util
import os
import random
import struct
import sys
import zlib

from scapy.packet import Raw
from scapy.layers.inet import TCP
from scapy.layers.inet6 import IPv6, ICMPv6EchoRequest
from scapy.layers.pflog import PFLog
from scapy.layers.inet import UDP
from scapy.layers.dot15d4 import Dot15d4, Dot15d4Data

# The frames above the link layers, the addresses and the pcap writer are make-link-cases.py's.
_spec = importlib.util.spec_from_file_location("link_cases", os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-link-cases.py"))
link_cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(link_cases)
write, udp4, udp6, tcp4, echo4 = link_cases.write, link_cases.udp4, link_cases.udp6, link_cases.tcp4, link_cases.echo4
A6, B6, T0 = link_cases.A6, link_cases.B6, link_cases.T0


def echo6():
    return bytes(IPv6(src=B6, dst=A6) / ICMPv6EchoRequest(id=7, seq=2) / Raw(b"ping"))


ARP_ETHERNET = bytes.fromhex("0001080006040001020000000001c6120001000000000000c6120002")
# InfiniBand hardware (32): 20-byte addresses (queue pair number and GID).
ARP_INFINIBAND = (struct.pack(">HHBBH", 32, 0x0800, 20, 4, 1) + bytes(range(1, 21)) + bytes([198, 18, 0, 1])
                  + bytes(20) + bytes([198, 18, 0, 2]))

SGID = bytes.fromhex("fe800000000000000002c90300a1b2c3")
DGID = bytes.fromhex("fe800000000000000002c90300d4e5f6")


def grh(version=6, tclass=0x12, flow=0x34567, sqpn=0x000123):
    """The pseudo-header's global route header: version, traffic class and flow label, a byte, the source QPN, GIDs."""
    word = (version << 28) | (tclass << 20) | flow
    return struct.pack(">IB", word, 0) + sqpn.to_bytes(3, "big") + SGID + DGID


def unicast(dqpn=0x000456):
    """No global route header (its first two bytes zero): the destination address alone, in its last 20 bytes."""
    return bytes(20) + b"\x00" + dqpn.to_bytes(3, "big") + DGID


def ipoib(pseudo, etype, payload, reserved=0):
    return pseudo + struct.pack(">HH", etype, reserved) + payload


def ipoib_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(ipoib(grh(), 0x0800, udp4()))
    add(ipoib(unicast(), 0x0800, tcp4()))
    add(ipoib(grh(version=0, tclass=0, flow=0, sqpn=0xFFFFFF), 0x0800, echo4()))
    add(ipoib(grh(), 0x86DD, udp6()))
    add(ipoib(unicast(), 0x86DD, echo6(), reserved=0xABCD))
    add(ipoib(grh(), 0x0806, ARP_ETHERNET))
    add(ipoib(unicast(), 0x0806, ARP_INFINIBAND))
    add(ipoib(grh(), 0x8035, ARP_ETHERNET[:7] + b"\x03" + ARP_ETHERNET[8:]))   # RARP: tshark reads it as ARP
    add(ipoib(grh(), 0x1234, b"unknown type"))
    add(ipoib(unicast(), 0x0000, b""))
    # shorter than the header on the wire: no type, half a type, type but no reserved word, no header at all
    whole = ipoib(grh(), 0x0800, udp4())
    for end in (1, 20, 40, 41, 42, 43, 44):
        add(whole[:end])
    # the capture cutting a frame at every length through the header and IPv4, and after the UDP header
    for cut in list(range(1, 66)) + [72]:
        add(whole, cut)
    return frames


def ipoib_damageable(data):
    """The global route header (whether it is there, its fields) and the reserved word; the type keeps its high byte and
    its low byte moves only between the IPv4 and ARP types."""
    return 44


def ipnet(family, payload, data_length=None, hook=0, ifindex=3, grifindex=0, zsrc=0, zdst=0, version=1):
    """A Solaris ipnet header: version, family, hook type, data length (the payload's unless given), interface
    indexes, zones."""
    length = len(payload) if data_length is None else data_length
    return struct.pack(">BBHIIIII", version, family, hook, length, ifindex, grifindex, zsrc, zdst) + payload


INET, INET6 = 2, 26


def ipnet_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(ipnet(INET, udp4()))
    add(ipnet(INET, tcp4(), hook=1, ifindex=7, grifindex=2, zsrc=1, zdst=4294967295))
    add(ipnet(INET, echo4(), hook=2))
    add(ipnet(INET6, udp6(), hook=1))
    add(ipnet(INET6, echo6(), version=2, zsrc=5, zdst=6))
    add(ipnet(7, b"unknown family", zsrc=1, zdst=2))
    add(ipnet(0, b"", zsrc=3000000000, zdst=0))
    # data lengths that lie: tshark counts back from the end of what was captured, tcpdump reads from byte 24
    for data_length in (0, 20, 40, 52, 75, 200):
        add(ipnet(INET, udp4(), data_length=data_length))
    add(ipnet(7, b"abcd", data_length=100))
    # shorter than the header on the wire, the header alone, the header and a cut IPv4 header
    whole = ipnet(INET, udp4())
    for end in (1, 8, 20, 23, 24, 30):
        add(whole[:end])
    # the capture cutting a frame at every length through the header and IPv4, and after the UDP header
    for cut in list(range(1, 45)) + [52]:
        add(whole, cut)
    six = ipnet(INET6, udp6())
    for cut in (10, 24, 30, 50, 64, 70):
        add(six, cut)
    return frames


def ipnet_damageable(data):
    """The family byte only among IPv4, IPv6 and one unknown; any byte of the rest of the header."""
    return 24


def tlv(kind, value, length=None, pad=True):
    """An NFLOG TLV: length and type little-endian (the capturing host's order), the value, padding to 4 bytes."""
    size = 4 + len(value) if length is None else length
    data = struct.pack("<HH", size, kind) + value
    return data + bytes(-len(data) % 4) if pad else data


NFULA_PACKET_HDR, NFULA_MARK, NFULA_TIMESTAMP, NFULA_IFINDEX_INDEV, NFULA_IFINDEX_OUTDEV = 1, 2, 3, 4, 5
NFULA_IFINDEX_PHYSINDEV, NFULA_IFINDEX_PHYSOUTDEV, NFULA_HWADDR, NFULA_PAYLOAD, NFULA_PREFIX = 6, 7, 8, 9, 10
NFULA_UID, NFULA_SEQ, NFULA_SEQ_GLOBAL, NFULA_GID, NFULA_HWTYPE, NFULA_HWHEADER, NFULA_HWLEN = 11, 12, 13, 14, 15, 16, 17


def nflog(family, tlvs, version=0, resource=7):
    """An NFLOG header (family, version, resource ID big-endian), then the TLVs."""
    return struct.pack(">BBH", family, version, resource) + b"".join(tlvs)


def packet_hdr(protocol, hook=3):
    return tlv(NFULA_PACKET_HDR, struct.pack(">HBB", protocol, hook, 0))


def u32(kind, value):
    return tlv(kind, struct.pack(">I", value))


def nflog_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    common = [packet_hdr(0x0800), tlv(NFULA_PREFIX, b"drop-in\0"), u32(NFULA_IFINDEX_INDEV, 2), u32(NFULA_UID, 1000),
              u32(NFULA_GID, 0xFFFFFFFE), tlv(NFULA_TIMESTAMP, struct.pack(">QQ", T0, 5))]
    add(nflog(2, common + [tlv(NFULA_PAYLOAD, udp4())]))
    add(nflog(2, [packet_hdr(0x0800, hook=1), u32(NFULA_IFINDEX_OUTDEV, 3), u32(NFULA_MARK, 0x10), tlv(NFULA_PAYLOAD, tcp4())]))
    add(nflog(2, [u32(NFULA_IFINDEX_PHYSINDEV, 4), u32(NFULA_IFINDEX_PHYSOUTDEV, 5), tlv(NFULA_PAYLOAD, echo4())]))
    add(nflog(10, [packet_hdr(0x86DD), tlv(NFULA_HWTYPE, struct.pack(">H", 1)), tlv(NFULA_HWLEN, struct.pack(">H", 14)),
                   tlv(NFULA_HWHEADER, bytes(range(14))), tlv(NFULA_HWADDR, struct.pack(">H", 6) + b"\0\0" + bytes(range(1, 9))),
                   tlv(NFULA_PAYLOAD, udp6())]))
    add(nflog(10, [u32(NFULA_SEQ, 1), u32(NFULA_SEQ_GLOBAL, 2), tlv(NFULA_PAYLOAD, echo6())], resource=65535))
    # the family decides without a hardware protocol; the hardware protocol wins over the family
    add(nflog(2, [tlv(NFULA_PAYLOAD, udp4())]))
    add(nflog(10, [packet_hdr(0x0800), tlv(NFULA_PAYLOAD, udp4())]))
    add(nflog(2, [packet_hdr(0x0806), tlv(NFULA_PAYLOAD, ARP_ETHERNET)]))
    add(nflog(7, [tlv(NFULA_PAYLOAD, b"unknown family")]))
    add(nflog(2, [packet_hdr(0x1234), tlv(NFULA_PAYLOAD, udp4())]))
    # values of other sizes than the field's, an empty prefix, unknown types, the type's top bit, no payload
    add(nflog(2, [tlv(NFULA_UID, b"\0\1"), tlv(NFULA_GID, b""), tlv(NFULA_TIMESTAMP, b"\0" * 8), tlv(NFULA_PREFIX, b""),
                  tlv(NFULA_PACKET_HDR, b"\x08\x00"), tlv(NFULA_IFINDEX_INDEV, b"\0\0\0\0\0"), tlv(99, b"zz"),
                  tlv(NFULA_PAYLOAD | 0x8000, udp4())]))
    add(nflog(2, [tlv(NFULA_PREFIX, b"no payload\0")]))
    add(nflog(2, []))
    add(nflog(2, [u32(NFULA_UID, 1)], version=1))
    # two payloads: tshark takes the last, tcpdump the first
    add(nflog(2, [tlv(NFULA_PAYLOAD, echo4()), tlv(NFULA_PAYLOAD, udp4())]))
    # hostile lengths: below 4, zero, odd, past the frame, past 65535 when rounded; a TLV header cut by the frame
    add(nflog(2, [u32(NFULA_UID, 1), tlv(NFULA_PREFIX, b"", length=3), tlv(NFULA_PAYLOAD, udp4())]))
    add(nflog(2, [tlv(NFULA_PREFIX, b"", length=0), tlv(NFULA_PAYLOAD, udp4())]))
    add(nflog(2, [tlv(NFULA_PREFIX, b"abcde", pad=False), tlv(NFULA_PAYLOAD, udp4())]))
    add(nflog(2, [tlv(NFULA_PREFIX, b"ab\0", length=400), tlv(NFULA_PAYLOAD, udp4())]))
    add(nflog(2, [tlv(NFULA_PAYLOAD, udp4(), length=200)]))
    add(nflog(2, [tlv(NFULA_PAYLOAD, udp4(), length=0xFFFF)]))
    add(nflog(2, [u32(NFULA_UID, 1)]) + b"\x08\x00")
    # shorter than the header on the wire
    whole = nflog(2, common + [tlv(NFULA_PAYLOAD, udp4())])
    for end in (1, 3):
        add(whole[:end])
    # the capture cutting a frame at every length through the header, the TLVs and IPv4
    short = nflog(2, [packet_hdr(0x0800), u32(NFULA_UID, 5), tlv(NFULA_PAYLOAD, udp4())])
    for cut in list(range(1, 45)) + [52]:
        add(short, cut)
    return frames


def nflog_damageable(data):
    """The header and the TLV headers and values before the payload's (the family only among 2, 10 and 9)."""
    return 24


def pktap(dlt, payload, header_length=108, rectype=1, ifname=b"en0", flags=0, pfamily=2, llhdrlen=14, lltrlrlen=0,
          pid=501, cmdname=b"curl", svc_class=0, iftype=6, ifunit=0, epid=501, ecmdname=b"curl", extra=b""):
    """Apple's PKTAP header (little-endian, the names NUL-padded), bytes past its fixed 108 when given, then the packet."""
    header = struct.pack("<III24sIIIII20sIHHI20s", header_length, rectype, dlt, ifname, flags, pfamily, llhdrlen,
                         lltrlrlen, pid, cmdname, svc_class, iftype, ifunit, epid, ecmdname)
    return header + extra + payload


def ethernet(ethertype, payload):
    return bytes.fromhex("020000000002020000000001") + struct.pack(">H", ethertype) + payload


def pktap_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(pktap(1, ethernet(0x0800, udp4())))
    add(pktap(1, ethernet(0x0800, tcp4()), flags=0x00000011, svc_class=0x64, ifunit=3, pid=0, epid=4294967295))
    add(pktap(1, ethernet(0x0800, echo4()), ifname=b"utun1234567890abcdefghij", cmdname=b"c" * 20, ecmdname=b""))
    add(pktap(1, ethernet(0x86DD, udp6()), pfamily=30))
    add(pktap(1, ethernet(0x0806, ARP_ETHERNET), ifname=b"", cmdname=b"a\tb"))
    add(pktap(0, struct.pack("<I", 2) + tcp4(), ifname=b"lo0", llhdrlen=4, iftype=24))
    add(pktap(0, struct.pack("<I", 30) + echo6(), ifname=b"lo0", llhdrlen=4, iftype=24))
    add(pktap(108, struct.pack(">I", 2) + echo4(), llhdrlen=4))
    add(pktap(9, b"\xff\x03\x00\x21" + udp4(), ifname=b"ppp0", llhdrlen=4))
    add(pktap(104, b"\x0f\x00\x08\x00" + echo4(), llhdrlen=4))
    add(pktap(12, udp6(), ifname=b"utun3", llhdrlen=0))
    add(pktap(12, echo4(), llhdrlen=0))
    add(pktap(14, udp4(), llhdrlen=0))
    add(pktap(101, tcp4(), llhdrlen=0))
    add(pktap(228, udp4(), llhdrlen=0))
    add(pktap(229, echo6(), llhdrlen=0))
    add(pktap(113, struct.pack(">HHH8sH", 0, 1, 6, bytes(range(1, 9)), 0x0800) + udp4(), llhdrlen=16))
    add(pktap(276, struct.pack(">HHIHBB8s", 0x0800, 0, 2, 1, 0, 6, bytes(range(1, 9))) + tcp4(), llhdrlen=20))
    add(pktap(258, pktap(1, ethernet(0x0800, udp4()), ifname=b"en1")))
    # what the inner link headers carry that RawNet does not decode: an unknown loopback family, DLT_LOOP's family in
    # host order (tshark reads network order only, tcpdump either), unknown EtherTypes behind SLL and SLL2
    add(pktap(0, struct.pack("<I", 99) + udp4(), llhdrlen=4))
    add(pktap(108, struct.pack("<I", 2) + udp4(), llhdrlen=4))
    add(pktap(113, struct.pack(">HHH8sH", 4, 1, 6, bytes(range(1, 9)), 0x1234) + udp4(), llhdrlen=16))
    add(pktap(276, struct.pack(">HHIHBB8s", 0x1234, 0, 2, 1, 0, 6, bytes(range(1, 9))) + udp4(), llhdrlen=20))
    # record types: nothing follows (0), others; an unknown DLT; no packet at all
    add(pktap(1, ethernet(0x0800, udp4()), rectype=0))
    add(pktap(1, b"", rectype=0))
    add(pktap(1, ethernet(0x0800, udp4()), rectype=2))
    add(pktap(1, ethernet(0x0800, udp4()), rectype=0x01000001))
    add(pktap(999, ethernet(0x0800, udp4())))
    add(pktap(1, b""))
    add(pktap(12, b""))
    # header lengths that lie: below the fixed part, past it (bytes of its own, or into the packet), at the frame's end,
    # past it, and from 2^31 up (a negative offset to tshark)
    for header_length in (0, 4, 107):
        add(pktap(1, ethernet(0x0800, udp4()), header_length=header_length))
    add(pktap(1, ethernet(0x0800, udp4()), header_length=116, extra=b"extended"))
    whole = pktap(1, ethernet(0x0800, udp4()))
    for header_length in (110, 122, 140, len(whole) - 1, len(whole), len(whole) + 1, 500, 65535, 0x7FFFFFFF, 0x80000000,
                          0xFFFFFF00, 0xFFFFFFD0, 0xFFFFFFFF):
        add(pktap(1, ethernet(0x0800, udp4()), header_length=header_length))
    add(pktap(12, udp4(), header_length=0xFFFFFFE0))
    # shorter than the header on the wire, the header alone, and cuts through it
    for end in (1, 3, 4, 8, 12, 40, 60, 107, 108, 110, 122):
        add(whole[:end])
    # the capture cutting a frame at every length through the header, Ethernet and IPv4, and after the UDP header
    for cut in list(range(1, 143)) + [150]:
        add(whole, cut)
    return frames


def pktap_damageable(data):
    """The header's fixed part; the DLT only among those of the fixed cases (see damage)."""
    return 108


# What a damaged DLT becomes: the DLTs RawNet decodes after PKTAP, and one neither libpcap nor tshark knows.
PKTAP_DLTS = [0, 1, 9, 12, 14, 101, 104, 108, 113, 228, 229, 258, 276, 999]


def arcnet(protocol, payload, source=0x01, destination=0x02, offset=b"\x00\x00", split=0, sequence=0x1234):
    """A Linux ARCNET header (LINKTYPE_ARCNET_LINUX): source, destination, the hardware offset, the protocol ID, and for
    the RFC 1201 IDs (all but the RFC 1051 ones and Diagnose) the split flag and sequence number; then the payload."""
    header = struct.pack(">BB", source, destination) + offset + bytes([protocol])
    if protocol not in (ARC_IP_1051, ARC_ARP_1051, ARC_DIAGNOSE):
        header += struct.pack(">BH", split, sequence)
    return header + payload


ARC_IP_1051, ARC_ARP_1051, ARC_IP, ARC_ARP, ARC_RARP, ARC_INET6, ARC_DIAGNOSE = 0xF0, 0xF1, 0xD4, 0xD5, 0xD6, 0xC4, 0x80


def arcnet_arp(opcode, sender_hw=0x01, target_hw=0x00):
    """ARP over ARCNET (RFC 1201): hardware type 7 with one-byte station addresses."""
    return (struct.pack(">HHBBH", 7, 0x0800, 1, 4, opcode) + bytes([sender_hw, 198, 18, 0, 1])
            + bytes([target_hw, 198, 18, 0, 2]))


def arcnet_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(arcnet(ARC_IP, udp4()))
    add(arcnet(ARC_IP_1051, tcp4(), source=0xFE, destination=0x00))
    add(arcnet(ARC_IP, echo4(), split=2, sequence=7))
    add(arcnet(ARC_IP, udp4(), split=5, sequence=0xFFFF))                 # a middle fragment: both print it as a packet
    add(arcnet(ARC_INET6, udp6(), offset=b"\x01\xfe"))
    add(arcnet(ARC_INET6, echo6(), source=0x80, destination=0xFF))
    add(arcnet(ARC_ARP, arcnet_arp(1)))
    add(arcnet(ARC_ARP, arcnet_arp(2, sender_hw=0x02, target_hw=0x01), destination=0x01))
    add(arcnet(ARC_ARP_1051, arcnet_arp(1), destination=0x00))
    add(arcnet(ARC_RARP, arcnet_arp(3)))
    add(arcnet(ARC_ARP, ARP_ETHERNET))
    # IPv6 behind an IPv4 ID (tshark's "ip" reads the version; tcpdump says so), a bogus version behind IPv6's ID
    add(arcnet(ARC_IP, udp6()))
    add(arcnet(ARC_INET6, b"\x30" + udp6()[1:]))
    # the exception form (split flag 0xff, padding, the protocol ID again): the Linux link type reads it as a split flag
    add(arcnet(ARC_IP, bytes([ARC_IP, 0, 0, 1]) + udp4(), split=0xFF, sequence=0))
    # unknown protocol IDs and Diagnose: data
    add(arcnet(0x99, b"unknown ID", split=3))
    add(arcnet(ARC_DIAGNOSE, b"diag"))
    add(arcnet(0x00, b""))
    add(arcnet(0xFF, b"\xff" * 9, split=0xFF, sequence=0xFFFF))
    # shorter than the header on the wire: no protocol ID, no split flag, half a sequence number, an RFC 1051 header alone
    whole = arcnet(ARC_IP, udp4())
    for end in (1, 2, 3, 4, 5, 6, 7, 8):
        add(whole[:end])
    old = arcnet(ARC_IP_1051, tcp4())
    for end in (5, 6, 24):
        add(old[:end])
    # the capture cutting a frame at every length through the header and IPv4, and after the UDP header
    for cut in list(range(1, 37)) + [40]:
        add(whole, cut)
    for cut in (3, 5, 12):
        add(old, cut)
    return frames


def arcnet_damageable(data):
    """The header but the protocol ID, which moves only among the IDs both oracles decode alike."""
    return 8


ARCNET_IDS = (ARC_IP_1051, ARC_IP, ARC_INET6, ARC_DIAGNOSE, 0x99)


def arcnet_bsd(protocol, payload, source=0x01, destination=0x02, split=0, sequence=0x1234, exception=None):
    """A BSD ARCNET header (LINKTYPE_ARCNET_BSD): source, destination, the protocol ID, and for the RFC 1201 IDs the split
    flag and sequence number; with exception=(protocol again, real split flag, real sequence) the exception form: 0xff,
    two bytes of padding (the sequence given), the protocol ID again, the real split flag and sequence. Then the payload."""
    header = struct.pack(">BBB", source, destination, protocol)
    if exception is not None:
        header += struct.pack(">BHBBH", 0xFF, sequence, *exception)
    elif protocol not in (ARC_IP_1051, ARC_ARP_1051, ARC_DIAGNOSE):
        header += struct.pack(">BH", split, sequence)
    return header + payload


def arcnet_bsd_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(arcnet_bsd(ARC_IP, udp4()))
    add(arcnet_bsd(ARC_IP_1051, tcp4(), source=0xFE, destination=0x00))
    add(arcnet_bsd(ARC_IP, echo4(), split=1, sequence=7))                  # the first of two fragments
    add(arcnet_bsd(ARC_IP, udp4(), split=4, sequence=0xFFFF))              # a middle fragment: tcpdump prints nothing of it
    add(arcnet_bsd(ARC_IP, udp4(), split=3, sequence=0x0102))
    add(arcnet_bsd(ARC_INET6, udp6()))
    add(arcnet_bsd(ARC_INET6, echo6(), source=0x80, destination=0xFF))
    add(arcnet_bsd(ARC_ARP, arcnet_arp(1)))
    add(arcnet_bsd(ARC_ARP_1051, arcnet_arp(2, sender_hw=0x02, target_hw=0x01), destination=0x01))
    add(arcnet_bsd(ARC_RARP, arcnet_arp(3)))
    add(arcnet_bsd(ARC_IP, udp6()))
    # exception frames: 0xff, padding, the protocol ID again, the real split flag and sequence
    add(arcnet_bsd(ARC_IP, udp4(), sequence=0xFFFF, exception=(ARC_IP, 0, 0x0042)))
    add(arcnet_bsd(ARC_IP, tcp4(), sequence=0xFFFF, exception=(ARC_IP, 1, 0x0043)))
    add(arcnet_bsd(ARC_IP, udp4(), sequence=0x0000, exception=(ARC_IP, 2, 0x0044)))
    add(arcnet_bsd(ARC_INET6, udp6(), sequence=0xFFFF, exception=(0x99, 0, 0x0045)))   # a copy that differs
    add(arcnet_bsd(ARC_ARP, arcnet_arp(1), sequence=0xFFFF, exception=(ARC_ARP, 0, 0x0046)))
    # IDs RFC 1051's and Diagnose aside read no exception form; unknown IDs and BACnet's: data (tshark's llc for BACnet)
    add(arcnet_bsd(ARC_IP_1051, bytes([0xFF]) + tcp4()))
    add(arcnet_bsd(0x99, b"unknown ID", split=0xFF, sequence=0xFFFF))
    add(arcnet_bsd(ARC_DIAGNOSE, b"diag"))
    add(arcnet_bsd(0x00, b""))
    # shorter than the header on the wire, plain and exception form
    whole = arcnet_bsd(ARC_IP, udp4())
    for end in (1, 2, 3, 4, 5, 6):
        add(whole[:end])
    exc = arcnet_bsd(ARC_IP, udp4(), sequence=0xFFFF, exception=(ARC_IP, 0, 0x0042))
    for end in (4, 5, 6, 7, 8, 9, 10):
        add(exc[:end])
    old = arcnet_bsd(ARC_IP_1051, tcp4())
    for end in (3, 4, 22):
        add(old[:end])
    # the capture cutting a frame at every length through the header and IPv4, and after the UDP header
    for cut in list(range(1, 34)) + [40]:
        add(whole, cut)
    for cut in range(1, 31):
        add(exc, cut)
    for cut in (2, 3, 10):
        add(old, cut)
    return frames


def arcnet_bsd_damageable(data):
    """The header (the whole exception form); the protocol ID moves only among the IDs both oracles decode alike."""
    return 10 if len(data) > 3 and data[3] == 0xFF else 6


def juniper(flags, payload, extensions=None, total=None, magic=b"MGC"):
    """A Juniper capture header: magic "MGC", flags, and with the extension flag (0x80) a 16-bit total length and TLVs."""
    header = magic + bytes([flags])
    if extensions is not None:
        header += struct.pack(">H", len(extensions) if total is None else total) + extensions
    return header + payload


def ext(kind, value, length=None):
    """A Juniper extension TLV: type and length bytes, then the value (little-endian below type 128, big-endian above)."""
    return bytes([kind, len(value) if length is None else length]) + value


JUNIPER_IN, JUNIPER_NO_L2, JUNIPER_EXT = 0x01, 0x02, 0x80
IFD_IDX, IFD_NAME, IFD_MEDIATYPE, IFL_IDX, IFL_UNIT, IFL_ENCAPS, TTP_IFD_MEDIATYPE, TTP_IFL_ENCAPS = range(1, 9)
MAC_A, MAC_B = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")


def ether(ethertype, payload):
    return MAC_B + MAC_A + struct.pack(">H", ethertype) + payload


def le32(value):
    return struct.pack("<I", value)


def juniper_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    udp = ether(0x0800, udp4())
    interface = (ext(IFD_IDX, le32(5)) + ext(IFL_IDX, le32(77)) + ext(IFL_UNIT, le32(0)) + ext(IFD_MEDIATYPE, b"\x01")
                 + ext(IFL_ENCAPS, b"\x0e") + ext(IFD_NAME, b"ge-0/0/0"))
    add(juniper(JUNIPER_IN, udp))
    add(juniper(0, ether(0x0800, tcp4())))
    add(juniper(JUNIPER_IN | JUNIPER_EXT, ether(0x0800, echo4()), interface))
    add(juniper(JUNIPER_EXT, ether(0x86DD, udp6()), ext(TTP_IFD_MEDIATYPE, b"\x04\x00") + ext(TTP_IFL_ENCAPS, b"\x11\x00\x00")))
    add(juniper(JUNIPER_IN, ether(0x86DD, echo6())))
    add(juniper(JUNIPER_IN, ether(0x0806, ARP_ETHERNET)))
    add(juniper(JUNIPER_IN, ether(0x1234, b"unknown type")))
    add(juniper(JUNIPER_IN, ether(0x8100, b"\x00\x05\x08\x00" + udp4())))
    add(juniper(0x7D, udp))                                                # every other flag bit
    # values of every size (1 to 4 bytes, and 5: tshark's -1), big-endian types, unknown types, an empty name
    add(juniper(JUNIPER_EXT, udp, ext(IFD_IDX, b"\x01\x02\x03\x04\x05") + ext(IFD_MEDIATYPE, b"\x01\x02")
                + ext(IFL_UNIT, b"\x01\x02\x03") + ext(IFL_ENCAPS, b"\x63") + ext(IFL_IDX, b"\xff\xff\xff\xff")))
    add(juniper(JUNIPER_EXT, udp, ext(0x81, b"\x00\x00\x00\x01") + ext(9, b"\x07") + ext(0xFF, b"\x01\x02")
                + ext(TTP_IFD_MEDIATYPE, b"\xff")))
    # hostile extensions: a zero length or type ends the walk, a length past the total, a total of 0 to 3, past the
    # frame, and wrapping tshark's 16-bit header length; a TLV header alone
    add(juniper(JUNIPER_EXT, udp, ext(IFD_IDX, le32(5), length=0) + ext(IFL_IDX, le32(6))))
    add(juniper(JUNIPER_EXT, udp, ext(0, le32(5)) + ext(IFL_IDX, le32(6))))
    add(juniper(JUNIPER_EXT, udp, ext(IFD_IDX, le32(5), length=9)))
    add(juniper(JUNIPER_EXT, udp, ext(IFD_IDX, le32(5)) + ext(IFL_IDX, le32(6), length=5)))
    for total in (0, 1, 2, 3, 5):
        add(juniper(JUNIPER_EXT, udp, ext(IFL_IDX, le32(6)), total=total))
    for total in (40, 200, 0xFFFA, 0xFFFF):
        add(juniper(JUNIPER_EXT, udp, ext(IFL_IDX, le32(6)), total=total))
    add(juniper(JUNIPER_EXT, udp, b"\x04\x01\x07"))
    # no link header: the payload type (tshark reads its low byte), IPv4 and IPv6 both ways, unknown, Ethernet, MPLS
    add(juniper(JUNIPER_NO_L2 | JUNIPER_IN, le32(2) + udp4()))
    add(juniper(JUNIPER_NO_L2, le32(3) + tcp4()))
    add(juniper(JUNIPER_NO_L2 | JUNIPER_EXT, le32(6) + udp6(), ext(IFL_IDX, le32(1))))
    add(juniper(JUNIPER_NO_L2, le32(7) + echo6()))
    add(juniper(JUNIPER_NO_L2, le32(0x99) + udp4()))
    add(juniper(JUNIPER_NO_L2, le32(0xA248) + b"abcd" + udp4()))
    add(juniper(JUNIPER_NO_L2, le32(0x0302) + udp4()))
    add(juniper(JUNIPER_NO_L2, le32(2) + udp6()))
    add(juniper(JUNIPER_NO_L2, le32(204) + udp))
    add(juniper(JUNIPER_NO_L2, le32(5) + struct.pack(">I", (16 << 12) | 0x100 | 64) + udp4()))
    add(juniper(JUNIPER_NO_L2, le32(6) + b"\x30" + udp6()[1:]))
    add(juniper(JUNIPER_NO_L2, le32(2) + b"\x99junk"))
    add(juniper(JUNIPER_NO_L2, le32(2) + b"\x44" + udp4()[1:]))
    add(juniper(JUNIPER_NO_L2, le32(2)))
    add(juniper(JUNIPER_NO_L2, b"\x02\x00"))
    # no magic number: tshark reads Ethernet from the first byte, tcpdump says so
    add(juniper(JUNIPER_IN, udp, magic=b"XYZ"))
    add(juniper(JUNIPER_IN, udp, magic=b"MGD"))
    add(b"XYZ\x01")
    # shorter than the header on the wire
    whole = juniper(JUNIPER_IN | JUNIPER_EXT, udp, ext(IFD_IDX, le32(5)) + ext(IFL_UNIT, b"\x02\x00"))
    for end in (1, 2, 3, 4, 5, 6, 7, 8, 12, 14, 20, 30):
        add(whole[:end])
    add(juniper(JUNIPER_IN, b""))
    add(juniper(JUNIPER_IN, udp[:10]))
    # the capture cutting a frame at every length through the header, its extensions, Ethernet and IPv4
    for cut in list(range(1, 47)) + [54]:
        add(whole, cut)
    bare = juniper(JUNIPER_NO_L2, le32(2) + udp4())
    for cut in (3, 6, 8, 9, 20):
        add(bare, cut)
    return frames


def juniper_damageable(data):
    """The magic number, flags and extensions: up to the Ethernet header, or the first bytes of what follows."""
    return 16


EUI_DST = bytes.fromhex("0011223344556677")
EUI_SRC = bytes.fromhex("8899aabbccddeeff")


def ap1394(ethertype, payload, dst=EUI_DST, src=EUI_SRC):
    """Apple's IP-over-IEEE 1394 header (LINKTYPE_APPLE_IP_OVER_IEEE1394): destination and source EUI-64, EtherType."""
    return dst + src + struct.pack(">H", ethertype) + payload


def ap1394_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(ap1394(0x0800, udp4()))
    add(ap1394(0x0800, link_cases.tcp4()))
    add(ap1394(0x0800, echo4(), dst=b"\xff" * 8))
    add(ap1394(0x86DD, udp6()))
    add(ap1394(0x86DD, echo6(), src=bytes(8)))
    add(ap1394(0x86DD, link_cases.tcp6()))
    add(ap1394(0x0806, ARP_ETHERNET))
    add(ap1394(0x8035, ARP_ETHERNET))
    # a bogus version behind IPv6's type, an IPv4 header length below 20
    add(ap1394(0x86DD, b"\x30" + udp6()[1:]))
    add(ap1394(0x0800, b"\x43" + udp4()[1:]))
    # types neither oracle decodes: data, and tcpdump's header and hex dump (no 802.3 length on this link)
    add(ap1394(0x1234, b"abc"))
    add(ap1394(0x0000, b"zero type"))
    add(ap1394(0x0040, udp4()))
    add(ap1394(0x7777, b""))
    # shorter than the header on the wire: no address, one, both without the type, half the type
    whole = ap1394(0x0800, udp4())
    for end in (1, 7, 8, 15, 16, 17, 18, 19, 30):
        add(whole[:end])
    # the capture cutting a frame at every length through the header and IPv4, and after the UDP header
    for cut in list(range(1, 40)) + [46]:
        add(whole, cut)
    v6 = ap1394(0x86DD, udp6())
    for cut in (17, 18, 20, 57):
        add(v6, cut)
    return frames


def ap1394_damageable(data):
    """The addresses and the EtherType, which becomes one neither oracle decodes, or stays (see damage)."""
    return 18


AP1394_TYPES = (0x1234, 0x7777, None)


def ipfc(payload, dst=bytes.fromhex("1000020000000002"), src=bytes.fromhex("1000020000000001")):
    """RFC 2625's Network_Header (LINKTYPE_IP_OVER_FC): destination and source world wide names (NAA 1, 12 zero
    bits, a MAC), then the payload: LLC/SNAP."""
    return dst + src + payload


def snap(ethertype, payload, oui=b"\x00\x00\x00"):
    return b"\xaa\xaa\x03" + oui + struct.pack(">H", ethertype) + payload


def ipfc_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(ipfc(snap(0x0800, udp4())))
    add(ipfc(snap(0x0800, link_cases.tcp4())))
    add(ipfc(snap(0x0800, echo4()), dst=b"\xff" * 8))
    add(ipfc(snap(0x86DD, udp6())))
    add(ipfc(snap(0x86DD, echo6()), src=bytes.fromhex("2000020000000001")))
    add(ipfc(snap(0x86DD, link_cases.tcp6()), dst=bytes.fromhex("5001020304050607")))
    add(ipfc(snap(0x0806, ARP_ETHERNET)))
    # IP's SAP without SNAP, an unknown SNAP EtherType, another OUI, a bogus IPv6 version
    add(ipfc(b"\x06\x06\x03" + udp4()))
    add(ipfc(snap(0x1234, b"abc")))
    add(ipfc(snap(0x0800, udp4(), oui=b"\x00\x00\xf8")))
    add(ipfc(snap(0x86DD, b"\x30" + udp6()[1:])))
    # shorter than the header on the wire, the header alone, LLC cut
    whole = ipfc(snap(0x0800, udp4()))
    for end in (1, 7, 8, 15, 16, 17, 18, 19, 21, 24, 30):
        add(whole[:end])
    # the capture cutting a frame at every length through the header, LLC/SNAP and IPv4, and after the UDP header
    for cut in list(range(1, 45)) + [52]:
        add(whole, cut)
    v6 = ipfc(snap(0x86DD, udp6()))
    for cut in (16, 24, 30, 72):
        add(v6, cut)
    return frames


def ipfc_damageable(data):
    """The two network addresses."""
    return 16
PF_INET, PF_INET6, PF_INET6_FREEBSD, PF_INET6_DARWIN = 2, 24, 28, 30


def tcp6():
    return bytes(IPv6(src=A6, dst=B6) / TCP(sport=40002, dport=22, flags="SA", seq=5000, ack=1001))


def pflog(payload, length=100, af=PF_INET, action=1, reason=0, ifname=b"em0", ruleset=b"", rulenr=5, subrulenr=-1,
          uid=1000, pid=4321, rule_uid=-1, rule_pid=77, direction=1, rewritten=0, saddr=None, daddr=None, sport=40000,
          dport=9):
    """pf's log header in the layout its length names (scapy's PFLog for OpenBSD 4.9's 100 bytes), padded to 4 bytes."""
    if length >= 100:
        family6 = af == PF_INET6
        header = bytes(PFLog(hdrlen=length, addrfamily=af, action=action, reason=reason, iface=ifname, ruleset=ruleset,
                             rulenumber=rulenr, subrulenumber=subrulenr, uid=0, pid=0, ruleuid=0, rulepid=0,
                             direction=direction, rewritten=rewritten, naddrfamily=af,
                             saddr=saddr or (A6 if family6 else "198.18.0.1"), daddr=daddr or (B6 if family6 else "198.18.0.2"),
                             sport=sport, dport=dport))
        # tshark reads the IDs in its host's (little-endian) order: write them so
        header = header[:44] + struct.pack("<iiii", uid, pid, rule_uid, rule_pid) + header[60:]
        if af not in (PF_INET, PF_INET6) and saddr is None:
            header = header[:64] + bytes(range(1, 33)) + header[96:]
    else:
        header = (bytes([length, af, action, reason]) + ifname.ljust(16, b"\0")[:16] + ruleset.ljust(16, b"\0")[:16]
                  + struct.pack(">ii", rulenr, subrulenr))
        if length >= 61:
            header += struct.pack("<iiii", uid, pid, rule_uid, rule_pid)
        header += bytes([direction, 0, 0, 0])
    padded = (length + 3) & ~3
    return header[:padded].ljust(padded, b"\0") + payload


def pflog_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    # OpenBSD 4.9's header before IPv4 UDP, TCP and ICMP and IPv6 UDP, TCP and ICMPv6 (every AF_INET6)
    add(pflog(udp4()))
    add(pflog(tcp4(), action=0, reason=0, direction=2, ifname=b"vio0", rewritten=1))
    add(pflog(echo4(), action=1, reason=3, ifname=b"lo0", rulenr=0, subrulenr=-1))
    add(pflog(udp6(), af=PF_INET6, action=0, ruleset=b"anchor1", rulenr=7, subrulenr=3))
    add(pflog(tcp6(), af=PF_INET6_FREEBSD, direction=0))
    add(pflog(echo6(), af=PF_INET6_DARWIN, action=2, reason=14))
    # the older layouts: OpenBSD 3.8's (61, FreeBSD's and macOS's) and 3.4's (45), and lengths between
    add(pflog(tcp4(), length=61, uid=0, pid=1, rule_uid=-2, rule_pid=0x7FFFFFFF))
    add(pflog(udp6(), length=61, af=PF_INET6))
    add(pflog(echo4(), length=45, direction=2))
    add(pflog(udp4(), length=48))
    add(pflog(udp4(), length=66))
    add(pflog(udp4(), length=101))
    add(pflog(udp4(), length=255))
    # every action, reason and direction, named or not; names of every length and odd bytes; signed numbers
    for action in range(0, 17):
        add(pflog(udp4(), action=action, reason=action, direction=action % 5))
    add(pflog(udp4(), reason=200, action=255, direction=255))
    add(pflog(udp4(), ifname=b"0123456789abcdef", ruleset=b"fedcba9876543210", subrulenr=0))
    add(pflog(udp4(), ifname=b"a\x01b\xffc", ruleset=b"rs\x02", subrulenr=4))
    add(pflog(udp4(), ifname=b"", rulenr=-1, subrulenr=-2, uid=-1, pid=-1))
    add(pflog(udp4(), rulenr=0x7FFFFFFF, subrulenr=0x7FFFFFFF))
    # families neither oracle reads (tshark shows data, tcpdump the rule and a hex dump), in every layout; Linux's AF_INET6
    add(pflog(udp4(), af=10))
    add(pflog(udp6(), af=9, reason=2, action=0, direction=0, subrulenr=1, ruleset=b"main"))
    add(pflog(udp4(), length=61, af=0))
    add(pflog(udp4(), length=61, af=9, reason=200, action=3, direction=3))
    add(pflog(b"", af=9))
    add(pflog(b"abc", length=45, af=255))
    # IP of another version than the family says
    add(pflog(udp6(), af=PF_INET))
    add(pflog(udp4(), af=PF_INET6))
    add(pflog(b"\x99junk" + bytes(20), af=PF_INET))
    # hostile lengths: below 45 (the packet read from inside the header), past the frame, no packet after the header
    for length in (0, 1, 10, 20, 44, 180, 200, 255):
        add(bytes([length]) + pflog(udp4(), ifname=b"pflog0")[1:])
    add(pflog(b""))
    add(pflog(b"", af=PF_INET6))
    # shorter than the header on the wire, and cut by the capture at every length through the header and IPv4
    whole = pflog(udp4())
    for end in (1, 2, 4, 20, 44, 45, 47, 48, 60, 63, 64, 99):
        add(whole[:end])
    add(pflog(echo4(), length=45)[:47])
    add(pflog(echo4(), length=45)[:52])
    for cut in list(range(1, 6)) + [20, 36, 40, 44, 45, 48, 60, 61, 62, 63, 64, 80, 96, 98, 99, 100, 101, 110, 119, 120, 127, 128]:
        add(whole, cut)
    add(pflog(udp4(), length=101), 102)
    add(pflog(udp4(), length=101), 104)
    add(pflog(echo4(), length=45), 50)
    add(pflog(echo4(), length=45), 64)
    add(pflog(udp6(), af=PF_INET6), 120)
    add(pflog(tcp4()), 130)
    add(pflog(echo4()), 128)
    return frames


def pflog_damageable(data):
    """The header's fields up to the padding of 4.9's layout, or to where the packet starts after a shorter one."""
    return max(48, min(64, (data[0] + 3) & ~3)) if data else 0


def enc(af, payload, spi=0x1234, flags=0x0C00, little=False):
    """OpenBSD's enc header: family and flags in the logging host's order, the SPI in network order."""
    order = "<" if little else ">"
    return struct.pack(order + "I", af) + struct.pack(">I", spi) + struct.pack(order + "I", flags) + payload


def enc_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    for little in (False, True):
        add(enc(PF_INET, udp4(), little=little))
        add(enc(PF_INET, tcp4(), flags=0x0800, little=little))
        add(enc(PF_INET, echo4(), flags=0x0400, little=little))
        add(enc(PF_INET6, udp6(), flags=0, little=little))
        add(enc(PF_INET6, tcp6(), flags=0x3C00, little=little))
        add(enc(PF_INET6, echo6(), flags=0xFFFFFFFF, little=little))
    # every flag and the reserved bits; SPIs of every size
    for flags in (0x1000, 0x2000, 0x0C01, 0x2800, 0x1400, 0x80000000, 0x00010000):
        add(enc(PF_INET, udp4(), flags=flags))
    add(enc(PF_INET, udp4(), spi=0))
    add(enc(PF_INET, udp4(), spi=0xFFFFFFFF))
    # families tshark has no dissector for (tcpdump reads IPv6 after FreeBSD's and macOS's), IP of the other version
    for af in (0, 9, PF_INET6_FREEBSD, PF_INET6_DARWIN, 10, 0x10000, 0x00010002):
        add(enc(af, udp6() if af in (PF_INET6_FREEBSD, PF_INET6_DARWIN) else udp4()))
    add(bytes.fromhex("00020000") + struct.pack(">I", 7) + bytes.fromhex("00000c00") + udp4())
    add(enc(PF_INET, udp6()))
    add(enc(PF_INET6, udp4()))
    add(enc(PF_INET, b"\x99junk" + bytes(20)))
    add(enc(PF_INET, b""))
    add(enc(PF_INET6, b""))
    add(enc(9, b""))
    # shorter than the header on the wire, and cut by the capture at every length through the header and IPv4
    whole = enc(PF_INET, udp4())
    for end in range(1, 12):
        add(whole[:end])
    for cut in list(range(1, 14)) + [20, 31, 32, 34, 40]:
        add(whole, cut)
    add(enc(PF_INET6, udp6()), 30)
    return frames


def enc_damageable(data):
    """The family, SPI and flags."""
    return 12


def netanalyzer_header(status=0, gpio=0, transparent=0, version=1, port=0, length=0, kind=0):
    """Hilscher's 4-byte netANALYZER header, one little-endian word: status bits, GPIO and transparent flags, version,
    port, frame length, and (version 2) the record type in the top 4 bits."""
    word = (status | gpio << 8 | transparent << 9 | (version & 0xF) << 10 | (port & 3) << 14 | (length & 0xFFF) << 16
            | (kind & 0xF) << 28)
    return struct.pack("<I", word)


def ether_fcs(ethertype, payload):
    """An Ethernet frame padded to 60 bytes and ended by its FCS, as the netANALYZER captures it."""
    frame = ether(ethertype, payload)
    frame += bytes(max(0, 60 - len(frame)))
    return frame + struct.pack("<I", zlib.crc32(frame) & 0xFFFFFFFF)


def netanalyzer(frame, **fields):
    return netanalyzer_header(length=len(frame), **fields) + frame


PREAMBLE_SFD = b"\x55" * 7 + b"\xd5"


def gpio_event(number, edge, port=0):
    """A GPIO event's pseudo-frame: the header with the GPIO flag, then tshark's signature at bytes 10 to 18, the
    GPIO number and the edge, padded as a minimum frame."""
    body = bytes(6) + bytes.fromhex("0002a2ffffff88ff00") + bytes([number, edge])
    return netanalyzer_header(gpio=1, port=port, length=64) + body + bytes(64 - len(body))


def netanalyzer_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(netanalyzer(ether_fcs(0x0800, udp4())))
    add(netanalyzer(ether_fcs(0x0800, tcp4()), port=1))
    add(netanalyzer(ether_fcs(0x0800, echo4()), port=2))
    add(netanalyzer(ether_fcs(0x86DD, udp6()), port=3))
    add(netanalyzer(ether_fcs(0x86DD, link_cases.tcp6())))
    add(netanalyzer(ether_fcs(0x86DD, echo6())))
    add(netanalyzer(ether_fcs(0x0806, ARP_ETHERNET)))
    # every status bit alone, all of them, the FCS error with a wrong FCS; the length as counted or not
    for bit in range(8):
        add(netanalyzer(ether_fcs(0x0800, udp4()), status=1 << bit))
    add(netanalyzer(ether_fcs(0x86DD, udp6()), status=0xFF))
    add(netanalyzer(ether_fcs(0x0800, udp4())[:-4] + b"\xde\xad\xbe\xef", status=0x04))
    add(netanalyzer_header(length=0xFFF) + ether_fcs(0x0800, udp4()))
    add(netanalyzer_header(length=1) + ether_fcs(0x0800, udp4()))
    # version 2: Ethernet, PROFIBUS, buffer states of every source, the time tick, the types no one defined
    add(netanalyzer(ether_fcs(0x0800, udp4()), version=2))
    add(netanalyzer(ether_fcs(0x0800, udp4()), version=2, kind=1))
    for state, source in ((0, 0), (1, 1), (0, 2), (1, 3), (0, 4), (1, 7)):
        add(netanalyzer_header(version=2, kind=2, status=state | source << 4, port=source & 3))
    add(netanalyzer_header(version=2, kind=3))
    add(netanalyzer_header(version=2, kind=3) + bytes(8))
    add(netanalyzer(ether_fcs(0x0800, udp4()), version=2, kind=4))
    add(netanalyzer(ether_fcs(0x0800, udp4()), version=2, kind=15))
    # versions other than 1 and 2; the transparent flag on this link type (ignored by both)
    for version in (0, 3, 15):
        add(netanalyzer(ether_fcs(0x0800, udp4()), version=version))
    add(netanalyzer(ether_fcs(0x0800, udp4()), transparent=1))
    # GPIO events: each number and edge, an edge byte with other bits, signatures that differ early or late
    for number, edge in ((0, 0), (1, 1), (2, 0), (3, 1), (0x7F, 0xFE)):
        add(gpio_event(number, edge))
    bad = gpio_event(1, 0)
    add(bad[:10] + b"\x01" + bad[11:])
    add(bad[:18] + b"\x01" + bad[19:])
    # an Ethernet frame with no FCS room, one that is only a header, and none at all
    add(netanalyzer_header() + ether(0x0800, udp4()))
    add(netanalyzer_header() + ether(0x0800, b"")[:14])
    add(netanalyzer_header())
    # shorter than the header on the wire, and cut by the capture through the header, Ethernet, IPv4 and the FCS
    whole = netanalyzer(ether_fcs(0x0800, udp4()))
    for end in (1, 2, 3, 10, 17, 18, 20):
        add(whole[:end])
    for cut in list(range(1, 6)) + [17, 18, 19, 20, 30, 38, 45, 60, 64, 66]:
        add(whole, cut)
    gpio = gpio_event(2, 1)
    for end in (8, 12, 19, 20):
        add(gpio[:end])
    for cut in (11, 18, 19, 20):
        add(gpio, cut)
    add(netanalyzer_header(version=2, kind=2, status=1), 2)
    return frames


def netanalyzer_transparent_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    for payload in (udp4(), tcp4(), udp6(), echo6()):
        frame = ether_fcs(0x86DD if payload[0] >> 4 == 6 else 0x0800, payload)
        add(netanalyzer(PREAMBLE_SFD + frame, transparent=1))
    frame = ether_fcs(0x0800, udp4())
    add(netanalyzer(PREAMBLE_SFD + frame, transparent=0))
    add(netanalyzer(PREAMBLE_SFD + frame, transparent=1, status=0x02))
    add(netanalyzer(PREAMBLE_SFD + frame, transparent=1, status=0x50, version=2))
    add(netanalyzer_header(transparent=1, version=2, kind=2, status=0x21))
    add(netanalyzer_header(transparent=1, version=2, kind=3))
    add(netanalyzer(PREAMBLE_SFD + frame, transparent=1, version=2, kind=1))
    add(netanalyzer(PREAMBLE_SFD + frame, transparent=1, version=5))
    add(gpio_event(3, 0))
    add(netanalyzer_header(transparent=1))
    add(netanalyzer_header(transparent=1) + PREAMBLE_SFD)
    whole = netanalyzer(PREAMBLE_SFD + frame, transparent=1)
    for end in (2, 3, 6, 11, 12, 13, 26):
        add(whole[:end])
    for cut in (2, 4, 8, 11, 12, 20, 26, 40, 70):
        add(whole, cut)
    return frames


def netanalyzer_damageable(data):
    """The header's four bytes."""
    return 4
ERF_ETH, ERF_COLOR_ETH, ERF_DSM_COLOR_ETH, ERF_COLOR_HASH_ETH, ERF_IPV4, ERF_IPV6 = 2, 11, 16, 20, 22, 23
# The record types RawNet decodes, and those tshark's erf shows as data or nothing after the header (see erf_frames).
ERF_TYPES = [ERF_ETH, ERF_COLOR_ETH, ERF_DSM_COLOR_ETH, ERF_COLOR_HASH_ETH, ERF_IPV4, ERF_IPV6, 0, 6, 8, 13, 14, 48, 26, 99]


def erf_pseudo_length(kind, extensions=0):
    """What wiretap strips before the frame: the header, the extension headers, the type's subheader."""
    base = kind & 0x7F
    sub = 2 if base in (ERF_ETH, ERF_COLOR_ETH, ERF_DSM_COLOR_ETH, ERF_COLOR_HASH_ETH) else 4 if base in (5, 6, 7, 8, 9, 12, 17, 18) else 0
    return 16 + 8 * extensions + sub


def erf(kind, payload, extensions=(), subheader=None, flags=0x04, lctr=0, rlen=None, wlen=None, ts=T0 << 32):
    """An ERF record as libpcap stores it: little-endian timestamp, type (the top bit when extension headers follow),
    flags, record length, loss counter or colour and wire length in network order, the extension headers (each one's
    top bit set when another follows), the type's subheader, the packet."""
    if subheader is None:
        subheader = bytes(erf_pseudo_length(kind) - 16)
    ext = b""
    for i, (ext_kind, value) in enumerate(extensions):
        more = 0x80 if i + 1 < len(extensions) else 0
        ext += bytes([ext_kind | more]) + value
    if extensions:
        kind |= 0x80
    body = ext + subheader + payload
    rlen = 16 + len(body) if rlen is None else rlen
    wlen = len(subheader) + len(payload) if wlen is None else wlen
    return struct.pack("<Q", ts) + struct.pack(">BBHHH", kind, flags, rlen, lctr, wlen) + body


def erf_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    # Ethernet records (the wire length counts the 2-byte offset and pad) with IPv4 UDP, TCP, ICMP and IPv6 above
    for payload in (ether(0x0800, udp4()), ether(0x0800, tcp4()), ether(0x0800, echo4()), ether(0x86DD, udp6()),
                     ether(0x86DD, tcp6()), ether(0x86DD, echo6())):
        add(erf(ERF_ETH, payload))
    # the colour types: the loss counter's bytes are a colour; an offset and pad that are not zero
    add(erf(ERF_COLOR_ETH, ether(0x0800, udp4()), subheader=b"\x12\x34", lctr=0x0ABC))
    add(erf(ERF_DSM_COLOR_ETH, ether(0x86DD, tcp6()), lctr=0xFFFF))
    add(erf(ERF_COLOR_HASH_ETH, ether(0x0800, tcp4()), lctr=1))
    # raw IPv4 and IPv6 records; IPv4's type carrying IPv6 (tshark's "ip" picks by the version), IPv6's carrying IPv4
    for payload in (udp4(), tcp4(), echo4(), udp6()):
        add(erf(ERF_IPV4, payload))
    for payload in (udp6(), tcp6(), echo6(), udp4()):
        add(erf(ERF_IPV6, payload))
    # every flag, and the reserved bits; loss counters
    for flags in (0x00, 0x01, 0x02, 0x03, 0x08, 0x10, 0x20, 0x40, 0x80, 0xFF):
        add(erf(ERF_IPV4, udp4(), flags=flags, lctr=flags * 3))
    add(erf(ERF_ETH, ether(0x0800, udp4()), lctr=0xFFFF))
    # extension headers: types tshark has no fields for (their 8 bytes shown), one, a chain, and more than the 16 it shows
    ext = lambda kind: (kind, bytes(range(kind, kind + 7)))
    add(erf(ERF_IPV4, tcp4(), extensions=[ext(0x21)]))
    add(erf(ERF_IPV6, udp6(), extensions=[ext(0x21), ext(0x7E), ext(0x00)]))
    add(erf(ERF_ETH, ether(0x0800, udp4()), extensions=[ext(0x40), ext(0x01)]))
    add(erf(ERF_COLOR_ETH, ether(0x0800, udp4()), extensions=[ext(0x02)], lctr=0x0102))
    add(erf(ERF_IPV4, udp4(), extensions=[ext(n + 0x20) for n in range(18)]))
    add(erf(0, b"", extensions=[ext(0x7F)] * 16))
    # record lengths that lie (tshark shows rlen and reads nothing by it)
    for rlen in (0, 3, 16, 17, 0xFFFF):
        add(erf(ERF_IPV4, udp4(), rlen=rlen))
    # wire lengths: shorter than the packet (the frame ends there), longer (cut by the capture), none, through Ethernet's
    for wlen in (0, 1, 10, 20, 30, 100, 0xFFFF):
        add(erf(ERF_IPV4, udp4(), wlen=wlen))
    for wlen in (0, 2, 3, 10, 16, 30, 1514):
        add(erf(ERF_ETH, ether(0x0800, udp4()), wlen=wlen))
    add(erf(ERF_IPV6, udp6(), wlen=20))
    # no packet after the header, or a few bytes of one
    add(erf(ERF_ETH, ether(0x0800, b"")[:12], wlen=16))
    add(erf(ERF_IPV4, b""))
    add(erf(ERF_IPV6, b""))
    add(erf(ERF_IPV4, udp4()[:12]))
    add(erf(ERF_IPV4, b"\x00" * 20))
    # types whose record tshark shows nothing after (legacy, the counters, PAD), multichannel raw types (data after
    # their 4-byte header), and types tshark has no name for (data)
    for kind in (0, 13, 14, 48):
        add(erf(kind, bytes(range(20))))
    add(erf(6, bytes(range(24)), subheader=bytes.fromhex("00000123")))
    add(erf(8, bytes(range(24)), subheader=bytes.fromhex("80000005")))
    for kind in (26, 40, 99, 127):
        add(erf(kind, bytes(range(12))))
    add(erf(99, b""))
    # cut by the capture after the pseudo-header (wiretap refuses a whole file with a record shorter than it)
    whole = erf(ERF_ETH, ether(0x0800, udp4()))
    for cut in (18, 19, 25, 31, 32, 33, 40, 52, 60):
        add(whole, cut)
    whole = erf(ERF_IPV4, tcp4(), extensions=[ext(0x21)])
    for cut in (24, 25, 30, 44, 50):
        add(whole, cut)
    add(erf(ERF_IPV6, udp6()), 40)
    # the frame's time is the ERF timestamp, not the pcap record's: binary fractions wiretap rounds to the nanosecond
    # (0xFFFFFFFF carries into the next second), a time before the previous frame's, the epoch itself
    for fraction in (0x80000000, 0x00000001, 0x00000002, 0x12345678, 0xFFFFFFFF, 0xFFFFFFF0):
        add(erf(ERF_IPV4, udp4(), ts=((T0 + 7) << 32) | fraction))
    add(erf(ERF_ETH, ether(0x0800, tcp4()), ts=(T0 - 3600) << 32))
    add(erf(ERF_IPV6, udp6(), ts=0))
    # records padded to 8 bytes after the packet (wlen smaller than what the record holds), with extension headers,
    # and cut by the capture inside the padding and inside the packet
    padded = lambda data: data + bytes(-len(data) % 8 + 8)
    add(padded(erf(ERF_ETH, ether(0x0800, udp4()), ts=((T0 + 8) << 32) | 0x40000000)))
    add(padded(erf(ERF_IPV4, tcp4(), extensions=[ext(0x21), ext(0x05)], ts=((T0 + 9) << 32) | 0x1)))
    add(padded(erf(ERF_COLOR_ETH, ether(0x86DD, udp6()), extensions=[ext(0x40)], lctr=7)))
    whole = padded(erf(ERF_ETH, ether(0x0800, udp4()), extensions=[ext(0x21)], ts=((T0 + 10) << 32) | 0xC0000000))
    for cut in (len(whole) - 4, 64, 40):
        add(whole, cut)
    return frames


def erf_damageable(data):
    """The header's type, flags, lengths and loss counter (see damage: a type the record is long enough for)."""
    return 16


def erf_damage_type(data, caplen, rng):
    """A type from ERF_TYPES whose pseudo-header the record still holds, with the extension bit kept."""
    kept = len(data) if caplen is None else min(caplen, len(data))
    extensions = 0
    if data[8] & 0x80:
        at = 16
        while True:
            extensions += 1
            more = data[at] & 0x80
            at += 8
            if not more:
                break
    kinds = [k for k in ERF_TYPES if erf_pseudo_length(k, extensions) <= kept]
    return (data[8] & 0x80) | rng.choice(kinds)


PREAMBLE = b"\x55" * 7
SMD_E, SMD_V, SMD_R = 0xD5, 0x07, 0x19
SMD_S = (0xE6, 0x4C, 0x7F, 0xB3)  # also the fragment counts #0 to #3
SMD_C = (0x61, 0x52, 0x9E, 0x2A)


def fcs(data):
    """The CRC-32 of an mPacket's mData as it ends the mPacket (least significant byte first)."""
    return struct.pack("<I", zlib.crc32(data) & 0xFFFFFFFF)


def mcrc(data):
    """The mCRC: the CRC with the upper 16 bits of its big-endian reading inverted."""
    return struct.pack("<I", (zlib.crc32(data) & 0xFFFFFFFF) ^ 0x0000FFFF)


def mpacket(smd, mdata, crc=None, preamble=PREAMBLE, frag=None):
    """An 802.3br mPacket: preamble, SMD (and a continuation's fragment count), mData, CRC (the frame's unless given)."""
    head = preamble + bytes([smd]) + (bytes([frag]) if frag is not None else b"")
    return head + mdata + (fcs(mdata) if crc is None else crc)


def fpp_frames():
    """IEEE 802.3br mPackets (LINKTYPE_ETHERNET_MPACKET, 274). tshark's fpp keeps state across frames for preemptable
    fragments (a continuation's mCRC is seeded by the fragment before it): every continuation here follows a whole SMD-S
    frame, which clears that state, so tshark reads it as RawNet does, with no fragment before it."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    whole = lambda: add(mpacket(SMD_S[0], ether(0x0800, udp4())))
    # express frames carrying IPv4 UDP, TCP, ICMP, IPv6 UDP, TCP, ICMPv6, ARP, 802.3 LLC, padded to 60 bytes
    for payload in (ether(0x0800, udp4()), ether(0x0800, tcp4()), ether(0x0800, echo4()), ether(0x86DD, udp6()),
                    ether(0x86DD, tcp6()), ether(0x86DD, echo6()), ether(0x0806, ARP_ETHERNET),
                    ether(0x0800, udp4()) + bytes(8), MAC_B + MAC_A + struct.pack(">H", 7) + b"\x42\x42\x03\x00\x00\x00\x00"):
        add(mpacket(SMD_E, payload))
    # whole preemptable frames of every SMD-S
    for smd, payload in zip(SMD_S, (ether(0x0800, tcp4()), ether(0x86DD, udp6()), ether(0x0800, echo4()), ether(0x86DD, echo6()))):
        add(mpacket(smd, payload))
    # preambles: the alignment byte, shortened, lengthened, none at all, an alignment byte alone before the SMD
    add(mpacket(SMD_E, ether(0x0800, udp4()), preamble=b"\x50" + PREAMBLE))
    add(mpacket(SMD_E, ether(0x0800, udp4()), preamble=b"\x55" * 3))
    add(mpacket(SMD_S[1], ether(0x0800, udp4()), preamble=b"\x55" * 12))
    add(mpacket(SMD_E, ether(0x0800, udp4()), preamble=b""))
    add(mpacket(SMD_V, ether(0x0800, udp4()), mcrc(ether(0x0800, udp4())), preamble=b"\x50"))
    # CRCs that do not check: an express frame's (also an mCRC), a preemptable frame's (corrupted fragment)
    add(mpacket(SMD_E, ether(0x0800, udp4()), b"\xde\xad\xbe\xef"))
    add(mpacket(SMD_E, ether(0x0800, udp4()), mcrc(ether(0x0800, udp4()))))
    add(mpacket(SMD_S[2], ether(0x86DD, udp6()), b"\x00\x00\x00\x00"))
    whole()
    # initial fragments (mCRC), then continuations of every SMD-C and fragment count after a whole frame each
    for smd in SMD_S:
        add(mpacket(smd, ether(0x0800, udp4())[:30], mcrc(ether(0x0800, udp4())[:30])))
        whole()
    for c, count in zip(SMD_C, (SMD_S[0], SMD_S[3], SMD_S[2], SMD_S[1])):
        add(mpacket(c, bytes(range(40)), mcrc(bytes(range(40))), frag=count))
        whole()
    add(mpacket(SMD_C[1], bytes(range(40)), frag=SMD_S[1]))
    whole()
    add(mpacket(SMD_C[2], bytes(range(20)), b"\x01\x02\x03\x04", frag=SMD_S[0]))
    whole()
    # a continuation whose fragment count is no SMD-S: tshark hands the whole frame to Ethernet
    add(mpacket(SMD_C[0], ether(0x0800, udp4()), frag=0x52))
    # verify and respond mPackets, their mCRC good and bad
    for smd in (SMD_V, SMD_R):
        add(mpacket(smd, bytes(60), mcrc(bytes(60))))
        add(mpacket(smd, bytes(60)))
        add(mpacket(smd, b""))
    # no SMD after the preamble: Ethernet from the first byte
    add(b"\xab" + ether(0x0800, udp4()))
    add(b"\x55" * 30)
    add(b"\x55" * 6 + b"\x00" + ether(0x0800, udp4()))
    # mData too short for Ethernet, and an Ethernet frame whose IPv4 is cut inside the mPacket
    add(mpacket(SMD_E, ether(0x0800, udp4())[:10]))
    add(mpacket(SMD_E, ether(0x0800, udp4())[:30]))
    add(mpacket(SMD_S[0], ether(0x86DD, udp6())[:50]))
    # shorter on the wire than the preamble, SMD and CRC need (no empty frame: tcpdump calls its header invalid)
    for data in (b"\x55", b"\x50", b"\x55\x55", b"\x55\xd5", b"\x55\xd5\x01", b"\x50\x55\xd5\x01"):
        add(data)
    express = mpacket(SMD_E, ether(0x0800, udp4()))
    start = mpacket(SMD_S[0], ether(0x0800, udp4()), mcrc(ether(0x0800, udp4())))
    for end in (8, 9, 10, 11, 12, 13, 14):
        add(express[:end])
        add(start[:end])
    cont = mpacket(SMD_C[0], bytes(20), frag=SMD_S[0])
    whole()
    for end in (9, 10, 11, 12, 13, 14):
        add(cont[:end])
    add(mpacket(SMD_V, b"\x01\x02\x03")[:11])
    whole()
    # cut by the capture through the preamble, the SMD, the mData and the CRC
    for cut in (1, 5, 7, 8, 9, 12, 20, 30, len(express) - 4, len(express) - 1):
        add(express, cut)
    for cut in (7, 8, 9, 20, len(start) - 4, len(start) - 2):
        add(start, cut)
    whole()
    for cut in (8, 9, 10, 30):
        add(cont, cut)
    add(b"\xab" + ether(0x0800, udp4()), 30)
    return frames


def fpp_damageable(data):
    """A byte of the Ethernet header in the mData of an mPacket with a 7-byte preamble (see damage: never the SMD, and
    never an SMD-S frame's, whose damage would leave tshark state for the continuations after it)."""
    if len(data) < 8 + 14 + 4 or data[:7] != PREAMBLE or data[7] in SMD_S:
        return 0
    return 14


def crc_ccitt_reflected(data, crc):
    """The reflected CRC-CCITT (polynomial 0x8408) of data from the initial value crc, before any final XOR."""
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc


def docsis_hcs(header):
    """The HCS: the X.25 CRC-16 (reflected CRC-CCITT) of the header before it, least significant byte first."""
    return struct.pack("<H", crc_ccitt_reflected(header, 0xFFFF) ^ 0xFFFF)


def docsis(fctype, payload, ehdr=b"", fcparm=0, macparm=0, length=None, bad_hcs=False):
    """A DOCSIS MAC frame: FC (type, parameter, EHDR_ON), MAC_PARM (the EHDR's length when there is one), LEN (the bytes
    after it, unless given), the extended header, the HCS (broken when asked) and the PDU."""
    fc = (fctype << 6) | (fcparm << 1) | (1 if ehdr else 0)
    mac = len(ehdr) if ehdr else macparm
    header = bytes([fc, mac]) + struct.pack(">H", len(ehdr) + 2 + len(payload) if length is None else length) + ehdr
    hcs = docsis_hcs(header)
    if bad_hcs:
        hcs = bytes([hcs[0] ^ 0x5A, hcs[1]])
    return header + hcs + payload


def docsis_frames():
    """Data PDUs with IPv4 and IPv6 UDP, TCP and ICMP in Ethernet, with and without extended headers (request, ack,
    privacy elements encrypted or not, service flow, downstream service, path verify, unknown types, an element of the
    wrong length), bad HCSs, a LEN that leaves no PDU, reserved and isolation PDUs, other FC parameters and MAC_PARMs,
    short frames and cuts. No MAC-specific frames (management, request, fragment, concatenation: RawNet does not decode
    them), no extended (type 15) element and no 2-byte upstream service flow element (tshark shows their own forms)."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    payloads = [ether(0x0800, udp4()), ether(0x0800, tcp4()), ether(0x0800, echo4()), ether(0x86DD, udp6()),
                ether(0x86DD, tcp6()), ether(0x86DD, echo6())]
    for payload in payloads:
        add(docsis(0, payload))
    elements = [b"\x13\x05\x00\x12", b"\x22\x00\x34", b"\x34\x12\x34\x56\x78", b"\x43\x12\x34\x56",
                b"\x43\x12\xb4\x56", b"\x34\x12\xc4\x56\x78", b"\x73\x12\x04\x56", b"\x73\x12\x84\x56",
                b"\x51\x07", b"\x61\x08", b"\x83\x20\x00\x05", b"\x85\x30\x00\x05\x12\x34",
                b"\x81\x40", b"\x95\x01\x00\x00\x10\x00", b"\x92\x01\x02", b"\xa3\x01\x02\x03", b"\x00",
                b"\x12\x05\x00", b"\x23\x00\x34\x00", b"\xb0"]
    for i, element in enumerate(elements):
        add(docsis(0, payloads[i % len(payloads)], ehdr=element))
    add(docsis(0, payloads[0], ehdr=b"\x13\x05\x00\x12" + b"\x22\x00\x34" + b"\x43\x12\x34\x56"))
    add(docsis(0, payloads[3], ehdr=b"\x00\x00" + b"\x81\x40" + b"\x12\x05\x00" + b"\x43\x12\x34\x56"))
    add(docsis(0, payloads[1], ehdr=b"\x43\x12\x34"))                     # the element runs past the EHDR into the HCS
    add(docsis(0, payloads[1], ehdr=b"\x4f\x12\x34"))
    for payload in payloads[:3]:
        add(docsis(0, payload, bad_hcs=True))
    add(docsis(0, payloads[4], ehdr=b"\x43\x12\x34\x56", bad_hcs=True))
    add(docsis(0, payloads[0], length=2))
    add(docsis(0, payloads[0], length=0))
    add(docsis(0, payloads[0], length=0xFFFF))
    add(docsis(0, payloads[0], macparm=0x30))
    add(docsis(0, payloads[0], macparm=0xFF, length=0x100))
    add(docsis(0, payloads[2], fcparm=1))
    add(docsis(0, payloads[3], fcparm=0x1F))
    add(docsis(1, payloads[0]))
    add(docsis(1, b""))
    add(docsis(2, payloads[0]))
    add(docsis(2, payloads[4], ehdr=b"\x43\x12\x34\x56"))
    add(docsis(0, b""))
    add(docsis(0, b"\x01\x02\x03"))
    add(docsis(0, ether(0x0800, b"")))
    add(docsis(0, ether(0x1234, b"junk")))
    for end in (1, 2, 3, 4, 5):
        add(docsis(0, payloads[0])[:end])
    add(docsis(0, b"", ehdr=b"\x43\x12\x34\x56")[:8])
    add(bytes([0x01, 0x10, 0x00, 0x40, 0x43]))
    add(bytes([0x01, 0x04, 0x00, 0x40, 0x13, 0x05]))
    whole = docsis(0, payloads[0], ehdr=b"\x43\x12\x34\x56")
    for cut in (1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16, 24, 30, 40, 50):
        add(whole, cut)
    plain = docsis(0, payloads[3])
    for cut in (4, 5, 6, 7, 12, 20, 30, 60):
        add(plain, cut)
    return frames


def docsis_damageable(data):
    """The LEN field, which breaks the HCS (see damage: FC and MAC_PARM stay, so no MAC-specific frame appears)."""
    return 2 if len(data) >= 6 else 0


def gfp_crc16(data):
    """A GFP HEC: CRC-16 with polynomial 0x1021, most significant bit first, from 0 and with no final XOR."""
    crc = 0
    for b in data:
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


def gfp_fcs(payload):
    """The payload FCS: the complement of the CRC-32/MPEG-2 (polynomial 0x04C11DB7, most significant bit first, from all ones)."""
    crc = 0xFFFFFFFF
    for b in payload:
        crc ^= b << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) & 0xFFFFFFFF if crc & 0x80000000 else (crc << 1) & 0xFFFFFFFF
    return ~crc & 0xFFFFFFFF


def gfp(upi, payload, pti=0, pfi=False, exi=0, cid=0, pli=None, bad="", fcs=None):
    """A GFP frame: core header (PLI, the payload area's length unless given, and cHEC), type (PTI, PFI, EXI, UPI) and
    tHEC, a linear frame's extension header (channel ID, spare, eHEC) when EXI is 1, the payload and its FCS when PFI is
    set; the HECs named in bad ("c", "t", "e") broken."""
    hec = lambda covered, which: struct.pack(">H", gfp_crc16(covered) ^ (0x0101 if which in bad else 0))
    kind = bytes([(pti << 5) | (0x10 if pfi else 0) | exi, upi])
    area = kind + hec(kind, "t")
    if exi == 1:
        ext = bytes([cid, 0])
        area += ext + hec(ext, "e")
    area += payload
    if pfi:
        area += struct.pack(">I", gfp_fcs(payload) if fcs is None else fcs)
    core = struct.pack(">H", len(area) if pli is None else pli)
    return core + hec(core, "c") + area


def gfp_frames():
    """Frame-mapped GFP: Ethernet (with its FCS), PPP in HDLC framing (and Cisco HDLC, which tshark's ppp_hdlc reads
    too), MPLS on UPI 13 and 12, IPv4 on UPI 16 (an IPv6 packet there too) and IPv6 on 17, each with UDP, TCP or ICMP;
    other UPIs as data (not 9, MPEG TS, which RawNet does not decode), client management and management communications
    frames, reserved PTIs, payload FCSs that check or not, linear frames' extension headers, other EXIs, bad HECs, idle and
    control frames (with and without bytes after them), PLIs past the frame and shorter than its headers, short frames and
    cuts at every length through the headers and the FCS."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(gfp(1, ether_fcs(0x0800, udp4())))
    add(gfp(1, ether_fcs(0x86DD, tcp6())))
    add(gfp(1, ether_fcs(0x0806, ARP_ETHERNET)))
    add(gfp(2, b"\xff\x03\x00\x21" + udp4()))
    add(gfp(2, b"\xff\x03\x00\x57" + udp6()))
    add(gfp(2, b"\x00\x21" + tcp4()))
    add(gfp(2, b"\x0f\x00\x08\x00" + echo4()))
    add(gfp(16, udp4()))
    add(gfp(16, tcp4()))
    add(gfp(16, echo4()))
    add(gfp(16, udp6()))
    add(gfp(17, udp6()))
    add(gfp(17, echo6()))
    add(gfp(17, udp4()))
    add(gfp(13, link_cases.label(16, bottom=True) + udp4()))
    add(gfp(13, link_cases.label(16) + link_cases.label(17, bottom=True) + udp6()))
    add(gfp(12, link_cases.label(20, bottom=True) + tcp4()))
    for upi in (0, 3, 8, 14, 200, 255):
        add(gfp(upi, b"client bytes"))
    for upi in (0, 1, 2, 3, 4, 5, 6, 0xE0, 0xFF):
        add(gfp(upi, b"management", pti=4))
    add(gfp(16, udp4(), pti=5))
    add(gfp(1, ether_fcs(0x0800, udp4()), pti=5))
    for pti in (1, 2, 3, 6, 7):
        add(gfp(16, udp4(), pti=pti))
    add(gfp(16, udp4(), pfi=True))
    add(gfp(17, udp6(), pfi=True, fcs=0x12345678))
    add(gfp(1, ether_fcs(0x0800, tcp4()), pfi=True))
    add(gfp(16, udp4(), exi=1, cid=7))
    add(gfp(17, echo6(), exi=1, cid=0xFF, pfi=True))
    add(gfp(16, udp4(), exi=1, cid=3, pfi=True, fcs=0))
    for exi in (2, 3, 15):
        add(gfp(16, udp4(), exi=exi))
    add(gfp(16, udp4(), bad="c"))
    add(gfp(16, udp4(), bad="t"))
    add(gfp(16, udp4(), exi=1, bad="e"))
    add(gfp(17, udp6(), exi=1, pfi=True, bad="cte", fcs=1))
    add(gfp(0, b"", pli=0))
    add(gfp(0, b"", pli=0) + b"\x00\x00\xb6\xab")
    add(gfp(0, b"", pli=0, bad="c"))
    for pli in (1, 2, 3):
        add(gfp(0, b"", pli=pli))
    add(gfp(0, b"", pli=3) + b"more")
    add(gfp(16, udp4(), pli=200))
    add(gfp(16, udp4(), pli=0xFFFF))
    add(gfp(2, b"\xff\x03\x00\x21" + udp4(), pli=100))
    for pli in (4, 5, 6, 7, 8, 20):
        add(gfp(16, udp4(), pli=pli))
    for pli in (4, 6, 8, 9):
        add(gfp(16, udp4(), pli=pli, pfi=True))
    for pli in (5, 8, 12):
        add(gfp(16, udp4(), pli=pli, exi=1))
    add(gfp(16, udp4(), pli=10, exi=1, pfi=True))
    add(gfp(16, b""))
    add(gfp(17, b""))
    add(gfp(1, b""))
    add(gfp(1, ether(0x0800, b"")))
    add(gfp(4, b"", pti=4))
    add(gfp(2, b"\xff"))
    add(gfp(2, b"\xff\x03"))
    add(gfp(16, b"\x55" + udp4()[1:]))
    add(gfp(17, b"\x75" + udp6()[1:]))
    whole = gfp(16, udp4())
    for end in (4, 5, 7, 8, 9, 12):
        add(whole[:end])
    linear = gfp(17, udp6(), exi=1, cid=9, pfi=True)
    for end in (9, 10, 11, 12, 13, len(linear) - 4, len(linear) - 1):
        add(linear[:end])
    for cut in (1, 2, 3, 4, 5, 6, 7, 8, 10, 20, 30):
        add(whole, cut)
    for cut in (8, 9, 10, 11, 12, 13, 30, len(linear) - 4, len(linear) - 3, len(linear) - 1):
        add(linear, cut)
    return frames


def gfp_transparent_frames():
    """A few of gfp_frames on the transparent mode's link type, which tshark reads alike."""
    return [gfp_frames()[i] for i in (0, 3, 7, 11, 14, 20, 30, 40, 50, 60)]


def gfp_damageable(data):
    """The core header and the type field and its HEC (see damage: the UPI never becomes 9, MPEG TS)."""
    return 8


def ebhscr(major, payload, slot=0, channel=0, version=1, status=0, length=None, mjrhdr=0,
           start=0x0000001122334455, stop=0x0000001122335555):
    """An EBHSCR frame: major number, slot and channel, version and status, the payload's length (unless given), start and
    stop timestamps, the major-specific header, the payload."""
    return struct.pack(">BBHIQQQ", major, (slot << 6) | channel, (version << 12) | status,
                       len(payload) if length is None else length, start, stop, mjrhdr) + payload


EBHSCR_NO_FCS, EBHSCR_LINK_UP = 0x0000000400000000, 0x0000000100000000


def ebhscr_frames():
    """Ethernet (major 0x50) with its FCS and without (the FCS-unavailable bit), every status bit and major-specific flag,
    slots, channels and versions; link state reports (no payload) with every speed and controller; unknown major numbers
    as data (not the CAN, NMEA, time state, LIN, DIO, FlexRay or user numbers tshark reads: see docs/cli.md); frames
    shorter than the header, Ethernet too short for its header or FCS, and cuts (tshark reads by the captured length)."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(ebhscr(0x50, ether_fcs(0x0800, udp4())))
    add(ebhscr(0x50, ether_fcs(0x0800, link_cases.tcp4()), slot=2, channel=0x15))
    add(ebhscr(0x50, ether_fcs(0x86DD, udp6()), version=0, mjrhdr=EBHSCR_LINK_UP | (2 << 28)))
    add(ebhscr(0x50, ether_fcs(0x0806, ARP_ETHERNET)))
    add(ebhscr(0x50, ether(0x86DD, echo6()), mjrhdr=EBHSCR_NO_FCS))
    add(ebhscr(0x50, ether(0x0800, echo4()), mjrhdr=EBHSCR_NO_FCS | EBHSCR_LINK_UP, status=0x0001))
    for bit in range(12):
        add(ebhscr(0x50, ether_fcs(0x0800, udp4()), status=1 << bit, channel=bit))
    for mjrhdr in (0xFFFFFFFFFFFFFFFF & ~EBHSCR_NO_FCS, 0xFFFFFFFFFFFFFFFF, 0x000F000000000000, 0x000000F800000000, 0x0000000200000000,
                   0xFFF0FF00FFFFFFFF & ~EBHSCR_NO_FCS):
        add(ebhscr(0x50, ether_fcs(0x0800, udp4()), mjrhdr=mjrhdr))
    for speed in range(16):
        add(ebhscr(0x50, b"", channel=speed << 2 & 0x3F, mjrhdr=EBHSCR_LINK_UP | (speed << 28)))
    add(ebhscr(0x50, b"", mjrhdr=0))
    add(ebhscr(0x50, b"", channel=0x3F, slot=3, mjrhdr=0x0000000800000000 | (5 << 28)))
    for major in (0x00, 0x42, 0x54, 0x58, 0x99, 0xFF):
        add(ebhscr(major, b"payload bytes", status=0x0ABC, mjrhdr=0x0102030405060708))
    add(ebhscr(0x77, b""))
    add(ebhscr(0x50, ether(0x0800, b"")))
    add(ebhscr(0x50, ether(0x0800, b""), mjrhdr=EBHSCR_NO_FCS))
    add(ebhscr(0x50, b"\x01\x02"))
    add(ebhscr(0x50, ether_fcs(0x1234, b"junk")))
    add(ebhscr(0x50, ether_fcs(0x0800, udp4()), length=0xFFFFFFFF))
    whole = ebhscr(0x50, ether_fcs(0x0800, udp4()))
    for end in (1, 4, 20, 31):                                            # no empty record: it stops tcpdump's reading
        add(whole[:end])
    for cut in (1, 10, 31, 32, 33, 40, 46, 50, 60):
        add(whole, cut)
    add(ebhscr(0x99, b"data"), 34)
    return frames


def ebhscr_damageable(data):
    """The 32-byte header (see damage: the major number only to Ethernet or numbers tshark has no reading of)."""
    return 32


SUNATM_LANE, SUNATM_LLC = 0x01, 0x02


def sunatm(flags, payload, vpi=1, vci=32):
    """Sun's 4-byte ATM header (flags: direction bit 0x80, type in the low nibble; VPI; VCI) before an AAL5 PDU."""
    return bytes([flags, vpi]) + struct.pack(">H", vci) + payload


def le_control(opcode, body=bytes(10), proto=1, version=1):
    """An LE Control frame: marker 0xff00, protocol, version, opcode, then status, transaction ID, LECID and flags."""
    return b"\xff\x00" + bytes([proto, version]) + struct.pack(">H", opcode) + body


def sunatm_frames():
    """LLC-multiplexed, LANE and raw PDUs with IPv4 and IPv6 (see sunatm_damageable: never VPI 0, whose VCIs 3, 4 and 16
    tcpdump reads as OAM and ILMI, and no ILMI or signalling type: tshark reads them as SNMP and SSCOP)."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    snap, ether = link_cases.snap, link_cases.ether
    for flags in (SUNATM_LLC, 0x80 | SUNATM_LLC):
        add(sunatm(flags, snap(0x0800) + udp4()))
        add(sunatm(flags, snap(0x0800) + tcp4(), vpi=2, vci=999))
        add(sunatm(flags, snap(0x0800) + echo4(), vci=65535))
        add(sunatm(flags, snap(0x86DD) + udp6(), vpi=255))
        add(sunatm(flags, snap(0x86DD) + tcp6()))
        add(sunatm(flags, snap(0x86DD) + echo6()))
    add(sunatm(SUNATM_LLC, snap(0x0806) + bytes.fromhex("0001080006040001") + bytes(20)))
    add(sunatm(SUNATM_LLC, b"\x06\x06\x03" + udp4()))
    add(sunatm(SUNATM_LLC, b"\x42\x42\x03" + bytes(35)))
    add(sunatm(SUNATM_LLC, b"\xaa\xaa"))
    add(sunatm(SUNATM_LLC, b""))
    # LANE: an LE client's LECID before Ethernet, LE Control frames, PDUs too short to tell
    for flags in (SUNATM_LANE, 0x80 | SUNATM_LANE):
        add(sunatm(flags, b"\x00\x05" + ether(0x0800, udp4()), vci=100))
        add(sunatm(flags, b"\x12\x34" + ether(0x86DD, tcp6()), vci=100))
        add(sunatm(flags, b"\x00\x01" + ether(0x0800, echo4()), vci=100))
    add(sunatm(SUNATM_LANE, b"\x00\x05" + ether(0x86DD, udp6()) + bytes(8), vci=100))
    add(sunatm(SUNATM_LANE, b"\x00\x05" + ether(0x0806, bytes.fromhex("0001080006040001") + bytes(20)), vci=100))
    add(sunatm(SUNATM_LANE, le_control(0x0101, bytes(120)), vci=100))
    add(sunatm(SUNATM_LANE, le_control(0x00AB, bytes(10), proto=0x66, version=0x77), vci=100))
    add(sunatm(SUNATM_LANE, le_control(0x0009, bytes(4)), vci=100))
    add(sunatm(SUNATM_LANE, b"\xff\x00\x01", vci=100))
    add(sunatm(SUNATM_LANE, b"\xff\x00", vci=100))
    add(sunatm(SUNATM_LANE, b"\x00", vci=100))
    add(sunatm(SUNATM_LANE, b"", vci=100))
    add(sunatm(SUNATM_LANE, b"\x00\x05" + ether(0x0800, udp4())[:10], vci=100))
    # raw, MARS, IFMP and unknown types: tshark guesses LLC/SNAP, PPP, pad and Ethernet, Frame Relay, IP by its version
    for flags in (0x00, 0x03, 0x04, 0x0F):
        add(sunatm(flags, snap(0x0800) + udp4(), vci=33))
        add(sunatm(flags, udp4(), vci=33))
        add(sunatm(flags, udp6(), vci=33))
    add(sunatm(0x00, b"\x00\x21" + udp4(), vci=33))
    add(sunatm(0x00, b"\x00\x00" + ether(0x0800, udp4()), vci=33))
    add(sunatm(0x00, b"\x18\x41\x03\xcc" + udp4(), vci=33))
    add(sunatm(0x00, b"\x00\x05" + ether(0x0800, udp4()), vci=33))
    add(sunatm(0x00, b"\x01\x02\x03\x04\x05\x06\x07", vci=33))
    add(sunatm(0x00, b"", vci=33))
    # cut by the capture after the header, through LLC, LANE, the guess's 8 bytes and IPv4
    for whole in (sunatm(SUNATM_LLC, snap(0x0800) + udp4()), sunatm(SUNATM_LANE, b"\x00\x05" + ether(0x0800, udp4()), vci=100),
                  sunatm(0x00, udp4(), vci=33), sunatm(SUNATM_LANE, le_control(0x0101, bytes(120)), vci=100)):
        for cut in (4, 5, 6, 7, 10, 12, 20, 30, 40):
            add(whole, cut)
    return frames


def sunatm_damageable(data):
    """The flags, VPI and VCI (see damage: a type tshark and tcpdump both read, a VPI other than 0)."""
    return 4


def juniper_ppp_damageable(data):
    """As juniper_damageable, but never 0x7e (see damage): tcpdump reads a PPP protocol 0x7eXX as HDLC to unescape, RawNet does not."""
    return 16


def juniper_frelay_damageable(data):
    """The flags byte alone, its bits that move nothing (see damage): RawNet reads Frame Relay's UI frames only, and tshark guesses without the magic."""
    return 16


def pppoe_session(payload):
    """A PPPoE session header (version/type 0x11, code 0, session 1) and its length, before PPP's payload."""
    return struct.pack(">BBHH", 0x11, 0, 1, len(payload)) + payload


# What each of the other Juniper link types carries after the header: its link header and IPv4, IPv6 and others.
JUNIPER_LINK_PAYLOADS = {
    "pppoe": lambda: [ether(0x8864, pppoe_session(b"\x00\x21" + udp4())), ether(0x8864, pppoe_session(b"\x00\x57" + udp6())),
                      ether(0x0800, tcp4()), ether(0x86DD, echo6())],
    "ppp": lambda: [b"\xff\x03\x00\x21" + udp4(), b"\xff\x03\x00\x57" + udp6(), b"\xff\x03\x00\x21" + tcp4(),
                    b"\x00\x21" + echo4(), b"\xff\x03\x21" + udp4(), b"\xff\x03\x12\x34junk", b"\xff\x03"],
    "frelay": lambda: [b"\x18\x41\x03\xcc" + udp4(), b"\x18\x41\x03\x8e" + udp6(), b"\x18\x41\x03\x00\xcc" + tcp4(),
                       b"\x18\x41\x03\x00\x80\x00\x00\x00\x08\x00" + echo4(), b"\x18\x41\x03\x99"],
    "chdlc": lambda: [b"\x0f\x00\x08\x00" + udp4(), b"\x8f\x00\x86\xdd" + udp6(), b"\x0f\x00\x08\x00" + tcp4(),
                      b"\x0f\x00\x08\x00" + echo4(), b"\x0f\x00\x12\x34junk", b"\x0f\x00"],
    "vp": lambda: [bytes(18) + udp4(), bytes(18) + tcp4(), bytes(18) + udp6(), bytes(range(18)) + echo4(), bytes(18) + b"\x99junk",
                   bytes(18), bytes(10)],
}


def juniper_link_frames(kind):
    """The Juniper header (plain, with extension TLVs, without magic, without link header) before JUNIPER_LINK_PAYLOADS[kind], short frames and cuts."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    payloads = JUNIPER_LINK_PAYLOADS[kind]()
    for i, payload in enumerate(payloads):
        add(juniper(JUNIPER_IN if i % 2 == 0 else 0, payload))
    add(juniper(JUNIPER_IN | JUNIPER_EXT, payloads[0], ext(IFD_IDX, le32(5)) + ext(IFL_IDX, le32(77)) + ext(IFD_NAME, b"so-1/0/0")))
    add(juniper(JUNIPER_EXT, payloads[1], ext(IFL_IDX, le32(6)) + ext(IFD_IDX, le32(5), length=9)))
    add(juniper(JUNIPER_EXT, payloads[0], ext(IFL_IDX, le32(6)), total=0xFFFA))
    add(juniper(JUNIPER_NO_L2 | JUNIPER_IN, le32(2) + udp4()))
    add(juniper(JUNIPER_NO_L2 | JUNIPER_EXT, le32(6) + udp6(), ext(IFL_IDX, le32(1))))
    add(juniper(JUNIPER_NO_L2, le32(0x99) + udp4()))
    if kind != "frelay":                                                   # tshark guesses Cisco's encapsulation there
        add(juniper(JUNIPER_IN, payloads[0], magic=b"XYZ"))
    add(b"MGC")
    whole = juniper(JUNIPER_IN | JUNIPER_EXT, payloads[0], ext(IFD_IDX, le32(5)))
    for end in (5, 8, 12, 14, 20):
        add(whole[:end])
    for cut in list(range(1, 44)) + [len(whole) - 5]:                    # through the headers, and up to UDP's payload
        add(whole, cut)
    return frames


def ax25_call(callsign, ssid=0, last=False, bit=False):
    """An AX.25 address: six characters shifted left one bit, then the SSID byte (0x60 reserved bits, C/H bit, last bit)."""
    return bytes(ord(c) << 1 for c in callsign.ljust(6)[:6]) + bytes([0x60 | (ssid << 1) | (0x80 if bit else 0) | (1 if last else 0)])


def ax25(control, pid=None, payload=b"", vias=0, kind="command", ssid=1):
    """An AX.25 frame: kind "command" (destination's C bit set), "response" (source's), "both" or "neither" (V?.?)."""
    dst_bit, src_bit = {"command": (True, False), "response": (False, True), "both": (True, True), "neither": (False, False)}[kind]
    header = ax25_call("QST", 0, bit=dst_bit) + ax25_call("N0CALL", ssid, last=vias == 0, bit=src_bit)
    for i in range(vias):
        header += ax25_call("WIDE%d" % (i % 10), i % 16, last=i == vias - 1, bit=i % 2 == 0)
    return header + bytes([control]) + (bytes([pid]) if pid is not None else b"") + payload


def ax25_arp(op, ptype=0x0800, target=None):
    """ARP with AX.25 hardware addresses (type 3, 7 bytes) and IPv4 addresses."""
    target = ax25_call("", 0) if target is None else target
    return (struct.pack(">HHBBH", 3, ptype, 7, 4, op) + ax25_call("N0CALL", 1) + bytes([44, 1, 2, 3]) + target
            + bytes([44, 4, 5, 6]))


# The protocol IDs tshark 4.0 hands to dissectors RawNet does not have (X.25, FlexNet, NET/ROM) are left out.
AX25_OTHER_PIDS = [0x06, 0x07, 0x08, 0x42, 0xC3, 0xC4, 0xCA, 0xCB, 0xFF, 0x00]
AX25_U_CONTROLS = [0x03, 0x23, 0x43, 0x63, 0x83, 0xE3, 0x07, 0x87, 0xC7, 0x0F, 0x2F, 0x4F, 0x6F, 0x8F, 0xAF, 0xCF, 0xEF, 0x0B, 0x1B, 0x97]


def ax25_frames():
    """UI and I frames carrying IPv4 (UDP, TCP, ICMP), IPv6 and a bogus version under PID 0xcc, ARP with AX.25 and
    Ethernet hardware, no-layer-3 text and other PIDs; S and U frames of every kind as commands, responses and V?.?, with
    and without the poll/final bit; 1 to 12 digipeaters; addresses with no last bit; frames the wire or the capture cut at
    every length through the header."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    ips = [udp4(), tcp4(), echo4(), udp6()]
    for ip in ips:
        add(ax25(0x03, 0xCC, ip))
    add(ax25(0x03, 0xCC, b"\x55" + bytes(19)))
    add(ax25(0x03, 0xCC, udp4()[:12]))
    for op, ptype in ((1, 0x0800), (2, 0x0800), (2, 0xCC), (3, 0x0800), (4, 0xCC), (9, 0x0800)):
        add(ax25(0x03, 0xCD, ax25_arp(op, ptype)))
    add(ax25(0x03, 0xCD, ARP_ETHERNET))
    add(ax25(0x03, 0xCD, ax25_arp(1)[:20]))
    add(ax25(0x03, 0xF0, b"=4903.50N/07201.75W-Test"))
    add(ax25(0x03, 0xF0))
    for pid in AX25_OTHER_PIDS:
        add(ax25(0x03, pid, b"abc"))
    for control in (0x00, 0x10, 0xB4, 0xFE, 0x5A):
        add(ax25(control, 0xCC, ips[control % 3]))
        add(ax25(control, 0x42, b"x", kind="response"))
    for control in (0x01, 0x05, 0x09, 0x0D, 0x11, 0xF5, 0x39, 0x6D):
        for kind in ("command", "response", "both", "neither"):
            add(ax25(control, kind=kind))
    for i, control in enumerate(AX25_U_CONTROLS):
        for kind in ("command", "response", "neither"):
            add(ax25(control | 0x10 if kind == "neither" or (kind == "response" and i % 2) else control, kind=kind))
    add(ax25(0x13, None, b"after UI with poll"))
    add(ax25(0x63, None, b"junk"))
    for vias in (1, 2, 7, 8, 9, 12):
        add(ax25(0x03, 0xCC, ips[vias % 4], vias=vias))
    add(ax25(0x03, 0xF0, b"t", vias=10))
    noend = ax25_call("QST") + ax25_call("N0CALL") + ax25_call("A") + ax25_call("B")
    for extra in (0, 1, 6, 7, 40):
        add(noend + bytes(extra))
    add(ax25_call("QST") + ax25_call("N0CALL") + b"".join(ax25_call("W%d" % i) for i in range(9)) + b"\x02\x02\x02")
    whole = ax25(0x03, 0xCC, udp4(), vias=2)
    for end in range(1, 34):
        add(whole[:end])
    for cut in (1, 6, 7, 8, 13, 14, 15, 20, 27, 28, 29, 30, 31, 40, 50):
        add(whole, cut)
    iframe = ax25(0x00, 0xCD, ax25_arp(1), vias=9)
    for end in (70, 77, 78, 79, 80, 85):
        add(iframe[:end])
    for cut in (62, 70, 77, 78, 79, 90):
        add(iframe, cut)
    return frames


def ax25_damageable(data):
    """The addresses, the control field and the protocol ID (after the last address bit, as far as the frame goes)."""
    at = 14
    while at <= len(data) and not data[at - 1] & 1:
        at += 7
    return at + 2


def ax25_kiss_frames():
    """Every KISS command with its parameter, data frames on every port with AX.25 and IPv4 or ARP after them, data
    frames with acknowledgement, set hardware of 0 to 5 bytes, unknown commands, parameters missing and cuts."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    ip = ax25(0x03, 0xCC, udp4())
    for port in (0, 1, 5, 15):
        add(bytes([port << 4]) + ip)
    add(b"\x00" + ax25(0x03, 0xCD, ax25_arp(1)))
    add(b"\x00" + ax25(0x3F))
    add(b"\x00" + ax25(0x03, 0xF0, b"hello", vias=1))
    for command in range(16):
        for port in (0, 3):
            add(bytes([port << 4 | command, 0x32, 0x10]))
    for params in (b"", b"\x01", b"abcde"):
        add(b"\x06" + params)
        add(b"\x16" + params)
    add(b"\x0c\x12\x34" + ip)
    add(b"\x0c\x12\x34")
    add(b"\x0c\x12")
    add(b"\x0c")
    for command in (1, 2, 3, 4, 5):
        add(bytes([command]))
    add(b"\x00")
    add(b"\xff")
    add(b"\x00" + ip[:10])
    for cut in (1, 2, 5, 15, 17, 18, 30):
        add(b"\x00" + ip, cut)
    add(b"\x0c\x12\x34" + ip, 2)
    add(b"\x01\x05", 1)
    return frames


def ax25_kiss_damageable(data):
    """The KISS byte and its parameter, and the AX.25 header after a data frame."""
    return 1 + ax25_damageable(data[1:]) if data[:1] == b"\x00" else 3
# What each Juniper PIC link type carries after the header: its cookie or header, then IPv4, IPv6 and others. tshark and
# tcpdump read these differently (GGSN's protocol is tshark's first two bytes, tcpdump's third of an 8-byte cookie; the
# services PIC's IP is 12 or 16 bytes on for tshark, 8 for tcpdump): both read every frame, each its own way. Left out:
# ATM OAM cells, LLC with OSI's SAP, Q.933 and an LS cookie on GGSN, which tcpdump prints in ways RawNet does not.
AS_IPV4, AS_IPV6 = bytes([0x47, 0, 0, 0, 0, 0x00, 0, 8]), bytes([0x47, 0, 0, 0, 0, 0x10, 0, 8])
SNAP_IPV4, SNAP_IPV6 = bytes.fromhex("aaaa030000000800"), bytes.fromhex("aaaa0300000086dd")
JUNIPER_PIC_PAYLOADS = {
    "mlppp": lambda: [b"\xff\x03\x00\x21" + udp4(), b"\x00\x05\x00\x57" + udp6(), b"\x00\x21" + tcp4(),
                      bytes([0x54, 5, 0, 0]) + b"\x00\x21" + echo4(), AS_IPV4 + udp4(), AS_IPV6 + udp6(),
                      bytes([0x40, 0, 0, 0, 0, 0, 0, 8]) + udp4(), b"\x99\x99\x99\x99" + udp4()],
    "mlfr": lambda: [AS_IPV4 + udp4(), AS_IPV6 + udp6(), b"\x00\x05\x03\xcc" + tcp4(), bytes([0x54, 5, 0, 0]) + b"\x03\xcc" + udp4(),
                     b"\x00\x05\x03\x8e" + echo6(), b"\x99\x99\x99\x99" + udp4()],
    "ggsn": lambda: [b"\x02\x00\x05\x00" + udp4(), b"\x06\x00\x07\x00" + udp6(), bytes([0x40, 0, 2, 0, 0, 5, 0, 0]) + udp4(),
                     bytes([0x47, 0, 6, 0, 0, 5, 0, 0]) + udp6(), b"\x99\x00\x00\x00" + tcp4(), b"\x02\x00"],
    "services": lambda: [bytes(16) + udp4(), bytes(12) + tcp4(), bytes([0x40, 1, 0, 5, 0, 0, 0, 7]) + udp4() + bytes(8),
                         bytes([0x40, 1, 0, 5, 0, 0, 0, 7]) + bytes(4) + udp6(), bytes(16) + echo4(), bytes(10)],
    "atm2": lambda: [bytes(8) + SNAP_IPV4 + udp4(), bytes(8) + SNAP_IPV6 + udp6(), bytes(8) + tcp4(), bytes(8) + echo6(),
                     bytes(8) + b"\x00\x21" + udp4(), bytes(8) + b"\x00\x57" + udp6(), bytes(8) + b"\x03\xcc" + udp4(),
                     b"\x00\x00\x00\x05" + bytes(4) + ether(0x0800, udp4()), bytes(8) + b"\x99junkjunk", bytes(8) + b"\x45"],
    "atm1": lambda: [bytes(4) + SNAP_IPV4 + udp4(), bytes(4) + SNAP_IPV6 + udp6(), bytes(4) + tcp4(), bytes(4) + echo6(),
                     bytes(4) + b"\x03\xcc" + udp4(), bytes(4) + b"\x03\x8e" + udp6(), bytes(4) + b"\x00\x21" + udp4(),
                     bytes(4) + b"\x99junkjunk", bytes(6)],
}


def juniper_pic_frames(kind):
    """The Juniper header (plain, with extension TLVs, without magic, without link header) before JUNIPER_PIC_PAYLOADS[kind], short frames and cuts."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    payloads = JUNIPER_PIC_PAYLOADS[kind]()
    for i, payload in enumerate(payloads):
        add(juniper(JUNIPER_IN if i % 2 == 0 else 0, payload))
    for i, payload in enumerate(payloads[:4]):                             # each payload the other way
        add(juniper(0 if i % 2 == 0 else JUNIPER_IN, payload))
    add(juniper(JUNIPER_IN | JUNIPER_EXT, payloads[0], ext(IFD_IDX, le32(5)) + ext(IFL_IDX, le32(77)) + ext(IFD_NAME, b"at-1/0/0")))
    add(juniper(JUNIPER_EXT, payloads[1], ext(IFL_IDX, le32(6)) + ext(IFD_IDX, le32(5), length=9)))
    add(juniper(JUNIPER_NO_L2 | JUNIPER_IN, le32(2) + udp4()))
    # inbound: without its magic (damaged), ATM2 would guess Ethernet with an EtherType tshark and RawNet name apart
    add(juniper(JUNIPER_NO_L2 | JUNIPER_EXT | JUNIPER_IN, le32(6) + udp6(), ext(IFL_IDX, le32(1))))
    add(juniper(JUNIPER_IN, payloads[0], magic=b"XYZ"))
    add(b"MGC")
    whole = juniper(JUNIPER_IN | JUNIPER_EXT, payloads[0], ext(IFD_IDX, le32(5)))
    for end in (5, 8, 12, 14, 16, 20):
        add(whole[:end])
    for cut in list(range(1, 48)) + [len(whole) - 5]:                    # through the headers, and up to UDP's payload
        add(whole, cut)
    return frames


def juniper_pic_damageable(data):
    """The magic number alone: without it both oracles read on from the first byte, each its own way, which RawNet follows."""
    return 3


def vpp(payload, hint=0, strings=(b"ip4-input", b"", b"", b""), count=None, major=1, minor=0, index=0x00012345):
    """A VPP dispatch trace record: versions, string count, hint, buffer index, the zero-ended strings, the packet data."""
    count = len(strings) if count is None else count
    return struct.pack(">BBBBI", major, minor, count, hint, index) + b"".join(s + b"\0" for s in strings) + payload


def vpp_frames():
    """Records of every hint tshark reads (0 guessing from the first byte, Ethernet, IPv4, IPv6) and out-of-range ones,
    traces (string count above 4), multi-line strings (CR, LF, CR LF, empty lines, control and non-ASCII bytes),
    unexpected major and minor versions, strings without their zero byte, no packet data, short frames and cuts. No TCP
    or UDP hint (4, 5): tshark hands those to TCP or UDP with no IP header, which RawNet leaves as data."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    meta = (b"ethernet-input", b"flags 0x1 len 84 free-list 0\nsw_if_index 1", b"raw: 00000000 00000001", b"raw2: 0")
    for payload in (udp4(), tcp4(), echo4(), udp6(), echo6(), link_cases.tcp6()):
        add(vpp(payload, 0, meta))
    for payload in (ether(0x0800, udp4()), ether(0x86DD, udp6()), ether(0x0806, ARP_ETHERNET), ether(0x1234, b"junk")):
        add(vpp(payload, 0, meta))
        add(vpp(payload, 1, meta))
    add(vpp(udp4(), 2, meta))
    add(vpp(echo6(), 3, meta))
    add(vpp(udp6(), 2, meta))                                                # a hint that does not match the data
    add(vpp(tcp4(), 3, meta))
    options = bytes(IPv6(src=A6, dst=B6, tc=0x20) / Raw(b"x"))
    add(vpp(options, 0, meta))                                              # 0x62: not the typical IPv6 byte, so Ethernet
    add(vpp(b"\x46" + udp4()[1:], 0, meta))                                # 0x46: Ethernet too
    for hint in (6, 9, 255):
        add(vpp(udp4(), hint, meta))
        add(vpp(ether(0x0800, echo4()), hint, meta))
    add(vpp(udp4(), 0, meta + (b"trace line 1\nline 2\r\nline 3\r",), count=5))
    add(vpp(ether(0x86DD, udp6()), 1, meta + (b"",), count=255))
    add(vpp(udp4(), 0, meta, count=0))
    add(vpp(udp4(), 0, (b"", b"", b"", b"")))
    add(vpp(udp4(), 0, (b"n\x01\x85\tx", b"a\x01b\x85c\td", b"l1\r\nl2\rl3\n\nl5\n", b"\\x\x7f")))
    add(vpp(udp4(), 0, (b"\xc3\xa9t\xc3\xa9", b"\r\n", b"\n\r", b"\r")))
    for minor in (1, 255):
        add(vpp(udp4(), 0, meta, minor=minor))
    add(vpp(udp4(), 7, meta, minor=3))
    for major in (0, 2, 255):
        add(vpp(udp4(), 0, meta, major=major))
    add(vpp(b"", 0, meta))                                                  # no packet data
    add(vpp(b"", 1, meta))
    add(vpp(b"", 2, meta))
    add(vpp(b"", 3, meta))
    add(vpp(b"\x45", 0, meta))
    add(vpp(b"\x60\x00", 0, meta))
    add(vpp(b"\x00" * 10, 0, meta))
    whole = vpp(udp4(), 0, meta + (b"t",), count=5)
    name_end = 8 + len(meta[0]) + 1
    for end in (1, 2, 3, 4, 5, 7, 8, 9, name_end - 1, name_end, name_end + 3, name_end + len(meta[1]) + 1,
                len(whole) - len(udp4()) - 1, len(whole) - len(udp4()), len(whole) - len(udp4()) + 10):
        add(whole[:end])
    add(vpp(udp4(), 0, meta)[:1].replace(b"\x01", b"\x02"))                 # a major version alone
    for cut in (1, 2, 3, 4, 6, 8, 9, name_end, name_end + 5, len(whole) - len(udp4()) - 2, len(whole) - len(udp4()),
                len(whole) - len(udp4()) + 1, len(whole) - len(udp4()) + 20, len(whole) - 3):
        add(whole, cut)
    eth = vpp(ether(0x0800, tcp4()), 1, meta)
    for cut in (len(eth) - len(tcp4()) - 14, len(eth) - len(tcp4()) - 5, len(eth) - len(tcp4()) + 10):
        add(eth, cut)
    return frames


def vpp_damageable(data):
    """The major and minor versions (not the string count, which moves the data onto bytes any dissector may claim, nor
    the hint, which could name TCP or UDP)."""
    return 2


def epdu_tag(tag, value):
    return struct.pack(">HH", tag, len(value)) + value


def epdu(name, payload, tags=(), end=b""):
    """An exported PDU record: a dissector name tag (none for None), the other tags, the end tag, the PDU."""
    head = epdu_tag(12, name) if name is not None else b""
    return head + b"".join(tags) + epdu_tag(0, end) + payload


def exported_pdu_frames():
    """Records naming "ip", "ipv6" and "eth_withoutfcs" (the dissectors RawNet has) before IPv4 and IPv6 UDP, TCP and
    ICMP, Ethernet with IPv4, IPv6, ARP and an unknown type; every tag tshark 4.0 reads (addresses of the right and wrong
    lengths, the port types it maps, ports, original frame number, dissector table value, column strings, P2P direction,
    DVB-CI event, SS7 point codes) and unknown ones; names tshark has no dissector for ("eth", "nosuch", none, empty); an
    end tag with a value; no end tag, tags cut short, an empty PDU; cuts. No port type tshark 4.0 no longer maps (its
    assertion: see docs/cli.md), no TCP dissector data, heuristic or table name, user data tag, nor a name tshark has but
    RawNet does not decode (udp, tcp, dns, http, data: RawNet leaves their PDU undecoded)."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    v4, v6 = bytes([198, 18, 0, 1]), bytes.fromhex("20010db8000000000000000000000001")
    for payload in (udp4(), tcp4(), echo4(), udp6()):
        add(epdu(b"ip", payload))
    for payload in (udp6(), echo6(), link_cases.tcp6(), udp4()):
        add(epdu(b"ipv6", payload))
    for payload in (ether(0x0800, udp4()), ether(0x86DD, udp6()), ether(0x0806, ARP_ETHERNET), ether(0x1234, b"junk")):
        add(epdu(b"eth_withoutfcs", payload))
    add(epdu(b"ip", udp4(), [epdu_tag(20, v4)]))
    add(epdu(b"ip", udp4(), [epdu_tag(20, v4), epdu_tag(21, bytes([198, 18, 0, 2]))]))
    add(epdu(b"ip", tcp4(), [epdu_tag(21, v4)]))
    add(epdu(b"ip", udp4(), [epdu_tag(20, v4[:3])]))                        # reads a byte of the next tag
    add(epdu(b"ipv6", udp6(), [epdu_tag(22, v6), epdu_tag(23, v6[::-1])]))
    add(epdu(b"ipv6", udp6(), [epdu_tag(22, v6 + b"xx")]))
    for port_type in (0, 1, 2, 3, 4, 5, 8, 10, 12, 13, 14, 15):
        add(epdu(b"ip", udp4(), [epdu_tag(24, struct.pack(">I", port_type)), epdu_tag(25, struct.pack(">I", 40000)),
                                 epdu_tag(26, struct.pack(">I", 9))]))
    add(epdu(b"ip", udp4(), [epdu_tag(30, struct.pack(">I", 7)), epdu_tag(32, struct.pack(">I", 0xFFFFFFFF))]))
    add(epdu(b"ip", udp4(), [epdu_tag(33, b"MYPROTO"), epdu_tag(36, b"my info\x00pad")]))
    for direction in (-1, 0, 1):
        add(epdu(b"ip", echo4(), [epdu_tag(35, struct.pack(">i", direction))]))
    add(epdu(b"ip", echo4(), [epdu_tag(31, b"\xff")]))
    add(epdu(b"ip", udp4(), [epdu_tag(28, b"\x00\x00\x01\x02\x00\x01\x03"), epdu_tag(29, b"\x00\x00\x03\x04\x00\x01\x03")]))
    for tag in (1, 15, 99, 0xFFFF):
        add(epdu(b"ip", udp4(), [epdu_tag(tag, b"\x01\x02\x03")]))
    add(epdu(b"ip", udp4(), [epdu_tag(99, b"")]))
    add(epdu(b"eth", ether(0x0800, udp4())))
    add(epdu(b"nosuch", udp4()))
    add(epdu(None, udp4()))
    add(epdu(b"", udp4()))
    add(epdu(b"nosuch", udp4(), [epdu_tag(12, b"ip")]))                     # the last name counts
    add(epdu(b"ip\x00\x00", udp4()))                                        # padded with zeros
    add(epdu(b"ip", udp4(), end=b"\x00\x00\x00\x00"))                      # the end tag's value is skipped
    add(epdu(b"ip", b""))
    add(epdu(b"ipv6", b""))
    add(epdu(b"eth_withoutfcs", b""))
    add(epdu(b"ip", b"\x45"))
    add(epdu_tag(12, b"ip"))                                                # no end tag
    add(epdu_tag(12, b"ip") + b"\x00")
    add(epdu_tag(12, b"ip") + b"\x00\x00\x00")
    add(struct.pack(">HH", 12, 40) + b"ip")                                 # a name past the end
    add(epdu_tag(12, b"ip") + struct.pack(">HH", 20, 4) + b"\x01\x02")
    add(epdu_tag(12, b"ip") + epdu_tag(0, b"\x00" * 8))                     # the end tag's value past the end
    add(b"\x00")
    whole = epdu(b"ip", udp4(), [epdu_tag(20, v4), epdu_tag(26, struct.pack(">I", 9))])
    for cut in (1, 2, 3, 4, 6, 8, 10, 12, 14, 18, 20, 24, 28, 30, 32, 40, 50, len(whole) - 3):
        add(whole, cut)
    return frames


def exported_pdu_damageable(data):
    """The first tag's number (see damage: only to a name, an address, an unknown tag or the end tag)."""
    return 2 if len(data) >= 4 else 0


def redback(protocol, payload, data=24, l3=None, flags=0, length=None, padding=b"", context=0x00000101,
            circuit=0x0000000A00010203):
    """The Redback SmartEdge header (24 bytes, big-endian): context, flags, circuit, length, protocol, data offset,
    layer 3 offset (the data offset unless given); padding up to the data offset, then the payload."""
    l3 = data if l3 is None else l3
    length = 24 + len(padding) + len(payload) if length is None else length
    return struct.pack(">IIQHHHH", context, flags, circuit, length & 0xFFFF, protocol, data, l3) + padding + payload


REDBACK_PPP_DIRECT = 0x04000000


def redback_frames():
    """LINKTYPE_REDBACK_SMARTEDGE (32): each protocol tshark 4.0 tells apart (1 IPv4, PPP, PPP in HDLC framing or
    Ethernet by the layer 3 offset; 2 Ethernet, or an NLPID: IPv4, IPv6, PPP and others; 6 PPP behind the unknown
    word or not by the flag, or Ethernet; 3, 4 and 8 Ethernet; 9 IPv6 or Ethernet), unknown protocols, padding, an
    empty payload, offsets past the frame, short frames and cuts at every length through the header and IPv4. Not
    written: the NLPIDs tshark hands to CLNP, ES-IS, IS-IS and Q.931, which RawNet does not decode."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    eth4, eth6 = ether(0x0800, udp4()), ether(0x86DD, udp6())
    add(redback(1, udp4()))
    add(redback(1, tcp4()))
    add(redback(1, echo4()))
    add(redback(1, udp6()))                                   # the "ip" dissector takes version 6 too
    add(redback(1, eth4, l3=38))
    add(redback(1, ether(0x0806, ARP_ETHERNET), l3=40))
    add(redback(1, b"\x00\x21" + udp4(), l3=26))
    add(redback(1, b"\x00\x57" + udp6(), l3=26))
    add(redback(1, b"\xff\x03\x00\x21" + tcp4(), l3=28))
    add(redback(1, b"\x0f\x00\x08\x00" + udp4(), l3=28))     # Cisco HDLC's address: ppp_hdlc hands it on
    add(redback(2, b"\xcc" + udp4()))
    add(redback(2, b"\x8e" + udp6()))
    add(redback(2, b"\xcf\x00\x21" + echo4()))
    add(redback(2, b"\x42unknown"))
    add(redback(2, eth6, l3=38))
    add(redback(6, b"\x00\x21" + udp4(), flags=REDBACK_PPP_DIRECT))
    add(redback(6, b"\xde\xad\xbe\xef\x00\x21" + udp4()))
    add(redback(6, b"\x00\x00\x00\x00\x00\x57" + udp6(), flags=0x00400000))
    add(redback(6, bytes(4) + eth4, l3=42))
    add(redback(6, eth6, l3=38, flags=REDBACK_PPP_DIRECT | 1))
    add(redback(3, eth4))
    add(redback(4, ether(0x0806, ARP_ETHERNET)))
    add(redback(8, eth6))
    add(redback(9, udp6()))
    add(redback(9, echo6()))
    add(redback(9, eth6, l3=38))
    add(redback(9, udp4()))                                   # IPv6's dissector refuses version 4
    for protocol in (0, 5, 7, 10, 0x0101, 0xFFFF):
        add(redback(protocol, udp4()))
    add(redback(1, udp4(), data=28, padding=b"PAD!"))
    add(redback(9, udp6(), data=32, padding=bytes(8)))
    add(redback(1, b""))
    add(redback(9, b""))
    add(redback(1, udp4(), length=0))
    add(redback(1, udp4(), length=0xFFFF))
    add(redback(1, udp4(), data=200, l3=200))                  # offsets past the frame
    add(redback(6, b"\x00\x21", data=24))                    # the unknown word cut by the frame
    add(redback(2, b"", data=24))                              # no NLPID
    whole = redback(1, udp4(), data=28, padding=b"PAD!")
    for end in (1, 10, 20, 22, 23, 24, 26, 27, 28, 29, 40):
        add(whole[:end])
    for cut in (1, 20, 23, 24, 26, 28, 29, 40, 47, 60):
        add(whole, cut)
    ppp = redback(6, b"\xde\xad\xbe\xef\x00\x21" + udp4())
    for cut in (25, 28, 29, 30):
        add(ppp, cut)
    nlpid = redback(2, b"\x8e" + udp6())
    for cut in (24, 25, 40):
        add(nlpid, cut)
    return frames


def redback_damageable(data):
    """The context, flags, circuit and length, and the protocol's low byte (see damage: one of REDBACK_PROTOCOLS)."""
    return 20


REDBACK_PROTOCOLS = [1, 2, 3, 4, 6, 8, 9, 7, 0]


def vn_tlv(kind, value, length=None):
    """A Juniper VN TLV: type, length (the value's unless given), value."""
    return bytes([kind, len(value) if length is None else length]) + value


VN_HOST, VN_FLAGS, VN_SRC, VN_DST, VN_LAST = 1, 2, 3, 4, 255
VN_TYPES = [VN_HOST, VN_FLAGS, VN_SRC, VN_DST, VN_LAST, 9]


def juniper_vn(payload, host=bytes([10, 1, 1, 1]), flags=0x40000022, src=b"default-domain:admin:net-a",
               dst=b"default-domain:admin:net-b", last=b""):
    """A Juniper (Contrail) vRouter's VN header: host address, flags, source and destination network TLVs (each left
    out when None), the end TLV (255) with its skipped bytes, then the payload."""
    out = b""
    if host is not None:
        out += vn_tlv(VN_HOST, host)
    if flags is not None:
        out += vn_tlv(VN_FLAGS, struct.pack(">I", flags))
    if src is not None:
        out += vn_tlv(VN_SRC, src)
    if dst is not None:
        out += vn_tlv(VN_DST, dst)
    return out + vn_tlv(VN_LAST, last) + payload


def juniper_vn_frames():
    """LINKTYPE_JUNIPER_VN (184): the TLVs before Ethernet with IPv4 UDP, TCP and ICMP, IPv6, ARP, 802.1Q and an
    unknown EtherType; every flag bit, TLVs left out, repeated and in other orders, empty networks, a host TLV shorter
    than its 4 bytes (tshark reads them anyway and the next TLV from its length), skipped bytes after the end TLV, an
    unknown type ("Incorrect format"), a walk that runs off the frame, an end TLV past it, no payload, frames shorter
    than tshark's 20-byte subtree and cuts at every length through the TLVs and IPv4. Network names are printable ASCII
    (tshark stops a name at a NUL and warns of what follows)."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(juniper_vn(ether(0x0800, udp4())))
    add(juniper_vn(ether(0x0800, tcp4()), flags=0x00000004))
    add(juniper_vn(ether(0x0800, echo4()), flags=0xFFFFFFFF))
    add(juniper_vn(ether(0x86DD, udp6()), flags=0x00000080))
    add(juniper_vn(ether(0x86DD, echo6()), flags=0))
    add(juniper_vn(ether(0x0806, ARP_ETHERNET), flags=0x00000018))
    add(juniper_vn(ether(0x8100, bytes.fromhex("0064 0800") + udp4()), flags=0x00000040))
    add(juniper_vn(ether(0x1234, b"unknown type payload"), flags=0x40000000))
    add(juniper_vn(ether(0x0800, udp4()), host=None, flags=None))
    add(juniper_vn(ether(0x0800, udp4()), src=b"", dst=b""))
    add(juniper_vn(ether(0x0800, udp4()), src=None, dst=b"x" * 200))
    add(juniper_vn(ether(0x0800, udp4()), last=b"\x00\x00\x00\x00"))
    add(vn_tlv(VN_DST, b"dst-first") + vn_tlv(VN_FLAGS, struct.pack(">I", 0x22)) + vn_tlv(VN_HOST, bytes([192, 0, 2, 1]))
        + vn_tlv(VN_HOST, bytes([192, 0, 2, 2])) + vn_tlv(VN_SRC, b"src-last") + vn_tlv(VN_LAST, b"") + ether(0x0800, udp4()))
    add(vn_tlv(VN_HOST, bytes([VN_LAST, 4, 9, 9]), length=0) + bytes(16) + ether(0x0800, udp4()))
    add(vn_tlv(VN_FLAGS, struct.pack(">I", 0x20), length=2) + vn_tlv(VN_SRC, b"net-c" * 4) + vn_tlv(VN_LAST, b"") + ether(0x0800, udp4()))
    add(juniper_vn(ether(0x0800, udp4()), host=None, flags=None, src=None, dst=None) + bytes(20))
    add(vn_tlv(9, b"ab") + juniper_vn(ether(0x0800, udp4())))
    add(juniper_vn(b"", src=b"net" * 8) [:-2] + vn_tlv(0x42, b"") + ether(0x0800, udp4()))
    add(vn_tlv(VN_SRC, b"a-network-name-that-runs-off"))
    add(vn_tlv(VN_SRC, b"a-network-name-22-long") + vn_tlv(VN_LAST, b"", length=200) + ether(0x0800, udp4())[:10])
    add(juniper_vn(b""))
    add(juniper_vn(ether(0x0800, b"")))
    for length in (1, 2, 6, 19):
        add(juniper_vn(ether(0x0800, udp4()))[:length])
    whole = juniper_vn(ether(0x0800, udp4()))
    for end in (20, 21, 24, 30, 40, 60, 64, 67, 68, 75, 82, 90):
        add(whole[:end])
    for cut in (1, 19, 20, 24, 30, 60, 67, 68, 75, 82, 90, 100):
        add(whole, cut)
    return frames


def juniper_vn_damageable(data):
    """The TLVs up to the end TLV (see damage: a type only to one of VN_TYPES, a network name's byte only to a letter)."""
    at = 0
    while at + 1 < len(data) and data[at] in (VN_HOST, VN_FLAGS, VN_SRC, VN_DST):
        at += 2 + data[at + 1]
    return min(at + 2, 60)


def juniper_vn_part(data, at):
    """What byte at of a VN header is: "type", "length", "name-length" (a network name's length), "name" (a network
    name's byte) or "value"."""
    pos = 0
    while pos + 1 < len(data):
        if at == pos:
            return "type"
        if at == pos + 1:
            return "name-length" if data[pos] in (VN_SRC, VN_DST) else "length"
        end = pos + 2 + data[pos + 1]
        if at < end:
            return "name" if data[pos] in (VN_SRC, VN_DST) else "value"
        if data[pos] not in (VN_HOST, VN_FLAGS, VN_SRC, VN_DST):
            return "value"
        pos = end
    return "value"


def juniper_st(payload, ethertype=0x0800, protocol=50, ihl=5, spi=0x1000, seq=7, flags=JUNIPER_IN, extensions=None):
    """A Juniper secure tunnel capture: the "MGC" header, the tunnel's Ethernet header, its IPv4 header (ihl words,
    options of 1s; the header's first byte keeps version 4), ESP's SPI and sequence number, 16 unknown bytes, the payload."""
    ip = bytearray(struct.pack(">BBHHHBBH4s4s", 0x40 | ihl, 0, 20, 1, 0, 64, protocol, 0, bytes([198, 51, 100, 1]),
                               bytes([198, 51, 100, 2])) + b"\x01" * max(0, ihl * 4 - 20))
    tunnel = MAC_B + MAC_A + struct.pack(">H", ethertype) + bytes(ip) + struct.pack(">II", spi, seq) + bytes(range(16))
    return juniper(flags, tunnel + payload, extensions)


def juniper_st_frames():
    """LINKTYPE_JUNIPER_ST (200): the Juniper header (plain, with extension TLVs, without link header, without magic)
    before a secure tunnel's Ethernet, IPv4 and ESP headers and IPv4 UDP, TCP and ICMP, IPv6 UDP and ICMPv6, or data;
    another EtherType or IP protocol (tshark stops there), IPv4 header lengths 0, 6 and 15, frames shorter than
    tshark's 70-byte subtree and cuts at every length through the headers and IPv4."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(juniper_st(udp4()))
    add(juniper_st(tcp4(), flags=0))
    add(juniper_st(echo4()))
    add(juniper_st(udp6()))
    add(juniper_st(echo6(), spi=0xFFFFFFFF, seq=0))
    add(juniper_st(b"\x99 not an IP packet" + bytes(20)))
    add(juniper_st(udp4(), ethertype=0x86DD))
    add(juniper_st(udp4(), protocol=17))
    add(juniper_st(udp4(), ihl=6))
    add(juniper_st(udp4(), ihl=15))
    add(juniper_st(udp4() + bytes(20), ihl=0))
    add(juniper_st(udp4(), extensions=ext(IFD_IDX, le32(5)) + ext(IFL_IDX, le32(77))))
    add(juniper(JUNIPER_NO_L2 | JUNIPER_IN, le32(2) + udp4() + bytes(40)))
    add(juniper(JUNIPER_NO_L2, le32(6) + udp6()))
    add(b"MGD" + juniper_st(udp4())[3:])                                               # no magic: nothing more
    add(juniper_st(b""))
    for length in (1, 4, 30, 69):
        add(juniper_st(udp4())[:length])
    whole = juniper_st(udp4())
    for end in (70, 75, 80, 90, 91, 95):
        add(whole[:end])
    for cut in (1, 4, 20, 69, 70, 75, 80, 90, 91, 100):
        add(whole, cut)
    add(juniper_st(udp4(), ihl=15), 90)
    return frames


def symantec(ethertype, payload, version=2, interface=bytes([198, 18, 0, 254])):
    """The Symantec firewall header: v2 (44 bytes, the EtherType at 6) or v3 (56 bytes, the EtherType at 10)."""
    if version == 2:
        return interface + struct.pack(">HH", 0, ethertype) + bytes(36) + payload
    return interface + struct.pack(">IHH", 0, 0, ethertype) + bytes(44) + payload


def symantec_frames():
    """LINKTYPE_SYMANTEC_FIREWALL (99): both layouts before IPv4, IPv6, ARP and 802.1Q, types tshark has no dissector
    for and tcpdump no printer for (0x1234, 0x8100; a v3 header is EtherType 0 to tcpdump), no payload, short frames
    and cuts at every length through the header and IPv4. Not written: a header with both EtherType words zero or
    both set, which tshark 4.0 leaves without even frame.protocols."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    for version in (2, 3):
        add(symantec(0x0800, udp4(), version))
        add(symantec(0x0800, tcp4(), version))
        add(symantec(0x0800, echo4(), version))
        add(symantec(0x86DD, udp6(), version))
        add(symantec(0x86DD, echo6(), version))
        add(symantec(0x0806, ARP_ETHERNET, version))
        add(symantec(0x8100, bytes.fromhex("0064 0800") + udp4(), version))
        add(symantec(0x1234, udp4(), version))
        add(symantec(0x0800, b"", version))
    add(symantec(0x0800, udp4(), interface=bytes(4)))
    add(symantec(0x0800, udp4(), interface=bytes([255] * 4)))
    add(symantec(0x0800, udp6()))
    add(symantec(0x86DD, udp4()))
    whole = symantec(0x0800, udp4())
    for end in (1, 4, 8, 11, 12, 13, 30, 43):
        add(whole[:end])
    for cut in (1, 8, 11, 12, 20, 43, 44, 45, 60):
        add(whole, cut)
    add(symantec(0x86DD, udp6(), 3), 50)
    add(symantec(0x86DD, udp6(), 3)[:50])
    return frames


def symantec_damageable(data):
    """The interface address (a changed EtherType word could leave both or neither set)."""
    return 4


def chdlc_alias_damageable(data):
    """make-link-cases.py's choice for Cisco HDLC: address, control and the protocol's high byte."""
    return link_cases.chdlc_damageable(data, False)


def damage(frames, rng, damageable):
    """Each frame with one byte of its pseudo-header set at random (see the damageable functions), the rest kept."""
    out = []
    for data, caplen in frames:
        reach = min(len(data), damageable(data))
        if damageable is wpan_damageable and caplen is not None:
            # a cut frame with other addresses: tshark's heuristics weigh the 6LoWPAN byte left otherwise
            reach = 0
        if reach > 0:
            at = rng.randrange(reach)
            if damageable is ipoib_damageable and at == 40:
                at = 42
            value = rng.randrange(256)
            if damageable is ipoib_damageable and at == 41:
                value = rng.choice([0x00, 0x06])
            if damageable is nflog_damageable and at == 0:
                value = rng.choice([2, 10, 9])
            if damageable is ipnet_damageable and at == 1:
                value = rng.choice([INET, INET6, 9])
            if damageable is arcnet_damageable and at == 4:
                value = rng.choice(ARCNET_IDS)
            if damageable is arcnet_bsd_damageable and at == 2:
                value = rng.choice(ARCNET_IDS)
            if damageable is pflog_damageable and at == 1:
                value = rng.choice([PF_INET, PF_INET6, PF_INET6_FREEBSD, PF_INET6_DARWIN, 9])
            if damageable is enc_damageable and at == 3:
                value = rng.choice([PF_INET, PF_INET6, 9])
            if damageable is juniper_ppp_damageable and value == 0x7E:
                value = 0x7F
            if damageable is juniper_frelay_damageable and len(data) > 3:
                # the flags but the extension and no-L2 bits, which would move Frame Relay onto other bytes
                at = 3
                value = (value & ~(JUNIPER_EXT | JUNIPER_NO_L2)) | (data[3] & (JUNIPER_EXT | JUNIPER_NO_L2))
            if damageable is erf_damageable:
                # the timestamp's bytes change nothing either oracle reads: the type, flags and lengths instead
                at = at + 8 if at < 8 else at
                if at == 8:
                    value = erf_damage_type(data, caplen, rng)
            if damageable is fpp_damageable:
                at += 8
            if damageable is docsis_damageable:
                at += 2
            if damageable is exported_pdu_damageable:
                at, value = 0, 0
                data = data[:1] + bytes([rng.choice([12, 20, 21, 99, 0])]) + data[2:]
            if damageable is gfp_damageable and at == 5 and value == 9:
                value = 16
            if damageable is ebhscr_damageable and at == 0:
                value = rng.choice([0x50, 0x00, 0x42, 0x99])
            if damageable is wpan_damageable:
                at += 2
            if damageable is sunatm_damageable and at == 0:
                value = rng.choice([0x00, 0x01, 0x02, 0x03, 0x04, 0x0F, 0x80, 0x81, 0x82, 0x83, 0x84, 0x8F, 0x71, 0xF2])
            if damageable is sunatm_damageable and at == 1:
                value = rng.randrange(1, 256)
            if damageable is juniper_vn_damageable:
                part = juniper_vn_part(data, at)
                if part == "type":
                    value = rng.choice(VN_TYPES)
                elif part == "name":
                    value = rng.choice(b"abcdefghijklmnopqrstuvwxyz-:0123456789")
                elif part == "name-length":
                    # shorter only: a longer name would take in bytes tshark stops a name at (NUL) and warns of
                    value = rng.randrange(data[at] + 1)
            data = data[:at] + bytes([value]) + data[at + 1:]
            if damageable is pktap_damageable and 8 <= at < 12:
                data = data[:8] + struct.pack("<I", rng.choice(PKTAP_DLTS)) + data[12:]
            if damageable is ap1394_damageable and at >= 16 and len(data) >= 18:
                kept = rng.choice(AP1394_TYPES)
                data = data[:16] + (struct.pack(">H", kept) if kept is not None else data[16:18]) + data[18:]
            if damageable is gprs_llc_damageable:
                data = bytes([rng.choice(GPRS_LLC_ADDRESSES)]) + data[1:]
            if damageable is xra_damageable:
                data = data[:1] + bytes([rng.choice(XRA_TYPES)]) + data[2:]
            if damageable is redback_damageable and at >= 18:
                data = data[:18] + bytes([0, rng.choice(REDBACK_PROTOCOLS)]) + data[20:]
        out.append((data, caplen))
    return out


def wpan_fcs(data):
    """802.15.4's FCS: the CRC-16 of ITU-T (reflected 0x1021, initial 0, no final XOR), least significant byte first."""
    return struct.pack("<H", crc_ccitt_reflected(data, 0))


WPAN_SHORT_A, WPAN_SHORT_B = 0x0001, 0x0002
WPAN_LONG_A, WPAN_LONG_B = 0x0212345678ABCDEF, 0x1122334455667788


def wpan(payload, dst=(2, WPAN_SHORT_A), src=(2, WPAN_SHORT_B), pan=0xABCD, src_pan=None, frame_type=1, seq=5, ack=1,
         pending=0, version=1, fcs=True, bad_fcs=False):
    """An 802.15.4 MAC frame built by scapy's Dot15d4: frame control, sequence number, destination PAN and address, the
    source PAN only when src_pan is given (else PAN ID compression), the source address, the payload and the FCS."""
    compress = src_pan is None and dst[0] != 0 and src[0] != 0
    mac = Dot15d4(fcf_frametype=frame_type, fcf_ackreq=ack, fcf_pending=pending, fcf_panidcompress=int(compress),
                  fcf_destaddrmode=dst[0], fcf_srcaddrmode=src[0], fcf_framever=version, seqnum=seq)
    if frame_type == 2:
        frame = bytes(mac)
    else:
        fields = {}
        if dst[0]:
            fields.update(dest_panid=pan, dest_addr=dst[1])
        if src[0]:
            fields.update(src_addr=src[1])
            if not compress:
                fields.update(src_panid=pan if src_pan is None else src_pan)
        frame = bytes(mac / Dot15d4Data(**fields))
    frame += payload
    if fcs:
        check = wpan_fcs(frame)
        frame += bytes([check[0] ^ 0x55, check[1]]) if bad_fcs else check
    return frame


def iphc(tf=3, nh=None, hlim=2, sam=3, dam=3, m=0, sac=0, dac=0, inline=b""):
    """RFC 6282's IPHC dispatch (011, TF, NH, HLIM, CID, SAC, SAM, M, DAC, DAM) and its inline fields as given; nh None
    means the next header is NHC-compressed."""
    first = 0x60 | (tf << 3) | ((1 if nh is None else 0) << 2) | hlim
    second = (sac << 6) | (sam << 4) | (m << 3) | (dac << 2) | dam
    return bytes([first, second]) + (bytes([nh]) if nh is not None else b"") + inline


def nhc_udp(sport, dport, payload, ports=0, checksum=0x1234, elide=False):
    """The NHC UDP header (11110 C P) with its ports as the mode inlines them and the checksum unless elided, then the payload."""
    head = bytes([0xF0 | (4 if elide else 0) | ports])
    if ports == 0:
        head += struct.pack(">HH", sport, dport)
    elif ports == 1:
        head += struct.pack(">HB", sport, dport & 0xFF)
    elif ports == 2:
        head += struct.pack(">BH", sport & 0xFF, dport)
    else:
        head += bytes([((sport & 0xF) << 4) | (dport & 0xF)])
    return head + (b"" if elide else struct.pack(">H", checksum)) + payload


def lowpan_udp6(src="fe80::1", dst="fe80::2"):
    return bytes(IPv6(src=src, dst=dst) / UDP(sport=40000, dport=9) / Raw(b"hello"))


def wpan_frames(fcs=True):
    """802.15.4 data frames (2003 and 2006 versions, short and long addresses, PAN ID compression or both PAN IDs) with
    6LoWPAN: uncompressed IPv6 carrying UDP, TCP and ICMPv6; IPHC with every TF, hop limit and stateless source and
    destination mode, multicast destinations in every mode, inline next headers (UDP, ICMPv6, TCP) and NHC UDP with every
    port mode and the checksum inline or elided; a first and a later fragment; mesh and broadcast headers; payloads that
    are no 6LoWPAN; an acknowledgement; bad FCSs (fcs only); short frames and cuts at every length."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    mk = lambda payload, **kw: wpan(payload, fcs=fcs, **kw)
    longs = dict(dst=(3, WPAN_LONG_A), src=(3, WPAN_LONG_B))
    add(mk(b"\x41" + lowpan_udp6()))
    add(mk(b"\x41" + bytes(IPv6(src=A6, dst=B6) / TCP(sport=40001, dport=9, flags="S", seq=1000))))
    add(mk(b"\x41" + echo6(), **longs))
    add(mk(b"\x41" + lowpan_udp6(), src_pan=0x1234, version=0))
    udp = nhc_udp(40000, 9, b"hello")
    add(mk(iphc() + udp, **longs))
    add(mk(iphc() + udp))
    add(mk(iphc() + udp, dst=(3, WPAN_LONG_A)))
    add(mk(iphc() + udp, src=(3, WPAN_LONG_B)))
    for tf, inline in ((0, b"\xb8\x01\x23\x45"), (1, b"\x81\x23\x45"), (2, b"\xb8")):
        add(mk(iphc(tf=tf, inline=inline) + udp))
    add(mk(iphc(hlim=0, inline=b"\x07") + udp))
    add(mk(iphc(hlim=1) + udp))
    add(mk(iphc(hlim=3) + udp))
    full_a = bytes.fromhex("20010db8000000000000000000000001")
    full_b = bytes.fromhex("20010db8000000000000000000000002")
    add(mk(iphc(sam=0, dam=0, inline=full_a + full_b) + udp))
    add(mk(iphc(sam=1, dam=1, inline=bytes.fromhex("0000000000000001") + bytes.fromhex("02000000000000aa")) + udp))
    add(mk(iphc(sam=2, dam=2, inline=b"\x00\x01\xbe\xef") + udp, **longs))
    add(mk(iphc(sam=2, dam=3, inline=b"\x00\x05") + udp))
    add(mk(iphc(m=1, dam=0, inline=bytes.fromhex("ff0e0000000000000000000000000101")) + udp))
    add(mk(iphc(m=1, dam=1, inline=bytes.fromhex("0e00000abcde")) + udp))
    add(mk(iphc(m=1, dam=2, inline=bytes.fromhex("05001234")) + udp))
    add(mk(iphc(m=1, dam=3, inline=b"\x01") + udp, dst=(2, 0xFFFF)))
    for ports in (1, 2, 3):
        add(mk(iphc() + nhc_udp(0xF0B1, 0xF0B2, b"hello", ports=ports)))
    add(mk(iphc() + nhc_udp(40000, 9, b"hello", elide=True)))
    add(mk(iphc() + nhc_udp(5683, 5683, b"")))
    icmp = bytes(ICMPv6EchoRequest(id=7, seq=2) / Raw(b"ping"))
    add(mk(iphc(nh=58) + icmp))
    add(mk(iphc(nh=58) + icmp, **longs))
    add(mk(iphc(nh=6) + bytes(TCP(sport=40001, dport=9, flags="S", seq=1000))))
    add(mk(iphc(nh=17) + bytes(UDP(sport=40000, dport=9, len=13, chksum=0x1111)) + b"hello"))
    add(mk(iphc(nh=99) + b"opaque"))
    # fragments: a first with the compressed header, a later one with data
    add(mk(struct.pack(">HH", 0xC000 | 120, 0x0101) + iphc() + nhc_udp(40000, 9, b"A" * 20)))
    add(mk(struct.pack(">HHB", 0xE000 | 120, 0x0101, 4) + b"B" * 30))
    # mesh (short and long originator and final) and broadcast headers before IPHC
    add(mk(bytes([0xB5]) + struct.pack(">HH", 0x0010, 0x0020) + iphc() + udp))
    add(mk(bytes([0x83]) + struct.pack(">QQ", WPAN_LONG_B, WPAN_LONG_A) + iphc() + udp))
    add(mk(bytes([0x50, 0x2A]) + iphc() + udp))
    add(mk(b"\x00\x01\x02\x03"))
    add(mk(b""))
    add(wpan(b"", frame_type=2, fcs=fcs, ack=0, dst=(0, 0), src=(0, 0)))
    add(wpan(b"", frame_type=2, fcs=fcs, ack=0, pending=1, seq=200, dst=(0, 0), src=(0, 0)))
    if fcs:
        add(mk(iphc() + udp, bad_fcs=True))
        add(mk(b"\x41" + lowpan_udp6(), bad_fcs=True, **longs))
    for end in (1, 2, 3):
        add(mk(iphc() + udp)[:end])
    whole = mk(iphc(tf=0, hlim=0, sam=1, dam=1, inline=b"\xb8\x01\x23\x45\x07" + bytes(16)) + udp, **longs)
    for cut in range(1, len(whole)):
        add(whole, cut)
    plain = mk(b"\x41" + lowpan_udp6())
    for cut in (8, 9, 10, 20, 48, 50, 57, 60):
        add(plain, cut)
    return frames


def wpan_damageable(data):
    """The sequence number, PAN ID and addresses, and the 6LoWPAN bytes after them (the frame control stays, so every
    damaged frame keeps its layout); a damaged byte breaks the FCS."""
    return max(0, min(len(data), 9) - 2)


def lowpan_frag1(size, tag, data):
    """RFC 4944's first fragment header (11000, datagram size, tag) before data."""
    return struct.pack(">HH", 0xC000 | size, tag) + data


def lowpan_fragn(size, tag, offset, data):
    """RFC 4944's later fragment header (11100, datagram size, tag, offset in 8-byte units) before data."""
    return struct.pack(">HHB", 0xE000 | size, tag, offset) + data


def wpan_frag_frames():
    """6LoWPAN datagrams split over fragments, as tshark 4.0 reassembles them (key: 802.15.4 addresses and tag): a UDP
    datagram (IPHC with NHC UDP, 148 bytes rebuilt) in 2, 3 and 4 fragments, with long addresses and to the broadcast
    address, an ICMPv6 echo (inline next header) and uncompressed IPv6 in FRAG1; fragments out of order, interleaved
    datagrams, a missing fragment, a datagram one fragment makes whole, lying sizes (a first fragment holding more than
    its size, a size below an IPv6 header, a later fragment whose size ends the datagram early, sizes differing within
    one datagram, a size no fragment reaches), a repeated first fragment and one repeated after the datagram completed,
    overlapping fragments with the same and with other bytes, a second tail, a fragment past the end, a fragment from
    another address, a mesh header before FRAG1, a bad FCS and a fragment the capture cuts."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    payload = bytes(range(100))
    comp = iphc() + nhc_udp(40000, 9, b"")          # 9 bytes: rebuilt as 48, so 148 bytes in all with the payload
    first = comp + payload[:24]                      # rebuilds as 72 bytes
    longs = dict(dst=(3, WPAN_LONG_A), src=(3, WPAN_LONG_B))
    # two fragments; three; four (8-byte units: 72, 112)
    add(wpan(lowpan_frag1(148, 0x0100, first)))
    add(wpan(lowpan_fragn(148, 0x0100, 9, payload[24:])))
    add(wpan(lowpan_frag1(148, 0x0101, first), **longs))
    add(wpan(lowpan_fragn(148, 0x0101, 9, payload[24:64]), **longs))
    add(wpan(lowpan_fragn(148, 0x0101, 14, payload[64:]), **longs))
    add(wpan(lowpan_frag1(148, 0x0102, first), dst=(2, 0xFFFF)))
    add(wpan(lowpan_fragn(148, 0x0102, 9, payload[24:48]), dst=(2, 0xFFFF)))
    add(wpan(lowpan_fragn(148, 0x0102, 12, payload[48:80]), dst=(2, 0xFFFF)))
    add(wpan(lowpan_fragn(148, 0x0102, 16, payload[80:]), dst=(2, 0xFFFF)))
    # out of order, and two datagrams interleaved
    add(wpan(lowpan_fragn(148, 0x0103, 14, payload[64:])))
    add(wpan(lowpan_frag1(148, 0x0103, first)))
    add(wpan(lowpan_frag1(148, 0x0104, first)))
    add(wpan(lowpan_fragn(148, 0x0103, 9, payload[24:64])))
    add(wpan(lowpan_fragn(148, 0x0104, 9, payload[24:])))
    # ICMPv6 echo (108 bytes) and uncompressed IPv6 with UDP (148 bytes)
    echo = bytes(ICMPv6EchoRequest(id=7, seq=2) / Raw(bytes(range(60))))
    add(wpan(lowpan_frag1(40 + len(echo), 0x0105, iphc(nh=58) + echo[:32])))
    add(wpan(lowpan_fragn(40 + len(echo), 0x0105, 9, echo[32:])))
    ip6 = bytes(IPv6(src="fe80::1", dst="fe80::2") / UDP(sport=1, dport=9) / Raw(payload))
    add(wpan(lowpan_frag1(len(ip6), 0x0106, b"\x41" + ip6[:64])))
    add(wpan(lowpan_fragn(len(ip6), 0x0106, 8, ip6[64:])))
    # a missing middle fragment; a datagram whole in its first fragment
    add(wpan(lowpan_frag1(148, 0x0107, first)))
    add(wpan(lowpan_fragn(148, 0x0107, 14, payload[64:])))
    add(wpan(lowpan_frag1(72, 0x0108, first)))
    # lying sizes: more than the size, below an IPv6 header, an early end, sizes that differ, a size never reached
    add(wpan(lowpan_frag1(71, 0x0109, first)))
    add(wpan(lowpan_frag1(30, 0x010A, first)))
    add(wpan(lowpan_frag1(148, 0x010B, first)))
    add(wpan(lowpan_fragn(100, 0x010B, 9, payload[24:64])))
    add(wpan(lowpan_fragn(148, 0x010B, 14, payload[64:])))
    add(wpan(lowpan_frag1(148, 0x010C, first)))
    add(wpan(lowpan_fragn(140, 0x010C, 9, payload[24:64])))
    add(wpan(lowpan_fragn(148, 0x010C, 14, payload[64:])))
    add(wpan(lowpan_frag1(200, 0x010D, first)))
    add(wpan(lowpan_fragn(200, 0x010D, 9, payload[24:])))
    # a repeated first fragment; a later fragment repeated after the datagram completed
    add(wpan(lowpan_frag1(148, 0x010E, first)))
    add(wpan(lowpan_frag1(148, 0x010E, first)))
    add(wpan(lowpan_fragn(148, 0x010E, 9, payload[24:])))
    add(wpan(lowpan_fragn(148, 0x010E, 9, payload[24:])))
    # overlaps: a fragment inside another with other bytes, one half over another with the same bytes
    add(wpan(lowpan_frag1(148, 0x010F, first)))
    add(wpan(lowpan_fragn(148, 0x010F, 12, b"X" * 52)))
    add(wpan(lowpan_fragn(148, 0x010F, 9, payload[24:])))
    add(wpan(lowpan_frag1(148, 0x0110, first)))
    add(wpan(lowpan_fragn(148, 0x0110, 11, payload[40:])))
    add(wpan(lowpan_fragn(148, 0x0110, 9, payload[24:64])))
    # a second tail ending elsewhere, then a fragment reaching past the end the first tail set
    add(wpan(lowpan_fragn(140, 0x0111, 14, payload[64:92])))
    add(wpan(lowpan_fragn(148, 0x0111, 14, payload[64:])))
    add(wpan(lowpan_fragn(148, 0x0111, 9, payload[24:64] + b"YYYYYYYY")))
    add(wpan(lowpan_frag1(148, 0x0111, first)))
    # the same tag from another source; a mesh header before FRAG1; a bad FCS, then the fragment again
    add(wpan(lowpan_frag1(148, 0x0112, first)))
    add(wpan(lowpan_fragn(148, 0x0112, 9, payload[24:]), src=(2, 0x0003)))
    add(wpan(bytes([0xB5]) + struct.pack(">HH", 0x0010, 0x0020) + lowpan_frag1(148, 0x0113, first)))
    add(wpan(bytes([0xB5]) + struct.pack(">HH", 0x0010, 0x0020) + lowpan_fragn(148, 0x0113, 9, payload[24:])))
    add(wpan(lowpan_frag1(148, 0x0114, first)))
    add(wpan(lowpan_fragn(148, 0x0114, 9, payload[24:]), bad_fcs=True))
    add(wpan(lowpan_fragn(148, 0x0114, 9, payload[24:])))
    # the capture cuts a later fragment, and a first one
    add(wpan(lowpan_frag1(148, 0x0115, first)))
    add(wpan(lowpan_fragn(148, 0x0115, 9, payload[24:])), 30)
    add(wpan(lowpan_frag1(148, 0x0116, first)), 40)
    add(wpan(lowpan_fragn(148, 0x0116, 9, payload[24:])))
    return frames


def wpan_phy(frame, length=None, preamble=0, sfd=0xA7):
    """The non-ASK PHY header: 4-byte preamble (little-endian), SFD, PHR (reserved bit and 7-bit length)."""
    return struct.pack("<IBB", preamble, sfd, len(frame) if length is None else length) + frame


def wpan_nonask_frames():
    """802.15.4 frames behind the non-ASK PHY header (link type 215): 6LoWPAN IPHC and uncompressed IPv6, long addresses,
    an acknowledgement, a bad FCS, a fragmented datagram, the PHR's reserved bit set, a PHR shorter and longer than the
    frame and of 0 and 1, frames of 4 and 5 bytes and cuts at every length through the header."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    longs = dict(dst=(3, WPAN_LONG_A), src=(3, WPAN_LONG_B))
    udp = iphc() + nhc_udp(40000, 9, b"hello")
    plain = wpan(udp)
    add(wpan_phy(plain))
    add(wpan_phy(wpan(b"\x41" + lowpan_udp6())))
    add(wpan_phy(wpan(udp, **longs), preamble=0x01020304, sfd=0x7A))
    add(wpan_phy(wpan(b"", frame_type=2, ack=0, dst=(0, 0), src=(0, 0))))
    add(wpan_phy(wpan(udp, bad_fcs=True)))
    payload = bytes(range(100))
    add(wpan_phy(wpan(lowpan_frag1(148, 0x0200, iphc() + nhc_udp(40000, 9, b"") + payload[:24]))))
    add(wpan_phy(wpan(lowpan_fragn(148, 0x0200, 9, payload[24:]))))
    add(wpan_phy(plain, length=0x80 | len(plain)))
    add(wpan_phy(plain, length=10))
    add(wpan_phy(plain, length=len(plain) - 2))
    add(wpan_phy(plain, length=0x7F))
    add(wpan_phy(plain, length=0))
    add(wpan_phy(plain, length=1))
    add(wpan_phy(plain)[:4])
    add(wpan_phy(plain)[:5])
    whole = wpan_phy(plain)
    for cut in (1, 4, 5, 6, 7, 8, 12, 15, 20, len(whole) - 2, len(whole) - 1):
        add(whole, cut)
    return frames


def gprs_crc24(data):
    """GPRS LLC's FCS: the complement of the reflected CRC-24 (polynomial 0xBBA1B5, reflected 0xAD85DD) from all ones."""
    crc = 0xFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xAD85DD if crc & 1 else crc >> 1
    return ~crc & 0xFFFFFF


def gprs_llc(address, control, info=b"", bad_fcs=False, covered=None):
    """A GPRS LLC frame: address, control and information, then the FCS over the frame (or its first covered bytes),
    least significant byte first, broken when asked."""
    body = bytes([address]) + control + info
    fcs = gprs_crc24(body if covered is None else body[:covered])
    if bad_fcs:
        fcs ^= 0x5A
    return body + struct.pack("<I", fcs)[:3]


def llc_ui(nu, e=0, pm=1):
    return struct.pack(">H", 0xC000 | (nu << 2) | (e << 1) | pm)


def llc_i(ns, nr, s1s2=0, a=0):
    return struct.pack(">I", (a << 30) | (ns << 20) | (nr << 10) | (s1s2 << 8))[:3]


def llc_s(nr, s1s2=0, a=0):
    return struct.pack(">H", 0x8000 | (a << 13) | (nr << 2) | s1s2)


def sn_unitdata(nsapi, payload, first=1, more=0, segment=0, npdu=1, comp=0):
    """An SN-UNITDATA PDU: address (F, T set, M, NSAPI), a first segment's compression byte, segment and N-PDU numbers."""
    head = bytes([0x20 | (first << 6) | (more << 4) | nsapi]) + (bytes([comp]) if first else b"")
    return head + struct.pack(">H", (segment << 12) | npdu) + payload


def sn_data(nsapi, payload, first=1, more=0, npdu=1, comp=0):
    """An SN-DATA PDU: address (F, M, NSAPI), a first segment's compression byte and N-PDU number."""
    return bytes([(first << 6) | (more << 4) | nsapi]) + (bytes([comp, npdu]) if first else b"") + payload


def gprs_llc_frames():
    """UI frames with SN-UNITDATA carrying IPv4 and IPv6 UDP, TCP and ICMP on the four user-data SAPIs, command and
    response; I frames with SN-DATA (one with a SACK bitmap); bad FCSs, PM clear, ciphered UI frames, compressed N-PDUs;
    segments tshark cannot reassemble (each its own N-PDU number) and a one-segment N-PDU it can; a bogus IP version,
    an empty N-PDU, SNDCP headers the FCS cuts; other SAPIs (data), TOM envelopes on SAPIs 2 and 8, S frames of each
    function with a SACK bitmap, U frames (DM, DISC, UA, SABM and XID with XID parameters, FRMR, NULL, an unknown code);
    an address with PD and another bit set, and PD alone; short frames and cuts. No I, S or UI frame on SAPIs 1 and 7
    (tshark hands them to GSM DTAP) and no layer-3 XID parameters (SNDCP XID): RawNet decodes neither."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    payloads = [udp4(), tcp4(), echo4(), udp6(), tcp6(), echo6()]
    for i, payload in enumerate(payloads):
        add(gprs_llc([0x03, 0x45, 0x09, 0x4B, 0x03, 0x05][i], llc_ui(i + 1), sn_unitdata(5 + i, payload, npdu=i + 1)))
    add(gprs_llc(0x03, llc_i(16, 129), sn_data(5, udp4(), npdu=9)))
    add(gprs_llc(0x45, llc_i(17, 130, a=1), sn_data(6, tcp6(), npdu=10)))
    add(gprs_llc(0x03, llc_i(18, 131, s1s2=3), b"\x01\xf0\x0f" + sn_data(5, echo4(), npdu=11)))
    add(gprs_llc(0x03, llc_i(19, 132, s1s2=1), sn_data(5, udp6(), npdu=12)))
    add(gprs_llc(0x03, llc_ui(20), sn_unitdata(5, udp4()), bad_fcs=True))
    add(gprs_llc(0x03, llc_ui(21, pm=0), sn_unitdata(5, tcp4()), covered=7))
    add(gprs_llc(0x03, llc_ui(22, pm=0), sn_unitdata(5, tcp4())))
    add(gprs_llc(0x03, llc_ui(23, e=1), sn_unitdata(5, udp4())))
    add(gprs_llc(0x03, llc_ui(24, e=1, pm=0), sn_unitdata(5, udp4()), bad_fcs=True))
    add(gprs_llc(0x03, llc_ui(25), sn_unitdata(5, udp4(), comp=0x10)))
    add(gprs_llc(0x03, llc_ui(26), sn_unitdata(5, udp4(), comp=0x02)))
    add(gprs_llc(0x03, llc_i(20, 133), sn_data(5, udp4(), comp=0x21)))
    add(gprs_llc(0x03, llc_ui(27), sn_unitdata(5, udp4()[:20], more=1, npdu=100)))
    add(gprs_llc(0x03, llc_ui(28), sn_unitdata(5, udp4()[20:], first=0, more=1, segment=2, npdu=101)))
    add(gprs_llc(0x03, llc_ui(29), sn_unitdata(5, udp4()[20:], first=0, segment=3, npdu=102)))
    add(gprs_llc(0x03, llc_ui(30), sn_unitdata(5, udp4(), first=0, segment=0, npdu=103)))
    add(gprs_llc(0x03, llc_i(21, 134), sn_data(5, tcp4()[:20], more=1, npdu=104)))
    add(gprs_llc(0x03, llc_i(22, 135), sn_data(5, tcp4()[20:], first=0)))
    add(gprs_llc(0x03, llc_ui(31), sn_unitdata(5, b"\x55\x00\x00\x14")))
    add(gprs_llc(0x03, llc_ui(32), sn_unitdata(5, b"")))
    add(gprs_llc(0x03, llc_ui(33), sn_unitdata(5, b"", more=1, npdu=105)))
    add(gprs_llc(0x03, llc_ui(34), b"\x65\x00"))
    add(gprs_llc(0x03, llc_ui(35), b"\x45"))
    add(gprs_llc(0x03, llc_i(23, 136), b""))
    for sapi in (0x00, 0x04, 0x0C, 0x4F):
        add(gprs_llc(sapi, llc_ui(36), b"\x01\x02\x03\x04"))
    add(gprs_llc(0x02, llc_ui(37), b"\x21\x02\x03\x04\x05"))
    add(gprs_llc(0x08, llc_i(24, 137), b"\xf1\x09\x08"))
    add(gprs_llc(0x02, llc_s(5), b"\x00\xaa\xbb"))
    add(gprs_llc(0x48, llc_ui(38, e=1), b"\x21\x02\x03"))
    for s1s2 in range(4):
        add(gprs_llc(0x03, llc_s(7 + s1s2, s1s2=s1s2, a=s1s2 & 1)))
    add(gprs_llc(0x43, llc_s(11, s1s2=3), b"\x80\x01\xff"))
    add(gprs_llc(0x03, llc_s(12), sn_unitdata(5, udp4())))
    for control in (b"\xe1", b"\xe4", b"\xf4", b"\xe6", b"\xe0", b"\xe5", b"\xef", b"\xf7"):
        add(gprs_llc(0x41, control))
    add(gprs_llc(0x01, b"\xeb", b"\x05\x00\x01\x06\x05\xdc\x0d\x0a\x18\x10\x00\x00\x00"))
    add(gprs_llc(0x41, b"\xe6", b"\x01\x01\x1c\x01\x02\x03\x04"))
    add(gprs_llc(0x41, b"\xf7", b"\x81\x1c\x01\x02\x03\x04\x05\x06\x07"))
    add(gprs_llc(0x01, b"\xeb", b"\x0e"))
    add(gprs_llc(0x01, b"\xeb", b"\x07\x01"))
    add(gprs_llc(0x01, b"\xeb", b"\x82"))
    add(gprs_llc(0x01, b"\xe8", b"\x01\x02\x03\x04\x05\x06\x12\x34\x56\x7f"))
    add(gprs_llc(0x01, b"\xe8", b"\x01\x02\x03\x04"))
    add(gprs_llc(0x83, llc_ui(39), sn_unitdata(5, udp4())))
    add(gprs_llc(0xC5, llc_ui(40), sn_unitdata(5, udp4())))
    add(gprs_llc(0x80, llc_ui(41), b"\x01\x02"))
    for data in (b"\x03", b"\x03\xc0", b"\x03\xc0\x04", b"\x03\xc0\x04\x01", b"\x03\xc0\x04\x01\x02", b"\x41\xe1",
                 b"\x41\xe1\x00", b"\x03\x01\x02", b"\x03\x01\x02\x07", b"\x03\x80\x07", b"\x03\x80\x07\x00", b"\x01\xeb\x00"):
        add(data)
    whole = gprs_llc(0x03, llc_ui(42), sn_unitdata(5, udp4()))
    for cut in (1, 2, 3, 4, 5, 6, 7, 8, 10, 20, 30, 40, len(whole) - 2):
        add(whole, cut)
    sack = gprs_llc(0x03, llc_i(25, 138, s1s2=3), b"\x02\xf0\x0f\x55" + sn_data(5, udp6(), npdu=13))
    for cut in (4, 5, 6, 8, 30):
        add(sack, cut)
    return frames


# What a damaged GPRS LLC address becomes: the user-data SAPIs, data, TOM, the PD bit alone and with others; never
# SAPIs 1 and 7, whose I, S and UI frames tshark hands to GSM DTAP, which RawNet does not decode.
GPRS_LLC_ADDRESSES = [0x03, 0x43, 0x05, 0x09, 0x0B, 0x00, 0x02, 0x08, 0x0C, 0x80, 0x83, 0xC5]


def gprs_llc_damageable(data):
    """The address byte (see damage: one of GPRS_LLC_ADDRESSES), which breaks the FCS."""
    return 1 if data else 0


def xra(packet_type, tlvs, payload, version=1, tlv_length=None):
    """An Excentis XRA-31 header: version, direction and packet type (one byte), the TLVs' length (unless given), the
    TLVs (type, length, value; raw bytes when given so), then the payload."""
    body = tlvs if isinstance(tlvs, bytes) else b"".join(bytes([t, len(v)]) + v for t, v in tlvs)
    return bytes([version, packet_type]) + struct.pack(">H", len(body) if tlv_length is None else tlv_length) + body + payload


def xra_frames():
    """The DOCSIS packet types (SC-QAM and OFDM DOCSIS, PLC MMM, fine ranging, OFDMA REQ, US DOCSIS) before DOCSIS data
    PDUs carrying IPv4 and IPv6 UDP, TCP and ICMP, one with an extended header; every TLV type RawNet shows (channel IDs,
    frequency, modulation, annex, profile, NCP truncation and symbol IDs, SID, IUC, burst ID, UCD parity, grant size, a
    segment header absent, OFDMA frames, timing adjust negative and positive, subslot, control word) and unknown ones;
    a TDMA burst, a probing sequence and an unknown packet type; TLVs past the frame or past their length, an empty
    payload, short frames and cuts. No PLC, NCP, OFDMA segment or initial ranging payloads and no codeword, burst or
    minislot info, MER or power level TLVs (RawNet decodes none of them)."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    payloads = [ether(0x0800, udp4()), ether(0x0800, tcp4()), ether(0x0800, echo4()), ether(0x86DD, udp6()),
                ether(0x86DD, tcp6()), ether(0x86DD, echo6())]
    tlvs = [
        [(1, b"\x05"), (2, struct.pack(">I", 602000000)), (3, b"\x01"), (4, b"\x01")],
        [(5, b"\x02")],
        [(7, b"\x00"), (8, struct.pack(">I", 16)), (8, struct.pack(">I", 17))],
        [(19, b"\x00\x02"), (20, struct.pack(">i", -12)), (22, struct.pack(">I", 1)), (23, b"\x03")],
        [],
        [(10, b"\x03"), (11, b"\x12\x34"), (12, b"\x05"), (13, bytes(range(1, 9))), (200, b"\x01\x02")],
    ]
    for i, packet_type in enumerate((1, 8, 11, 74, 75, 80)):
        add(xra(packet_type, tlvs[i], docsis(0, payloads[i])))
    add(xra(1, [(1, b"\x07")], docsis(0, payloads[3], ehdr=b"\x43\x12\x34\x56")))
    add(xra(80, [(16, b"\x01"), (17, struct.pack(">I", 256)), (20, struct.pack(">i", 300))], docsis(0, payloads[1])))
    add(xra(65, [(18, b"\x00"), (10, b"\x01")], docsis(0, payloads[0])))
    add(xra(76, [], docsis(0, payloads[0])))
    add(xra(99, [(1, b"\x01")], b"\x01\x02\x03"))
    add(xra(0x81, [], docsis(0, payloads[0])))
    add(xra(1, [(201, b""), (0, b"\x00")], docsis(0, payloads[2])))
    add(xra(1, [], b""))
    add(xra(8, [(1, b"\x05")], b""))
    add(xra(1, [(1, b"\x05")], docsis(0, payloads[0]), tlv_length=200))
    add(xra(1, b"\x01\x05\x00", docsis(0, payloads[0])))
    add(xra(1, b"\x01", docsis(0, payloads[0])))
    add(xra(1, [(1, b"\x05")], docsis(0, payloads[0])[:3]))
    add(xra(1, [(1, b"\x05")], docsis(0, b"", length=0)))
    for data in (b"\x01", b"\x01\x01", b"\x01\x01\x00"):
        add(data)
    whole = xra(1, [(1, b"\x05"), (2, struct.pack(">I", 602000000))], docsis(0, payloads[0]))
    for cut in (1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 15, 16, 20, 30, 60):
        add(whole, cut)
    return frames


def wpan_nonask_damageable(data):
    """The preamble, SFD and PHR."""
    return min(len(data), 6)


def wpan_tap_tlv(kind, value):
    """A TAP TLV: type and length (little-endian), the value padded with zeros to 4 bytes."""
    return struct.pack("<HH", kind, len(value)) + value + bytes((-len(value)) % 4)


def wpan_tap(frame, tlvs, version=0, length=None):
    """The TAP header (version, reserved, length of header and TLVs, little-endian) and TLVs before the frame."""
    body = b"".join(tlvs)
    return struct.pack("<BBH", version, 0, 4 + len(body) if length is None else length) + body + frame


def wpan_tap_frames():
    """802.15.4 frames behind a TAP header (link type 283): FCS type 16-bit and none, no FCS-type TLV (the FCS read as
    payload), channel, LQI, bit rate, timestamp, ASN, timeslot and RSS TLVs, an unknown TLV, a bad FCS, a fragmented
    datagram, an FCS type that is none of 0 to 2, version 1, a length past the frame and below the header, frames of 1
    to 3 bytes and cuts through the header and frame."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    udp = iphc() + nhc_udp(40000, 9, b"hello")
    fcs16, nofcs = wpan_tap_tlv(0, b"\x01"), wpan_tap_tlv(0, b"\x00")
    plain = wpan(udp)
    add(wpan_tap(plain, [fcs16]))
    add(wpan_tap(wpan(udp, fcs=False), [nofcs]))
    add(wpan_tap(plain, []))
    add(wpan_tap(wpan(b"\x41" + lowpan_udp6(), dst=(3, WPAN_LONG_A), src=(3, WPAN_LONG_B)),
                 [fcs16, wpan_tap_tlv(3, struct.pack("<HB", 11, 0)), wpan_tap_tlv(10, b"\xd0")]))
    add(wpan_tap(plain, [wpan_tap_tlv(1, struct.pack("<f", -42.5)), wpan_tap_tlv(2, struct.pack("<I", 250000)), fcs16,
                         wpan_tap_tlv(5, struct.pack("<Q", 1700000000123456789)), wpan_tap_tlv(6, struct.pack("<Q", 1700000000123556789)),
                         wpan_tap_tlv(7, struct.pack("<Q", 123456)), wpan_tap_tlv(8, struct.pack("<Q", 1700000000123000000)),
                         wpan_tap_tlv(9, struct.pack("<I", 10000))]))
    add(wpan_tap(plain, [fcs16, wpan_tap_tlv(99, b"abc"), wpan_tap_tlv(200, b"")]))
    add(wpan_tap(wpan(udp, bad_fcs=True), [fcs16]))
    add(wpan_tap(wpan(b"", frame_type=2, ack=0, dst=(0, 0), src=(0, 0)), [fcs16]))
    payload = bytes(range(100))
    add(wpan_tap(wpan(lowpan_frag1(148, 0x0300, iphc() + nhc_udp(40000, 9, b"") + payload[:24])), [fcs16]))
    add(wpan_tap(wpan(lowpan_fragn(148, 0x0300, 9, payload[24:])), [fcs16]))
    add(wpan_tap(plain, [wpan_tap_tlv(0, b"\x03")]))
    add(wpan_tap(plain, [fcs16], version=1))
    add(wpan_tap(plain, [fcs16], length=200))
    add(wpan_tap(b"", [fcs16]))
    for end in (1, 2, 3):
        add(wpan_tap(plain, [fcs16])[:end])
    whole = wpan_tap(plain, [fcs16])
    for cut in (1, 3, 4, 8, 11, 12, 13, 20, len(whole) - 2, len(whole) - 1):
        add(whole, cut)
    return frames


def wpan_tap_damageable(data):
    """The version and reserved bytes."""
    return min(len(data), 2)
# What a damaged XRA packet type becomes: the DOCSIS ones, a TDMA burst, a probing sequence and unknown types; never
# PLC, NCP, an OFDMA data burst or initial ranging, whose payloads RawNet does not decode.
XRA_TYPES = [1, 8, 11, 74, 75, 80, 65, 76, 99, 0x81]


def xra_damageable(data):
    """The packet type byte (see damage: one of XRA_TYPES)."""
    return 1 if len(data) >= 2 else 0


def main():
    outdir = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else None
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(seed)
    files = {
        "nflog.pcap": (239, nflog_frames(), nflog_damageable),
        "ipnet.pcap": (226, ipnet_frames(), ipnet_damageable),
        "ipoib.pcap": (242, ipoib_frames(), ipoib_damageable),
        "pktap.pcap": (258, pktap_frames(), pktap_damageable),
        # last, so the damaged files above keep the bytes they had before these were added
        "arcnet.pcap": (129, arcnet_frames(), arcnet_damageable),
        "juniper-ether.pcap": (178, juniper_frames(), juniper_damageable),
        "ap1394.pcap": (138, ap1394_frames(), ap1394_damageable),
        "ipfc.pcap": (122, ipfc_frames(), ipfc_damageable),
        "pflog.pcap": (117, pflog_frames(), pflog_damageable),
        "enc.pcap": (109, enc_frames(), enc_damageable),
        "netanalyzer.pcap": (240, netanalyzer_frames(), netanalyzer_damageable),
        "netanalyzer-transparent.pcap": (241, netanalyzer_transparent_frames(), netanalyzer_damageable),
        "erf.pcap": (197, erf_frames(), erf_damageable),
        "fpp.pcap": (274, fpp_frames(), fpp_damageable),
        "sunatm.pcap": (123, sunatm_frames(), sunatm_damageable),
        "juniper-pppoe.pcap": (167, juniper_link_frames("pppoe"), juniper_damageable),
        "juniper-ppp.pcap": (179, juniper_link_frames("ppp"), juniper_ppp_damageable),
        "juniper-frelay.pcap": (180, juniper_link_frames("frelay"), juniper_frelay_damageable),
        "juniper-chdlc.pcap": (181, juniper_link_frames("chdlc"), juniper_damageable),
        "juniper-vp.pcap": (183, juniper_link_frames("vp"), juniper_damageable),
        "arcnet-bsd.pcap": (7, arcnet_bsd_frames(), arcnet_bsd_damageable),
        "docsis.pcap": (143, docsis_frames(), docsis_damageable),
        "ax25.pcap": (3, ax25_frames(), ax25_damageable),
        "ax25-kiss.pcap": (202, ax25_kiss_frames(), ax25_kiss_damageable),
        "juniper-mlppp.pcap": (130, juniper_pic_frames("mlppp"), juniper_pic_damageable),
        "juniper-mlfr.pcap": (131, juniper_pic_frames("mlfr"), juniper_pic_damageable),
        "juniper-ggsn.pcap": (133, juniper_pic_frames("ggsn"), juniper_pic_damageable),
        "juniper-atm2.pcap": (135, juniper_pic_frames("atm2"), juniper_pic_damageable),
        "juniper-services.pcap": (136, juniper_pic_frames("services"), juniper_pic_damageable),
        "juniper-atm1.pcap": (137, juniper_pic_frames("atm1"), juniper_pic_damageable),
        "vpp.pcap": (280, vpp_frames(), vpp_damageable),
        "exported-pdu.pcap": (252, exported_pdu_frames(), exported_pdu_damageable),
        "gfp.pcap": (171, gfp_frames(), gfp_damageable),
        "gfp-transparent.pcap": (170, gfp_transparent_frames(), gfp_damageable),
        "ebhscr.pcap": (279, ebhscr_frames(), ebhscr_damageable),
        "wpan.pcap": (195, wpan_frames(), wpan_damageable),
        "wpan-nofcs.pcap": (230, wpan_frames(fcs=False), wpan_damageable),
        "wpan-frag.pcap": (195, wpan_frag_frames(), wpan_damageable),
        "wpan-nonask.pcap": (215, wpan_nonask_frames(), wpan_nonask_damageable),
        "wpan-tap.pcap": (283, wpan_tap_frames(), wpan_tap_damageable),
        "gprs-llc.pcap": (169, gprs_llc_frames(), gprs_llc_damageable),
        "xra.pcap": (273, xra_frames(), xra_damageable),
        "symantec.pcap": (99, symantec_frames(), symantec_damageable),
        # other numbers of link types above: OpenBSD's DLT_ENC (13), NetBSD's DLT_HDLC (112, Cisco HDLC)
        "enc-dlt13.pcap": (13, enc_frames(), enc_damageable),
        "chdlc-dlt112.pcap": (112, link_cases.chdlc_frames(), chdlc_alias_damageable),
        "redback.pcap": (32, redback_frames(), redback_damageable),
        "juniper-vn.pcap": (184, juniper_vn_frames(), juniper_vn_damageable),
        "juniper-st.pcap": (200, juniper_st_frames(), juniper_damageable),
    }
    for name, (linktype, frames, damageable) in files.items():
        if seed is not None:
            frames = damage(frames, rng, damageable)
        write(os.path.join(outdir, name), linktype, frames)


if __name__ == "__main__":
    main()
