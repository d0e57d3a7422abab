#!/usr/bin/python3
"""Writes the crafted TCP-analysis captures (captures/tcp-analysis/), byte for byte the same on every run.

Run with Debian's python3 (which has python3-scapy): /usr/bin/python3 captures/make-tcp-analysis-captures.py [OUTDIR]
Same conventions as make-captures.py, whose addresses, MACs and start time it imports: the first packet of every file
is at 2023-11-14 22:13:20 UTC, then each packet has its own time (microseconds after it) as a real stack would send it.
Every file is one case of Wireshark's TCP sequence analysis (tcp.analysis.*), checked against tshark 4.0.17; the
files live in a subfolder so the tests that read every captures/*.pcap (golden outputs, filter oracles) skip them.
"""
import importlib.util
import os
import sys
from decimal import Decimal

from scapy.layers.inet import IP, TCP, UDP
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("make_captures", os.path.join(HERE, "make-captures.py"))
mc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mc)

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "tcp-analysis")
T0 = mc.T0
MOD = 1 << 32
MSS4, MSS6 = 1460, 1440
SEG = 1448  # MSS 1460 less the 12-byte timestamp option, as Linux sends over IPv4
SEG6 = 1428


def write(name, packets):
    """Writes packets (each with .time already set) as a microsecond pcap."""
    os.makedirs(OUT, exist_ok=True)
    wrpcap(os.path.join(OUT, name), packets)


def stamp(ms):
    """The packet time ms milliseconds after T0, to the microsecond."""
    return Decimal(T0) + Decimal(round(ms * 1000)) / Decimal(1000000)


def payload(offset, n):
    """n bytes of text that depend only on their stream offset, so a retransmission repeats the same bytes."""
    text = b"The quick brown fox jumps over the lazy dog. "
    return bytes(text[(offset + i) % len(text)] for i in range(n))


class End:
    """One endpoint: sequence state in numbers relative to its own ISN (0 = the SYN), receive state relative to the peer's."""

    def __init__(self, name, mac, addr, port, isn, ts0, wscale, syn_win, win, ipid):
        self.name, self.mac, self.addr, self.port, self.isn, self.ts0 = name, mac, addr, port, isn, ts0
        self.wscale, self.syn_win, self.win, self.ipid = wscale, syn_win, win, ipid
        self.snd_nxt = 0
        self.rcv_nxt = 0
        self.ooo = []      # blocks [start, end) received beyond rcv_nxt, most recent first
        self.dsack = None  # a duplicate block to report first in the next SACK option
        self.ts_recent = 0
        self.pending = []  # segments on their way here: (arrival time, start, end, syn, tsval)


class Conv:
    """A TCP connection between a client and a server; send() makes each segment and keeps both ends' state.

    Times are those at the capture point (at='c': the client's side, 's': the server's); the other end sends and
    receives half a round trip away, so a segment changes the receiver's state (its ACK, SACK blocks and timestamp
    echo) only from its arrival on. Lost segments (delivered=False) never arrive; segments not captured
    (captured=False) arrive but are left out of the file. Retransmissions pass seq= (relative to the ISN).
    """

    def __init__(self, out, t_base=0.0, v6=False, cport=40000, sport=9, cisn=0x1f2e3d4c, sisn=0x6a5b4c3d,
                 cws=7, sws=7, cwin=502, swin=509, csyn_win=64240, ssyn_win=65160, timestamps=True, sack=True,
                 mss=None, rtt=5.0, at="c"):
        self.out, self.t_base, self.v6, self.rtt, self.at = out, t_base, v6, rtt, at
        self.c = End("c", mc.MAC_A, mc.V6_A if v6 else mc.V4_A, cport, cisn, 1000 + cport, cws, csyn_win, cwin,
                     0x4000 + cport % 4096)
        self.s = End("s", mc.MAC_B, mc.V6_B if v6 else mc.V4_B, sport, sisn, 500000 + cport, sws, ssyn_win, swin,
                     0x8000 + cport % 4096)
        self.timestamps, self.sack = timestamps, sack
        self.mss = mss if mss is not None else (MSS6 if v6 else MSS4)
        self.seg = self.mss - (12 if timestamps else 0)

    def ends(self, frm):
        return (self.c, self.s) if frm == "c" else (self.s, self.c)

    def send(self, frm, t, flags="A", n=0, seq=None, ack=None, win=None, sack=None, captured=True, delivered=True,
             wscale=True):
        """Sends n bytes (and flags) from 'c' or 's', captured at t ms; returns the relative seq it starts at."""
        src, dst = self.ends(frm)
        owd = self.rtt / 2
        sent_at = t if src.name == self.at else t - owd
        arrives_at = t if dst.name == self.at else t + owd
        self.arrive(src, sent_at)
        syn, fin = "S" in flags, "F" in flags
        rel = src.snd_nxt if seq is None else seq
        end = rel + n + (1 if syn or fin else 0)
        src.snd_nxt = max(src.snd_nxt, end)
        if win is not None:
            src.win = win
        ack_rel = src.rcv_nxt if ack is None else ack
        tsval = src.ts0 + int(self.t_base + sent_at)
        if syn:
            options = [("MSS", self.mss)]
            if self.sack:
                options.append(("SAckOK", b""))
            if self.timestamps:
                options.append(("Timestamp", (tsval, src.ts_recent if "A" in flags else 0)))
            if src.wscale is not None and wscale:
                options += [("NOP", None), ("WScale", src.wscale)]
            window = src.syn_win
        else:
            options = [("NOP", None), ("NOP", None), ("Timestamp", (tsval, src.ts_recent))] if self.timestamps else []
            blocks = self.sack_blocks(src) if sack == "auto" else (sack or [])
            if blocks:
                edges = []
                for a, b in blocks[:3 if self.timestamps else 4]:
                    edges += [(dst.isn + a) % MOD, (dst.isn + b) % MOD]
                options += [("NOP", None), ("NOP", None), ("SAck", tuple(edges))]
            window = src.win
        e = Ether(src=src.mac, dst=dst.mac)
        if self.v6:
            ip = IPv6(src=src.addr, dst=dst.addr, hlim=64)
        else:
            src.ipid = (src.ipid + 1) % 65536
            ip = IP(src=src.addr, dst=dst.addr, id=src.ipid, ttl=64, flags="DF")
        tcp = TCP(sport=src.port, dport=dst.port, flags=flags, seq=(src.isn + rel) % MOD,
                  ack=(dst.isn + ack_rel) % MOD if "A" in flags else 0, window=window, options=options)
        p = e / ip / tcp
        if n:
            p = p / Raw(payload(rel - 1, n))
        p.time = stamp(self.t_base + t)
        if captured:
            self.out.append(p)
        if delivered:
            dst.pending.append((arrives_at, rel, end, syn, tsval))
        return rel

    @staticmethod
    def arrive(dst, now):
        """Takes in, in order of arrival, every segment that reached dst by now."""
        now += 1e-6  # times are sums of milliseconds: compare to the microsecond
        due = sorted((x for x in dst.pending if x[0] <= now), key=lambda x: x[0])
        dst.pending = [x for x in dst.pending if x[0] > now]
        for _, start, end, syn, tsval in due:
            Conv.receive(dst, start, end, syn, tsval)

    @staticmethod
    def receive(dst, start, end, syn, tsval):
        if syn:
            dst.rcv_nxt = end
            dst.ts_recent = tsval
            return
        if start <= dst.rcv_nxt:
            dst.ts_recent = tsval   # RFC 7323: only a segment that starts at or before the left edge updates it
        if end == start:
            return
        if start <= dst.rcv_nxt < end:
            dst.rcv_nxt = end
            merged = True
            while merged:
                merged = False
                for blk in list(dst.ooo):
                    if blk[0] <= dst.rcv_nxt:
                        dst.rcv_nxt = max(dst.rcv_nxt, blk[1])
                        dst.ooo.remove(blk)
                        merged = True
        elif start > dst.rcv_nxt:
            blk = [start, end]
            for other in list(dst.ooo):
                if other[0] <= blk[1] and blk[0] <= other[1]:
                    blk = [min(blk[0], other[0]), max(blk[1], other[1])]
                    dst.ooo.remove(other)
            dst.ooo.insert(0, blk)
        else:
            dst.dsack = (start, end)

    @staticmethod
    def sack_blocks(src):
        blocks = [tuple(b) for b in src.ooo]
        if src.dsack:
            blocks.insert(0, src.dsack)
            src.dsack = None
        return blocks

    # Common exchanges -------------------------------------------------------------------------------------------

    def handshake(self, t, rtt, at="c"):
        """SYN, SYN-ACK, ACK as captured at the client (at='c') or at the server (at='s'); returns the time of the ACK."""
        self.rtt, self.at = rtt, at
        self.send("c", t, "S")
        if at == "c":
            self.send("s", t + rtt, "SA")
            self.send("c", t + rtt + 0.03, "A")
            return t + rtt + 0.03
        self.send("s", t + 0.04, "SA")
        self.send("c", t + 0.04 + rtt, "A")
        return t + 0.04 + rtt

    def close(self, t, rtt, first="c"):
        """FIN from one side, FIN (with the ACK) from the other, last ACK, as seen where the capture is."""
        other = "s" if first == "c" else "c"
        if self.at == first:
            self.send(first, t, "FA")
            self.send(other, t + rtt, "FA")
            self.send(first, t + rtt + 0.03, "A")
        else:
            self.send(first, t, "FA")
            self.send(other, t + 0.05, "FA")
            self.send(first, t + 0.05 + rtt, "A")


# The cases ----------------------------------------------------------------------------------------------------------


def window_scaling(out, t0=0.0, v6=False, cport=40100):
    """Shift 7 (client) and 10 (server): every window after the handshake is value << shift."""
    c = Conv(out, t0, v6, cport=cport, cws=7, sws=10, cwin=502, swin=64, ssyn_win=65535)
    rtt = 3.0
    t = c.handshake(0.0, rtt)
    seg = c.seg
    c.send("c", t + 0.1, "A", seg)
    c.send("c", t + 0.7, "A", seg)
    c.send("s", t + 0.7 + rtt, "A", win=66)   # one ACK for two full segments
    c.send("c", t + 1.3, "PA", 600)
    c.send("s", t + 1.3 + rtt, "A", win=67)   # the PSH segment is acked at once
    t = t + 1.3 + rtt
    c.send("s", t + 2.0, "A", seg)
    c.send("s", t + 2.6, "PA", 1000)
    c.send("c", t + 2.65, "A", win=510)
    c.close(t + 10.0, rtt)
    return c


def rto_retransmission(out, t0=0.0, v6=False, cport=40200):
    """The last segment of a request is lost twice; no duplicate ACKs come back, so only the timer (RTO, doubled) resends it."""
    c = Conv(out, t0, v6, cport=cport)
    rtt = 5.0
    t = c.handshake(0.0, rtt)
    seg = c.seg
    c.send("c", t + 0.1, "A", seg)
    c.send("c", t + 0.7, "A", seg)
    last = c.send("c", t + 1.3, "PA", 512, delivered=False)
    c.send("s", t + 0.7 + rtt, "A")  # acks the first two; the third never arrives
    t_rto = t + 0.7 + rtt + 206.0     # the timer restarted on that ACK: RTO 206 ms (200 ms floor + RTT)
    c.send("c", t_rto, "PA", 512, seq=last, delivered=False)
    t_rto2 = t_rto + 412.0            # backed off: twice the RTO
    c.send("c", t_rto2, "PA", 512, seq=last)
    c.send("s", t_rto2 + rtt, "A")
    c.send("s", t_rto2 + rtt + 0.4, "PA", 200)
    c.send("c", t_rto2 + rtt + 0.45, "A")
    c.close(t_rto2 + rtt + 20.0, rtt)
    return c


def fast_retransmission(out, t0=0.0, v6=False, cport=40300):
    """Five segments, the second lost: three duplicate ACKs with SACK blocks, the fast retransmission, the cumulative ACK."""
    c = Conv(out, t0, v6, cport=cport)
    rtt = 5.0
    t = c.handshake(0.0, rtt)
    seg = c.seg
    sent = [t + 0.1 + 0.6 * i for i in range(5)]
    lost = 1 + seg
    c.send("c", sent[0], "A", seg)
    c.send("c", sent[1], "A", seg, delivered=False)
    c.send("s", sent[0] + rtt, "A")
    # Each out-of-order segment is acked at once, with a growing SACK block.
    for i in (2, 3, 4):
        c.send("c", sent[i], "A", seg)
        c.send("s", sent[i] + rtt, "A", sack="auto")
    c.send("c", sent[4] + rtt + 0.05, "A", seg, seq=lost)
    c.send("s", sent[4] + 2 * rtt + 0.05, "A")
    c.send("s", sent[4] + 2 * rtt + 0.5, "PA", 100)
    c.send("c", sent[4] + 2 * rtt + 0.55, "A")
    c.close(sent[4] + 2 * rtt + 20.0, rtt)
    return c


def out_of_order(out, t0=0.0, v6=False, cport=40400):
    """Captured at the receiver: the network swaps the second and third segments, 0.8 ms apart."""
    c = Conv(out, t0, v6, cport=cport)
    rtt = 5.0
    t = c.handshake(0.0, rtt, at="s")
    seg = c.seg
    s1 = c.send("c", t + 5.0, "A", seg)
    c.send("s", t + 5.05, "A")
    s2 = s1 + seg
    # Seen at the server in the order 1, 3, 2, 4.
    c.send("c", t + 5.6, "A", seg, seq=s2 + seg)
    c.send("s", t + 5.65, "A", sack="auto")
    c.send("c", t + 6.4, "A", seg, seq=s2)
    c.send("s", t + 6.45, "A")
    c.send("c", t + 6.8, "PA", 700, seq=s2 + 2 * seg)
    c.send("s", t + 6.85, "A")
    c.send("s", t + 7.5, "PA", 120)
    c.send("c", t + 7.5 + rtt, "A")
    c.close(t + 30.0, rtt)
    return c


def lost_segment(out, t0=0.0, v6=False, cport=40500):
    """Captured where frames went missing (a busy mirror port): one client segment and one server segment never seen."""
    c = Conv(out, t0, v6, cport=cport)
    rtt = 5.0
    t = c.handshake(0.0, rtt)
    seg = c.seg
    c.send("c", t + 0.1, "A", seg)
    c.send("c", t + 0.7, "A", seg, captured=False)
    c.send("s", t + 0.7 + rtt, "A")
    c.send("c", t + 1.3, "PA", 900)
    c.send("s", t + 1.3 + rtt, "A")
    c.send("s", t + 1.3 + rtt + 0.4, "PA", 300, captured=False)
    c.send("c", t + 1.3 + rtt + 0.45, "A")
    c.close(t + 1.3 + rtt + 20.0, rtt)
    return c


def zero_window(out, t0=0.0, v6=False, cport=40600):
    """A small receiver that offers no window scaling and a 4096-byte window: the sender fills it (window full), the
    window falls to 0, two 1-byte zero window probes (RTO apart, backed off) and their ACKs, then a window update."""
    c = Conv(out, t0, v6, cport=cport, sws=None, ssyn_win=4096, swin=4096, cwin=64240)
    rtt = 2.0
    t = c.handshake(0.0, rtt)
    # 1024-byte writes with TCP_NODELAY; the application on the server side reads nothing yet.
    c.send("c", t + 0.1, "PA", 1024)
    c.send("c", t + 0.4, "PA", 1024)
    c.send("s", t + 0.4 + rtt, "A", win=2048)   # two writes in: the right edge stays at 4097
    c.send("c", t + 0.7, "PA", 1024)
    c.send("c", t + 1.0, "PA", 1024)            # reaches the right edge: window full
    c.send("s", t + 1.0 + rtt, "A", win=0)
    t = t + 1.0 + rtt
    probe = c.c.snd_nxt
    c.send("c", t + 204.0, "PA", 1, delivered=False)       # the receiver drops the byte: no room
    c.c.snd_nxt = probe
    c.send("s", t + 204.0 + rtt, "A", win=0)
    c.send("c", t + 204.0 + 408.0, "PA", 1, seq=probe, delivered=False)
    c.c.snd_nxt = probe
    c.send("s", t + 612.0 + rtt, "A", win=0)
    c.send("s", t + 700.0, "A", win=4096)                   # the application read everything
    c.send("c", t + 700.0 + rtt, "PA", 1024)
    c.send("c", t + 700.0 + rtt + 0.3, "PA", 1024)
    c.send("s", t + 700.0 + 2 * rtt + 0.3, "A", win=2048)
    c.close(t + 720.0, rtt)
    return c


def keep_alive(out, t0=0.0, v6=False, cport=40700):
    """An idle connection: the client's keep-alives (seq = next - 1, no data; TCP_KEEPIDLE 60 s, Linux style) and the
    server's ACKs, then one 1-byte keep-alive from the server (Windows style) and the client's ACK."""
    c = Conv(out, t0, v6, cport=cport)
    rtt = 4.0
    t = c.handshake(0.0, rtt)
    c.send("c", t + 0.1, "PA", 64)
    c.send("s", t + 0.1 + rtt, "PA", 64)
    c.send("c", t + 0.15 + rtt, "A")
    t = t + 0.15 + rtt
    ka = c.c.snd_nxt - 1
    c.send("c", t + 60000.0, "A", seq=ka)
    c.send("s", t + 60000.0 + rtt, "A")
    c.send("c", t + 120000.0 + rtt, "A", seq=ka)
    c.send("s", t + 120000.0 + 2 * rtt, "A")
    c.send("s", t + 150000.0, "A", 1, seq=c.s.snd_nxt - 1)
    c.send("c", t + 150000.0 + rtt, "A")
    c.close(t + 160000.0, rtt)
    return c


def spurious_retransmission(out, t0=0.0, v6=False, cport=40800):
    """Captured at the receiver: its ACK of a request is lost on the way back, so the client's RTO resends data the
    capture has already seen acknowledged; the receiver answers with a duplicate ACK carrying a D-SACK block."""
    c = Conv(out, t0, v6, cport=cport)
    rtt = 5.0
    t = c.handshake(0.0, rtt, at="s")
    req = c.send("c", t + 5.0, "PA", 300)
    c.send("s", t + 5.05, "A", delivered=False)
    c.send("c", t + 5.0 + 206.0, "PA", 300, seq=req)
    c.send("s", t + 5.0 + 206.05, "A", sack="auto")
    c.send("s", t + 5.0 + 210.0, "PA", 500)
    c.send("c", t + 5.0 + 210.0 + rtt, "A")
    c.close(t + 240.0, rtt)
    return c


def port_reuse(out, t0=0.0, v6=False, cport=40900):
    """Three connections on one four-tuple, each SYN with another ISN: the first is closed (FIN both ways), the second
    is abandoned without a close (the client restarted), the third's first SYN goes unanswered and is sent again
    with the same ISN one second later (a retransmission, not a new connection)."""
    rtt = 3.0
    first = None
    for k, (start, isn, sisn) in enumerate([(0.0, 0x1f2e3d4c, 0x6a5b4c3d), (2000.0, 0x5ee0d1e5, 0x0bad5eed),
                                             (32000.0, 0x2c0ffee0, 0x71c0ffee)]):
        c = Conv(out, t0 + start, v6, cport=cport, cisn=isn, sisn=sisn, rtt=rtt)
        first = first or c
        t = 0.0
        if k == 2:
            c.send("c", t, "S", delivered=False)
            t += 1000.0
            c.send("c", t, "S", seq=0)
            c.send("s", t + rtt, "SA")
            c.send("c", t + rtt + 0.03, "A")
            t += rtt + 0.03
        else:
            t = c.handshake(t, rtt)
        c.send("c", t + 0.1, "PA", 40)
        c.send("s", t + 0.1 + rtt, "PA", 80)
        c.send("c", t + 0.15 + rtt, "A")
        if k != 1:
            c.close(t + 10.0, rtt)
    return first


def seq_wrap(out, t0=0.0, v6=False, cport=41000):
    """Both ISNs just below 2^32: the upload (12 segments) and the answer (3) carry their sequence numbers past zero."""
    c = Conv(out, t0, v6, cport=cport, cisn=MOD - 6000, sisn=MOD - 2000)
    rtt = 3.0
    t = c.handshake(0.0, rtt)
    seg = c.seg
    for i in range(12):
        c.send("c", t + 0.1 + 0.6 * i, "PA" if i == 11 else "A", seg)
        if i % 2 == 1:
            c.send("s", t + 0.1 + 0.6 * i + rtt, "A")
    t = t + 0.1 + 0.6 * 11 + rtt
    for i in range(3):
        c.send("s", t + 0.5 + 0.6 * i, "PA" if i == 2 else "A", seg)
    c.send("c", t + 1.8 + 0.05, "A")
    c.close(t + 10.0, rtt)
    return c


def mid_stream(out, t0=0.0, v6=False, cport=41100):
    """A capture started inside a transfer: no SYN, so relative numbers start at 1 and the window scale is unknown."""
    c = Conv(out, t0, v6, cport=cport, cisn=0x3c3c0000, sisn=0x7e7e0000)
    c.handshake(0.0, 3.0)
    c.send("c", 3.1, "PA", 5000 % c.seg)
    c.send("s", 6.1, "PA", 200)
    c.send("c", 6.15, "A")
    del out[:]
    t = 1000.0
    c.send("c", t, "A", c.seg)
    c.send("c", t + 0.6, "PA", c.seg)
    c.send("s", t + 0.6 + 3.0, "A")
    c.send("s", t + 4.0, "PA", 400)
    c.send("c", t + 4.05, "A")
    c.close(t + 10.0, 3.0)
    return c


def udp_streams(out):
    """Datagrams on several four-tuples, interleaved, over IPv4 and IPv6, one four-tuple reused after a pause."""
    e_ab = Ether(src=mc.MAC_A, dst=mc.MAC_B)
    e_ba = Ether(src=mc.MAC_B, dst=mc.MAC_A)

    def v4(sport, dport, fwd, n, ipid):
        ip = IP(src=mc.V4_A, dst=mc.V4_B, id=ipid) if fwd else IP(src=mc.V4_B, dst=mc.V4_A, id=ipid)
        return (e_ab if fwd else e_ba) / ip / UDP(sport=sport, dport=dport) / Raw(payload(ipid, n))

    def v6(sport, dport, fwd, n, ipid):
        ip = IPv6(src=mc.V6_A, dst=mc.V6_B) if fwd else IPv6(src=mc.V6_B, dst=mc.V6_A)
        return (e_ab if fwd else e_ba) / ip / UDP(sport=sport, dport=dport) / Raw(payload(ipid, n))

    plan = [
        (0.0, v4(50100, 9, True, 40, 1)),          # stream 0
        (0.5, v4(9, 50100, False, 40, 2)),         # stream 0, the answer
        (1.0, v4(50101, 9, True, 60, 3)),          # stream 1: another source port
        (1.2, v6(50100, 9, True, 40, 4)),          # stream 2: the same ports over IPv6
        (1.7, v4(50100, 9, True, 40, 5)),          # stream 0 again
        (2.0, v4(50101, 5000, True, 30, 6)),       # stream 3: another destination port
        (2.4, v6(9, 50100, False, 40, 7)),         # stream 2, the answer
        (3.0, v4(9, 50101, False, 60, 8)),         # stream 1, the answer
        (60000.0, v4(50100, 9, True, 40, 9)),      # stream 0 a minute later: UDP has no close, same stream
    ]
    for t, p in plan:
        p.time = stamp(t)
        out.append(p)


def main():
    def one(name, build, **kw):
        out = []
        build(out, **kw)
        out.sort(key=lambda p: p.time)
        write(name, out)

    one("tcp-window-scaling.pcap", window_scaling)
    one("tcp-rto-retransmission.pcap", rto_retransmission)
    one("tcp-fast-retransmission.pcap", fast_retransmission)
    one("tcp-out-of-order.pcap", out_of_order)
    one("tcp-lost-segment.pcap", lost_segment)
    one("tcp-zero-window.pcap", zero_window)
    one("tcp-keep-alive.pcap", keep_alive)
    one("tcp-spurious-retransmission.pcap", spurious_retransmission)
    one("tcp-port-reuse.pcap", port_reuse)
    one("tcp-seq-wrap.pcap", seq_wrap)
    one("tcp-mid-stream.pcap", mid_stream)
    one("udp-streams.pcap", lambda out: udp_streams(out))

    # IPv6: the same cases one after another in one file, one stream each.
    out = []
    window_scaling(out, 0.0, True)
    rto_retransmission(out, 1000.0, True)
    fast_retransmission(out, 3000.0, True)
    out.sort(key=lambda p: p.time)
    write("tcp-analysis-ipv6.pcap", out)


if __name__ == "__main__":
    main()
