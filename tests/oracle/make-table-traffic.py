#!/usr/bin/env python3
"""Writes a seeded random capture of mixed traffic for the tshark oracle of rawnet stats's tables (issue 11).

    make-table-traffic.py OUT.pcap SEED

Each seed gives the same bytes. Hosts on Ethernet (and a broadcast) exchange IPv4 and IPv6 TCP and UDP on a few
ports (so conversations repeat, and some TCP ones are handshakes with port reuse), ICMP and ICMPv6 echoes, ARP,
frames of an EtherType nothing decodes, IP fragments, and padding; frame lengths vary, and times step by tiny,
equal, large and now and then negative amounts, so relative starts, durations and I/O intervals are tested where
rounding and the order of times matter. Checksums are correct. Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import random
import sys

from scapy.layers.inet import ICMP, IP, TCP, UDP, fragment
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import ARP, Ether
from scapy.packet import Raw
from scapy.utils import wrpcap
from scapy.layers.inet6 import ICMPv6EchoRequest

MACS = ["02:00:00:00:00:%02x" % i for i in range(1, 6)] + ["ff:ff:ff:ff:ff:ff"]
V4 = ["198.18.0.%d" % i for i in range(1, 6)]
V6 = ["2001:db8::%x" % i for i in range(1, 6)]
# High ports no dissector claims: random payloads would be parsed (and called malformed) by application dissectors.
PORTS = [40000, 40001, 45000, 50000, 50001, 55555]


def main(out, seed):
    r = random.Random(seed)
    t = 1_700_000_000.0 + r.random()
    packets = []
    for _ in range(r.randint(20, 160)):
        t += r.choice([0, 0.000001, 0.0001, 0.001, 0.01, 0.3, 0.5, 1.0, 1.7, -0.2, r.random() * 3])
        a, b = r.sample(range(5), 2)
        link = Ether(src=MACS[a], dst=MACS[r.choice([b, b, b, 5])])
        kind = r.choice(["tcp", "tcp", "udp", "udp", "icmp", "arp", "other", "frag"])
        v6 = r.random() < 0.35
        net = IPv6(src=V6[a], dst=V6[b]) if v6 else IP(src=V4[a], dst=V4[b], ttl=r.choice([1, 64, 128]))
        payload = Raw(bytes(r.randrange(256) for _ in range(r.choice([0, 0, 1, 10, 100, 600]))))
        if kind == "tcp":
            flags = r.choice(["S", "SA", "A", "PA", "FA", "R"])
            pkt = link / net / TCP(sport=r.choice(PORTS), dport=r.choice(PORTS), flags=flags, seq=r.randrange(2**32),
                                   ack=r.randrange(2**32) if "A" in flags else 0, window=r.randrange(65536)) / payload
        elif kind == "udp":
            pkt = link / net / UDP(sport=r.choice(PORTS), dport=r.choice(PORTS)) / payload
        elif kind == "icmp":
            pkt = link / net / (ICMPv6EchoRequest(id=1, seq=r.randrange(5)) if v6 else ICMP(id=1, seq=r.randrange(5))) / payload
        elif kind == "arp":
            pkt = link / ARP(op=r.choice([1, 2]), hwsrc=MACS[a], psrc=V4[a], pdst=V4[b])
        elif kind == "other":
            pkt = link / Raw(bytes(r.randrange(256) for _ in range(r.randint(46, 200))))
            pkt.type = 0x88B5
        else:
            whole = IP(src=V4[a], dst=V4[b], id=r.randrange(65536)) / UDP(sport=r.choice(PORTS), dport=r.choice(PORTS)) / Raw(bytes(1200))
            for piece in fragment(whole, fragsize=r.choice([400, 800])):
                framed = link / piece
                framed.time = t
                packets.append(framed)
                t += 0.0005
            continue
        pkt.time = t
        packets.append(pkt)
    wrpcap(out, packets)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
