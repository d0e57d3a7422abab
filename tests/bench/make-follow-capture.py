#!/usr/bin/env python3
"""Write the benchmark capture of rawnet follow (issue 11): one TCP stream carrying BYTES bytes of data.

usage: make-follow-capture.py OUT.pcap [BYTES]      (default 1 GiB; at most 4 GiB)

A handshake, then the client sends BYTES bytes in 1448-byte segments (the last one shorter), 64 blocks of readable
text lines over and over, the server acknowledging every second segment, then FIN both ways. Ethernet, IPv4, correct IP
and TCP checksums, a microsecond apart. Same arguments, same bytes. Written as it goes, so memory stays small; the file
is about 1.07 times BYTES.
"""
import struct
import sys

MSS = 1448
CLIENT, SERVER = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
CPORT, SPORT = 40000, 80
CISN, SISN = 0x10000000, 0x20000000
MACS = bytes.fromhex("020000000002") + bytes.fromhex("020000000001")
MACS_BACK = bytes.fromhex("020000000001") + bytes.fromhex("020000000002")


def fold(s):
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return s


def words(data):
    if len(data) % 2:
        data += b"\0"
    return sum(struct.unpack("!%dH" % (len(data) // 2), data))


# 64 payload blocks of readable lines, each MSS bytes; block i follows block i-1 in the stream (cyclically).
TEXT = b"".join(b"%08d the quick brown fox jumps over the lazy dog, RawNet follow benchmark line\r\n" % n for n in range(1200))
BLOCKS = [TEXT[i * MSS:(i + 1) * MSS] for i in range(64)]
BLOCK_SUMS = [words(b) for b in BLOCKS]


class Writer:
    def __init__(self, path):
        self.f = open(path, "wb")
        self.f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        self.n = 0
        self.ident = 0

    def packet(self, from_client, seq, ack, flags, payload=b"", payload_sum=None):
        src, dst = (CLIENT, SERVER) if from_client else (SERVER, CLIENT)
        sp, dp = (CPORT, SPORT) if from_client else (SPORT, CPORT)
        tcp = struct.pack("!HHIIBBHHH", sp, dp, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 5 << 4, flags, 65535, 0, 0)
        length = 20 + len(payload)
        pseudo = words(src + dst) + 6 + length
        s = pseudo + words(tcp) + (words(payload) if payload_sum is None else payload_sum)
        tcp = tcp[:16] + struct.pack("!H", ~fold(s) & 0xFFFF) + tcp[18:]
        self.ident = (self.ident + 1) & 0xFFFF
        ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + length, self.ident, 0x4000, 64, 6, 0, src, dst)
        ip = ip[:10] + struct.pack("!H", ~fold(words(ip)) & 0xFFFF) + ip[12:]
        frame = (MACS if from_client else MACS_BACK) + b"\x08\x00" + ip + tcp + payload
        seconds, micros = divmod(self.n, 1_000_000)
        self.f.write(struct.pack("<IIII", 1_700_000_000 + seconds, micros, len(frame), len(frame)))
        self.f.write(frame)
        self.n += 1

    def close(self):
        self.f.close()


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    total = int(sys.argv[2]) if len(sys.argv) == 3 else 1 << 30
    if not 0 < total <= 1 << 32:
        sys.exit("make-follow-capture.py: BYTES must be 1 to 4 GiB")
    w = Writer(sys.argv[1])
    SYN, ACK, PSH, FIN = 0x02, 0x10, 0x08, 0x01
    w.packet(True, CISN, 0, SYN)
    w.packet(False, SISN, CISN + 1, SYN | ACK)
    w.packet(True, CISN + 1, SISN + 1, ACK)
    sent, segment = 0, 0
    while sent < total:
        block = BLOCKS[segment % 64]
        size = min(MSS, total - sent)
        payload = block if size == MSS else block[:size]
        w.packet(True, CISN + 1 + sent, SISN + 1, PSH | ACK, payload, BLOCK_SUMS[segment % 64] if size == MSS else None)
        sent += size
        segment += 1
        if segment % 2 == 0:
            w.packet(False, SISN + 1, CISN + 1 + sent, ACK)
    w.packet(True, CISN + 1 + sent, SISN + 1, FIN | ACK)
    w.packet(False, SISN + 1, CISN + 2 + sent, FIN | ACK)
    w.packet(True, CISN + 2 + sent, SISN + 2, ACK)
    w.close()
    print(f"{sys.argv[1]}: {w.n} packets, {total} bytes of stream")


if __name__ == "__main__":
    main()
