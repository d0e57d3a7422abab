#!/usr/bin/env python3
"""Writes a seeded random capture of TCP conversations for the tshark oracle of the TCP analysis (issue 9).

    make-tcp-conversations.py OUT.pcap SEED

Each seed gives the same bytes. A capture holds 3 to 7 conversations, over IPv4 and IPv6, that do what real and broken
TCP does: ISNs anywhere (near 0 and near 2^32 too), full, partial and missing handshakes, window scaling on one side,
both or neither (shifts 0 to 14), data both ways, segments dropped before the capture (gaps), sent again (soon, late,
after being acknowledged), reordered, duplicate ACKs with and without SACK blocks, window changes down to zero with
1-byte probes, keep-alives, FIN with and without data, RST, URG, ICMP errors quoting 8, 20 or 28 bytes of a segment,
port reuse with the same and a new ISN, equal, tiny, large and now and then negative time steps. Checksums are correct.
Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import random
import sys

from scapy.layers.inet import ICMP, IP, TCP
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap
from scapy.layers.inet6 import ICMPv6DestUnreach

V4 = ("198.18.0.1", "198.18.0.2")
V6 = ("2001:db8::1", "2001:db8::2")
MACS = ("02:00:00:00:00:01", "02:00:00:00:00:02")


class Capture:
    def __init__(self, rng):
        self.r = rng
        self.packets = []
        self.t = 1_700_000_000.0

    def add(self, packet, dt):
        self.t += dt
        packet.time = self.t
        self.packets.append(packet)
        return packet

    def tcp(self, v6, from_client, flags, seq, ack, win, data=b"", opts=None, dt=0.001, sport=40000, dport=41234, urg=0):
        client, server = V6 if v6 else V4
        src, dst = (client, server) if from_client else (server, client)
        sp, dp = (sport, dport) if from_client else (dport, sport)
        ip = IPv6(src=src, dst=dst) if v6 else IP(src=src, dst=dst)
        p = Ether(src=MACS[0] if from_client else MACS[1], dst=MACS[1] if from_client else MACS[0]) / ip / TCP(
            sport=sp, dport=dp, flags=flags, seq=seq & 0xFFFFFFFF, ack=ack & 0xFFFFFFFF, window=win, options=opts or [], urgptr=urg)
        if data:
            p = p / Raw(data)
        return self.add(p, dt)

    def icmp_quote(self, p, dt):
        if IPv6 in p:
            quote = bytes(p[IPv6])[:40 + 20]
            self.add(Ether(src=MACS[1], dst=MACS[0]) / IPv6(src="2001:db8::fe", dst=p[IPv6].src) / ICMPv6DestUnreach(code=4) / Raw(quote), dt)
        else:
            quote = bytes(p[IP])[:20 + self.r.choice([8, 20, 28])]
            self.add(Ether(src=MACS[1], dst=MACS[0]) / IP(src="198.18.0.254", dst=p[IP].src) / ICMP(type=3, code=3) / Raw(quote), dt)


def conversation(cap, sport, v6, isn_c=None):
    r = cap.r
    isn_c = isn_c if isn_c is not None else r.choice([r.randrange(1 << 32), 0xFFFFFFFF - r.randrange(3000), r.randrange(3000)])
    isn_s = r.choice([r.randrange(1 << 32), 0xFFFFFFFF - r.randrange(3000)])
    wc = r.choice([None, 0, 2, 7, 14])
    ws = r.choice([None, 3, 7, 9])

    def opts(w):
        o = [("MSS", 1460), ("SAckOK", b""), ("Timestamp", (r.randrange(1 << 32), 0))]
        if w is not None:
            o += [("NOP", None), ("WScale", w)]
        return o

    def step():
        d = r.choice([0.0, 0.0001, 0.001, 0.004, 0.015, 0.03, 0.2, 2.0]) * (r.random() if r.random() < 0.7 else 1)
        return -r.random() * 0.01 if r.random() < 0.01 else d

    kw = dict(sport=sport)
    if r.random() < 0.85:
        cap.tcp(v6, 1, "S", isn_c, 0, 64240, opts=opts(wc), dt=step(), **kw)
        if r.random() < 0.15:
            cap.tcp(v6, 1, "S", isn_c, 0, 64240, opts=opts(wc), dt=step(), **kw)
    if r.random() < 0.85:
        cap.tcp(v6, 0, "SA", isn_s, isn_c + 1, r.choice([0, 4, 65160]), opts=opts(ws), dt=step(), **kw)
        if r.random() < 0.2:
            cap.tcp(v6, 0, "SA", isn_s, isn_c + 1, 65160, opts=opts(ws), dt=step(), **kw)
    nxt = {1: isn_c + 1, 0: isn_s + 1}
    win = {1: 502, 0: 510}
    sent = {1: [], 0: []}
    last = None
    for _ in range(r.randrange(15, 70)):
        side = r.choice([0, 1])
        other = 1 - side
        if r.random() < 0.12:
            win[side] = r.choice([0, 0, 1, 2, 64, 502, 4000])
        ack = nxt[other] - (0 if r.random() < 0.85 else r.randrange(1, 400))
        ev = r.random()
        d = step()
        if ev < 0.35:  # new data, sometimes lost before the capture
            n = r.choice([1, 1, 3, 50, 700, 1448])
            seg = (nxt[side], n)
            nxt[side] += n
            sent[side].append(seg)
            if r.random() < 0.08:
                continue
            flags = "A" + r.choice(["", "P", "P", "U"])
            last = cap.tcp(v6, side, flags, seg[0], ack, win[side], data=b"d" * n, dt=d, urg=(3 if "U" in flags else 0), **kw)
        elif ev < 0.45 and sent[side]:  # a segment sent again
            s0, n = r.choice(sent[side][-6:])
            last = cap.tcp(v6, side, "A", s0, ack, win[side], data=b"d" * n, dt=d, **kw)
        elif ev < 0.47 and len(sent[side]) >= 2:  # the last two in swapped order
            a, b = sent[side][-2], sent[side][-1]
            cap.tcp(v6, side, "A", b[0], ack, win[side], data=b"d" * b[1], dt=d, **kw)
            cap.tcp(v6, side, "A", a[0], ack, win[side], data=b"d" * a[1], dt=r.random() * 0.002, **kw)
        elif ev < 0.72:  # ACKs, repeated, sometimes with SACK blocks
            o = None
            if r.random() < 0.2 and sent[other]:
                blocks = []
                for (s0, n) in r.sample(sent[other], min(len(sent[other]), r.randrange(1, 5))):
                    blocks += [s0 & 0xFFFFFFFF, (s0 + n) & 0xFFFFFFFF]
                o = [("NOP", None), ("NOP", None), ("SAck", tuple(blocks))]
            for _ in range(r.choice([1, 1, 2, 3, 4])):
                last = cap.tcp(v6, side, "A", nxt[side], ack, win[side], opts=o, dt=d, **kw)
                d = r.random() * 0.003
        elif ev < 0.78:  # keep-alive
            last = cap.tcp(v6, side, "A", nxt[side] - 1, ack, win[side], data=r.choice([b"", b"\x00"]), dt=d, **kw)
        elif ev < 0.84:  # one byte at the next sequence number (a probe when the peer's window is 0)
            last = cap.tcp(v6, side, "A", nxt[side], ack, win[side], data=b"z", dt=d, **kw)
        elif ev < 0.88 and last is not None:
            cap.icmp_quote(last, d)
        elif ev < 0.93:
            n = r.choice([0, 0, 5])
            last = cap.tcp(v6, side, "FA" + ("P" if n else ""), nxt[side], ack, win[side], data=b"f" * n, dt=d, **kw)
            nxt[side] += n
        elif ev < 0.96:
            last = cap.tcp(v6, side, r.choice(["R", "RA"]), nxt[side], r.choice([ack, 0]), 0, dt=d, **kw)
    return isn_c


def main():
    out, seed = sys.argv[1], int(sys.argv[2])
    r = random.Random(seed)
    cap = Capture(r)
    for _ in range(r.randrange(3, 7)):
        sport = 40300 + r.randrange(3)
        v6 = r.random() < 0.3
        isn = conversation(cap, sport, v6)
        if r.random() < 0.3:
            conversation(cap, sport, v6, isn_c=isn)  # reconnect with the same ISN on the same ports
        elif r.random() < 0.3:
            conversation(cap, sport, v6)  # reconnect with a new ISN
    wrpcap(out, cap.packets)


if __name__ == "__main__":
    main()
