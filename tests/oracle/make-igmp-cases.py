#!/usr/bin/python3
"""Writes the IGMP capture for the tshark and tcpdump oracles of RawNet's IGMP decoder.

    make-igmp-cases.py OUTFILE         # the fixed cases, one pcap (captures/igmp/igmp-cases.pcap)
    make-igmp-cases.py DIRECTORY       # the same, as DIRECTORY/igmp-cases.pcap

The fixed cases: IGMPv1 query and report, IGMPv2 general and group-specific queries, report and leave, a query of 9
bytes (v2 by its max response time), IGMPv3 general, group and source-specific queries (max response codes with and
without the exponent, S and QRV), IGMPv3 reports with no record, with records of every type (and an unknown one), with
and without sources and with auxiliary data, a v2 report with bytes after its 8, types no dissector claims, bad checksums,
a v3 report whose record count runs past the message, messages cut by the capture length (snap length) at many
points, and RGMP's types to its group and to another. Every timestamp starts at 2023-11-14 22:13:20 UTC and steps 1 ms
per packet. Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import os
import socket
import struct
import sys

from scapy.layers.l2 import Ether
from scapy.layers.inet import IP, IPOption_Router_Alert
from scapy.packet import Raw
from scapy.utils import checksum

T0 = 1700000000
HOST, ROUTER = "192.0.2.10", "192.0.2.1"


def write(path, frames):
    """A microsecond pcap of (bytes, caplen or None), 1 ms apart."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def a(address):
    return socket.inet_aton(address)


def sign(body, bad=False, over=None):
    """Fills bytes 2-3 with the Internet checksum over the first `over` bytes (all when None); `bad` adds one."""
    body = bytearray(body)
    body[2:4] = b"\0\0"
    c = checksum(bytes(body[:over] if over else body))
    if bad:
        c = (c + 1) & 0xFFFF
    body[2:4] = struct.pack("!H", c)
    return bytes(body)


def frame(body, dst, src=HOST, alert=True):
    mac = "01:00:5e:%02x:%02x:%02x" % tuple(a(dst)[1:]) if a(dst)[0] >= 224 else "02:00:00:00:00:02"
    options = [IPOption_Router_Alert()] if alert else []
    return bytes(Ether(src="02:00:00:00:00:01", dst=mac) / IP(src=src, dst=dst, ttl=1, proto=2, options=options) / Raw(body))


def v12(kind, code, group, bad=False, extra=b""):
    return sign(struct.pack("!BBH4s", kind, code, 0, a(group)) + extra, bad, over=8)


def query3(code, group, s, qrv, qqic, sources, bad=False):
    body = struct.pack("!BBH4sBBH", 0x11, code, 0, a(group), (s << 3) | qrv, qqic, len(sources))
    return sign(body + b"".join(a(x) for x in sources), bad)


def record(rtype, group, sources=(), aux=b""):
    return struct.pack("!BBH4s", rtype, len(aux) // 4, len(sources), a(group)) + b"".join(a(x) for x in sources) + aux


def report3(records, bad=False, count=None):
    body = struct.pack("!BBHHH", 0x22, 0, 0, 0, len(records) if count is None else count)
    return sign(body + b"".join(records), bad)


def fixed_cases():
    report = report3([record(4, "239.1.1.1"), record(1, "232.1.1.1", ["10.0.0.1"]),
                      record(2, "239.2.2.2", ["10.0.0.2", "10.0.0.3"], aux=b"AUXD"), record(3, "239.3.3.3"),
                      record(5, "232.5.5.5", ["10.0.0.5"]), record(6, "232.6.6.6", ["10.0.0.6", "10.0.0.7"])])
    odd = report3([record(5, "232.7.7.7"), record(6, "232.8.8.8"), record(9, "232.9.9.9"), record(9, "232.9.9.10", ["10.0.0.9"]),
                   record(2, "239.4.4.4", ["10.0.0.4"]), record(3, "239.5.5.5", ["10.0.0.5", "10.0.0.6"])])
    cases = [
        frame(v12(0x11, 0, "0.0.0.0"), "224.0.0.1", ROUTER, alert=False),
        frame(v12(0x12, 0, "239.1.2.3"), "239.1.2.3", alert=False),
        frame(v12(0x11, 100, "0.0.0.0"), "224.0.0.1", ROUTER),
        frame(v12(0x11, 10, "239.1.1.1"), "239.1.1.1", ROUTER),
        frame(v12(0x16, 0, "239.1.1.1"), "239.1.1.1"),
        frame(v12(0x17, 0, "239.1.1.1"), "224.0.0.2"),
        frame(v12(0x17, 0, "0.0.0.0"), "224.0.0.2"),
        frame(v12(0x16, 0, "0.0.0.0"), "224.0.0.22"),
        frame(v12(0x11, 20, "0.0.0.0", extra=b"\x01"), "224.0.0.1", ROUTER),
        frame(v12(0x16, 0, "239.9.9.9", extra=b"\x00\x00\x00\x00"), "239.9.9.9"),
        frame(query3(100, "0.0.0.0", 0, 2, 125, []), "224.0.0.1", ROUTER),
        frame(query3(0x8a, "232.1.1.1", 1, 7, 0x9f, []), "232.1.1.1", ROUTER),
        frame(query3(0xff, "232.1.1.1", 0, 0, 10, ["10.0.0.1"]), "232.1.1.1", ROUTER),
        frame(query3(10, "232.1.1.1", 1, 2, 20, ["10.0.0.1", "10.0.0.2", "10.0.0.3"]), "232.1.1.1", ROUTER),
        frame(query3(10, "0.0.0.0", 0, 2, 20, ["10.0.0.1"]), "224.0.0.1", ROUTER),
        frame(report3([]), "224.0.0.22"),
        frame(report, "224.0.0.22"),
        frame(odd, "224.0.0.22"),
        frame(sign(struct.pack("!BBH4s", 0x33, 7, 0, a("239.1.1.1"))), "224.0.0.22"),
        frame(sign(struct.pack("!BBH4s", 0x10, 0, 0, a("239.1.1.1"))), "224.0.0.22"),
        frame(sign(bytes([0x99])), "224.0.0.22"),
        frame(v12(0x16, 0, "239.1.1.1", bad=True), "239.1.1.1"),
        frame(v12(0x11, 0, "0.0.0.0", bad=True), "224.0.0.1", ROUTER),
        frame(query3(100, "0.0.0.0", 0, 2, 125, [], bad=True), "224.0.0.1", ROUTER),
        frame(report3([record(4, "239.1.1.1")], bad=True), "224.0.0.22"),
        frame(report3([record(4, "239.1.1.1")], count=3), "224.0.0.22"),
        frame(report3([record(1, "232.1.1.1", ["10.0.0.1"])])[:-2], "224.0.0.22"),
        frame(v12(0x16, 0, "239.1.1.1")[:6], "239.1.1.1"),
        frame(v12(0x16, 0, "239.1.1.1")[:2], "239.1.1.1"),
        frame(query3(100, "232.1.1.1", 0, 2, 125, ["10.0.0.1"])[:14], "224.0.0.1", ROUTER),
        frame(query3(100, "232.1.1.1", 0, 2, 125, ["10.0.0.1"])[:11], "224.0.0.1", ROUTER),
    ]
    frames = [(bytes(c), None) for c in cases]
    # Cut by the capture length: 14 (Ethernet) + 24 (IPv4 with the router alert) + the IGMP bytes kept.
    v2 = frame(v12(0x16, 0, "239.1.1.1"), "239.1.1.1")
    frames += [(v2, 38 + n) for n in (0, 1, 2, 3, 4, 6)]
    q3 = frame(query3(0x8a, "232.1.1.1", 1, 2, 125, ["10.0.0.1", "10.0.0.2"]), "232.1.1.1", ROUTER)
    frames += [(q3, 38 + n) for n in (1, 2, 4, 8, 9, 10, 11, 12, 14, 18)]
    r3 = frame(report, "224.0.0.22")
    frames += [(r3, 38 + n) for n in (1, 4, 6, 7, 8, 10, 12, 16, 20, 24, 28, 34, 40, 44)]
    v1 = frame(v12(0x12, 0, "239.1.2.3"), "239.1.2.3", alert=False)
    frames += [(v1, 34 + n) for n in (1, 2, 5)]
    unknown = frame(sign(struct.pack("!BBH4s", 0x33, 7, 0, a("239.1.1.1"))), "224.0.0.22")
    frames += [(unknown, 38 + n) for n in (1, 3)]
    # A short query cut after its type: tshark reads the second byte to choose v1 or v2 before it sets any column.
    frames += [(frame(v12(0x11, 0, "0.0.0.0"), "224.0.0.1", ROUTER), 38 + 1), (frame(v12(0x11, 100, "0.0.0.0"), "224.0.0.1", ROUTER), 38)]
    # RGMP (RFC 3488): its four types to 224.0.0.25, one to another group (tshark's RGMP refuses it), a bad checksum,
    # bytes after its 8, and cuts.
    rgmp = [sign(struct.pack("!BBH4s", t, 0, 0, a(g))) for t, g in ((0xff, "0.0.0.0"), (0xfe, "0.0.0.0"), (0xfd, "239.1.1.1"), (0xfc, "239.1.1.1"))]
    frames += [(frame(r, "224.0.0.25"), None) for r in rgmp]
    frames += [(frame(rgmp[2], "224.0.0.2"), None), (frame(sign(struct.pack("!BBH4s", 0xfd, 0, 0, a("239.1.1.1")), bad=True), "224.0.0.25"), None),
               (frame(sign(struct.pack("!BBH4sI", 0xfd, 7, 0, a("239.1.1.1"), 5)), "224.0.0.25"), None)]
    frames += [(frame(rgmp[2], "224.0.0.25"), 38 + n) for n in (1, 2, 3, 6)]
    return frames


if __name__ == "__main__":
    out = sys.argv[1]
    write(os.path.join(out, "igmp-cases.pcap") if os.path.isdir(out) else out, fixed_cases())
