#!/usr/bin/python3
"""Writes captures/snmp/snmp-cases.pcap for the tshark oracle of RawNet's SNMP decoding.

    make-snmp-cases.py OUTFILE         # the fixed cases, one pcap (captures/snmp/snmp-cases.pcap)
    make-snmp-cases.py DIRECTORY       # the same, as DIRECTORY/snmp-cases.pcap
    make-snmp-cases.py OUTFILE SEED    # 400 random damages of the fixed messages (bytes changed, cut, inserted; snap-cut)

The cases (RFC 3416 on UDP 161 and 162): v1 and v2c get, get-next, set, responses with every value type (integers of
one to eight bytes, strings, OIDs, null, addresses of 4, 16 and other lengths, counters, gauges, time ticks, Counter64,
NSAP, opaque, unknown application and private tags, noSuchObject, noSuchInstance, endOfMibView), error status and index,
GetBulk, informs, reports, v1 and v2 traps, sysDescr and sysName values (which tshark's variable-OID table reads again),
v3 messages encrypted and in plaintext with their USM parameters; OIDs with large, unfinished and non-minimal
sub-identifiers, empty and under joint-iso-itu-t; long-form and indefinite lengths, bytes after the message; and damaged
variants: payloads tshark's heuristic refuses (not a sequence, a length past the datagram, no INTEGER first), an OID
sub-identifier above 32 bits, inner lengths past the datagram, unknown versions, and messages cut by the capture length
at every few bytes. Run with Debian's /usr/bin/python3 (python3-scapy); scapy's SNMP layers build the first messages,
BER of our own the others.
"""
import os
import struct
import sys

from scapy.asn1.asn1 import ASN1_COUNTER32, ASN1_GAUGE32, ASN1_INTEGER, ASN1_IPADDRESS, ASN1_NULL, ASN1_OID, ASN1_STRING, ASN1_TIME_TICKS
from scapy.layers.inet import IP, UDP
from scapy.layers.l2 import Ether
from scapy.layers.snmp import SNMP, SNMPbulk, SNMPget, SNMPnext, SNMPresponse, SNMPset, SNMPtrapv1, SNMPtrapv2, SNMPvarbind
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


def frame(payload, sport=1024, dport=161, src="198.18.0.1", dst="198.18.0.2"):
    return bytes(Ether(src=A, dst=B) / IP(src=src, dst=dst) / UDP(sport=sport, dport=dport) / Raw(bytes(payload)))


def tlv(tag, body, length=None):
    n = len(body) if length is None else length
    if n < 128:
        head = bytes([n])
    elif n < 256:
        head = b"\x81" + bytes([n])
    else:
        head = b"\x82" + struct.pack(">H", n)
    return bytes([tag]) + head + body


def integer(v):
    return tlv(2, v.to_bytes((v.bit_length() + 8) // 8 or 1, "big", signed=True))


def octets(b):
    return tlv(4, b)


def oid_bytes(text):
    arcs = [int(x) for x in text.split(".")]
    out = bytes([40 * arcs[0] + arcs[1]])
    for x in arcs[2:]:
        enc = [x & 0x7F]
        x >>= 7
        while x:
            enc.insert(0, 0x80 | (x & 0x7F))
            x >>= 7
        out += bytes(enc)
    return out


def oid(text):
    return tlv(6, oid_bytes(text))


NULL = b"\x05\x00"


def varbind(name, value=NULL):
    return tlv(0x30, (oid(name) if isinstance(name, str) else tlv(6, name)) + value)


def pdu(binds, tag=0xA0, rid=1, status=0, index=0):
    return tlv(tag, integer(rid) + integer(status) + integer(index) + tlv(0x30, b"".join(binds)))


def message(body, version=1, community=b"public"):
    return tlv(0x30, integer(version) + octets(community) + body)


def v3(msg_id, flags, usm, data, model=3, max_size=65507):
    header = tlv(0x30, integer(msg_id) + integer(max_size) + octets(flags) + integer(model))
    return tlv(0x30, integer(3) + header + octets(usm) + data)


def usm(engine=b"", boots=0, time=0, user=b"", auth=b"", priv=b""):
    return tlv(0x30, octets(engine) + integer(boots) + integer(time) + octets(user) + octets(auth) + octets(priv))


ENGINE = bytes.fromhex("80001f8880e9bd0c1d12667a5100000000")
SYSDESCR = "1.3.6.1.2.1.1.1.0"


def cases():
    out = []
    add = lambda payload, caplen=None, **kw: out.append((frame(payload, **kw), caplen))
    # scapy's own layers: v2c get and its response with typed values, set, get-next, GetBulk, a v1 trap, a v2 trap
    add(SNMP(community="public", PDU=SNMPget(id=28, varbindlist=[SNMPvarbind(oid=SYSDESCR)])))
    add(SNMP(community="public", PDU=SNMPresponse(id=28, varbindlist=[
        SNMPvarbind(oid=SYSDESCR, value=ASN1_STRING(b"Linux box")),
        SNMPvarbind(oid="1.3.6.1.2.1.1.3.0", value=ASN1_TIME_TICKS(12345)),
        SNMPvarbind(oid="1.3.6.1.2.1.2.2.1.10.1", value=ASN1_COUNTER32(99)),
        SNMPvarbind(oid="1.3.6.1.2.1.2.2.1.5.1", value=ASN1_GAUGE32(1000000)),
        SNMPvarbind(oid="1.3.6.1.2.1.4.20.1.1.1", value=ASN1_IPADDRESS("10.0.0.1")),
        SNMPvarbind(oid="1.3.6.1.2.1.1.2.0", value=ASN1_OID("1.3.6.1.4.1.8072.3.2.10")),
        SNMPvarbind(oid="1.3.6.1.2.1.1.7.0", value=ASN1_INTEGER(-72))])), sport=161, dport=1024)
    add(SNMP(community="private", PDU=SNMPset(id=3, varbindlist=[SNMPvarbind(oid="1.3.6.1.2.1.1.5.0", value=ASN1_STRING(b"host"))])))
    add(SNMP(community="public", PDU=SNMPnext(id=4, varbindlist=[SNMPvarbind(oid="1.3.6.1.2.1.1")])))
    add(SNMP(community="public", PDU=SNMPbulk(id=5, non_repeaters=1, max_repetitions=10, varbindlist=[
        SNMPvarbind(oid="1.3.6.1.2.1.1.3", value=ASN1_NULL(0)), SNMPvarbind(oid="1.3.6.1.2.1.2.2.1.2")])))
    add(SNMP(version=0, community="public", PDU=SNMPtrapv1(enterprise="1.3.6.1.4.1.9", agent_addr="10.0.0.5", generic_trap=6,
        specific_trap=17, time_stamp=4242, varbindlist=[SNMPvarbind(oid="1.3.6.1.4.1.9.9.1", value=ASN1_STRING(b"x"))])), dport=162)
    add(SNMP(version=1, community="public", PDU=SNMPtrapv2(id=9, varbindlist=[
        SNMPvarbind(oid="1.3.6.1.2.1.1.3.0", value=ASN1_TIME_TICKS(1)),
        SNMPvarbind(oid="1.3.6.1.6.3.1.1.4.1.0", value=ASN1_OID("1.3.6.1.6.3.1.1.5.1"))])), sport=50162, dport=162)
    # v1 get; error status and index; inform and report; a v1 trap with a generic type
    add(message(pdu([varbind(SYSDESCR)]), version=0))
    add(message(pdu([varbind("1.3.6.1.2.1.1")], tag=0xA2, rid=4, status=2, index=1)), sport=161, dport=1024)
    add(message(pdu([varbind("1.3.6.1.2.1.1.3.0", tlv(0x43, b"\x01"))], tag=0xA6, rid=7)), dport=162)
    add(message(pdu([varbind("1.3.6.1.6.3.15.1.1.4.0", tlv(0x41, b"\x05"))], tag=0xA8, rid=-1)), sport=161, dport=1024)
    add(message(tlv(0xA4, oid("1.3.6.1.4.1.2021") + tlv(0x40, b"\xc0\x00\x02\x01") + integer(3) + integer(0)
                    + tlv(0x43, b"\x00\xff\xff\xff\xff") + tlv(0x30, b"")), version=0), dport=162)
    # every value type, and lengths tshark reads as they are
    values = [
        tlv(0x02, b"\x7f"), tlv(0x02, b"\x80\x00\x00\x00\x00"), tlv(0x02, b"\xff" * 8), tlv(0x04, b""), tlv(0x06, b"\x2b"),
        tlv(0x40, b"\x01\x02"), tlv(0x40, bytes(range(16))), tlv(0x41, b"\xff"), tlv(0x41, b"\x00\xff\xff\xff\xff"),
        tlv(0x42, b"\xff\xff\xff\xff"), tlv(0x42, b"\x00\xff\xff\xff\xff"), tlv(0x43, b"\x80"), tlv(0x44, b"\x9f\x78\x04\x3f\x80\x00\x00"),
        tlv(0x45, b"\x01"), tlv(0x46, b"\xff" * 8), tlv(0x46, b"\x00" + b"\xff" * 8), tlv(0x47, b"\x80\x00\x00\x00\x00"),
        tlv(0x48, b"\x01"), tlv(0xC1, b"\x01"), tlv(0x01, b"\x01"), tlv(0x05, b""),
        tlv(0x80, b""), tlv(0x81, b""), tlv(0x82, b""),
    ]
    add(message(pdu([varbind("1.3.6.1.4.1.8072.1." + str(i), v) for i, v in enumerate(values)], tag=0xA2)), sport=161, dport=1024)
    # sysDescr and sysName values tshark's variable-OID table reads again (frame.protocols), an empty one it does not
    add(message(pdu([varbind(SYSDESCR, octets(b"router")), varbind("1.3.6.1.2.1.1.5.0", octets(b"r1")),
                     varbind("1.3.6.1.2.1.1.4.0", octets(b"ops")), varbind(SYSDESCR, octets(b""))], tag=0xA2)), sport=161, dport=1024)
    add(message(pdu([varbind(SYSDESCR, tlv(0x43, b"\x01\x02")), varbind(SYSDESCR, tlv(0x80, b""))], tag=0xA2)), sport=161, dport=1024)
    # v3: encrypted with USM, plaintext without security, plaintext authenticated
    add(v3(12345, b"\x07", usm(ENGINE, 5, 123456, b"alice", b"\x11" * 12, b"\x22" * 8), octets(b"\xaa" * 40)))
    add(v3(1, b"\x04", usm(), tlv(0x30, octets(ENGINE) + octets(b"") + pdu([varbind(SYSDESCR)]))))
    add(v3(2, b"\x01", usm(ENGINE, 1, 2, b"bob", b"\x33" * 12), tlv(0x30, octets(ENGINE) + octets(b"ctx") + pdu([varbind(SYSDESCR, octets(b"v3 box"))], tag=0xA2))),
        sport=161, dport=1024)
    add(v3(3, b"\x04", usm(), tlv(0x30, octets(b"") + octets(b"") + pdu([varbind("1.3.6.1.6.3.15.1.1.4.0", tlv(0x41, b"\x07"))], tag=0xA8))),
        sport=161, dport=1024)
    # OIDs: sub-identifiers of 32 bits, an unfinished one, a non-minimal one, an empty name, joint-iso-itu-t, itu-t
    for name in (b"\x2b\x8f\xff\xff\xff\x7f", b"\x2b\x06\x81", b"\x2b\x80\x06", b"", b"\x81\x00", b"\x8f\xff\xff\xff\x7f", b"\x00\x27\x50\x78"):
        add(message(pdu([varbind(name)])))
    add(message(tlv(0xA4, oid("2.5.4") + tlv(0x40, b"\x0a\0\0\1") + integer(6) + integer(1) + tlv(0x43, b"\x01") + tlv(0x30, b"")), version=0), dport=162)
    add(message(tlv(0xA4, oid("0.0") + tlv(0x40, b"\x0a\0\0\1") + integer(6) + integer(1) + tlv(0x43, b"\x01") + tlv(0x30, b"")), version=0), dport=162)
    # long-form and indefinite lengths; bytes after the message
    get = message(pdu([varbind(SYSDESCR), varbind("1.3.6.1.2.1.1.2.0")]))
    add(b"\x30\x84\x00\x00\x00" + bytes([len(get) - 2]) + get[2:])
    add(b"\x30\x80" + get[2:] + b"\x00\x00")
    add(get + b"\x00\x01\x02")
    add(message(pdu([varbind(SYSDESCR, octets(b"trailing"))], tag=0xA2)) + b"\xff", sport=161, dport=1024)
    # refused by tshark's heuristic: not a sequence, a length past the datagram, no INTEGER first
    add(b"\x31" + get[1:])
    add(get[:-3])
    add(tlv(0x30, octets(b"x") + octets(b"public") + pdu([varbind(SYSDESCR)])))
    add(b"\x30\x03\x02")
    add(b"hello snmp")
    # damaged: an OID sub-identifier past 32 bits, inner lengths past the datagram, unknown versions
    add(message(pdu([varbind(b"\x2b\x90\x80\x80\x80\x00")])))
    add(message(pdu([varbind(SYSDESCR)]))[:-1] + b"\x05")
    add(message(pdu([varbind(SYSDESCR, octets(b"x"))]))[:-2] + b"\x05x")
    add(tlv(0x30, integer(1) + octets(b"public") + b"\xa0\x30" + integer(1) + integer(0) + integer(0) + b"\x30\x20" + varbind(SYSDESCR)))
    add(message(pdu([varbind(SYSDESCR)]), version=5))
    # heuristic reads cut short: one byte, a long length missing
    add(b"\x30")
    add(b"\x30\x82")
    # cut by the capture: every few bytes of a get, a v1 trap, a v3 message
    for cut in (1, 2, 3, 4, 5, 7, 10, 13, 15, 20, 24, 26, 28, 33, 38, 40, 45, 50, 53):
        out.append((frame(get), 42 + cut))
    trap = frame(message(tlv(0xA4, oid("1.3.6.1.4.1.9") + tlv(0x40, b"\x0a\0\0\5") + integer(6) + integer(17) + tlv(0x43, b"\x10\x92")
                             + tlv(0x30, varbind("1.3.6.1.4.1.9.9.1", octets(b"x")))), version=0), dport=162)
    for cut in (15, 20, 27, 30, 35, 40):
        out.append((trap, 42 + cut))
    enc = frame(v3(12345, b"\x07", usm(ENGINE, 5, 123456, b"alice", b"\x11" * 12, b"\x22" * 8), octets(b"\xaa" * 40)))
    for cut in (5, 12, 20, 30, 45, 60, 75, 90, 100, 130):
        out.append((enc, 42 + cut))
    return out


def random_cases(seed):
    """The fixed messages damaged at random: a few bytes changed (often to a tag, a length or a BER continuation byte),
    the message cut or bytes inserted; now and then the capture cuts the frame."""
    import random
    rng = random.Random(seed)
    messages = [data[42:] for data, _ in cases() if len(data) > 42]
    out = []
    for _ in range(400):
        msg = bytearray(rng.choice(messages))
        for _ in range(rng.randint(1, 3)):
            if not msg:
                break
            at = rng.randrange(len(msg))
            roll = rng.random()
            if roll < 0.5:
                msg[at] = rng.randrange(256)
            elif roll < 0.7:
                msg[at] = rng.choice([0x30, 0x02, 0x04, 0x05, 0x06, 0x80, 0x81, 0x82, 0xA2, 0xFF, 0x00])
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
        write(os.path.join(target, "snmp-cases.pcap") if os.path.isdir(target) else target, cases())
