#!/usr/bin/python3
"""Writes captures of the point-to-point link layers and MPLS for the tshark and tcpdump oracles of RawNet's decoding.

    make-link-cases.py OUTDIR          # the fixed cases: one pcap per link type, named below
    make-link-cases.py OUTDIR SEED     # the same frames with random bytes of their link headers changed

Files: ppp.pcap (LINKTYPE_PPP, 9), ppp-hdlc.pcap (LINKTYPE_PPP_HDLC, 50) and ppp-dir.pcap (LINKTYPE_PPP_WITH_DIR, 204):
IPv4 and IPv6 with and without address and control, with protocol field compression, control protocols (LCP, IPCP,
IP6CP) without options, named and unknown protocols, damaged headers (an address alone, no protocol), and a frame cut
by the capture at every length through its PPP and IPv4 headers. Every timestamp starts at 2023-11-14 22:13:20 UTC and
steps 1 ms per packet. Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import os
import random
import struct
import sys

from scapy.all import ICMP, IP, TCP, UDP, Raw
from scapy.layers.inet6 import IPv6

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
    # damaged: an address alone, address and control alone, no whole protocol, no IPv4 after the protocol, IPv4 cut
    add(b"\xff")
    add(ADDRESS_CONTROL)
    add(ADDRESS_CONTROL + b"\x00")
    add(ADDRESS_CONTROL + b"\x00\x21")
    add(ADDRESS_CONTROL + b"\x00\x21" + udp4()[:12])
    # the capture cutting a frame at every length through PPP and IPv4, and after the UDP header
    whole = ADDRESS_CONTROL + b"\x00\x21" + udp4()
    for cut in list(range(1, 25)) + [32, 34]:
        add(whole, cut)
    return frames


def with_direction(frames):
    """The same frames behind LINKTYPE_PPP_WITH_DIR's direction byte: received (0), sent (1) and another non-zero value."""
    out = []
    for i, (data, caplen) in enumerate(frames):
        direction = (0, 1, 0x80)[i % 3]
        out.append((bytes([direction]) + data, None if caplen is None else caplen + 1))
    out.append((b"\x00", None))
    return out


def ppp_damageable(data, direction):
    """How many leading bytes of a PPP frame damage may touch: direction, address and control, and the high byte of an
    uncompressed protocol (a changed high byte names another protocol, never IPv4 or IPv6 over the other's packet:
    IPv4 that holds IPv6 is the IP oracles' business, as is damaged IP)."""
    at = 1 if direction else 0
    if len(data) > at and data[at] == 0xFF:
        at += 2
    return at + (0 if len(data) > at and data[at] & 1 else 1)


def damage(frames, rng, direction):
    """Each frame with one byte of its PPP header set at random (see ppp_damageable), the rest kept. Never 0x7e: tcpdump
    takes a protocol of 0x7eXX for an HDLC escape and un-escapes the frame, a path RawNet does not follow (tshark does not
    either)."""
    out = []
    for data, caplen in frames:
        reach = min(len(data), ppp_damageable(data, direction))
        if reach > 0:
            at = rng.randrange(reach)
            value = rng.choice([b for b in range(256) if b != 0x7E])
            data = data[:at] + bytes([value]) + data[at + 1:]
        out.append((data, caplen))
    return out


def main():
    outdir = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else None
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(seed)
    files = {
        "ppp.pcap": (9, ppp_frames(), False),
        "ppp-hdlc.pcap": (50, ppp_frames(), False),
        "ppp-dir.pcap": (204, with_direction(ppp_frames()), True),
    }
    for name, (linktype, frames, direction) in files.items():
        if seed is not None:
            frames = damage(frames, rng, direction)
        write(os.path.join(outdir, name), linktype, frames)


if __name__ == "__main__":
    main()
