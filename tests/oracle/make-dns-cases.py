#!/usr/bin/python3
"""Writes DNS captures for the tshark and tcpdump oracles of RawNet's DNS decoding.

    make-dns-cases.py OUTFILE         # the fixed cases, one pcap
    make-dns-cases.py OUTFILE SEED    # random queries and answers instead (names, types, counts, compression)
    make-dns-cases.py OUTFILE --tcp   # DNS over TCP (RFC 1035 4.2.2): the fixed segments
    make-dns-cases.py OUTFILE SEED --tcp  # random DNS streams over TCP, cut into segments anywhere

The fixed cases: queries and answers of A, AAAA, CNAME, PTR, MX, NS, TXT, SOA, SRV and OPT (EDNS0) records and of
types RawNet shows as type/class/ttl/len only, several answers, compressed names, NXDOMAIN, SERVFAIL, the root name,
several questions, a non-IN class, mDNS (5353), LLMNR (5355), DNS over IPv6, UPDATE, EDNS options, odd label bytes, and damaged variants: counts larger
than the records present, a name pointer to itself or forwards, a label running past the end, a rdata length past the
end, a header cut short, and records cut by the capture length (snap length) at many points. Every timestamp starts at
2023-11-14 22:13:20 UTC and steps 1 ms per packet. Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import random
import struct
import sys

from scapy.layers.inet import IP, UDP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.layers.dns import (DNS, DNSQR, DNSRR, DNSRROPT, DNSRRMX, DNSRRSOA, DNSRRSRV)
from scapy.layers.inet6 import IPv6

T0 = 1700000000
MAC_A, MAC_B = "02:00:00:00:00:01", "02:00:00:00:00:02"
A, B = "198.18.0.1", "198.18.0.2"
A6, B6 = "2001:db8::1", "2001:db8::2"


def write(path, frames):
    """A microsecond pcap of (bytes, caplen or None), 1 ms apart."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def udp4(payload, query=True, sport=40000, port=53):
    if query:
        p = Ether(src=MAC_A, dst=MAC_B) / IP(src=A, dst=B, id=1) / UDP(sport=sport, dport=port) / Raw(payload)
    else:
        p = Ether(src=MAC_B, dst=MAC_A) / IP(src=B, dst=A, id=1) / UDP(sport=port, dport=sport) / Raw(payload)
    return bytes(p)


def udp6(payload, query=True, sport=40001, port=53):
    if query:
        p = Ether(src=MAC_A, dst=MAC_B) / IPv6(src=A6, dst=B6) / UDP(sport=sport, dport=port) / Raw(payload)
    else:
        p = Ether(src=MAC_B, dst=MAC_A) / IPv6(src=B6, dst=A6) / UDP(sport=port, dport=sport) / Raw(payload)
    return bytes(p)


def header(ident, flags, qd, an, ns, ar):
    return struct.pack(">HHHHHH", ident, flags, qd, an, ns, ar)


def name(text):
    """An uncompressed wire name."""
    out = b""
    for label in [l for l in text.split(".") if l]:
        out += bytes([len(label)]) + label.encode()
    return out + b"\0"


def fixed_cases():
    frames = []

    def add(data, caplen=None):
        frames.append((data, caplen))

    # Plain query and answer (the example lines).
    q = DNS(id=0x1234, rd=1, qd=DNSQR(qname="www.example.com", qtype="A"))
    add(udp4(bytes(q)))
    r = DNS(id=0x1234, qr=1, aa=1, rd=1, ra=1, qd=DNSQR(qname="www.example.com", qtype="A"),
            an=DNSRR(rrname="www.example.com", type="A", ttl=300, rdata=B))
    add(udp4(bytes(r), query=False))
    # AAAA, several answers with a CNAME chain; scapy compresses names.
    q = DNS(id=2, rd=1, qd=DNSQR(qname="host.example.org", qtype="AAAA"))
    add(udp4(bytes(q)))
    r = DNS(id=2, qr=1, rd=1, ra=1, qd=DNSQR(qname="host.example.org", qtype="AAAA"),
            an=DNSRR(rrname="host.example.org", type="CNAME", ttl=60, rdata="web.example.org")
            / DNSRR(rrname="web.example.org", type="AAAA", ttl=60, rdata="2001:db8::80")
            / DNSRR(rrname="web.example.org", type="AAAA", ttl=60, rdata="2001:db8::81"))
    add(udp4(bytes(r), query=False))
    # A with several addresses.
    r = DNS(id=3, qr=1, rd=1, ra=1, qd=DNSQR(qname="many.example.net", qtype="A"),
            an=DNSRR(rrname="many.example.net", type="A", ttl=10, rdata="192.0.2.1")
            / DNSRR(rrname="many.example.net", type="A", ttl=10, rdata="192.0.2.2")
            / DNSRR(rrname="many.example.net", type="A", ttl=4294967295, rdata="192.0.2.3"))
    add(udp4(bytes(r), query=False))
    # PTR.
    q = DNS(id=4, rd=1, qd=DNSQR(qname="2.0.18.198.in-addr.arpa", qtype="PTR"))
    add(udp4(bytes(q)))
    r = DNS(id=4, qr=1, aa=1, rd=1, ra=1, qd=DNSQR(qname="2.0.18.198.in-addr.arpa", qtype="PTR"),
            an=DNSRR(rrname="2.0.18.198.in-addr.arpa", type="PTR", ttl=3600, rdata="b.example.com"))
    add(udp4(bytes(r), query=False))
    # MX (two), NS (authority), SOA in authority, TXT with two strings.
    r = DNS(id=5, qr=1, rd=1, ra=1, qd=DNSQR(qname="example.com", qtype="MX"),
            an=DNSRRMX(rrname="example.com", type="MX", ttl=300, preference=10, exchange="mx1.example.com")
            / DNSRRMX(rrname="example.com", type="MX", ttl=300, preference=20, exchange="mx2.example.com"),
            ns=DNSRR(rrname="example.com", type="NS", ttl=300, rdata="ns1.example.com"),
            ar=DNSRR(rrname="mx1.example.com", type="A", ttl=300, rdata="192.0.2.25"))
    add(udp4(bytes(r), query=False))
    r = DNS(id=6, qr=1, rd=1, ra=1, qd=DNSQR(qname="example.com", qtype="NS"),
            an=DNSRR(rrname="example.com", type="NS", ttl=86400, rdata="ns1.example.com")
            / DNSRR(rrname="example.com", type="NS", ttl=86400, rdata="ns2.example.com"))
    add(udp4(bytes(r), query=False))
    r = DNS(id=7, qr=1, rd=1, ra=1, qd=DNSQR(qname="example.com", qtype="TXT"),
            an=DNSRR(rrname="example.com", type="TXT", ttl=300, rdata=["v=spf1 -all", "hello world"]))
    add(udp4(bytes(r), query=False))
    r = DNS(id=8, qr=1, aa=1, rd=1, ra=1, rcode=3, qd=DNSQR(qname="nope.example.com", qtype="A"),
            ns=DNSRRSOA(rrname="example.com", type="SOA", ttl=900, mname="ns1.example.com", rname="hostmaster.example.com",
                        serial=2023111401, refresh=7200, retry=3600, expire=1209600, minimum=300))
    add(udp4(bytes(r), query=False))
    r = DNS(id=9, qr=1, rd=1, ra=1, qd=DNSQR(qname="example.com", qtype="SOA"),
            an=DNSRRSOA(rrname="example.com", type="SOA", ttl=900, mname="ns1.example.com", rname="hostmaster.example.com",
                        serial=1, refresh=2, retry=3, expire=4, minimum=5))
    add(udp4(bytes(r), query=False))
    # SRV.
    q = DNS(id=10, rd=1, qd=DNSQR(qname="_sip._udp.example.com", qtype="SRV"))
    add(udp4(bytes(q)))
    r = DNS(id=10, qr=1, rd=1, ra=1, qd=DNSQR(qname="_sip._udp.example.com", qtype="SRV"),
            an=DNSRRSRV(rrname="_sip._udp.example.com", type="SRV", ttl=300, priority=10, weight=60, port=5060, target="sip.example.com")
            / DNSRRSRV(rrname="_sip._udp.example.com", type="SRV", ttl=300, priority=20, weight=0, port=5061, target="sip2.example.com"))
    add(udp4(bytes(r), query=False))
    # EDNS0: query with an OPT record, DO bit; answer with OPT too.
    q = DNS(id=11, rd=1, ad=1, qd=DNSQR(qname="example.com", qtype="A"), ar=DNSRROPT(rclass=1232, z=0x8000))
    add(udp4(bytes(q)))
    r = DNS(id=11, qr=1, rd=1, ra=1, qd=DNSQR(qname="example.com", qtype="A"),
            an=DNSRR(rrname="example.com", type="A", ttl=300, rdata="192.0.2.10"), ar=DNSRROPT(rclass=4096))
    add(udp4(bytes(r), query=False))
    # SERVFAIL, REFUSED, no questions, the root name, ANY, a CHAOS-class TXT query, other types (HINFO, DS).
    add(udp4(bytes(DNS(id=12, qr=1, rd=1, ra=1, rcode=2, qd=DNSQR(qname="fail.example.com", qtype="A"))), query=False))
    add(udp4(bytes(DNS(id=13, qr=1, rd=1, rcode=5, qd=DNSQR(qname="example.com", qtype="A"))), query=False))
    add(udp4(header(14, 0x0100, 0, 0, 0, 0)))
    add(udp4(bytes(DNS(id=15, rd=0, qd=DNSQR(qname=".", qtype="NS")))))
    add(udp4(bytes(DNS(id=16, rd=1, qd=DNSQR(qname="example.com", qtype="ALL")))))
    add(udp4(bytes(DNS(id=17, rd=0, qd=DNSQR(qname="version.bind", qtype="TXT", qclass="CH")))))
    add(udp4(header(18, 0x8180, 1, 2, 0, 0) + name("odd.example.com") + struct.pack(">HH", 13, 1)
             + b"\xc0\x0c" + struct.pack(">HHIH", 13, 1, 60, 8) + b"\x03cpu\x03os\x00"
             + b"\xc0\x0c" + struct.pack(">HHIH", 43, 1, 60, 4) + b"\x01\x02\x03\x04", query=False))
    # Two questions.
    add(udp4(header(19, 0x0100, 2, 0, 0, 0) + name("a.example.com") + struct.pack(">HH", 1, 1)
             + name("b.example.com") + struct.pack(">HH", 28, 1)))
    # Over IPv6.
    add(udp6(bytes(DNS(id=20, rd=1, qd=DNSQR(qname="v6.example.com", qtype="AAAA")))))
    add(udp6(bytes(DNS(id=20, qr=1, rd=1, ra=1, qd=DNSQR(qname="v6.example.com", qtype="AAAA"),
                       an=DNSRR(rrname="v6.example.com", type="AAAA", ttl=30, rdata="2001:db8::6"))), query=False))
    # mDNS.
    add(udp4(bytes(DNS(id=0, qd=DNSQR(qname="printer.local", qtype="A", qclass=0x8001))), sport=5353, port=5353))
    add(udp4(bytes(DNS(id=0, qr=1, aa=1, an=DNSRR(rrname="printer.local", type="A", rclass=0x8001, ttl=120, rdata="198.18.0.9"))),
             query=False, sport=5353, port=5353))
    # Hand-made compression: answer name points at the question, rdata points into the answer.
    msg = (header(22, 0x8180, 1, 2, 0, 0) + name("www.example.com") + struct.pack(">HH", 5, 1)
           + b"\xc0\x0c" + struct.pack(">HHIH", 5, 1, 100, 6) + b"\x03cdn\xc0\x10"
           + b"\xc0\x2d" + struct.pack(">HHIH", 1, 1, 100, 4) + bytes([192, 0, 2, 99]))
    add(udp4(msg, query=False))

    # A response to two questions, AD and CD bits, an opcode, EDNS options (cookie, padding, client subnet, NSID).
    add(udp4(header(23, 0x81A0, 2, 1, 0, 0) + name("a.example.com") + struct.pack(">HH", 1, 1)
             + name("b.example.com") + struct.pack(">HH", 1, 1)
             + b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 7, 4) + bytes([192, 0, 2, 7]), query=False))
    add(udp4(header(24, 0x2910, 1, 0, 0, 0) + name("example.com") + struct.pack(">HH", 6, 1)))
    opts = (struct.pack(">HH", 10, 8) + bytes(range(1, 9)) + struct.pack(">HH", 12, 3) + b"\0\0\0"
            + struct.pack(">HHHBB", 8, 7, 1, 24, 0) + bytes([198, 51, 100]) + struct.pack(">HH", 3, 2) + b"\x12\x34")
    add(udp4(header(25, 0x0120, 1, 0, 0, 1) + name("example.com") + struct.pack(">HH", 1, 1)
             + b"\x00" + struct.pack(">HHIH", 41, 1232, 0x00008000, len(opts)) + opts))
    add(udp4(header(25, 0x8180, 1, 0, 0, 1) + name("example.com") + struct.pack(">HH", 1, 1)
             + b"\x00" + struct.pack(">HHIH", 41, 1232, 0x01000000, 0), query=False))
    # A bit-string label, a name with odd bytes, a record of an unknown type and class.
    add(udp4(header(26, 0x0100, 1, 0, 0, 0) + b"\x41\x10\xab\xcd\x00" + struct.pack(">HH", 12, 1)))
    add(udp4(header(26, 0x0100, 1, 0, 0, 0) + b"\x42\x10\xab\xcd\x00" + struct.pack(">HH", 12, 1)))
    add(udp4(header(27, 0x0100, 1, 0, 0, 0) + b"\x05a b\x01\xe9\x03com\x00" + struct.pack(">HH", 1, 1)))
    # Names whose text is 253 characters (the longest shown) and 254 (shown as too long by tshark).
    for total in (253, 254):
        wire, left = b"", total
        while left > 0:
            label = min(63, left)
            wire += bytes([label]) + b"b" * label
            left -= label + 1
        add(udp4(header(total, 0x0100, 1, 0, 0, 0) + wire + b"\0" + struct.pack(">HH", 1, 1)))
    add(udp4(header(28, 0x8180, 1, 1, 0, 0) + name("odd.example") + struct.pack(">HH", 999, 42)
             + b"\xc0\x0c" + struct.pack(">HHIH", 999, 42, 1, 2) + b"hi", query=False))

    # Odd bytes as tshark 4.0 shows them: C escapes, an overlong UTF-8 letter, extended labels after a label and after a
    # pointer (a bit string is stepped over), TXT strings with a zero byte and bytes past ASCII, one running past its record.
    add(udp4(header(40, 0x0100, 1, 0, 0, 0) + b"\x05a\x08\x0a\x07b\x04x\xc1\xa9y\x00" + struct.pack(">HH", 1, 1)))
    add(udp4(header(41, 0x0100, 1, 0, 0, 0) + b"\x01a\x42\x10\xab\xcd\x00" + struct.pack(">HH", 1, 1)))
    add(udp4(header(42, 0x0100, 1, 0, 0, 0) + b"\x01a\x41\x10\xab\xcd\x00" + struct.pack(">HH", 1, 1)))
    add(udp4(header(43, 0x0100, 1, 0, 0, 0) + b"\xc0\x0e\x7f\x00" + struct.pack(">HH", 1, 1)))
    add(udp4(header(44, 0x8180, 0, 2, 0, 0) + b"\x00" + struct.pack(">HHIH", 16, 1, 5, 12) + b"\x04a\x00bc\x06\xe9t\xc3\xa9!!"
             + b"\x00" + struct.pack(">HHIH", 16, 1, 5, 3) + b"\x02ab\x05cdefg", query=False))
    # A name in record data that cannot be read: the record is shown without it, and nothing after it.
    add(udp4(header(45, 0x8180, 0, 3, 0, 0) + b"\x00" + struct.pack(">HHIH", 2, 1, 5, 2) + b"\xc0\xff"
             + b"\x00" + struct.pack(">HHIH", 15, 1, 5, 4) + b"\x00\x0a\xc0\xff"
             + b"\x00" + struct.pack(">HHIH", 1, 1, 5, 4) + b"\x01\x02\x03\x04", query=False))
    add(udp4(header(46, 0x8180, 0, 2, 0, 0) + b"\x00" + struct.pack(">HHIH", 15, 1, 5, 4) + b"\x00\x0a\xc0\xff"
             + b"\x00" + struct.pack(">HHIH", 1, 1, 5, 4) + b"\x01\x02\x03\x04", query=False))

    # --- damaged ---
    good = bytes(DNS(id=30, qr=1, rd=1, ra=1, qd=DNSQR(qname="cut.example.com", qtype="A"),
                     an=DNSRR(rrname="cut.example.com", type="A", ttl=5, rdata="192.0.2.5")
                     / DNSRR(rrname="cut.example.com", type="A", ttl=5, rdata="192.0.2.6")))
    # More answers counted than present.
    add(udp4(header(31, 0x8180, 1, 3, 0, 0) + good[12:], query=False))
    # A header shorter than 12 bytes.
    add(udp4(good[:7], query=False))
    # Pointer to itself, pointer forwards, a label past the end, rdata length past the end.
    add(udp4(header(32, 0x0100, 1, 0, 0, 0) + b"\xc0\x0c" + struct.pack(">HH", 1, 1)))
    add(udp4(header(33, 0x0100, 1, 0, 0, 0) + b"\x03abc\xc0\x20" + struct.pack(">HH", 1, 1) + b"\x00" * 16))
    add(udp4(header(34, 0x0100, 1, 0, 0, 0) + b"\x03www\x30abc"))
    add(udp4(header(35, 0x8180, 1, 1, 0, 0) + name("x.example.com") + struct.pack(">HH", 1, 1)
             + b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 5, 40) + b"\x01\x02\x03\x04", query=False))
    # A name longer than 255 bytes (five labels of 63).
    add(udp4(header(36, 0x0100, 1, 0, 0, 0) + b"".join(b"\x3f" + b"a" * 63 for _ in range(5)) + b"\x00" + struct.pack(">HH", 1, 1)))
    # Reserved label types 0x40 and 0x80.
    add(udp4(header(37, 0x0100, 1, 0, 0, 0) + b"\x41abc\x00" + struct.pack(">HH", 1, 1)))
    # The capture cut inside the message at many points (snap length).
    eth = udp4(good, query=False)
    start = len(eth) - len(good)
    for cut in [2, 11, 12, 15, 20, 33, 34, 36, 40, 45, 47, 49, 52, 55, len(good) - 1]:
        add(eth, start + cut)
    q = udp4(bytes(DNS(id=38, rd=1, qd=DNSQR(qname="www.example.com", qtype="A"))))
    for cut in [14, 20, 30]:
        add(q, len(q) - len(bytes(DNS(id=38, rd=1, qd=DNSQR(qname="www.example.com", qtype="A")))) + cut)
    # LLMNR (RFC 4795) on 5355: its flag bits are C, TC and T where DNS has AA, TC and RD; 53 wins over 5355.
    add(udp4(header(40, 0x0000, 1, 0, 0, 0) + name("host1") + struct.pack(">HH", 1, 1), sport=50000, port=5355))
    add(udp4(header(40, 0x8400, 1, 1, 0, 0) + name("host1") + struct.pack(">HH", 1, 1)
             + b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 30, 4) + bytes([198, 18, 0, 7]), query=False, sport=50000, port=5355))
    add(udp4(header(41, 0x0100, 1, 0, 0, 0) + name("tentative-host") + struct.pack(">HH", 28, 1), sport=50001, port=5355))
    add(udp4(header(42, 0x8603, 1, 0, 0, 0) + name("missing") + struct.pack(">HH", 1, 1), query=False, sport=50002, port=5355))
    add(udp6(header(43, 0x0000, 1, 0, 0, 0) + name("host6") + struct.pack(">HH", 28, 1), sport=50003, port=5355))
    add(udp4(header(44, 0x0100, 1, 0, 0, 0) + name("both.example") + struct.pack(">HH", 1, 1), sport=5355, port=53))
    add(udp4(header(45, 0x0000, 1, 0, 0, 0) + name("mdns-wins") + struct.pack(">HH", 1, 1), sport=5355, port=5353))
    return frames


def tcp_cases():
    """Segments to and from TCP port 53: a SYN, a 1-byte segment, whole messages, one cut by the capture, two in one
    segment, a message split over two segments, a prefix that is not the length; then streams of their own with
    messages split across segments anywhere and several in one segment. tcpdump prints each segment on its own; tshark puts messages together."""
    from scapy.layers.inet import TCP
    frames = []
    seq = [100]

    def seg(payload, flags="PA", sport=40000, dport=53, cap=None):
        p = Ether(src=MAC_A, dst=MAC_B) / IP(src=A, dst=B) / TCP(sport=sport, dport=dport, flags=flags, seq=seq[0], ack=1) / Raw(payload)
        seq[0] += len(payload)
        data = bytes(p)
        frames.append((data, None if cap is None else len(data) - len(payload) + cap))

    q = bytes(DNS(id=0x1234, rd=1, qd=DNSQR(qname="www.example.com", qtype="A")))
    r = bytes(DNS(id=0x1234, qr=1, rd=1, ra=1, qd=DNSQR(qname="www.example.com", qtype="A"),
                  an=DNSRR(rrname="www.example.com", ttl=5, rdata="192.0.2.1")))
    frames.append((bytes(Ether(src=MAC_A, dst=MAC_B) / IP(src=A, dst=B) / TCP(sport=40000, dport=53, flags="S", seq=99)), None))
    seg(b"\x00")
    seg(struct.pack(">H", len(q)) + q)
    for cut in (1, 2, 5, 20):
        seg(struct.pack(">H", len(q)) + q, cap=cut)
    seg(struct.pack(">H", len(q)) + q + struct.pack(">H", len(q)) + q)
    seg(struct.pack(">H", len(r)) + r[:20])
    seg(r[20:])
    seg(struct.pack(">H", len(r)) + r, sport=53, dport=40001)
    seg(struct.pack(">H", 5) + b"hello")
    # A stream of its own (port 40002): a response over three segments, a message that ends inside the next segment,
    # which also starts a third message, a length split between segments, and a retransmission of a held part.
    seq[0] = 1000
    both = struct.pack(">H", len(r)) + r + struct.pack(">H", len(q)) + q + struct.pack(">H", len(r)) + r
    cuts = [7, 30, len(r) + 2 + 5, len(r) + 2 + len(q) + 2 + 1, len(both)]
    at = 0
    for i, cut in enumerate(cuts):
        seg(both[at:cut], sport=40002)
        if i == 1:
            seq[0] -= cut - at
            seg(both[at:cut], sport=40002)
        at = cut
    # Three whole messages in one segment (tshark's Info keeps the last one's text), then a message put together
    # from two segments followed by three whole ones (the first's text, then the last's).
    seq[0] = 5000
    three = b"".join(struct.pack(">H", len(m)) + m for m in (q, r, q))
    seg(three, sport=40003)
    seg(three[:5] , sport=40004)
    seg(three[5:] + three, sport=40004)
    # tshark lists "dns" once per call of its dissector, not per message: a segment the capture cut inside the first
    # length (the call throws), or after nothing; two whole messages and a third cut in its length or its body; a
    # message completed by a segment that brings two whole ones and a third held.
    seq[0] = 7000
    seg(struct.pack(">H", len(q)) + q, sport=40005, cap=0)
    seg(struct.pack(">H", len(q)) + q + struct.pack(">H", len(r)) + r + struct.pack(">H", len(q)) + q, sport=40005, cap=len(q) + 2 + len(r) + 2 + 1)
    seg(struct.pack(">H", len(q)) + q + struct.pack(">H", len(r)) + r + struct.pack(">H", len(q)) + q, sport=40005, cap=len(q) + 2 + len(r) + 2 + 9)
    seq[0] = 8000
    seg(three[:40], sport=40006)
    seg(three[40:] + three + three[:3], sport=40006)
    seg(three[3:], sport=40006)
    return frames


def random_tcp_cases(seed):
    """Random DNS streams over TCP: messages of the random cases after their lengths, cut into segments anywhere (a
    length split, many messages in one segment), now and then a segment the capture cut, a resend or a lost one."""
    from scapy.layers.inet import TCP
    rng = random.Random(seed)
    messages = [data[42:] for data, _ in random_cases(seed)]
    frames = []
    for stream in range(12):
        sport = 41000 + stream
        chosen = [rng.choice(messages) for _ in range(rng.randint(1, 5))]
        data = b"".join(struct.pack(">H", len(m)) + m for m in chosen)
        seq = rng.randint(0, 2**32 - 1)
        at = 0
        while at < len(data):
            n = rng.randint(1, max(1, min(len(data) - at, rng.choice([3, 40, 200, 1400]))))
            payload = data[at:at + n]
            p = bytes(Ether(src=MAC_A, dst=MAC_B) / IP(src=A, dst=B) / TCP(sport=sport, dport=53, flags="PA", seq=(seq + at) % 2**32, ack=1) / Raw(payload))
            roll = rng.random()
            if roll < 0.05:
                at += n  # lost
                continue
            frames.append((p, len(p) - n + rng.randint(0, n - 1) if roll < 0.12 else None))
            if rng.random() < 0.05:
                frames.append((p, None))  # sent again
            at += n
    return frames


TYPES = ["A", "AAAA", "CNAME", "PTR", "MX", "NS", "TXT", "SRV", "SOA"]


def random_cases(seed):
    rng = random.Random(seed)
    frames = []

    def rname():
        return ".".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789-") for _ in range(rng.randint(1, 12)))
                        for _ in range(rng.randint(1, 4))) + rng.choice([".com", ".example", ".arpa", ""])

    def record(owner, kind):
        ttl = rng.randint(0, 100000)
        if kind == "A":
            return DNSRR(rrname=owner, type="A", ttl=ttl, rdata="192.0.2.%d" % rng.randint(0, 255))
        if kind == "AAAA":
            return DNSRR(rrname=owner, type="AAAA", ttl=ttl, rdata="2001:db8::%x" % rng.randint(0, 0xffff))
        if kind in ("CNAME", "PTR", "NS"):
            return DNSRR(rrname=owner, type=kind, ttl=ttl, rdata=rname())
        if kind == "MX":
            return DNSRRMX(rrname=owner, type="MX", ttl=ttl, preference=rng.randint(0, 100), exchange=rname())
        if kind == "TXT":
            return DNSRR(rrname=owner, type="TXT", ttl=ttl, rdata=[rname() for _ in range(rng.randint(1, 3))])
        if kind == "SRV":
            return DNSRRSRV(rrname=owner, type="SRV", ttl=ttl, priority=rng.randint(0, 9), weight=rng.randint(0, 9),
                            port=rng.randint(1, 65535), target=rname())
        return DNSRRSOA(rrname=owner, type="SOA", ttl=ttl, mname=rname(), rname=rname(), serial=rng.randint(0, 2**32 - 1),
                        refresh=rng.randint(0, 9999), retry=rng.randint(0, 9999), expire=rng.randint(0, 99999),
                        minimum=rng.randint(0, 999))

    for i in range(60):
        owner = rname()
        kind = rng.choice(TYPES)
        ident = rng.randint(0, 65535)
        frames.append((udp4(bytes(DNS(id=ident, rd=rng.randint(0, 1), qd=DNSQR(qname=owner, qtype=kind))), sport=30000 + i), None))
        answers = None
        for _ in range(rng.randint(0, 4)):
            rr = record(owner, rng.choice(TYPES) if rng.random() < 0.3 else kind)
            answers = rr if answers is None else answers / rr
        rcode = rng.choice([0, 0, 0, 3, 2])
        r = DNS(id=ident, qr=1, aa=rng.randint(0, 1), rd=1, ra=rng.randint(0, 1), rcode=rcode,
                qd=DNSQR(qname=owner, qtype=kind), an=answers)
        data = udp4(bytes(r), query=False, sport=30000 + i)
        frames.append((data, None if rng.random() < 0.8 else rng.randint(42, len(data))))
    return frames


if __name__ == "__main__":
    out = sys.argv[1]
    if len(sys.argv) > 2 and sys.argv[2] == "--tcp":
        write(out, tcp_cases())
    elif len(sys.argv) > 3 and sys.argv[3] == "--tcp":
        write(out, random_tcp_cases(int(sys.argv[2])))
    else:
        write(out, random_cases(int(sys.argv[2])) if len(sys.argv) > 2 else fixed_cases())
