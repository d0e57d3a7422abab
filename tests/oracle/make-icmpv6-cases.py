#!/usr/bin/python3
"""Writes ICMPv6 captures for the tshark oracle of RawNet's ICMPv6 body fields.

    make-icmpv6-cases.py OUTFILE         # the fixed cases, one pcap
    make-icmpv6-cases.py OUTFILE SEED    # random neighbor discovery and MLD messages, options and damage instead

The fixed cases: router solicitation and advertisement (every RA flag, source link-layer address, MTU, prefix
information, RDNSS, DNSSL and route information options), neighbor solicitation and advertisement, redirect with its
target link-layer address and redirected header, MLDv1 query, report and done, an MLDv2 query with sources, an MLDv2
report with records, sources and auxiliary data, the four error messages with their MTU and pointer, an echo request and
its reply, a bad checksum, and damaged variants: an option of length 0, an option running past the message, a lone
byte after the options, a 16-byte link-layer address with and without EUI-64 padding, an MTU option with unknown data
after it, and messages cut by the capture length (snap length) at many points. Every timestamp starts at
2023-11-14 22:13:20 UTC and steps 1 ms per packet. Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import random
import struct
import sys

from scapy.layers.l2 import Ether
from scapy.layers.inet import UDP
from scapy.packet import Raw
from scapy.layers.inet6 import (IPv6, ICMPv6ND_RS, ICMPv6ND_RA, ICMPv6ND_NS, ICMPv6ND_NA, ICMPv6ND_Redirect,
                                ICMPv6NDOptSrcLLAddr, ICMPv6NDOptDstLLAddr, ICMPv6NDOptMTU, ICMPv6NDOptPrefixInfo,
                                ICMPv6NDOptRDNSS, ICMPv6NDOptDNSSL, ICMPv6NDOptRouteInfo, ICMPv6NDOptRedirectedHdr,
                                ICMPv6MLQuery, ICMPv6MLReport, ICMPv6MLDone, ICMPv6MLQuery2, ICMPv6MLReport2,
                                ICMPv6MLDMultAddrRec, ICMPv6PacketTooBig, ICMPv6ParamProblem, ICMPv6DestUnreach,
                                ICMPv6TimeExceeded, ICMPv6EchoRequest, ICMPv6EchoReply)

T0 = 1700000000
E = Ether(src="02:00:00:00:00:01", dst="33:33:00:00:00:01")
A, B = "fe80::1", "fe80::2"


def write(path, frames):
    """A microsecond pcap of (bytes, caplen or None), 1 ms apart."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def ip(src=A, dst=B, hlim=255):
    return E / IPv6(src=src, dst=dst, hlim=hlim)


def ns(body, target="fe80::4"):
    return ip() / ICMPv6ND_NS(tgt=target) / Raw(body)


def fixed_cases():
    ra = (ip() / ICMPv6ND_RA(M=1, O=1, H=1, prf=3, P=1, routerlifetime=600, reachabletime=1000, retranstimer=200)
          / ICMPv6NDOptSrcLLAddr(lladdr="02:00:00:00:00:01") / ICMPv6NDOptMTU(mtu=1400)
          / ICMPv6NDOptPrefixInfo(prefix="2001:db8::", prefixlen=64, L=1, A=0, R=1, res1=3)
          / ICMPv6NDOptRDNSS(dns=["2001:db8::53", "2001:db8::54"], lifetime=300)
          / ICMPv6NDOptDNSSL(searchlist=["example.com", "foo.org"])
          / ICMPv6NDOptRouteInfo(prefix="2001:db8:1::", plen=48, prf=1, rtlifetime=900))
    redirect = (ip() / ICMPv6ND_Redirect(tgt="fe80::5", dst="2001:db8::9") / ICMPv6NDOptDstLLAddr(lladdr="02:00:00:00:00:07")
                / ICMPv6NDOptRedirectedHdr(pkt=IPv6(src="2001:db8::1", dst="2001:db8::9") / ICMPv6EchoRequest(id=1, seq=2, data=b"hi")))
    records = [ICMPv6MLDMultAddrRec(rtype=4, dst="ff02::fb"),
               ICMPv6MLDMultAddrRec(rtype=1, dst="ff02::1:3", sources=["2001:db8::1"], auxdata=b"abcd", auxdata_len=1)]
    mldv2_report = ip(hlim=1) / ICMPv6MLReport2(records=records)
    quote = IPv6(src=B, dst=A) / UDP(sport=1, dport=2) / b"x"
    cases = [
        ip() / ICMPv6ND_RS() / ICMPv6NDOptSrcLLAddr(lladdr="02:00:00:00:00:01"),
        ra,
        ip() / ICMPv6ND_NS(tgt="fe80::3") / ICMPv6NDOptSrcLLAddr(lladdr="02:00:00:00:00:06"),
        ip() / ICMPv6ND_NA(tgt="fe80::3", R=1, S=0, O=1, res=5) / ICMPv6NDOptDstLLAddr(lladdr="02:00:00:00:00:06"),
        ip() / ICMPv6ND_NA(tgt="fe80::3", R=0, S=1, O=0),
        redirect,
        ip(hlim=1) / ICMPv6MLQuery(mrd=10000, mladdr="::"),
        ip(hlim=1) / ICMPv6MLReport(mladdr="ff02::fb"),
        ip(hlim=1) / ICMPv6MLDone(mladdr="ff02::fb"),
        ip(hlim=1) / ICMPv6MLQuery2(mrd=40000, mladdr="ff02::fb", S=1, QRV=2, QQIC=130, sources=["fe80::7", "fe80::8"]),
        mldv2_report,
        ip() / ICMPv6PacketTooBig(mtu=1280) / quote,
        ip() / ICMPv6ParamProblem(ptr=40) / quote,
        ip() / ICMPv6DestUnreach(code=4) / quote,
        ip() / ICMPv6TimeExceeded() / quote,
        ip(A, "2001:db8::2") / ICMPv6EchoRequest(id=7, seq=1, data=b"abc"),
        ip("2001:db8::2", A) / ICMPv6EchoReply(id=7, seq=1, data=b"abc"),
        ip() / ICMPv6ND_NS(tgt="fe80::3", cksum=0x1234),
        # damaged options
        ns(b"\x01\x00\x02\x00\x00\x00\x00\x01"),
        ns(b"\xc8\x01abcdef"),
        ns(b"\x01\x02" + bytes(range(14))),
        ns(b"\x01\x02\x02\x00\x00\xff\xfe\x00\x00\x01" + bytes(6)),
        ns(b"\x02\x02\x02\x00\x00\xff\xfe\x00\x00\x01" + bytes(6)),
        ns(b"\x0e\x03abcdef"),
        ns(b"\x01\x01\x02\x00\x00\x00\x00\x01\x01"),
        ip() / ICMPv6ND_RS() / Raw(b"\x05\x02\x00\x00\x00\x00\x05\xdc" + bytes(8)),
        ip() / ICMPv6ND_RS() / Raw(b"\x03\x01\x40\xc0" + bytes(4)),
        ip() / ICMPv6ND_RS() / Raw(b"\x19\x01\x00\x00\x00\x00\x01\x00"),
        ip() / ICMPv6ND_RS() / Raw(b"\x18\x01\x00\x08\x00\x00\x00\x10"),
        ip() / ICMPv6ND_RS() / Raw(b"\x18\x03\x30\x08\x00\x00\x00\x10" + bytes(16)),
        ip() / ICMPv6ND_RS() / Raw(b"\x1f\x02\x00\x00\x00\x00\x00\x10\x03abc\x00\x00\x00"),
        ip(hlim=1) / ICMPv6MLReport2(records=[ICMPv6MLDMultAddrRec(rtype=2, dst="ff02::2")]) / Raw(b"\x01\x00"),
    ]
    frames = [(bytes(p), None) for p in cases]
    # every case cut by the capture length at a few points past the IPv6 header
    for p in (ra, redirect, mldv2_report, cases[2], cases[3], cases[9]):
        data = bytes(p)
        for cut in range(54 + 2, len(data), 6):
            frames.append((data, cut))
    return frames


def random_cases(seed):
    rng = random.Random(seed)
    frames = []
    for _ in range(120):
        kind = rng.choice([133, 134, 135, 136, 137, 143, 130])
        options = b""
        for _ in range(rng.randrange(0, 4)):
            # The types RawNet reads and some tshark has no name for; link-layer addresses as MACs (a message with a MAC
            # and a longer address lists them in another order: tshark's one name has two types), DNSSL only in the fixed cases.
            t = rng.choice([1, 2, 3, 4, 5, 14, 24, 25, 200, 230])
            n = 1 if t in (1, 2) else rng.choice([0, 1, 1, 2, 3, 4, rng.randrange(6)])
            options += bytes([t, n]) + bytes(rng.randrange(256) for _ in range(max(0, n * 8 - 2)))
        if kind == 143:
            body = b"\x00\x00" + struct.pack(">H", rng.randrange(4))
            for _ in range(rng.randrange(0, 3)):
                srcs = rng.randrange(3)
                aux = rng.randrange(2)
                body += bytes([rng.randrange(1, 7), aux]) + struct.pack(">H", srcs) + bytes(16 * (srcs + 1) + 4 * aux)
        else:
            fixed = {133: 4, 134: 12, 135: 20, 136: 20, 137: 36, 130: rng.choice([20, 24, 40])}[kind]
            body = bytes(rng.randrange(256) for _ in range(fixed)) + options
        if rng.random() < 0.2:
            body = body[:rng.randrange(len(body) + 1)]
        packet = ip() / Raw(bytes([kind, 0, 0, 0]) + body)
        packet[IPv6].nh = 58
        data = bytes(packet)
        caplen = rng.randrange(54, len(data) + 1) if rng.random() < 0.3 else None
        frames.append((data, caplen))
    return frames


if __name__ == "__main__":
    out = sys.argv[1]
    write(out, random_cases(int(sys.argv[2])) if len(sys.argv) > 2 else fixed_cases())
