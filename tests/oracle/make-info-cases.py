#!/usr/bin/env python3
"""Writes captures for the tshark oracle of the Info and Protocol columns and the colouring rules.

    make-info-cases.py OUTDIR            # the fixed cases: OUTDIR/info-*.pcap
    make-info-cases.py OUTDIR SEED       # random exchanges instead: OUTDIR/info-random-SEED.pcap

The fixed cases hold one packet per wording tshark 4.0 has for the protocols RawNet decodes: ARP (requests, replies,
probes, announcements, gratuitous, RARP, DRARP, Inverse ARP, a host taking another's address), ICMP types and codes,
echo pairs (duplicates, changed payloads, replies from elsewhere, in tunnels), ICMPv6 types and codes, neighbour
discovery with link-layer options, IPv4 and IPv6 payloads nobody decodes, extension headers, impossible lengths and
versions, VLAN and QinQ tags and EtherTypes nothing decodes, GRE, VXLAN, Teredo and IP-in-IP, TCP flags and options,
UDP lengths, every prefix of a few packets (the capture cutting each header short), and the cooked (SLL, SLL2) and
BSD loopback link types. A seed writes random echo exchanges and ARP traffic (losses, duplicates, changed payloads,
address conflicts). Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import os
import random
import struct
import sys

from scapy.layers.inet import ICMP, IP, TCP, UDP
from scapy.layers.l2 import ARP, GRE, Dot1AD, Dot1Q, Ether
from scapy.packet import Raw
from scapy.layers.inet6 import (ICMPv6DestUnreach, ICMPv6EchoReply, ICMPv6EchoRequest, ICMPv6MLDone, ICMPv6MLQuery,
                                ICMPv6MLQuery2, ICMPv6MLReport, ICMPv6MLReport2, ICMPv6ND_NA, ICMPv6ND_NS, ICMPv6ND_RA,
                                ICMPv6ND_Redirect, ICMPv6ND_RS, ICMPv6NDOptDstLLAddr, ICMPv6NDOptMTU,
                                ICMPv6NDOptSrcLLAddr, ICMPv6PacketTooBig, ICMPv6ParamProblem, ICMPv6TimeExceeded,
                                ICMPv6Unknown, IPv6, IPv6ExtHdrDestOpt, IPv6ExtHdrFragment, IPv6ExtHdrHopByHop,
                                IPv6ExtHdrRouting)
from scapy.layers.vxlan import VXLAN

M1, M2, M3 = "02:00:00:00:00:01", "02:00:00:00:00:02", "02:00:00:00:00:03"
BCAST = "ff:ff:ff:ff:ff:ff"
A, B, C = "198.18.0.1", "198.18.0.2", "198.18.0.3"
A6, B6 = "2001:db8::1", "2001:db8::2"


def write(path, linktype, frames):
    """A pcap of (bytes, wire length) or bytes, one second apart."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype))
        for i, frame in enumerate(frames):
            data, wire = frame if isinstance(frame, tuple) else (bytes(frame), len(bytes(frame)))
            f.write(struct.pack("<IIII", 1_700_000_000 + i, 0, len(data), wire))
            f.write(data)


def eth(dst=M2, src=M1, **kw):
    return Ether(src=src, dst=dst, **kw)


def arp_cases():
    return [
        eth(BCAST) / ARP(op=1, hwsrc=M1, psrc=A, pdst=B),
        eth() / ARP(op=2, hwsrc=M2, psrc=B, hwdst=M1, pdst=A),
        eth(BCAST) / ARP(op=1, hwsrc=M1, psrc=A, pdst=A),                      # announcement
        eth(BCAST) / ARP(op=1, hwsrc=M1, psrc="0.0.0.0", pdst="198.18.0.9"),   # probe
        eth(BCAST) / ARP(op=2, hwsrc=M1, psrc=A, hwdst=BCAST, pdst=A),          # gratuitous reply
        eth(BCAST) / ARP(op=1, hwsrc=M1, psrc=A, hwdst=M1, pdst=A),             # gratuitous request
        eth(BCAST) / ARP(op=1, hwsrc=M1, psrc="0.0.0.0", hwdst=M2, pdst=C),     # not a probe: target MAC set
        eth() / ARP(op=3, hwsrc=M1, psrc=A, hwdst=M1, pdst=A),
        eth() / ARP(op=4, hwsrc=M1, psrc=A, hwdst=M2, pdst=B),
        eth() / ARP(op=5, hwsrc=M3, psrc=C, hwdst=M1, pdst=A),
        eth() / ARP(op=6, hwsrc=M3, psrc=C, hwdst=M1, pdst=A),
        eth() / ARP(op=7, hwsrc=M3, psrc=C, hwdst=M1, pdst=A),
        eth() / ARP(op=8, hwsrc=M1, psrc=A, hwdst=M2, pdst=B),
        eth() / ARP(op=9, hwsrc=M1, psrc=A, hwdst=M2, pdst=B),
        eth() / ARP(op=10, hwsrc=M3, psrc=C, hwdst=M1, pdst=A),
        eth() / ARP(op=77, hwsrc=M1, psrc=A, hwdst=M2, pdst=B),
        eth() / ARP(op=0, hwsrc=M1, psrc=A, hwdst=M2, pdst=B),
        eth() / ARP(op=24, hwsrc=M1, psrc=A, hwdst=M2, pdst=B),
        # Address conflicts: a reply's target check decides alone; a request's sender check is reported.
        eth(M1, M2) / ARP(op=2, hwsrc=M2, psrc="10.0.0.2", hwdst=M1, pdst="10.0.0.1"),
        eth(M1, M3) / ARP(op=2, hwsrc=M3, psrc="10.0.0.2", hwdst=M1, pdst="10.0.0.1"),
        eth(BCAST, M3) / ARP(op=1, hwsrc=M3, psrc="10.0.0.2", pdst="10.0.0.9"),
        eth(M1, M2) / ARP(op=2, hwsrc=M2, psrc="10.0.0.5", hwdst=M3, pdst="10.0.0.2"),
    ]


def icmp_cases():
    quote = bytes(IP(src=B, dst="198.18.0.9") / UDP(sport=1, dport=2))
    packets = []
    for t, c in [(0, 0), (3, 0), (3, 3), (3, 4), (3, 13), (3, 16), (4, 0), (5, 1), (5, 9), (8, 0), (9, 0), (9, 16), (9, 3),
                 (10, 0), (11, 0), (11, 1), (11, 2), (12, 0), (12, 2), (12, 3), (13, 0), (14, 0), (15, 0), (16, 0),
                 (17, 0), (18, 0), (1, 0), (19, 0), (20, 0), (30, 0), (40, 0), (40, 7), (41, 0), (42, 0), (43, 2), (44, 0),
                 (6, 0), (6, 1), (7, 0)]:
        payload = quote if t in (3, 4, 5, 11, 12) else b"abcdefgh12345678"
        packets.append(eth() / IP(src=A, dst=B) / ICMP(type=t, code=c) / Raw(payload))
    return packets


def echo_cases():
    def req(s, d, i, q, data=b"abc", **kw):
        return eth() / IP(src=s, dst=d) / ICMP(type=8, id=i, seq=q, **kw) / Raw(data)

    def rep(s, d, i, q, data=b"abc", **kw):
        return eth() / IP(src=s, dst=d) / ICMP(type=0, id=i, seq=q, **kw) / Raw(data)

    p = [req(A, B, 1, 1), rep(B, A, 1, 1), rep(B, A, 1, 1)]
    p += [req(A, B, 1, 1), req(A, B, 1, 1), rep(B, A, 1, 1), rep(B, A, 1, 1)]
    p += [rep(B, A, 1, 2), req(A, B, 1, 3, b"x"), rep(B, A, 1, 3, b"y")]
    p += [req(A, B, 1, 4, b"x"), req(A, B, 1, 4, b"y"), rep(B, A, 1, 4, b"x"), rep(B, A, 1, 4, b"y")]
    p += [req(A, B, 1, 5), rep(C, A, 1, 5), req(A, "198.18.0.255", 1, 6), rep(B, A, 1, 6)]
    p += [req(A, B, 2, 8), rep(A, B, 2, 8), req(A, B, 3, 9, chksum=0x1234), rep(B, A, 3, 9)]
    p += [rep(B, A, 4, 10), req(A, B, 4, 10)]
    p += [req(A, B, 5, 11), eth() / Dot1Q(vlan=7) / IP(src=B, dst=A) / ICMP(type=0, id=5, seq=11) / Raw(b"abc")]
    p += [eth() / IP(src=A, dst=B) / ICMP(type=8, id=6, seq=12), eth() / IP(src=B, dst=A) / ICMP(type=0, id=6, seq=12)]
    p += [eth() / IP(src="10.0.0.1", dst="10.0.0.2") / GRE() / IP(src=A, dst=B) / ICMP(type=8, id=8, seq=1) / Raw(b"abc"),
          rep(B, A, 8, 1)]
    p += [req(A, B, 9, 1), rep(B, A, 9, 1, chksum=0xFFFF)]
    # ICMPv6 echo: pairs, a changed payload, a quoted echo that must not pair.
    p += [eth() / IPv6(src=A6, dst=B6) / ICMPv6EchoRequest(id=1, seq=1, data=b"abc"),
          eth() / IPv6(src=B6, dst=A6, hlim=63) / ICMPv6EchoReply(id=1, seq=1, data=b"abc"),
          eth() / IPv6(src=A6, dst=B6) / ICMPv6EchoRequest(id=1, seq=2, data=b"abc"),
          eth() / IPv6(src=B6, dst=A6) / ICMPv6EchoReply(id=1, seq=2, data=b"abd"),
          eth() / IPv6(src=A6, dst=B6) / ICMPv6EchoRequest(id=1, seq=3, data=b""),
          eth() / IPv6(src=B6, dst=A6) / ICMPv6DestUnreach(code=3) / IPv6(src=A6, dst=B6) / ICMPv6EchoReply(id=1, seq=3),
          eth() / IPv6(src=B6, dst=A6) / ICMPv6EchoReply(id=1, seq=3, data=b"")]
    return p


def icmpv6_cases():
    quote = bytes(IPv6(src=B6, dst="2001:db8::9") / UDP(sport=1, dport=2))
    packets = []
    for t, c in [(1, 0), (1, 4), (1, 7), (1, 9), (2, 0), (3, 0), (3, 1), (3, 2), (4, 0), (4, 3), (4, 9), (100, 0), (127, 0),
                 (200, 0), (255, 0), (5, 0), (99, 0), (162, 0), (138, 255), (139, 2), (140, 1),
                 (140, 2), (141, 0), (142, 0), (144, 0), (146, 0), (147, 0), (148, 0), (149, 0), (151, 0), (152, 0),
                 (153, 0), (155, 1), (155, 138), (155, 9), (156, 0), (157, 0), (158, 0), (159, 0), (160, 0), (161, 4)]:
        body = b"\0\0\0\0" + quote if t < 5 else b"\0" * 40
        packets.append(eth() / IPv6(src=A6, dst=B6) / ICMPv6Unknown(type=t, code=c, msgbody=body))
    nd = [ICMPv6ND_NS(tgt=B6), ICMPv6ND_NS(tgt=B6) / ICMPv6NDOptSrcLLAddr(lladdr=M1),
          ICMPv6ND_NA(tgt=B6, R=0, S=0, O=0), ICMPv6ND_NA(tgt=B6, R=1, S=1, O=1) / ICMPv6NDOptDstLLAddr(lladdr=M2),
          ICMPv6ND_NA(tgt=B6, R=0, S=1, O=0) / ICMPv6NDOptDstLLAddr(lladdr=M2), ICMPv6ND_NA(tgt=B6, R=1, S=0, O=0),
          ICMPv6ND_RS(), ICMPv6ND_RS() / ICMPv6NDOptSrcLLAddr(lladdr=M1), ICMPv6ND_RA(),
          ICMPv6ND_RA() / ICMPv6NDOptMTU() / ICMPv6NDOptSrcLLAddr(lladdr=M1),
          ICMPv6ND_Redirect(tgt="2001:db8::5", dst="2001:db8::6"),
          ICMPv6ND_Redirect(tgt="2001:db8::5", dst="2001:db8::6") / ICMPv6NDOptDstLLAddr(lladdr=M2),
          ICMPv6ND_NS(tgt=B6) / ICMPv6NDOptSrcLLAddr(lladdr=M1) / ICMPv6NDOptSrcLLAddr(lladdr=M2),
          ICMPv6MLQuery(), ICMPv6MLReport(), ICMPv6MLDone(), ICMPv6MLQuery2(), ICMPv6MLReport2()]
    packets += [eth() / IPv6(src=A6, dst="ff02::1", hlim=255) / m for m in nd]
    inner = IPv6(src=B6, dst="2001:db8::9") / UDP(sport=1, dport=2)
    packets += [eth() / IPv6(src=A6, dst=B6) / ICMPv6DestUnreach(code=3) / inner,
                eth() / IPv6(src=A6, dst=B6) / ICMPv6PacketTooBig(mtu=1280) / inner,
                eth() / IPv6(src=A6, dst=B6) / ICMPv6TimeExceeded(code=0) / inner,
                eth() / IPv6(src=A6, dst=B6) / ICMPv6ParamProblem(code=1, ptr=6) / inner]
    return packets


def ip_cases():
    p = []
    for proto in (253, 144, 3, 255, 59, 200):
        p.append(eth() / IP(src=A, dst=B, proto=proto) / Raw(b"x" * 10))
    p.append(eth() / IP(src=A, dst=B, proto=6, flags="MF", id=77) / Raw(b"x" * 16))
    p.append(eth() / IP(src=A, dst=B, proto=1, frag=10, id=78) / Raw(b"x" * 16))
    p.append(eth() / IP(src=A, dst=B, proto=200, frag=10, id=79) / Raw(b"x" * 16))
    p.append(eth() / IP(src=A, dst=B, proto=6))
    p.append(eth() / IP(src=A, dst=B, proto=17) / Raw(b"x" * 3))
    p.append(eth() / IP(src=A, dst=B, ihl=4) / Raw(b"x" * 30))
    p.append(eth() / IP(src=A, dst=B, version=5) / Raw(b"x" * 30))
    p.append(eth() / IP(src=A, dst=B, len=10) / Raw(b"x" * 30))
    p.append(eth() / IP(src=A, dst=B, len=0, proto=17) / UDP(sport=1, dport=2) / Raw(b"x" * 30))
    for nh in (3, 144, 253, 59):
        p.append(eth() / IPv6(src=A6, dst=B6, nh=nh) / Raw(b"x" * 10))
        p.append(eth() / IPv6(src=A6, dst=B6) / IPv6ExtHdrDestOpt(nh=nh) / Raw(b"x" * 10))
    p.append(eth() / IPv6(src=A6, dst=B6, nh=59))
    p.append(eth() / IPv6(src=A6, dst=B6) / IPv6ExtHdrHopByHop() / IPv6ExtHdrDestOpt() / UDP(sport=1000, dport=2000) / Raw(b"x"))
    p.append(eth() / IPv6(src=A6, dst=B6) / IPv6ExtHdrRouting(addresses=["2001:db8::3"]) / UDP(sport=1000, dport=2000) / Raw(b"x"))
    p.append(eth() / IPv6(src=A6, dst=B6) / IPv6ExtHdrRouting(nh=59))
    p.append(eth() / IPv6(src=A6, dst=B6) / IPv6ExtHdrFragment(id=5, m=1, offset=0, nh=6) / Raw(b"x" * 24))
    p.append(eth() / IPv6(src=A6, dst=B6) / IPv6ExtHdrFragment(id=6, m=0, offset=3, nh=58) / Raw(b"x" * 24))
    p.append(eth() / IPv6(src=A6, dst=B6) / IPv6ExtHdrFragment(nh=17, m=0, offset=0) / UDP(sport=1, dport=2))
    p.append(eth() / IPv6(src=A6, dst=B6) / IPv6ExtHdrHopByHop() / Raw(b"x" * 10))
    p.append(eth(type=0x86DD) / Raw(b"\x45" + b"x" * 50))
    return p


def link_cases():
    return [
        eth(type=0x9999) / Raw(b"x" * 46),
        eth(type=0x88B5) / Raw(b"x" * 46),
        eth(type=0x0842) / Raw(b"x" * 46),
        eth() / Dot1Q(vlan=5, prio=3, type=0x9999) / Raw(b"x" * 46),
        eth() / Dot1Q(vlan=4000, prio=7, id=1, type=0x9999) / Raw(b"x" * 46),
        eth() / Dot1AD(vlan=5) / Dot1Q(vlan=6, type=0x9999) / Raw(b"x" * 46),
        eth() / Dot1AD(vlan=5, type=0x9999) / Raw(b"x" * 46),
        eth() / Dot1Q(vlan=5) / IP(src=A, dst=B, proto=253) / Raw(b"x" * 10),
    ]


def tunnel_cases():
    inner = IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=5, dport=6) / Raw(b"x")
    return [
        eth() / IP(src=A, dst=B) / GRE(proto=0x9999) / Raw(b"x" * 20),
                eth() / IP(src=A, dst=B) / GRE() / inner,
        eth() / IP(src=A, dst=B) / GRE(proto=0x6558) / Ether(src=M1, dst=M2, type=0x9999) / Raw(b"x" * 46),
        eth() / IP(src=A, dst=B) / UDP(sport=1234, dport=4789) / VXLAN(vni=5) / Ether(src=M1, dst=M2, type=0x9999) / Raw(b"x" * 46),
        eth() / IP(src=A, dst=B) / UDP(sport=1234, dport=4789) / VXLAN(vni=5) / Ether(src=M1, dst=M2) / inner,
        eth() / IP(src=A, dst=B) / inner,
        eth() / IP(src=A, dst=B) / IPv6(src=A6, dst=B6) / UDP(sport=5, dport=6) / Raw(b"x"),
        eth() / IPv6(src=A6, dst=B6) / inner,
        eth() / IP(src=A, dst=B) / UDP(sport=1234, dport=3544) / IPv6(src=A6, dst=B6) / UDP(sport=5, dport=6) / Raw(b"x"),
        eth() / IP(src=A, dst=B) / UDP(sport=1234, dport=3544) / IPv6(src=A6, dst=B6, hlim=21) / ICMPv6EchoRequest(id=3, seq=4, data=b"\1\2\3\4\5\6\7\x08"),
        eth() / IP(src=A, dst=B) / UDP(sport=3544, dport=1234) / IPv6(src=B6, dst=A6) / ICMPv6EchoReply(id=3, seq=4, data=b"\1\2\3\4\5\6\7\x08"),
        eth() / IP(src=A, dst=B) / UDP(sport=1234, dport=3544) / IPv6(src=A6, dst=B6, nh=59),
    ]


def transport_cases():
    def tcp(opts=None, flags="S", load=b"", **kw):
        p = eth() / IP(src=A, dst=B) / TCP(sport=40000, dport=41234, flags=flags, options=opts or [], **kw)
        return p / Raw(load) if load else p

    return [
        tcp([(19, b"\0" * 16)]), tcp([(28, b"\x80\x10")]), tcp([(34, b"")]), tcp([(34, b"\1\2\3\4\5\6\7\x08")]),
        tcp([(6, b"\0\0\0\5")]), tcp([(7, b"\0\0\0\5")]), tcp([(254, b"\x12\x34")]), tcp([(253, b"\xab\xcd\x01")]),
        tcp([(99, b"\1\2")]), tcp([(2, b"\5")]), tcp([(3, b"\x0e")]), tcp([(3, b"\x14")]), tcp([(8, b"\0" * 4)]),
        tcp([(1, b""), (0, b""), (2, b"\x05\xb4")]), tcp([(2, b"\x05\xb4")], flags="A"),
        tcp(flags=""), tcp(flags="FSRPAUEC"), tcp(flags="AU", urgptr=7, load=b"hello"), tcp(flags="PA", load=b"x" * 9),
        eth() / IP(src=A, dst=B) / TCP(sport=1, dport=2, dataofs=3),
        eth() / IP(src=A, dst=B) / TCP(sport=1, dport=2, dataofs=15),
        eth() / IP(src=A, dst=B) / UDP(sport=1, dport=2) / Raw(b""),
        eth() / IP(src=A, dst=B) / UDP(sport=1, dport=2, len=4),
        eth() / IP(src=A, dst=B) / UDP(sport=1, dport=2, len=200),
        eth() / IP(src=A, dst=B) / UDP(sport=1, dport=2) / Raw(b"x" * 20),
    ]


def truncated_cases():
    """Every prefix of a few packets: the capture cuts each header (and a quoted one) short."""
    base = [
        eth() / IP(src=A, dst=B) / TCP(sport=40000, dport=41234, flags="S",
                                       options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (1, 2)), ("NOP", None), ("WScale", 7)]),
        eth() / IP(src=A, dst=B) / UDP(sport=50000, dport=9) / Raw(b"zzzzz"),
        eth() / IP(src=A, dst=B) / ICMP(type=8, id=1, seq=2) / Raw(b"abcdefgh"),
        eth() / IP(src=A, dst=B) / ICMP(type=3, code=3) / IP(src=B, dst=A) / UDP(sport=1, dport=2),
        eth(BCAST) / ARP(op=1, hwsrc=M1, psrc=A, pdst=B),
        eth() / IPv6(src=A6, dst=B6) / ICMPv6ND_NS(tgt=B6) / ICMPv6NDOptSrcLLAddr(lladdr=M1),
        eth() / IPv6(src=A6, dst=B6) / ICMPv6EchoRequest(id=1, seq=2, data=b"abc"),
        eth() / IPv6(src=A6, dst=B6) / IPv6ExtHdrHopByHop() / IPv6ExtHdrDestOpt() / UDP(sport=50000, dport=9),
        eth() / Dot1Q(vlan=5) / IP(src=A, dst=B) / UDP(sport=50000, dport=9) / Raw(b"zzzzz"),
        eth() / Dot1AD(vlan=5) / Dot1Q(vlan=6) / IP(src=A, dst=B) / UDP(sport=50000, dport=9),
        eth() / IP(src=A, dst=B) / GRE() / IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=50000, dport=9),
        eth() / IP(src=A, dst=B) / UDP(sport=1234, dport=4789) / VXLAN(vni=5) / Ether(src=M1, dst=M2) / IP(src="10.0.0.1", dst="10.0.0.2"),
    ]
    frames = []
    for packet in base:
        raw = bytes(packet)
        frames += [(raw[:n], len(raw)) for n in range(1, len(raw))]
    return frames


def malformed_cases():
    """Frames that end inside a header although nothing was cut: the packet itself is too short."""
    frames = []
    for packet in [eth(BCAST) / ARP(op=1, hwsrc=M1, psrc=A, pdst=B), eth() / Dot1Q(vlan=5) / IP(src=A, dst=B)]:
        raw = bytes(packet)
        frames += [raw[:n] for n in (6, 14, 16, 20, 30)]
    frames.append(bytes(eth() / IP(src=A, dst=B, proto=1) / Raw(b"\x08\x00\x00")))
    frames.append(bytes(eth() / IP(src=A, dst=B, proto=1) / Raw(b"\x08\x00\x00\x00\x00\x01")))
    frames.append(bytes(eth() / IP(src=A, dst=B) / ICMP(type=8) / Raw(b"")))
    return frames


def cooked(path_sll, path_sll2, path_null):
    ip = bytes(IP(src=A, dst=B) / UDP(sport=1, dport=2) / Raw(b"x"))

    def sll(packet_type, protocol, payload):
        return struct.pack(">HHH8sH", packet_type, 1, 6, b"\x02\0\0\0\0\x01\0\0", protocol) + payload

    def sll2(packet_type, protocol, payload, address_length=6):
        return struct.pack(">HHIHBB8s", protocol, 0, 3, 1, packet_type, address_length, b"\x02\0\0\0\0\x01\0\0") + payload

    write(path_sll, 113, [sll(t, 0x9999, b"x" * 10) for t in range(8)] + [sll(0, 0x88B5, b"x" * 10), sll(0, 0x0800, ip)]
          + [sll(4, 0x0800, ip)[:n] for n in (1, 2, 10, 16, 20)])
    write(path_sll2, 276, [sll2(t, 0x9999, b"x" * 10) for t in range(8)] + [sll2(0, 0x9999, b"x" * 10, 0), sll2(0, 0x0800, ip)])
    write(path_null, 0, [struct.pack("<I", 2) + ip, struct.pack("<I", 99) + b"x" * 20, struct.pack(">I", 2) + ip, b"\x02\x00"])


def random_cases(seed):
    r = random.Random(seed)
    hosts = [("198.18.1.%d" % i, "02:00:00:00:01:%02x" % i) for i in range(1, 6)]
    hosts6 = ["2001:db8::%x" % i for i in range(1, 6)]
    frames = []
    pending = []
    for _ in range(r.randrange(150, 300)):
        kind = r.random()
        if kind < 0.25:
            (ip, mac), (tip, tmac) = r.sample(hosts, 2)
            if r.random() < 0.15:
                mac = "02:00:00:00:02:%02x" % r.randrange(1, 4)   # another host takes the address
            op = r.choice([1, 1, 2, 2, 2])
            frames.append(eth(BCAST if op == 1 else tmac, mac) / ARP(op=op, hwsrc=mac, psrc=ip, hwdst="00:00:00:00:00:00" if op == 1 else tmac, pdst=tip))
        elif kind < 0.6 or not pending:
            v6 = r.random() < 0.4
            a, b = r.sample(range(5), 2)
            ident, seq = r.randrange(1, 4), r.randrange(1, 8)
            data = bytes(r.choice([b"abc", b"abcd", b"ping", b""]))
            src, dst = (hosts6[a], hosts6[b]) if v6 else (hosts[a][0], hosts[b][0])
            frames.append(eth() / (IPv6(src=src, dst=dst) / ICMPv6EchoRequest(id=ident, seq=seq, data=data) if v6
                                   else IP(src=src, dst=dst) / ICMP(type=8, id=ident, seq=seq) / Raw(data)))
            pending.append((v6, src, dst, ident, seq, data))
        else:
            v6, src, dst, ident, seq, data = r.choice(pending)
            if r.random() < 0.1:
                data = data + b"!"                                # a reply with another payload
            if r.random() < 0.1:
                src, dst = dst, src                               # the same direction as the request
            frames.append(eth() / (IPv6(src=dst, dst=src) / ICMPv6EchoReply(id=ident, seq=seq, data=data) if v6
                                   else IP(src=dst, dst=src) / ICMP(type=0, id=ident, seq=seq) / Raw(data)))
    return frames


def ipv6_named_ipv4_cases():
    """IPv6 behind an EtherType (or VLAN tag) that names IPv4: tshark's "ip" dissector reads the version and hands it to
    IPv6, tcpdump's ip_print says "IP6, wrong link-layer encapsulation"; whole, cut by the capture, and too short."""
    v6 = bytes(IPv6(src="2001:db8::1", dst="2001:db8::2") / UDP(sport=1000, dport=2000) / Raw(b"abc"))
    whole = bytes(eth(type=0x0800)) + v6
    return [whole, bytes(eth() / Dot1Q(vlan=5, type=0x0800)) + v6, (whole[:14 + 33], len(whole)), whole[:14 + 33]]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    if len(sys.argv) > 2:
        seed = int(sys.argv[2])
        write(os.path.join(out, "info-random-%d.pcap" % seed), 1, random_cases(seed))
        return
    write(os.path.join(out, "info-ethernet.pcap"), 1,
          arp_cases() + icmp_cases() + echo_cases() + icmpv6_cases() + ip_cases() + link_cases() + tunnel_cases() + transport_cases()
          + ipv6_named_ipv4_cases())
    write(os.path.join(out, "info-truncated.pcap"), 1, truncated_cases())
    write(os.path.join(out, "info-malformed.pcap"), 1, malformed_cases())
    cooked(os.path.join(out, "info-sll.pcap"), os.path.join(out, "info-sll2.pcap"), os.path.join(out, "info-null.pcap"))


if __name__ == "__main__":
    main()
