#!/usr/bin/python3
"""Writes pcapng files whose frame fields come from the file itself, for the tshark oracle of RawNet's pcapng reader.

    make-pcapng-frame-cases.py OUTDIR

Files: frame-options.pcapng: three sections (the second big-endian); interfaces with if_name and if_description, with
either or neither, Ethernet and raw IP; enhanced packet blocks without options, with epb_flags of every direction,
reception type, FCS length, reserved and error bit, simple and obsolete packet blocks (pack_flags), custom blocks
(copyable 0x0BAD and not 0x40000BAD) and unknown blocks between packets. odd-options.pcapng: options tshark reads
past (an unknown option, a comment, no end of options, the flags twice, bytes left over). damaged-flags-short.pcapng
and damaged-flags-long.pcapng: an epb_flags of 2 and of 8 bytes, where tshark stops calling the file damaged.
fcs-length.pcapng: FCS lengths in epb_flags on frames whose ends they cut differently (fcs_frames).
p2p-direction.pcapng: PPP with direction, MTP2 with pseudo-header, Linux LAPD, Bluetooth H4 with direction and SDLC,
whose pseudo-header direction tshark puts before epb_flags' (frame.p2p_dir), without flags and with either direction.
Pure Python: no scapy needed. Running it again writes the same bytes.
"""
import os
import struct
import sys

BASE_TIME = 1700000000  # 2023-11-14 22:13:20 UTC


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


class Section:
    def __init__(self, big_endian=False):
        self.e = ">" if big_endian else "<"
        self.blocks = []

    def block(self, block_type, body):
        body = pad4(body)
        total = 12 + len(body)
        self.blocks.append(struct.pack(self.e + "II", block_type, total) + body + struct.pack(self.e + "I", total))

    def option(self, code, value):
        return struct.pack(self.e + "HH", code, len(value)) + pad4(value)

    def options(self, *opts, end=True):
        data = b"".join(self.option(c, v) for c, v in opts)
        return data + (struct.pack(self.e + "HH", 0, 0) if end and opts else b"")

    def shb(self):
        self.block(0x0A0D0D0A, struct.pack(self.e + "IHHq", 0x1A2B3C4D, 1, 0, -1))

    def idb(self, link_type, name=None, description=None, resolution=None):
        opts = []
        if name is not None:
            opts.append((2, name.encode()))
        if description is not None:
            opts.append((3, description.encode()))
        if resolution is not None:
            opts.append((9, bytes([resolution])))
        self.block(1, struct.pack(self.e + "HHI", link_type, 0, 0) + self.options(*opts))

    def epb(self, interface, n, data, flags=None, raw_options=None):
        ts = (BASE_TIME + n // 1000) * 1000000 + (n % 1000) * 1000
        opts = raw_options if raw_options is not None else (
            self.options((2, struct.pack(self.e + "I", flags))) if flags is not None else b"")
        self.block(6, struct.pack(self.e + "IIIII", interface, ts >> 32, ts & 0xFFFFFFFF, len(data), len(data)) + pad4(data) + opts)

    def spb(self, data):
        self.block(3, struct.pack(self.e + "I", len(data)) + pad4(data))

    def opb(self, interface, n, data, flags=None):
        ts = (BASE_TIME + n // 1000) * 1000000 + (n % 1000) * 1000
        opts = self.options((2, struct.pack(self.e + "I", flags))) if flags is not None else b""
        self.block(2, struct.pack(self.e + "HHIIII", interface, 0, ts >> 32, ts & 0xFFFFFFFF, len(data), len(data)) + pad4(data) + opts)

    def custom(self, pen, data, copy=True):
        self.block(0x00000BAD if copy else 0x40000BAD, struct.pack(self.e + "I", pen) + data)

    def bytes(self):
        return b"".join(self.blocks)


def udp_frame(i):
    """An Ethernet frame with IPv4 UDP from 198.18.0.1:10000+i to 198.18.0.2:53 (checksums left 0 / computed)."""
    payload = bytes([i & 0xFF]) * 8
    udp = struct.pack(">HHHH", 10000 + i, 53, 8 + len(payload), 0) + payload
    total = 20 + len(udp)
    header = struct.pack(">BBHHHBBH4s4s", 0x45, 0, total, i, 0, 64, 17, 0, bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2]))
    s = sum(struct.unpack(">10H", header))
    s = (s & 0xFFFF) + (s >> 16)
    s = (s & 0xFFFF) + (s >> 16)
    header = header[:10] + struct.pack(">H", ~s & 0xFFFF) + header[12:]
    return header + udp


def ether(i):
    return bytes.fromhex("020000000002020000000001") + b"\x08\x00" + udp_frame(i)


FLAG_CASES = [0, 1, 2, 3, 1 << 2, 2 << 2, 3 << 2, 4 << 2, 7 << 2, 4 << 5, 15 << 5, 1 << 9, 0x7F << 9, 0xFFFF << 16,
              1 << 24, 1 << 25, 1 << 26, 1 << 27, 1 << 28, 1 << 29, 1 << 30, 1 << 31, 0xFFFFFFFF, 0x1 | (2 << 2) | (4 << 5) | (1 << 24)]


def frame_options():
    out = b""
    n = 0
    s = Section()
    s.shb()
    s.idb(1, name="eth0", description="Intel Corporation 82540EM Gigabit Ethernet Controller", resolution=9)
    s.idb(101, description="raw IP, described but not named")
    s.idb(1)
    s.idb(1, name="wlan0 \u00e9t\u00e9")
    for flags in [None] + FLAG_CASES:
        s.epb(0, n, ether(n), flags)
        n += 1
    s.epb(1, n, udp_frame(n), 2)
    n += 1
    s.custom(32473, b"between packets, copyable")
    s.epb(2, n, ether(n))
    n += 1
    s.custom(32473, b"not to be copied", copy=False)
    s.custom(32473, b"")
    s.block(0x12345678, b"unknown block")
    s.epb(3, n, ether(n), 1)
    n += 1
    s.spb(ether(n))
    n += 1
    s.opb(0, n, ether(n), 2)
    n += 1
    s.opb(2, n, ether(n))
    n += 1
    out += s.bytes()
    s = Section(big_endian=True)
    s.shb()
    s.idb(1, name="second section, big-endian")
    s.idb(101)
    s.epb(1, n, udp_frame(n), 1 | (3 << 2) | (4 << 5))
    n += 1
    s.epb(0, n, ether(n))
    n += 1
    s.custom(1, b"pen 1", copy=True)
    s.epb(0, n, ether(n), 2)
    n += 1
    out += s.bytes()
    s = Section()
    s.shb()
    s.custom(32473, b"before any interface")
    s.idb(1, description="third section")
    s.epb(0, n, ether(n), 0)
    n += 1
    out += s.bytes()
    return out


def ip_udp(i, payload, sport=40000, dport=40001):
    """IPv4 UDP from 198.18.0.1 to 198.18.0.2 with a computed header checksum (the UDP checksum left 0)."""
    udp = struct.pack(">HHHH", sport, dport, 8 + len(payload), 0) + payload
    header = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), i, 0, 64, 17, 0, bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2]))
    s = sum(struct.unpack(">10H", header))
    s = (s & 0xFFFF) + (s >> 16)
    s = (s & 0xFFFF) + (s >> 16)
    return header[:10] + struct.pack(">H", ~s & 0xFFFF) + header[12:] + udp


MACS = bytes.fromhex("020000000002020000000001")


def fcs_frames(i, fcs):
    """Frames whose ends an FCS length in epb_flags cuts differently: short and long IPv4, a trailer after IP, 802.3
    SNAP, ARP with padding (64 bytes), IPv6, a VLAN tag, and a frame barely longer than its header. Not made, as RawNet
    does not follow tshark there: a VLAN tag with an FCS length other than 0 or 4 (tshark shows the trailer in the
    Ethernet header then), and 802.3 with one that cuts into what the length covers and leaves a padding of non-zeros
    (its expert item)."""
    ipv6 = struct.pack(">IHBB16s16s", 0x60000000, 8 + 40, 17, 64, bytes.fromhex("20010db8" + "00" * 11 + "01"),
                       bytes.fromhex("20010db8" + "00" * 11 + "02")) + struct.pack(">HHHH", 40000, 40001, 48, 0) + bytes(range(40))
    snap = ip_udp(i, b"snap" * 4)
    arp = bytes.fromhex("0001080006040001") + bytes.fromhex("020000000001") + bytes([198, 18, 0, 1]) + bytes(6) + bytes([198, 18, 0, 2])
    return [
        MACS + b"\x08\x00" + ip_udp(i, bytes([i & 0xFF]) * 8),
        MACS + b"\x08\x00" + ip_udp(i, bytes(range(60))),
        MACS + b"\x08\x00" + ip_udp(i, b"abcdefgh") + b"\xab" * 20,
    ] + ([MACS + struct.pack(">H", 8 + len(snap)) + b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + snap + bytes(6)] if fcs < 15 else []) + [
        MACS + b"\x08\x06" + arp + bytes(22),
        MACS + b"\x86\xdd" + ipv6,
        MACS + b"\x08\x00\x45\x00",
    ] + ([MACS + b"\x81\x00\x00\x64\x08\x00" + ip_udp(i, bytes(range(30)))] if fcs in (0, 4) else [])


def fcs_length():
    """epb_flags FCS lengths 1 to 15 (and none) on each of fcs_frames' kinds: tshark's Ethernet takes a length of 4 for the
    FCS and any other off what the EtherType carries."""
    s = Section()
    s.shb()
    s.idb(1, name="eth0")
    n = 0
    for length in [0, 1, 2, 3, 4, 5, 8, 15]:
        for frame in fcs_frames(n, length):
            s.epb(0, n, frame, length << 5 if length else None)
            n += 1
    return s.bytes()


def odd_options():
    """Options tshark reads past: an unknown one, a comment, no end of options, the flags twice, bytes left over."""
    s = Section()
    s.shb()
    s.idb(1, name="odd options")
    n = 0
    s.epb(0, n, ether(n), raw_options=s.options((0x7FFF, b"xyz"), (2, struct.pack("<I", 1))))
    n += 1
    s.epb(0, n, ether(n), raw_options=s.options((1, b"a comment"), (2, struct.pack("<I", 2))))
    n += 1
    s.epb(0, n, ether(n), raw_options=s.options((2, struct.pack("<I", 1)), (2, struct.pack("<I", 2)), end=False))
    n += 1
    s.epb(0, n, ether(n), raw_options=s.options((2, struct.pack("<I", 2)), end=False) + b"\0\0\0\0")
    n += 1
    s.epb(0, n, ether(n), raw_options=s.options((2, struct.pack("<I", 1)), end=True) + s.options((2, struct.pack("<I", 2))))
    n += 1
    return s.bytes()


def damaged(flags_value):
    """One good packet, then an epb_flags option of the wrong length: tshark calls the file damaged there."""
    s = Section()
    s.shb()
    s.idb(1)
    s.epb(0, 0, ether(0), 1)
    s.epb(0, 1, ether(1), raw_options=s.options((2, flags_value)))
    s.epb(0, 2, ether(2), 2)
    return s.bytes()


def p2p_direction():
    """Link types whose direction pseudo-header tshark reads into p2p_dir, on their own and against epb_flags."""
    s = Section()
    s.shb()
    s.idb(204, name="ppp with direction")
    s.idb(139, name="mtp2 with pseudo-header")
    s.idb(177, name="linux lapd")
    s.idb(201, name="bluetooth h4 with direction")
    s.idb(268, name="sdlc")
    ppp = b"\xff\x03\x00\x21" + udp_frame(0)
    n = 0
    for flags in (None, 1, 2):
        for direction in (0, 1, 0x80):
            s.epb(0, n, bytes([direction]) + ppp, flags)
            n += 1
        for sent in (0, 1, 2):
            s.epb(1, n, struct.pack("<BBH", sent, 0, 3) + b"\x01\x02\x3f", flags)
            n += 1
        for packet_type in range(6):
            s.epb(2, n, struct.pack(">HHH8sH", packet_type, 0, 0, b"\0" * 8, 0x0030) + b"\x00\x01\x03\x08", flags)
            n += 1
        for direction in (0, 1, 2, 3):
            s.epb(3, n, struct.pack(">I", direction) + b"\x01\x03\x0c\x00", flags)
            n += 1
        s.epb(4, n, b"\x01\x02\x03", flags)
        n += 1
    return s.bytes()


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, data in [("frame-options.pcapng", frame_options()), ("odd-options.pcapng", odd_options()),
                       ("damaged-flags-short.pcapng", damaged(b"\x01\x00")), ("damaged-flags-long.pcapng", damaged(b"\x01\x00\x00\x00\x00\x00\x00\x00")),
                       ("p2p-direction.pcapng", p2p_direction()), ("fcs-length.pcapng", fcs_length())]:
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
