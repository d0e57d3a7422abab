#!/usr/bin/python3
"""Writes RawNet's own small test captures, byte for byte the same on every run.

Run with Debian's python3 (which has python3-scapy): /usr/bin/python3 captures/make-captures.py [OUTDIR]
Every timestamp, address (198.18.0.0/15, 2001:db8::/32), MAC (02:00:...), sequence number and IP id is fixed here.
"""
import os
import sys

from scapy.layers.inet import ICMP, IP, TCP, UDP, fragment
from scapy.layers.inet6 import ICMPv6DestUnreach, ICMPv6PacketTooBig, IPv6, IPv6ExtHdrFragment, fragment6
from scapy.layers.l2 import ARP, Ether, Dot1Q
from scapy.packet import Raw
from scapy.utils import wrpcap

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000  # 2023-11-14 22:13:20 UTC

MAC_A = "02:00:00:00:00:01"
MAC_B = "02:00:00:00:00:02"
MAC_R = "02:00:00:00:00:fe"  # a router
V4_A, V4_B, V4_R = "198.18.0.1", "198.18.0.2", "198.18.0.254"
V6_A, V6_B, V6_R = "2001:db8::1", "2001:db8::2", "2001:db8::fe"


def write(name, packets, step=0.001):
    """Stamps packets T0, T0+step, ... and writes them as a microsecond pcap."""
    for i, p in enumerate(packets):
        p.time = T0 + i * step
    wrpcap(os.path.join(OUT, name), packets)


def write_cut(name, packets_and_caplens, step=0.001):
    """Writes a microsecond pcap (snaplen 65535) whose records keep only the first caplen bytes of each packet."""
    import struct
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, (p, caplen) in enumerate(packets_and_caplens):
            data = bytes(p)
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + (i * 1000) // 1000000, (i * 1000) % 1000000, len(kept), len(data)))
            f.write(kept)


def tcp_session(ether_ab, ether_ba, ip_ab, ip_ba):
    """Handshake, one request and one response with data, then FIN teardown from both sides."""
    a_seq, b_seq = 1000, 5000
    syn_options = [("MSS", 1460), ("SAckOK", b""), ("Timestamp", (100, 0)), ("NOP", None), ("WScale", 7)]
    request = b"GET / HTTP/1.0\r\n\r\n"
    response = b"HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello"
    return [
        ether_ab / ip_ab / TCP(sport=40000, dport=80, flags="S", seq=a_seq, window=64240, options=syn_options),
        ether_ba / ip_ba / TCP(sport=80, dport=40000, flags="SA", seq=b_seq, ack=a_seq + 1, window=65160,
                               options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (200, 100)), ("NOP", None), ("WScale", 7)]),
        ether_ab / ip_ab / TCP(sport=40000, dport=80, flags="A", seq=a_seq + 1, ack=b_seq + 1, window=502),
        ether_ab / ip_ab / TCP(sport=40000, dport=80, flags="PA", seq=a_seq + 1, ack=b_seq + 1, window=502) / Raw(request),
        ether_ba / ip_ba / TCP(sport=80, dport=40000, flags="A", seq=b_seq + 1, ack=a_seq + 1 + len(request), window=509),
        ether_ba / ip_ba / TCP(sport=80, dport=40000, flags="PA", seq=b_seq + 1, ack=a_seq + 1 + len(request), window=509) / Raw(response),
        ether_ab / ip_ab / TCP(sport=40000, dport=80, flags="A", seq=a_seq + 1 + len(request), ack=b_seq + 1 + len(response), window=501),
        ether_ab / ip_ab / TCP(sport=40000, dport=80, flags="FA", seq=a_seq + 1 + len(request), ack=b_seq + 1 + len(response), window=501),
        ether_ba / ip_ba / TCP(sport=80, dport=40000, flags="FA", seq=b_seq + 1 + len(response), ack=a_seq + 2 + len(request), window=509),
        ether_ab / ip_ab / TCP(sport=40000, dport=80, flags="A", seq=a_seq + 2 + len(request), ack=b_seq + 2 + len(response), window=501),
    ]


def main():
    e_ab = Ether(src=MAC_A, dst=MAC_B)
    e_ba = Ether(src=MAC_B, dst=MAC_A)

    write("tcp-handshake-ipv4.pcap", tcp_session(e_ab, e_ba, IP(src=V4_A, dst=V4_B, id=1, ttl=64, flags="DF"),
                                                 IP(src=V4_B, dst=V4_A, id=2, ttl=64, flags="DF")))
    write("tcp-handshake-ipv6.pcap", tcp_session(e_ab, e_ba, IPv6(src=V6_A, dst=V6_B, hlim=64),
                                                 IPv6(src=V6_B, dst=V6_A, hlim=64)))

    # A question and an answer each way, plus a VLAN-tagged datagram and an ARP exchange.
    write("udp-exchange.pcap", [
        Ether(src=MAC_A, dst="ff:ff:ff:ff:ff:ff") / ARP(op=1, hwsrc=MAC_A, psrc=V4_A, hwdst="00:00:00:00:00:00", pdst=V4_B),
        e_ba / ARP(op=2, hwsrc=MAC_B, psrc=V4_B, hwdst=MAC_A, pdst=V4_A),
        e_ab / IP(src=V4_A, dst=V4_B, id=10) / UDP(sport=50000, dport=7) / Raw(b"ping over udp"),
        e_ba / IP(src=V4_B, dst=V4_A, id=11) / UDP(sport=7, dport=50000) / Raw(b"ping over udp"),
        e_ab / IPv6(src=V6_A, dst=V6_B) / UDP(sport=50001, dport=7) / Raw(b"ping over udp6"),
        e_ba / IPv6(src=V6_B, dst=V6_A) / UDP(sport=7, dport=50001) / Raw(b"ping over udp6"),
        e_ab / Dot1Q(vlan=100, prio=3) / IP(src=V4_A, dst=V4_B, id=12) / UDP(sport=50002, dport=9) / Raw(b"tagged"),
    ])

    # One 3000-byte UDP datagram as three IPv4 fragments, and one 3000-byte UDP datagram as IPv6 fragments.
    big = bytes(range(256)) * 11 + bytes(184)  # 3000 bytes
    v4 = IP(src=V4_A, dst=V4_B, id=0x1234) / UDP(sport=50010, dport=9) / Raw(big[:2992])
    v4_frags = [e_ab / f for f in fragment(v4, fragsize=1400)]
    v6 = IPv6(src=V6_A, dst=V6_B) / IPv6ExtHdrFragment(id=0xabcd) / UDP(sport=50011, dport=9) / Raw(big[:2992])
    v6_frags = [e_ab / f for f in fragment6(v6, 1280)]
    write("ip-fragments.pcap", v4_frags + v6_frags)

    # ICMP errors quoting the packets that caused them.
    udp_probe = IP(src=V4_A, dst=V4_B, id=20, ttl=64) / UDP(sport=50020, dport=33434) / Raw(b"probe")
    tcp_probe = IP(src=V4_A, dst="198.19.0.9", id=21, ttl=1) / TCP(sport=40001, dport=443, flags="S", seq=7000, window=64240)
    v6_big = IPv6(src=V6_A, dst=V6_B) / UDP(sport=50021, dport=9) / Raw(bytes(1400))
    write("icmp-errors.pcap", [
        e_ab / udp_probe,
        e_ba / IP(src=V4_B, dst=V4_A, id=30) / ICMP(type=3, code=3) / bytes(udp_probe),
        e_ab / tcp_probe,
        Ether(src=MAC_R, dst=MAC_A) / IP(src=V4_R, dst=V4_A, id=31) / ICMP(type=11, code=0) / bytes(tcp_probe)[:28],
        e_ab / v6_big,
        Ether(src=MAC_R, dst=MAC_A) / IPv6(src=V6_R, dst=V6_A) / ICMPv6PacketTooBig(mtu=1280) / bytes(v6_big)[:1232],
        e_ab / IP(src=V4_A, dst=V4_B, id=22) / ICMP(type=8, id=1, seq=1) / Raw(b"abcdefgh"),
        e_ba / IP(src=V4_B, dst=V4_A, id=32) / ICMP(type=0, id=1, seq=1) / Raw(b"abcdefgh"),
    ])

    # Checksums that do not verify, one per protocol, beside a good one.
    write("bad-checksums.pcap", [
        e_ab / IP(src=V4_A, dst=V4_B, id=40, chksum=0x1234) / UDP(sport=50030, dport=9) / Raw(b"bad ip header checksum"),
        e_ab / IP(src=V4_A, dst=V4_B, id=41) / TCP(sport=40002, dport=80, flags="S", seq=1, window=1024, chksum=0xbeef),
        e_ab / IP(src=V4_A, dst=V4_B, id=42) / UDP(sport=50031, dport=9, chksum=0x4321) / Raw(b"bad udp checksum"),
        e_ab / IP(src=V4_A, dst=V4_B, id=43) / UDP(sport=50032, dport=9, chksum=0) / Raw(b"no udp checksum"),
        e_ab / IP(src=V4_A, dst=V4_B, id=44) / ICMP(type=8, id=2, seq=1, chksum=0x0bad) / Raw(b"bad icmp"),
        e_ab / IPv6(src=V6_A, dst=V6_B) / TCP(sport=40003, dport=80, flags="S", seq=1, window=1024, chksum=0xfeed),
        e_ab / IP(src=V4_A, dst=V4_B, id=45) / UDP(sport=50033, dport=9) / Raw(b"all good"),
    ])

    # Snap-length cuts inside each header, a payload cut short, and headers with impossible values.
    syn = e_ab / IP(src=V4_A, dst=V4_B, id=50) / TCP(sport=40004, dport=80, flags="S", seq=1, window=1024,
                                                     options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (1, 0)), ("NOP", None), ("WScale", 7)])
    udp = e_ab / IP(src=V4_A, dst=V4_B, id=51) / UDP(sport=50040, dport=9) / Raw(bytes(100))
    v6 = e_ab / IPv6(src=V6_A, dst=V6_B) / UDP(sport=50041, dport=9) / Raw(b"x" * 20)
    bad_ip_length = e_ab / IP(src=V4_A, dst=V4_B, id=52, len=400) / UDP(sport=50042, dport=9) / Raw(b"short")
    bad_tcp_offset = e_ab / IP(src=V4_A, dst=V4_B, id=53) / TCP(sport=40005, dport=80, flags="A", seq=1, ack=1, dataofs=3)
    write_cut("truncated.pcap", [
        (syn, 60),            # inside the TCP options
        (syn, 40),            # inside the TCP fixed header
        (syn, 24),            # inside the IPv4 header
        (syn, 10),            # inside the Ethernet header
        (udp, 60),            # UDP payload cut: checksum cannot be verified
        (v6, 30),             # inside the IPv6 header
        (bad_ip_length, None),  # IPv4 total length beyond the frame
        (bad_tcp_offset, None),  # TCP data offset 3 (12 bytes)
    ])

    # An underlay datagram fragmented on its way (VXLAN, as a veth pair with a 1500-byte MTU does it) whose inner IPv4
    # packet is itself the first fragment of a larger datagram; the inner datagram's last fragment follows in a second,
    # whole VXLAN datagram. Reassembling the outer datagram must leave its bytes alone when the inner fragment is stored.
    from scapy.layers.vxlan import VXLAN
    inner = IP(src="198.18.95.1", dst="198.18.95.2", id=0x6265) / UDP(sport=57964, dport=5354) / Raw(b"q" * 1500)
    inner_frags = fragment(inner, fragsize=1456)
    underlay = lambda i, payload: IP(src=V4_A, dst=V4_B, id=0xaf00 + i) / UDP(sport=59157, dport=4789) / VXLAN(vni=42) / \
        Ether(src="02:00:00:00:00:11", dst="02:00:00:00:00:12") / payload
    outer_frags = fragment(underlay(0, inner_frags[0]), fragsize=1480)
    write("nested-fragments.pcap", [e_ab / f for f in outer_frags] + [e_ab / underlay(1, inner_frags[1])])

    # ICMP and ICMPv6 errors quoting datagrams whose payload RawNet decodes by port: tshark hands a quoted datagram's
    # payload to its ports' dissectors like any other (DNS whole, cut in its header and in its question; mDNS; a VXLAN
    # tunnel with an IPv6 packet inside; L2TP; over IPv6), shows no exception inside the quote and keeps ICMP's Info;
    # a quoted TCP segment with HTTP after its header.
    from scapy.layers.dns import DNS, DNSQR, DNSRR
    answer = IP(src=V4_B, dst=V4_A, id=60) / UDP(sport=53, dport=40053) / DNS(id=7, qr=1, rd=1, qd=DNSQR(qname="example.com"),
                                                                         an=DNSRR(rrname="example.com", rdata="198.18.9.9"))
    mdns = IP(src=V4_B, dst="224.0.0.251", id=61) / UDP(sport=5353, dport=5353) / DNS(id=0, qr=1, aa=1, an=DNSRR(rrname="printer.local", rdata="198.18.0.77"))
    tunnel = IP(src=V4_B, dst=V4_A, id=62) / UDP(sport=40789, dport=4789) / VXLAN(vni=7) / \
        Ether(src="02:00:00:00:00:11", dst="02:00:00:00:00:12") / IPv6(src=V6_A, dst=V6_B) / UDP(sport=5000, dport=6000) / Raw(b"inner")
    l2tp = IP(src=V4_B, dst=V4_A, id=63) / UDP(sport=1701, dport=1701) / Raw(bytes.fromhex("4002001400070009ff030021") + bytes(IP(src="198.18.202.1", dst="198.18.202.2") / UDP(sport=1, dport=2)))
    answer6 = IPv6(src=V6_B, dst=V6_A) / UDP(sport=53, dport=40053) / DNS(id=8, qr=1, qd=DNSQR(qname="example.org", qtype="AAAA"))
    http = IP(src=V4_B, dst=V4_A, id=64) / TCP(sport=80, dport=40080, flags="PA", seq=1, ack=1, window=1024) / Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    unreachable = lambda quote: Ether(src=MAC_A, dst=MAC_B) / IP(src=V4_A, dst=V4_B, id=70) / ICMP(type=3, code=3) / quote
    write("icmp-quoted-payloads.pcap", [
        unreachable(bytes(answer)),
        unreachable(bytes(answer)[:40]),
        unreachable(bytes(answer)[:50]),
        unreachable(bytes(mdns)),
        unreachable(bytes(tunnel)),
        unreachable(bytes(l2tp)),
        unreachable(bytes(http)),
        Ether(src=MAC_A, dst=MAC_B) / IPv6(src=V6_A, dst=V6_B) / ICMPv6DestUnreach(code=4) / bytes(answer6),
    ])
    # Fragments as tshark's single pass lays them (epan/reassemble.c): out of order, overlapping with the same and with
    # other bytes, a repeated last fragment, a second last fragment ending elsewhere, fragments reaching past the end and
    # starting past it, a repeat after completion, empty fragments, a datagram of fewer than 36 bytes, IPv6 alike, and
    # fragments cut by the capture (never added). Each datagram has its own id; every one but the cut ones completes.
    def datagram(ip, sport, size, fill=0):
        return bytes(ip / UDP(sport=sport, dport=9) / Raw(bytes((fill + i) % 256 for i in range(size - 8))))[len(ip):]

    def v4(ident, offset, data, more):
        return e_ab / IP(src=V4_A, dst=V4_B, id=ident, proto=17, frag=offset // 8, flags="MF" if more else 0) / Raw(data)

    def v6(ident, offset, data, more):
        return e_ab / IPv6(src=V6_A, dst=V6_B) / IPv6ExtHdrFragment(nh=17, offset=offset // 8, m=int(more), id=ident) / Raw(data)

    cases = []
    for frag, ip, base in ((v4, IP(src=V4_A, dst=V4_B, proto=17), 0x7100), (v6, IPv6(src=V6_A, dst=V6_B, nh=17), 0x76000)):
        d = datagram(ip, 50100, 1200)
        cases += [frag(base + 1, 800, d[800:], False), frag(base + 1, 0, d[:400], True), frag(base + 1, 400, d[400:800], True)]
        d = datagram(ip, 50101, 1200)
        cases += [frag(base + 2, 0, d[:800], True), frag(base + 2, 400, d[400:1000], True), frag(base + 2, 1000, d[1000:], False)]
        d, other = datagram(ip, 50102, 1200), datagram(ip, 50102, 1200, fill=7)
        cases += [frag(base + 3, 0, d[:800], True), frag(base + 3, 400, other[400:1000], True), frag(base + 3, 1000, d[1000:], False)]
        d = datagram(ip, 50103, 1000)
        cases += [frag(base + 4, 800, d[800:], False), frag(base + 4, 800, d[800:], False), frag(base + 4, 0, d[:800], True),
                  frag(base + 4, 800, d[800:], False)]
        d = datagram(ip, 50104, 1000)
        cases += [frag(base + 5, 800, d[800:], False), frag(base + 5, 800, d[800:] + bytes(96), False), frag(base + 5, 1200, bytes(200), True),
                  frag(base + 5, 400, d[400:800] + bytes(304), True), frag(base + 5, 0, d[:400], True)]
        # (an empty IPv6 fragment tshark hands to UDP, which RawNet does not: IPv4 only)
        empty = [frag(base + 6, 8, b"", True)] if frag is v4 else []
        d = datagram(ip, 50105, 28)
        cases += [frag(base + 6, 16, d[16:], False)] + empty + [frag(base + 6, 0, d[:16], True)]
        d = datagram(ip, 50106, 1200)
        cases += [frag(base + 7, 0, d[:600], True), frag(base + 7, 600, d[600:], False)] + ([frag(base + 7, 8, b"", True)] if frag is v4 else [])
    cut = [(p, None) for p in cases]
    d = datagram(IP(src=V4_A, dst=V4_B, proto=17), 50107, 1200)
    cut += [(v4(0x7108, 0, d[:600], True), 300), (v4(0x7108, 600, d[600:], False), None)]
    d = datagram(IPv6(src=V6_A, dst=V6_B, nh=17), 50107, 1200)
    cut += [(v6(0x76008, 0, d[:600], True), None), (v6(0x76008, 600, d[600:], False), 100)]
    write_cut("ip-fragment-cases.pcap", cut)


if __name__ == "__main__":
    main()
