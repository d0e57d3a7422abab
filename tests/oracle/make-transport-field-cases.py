#!/usr/bin/python3
"""Writes captures/transport-fields/ (byte for byte the same on every run): TCP, UDP and ICMP header fields tshark 4.0
shows that the other bundled captures lack, for the transport fields oracle (TsharkTransportFieldsOracleTests).

Run with Debian's python3 (which has python3-scapy): /usr/bin/python3 tests/oracle/make-transport-field-cases.py [OUTDIR]
Cases: a handshake with EOL padding runs, SACK blocks, FIN from both sides and a RST (tcp.completeness, the option
items, tcp.connection.*); a SYN that reuses the ports; UDP zero checksums over IPv4 and IPv6; ICMP echoes with a bad
checksum and a reply, redirect, parameter problem, and unreachable and time exceeded with an RFC 4884 length.
"""
import os
import struct
import sys

from scapy.layers.inet import ICMP, IP, TCP, UDP, IPerror, UDPerror
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "captures", "transport-fields")
T0 = 1700000000  # 2023-11-14 22:13:20 UTC, as make-captures.py
A, B, R = "10.0.0.1", "10.0.0.2", "10.0.0.254"
A6, B6 = "2001:db8::1", "2001:db8::2"


def eth():
    return Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")


def tcp(src, dst, sport, dport, flags, seq, ack, options=(), data=b""):
    p = eth() / IP(src=src, dst=dst) / TCP(sport=sport, dport=dport, flags=flags, seq=seq, ack=ack, window=8192, options=list(options))
    return p / Raw(data) if data else p


packets = [
    # handshake: EOL then zero padding (one EOL a byte)
    tcp(A, B, 40000, 80, "S", 1000, 0, [("MSS", 1460), ("SAckOK", b""), ("EOL", None), ("EOL", None)]),
    tcp(B, A, 80, 40000, "SA", 5000, 1001, [("MSS", 1400), ("EOL", None)]),
    tcp(A, B, 40000, 80, "A", 1001, 5001),
    tcp(A, B, 40000, 80, "PA", 1001, 5001, data=b"x" * 100),
    tcp(A, B, 40000, 80, "PA", 1201, 5001, data=b"y" * 100),
    # the receiver SACKs the second segment: edges relative to the sender's base
    tcp(B, A, 80, 40000, "A", 5001, 1101, [("NOP", None), ("NOP", None), ("SAck", (1201, 1301))]),
    tcp(B, A, 80, 40000, "A", 5001, 1101, [("NOP", None), ("NOP", None), ("SAck", (1201, 1301, 1401, 1501))]),
    tcp(A, B, 40000, 80, "FA", 1301, 5001),
    tcp(B, A, 80, 40000, "FA", 5001, 1302),
    tcp(A, B, 40000, 80, "R", 1302, 0),
    # a new SYN on the same ports with another sequence number: a new conversation that starts "SYN seen"
    tcp(A, B, 40000, 80, "S", 9000, 0, [("MSS", 1460)]),
    tcp(B, A, 80, 40000, "RA", 0, 9001),
    # data without a handshake
    tcp(A, B, 40001, 80, "PA", 77, 88, data=b"z" * 10),
    # UDP checksums: zero over IPv4 (not present), zero over IPv6 (illegal), others unverified
    eth() / IP(src=A, dst=B) / UDP(sport=50123, dport=50124, chksum=0) / Raw(b"abc"),
    Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / IPv6(src=A6, dst=B6) / UDP(sport=50123, dport=50124, chksum=0) / Raw(b"abc"),
    eth() / IP(src=A, dst=B) / UDP(sport=50123, dport=50124) / Raw(b"abc"),
    # ICMP: an echo pair, a request with a bad checksum, a redirect, a parameter problem, errors with a 4884 length
    eth() / IP(src=A, dst=B) / ICMP(type=8, id=0x1234, seq=1) / Raw(b"ping" * 4),
    eth() / IP(src=B, dst=A) / ICMP(type=0, id=0x1234, seq=1) / Raw(b"ping" * 4),
    eth() / IP(src=A, dst=B) / ICMP(type=8, id=0x1234, seq=2, chksum=0x1111) / Raw(b"ping" * 4),
    eth() / IP(src=R, dst=A) / ICMP(type=5, code=1, gw="10.0.0.253") / IPerror(src=A, dst=B) / UDPerror(sport=50123, dport=50124),
    eth() / IP(src=R, dst=A) / ICMP(type=12, code=0, ptr=20) / IPerror(src=A, dst=B) / UDPerror(sport=50123, dport=50124),
    eth() / IP(src=R, dst=A) / ICMP(type=3, code=3, length=7) / IPerror(src=A, dst=B) / UDPerror(sport=50123, dport=50124) / Raw(b"q" * 20),
    eth() / IP(src=R, dst=A) / ICMP(type=11, code=0, length=7) / IPerror(src=A, dst=B) / UDPerror(sport=50123, dport=50124) / Raw(b"q" * 20),
    eth() / IP(src=R, dst=A) / ICMP(type=3, code=4, nexthopmtu=1400) / IPerror(src=A, dst=B) / UDPerror(sport=50123, dport=50124),
]
for i, p in enumerate(packets):
    p.time = T0 + i * 0.001250
os.makedirs(OUT, exist_ok=True)
wrpcap(os.path.join(OUT, "transport-fields.pcap"), packets)

# transport-fields-more.pcap: ICMP echoes with and without a time stamp at the start of their data (big- and
# little-endian, a day off, microseconds out of range or negative, data too short), a parameter problem with an RFC 4884
# length and one without, unreachable and time exceeded with lengths, an echo quoted by an error; and a D-SACK.
TS = T0 + 100


def echo(kind, data, seq):
    return eth() / IP(src=A, dst=B) / ICMP(type=kind, id=0x4321, seq=seq) / Raw(data)


def error(kind, code, quote, **fields):
    return eth() / IP(src=R, dst=A) / ICMP(type=kind, code=code, **fields) / IPerror(src=A, dst=B) / quote


more = [
    echo(8, struct.pack(">II", TS, 123456) + b"x" * 8, 1),
    echo(0, struct.pack("<II", TS, 654321) + b"x" * 8, 1),
    echo(8, struct.pack(">II", TS, 1000000) + b"x" * 8, 2),
    echo(8, struct.pack(">II", TS - 86400, 5), 3),
    echo(8, struct.pack(">II", TS - 86399, 5), 4),
    echo(8, b"abcdefg", 5),
    echo(8, struct.pack(">II", TS, 0xFFFFFFFF), 6),
    echo(8, struct.pack(">II", TS + 2 ** 31, 5), 7),
    echo(8, b"", 8),
    error(12, 0, UDPerror(sport=50123, dport=50124) / Raw(b"q" * 20), ptr=9, length=7),
    error(12, 1, UDPerror(sport=50123, dport=50124), ptr=0),
    error(3, 4, UDPerror(sport=50123, dport=50124) / Raw(b"q" * 20), length=7, nexthopmtu=1400),
    error(3, 1, UDPerror(sport=50123, dport=50124), length=255),
    error(11, 1, ICMP(type=8, id=1, seq=1) / Raw(struct.pack(">II", TS, 5))),
    error(4, 0, UDPerror(sport=50123, dport=50124), length=3),
    # a D-SACK: the receiver reports data it already acknowledged (its resent copy not captured), then a first block inside a
    # second one
    tcp(A, B, 40002, 47001, "S", 100, 0, [("SAckOK", b"")]),
    tcp(B, A, 47001, 40002, "SA", 700, 101, [("SAckOK", b"")]),
    tcp(A, B, 40002, 47001, "PA", 101, 701, data=b"d" * 100),
    tcp(B, A, 47001, 40002, "A", 701, 201),
    tcp(B, A, 47001, 40002, "A", 701, 201, [("NOP", None), ("NOP", None), ("SAck", (101, 201))]),
    tcp(A, B, 40002, 47001, "PA", 201, 701, data=b"e" * 100),
    tcp(A, B, 40002, 47001, "PA", 401, 701, data=b"f" * 100),
    tcp(B, A, 47001, 40002, "A", 701, 301, [("NOP", None), ("NOP", None), ("SAck", (421, 461, 401, 501))]),
]
for i, p in enumerate(more):
    p.time = TS + i * 0.25
wrpcap(os.path.join(OUT, "transport-fields-more.pcap"), more)

# udp-lengths.pcap: UDP lengths past the IP payload (by 1 and by 100), over IPv4 and IPv6, on ports whose dissectors
# tshark 4.0 still hands what the IP payload holds: "Bad length value" is an expert item, not an exception.
DNS_QUERY = bytes.fromhex("0100 0001 0000 0000 0000 07 6578616d706c65 03 636f6d 00 0001 0001".replace(" ", ""))
UDP_CASES = [(53, None), (53, b"\x12\x34\x01"), (123, bytes(48)), (9999, b"abcdef"), (4789, bytes(28)),
             (5060, b"OPTIONS sip:a SIP/2.0\r\n\r\n"), (137, bytes(12)), (7, b"hi"), (53, b"")]
lengths = []
query_id = 0x4000
for dport, data in UDP_CASES:
    for extra in (1, 100):
        for version in (4, 6):
            if data is None:
                query_id += 1
                payload = struct.pack(">H", query_id) + DNS_QUERY
            else:
                payload = data
            ip = IP(src=A, dst=B) if version == 4 else IPv6(src=A6, dst=B6)
            lengths.append(eth() / ip / UDP(sport=40000, dport=dport, len=8 + len(payload) + extra) / Raw(payload))
for i, p in enumerate(lengths):
    p.time = T0 + i * 0.001
wrpcap(os.path.join(OUT, "udp-lengths.pcap"), lengths)
