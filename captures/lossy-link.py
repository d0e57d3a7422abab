#!/usr/bin/python3
"""A lossy, slow, delaying Ethernet link in user space, for a kernel without sch_netem.

Run inside a network namespace that holds two interfaces (say the ends of two veth pairs, without addresses):

    lossy-link.py IF_A IF_B [--loss 0.02] [--delay-ms 10] [--rate-mbit 20] [--queue 20] [--seed 1] [--max-seconds 120]

Every frame that arrives on one interface leaves on the other, as a bridge would, after passing, per direction:
a seeded pseudo-random loss (each frame dropped with probability --loss; each direction has its own generator, so
the n-th frame of a direction meets the same fate on every run), a serializer of --rate-mbit with a tail-drop
queue of at most --queue frames waiting for it, then --delay-ms of propagation delay. Frames move through AF_PACKET
raw sockets. TCP and UDP checksums are recomputed on the way, because a sender that offloads them to its (virtual)
NIC leaves only the pseudo-header sum, which the receiving kernel would then reject. Exits on SIGTERM/SIGINT or
after --max-seconds, printing what it did to stderr. Prints "ready" on stdout once both sockets are open.
"""
import argparse
import collections
import heapq
import random
import select
import signal
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4


def ones_complement_sum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return total


def fix_l4_checksum(frame):
    """The frame with its TCP or UDP checksum (over IPv4 or IPv6, no extension headers) computed in full."""
    if len(frame) < 14:
        return frame
    ethertype = struct.unpack_from("!H", frame, 12)[0]
    if ethertype == 0x0800 and len(frame) >= 34:
        ihl = (frame[14] & 0x0F) * 4
        total = struct.unpack_from("!H", frame, 16)[0]
        frag = struct.unpack_from("!H", frame, 20)[0]
        proto = frame[23]
        if frag & 0x3FFF or 14 + total > len(frame) or total < ihl:
            return frame
        start, end = 14 + ihl, 14 + total
        pseudo = frame[26:34] + struct.pack("!BBH", 0, proto, end - start)
    elif ethertype == 0x86DD and len(frame) >= 54:
        proto = frame[20]
        start, end = 54, 54 + struct.unpack_from("!H", frame, 18)[0]
        if end > len(frame):
            return frame
        pseudo = frame[22:54] + struct.pack("!IxxxB", end - start, proto)
    else:
        return frame
    if proto == 6 and end - start >= 20:
        at = start + 16
    elif proto == 17 and end - start >= 8:
        at = start + 6
        if ethertype == 0x0800 and frame[at:at + 2] == b"\0\0":
            return frame  # IPv4 UDP sent without a checksum stays so
    else:
        return frame
    buf = bytearray(frame)
    buf[at:at + 2] = b"\0\0"
    csum = 0xFFFF - ones_complement_sum(pseudo + bytes(buf[start:end]))
    if proto == 17 and csum == 0:
        csum = 0xFFFF
    struct.pack_into("!H", buf, at, csum)
    return bytes(buf)


class Direction:
    """Loss, then a serializer with a tail-drop queue, then delay, for the frames going one way."""

    def __init__(self, name, out, args):
        self.name, self.out = name, out
        self.loss, self.rate = args.loss, args.rate_mbit * 1e6
        self.delay, self.queue = args.delay_ms / 1000.0, args.queue
        self.rng = random.Random("%s-%s" % (args.seed, name))
        self.busy_until = 0.0
        self.waiting = collections.deque()  # when each frame still queued starts on the wire
        self.counts = collections.Counter()

    def offer(self, now, frame):
        """When the frame arriving now leaves the far end, or None if it is dropped."""
        self.counts["in"] += 1
        if self.rng.random() < self.loss:
            self.counts["lost"] += 1
            return None
        while self.waiting and self.waiting[0] <= now:
            self.waiting.popleft()
        if len(self.waiting) >= self.queue:
            self.counts["tail_dropped"] += 1
            return None
        begin = max(now, self.busy_until)
        if begin > now:
            self.waiting.append(begin)
        self.busy_until = begin + len(frame) * 8 / self.rate
        return self.busy_until + self.delay


def open_socket(ifname):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    s.bind((ifname, 0))
    s.setblocking(False)
    # Frames that reached the socket before bind() may come from anywhere: drop them.
    for _ in range(10000):
        try:
            s.recv(65535)
        except BlockingIOError:
            break
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("if_a")
    ap.add_argument("if_b")
    ap.add_argument("--loss", type=float, default=0.02)
    ap.add_argument("--delay-ms", type=float, default=10.0)
    ap.add_argument("--rate-mbit", type=float, default=20.0)
    ap.add_argument("--queue", type=int, default=20)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--max-seconds", type=float, default=120.0)
    args = ap.parse_args()

    sock_a, sock_b = open_socket(args.if_a), open_socket(args.if_b)
    ways = {sock_a: Direction("%s>%s" % (args.if_a, args.if_b), sock_b, args),
            sock_b: Direction("%s>%s" % (args.if_b, args.if_a), sock_a, args)}
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    print("ready", flush=True)

    heap, order = [], 0
    deadline = time.monotonic() + args.max_seconds
    send_errors = 0
    while not stop and time.monotonic() < deadline:
        now = time.monotonic()
        while heap and heap[0][0] <= now:
            _, _, out, frame = heapq.heappop(heap)
            try:
                out.send(frame)
            except OSError:
                send_errors += 1
        timeout = min(heap[0][0] - now if heap else 0.05, 0.05, deadline - now)
        try:
            ready, _, _ = select.select([sock_a, sock_b], [], [], max(timeout, 0))
        except InterruptedError:
            continue
        for s in ready:
            way = ways[s]
            for _ in range(1000):
                try:
                    frame, addr = s.recvfrom(65535)
                except BlockingIOError:
                    break
                if addr[2] == PACKET_OUTGOING:
                    continue  # what this program itself sent out
                leave = way.offer(time.monotonic(), frame)
                if leave is not None:
                    order += 1
                    heapq.heappush(heap, (leave, order, way.out, fix_l4_checksum(frame)))
    for way in ways.values():
        c = way.counts
        print("%s: %d frames in, %d lost (random), %d tail-dropped" % (way.name, c["in"], c["lost"], c["tail_dropped"]),
              file=sys.stderr)
    if send_errors:
        print("send errors: %d" % send_errors, file=sys.stderr)


if __name__ == "__main__":
    main()
