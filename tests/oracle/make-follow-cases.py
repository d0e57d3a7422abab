#!/usr/bin/env python3
"""Writes captures that put tshark's "follow" to the test (issue 11): the oracle for rawnet follow.

    make-follow-cases.py OUTDIR [N]        the crafted cases, one capture each (names below), and random-1.pcap to
                                           random-N.pcap made with seeds 1 to N (default 0)
    make-follow-cases.py OUT.pcap SEED     a seeded random capture: two TCP streams and a UDP one whose byte streams
                                           are cut into segments of random sizes, then dropped, sent again with other
                                           boundaries, duplicated, reordered, cut short by a snaplen, acknowledged
                                           past gaps or not, with sequence numbers anywhere (near 2^32 too)

Same arguments, same bytes. Packets are written with our own pcap writer so that a record can keep fewer bytes than
the packet had (a snaplen cut). Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import os
import random
import struct
import sys

from scapy.layers.inet import IP, TCP, UDP
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import Ether
from scapy.packet import Raw

V4 = ("198.18.0.1", "198.18.0.2")
V6 = ("2001:db8::1", "2001:db8::2")
MACS = ("02:00:00:00:00:01", "02:00:00:00:00:02")
BASE_TIME = 1_700_000_000


class Capture:
    """Packets with a per-packet captured length, written as a classic pcap (Ethernet, microseconds)."""

    def __init__(self):
        self.records = []

    def add(self, packet, caplen=None):
        data = bytes(packet)
        self.records.append((data, len(data) if caplen is None else min(caplen, len(data))))

    def write(self, path):
        with open(path, "wb") as f:
            f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
            for i, (data, caplen) in enumerate(self.records):
                f.write(struct.pack("<IIII", BASE_TIME + i // 1000, (i % 1000) * 1000, caplen, len(data)))
                f.write(data[:caplen])


class Tcp:
    """One TCP conversation: the client's and the server's segments, with raw sequence numbers."""

    def __init__(self, cap, v6=False, cport=40000, sport=80, isn=(1000, 5000)):
        self.cap, self.v6, self.ports, self.isn = cap, v6, (cport, sport), isn

    def seg(self, from_client, seq, ack, flags, data=b"", caplen_cut=None):
        client, server = V6 if self.v6 else V4
        src, dst = (client, server) if from_client else (server, client)
        sp, dp = self.ports if from_client else self.ports[::-1]
        ip = IPv6(src=src, dst=dst) if self.v6 else IP(src=src, dst=dst)
        packet = Ether(src=MACS[0], dst=MACS[1]) / ip / TCP(sport=sp, dport=dp, seq=seq % 2**32, ack=ack % 2**32, flags=flags) / Raw(data)
        headers = len(bytes(packet)) - len(data)
        self.cap.add(packet, None if caplen_cut is None else headers + caplen_cut)

    def c(self, rel, ack, flags="PA", data=b"", cut=None):
        """A client segment at relative sequence rel (1 = first data byte), acknowledging server byte ack."""
        self.seg(True, self.isn[0] + rel, self.isn[1] + ack, flags, data, cut)

    def s(self, rel, ack, flags="PA", data=b"", cut=None):
        self.seg(False, self.isn[1] + rel, self.isn[0] + ack, flags, data, cut)

    def handshake(self):
        self.seg(True, self.isn[0], 0, "S")
        self.seg(False, self.isn[1], self.isn[0] + 1, "SA")
        self.c(1, 1, "A")


def udp(cap, src, dst, sport, dport, data, ulen=None, cut=None):
    packet = Ether(src=MACS[0], dst=MACS[1]) / IP(src=src, dst=dst) / UDP(sport=sport, dport=dport, len=ulen) / Raw(data)
    cap.add(packet, None if cut is None else 14 + 20 + 8 + cut)


TEXT = bytes(range(32, 127)) * 40


def crafted(outdir):
    cases = {}

    # A lost segment the server acknowledges: tshark marks "[10 bytes missing in capture file]" and goes on.
    cap = Capture(); t = Tcp(cap); t.handshake()
    t.c(1, 1, data=b"0123456789"); t.c(21, 1, data=b"KLMNOPQRST"); t.s(1, 31, "A"); t.c(31, 1, data=b"xyz")
    t.s(1, 34, "PA", b"thanks\r\n\x00\x01\t")
    cases["follow-gap-acknowledged"] = cap

    # A lost segment nobody acknowledges: what comes after it is never shown (rawnet says so on standard error).
    cap = Capture(); t = Tcp(cap); t.handshake()
    t.c(1, 1, data=b"0123456789"); t.s(1, 11, "PA", b"reply"); t.c(21, 6, data=b"KLMNOPQRST"); t.c(31, 6, data=b"UVWXYZ")
    cases["follow-gap-never-filled"] = cap

    # Out of order, and resends that overlap what was shown and what waits, with other boundaries.
    cap = Capture(); t = Tcp(cap); t.handshake()
    t.c(1, 1, data=b"0123456789"); t.c(6, 1, data=b"56789ABCDE"); t.c(1, 1, data=b"0123456789ABCDEFGHIJ")
    t.c(31, 1, data=b"uvwxyz"); t.c(26, 1, data=b"pqrstuvw"); t.c(26, 1, data=b"pqrstuvwxyz!"); t.c(21, 1, data=b"KLMNOPQR")
    t.s(1, 38, "PA", b"ok"); t.c(41, 3, data=b"later"); t.c(38, 3, data=b"ab"); t.c(38, 3, data=b"abc")
    t.c(46, 3, "FPA", b"end"); t.s(3, 50, "FA")
    cases["follow-overlap"] = cap

    # Both directions lose data; each side's acknowledgement releases what waited on the other.
    cap = Capture(); t = Tcp(cap); t.handshake()
    t.c(1, 1, data=b"A" * 100); t.s(1, 101, data=b"B" * 50); t.c(201, 51, data=b"C" * 100); t.s(101, 101, data=b"D" * 50)
    t.s(151, 101, data=b"E" * 20); t.c(301, 51, data=b"F" * 10); t.s(51, 311, "A"); t.c(311, 171, "A")
    cases["follow-both-directions-lossy"] = cap

    # The sequence jumps by 2^31 + 5 (reads as old data: tshark drops it silently), then by 2^30 (a huge gap).
    cap = Capture(); t = Tcp(cap); t.handshake()
    t.c(1, 1, data=b"0123456789"); t.c(11 + 2**31 + 5, 1, data=b"JUMPED"); t.c(11, 1, data=b"after")
    t.c(16 + 2**30, 1, data=b"far ahead"); t.s(1, 16, "A"); t.s(1, 16 + 2**30 + 9, "A"); t.c(25 + 2**30, 1, data=b"tail")
    cases["follow-sequence-jump"] = cap

    # A snaplen cut: in order (part shown, the sequence moves on), cut to nothing (a gap later marked), at the end.
    cap = Capture(); t = Tcp(cap); t.handshake()
    t.c(1, 1, data=b"0123456789", cut=4); t.c(11, 1, data=b"abcdefghij", cut=0); t.c(21, 1, data=b"KLMNOPQRST")
    t.s(1, 31, "A"); t.c(31, 1, data=TEXT[:300], cut=100); t.s(1, 331, "PA", b"reply", cut=2)
    udp(cap, V4[0], V4[1], 5000, 53, b"query"); udp(cap, V4[1], V4[0], 53, 5000, b"a long answer", cut=3)
    cases["follow-snaplen"] = cap

    # The first sender's port is 0: tshark takes each new sender as Node 0 until one comes from another port.
    cap = Capture(); t = Tcp(cap, cport=0, sport=7); t.c(1, 1, data=b"from zero"); t.c(10, 1, data=b"again")
    t.s(1, 15, data=b"from seven"); t.c(15, 11, data=b"zero once more")
    udp(cap, V4[0], V4[1], 0, 53, b"zero"); udp(cap, V4[0], V4[1], 0, 53, b"zero 2"); udp(cap, V4[1], V4[0], 53, 0, b"back")
    udp(cap, V4[0], V4[1], 0, 53, b"zero 3")
    cases["follow-port-zero"] = cap

    # UDP: empty datagrams, a length shorter and longer than the payload, one below 8, a trailer.
    cap = Capture()
    udp(cap, V4[0], V4[1], 5000, 53, b""); udp(cap, V4[1], V4[0], 53, 5000, b"resp")
    udp(cap, V4[0], V4[1], 5000, 53, b"abcdefgh", ulen=12); udp(cap, V4[0], V4[1], 5000, 53, b"abcdefgh", ulen=30)
    udp(cap, V4[0], V4[1], 5000, 53, b"abc", ulen=4); udp(cap, V4[0], V4[1], 5000, 53, b"abc", ulen=8)
    udp(cap, V4[1], V4[0], 53, 5000, TEXT[:40])
    cases["follow-udp-lengths"] = cap

    # IPv6, sequence numbers wrapping past 2^32 mid-stream, out of order across the wrap, hex offsets past 16 bytes.
    cap = Capture(); t = Tcp(cap, v6=True, isn=(2**32 - 30, 2**32 - 5)); t.handshake()
    t.c(1, 1, data=TEXT[:20]); t.c(41, 1, data=TEXT[40:60]); t.c(21, 1, data=TEXT[20:40]); t.s(1, 61, data=TEXT[:37])
    t.c(61, 38, "FPA", TEXT[60:77]); t.s(38, 79, "FA")
    cases["follow-ipv6-wrap"] = cap

    # Ports used again with a new initial sequence number: a new stream; following either shows only its own data.
    cap = Capture(); t = Tcp(cap); t.handshake(); t.c(1, 1, data=b"first stream"); t.c(13, 1, "FA"); t.s(1, 14, "FA")
    t = Tcp(cap, isn=(900000, 700000)); t.handshake(); t.c(1, 1, data=b"second stream"); t.s(1, 14, data=b"yes")
    cases["follow-port-reuse"] = cap

    os.makedirs(outdir, exist_ok=True)
    for name, capture in cases.items():
        capture.write(os.path.join(outdir, name + ".pcap"))


def random_case(path, seed):
    r = random.Random(seed)
    cap = Capture()
    streams = []
    for n in range(2):
        isn = (r.choice([r.randrange(2**32), 2**32 - r.randrange(1, 3000), r.randrange(1, 3000)]), r.randrange(2**32))
        t = Tcp(cap, v6=r.random() < 0.3, cport=40000 + n, sport=80, isn=isn)
        data = (bytes(r.randrange(256) for _ in range(r.randrange(200, 1500))),
                bytes(r.randrange(256) for _ in range(r.randrange(50, 900))))
        streams.append((t, data))
        if r.random() < 0.7:
            t.handshake()
    # Each direction's stream cut into segments; every segment is sent once or more, with other boundaries sometimes.
    events = []
    for t, data in streams:
        for side in (0, 1):
            at = 0
            while at < len(data[side]):
                size = min(r.randrange(1, 200), len(data[side]) - at)
                events.append((t, side, at, size))
                at += size
    # Delivered roughly in order, with losses, resends (sometimes spanning other boundaries), duplicates and reordering.
    out = []
    for e in events:
        t, side, at, size = e
        if r.random() > 0.15:
            out.append(e)
        if r.random() < 0.15:
            extra = r.randrange(0, 120)
            start = max(0, at - r.randrange(0, 60))
            out.append((t, side, start, min(size + extra + (at - start), len(streams[[s[0] for s in streams].index(t)][1][side]) - start)))
    for i in range(len(out)):
        if r.random() < 0.2:
            j = min(len(out) - 1, i + r.randrange(1, 6))
            out[i], out[j] = out[j], out[i]
    acked = {}
    for t, side, at, size in out:
        data = streams[[s[0] for s in streams].index(t)][1]
        other = 1 - side
        # Acknowledge what the other side sent so far, sometimes past what the capture holds.
        ack = acked.get((id(t), other), 0)
        if r.random() < 0.3:
            ack = min(len(data[other]), ack + r.randrange(0, 400))
        acked[(id(t), other)] = ack
        cut = r.randrange(0, size) if r.random() < 0.06 else None
        payload = data[side][at:at + size]
        (t.c if side == 0 else t.s)(1 + at, 1 + ack, "PA", payload, cut)
        if r.random() < 0.1:
            (t.s if side == 0 else t.c)(1 + acked.get((id(t), side), 0), 1 + at + size, "A")
    for t, data in streams:
        t.s(1 + len(data[1]), 1 + len(data[0]), "A")
        t.c(1 + len(data[0]), 1 + len(data[1]), "A")
    for i in range(r.randrange(3, 12)):
        size = r.randrange(0, 60)
        a, b = (0, 1) if r.random() < 0.6 else (1, 0)
        udp(cap, V4[a], V4[b], 5000 if a == 0 else 53, 53 if a == 0 else 5000, bytes(r.randrange(256) for _ in range(size)),
            cut=r.randrange(0, size) if size and r.random() < 0.1 else None)
    cap.write(path)


if __name__ == "__main__":
    if len(sys.argv) in (2, 3) and not sys.argv[1].endswith(".pcap"):
        crafted(sys.argv[1])
        for seed in range(1, int(sys.argv[2]) + 1 if len(sys.argv) == 3 else 1):
            random_case(os.path.join(sys.argv[1], f"random-{seed}.pcap"), seed)
    elif len(sys.argv) == 3:
        random_case(sys.argv[1], int(sys.argv[2]))
    else:
        sys.exit(__doc__)
