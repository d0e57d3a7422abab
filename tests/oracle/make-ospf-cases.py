#!/usr/bin/python3
"""Writes the OSPF capture for the tshark and tcpdump oracles of RawNet's OSPF decoder.

    make-ospf-cases.py OUTFILE         # the fixed cases, one pcap (captures/ospf/ospf-cases.pcap)
    make-ospf-cases.py DIRECTORY       # the same, as DIRECTORY/ospf-cases.pcap

The fixed cases: OSPFv2 hello (with and without neighbors), database description, LS request, LS update (router,
network, summary and AS-external LSAs) and LS ack, with null, simple and MD5 authentication; OSPFv3 hello and LS update
over IPv6; then damaged variants: a header cut by the capture length, a packet length past the message and below the
header, an LSA count past the message, a wrong checksum, an unknown version and message type. Every timestamp starts at
2023-11-14 22:13:20 UTC and steps 1 ms per packet. Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import os
import struct
import sys

from scapy.all import load_contrib
from scapy.layers.l2 import Ether
from scapy.layers.inet import IP
from scapy.layers.inet6 import IPv6
from scapy.packet import Raw

load_contrib("ospf")
from scapy.contrib.ospf import (OSPF_Hdr, OSPF_Hello, OSPF_DBDesc, OSPF_LSReq, OSPF_LSReq_Item, OSPF_LSUpd,  # noqa: E402
                                OSPF_LSAck, OSPF_LSA_Hdr, OSPF_Router_LSA, OSPF_Link, OSPF_Network_LSA,
                                OSPF_SummaryIP_LSA, OSPF_External_LSA, OSPFv3_Hdr, OSPFv3_Hello, OSPFv3_LSUpd,
                                OSPFv3_Router_LSA, OSPFv3_Link, OSPFv3_DBDesc, OSPFv3_LSReq, OSPFv3_LSReq_Item,
                                OSPFv3_LSAck, OSPFv3_LSA_Hdr, OSPF_SummaryASBR_LSA, OSPF_NSSA_External_LSA)

T0 = 1700000000
R1, R2 = "192.0.2.1", "192.0.2.2"


def write(path, frames):
    """A microsecond pcap of (bytes, caplen or None), 1 ms apart."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def v4(ospf, dst="224.0.0.5"):
    return bytes(Ether(src="02:00:00:00:00:01", dst="01:00:5e:00:00:05") / IP(src=R1, dst=dst, ttl=1, tos=0xc0) / ospf)


def v4raw(body, dst="224.0.0.5"):
    return bytes(Ether(src="02:00:00:00:00:01", dst="01:00:5e:00:00:05") / IP(src=R1, dst=dst, ttl=1, proto=89, tos=0xc0) / Raw(body))


def v6(ospf):
    return bytes(Ether(src="02:00:00:00:00:01", dst="33:33:00:00:00:05")
                 / IPv6(src="fe80::1", dst="ff02::5", hlim=1, nh=89) / ospf)


def hdr(**kw):
    base = dict(src=R1, area="0.0.0.1")
    base.update(kw)
    return OSPF_Hdr(**base)


def lsas():
    router = OSPF_Router_LSA(id=R1, adrouter=R1, seq=0x80000002, flags="E", linklist=[
        OSPF_Link(id="192.0.2.0", data="255.255.255.0", type=3, metric=10),
        OSPF_Link(id=R2, data=R1, type=2, metric=1)])
    network = OSPF_Network_LSA(id=R2, adrouter=R2, seq=0x80000001, mask="255.255.255.0", routerlist=[R1, R2])
    summary = OSPF_SummaryIP_LSA(id="198.51.100.0", adrouter=R2, seq=0x80000003, mask="255.255.255.0", metric=20)
    external = OSPF_External_LSA(id="203.0.113.0", adrouter=R2, seq=0x80000004, mask="255.255.255.0", ebit=1, metric=30,
                                 fwdaddr="0.0.0.0", tag=7)
    return [router, network, summary, external]


def headers():
    return [OSPF_LSA_Hdr(type=1, id=R1, adrouter=R1, seq=0x80000002),
            OSPF_LSA_Hdr(type=2, id=R2, adrouter=R2, seq=0x80000001, age=3600)]


def cases():
    hello = OSPF_Hello(mask="255.255.255.0", hellointerval=10, options="E", prio=1, deadinterval=40, router=R1, backup="0.0.0.0")
    hello_n = OSPF_Hello(mask="255.255.255.0", options="E", prio=1, router=R2, backup=R1, neighbors=[R2, "192.0.2.3"])
    frames = [
        v4(hdr() / hello),
        v4(hdr() / hello_n),
        v4(hdr(authtype=1, authdata=int.from_bytes(b"secret\0\0", "big")) / hello),
        v4(hdr(authtype=2, keyid=1, authdatalen=16, seq=0x01020304) / hello / Raw(b"\x11" * 16)),
        v4(hdr(type=2) / OSPF_DBDesc(mtu=1500, options="E", dbdescr="I+M+MS", ddseq=4242), R2),
        v4(hdr(type=2) / OSPF_DBDesc(mtu=1500, options="E", dbdescr="MS", ddseq=4243, lsaheaders=headers()), R2),
        v4(hdr(type=3) / OSPF_LSReq(requests=[OSPF_LSReq_Item(type=1, id=R2, adrouter=R2),
                                             OSPF_LSReq_Item(type=5, id="203.0.113.0", adrouter=R2)]), R2),
        v4(hdr(type=4) / OSPF_LSUpd(lsalist=lsas())),
        v4(hdr(type=5) / OSPF_LSAck(lsaheaders=headers())),
        v6(OSPFv3_Hdr(src=R1, area="0.0.0.0", instance=0) / OSPFv3_Hello(intid=5, prio=1, hellointerval=10, deadinterval=40,
                                                                         router=R1, backup="0.0.0.0", neighbors=[R2])),
        v6(OSPFv3_Hdr(src=R1, area="0.0.0.0", instance=1) / OSPFv3_LSUpd(lsalist=[OSPFv3_Router_LSA(
            id="0.0.0.0", adrouter=R1, seq=0x80000001, linklist=[OSPFv3_Link(type=2, metric=1, intid=5, neighintid=6, neighbor=R2)])])),
    ]
    good = [(f, None) for f in frames]
    hello_bytes = bytes(hdr() / hello)
    # cut by the capture at several points (header, hello, second LSA)
    for cut in (14 + 20 + 1, 14 + 20 + 10, 14 + 20 + 23, 14 + 20 + 30):
        good.append((frames[0], cut))
    good.append((frames[7], 14 + 20 + 24 + 4 + 30))
    damaged = []
    # packet length past the message, and below the header
    for length in (200, 16):
        b = bytearray(hello_bytes)
        b[2:4] = struct.pack("!H", length)
        damaged.append(bytes(b))
    # LSA count past the message
    upd = bytearray(bytes(hdr(type=4) / OSPF_LSUpd(lsalist=lsas()[:1])))
    upd[24:28] = struct.pack("!I", 40)
    upd[12:14] = b"\0\0"
    damaged.append(bytes(upd))
    # wrong checksum
    b = bytearray(hello_bytes)
    b[12] ^= 0x55
    damaged.append(bytes(b))
    # unknown version, unknown message type
    b = bytearray(hello_bytes)
    b[0] = 9
    damaged.append(bytes(b))
    b = bytearray(hello_bytes)
    b[1] = 9
    damaged.append(bytes(b))
    return good + [(v4raw(d), None) for d in damaged] + more()


def more():
    """Appended later (earlier frames stay as they were): v3 DB description, request and ack, LLS, other LSAs, bad LSA lengths."""
    v3hdrs = [OSPFv3_LSA_Hdr(type=0x2001, id="0.0.0.0", adrouter=R1, seq=0x80000001),
              OSPFv3_LSA_Hdr(type=0x0008, id="0.0.0.5", adrouter=R2, seq=0x80000002),
              OSPFv3_LSA_Hdr(type=0x4005, id="0.0.0.1", adrouter=R2, seq=0x80000003)]
    frames = [
        v6(OSPFv3_Hdr(src=R1, area="0.0.0.1") / OSPFv3_DBDesc(options="V6+E+R", mtu=1500, dbdescr="I+M+MS", ddseq=77)),
        v6(OSPFv3_Hdr(src=R1, area="0.0.0.1") / OSPFv3_DBDesc(options="V6+E+R", mtu=1500, dbdescr="MS", ddseq=78, lsaheaders=v3hdrs)),
        v6(OSPFv3_Hdr(src=R1, area="0.0.0.1") / OSPFv3_LSReq(requests=[OSPFv3_LSReq_Item(type=0x2001, id="0.0.0.0", adrouter=R2)])),
        v6(OSPFv3_Hdr(src=R1, area="0.0.0.1") / OSPFv3_LSAck(lsaheaders=v3hdrs)),
        v4(hdr(type=4) / OSPF_LSUpd(lsalist=[
            OSPF_SummaryASBR_LSA(id="192.0.2.9", adrouter=R2, seq=0x80000005, metric=15),
            OSPF_NSSA_External_LSA(id="203.0.113.128", adrouter=R2, seq=0x80000006, mask="255.255.255.128", ebit=0,
                                   metric=0xffffff, fwdaddr="192.0.2.9", tag=0),
            OSPF_Router_LSA(id=R2, adrouter=R2, seq=0x80000007, flags="B+V", linklist=[
                OSPF_Link(id=R1, data="192.0.2.2", type=1, metric=5, toscount=1, tos=2, tosmetric=50),
                OSPF_Link(id="10.0.0.1", data="10.0.0.2", type=4, metric=7)])])),
    ]
    out = [(f, None) for f in frames]
    # a hello with the L option and an LLS block (extended options), as routers send it
    hello = bytearray(bytes(hdr() / OSPF_Hello(mask="255.255.255.0", options="E+L", prio=1, router=R1)))
    lls = bytes.fromhex("0000" "0003" "0001" "0004" "00000001")
    out.append((v4raw(bytes(hello) + lls), None))
    # DB description and ack with an LSA header whose length is below 20, an unknown authentication type
    for kind in (2, 5):
        body = bytes(hdr(type=kind) / (OSPF_DBDesc(mtu=1500, options="E", dbdescr="MS", ddseq=5, lsaheaders=headers())
                                       if kind == 2 else OSPF_LSAck(lsaheaders=headers())))
        b = bytearray(body)
        at = len(b) - 20 - (0 if kind == 5 else 0)
        b[at + 18:at + 20] = struct.pack("!H", 8)
        out.append((v4raw(bytes(b)), None))
    b = bytearray(bytes(hdr() / OSPF_Hello(mask="255.255.255.0", options="E", prio=1, router=R1)))
    b[14:16] = struct.pack("!H", 7)
    out.append((v4raw(bytes(b)), None))
    # v3 hello cut in its body and after its header
    for cut in (14 + 40 + 20, 14 + 40 + 3):
        out.append((v6(OSPFv3_Hdr(src=R1) / OSPFv3_Hello(intid=5, router=R1)), cut))
    return out


def main():
    out = sys.argv[1]
    if os.path.isdir(out):
        out = os.path.join(out, "ospf-cases.pcap")
    write(out, cases())


if __name__ == "__main__":
    main()
