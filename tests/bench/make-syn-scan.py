#!/usr/bin/env python3
"""Writes a deterministic SYN-scan capture: one scanner (198.18.0.1) probing CONVERSATIONS (address, port) pairs of
198.18.0.0/15 targets, one SYN each, answered as a real scan is: every 8th probe by a SYN-ACK (open port, which the
scanner resets), every 8th + 1 by nothing (filtered), the rest by a RST. Every probe is its own TCP conversation, so
the capture holds CONVERSATIONS conversations: the tracker's memory test (issue 9: 1 M conversations within a
documented bound, no slowdown cliff).

    make-syn-scan.py OUT.pcap [CONVERSATIONS]     (default 1000000)

Checksums are correct; timestamps step 10 microseconds from 2023-11-14 22:13:20 UTC.
"""
import struct
import sys


def checksum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def frame(src: bytes, dst: bytes, sport: int, dport: int, seq: int, ack: int, flags: int) -> bytes:
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 64240, 0, 0)
    pseudo = src + dst + struct.pack("!BBH", 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack("!H", checksum(pseudo + tcp)) + tcp[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 0, 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    return b"\x02\0\0\0\0\x02\x02\0\0\0\0\x01\x08\x00" + ip + tcp


def main() -> None:
    out = sys.argv[1]
    conversations = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    scanner = bytes([198, 18, 0, 1])
    t = 1_700_000_000_000_000  # microseconds
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))

        def write(data: bytes) -> None:
            nonlocal t
            t += 10
            f.write(struct.pack("<IIII", t // 1_000_000, t % 1_000_000, len(data), len(data)))
            f.write(data)

        for n in range(conversations):
            host = n // 50000 + 2
            target = bytes([198, 18 + (host >> 16 & 1), host >> 8 & 0xFF, host & 0xFF])
            dport = 1 + n % 50000
            sport = 40000 + n % 20000
            isn = (n * 2654435761) & 0xFFFFFFFF
            write(frame(scanner, target, sport, dport, isn, 0, 0x02))
            kind = n % 8
            if kind == 0:
                peer = (isn * 7 + 1) & 0xFFFFFFFF
                write(frame(target, scanner, dport, sport, peer, (isn + 1) & 0xFFFFFFFF, 0x12))
                write(frame(scanner, target, sport, dport, (isn + 1) & 0xFFFFFFFF, 0, 0x04))
            elif kind != 1:
                write(frame(target, scanner, dport, sport, 0, (isn + 1) & 0xFFFFFFFF, 0x14))


if __name__ == "__main__":
    main()
