#!/usr/bin/python3
"""Writes captures/lldp/lldp-cases.pcap for the tshark and tcpdump oracles of RawNet's LLDP decoding.

    make-lldp-cases.py OUTFILE         # the fixed cases, one pcap (captures/lldp/lldp-cases.pcap)
    make-lldp-cases.py DIRECTORY       # the same, as DIRECTORY/lldp-cases.pcap
    make-lldp-cases.py OUTFILE SEED    # 300 random damages of the fixed frames (bytes changed, cut, inserted; snap-cut)

The cases (IEEE 802.1AB on EtherType 0x88cc): a switch's LLDPDU with every basic TLV, IEEE 802.1 and 802.3
organisation-specific TLVs; each chassis and port ID subtype (strings, MAC, IPv4 and IPv6 network addresses, unknown
subtypes); management addresses (IPv4, IPv6, MAC, with an OID); an unknown OUI and an unknown TLV type; and damaged
variants (and LLDP-MED and Cisco TLVs, which tshark reads with dissectors of their own): a TLV whose length runs past the frame, zero-length mandatory TLVs, a TTL of one byte, a missing End TLV,
data after End, short org-specific TLVs, and frames cut by the capture length at several points. Run with Debian's
/usr/bin/python3 (python3-scapy); scapy's LLDP layers build the first frame, bytes of our own the others.
"""
import struct

from scapy.contrib.lldp import (LLDPDUChassisID, LLDPDUEndOfLLDPDU, LLDPDUPortID, LLDPDUSystemName,
                                LLDPDUTimeToLive, LLDPDUPortDescription)
from scapy.layers.l2 import Ether
import damage

T0 = 1700000000
SRC = "00:1b:54:94:5a:8b"
DST = "01:80:c2:00:00:0e"


def write(path, frames):
    """A microsecond pcap of (bytes, caplen or None), 1 ms apart."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def tlv(kind, value, length=None):
    n = len(value) if length is None else length
    return struct.pack(">H", (kind << 9) | (n & 0x1FF)) + value


def chassis(subtype, value):
    return tlv(1, bytes([subtype]) + value)


def port(subtype, value):
    return tlv(2, bytes([subtype]) + value)


def ttl(seconds):
    return tlv(3, struct.pack(">H", seconds))


END = tlv(0, b"")
MAC = bytes.fromhex("001b54945a8b")


def org(oui, subtype, value):
    return tlv(127, bytes.fromhex(oui) + bytes([subtype]) + value)


def mgmt(subtype, address, ifsubtype=2, ifnumber=1001, oid=b""):
    return tlv(8, bytes([len(address) + 1, subtype]) + address + bytes([ifsubtype]) + struct.pack(">I", ifnumber)
               + bytes([len(oid)]) + oid)


def frame(body, src=SRC):
    return bytes(Ether(dst=DST, src=src, type=0x88CC)) + body


def cases():
    out = []
    # 1: scapy's layers: the mandatory TLVs, a port description and a system name.
    first = (Ether(dst=DST, src=SRC) / LLDPDUChassisID(subtype=4, id=SRC) / LLDPDUPortID(subtype=5, id=b"Gi1/0/1") / LLDPDUTimeToLive(ttl=120)
             / LLDPDUPortDescription(description=b"uplink") / LLDPDUSystemName(system_name=b"sw1.example.com")
             / LLDPDUEndOfLLDPDU())
    out.append(bytes(first))
    # 2: a switch's full LLDPDU.
    full = (chassis(4, MAC) + port(5, b"Gi1/0/24") + ttl(120) + tlv(4, b"GigabitEthernet1/0/24")
            + tlv(5, b"core-sw1") + tlv(6, b"Cisco IOS Software, C3750E Software, Version 15.0(2)SE")
            + tlv(7, struct.pack(">HH", 0x0014, 0x0004)) + mgmt(1, bytes([10, 0, 0, 1]), oid=bytes.fromhex("2b060104010903"))
            + org("0080c2", 1, struct.pack(">H", 10)) + org("0080c2", 2, bytes([0x06]) + struct.pack(">H", 20))
            + org("0080c2", 3, struct.pack(">H", 10) + bytes([4]) + b"data")
            + org("0080c2", 4, bytes([2, 0x42, 0x42]))
            + org("00120f", 1, bytes([0x03]) + struct.pack(">HH", 0x6c01, 0x001e))
            + org("00120f", 2, bytes([0x0f, 0x01, 0x03]))
            + org("00120f", 3, bytes([0x03]) + struct.pack(">I", 0))
            + org("00120f", 4, struct.pack(">H", 1522))
            + END)
    out.append(frame(full))
    # chassis ID subtypes 1..7 and unknown; port ID subtypes 1..7 and unknown.
    for sub, value in ((1, b"chassis-1"), (2, b"alias"), (3, b"port-comp"), (4, MAC), (5, bytes([1, 192, 0, 2, 1])),
                       (5, bytes([2]) + bytes(range(16))), (5, bytes([6]) + MAC), (6, b"eth0"), (7, b"local-7"),
                       (0, b"zero"), (9, b"nine")):
        out.append(frame(chassis(sub, value) + port(7, b"p1") + ttl(30) + END))
    for sub, value in ((1, b"alias"), (2, b"port-comp"), (3, MAC), (4, bytes([1, 192, 0, 2, 9])),
                       (4, bytes([2]) + bytes(range(16))), (5, b"eth1"), (6, b"agent-circuit"), (7, b"local"),
                       (0, b"zero"), (8, b"eight")):
        out.append(frame(chassis(4, MAC) + port(sub, value) + ttl(30) + END))
    # management addresses: IPv6, MAC (hex), with OID; system description only; capabilities with every bit.
    out.append(frame(chassis(4, MAC) + port(3, MAC) + ttl(0) + mgmt(2, bytes(range(1, 17)), ifsubtype=3, ifnumber=7)
                     + mgmt(6, MAC, ifsubtype=1, ifnumber=0) + tlv(7, struct.pack(">HH", 0xFFFF, 0x00FF)) + END))
    # an unknown OUI, an unknown 802.1 and 802.3 subtype, an unknown TLV type, a reserved one.
    out.append(frame(chassis(4, MAC) + port(7, b"p2") + ttl(65535) + org("aabbcc", 5, b"vendor")
                     + org("0080c2", 99, b"x") + org("00120f", 99, b"yy") + tlv(20, b"unknown") + tlv(126, b"")
                     + END))
    # damaged: a TLV whose length runs past the frame.
    out.append(frame(chassis(4, MAC) + port(7, b"p3") + ttl(10) + tlv(5, b"short", length=40)))
    # zero-length chassis, zero-length port, a TTL of one byte.
    out.append(frame(tlv(1, b"") + port(7, b"p4") + ttl(10) + END))
    out.append(frame(chassis(4, MAC) + tlv(2, b"") + ttl(10) + END))
    out.append(frame(chassis(4, MAC) + port(7, b"p5") + tlv(3, b"\x05") + END))
    # a short MAC chassis ID, a short IPv4 network address, a capabilities TLV of 2 bytes.
    out.append(frame(chassis(4, MAC[:4]) + port(7, b"p6") + ttl(10) + END))
    out.append(frame(chassis(5, bytes([1, 10, 0])) + port(7, b"p7") + ttl(10) + END))
    out.append(frame(chassis(4, MAC) + port(7, b"p8") + ttl(10) + tlv(7, b"\x00\x04") + END))
    # no End TLV; data after the End TLV; the mandatory TLVs out of order; an End TLV first.
    out.append(frame(chassis(4, MAC) + port(7, b"p9") + ttl(10)))
    out.append(frame(chassis(4, MAC) + port(7, b"p10") + ttl(10) + END + tlv(5, b"after")))
    out.append(frame(port(7, b"p11") + chassis(4, MAC) + ttl(10) + END))
    out.append(frame(END))
    # org TLVs too short for their OUI or subtype; an 802.1 VLAN name longer than its TLV.
    out.append(frame(chassis(4, MAC) + port(7, b"p12") + ttl(10) + tlv(127, b"\x00\x80") + END))
    out.append(frame(chassis(4, MAC) + port(7, b"p13") + ttl(10) + tlv(127, b"\x00\x80\xc2") + END))
    out.append(frame(chassis(4, MAC) + port(7, b"p14") + ttl(10) + org("0080c2", 3, struct.pack(">H", 5) + bytes([20]) + b"ab")
                     + END))
    out.append(frame(chassis(4, MAC) + port(7, b"p15") + ttl(10) + org("0080c2", 1, b"\x00") + END))
    # a management address whose length byte runs past its TLV
    out.append(frame(chassis(4, MAC) + port(7, b"p16") + ttl(10) + tlv(8, bytes([30, 1, 10, 0, 0, 1])) + END))
    # non-ASCII system name
    out.append(frame(chassis(4, MAC) + port(7, b"p17") + ttl(10) + tlv(5, b"sw\xe9\x01\x7f") + END))
    # OUIs tshark hands to dissectors of their own: TIA's LLDP-MED capabilities and network policy, Cisco's
    out.append(frame(chassis(4, MAC) + port(7, b"p18") + ttl(10) + org("0012bb", 1, bytes([0x00, 0x33, 0x03]))
                     + org("0012bb", 2, bytes([0x01, 0x40, 0x64, 0xb8])) + org("000142", 1, b"\x01")
                     + END))
    # cut by the capture length
    for cut in (14, 15, 17, 24, 30, 40, 60, 100):
        out.append((frame(full), cut))
    return [f if isinstance(f, tuple) else (f, None) for f in out]


def damaged(seed):
    return damage.mutate([f for f, c in cases() if c is None], seed, 14)


def main():
    damage.main(write, cases, damaged, "lldp-cases.pcap")


if __name__ == "__main__":
    main()
