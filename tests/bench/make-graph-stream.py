#!/usr/bin/env python3
"""One TCP stream of PACKETS packets (default 1,000,000) as a pcap, for the graph benchmark (tests/bench/graphs.sh).

Deterministic, no randomness: a bulk upload seen at the sender, 198.18.0.1:40000 to 198.18.0.2:80, handshake with
window scaling, then a 1448-byte segment every 10 us; the receiver ACKs every second segment, 20 segments behind (so
about 29 kB are in flight), and every 997th segment is lost after the capture saw it: three duplicate ACKs with a SACK
block follow, then the sender retransmits it and the next ACK covers everything. Frames are cut at 80 bytes (as
tcpdump -s 80), so the file is about 96 MB, yet tcp.len and the analysis are those of full segments.

    make-graph-stream.py OUT.pcap [PACKETS]
"""
import struct
import sys

MSS = 1448
SNAP = 80
CLIENT, SERVER = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
CPORT, SPORT = 40000, 80
MAC_C, MAC_S = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def frame(src, dst, sport, dport, seq, ack, flags, window, options=b"", payload_len=0, ip_id=0):
    tcp_len = 20 + len(options)
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, (tcp_len // 4) << 4, flags, window, 0, 0) + options
    # The payload is zeros, so it adds nothing to the checksum: the header and pseudo-header decide it.
    pseudo = src + dst + struct.pack("!BBH", 0, 6, tcp_len + payload_len)
    tcp = tcp[:16] + struct.pack("!H", checksum(pseudo + tcp)) + tcp[18:]
    total = 20 + tcp_len + payload_len
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, total, ip_id & 0xFFFF, 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    eth = (MAC_S + MAC_C if src == CLIENT else MAC_C + MAC_S) + b"\x08\x00"
    whole = eth + ip + tcp
    return whole + b"\0" * max(0, min(SNAP, 14 + total) - len(whole)), 14 + total


def main():
    out = sys.argv[1]
    packets = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    isn_c, isn_s = 1_000_000, 5_000_000
    written = 0
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, SNAP, 1))
        t = 1_700_000_000 * 1_000_000  # microseconds

        def put(data_and_len, at):
            nonlocal written
            data, orig = data_and_len
            data = data[:SNAP]
            f.write(struct.pack("<IIII", at // 1_000_000, at % 1_000_000, len(data), orig) + data)
            written += 1

        wscale = b"\x01\x03\x03\x07"
        put(frame(CLIENT, SERVER, CPORT, SPORT, isn_c, 0, 0x02, 64240, b"\x02\x04\x05\xb4\x04\x02\x00\x00" + wscale), t)
        t += 1000
        put(frame(SERVER, CLIENT, SPORT, CPORT, isn_s, isn_c + 1, 0x12, 65160, b"\x02\x04\x05\xb4\x04\x02\x00\x00" + wscale), t)
        t += 20
        put(frame(CLIENT, SERVER, CPORT, SPORT, isn_c + 1, isn_s + 1, 0x10, 502), t)
        lost = None          # index of a lost segment not yet retransmitted
        dup_acks = 0
        retransmitted = False
        i = 0
        while written < packets:
            t += 10
            seq = isn_c + 1 + i * MSS
            put(frame(CLIENT, SERVER, CPORT, SPORT, seq, isn_s + 1, 0x18, 502, payload_len=MSS, ip_id=i), t)
            if i % 997 == 500 and lost is None:
                lost, dup_acks, retransmitted = i, 0, False
            if i % 2 == 1 and i >= 20 and written < packets:
                acked = i - 20  # the receiver has everything up to this segment, but for a hole
                t += 2
                if lost is not None and lost <= acked and not retransmitted:
                    left, right = isn_c + 1 + (lost + 1) * MSS, isn_c + 1 + (acked + 1) * MSS
                    sack = b"\x01\x01\x05\x0a" + struct.pack("!II", left, right)
                    put(frame(SERVER, CLIENT, SPORT, CPORT, isn_s + 1, isn_c + 1 + lost * MSS, 0x10, 512, sack), t)
                    dup_acks += 1
                    if dup_acks == 3 and written < packets:
                        t += 2
                        put(frame(CLIENT, SERVER, CPORT, SPORT, isn_c + 1 + lost * MSS, isn_s + 1, 0x18, 502, payload_len=MSS, ip_id=lost), t)
                        retransmitted = True
                else:
                    if lost is not None and retransmitted:
                        lost = None
                    put(frame(SERVER, CLIENT, SPORT, CPORT, isn_s + 1, isn_c + 1 + (acked + 1) * MSS, 0x10, 512), t)
            i += 1
    print(f"{out}: {written} packets, one TCP stream, {i} data segments")


if __name__ == "__main__":
    main()
