#!/usr/bin/python3
"""Writes captures/udp-ports/udp-port-order.pcap: UDP datagrams whose two ports name two protocols, to check that
RawNet tries them in tshark's order (the lower port first; a dissector that refuses the payload passes it on).

For every kind of payload RawNet decodes by port (DNS, mDNS, LLMNR, VXLAN, Geneve, MPLS in UDP, GTPv1-U, Teredo, L2TP,
VXLAN-GPE, GRE in UDP, LISP data, AMT, CAPWAP data, LWAPP, TZSP, sFlow)
a datagram from every port tshark registers below that protocol's port, and one back; datagrams between two of
RawNet's own ports; ports with no dissector; port 0; and payloads the capture cut. The payloads differ from those
tests/oracle/make-udp-port-table.py offered tshark when it wrote RawNet's table (other IDs, names, VNIs, TEIDs,
inner packets), so the capture checks that the table's answers hold beyond the payloads they were learnt from.
Usage: make-udp-port-cases.py [DIRECTORY]   (default: captures/udp-ports). Needs tshark (its port table) and scapy.
Deterministic: run it again and the file is byte-identical.
"""
import os
import struct
import subprocess
import sys

from scapy.all import DNS, DNSQR, DNSRR, IP, LLC, SNAP, TCP, UDP, Dot11, Ether, IPv6, Raw

NAME = "udp-port-order.pcap"

inner4 = IP(src="198.18.200.1", dst="198.18.200.2", id=7) / TCP(sport=40000, dport=80, flags="S", seq=1000)
inner6 = IPv6(src="2001:db8::10", dst="2001:db8::20") / UDP(sport=5000, dport=6000) / b"inner"
eth6 = Ether(src="02:00:00:00:00:0a", dst="02:00:00:00:00:0b") / inner6


def lwapp(frame, fragment=0):
    """An LWAPP data header (version and flags, fragment ID, length, RSSI, SNR) before an 802.11 frame."""
    return bytes([0, fragment]) + len(frame).to_bytes(2, "big") + bytes([0x30, 0x20]) + frame

# RawNet's protocols on ports of their own, each with a payload unlike the table script's.
OWN = [
    (53, bytes(DNS(id=0x5a5a, rd=1, qd=DNSQR(qname="rawnet.example", qtype="MX")))),
    (5353, bytes(DNS(id=0, qr=1, aa=1, an=DNSRR(rrname="printer.local", rdata="198.18.0.77")))),
    (5355, bytes(DNS(id=0x4242, qd=DNSQR(qname="laptop")))),
    (4789, bytes.fromhex("0800000000abcd00") + bytes(eth6)),
    (6081, bytes.fromhex("000086dd00123400") + bytes(inner6)),
    (6635, bytes.fromhex("0006413f") + bytes(inner4)),
    (2152, bytes.fromhex("30ff") + len(bytes(inner4)).to_bytes(2, "big") + bytes.fromhex("0badcafe") + bytes(inner4)),
    (3544, bytes(IPv6(src="2001:db8:1::1", dst="2001:db8:2::2", hlim=9) / UDP(sport=9000, dport=9001) / b"teredo")),
    (1701, bytes.fromhex("4002001400070009ff030021") + bytes(IP(src="198.18.202.1", dst="198.18.202.2") / UDP(sport=1, dport=2))),
    (4790, bytes.fromhex("0c00000200abcd00") + bytes(inner6)),
    (4754, bytes.fromhex("000086dd") + bytes(inner6)),
    (4341, bytes.fromhex("8800000200000102") + bytes(inner4)),
    (2268, bytes.fromhex("0600000000000007") + bytes(inner4)),
    (5247, bytes.fromhex("0010020000000000") + bytes(Ether(src="02:00:00:00:00:0e", dst="02:00:00:00:00:0f") / inner6)),
    (12222, lwapp(bytes(Dot11(type=2, addr1="02:00:00:00:00:12", addr2="02:00:00:00:00:11", addr3="02:00:00:00:00:13") / LLC() / SNAP() / inner6), 7)),
    (37008, bytes.fromhex("01000001 0a01c4 01".replace(" ", "")) + bytes(Ether(src="02:00:00:00:00:1e", dst="02:00:00:00:00:1f") / inner4)),
    (6343, bytes.fromhex("00000005 00000001 c6120002 00000003 00000009 00002710 00000000".replace(" ", ""))),
]


def registered_ports():
    out = subprocess.run(["tshark", "-G", "decodes"], capture_output=True, text=True, check=True).stdout
    ports = set()
    for line in out.splitlines():
        table, port, _ = line.split("\t")
        if table == "udp.port" and int(port) != 0:
            ports.add(int(port))
    return sorted(ports)


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "captures", "udp-ports")
    os.makedirs(directory, exist_ok=True)
    ports = registered_ports()
    own = [port for port, _ in OWN]
    cases = []  # (source port, destination port, payload, bytes cut from the end)
    for port, payload in OWN:
        for low in ports:
            if low < port and low not in own:
                cases.append((low, port, payload, 0))
        # The way back, from the protocol's port, for a few.
        for low in ports[::25]:
            if low < port and low not in own:
                cases.append((port, low, payload, 0))
        # Ports without a dissector, and port 0, which tshark never tries.
        for low in (1, 1000, 1023, 4000, 0):
            if low < port:
                cases.append((low, port, payload, 0))
        # Between two of RawNet's own ports: the lower one's protocol takes it if it takes the payload.
        for other in own:
            if other != port:
                cases.append((other, port, payload, 0))
        # Payloads the capture cut to nothing, to 2 bytes and to 6, from a few registered ports and from none.
        for low in (123, 161, 1812, 1000):
            if low < port:
                for kept in (0, 2, 6):
                    cases.append((low, port, payload, len(payload) - kept))
    with open(os.path.join(directory, NAME), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for n, (sport, dport, payload, cut) in enumerate(cases):
            # Addresses of their own for every datagram, so that no conversation tshark sets up reaches another.
            src = "198.18.%d.%d" % (n // 250, n % 250 + 1)
            dst = "198.19.%d.%d" % (n // 250, n % 250 + 1)
            frame = bytes(Ether(src="02:00:00:00:01:01", dst="02:00:00:00:01:02") / IP(src=src, dst=dst, id=n & 0xffff)
                          / UDP(sport=sport, dport=dport) / Raw(payload))
            kept = frame[:len(frame) - cut]
            f.write(struct.pack("<IIII", 1700000000 + n // 1000, (n % 1000) * 1000, len(kept), len(frame)))
            f.write(kept)

if __name__ == "__main__":
    main()
