#!/usr/bin/python3
"""Writes captures/trailer/: frames whose bytes after what they carry are padding, a trailer and an FCS, for the tshark
oracle of eth.padding, eth.trailer, eth.fcs, vlan.trailer, ieee8021ah.trailer and sll.trailer.

    make-trailer-cases.py OUTDIR

ethernet.pcap (LINKTYPE_ETHERNET): IPv4, IPv6 and ARP frames with no trailer, zero and non-zero padding to 60 bytes,
padding that stops short of 60, a 4-byte FCS-like tail on frames of 64 bytes or more (tshark's guess) and on shorter
ones, longer trailers, 802.3 LLC frames bounded by their length, VLAN and 802.1ad tagged frames, IP lengths that lie
(past the frame, below the header, 0), trailers VSS Monitoring's, Ixia's and Gigamon's heuristics take (and near misses:
a bad checksum, a wrong length byte), and frames cut by the capture inside the padding, the trailer and the FCS.
sll.pcap (LINKTYPE_LINUX_SLL) and sll2.pcap (LINKTYPE_LINUX_SLL2): padded and trailed IPv4 behind the cooked headers.
Every timestamp starts at 2023-11-14 22:13:20 UTC and steps 1 ms per packet.
Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import os
import struct
import sys

from scapy.all import ARP, IP, UDP, TCP, Dot1AD, Dot1Q, Ether, IPv6, LLC, CookedLinux, Raw, wrpcap
from scapy.layers.l2 import CookedLinuxV2

START = 1_700_000_000
MAC = dict(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb")


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while s > 0xFFFF:
        s = (s & 0xFFFF) + (s >> 16)
    return struct.pack("!H", ~s & 0xFFFF)


def summed_trailer(tlvs, signature, bad=False, length=None):
    body = tlvs + bytes([len(tlvs) if length is None else length]) + struct.pack("!H", signature)
    sum_ = checksum(body)
    if bad:
        sum_ = bytes([sum_[0] ^ 0xFF, sum_[1]])
    return body + sum_


IXIA = lambda **k: summed_trailer(b"\x01\x02\x05\xdc", 0xAF12, **k)
IXIA_LONG = lambda **k: summed_trailer(b"\x01\x02\x05\xdc" + b"\x03\x08" + struct.pack("!II", START, 5000), 0xAF12, **k)
GIGAMON = lambda **k: summed_trailer(b"\x02\x02\x05\xdc", 0x22E5, **k)


def vss(seconds=START, port=None):
    return struct.pack("!II", seconds, 123456) + (b"" if port is None else bytes([port]))


def eth(inner, tail=b"", **kw):
    return bytes(Ether(**MAC, **kw) / inner) + tail


def ip4(payload=b"hi"):
    return IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=1000, dport=2000) / payload


def big4():
    return IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=1000, dport=2000) / (b"x" * 30)


def ip6():
    return IPv6(src="2001:db8::1", dst="2001:db8::2") / UDP(sport=1000, dport=2000) / b"a"


def arp():
    return ARP(psrc="10.0.0.1", pdst="10.0.0.2", hwsrc=MAC["src"])


def llc(payload, tail=b""):
    body = bytes(LLC(dsap=0x42, ssap=0x42, ctrl=3) / payload)
    return bytes(Ether(**MAC, type=len(body))) + body + tail


def ethernet_frames():
    """(bytes, wire length or None) pairs."""
    z = lambda n: b"\0" * n
    frames = [
        eth(ip4()),                                         # 44 bytes, nothing after IPv4
        eth(ip4(), z(16)),                                  # zero padding to 60
        eth(ip4(), z(15) + b"\1"),                          # non-zero padding: a trailer
        eth(ip4(), b"\1" + z(15)),
        eth(ip4(), z(16) + b"\xde\xad\xbe\xef"),            # padding and a guessed FCS
        eth(ip4(), z(16) + b"\xde\xad\xbe\xef\1\2\3\4\5"),  # padding, trailer, FCS
        eth(ip4(), z(16) + b"\1\2\3"),                      # padding and a trailer too short for an FCS
        eth(ip4(), z(10)),                                  # padding short of 60: a trailer
        eth(ip4(), b"\1\2\3"),                              # frame under 60
        eth(ip4(), b"\1" * 16 + b"\1\2\3\4"),               # non-zero padding, FCS
        eth(big4(), b"\xaa\xbb\xcc\xdd"),                   # long frame, FCS only
        eth(big4(), b"\xaa\xbb"),                           # long frame, 2 bytes: a trailer
        eth(big4(), b"\xaa" * 12),                          # long frame, trailer and FCS
        eth(ip6()),
        eth(ip6(), b"\1\2\3\4"),
        eth(ip6(), z(3)),
        eth(arp()),
        eth(arp(), z(18)),
        eth(arp(), z(18) + b"\x11\x22\x33\x44"),
        eth(arp(), b"\x55" * 22),
        llc(b"abc"),
        llc(b"abc", z(40)),
        llc(b"abc", z(40) + b"\1\2\3\4"),
        llc(b"abc" + z(40), b"\1\2\3\4\5\6"),
        eth(Dot1Q(vlan=5) / ip4(), z(12)),
        eth(Dot1Q(vlan=5) / ip4(), z(12) + b"\1\2\3\4"),
        eth(Dot1Q(vlan=5) / big4(), b"\xaa\xbb\xcc\xdd"),
        eth(Dot1Q(vlan=5) / ip4(), z(8)),
        eth(Dot1AD(vlan=7) / Dot1Q(vlan=5) / ip4(), z(8) + b"\1\2\3\4"),
        eth(Dot1Q(vlan=5) / LLC(dsap=0x42, ssap=0x42, ctrl=3) / b"abc", z(30)),
        # trailer heuristics: VSS Monitoring's time stamp (and port stamp), Ixia's and Gigamon's summed trailers
        eth(big4(), vss()),
        eth(big4(), vss(port=3)),
        eth(ip4(), z(16) + vss()),
        eth(big4(), vss(seconds=START - 90 * 86400)),
        eth(big4(), IXIA()),
        eth(ip4(), z(16) + IXIA()),
        eth(big4(), IXIA() + b"\x01\x02\x03\x04"),
        eth(big4(), IXIA_LONG() + b"\x01\x02\x03\x04"),
        eth(big4(), IXIA(bad=True)),
        eth(big4(), IXIA(length=3)),
        eth(big4(), GIGAMON()),
        eth(ip4(), z(16) + GIGAMON()),
        eth(big4(), GIGAMON(bad=True)),
        eth(big4(), GIGAMON() + b"\x01\x02\x03\x04"),
        eth(big4(), b"\x02\x01\x07" + GIGAMON()),
        # IPv4 lengths that lie
        eth(IP(bytes(ip4())[:2] + struct.pack("!H", 200) + bytes(ip4())[4:]), z(16)),
        eth(IP(bytes(ip4())[:2] + struct.pack("!H", 10) + bytes(ip4())[4:]), z(16)),
        eth(IP(bytes(ip4())[:2] + struct.pack("!H", 0) + bytes(ip4())[4:]), z(16)),
        llc(b"abc", z(3))[:12] + struct.pack("!H", 300) + llc(b"abc", z(3))[14:],
    ]
    out = [(f, None) for f in frames]
    # cut by the capture: inside the padding, the trailer and the FCS
    cuts = [
        (eth(ip4(), z(16) + b"\xde\xad\xbe\xef"), [44, 50, 60, 62]),
        (eth(ip4(), z(16) + b"\xde\xad\xbe\xef\1\2\3\4\5"), [60, 63, 65, 66]),
        (eth(ip4(), b"\1" * 16 + b"\1\2\3\4"), [44, 50, 62]),
        (eth(big4(), b"\xaa" * 12), [72, 76, 80, 82]),
        (eth(Dot1Q(vlan=5) / ip4(), z(12) + b"\1\2\3\4"), [50, 60, 62]),
        (llc(b"abc", z(40) + b"\1\2\3\4"), [20, 30, 60, 62]),
        (eth(big4(), vss(port=3)), [74, 80, 82]),
        (eth(big4(), IXIA()), [74, 78]),
    ]
    for frame, lengths in cuts:
        for n in lengths:
            out.append((frame[:n], len(frame)))
    return out


def cooked_frames(v2):
    z = lambda n: b"\0" * n
    out = []
    for tail in [b"", z(14), z(14) + b"\1\2\3\4", b"\1" * 16, z(10), z(14) + b"\1\2\3\4\5\6"]:
        if v2:
            head = CookedLinuxV2(proto=0x800, pkttype=0, lladdrtype=1, lladdrlen=6, src=b"\0\x11\x22\x33\x44\x55\0\0")
        else:
            head = CookedLinux(pkttype=0, lladdrtype=1, lladdrlen=6, src=b"\0\x11\x22\x33\x44\x55\0\0", proto=0x800)
        out.append((bytes(head / ip4()) + tail, None))
    return out


def write(path, frames, linktype=None):
    packets = []
    for i, (data, wire) in enumerate(frames):
        if linktype is None:
            p = Ether(data)
        else:
            p = Raw(data)
        p.time = START + i / 1000
        if wire is not None:
            p.wirelen = wire
        packets.append(p)
    wrpcap(path, packets, linktype=linktype if linktype is not None else 1)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "ethernet.pcap"), ethernet_frames())
    write(os.path.join(out, "sll.pcap"), cooked_frames(False), linktype=113)
    write(os.path.join(out, "sll2.pcap"), cooked_frames(True), linktype=276)


if __name__ == "__main__":
    main()
