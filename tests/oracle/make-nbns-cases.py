#!/usr/bin/python3
"""Writes captures/nbns/nbns-cases.pcap for the tshark and tcpdump oracles of RawNet's NBNS decoding.

    make-nbns-cases.py OUTFILE         # the fixed cases, one pcap (captures/nbns/nbns-cases.pcap)
    make-nbns-cases.py DIRECTORY       # the same, as DIRECTORY/nbns-cases.pcap
    make-nbns-cases.py OUTFILE SEED    # 400 random damages of the fixed messages (bytes changed, cut, inserted; snap-cut)

The cases (RFC 1002 on UDP 137): name queries broadcast and unicast, positive and negative query responses with one
and several addresses, registrations, refreshes (both opcodes), releases, multi-homed registrations, WACKs, node status
(NBSTAT) requests and responses with their name tables and statistics, names with a scope ID, a name pointer into the
question, an unknown record type; and damaged variants: pointer loops, a pointer past the message, counts larger than
the message, names that are not first-level encoded or not 16 bytes, a record's data past the message, a message
shorter than its header, and messages cut by the capture length at several points. Run with Debian's /usr/bin/python3
(python3-scapy); scapy's NBNS layers build the first messages, bytes of our own the others.
"""
import os
import struct
import sys

from scapy.layers.inet import IP, UDP
from scapy.layers.l2 import Ether
from scapy.layers.netbios import NBNSHeader, NBNSQueryRequest, NBNSQueryResponse
from scapy.packet import Raw

T0 = 1700000000
A = "02:00:00:00:00:01"
B = "02:00:00:00:00:02"


def write(path, frames):
    """A microsecond pcap of (bytes, caplen or None), 1 ms apart."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def encode(name, suffix=0x00, scope=b"", pad=b" "):
    """A NetBIOS name first-level encoded (RFC 1001 14.1) as a DNS name: 32 letters, then the scope's labels."""
    raw = name.encode().ljust(15, pad)[:15] + bytes([suffix])
    letters = b"".join(bytes([0x41 + (c >> 4), 0x41 + (c & 0xF)]) for c in raw)
    out = bytes([len(letters)]) + letters
    for label in scope.split(b".") if scope else []:
        out += bytes([len(label)]) + label
    return out + b"\0"


def header(ident, flags, qd=0, an=0, ns=0, ar=0):
    return struct.pack(">HHHHHH", ident, flags, qd, an, ns, ar)


def question(name, rtype=32, rclass=1):
    return name + struct.pack(">HH", rtype, rclass)


def rr(name, data, rtype=32, rclass=1, ttl=300000, length=None):
    return name + struct.pack(">HHIH", rtype, rclass, ttl, len(data) if length is None else length) + data


def nb(flags, addr):
    return struct.pack(">H", flags) + bytes(int(x) for x in addr.split("."))


def node_status(names, mac=b"\x02\x00\x00\x00\x00\x09", stats=b"\x00" * 40):
    table = b"".join(n.encode().ljust(15)[:15] + bytes([t]) + struct.pack(">H", f) for n, t, f in names)
    return bytes([len(names)]) + table + mac + stats


def frame(payload, src="192.0.2.10", dst="192.0.2.255", sport=137, dport=137):
    return bytes(Ether(src=A, dst=B) / IP(src=src, dst=dst) / UDP(sport=sport, dport=dport) / Raw(payload))


def cases():
    out = []
    add = lambda payload, caplen=None, **kw: out.append((frame(payload, **kw), caplen))
    # scapy's own layers: a broadcast query and its response
    out.append((bytes(Ether(src=A, dst=B) / IP(src="192.0.2.10", dst="192.0.2.255") / UDP(sport=137, dport=137)
                      / NBNSHeader(NAME_TRN_ID=0x1001, OPCODE=0, NM_FLAGS=0x11, QDCOUNT=1)
                      / NBNSQueryRequest(QUESTION_NAME="WPAD", SUFFIX=0x4141)), None))
    out.append((bytes(Ether(src=B, dst=A) / IP(src="192.0.2.1", dst="192.0.2.10") / UDP(sport=137, dport=137)
                      / NBNSHeader(NAME_TRN_ID=0x1001, RESPONSE=1, OPCODE=0, NM_FLAGS=0x58, ANCOUNT=1)
                      / NBNSQueryResponse(RR_NAME="WPAD", SUFFIX=0x4141, TTL=300000)), None))
    wpad = encode("WPAD")
    add(header(0x1002, 0x0110, qd=1) + question(wpad))
    add(header(0x1002, 0x8500, an=1) + rr(wpad, nb(0x0000, "10.0.0.1")), src="192.0.2.1", dst="192.0.2.10")
    # several addresses; a group name; H-node
    add(header(0x1003, 0x8500, an=1) + rr(encode("FILESRV", 0x20), nb(0x6000, "10.0.0.2") + nb(0xE000, "10.0.0.3")),
        src="192.0.2.1", dst="192.0.2.10")
    # negative response (name error)
    add(header(0x1004, 0x8583, an=1) + rr(encode("NOSUCH"), b"", ttl=0), src="192.0.2.1", dst="192.0.2.10")
    # unicast query with recursion desired
    add(header(0x1005, 0x0100, qd=1) + question(encode("DC01", 0x1c)), dst="192.0.2.1")
    wg = encode("WORKGROUP", 0x1d)
    ptr = b"\xc0\x0c"
    # registration, refresh (8 and 9), release, multi-homed registration: question and an additional record by pointer
    for ident, opcode in ((0x2001, 5), (0x2002, 8), (0x2003, 9), (0x2004, 6), (0x2005, 15)):
        add(header(ident, (opcode << 11) | 0x0110, qd=1, ar=1) + question(wg) + rr(ptr, nb(0x8000, "192.0.2.10")))
    # registration response, positive and conflict
    add(header(0x2001, 0xAD80, an=1) + rr(wg, nb(0x8000, "192.0.2.10")), src="192.0.2.1", dst="192.0.2.10")
    add(header(0x2006, 0xAD86, an=1) + rr(encode("HOST1", 0x20), nb(0x0000, "192.0.2.11")), src="192.0.2.1", dst="192.0.2.10")
    # WACK
    add(header(0x2007, 0xBC00, an=1) + rr(encode("HOST1", 0x20), struct.pack(">H", 0x2910), ttl=5), src="192.0.2.1", dst="192.0.2.10")
    # node status request and response
    star = encode("*", 0x00, pad=b"\0")
    add(header(0x3001, 0x0000, qd=1) + question(star, rtype=33), dst="192.0.2.20")
    table = node_status([("HOST20", 0x00, 0x0400), ("WORKGROUP", 0x00, 0x8400), ("HOST20", 0x20, 0x0400),
                         ("WORKGROUP", 0x1e, 0x8400), ("\x01\x02__MSBROWSE__\x02", 0x01, 0x8400)],
                        stats=bytes(range(40)))
    add(header(0x3001, 0x8400, an=1) + rr(star, table, rtype=33, ttl=0), src="192.0.2.20", dst="192.0.2.10")
    # a scope ID; an unknown type and class
    add(header(0x4001, 0x0110, qd=1) + question(encode("SCOPED", 0x20, scope=b"example.com")))
    add(header(0x4002, 0x0110, qd=1) + question(encode("ODDTYPE"), rtype=1, rclass=3))
    # damaged: a pointer to itself, pointers to each other, a pointer past the message
    add(header(0x5001, 0x0110, qd=1) + b"\xc0\x0c" + struct.pack(">HH", 32, 1))
    add(header(0x5002, 0x8500, qd=1, an=1) + b"\xc0\x1c" + struct.pack(">HH", 32, 1) + b"\xc0\x0c" + struct.pack(">HHIH", 32, 1, 0, 6) + nb(0, "10.0.0.9"))
    add(header(0x5003, 0x0110, qd=1) + b"\xc0\xf0" + struct.pack(">HH", 32, 1))
    # counts larger than the message
    add(header(0x5004, 0x0110, qd=5) + question(wpad))
    add(header(0x5005, 0x8500, an=3, ns=2, ar=7) + rr(wpad, nb(0, "10.0.0.1")), src="192.0.2.1", dst="192.0.2.10")
    # names that are not first-level encoded, too short, odd
    add(header(0x5006, 0x0110, qd=1) + question(b"\x20" + b"abcdefghijklmnopqrstuvwxyzabcdef" + b"\0"))
    add(header(0x5007, 0x0110, qd=1) + question(b"\x04EBEB\0"))
    add(header(0x5008, 0x0110, qd=1) + question(b"\x03EBE\0"))
    # a record's data past the message; data length shorter than its entries
    add(header(0x5009, 0x8500, an=1) + rr(wpad, nb(0, "10.0.0.1"), length=40), src="192.0.2.1", dst="192.0.2.10")
    add(header(0x500a, 0x8500, an=1) + rr(wpad, nb(0, "10.0.0.1")[:3]), src="192.0.2.1", dst="192.0.2.10")
    add(header(0x500b, 0x8400, an=1) + rr(star, table[:30], rtype=33, ttl=0), src="192.0.2.20", dst="192.0.2.10")
    # shorter than the header; empty
    add(header(0x500c, 0x0110)[:7])
    add(b"")
    # cut by the capture: in the header, the name, the type, the TTL, the address; a node status in its table
    query = frame(header(0x6001, 0x8500, an=1) + rr(wpad, nb(0, "10.0.0.1")), src="192.0.2.1", dst="192.0.2.10")
    for cut in (5, 12, 20, 47, 50, 56, 60):
        out.append((query, 42 + cut))
    status = frame(header(0x6002, 0x8400, an=1) + rr(star, table, rtype=33, ttl=0), src="192.0.2.20", dst="192.0.2.10")
    for cut in (70, 100, 150):
        out.append((status, 42 + cut))
    # from an ephemeral port to 137 and back
    add(header(0x7001, 0x0000, qd=1) + question(star, rtype=33), sport=50137, dst="192.0.2.20")
    add(header(0x7001, 0x8400, an=1) + rr(star, node_status([("LONE", 0x00, 0x0400)]), rtype=33, ttl=0),
        src="192.0.2.20", dst="192.0.2.10", dport=50137)
    return out


def random_cases(seed):
    """The fixed messages damaged at random: a few bytes changed (often to a pointer, a length, a dot or a letter), the
    message cut or bytes inserted; now and then the capture cuts the frame."""
    import random
    rng = random.Random(seed)
    messages = [data[42:] for data, _ in cases() if len(data) > 42]
    out = []
    for _ in range(400):
        msg = bytearray(rng.choice(messages))
        for _ in range(rng.randint(1, 4)):
            if not msg:
                break
            at = rng.randrange(len(msg))
            roll = rng.random()
            if roll < 0.5:
                msg[at] = rng.randrange(256)
            elif roll < 0.7:
                msg[at] = rng.choice([0xc0, 0x0c, 0x20, 0x21, 0x00, 0x41, 0x2e])
            elif roll < 0.85:
                del msg[at:]
            else:
                msg[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        data = frame(bytes(msg))
        out.append((data, None if rng.random() < 0.8 else rng.randint(42, len(data))))
    return out


if __name__ == "__main__":
    target = sys.argv[1]
    if len(sys.argv) > 2:
        write(target, random_cases(int(sys.argv[2])))
    else:
        write(os.path.join(target, "nbns-cases.pcap") if os.path.isdir(target) else target, cases())
