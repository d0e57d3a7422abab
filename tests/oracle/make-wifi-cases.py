#!/usr/bin/python3
"""Writes captures of IEEE 802.11 and its capture headers for the tshark and tcpdump oracles of RawNet's decoding.

    make-wifi-cases.py OUTDIR          # the fixed cases: one pcap per link type, named below
    make-wifi-cases.py OUTDIR SEED     # the same frames with a random byte of their capture or 802.11 header changed

Files: wlan.pcap (LINKTYPE_IEEE802_11, 105): data frames with every ToDS/FromDS combination, with and without QoS
control, carrying IPv4 (UDP, TCP, ICMP), IPv6 and ARP over LLC/SNAP; null data, protected (encrypted) data,
LLC without SNAP, SNAP with another OUI, management and control frames; a frame cut by the capture at every length
through its 802.11, LLC and IPv4 headers. wlan-htc.pcap (105): QoS data with an HT control field (the Order bit),
which tcpdump 4.99 does not know (so only tshark is compared on it). radiotap.pcap (LINKTYPE_IEEE802_11_RADIOTAP,
127): the fields tcpdump prints (TSFT, Flags, Rate, Channel, FHSS, signal and noise, lock quality, TX attenuation and
power, antenna, RX flags, MCS), extended and namespace-switching bitmaps, the FCS-at-end flag with a real FCS, the
data pad flag, and damaged headers: lengths below 8 and past the frame, bitmaps that never end, Flags past the header,
another version; and cuts at every length. ppi.pcap (192): without fields, with an 802.11-Common field with and without
the FCS flag, a short field, Ethernet inside, damaged lengths. prism.pcap (119): Prism headers and an AVS header
behind its magic. avs.pcap (163): AVS headers of both versions and damaged lengths. Every timestamp starts at
2023-11-14 22:13:20 UTC and steps 1 ms per packet. Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import importlib
import os
import random
import struct
import sys
import zlib

from scapy.layers.l2 import ARP

# The pcap writer and the IP packets are the point-to-point cases' own: one definition of each.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
_link = importlib.import_module("make-link-cases")
write, udp4, udp6, tcp4, echo4 = _link.write, _link.udp4, _link.udp6, _link.tcp4, _link.echo4
A, B = _link.A, _link.B
MAC = [bytes.fromhex("02000000000%d" % i) for i in range(1, 5)]


def arp():
    return bytes(ARP(op=1, hwsrc="02:00:00:00:00:02", psrc=A, pdst=B))


def snap(ethertype, oui=0):
    return b"\xaa\xaa\x03" + oui.to_bytes(3, "big") + struct.pack(">H", ethertype)


def dot11(ftype, subtype, flags=0, duration=0x013a, seq=0x1234, qos=None, htc=None, addresses=4):
    """An 802.11 MAC header: frame control, duration, the addresses the frame has, sequence control, addr4 for a
    data frame with both DS bits, QoS control and HT control."""
    fc = bytes([subtype << 4 | ftype << 2, flags])
    head = fc + struct.pack("<H", duration) + b"".join(MAC[:min(addresses, 3)])
    if addresses >= 3:
        head += struct.pack("<H", seq)
        if ftype == 2 and flags & 3 == 3:
            head += MAC[3]
    if qos is not None:
        head += struct.pack("<H", qos)
    if htc is not None:
        head += struct.pack("<I", htc)
    return head


def data(payload, ethertype=0x0800, flags=0, qos=None, htc=None):
    subtype = 8 if qos is not None else 0
    return dot11(2, subtype, flags, qos=qos, htc=htc) + snap(ethertype) + payload


def wlan_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    for ds in range(4):
        add(data(udp4(), flags=ds))
        add(data(tcp4(), flags=ds | 0x08, qos=0x0005))
    add(data(udp6(), 0x86DD, flags=1))
    add(data(echo4(), flags=2, qos=0x0026))
    add(data(arp(), 0x0806, flags=1))
    add(data(udp4(), flags=0x30))                                   # power management, more data
    add(dot11(2, 4, 1))                                             # null data
    add(dot11(2, 12, 1, qos=0x0007))                                # QoS null
    add(dot11(2, 0, 0x41) + bytes.fromhex("19180060") + b"\x00" * 4 + b"encrypted-body")   # protected
    add(dot11(2, 8, 0x42, qos=0x0000) + bytes.fromhex("0100002000000000") + b"ccmp-body")  # protected QoS
    add(dot11(2, 0, 1) + b"\x42\x42\x03" + b"\x00" * 35)            # LLC (STP SAPs), no SNAP
    add(dot11(2, 0, 1) + snap(0x0800, oui=0x00000C) + b"cisco")     # SNAP with another OUI
    add(dot11(2, 0, 1) + snap(0x0800, oui=0x0000F8) + udp4())       # 802.1H bridge tunnel
    add(dot11(2, 0, 1) + snap(0x1234) + b"unknown")                 # an EtherType RawNet leaves as data
    add(dot11(0, 8, 0) + b"\x00" * 12 + b"\x00\x04test")            # beacon
    add(dot11(0, 4, 0) + b"\x00\x00")                               # probe request
    add(dot11(1, 13, 0, addresses=1))                               # ACK
    add(dot11(1, 12, 0, addresses=1))                               # CTS
    add(dot11(1, 11, 0, addresses=2))                               # RTS
    add(dot11(1, 14, 0, addresses=2))                               # CF-End
    add(dot11(1, 9, 0, addresses=2) + b"\x04\x00" + b"\x10\x00" + b"\x00" * 8)   # BA
    add(dot11(1, 8, 0, addresses=2) + b"\x04\x00" + b"\x10\x00")                # BAR
    add(dot11(1, 10, 0, duration=0xC001, addresses=2))                           # PS-Poll
    whole = data(udp4(), flags=1, qos=0x0003)
    for cut in list(range(1, 24 + 2 + 8 + 21)) + [70]:
        add(whole, cut)
    return frames


def htc_frames():
    frames = []
    for ds in range(4):
        frames.append((data(udp4(), flags=ds | 0x80, qos=0x0001, htc=0x12345678), None))
    frames.append((dot11(0, 8, 0x80, htc=0x00000001) + b"\x00" * 14, None))   # management with HT control
    whole = data(udp4(), flags=1 | 0x80, qos=0x0001, htc=0x12345678)
    for cut in range(24, 24 + 2 + 4 + 9):
        frames.append((whole, cut))
    return frames


def radiotap(fields, words=None, version=0, length=None):
    """A radiotap header of (bit, alignment, bytes) fields, in bit order, with the present bitmaps given or made."""
    if words is None:
        present = 0
        for bit, _, _ in fields:
            present |= 1 << bit
        words = [present]
    body = b""
    start = 4 + 4 * len(words)
    for _, alignment, value in fields:
        while (start + len(body)) % alignment:
            body += b"\x00"
        body += value
    total = start + len(body) if length is None else length
    return struct.pack("<BBH", version, 0, total) + b"".join(struct.pack("<I", w) for w in words) + body


def tsft(value): return (0, 8, struct.pack("<Q", value))
def flags(value): return (1, 1, bytes([value]))
def rate(value): return (2, 1, bytes([value]))
def channel(freq, chflags): return (3, 2, struct.pack("<HH", freq, chflags))
def signal(dbm): return (5, 1, struct.pack("<b", dbm))
def noise(dbm): return (6, 1, struct.pack("<b", dbm))
def antenna(n): return (11, 1, bytes([n]))
def db_signal(db): return (12, 1, bytes([db]))


def with_fcs(frame):
    return frame + struct.pack("<I", zlib.crc32(frame) & 0xFFFFFFFF)


def radiotap_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    plain = data(udp4(), flags=1)
    add(radiotap([]) + plain)
    add(radiotap([tsft(123456789), flags(0x02), rate(2), channel(2437, 0x00A0), signal(-40), noise(-90), antenna(1), db_signal(50)]) + plain)
    add(radiotap([rate(108), channel(5180, 0x0140), signal(-60)]) + data(tcp4(), flags=2, qos=0))
    add(radiotap([rate(11), channel(2412, 0x0480), (4, 2, b"\x03\x07"), (7, 2, struct.pack("<H", 29)), (8, 2, struct.pack("<H", 3)),
                  (9, 2, struct.pack("<H", 4)), (10, 1, b"\x0e"), (13, 1, b"\x05"), (14, 2, b"\x00\x00")]) + data(udp6(), 0x86DD, flags=1))
    add(radiotap([channel(2412, 0x4080 | 0x0040), signal(-1)]) + plain)                     # 11g half rate
    add(radiotap([channel(5200, 0x8100 | 0x0040 | 0x0010)]) + plain)                        # 11a quarter rate, turbo
    add(radiotap([flags(0x10)]) + with_fcs(plain))                                          # FCS at end
    add(radiotap([tsft(1), flags(0x10 | 0x40 | 0x01 | 0x04 | 0x08)]) + with_fcs(plain))      # FCS, bad FCS, cfp, wep, frag
    add(radiotap([flags(0x30)]) + with_fcs(dot11(2, 8, 1, qos=3) + b"\x00\x00" + snap(0x0800) + udp4()))   # data pad
    add(radiotap([flags(0x10)]) + with_fcs(dot11(1, 13, 0, addresses=1)))                   # ACK with FCS
    for known, mflags, index in ((0x27, 0x00, 6), (0x1f, 0x1d, 0), (0x07, 0x05, 15), (0x02, 0, 3), (0x3f, 0x62, 31), (0x00, 0, 0)):
        add(radiotap([channel(2437, 0x0480), (19, 1, bytes([known, mflags, index]))]) + plain)
    # two radiotap-namespace bitmaps (antenna signal per antenna), as multi-antenna drivers write them
    words = [(1 << 5) | (1 << 29) | (1 << 31), (1 << 5) | (1 << 11) | (1 << 29) | (1 << 31), (1 << 5) | (1 << 11)]
    add(radiotap([signal(-48), signal(-50), antenna(0), signal(-54), antenna(1)], words=words) + plain)
    # damaged: lengths below 8 and past the frame, a bitmap that never ends, Flags past the header, another version
    add(radiotap([], length=4) + plain)
    add(radiotap([], length=7) + plain)
    add(radiotap([], length=200) + plain)
    add(radiotap([], words=[1 << 31] * 3, length=16) + plain)
    add(radiotap([], words=[1 << 31] * 2, length=12) + plain)
    add(radiotap([], words=[1 << 31] * 40, length=0xFFFF) + plain)
    add(radiotap([], words=[2], length=8) + plain)
    add(radiotap([], words=[3], length=16) + b"\x00" * 8 + plain[:0] + plain)
    add(radiotap([], version=1) + plain)
    add(radiotap([]) + b"\x08")
    whole = radiotap([tsft(5), flags(0x10), rate(2)]) + with_fcs(data(udp4(), flags=1))
    for cut in range(1, 18 + 24 + 8 + 21):        # through radiotap, 802.11, LLC and IPv4
        add(whole, cut)
    return frames


def ppi(fields, dlt=105, length=None):
    body = b"".join(struct.pack("<HH", t, len(d)) + d for t, d in fields)
    return struct.pack("<BBHI", 0, 0, 8 + len(body) if length is None else length, dlt) + body


def common(fcs):
    return struct.pack("<QHHHHBBbb", 99, 1 if fcs else 0, 2, 2437, 0x80, 0, 0, -40, -90)


def ppi_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    plain = data(udp4(), flags=1)
    add(ppi([]) + plain)
    add(ppi([(2, common(False))]) + data(tcp4(), flags=2, qos=1))
    add(ppi([(2, common(True))]) + with_fcs(plain))
    add(ppi([(2, b"\x00" * 4)]) + plain)                          # an 802.11-Common field of the wrong length
    add(ppi([(30000, b"vendor"), (2, common(True))]) + with_fcs(plain))
    add(ppi([(2, common(False))], dlt=1) + MAC[1] + MAC[0] + b"\x08\x00" + udp4())   # Ethernet inside
    add(ppi([], length=200) + plain)
    whole = ppi([(2, common(True))]) + with_fcs(plain)
    for cut in list(range(1, 8 + 24 + 24 + 8 + 21)):
        add(whole, cut)
    return frames


def prism(msglen=144):
    items = b"".join(struct.pack("<IHHI", 0x1041 + i * 0x1000, 0, 4, i) for i in range(10))
    return struct.pack("<II", 0x41, msglen) + b"wlan0".ljust(16, b"\x00") + items


def avs(length=64, version=0x80211001):
    return struct.pack(">II", version, length) + b"\x00" * max(0, length - 8)


def prism_frames():
    plain = data(udp4(), flags=1)
    frames = [(prism() + plain, None), (prism(100) + data(tcp4(), flags=2, qos=0), None), (avs() + plain, None),
              (avs(80, 0x80211002) + plain, None)]
    whole = prism() + plain
    frames += [(whole, cut) for cut in (1, 3, 4, 50, 143, 144, 145, 168, 170, 177, 178, 190)]
    return frames


def avs_frames():
    plain = data(udp4(), flags=1)
    frames = [(avs() + plain, None), (avs(80, 0x80211002) + data(udp6(), 0x86DD, flags=2), None), (avs(200) + plain, None),
              (avs(8) + plain, None), (struct.pack(">II", 0x80211001, 400) + plain, None)]
    whole = avs() + plain
    frames += [(whole, cut) for cut in (1, 4, 7, 8, 9, 63, 64, 65, 88, 96, 110)]
    return frames


def damage(frames, rng, window):
    """Each frame with one byte in window(frame) = (start, end) set at random, the rest kept."""
    out = []
    for data, caplen in frames:
        start, end = window(data)
        end = min(len(data), end)
        if end > start:
            at = rng.randrange(start, end)
            data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1:]
        out.append((data, caplen))
    return out


def radiotap_window(data):
    """The radiotap header."""
    return 0, struct.unpack_from("<H", data, 2)[0] if len(data) >= 4 else len(data)


def main():
    outdir = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else None
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(seed)
    # The capture headers are damaged, and of 802.11 only the duration: a damaged frame control sends tshark into
    # heuristics RawNet does not follow (mesh control, guessing whether a body is LLC, 802.11ah's PV1 frame control).
    # Prism: the message length (a damaged message code makes tshark read 802.11 from the first byte, and tcpdump still
    # from byte 144).
    duration = lambda d: (2, 4)
    files = {
        "wlan.pcap": (105, wlan_frames(), duration),
        "wlan-htc.pcap": (105, htc_frames(), duration),
        "radiotap.pcap": (127, radiotap_frames(), radiotap_window),
        "ppi.pcap": (192, ppi_frames(), lambda d: (0, 8 + 24)),
        "prism.pcap": (119, prism_frames(), lambda d: (4, 8)),
        "avs.pcap": (163, avs_frames(), lambda d: (0, 8)),
    }
    for name, (linktype, frames, window) in files.items():
        if seed is not None:
            frames = damage(frames, rng, window)
        write(os.path.join(outdir, name), linktype, frames)


if __name__ == "__main__":
    main()
