#!/usr/bin/python3
"""Writes damaged and edge-case TLS record streams on TCP port 443 for the tshark oracle of RawNet's TLS record layer.

    make-tls-cases.py OUTDIR      # writes OUTDIR/tls-cases.pcap (the bundled one is captures/tls/tls-cases.pcap)

Each case is its own TCP conversation (client port 41000 + case), segments in order, no handshake: plain text on 443 (tshark's TLS
declines four printable bytes), a record claiming 0xFFFF bytes that never come, a record header cut across segments
(then the record's end and a whole record in the next), a segment the capture cut inside a record, a plaintext alert,
a segment that completes a held record and carries two whole records and the start of another (completed next), an
empty application data record, a valid record followed by an unknown content type, a plaintext handshake record with
two messages, a record cut after 4 header bytes at the end of the stream, binary garbage, and a Client Hello followed by a record of an
unknown version, Client Hellos with an SNI or lengths past their end, a Server Hello choosing TLS 1.3, and
plain text cut by the capture after 1, 4 and 5 bytes. Timestamps start at 2023-11-14 22:13:20
UTC, 1 ms apart. Run with Debian's /usr/bin/python3 (python3-scapy). The real sessions: make-tls-session.py.
"""
import os
import struct
import sys

from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw

T0 = 1700000000
MAC_A, MAC_B = "02:00:00:00:00:01", "02:00:00:00:00:02"
A, B = "192.0.2.1", "192.0.2.2"


def write(path, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def record(content_type, body, version=0x0303):
    return struct.pack("!BHH", content_type, version, len(body)) + body


def handshake(msg_type, body):
    return struct.pack("!B", msg_type) + len(body).to_bytes(3, "big") + body


class Stream:
    def __init__(self, frames, case):
        self.frames, self.sport, self.seq, self.ack = frames, 41000 + case, 1000 * case + 1, 5000 * case + 1

    def send(self, payload, caplen=None, flags="PA"):
        p = (Ether(src=MAC_A, dst=MAC_B) / IP(src=A, dst=B, id=len(self.frames) + 1)
             / TCP(sport=self.sport, dport=443, seq=self.seq, ack=self.ack, flags=flags, window=8192) / Raw(payload))
        self.frames.append((bytes(p), caplen))
        self.seq += len(payload)


def main():
    frames = []
    app = lambda n, fill=b"\xa5": record(23, fill * n)
    # 1 garbage on 443
    Stream(frames, 1).send(b"BBBB" + b"\xee" * 40)
    # 2 a record claiming 0xFFFF bytes, then more of it, never completed
    s = Stream(frames, 2)
    s.send(struct.pack("!BHH", 23, 0x0303, 0xFFFF) + b"\x11" * 95)
    s.send(b"\x22" * 100)
    # 3 a record header cut across segments, then its end and a whole record
    s = Stream(frames, 3)
    r1, r2 = app(30), app(10, b"\x5a")
    s.send(r1[:3])
    s.send(r1[3:] + r2)
    # 4 a segment the capture cut inside a record
    Stream(frames, 4).send(app(200), caplen=14 + 20 + 20 + 60)
    # 5 a plaintext alert, fatal handshake failure, and an unknown level and description
    s = Stream(frames, 5)
    s.send(record(21, b"\x02\x28"))
    s.send(record(21, b"\x07\xee"))
    # 6 a segment completing a held record, then two whole ones and the start of another, completed next
    s = Stream(frames, 6)
    r1, r2, r3, r4 = app(300, b"\x01"), app(20, b"\x02"), app(21, b"\x03"), app(150, b"\x04")
    s.send(r1[:120])
    s.send(r1[120:] + r2 + r3 + r4[:40])
    s.send(r4[40:])
    # 7 an empty application data record
    Stream(frames, 7).send(record(23, b""))
    # 8 a valid record, then an unknown content type
    Stream(frames, 8).send(app(8) + record(99, b"\x00" * 6) + app(8))
    # 9 a plaintext handshake record with two messages (Server Hello Done, Hello Request) and one with an unknown type
    s = Stream(frames, 9)
    s.send(record(22, handshake(14, b"") + handshake(0, b"")))
    s.send(record(22, handshake(200, b"\x00" * 20)))
    # 10 a record cut after 4 header bytes at the end of the stream, then FIN
    s = Stream(frames, 10)
    s.send(app(12) + app(5)[:4])
    s.send(b"", flags="FA")
    # 11 binary garbage that looks like no record header (nor SSLv2)
    Stream(frames, 11).send(b"\x01\x02\x03\x04" + b"\xee" * 40)
    # 12 a Client Hello (record version 0x0301) then a record of an unknown version from the same client
    s = Stream(frames, 12)
    s.send(record(22, handshake(1, b"\x03\x03" + b"\x00" * 32 + b"\x00\x00\x02\x13\x01\x01\x00"), version=0x0301))
    s.send(record(23, b"\x33" * 20, version=0x1234))
    # 13 Client Hellos with an SNI, then with an extension running past the hello, a session ID past the hello, and a
    # Server Hello choosing TLS 1.3 by supported_versions (its application data then shows tls.record.opaque_type)
    s = Stream(frames, 13)
    sni = struct.pack("!HHHBH", 0, 18, 16, 0, 13) + b"www.example.org"[:13]
    hello = b"\x03\x03" + b"\x11" * 32 + b"\x00" + b"\x00\x04\x13\x01\x13\x02" + b"\x01\x00"
    s.send(record(22, handshake(1, hello + struct.pack("!H", len(sni)) + sni), version=0x0301))
    s.send(record(22, handshake(1, hello + struct.pack("!H", 12) + struct.pack("!HH", 10, 40) + b"\x00" * 8), version=0x0301))
    s.send(record(22, handshake(1, b"\x03\x03" + b"\x22" * 32 + b"\x40" + b"\x00" * 10), version=0x0301))
    s = Stream(frames, 14)
    server = b"\x03\x03" + b"\x33" * 32 + b"\x00" + b"\x13\x01\x00" + struct.pack("!HHHH", 6, 43, 2, 0x0304)
    s.send(record(22, handshake(2, server)) + record(20, b"\x01") + app(30))
    # 15 plain text the capture cut after 1 and 4 bytes (tshark's TLS reads it: continuation data) and after 5 (data)
    for case, kept in ((15, 1), (16, 4), (17, 5)):
        Stream(frames, case).send(b"GET / HTTP/1.1\r\n\r\n", caplen=14 + 20 + 20 + kept)
    write(os.path.join(sys.argv[1], "tls-cases.pcap"), frames)


if __name__ == "__main__":
    main()
