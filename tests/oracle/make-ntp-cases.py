#!/usr/bin/python3
"""Writes captures/ntp/ntp-cases.pcap for the tshark and tcpdump oracles of RawNet's NTP decoding.

    make-ntp-cases.py OUTFILE         # the fixed cases, one pcap (captures/ntp/ntp-cases.pcap)
    make-ntp-cases.py DIRECTORY       # the same, as DIRECTORY/ntp-cases.pcap

The cases: client and server exchanges in versions 4 and 3 (IPv4 and IPv6), broadcast, symmetric active and passive,
mode 0, versions 0, 1, 2, 5 and 7; stratum 0 with kiss codes, stratum 1 with reference source names, secondary
servers' address reference IDs, stratum 16 and 62; negative and large poll intervals; timestamps at the era edges
(zero, a fraction alone, 1968, 2036, 2104); extension fields with and without MACs, crypto-NAKs, MACs of 20, 24 and 68
bytes, extension lengths tshark refuses; control (mode 6) requests and responses and private (mode 7) ones; a datagram
from Geneve's port to 123; and damaged variants: messages shorter than their header, an empty datagram, and messages
cut by the capture length (snap length) at several points. Every timestamp starts at 2023-11-14 22:13:20 UTC and
steps 1 ms per packet. Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import os
import struct
import sys

from scapy.layers.inet import IP, UDP
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import Ether
from scapy.packet import Raw

T0 = 1700000000
CLIENT = "02:00:00:00:00:01"
SERVER = "02:00:00:00:00:02"


def write(path, frames):
    """A microsecond pcap of (bytes, caplen or None), 1 ms apart."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def ts(seconds):
    """A 64-bit NTP timestamp of a float number of seconds since 1900."""
    return int(seconds * 2 ** 32) & 0xFFFFFFFFFFFFFFFF


def ntp(li=0, vn=4, mode=3, stratum=0, poll=6, precision=-20, delay=0, dispersion=0, refid=b"\0\0\0\0",
        ref=0, org=0, rec=0, xmt=0, extra=b""):
    return struct.pack("!BBbbII4sQQQQ", (li << 6) | (vn << 3) | mode, stratum, poll, precision, delay, dispersion,
                       refid, ref, org, rec, xmt) + extra


def ext(kind, length, fill=b"e"):
    return struct.pack("!HH", kind, length) + (fill * length)[:length - 4]


def frame(payload, src="192.0.2.10", dst="192.0.2.1", sport=49152, dport=123, v6=False, tail=b""):
    ip = IPv6(src="2001:db8::10", dst="2001:db8::1") if v6 else IP(src=src, dst=dst)
    return bytes(Ether(src=CLIENT, dst=SERVER) / ip / UDP(sport=sport, dport=dport) / Raw(payload)) + tail


def control(r=0, e=0, m=0, op=2, seq=1, status=0, assoc=0, offset=0, data=b"", vn=2):
    return struct.pack("!BBHHHHH", (vn << 3) | 6, (r << 7) | (e << 6) | (m << 5) | op, seq, status, assoc, offset,
                       len(data)) + data


def private(r=0, more=0, vn=2, auth=0, seq=0, impl=3, code=4, rest=b"\0" * 4):
    return bytes([(r << 7) | (more << 6) | (vn << 3) | 7, (auth << 7) | seq, impl, code]) + rest


def cases():
    now = 3909000000.25
    out = []
    add = lambda payload, caplen=None, **kw: out.append((frame(payload, **kw), caplen))
    # client and server, v4 and v3
    add(ntp(xmt=ts(now)))
    add(ntp(mode=4, stratum=2, poll=6, precision=-23, delay=0x00000123, dispersion=0x00010a3d, refid=bytes([192, 0, 2, 200]),
            ref=ts(now - 512.5), org=ts(now), rec=ts(now + 0.000125), xmt=ts(now + 0.000250)),
        src="192.0.2.1", dst="192.0.2.10", sport=123, dport=49152)
    add(ntp(vn=3, xmt=ts(now + 1)), sport=123)
    add(ntp(vn=3, mode=4, stratum=1, poll=10, precision=-29, refid=b"GPS\0", ref=ts(now - 3), org=ts(now + 1),
            rec=ts(now + 1.5), xmt=ts(now + 1.25)), src="192.0.2.1", dst="192.0.2.10", sport=123, dport=123)
    for refid in (b"PPS\0", b"LOCL", b"XYZW", b"\x01\x02\x7f\xff"):
        add(ntp(mode=4, stratum=1, refid=refid, xmt=ts(now + 2)), src="192.0.2.1", dst="192.0.2.10", sport=123, dport=49153)
    # kiss codes and leap indicators
    for li, refid in ((3, b"RATE"), (3, b"DENY"), (0, b"RSTR"), (3, b"INIT"), (1, b"\0\0\0\0"), (2, b"ABCD")):
        add(ntp(li=li, mode=4, stratum=0, refid=refid, org=ts(now)), src="192.0.2.1", dst="192.0.2.10", sport=123, dport=49152)
    # other modes and versions
    add(ntp(mode=5, stratum=3, poll=6, refid=bytes([10, 0, 0, 1]), ref=ts(now - 60), xmt=ts(now)), dst="224.0.1.1", sport=123)
    add(ntp(vn=3, mode=1, stratum=2, refid=bytes([10, 0, 0, 2]), xmt=ts(now)), sport=123)
    add(ntp(vn=3, mode=2, stratum=2, refid=bytes([10, 0, 0, 3]), org=ts(now), rec=ts(now), xmt=ts(now)), sport=123)
    add(ntp(mode=0))
    for vn in (0, 1, 2, 5, 7):
        add(ntp(vn=vn, xmt=ts(now)))
    # unusual header values
    add(ntp(poll=-3, precision=-6, stratum=16, refid=bytes([1, 2, 3, 4])))
    add(ntp(poll=17, precision=0, stratum=62, refid=bytes([127, 0, 0, 1])))
    add(ntp(poll=40, precision=127, stratum=255, delay=0xffffffff, dispersion=0x8000ffff))
    # timestamps at the era edges
    add(ntp(ref=1, org=2208988800 << 32, rec=(2208988800 << 32) | 1, xmt=0xFFFFFFFFFFFFFFFF))
    add(ntp(ref=0x80000000, org=0x7FFFFFFF << 32, rec=(0x80000000 << 32) | 0x80000000, xmt=0xFFFFFFFF << 32))
    add(ntp(mode=4, stratum=2, org=ts(now + 5), rec=ts(now), xmt=ts(now - 7.5)), sport=123)
    # extension fields and MACs
    key = struct.pack("!I", 42)
    add(ntp(extra=key + b"m" * 16))
    add(ntp(extra=key + b"m" * 20))
    add(ntp(extra=key + b"m" * 64))
    add(ntp(extra=b"\0\0\0\0"))
    add(ntp(extra=ext(0x0104, 16) + b"\0\0\0\0"))
    add(ntp(extra=ext(0x0104, 16) + ext(0x0204, 16)))
    add(ntp(extra=ext(0x0104, 16) + ext(0x0204, 24) + ext(0x0304, 16) + key + b"m" * 16))
    add(ntp(extra=ext(0x8002, 40) + key + b"m" * 20))
    add(ntp(extra=ext(0x0104, 16) + b"\0" * 8))
    add(ntp(extra=ext(0x0104, 6) + b"\0" * 12))
    add(ntp(extra=ext(0x0104, 18) + b"\0" * 14))
    add(ntp(extra=ext(0x0104, 18) + b"\0" * 22))
    add(ntp(extra=b"k" * 3))
    # control messages
    add(control(op=1, seq=7))
    add(control(r=1, op=1, seq=7, status=0x0618, data=struct.pack("!HH", 1234, 0x9614)), src="192.0.2.1", dst="192.0.2.10",
        sport=123, dport=49152)
    add(control(op=2, seq=8, assoc=1234))
    add(control(r=1, e=1, op=2, seq=8, status=0x0400, assoc=1234), sport=123)
    add(control(r=1, m=1, op=2, seq=9, status=0x9614, offset=0, data=b"version=\"ntpd 4.2.8\", leap=0\r\n"), sport=123)
    add(control(op=4, seq=10, assoc=0))
    add(control(op=31, seq=11, vn=4))
    # private messages
    add(private(code=4))
    add(private(r=1, code=4, rest=b"\0" * 4), sport=123)
    add(private(code=42, auth=1, seq=5, impl=2))
    add(private(r=1, more=1, code=0, impl=0), sport=123)
    add(private(code=200, impl=9))
    # IPv6
    add(ntp(xmt=ts(now)), v6=True)
    add(ntp(mode=4, stratum=2, refid=bytes([0x2a, 0x01, 0x02, 0x03]), org=ts(now), rec=ts(now), xmt=ts(now)), v6=True, sport=123)
    # from Geneve's port: tshark tries the lower port (NTP) first
    add(ntp(xmt=ts(now)), sport=6081, dport=123)
    # damaged: shorter than the header, empty, snap-cut
    add(ntp()[:30])
    add(ntp()[:1])
    add(ntp()[:47])
    add(control()[:4])
    add(private()[:2])
    add(b"")
    full = frame(ntp(mode=4, stratum=2, refid=bytes([192, 0, 2, 200]), xmt=ts(now), extra=ext(0x0104, 16) + key + b"m" * 16),
                 sport=123)
    for cut in (42, 43, 50, 60, 80, 90, 100, 110, 120):
        out.append((full, cut))
    ctl = frame(control(r=1, op=2, seq=9, status=0x9614, data=b"version=\"ntpd\"\r\n"), sport=123)
    for cut in (44, 50, 56):
        out.append((ctl, cut))
    return out


if __name__ == "__main__":
    target = sys.argv[1]
    write(os.path.join(target, "ntp-cases.pcap") if os.path.isdir(target) else target, cases())
