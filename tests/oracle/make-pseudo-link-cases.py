#!/usr/bin/python3
"""Writes captures of the capture pseudo-header link types for the tshark and tcpdump oracles of RawNet's decoding.

    make-pseudo-link-cases.py OUTDIR          # the fixed cases: one pcap per link type, named below
    make-pseudo-link-cases.py OUTDIR SEED     # the same frames with random bytes of their pseudo-headers changed

Files: ipoib.pcap (LINKTYPE_IPOIB, 242): the 44-byte header Linux writes (a 40-byte global route header, or a
destination address alone when its first two bytes are zero, then the IPoIB type and reserved words) before IPv4 UDP,
TCP and ICMP, IPv6, ARP (Ethernet's and InfiniBand's 20-byte addresses), RARP and unknown types, frames shorter than the
header on the wire, and a frame cut by the capture at every length through the header and IPv4. ipnet.pcap
(LINKTYPE_IPNET, 226): the 24-byte Solaris header before IPv4 UDP, TCP and ICMP and IPv6 with every hook type, zone IDs
up to 2^32-1, unknown families, data lengths that lie (tshark counts the packet back from the captured end by it,
tcpdump reads it from the header's end), frames shorter than the header, and frames cut by the capture at every length
through the header and IPv4 and through IPv6 (which moves tshark's packet too). Every timestamp starts
at 2023-11-14 22:13:20 UTC and steps 1 ms per packet.
Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import importlib.util
import os
import random
import struct
import sys

from scapy.all import Raw
from scapy.layers.inet6 import IPv6, ICMPv6EchoRequest

# The frames above the link layers, the addresses and the pcap writer are make-link-cases.py's.
_spec = importlib.util.spec_from_file_location("link_cases", os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-link-cases.py"))
link_cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(link_cases)
write, udp4, udp6, tcp4, echo4 = link_cases.write, link_cases.udp4, link_cases.udp6, link_cases.tcp4, link_cases.echo4
A6, B6, T0 = link_cases.A6, link_cases.B6, link_cases.T0


def echo6():
    return bytes(IPv6(src=B6, dst=A6) / ICMPv6EchoRequest(id=7, seq=2) / Raw(b"ping"))


ARP_ETHERNET = bytes.fromhex("0001080006040001020000000001c6120001000000000000c6120002")
# InfiniBand hardware (32): 20-byte addresses (queue pair number and GID).
ARP_INFINIBAND = (struct.pack(">HHBBH", 32, 0x0800, 20, 4, 1) + bytes(range(1, 21)) + bytes([198, 18, 0, 1])
                  + bytes(20) + bytes([198, 18, 0, 2]))

SGID = bytes.fromhex("fe800000000000000002c90300a1b2c3")
DGID = bytes.fromhex("fe800000000000000002c90300d4e5f6")


def grh(version=6, tclass=0x12, flow=0x34567, sqpn=0x000123):
    """The pseudo-header's global route header: version, traffic class and flow label, a byte, the source QPN, GIDs."""
    word = (version << 28) | (tclass << 20) | flow
    return struct.pack(">IB", word, 0) + sqpn.to_bytes(3, "big") + SGID + DGID


def unicast(dqpn=0x000456):
    """No global route header (its first two bytes zero): the destination address alone, in its last 20 bytes."""
    return bytes(20) + b"\x00" + dqpn.to_bytes(3, "big") + DGID


def ipoib(pseudo, etype, payload, reserved=0):
    return pseudo + struct.pack(">HH", etype, reserved) + payload


def ipoib_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(ipoib(grh(), 0x0800, udp4()))
    add(ipoib(unicast(), 0x0800, tcp4()))
    add(ipoib(grh(version=0, tclass=0, flow=0, sqpn=0xFFFFFF), 0x0800, echo4()))
    add(ipoib(grh(), 0x86DD, udp6()))
    add(ipoib(unicast(), 0x86DD, echo6(), reserved=0xABCD))
    add(ipoib(grh(), 0x0806, ARP_ETHERNET))
    add(ipoib(unicast(), 0x0806, ARP_INFINIBAND))
    add(ipoib(grh(), 0x8035, ARP_ETHERNET[:7] + b"\x03" + ARP_ETHERNET[8:]))   # RARP: tshark reads it as ARP
    add(ipoib(grh(), 0x1234, b"unknown type"))
    add(ipoib(unicast(), 0x0000, b""))
    # shorter than the header on the wire: no type, half a type, type but no reserved word, no header at all
    whole = ipoib(grh(), 0x0800, udp4())
    for end in (1, 20, 40, 41, 42, 43, 44):
        add(whole[:end])
    # the capture cutting a frame at every length through the header and IPv4, and after the UDP header
    for cut in list(range(1, 66)) + [72]:
        add(whole, cut)
    return frames


def ipoib_damageable(data):
    """The global route header (whether it is there, its fields) and the reserved word; the type keeps its high byte and
    its low byte moves only between the IPv4 and ARP types."""
    return 44


def ipnet(family, payload, data_length=None, hook=0, ifindex=3, grifindex=0, zsrc=0, zdst=0, version=1):
    """A Solaris ipnet header: version, family, hook type, data length (the payload's unless given), interface
    indexes, zones."""
    length = len(payload) if data_length is None else data_length
    return struct.pack(">BBHIIIII", version, family, hook, length, ifindex, grifindex, zsrc, zdst) + payload


INET, INET6 = 2, 26


def ipnet_frames():
    frames = []
    add = lambda data, caplen=None: frames.append((data, caplen))
    add(ipnet(INET, udp4()))
    add(ipnet(INET, tcp4(), hook=1, ifindex=7, grifindex=2, zsrc=1, zdst=4294967295))
    add(ipnet(INET, echo4(), hook=2))
    add(ipnet(INET6, udp6(), hook=1))
    add(ipnet(INET6, echo6(), version=2, zsrc=5, zdst=6))
    add(ipnet(7, b"unknown family", zsrc=1, zdst=2))
    add(ipnet(0, b"", zsrc=3000000000, zdst=0))
    # data lengths that lie: tshark counts back from the end of what was captured, tcpdump reads from byte 24
    for data_length in (0, 20, 40, 52, 75, 200):
        add(ipnet(INET, udp4(), data_length=data_length))
    add(ipnet(7, b"abcd", data_length=100))
    # shorter than the header on the wire, the header alone, the header and a cut IPv4 header
    whole = ipnet(INET, udp4())
    for end in (1, 8, 20, 23, 24, 30):
        add(whole[:end])
    # the capture cutting a frame at every length through the header and IPv4, and after the UDP header
    for cut in list(range(1, 45)) + [52]:
        add(whole, cut)
    six = ipnet(INET6, udp6())
    for cut in (10, 24, 30, 50, 64, 70):
        add(six, cut)
    return frames


def ipnet_damageable(data):
    """The family byte only among IPv4, IPv6 and one unknown; any byte of the rest of the header."""
    return 24


def damage(frames, rng, damageable):
    """Each frame with one byte of its pseudo-header set at random (see the damageable functions), the rest kept."""
    out = []
    for data, caplen in frames:
        reach = min(len(data), damageable(data))
        if reach > 0:
            at = rng.randrange(reach)
            if damageable is ipoib_damageable and at == 40:
                at = 42
            value = rng.randrange(256)
            if damageable is ipoib_damageable and at == 41:
                value = rng.choice([0x00, 0x06])
            if damageable is ipnet_damageable and at == 1:
                value = rng.choice([INET, INET6, 9])
            data = data[:at] + bytes([value]) + data[at + 1:]
        out.append((data, caplen))
    return out


def main():
    outdir = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else None
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(seed)
    files = {
        "ipnet.pcap": (226, ipnet_frames(), ipnet_damageable),
        "ipoib.pcap": (242, ipoib_frames(), ipoib_damageable),
    }
    for name, (linktype, frames, damageable) in files.items():
        if seed is not None:
            frames = damage(frames, rng, damageable)
        write(os.path.join(outdir, name), linktype, frames)


if __name__ == "__main__":
    main()
