#!/usr/bin/python3
"""Writes the display-filter capture (captures/filters/strings-bytes.pcap), byte for byte the same on every run.

Run with Debian's python3 (which has python3-scapy): /usr/bin/python3 captures/make-filter-captures.py [OUTDIR]
Same conventions as make-captures.py, whose addresses, MACs, start time and writer it imports. The payloads are the
cases of contains, matches, slices and byte literals (issue 13, item 2) that real traffic rarely shows: odd bytes past
ASCII, a zero byte inside text, one- and two-byte payloads, an empty one, one longer than 2 KiB, and one that makes a
backtracking regular expression take exponential time. Every payload goes to a port tshark 4.0 has no dissector for,
so tshark shows it as data.data too. The file lives in a subfolder so the tests that read every captures/*.pcap
(golden outputs) skip it.
"""
import importlib.util
import os
import sys

from scapy.layers.inet import IP, TCP, UDP
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import Ether
from scapy.packet import Raw

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("make_captures", os.path.join(HERE, "make-captures.py"))
mc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mc)

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "filters")
UDP_PORT = 40000   # no tshark dissector: the payload is data
TCP_PORT = 9       # discard: no tshark dissector either


def udp4(payload):
    return Ether(src=mc.MAC_A, dst=mc.MAC_B) / IP(src=mc.V4_A, dst=mc.V4_B, id=1) / UDP(sport=40001, dport=UDP_PORT) / Raw(payload)


def main():
    os.makedirs(OUT, exist_ok=True)
    # tcp-handshake-ipv4.pcap's sequence numbers; PA with data to the discard port.
    tcp = Ether(src=mc.MAC_A, dst=mc.MAC_B) / IP(src=mc.V4_A, dst=mc.V4_B, id=2) / TCP(sport=40002, dport=TCP_PORT, flags="PA", seq=1001, ack=5001)
    tcp6 = Ether(src=mc.MAC_B, dst=mc.MAC_A) / IPv6(src=mc.V6_B, dst=mc.V6_A) / TCP(sport=TCP_PORT, dport=40002, flags="PA", seq=5001, ack=1008)
    packets = [
        udp4(b"GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n"),
        udp4(bytes([0x47, 0x04])),                        # "474" as bytes is 47:04
        udp4(bytes([0x02, 0x55])),                        # "0255" as bytes is 02:55, "255" is 25:05
        udp4(bytes([0xFF])),
        udp4(b"GET / \xe9\xc9 abc\x00def"),               # Latin-1 bytes, a zero byte inside text
        udp4("caf\u00e9 CAF\u00c9".encode()),              # UTF-8 letters past ASCII
        udp4(b""),                                        # no payload: no udp.payload, no data
        udp4(b"x" * 2500 + b"END-MARK"),                  # longer than the regex's stack buffer
        udp4(b"a" * 40 + b"b"),                           # (a+)+ with a lookahead backtracks for ever here
        tcp / Raw(b"POST /x"),
        tcp6 / Raw(b"\x00"),
        Ether(src=mc.MAC_B, dst=mc.MAC_A) / IPv6(src=mc.V6_B, dst=mc.V6_A)
        / TCP(sport=TCP_PORT, dport=40002, flags="PA", seq=5002, ack=1008) / Raw(b"done: 200 OK\r\n"),
    ]
    mc.OUT = OUT
    mc.write("strings-bytes.pcap", packets)


if __name__ == "__main__":
    main()
