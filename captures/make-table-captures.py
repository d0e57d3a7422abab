#!/usr/bin/env python3
"""Write the captures that test rawnet stats's tables (--conv, --endpoints, --io, --expert) on the cases the other
captures do not reach: IPv4 TTL and length rules, TCP header and option problems, UDP lengths and traceroute ports,
ICMP and ICMPv6 checksums, IPv6 lengths, duplicate ARP addresses, non-zero Ethernet padding, tunnels, and times that go
back and jump ahead. Same bytes on every run.

usage: /usr/bin/python3 captures/make-table-captures.py      # writes captures/tables/*.pcap
"""
import os
from scapy.layers.inet import ICMP, IP, TCP, UDP
from scapy.layers.inet6 import IPv6, ICMPv6EchoRequest
from scapy.layers.l2 import ARP, Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "tables")
START = 1700000000  # 2023-11-14 22:13:20 UTC, as make-captures.py
A, B = "198.18.0.1", "198.18.0.2"


def eth():
    return Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")


class Capture:
    def __init__(self):
        self.packets = []
        self.t = 0.0

    def add(self, packet, step=0.001):
        self.t += step
        packet.time = START + round(self.t, 6)
        self.packets.append(packet)

    def write(self, name):
        wrpcap(os.path.join(OUT, name), self.packets)


def raw_tcp(sport, options, flags="A", seq=5, ack=77):
    """A TCP header with the options given as bytes (scapy would tidy them)."""
    header = TCP(sport=sport, dport=sport + 1, flags=flags, seq=seq, ack=ack, dataofs=5 + len(options) // 4)
    return eth() / IP(src=A, dst=B, proto=6) / Raw(bytes(header)[:20] + options)


def expert_cases():
    c = Capture()
    # IPv4: TTL rules (unicast, multicast, the Local Network Control Block and its exceptions, PIM, OSPF).
    c.add(eth() / IP(src=A, dst=B, ttl=3) / UDP(sport=1000, dport=2000) / b"x")
    c.add(eth() / IP(src=A, dst="239.1.1.1", ttl=2) / UDP(sport=1000, dport=2000) / b"x")
    c.add(eth() / IP(src=A, dst="224.0.0.1", ttl=64) / UDP(sport=1000, dport=2000) / b"x")
    c.add(eth() / IP(src=A, dst="224.0.0.251", ttl=1) / UDP(sport=40000, dport=40001) / b"x")
    c.add(eth() / IP(src=A, dst="224.0.0.252", ttl=7) / UDP(sport=40000, dport=40001) / b"x")
    c.add(eth() / IP(src=A, dst="224.0.0.18", ttl=1, proto=253) / b"vrrpvrrp")
    c.add(eth() / IP(src=A, dst="224.0.0.22", ttl=2, proto=253) / b"igmpigmp")
    c.add(eth() / IP(src=A, dst=B, ttl=1, proto=103) / b"pimpimpim")
    c.add(eth() / IP(src=A, dst=B, ttl=1, proto=89) / b"")
    # IPv4: a total length below the header's.
    c.add(eth() / IP(src=A, dst=B, len=12) / UDP(sport=1, dport=2) / b"abc")
    # TCP: SYN without options, SYN without MSS, MSS on a non-SYN, window scale 15, RST with an ACK number, an urgent
    # pointer without URG, four NOPs, a SYN-ACK acknowledging SYN data, FINs both ways and again.
    c.add(eth() / IP(src=A, dst=B) / TCP(sport=40000, dport=80, flags="S", seq=100))
    c.add(eth() / IP(src=A, dst=B) / TCP(sport=40000, dport=80, flags="S", seq=200, options=[("SAckOK", b"")]))
    c.add(eth() / IP(src=A, dst=B) / TCP(sport=40001, dport=81, flags="A", seq=5, ack=5, options=[("MSS", 1400)]))
    c.add(eth() / IP(src=A, dst=B) / TCP(sport=40002, dport=82, flags="S", seq=5, options=[("MSS", 1400), ("WScale", 15)]))
    c.add(eth() / IP(src=A, dst=B) / TCP(sport=40003, dport=83, flags="R", seq=5, ack=77))
    c.add(eth() / IP(src=A, dst=B) / TCP(sport=40004, dport=84, flags="A", seq=5, ack=77, urgptr=9))
    c.add(eth() / IP(src=A, dst=B) / TCP(sport=40005, dport=85, flags="A", seq=5, ack=77, options=[("NOP", None)] * 4))
    c.add(eth() / IP(src=A, dst=B) / TCP(sport=40006, dport=86, flags="S", seq=1000, options=[("MSS", 1460)]))
    c.add(eth() / IP(src=B, dst=A) / TCP(sport=86, dport=40006, flags="SA", seq=5000, ack=1006, options=[("MSS", 1460)]))
    c.add(eth() / IP(src=A, dst=B) / TCP(sport=40011, dport=91, flags="SA", seq=5, ack=0))
    c.add(eth() / IP(src=A, dst=B) / TCP(sport=40012, dport=92, flags="FA", seq=5, ack=9) / b"data")
    c.add(eth() / IP(src=B, dst=A) / TCP(sport=92, dport=40012, flags="FA", seq=9, ack=11))
    c.add(eth() / IP(src=A, dst=B) / TCP(sport=40012, dport=92, flags="FA", seq=5, ack=9) / b"data")
    # TCP options with bad lengths, a SACK block cut in half, an unknown option, options past the segment's end.
    c.add(raw_tcp(41000, b"\x02\x09\x05\xb4"))
    c.add(raw_tcp(41002, b"\x05\x03\x00\x00"))
    c.add(raw_tcp(41004, b"\x01\x01\x01\x01\x01\x01\x01\x01"))
    c.add(raw_tcp(41006, b"\x63\x02\x00\x00"))
    c.add(raw_tcp(41008, b"\x05\x0a\x00\x00\x00\x01\x00\x00\x00\x05"))
    c.add(raw_tcp(41010, b"\x02\x03\x05\xb4"))
    c.add(raw_tcp(41012, b"\x08\x0a\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00"))
    c.add(raw_tcp(41014, b"\x03\x04\x05\x00"))
    c.add(raw_tcp(41016, b"\x02\x01\x00\x00"))
    c.add(raw_tcp(41018, b"\x01\x01\x01\x02"))
    c.add(eth() / IP(src=A, dst=B, len=44, proto=6) / Raw(bytes(TCP(sport=41020, dport=41021, flags="A", seq=5, ack=77, dataofs=8))[:20]
                                                   + b"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01"))
    # UDP: a length below 8, a length past the datagram, traceroute ports.
    c.add(eth() / IP(src=A, dst=B) / UDP(sport=3000, dport=4000, len=5) / b"abcdef")
    c.add(eth() / IP(src=A, dst=B) / UDP(sport=3001, dport=4001, len=60) / b"abcdef")
    c.add(eth() / IP(src=A, dst=B, ttl=1) / UDP(sport=3002, dport=33435) / b"trace")
    c.add(eth() / IP(src=A, dst=B, ttl=9) / UDP(sport=33440, dport=33464) / b"trace")
    # ICMPv6 with a wrong checksum, IPv6 payload length past the frame, UDP over IPv6 without a checksum.
    c.add(eth() / IPv6(src="2001:db8::1", dst="2001:db8::2") / ICMPv6EchoRequest(cksum=0x1234))
    c.add(eth() / IPv6(src="2001:db8::1", dst="2001:db8::2", plen=200) / UDP(sport=1, dport=2) / b"abc")
    c.add(eth() / IPv6(src="2001:db8::1", dst="2001:db8::2", hlim=1) / UDP(sport=1, dport=2) / b"abc")
    c.add(eth() / IPv6(src="2001:db8::1", dst="2001:db8::2") / UDP(sport=1, dport=2, chksum=0) / b"abc")
    # ARP: the same address announced from two MACs, then again from the first.
    for mac in ("02:00:00:00:00:01", "02:00:00:00:00:03", "02:00:00:00:00:01"):
        c.add(Ether(src=mac, dst="ff:ff:ff:ff:ff:ff") / ARP(op=2, hwsrc=mac, psrc="198.18.0.9", hwdst="02:00:00:00:00:02", pdst=B))
    # Ethernet padding that is not zeros, zeros, and a trailer after a full-size frame.
    frame = bytes(eth() / IP(src=A, dst=B) / UDP(sport=50000, dport=50001) / b"z")
    c.add(Ether(frame + b"\x01" * 17))
    c.add(Ether(frame + b"\x00" * 17))
    c.add(Ether(frame + b"\x00" * 17 + b"\xaa\xbb\xcc\xdd\xee"))
    # ICMP with a wrong checksum.
    c.add(eth() / IP(src=A, dst=B) / ICMP(chksum=0x1111) / b"ping")
    c.write("table-expert-cases.pcap")


def timing_cases():
    """Times that go back before the first frame and jump far ahead, for --io and the conversations' start and duration."""
    c = Capture()
    steps = [0.0, 0.25, 0.5, -1.5, 0.7, 2.125, 0.0001, -0.3, 3.5, 0.031250, 1.0]
    for i, step in enumerate(steps):
        src, dst = (A, B) if i % 2 == 0 else (B, A)
        c.add(eth() / IP(src=src, dst=dst) / UDP(sport=5000 + i % 3, dport=6000) / (b"t" * (i * 37 % 200)), step)
    c.write("table-timing.pcap")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    expert_cases()
    timing_cases()
