#!/usr/bin/python3
"""Captures for the tcpdump summary oracle: the cases the bundled and peer corpora lack.

Usage: make-tcpdump-cases.py OUTDIR. Writes one pcap per theme; deterministic (fixed times, no randomness).
Run with Debian's /usr/bin/python3, which has python3-scapy.
"""
import os
import sys

from scapy.layers.inet import ICMP, IP, TCP, UDP, IPOption_RR, IPOption_Router_Alert
from scapy.layers.inet6 import (IPv6, IPv6ExtHdrDestOpt, IPv6ExtHdrFragment, IPv6ExtHdrHopByHop, IPv6ExtHdrRouting,
                                RouterAlert, ICMPv6EchoRequest, ICMPv6EchoReply, ICMPv6DestUnreach,
                                ICMPv6PacketTooBig, ICMPv6TimeExceeded, ICMPv6ParamProblem, ICMPv6ND_NS, ICMPv6ND_NA,
                                ICMPv6ND_RS, ICMPv6ND_RA, ICMPv6NDOptSrcLLAddr, ICMPv6NDOptDstLLAddr,
                                ICMPv6NDOptPrefixInfo, ICMPv6NDOptMTU, ICMPv6MLQuery, ICMPv6MLReport, ICMPv6MLDone)
from scapy.layers.l2 import ARP, GRE, Dot1Q, Ether, CookedLinux, CookedLinuxV2, Loopback
from scapy.layers.ppp import PPPoE, PPP
from scapy.layers.vxlan import VXLAN
from scapy.packet import Raw
from scapy.utils import wrpcap

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
BASE = 1700000000.0
A4, B4, C4 = "198.18.0.1", "198.18.0.2", "198.18.0.3"
A6, B6 = "2001:db8::1", "2001:db8::2"
MAC_A, MAC_B = "02:00:00:00:00:01", "02:00:00:00:00:02"


def ether():
    return Ether(src=MAC_A, dst=MAC_B)


def save(name, packets):
    for i, p in enumerate(packets):
        p.time = BASE + i * 0.001
    wrpcap(os.path.join(OUT, name + ".pcap"), packets)


def tcp(src, dst, sport, dport, flags, seq, ack=0, payload=b"", v6=False, **kw):
    ip = IPv6(src=src, dst=dst) if v6 else IP(src=src, dst=dst, id=1)
    p = ether() / ip / TCP(sport=sport, dport=dport, flags=flags, seq=seq, ack=ack, window=512, **kw)
    return p / Raw(payload) if payload else p


def relative_numbers(v6):
    a, b = (A6, B6) if v6 else (A4, B4)
    return [
        # A handshake whose SYN is retransmitted, data both ways, SACK, then RST.
        tcp(a, b, 40000, 8000, "S", 1000, v6=v6, options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (1, 0)), ("NOP", None), ("WScale", 7)]),
        tcp(a, b, 40000, 8000, "S", 1000, v6=v6),
        tcp(b, a, 8000, 40000, "SA", 5000, 1001, v6=v6),
        tcp(a, b, 40000, 8000, "A", 1001, 5001, v6=v6),
        tcp(a, b, 40000, 8000, "PA", 1001, 5001, b"hello there\n", v6=v6),
        tcp(b, a, 8000, 40000, "A", 5001, 1013, v6=v6, options=[("NOP", None), ("NOP", None), ("SAck", (1013, 1020, 1030, 1040))]),
        tcp(b, a, 8000, 40000, "PA", 5001, 1013, b"x" * 100, v6=v6),
        tcp(a, b, 40000, 8000, "A", 1013, 5101, v6=v6),
        tcp(a, b, 40000, 8000, "RA", 1013, 5101, v6=v6),
        # The same 4-tuple used again: a new SYN and SYN-ACK record new origins.
        tcp(a, b, 40000, 8000, "S", 90000, v6=v6),
        tcp(b, a, 8000, 40000, "SA", 70000, 90001, v6=v6),
        tcp(a, b, 40000, 8000, "A", 90001, 70001, v6=v6),
        tcp(a, b, 40000, 8000, "FA", 90001, 70001, v6=v6),
        # Equal ports: the lower address comes first. A connection first seen mid-stream.
        tcp(b, a, 7000, 7000, "A", 300, 400, v6=v6),
        tcp(a, b, 7000, 7000, "PA", 400, 301, b"abc", v6=v6),
        tcp(a, b, 5555, 22, "PA", 4000000000, 3000000000, b"wrap" * 100, v6=v6),
        tcp(b, a, 22, 5555, "A", 3000000000, 4000000400, v6=v6),
        # A reset with data (-v prints it), an urgent pointer, ECN flags, no flags at all.
        tcp(b, a, 8000, 40001, "R", 777, payload=b"connection refused\x01\xff" * 2, v6=v6),
        tcp(a, b, 40002, 8000, "PAU", 1, 1, b"!", v6=v6, urgptr=1),
        tcp(a, b, 40003, 8000, "SEC", 1, v6=v6),
        tcp(a, b, 40004, 8000, "", 1, v6=v6),
    ]


def tcp_options():
    opts = [
        [("MSS", 1460), ("EOL", None)],
        [("NOP", None), ("WScale", 14), ("SAckOK", b"")],
        [("Timestamp", (4294967295, 1))],
        [(6, b"\x00\x00\x00\x01"), (7, b"\x00\x00\x00\x02")],
        [(19, b"0123456789abcdef")],
        [(28, b"\x80\x05")],
        [(34, b"")],
        [(34, b"\x01\x02\x03\x04")],
        [(254, b"\xf9\x89\xaa\xbb\xcc\xdd")],
        [(99, b"\x01\x02")],
        [(5, b"\x00\x00\x00\x01\x00")],
    ]
    packets = [tcp(A4, B4, 41000 + i, 80, "S", 1, options=o) for i, o in enumerate(opts)]
    # A bad option length, first and later.
    packets.append(ether() / IP(src=A4, dst=B4) / TCP(sport=41100, dport=80, flags="S", dataofs=6) / Raw(b"\x02\x09\x05\xb4"))
    packets.append(ether() / IP(src=A4, dst=B4) / TCP(sport=41101, dport=80, flags="S", dataofs=7) / Raw(b"\x01\x01\x02\x09\x05\xb4\x00\x00"))
    return packets


def checksums():
    good = tcp(A4, B4, 42000, 80, "S", 1)
    bad_tcp = ether() / IP(src=A4, dst=B4) / TCP(sport=42001, dport=80, flags="S", chksum=0x1234)
    bad_ip = ether() / IP(src=A4, dst=B4, chksum=0xbad) / UDP(sport=42002, dport=9) / Raw(b"x")
    udp6_bad = ether() / IPv6(src=A6, dst=B6) / UDP(sport=42003, dport=9, chksum=0x4321) / Raw(b"abc")
    udp6_good = ether() / IPv6(src=A6, dst=B6) / UDP(sport=42004, dport=9) / Raw(b"abc")
    icmp_bad = ether() / IP(src=A4, dst=B4) / ICMP(id=1, seq=2, chksum=0xbeef) / Raw(b"ping")
    icmp6_bad = ether() / IPv6(src=A6, dst=B6) / ICMPv6EchoRequest(id=1, seq=1, cksum=0xbeef)
    udp4_zero = ether() / IP(src=A4, dst=B4) / UDP(sport=42005, dport=9, chksum=0) / Raw(b"zero")
    tcp6_bad = ether() / IPv6(src=A6, dst=B6) / TCP(sport=42006, dport=80, flags="S", chksum=0x1)
    # Offloaded: the field holds only the folded pseudo-header sum, as Linux leaves it for the card.
    off = IP(src=A4, dst=B4, proto=6, len=40)
    from scapy.utils import checksum
    import struct
    pseudo = struct.pack("!4s4sBBH", bytes(map(int, A4.split("."))), bytes(map(int, B4.split("."))), 0, 6, 20)
    partial = (~checksum(pseudo)) & 0xFFFF
    offloaded = ether() / IP(src=A4, dst=B4) / TCP(sport=42007, dport=80, flags="S", chksum=partial)
    # Snap-length cut: no verdict at all.
    cut = ether() / IP(src=A4, dst=B4) / UDP(sport=42008, dport=9) / Raw(b"y" * 100)
    return [good, bad_tcp, bad_ip, udp6_bad, udp6_good, icmp_bad, icmp6_bad, udp4_zero, tcp6_bad, offloaded, cut]


def ipv4_details():
    return [
        ether() / IP(src=A4, dst=B4, tos=0x02, ttl=1, flags="DF", options=[IPOption_Router_Alert()]) / UDP(sport=1, dport=9),
        ether() / IP(src=A4, dst=B4, tos=0xb8, ttl=0, flags="evil+DF") / UDP(sport=1, dport=9),
        ether() / IP(src=A4, dst=B4, tos=0x03, options=[IPOption_RR(routers=[C4, "0.0.0.0"])]) / ICMP(),
        ether() / IP(src=A4, dst=B4, options=b"\x01\x01\x01\x00") / ICMP(type=13, id=5, seq=6) / Raw(b"\x00" * 12),
        ether() / IP(src=A4, dst=B4, proto=200) / Raw(b"opaque"),
        ether() / IP(src=A4, dst=B4, proto=77) / Raw(b"nd"),
        ether() / IP(src=A4, dst=B4, proto=4) / IP(src=C4, dst=B4) / UDP(sport=2, dport=9) / Raw(b"ipip"),
        ether() / IP(src=A4, dst=B4, proto=41) / IPv6(src=A6, dst=B6) / UDP(sport=2, dport=9) / Raw(b"6in4"),
        ether() / IP(src=A4, dst=B4, id=99, flags="MF", frag=0, proto=6) / Raw(bytes(TCP(sport=3, dport=4, flags="A")) + b"z" * 16),
        ether() / IP(src=A4, dst=B4, id=99, frag=5, proto=6) / Raw(b"q" * 8),
        ether() / IP(src=A4, dst=B4, len=10) / Raw(b"\x00" * 20),
        ether() / IP(src=A4, dst=B4, ihl=4) / Raw(b"\x00" * 20),
    ]


def icmp():
    quoted_udp = IP(src=A4, dst=B4, id=7) / UDP(sport=33000, dport=33434) / Raw(b"probe")
    quoted_tcp = IP(src=A4, dst=B4, id=8) / TCP(sport=33001, dport=443, flags="S")
    out = [ether() / IP(src=B4, dst=A4) / ICMP(type=3, code=c, nexthopmtu=1400 if c == 4 else 0) / bytes(quoted_udp)[:28]
           for c in range(0, 16)]
    out += [
        ether() / IP(src=B4, dst=A4) / ICMP(type=3, code=3) / bytes(quoted_tcp)[:28],
        ether() / IP(src=B4, dst=A4) / ICMP(type=11, code=0) / bytes(quoted_tcp)[:28],
        ether() / IP(src=B4, dst=A4) / ICMP(type=11, code=1) / bytes(quoted_udp),
        ether() / IP(src=B4, dst=A4) / ICMP(type=5, code=1, gw=C4) / bytes(quoted_udp)[:28],
        ether() / IP(src=B4, dst=A4) / ICMP(type=12, code=0, ptr=9) / bytes(quoted_udp)[:28],
        ether() / IP(src=B4, dst=A4) / ICMP(type=4) / bytes(quoted_udp)[:28],
        ether() / IP(src=B4, dst=A4) / ICMP(type=10),
        ether() / IP(src=B4, dst=A4) / ICMP(type=14, id=3, seq=4) / Raw(b"\x00" * 12),
        ether() / IP(src=B4, dst=A4) / ICMP(type=17),
        ether() / IP(src=B4, dst=A4) / ICMP(type=42),
        ether() / IP(src=A4, dst=B4) / ICMP(type=8, id=9, seq=10) / Raw(b"abcdefgh"),
    ]
    return out


def icmpv6():
    quoted = IPv6(src=A6, dst=B6) / UDP(sport=33000, dport=33434) / Raw(b"probe")
    quoted_tcp = IPv6(src=A6, dst=B6) / IPv6ExtHdrDestOpt() / TCP(sport=33001, dport=443, flags="S")
    out = [ether() / IPv6(src=B6, dst=A6) / ICMPv6DestUnreach(code=c) / bytes(quoted) for c in range(0, 5)]
    out += [
        ether() / IPv6(src=B6, dst=A6) / ICMPv6DestUnreach(code=4) / bytes(quoted_tcp),
        ether() / IPv6(src=B6, dst=A6) / ICMPv6PacketTooBig(mtu=1280) / bytes(quoted),
        ether() / IPv6(src=B6, dst=A6) / ICMPv6TimeExceeded(code=0) / bytes(quoted),
        ether() / IPv6(src=B6, dst=A6) / ICMPv6TimeExceeded(code=1) / bytes(quoted),
        ether() / IPv6(src=B6, dst=A6) / ICMPv6ParamProblem(code=1, ptr=6) / bytes(quoted),
        ether() / IPv6(src=A6, dst=B6) / ICMPv6EchoRequest(id=1, seq=2, data=b"ping"),
        ether() / IPv6(src=B6, dst=A6) / ICMPv6EchoReply(id=1, seq=2, data=b"ping"),
        ether() / IPv6(src="fe80::1", dst="ff02::2", hlim=255) / ICMPv6ND_RS() / ICMPv6NDOptSrcLLAddr(lladdr=MAC_A),
        ether() / IPv6(src="fe80::2", dst="ff02::1", hlim=255) / ICMPv6ND_RA(M=1, O=1, prf=1, routerlifetime=600, reachabletime=1000, retranstimer=50)
        / ICMPv6NDOptSrcLLAddr(lladdr=MAC_B) / ICMPv6NDOptMTU(mtu=1500)
        / ICMPv6NDOptPrefixInfo(prefix="2001:db8::", prefixlen=64, validlifetime=0xffffffff, preferredlifetime=3600),
        ether() / IPv6(src="fe80::1", dst="ff02::1:ff00:2", hlim=255) / ICMPv6ND_NS(tgt=B6) / ICMPv6NDOptSrcLLAddr(lladdr=MAC_A),
        ether() / IPv6(src="fe80::2", dst="fe80::1", hlim=255) / ICMPv6ND_NA(tgt=B6, R=0, S=1, O=1) / ICMPv6NDOptDstLLAddr(lladdr=MAC_B),
        ether() / IPv6(src="fe80::1", dst="ff02::1", hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert()]) / ICMPv6MLQuery(),
        ether() / IPv6(src="fe80::1", dst="ff02::1:3", hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert()]) / ICMPv6MLReport(mladdr="ff02::1:3"),
        ether() / IPv6(src="fe80::1", dst="ff02::2", hlim=1) / ICMPv6MLDone(mladdr="ff02::1:3"),
        ether() / IPv6(src=A6, dst=B6) / Raw(b"\xc8\x00\x00\x00\x00\x00\x00\x00"),
    ]
    return out


def ipv6_extensions():
    payload = UDP(sport=50000, dport=9) / Raw(b"x" * 40)
    return [
        ether() / IPv6(src=A6, dst=B6, tc=0xb8, fl=0x12345) / IPv6ExtHdrHopByHop() / payload,
        ether() / IPv6(src=A6, dst=B6) / IPv6ExtHdrDestOpt() / TCP(sport=1, dport=2, flags="S"),
        ether() / IPv6(src=A6, dst=B6) / IPv6ExtHdrRouting(addresses=["2001:db8::9", B6], segleft=1) / payload,
        ether() / IPv6(src=A6, dst=B6) / IPv6ExtHdrFragment(id=0x1234, m=1, offset=0) / payload,
        ether() / IPv6(src=A6, dst=B6) / IPv6ExtHdrFragment(id=0x1234, m=0, offset=6, nh=17) / Raw(b"y" * 24),
        ether() / IPv6(src=A6, dst=B6) / IPv6ExtHdrFragment(id=0x99, m=0, offset=0) / payload,
        ether() / IPv6(src=A6, dst=B6, nh=59) / Raw(b""),
        ether() / IPv6(src=A6, dst=B6, nh=200) / Raw(b"opaque"),
        ether() / IPv6(src=A6, dst=B6, nh=4) / IP(src=A4, dst=B4) / ICMP(),
        ether() / IPv6(src=A6, dst=B6, nh=41) / IPv6(src=B6, dst=A6) / UDP(sport=5, dport=6),
        ether() / IPv6(src=A6, dst=B6) / IPv6ExtHdrHopByHop(options=[RouterAlert()]) / IPv6ExtHdrDestOpt() / TCP(sport=3, dport=4, flags="A", ack=5),
    ]


def links():
    inner = IP(src=A4, dst=B4) / UDP(sport=1000, dport=2000) / Raw(b"inner")
    sll = CookedLinux(pkttype=4, lladdrtype=1, lladdrlen=6, src=b"\x02\x00\x00\x00\x00\x01\x00\x00", proto=0x0800) / inner
    # Interface index 1 is the loopback on every Linux host, so tcpdump and rawnet name it alike anywhere.
    sll2 = [CookedLinuxV2(proto=0x0800, ifindex=1, lladdrtype=1, pkttype=t, lladdrlen=6, src=b"\x02\x00\x00\x00\x00\x01\x00\x00") / inner
            for t in (0, 1, 2, 3, 4, 7)]
    sll2.append(CookedLinuxV2(proto=0x0806, ifindex=4000, lladdrtype=1, pkttype=0, lladdrlen=6) / ARP(op=1, psrc=A4, pdst=B4, hwsrc=MAC_A))
    return [
        ether() / Dot1Q(vlan=100, prio=3) / inner,
        Ether(src=MAC_A, dst=MAC_B, type=0x88a8) / Dot1Q(vlan=10) / Dot1Q(vlan=20) / inner,
        # The PPP protocol field uncompressed here (scapy's PPP() compresses it to one byte: tests/oracle/make-link-cases.py has both).
        ether() / PPPoE(sessionid=0x1234) / Raw(b"\x00\x21") / inner,
        ether() / ARP(op=1, psrc=A4, pdst=B4, hwsrc=MAC_A),
        ether() / ARP(op=2, psrc=B4, pdst=A4, hwsrc=MAC_B, hwdst=MAC_A),
        ether() / ARP(op=1, psrc=A4, pdst=B4, hwsrc=MAC_A, hwdst=MAC_B),
        ether() / ARP(op=3, psrc=A4, pdst=B4, hwsrc=MAC_A),
        ether() / ARP(op=4, psrc=B4, pdst=A4, hwsrc=MAC_B, hwdst=MAC_A),
        ether() / ARP(op=8, psrc=A4, pdst=B4, hwsrc=MAC_A, hwdst=MAC_B),
        ether() / ARP(op=9, psrc=B4, pdst=A4, hwsrc=MAC_B, hwdst=MAC_A),
        ether() / ARP(op=1, ptype=0x86dd, plen=16, psrc=A6, pdst=B6, hwsrc=MAC_A),
        Ether(src=MAC_A, dst="ff:ff:ff:ff:ff:ff", type=0x9999) / Raw(bytes(range(40))),
        ether() / IP(src=C4, dst=A4) / GRE(key_present=1, key=0x1234, seqnum_present=1, seqence_number=7, proto=0x0800) / inner,
        ether() / IP(src=C4, dst=A4) / GRE(chksum_present=1, proto=0x86dd) / IPv6(src=A6, dst=B6) / UDP(sport=1, dport=2),
        ether() / IP(src=C4, dst=A4) / GRE(proto=0x6558) / Ether(src=MAC_B, dst=MAC_A) / inner,
        ether() / IP(src=C4, dst=A4) / GRE(proto=0x88be) / Raw(b"\x00" * 30),
        ether() / IP(src=C4, dst=A4) / UDP(sport=50000, dport=4789) / VXLAN(vni=42) / Ether(src=MAC_A, dst=MAC_B) / inner,
        ether() / IP(src=C4, dst=A4) / UDP(sport=50000, dport=3544) / IPv6(src=A6, dst=B6) / UDP(sport=1, dport=2),
    ], [sll], sll2, [Loopback(type=2) / inner, Loopback(type=24) / IPv6(src=A6, dst=B6) / UDP(sport=1, dport=2)]


def truncated():
    full = [
        tcp(A4, B4, 43000, 80, "S", 1, options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (1, 0))]),
        ether() / IPv6(src=A6, dst=B6) / IPv6ExtHdrHopByHop() / UDP(sport=1, dport=2) / Raw(b"x" * 40),
        ether() / IP(src=A4, dst=B4) / ICMP(id=1, seq=1) / Raw(b"x" * 40),
        ether() / IPv6(src=A6, dst=B6) / ICMPv6EchoRequest(id=1, seq=1, data=b"x" * 40),
        ether() / ARP(op=1, psrc=A4, pdst=B4, hwsrc=MAC_A),
        ether() / IP(src=C4, dst=A4) / GRE(key_present=1, key=1, proto=0x0800) / IP(src=A4, dst=B4) / UDP(),
    ]
    out = []
    for p in full:
        raw = bytes(p)
        for cut in (16, 30, 36, 40, 48, 56, 60, 64, 70):
            if cut < len(raw):
                q = Ether(raw[:cut])
                q.wirelen = len(raw)
                out.append(q)
    return out


save("tcp-relative-ipv4", relative_numbers(False))
save("tcp-relative-ipv6", relative_numbers(True))
save("tcp-options", tcp_options())
save("checksums", checksums())
save("ipv4-details", ipv4_details())
save("icmp-types", icmp())
save("icmpv6-types", icmpv6())
save("ipv6-extensions", ipv6_extensions())
ethernet, cooked, cooked2, loop = links()
save("links", ethernet)
save("cooked", cooked)
save("cooked-v2", cooked2)
save("loopback", loop)
save("truncated-cuts", truncated())
