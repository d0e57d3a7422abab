#!/usr/bin/python3
"""Writes captures of the point-to-point link layers and MPLS for the tshark and tcpdump oracles of RawNet's decoding.

    make-link-cases.py OUTDIR          # the fixed cases: one pcap per link type, named below
    make-link-cases.py OUTDIR SEED     # the same frames with random bytes of their link headers changed

Files: ppp.pcap (LINKTYPE_PPP, 9), ppp-hdlc.pcap (LINKTYPE_PPP_HDLC, 50) and ppp-dir.pcap (LINKTYPE_PPP_WITH_DIR, 204):
IPv4 and IPv6 with and without address and control, with protocol field compression, control protocols (LCP, IPCP,
IP6CP) without options, named and unknown protocols, damaged headers (an address alone, no protocol), and a frame cut
by the capture at every length through its PPP and IPv4 headers. Every timestamp starts at 2023-11-14 22:13:20 UTC and
steps 1 ms per packet. chdlc.pcap (LINKTYPE_C_HDLC, 104): IPv4, IPv6, SLARP requests, replies, keepalives with and
without uptime and with trailing bytes, an unknown SLARP type, ARP and an unknown protocol, damaged headers and cuts
through Cisco HDLC, IPv4 and a keepalive. mpls.pcap (Ethernet): label stacks of one to four labels, the reserved labels,
payloads both oracles guess alike and one they guess differently, MPLS under a VLAN tag, stacks that never end (one of 40
labels), nothing after the bottom label, and a stack cut at every length; MPLS also rides in the PPP and Cisco HDLC files.
llc.pcap (Ethernet, 802.3 length field): SNAP with IPv4, IPv6, ARP, an unknown EtherType and an unknown OUI, SNAP
after a numbered control field and after a UI with the poll bit, IP on its own SAP, unnumbered frames of every command
tcpdump names (and one it does not) with poll and final bits, XID in the basic format (cut at each byte) and
TEST frames, SNAP with OUIs tshark names and ones nobody holds, information and supervisory frames, SAPs tcpdump names and
ones it does not, SAPs that differ and group addresses, frames padded to 60 bytes, lengths shorter and longer than the
frame, an 802.3 frame under a VLAN tag, and damaged headers and cuts at every length through LLC, SNAP and IPv4 (no SNAP
with the group or response bit set: tcpdump takes it for SNAP, tshark not). pppoe.pcap (Ethernet, PPPoE session
stage): IPv4 and IPv6 behind a compressed (one-byte) and an uncompressed PPP protocol field, a declared length longer
and shorter than the frame, frames shorter than a session header (tcpdump's "(length N < 6) (invalid)") and cut by the
capture at every length through PPPoE and IPv4 (the seeds damage the PPPoE header). macsec.pcap (Ethernet, 802.1AE): see macsec_frames. nsh.pcap (Ethernet, RFC 8300): see nsh_frames.
arista.pcap (Ethernet, Arista's vendor-specific EtherType 0xD28B): see arista_frames.
tokenring.pcap (LINKTYPE_IEEE802_5, 6): see tokenring_frames. llc-bridged.pcap, atm-bridged.pcap and frelay-bridged.pcap
(802.3, 100, 107): MAC frames bridged behind SNAP's OUI 00-80-C2, see llc_bridged_frames and carried_bridged_frames. fddi.pcap (LINKTYPE_FDDI, 10): see fddi_frames. atm-rfc1483.pcap
(LINKTYPE_ATM_RFC1483, 100): see atm_frames. llc-more.pcap, tokenring-more.pcap and atm-more.pcap (the leftovers of those
three: IPv6 on IP's SAP, tcpdump's SNAP names, Token Ring's routing strings and MAC frames, ATM's Cisco NLPID and Fore
header): see llc_more_frames, tokenring_more_frames, atm_more_frames.
ppp-control.pcap (LINKTYPE_PPP):
LCP, IPCP and IPv6CP packets of every code with the options tshark reads, hostile option and packet lengths, and a
Configure-Request cut at every length; see ppp_control_frames (its seeds damage the control packet, not the PPP header).
ppp-auth.pcap (LINKTYPE_PPP): PAP and CHAP, see ppp_auth_frames; pppoe-auth.pcap (Ethernet): a PPPoE client's LCP, IPCP,
PAP and CHAP, see pppoe_auth_frames (the seeds of both damage the packet after the PPP protocol). stp.pcap (802.3):
spanning tree BPDUs on LLC and behind SNAP, see stp_frames (its seeds damage the BPDU). garp.pcap (802.3): GVRP and GMRP
PDUs on the same SAP, see garp_frames (its seeds damage the PDU); tokenring-garp.pcap (LINKTYPE_IEEE802_5): the same
behind Token Ring, see tokenring_garp_frames. ppp-pppd.pcap (LINKTYPE_PPP_PPPD, 166), chdlc-dir.pcap
(LINKTYPE_C_HDLC_WITH_DIR, 205), frelay-dir.pcap (LINKTYPE_FRELAY_WITH_DIR, 206) and mpls-raw.pcap (LINKTYPE_MPLS, 219):
link types tshark 4.0's reader refuses; see pppd_frames, chdlc_dir_frames, frelay_dir_frames, mpls_raw_frames.
trailer-cuts.pcap (Ethernet) and trailer-cuts-sll.pcap (LINKTYPE_LINUX_SLL,
113): captures cut in the trailer after what the header carries, and IPv6 behind EtherType 0x0800; see trailer_frames and
trailer_sll_frames (a seed writes neither). null-ipv6.pcap (LINKTYPE_NULL, 0) and frelay-ipv6.pcap (107): IPv6 where
AF_INET and NLPID 0xCC name IPv4, whole and cut through its headers (see sniffed_ipv6_frames; no damaged variants).
geneve.pcap (Ethernet, UDP 6081): Geneve, see geneve_frames (its seeds damage the header but its protocol type).
mpls-udp.pcap (Ethernet, UDP 6635): MPLS in UDP, see mpls_udp_frames.
sflow.pcap (Ethernet, UDP 6343): sFlow datagrams and their sampled headers, see sflow_frames (no damaged variants).
frelay-circuits.pcap (107): conversations across Frame Relay DLCIs, see frelay_circuit_frames (no damaged variants).
Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import os
import random
import struct
import sys

from scapy.layers.inet import ICMP, IP, TCP, UDP
from scapy.packet import Raw
from scapy.layers.inet6 import ICMPv6EchoRequest, ICMPv6MLDMultAddrRec, ICMPv6MLQuery2, ICMPv6MLReport2, IPv6, IPv6ExtHdrHopByHop, RouterAlert
from scapy.layers.dot11 import Dot11
from scapy.layers.l2 import ARP, LLC, SNAP

T0 = 1700000000
A, B = "198.18.0.1", "198.18.0.2"
A6, B6 = "2001:db8::1", "2001:db8::2"


def write(path, linktype, frames):
    """A microsecond pcap of (bytes, caplen or None), 1 ms apart."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def udp4(payload=b"hello"):
    return bytes(IP(src=A, dst=B, id=1) / UDP(sport=40000, dport=9) / Raw(payload))


def udp6(payload=b"hello"):
    return bytes(IPv6(src=A6, dst=B6) / UDP(sport=40000, dport=9) / Raw(payload))


def tcp4():
    return bytes(IP(src=A, dst=B, id=2) / TCP(sport=40001, dport=9, flags="S", seq=1000, options=[("MSS", 1460)]))


def echo4():
    return bytes(IP(src=B, dst=A, id=3) / ICMP(type=8, id=7, seq=1) / Raw(b"ping"))


def control(code, ident, data=b""):
    """A PPP control protocol packet (RFC 1661 5): code, identifier, length, data."""
    return struct.pack(">BBH", code, ident, 4 + len(data)) + data


ADDRESS_CONTROL = b"\xff\x03"


def ppp_frames():
    """PPP frames as LINKTYPE_PPP and LINKTYPE_PPP_HDLC carry them (address and control, when present, first)."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    for prefix in (ADDRESS_CONTROL, b""):
        add(prefix + b"\x00\x21" + udp4())
        add(prefix + b"\x00\x57" + udp6())
        add(prefix + b"\x21" + tcp4())          # protocol field compression
        add(prefix + b"\x00\x21" + echo4())
        add(prefix + b"\xc0\x21" + control(1, 1))
        add(prefix + b"\xc0\x21" + control(5, 2))
        add(prefix + b"\x80\x21" + control(1, 3))
        add(prefix + b"\x80\x57" + control(2, 4))
        add(prefix + b"\xc0\x25" + b"quality!")   # named, not decoded by tcpdump
        add(prefix + b"\x12\x34" + b"abc")        # unknown
        add(prefix + b"\x02\x81" + label(16, bottom=True) + udp4())   # MPLS
    # Cisco HDLC on the PPP link types (tshark tells it by its address; tcpdump only on LINKTYPE_PPP_HDLC)
    add(CHDLC_UNICAST + b"\x08\x00" + udp4())
    add(CHDLC_MULTICAST + b"\x80\x35" + slarp(2, 5, 6, b"\xff\xff"))
    # damaged: an address alone, address and control alone, no whole protocol, no IPv4 after the protocol, IPv4 cut
    add(b"\xff")
    add(ADDRESS_CONTROL)
    add(ADDRESS_CONTROL + b"\x00")
    add(ADDRESS_CONTROL + b"\x00\x21")
    add(ADDRESS_CONTROL + b"\x00\x21" + udp4()[:12])
    # the capture cutting a frame at every length through PPP and IPv4, and after the UDP header
    whole = ADDRESS_CONTROL + b"\x00\x21" + udp4()
    for cut in list(range(1, 25)) + [32]:
        add(whole, cut)
    return frames


def option(kind, value=b""):
    """A control protocol option (RFC 1661 6): type, length, value."""
    return bytes([kind, 2 + len(value)]) + value


LCP, IPCP, IPV6CP = b"\xc0\x21", b"\x80\x21", b"\x80\x57"


def ppp_control_frames():
    """LCP, IPCP and IPv6CP on LINKTYPE_PPP: every code, the options tshark reads, lengths it rejects, and cuts."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    lcp = lambda code, ident, data=b"", length=None: ADDRESS_CONTROL + LCP + control_with_length(code, ident, data, length)
    request = lcp(1, 1, option(1, b"\x05\xdc") + option(2, b"\x00\x0a\x00\x00") + option(3, b"\xc0\x23") + option(5, b"\x12\x34\x56\x78")
                  + option(7) + option(8))
    add(request)
    add(lcp(1, 2, option(3, b"\xc2\x23\x05") + option(4, b"\xc0\x25") + option(13, b"\x06") + option(17, b"\x05\xdc")
            + option(19, b"\x01\x01\x02\x03\x04") + option(6, b"\x00\x00\x00\x10") + option(10, b"\x07") + option(11, b"\x05ab")))
    add(lcp(1, 3, option(3, b"\xc2\x23\x80\x81") + option(3, b"\x12\x34\x80") + option(13, b"\x01abc") + option(0, b"\x00\x00\x01\x02ab")
            + option(24, b"\x01\x02\x03\x04") + option(9, b"\x01") + option(18) + option(99, b"abc")))
    for klass, address in ((0, b""), (1, b"abcd"), (2, b"\xc6\x12\x00\x01"), (3, b"\x02\x00\x00\x00\x00\x01"), (3, b"abcd"),
                           (4, b"\x01\x02\x03\x04\x05\x06\x07\x08"), (4, b"abcdef"), (5, b"5551234"), (9, b"xy")):
        add(lcp(1, 10 + klass, option(19, bytes([klass]) + address)))
    add(lcp(2, 4, option(1, b"\x05\xdc")))
    add(lcp(3, 5, option(1, b"\x05\xdc")))
    add(lcp(4, 6, option(99, b"abc")))
    add(lcp(5, 7, b"bye"))
    add(lcp(6, 8))
    add(lcp(7, 9, b"\x0e\x01\x00\x04"))
    add(lcp(8, 10, IPCP + control(1, 1)))              # Protocol-Reject: the rejected packet decoded as its protocol
    add(lcp(8, 11, b"\x00\x21" + udp4()[:20]))        # an IPv4 header alone: RawNet does not check a quoted UDP checksum
    add(lcp(8, 12, b"\x12\x34abc"))
    add(lcp(9, 13, b"\x12\x34\x56\x78hello"))
    add(lcp(10, 14, b"\x12\x34\x56\x78"))
    add(lcp(11, 15, b"\x12\x34\x56\x78xx"))
    add(lcp(12, 16, b"\x12\x34\x56\x78ident"))
    add(lcp(13, 17, b"\x12\x34\x56\x78\x00\x00\x0e\x10left"))
    add(lcp(0, 18, b"\x12\x34\x56\x78\x00\x00\x01\x02ab"))
    add(lcp(14, 19, b"zz"))
    add(LCP + control(9, 20, b"\x12\x34\x56\x78"))  # without address and control
    # hostile lengths: an option's length wrong for its type, below 2, past the end, one byte left; a quality protocol
    # tshark reads past; the packet's length past the frame, below 4, and shorter than the frame
    add(lcp(1, 21, option(1, b"\x05") + option(7)))
    add(lcp(1, 22, b"\x01\x01\x05\xdc"))
    add(lcp(1, 23, b"\x01\x00\x05\xdc"))
    add(lcp(1, 24, b"\x01\x10\x05\xdc"))
    add(lcp(1, 25, option(1, b"\x05\xdc") + b"\x01"))
    add(lcp(1, 26, option(4, b"\xc0\x25\x00\x00\x00\x10")))
    add(lcp(1, 27, option(1, b"\x05\xdc"), length=40))
    add(lcp(9, 28, b"\x12\x34\x56\x78", length=3))
    add(lcp(9, 29, b"\x12\x34", length=3))
    add(lcp(9, 30, b"\x12\x34"))
    add(lcp(1, 31, option(1, b"\x05\xdc"), length=6))
    add(ADDRESS_CONTROL + LCP + b"\x01\x02")
    add(ADDRESS_CONTROL + LCP)
    ipcp = lambda code, ident, data=b"", length=None: ADDRESS_CONTROL + IPCP + control_with_length(code, ident, data, length)
    add(ipcp(1, 40, option(3, b"\xc6\x12\x00\x01") + option(129, b"\x08\x08\x08\x08") + option(130, b"\x01\x01\x01\x01")
             + option(131, b"\x08\x08\x04\x04") + option(132, b"\x02\x02\x02\x02") + option(4, b"\x0a\x00\x00\x01")))
    add(ipcp(1, 41, option(1, b"\xc6\x12\x00\x01\xc6\x12\x00\x02") + option(2, b"\x00\x2d\x0f\x01")))
    add(ipcp(3, 42, option(2, b"\x00\x61\x00\x0f\x00\x10\x00\x20\x00\x30\x00\x40") + option(2, b"\x00\x03\x00\x0f\x00\x10\x00\x20")
             + option(2, b"\x12\x34\x01\x02") + option(77, b"ab")))
    add(ipcp(2, 43, option(2, b"\x00\x2d\x0f")))     # Van Jacobson without its comp-slot byte: malformed
    add(ipcp(4, 44, option(3, b"\xc6\x12")))          # a length IP-Address rejects
    add(ipcp(5, 45, b"bye"))
    add(ipcp(9, 46, b"\x12\x34\x56\x78"))          # LCP's codes, unnamed but read
    add(ipcp(0, 47, b"abcdefgh"))
    ipv6cp = lambda code, ident, data=b"": ADDRESS_CONTROL + IPV6CP + control(code, ident, data)
    add(ipv6cp(1, 50, option(1, b"\x02\x00\x00\xff\xfe\x00\x00\x01") + option(2, b"\x00\x61\x00\x0f\x00\x10\x00\x20\x00\x30\x00\x40")))
    add(ipv6cp(2, 51, option(1, b"\x02\x00\x00\xff\xfe\x00\x00\x01")))
    add(ipv6cp(4, 52, option(3, b"abcd") + option(1, b"\x01")))
    add(ipv6cp(6, 53))
    add(ipv6cp(1, 54, option(2, b"\x00\x61\x00\x0f")))   # IPHC without its parameters: malformed
    # the capture cutting a Configure-Request at every length
    for cut in range(1, len(request)):
        add(request, cut)
    # (appended, to keep the damage of the frames above) the values of LCP's later options, prefix elision's failing
    # reads, IPHC's sub-options, and what tcpdump -v prints for a known OUI, an option past its table, an unknown
    # authentication protocol, an Identification's message and a callback cut before its operation
    add(lcp(1, 60, option(9, b"\x07") + option(9, b"\x02") + option(21, b"\x01") + option(22, b"\x00\x00") + option(23, b"\x12\x34")
            + option(25, b"\xff") + option(25, b"\x01") + option(27, b"\x02\x04") + option(28, b"\x00\x00\x00\x6aen-US") + option(29)))
    for value in (b"\x01", b"\x01\x00", b"\x01\x01", b"\x01\x02ab", b"\x01\x05abcd", b"\x01\x03abc"):
        add(lcp(1, 61, option(26, value) + option(1, b"\x05\xdc")))
    add(lcp(1, 62, option(28, b"\x00\x00\x00\x6a") + option(40, b"ab") + option(41)))
    add(lcp(1, 63, option(3, b"\x12\x34") + option(3, b"\xc0\x27") + option(3, b"\xc2\x23\x80") + option(0, b"\x00\x00\x0c\x01")))
    add(lcp(0, 64, b"\x12\x34\x56\x78\x00\x00\x0c\x01\x02\x03"))
    add(lcp(12, 65, b"\x12\x34\x56\x78abc") + b"xyzw")
    # (sub-options whose lengths tshark accepts: RawNet does not read the sub-options, nor mark their lengths)
    add(ipcp(1, 66, option(2, b"\x00\x61\x00\x0f\x00\x10\x00\x20\x00\x30\x00\x40\x01\x02\x02\x02")
             + option(2, b"\x00\x61\x00\x0f\x00\x10\x00\x20\x00\x30\x00\x40\x00\x02")))
    callback = lcp(1, 67, option(13, b"\x06"))
    add(callback, len(callback) - 1)
    return frames


PAP, CHAP = b"\xc0\x23", b"\xc2\x23"


def counted(text):
    """A string after its length byte (PAP's peer, password and message, CHAP's value)."""
    return bytes([len(text)]) + text


def ppp_auth_frames():
    """PAP and CHAP on LINKTYPE_PPP: every code, text tshark and tcpdump escape, lengths that lie either way, value sizes
    and counted strings past the packet, an unknown code, a Protocol-Reject of each, and a request and a challenge cut
    at every length."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    pap = lambda code, ident, data=b"", length=None: ADDRESS_CONTROL + PAP + control_with_length(code, ident, data, length)
    chap = lambda code, ident, data=b"", length=None: ADDRESS_CONTROL + CHAP + control_with_length(code, ident, data, length)
    request = pap(1, 1, counted(b"alice") + counted(b"secret"))
    add(request)
    add(pap(1, 2, counted(b"") + counted(b"")))
    add(pap(1, 3, counted(b"a\x01b\xff\x7f\"'\\") + counted(b"p w\n")))
    add(pap(1, 4, counted("é".encode()) + counted(b"\xc3")))
    add(pap(1, 5, counted(b"x" * 200) + counted(b"yyy")))
    add(pap(2, 6, counted(b"welcome")))
    add(pap(3, 7, counted(b"bad password")))
    add(pap(2, 8))                                        # no message length: tshark malformed, tcpdump's [|pap]
    add(pap(3, 9, counted(b"ok"), length=4))
    add(pap(7, 10, b"stuff"))                              # an unknown code
    add(pap(7, 11))
    add(pap(1, 12, counted(b"alice") + b"\x20pw"))        # a password length past the packet
    add(pap(1, 13, b"\x30alice"))                         # a peer length past the packet
    add(pap(1, 14, counted(b"alice") + counted(b"secret"), length=40))
    add(pap(1, 15, counted(b"alice") + counted(b"secret") + b"trail", length=17))
    add(pap(1, 16, counted(b"alice") + counted(b"secret"), length=2))
    add(pap(1, 17, counted(b"a"), length=5))
    add(PAP + control(2, 18, counted(b"ok")))            # without address and control
    add(ADDRESS_CONTROL + PAP + b"\x01")
    add(ADDRESS_CONTROL + PAP + b"\x01\x02\x00")
    add(ADDRESS_CONTROL + PAP)
    challenge = chap(1, 1, counted(bytes(range(16))) + b"server")
    add(challenge)
    add(chap(2, 2, counted(bytes(range(16, 32))) + b"alice"))
    add(chap(2, 3, counted(b"\xaa\xbb") + b"a-very-long-name-longer-than-twenty"))
    add(chap(2, 4, counted(b"ab") + bytes(range(1, 22))))
    add(chap(2, 5, counted(b"ab") + "é".encode() * 12))
    add(chap(1, 6, counted(bytes(range(40))) + b"n"))     # a value longer than the Info column shows
    add(chap(1, 7, counted(bytes(range(36))) + b"n"))
    add(chap(3, 8, b"Welcome"))
    add(chap(4, 9, b"E=691 R=0"))
    add(chap(3, 10))
    add(chap(3, 11, b"msg\x00\x01x"))
    add(chap(1, 12))
    add(chap(1, 13, b"\x00"))
    add(chap(1, 14, b"\x05ab"))                           # a value size past the data
    add(chap(1, 15, b"\x02ab"))
    add(chap(1, 16, counted(b"ab") + b"nm", length=2))
    add(chap(9, 17, b"stuff"))
    add(chap(9, 18))
    add(chap(1, 19, counted(b"ab") + b"name", length=40))
    add(chap(1, 20, b"", length=40))
    add(chap(1, 21, counted(b"ab") + b"name" + b"trail", length=11))
    add(chap(3, 22, b"ok", length=40))
    add(chap(4, 23, b"no", length=5))
    add(chap(1, 24, b"\x10ab"), 9)                        # an invalid value size, then the capture cut
    add(ADDRESS_CONTROL + CHAP + b"\x01")
    add(ADDRESS_CONTROL + CHAP + b"\x01\x02\x00")
    add(ADDRESS_CONTROL + CHAP)
    # LCP's Protocol-Reject quoting each
    add(ADDRESS_CONTROL + LCP + control(8, 30, PAP + control(1, 1, counted(b"alice") + counted(b"pw"))))
    add(ADDRESS_CONTROL + LCP + control(8, 31, CHAP + control(3, 1, b"ok")))
    for whole in (request, challenge):
        for cut in range(1, len(whole)):
            add(whole, cut)
    return frames


def pppoe_auth_frames():
    """LCP, IPCP, PAP and CHAP in PPPoE sessions (Ethernet), as a PPPoE client sends them, whole and cut."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(pppoe(LCP + control(1, 1, option(1, b"\x05\xd4") + option(5, b"\x12\x34\x56\x78"))))
    add(pppoe(LCP + control(9, 2, b"\x12\x34\x56\x78")))
    add(pppoe(IPCP + control(1, 3, option(3, b"\x00\x00\x00\x00"))))
    add(pppoe(IPV6CP + control(1, 4, option(1, b"\x02\x00\x00\xff\xfe\x00\x00\x01"))))
    login = pppoe(PAP + control(1, 5, counted(b"user@isp") + counted(b"secret")))
    add(login)
    add(pppoe(PAP + control(2, 5, counted(b"Login ok"))))
    challenge = pppoe(CHAP + control(1, 6, counted(bytes(range(16))) + b"bras"))
    add(challenge)
    add(pppoe(CHAP + control(2, 6, counted(bytes(range(16))) + b"user@isp")))
    add(pppoe(CHAP + control(3, 6, b"Welcome")))
    add(pppoe(CHAP + control(4, 6, b"E=691 R=0"), length=12))   # the session shorter than the packet
    for whole in (login, challenge):
        for cut in range(14 + 6, len(whole)):
            add(whole, cut)
    return frames


def control_with_length(code, ident, data=b"", length=None):
    """A control packet whose length field may say otherwise than its data."""
    return struct.pack(">BBH", code, ident, 4 + len(data) if length is None else length) + data


def slarp(kind, first=0, second=0, rest=b"\x00\x00"):
    """A SLARP packet: type, two words (address and mask, or the two sequence numbers), then what follows them."""
    return struct.pack(">III", kind, first, second) + rest


CHDLC_UNICAST, CHDLC_MULTICAST = b"\x0f\x00", b"\x8f\x00"


def chdlc_frames():
    """Cisco HDLC frames (LINKTYPE_C_HDLC): IP, SLARP of every type, other protocols, damage and cuts."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(CHDLC_UNICAST + b"\x08\x00" + udp4())
    add(CHDLC_MULTICAST + b"\x86\xdd" + udp6())
    add(CHDLC_UNICAST + b"\x08\x00" + tcp4())
    add(CHDLC_MULTICAST + b"\x80\x35" + slarp(0))
    add(CHDLC_MULTICAST + b"\x80\x35" + slarp(1, 0xC6120001, 0xFFFFFF00))
    add(CHDLC_MULTICAST + b"\x80\x35" + slarp(2, 5, 6, b"\xff\xff\x00\x01\x23\x45"))   # with uptime
    add(CHDLC_MULTICAST + b"\x80\x35" + slarp(2, 7, 5, b"\xff\xff"))                       # without
    add(CHDLC_MULTICAST + b"\x80\x35" + slarp(2, 8, 7, b"\xff\xff\x00\x01\x23\x45junk!!"))  # trailing bytes
    add(CHDLC_MULTICAST + b"\x80\x35" + slarp(2, 9, 8, b""))                                # reliability missing
    add(CHDLC_MULTICAST + b"\x80\x35" + slarp(3, 1, 2, b"unknown!"))
    add(CHDLC_MULTICAST + b"\x80\x35" + struct.pack(">I", 1) + b"\xc6\x12")                 # reply cut by the frame
    add(CHDLC_UNICAST + b"\x08\x06" + bytes.fromhex("0001080006040001020000000001c6120001000000000000c6120002"))
    add(CHDLC_UNICAST + b"\x12\x34" + b"abc")
    add(CHDLC_UNICAST + b"\x88\x47" + label(40) + label(41, bottom=True) + udp6())
    add(b"\x0f")
    add(b"\x0f\x00\x08")
    add(b"\x0f\x00\x08\x00")
    whole = CHDLC_UNICAST + b"\x08\x00" + udp4()
    for cut in list(range(1, 25)) + [32]:
        add(whole, cut)
    keepalive = CHDLC_MULTICAST + b"\x80\x35" + slarp(2, 5, 6, b"\xff\xff\x00\x01\x23\x45")
    for cut in range(5, len(keepalive)):
        add(keepalive, cut)
    return frames


def label(value, tc=0, bottom=False, ttl=64):
    """One MPLS label stack entry (RFC 3032)."""
    return struct.pack(">I", value << 12 | tc << 9 | (0x100 if bottom else 0) | ttl)


MAC_A, MAC_B = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")


def ether(ethertype, payload):
    return MAC_B + MAC_A + struct.pack(">H", ethertype) + payload


def mpls_frames():
    """MPLS label stacks on Ethernet (0x8847, 0x8848): one and several labels, every reserved label tcpdump names, payloads
    tshark and tcpdump guess alike and differently, stacks that never end, and cuts through a stack."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(ether(0x8847, label(16, bottom=True) + udp4()))
    add(ether(0x8847, label(16, 5, ttl=10) + label(17, bottom=True, ttl=63) + udp6()))
    add(ether(0x8848, label(100, 7, bottom=True) + tcp4()))
    add(ether(0x8847, label(0, bottom=True) + echo4()))                    # IPv4 explicit null
    add(ether(0x8847, label(2, bottom=True) + udp6()))                     # IPv6 explicit null
    add(ether(0x8847, label(1) + label(21, bottom=True) + udp4()))         # router alert above
    add(ether(0x8847, label(3, bottom=True) + udp4()))
    add(ether(0x8847, label(1048575, 1, ttl=255) + label(7) + label(15) + label(800000, bottom=True, ttl=1) + udp4()))
    add(ether(0x8847, label(20, bottom=True) + b"\xff\x00abcdef"))          # neither guesses anything
    add(ether(0x8847, label(0, bottom=True) + b"\xff\x00abcdef"))           # tcpdump: IPv4 by the label; tshark: data
    add(ether(0x8100, struct.pack(">H", 7) + struct.pack(">H", 0x8847) + label(22, bottom=True) + udp4()))   # under a VLAN tag
    # stacks that never end, and nothing after the bottom label
    add(ether(0x8847, label(16) * 6))
    add(ether(0x8847, label(16) * 3 + b"\x00\x01"))
    add(ether(0x8847, b"\x00\x01"))
    add(ether(0x8847, label(16) * 12))
    add(ether(0x8847, label(16, bottom=True)))
    # the capture cutting a two-label stack and its IPv4 at every length
    whole = ether(0x8847, label(30) + label(31, bottom=True) + udp4())
    for cut in range(14, 14 + 8 + 21):
        add(whole, cut)
    return frames


def dot3(payload, pad=True, length=None):
    """An 802.3 frame: the type field holds the length of the LLC frame; padded to 60 bytes as on the wire."""
    frame = MAC_B + MAC_A + struct.pack(">H", len(payload) if length is None else length) + payload
    return frame + b"\x00" * (60 - len(frame)) if pad and len(frame) < 60 else frame


SNAP_IP = b"\xaa\xaa\x03\x00\x00\x00\x08\x00"


def llc_frames():
    """802.2 LLC (and SNAP) in 802.3 frames: what tshark decodes field by field and tcpdump's llc_print words."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    arp = bytes.fromhex("0001080006040001020000000001c6120001000000000000c6120002")
    add(dot3(SNAP_IP + udp4()))
    add(dot3(b"\xaa\xaa\x03\x00\x00\x00\x86\xdd" + udp6()))
    add(dot3(SNAP_IP + tcp4()))
    add(dot3(b"\xaa\xaa\x03\x00\x00\x00\x08\x06" + arp))
    add(dot3(b"\xaa\xaa\x03\x00\x00\xf8\x08\x00" + echo4()))       # 802.1H bridge tunnel
    add(dot3(b"\xaa\xaa\x03\x00\x00\x00\x12\x34" + b"abc"))        # unknown EtherType
    add(dot3(b"\xaa\xaa\x03\x12\x34\x56\x00\x01" + b"abc"))        # unknown OUI: llc.pid
    add(dot3(b"\xaa\xaa\x03\x00\x00\x08\x00\x45" + b"abc"))        # Xerox's OUI
    add(dot3(b"\xaa\xaa\x13\x00\x00\x00\x08\x00" + udp4()))        # UI with the poll bit: not information
    add(dot3(b"\xaa\xaa\x10\x00\x00\x00\x00\x08\x00" + udp4()))    # SNAP after an I frame's two control bytes
    add(dot3(b"\x06\x06\x03" + udp4()))                               # IP on its own SAP (RFC 948)
    for sap in (0x00, 0x02, 0x03, 0x0E, 0x4E, 0x8E, 0x80, 0xF0):
        add(dot3(bytes([sap, sap, 0x03]) + b"xyzw"))
    add(dot3(b"\x0e\x8e\x03xyz"))                                      # SAPs that differ, both named
    add(dot3(b"\x80\x82\x03xyz"))                                      # and neither
    add(dot3(b"\x81\x80\x03xyz"))                                      # group DSAP
    for control, ssap in ((0x13, 0x0E), (0x13, 0x0F), (0xAF, 0x0E), (0xBF, 0x0F), (0xE3, 0x0E), (0xF3, 0x0F), (0x73, 0x0F),
                          (0x63, 0x0F), (0x43, 0x0E), (0x53, 0x0E), (0x0F, 0x0F), (0x1F, 0x0F), (0x87, 0x0F), (0x6F, 0x0E),
                          (0x7F, 0x0E), (0x2B, 0x0E), (0xCB, 0x0F)):
        add(dot3(bytes([0x0E, ssap, control]) + (b"" if control & 0xEF == 0xAF else b"abc")))
    add(dot3(b"\x0e\x0e\xaf\x81\x01\x00"))                            # XID in the basic format
    add(dot3(b"\x0e\x0e\xaf\x82\x01\x00"))                            # and another
    # XID in the basic format: every LLC types value tshark names and ones it does not (bits above the five types
    # bits), window sizes, a response with the final bit, a group DSAP, cut by the capture and by the 802.3 length at
    # each of its bytes; XID after SNAP and with no information field are not the basic format's
    for types, window, ssap, control in ((0x03, 0x02, 0x0E, 0xAF), (0x05, 0xFF, 0x0F, 0xBF), (0x07, 0x10, 0x0F, 0xAF),
                                         (0x02, 0x01, 0x0E, 0xBF), (0x04, 0x00, 0x0E, 0xAF), (0x06, 0x00, 0x0E, 0xAF),
                                         (0x00, 0x00, 0x0E, 0xAF), (0x1F, 0x7E, 0x0E, 0xAF), (0x21, 0x00, 0x0E, 0xAF)):
        add(dot3(bytes([0x0E, ssap, control, 0x81, types, window])))
    add(dot3(b"\xf1\xf0\xaf\x81\x01\x00"))                            # to a group (NetBIOS's SAP)
    add(dot3(b"\x0e\x0e\xaf\x81\x01\x00\x00\x00xyz"))                # with more after it
    for length in (4, 5):                                               # the 802.3 length ends inside it
        add(dot3(b"\x0e\x0e\xaf\x81\x01\x00", length=length))
    for cut in (17, 18, 19, 20):                                         # the capture ends inside it
        add(dot3(b"\x0e\x0e\xaf\x81\x01\x00"), cut)
    add(dot3(b"\xaa\xaa\xaf\x00\x00\x00\x08\x00\x81\x01\x00"))          # XID with SNAP
    add(dot3(b"\x0e\x0e\xaf", pad=False))                              # XID with no information field
    # TEST commands and responses, with and without the poll/final bit and data
    for ssap, control, data in ((0x0E, 0xE3, b"test"), (0x0F, 0xE3, b"test"), (0x0E, 0xF3, b""), (0x0F, 0xF3, b"\x81\x01\x00")):
        add(dot3(bytes([0x0E, ssap, control]) + data))
    # SNAP with the OUIs of organisations tshark names (IEEE 802.11, Microsoft, Intel, a name with no long form, a private
    # block) and ones nobody holds, with protocol IDs none of their tables claim (not Cisco's, IEEE 802.1's or those
    # tcpdump names: RawNet's tcpdump line for them is not tcpdump's yet, docs/cli.md)
    for oui in (0x000FAC, 0x0050F2, 0x00A0C9, 0x00005A, 0xACDE48, 0xFCFCFC, 0x123400):
        add(dot3(b"\xaa\xaa\x03" + oui.to_bytes(3, "big") + b"\x00\x99" + b"abc"))
    add(dot3(b"\xaa\xaa\xe3\x00\x0f\xac\x12\x34test"))                # a TEST frame with SNAP
    # LLC cut by the capture inside a payload nothing decodes (tshark fails at the 802.3 trailer)
    add(dot3(b"\x0e\x0e\x03" + b"payload"), 20)
    add(dot3(b"\xaa\xaa\x03\x00\x50\xf2\x12\x34" + b"payload"), 24)
    for c0, c1, ssap in ((0x10, 0x23, 0x0E), (0x10, 0x22, 0x0F), (0xFE, 0xFF, 0x0E), (0x00, 0x01, 0x0F)):
        add(dot3(bytes([0x0E, ssap, c0, c1]) + b"info"))                  # information frames
    for c0, c1, ssap in ((0x01, 0x22, 0x0E), (0x05, 0x23, 0x0F), (0x09, 0x22, 0x0E), (0x0D, 0x01, 0x0F)):
        add(dot3(bytes([0x0E, ssap, c0, c1])))                            # supervisory frames
    # the 802.3 length shorter and longer than the frame, and under a VLAN tag
    add(dot3(SNAP_IP + udp4(), pad=False, length=5))
    add(dot3(b"\x0e\x0e\x03abcdef", pad=False, length=4))
    add(dot3(b"\x0e\x0e\x03abc", pad=False, length=300))
    add(dot3(SNAP_IP + udp4(), pad=False, length=1000))
    add(dot3(b"\x0e\x0e\x03abc", pad=False, length=1500))
    add(ether(0x8100, struct.pack(">HH", 7, 7) + b"\x0e\x0e\x03abc" + b"\x00" * 30))
    add(ether(0x8100, struct.pack(">HH", 8, len(SNAP_IP + udp4())) + SNAP_IP + udp4()))
    # damaged: headers the length or the frame ends inside
    for payload in (b"\xaa", b"\xaa\xaa", b"\xaa\xaa\x03\x00\x00", b"\x0e\x0e\x10", b"\x0e\x0e\x01", b"\x0e"):
        add(dot3(payload, pad=False))
        add(dot3(payload))
    add(dot3(b"\x0e\x0e\x10\x00", pad=False, length=3))
    add(dot3(b"\x06\x06\x03", pad=False))
    add(dot3(SNAP_IP, pad=False))
    # the capture cutting a frame at every length through LLC, SNAP and IPv4, and an I frame's control field
    whole = dot3(SNAP_IP + udp4())
    for cut in list(range(14, 14 + 8 + 21)) + [50]:
        add(whole, cut)
    add(dot3(b"\x0e\x0e\x10\x23info"), 17)
    add(dot3(b"\x0e\x0e\x10\x23info"), 18)
    return frames


ICV = bytes(range(0xA0, 0xB0))
SCI = bytes.fromhex("0200000000010001")


def macsec(tci, payload, sl=0, pn=1, sci=SCI, icv=ICV):
    """An Ethernet frame with a MACsec SecTAG (802.1AE 9.3): TCI/AN, short length, packet number, the SCI when the TCI's
    SC bit says so, then the secure data and the ICV."""
    return ether(0x88E5, struct.pack(">BBI", tci, sl, pn) + (sci if tci & 0x20 else b"") + payload + icv)


def macsec_frames():
    """MACsec: unmodified data (E and C clear) carrying IPv4, IPv6, ARP and a VLAN tag, with and without the SCI and
    every TCI flag but E and C; an unknown EtherType; short lengths that fit, that cut the IPv4 datagram (tcpdump's
    "truncated-ip") and whose reserved bits are set (tcpdump's "(invalid)"); a trailer after the ICV; an all-zero ICV
    Ethernet's padding rule swallows; encrypted and changed data (tshark and tcpdump show data); version 1 (tshark: not
    MACsec); frames that end inside the SecTAG, the ICV or the EtherType; and frames cut by the capture at every
    length through the SecTAG, the EtherType and IPv4, and through the ICV."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    arp = bytes.fromhex("0001080006040001020000000001c6120001000000000000c6120002")
    for tci in (0x00, 0x20, 0x40, 0x10, 0x23, 0x71):
        add(macsec(tci, b"\x08\x00" + udp4(), pn=tci + 1))
    add(macsec(0x20, b"\x08\x00" + tcp4(), pn=0xFFFFFFFF))
    add(macsec(0x00, b"\x08\x00" + echo4(), pn=0))
    add(macsec(0x20, b"\x86\xdd" + udp6()))
    add(macsec(0x00, b"\x08\x06" + arp))
    add(macsec(0x00, b"\x81\x00\x00\x05\x08\x00" + udp4()))          # a VLAN tag inside
    add(macsec(0x20, b"\x12\x34" + b"x" * 40))                          # an unknown EtherType
    add(macsec(0x00, b"\x08\x00" + udp4(), sl=35))                        # a short length that fits
    add(macsec(0x00, b"\x08\x00" + udp4(), sl=20))                        # and one that cuts IPv4
    add(macsec(0x00, b"\x08\x00" + udp4(), sl=0x40))                      # reserved bits set
    add(macsec(0x00, b"\x08\x00" + udp4()) + b"\x00" * 4)                  # a trailer after the ICV
    ip_only = bytes(IP(src=A, dst=B, id=4, proto=253))
    add(macsec(0x00, b"\x08\x00" + ip_only, icv=bytes(16)) + b"\x00\x00")  # zeros Ethernet takes for padding
    add(macsec(0x00, b"\x08\x00" + ip_only) + b"\x00\x00")
    for tci in (0x08, 0x0C, 0x04, 0x2C, 0x4D):
        add(macsec(tci, b"\x08\x00" + udp4(), pn=7))                        # encrypted or changed
    add(macsec(0x0C, b"\x08\x00" + udp4(), sl=20))
    add(macsec(0x80, b"\x08\x00" + udp4()))                               # version 1
    add(macsec(0xA0, b"\x08\x00" + udp4()))
    # frames that end (on the wire) inside the SecTAG, the ICV and the EtherType
    whole = macsec(0x00, b"\x08\x00" + udp4())
    for end in (15, 19, 20, 30, 36, 37, 38, 40):
        add(whole[:end])
    add(macsec(0x20, b"\x08\x00" + udp4())[:30])
    add(macsec(0x0C, b"\x08\x00" + udp4())[:36])
    # the capture cutting frames with and without the SCI at every length through the SecTAG, EtherType and IPv4, and
    # through the ICV (not inside UDP: tshark shows no port of a UDP header of 2 to 7 bytes, and no data of a cut
    # payload, where RawNet does, on any link)
    for whole in (macsec(0x00, b"\x08\x00" + udp4()), macsec(0x20, b"\x08\x00" + udp4())):
        tag = 14 if whole[14] & 0x20 else 6
        for cut in list(range(14, 14 + tag + 2 + 21)) + list(range(14 + tag + 2 + 33, len(whole))):
            add(whole, cut)
    add(macsec(0x0C, b"\x08\x00" + udp4()), 40)
    return frames


def macsec_damageable(data, direction):
    """The TCI/AN byte (its SC bit kept, so the SecTAG keeps its length) and the packet number; never the short length,
    which in tcpdump bounds the IPv6 printer's length, whose words for too short a length are the IP oracles' business."""
    return 14 + 6


def nsh(payload, next_protocol=1, md_type=1, length=6, context=bytes(16), ver=0, o=0, c=0, ttl=63, spi=5, si=255):
    """An Ethernet frame with a Network Service Header (RFC 8300 2): base header, service path header, context headers."""
    word = ver << 14 | o << 13 | c << 12 | ttl << 6 | length
    return ether(0x894F, struct.pack(">HBBI", word, md_type, next_protocol, spi << 8 | si) + context + payload)


def tlv(tlv_class, tlv_type, value, unassigned=0):
    """An MD type 2 context header: class, type, the unassigned bit and a 7-bit length, the value padded to 4 bytes."""
    return struct.pack(">HBB", tlv_class, tlv_type, unassigned << 7 | len(value)) + value + bytes(-len(value) % 4)


def nsh_frames():
    """NSH: MD type 1 with IPv4 (UDP, TCP, ICMP), IPv6 and Ethernet; MD type 2 with no TLV, one, two (one padded),
    an empty one and one with the unassigned bit; the O and C bits, the largest SPI, TTL 1 and index 0; the next
    protocols tshark decodes and tcpdump does not (NSH, MPLS) and one neither does; a length tshark and tcpdump read
    alike (MD type 1 with 6, MD type 2) and ones only tshark reads past (MD type 1 with another length, other MD
    types); version 1 (tcpdump stops); lengths longer than the frame and a TLV whose value is; frames that end inside
    the headers; and frames cut by the capture at every length through NSH and IPv4."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(nsh(udp4()))
    add(nsh(tcp4(), spi=0xFFFFFF, si=0))
    add(nsh(echo4(), context=bytes(range(16))))
    add(nsh(udp6(), next_protocol=2))
    add(nsh(ether(0x0800, udp4()), next_protocol=3))
    add(nsh(udp4(), o=1, c=1, ttl=1))
    add(nsh(udp4(), md_type=2, length=2, context=b""))
    add(nsh(udp4(), md_type=2, length=4, context=tlv(0x0102, 3, b"\xaa\xbb\xcc\xdd")))
    two = tlv(1, 2, b"\xaa\xbb") + tlv(0xFFFF, 0xFF, b"\x01\x02\x03\x04\x05")
    add(nsh(udp6(), next_protocol=2, md_type=2, length=2 + len(two) // 4, context=two))
    add(nsh(udp4(), md_type=2, length=4, context=tlv(7, 8, b"") + tlv(9, 10, b"", unassigned=1)))
    add(nsh(nsh(udp4(), spi=6)[14:], next_protocol=4))                     # NSH inside NSH
    add(nsh(struct.pack(">I", 16 << 12 | 0x100 | 64) + udp4(), next_protocol=5))
    add(nsh(b"abcdef", next_protocol=0x10))
    add(nsh(udp4(), next_protocol=0xFE))
    add(nsh(udp4(), ver=1))
    add(nsh(udp4(), md_type=0, length=2, context=b""))
    add(nsh(udp4(), md_type=15, length=6))
    add(nsh(udp4(), length=3))                                               # MD type 1, length not 6
    add(nsh(udp4(), length=63))
    add(nsh(udp4(), md_type=2, length=63, context=b""))
    add(nsh(b"", md_type=2, length=4, context=tlv(1, 2, b"\x00" * 8)[:6]))    # a value longer than the frame
    add(nsh(udp4(), md_type=2, length=1, context=b""))
    # frames that end (on the wire) inside the headers
    whole = nsh(udp4())
    for end in (14, 15, 17, 19, 21, 22, 26, 30):
        add(whole[:end])
    # the capture cutting MD type 1 and MD type 2 frames at every length through NSH and IPv4 (not into UDP: tshark
    # shows no port of a UDP header of 2 to 7 bytes, where RawNet does, on any link)
    for whole, header in ((nsh(udp4()), 24), (nsh(udp4(), md_type=2, length=4, context=tlv(0x0102, 3, b"\xaa\xbb\xcc\xdd")), 16)):
        for cut in range(14, 14 + header + 21):
            add(whole, cut)
    return frames


def nsh_damageable(data, direction):
    """The base header and the service path header's first byte; never the next protocol nor the length, where tcpdump
    and tshark look for what NSH carries in different places when it is not 6 for MD type 1 (what tcpdump then prints
    from bytes tshark does not read as IP is the IP oracles' business)."""
    return 14 + 5


def arista(payload, subtype=1, version=0x0010, seconds=100, nanoseconds=200):
    """An Ethernet frame with Arista's vendor-specific header (EtherType 0xD28B): subtype, version, then for the
    timestamp subtype a 64-bit (format nibble 1) or 48-bit (2) timestamp; the payload starts with the original EtherType."""
    if subtype != 1:
        stamp = b""
    elif version >> 4 & 0xF == 2:
        stamp = struct.pack(">HI", seconds, nanoseconds)
    elif version >> 4 & 0xF == 1:
        stamp = struct.pack(">II", seconds, nanoseconds)
    else:
        stamp = struct.pack(">II", seconds, nanoseconds)
    return ether(0xD28B, struct.pack(">HH", subtype, version) + stamp + payload)


def arista_frames():
    """Arista: the 64-bit and 48-bit timestamps in TAI and UTC carrying IPv4, IPv6, ARP, a VLAN tag, TCP and ICMP, an
    Arista header inside another, an unknown EtherType and a MACsec one too short for tshark; a trailer after IPv4 and
    ARP and the zeros Ethernet takes for padding before one; nanoseconds past a second (tcpdump carries them over); an
    unknown subtype (tshark reads the EtherType right after it, tcpdump dumps the header); versions tshark does not know
    whose format tcpdump does (an R3 64-bit stamp carrying IPv4 and IPv6, where tcpdump goes on and tshark stops) and
    an unknown format; frames that end inside the subtype, the version, the timestamp and the EtherType; and a frame cut
    by the capture at every length through the header and IPv4."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    arp = bytes.fromhex("0001080006040001020000000001c6120001000000000000c6120002")
    for version in (0x0010, 0x0110, 0x0020, 0x0120):
        add(arista(b"\x08\x00" + udp4(), version=version))
    add(arista(b"\x08\x00" + tcp4(), seconds=0x7FFFFFFF, nanoseconds=999999999))
    add(arista(b"\x08\x00" + echo4(), version=0x0020, seconds=65535))
    add(arista(b"\x86\xdd" + udp6()))
    add(arista(b"\x86\xdd" + udp6(), version=0x0120))
    add(arista(b"\x08\x06" + arp))
    add(arista(b"\x81\x00\x00\x05\x08\x00" + udp4()))                 # a VLAN tag inside
    add(arista(b"\xd2\x8b" + struct.pack(">HHII", 1, 0x20, 7, 9)[:10] + b"\x08\x00" + udp4()))   # Arista in Arista
    add(arista(b"\x12\x34" + b"x" * 40))                                  # an unknown EtherType
    add(arista(b"\x88\xe5" + b"\x00" * 4))                                 # MACsec too short for tshark
    add(arista(b"\x08\x00" + udp4() + b"\x01\x02\x03"))                   # a trailer
    add(arista(b"\x08\x06" + arp + b"\x00" * 4 + b"\x05"))                 # padding, then a trailer
    add(arista(b"\x08\x00" + udp4(), nanoseconds=2000000000))
    add(arista(b"\x08\x00" + udp4(), version=0x0020, nanoseconds=3999999999))
    for subtype in (0, 2, 0x0101):                                         # unknown subtypes
        add(arista(b"\x00\x00\x00\x64\x00\x00\x00\xc8\x08\x00" + udp4(), subtype=subtype))
    for version in (0x0011, 0x0210):                                       # formats tcpdump knows and tshark does not
        add(arista(b"\x08\x00" + udp4(), version=version))
        add(arista(b"\x86\xdd" + udp6(), version=version))
    for version in (0x0030, 0x0000, 0x0100):                               # unknown formats
        add(arista(b"\x08\x00" + udp4(), version=version))
    whole = arista(b"\x08\x00" + udp4())
    for end in (15, 16, 17, 18, 20, 24, 26, 27):                           # frames that end inside the header
        add(whole[:end])
    add(arista(b"\x08\x00" + udp4(), version=0x0020)[:22])
    add(arista(b"\x08\x00" + udp4(), subtype=2)[:17])
    # the capture cutting a frame at every length through the header and IPv4 (not inside UDP: tshark shows no port of
    # a UDP header of 2 to 7 bytes, and no data of a cut payload, where RawNet does, on any link)
    for cut in range(14, 14 + 14 + 21):
        add(whole, cut)
    return frames


def arista_damageable(data, direction):
    """The subtype's low byte and the timestamp; never the version, whose values tshark and tcpdump read differently
    (what tcpdump then prints from bytes tshark does not decode is the IP oracles' business)."""
    return 14 + 12


def pppoe(payload, session=0x1234, length=None):
    """A PPPoE session frame (version 1, type 1, code 0) whose payload (the PPP protocol field counts) is declared by its length."""
    return ether(0x8864, struct.pack(">BBHH", 0x11, 0, session, len(payload) if length is None else length) + payload)


def pppoe_frames():
    """PPPoE sessions: the PPP protocol field compressed (RFC 1661 6.5) and not, lengths that lie, and cuts."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(pppoe(b"\x21" + udp4()))
    add(pppoe(b"\x00\x21" + udp4()))
    add(pppoe(b"\x57" + udp6()))
    add(pppoe(b"\x00\x57" + udp6()))
    add(pppoe(b"\x21" + tcp4(), session=7))
    add(pppoe(b"\x21" + udp4(), length=200))          # declared longer than the frame
    add(pppoe(b"\x21" + udp4() + b"\x00" * 6, length=len(udp4()) + 1))   # shorter: the rest is padding
    # frames that end early (on the wire, not by the capture): in and after the session header
    for end in range(14, 14 + 6 + 4):
        add(pppoe(b"\x00\x21" + udp4(), length=40)[:end])
        add(pppoe(b"\x21" + udp4(), length=40)[:end])
    # the capture cutting a compressed and an uncompressed frame at every length through PPPoE and IPv4
    for whole in (pppoe(b"\x21" + udp4()), pppoe(b"\x00\x21" + udp4())):
        for cut in range(14, 14 + 8 + 21):
            add(whole, cut)
    return frames


def pppoe_damageable(data, direction):
    """The PPPoE header: version and type, code, session ID and length (damaged from a stream of its own: see main)."""
    return 14 + 6


pppoe_damageable.start = 14


def llc_damageable(data, direction):
    """The 802.3 length's low byte, DSAP, SSAP, the control field and SNAP's OUI and type (never the high byte of the
    length: a type there is the Ethernet oracles' business)."""
    return 14 + 8


# --- Frame Relay (LINKTYPE_FRELAY, 107) ---

def q922(dlci, cr=0, fecn=0, becn=0, de=0, octets=2, dc=0):
    """A Q.922 address of 2, 3 or 4 octets (EA set on the last), DLCI split 6+4, 6+4+6 or 6+4+7+6 bits."""
    if octets == 2:
        hi, mid, rest = dlci >> 4, dlci & 0xF, []
    elif octets == 3:
        hi, mid, rest = dlci >> 10, dlci >> 6 & 0xF, [(dlci & 0x3F) << 2 | dc << 1 | 1]
    else:
        hi, mid, rest = dlci >> 17, dlci >> 13 & 0xF, [(dlci >> 6 & 0x7F) << 1, (dlci & 0x3F) << 2 | dc << 1 | 1]
    first = (hi & 0x3F) << 2 | cr << 1
    second = mid << 4 | fecn << 3 | becn << 2 | de << 1 | (1 if octets == 2 else 0)
    return bytes([first, second] + rest)


def frelay(nlpid, payload, dlci=100, pad=False, **address):
    """RFC 2427: address, UI control, an optional pad octet, the NLPID and what it carries."""
    return q922(dlci, **address) + b"\x03" + (b"\x00" if pad else b"") + bytes([nlpid]) + payload


def fr_snap(oui, pid, payload):
    return struct.pack(">I", oui)[1:] + struct.pack(">H", pid) + payload


def frelay_frames():
    """IPv4 and IPv6 behind NLPIDs 0xcc and 0x8e and behind SNAP (OUI 00-00-00 and 00-00-F8), SNAP with an unknown
    EtherType and an unknown OUI, NLPIDs both oracles leave undecoded (tshark's data, tcpdump's dump), the C/R, FECN,
    BECN and DE bits, DLCI 0 and the highest 10-bit DLCI, pad octets after 2- and 3-octet addresses (tcpdump's "Pad!"
    and "No pad!"), 3- and 4-octet addresses with a DLCI or DL-CORE control in the last octet, a bogus one-octet address
    and one of six octets (tshark reads both, tcpdump calls them invalid), frames that end inside the address, the
    control field, the pad, the NLPID and SNAP, and a frame cut by the capture at every length through its header and
    IPv4. Not here: control fields other than UI, and the NLPIDs tcpdump has printers for that RawNet lacks (Q.933,
    CLNP, ES-IS, IS-IS, FRF.15, PPP)."""
    ip4 = udp4()
    frames = [
        frelay(0xCC, ip4),
        frelay(0x8E, udp6()),
        frelay(0xCC, tcp4(), dlci=1007, cr=1, fecn=1, becn=1, de=1),
        frelay(0xCC, echo4(), dlci=0, fecn=1),
        frelay(0xCC, ip4, dlci=1023, becn=1),
        frelay(0xCC, ip4, dlci=16, de=1, cr=1),
        frelay(0x80, fr_snap(0, 0x0800, ip4)),
        frelay(0x80, fr_snap(0, 0x86DD, udp6()), pad=True),
        frelay(0x80, fr_snap(0xF8, 0x0800, echo4())),
        frelay(0x80, fr_snap(0, 0x1234, b"abcdef")),
        frelay(0x80, fr_snap(0x123456, 0x0001, b"abcdef")),
        frelay(0x01, b"\x01\x02\x03"),
        frelay(0x09, b"\x75\x95\x01\x01\x00"),
        frelay(0x84, bytes(range(20))),
        frelay(0xCC, ip4, pad=True),
        frelay(0xCC, ip4, dlci=6500, octets=3, pad=True),
        frelay(0xCC, ip4, dlci=6500, octets=3),
        frelay(0x8E, udp6(), dlci=819300, octets=4),
        frelay(0xCC, ip4, dlci=1600, octets=3, dc=1, pad=True),
        frelay(0xCC, ip4, dlci=819300, octets=4, dc=1),
        b"\x19\x03\xcc" + ip4,
        b"\x18\x40\x00\x00\x00\x01\x03\xcc" + ip4,
        b"\x18",
        b"\x18\x41",
        b"\x18\x40\x02",
        b"\x18\x41\x03",
        b"\x18\x41\x03\x00",
        b"\x18\x41\x03\x80\x00\x00",
        b"\x18\x41\x03\x80\x00\x00\x00\x08",
        frelay(0xCC, ip4[:12]),
        frelay(0x8E, udp6()[:20]),
    ]
    out = [(f, None) for f in frames]
    cut = frelay(0xCC, ip4)
    out += [(cut, n) for n in range(1, 4 + 20 + 1)]
    return out


def frelay_poll_frames():
    """UI frames with the poll/final bit (control 0x13), which tshark 4.0 reads an NLPID after when it has a dissector
    for it (tcpdump prints "UI 13!" and the rest as for UI): IPv4 and IPv6, with a pad, from a command and a response
    (the C/R bit: "U P" or "U F" in tshark's Info), SNAP (an EtherType's payload is data: tshark's SNAP hands it on
    only from plain UI; bridged frames are decoded), an unknown OUI,
    NLPIDs both leave undecoded and one tshark does not know (data after the address), frames that end after the
    control field, the pad and inside IPv4, and a frame cut by the capture at every length through IPv4 and UDP."""
    ui = lambda nlpid, payload, pad=False, **address: q922(100, **address) + b"\x13" + (b"\x00" if pad else b"") + bytes([nlpid]) + payload
    frames = [
        ui(0xCC, udp4()),
        ui(0x8E, udp6()),
        ui(0xCC, tcp4(), pad=True),
        ui(0xCC, echo4(), cr=1),
        ui(0x80, fr_snap(0, 0x0800, udp4())),
        ui(0x80, fr_snap(0, 0x86DD, udp6()), pad=True, cr=1),
        ui(0x84, bytes(range(20))),
        ui(0x45, bytes(range(20))),
        q922(100) + b"\x13",
        q922(100) + b"\x13\x00",
        ui(0xCC, udp4()[:12]),
        ui(0x80, fr_snap(0xF8, 0x0800, echo4())),
        ui(0x80, fr_snap(0x0080C2, 0x0007, bytes(40))),
        ui(0x80, fr_snap(0x123456, 0x0001, b"abcdef")),
    ]
    out = [(f, None) for f in frames]
    out += [(ui(0xCC, udp4()), n) for n in range(1, 4 + 28 + 1)]
    return out


def frelay_damageable(data, direction):
    """The address octets, whose EA bits damage keeps: a DLCI, its C/R, FECN, BECN and DE bits, DL-CORE in a longer address."""
    at = 0
    while at < len(data) and not data[at] & 1:
        at += 1
    return min(at + 1, 4)


def with_direction(frames):
    """The same frames behind LINKTYPE_PPP_WITH_DIR's direction byte: received (0), sent (1) and another non-zero value."""
    out = []
    for i, (data, caplen) in enumerate(frames):
        direction = (0, 1, 0x80)[i % 3]
        out.append((bytes([direction]) + data, None if caplen is None else caplen + 1))
    out.append((b"\x00", None))
    return out


def control_damageable(data, direction):
    """The control packet's header and first options (after address, control and protocol, which stay; a frame with
    nothing after them is left alone). Left alone too: IPCP's IPHC and ROHC options, whose sub-options RawNet does not
    read, and a rejected IPv4 header, whose damage tshark's expert info (and colouring) would judge, RawNet's quote not."""
    if len(data) <= 4 or b"\x00\x61\x00\x0f" in data or b"\x00\x03\x00\x0f" in data:
        return 0
    return 10 if data[4] == 8 and data[8:10] == b"\x00\x21" else 4 + 12


def auth_damageable(data, direction):
    """The PAP or CHAP packet's header and first bytes (after address, control and protocol, which stay)."""
    return 4 + 12 if len(data) > 4 else 0


def pppoe_auth_damageable(data, direction):
    """The packet after the PPPoE session header and the PPP protocol field."""
    return 22 + 12 if len(data) > 22 else 0


def chdlc_damageable(data, direction):
    """Address, control and the protocol's high byte."""
    return 3


def mpls_damageable(data, direction):
    """The first label entry's label and traffic class bytes (the bottom-of-stack bit moves, so stacks end early or late)."""
    return 14 + 3


def ppp_damageable(data, direction):
    """How many leading bytes of a PPP frame damage may touch: direction, address and control, and the high byte of an
    uncompressed protocol (a changed high byte names another protocol, never IPv4 or IPv6 over the other's packet:
    IPv4 that holds IPv6 is the IP oracles' business, as is damaged IP)."""
    at = 1 if direction else 0
    if len(data) > at and data[at] == 0xFF:
        at += 2
    return at + (0 if len(data) > at and data[at] & 1 else 1)


TR_DST, TR_SRC = bytes.fromhex("c00000001234"), bytes.fromhex("020000abcdef")


def snap(ethertype):
    """LLC in an unnumbered information frame with SNAP (RFC 1042) for an EtherType."""
    return b"\xaa\xaa\x03\x00\x00\x00" + struct.pack(">H", ethertype)


def token_ring(payload, route=None, ac=0x10, fc=0x40):
    """An 802.5 MAC header: access control, frame control, addresses (the source's top bit set when routing
    information follows), the routing information."""
    source = bytes([TR_SRC[0] | (0x80 if route is not None else 0)]) + TR_SRC[1:]
    return bytes([ac, fc]) + TR_DST + source + (route or b"") + payload


def tokenring_frames():
    """Token Ring frames (LINKTYPE_IEEE802_5): LLC/SNAP with IPv4, IPv6, ARP, IP on its SAP, routing information of every
    broadcast type, direction and largest frame, with 0 to 14 segments and odd and below-two lengths, MAC and reserved
    frames, and frames the capture or the wire ends inside the header, the routing information and LLC."""
    ip4, arp = udp4(), bytes.fromhex("000108000604000102000000abcd") + bytes([198, 18, 0, 1]) + bytes(6) + bytes([198, 18, 0, 2])
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(token_ring(snap(0x0800) + ip4))
    add(token_ring(snap(0x86DD) + udp6()))
    add(token_ring(snap(0x0806) + arp))
    add(token_ring(snap(0x0800) + tcp4(), ac=0xFF, fc=0x41))
    add(token_ring(b"\x06\x06\x03" + echo4()))
    add(token_ring(snap(0x1234) + b"abcdef"))
    add(token_ring(b"\xf0\xf0\x03" + b"netbios"))
    for control in (0x0230, 0x82B0, 0xC6A0, 0x4610, 0x0A70, 0xE640):
        length = control >> 8 & 0x1F
        segments = b"".join(struct.pack(">H", 0x0011 + 0x1230 * i) for i in range((length - 2) // 2)) + b"\x5a" * (length % 2)
        add(token_ring(snap(0x0800) + ip4, route=struct.pack(">H", control) + segments))
    add(token_ring(snap(0x86DD) + udp6(), route=bytes([0x9F, 0x30]) + bytes(range(1, 30))))
    add(token_ring(snap(0x0800) + ip4, route=bytes([0x90, 0x30]) + bytes(range(14))))
    add(token_ring(snap(0x0800) + ip4, route=bytes([0x85, 0x30, 0x00, 0x11, 0x23])))
    add(token_ring(b"\x30" + snap(0x0800) + ip4, route=bytes([0x81])))
    add(token_ring(snap(0x0800) + ip4, route=b""))
    add(token_ring(b"\x00\x10\x01\x02\x03\x04", fc=0x00))
    add(token_ring(b"\x00\x10", route=bytes([0x82, 0x30]), fc=0x01))
    add(token_ring(b"abc", fc=0x80))
    add(token_ring(b"", fc=0xC5))
    # damaged and cut: inside the addresses, at the end of the header, inside the routing information and its pairs
    whole = token_ring(snap(0x0800) + ip4, route=bytes.fromhex("86b000112340"))
    for end in (1, 5, 13, 14, 15, 16, 17, 18, 19, 20, 21, 24, 30):
        add(whole, end)
    for end in (13, 14, 15, 19, 20):
        add(whole[:end])
    plain = token_ring(snap(0x0800) + ip4)
    for end in (14, 15, 16, 17, 22, 30):
        add(plain, end)
        add(plain[:end])
    odd = token_ring(snap(0x0800) + ip4, route=bytes([0x85, 0x30, 0x00, 0x11, 0x23]))
    add(odd[:19])
    add(odd, 19)
    return frames


def tokenring_damageable(data, direction):
    """The MAC header and the routing information's first bytes."""
    return 18


def fddi(payload, fc=0x50, dst=TR_DST, src=TR_SRC):
    """An FDDI MAC header: frame control and both addresses, stored as the capture has them (tshark shows them bit-swapped)."""
    return bytes([fc]) + dst + src + payload


def fddi_frames():
    """FDDI frames (LINKTYPE_FDDI): asynchronous LLC frames of every priority and with the reserved bit carrying IPv4
    (UDP, TCP, ICMP), IPv6, ARP and IP on its SAP, an unknown EtherType, a group address, every other class of frame
    control (void, tokens, SMT, MAC, synchronous LLC, implementor frames, unknown classes), and frames the capture or
    the wire ends inside the header and LLC."""
    ip4, arp = udp4(), bytes.fromhex("000108000604000102000000abcd") + bytes([198, 18, 0, 1]) + bytes(6) + bytes([198, 18, 0, 2])
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(fddi(snap(0x0800) + ip4))
    add(fddi(snap(0x86DD) + udp6(), fc=0x51))
    add(fddi(snap(0x0806) + arp, fc=0x54))
    add(fddi(snap(0x0800) + tcp4(), fc=0x57))
    add(fddi(b"\x06\x06\x03" + echo4(), fc=0x5C))
    add(fddi(snap(0x1234) + b"abcdef", fc=0x58))
    add(fddi(snap(0x0800) + ip4, dst=bytes.fromhex("ffffffffffff")))
    add(fddi(snap(0x0800) + ip4, dst=bytes.fromhex("800000000001"), src=bytes.fromhex("0123456789ab")))
    for fc in (0x00, 0x20, 0x41, 0x42, 0x4F, 0x60, 0x6A, 0x80, 0x81, 0xC0, 0xC1, 0xC2, 0xC3, 0xCF, 0xD0, 0xD5, 0xE3, 0xF0):
        add(fddi(snap(0x0800) + ip4 if fc == 0xD0 else b"\x01\x02\x03\x04", fc=fc))
    add(fddi(b"", fc=0x80))
    # damaged and cut: inside the addresses, at the end of the header, inside LLC and SNAP
    whole = fddi(snap(0x0800) + ip4)
    for end in (1, 2, 7, 8, 12, 13, 14, 16, 20, 21, 30):
        add(whole, end)
        add(whole[:end])
    return frames


def fddi_damageable(data, direction):
    """The frame control and the addresses."""
    return 13


def atm_frames():
    """RFC 1483 LLC-encapsulated frames (LINKTYPE_ATM_RFC1483): SNAP with IPv4 (UDP, TCP, ICMP), IPv6, ARP and an unknown
    EtherType, IP on its own SAP, numbered and unnumbered LLC frames of other SAPs, first bytes tcpdump takes for an
    802.6 header (and reads LLC 20 bytes on: not SNAP there, which RawNet's line does not follow), and frames the capture or the wire ends inside LLC, SNAP and IPv4."""
    ip4, arp = udp4(), bytes.fromhex("000108000604000102000000abcd") + bytes([198, 18, 0, 1]) + bytes(6) + bytes([198, 18, 0, 2])
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(snap(0x0800) + ip4)
    add(snap(0x86DD) + udp6())
    add(snap(0x0800) + tcp4())
    add(snap(0x0800) + echo4())
    add(snap(0x0806) + arp)
    add(snap(0x1234) + b"abcdef")
    add(b"\x06\x06\x03" + ip4)
    add(b"\xf0\xf0\x03" + b"netbios-name")
    add(b"\x42\x43\x0c\x00" + bytes(24))
    add(b"\xaa\xaa\x02\x04" + bytes(24))
    add(b"\x10\x20\x03" + bytes(17) + b"\x42\x42\x03" + bytes(8))
    whole = snap(0x0800) + ip4
    for end in (1, 2, 3, 4, 7, 8, 9, 20, 27):
        add(whole, end)
        add(whole[:end])
    return frames


def atm_damageable(data, direction):
    """LLC and SNAP."""
    return 8



# --- The leftovers of LLC, Token Ring and ATM (issue 13, item 3): appended last, see main ---

def tcp6():
    return bytes(IPv6(src=A6, dst=B6) / TCP(sport=40001, dport=9, flags="S", seq=1000, options=[("MSS", 1440)]))


def snap_header(oui, pid):
    """LLC for a UI frame with SNAP: an OUI and a protocol ID."""
    return b"\xaa\xaa\x03" + oui.to_bytes(3, "big") + struct.pack(">H", pid)


# A spanning tree configuration BPDU (protocol 0, version 0, type 0, root and bridge 32768/02:00:00:00:00:01).
BPDU = bytes.fromhex("000000000080000200000000010000000080000200000000018001000014000200 0f00".replace(" ", ""))
def cdp(tlvs):
    """A CDP packet: version 2, TTL 180, its checksum (the Internet checksum of the packet), the TLVs."""
    packet = b"\x02\xb4\x00\x00" + tlvs
    total = sum(struct.unpack(">%dH" % (len(packet) // 2), packet[:len(packet) // 2 * 2])) + (packet[-1] << 8 if len(packet) % 2 else 0)
    while total > 0xFFFF:
        total = (total & 0xFFFF) + (total >> 16)
    return packet[:2] + struct.pack(">H", ~total & 0xFFFF) + packet[4:]


# A CDP packet with one device ID TLV.
CDP = cdp(struct.pack(">HH", 1, 8) + b"abcd")


def llc_more_frames():
    """802.3 frames of what the first LLC cases left out: IPv6 on IP's SAP 6 (tshark's version-sniffing "ip" hands it to
    IPv6, tcpdump's ip_print refuses it in its own words), with UDP, TCP and ICMPv6, an 802.3 length that ends inside
    the IPv6 header, one byte of it, and the capture cutting it before, inside and after the header; SNAP with every OUI
    tcpdump 4.99 names (oui_values) and one it does not, with protocol IDs of the tables snap_print picks by OUI:
    EtherType names behind RFC 1042's, 802.1H's and Apple's OUIs that no tcpdump printer takes (PUP, Sprite, AARP, IPv4
    behind Apple's), Cisco's PIDs with tcpdump printers (CDP, VTP, DTP, UDLD, PVST, VLAN bridge: compared up to their
    names) and without, RFC 2684's bridged PIDs tcpdump names but has no printer for (802.4, 802.6) and a BPDU (STP), and
    AppleTalk's DDP. Not here: bridged Ethernet, Token Ring and FDDI frames (0x0080c2's PIDs 1, 3, 4, 7, 9, 10), which
    llc_bridged_frames has, and EtherTypes tcpdump has printers for that RawNet has not (LLDP, DECnet, loopback, RARP,
    AARP behind RFC 1042)."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    ip6 = udp6()
    add(dot3(b"\x06\x06\x03" + ip6))
    add(dot3(b"\x06\x06\x03" + tcp6()))
    add(dot3(b"\x06\x06\x03" + bytes(IPv6(src=B6, dst=A6) / ICMPv6EchoRequest(id=7, seq=1))))
    add(dot3(b"\x06\x06\x03" + ip6, length=3 + 20))                 # the 802.3 length ends inside IPv6
    add(dot3(b"\x06\x06\x03\x60", pad=False))                       # one byte of it
    add(dot3(b"\x06\x06\x03\x60"))                                   # and padding after it
    add(dot3(b"\x06\x06\x13" + ip6))                                 # a UI with the poll bit: not IP
    whole = dot3(b"\x06\x06\x03" + ip6)
    for cut in (17, 18, 20, 40, 56, 57):
        add(whole, cut)
    for oui in (0x00005E, 0x000081, 0x00A03E, 0x00E02F, 0x009069, 0x080009, 0x00120F, 0x0012BB, 0x001B21, 0x002320, 0x5C16C7,
                0xB0D2F5, 0x002481, 0x0004EA, 0x748771, 0xA42305, 0x00049F, 0x0015AD, 0x001018, 0x00E004, 0xD0F0DB, 0x0019A7):
        add(dot3(snap_header(oui, 0x0001) + b"abcdef"))
    for oui, pid in ((0x000000, 0x0200), (0x000000, 0x0500), (0x0000F8, 0x0200), (0x0000F8, 0x1234), (0x080007, 0x80F3),
                     (0x080007, 0x0800), (0x080007, 0x1234), (0x00000C, 0x1234), (0x00000C, 0x0001), (0x0080C2, 0x0002),
                     (0x0080C2, 0x0005), (0x0080C2, 0x0006), (0x0080C2, 0x0008), (0x0080C2, 0x000B), (0x0080C2, 0x1234)):
        add(dot3(snap_header(oui, pid) + b"abcdefgh"))
    for pid, body in ((0x2000, CDP), (0x2003, bytes(40)), (0x2004, bytes(40)), (0x0111, bytes(40)), (0x010B, BPDU), (0x010C, BPDU)):
        add(dot3(snap_header(0x00000C, pid) + body))
    add(dot3(snap_header(0x0080C2, 0x000E) + BPDU))
    add(dot3(snap_header(0x080007, 0x809B) + bytes.fromhex("0011000000000001000200030405") + b"ddp"))
    add(dot3(snap_header(0x0000F8, 0x0200) + b"abc", length=8 + 1))       # the 802.3 length ends after SNAP
    for control in range(0x03, 0x100, 0x04):                              # every unnumbered control, command and response
        for ssap in (0x04, 0x05):
            add(dot3(bytes([0x04, ssap, control]) + b"abcd"))
    return frames


def llc_more_damageable(data, direction):
    """DSAP, SSAP, the control field and SNAP's OUI (not the protocol ID, whose changed values name EtherTypes tcpdump
    has printers for and RawNet has not, nor the 802.3 length, nor the IP after SAP 6: damaged IP is the IP oracles'
    business). Kept as it was when the bridged frames were left as data, so that the damaged files stay as they were."""
    return 14 + (6 if data[14:16] == b"\xaa\xaa" else 3)


def tokenring_more_frames():
    """Token Ring frames for tr.src's second value and tr.rif: routing information of 3 and 4 bytes (no pair: tshark's
    string is empty) and of every length from 5 to 12, more than 30 bytes, the capture cutting the pairs at each byte,
    frames whose source is and is not source-routed with a group destination; and MAC frames (tshark's trmac) of each
    frame control, with major vectors of named and unknown commands and function classes, sub-vectors of fixed length
    (right and wrong), of free length and of lengths below 2, declared lengths past the frame, and bodies the capture or
    the wire ends before, at and after the command byte (fewer than 3 captured bytes are data to tshark)."""
    ip4 = udp4()
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    for length in range(3, 13):
        add(token_ring(snap(0x0800) + ip4, route=bytes([0x80 | length, 0x30]) + bytes(range(0x21, 0x21 + length - 2))))
    add(token_ring(snap(0x0800) + ip4, route=bytes([0xDF, 0xB0]) + bytes(range(0xE3, 0x100))))
    whole = token_ring(snap(0x0800) + ip4, route=bytes.fromhex("8a30") + bytes.fromhex("0fff1234abcd5678"))
    for cut in range(16, 27):
        add(whole, cut)
    add(token_ring(snap(0x86DD) + udp6(), route=bytes.fromhex("0630a0b1c2d3")))
    add(bytes([0x10, 0x40]) + bytes.fromhex("ffffffffffff") + bytes.fromhex("7edcba987654") + snap(0x0800) + ip4)
    for fc in (0x00, 0x01, 0x02, 0x03, 0x04, 0x05):
        add(token_ring(struct.pack(">HBB", 8, 0x00, 0x02) + b"\x00\x00\x00\x00", fc=fc))
    for body in ("000845020000000000", "012c00056162636465", "000c000304010002 04020000", "000c0029 0802010203040506",
                 "000a0029 080201020304", "000a0029 062001020304", "000a0029 042001020304", "00080029 04200102",
                 "00020029", "00080029 05990102", "00080029 07990102", "000800ff 00000000", "0008001a 04300102",
                 "0010002d 080201020304 0506 0201", "000e0022 0a22 0102030405060708"):
        add(token_ring(bytes.fromhex(body.replace(" ", "")), fc=0x01))
    mac = token_ring(bytes.fromhex("000800020401000204020000"), fc=0x01)
    for end in (14, 15, 16, 17, 18, 19, 21):
        add(mac, end)
        add(mac[:end])
    return frames


def atm_more_frames():
    """RFC 1483 frames of what the first ATM cases left out: Cisco's NLPID form (a first byte of 0x03, tcpdump's
    isoclns_print from the next byte) with IPv4 (UDP, TCP, ICMP), IPv6, the null network layer, unknown NLPIDs and
    frames that end after 0x03 and inside IPv4; and a Fore driver's 20-byte 802.6 header before SNAP with IPv4, IPv6,
    ARP, an unknown EtherType and CDP, before IP on its own SAP (IPv4 and IPv6), and before LLC frames of other SAPs and
    controls. Not here: CLNP, ES-IS, IS-IS, Q.933 and PPP behind the NLPID, which tcpdump prints and RawNet names only."""
    ip4, arp = udp4(), bytes.fromhex("000108000604000102000000abcd") + bytes([198, 18, 0, 1]) + bytes(6) + bytes([198, 18, 0, 2])
    fore = bytes.fromhex("222403") + bytes(range(0x40, 0x40 + 17))
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(b"\x03\xcc" + ip4)
    add(b"\x03\xcc" + tcp4())
    add(b"\x03\xcc" + echo4())
    add(b"\x03\x8e" + udp6())
    add(b"\x03\x00" + b"null")
    add(b"\x03\x00")
    for nlpid in (0x09, 0x80, 0xB0, 0xFF):
        add(b"\x03" + bytes([nlpid]) + b"abcdefgh")
    add(b"\x03\x09")
    add(b"\x03")
    add(b"\x03\xcc")
    add(b"\x03\xcc" + ip4[:12])
    add(b"\x03\xcc" + ip4, 10)
    add(b"\x03\xcc" + ip4, 1)
    add(fore + snap(0x0800) + ip4)
    add(fore + snap(0x86DD) + udp6())
    add(fore + snap(0x0806) + arp)
    add(fore + snap(0x1234) + b"abcdef")
    add(fore + snap_header(0x00000C, 0x2000) + CDP)
    add(fore + b"\x06\x06\x03" + ip4)
    add(fore + b"\x06\x06\x03" + udp6())
    add(fore + b"\x0e\x0e\xafxyz")
    add(fore + b"\x0e\x0f\x10\x23info")
    add(fore + snap(0x0800) + ip4, 30)
    add(fore + snap(0x0800))
    add(fore[:21])
    return frames


def atm_more_damageable(data, direction):
    """The NLPID form's first two bytes, LLC and SNAP (a Fore header's first bytes); damage() keeps the NLPIDs whose
    printers RawNet has not out."""
    return 8


# --- MAC frames bridged behind SNAP's OUI 00-80-C2 (issue 13, "Breadth"): appended last, see main ---

E_DST, E_SRC = bytes.fromhex("02000000000b"), bytes.fromhex("02000000000a")
FCS = bytes.fromhex("deadbeef")


def eth2(ethertype, payload):
    """An Ethernet II frame (no FCS), not padded: what RFC 2684 bridges."""
    return E_DST + E_SRC + struct.pack(">H", ethertype) + payload


def bridged(pid, frame, pad=b"\x00\x00"):
    """LLC and SNAP for OUI 00-80-C2 and a bridged protocol ID, the pad LLC's carriers put before the frame, the frame."""
    return snap_header(0x0080C2, pid) + pad + frame


def bridged_inner_frames():
    """The Ethernet frames the bridged cases carry: IPv4 (UDP, TCP, ICMP), IPv6, ARP, a VLAN tag, an 802.3 frame with
    SNAP and with IP on its SAP, an unknown EtherType."""
    arp = bytes.fromhex("000108000604000102000000abcd") + bytes([198, 18, 0, 1]) + bytes(6) + bytes([198, 18, 0, 2])
    ip4 = udp4()
    return [eth2(0x0800, ip4), eth2(0x0800, tcp4()), eth2(0x0800, echo4()), eth2(0x86DD, udp6()), eth2(0x0806, arp),
            eth2(0x8100, struct.pack(">HH", 5, 0x0800) + ip4), eth2(0x8100, struct.pack(">HH", 0x2007, 0x86DD) + tcp6()),
            E_DST + E_SRC + struct.pack(">H", 8 + len(ip4)) + snap(0x0800) + ip4,
            E_DST + E_SRC + struct.pack(">H", 3 + len(ip4)) + b"\x06\x06\x03" + ip4, eth2(0x1234, b"abcdefgh")]


def llc_bridged_frames():
    """802.3 frames (LLC, 2 bytes of pad) bridging every frame RawNet decodes: Ethernet without its FCS (PID 7) and with
    it (PID 1, tshark's eth.fcs) carrying each of bridged_inner_frames, with a trailer before the FCS and a pad that is
    not zeros; Token Ring (PIDs 9 and 3, with routing information) and FDDI (PIDs 10 and 4, one more byte of pad); a BPDU
    (PID 14: STP, which RawNet names only); a bridged frame behind a numbered control field; frames bridged inside
    bridged frames, two and eight deep (PacketDecoder.MaxBridgedFrames; tshark has no bound); frames the 802.3 length ends before the pad, inside it,
    inside the inner header, and right after it; and the capture cutting PID 1's and PID 7's frames at every length
    (but five, see udp_at below)."""
    ip4 = udp4()
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    for inner in bridged_inner_frames():
        add(dot3(bridged(0x0007, inner)))
        add(dot3(bridged(0x0001, inner + FCS)))
    add(dot3(bridged(0x0001, eth2(0x0800, ip4) + b"TRAILER!" + FCS)))
    add(dot3(bridged(0x0007, eth2(0x0800, ip4), pad=b"\x01\x02")))
    for pid in (0x0009, 0x0003):
        add(dot3(bridged(pid, token_ring(snap(0x0800) + ip4))))
        add(dot3(bridged(pid, token_ring(snap(0x86DD) + udp6(), route=bytes.fromhex("0630a0b1c2d3")))))
    for pid in (0x000A, 0x0004):
        add(dot3(bridged(pid, fddi(snap(0x0800) + ip4), pad=b"\x00\x00\x00")))
    add(dot3(snap_header(0x0080C2, 0x000E) + BPDU))
    add(dot3(b"\xaa\xaa\x00\x00\x00\x80\xc2\x00\x07\x00\x00" + eth2(0x0800, ip4)))
    nested = eth2(0x0800, ip4)
    for depth in range(2, 9):
        nested = E_DST + E_SRC + struct.pack(">H", 10 + len(nested)) + bridged(0x0007, nested)
        if depth in (2, 8):                                              # 8: as deep as RawNet decodes
            add(dot3(bridged(0x0007, nested)))
    # (an IPv4 header alone: the 802.3 frame stays under 64 bytes, where tshark would take a trailer's end for an FCS)
    whole = bridged(0x0007, eth2(0x0800, bytes(IP(src=A, dst=B, id=1, proto=17))))
    for end in (8, 9, 10, 11, 20, 24, 30):
        add(dot3(whole, length=end))
    add(dot3(whole[:8], pad=False))
    add(dot3(whole[:9], pad=False))
    add(dot3(whole[:10], pad=False))
    # Not at 2 or 3 bytes of UDP's header (tshark's UDP adds no field there, RawNet's does: bridged or not) nor 1 to 3
    # of its payload (tshark's WireGuard heuristic claims them).
    udp_at = 14 + 8 + 2 + 14 + 20
    for frame in (dot3(bridged(0x0001, eth2(0x0800, ip4) + FCS)), dot3(bridged(0x0007, eth2(0x0800, ip4)))):
        for cut in range(14 + 8, len(frame)):
            if cut - udp_at not in (2, 3, 9, 10, 11):
                add(frame, cut)
    add(dot3(bridged(0x0001, eth2(0x0800, b"\x45\x00"))))             # less than an FCS after the header
    add(dot3(bridged(0x0001, eth2(0x0800, b""))))                       # the header alone
    return frames


def llc_bridged_damageable(data, direction):
    """LLC, SNAP, the pad and the inner frame's addresses: never the 802.3 length (llc.pcap's damage has it; shorter, it
    leaves a trailer whose last bytes tshark takes for the outer frame's FCS, which RawNet does not show) nor the inner
    type (whose changed values name EtherTypes tcpdump has printers for and RawNet has not)."""
    return 14 + 8 + 2 + 12


llc_bridged_damageable.start = 14


def carried_bridged_frames(carry, pad, snap_end):
    """The bridged cases ATM and Frame Relay share: carry(pid, body) puts SNAP for 00-80-C2 and a PID before a body,
    after pad (the bytes before an Ethernet or Token Ring frame; FDDI's has one more). Ethernet without and with its FCS
    carrying IPv4 (UDP, TCP, ICMP), IPv6, ARP and VLAN tags; Token Ring and FDDI; a BPDU; and the capture or the wire
    ending inside SNAP (which ends at snap_end), the pad and the inner header, and the capture inside the FCS (not the
    wire: an IPv4 packet longer than what is left of the frame is a disagreement of RawNet's own, bridged or not)."""
    ip4 = udp4()
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    for inner in bridged_inner_frames()[:7]:
        add(carry(0x0007, pad + inner))
        add(carry(0x0001, pad + inner + FCS))
    add(carry(0x0009, pad + token_ring(snap(0x0800) + ip4)))
    add(carry(0x000A, pad + b"\x00" + fddi(snap(0x0800) + ip4)))
    add(carry(0x000E, BPDU))
    whole = carry(0x0001, pad + eth2(0x0800, ip4) + FCS)
    for end in (snap_end, snap_end + 1, snap_end + 2, snap_end + 7, snap_end + 16, snap_end + 35):
        add(whole, end)
        add(whole[:end])
    for end in (len(whole) - 4, len(whole) - 1):
        add(whole, end)
    return frames


def atm_bridged_frames():
    """RFC 2684 bridged frames on LINKTYPE_ATM_RFC1483: LLC from the first byte, 2 bytes of pad (see carried_bridged_frames)."""
    return carried_bridged_frames(lambda pid, body: snap_header(0x0080C2, pid) + body, b"\x00\x00", 8)


def atm_bridged_damageable(data, direction):
    """LLC, SNAP, the pad and the inner frame's addresses."""
    return 8 + 2 + 12


def frelay_bridged_frames():
    """RFC 2427 bridged frames behind Frame Relay's SNAP NLPID, no pad before Ethernet (one before FDDI), as tshark and
    tcpdump read them (see carried_bridged_frames); and an 802.4 PID and a frame after the optional pad octet."""
    frames = carried_bridged_frames(lambda pid, body: frelay(0x80, fr_snap(0x0080C2, pid, body)), b"", 9)
    frames.append((frelay(0x80, fr_snap(0x0080C2, 0x0002, b"abcdefgh")), None))
    frames.append((frelay(0x80, fr_snap(0x0080C2, 0x0007, eth2(0x0800, udp4())), pad=True), None))
    return frames


def frelay_bridged_damageable(data, direction):
    """SNAP and the inner frame's addresses (after address, control and NLPID, which stay)."""
    return 4 + 5 + 12


frelay_bridged_damageable.start = 4


L2TP_A, L2TP_B = "198.18.1.1", "198.18.1.2"


def l2tp_udp(payload, sport=1701, dport=1701):
    """An Ethernet frame with IPv4 and UDP around an L2TP message (the UDP checksum left 0, as scapy would not guess it right for damaged bytes)."""
    return ether(0x0800, bytes(IP(src=L2TP_A, dst=L2TP_B, id=11) / UDP(sport=sport, dport=dport, chksum=0) / Raw(payload)))


def l2tp(control=False, length=None, sequence=None, offset=None, priority=False, tunnel=5, session=6, body=b"", version=2):
    """An L2TPv2 header (RFC 2661 3.1) and body: length True for the right length, a number for a wrong one; sequence (Ns, Nr); offset the padding."""
    flags = (0x8000 if control else 0) | (0x4000 if length is not None else 0) | (0x0800 if sequence is not None else 0) \
        | (0x0200 if offset is not None else 0) | (0x0100 if priority else 0) | version
    rest = struct.pack(">HH", tunnel, session)
    if sequence is not None:
        rest += struct.pack(">HH", *sequence)
    if offset is not None:
        rest += struct.pack(">H", len(offset)) + offset
    rest += body
    if length is None:
        return struct.pack(">H", flags) + rest
    return struct.pack(">HH", flags, 4 + len(rest) if length is True else length) + rest


def avp(kind, value=b"", mandatory=True, hidden=False, vendor=0, length=None):
    """An L2TP AVP (RFC 2661 4.1): flags and length, vendor ID, attribute type, value."""
    word = (0x8000 if mandatory else 0) | (0x4000 if hidden else 0) | ((6 + len(value)) if length is None else length)
    return struct.pack(">HHH", word, vendor, kind) + value


def msgtype(kind):
    return avp(0, struct.pack(">H", kind))


def l2tp_frames():
    """L2TPv2 on UDP 1701: data messages with and without length, sequence numbers, offset padding and priority, carrying
    PPP with and without address and control (IPv4 UDP, TCP and ICMP, IPv6, LCP, an unknown protocol, nothing); control
    messages of every type tshark names (SCCRQ with a hidden and a vendor AVP, SCCRP, SCCCN, StopCCN, Hello, ICRQ, ICRP,
    ICCN, OCRQ, CDN, WEN, SLI ...), the value printers of tcpdump's attributes, ZLBs, short and lying lengths, a message
    without a length, AVPs shorter than 6 bytes or running past the message, version 1 (L2F) and 4 (left as data), the port on
    one side only, and a data and a control message cut by the capture at every length."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    ppp4 = b"\xff\x03\x00\x21" + udp4()
    add(l2tp_udp(l2tp(body=ppp4)))
    add(l2tp_udp(l2tp(length=True, body=b"\x00\x21" + tcp4())))
    add(l2tp_udp(l2tp(body=b"\x21" + echo4())))
    add(l2tp_udp(l2tp(sequence=(1, 2), offset=b"\x00\x00", body=b"\xff\x03\x00\x57" + udp6())))
    add(l2tp_udp(l2tp(length=True, sequence=(7, 9), priority=True, body=ppp4)))
    add(l2tp_udp(l2tp(offset=b"", body=ppp4)))
    add(l2tp_udp(l2tp(offset=b"\x01\x02\x03", body=b"\x57" + udp6())))
    add(l2tp_udp(l2tp(body=b"\xff\x03\xc0\x21" + control(1, 1, option(1, struct.pack(">H", 1460))))))
    add(l2tp_udp(l2tp(body=b"\xff\x03\x12\x34abc")))
    add(l2tp_udp(l2tp()))                                        # no PPP frame at all
    add(l2tp_udp(l2tp(length=True)))
    add(l2tp_udp(l2tp(body=b"\xff")))                           # an address alone
    add(l2tp_udp(l2tp(body=b"\xff\x03")))
    add(l2tp_udp(l2tp(length=20, body=ppp4)))                   # a length shorter than the message
    add(l2tp_udp(l2tp(length=300, body=ppp4)))                  # and longer
    add(l2tp_udp(l2tp(length=3, body=ppp4)))                    # shorter than its own header
    add(l2tp_udp(l2tp(body=ppp4), sport=40000))                 # the port on one side
    add(l2tp_udp(l2tp(body=ppp4, version=1)))                   # L2F
    add(l2tp_udp(l2tp(body=ppp4, version=4)))
    add(l2tp_udp(b"\x00"))
    # control messages
    sccrq = msgtype(1) + avp(2, b"\x01\x00") + avp(3, struct.pack(">I", 3)) + avp(4, struct.pack(">I", 1)) + avp(5, bytes(range(8)), mandatory=False) \
        + avp(6, b"\x06\x80", mandatory=False) + avp(7, b"lac.example") + avp(8, b"RawNet\x01\xe9", mandatory=False) + avp(9, b"\x00\x05") \
        + avp(10, b"\x00\x04") + avp(9, b"\xab\xcd\xef\x01", hidden=True) + avp(11, b"\x10\x20\x30") + avp(100, b"ms", mandatory=False, vendor=311) \
        + avp(101, b"xy", vendor=311, hidden=True)
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(0, 0), tunnel=0, session=0, body=sccrq)))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(0, 1), tunnel=5, session=0,
                      body=msgtype(2) + avp(2, b"\x01\x00") + avp(7, b"lns") + avp(9, b"\x00\x07") + avp(13, bytes(range(16))))))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(1, 1), tunnel=7, session=0, body=msgtype(3) + avp(13, bytes(16)))))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(1, 2), tunnel=5, session=0)))                # ZLB
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(2, 2), tunnel=5, session=0, body=msgtype(6))))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(3, 2), tunnel=5, session=0,
                      body=msgtype(10) + avp(14, b"\x00\x09") + avp(15, struct.pack(">I", 12345)) + avp(18, struct.pack(">I", 3))
                      + avp(21, b"5551234") + avp(22, b"5554321") + avp(23, b"sub") + avp(25, struct.pack(">I", 2)))))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(2, 4), tunnel=7, session=9, body=msgtype(11) + avp(14, b"\x00\x0a"))))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(4, 3), tunnel=5, session=10,
                      body=msgtype(12) + avp(24, struct.pack(">I", 10000000)) + avp(19, struct.pack(">I", 1)) + avp(38, struct.pack(">I", 9600))
                      + avp(26, b"") + avp(27, b"") + avp(28, b"") + avp(29, b"\x00\x02") + avp(30, b"user")
                      + avp(31, b"\x01\x02") + avp(32, b"\x00\x07") + avp(33, b"\xaa" * 16) + avp(39, b"") + avp(36, b"\x12\x34\x56\x78"))))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(5, 3), tunnel=5, session=10,
                      body=msgtype(14) + avp(1, b"\x00\x03\x00\x06busy") + avp(12, b"\x00\x10\x01why") + avp(46, b"\x00\x01\xc0\x21\x01bye"))))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(6, 3), tunnel=5, session=10,
                      body=msgtype(15) + avp(34, b"\x00\x00" + struct.pack(">6I", 1, 2, 3, 4, 5, 6)))))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(7, 3), tunnel=5, session=10,
                      body=msgtype(16) + avp(35, b"\x00\x00\xff\xff\xff\xff\x00\x0a\x00\x00"))))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(8, 3), tunnel=5, session=0,
                      body=msgtype(4) + avp(9, b"\x00\x05") + avp(1, b"\x00\x01"))))
    add(l2tp_udp(l2tp(control=True, length=True, tunnel=5, session=0, body=msgtype(7) + avp(16, struct.pack(">I", 300)) + avp(17, struct.pack(">I", 64000)))))
    for kind in (5, 8, 9, 13, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31):
        add(l2tp_udp(l2tp(control=True, length=True, sequence=(9, 9), tunnel=5, session=1, body=msgtype(kind))))
    # AVPs whose values are too short for their printers, unknown attributes, and attributes before the message type
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(1, 1), body=avp(0, b"\x00") + avp(1, b"\x00") + avp(2, b"")
                      + avp(3, b"\x00") + avp(5, b"\x01") + avp(9, b"") + avp(12, b"\x00\x01") + avp(13, b"\x01") + avp(15, b"\x01")
                      + avp(29, b"\x00\x09") + avp(32, b"") + avp(34, b"\x00") + avp(35, b"\x00\x00\x01") + avp(46, b"\x00") + avp(200, b"??"))))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(1, 1), body=avp(7, b"host") + msgtype(1))))
    add(l2tp_udp(l2tp(control=True, length=True, body=msgtype(6))))                               # no sequence numbers
    add(l2tp_udp(l2tp(control=True, body=msgtype(6))))                                             # no length
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(1, 1), offset=b"\x00\x00", body=msgtype(6))))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(1, 1), body=msgtype(6) + avp(7, b"x", length=4))))   # an AVP shorter than 6
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(1, 1), body=msgtype(6) + avp(7, b"x", length=30))))  # one past the message
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(1, 1), body=msgtype(6) + avp(9, b"", vendor=3, length=30))))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(1, 1), body=msgtype(6) + b"\x80\x08")))             # a header cut by the length
    add(l2tp_udp(l2tp(control=True, length=16, sequence=(1, 1), body=msgtype(6) + avp(7, b"host"))))            # a length inside an AVP
    add(l2tp_udp(l2tp(control=True, length=40, sequence=(1, 1), body=msgtype(6))))                              # longer than the datagram
    add(l2tp_udp(l2tp(control=True, length=12, sequence=(1, 1), body=msgtype(6))))                              # a ZLB with a body
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(1, 1))[:14]))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(1, 1), body=msgtype(6))[:13]))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(1, 1), body=msgtype(6))[:16]))
    # the capture cutting a data and a control message at every length through L2TP, PPP and IPv4
    for whole, through in ((l2tp_udp(l2tp(length=True, sequence=(1, 2), offset=b"\x00", body=ppp4)), 14 + 28 + 15 + 4 + 21),
                           (l2tp_udp(l2tp(control=True, length=True, sequence=(0, 0), tunnel=0, session=0, body=sccrq[:40])), 14 + 28 + 12 + 40)):
        for cut in range(14 + 28, through):
            add(whole, cut)
    # an Extended Vendor ID AVP (type 58): tshark reads a 4-byte vendor from its type field on and goes on 8 bytes after
    # its start whatever its length (10 here, so the next AVP it reads begins inside this one), and cut inside it
    ext = msgtype(6) + avp(58, b"\x00\x00\x01\x37") + avp(58, b"\x00\x00\x01\x37\x00\x06") + avp(7, b"host")
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(1, 1), body=ext)))
    add(l2tp_udp(l2tp(control=True, length=True, sequence=(1, 1), body=msgtype(6) + avp(58, b"\x00\x00\x01\x37"))), 14 + 28 + 12 + 8 + 7)
    return frames


def l2tp_damageable(data, direction):
    """The L2TP header and its first AVP or the PPP frame's first bytes (after Ethernet, IPv4 and UDP); the damage keeps
    the version (see damage): version 3 would make the message L2TPv3, which l2tpv3.pcap's damage covers."""
    return 14 + 28 + 20


L2TPV3_A, L2TPV3_B, L2TPV3_C, L2TPV3_D = "198.18.2.1", "198.18.2.2", "198.18.3.1", "198.18.3.2"
L2TPV3_A6, L2TPV3_B6 = "2001:db8:115::1", "2001:db8:115::2"


def l2tpv3_ip(payload, src=L2TPV3_A, dst=L2TPV3_B):
    """An Ethernet frame with IPv4 carrying L2TPv3 directly (IP protocol 115, RFC 3931 4.1.1)."""
    return ether(0x0800, bytes(IP(src=src, dst=dst, id=12, proto=115) / Raw(payload)))


def l2tpv3_ip6(payload):
    """The same over IPv6 (next header 115)."""
    return ether(0x86DD, bytes(IPv6(src=L2TPV3_A6, dst=L2TPV3_B6, nh=115) / Raw(payload)))


def l2tpv3_udp(payload, src=L2TPV3_A, dst=L2TPV3_B, sport=1701, dport=1701):
    """An Ethernet frame with IPv4 and UDP around an L2TPv3 message (version 3 on port 1701, RFC 3931 4.1.2)."""
    return ether(0x0800, bytes(IP(src=src, dst=dst, id=13) / UDP(sport=sport, dport=dport, chksum=0) / Raw(payload)))


def l2tpv3_control(ccid, body=b"", length=True, sequence=(0, 0), flags=0xC803):
    """An L2TPv3 control message header (RFC 3931 3.2.1): flags with T, L and S, length, control connection ID, Ns, Nr."""
    if sequence is None:
        flags &= ~0x0800
    if length is None:
        flags &= ~0x4000
    rest = struct.pack(">I", ccid) + (struct.pack(">HH", *sequence) if sequence is not None else b"") + body
    if length is None:
        return struct.pack(">H", flags) + rest
    return struct.pack(">HH", flags, 4 + len(rest) if length is True else length) + rest


def l2tpv3_frames():
    """L2TPv3 over IP (IPv4 and IPv6) and over UDP 1701: data messages whose session carries Ethernet with and without a
    cookie and the default L2-specific sublayer (tshark's Detect learns neither without the session's set-up, so shows the
    payload as data), control messages (ICRQ, ICRP with session IDs, cookie, pseudowire type and sublayer AVPs, Hello,
    StopCCN, CDN, ZLB, an unknown message type, a vendor AVP first, no length, lying lengths, AVPs past the message) on
    other addresses than the data, and messages cut by the capture at every length. No SCCRQ: tshark's Detect would learn
    the tunnel from it."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    pw_a, pw_b = bytes.fromhex("020000000101"), bytes.fromhex("020000000102")
    inner = pw_b + pw_a + b"\x08\x00" + udp4()
    inner_tcp = pw_a + pw_b + b"\x08\x00" + tcp4()
    sid = lambda n: struct.pack(">I", n)
    # data over IP: no cookie, a 4- and an 8-byte cookie, the default sublayer; over IPv6; a session ID alone
    add(l2tpv3_ip(sid(0x1234) + inner))
    add(l2tpv3_ip(sid(0x1234) + inner_tcp))
    add(l2tpv3_ip(sid(0x00ABCDEF) + b"\xde\xad\xbe\xef" + inner))
    add(l2tpv3_ip(sid(0x2) + b"\x01\x02\x03\x04\x05\x06\x07\x08" + inner))
    add(l2tpv3_ip(sid(0x3) + b"\x40\x00\x00\x07" + inner))
    add(l2tpv3_ip(sid(0xFFFFFFFF) + b"\x11\x22\x33\x44" + b"\x40\x00\x01\x00" + inner))
    add(l2tpv3_ip6(sid(0x99) + inner))
    add(l2tpv3_ip(sid(0x5)))
    add(l2tpv3_ip(sid(0x5) + b"x"))
    # data over UDP: flags, reserved, session ID, then the same payloads
    udpdata = lambda s, body, flags=0x0003, reserved=0: struct.pack(">HHI", flags, reserved, s) + body
    add(l2tpv3_udp(udpdata(0x55, inner)))
    add(l2tpv3_udp(udpdata(0x56, b"\xca\xfe\xba\xbe" + b"\x40\x00\x00\x01" + inner_tcp)))
    add(l2tpv3_udp(udpdata(0x57, inner, flags=0x4803, reserved=0xBEEF)))   # flags a data message does not use, a reserved word
    add(l2tpv3_udp(udpdata(0x58, b"")))
    add(l2tpv3_udp(udpdata(0x59, inner), sport=50000))
    # control messages over IP (session ID 0) and over UDP, on their own addresses
    icrq = msgtype(10) + avp(63, sid(0x1234)) + avp(64, sid(0)) + avp(68, b"\x00\x05") + avp(65, b"\xde\xad\xbe\xef") \
        + avp(69, b"\x00\x01") + avp(70, b"\x00\x02") + avp(66, b"pw-1")
    icrp = msgtype(11) + avp(63, sid(0x00ABCDEF)) + avp(64, sid(0x1234)) + avp(68, b"\x00\x05")
    for carry in (lambda m: l2tpv3_ip(sid(0) + m, L2TPV3_C, L2TPV3_D), lambda m: l2tpv3_udp(m, L2TPV3_C, L2TPV3_D)):
        add(carry(l2tpv3_control(0x0A0B0C0D, icrq, sequence=(1, 1))))
        add(carry(l2tpv3_control(0x01020304, icrp, sequence=(1, 2))))
        add(carry(l2tpv3_control(0x0A0B0C0D, sequence=(2, 2))))                          # ZLB
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(6), sequence=(3, 2))))
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(12) + avp(63, sid(7)) + avp(64, sid(8)), sequence=(4, 2))))
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(14) + avp(1, b"\x00\x03\x00\x06busy") + avp(63, sid(7)) + avp(64, sid(8)), sequence=(5, 2))))
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(4) + avp(61, sid(0x0A0B0C0D)) + avp(1, b"\x00\x01"), sequence=(6, 2))))
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(99), sequence=(7, 2))))             # a type tshark does not name
        add(carry(l2tpv3_control(0x0A0B0C0D, avp(7, b"host") + msgtype(6), sequence=(7, 2))))
        add(carry(l2tpv3_control(0x0A0B0C0D, avp(100, b"ms", vendor=311) + msgtype(6), sequence=(7, 2))))
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(6), sequence=None)))
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(6), length=None)))
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(6), flags=0xCB03)))                 # offset and priority bits set
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(6) + avp(7, b"host", hidden=True) + avp(9, b"\x00\x05"))))
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(6) + avp(7, b"x", length=4))))      # an AVP shorter than 6
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(6) + avp(7, b"x", length=30))))     # one past the message
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(6) + avp(63, sid(7)), length=20)))  # a length inside an AVP
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(6), length=40)))                    # longer than the datagram
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(6), length=12)))                    # a ZLB with a body
        add(carry(l2tpv3_control(0x0A0B0C0D, msgtype(6), length=6)))                     # shorter than its header
    add(l2tpv3_ip6(sid(0) + l2tpv3_control(0x0A0B0C0D, msgtype(6), sequence=(8, 2))))
    add(l2tpv3_ip6(b""))                                                                 # IPv6 hands even no byte to L2TPv3
    # a vendor with a dissector of its own (Cisco) whose AVP runs past the message: tshark's contained-length mark
    add(l2tpv3_udp(l2tpv3_control(0x0A0B0C0D, msgtype(6) + avp(9, b"", vendor=9, length=24), length=26)))
    add(l2tpv3_ip(sid(0) + l2tpv3_control(0x0A0B0C0D, msgtype(6) + avp(9, b"\x00\x01\x02\x03", vendor=9, hidden=True, length=30)), L2TPV3_C, L2TPV3_D))
    add(l2tpv3_udp(l2tpv3_control(0x0A0B0C0D, avp(0, b"\x00", vendor=311, length=7), length=19)))   # the message type read after the header fails
    add(l2tpv3_udp(l2tpv3_control(0x0A0B0C0D, msgtype(10) + avp(65, b"") + avp(66, b"") + avp(63, sid(3)))))  # an empty cookie and end ID
    add(l2tpv3_ip(sid(0)))
    add(l2tpv3_ip(b"\x00\x00"))
    add(l2tpv3_ip(b""))
    add(l2tpv3_udp(b"\x00\x03"))
    add(l2tpv3_udp(b"\x80\x03"))
    # the capture cutting data and control messages at every length
    for whole, start, through in ((l2tpv3_ip(sid(0x1234) + inner), 14 + 20, 14 + 20 + 4 + 14 + 21),
                                  (l2tpv3_udp(udpdata(0x55, inner)), 14 + 28, 14 + 28 + 8 + 14 + 21),
                                  (l2tpv3_ip(sid(0) + l2tpv3_control(0x0A0B0C0D, icrq[:24], sequence=(1, 1)), L2TPV3_C, L2TPV3_D), 14 + 20, 14 + 20 + 4 + 12 + 24),
                                  (l2tpv3_udp(l2tpv3_control(0x0A0B0C0D, icrq[:24], sequence=(1, 1)), L2TPV3_C, L2TPV3_D), 14 + 28, 14 + 28 + 12 + 24)):
        for cut in range(start, through):
            add(whole, cut)
    return frames


def l2tpv3_damageable(data, direction):
    """The L2TPv3 header and its first AVP or the payload's first bytes (after Ethernet and IPv4 or IPv6, and UDP); the
    damage keeps a UDP message's version (see damage)."""
    ip = 40 if data[12:14] == b"\x86\xdd" else 20
    udp = 8 if data[14 + 9] == 17 and ip == 20 else 0
    return 14 + ip + udp + 24


l2tpv3_damageable.start = 14 + 20


L2TPV3S_A, L2TPV3S_B, L2TPV3S_C, L2TPV3S_D = "198.18.4.1", "198.18.4.2", "198.18.5.1", "198.18.5.2"


def l2tpv3_sessions_frames():
    """L2TPv3 session set-ups followed by their data, which tshark's default "Detect" decodes from what it learnt: over IP
    (A and B) and over UDP 1701 (C and D), an SCCRQ naming the tunnel's first end, then ICRQ/ICRP pairs whose Local and
    Remote Session IDs, Assigned Cookie (4 or 8 bytes, or none), L2-Specific Sublayer (default or none) and Pseudowire
    Type (Ethernet; Ethernet VLAN and an unassigned type, which tshark leaves as data) set how each direction's data is read: the cookie, the default sublayer's S bit
    and sequence number, the Ethernet frame and what it carries. Then data of an unknown session, of a session whose
    ICRQ went unanswered (tshark's lookup matches it by its missing remote ID), over UDP data on other ports than the
    SCCRQ's (tshark's conversation keeps the first end's port), and data cut inside the cookie and the sublayer."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    pw_a, pw_b = bytes.fromhex("020000000201"), bytes.fromhex("020000000202")
    inner = pw_b + pw_a + b"\x08\x00" + udp4()
    inner_back = pw_a + pw_b + b"\x08\x00" + udp4(b"back")
    sid = lambda n: struct.pack(">I", n)
    udpdata = lambda s, body: struct.pack(">HHI", 0x0003, 0, s) + body
    for over_ip, a, b in ((True, L2TPV3S_A, L2TPV3S_B), (False, L2TPV3S_C, L2TPV3S_D)):
        if over_ip:
            ctl = lambda m, src, dst: add(l2tpv3_ip(sid(0) + m, src, dst))
            data = lambda s, body, src, dst, caplen=None: add(l2tpv3_ip(sid(s) + body, src, dst), caplen)
            head = 14 + 20 + 4
        else:
            ctl = lambda m, src, dst: add(l2tpv3_udp(m, src, dst))
            data = lambda s, body, src, dst, caplen=None: add(l2tpv3_udp(udpdata(s, body), src, dst), caplen)
            head = 14 + 28 + 8
        ctl(l2tpv3_control(0, msgtype(1) + avp(61, sid(0x0A0B0C0D)) + avp(7, b"lcce-1"), sequence=(0, 0)), a, b)
        ctl(l2tpv3_control(0x0A0B0C0D, msgtype(2) + avp(61, sid(0x01020304)), sequence=(0, 1)), b, a)
        # a session with cookies both ways (4 bytes to A, 8 to B) and the default sublayer
        ctl(l2tpv3_control(0x01020304, msgtype(10) + avp(63, sid(0x1001)) + avp(64, sid(0)) + avp(68, b"\x00\x05")
                           + avp(65, b"\xa1\xa2\xa3\xa4") + avp(69, b"\x00\x01"), sequence=(1, 1)), a, b)
        ctl(l2tpv3_control(0x0A0B0C0D, msgtype(11) + avp(63, sid(0x2001)) + avp(64, sid(0x1001)) + avp(68, b"\x00\x05")
                           + avp(65, b"\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8") + avp(69, b"\x00\x01"), sequence=(1, 2)), b, a)
        data(0x2001, b"\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8" + b"\x40\x00\x00\x01" + inner, a, b)
        data(0x1001, b"\xa1\xa2\xa3\xa4" + b"\x00\x00\x00\x00" + inner_back, b, a)
        data(0x1001, b"\xa1\xa2\xa3\xa4" + b"\x40\xff\xff\xff" + inner_back, b, a)
        # a session with neither cookie nor sublayer, Ethernet VLAN
        ctl(l2tpv3_control(0x01020304, msgtype(10) + avp(63, sid(0x1002)) + avp(68, b"\x00\x04") + avp(69, b"\x00\x00"), sequence=(2, 2)), a, b)
        ctl(l2tpv3_control(0x0A0B0C0D, msgtype(11) + avp(63, sid(0x2002)) + avp(64, sid(0x1002)), sequence=(2, 3)), b, a)
        data(0x2002, inner, a, b)
        data(0x1002, inner_back, b, a)
        # a type no dissector takes, so data
        ctl(l2tpv3_control(0x01020304, msgtype(10) + avp(63, sid(0x1003)) + avp(68, b"\x00\x99") + avp(65, b"\xc1\xc2\xc3\xc4"), sequence=(3, 3)), a, b)
        ctl(l2tpv3_control(0x0A0B0C0D, msgtype(11) + avp(63, sid(0x2003)) + avp(64, sid(0x1003)) + avp(65, b"\xd1\xd2\xd3\xd4"), sequence=(3, 4)), b, a)
        data(0x2003, b"\xd1\xd2\xd3\xd4" + b"\xff\x03\x00\x21" + udp4(), a, b)
        # an unknown session, then a session whose ICRQ has no answer yet: data to A of any unknown ID now finds it
        data(0x7777, inner, a, b)
        data(0x7777, inner_back, b, a)
        ctl(l2tpv3_control(0x01020304, msgtype(10) + avp(63, sid(0x1004)) + avp(68, b"\x00\x05") + avp(65, b"\xe1\xe2\xe3\xe4"), sequence=(4, 4)), a, b)
        data(0x7778, b"\xe1\xe2\xe3\xe4" + inner_back, b, a)
        if not over_ip:
            # tshark's UDP conversation is the SCCRQ sender's address and port with the other address, any port there
            body = udpdata(0x2001, b"\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\x40\x00\x00\x03" + inner)
            add(l2tpv3_udp(body, a, b, sport=50000))
            add(l2tpv3_udp(body, a, b, dport=50000))
            add(l2tpv3_udp(udpdata(0x1001, b"\xa1\xa2\xa3\xa4\x40\x00\x00\x03" + inner_back), b, a, sport=50000))
            add(l2tpv3_udp(udpdata(0x1001, b"\xa1\xa2\xa3\xa4\x40\x00\x00\x04" + inner_back), b, a, dport=50000))
        # the capture cutting a data message inside its cookie and its sublayer
        whole = (l2tpv3_ip(sid(0x2001) + b"\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\x40\x00\x00\x02" + inner, a, b) if over_ip
                 else l2tpv3_udp(udpdata(0x2001, b"\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\x40\x00\x00\x02" + inner), a, b))
        for cut in (head + 1, head + 8, head + 10, head + 12, head + 13):
            add(whole, cut)
    frames += l2tpv3_pseudowire_frames()
    return frames


L2TPV3S_E, L2TPV3S_F, L2TPV3S_G, L2TPV3S_H = "198.18.6.1", "198.18.6.2", "198.18.7.1", "198.18.7.2"


def l2tpv3_pseudowire_frames():
    """After l2tpv3_sessions_frames' sessions, on tunnels of their own (over IP, E and F; over UDP 1701, G and H): sessions
    of the other pseudowire types tshark 4.0's "l2tp.pw_type" table decodes. PPP (7) through its ppp_hdlc dissector
    (address and control or none, protocol compression, LCP, Cisco's address handing the frame to Cisco HDLC), Cisco HDLC
    (6; IPv4, IPv6, SLARP, a protocol its table lacks), Frame Relay (1; NLPID IPv4, IPv6, SNAP, a pad, a control field
    other than UI), ATM AAL5 (2) as LLC (SNAP, IP's SAP, OSI's SAP) with and without the ATM sublayer (T bit clear), and
    IP Transport (11), which tshark's table hands to its version-sniffing "ip" dissector; each with the default sublayer
    (or, for AAL5, the ATM one) both ways, IPv4 and IPv6 with UDP and TCP above, an empty payload after the sublayer,
    headers too short for their protocol, and the capture cutting each type's frame in its header and in IP's."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    sid = lambda n: struct.pack(">I", n)
    udpdata = lambda s, body: struct.pack(">HHI", 0x0003, 0, s) + body
    seq = lambda n: b"\x40" + n.to_bytes(3, "big")
    lcp_echo = b"\x09\x01\x00\x08" + b"\x01\x02\x03\x04"
    slarp = struct.pack(">III", 0, 0xC0A80001, 0xFFFFFF00) + b"\x00\x00"
    ports = iter(range(41000, 42000))
    # a SYN of a port of its own each time: tshark would call a repeated one a retransmission
    syn4 = lambda: bytes(IP(src=A, dst=B, id=2) / TCP(sport=next(ports), dport=9, flags="S", seq=1000, options=[("MSS", 1460)]))
    syn6 = lambda: bytes(IPv6(src=A6, dst=B6) / TCP(sport=next(ports), dport=9, flags="S", seq=1000, options=[("MSS", 1440)]))
    payloads = lambda: {
        7: [b"\xff\x03\x00\x21" + udp4(), b"\x00\x21" + syn4(), b"\xff\x03\x00\x57" + udp6(), b"\x21" + udp4(b"pfc"),
            b"\xff\x03\xc0\x21" + lcp_echo, b"\x0f\x00\x08\x00" + udp4(b"chdlc"), b"\xff\x03\x12\x34" + b"xyz", b"\xff\x03", b""],
        6: [b"\x0f\x00\x08\x00" + udp4(), b"\x8f\x00\x86\xdd" + syn6(), b"\x0f\x00\x80\x35" + slarp, b"\x0f\x00\x12\x34" + b"xyz",
            b"\x0f\x00", b""],
        1: [b"\x04\x01\x03\xcc" + udp4(), b"\x04\x01\x03\x8e" + syn6(), b"\x04\x01\x03\x80\x00\x00\x00\x08\x00" + syn4(),
            b"\x04\x01\x03\x00\xcc" + udp4(b"pad"), b"\x04\x01\x13" + b"xyz", b"\x04", b""],
        2: [b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + udp4(), b"\xaa\xaa\x03\x00\x00\x00\x86\xdd" + syn6(), b"\x06\x06\x03" + syn4(),
            b"\x44\x44\x03" + b"xyz", b"\xaa\xaa", b""],
        11: [udp4(), syn6(), udp6(b"v6"), b"\x45", b""],
    }
    for over_ip, a, b in ((True, L2TPV3S_E, L2TPV3S_F), (False, L2TPV3S_G, L2TPV3S_H)):
        if over_ip:
            ctl = lambda m, src, dst: add(l2tpv3_ip(sid(0) + m, src, dst))
            message = lambda s, body, src, dst: l2tpv3_ip(sid(s) + body, src, dst)
            head = 14 + 20 + 4
        else:
            ctl = lambda m, src, dst: add(l2tpv3_udp(m, src, dst))
            message = lambda s, body, src, dst: l2tpv3_udp(udpdata(s, body), src, dst)
            head = 14 + 28 + 8
        ctl(l2tpv3_control(0, msgtype(1) + avp(61, sid(0x0E0E0E0E)) + avp(7, b"lcce-pw"), sequence=(0, 0)), a, b)
        ctl(l2tpv3_control(0x0E0E0E0E, msgtype(2) + avp(61, sid(0x0F0F0F0F)), sequence=(0, 1)), b, a)
        ns = 1
        for n, pw in enumerate(payloads()):
            for atm in ((False, True) if pw == 2 else (False,)):
                bodies, back = payloads()[pw], payloads()[pw]
                first, second = 0x3000 + 16 * n + atm, 0x4000 + 16 * n + atm
                sublayer = b"\x00\x02" if atm else b"\x00\x01"
                ctl(l2tpv3_control(0x0F0F0F0F, msgtype(10) + avp(63, sid(first)) + avp(68, struct.pack(">H", pw)) + avp(69, sublayer),
                                   sequence=(ns, ns)), a, b)
                ctl(l2tpv3_control(0x0E0E0E0E, msgtype(11) + avp(63, sid(second)) + avp(64, sid(first)) + avp(69, sublayer),
                                   sequence=(ns, ns + 1)), b, a)
                ns += 1
                for i, body in enumerate(bodies):
                    # to F with F's session ID, and the first two back to E with E's
                    add(message(second, seq(i) + body, a, b))
                    if i < 2:
                        add(message(first, (b"\x00\x00\x00\x00" if atm else seq(i)) + back[i], b, a))
                # the capture cutting the first frame inside the sublayer, the type's header and IP's
                whole = message(second, seq(99) + bodies[0], a, b)
                for cut in (2, 4, 5, 6, 7, 4 + 12, 4 + 27):
                    add(whole, head + cut)
    return frames


def l2tpv3_sessions_damageable(data, direction):
    """A data message's session header (after a UDP message's flags), cookie, sublayer and first Ethernet bytes; nothing
    of a control message: a damaged set-up would teach another session, which l2tpv3.pcap's damage covers message by
    message. On l2tpv3_pseudowire_frames' tunnels the session header, the sublayer and the payload's first 2 bytes (see
    damage): further in lie the IP header's protocol and Frame Relay's control field, whose damage would reach protocols
    RawNet leaves as data (the link captures' damage covers those headers)."""
    udp = data[14 + 9] == 17
    l2tp = data[14 + 20 + (8 if udp else 0):]
    control = len(l2tp) < 4 or (l2tp[0] & 0x80 if udp else l2tp[:4] == bytes(4))
    if control:
        return 0
    return 14 + 20 + (8 if udp else 0) + ((8 if udp else 4) + 4 + 2 if l2tpv3_pseudowire_tunnel(data) else 24)


def l2tpv3_pseudowire_tunnel(data):
    """True for a frame of l2tpv3_pseudowire_frames' tunnels (E and F, G and H)."""
    return data[14 + 12:14 + 15] == bytes([198, 18, 6]) or data[14 + 12:14 + 15] == bytes([198, 18, 7])


def l2tpv3_frame_relay_session(data):
    """True for a data message of l2tpv3_pseudowire_frames' Frame Relay session."""
    udp = data[14 + 9] == 17
    at = 14 + 20 + (12 if udp else 0)
    return l2tpv3_pseudowire_tunnel(data) and struct.unpack(">I", data[at:at + 4])[0] in (0x3020, 0x4020)


l2tpv3_sessions_damageable.start = 14 + 20

# --- Spanning tree BPDUs (802.3 with LLC SAP 0x42, and behind SNAP) ---

STP_DST = bytes.fromhex("0180c2000000")


def stp_frame(payload, llc=b"\x42\x42\x03", dst=STP_DST, pad=True, length=None):
    """An 802.3 frame to the bridges' group address carrying LLC (a UI frame on SAP 0x42 unless told) and a BPDU."""
    body = llc + payload
    frame = dst + MAC_A + struct.pack(">H", len(body) if length is None else length) + body
    return frame + b"\x00" * (60 - len(frame)) if pad and len(frame) < 60 else frame


def bridge_id(priority, mac):
    return struct.pack(">H", priority) + bytes.fromhex(mac)


def config_bpdu(version=0, bpdu_type=0, flags=0, root=(0x8000, "020000000001"), cost=0, bridge=(0x8001, "020000000002"),
                port=0x8001, times=(0, 20 * 256, 2 * 256, 15 * 256), protocol=0):
    """A configuration BPDU (or the first 35 bytes of an RST or MST one): times in 1/256 s."""
    return (struct.pack(">HBBB", protocol, version, bpdu_type, flags) + bridge_id(*root) + struct.pack(">I", cost)
            + bridge_id(*bridge) + struct.pack(">H", port) + struct.pack(">HHHH", *times))


def rst_bpdu(flags=0x3C, v1=0, version=2, **fields):
    return config_bpdu(version=version, bpdu_type=2, flags=flags, **fields) + bytes([v1])


def msti(flags, priority_and_id, mac, cost, bridge_priority, port_priority, hops):
    """An IEEE 802.1s MSTI configuration message (16 bytes)."""
    return bytes([flags]) + struct.pack(">H", priority_and_id) + bytes.fromhex(mac) + struct.pack(">I", cost) + bytes([bridge_priority, port_priority, hops])


def mst_bpdu(flags=0x7C, mstis=(), v3=None, name=b"region1", selector=0, version=3, **fields):
    """An MST BPDU: the RST part, the version 3 length (64 plus the MSTIs unless told), the MST extension and the MSTIs."""
    extension = (bytes([selector]) + name.ljust(32, b"\0")[:32] + struct.pack(">H", 1) + bytes(range(16)) + struct.pack(">I", 200000)
                 + bridge_id(0x8001, "020000000003") + bytes([20]))
    body = b"".join(mstis)
    return rst_bpdu(flags=flags, version=version, **fields) + struct.pack(">H", 64 + len(body) if v3 is None else v3) + extension + body


def alt_msti(mstid, flags, priority_and_id, mac, cost, bridge, port, hops):
    """A message of the alternative MSTI layout tshark reads (26 bytes)."""
    return (struct.pack(">HB", mstid, flags) + struct.pack(">H", priority_and_id) + bytes.fromhex(mac) + struct.pack(">I", cost)
            + bridge_id(*bridge) + struct.pack(">H", port) + bytes([hops]))


def stp_frames():
    """Spanning tree BPDUs in 802.3 frames: configuration BPDUs with every flag, topology change notifications, RST BPDUs
    of every port role and flag, MST BPDUs with MSTI messages (a version 3 length in bytes and one in messages, none, the
    alternative layout, a version 1 length that is not 0, one too short for MST), SPB (version 4) BPDUs, unknown types,
    versions and protocol IDs, BPDUs behind SNAP (802.1's PID 0x000E, Cisco's PVST+ and VLAN-bridge PIDs), GARP's group
    addresses (tshark hands those to GARP), BPDUs shorter than their 802.3 length says and lengths shorter than the BPDU,
    and the capture cutting an RST and an MST BPDU at every length."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    msti1 = msti(0x7C, 0x8001, "020000000004", 20000, 0x80, 0x80, 19)
    msti2 = msti(0x09, 0x9002, "020000000005", 0, 0x90, 0x40, 18)
    add(stp_frame(config_bpdu()))
    add(stp_frame(config_bpdu(flags=0x81, cost=19, port=0x8002, times=(256, 20 * 256, 2 * 256 + 128, 15 * 256))))
    add(stp_frame(config_bpdu(flags=0x7E, root=(0x1234, "00000c123456"), cost=0xFFFFFFFF, times=(1, 32, 255, 0xFFFF))))
    add(stp_frame(config_bpdu(times=(3, 0x80, 0x20, 0x60))))  # times printf rounds to the even hundredth
    add(stp_frame(struct.pack(">HBB", 0, 0, 0x80)))
    add(stp_frame(struct.pack(">HBB", 0, 2, 0x80) + bytes(30)))
    for flags in (0x3C, 0x01 | 0x02 | 0x04 | 0x10, 0x08 | 0x40 | 0x20 | 0x80, 0x00, 0xFF):
        add(stp_frame(rst_bpdu(flags=flags)))
    add(stp_frame(rst_bpdu(v1=5)))
    add(stp_frame(rst_bpdu() + bytes(20)))  # more after the BPDU than it holds
    add(stp_frame(mst_bpdu(mstis=[msti1, msti2])))
    add(stp_frame(mst_bpdu()))
    add(stp_frame(mst_bpdu(v3=2, mstis=[msti1, msti2])))  # a version 3 length in messages
    add(stp_frame(mst_bpdu(v3=64 + 8, mstis=[msti1])))  # half a message more than the length says
    add(stp_frame(mst_bpdu(name=b"x" * 32, mstis=[msti1])))
    add(stp_frame(mst_bpdu(name=b"sp\xe9cial\x01", mstis=[msti1])))
    # The alternative layout: a version 3 length of 0 and the selector 39 short of the BPDU's length (tshark then cuts the
    # BPDU one byte short of it: the message's last byte is past the end).
    add(stp_frame(mst_bpdu(v3=0, selector=102 + 26 - 39, mstis=[alt_msti(1, 0x7C, 0x8001, "020000000004", 20000, (0x8002, "020000000006"), 0x8003, 17)])))
    add(stp_frame(mst_bpdu(v3=0, selector=5)))  # a version 3 length of 0 that fits no layout
    add(stp_frame(mst_bpdu(v1=3)))
    add(stp_frame(rst_bpdu(version=3) + bytes(30)))  # too short for MST
    add(stp_frame(mst_bpdu(v3=64 + 32, mstis=[msti1])))  # more messages than the frame holds
    add(stp_frame(mst_bpdu(version=4, mstis=[msti1]) + struct.pack(">H", 85) + bytes(85)))
    add(stp_frame(mst_bpdu(version=4, mstis=[msti1]) + struct.pack(">H", 10) + bytes(10)))
    add(stp_frame(struct.pack(">HBB", 0, 0, 1) + bytes(10)))
    add(stp_frame(struct.pack(">HBB", 0, 2, 0x55) + bytes(40)))
    add(stp_frame(config_bpdu(version=7)))
    add(stp_frame(config_bpdu(version=2)))
    add(stp_frame(config_bpdu(protocol=5)))
    add(stp_frame(snap_header(0x0080C2, 0x000E) + config_bpdu(), llc=b""))
    add(stp_frame(snap_header(0x0080C2, 0x000E) + rst_bpdu(flags=0x0D), llc=b""))
    add(stp_frame(snap_header(0x0080C2, 0x000E) + struct.pack(">HBB", 0, 0, 0x80), llc=b""))
    add(stp_frame(snap_header(0x0080C2, 0x000E) + mst_bpdu(mstis=[msti2]), llc=b""))
    add(stp_frame(snap_header(0x00000C, 0x010C) + config_bpdu(), llc=b""))
    add(stp_frame(snap_header(0x00000C, 0x010B) + config_bpdu(flags=1), llc=b""))
    add(stp_frame(b"\x42\x43\x03" + config_bpdu(), llc=b""))  # the SSAP's response bit
    add(stp_frame(b"\x43\x42\x03" + config_bpdu(), llc=b""))  # the DSAP's group bit
    add(stp_frame(b"\x42\x42\x13" + config_bpdu(), llc=b""))  # UI with the poll bit
    add(stp_frame(config_bpdu(), dst=bytes.fromhex("0180c2000021")))  # GVRP
    add(stp_frame(config_bpdu(), dst=bytes.fromhex("0180c2000020")))  # GMRP
    add(stp_frame(config_bpdu(), dst=bytes.fromhex("0180c200002f")))  # another GARP application
    add(stp_frame(config_bpdu(), dst=bytes.fromhex("0180c200000e")))  # LLDP's address: STP all the same
    add(stp_frame(config_bpdu(), length=3 + 20, pad=False))  # the 802.3 length cuts the BPDU
    add(stp_frame(rst_bpdu(), length=3 + 30))
    add(stp_frame(mst_bpdu(mstis=[msti1]), length=3 + 110))
    add(stp_frame(config_bpdu(), length=3 + 60, pad=False))  # a length past the frame
    for n in (1, 2, 3, 4, 10, 26, 27, 29, 34, 35):
        add(stp_frame(config_bpdu()[:n], pad=False))
    for whole, through in ((stp_frame(rst_bpdu(), pad=False), 14 + 3 + 36), (stp_frame(mst_bpdu(mstis=[msti1, msti2]), pad=False), 14 + 3 + 134),
                           (stp_frame(snap_header(0x0080C2, 0x000E) + config_bpdu(), llc=b"", pad=False), 14 + 8 + 35)):
        for cut in range(14, through):
            add(whole, cut)
    return frames


def stp_damageable(data, direction):
    """The BPDU's first 40 bytes after LLC (and SNAP: see damage), never the addresses (GARP's are tshark's own case) nor the
    802.3 length and LLC (llc.pcap's damage has those), nor the padding after what the length covers (a trailer tshark's
    heuristics read)."""
    return min(14 + struct.unpack(">H", data[12:14])[0], 14 + (8 if data[14] == 0xAA else 3) + 40)


stp_damageable.start = 14 + 3



GVRP_DST, GMRP_DST = bytes.fromhex("0180c2000021"), bytes.fromhex("0180c2000020")


def garp_attribute(event, value=b"", length=None):
    """A GARP attribute: its length (2 plus the value's unless told), event and value."""
    return bytes([2 + len(value) if length is None else length, event]) + value


def garp_message(attribute_type, attributes, end=True):
    """A GARP message: the attribute type, the attributes and (unless told) the end mark of its list."""
    return bytes([attribute_type]) + b"".join(attributes) + (b"\x00" if end else b"")


def garp_pdu(messages, end=True, protocol=1):
    """A GARP PDU: the protocol ID, the messages and (unless told) the PDU's end mark."""
    return struct.pack(">H", protocol) + b"".join(messages) + (b"\x00" if end else b"")


def vid(event, number):
    return garp_attribute(event, struct.pack(">H", number))


def garp_frames():
    """GARP PDUs in 802.3 frames on LLC SAP 0x42, which tshark hands to GVRP (01-80-C2-00-00-21 and the provider bridges'
    01-80-C2-00-00-0D) or GMRP (01-80-C2-00-00-20) by the destination address and tcpdump prints as STP's unknown version:
    every event, several messages, lengths tshark refuses (the rest is data), unknown types and protocol IDs, end marks
    missing or first, GMRP's two value sizes each under the other's type, a PDU of 300 attributes, SNAP's PID 0x000E,
    an 802.3 frame under a VLAN tag, other GARP applications (tshark writes only its columns), 802.3 lengths that cut
    the PDU inside an event and a value, and the capture cutting a GVRP and a GMRP PDU at every length."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    gvrp = garp_pdu([garp_message(1, [garp_attribute(0), vid(1, 10), vid(2, 20), vid(3, 4094), vid(4, 1), vid(5, 0xFFFF)])])
    gmrp = garp_pdu([garp_message(1, [garp_attribute(0, b"", 2), garp_attribute(1, bytes.fromhex("01005e000001")), garp_attribute(2, bytes.fromhex("333300000001"))]),
                     garp_message(2, [garp_attribute(2, b"\x00"), garp_attribute(5, b"\x01")])])
    add(stp_frame(gvrp, dst=GVRP_DST))
    add(stp_frame(gvrp, dst=bytes.fromhex("0180c200000d")))
    add(stp_frame(garp_pdu([garp_message(1, [vid(2, 100)]), garp_message(1, [vid(1, 200), garp_attribute(0)])]), dst=GVRP_DST))
    add(stp_frame(garp_pdu([garp_message(1, [vid(2, 100)], end=False)], end=False), dst=GVRP_DST))  # no end marks
    add(stp_frame(garp_pdu([garp_message(1, [vid(2, 100)])], end=False), dst=GVRP_DST))
    add(stp_frame(garp_pdu([], protocol=1), dst=GVRP_DST))  # an end mark before any message: data
    add(stp_frame(struct.pack(">H", 1), dst=GVRP_DST, pad=False))  # the protocol ID alone
    add(stp_frame(garp_pdu([garp_message(1, [vid(2, 100)])], protocol=2), dst=GVRP_DST))
    add(stp_frame(struct.pack(">H", 0x8000), dst=GVRP_DST, pad=False))  # another protocol ID and nothing after it
    add(stp_frame(garp_pdu([garp_message(2, [vid(2, 100)])]), dst=GVRP_DST))  # GVRP knows only type 1
    add(stp_frame(garp_pdu([garp_message(1, [])]), dst=GVRP_DST))  # an end mark before any attribute: data
    add(stp_frame(garp_pdu([garp_message(1, [garp_attribute(0, b"\x00\x05")])]), dst=GVRP_DST))  # Leave All of length 4
    add(stp_frame(garp_pdu([garp_message(1, [vid(2, 100), garp_attribute(2, b"\x00\x05\x00")])]), dst=GVRP_DST))  # a VID of 3 bytes
    add(stp_frame(garp_pdu([garp_message(1, [vid(2, 100), garp_attribute(6, b"\x00\x05")])]), dst=GVRP_DST))  # an unknown event
    add(stp_frame(garp_pdu([garp_message(1, [vid(2, 7)] * 300)]), dst=GVRP_DST))
    add(stp_frame(gmrp, dst=GMRP_DST))
    add(stp_frame(garp_pdu([garp_message(1, [garp_attribute(1, b"\x05", 3), vid(2, 1)])]), dst=GMRP_DST))  # a MAC under length 3
    add(stp_frame(garp_pdu([garp_message(2, [garp_attribute(1, b"\x01", 8), garp_attribute(2, b"\x00")])]), dst=GMRP_DST))  # one byte under 8
    add(stp_frame(garp_pdu([garp_message(3, [garp_attribute(2, b"\x00")])]), dst=GMRP_DST))  # GMRP knows types 1 and 2
    add(stp_frame(garp_pdu([garp_message(1, [garp_attribute(1, bytes(4))])]), dst=GMRP_DST))  # a length neither 8 nor 3
    add(stp_frame(garp_pdu([garp_message(2, [garp_attribute(0, b"", 3)])]), dst=GMRP_DST))  # Leave All of length 3
    add(stp_frame(garp_pdu([garp_message(2, [garp_attribute(2, b"\x01")])], protocol=0), dst=GMRP_DST))  # STP's protocol ID: GMRP all the same
    add(stp_frame(snap_header(0x0080C2, 0x000E) + gvrp, llc=b"", dst=GVRP_DST))
    add(stp_frame(snap_header(0x0080C2, 0x000E) + gmrp, llc=b"", dst=GMRP_DST))
    tagged = stp_frame(gvrp, dst=GVRP_DST)
    add(tagged[:12] + b"\x81\x00\x00\x05" + tagged[12:])  # under a VLAN tag
    for last in (0x22, 0x2F):
        add(stp_frame(gvrp, dst=bytes.fromhex("0180c20000") + bytes([last])))
    add(stp_frame(gvrp[:1], dst=GVRP_DST, pad=False))
    add(stp_frame(gvrp, dst=GVRP_DST, length=3 + 6))  # the 802.3 length cuts inside an event
    add(stp_frame(gvrp, dst=GVRP_DST, length=3 + 8))  # and inside a VID
    add(stp_frame(gmrp, dst=GMRP_DST, length=3 + 12))  # and inside a MAC
    add(stp_frame(gvrp, dst=GVRP_DST, length=3 + len(gvrp) + 10, pad=False))  # a length past the frame
    for whole, through in ((stp_frame(gvrp, dst=GVRP_DST, pad=False), 14 + 3 + len(gvrp)), (stp_frame(gmrp, dst=GMRP_DST, pad=False), 14 + 3 + len(gmrp))):
        for cut in range(14, through):
            add(whole, cut)
    return frames


def garp_damageable(data, direction):
    """The PDU's first 40 bytes, as stp_damageable's (never the addresses, which choose the application)."""
    return stp_damageable(data, direction) if data[12:14] != b"\x81\x00" else 0


garp_damageable.start = stp_damageable.start


def tokenring_garp_frames():
    """GARP PDUs behind Token Ring, whose destination tshark reads as Ethernet's (FDDI's and 802.11's it does not): GVRP,
    GMRP, another GARP application, a BPDU to the bridges' address, GVRP after routing information, and a GVRP PDU the
    capture cuts."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    gvrp = garp_pdu([garp_message(1, [garp_attribute(0), vid(2, 10), vid(3, 20)])])
    gmrp = garp_pdu([garp_message(1, [garp_attribute(1, bytes.fromhex("01005e000001"))]), garp_message(2, [garp_attribute(2, b"\x01")])])
    tr = lambda dst, payload, route=b"": (b"\x10\x40" + dst + bytes([TR_SRC[0] | (0x80 if route else 0)]) + TR_SRC[1:] + route
                                          + b"\x42\x42\x03" + payload)
    add(tr(GVRP_DST, gvrp))
    add(tr(GMRP_DST, gmrp))
    add(tr(bytes.fromhex("0180c2000025"), gvrp))
    add(tr(STP_DST, config_bpdu()))
    add(tr(GVRP_DST, gvrp, route=b"\x02\x30"))
    add(tr(GVRP_DST, gvrp), 14 + 3 + 7)
    return frames


def tokenring_garp_damageable(data, direction):
    """The PDU's first 40 bytes after the MAC header, its routing information and LLC (never the addresses)."""
    start = 14 + (data[14] & 0x1F if data[8] & 0x80 else 0) + 3
    tokenring_garp_damageable.start = start
    return start + 40



def cuts(data, upto):
    """The frame cut by the capture after each of its first upto bytes (never none: tcpdump stops reading at caplen 0)."""
    return [(data, n) for n in range(1, upto)]


def pppd_frames():
    """LINKTYPE_PPP_PPPD (166): pppd's direction byte (0 received, 1 sent) where PPP's address would be, then control
    and protocol; IPv4 and IPv6 with UDP and TCP, a compressed protocol, LCP, an unknown protocol, a real address where
    the direction should be (tcpdump then reads a protocol from the first two bytes), and cuts through PPP and IPv4."""
    ip = udp4()
    return [
        (b"\x00\x03\x00\x21" + ip, None),
        (b"\x01\x03\x00\x21" + tcp4(), None),
        (b"\x00\x03\x00\x57" + udp6(), None),
        (b"\x01\x03\x00\x57" + bytes(IPv6(src=B6, dst=A6) / TCP(sport=9, dport=40001, flags="SA", seq=5, ack=1001)), None),
        (b"\x00\x03\x21" + ip, None),
        (b"\x01\x03\xc0\x21\x09\x01\x00\x08\x00\x00\x00\x01", None),
        (b"\x00\x03\x12\x34abcd", None),
        (b"\x00\xff\x03\x00\x21" + ip, None),
        (b"\x02\x03\x00\x21" + ip, None),
        (b"\x00\x03", None),
    ] + cuts(b"\x00\x03\x00\x21" + ip, 4 + 20 + 8)


def pppd_damageable(data, direction):
    """Direction, control and the protocol's high byte."""
    return 3


def chdlc_dir_frames():
    """LINKTYPE_C_HDLC_WITH_DIR (205): Cisco HDLC behind a direction byte; IPv4 and IPv6 with UDP and TCP, the multicast
    address, a SLARP keepalive, MPLS, an unknown protocol, nothing after the direction byte, and cuts."""
    ip = udp4()
    return [
        (b"\x00\x0f\x00\x08\x00" + ip, None),
        (b"\x01\x0f\x00\x08\x00" + tcp4(), None),
        (b"\x00\x8f\x00\x86\xdd" + udp6(), None),
        (b"\x01\x0f\x00\x86\xdd" + bytes(IPv6(src=B6, dst=A6) / TCP(sport=9, dport=40001, flags="SA", seq=5, ack=1001)), None),
        (b"\x00\x8f\x00\x80\x35" + struct.pack(">III", 2, 7, 6) + b"\xff\xff", None),
        (b"\x00\x0f\x00\x88\x47" + b"\x00\x01\x01\x40" + ip, None),
        (b"\x80\x0f\x00\x12\x34abcd", None),
        (b"\x01", None),
    ] + cuts(b"\x00\x0f\x00\x08\x00" + ip, 5 + 20 + 8)


def chdlc_dir_damageable(data, direction):
    """Direction, address, control and the protocol's high byte."""
    return 4


def frelay_dir_frames():
    """LINKTYPE_FRELAY_WITH_DIR (206): Frame Relay behind a direction byte; IPv4 and IPv6 with UDP and TCP, a pad before
    the NLPID, SNAP with IPv4, a 3-octet address, nothing after the direction byte, and cuts (no control field other
    than UI: RawNet leaves those as data on 107 too, where tshark reads UI with the poll bit)."""
    ip = udp4()
    return [
        (b"\x00\x18\x41\x03\xcc" + ip, None),
        (b"\x01\x18\x41\x03\xcc" + tcp4(), None),
        (b"\x00\x18\x41\x03\x8e" + udp6(), None),
        (b"\x01\x18\x41\x03\x00\xcc" + ip, None),
        (b"\x00\x18\x41\x03\x80\x00\x00\x00\x08\x00" + ip, None),
        (b"\x01\x18\x40\x01\x03\xcc" + ip, None),
        (b"\x00", None),
    ] + cuts(b"\x00\x18\x41\x03\xcc" + ip, 5 + 20 + 8)


def frelay_dir_damageable(data, direction):
    """Direction and the address octets, whose EA bits damage keeps (as frelay.pcap's)."""
    return 3


def mpls_raw_frames():
    """LINKTYPE_MPLS (219): a label stack from the first byte; one and two labels with IPv4, IPv6, UDP and TCP, an
    explicit-null label, a stack that never ends, and cuts."""
    ip = udp4()
    return [
        (b"\x00\x01\x01\x40" + ip, None),
        (b"\x00\x02\x01\x40" + udp6(), None),
        (b"\x00\x01\x00\x40\x00\x02\x01\x40" + tcp4(), None),
        (b"\x00\x00\x01\x40" + ip, None),
        (b"\x00\x00\x21\x40" + udp6(), None),
        (b"\x00\x01\x00\x40" * 5, None),
    ] + cuts(b"\x00\x01\x00\x40\x00\x02\x01\x40" + ip, 8 + 20 + 8)


def mpls_raw_damageable(data, direction):
    """The first label entry's label and traffic class bytes."""
    return 3
# --- Ethernet trailers cut by the capture, and IPv6 where IPv4 is announced ---

DAY = 24 * 3600


def vss_stamp(seconds, nanoseconds=16):
    """A VSS Monitoring time stamp (tshark's trailer heuristic reads one from any trailer of 8, 9, 12 or 13 bytes)."""
    return struct.pack(">II", seconds, nanoseconds)


# What the trailer's bytes are, given its length: the first 18 (what a 42-byte frame pads to 60) and the rest.
TRAILER_FILLS = [
    lambda n: bytes(n),
    lambda n: b"\x05" * n,
    lambda n: bytes(min(n, 18)) + b"\x07" * max(0, n - 18),
    lambda n: bytes(min(n, 18)) + (vss_stamp(16) + b"\x03" * 8)[:max(0, n - 18)],
    lambda n: bytes(min(n, 18)) + (vss_stamp(T0) + b"\x03" * 8)[:max(0, n - 18)],
    lambda n: bytes(min(n, 18)) + (vss_stamp(T0 - 40 * DAY) + b"\x03" * 8)[:max(0, n - 18)],
    lambda n: (vss_stamp(T0) + b"\x03" * 30)[:n],
]


def cut_everywhere(add, frame, first):
    """The frame cut by the capture at every length from first on, then whole."""
    for caplen in range(first, len(frame)):
        add(frame, caplen)
    add(frame)


def trailer_frames():
    """Frames whose capture ends in the bytes after what the Ethernet header carries: Ethernet II with IPv4 and ARP, under a
    VLAN tag, 802.3 with LLC (spanning tree on SAP 0x42, SNAP with IPv4, a SAP nobody decodes), with trailers of zeros
    (padding to 60 bytes), of other bytes, of VSS Monitoring time stamps tshark takes or refuses, in frames under 60
    bytes, of 60 to 63 and of 64 or more (tshark then guesses an FCS), each cut at every length; then IPv6 behind
    EtherType 0x0800 (under a VLAN tag, behind SNAP, GRE and LLC's IP SAP, cut through its header)."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    ip = udp4(b"")
    for length in (2, 8, 9, 12, 18, 19, 22, 26, 27, 30):
        for fill in TRAILER_FILLS:
            cut_everywhere(add, ether(0x0800, ip + fill(length)), 14 + len(ip) - 1)
    arp = bytes.fromhex("0001080006040001") + MAC_A + bytes([198, 18, 0, 1]) + bytes(6) + bytes([198, 18, 0, 2])
    for length in (18, 22, 26):
        for fill in TRAILER_FILLS[:3]:
            cut_everywhere(add, ether(0x0806, arp + fill(length)), 14 + len(arp))
    for length in (2, 14, 18, 22, 26):
        for fill in TRAILER_FILLS[:4]:
            cut_everywhere(add, ether(0x8100, struct.pack(">H", 5) + struct.pack(">H", 0x0800) + ip + fill(length)), 18 + len(ip))
    bpdu = config_bpdu()
    for length in (4, 8, 9, 12, 16, 20, 24):
        for fill in TRAILER_FILLS:
            cut_everywhere(add, stp_frame(bpdu, pad=False) + fill(length)[:length], 14 + 3 + len(bpdu) - 1)
    snap = b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + ip
    for length in (10, 18, 26):
        for fill in TRAILER_FILLS[:3]:
            cut_everywhere(add, MAC_B + MAC_A + struct.pack(">H", len(snap)) + snap + fill(length), 14 + len(snap))
    other = b"\x12\x12\x03" + b"\x11" * 10
    for length in (4, 33, 37, 41):
        for fill in TRAILER_FILLS[:2]:
            cut_everywhere(add, MAC_B + MAC_A + struct.pack(">H", len(other)) + other + fill(length), 14 + len(other) - 1)
    vlan_bpdu = MAC_B + MAC_A + struct.pack(">HHH", 0x8100, 5, 3 + len(bpdu)) + b"\x42\x42\x03" + bpdu
    for fill in TRAILER_FILLS[:2]:
        cut_everywhere(add, vlan_bpdu + fill(12), len(vlan_bpdu))
    # IPv6 where IPv4 is announced: tshark's IPv4 dissector adds its version before it hands the header to IPv6.
    v6 = udp6()
    cut_everywhere(add, ether(0x0800, udp6(b"")), 14)
    add(ether(0x0800, v6 + b"\x05" * 4), 14 + len(v6) + 2)
    add(ether(0x8100, struct.pack(">HH", 5, 0x0800) + v6))
    add(MAC_B + MAC_A + struct.pack(">H", 8 + len(v6)) + b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + v6)
    add(MAC_B + MAC_A + struct.pack(">H", 3 + len(v6)) + b"\x06\x06\x03" + v6)
    add(ether(0x0800, bytes(IP(src=A, dst=B, id=3, proto=47) / Raw(struct.pack(">HH", 0, 0x0800) + v6))))
    add(ether(0x86DD, udp4()))
    return frames


def trailer_damageable(data, direction):
    """Nothing: the Ethernet oracles damage Ethernet headers; these frames are about the capture's cut."""
    return 0


def cooked(protocol, payload):
    """A Linux cooked (v1) header from a host to us, then the payload."""
    return struct.pack(">HHH8sH", 0, 1, 6, MAC_A + b"\x00\x00", protocol) + payload


def trailer_sll_frames():
    """Linux cooked frames whose capture ends in the trailer after IPv4 (tshark pads the whole frame, cooked header
    included, to 60 bytes and guesses no FCS), each cut at every length, and IPv6 behind protocol 0x0800."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    ip = udp4(b"")
    for length in (2, 8, 9, 12, 16, 20, 24):
        for fill in TRAILER_FILLS:
            cut_everywhere(add, cooked(0x0800, ip + fill(length)[:length]), 16 + len(ip))
    cut_everywhere(add, cooked(0x0800, udp6(b"")), 16)
    return frames


def sniffed_ipv6_frames(header):
    """IPv6 where a header that tshark hands to its version-sniffing "ip" dissector names IPv4: whole, and cut through
    the IPv6 and UDP headers."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    cut_everywhere(add, header + udp6(b""), len(header))
    return frames


# --- Other numbers of link types above (issue 13): raw IP on 12 and 14, RFC 1483 on 11, Linux CLIP, PPPoE without Ethernet ---

def raw_alias_frames():
    """Raw IP as DLT_RAW's other numbers carry it (12, 14): IPv4 UDP, TCP and ICMP, IPv6, frames the wire ends early and
    the capture cut through IPv4 and UDP's header. None shorter than 8 bytes, nor of another IP version: tshark's raw
    dissector reads bytes 6 and 7 first and shows another version as data, which RawNet's raw IP does not follow yet
    (on 101 either)."""
    frames = [(udp4(), None), (udp6(), None), (tcp4(), None), (echo4(), None), (tcp6(), None)]
    frames += [(udp4()[:end], None) for end in (8, 10, 20, 27)]
    return frames + [(udp4(), end) for end in range(8, 29)]


def raw_alias_damageable(data, direction):
    """Nothing: raw IP has no link header (damaged IP is the IP oracles' business)."""
    return 0


def clip_frames():
    """Linux Classical IP over ATM (16, 18, 19, 106): no header; IPv4 UDP, TCP and ICMP, IPv6 (which tcpdump's ip_print
    refuses), LLC/SNAP with IPv4, IPv6, ARP and an unknown EtherType (tcpdump reads it, tshark takes it for IP), SNAP of
    another OUI, frames the wire ends early and cuts through SNAP and IPv4."""
    arp = bytes.fromhex("000108000604000102000000abcd") + bytes([198, 18, 0, 1]) + bytes(6) + bytes([198, 18, 0, 2])
    frames = [(udp4(), None), (udp6(), None), (tcp4(), None), (echo4(), None), (tcp6(), None)]
    frames += [(snap(t) + p, None) for t, p in ((0x0800, udp4()), (0x86DD, udp6()), (0x0800, tcp4()), (0x0806, arp), (0x1234, b"abcdef"))]
    frames += [(b"\xaa\xaa\x03\x00\x00\x01\x08\x00" + udp4(), None), (b"\x06\x06\x03" + udp4(), None)]
    frames += [(udp4()[:end], None) for end in (1, 5, 6, 20)] + [((snap(0x0800) + udp4())[:end], None) for end in (1, 5, 6, 8, 20)]
    return frames + cuts(snap(0x0800) + udp4(), 30) + cuts(udp4(), 22)


def clip_damageable(data, direction):
    """LLC's SSAP and control and SNAP's OUI, which decide tcpdump's reading (the DSAP stays 0xaa, so tshark still finds
    a bogus IP version there; a damaged EtherType or IP is other oracles' business)."""
    return 6 if data[:2] == b"\xaa\xaa" else 0


clip_damageable.start = 1


def pppoe_session_frames():
    """LINKTYPE_PPP_ETHER (51): pppoe.pcap's PPPoE sessions without their Ethernet header (never an empty capture)."""
    return [(data[14:], None if caplen is None else caplen - 14) for data, caplen in pppoe_frames()
            if len(data) > 14 and (caplen is None or caplen > 14)]


def pppoe_session_damageable(data, direction):
    """The PPPoE header, as pppoe_damageable's."""
    return 6


def pppoe_session_id_damageable(data, direction):
    """The session ID, all pppoe-session.pcap's damage once drew from the shared stream (see main)."""
    return 4 if len(data) >= 4 else 0


pppoe_session_id_damageable.start = 2


GENEVE_A, GENEVE_B = "198.18.6.1", "198.18.6.2"


def geneve_udp(payload, sport=40000, dport=6081, length=None):
    """An Ethernet frame with IPv4 and UDP around a Geneve header (the UDP checksum left 0, as for l2tp_udp); length a
    UDP length to declare instead of the right one."""
    ip = bytes(IP(src=GENEVE_A, dst=GENEVE_B, id=14) / UDP(sport=sport, dport=dport, chksum=0, len=length) / Raw(payload))
    return ether(0x0800, ip)


def geneve(protocol=0x0800, vni=5, options=b"", version=0, words=None, flags=0, reserved=0, body=b""):
    """A Geneve header (RFC 8926 3.4): version and options length (its words, unless told), flags, protocol type, VNI,
    the reserved byte, the options, then the body."""
    count = len(options) // 4 if words is None else words
    return struct.pack(">BBHI", version << 6 | count, flags, protocol, vni << 8 | reserved) + options + body


def geneve_option(klass, kind, data=b"", flags=0, words=None):
    """A Geneve option (RFC 8926 3.5): class, type, the three reserved bits and the length in words (data's unless told)."""
    return struct.pack(">HBB", klass, kind, flags << 5 | (len(data) // 4 if words is None else words)) + data


def geneve_frames():
    """Geneve on UDP 6081: Ethernet, IPv4 (UDP, TCP, ICMP) and IPv6 inside, the O and C flags and every reserved bit, the
    reserved byte, options of the classes tcpdump names, critical types, an option without data, Google's three named
    options, option flags, an option whose length runs past the options, versions 1 to 3, an unknown protocol type, a
    version 6 packet where IPv4 is named, nothing after the header, options longer than the datagram, the port on the
    source side only, and a frame with options cut by the capture at every length through Geneve and the inner IPv4."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    inner = ether(0x0800, udp4())
    add(geneve_udp(geneve(0x6558, vni=0x123456, body=inner)))
    add(geneve_udp(geneve(body=udp4())))
    add(geneve_udp(geneve(body=tcp4())))
    add(geneve_udp(geneve(body=echo4())))
    add(geneve_udp(geneve(0x86DD, vni=0xFFFFFF, body=udp6())))
    add(geneve_udp(geneve(flags=0x80, body=udp4())))
    add(geneve_udp(geneve(flags=0x40, reserved=7, body=udp4())))
    add(geneve_udp(geneve(flags=0xFF, body=udp4())))
    add(geneve_udp(geneve(flags=0x15, body=udp4())))
    options = geneve_option(0x0101, 0x80, b"abcd") + geneve_option(0xFFFF, 1) + geneve_option(0x0100, 2, bytes(8), flags=5) \
        + geneve_option(0x0102, 3, b"wxyz") + geneve_option(0x0103, 4) + geneve_option(0x0104, 0xFF, b"1234") \
        + geneve_option(0x0007, 5) + geneve_option(0x0200, 6) + geneve_option(0xFFF0, 7)
    add(geneve_udp(geneve(options=options, flags=0x40, body=udp4())))
    add(geneve_udp(geneve(0x6558, options=geneve_option(0x0101, 1, b"abcdefgh"), body=inner)))
    gcp = geneve_option(0x0132, 1, struct.pack(">I", 0x1234567)) + geneve_option(0x0132, 2, bytes(range(8))) \
        + geneve_option(0x0132, 3, struct.pack(">Q", 1234567890123)) + geneve_option(0x0132, 0x81, b"\x00\x00\x00\x1e")
    add(geneve_udp(geneve(options=gcp, body=udp4())))
    add(geneve_udp(geneve(options=geneve_option(0x0101, 1, b"abcd", words=3), body=udp4())))        # runs past the options
    add(geneve_udp(geneve(options=geneve_option(0x0101, 1) + geneve_option(0x0101, 2, b"abcd", words=31), body=udp4())))
    add(geneve_udp(geneve(options=geneve_option(0x0101, 1, b"abcd"), words=1, body=udp4())))         # the options end inside it
    for version in (1, 2, 3):
        add(geneve_udp(geneve(version=version, body=udp4())))
    add(geneve_udp(geneve(0x1234, body=b"abc")))
    add(geneve_udp(geneve(0x0000, body=b"abc")))
    add(geneve_udp(geneve(body=udp6())))                                                              # IPv6 where IPv4 is named
    add(geneve_udp(geneve()))                                                                         # nothing after the header
    add(geneve_udp(geneve(0x6558)))
    add(geneve_udp(geneve(0x86DD)))
    add(geneve_udp(geneve(words=5)))                                                                  # options past the datagram
    add(geneve_udp(geneve(words=63, body=udp4())))
    add(geneve_udp(geneve(body=udp4()), sport=6081, dport=40000))
    add(geneve_udp(geneve(body=b"\x00\x01")))
    add(geneve_udp(geneve()[:5]))                                                                     # shorter than its header
    cut_everywhere(add, geneve_udp(geneve(options=geneve_option(0x0101, 0x80, b"abcd"), body=udp4())), 14 + 28)
    cut_everywhere(add, geneve_udp(geneve(0x6558, body=inner)), 14 + 28 + 8)
    return frames


def geneve_damageable(data, direction):
    """The Geneve header and its first option's header (after Ethernet, IPv4 and UDP), never what it carries (the IP
    oracles' business)."""
    return 14 + 28 + 8 + (4 if len(data) > 14 + 28 and data[14 + 28] & 0x3F else 0)


geneve_damageable.start = 14 + 28


def mpls_udp(payload, sport=40000, dport=6635):
    """An Ethernet frame with IPv4 and UDP around an MPLS label stack (RFC 7510; the UDP checksum left 0)."""
    return ether(0x0800, bytes(IP(src=GENEVE_A, dst=GENEVE_B, id=15) / UDP(sport=sport, dport=dport, chksum=0) / Raw(payload)))


def mpls_udp_frames():
    """MPLS in UDP on port 6635: one and two labels with IPv4 UDP, TCP and ICMP and IPv6, the explicit null labels, a
    stack that never ends, nothing after the bottom label, the port on the source side only, fewer bytes than a label,
    and a frame cut by the capture at every length through the stack and the inner IPv4."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(mpls_udp(label(100, bottom=True, ttl=63) + udp4()))
    add(mpls_udp(label(16, 5, ttl=10) + label(17, bottom=True) + tcp4()))
    add(mpls_udp(label(1000, 7, bottom=True) + echo4()))
    add(mpls_udp(label(200, bottom=True) + udp6()))
    add(mpls_udp(label(0, bottom=True) + udp4()))
    add(mpls_udp(label(2, bottom=True) + udp6()))
    add(mpls_udp(label(300) + label(301)))                                                     # never ends
    add(mpls_udp(label(300, bottom=True)))                                                     # nothing after it
    add(mpls_udp(label(100, bottom=True) + udp4(), sport=6635, dport=40000))
    add(mpls_udp(b"\x00\x06"))
    cut_everywhere(add, mpls_udp(label(16) + label(17, bottom=True) + udp4()), 14 + 28)
    return frames


def mpls_udp_damageable(data, direction):
    """The first label stack entry's first two bytes: its label, never the bottom bit, which would hand a label to the
    payload guess (where tshark guesses an Ethernet pseudowire and RawNet leaves data)."""
    return 14 + 28 + 2


mpls_udp_damageable.start = 14 + 28


def gtp(message=0xFF, body=b"", teid=0x1234, flags=0x30, optional=b"", extensions=b"", length=None):
    """A GTPv1-U header (3GPP TS 29.281): flags, message type, the length of what follows the first 8 bytes, TEID, then
    the optional word and extension headers as given (the caller sets the E/S/PN flags for them), then the body."""
    rest = optional + extensions + body
    return struct.pack(">BBHI", flags, message, len(rest) if length is None else length, teid) + rest


def gtp_udp(payload, sport=2152, dport=2152):
    """An Ethernet frame with IPv4 and UDP around a GTP message (the UDP checksum left 0)."""
    return ether(0x0800, bytes(IP(src=GENEVE_A, dst=GENEVE_B, id=16) / UDP(sport=sport, dport=dport, chksum=0) / Raw(payload)))


def gtp_frames():
    """GTPv1-U on UDP port 2152: T-PDUs carrying IPv4 UDP, TCP and ICMP and IPv6, with a sequence number, an N-PDU number
    and one or two extension headers, echo request and response, an end marker, a T-PDU whose payload is not IP, one
    with nothing after the header, an unknown message type (tshark leaves it to data), the port on one side only, and a
    frame cut by the capture at every length through the GTP header, its extension header and the inner IPv4, and a
    zero-length extension header in a T-PDU and an echo request (tshark reads nothing after it)."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(gtp_udp(gtp(body=udp4())))
    add(gtp_udp(gtp(body=tcp4(), flags=0x32, optional=b"\x00\x07\x00\x00")))
    add(gtp_udp(gtp(body=echo4(), teid=0xdeadbeef)))
    add(gtp_udp(gtp(body=udp6(), flags=0x31, optional=b"\x00\x00\x2a\x00")))
    add(gtp_udp(gtp(body=udp4(), flags=0x34, optional=b"\x00\x00\x00\x85", extensions=b"\x01\x10\x05\x00")))
    add(gtp_udp(gtp(body=udp6(), flags=0x37, optional=b"\x01\x02\x03\x85", extensions=b"\x01\x00\x09\x40\x01\x08\x68\x00")))
    add(gtp_udp(gtp(0x01, flags=0x32, teid=0, optional=b"\x00\x09\x00\x00")))
    add(gtp_udp(gtp(0x02, flags=0x32, teid=0, optional=b"\x00\x09\x00\x00", body=b"\x0e\x00")))
    add(gtp_udp(gtp(0xFE)))
    add(gtp_udp(gtp(body=b"\x01\x02\x03\x04\x05")))                                                 # not IP
    add(gtp_udp(gtp()))                                                                             # nothing after it
    add(gtp_udp(gtp(0x08, body=udp4())))                                                            # unknown type
    add(gtp_udp(gtp(body=udp4()), sport=40000))
    add(gtp_udp(gtp(body=udp6()), dport=40000))
    cut_everywhere(add, gtp_udp(gtp(body=udp4(), flags=0x34, optional=b"\x00\x00\x00\x85", extensions=b"\x01\x10\x05\x00")), 14 + 28)
    add(gtp_udp(gtp(body=udp4(), flags=0x34, optional=b"\x00\x00\x00\x85", extensions=b"\x00\x10\x05\x00")))  # zero-length
    add(gtp_udp(gtp(0x01, flags=0x36, optional=b"\x00\x01\x00\x40", extensions=b"\x00")))
    return frames


def vxlan_gpe_udp(payload, sport=40000, dport=4790, length=None):
    """An Ethernet frame with IPv4 and UDP around a VXLAN-GPE header (the UDP checksum left 0); length a UDP length to
    declare instead of the right one."""
    return ether(0x0800, bytes(IP(src=GENEVE_A, dst=GENEVE_B, id=16) / UDP(sport=sport, dport=dport, chksum=0, len=length) / Raw(payload)))


def vxlan_gpe(next_protocol=1, body=b"", flags=0x0C, vni=5, reserved=0, reserved8=0):
    """A VXLAN-GPE header (draft-ietf-nvo3-vxlan-gpe): flags (I and P unless told), two reserved bytes, the next protocol,
    the VNI and the last reserved byte, then the body."""
    return struct.pack(">BHBI", flags, reserved, next_protocol, vni << 8 | reserved8) + body


def vxlan_gpe_frames():
    """VXLAN-GPE on UDP 4790: each next protocol tshark decodes (IPv4 with UDP, TCP and ICMP, IPv6, Ethernet, NSH, MPLS),
    the P flag clear with IPv4 and with next protocol 0 before Ethernet (tshark reads the field whatever P says), unknown
    next protocols, every flag and reserved bit, the largest VNI, IPv6 where IPv4 is named, nothing after the header, the
    port on the source side only, a payload shorter than the header and none at all, and frames cut by the capture at
    every length through the header and the IPv4, Ethernet and NSH it carries."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    inner = ether(0x0800, udp4())
    service = nsh(udp4())[14:]
    add(vxlan_gpe_udp(vxlan_gpe(1, udp4())))
    add(vxlan_gpe_udp(vxlan_gpe(1, tcp4())))
    add(vxlan_gpe_udp(vxlan_gpe(1, echo4(), vni=0xFFFFFF)))
    add(vxlan_gpe_udp(vxlan_gpe(2, udp6())))
    add(vxlan_gpe_udp(vxlan_gpe(3, inner, vni=0x123456)))
    add(vxlan_gpe_udp(vxlan_gpe(4, service)))
    add(vxlan_gpe_udp(vxlan_gpe(5, label(100, bottom=True, ttl=63) + udp4())))
    add(vxlan_gpe_udp(vxlan_gpe(1, udp4(), flags=0x08)))                                         # P clear
    add(vxlan_gpe_udp(vxlan_gpe(0, inner, flags=0x08)))                                          # VXLAN's Ethernet
    add(vxlan_gpe_udp(vxlan_gpe(9, b"abc")))
    add(vxlan_gpe_udp(vxlan_gpe(0xFF, udp4())))
    add(vxlan_gpe_udp(vxlan_gpe(1, udp4(), flags=0xFF, reserved=0x1234, reserved8=7)))
    add(vxlan_gpe_udp(vxlan_gpe(1, udp4(), flags=0x00)))
    add(vxlan_gpe_udp(vxlan_gpe(1, udp4(), flags=0x0D)))
    add(vxlan_gpe_udp(vxlan_gpe(1, udp4(), flags=0x0E)))
    add(vxlan_gpe_udp(vxlan_gpe(1, udp4(), flags=0x3C)))
    add(vxlan_gpe_udp(vxlan_gpe(1, udp6())))                                                     # IPv6 where IPv4 is named
    for next_protocol in (1, 2, 3, 4, 5, 9):
        add(vxlan_gpe_udp(vxlan_gpe(next_protocol)))                                             # nothing after the header
    add(vxlan_gpe_udp(vxlan_gpe(1, udp4()), sport=4790, dport=40000))
    add(vxlan_gpe_udp(vxlan_gpe()[:5]))                                                          # shorter than its header
    add(vxlan_gpe_udp(b""))
    cut_everywhere(add, vxlan_gpe_udp(vxlan_gpe(1, udp4())), 14 + 28)
    cut_everywhere(add, vxlan_gpe_udp(vxlan_gpe(3, inner)), 14 + 28 + 8)
    cut_everywhere(add, vxlan_gpe_udp(vxlan_gpe(4, service)), 14 + 28 + 8)
    return frames


def vxlan_gpe_damageable(data, direction):
    """The VXLAN-GPE header (after Ethernet, IPv4 and UDP) but its next protocol (see damage), never what it carries (the
    IP oracles' business); nothing in a frame with an empty UDP payload."""
    return 14 + 28 + 8 if len(data) > 14 + 28 else 0


vxlan_gpe_damageable.start = 14 + 28


def gre_udp(payload, sport=40000, dport=4754):
    """An Ethernet frame with IPv4 and UDP around a GRE header (RFC 8086; the UDP checksum left 0)."""
    return ether(0x0800, bytes(IP(src=GENEVE_A, dst=GENEVE_B, id=17) / UDP(sport=sport, dport=dport, chksum=0) / Raw(payload)))


def gre_header(protocol, checksum=None, key=None, sequence=None):
    """A GRE header (RFC 2784, RFC 2890): the C, K and S bits for the fields given, version 0, the protocol type, then
    the checksum with its reserved half, the key and the sequence number."""
    flags = (0x8000 if checksum is not None else 0) | (0x2000 if key is not None else 0) | (0x1000 if sequence is not None else 0)
    header = struct.pack(">HH", flags, protocol)
    if checksum is not None:
        header += struct.pack(">HH", checksum, 0)
    if key is not None:
        header += struct.pack(">I", key)
    if sequence is not None:
        header += struct.pack(">I", sequence)
    return header


def gre_udp_frames():
    """GRE in UDP on port 4754: IPv4 (UDP, TCP, ICMP), IPv6, transparent Ethernet bridging, MPLS and NSH inside, the
    checksum, key and sequence number fields alone and together, an unknown protocol type, nothing after the header, the
    port on the source side only, 3 bytes and a header whose key the datagram cuts, and a frame cut by the capture at
    every length through GRE with a key and the IPv4 it carries. (Version 1 and the routing bit: gre.pcap, over IP.)"""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(gre_udp(gre_header(0x0800) + udp4()))
    add(gre_udp(gre_header(0x0800, key=0x1234) + tcp4()))
    add(gre_udp(gre_header(0x0800, sequence=7) + echo4()))
    add(gre_udp(gre_header(0x86DD, checksum=0xABCD) + udp6()))
    add(gre_udp(gre_header(0x6558, checksum=0, key=0xFFFFFFFF, sequence=1) + ether(0x0800, udp4())))
    add(gre_udp(gre_header(0x8847) + label(100, bottom=True, ttl=63) + udp4()))
    add(gre_udp(gre_header(0x894F) + nsh(udp4())[14:]))
    add(gre_udp(gre_header(0x1234) + b"abc"))
    add(gre_udp(gre_header(0x0800)))                                                            # nothing after the header
    add(gre_udp(gre_header(0x0800) + udp4(), sport=4754, dport=40000))
    add(gre_udp(gre_header(0x0800)[:3]))
    add(gre_udp(gre_header(0x0800, key=1)[:6]))
    cut_everywhere(add, gre_udp(gre_header(0x0800, key=0x1234) + udp4()), 14 + 28)
    return frames


def gre_udp_damageable(data, direction):
    """The GRE header's first byte, its routing bit kept (see damage): the C, K and S bits move what follows."""
    return 14 + 28 + 1


gre_udp_damageable.start = 14 + 28
def lisp_udp(payload, sport=40000, dport=4341):
    """An Ethernet frame with IPv4 and UDP around a LISP data header (the UDP checksum left 0)."""
    return ether(0x0800, bytes(IP(src=GENEVE_A, dst=GENEVE_B, id=17) / UDP(sport=sport, dport=dport, chksum=0) / Raw(payload)))


def lisp(flags, first=0, second=0, body=b""):
    """A LISP data header (RFC 9300 5.3): the flags, the 24-bit nonce or map-versions, the instance ID and locator-status
    bits word, then the body."""
    return struct.pack(">BHBI", flags, first >> 8, first & 0xFF, second) + body


def lisp_frames():
    """The LISP data plane on UDP port 4341: IPv4 (UDP, TCP, ICMP) and IPv6 behind each flag and the words they place
    (nonce, map-versions, instance ID with 8 locator-status bits, 32 locator-status bits), tshark's two warnings (E
    without N, N with V), every flag and reserved bit, a payload that is not IP, a header with nothing after it (malformed),
    a datagram shorter than the header (data), the port on the source side (tcpdump prints LISP control from port 4342, so
    that port is left out), an
    IPv4 header the datagram cuts, and a frame cut by the capture at every length through the header and inner IPv4."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(lisp_udp(lisp(0x80, 0x123456, 0, udp4())))
    add(lisp_udp(lisp(0xC8, 0xABCDEF, 0x00001203, udp6())))
    add(lisp_udp(lisp(0x10, 0x123456, 0, tcp4())))
    add(lisp_udp(lisp(0x40, 0, 0x00000507, echo4())))
    add(lisp_udp(lisp(0x48, 0, 0xFFFFFF07, tcp6())))
    add(lisp_udp(lisp(0x08, 0, 0x00AB0001, udp4())))
    add(lisp_udp(lisp(0xB8, 1, 0x00000102, udp4())))                                            # N and V: warned
    add(lisp_udp(lisp(0x27, 0, 0x12345678, udp4())))                                            # E without N: warned
    add(lisp_udp(lisp(0xFF, 0xFFFFFF, 0xFFFFFFFF, udp6())))
    add(lisp_udp(lisp(0x50, 0xFFFFFF, 0x80000000, udp4())))
    add(lisp_udp(lisp(0x00, 0, 0, b"\x55abc")))                                                 # not IP
    add(lisp_udp(lisp(0x80, 7, 0, b"\x00")))
    add(lisp_udp(lisp(0x80, 7, 0)))                                                             # nothing after it
    add(lisp_udp(lisp(0x80, 7, 0)[:7]))                                                         # shorter than its header
    add(lisp_udp(lisp(0x80, 7, 0, udp4()), sport=4341, dport=40000))
    add(lisp_udp(lisp(0x80, 7, 0, udp4()[:12])))                                                # IPv4 the datagram cuts
    add(lisp_udp(lisp(0x80, 7, 0, b"\x60\x00")))                                                # IPv6 the datagram cuts
    cut_everywhere(add, lisp_udp(lisp(0xC8, 0x010203, 0x00000A01, udp4())), 14 + 28)
    return frames


def lisp_damageable(data, direction):
    """The LISP data header (after Ethernet, IPv4 and UDP), never what it carries (the IP oracles' business)."""
    return 14 + 28 + 8


lisp_damageable.start = 14 + 28


def amt_udp(payload, sport=40000, dport=2268):
    """An Ethernet frame with IPv4 and UDP around an AMT message (the UDP checksum left 0)."""
    return ether(0x0800, bytes(IP(src=GENEVE_A, dst=GENEVE_B, id=18) / UDP(sport=sport, dport=dport, chksum=0) / Raw(payload)))


def amt(kind, rest=b"", version=0):
    """An AMT message (RFC 7450 5.1): version and type, then the rest as given."""
    return bytes([version << 4 | kind]) + rest


def mld_query():
    """An IPv6 packet with a router alert carrying an MLDv2 general query (what a relay's membership query encapsulates)."""
    return bytes(IPv6(src="fe80::1", dst="ff02::1", hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert()]) / ICMPv6MLQuery2())


def mld_report():
    """An IPv6 packet with a router alert carrying an MLDv2 report (what a gateway's membership update encapsulates)."""
    return bytes(IPv6(src="fe80::2", dst="ff02::16", hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert()])
                 / ICMPv6MLReport2(records=[ICMPv6MLDMultAddrRec(dst="ff3e::1")]))


AMT_MAC_NONCE = bytes.fromhex("010203040506 11223344")
AMT_GATEWAY = bytes.fromhex("04d2 20010db8000000000000000000000009")


def amt_frames():
    """Automatic Multicast Tunneling on UDP port 2268: every message type (relay discovery, advertisements with an IPv4,
    an IPv6 and an address of neither length, a request with and without P, membership queries with and without L and G
    carrying MLDv2 and IPv4, updates, multicast data with IPv4 UDP, TCP and ICMP, IPv6 and bytes that are not IP,
    teardown), unknown types and versions, messages the datagram ends inside (malformed), a query with nothing after its
    nonce and one with G whose gateway lies before the message, the port on the source side, and frames cut by the capture
    at every length through multicast data, a query with G (from its MLD message on) and a teardown. IGMP, which RawNet leaves as data, is left out."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(amt_udp(amt(1, bytes(3) + bytes.fromhex("12345678"))))
    add(amt_udp(amt(2, bytes(3) + bytes.fromhex("12345678 c0000201"))))
    add(amt_udp(amt(2, bytes(3) + bytes.fromhex("12345678 20010db8000000000000000000000001"))))
    add(amt_udp(amt(2, bytes(3) + bytes.fromhex("12345678 c00002"))))                            # an address of neither length
    add(amt_udp(amt(2, bytes(3) + bytes.fromhex("12345678"))))                                   # no address
    add(amt_udp(amt(3, bytes.fromhex("00 0000 abcdef01"))))
    add(amt_udp(amt(3, bytes.fromhex("ff ffff abcdef01"))))
    add(amt_udp(amt(4, b"\x03" + AMT_MAC_NONCE + mld_query() + AMT_GATEWAY)))
    add(amt_udp(amt(4, b"\x00" + AMT_MAC_NONCE + mld_query())))
    add(amt_udp(amt(4, b"\xfd" + AMT_MAC_NONCE + udp4() + AMT_GATEWAY)))
    add(amt_udp(amt(5, b"\x00" + AMT_MAC_NONCE + mld_report())))
    add(amt_udp(amt(5, b"\xff" + AMT_MAC_NONCE + udp4())))
    add(amt_udp(amt(6, b"\x00" + udp4())))
    add(amt_udp(amt(6, b"\x00" + tcp4())))
    add(amt_udp(amt(6, b"\x5a" + echo4())))
    add(amt_udp(amt(6, b"\x00" + udp6())))
    add(amt_udp(amt(6, b"\x00" + tcp6())))
    add(amt_udp(amt(6, b"\x00\x12\x34")))                                                        # not IP
    add(amt_udp(amt(6, b"\x00")))                                                                # nothing after the reserved byte
    add(amt_udp(amt(6)))                                                                         # nothing after the type
    add(amt_udp(amt(7, b"\x00" + AMT_MAC_NONCE + AMT_GATEWAY)))
    add(amt_udp(amt(7, b"\x00" + AMT_MAC_NONCE + AMT_GATEWAY[:10])))                              # ends inside the address
    add(amt_udp(amt(1, bytes(3) + b"\x12")))                                                     # ends inside the nonce
    add(amt_udp(amt(4, b"\x01" + AMT_MAC_NONCE)))                                                # nothing after the nonce
    add(amt_udp(amt(4, b"\x01" + AMT_MAC_NONCE + b"\x01")))                                      # G, the gateway before the message
    add(amt_udp(amt(4, b"\x01" + AMT_MAC_NONCE + bytes(20))))                                    # G, a bogus version
    for kind in (0, 8, 15):
        add(amt_udp(amt(kind, b"\xaa\xbb")))
    add(amt_udp(amt(0)))
    add(amt_udp(amt(6, b"\x00" + udp4(), version=15)))
    add(amt_udp(amt(6, b"\x00" + udp4()), sport=2268, dport=40000))
    cut_everywhere(add, amt_udp(amt(6, b"\x00" + udp4())), 14 + 28)
    # (from past the hop-by-hop header: cut at its end, tshark's ICMPv6 sets the columns before it throws, RawNet's IPv6 not)
    cut_everywhere(add, amt_udp(amt(4, b"\x03" + AMT_MAC_NONCE + mld_query() + AMT_GATEWAY)), 14 + 28 + 12 + 48 + 1)
    cut_everywhere(add, amt_udp(amt(7, b"\x00" + AMT_MAC_NONCE + AMT_GATEWAY)), 14 + 28)
    return frames


def amt_damageable(data, direction):
    """The AMT message's fields before what it carries, never its type (which would move where the IP packet begins and
    hand the middle of a packet to IP, the IP oracles' business) nor the IP packet."""
    kind = data[14 + 28] & 0x0F if len(data) > 14 + 28 else 0
    reach = min(len(data), 14 + 28 + {1: 8, 2: 8, 3: 8, 4: 12, 5: 12, 6: 2, 7: 30}.get(kind, 2))
    return reach if reach > amt_damageable.start else 0  # nothing of its own: leave the frame (and UDP's header) alone


amt_damageable.start = 14 + 28 + 1

TZSP_A, TZSP_B = "198.18.7.1", "198.18.7.2"


def tzsp_udp(payload, sport=40000, dport=37008):
    """An Ethernet frame with IPv4 and UDP around a TZSP message (the UDP checksum left 0, as for geneve_udp)."""
    return ether(0x0800, bytes(IP(src=TZSP_A, dst=TZSP_B, id=17) / UDP(sport=sport, dport=dport, chksum=0) / Raw(payload)))


def tzsp(encap=1, kind=0, version=1, tags=b"\x01", body=b""):
    """A TZSP message: version, type, encapsulation, the tags as given (End alone unless told), then the frame."""
    return struct.pack(">BBH", version, kind, encap) + tags + body


def tzsp_tag(tag, value=b"", length=None):
    """A TZSP tag with a length byte (its value's, unless told) and its value."""
    return bytes([tag, len(value) if length is None else length]) + value


def wlan_data(payload, ethertype=0x0800):
    """An 802.11 data frame from the DS (24-byte header, no QoS) with LLC/SNAP for the EtherType."""
    header = bytes([0x08, 0x02]) + b"\x00\x00" + b"\xff" * 6 + bytes.fromhex("021122334455") + bytes.fromhex("026677889900") + b"\x10\x00"
    return header + snap(ethertype) + payload


def tzsp_frames():
    """TZSP on UDP 37008: Ethernet (IPv4 UDP, TCP, ICMP, IPv6, a padded frame), raw IP, 802.11 alone and behind Prism, AVS
    (also behind Prism's number) and radiotap headers, PPP, Token Ring and FDDI frames; every tag tshark names, Pad,
    unknown tags, tags whose length is not their value's (a one-byte value of length 0 reading the next tag, a channel
    of 2 and 5 bytes, time stamps of 4 and 6 bytes, a sensor address of 2, strings with a NUL and non-ASCII bytes, an
    empty unknown tag); SLIP, unknown and zero encapsulations (data); keepalive, port opener, configuration and an
    unknown type; the port on the source side; and damaged ones: a tag running past the datagram, a walk that never
    ends, a one-byte value, a channel and a time stamp tshark refuses, a header shorter than its fixed part, an empty and
    a short Ethernet frame; a frame cut by the capture at every length through TZSP and the inner frame; raw IP of no
    bytes and of none captured, and an 802.11 frame cut in its header."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    inner = ether(0x0800, udp4())
    named = tzsp_tag(10, b"\xc4") + tzsp_tag(11, b"\xa0") + tzsp_tag(12, b"\x6c") + tzsp_tag(13, b"\x01\x02\x03\x04") \
        + tzsp_tag(14, b"\x00") + tzsp_tag(15, b"\x01") + tzsp_tag(16, b"\x00") + tzsp_tag(17, b"\x01") + tzsp_tag(18, b"\x06") \
        + tzsp_tag(41, b"\x00\x40") + tzsp_tag(60, bytes.fromhex("001122334455")) + tzsp_tag(40, b"\x00\x00\x00\x07") \
        + tzsp_tag(80, b"mikrotik") + tzsp_tag(81, b"lab") + tzsp_tag(82, struct.pack(">II", 1593835520, 16)) \
        + tzsp_tag(83, b"z") + tzsp_tag(84, b"\x00\x00\x00\x09") + tzsp_tag(99, b"\xaa\xbb") + b"\x01"
    add(tzsp_udp(tzsp(body=inner)))
    add(tzsp_udp(tzsp(tags=b"\x00" + named, body=ether(0x0800, tcp4()))))
    add(tzsp_udp(tzsp(body=ether(0x0800, echo4())), sport=37008, dport=40000))
    add(tzsp_udp(tzsp(body=ether(0x86DD, udp6()))))
    add(tzsp_udp(tzsp(body=ether(0x0800, udp4(b"x")) + bytes(13))))                                  # padded to 60
    add(tzsp_udp(tzsp(7, body=udp4())))
    add(tzsp_udp(tzsp(7, body=udp6())))
    add(tzsp_udp(tzsp(18, tags=tzsp_tag(10, b"\xd0") + tzsp_tag(18, b"\x0b") + tzsp_tag(12, b"\x16") + b"\x01", body=wlan_data(udp4()))))
    prism = struct.pack("<II", 0x41, 144) + b"wlan0".ljust(16, b"\x00") + b"".join(struct.pack("<IHHI", 0x1041 + i * 0x1000, 0, 4, i) for i in range(10))
    avs = struct.pack(">II", 0x80211001, 64) + bytes(56)
    radiotap = struct.pack("<BBHI", 0, 0, 12, 0x0000000E) + b"\x00\x16" + struct.pack("<H", 2437)
    add(tzsp_udp(tzsp(119, body=prism + wlan_data(udp4()))))
    add(tzsp_udp(tzsp(119, body=avs + wlan_data(udp4()))))
    add(tzsp_udp(tzsp(126, body=radiotap + wlan_data(udp4()))))
    add(tzsp_udp(tzsp(127, body=avs + wlan_data(udp6(), 0x86DD))))
    add(tzsp_udp(tzsp(4, body=b"\xff\x03\x00\x21" + udp4())))
    add(tzsp_udp(tzsp(2, body=token_ring(snap(0x0800) + udp4()))))
    add(tzsp_udp(tzsp(5, body=fddi(snap(0x0800) + udp4()))))
    add(tzsp_udp(tzsp(3, body=b"slip")))
    add(tzsp_udp(tzsp(99, body=b"unknown")))
    add(tzsp_udp(tzsp(0, body=b"zero")))
    add(tzsp_udp(tzsp(99)))
    add(tzsp_udp(tzsp(kind=4, body=b"keep")))
    add(tzsp_udp(tzsp(kind=5)))
    add(tzsp_udp(tzsp(kind=3, body=inner)))
    add(tzsp_udp(tzsp(kind=9, body=inner)))
    add(tzsp_udp(tzsp(kind=1, version=2, body=inner)))
    # lengths that are not their value's
    add(tzsp_udp(tzsp(tags=tzsp_tag(10) + b"\x01", body=inner)))                                       # reads the End byte
    add(tzsp_udp(tzsp(tags=tzsp_tag(18, b"\x00\x24") + tzsp_tag(18, b"\x01\x02\x03\x04\x05") + b"\x01", body=inner)))
    add(tzsp_udp(tzsp(tags=tzsp_tag(82, b"\x00\x00\x00\x10") + tzsp_tag(82, bytes(range(6))) + b"\x01", body=inner)))
    add(tzsp_udp(tzsp(tags=tzsp_tag(60, b"\xaa\xbb") + tzsp_tag(84, b"\x00\x05") + b"\x01", body=inner)))   # read past the End
    add(tzsp_udp(tzsp(tags=tzsp_tag(80, b"a\x00b") + tzsp_tag(81, b"\xc3\xa9x") + tzsp_tag(83, b"") + b"\x01", body=inner)))
    add(tzsp_udp(tzsp(tags=tzsp_tag(99) + tzsp_tag(200, b"\x05") + tzsp_tag(41, b"\xff\xfe") + tzsp_tag(40, b"\xff" * 4) + b"\x01", body=inner)))
    add(tzsp_udp(tzsp(tags=b"\x00" * 7 + b"\x01", body=inner)))
    # damaged
    add(tzsp_udp(tzsp(tags=tzsp_tag(10, b"\x01", length=5))))                                           # runs past the datagram
    add(tzsp_udp(tzsp(tags=b"\x00\x00\x00")))                                                           # never ends
    add(tzsp_udp(tzsp(tags=tzsp_tag(12, b"\x10") + tzsp_tag(10))))                                       # its byte is not there
    add(tzsp_udp(tzsp(tags=tzsp_tag(18) + b"\x01", body=inner)))                                         # a channel of no bytes
    add(tzsp_udp(tzsp(tags=tzsp_tag(82, b"\x01\x02\x03") + b"\x01", body=inner)))                        # a time stamp of 3
    add(tzsp_udp(tzsp(tags=tzsp_tag(40, b"\x01"))))                                                      # reads past the datagram
    add(tzsp_udp(tzsp()[:3]))
    add(tzsp_udp(tzsp()))                                                                                # no Ethernet after End
    add(tzsp_udp(tzsp(body=inner[:10])))
    cut_everywhere(add, tzsp_udp(tzsp(tags=tzsp_tag(10, b"\xc4") + tzsp_tag(80, b"abc") + b"\x00\x01", body=inner)), 14 + 28)
    add(tzsp_udp(tzsp(7)))                                                                               # raw IP of no bytes
    add(tzsp_udp(tzsp(7, body=udp4())), 14 + 28 + 5)                                                     # ... none captured
    add(tzsp_udp(tzsp(18, body=wlan_data(udp4()))), 14 + 28 + 5 + 10)
    return frames



def tzsp_link_frames():
    """LINKTYPE_TZSP (128): tzsp.pcap's TZSP messages without their Ethernet, IPv4 and UDP headers (a capture cut inside
    those keeps nothing), cut where they were."""
    return [(data[14 + 28:], None if caplen is None else caplen - 14 - 28) for data, caplen in tzsp_frames() if caplen is None or caplen > 14 + 28]


SFLOW_AGENT = "198.18.7.1"


def sflow_udp(payload, sport=40000, dport=6343):
    """An Ethernet frame with IPv4 and UDP around an sFlow datagram (the UDP checksum left 0)."""
    return ether(0x0800, bytes(IP(src=SFLOW_AGENT, dst=GENEVE_B, id=17) / UDP(sport=sport, dport=dport, chksum=0) / Raw(payload)))


def sflow(samples=(), version=5, agent=b"\xc6\x12\x07\x01", agent_type=None, sub_agent=3, sequence=77, uptime=123456, count=None):
    """An sFlow datagram (sFlow v5: version, agent address type and address, sub-agent ID, sequence, uptime, number of
    samples, then the samples as given; v2 and v4 have no sub-agent ID)."""
    kind = (1 if len(agent) == 4 else 2) if agent_type is None else agent_type
    head = struct.pack(">II", version, kind) + agent + (struct.pack(">I", sub_agent) if version == 5 else b"")
    return head + struct.pack(">III", sequence, uptime, len(samples) if count is None else count) + b"".join(samples)


def sflow_sample(fmt, body, length=None, enterprise=0):
    """An sFlow v5 sample: enterprise and format, its length (body's unless told), the body."""
    return struct.pack(">II", enterprise << 12 | fmt, len(body) if length is None else length) + body


def sflow_record(fmt, body, length=None, enterprise=0):
    """An sFlow v5 flow or counters record: enterprise and format, its length (body's unless told), the body."""
    return sflow_record_raw(enterprise << 12 | fmt, body, length)


def sflow_record_raw(word, body, length=None):
    return struct.pack(">II", word, len(body) if length is None else length) + body


def sflow_header(packet, protocol=1, frame_length=None, stripped=4, header_length=None):
    """A raw packet header record's body (format 1): header protocol, frame length, bytes stripped, header length, then
    the header padded to 4 bytes (XDR)."""
    size = len(packet) if header_length is None else header_length
    pad = (4 - len(packet) % 4) % 4
    return struct.pack(">IIII", protocol, len(packet) + stripped if frame_length is None else frame_length, stripped, size) \
        + packet + bytes(pad)


def sflow_flow(records, sequence=9, source=0x00000005, rate=1000, pool=5000, drops=0, inp=5, out=7, count=None):
    """A flow sample's body (format 1): sequence, source ID, sampling rate, pool, drops, input, output, records."""
    return struct.pack(">IIIIIIII", sequence, source, rate, pool, drops, inp, out, len(records) if count is None else count) \
        + b"".join(records)


def sflow_expanded_flow(records, sequence=10, count=None):
    """An expanded flow sample's body (format 3): the source ID and interfaces as format and value pairs."""
    return struct.pack(">IIIIIIIIIII", sequence, 0, 6, 512, 4096, 1, 0, 6, 0, 8, len(records) if count is None else count) \
        + b"".join(records)


def sflow_counters(records, sequence=11, source=0x00000005, count=None):
    """A counters sample's body (format 2): sequence, source ID, records."""
    return struct.pack(">III", sequence, source, len(records) if count is None else count) + b"".join(records)


def sflow_generic_interface():
    """A generic interface counters record's body (format 1)."""
    return struct.pack(">IIQIIQIIIIIIQIIIIII", 5, 6, 1000000000, 1, 3, 123456789, 1000, 20, 30, 1, 2, 3,
        987654321, 900, 21, 31, 4, 5, 0)


def sflow_ethernet_counters():
    """An Ethernet interface counters record's body (format 2): thirteen counters."""
    return struct.pack(">13I", *range(1, 14))


def sflow_v24_flow(packet, extended=b"", count=0):
    """An sFlow v2/v4 flow sample (type 1): sequence, source ID, rate, pool, drops, input, output, then the packet
    information (type 1, a raw header: protocol, frame length, header length, the header padded) and the extended data."""
    pad = (4 - len(packet) % 4) % 4
    return struct.pack(">IIIIIIIII", 1, 21, 5, 100, 900, 0, 3, 4, 1) + struct.pack(">III", 1, len(packet) + 4, len(packet)) \
        + packet + bytes(pad) + struct.pack(">I", count) + extended


def sflow_frames():
    """sFlow v5 on UDP 6343: flow samples of Ethernet frames carrying IPv4 (UDP, TCP, ICMP) and IPv6, raw IPv4 and IPv6
    headers, headers cut short of their frame as switches send them (128 bytes, and 126 padded), an expanded flow
    sample, counters samples (generic and Ethernet interface counters) and an expanded one, flow records tshark decodes
    (switch, router), a sampled frame under a VLAN tag, v4 and v2 datagrams, an IPv6 agent, an unknown header protocol, an enterprise's sample and record, three headers in one
    sample, and damaged ones: a sample, a record and a header whose lengths run past the datagram, absurd sample and
    record counts, an unknown agent address type and version 3 (not sFlow to tshark), an empty and a short datagram, and
    a datagram cut by the capture at every length through its first sample. RawNet's bound on the sampled headers it
    follows and a sampled frame length shorter than its header are unit tests (tshark goes on where RawNet does not)."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    # sampled headers of a multiple of 4 bytes: tshark shows the XDR padding of another as the sampled frame's trailer
    eth_udp = ether(0x0800, udp4(b"hi"))
    eth_tcp = ether(0x0800, bytes(IP(src=A, dst=B, id=2) / TCP(sport=40001, dport=9, flags="S", seq=1000) / Raw(b"ab")))
    eth_icmp = ether(0x0800, bytes(IP(src=B, dst=A, id=3) / ICMP(type=8, id=7, seq=1) / Raw(b"pingpo")))
    eth_udp6 = ether(0x86DD, udp6(b"hello!"))
    long_tcp = ether(0x0800, bytes(IP(src=A, dst=B, id=4) / TCP(sport=40003, dport=9, flags="PA", seq=5) / Raw(bytes(1400))))
    flow = lambda *packets: sflow_sample(1, sflow_flow([sflow_record(1, sflow_header(p)) for p in packets]))
    add(sflow_udp(sflow([flow(eth_udp)])))
    add(sflow_udp(sflow([flow(eth_tcp), flow(eth_icmp)])))
    add(sflow_udp(sflow([flow(eth_udp6)])))
    add(sflow_udp(sflow([sflow_sample(1, sflow_flow([sflow_record(1, sflow_header(bytes(IP(src=A, dst=B, id=2) / TCP(sport=40001, dport=9, flags="S") / Raw(b"abcd")), protocol=11))]))])))
    add(sflow_udp(sflow([sflow_sample(1, sflow_flow([sflow_record(1, sflow_header(udp6(b"hell"), protocol=12))]))])))
    add(sflow_udp(sflow([sflow_sample(1, sflow_flow([sflow_record(1, sflow_header(long_tcp[:128], frame_length=len(long_tcp) + 4))]))])))
    add(sflow_udp(sflow([sflow_sample(1, sflow_flow([sflow_record(1, sflow_header(long_tcp[:126], frame_length=len(long_tcp) + 4))]))])))
    add(sflow_udp(sflow([sflow_sample(3, sflow_expanded_flow([sflow_record(1, sflow_header(eth_udp)),
        sflow_record(1001, struct.pack(">IIII", 10, 1, 20, 2)), sflow_record(1002, struct.pack(">IIII", 1, 0xC6120701, 24, 16))]))])))
    add(sflow_udp(sflow([sflow_sample(2, sflow_counters([sflow_record(1, sflow_generic_interface()), sflow_record(2, sflow_ethernet_counters())])),
        sflow_sample(4, struct.pack(">III", 12, 0, 6) + struct.pack(">I", 1) + sflow_record(1, sflow_generic_interface()))])))
    add(sflow_udp(sflow([flow(eth_udp), sflow_sample(2, sflow_counters([sflow_record(2, sflow_ethernet_counters())])), flow(eth_tcp)],
        agent=bytes.fromhex("20010db8000000000000000000000007"))))
    add(sflow_udp(sflow([sflow_sample(1, sflow_flow([sflow_record(1, sflow_header(b"\x01\x02\x03\x04", protocol=99))]))])))
    add(sflow_udp(sflow([sflow_sample(5, b"\x00" * 8, enterprise=4300), flow(eth_udp)])))
    add(sflow_udp(sflow([sflow_sample(1, sflow_flow([sflow_record(7, b"abcd", enterprise=9), sflow_record(1, sflow_header(eth_icmp))]))])))
    add(sflow_udp(sflow([flow(eth_udp, eth_tcp, eth_icmp)])))
    add(sflow_udp(sflow([flow(eth_tcp)], sequence=1), sport=6343, dport=40000))
    add(sflow_udp(sflow([flow(ether(0x8100, b"\x00\x05\x08\x00" + udp4(b"hi")))])))                   # under a VLAN tag
    add(sflow_udp(sflow([sflow_v24_flow(eth_tcp, struct.pack(">IIIII", 1, 10, 1, 20, 2), 1)], version=4)))
    add(sflow_udp(sflow([sflow_v24_flow(eth_udp), sflow_v24_flow(eth_icmp)], version=2)))
    # damaged
    add(sflow_udp(sflow([sflow_sample(1, sflow_flow([sflow_record(1, sflow_header(eth_udp))]), length=4000)])))
    add(sflow_udp(sflow([sflow_sample(1, sflow_flow([sflow_record(1, sflow_header(eth_udp), length=4000)]))])))
    add(sflow_udp(sflow([sflow_sample(1, sflow_flow([sflow_record(1, sflow_header(eth_udp, header_length=4000))]))])))
    add(sflow_udp(sflow([flow(eth_udp)], count=0xFFFFFFFF)))
    add(sflow_udp(sflow([flow(eth_udp)], count=1000)))
    add(sflow_udp(sflow([sflow_sample(1, sflow_flow([sflow_record(1, sflow_header(eth_udp))], count=100000))])))
    add(sflow_udp(sflow([flow(eth_udp)], agent=b"", agent_type=7)))
    add(sflow_udp(sflow([flow(eth_udp)], version=3)))
    add(sflow_udp(sflow()))
    add(sflow_udp(sflow()[:10]))
    add(sflow_udp(b""))
    cut_everywhere(add, sflow_udp(sflow([flow(eth_tcp)])), 14 + 28)
    return frames


PPTP_A, PPTP_B = "198.18.47.1", "198.18.47.2"


def gre_ip(gre, length=None):
    """An Ethernet frame with IPv4 around a GRE packet (IP protocol 47); length an IP total length to declare instead."""
    ip = IP(src=PPTP_A, dst=PPTP_B, id=47, proto=47, len=length) / Raw(gre)
    return ether(0x0800, bytes(ip))


def pptp(payload, sequence=None, ack=None, call=6016, protocol=0x880B, flags=0x0001, payload_length=None):
    """An enhanced GRE header (RFC 2637 4.1): the K bit, S and A for the numbers given, the version in flags' low bits, the
    payload length (the payload's own unless given) and call ID, the sequence and acknowledgment numbers, then the payload."""
    bits = 0x2000 | flags | (0x1000 if sequence is not None else 0) | (0x0080 if ack is not None else 0)
    header = struct.pack(">HHHH", bits, protocol, len(payload) if payload_length is None else payload_length, call)
    if sequence is not None:
        header += struct.pack(">I", sequence)
    if ack is not None:
        header += struct.pack(">I", ack)
    return header + payload


def sre(family, offset, information):
    """A Source Route Entry (RFC 1701): address family, SRE offset, SRE length, routing information."""
    return struct.pack(">HBB", family, offset, len(information)) + information


def gre_routed(protocol, entries, payload, flags=0, key=None, sequence=None, offset=0):
    """A GRE header with the R bit: the checksum word left 0 and the offset, the key and sequence number given, then the
    Source Route Entries (the NULL one not added) and the payload."""
    bits = 0x4000 | flags | (0x2000 if key is not None else 0) | (0x1000 if sequence is not None else 0)
    header = struct.pack(">HHHH", bits, protocol, 0, offset)
    if key is not None:
        header += struct.pack(">I", key)
    if sequence is not None:
        header += struct.pack(">I", sequence)
    return header + b"".join(entries) + payload


def gre_frames():
    """GRE over IPv4 beyond RFC 2784: PPTP's enhanced GRE (version 1, PPP) carrying IPv4 (TCP, UDP,
    ICMP), IPv6 and LCP with and without the sequence and acknowledgment numbers, an acknowledgment alone, address and
    control and the protocol field compressed each and both, a payload without the S bit (tcpdump's no-payload), the S
    bit with nothing, one, two and three bytes after it, a payload length that lies, Cisco HDLC's address where PPP's
    belongs, version 1 of another protocol type, PPP in version 0 (with the A bit too), versions 2 and 7; RFC 1701's
    routing with IPv4 and AS number entries (a starred offset), an unknown family, bad offsets and lengths, an entry of
    family 0 with a length, a list that never ends and entries whose length runs past the packet; IP declaring fewer
    bytes than the key, the payload and the routing need; and two frames cut by the capture at every length through GRE."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    ppp_ip = b"\xff\x03\x00\x21"
    lcp_request = b"\xff\x03\xc0\x21" + control(1, 1, bytes.fromhex("0506deadbeef"))
    add(gre_ip(pptp(ppp_ip + tcp4(), sequence=430, ack=429)))
    add(gre_ip(pptp(ppp_ip + echo4(), sequence=431)))
    add(gre_ip(pptp(b"", ack=429)))                                                              # an acknowledgment alone
    add(gre_ip(pptp(b"\x21" + tcp4(), sequence=1)))                                              # both compressed
    add(gre_ip(pptp(b"\x00\x21" + udp4(), sequence=2)))                                          # address and control left out
    add(gre_ip(pptp(b"\xff\x03\x21" + echo4(), sequence=3)))                                     # protocol compressed
    add(gre_ip(pptp(b"\xff\x03\x00\x57" + udp6(), sequence=4, ack=3)))
    add(gre_ip(pptp(lcp_request, sequence=5, ack=4)))
    add(gre_ip(pptp(b"\xff\x03\xc0\x21" + control(9, 2, bytes.fromhex("01020304")), sequence=6)))
    add(gre_ip(pptp(lcp_request)))                                                               # a payload without S
    for rest in (b"", b"\xff", b"\xff\x03", b"\xff\x03\x00"):
        add(gre_ip(pptp(rest, sequence=7)))
    add(gre_ip(pptp(ppp_ip + tcp4(), sequence=8, payload_length=9999)))
    add(gre_ip(pptp(b"\x0f\x00\x08\x00" + udp4(), sequence=9)))                                  # Cisco HDLC's address
    add(gre_ip(pptp(udp4(), sequence=10, protocol=0x0800)))
    add(gre_ip(struct.pack(">HH", 0x0000, 0x880B) + ppp_ip + udp4()))                             # PPP in version 0
    add(gre_ip(struct.pack(">HH", 0x0080, 0x880B) + ppp_ip + udp4()))
    add(gre_ip(struct.pack(">HH", 0x0002, 0x0800) + udp4()))
    add(gre_ip(pptp(ppp_ip + udp4(), sequence=11, ack=10, flags=0x0007)))
    ip_entry = sre(0x0800, 4, bytes([10, 0, 0, 1, 10, 0, 0, 2]))
    null = sre(0, 0, b"")
    add(gre_ip(gre_routed(0x0800, [ip_entry, null], udp4())))
    add(gre_ip(gre_routed(0x0800, [ip_entry, sre(0xFFFE, 2, bytes.fromhex("00640065")), null], tcp4(), key=7, sequence=9, offset=4)))
    add(gre_ip(gre_routed(0x86DD, [sre(0x1234, 0, b"xyz"), null], udp6(), flags=0x8000)))
    add(gre_ip(gre_routed(0x0800, [sre(0x0800, 3, bytes(8)), sre(0x0800, 0, bytes(6)), sre(0x0800, 8, bytes(8)), null], echo4())))
    add(gre_ip(gre_routed(0x0800, [sre(0xFFFE, 1, bytes(4)), sre(0xFFFE, 0, bytes(3)), sre(0xFFFE, 4, bytes(4)), null], udp4())))
    add(gre_ip(gre_routed(0x0800, [sre(0, 0, b"abcd"), null], udp4())))
    add(gre_ip(gre_routed(0x0800, [ip_entry] * 40, b"")))                                          # never ends
    add(gre_ip(gre_routed(0x0800, [struct.pack(">HBB", 0x0800, 0, 200) + b"abcd"], b"")))          # runs past the packet
    add(gre_ip(gre_routed(0x0800, [struct.pack(">HBB", 0xFFFE, 0, 40) + b"abcd"], b"")))
    add(gre_ip(struct.pack(">HHI", 0x1000, 0x0800, 5)))                                          # S and nothing after
    add(gre_ip(pptp(ppp_ip + tcp4(), sequence=12), length=20 + 10))                               # IP's length cuts the key
    add(gre_ip(pptp(ppp_ip + tcp4(), sequence=13), length=20 + 14))
    add(gre_ip(gre_routed(0x0800, [ip_entry, null], udp4()), length=20 + 14))
    cut_everywhere(add, gre_ip(pptp(ppp_ip + udp4(), sequence=14, ack=13)), 14 + 20)
    cut_everywhere(add, gre_ip(gre_routed(0x0800, [ip_entry, sre(0xFFFE, 0, bytes.fromhex("0064")), null], udp4(), key=1)), 14 + 20)
    return frames


def gre_damageable(data, direction):
    """The GRE header's words after the flags and protocol type up to the routing entries (the checksum and offset, the
    key or call ID, the sequence and acknowledgment numbers), whose values move nothing; none in a header without them."""
    if len(data) < 14 + 20 + 4:
        return 0
    flags, protocol = struct.unpack(">HH", data[34:38])
    enhanced_ack = protocol == 0x880B and flags & 0x0007 != 0 and flags & 0x0080 != 0
    words = (flags & 0xC000 != 0) + (flags & 0x2000 != 0) + (flags & 0x1000 != 0) + enhanced_ack
    return 14 + 20 + 4 + 4 * words if words else 0


gre_damageable.start = 14 + 20 + 4


def damage(frames, rng, direction, damageable):
    """Each frame with one byte of its link header set at random (see the damageable functions), the rest kept. Never 0x7e:
    tcpdump takes a protocol of 0x7eXX for an HDLC escape and un-escapes the frame, a path RawNet does not follow (tshark
    does not either); never 0x21 or 0x57, which as a compressed protocol would hand what follows to IPv4 or IPv6."""
    out = []
    for data, caplen in frames:
        reach = min(len(data), damageable(data, direction))
        if reach > 0:
            start = {mpls_damageable: 14, llc_damageable: 13, control_damageable: 4, auth_damageable: 4, pppoe_auth_damageable: 22, macsec_damageable: 14,
                     nsh_damageable: 14, arista_damageable: 14, llc_more_damageable: 14, l2tp_damageable: 14 + 28}.get(damageable, 0)
            start = getattr(damageable, "start", start)  # a damageable function may say where its bytes begin
            at = rng.randrange(start, reach) if reach > start else rng.randrange(reach)
            value = rng.choice([b for b in range(256) if b not in (0x7E, 0x21, 0x57)])
            if damageable is nsh_damageable:
                at = 14 + 4 if at == 14 + 3 else at
                value = value & 0xC0 | data[at] & 0x3F if at == 14 + 1 else value
            if damageable is arista_damageable:
                at = 14 + 1 if at in (14, 16, 17) else at
                value = value if at != 14 + 1 or value != 1 else 2
            if damageable is atm_more_damageable:
                changed = data[:at] + bytes([value]) + data[at + 1:]
                if changed[0] == 0x03 and len(changed) > 1 and changed[1] in (0x81, 0x82, 0x83, 0x08, 0xCF):
                    value = data[at]  # CLNP, ES-IS, IS-IS, Q.933 and PPP: printers RawNet has not
            if damageable is l2tp_damageable and at == 14 + 28 + 1:
                value = value & 0xF0 | data[at] & 0x0F
            if damageable is l2tpv3_damageable and data[12:14] == b"\x08\x00" and data[14 + 9] == 17 and at < 14 + 28:
                at += 8  # UDP's header is the UDP oracles' business
            if damageable is l2tpv3_damageable and data[12:14] == b"\x08\x00" and data[14 + 9] == 17 and at == 14 + 28 + 1:
                value = value & 0xF0 | data[at] & 0x0F
            if damageable is l2tpv3_sessions_damageable and data[14 + 9] == 17 and at < 14 + 28 + 2:
                at += 10  # UDP's header is the UDP oracles' business, a data message's flags and version the L2TPv3 capture's
            if damageable is l2tpv3_sessions_damageable and l2tpv3_frame_relay_session(data) and at >= reach - 2:
                value = value & 0xFE | data[at] & 0x01  # as frelay.pcap's: the address keeps its length
            if damageable is stp_damageable and data[14] == 0xAA and at < 14 + 8:
                at += 5  # behind SNAP, the BPDU and not the OUI or protocol ID
            if damageable is atm_damageable and at == 0:
                value = value if value != 0x03 else 0x04  # tcpdump's Cisco NLPID, which RawNet does not print
            if damageable is frelay_damageable or damageable is frelay_dir_damageable and at > 0:
                value = value & 0xFE | data[at] & 0x01
            if damageable is macsec_damageable:
                at = 14 if at == 15 else at
                value = value & ~0x20 | data[at] & 0x20 if at == 14 else value
            if damageable is geneve_damageable and at in (14 + 28 + 2, 14 + 28 + 3):
                at += 2  # the VNI rather than the protocol type, which could name an EtherType only tshark decodes
            if damageable is vxlan_gpe_damageable and at == 14 + 28 + 3:
                at += 1  # the VNI rather than the next protocol, which would hand IP to another IP version's dissector
            if damageable is gre_udp_damageable:
                value = value & ~0x40 | data[at] & 0x40  # the routing bit kept (gre.pcap covers routing): these variants stay as made
            if damageable is amt_damageable and data[14 + 28] & 0x0F == 4 and at == 14 + 28 + 1:
                at += 1  # the MAC rather than a query's G flag: MLD cut short reads differently in tshark and RawNet
            data = data[:at] + bytes([value]) + data[at + 1:]
        out.append((data, caplen))
    return out


def capwap_udp(payload, sport=40000, dport=5247):
    """An Ethernet frame with IPv4 and UDP around a CAPWAP data channel message (the UDP checksum left 0)."""
    return ether(0x0800, bytes(IP(src=GENEVE_A, dst=GENEVE_B, id=17) / UDP(sport=sport, dport=dport, chksum=0) / Raw(payload)))


def capwap(flags=0, words=2, rid=1, wbid=1, frag_id=0, frag_offset=0, optional=b"", version=0, body=b""):
    """A CAPWAP header (RFC 5415 4.3): the preamble, HLEN in words, RID, WBID and the T F L W M K flags, the fragment ID
    and offset (in 8-byte units), then the radio MAC and wireless information as given, then the body."""
    word = words << 19 | rid << 14 | wbid << 9 | flags
    return bytes([version << 4]) + struct.pack(">I", word)[1:] + struct.pack(">HH", frag_id, frag_offset << 3) + optional + body


CAPWAP_T, CAPWAP_F, CAPWAP_L, CAPWAP_W, CAPWAP_M, CAPWAP_K = 0x100, 0x80, 0x40, 0x20, 0x10, 0x08


def capwap_wlan(payload):
    """An 802.11 data frame to the AP carrying LLC/SNAP and payload, its frame control's two bytes swapped as the
    controllers tshark's capwap.swap_fc (on by default) expects send them (one not swapped reads as protocol version 1,
    which tshark 4.0 and RawNet's 802.11 decoder read differently)."""
    frame = bytes(Dot11(type=2, subtype=0, FCfield=1, addr1="00:11:22:33:44:55", addr2="00:aa:bb:cc:dd:ee",
                        addr3="00:11:22:33:44:66", SC=0x120) / LLC() / SNAP(code=0x0800 if payload[0] >> 4 == 4 else 0x86DD)) + payload
    return frame[1::-1] + frame[2:]


def capwap_frames():
    """The CAPWAP data channel on UDP 5247: 802.11 frames (frame control swapped) with IPv4 UDP, TCP, ICMP and IPv6, 802.3 frames with IPv4 and ARP, a radio MAC of 6, 8, 3 and 4 bytes, wireless information towards and
    from port 5247 and under another binding, both with a header length too short and too long for them, keep-alives
    (a session ID, a bad length, two elements, an element past the message, none), fragments tshark cannot reassemble
    alone, a last fragment at offset 0 it reassembles by itself, a fragment with nothing after it, other bindings, a
    version 1 preamble, headers shorter than 8 bytes, and a frame cut by the capture at every length."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    T, F, L, W, M, K = CAPWAP_T, CAPWAP_F, CAPWAP_L, CAPWAP_W, CAPWAP_M, CAPWAP_K
    add(capwap_udp(capwap(T, body=capwap_wlan(udp4()))))
    add(capwap_udp(capwap(T, body=capwap_wlan(tcp4())), sport=5247, dport=40000))
    add(capwap_udp(capwap(T, body=capwap_wlan(echo4()))))
    add(capwap_udp(capwap(T, rid=31, body=capwap_wlan(udp6()))))
    add(capwap_udp(capwap(0, body=ether(0x0800, udp4()))))
    add(capwap_udp(capwap(0, wbid=0, body=ether(0x0806, bytes(ARP(psrc=GENEVE_A, pdst=GENEVE_B))))))
    add(capwap_udp(capwap(T | M, words=4, optional=b"\x06\x00\x11\x22\x33\x44\x55\x00", body=capwap_wlan(udp4()))))
    add(capwap_udp(capwap(T | M, words=5, optional=b"\x08\x00\x11\x22\x33\x44\x55\x66\x77\x00\x00\x00", body=capwap_wlan(udp4()))))
    add(capwap_udp(capwap(M, words=3, optional=b"\x03\xaa\xbb\xcc", body=ether(0x0800, udp4()))))
    add(capwap_udp(capwap(T | M, words=4, optional=b"\x04\x01\x02\x03\x04\x00\x00\x00", body=capwap_wlan(udp4()))))
    add(capwap_udp(capwap(T | W, words=4, optional=b"\x04\xc4\x20\x00\x6c\x00\x00\x00", body=capwap_wlan(udp4()))))
    add(capwap_udp(capwap(T | W, words=4, optional=b"\x04\x00\x05\x00\x00\x00\x00\x00", body=capwap_wlan(udp4())), sport=5247, dport=40000))
    add(capwap_udp(capwap(T | W, wbid=3, words=4, optional=b"\x04\xc4\x20\x00\x6c\x00\x00\x00", body=b"abcd")))
    add(capwap_udp(capwap(T | W, words=5, optional=b"\x08" + bytes(range(8)) + b"\x00\x00\x00", body=capwap_wlan(udp4()))))
    add(capwap_udp(capwap(T | M | W, words=6, optional=b"\x06\x00\x11\x22\x33\x44\x55\x00\x04\xd8\x10\x00\x36\x00\x00\x00",
                          body=capwap_wlan(udp4()))))
    add(capwap_udp(capwap(T | M, words=2, optional=b"\x06\x08\x11\x22\x33\x44\x55\x00", body=capwap_wlan(udp4()))))  # HLEN short
    add(capwap_udp(capwap(T, words=4, optional=bytes(8), body=capwap_wlan(udp4()))))                                         # HLEN long
    add(capwap_udp(capwap(K, body=b"\x00\x16\x00\x23\x00\x10" + bytes(range(16)))))
    add(capwap_udp(capwap(K, body=b"\x00\x0c\x00\x23\x00\x04\x01\x02\x03\x04")))
    add(capwap_udp(capwap(K | T, body=b"\x00\x10\x00\x23\x00\x02\x01\x02\x03\xe7\x00\x02\xaa\xbb")))
    add(capwap_udp(capwap(K, body=b"\x00\x0a\x00\x23\x00\x10\x01\x02\x03\x04")))
    add(capwap_udp(capwap(K, body=b"\x00\x02")))
    add(capwap_udp(capwap(K, body=b"\x00\x05\x00")))
    add(capwap_udp(capwap(T | F, frag_id=7, body=capwap_wlan(udp4()))))
    add(capwap_udp(capwap(T | F | L, frag_id=8, frag_offset=3, body=b"tail of a frame")))
    add(capwap_udp(capwap(0 | F, frag_id=9, frag_offset=300, body=ether(0x0800, udp4()))))
    add(capwap_udp(capwap(T | F | L, frag_id=10, body=capwap_wlan(udp4()))))
    add(capwap_udp(capwap(K | F | L, frag_id=11, body=b"\x00\x08\x00\x23\x00\x02ab")))
    add(capwap_udp(capwap(T | F, frag_id=12)))
    add(capwap_udp(capwap(T, wbid=0, body=b"abcdef")))
    add(capwap_udp(capwap(T, wbid=2, body=b"abcdef")))
    add(capwap_udp(capwap(T, version=1, body=capwap_wlan(udp4()))))
    add(capwap_udp(capwap(T | 0x07, body=capwap_wlan(udp4()))))
    add(capwap_udp(capwap(T)))
    add(capwap_udp(capwap(T)[:5]))
    add(capwap_udp(capwap(T)[:1]))
    add(capwap_udp(capwap(T, body=capwap_wlan(udp4())), sport=5247, dport=5247))
    cut_everywhere(add, capwap_udp(capwap(T | M | W, words=6, optional=b"\x06\x00\x11\x22\x33\x44\x55\x00\x04\xd8\x10\x00\x36\x00\x00\x00",
                                          body=capwap_wlan(udp4()))), 14 + 28)
    cut_everywhere(add, capwap_udp(capwap(K, body=b"\x00\x16\x00\x23\x00\x10" + bytes(range(16)))), 14 + 28)
    return frames


def lwapp_udp(payload, sport=40000, dport=12222):
    """An Ethernet frame with IPv4 and UDP around an LWAPP message (the UDP checksum left 0)."""
    return ether(0x0800, bytes(IP(src=GENEVE_A, dst=GENEVE_B, id=18) / UDP(sport=sport, dport=dport, chksum=0) / Raw(payload)))


def lwapp(flags=0, fragment=0, length=None, rssi=0x20, snr=0x10, body=b"", ap=b""):
    """An LWAPP header (flags with version, slot ID, C/T, F and L; fragment ID, length, RSSI, SNR) after the AP identity
    to port 12223, then the body; length the body's unless given."""
    return ap + struct.pack(">BBHBB", flags, fragment, len(body) if length is None else length, rssi, snr) + body


def lwapp_frames():
    """Cisco's LWAPP on UDP 12222 and 12223: 802.11 frames as sent (lwapp.swap_fc is off) with IPv4 UDP, TCP and IPv6,
    versions and slot IDs, to and from either port (the AP identity only to 12223), control messages of every type tshark
    names and one it does not, with and without data, headers and control headers shorter than tshark copies, nothing
    after the header, and a control message and an 802.11 frame cut by the capture at every length."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    ap = b"\x00\x11\x22\x33\x44\x55"
    control = lambda kind, data=b"", seq=3: bytes([kind, seq]) + struct.pack(">H", len(data)) + data
    wlan = lambda payload: bytes(Dot11(type=2, subtype=0, FCfield=1, addr1="00:11:22:33:44:55", addr2="00:aa:bb:cc:dd:ee",
                                       addr3="00:11:22:33:44:66", SC=0x120) / LLC() / SNAP(code=0x0800 if payload[0] >> 4 == 4 else 0x86DD)) + payload
    add(lwapp_udp(lwapp(body=wlan(udp4()))))
    add(lwapp_udp(lwapp(0x48, fragment=5, body=wlan(tcp4())), sport=12222, dport=40000))
    add(lwapp_udp(lwapp(0xFB, fragment=0xFF, rssi=0xC4, snr=0xFF, body=wlan(udp6()))))
    add(lwapp_udp(lwapp(body=wlan(udp4()), ap=ap), dport=12223))
    add(lwapp_udp(lwapp(0x04, body=control(22, b"abcd"))))
    add(lwapp_udp(lwapp(0x04, body=control(1, b"\x01\x00\x01\x00"), ap=ap), dport=12223))
    add(lwapp_udp(lwapp(0x04, body=control(23)), sport=12223, dport=40000))
    for kind in list(range(0, 42)) + [99, 255]:                                       # with tcpdump's session ID after
        add(lwapp_udp(lwapp(0x04, body=bytes([kind, 3, 0, 0]) + struct.pack(">I", kind), ap=ap), dport=12223))
    add(lwapp_udp(lwapp(0x04, body=bytes([22, 1, 0, 2]) + b"\x00\x00\x00\x07ab" + bytes([23, 2, 0, 0]) + b"\x00\x00\x00\x07", ap=ap), dport=12223))
    add(lwapp_udp(lwapp(0x04, length=20, body=bytes([22, 1, 0, 2]) + b"\x00\x00\x00\x07ab", ap=ap), dport=12223))
    add(lwapp_udp(lwapp(0x07, length=3, body=control(22), ap=ap), dport=12223))
    add(lwapp_udp(lwapp(0x02, length=3, body=b"\x08\x02\x00")))
    add(lwapp_udp(lwapp(0x06, length=8, body=b"xx")))
    add(lwapp_udp(lwapp(0x04, body=bytes([29, 3, 0]))))
    add(lwapp_udp(lwapp()[:4]))
    add(lwapp_udp(lwapp()))
    add(lwapp_udp(ap + lwapp()[:3], dport=12223))
    add(lwapp_udp(ap[:4], dport=12223))
    add(lwapp_udp(lwapp(0x00, body=b"\x08"), sport=12223, dport=12222))
    cut_everywhere(add, lwapp_udp(lwapp(0x04, body=control(22, b"abcd"), ap=ap), dport=12223), 14 + 28)
    cut_everywhere(add, lwapp_udp(lwapp(body=wlan(udp4()))), 14 + 28)
    return frames


def llc_udp(payload, sport=40000, dport=12000):
    """An Ethernet frame with IPv4 and UDP around an 802.2 LLC frame on tshark's LLC-over-UDP ports (the checksum left 0)."""
    return ether(0x0800, bytes(IP(src=GENEVE_A, dst=GENEVE_B, id=19) / UDP(sport=sport, dport=dport, chksum=0) / Raw(payload)))


def llc_udp_frames():
    """LLC over UDP on ports 12000 to 12004 (tshark registers "llc" there): SNAP with IPv4, IPv6 and ARP, IP on SAP 6,
    a spanning tree BPDU, an XID, a supervisory and an information frame, Cisco's OUI with a PID tshark has no dissector for, to and
    from each port, headers shorter than LLC's and SNAP's, an empty datagram, and a frame cut by the capture at every length."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    arp = bytes.fromhex("0001080006040001020000000001c6120001000000000000c6120002")
    bpdu = bytes.fromhex("000000000080000000000000010000000480010000000000020080010000140002000f00")
    add(llc_udp(SNAP_IP + udp4()))
    add(llc_udp(b"\xaa\xaa\x03\x00\x00\x00\x86\xdd" + udp6(), dport=12001))
    add(llc_udp(b"\xaa\xaa\x03\x00\x00\x00\x08\x06" + arp, dport=12002))
    add(llc_udp(SNAP_IP + tcp4(), sport=12003, dport=40000))
    add(llc_udp(b"\x06\x06\x03" + echo4(), dport=12004))
    add(llc_udp(b"\x42\x42\x03" + bpdu))
    add(llc_udp(b"\x00\x01\xaf\x81\x01\x00"))
    add(llc_udp(b"\x00\x00\x01\x02"))
    add(llc_udp(b"\x00\x01\x02\x04abcd"))
    add(llc_udp(b"\xaa\xaa\x03\x00\x00\x0c\x12\x34cdp"))
    add(llc_udp(SNAP_IP + udp4(), sport=12000, dport=12004))
    add(llc_udp(SNAP_IP[:5]))
    add(llc_udp(b"\xaa"))
    add(llc_udp(b""))
    cut_everywhere(add, llc_udp(SNAP_IP + udp4()), 14 + 28)
    return frames


def lwapp_l3_frames():
    """LWAPP over layer 3 on UDP 12220 (tshark's lwapp-l3: an 802.3 frame) with IPv4, IPv6, ARP, an unknown EtherType and
    LLC behind an 802.3 length, from and to the port, an Ethernet header shorter than 14 bytes, an empty datagram; LWAPP
    straight over Ethernet on EtherTypes 0x88BB and 0xBBBB (802.11 frames and control messages, no AP identity), its
    header short; and frames cut by the capture at every length."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    udp = lambda payload, sport=40000, dport=12220: ether(0x0800, bytes(IP(src=GENEVE_A, dst=GENEVE_B, id=20) / UDP(sport=sport, dport=dport, chksum=0) / Raw(payload)))
    inner = lambda ethertype, payload: b"\x02\x00\x00\x00\x00\x02\x02\x00\x00\x00\x00\x01" + struct.pack(">H", ethertype) + payload
    wlan = lambda payload: bytes(Dot11(type=2, subtype=0, FCfield=1, addr1="00:11:22:33:44:55", addr2="00:aa:bb:cc:dd:ee",
                                       addr3="00:11:22:33:44:66", SC=0x120) / LLC() / SNAP(code=0x0800 if payload[0] >> 4 == 4 else 0x86DD)) + payload
    add(udp(inner(0x0800, udp4())))
    add(udp(inner(0x86DD, udp6()), sport=12220, dport=40000))
    add(udp(inner(0x0806, bytes.fromhex("0001080006040001020000000001c6120001000000000000c6120002"))))
    add(udp(inner(0x1234, b"abcdef")))
    add(udp(inner(len(SNAP_IP + tcp4()), SNAP_IP + tcp4())))
    add(udp(inner(0x0800, udp4()), sport=12220, dport=12222))
    add(udp(inner(0x0800, udp4())[:10]))
    add(udp(b"\x01\x02"))
    add(udp(b""))
    add(ether(0x88BB, lwapp(body=wlan(udp4()))))
    add(ether(0xBBBB, lwapp(0x48, fragment=5, body=wlan(tcp4()))))
    add(ether(0x88BB, lwapp(0x04, body=bytes([22, 1, 0, 4]) + b"abcd")))
    add(ether(0xBBBB, lwapp(0x04, body=bytes([99, 1, 0, 0]))))
    add(ether(0x88BB, lwapp(0x04, body=bytes([22, 1]))))
    add(ether(0x88BB, lwapp()[:4]))
    cut_everywhere(add, udp(inner(0x0800, udp4())), 14 + 28)
    cut_everywhere(add, ether(0x88BB, lwapp(body=wlan(udp4()))), 14)
    return frames


def capwap_control(message_type, elements=b"", seq=0, flags=0, length=None):
    """A CAPWAP control header (RFC 5415 4.5.1): message type, sequence number, message element length (the flags and
    elements, unless given) and flags, then the message elements."""
    return struct.pack(">IBHB", message_type, seq, len(elements) + 3 if length is None else length, flags) + elements


def capwap_element(kind, value):
    """A CAPWAP message element: type, length, value."""
    return struct.pack(">HH", kind, len(value)) + value


def capwap_control_frames():
    """The CAPWAP control channel on UDP 5246: discovery, join, echo and configuration messages with elements tshark decodes
    and ones it does not, every message type tshark names and others (an enterprise's, the 802.11 binding's), to and from
    the port, a radio MAC and wireless information in the header, header lengths too short and too long, a message
    element length that disagrees with the elements, an element running past the datagram, an element header cut by it,
    fragments (one complete by itself), a header shorter than 8 bytes, the elements whose fields RawNet reads with lengths
    tshark accepts and refuses, and messages cut by the capture at every length."""
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    udp = lambda payload, sport=40000, dport=5246: capwap_udp(payload, sport, dport)
    T, F, L, W, M = CAPWAP_T, CAPWAP_F, CAPWAP_L, CAPWAP_W, CAPWAP_M
    el = capwap_element
    discovery = el(20, b"\x01") + el(41, b"\x04") + el(44, b"\x01") + el(9999, b"abc")
    add(udp(capwap(0, body=capwap_control(1, discovery))))
    add(udp(capwap(0, body=capwap_control(2, el(4, b"rawnet-ac") + el(33, bytes(4)))), sport=5246, dport=40000))
    add(udp(capwap(0, body=capwap_control(3, el(5, b"rawnet-wtp") + el(35, bytes(range(16))) + el(42, b"xy"), seq=1))))
    add(udp(capwap(0, body=capwap_control(13, el(35, bytes(range(16))), seq=7))))
    add(udp(capwap(0, body=capwap_control(14, seq=7)), sport=5246, dport=40000))
    for kind in list(range(0, 28)) + [3398913, 3398914, 3398915, 0x00409601, 0xFFFFFFFF]:
        add(udp(capwap(0, body=capwap_control(kind, el(33, b"\x00\x00\x00\x00"), seq=kind & 0xFF))))
    for kind in (0, 7, 9, 13, 14, 15, 17, 19, 21, 22, 24, 25, 26, 27, 34, 42, 43, 46, 47, 49, 54, 60, 127, 1035, 1037, 1039, 1043, 1045, 1047, 1049, 2048, 65535):
        add(udp(capwap(0, body=capwap_control(7, el(kind, b"\x00\x01\x02\x03\x04\x05\x06\x07")))))
    add(udp(capwap(0, body=capwap_control(1, discovery, length=60))))
    add(udp(capwap(0, body=capwap_control(1, discovery, length=3))))
    add(udp(capwap(0, body=capwap_control(1, el(20, b"\x01") + el(9999, b"abc")[:6]))))
    add(udp(capwap(0, body=capwap_control(1, el(20, b"\x01") + b"\x27"))))
    add(udp(capwap(0, body=capwap_control(1, discovery, flags=0xFF))))
    add(udp(capwap(0, body=capwap_control(1)[:5])))
    add(udp(capwap(0, body=capwap_control(1)[:3])))
    add(udp(capwap(0)))
    add(udp(capwap(M, words=4, optional=b"\x06\x00\x11\x22\x33\x44\x55\x00", body=capwap_control(1, discovery))))
    add(udp(capwap(W, words=4, optional=b"\x04\xc4\x20\x00\x6c\x00\x00\x00", body=capwap_control(1, discovery))))
    add(udp(capwap(W, words=4, optional=b"\x04\x00\x05\x00\x00\x00\x00\x00", body=capwap_control(2, discovery)), sport=5246, dport=40000))
    add(udp(capwap(T | M, words=2, optional=b"\x06\x08\x11\x22\x33\x44\x55\x00", body=capwap_control(1, discovery))))
    add(udp(capwap(0, words=4, optional=bytes(8), body=capwap_control(1, discovery))))
    add(udp(capwap(F, frag_id=3, body=capwap_control(1, discovery))))
    add(udp(capwap(F | L, frag_id=4, frag_offset=2, body=b"the rest of a message")))
    add(udp(capwap(F | L, frag_id=5, body=capwap_control(1, discovery))))
    add(udp(capwap(F, frag_id=6)))
    add(udp(capwap(0, wbid=3, rid=5, body=capwap_control(13))))
    add(udp(capwap(0, version=1, body=capwap_control(13))))
    add(udp(capwap(0)[:5]))
    add(udp(capwap(0)[:1]))
    add(udp(capwap(0, body=capwap_control(1, discovery)), sport=5246, dport=5246))
    add(udp(capwap(0, body=capwap_control(13, el(35, bytes(range(16))))), sport=5246, dport=5247))
    # the elements whose own fields RawNet shows, with the lengths tshark accepts and others
    for kind, value in ((20, b"\x02"), (20, b"\x01\x02"), (20, b""), (33, b"\x00\x00\x00\x05"), (33, b"\x00\x05"), (44, b"\x00"), (44, b"\x01\x02"),
                        (41, b"\x0e"), (41, b"\xff"), (41, b"\x0e\x01"), (4, b"rawnet-ac"), (4, b""), (4, b"a\xe9b"), (45, b"rawnet-wtp"), (45, b""),
                        (28, b"rack 7"), (28, b""), (35, b"abc"), (5, b"\x01ac"), (5, b"\x01")):
        add(udp(capwap(0, body=capwap_control(3, el(kind, value) + el(20, b"\x01")))))
    cut_everywhere(add, udp(capwap(M | W, words=6, optional=b"\x06\x00\x11\x22\x33\x44\x55\x00\x04\xd8\x10\x00\x36\x00\x00\x00",
                                   body=capwap_control(1, discovery))), 14 + 28)
    cut_everywhere(add, udp(capwap(F | L, frag_id=9, body=capwap_control(3, el(35, bytes(range(16)))))), 14 + 28)
    return frames


def frelay_circuit_frames():
    """Conversations over Frame Relay circuits (tshark 4.0 keys UDP by the DLCI, TCP and ICMP echoes by addresses): an
    echo answered on another DLCI and one answered by a third host on the same DLCI, a TCP handshake and data whose
    segments cross DLCIs 100, 200 and 300, UDP both ways on two DLCIs, an ICMP error quoting UDP, and IPv6 UDP on
    DLCI 100."""
    C = "198.18.0.3"
    ip4 = lambda src, dst, l4: bytes(IP(src=src, dst=dst, id=9) / l4)
    tcp = lambda src, dst, sport, dport, flags, seq, ack, data=b"": ip4(src, dst, TCP(sport=sport, dport=dport, flags=flags, seq=seq, ack=ack) / Raw(data))
    frames = [
        frelay(0xCC, ip4(A, B, ICMP(type=8, id=7, seq=1) / Raw(b"ping"))),
        frelay(0xCC, ip4(B, A, ICMP(type=0, id=7, seq=1) / Raw(b"ping")), dlci=200),
        frelay(0xCC, ip4(A, B, ICMP(type=8, id=7, seq=2) / Raw(b"ping"))),
        frelay(0xCC, ip4(C, A, ICMP(type=0, id=7, seq=2) / Raw(b"ping"))),
        frelay(0xCC, tcp(A, B, 5000, 9, "S", 100, 0)),
        frelay(0xCC, tcp(B, A, 9, 5000, "SA", 900, 101), dlci=200),
        frelay(0xCC, ip4(A, B, UDP(sport=1, dport=2) / Raw(b"x"))),
        frelay(0xCC, tcp(A, B, 5000, 9, "A", 101, 901), dlci=300),
        frelay(0xCC, tcp(A, B, 5000, 9, "PA", 101, 901, b"hello")),
        frelay(0xCC, ip4(B, A, UDP(sport=2, dport=1) / Raw(b"y")), dlci=200),
        frelay(0xCC, tcp(B, A, 9, 5000, "A", 901, 106), dlci=200),
        frelay(0xCC, tcp(A, B, 5000, 9, "PA", 101, 901, b"hello")),
        frelay(0xCC, ip4(A, B, ICMP(type=3, code=3) / IP(src=B, dst=A) / UDP(sport=2, dport=1) / Raw(b"y"))),
        frelay(0x8E, udp6(b"z")),
    ]
    return [(f, None) for f in frames]


def main():
    outdir = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else None
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(seed)
    files = {
        "ppp.pcap": (9, ppp_frames(), False, ppp_damageable),
        "ppp-hdlc.pcap": (50, ppp_frames(), False, ppp_damageable),
        "ppp-dir.pcap": (204, with_direction(ppp_frames()), True, ppp_damageable),
        "chdlc.pcap": (104, chdlc_frames(), False, chdlc_damageable),
        "mpls.pcap": (1, mpls_frames(), False, mpls_damageable),
        "llc.pcap": (1, llc_frames(), False, llc_damageable),
        "pppoe.pcap": (1, pppoe_frames(), False, pppoe_damageable),
        "macsec.pcap": (1, macsec_frames(), False, macsec_damageable),
        "nsh.pcap": (1, nsh_frames(), False, nsh_damageable),
        "arista.pcap": (1, arista_frames(), False, arista_damageable),
        "frelay.pcap": (107, frelay_frames(), False, frelay_damageable),
        "tokenring.pcap": (6, tokenring_frames(), False, tokenring_damageable),
        "fddi.pcap": (10, fddi_frames(), False, fddi_damageable),
        "atm-rfc1483.pcap": (100, atm_frames(), False, atm_damageable),
        # last, so that its damage leaves the random choices of the files above as they were
        "ppp-control.pcap": (9, ppp_control_frames(), False, control_damageable),
        # after it, for the same reason
        "ppp-auth.pcap": (9, ppp_auth_frames(), False, auth_damageable),
        "pppoe-auth.pcap": (1, pppoe_auth_frames(), False, pppoe_auth_damageable),
        # and after those, the leftovers of LLC, Token Ring and ATM
        "llc-more.pcap": (1, llc_more_frames(), False, llc_more_damageable),
        "tokenring-more.pcap": (6, tokenring_more_frames(), False, tokenring_damageable),
        "atm-more.pcap": (100, atm_more_frames(), False, atm_more_damageable),
        # and after those, MAC frames bridged behind SNAP's OUI 00-80-C2
        "llc-bridged.pcap": (1, llc_bridged_frames(), False, llc_bridged_damageable),
        "atm-bridged.pcap": (100, atm_bridged_frames(), False, atm_bridged_damageable),
        "frelay-bridged.pcap": (107, frelay_bridged_frames(), False, frelay_bridged_damageable),
        # last again: L2TPv2 on UDP 1701
        "l2tp.pcap": (1, l2tp_frames(), False, l2tp_damageable),
        # and after it, L2TPv3 over IP and UDP
        "l2tpv3.pcap": (1, l2tpv3_frames(), False, l2tpv3_damageable),
        # and after it, L2TPv3 sessions set up before their data
        "l2tpv3-sessions.pcap": (1, l2tpv3_sessions_frames(), False, l2tpv3_sessions_damageable),
        # and after it, spanning tree BPDUs
        "stp.pcap": (1, stp_frames(), False, stp_damageable),
        # and after it, GARP's PDUs on the same SAP
        "garp.pcap": (1, garp_frames(), False, garp_damageable),
        "tokenring-garp.pcap": (6, tokenring_garp_frames(), False, tokenring_garp_damageable),
        # and after those, the link types tshark 4.0 does not read: pppd's PPP, Cisco HDLC and Frame Relay with a
        # direction byte, and a raw MPLS stack
        "ppp-pppd.pcap": (166, pppd_frames(), False, pppd_damageable),
        "chdlc-dir.pcap": (205, chdlc_dir_frames(), False, chdlc_dir_damageable),
        "frelay-dir.pcap": (206, frelay_dir_frames(), False, frelay_dir_damageable),
        "mpls-raw.pcap": (219, mpls_raw_frames(), False, mpls_raw_damageable),
        # and after those, Ethernet and Linux cooked trailers the capture cut, and IPv6 behind EtherType 0x0800
        "trailer-cuts.pcap": (1, trailer_frames(), False, trailer_damageable),
        "trailer-cuts-sll.pcap": (113, trailer_sll_frames(), False, trailer_damageable),
        # and IPv6 where BSD loopback's AF_INET and Frame Relay's NLPID 0xCC name IPv4
        "null-ipv6.pcap": (0, sniffed_ipv6_frames(struct.pack("<I", 2)), False, trailer_damageable),
        "frelay-ipv6.pcap": (107, sniffed_ipv6_frames(bytes.fromhex("040103cc")), False, trailer_damageable),
        # and after those, other numbers of link types above: raw IP, RFC 1483, Linux CLIP, PPPoE without Ethernet
        "raw-dlt12.pcap": (12, raw_alias_frames(), False, raw_alias_damageable),
        "raw-dlt14.pcap": (14, raw_alias_frames(), False, raw_alias_damageable),
        "atm-rfc1483-dlt11.pcap": (11, atm_frames(), False, atm_damageable),
        "clip.pcap": (106, clip_frames(), False, clip_damageable),
        "clip-dlt16.pcap": (16, clip_frames(), False, clip_damageable),
        "clip-dlt18.pcap": (18, clip_frames(), False, clip_damageable),
        "clip-dlt19.pcap": (19, clip_frames(), False, clip_damageable),
        "pppoe-session.pcap": (51, pppoe_session_frames(), False, pppoe_session_damageable),
        # and Frame Relay UI frames with the poll bit
        "frelay-poll.pcap": (107, frelay_poll_frames(), False, frelay_damageable),
        # and Geneve on UDP 6081
        "geneve.pcap": (1, geneve_frames(), False, geneve_damageable),
        # and MPLS in UDP on port 6635
        "mpls-udp.pcap": (1, mpls_udp_frames(), False, mpls_udp_damageable),
        # and GTPv1-U on UDP port 2152 (not damaged: tshark reads the damaged IEs and headers in ways RawNet does not)
        "gtp.pcap": (1, gtp_frames(), False, trailer_damageable),
        # and VXLAN-GPE on UDP 4790 and GRE in UDP on 4754
        "vxlan-gpe.pcap": (1, vxlan_gpe_frames(), False, vxlan_gpe_damageable),
        "gre-udp.pcap": (1, gre_udp_frames(), False, gre_udp_damageable),
        # and the LISP data plane on UDP port 4341
        "lisp-data.pcap": (1, lisp_frames(), False, lisp_damageable),
        # and Automatic Multicast Tunneling on UDP port 2268
        "amt.pcap": (1, amt_frames(), False, amt_damageable),
        # and the CAPWAP data channel on UDP port 5247 (not damaged, as GTP)
        "capwap.pcap": (1, capwap_frames(), False, trailer_damageable),
        # and Cisco's LWAPP on UDP ports 12222 and 12223
        "lwapp.pcap": (1, lwapp_frames(), False, trailer_damageable),
        # and TZSP on UDP port 37008 (its damaged tags are hand-made: a random byte would hand the inner link decoders
        # frames whose fields are other oracles' business)
        "tzsp.pcap": (1, tzsp_frames(), False, trailer_damageable),
        # and TZSP without UDP (LINKTYPE_TZSP)
        "tzsp-dlt128.pcap": (128, tzsp_link_frames(), False, trailer_damageable),
        # and sFlow on UDP 6343 (not damaged: its own file holds the damaged lengths and counts)
        "sflow.pcap": (1, sflow_frames(), False, trailer_damageable),
        # and LLC over UDP on ports 12000 to 12004, LWAPP over layer 3 on UDP 12220 and over EtherTypes 0x88BB and 0xBBBB
        "llc-udp.pcap": (1, llc_udp_frames(), False, trailer_damageable),
        "lwapp-l3.pcap": (1, lwapp_l3_frames(), False, trailer_damageable),
        # and the CAPWAP control channel on UDP 5246
        "capwap-control.pcap": (1, capwap_control_frames(), False, trailer_damageable),
        # and GRE over IP beyond version 0: PPTP's enhanced GRE, RFC 1701's routing, other versions
        "gre.pcap": (1, gre_frames(), False, gre_damageable),
        # and conversations over Frame Relay circuits (UDP keyed by the DLCI; TCP and echoes by addresses)
        "frelay-circuits.pcap": (107, frelay_circuit_frames(), False, trailer_damageable),
    }
    for name, (linktype, frames, direction, damageable) in files.items():
        if seed is not None and damageable is trailer_damageable:
            continue  # nothing of theirs to damage
        if seed is not None and damageable in (pppoe_damageable, pppoe_session_damageable):
            # The PPPoE headers draw from a stream of their own, so that their damage leaves the later files' choices as
            # they were (pppoe.pcap once drew nothing, pppoe-session.pcap only the session ID: it still draws that).
            if damageable is pppoe_session_damageable:
                damage(frames, rng, direction, pppoe_session_id_damageable)
            frames = damage(frames, random.Random(f"{seed} {name}"), direction, damageable)
        elif seed is not None:
            frames = damage(frames, rng, direction, damageable)
        write(os.path.join(outdir, name), linktype, frames)


if __name__ == "__main__":
    main()
