#!/usr/bin/python3
"""Writes captures/epon/epon-cases.pcap for the tshark and tcpdump oracles of RawNet's EPON decoding.

    make-epon-cases.py OUTFILE         # the fixed cases, one pcap (captures/epon/epon-cases.pcap)
    make-epon-cases.py DIRECTORY       # the same, as DIRECTORY/epon-cases.pcap
    make-epon-cases.py OUTFILE SEED    # 300 random damages of the fixed frames (bytes changed, cut, inserted; snap-cut;
                                       # preamble bytes changed)

The cases (LINKTYPE_EPON, 259: the EPON preamble's last 6 or 7 bytes, then an Ethernet frame): both starts (D5 55 at 0,
or 55 D5 55 with the preamble from byte 1); the DPoE security byte 0x55 (none), encrypted with key 0 and 1, not encrypted
with key 0 (an expert item), reserved bits other than 010101 (another), all bits; mode and LLID values; good and bad
CRC-8s; IPv4, IPv6, ARP and VLAN-tagged payloads, padded frames, trailers of zeros and not, frames of 64 bytes and more
whose trailer ends in a guessed FCS; an encrypted frame with and without data; no Ethernet header after the preamble;
frames that end, or are cut by the capture length, at every byte of the preamble; starts with no SLD.
Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import random
import struct

from scapy.layers.inet import IP, UDP, TCP, ICMP
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import ARP, Dot1Q, Ether

import cisco_snap
import damage

SRC = "02:00:00:00:00:01"
DST = "02:00:00:00:00:02"


def crc8(data):
    """The EPON preamble's CRC-8 (x^8 + x^2 + x + 1, bits taken LSB first, initial 0)."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xE0 if crc & 1 else crc >> 1
    return crc


def preamble(sec=0x55, mode=0, llid=1, crc=None, lead=False):
    """The captured preamble: [0x55] D5 55, the DPoE security byte, mode and LLID, the CRC-8 (correct unless given)."""
    body = bytes([0xD5, 0x55, sec]) + struct.pack(">H", (mode << 15) | llid)
    return (b"\x55" if lead else b"") + body + bytes([crc8(body) if crc is None else crc])


def ipv4():
    return bytes(Ether(src=SRC, dst=DST) / IP(src="10.0.0.1", dst="10.0.0.2", id=1) / UDP(sport=12345, dport=53))


def cases():
    out = []
    udp = ipv4()
    # 1: both starts, good and bad CRCs, mode and LLID values.
    out.append(preamble(llid=5) + udp)
    out.append(preamble(llid=7, lead=True) + udp)
    out.append(preamble(mode=1, llid=5, crc=0x7B) + udp)
    out.append(preamble(llid=7, crc=0xC3, lead=True) + udp)
    out.append(preamble(mode=1, llid=0x7FFF) + udp)
    out.append(preamble(mode=1, llid=0x7FFF, lead=True, crc=0x00) + udp)
    out.append(preamble(llid=0) + udp)
    # 2: the DPoE security byte: encrypted with key 0 and 1, not encrypted with key 0 and 1, reserved bits wrong.
    for sec in (0x56, 0x57, 0x54, 0x00, 0x01, 0x02, 0x03, 0xFF, 0xD5, 0x5C):
        out.append(preamble(sec=sec, llid=3) + udp)
        out.append(preamble(sec=sec, llid=3, lead=True, crc=0x11) + udp)
    # 3: payloads: IPv6, ARP, VLAN, ICMP; padded; trailers; frames of 64 bytes and more (an FCS guessed).
    out.append(preamble(llid=9) + bytes(Ether(src=SRC, dst=DST) / IPv6(src="2001:db8::1", dst="2001:db8::2") / TCP(sport=80, dport=1024, flags="S")))
    out.append(preamble(llid=9, lead=True) + bytes(Ether(src=SRC, dst=DST) / ARP(psrc="10.0.0.1", pdst="10.0.0.2")))
    out.append(preamble(llid=9) + bytes(Ether(src=SRC, dst=DST) / Dot1Q(vlan=10) / IP(src="10.0.0.1", dst="10.0.0.2", id=2) / UDP(sport=1, dport=2)))
    out.append(preamble(llid=9, lead=True) + bytes(Ether(src=SRC, dst=DST) / IP(src="10.0.0.1", dst="10.0.0.2", id=3) / ICMP()))
    out.append(preamble(llid=10) + udp + bytes(18))
    out.append(preamble(llid=10, lead=True) + udp + bytes(18))
    out.append(preamble(llid=10) + udp + b"\xde\xad\xbe\xef")
    out.append(preamble(llid=10) + udp + bytes(18) + b"\x01\x02\x03\x04")
    out.append(preamble(llid=10, lead=True) + udp + bytes(18) + b"\x01\x02\x03\x04")
    out.append(preamble(llid=10) + udp + b"\xaa" * 30)
    out.append(preamble(llid=10, lead=True) + udp + b"\xaa" * 22)
    out.append(preamble(llid=10) + udp + bytes(22))
    for cut in (50, 56, 60, 63, 66, 68):
        out.append((preamble(llid=10) + udp + bytes(18) + b"\x01\x02\x03\x04", cut))
    big = bytes(Ether(src=SRC, dst=DST) / IP(src="10.0.0.1", dst="10.0.0.2", id=4) / UDP(sport=5, dport=6) / (b"x" * 40))
    out.append(preamble(llid=11) + big)
    out.append(preamble(llid=11) + big + b"\x10\x20\x30\x40")
    out.append(preamble(llid=11, lead=True) + big + b"\x10\x20\x30\x40\x50\x60")
    out.append(preamble(llid=11) + big[:-2])
    # 4: encrypted with data and with none; no Ethernet header, or part of one, after the preamble.
    out.append(preamble(sec=0x57, llid=12) + b"\x8c\x11\x5a\x00\xff" * 8)
    out.append(preamble(sec=0x56, llid=12, lead=True))
    out.append(preamble(sec=0x56, llid=12))
    out.append(preamble(llid=12))
    out.append(preamble(llid=12, lead=True))
    out.append(preamble(llid=12) + udp[:10])
    # 5: frames that end inside the preamble, at every byte, with either start.
    for lead in (False, True):
        whole = preamble(llid=13, lead=lead)
        for n in range(1, len(whole)):
            out.append(whole[:n])
    # 6: no SLD: zeros, 55 55 D5 55, 55 D5 54, D5 54, D5 alone and 55 D5 cut.
    out.append(b"\x55\x55" + preamble(llid=16) + udp)
    out.append(b"\x55\x55" + preamble(sec=0x57, llid=16) + b"\x01\x02")
    for n in range(3, 8):
        out.append((b"\x55\x55" + preamble(llid=16))[:n])
    for start in (bytes(6), b"\x55\x55\x55\xd5\x55\x55\x00\x01", b"\x55\x55\xd5\x54\x55\x00\x01", bytes(3), bytes(4), b"\x55\xd5\x54\x55\x00\x01\x00", b"\xd5\x54\x55\x00\x01\x00",
                  b"\xaa\xd5\x55\x55\x00\x01\x00"):
        out.append(start + udp)
    # 7: cut by the capture length at every byte of the preamble and into Ethernet and IP.
    for lead in (False, True):
        full = preamble(sec=0x57 if lead else 0x55, llid=14, lead=lead) + udp
        for cut in range(1, 9 + lead):
            out.append((full, cut))
        for cut in (14, 20, 30, 40):
            out.append((full, cut))
    full = preamble(llid=15) + big + b"\x10\x20\x30\x40"
    for cut in (60, 66, 80, 84, 86, 88, 89, 90, 91):
        out.append((full, cut))
    return [f if isinstance(f, tuple) else (f, None) for f in out]


def damaged(seed):
    """200 frames damaged after the Ethernet addresses' start (damage.py), and 100 whose preamble bytes are changed."""
    base = [f for f, c in cases() if c is None and len(f) > 20]
    out = damage.mutate(base, seed, 14, count=200)
    rng = random.Random(seed)
    for _ in range(100):
        data = bytearray(rng.choice(base))
        for _ in range(rng.randint(1, 2)):
            data[rng.randrange(0, 8)] = rng.choice([0x55, 0xD5, rng.randrange(256)])
        out.append((bytes(data), None))
    return out


def write(path, frames):
    cisco_snap.write(path, frames, linktype=259)


def main():
    damage.main(write, cases, damaged, "epon-cases.pcap")


if __name__ == "__main__":
    main()
