#!/usr/bin/python3
"""Writes captures/quic/quic-cases.pcap for the tshark and tcpdump oracles of RawNet's QUIC decoding.

    make-quic-cases.py OUTFILE         # the fixed cases, one pcap (captures/quic/quic-cases.pcap)
    make-quic-cases.py DIRECTORY       # the same, as DIRECTORY/quic-cases.pcap, with quic-handshake.pcap (whole
                                       # handshakes, handshake_cases) and quic-crypto.pcap (CRYPTO data over several
                                       # Initials, crypto_cases)
    make-quic-cases.py OUTFILE SEED    # 400 random damages of the fixed datagrams (bytes changed, cut, inserted; snap-cut)

The cases (RFC 9000 long and short headers, as tshark 4.0's UDP heuristic takes them): client Initials of every version
tshark knows a salt for (their header protection removed with keys from the DCID, so tshark shows a packet number),
with and without a token; 0-RTT and Handshake packets; Retry (v1 and v2's numbering); coalesced packets with the same
DCID, with another DCID (padding) and with zero padding after an Initial; long headers the heuristic refuses (an unknown
version, a version negotiation, a CID length of 21, 13 bytes that end in the DCID) and damaged ones (a length past the
datagram, a token past it, a cut sample), and datagrams cut by the capture length at several points. Every datagram has
its own UDP ports and connection IDs: tshark remembers connections by CID and conversations by ports, which RawNet does
not (yet), so no case may lean on an earlier one. The payloads are random bytes, not packets encrypted with the Initial
keys: tshark fails to decrypt them and shows no frames. Run with Debian's /usr/bin/python3 (python3-scapy); scapy has
no QUIC layers here, so the QUIC bytes are built by hand.
"""
import hashlib
import hmac
import os
import random
import struct
import sys

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from scapy.layers.inet import IP, UDP
from scapy.layers.l2 import Ether

T0 = 1700000000


def write(path, frames):
    """A microsecond pcap of (bytes, caplen or None), 1 ms apart."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def varint(n, size=None):
    size = size or (1 if n < 64 else 2 if n < 16384 else 4 if n < 2 ** 30 else 8)
    bits = {1: 0, 2: 1, 4: 2, 8: 3}[size]
    return (n | bits << (8 * size - 2)).to_bytes(size, "big")


class Maker:
    """Datagrams with fresh connection IDs and ports, from one seeded generator."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.port = 20000

    def bytes(self, n):
        return bytes(self.rng.randrange(256) for _ in range(n))

    def cid(self, n=8):
        return self.bytes(n)

    def long(self, ptype, version=1, dcid=None, scid=None, token=b"", payload=None, length=None, low=0):
        dcid = self.cid() if dcid is None else dcid
        scid = self.cid(4) if scid is None else scid
        out = bytes([0xC0 | ptype << 4 | low]) + version.to_bytes(4, "big") + bytes([len(dcid)]) + dcid + bytes([len(scid)]) + scid
        initial = ptype == (1 if version == 0x6B3343CF else 0)
        if initial:
            out += varint(len(token)) + token
        payload = self.bytes(40) if payload is None else payload
        return out + varint(len(payload) if length is None else length) + payload

    def frame(self, payload, dport=443):
        self.port += 1
        pkt = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / IP(src="192.0.2.1", dst="198.51.100.2", id=1) / UDP(sport=self.port, dport=dport) / payload
        return bytes(pkt)


def cases():
    m = Maker(13)
    out = []

    def add(payload, caplen=None, dport=443):
        out.append((m.frame(payload, dport), caplen))

    # Initials of each version with a salt; a token; 1- to 4-byte packet numbers come from the random bytes
    for version in [1, 0xFF00000B, 0xFF000016, 0xFF000017, 0xFF00001D, 0xFF000020, 0xFF000022, 0xFF000040, 0xFF000063, 0xFF000064, 0xFF0000C0, 0xFACEB001, 0xFACEB002,
                    0xFACEB00E, 0x51303530, 0x54303530, 0x1A2A3A4A, 0x6B3343CF]:
        add(m.long(1 if version == 0x6B3343CF else 0, version))
    add(m.long(0, token=b"retry-token"))
    add(m.long(0, payload=m.bytes(1200)))
    add(m.long(0, dcid=b"", scid=b""))
    add(m.long(0, dcid=m.cid(20), scid=m.cid(20)))
    add(m.long(0, low=0x0F), dport=4433)
    # 0-RTT and Handshake (no connection: no packet number), v2's numbering
    add(m.long(1))
    add(m.long(2))
    add(m.long(3, 0x6B3343CF))
    add(m.long(2, 0x6B3343CF))
    # Retry: v1, v2 (type 0), a token shorter than the tag
    add(bytes([0xF0]) + (1).to_bytes(4, "big") + b"\x08" + m.cid() + b"\x04" + m.cid(4) + b"token-bytes" + m.bytes(16))
    add(bytes([0xC0]) + (0x6B3343CF).to_bytes(4, "big") + b"\x08" + m.cid() + b"\x04" + m.cid(4) + b"t2" + m.bytes(16))
    add(bytes([0xF5]) + (1).to_bytes(4, "big") + b"\x08" + m.cid() + b"\x00" + b"short")
    # coalesced: Initial then Handshake (same DCID), then another DCID (padding), zero padding, Handshake then short
    d = m.cid()
    add(m.long(0, dcid=d) + m.long(2, dcid=d))
    add(m.long(0, dcid=d + b"x") + m.long(2, dcid=d + b"x") + m.long(2, dcid=d + b"x"))
    add(m.long(0) + m.long(2))
    add(m.long(0) + bytes(60))
    add(m.long(2, dcid=d + b"yz") + b"\x41" + m.bytes(30))
    add(m.long(0, dcid=b"") + b"\x40" + m.bytes(30))
    add(m.long(2) + b"\x80" + m.bytes(12))
    # refused by the heuristic: unknown version, version negotiation, CID length 21, SCID length 21, 13 bytes ending
    # in the DCID, a short header, draft 10, 12 bytes
    add(m.long(0, 0xABCDEF01))
    add(bytes([0x80]) + bytes(4) + b"\x08" + m.cid() + b"\x04" + m.cid(4) + b"\x00\x00\x00\x01")
    add(m.long(0, dcid=m.cid(21)))
    add(m.long(0, scid=m.cid(21)))
    add(bytes([0xC0, 0, 0, 0, 1, 7]) + m.cid(7))
    add(b"\x40" + m.bytes(40))
    add(m.long(0, 0xFF00000A))
    add(bytes([0xC0, 0, 0, 0, 1, 5]) + m.cid(6))
    # damaged: 13 bytes ending at the SCID length, a length past the datagram, a token past it, no room for the sample,
    # a huge token length, an SCID cut, a length field cut
    add(bytes([0xC0, 0, 0, 0, 1, 6]) + m.cid(6) + b"\x00")
    add(m.long(0, length=500))
    add(m.long(2, length=900))
    add(m.long(0, token=b"", payload=m.bytes(10)))
    add(m.long(0, payload=b"") [:-1] + b"\x00" + bytes([0xC0 | 0x3F]) + bytes(7))
    add(bytes([0xC0]) + (1).to_bytes(4, "big") + b"\x08" + m.cid() + b"\x08" + m.cid(4))
    add(bytes([0xE0]) + (1).to_bytes(4, "big") + b"\x08" + m.cid() + b"\x04" + m.cid(4) + b"\x7f")
    # cut by the capture length: in the DCID, the SCID, the token, the length, the sample, the payload
    for cut in [42 + 13, 42 + 16, 42 + 20, 42 + 22, 42 + 30, 42 + 50]:
        add(m.long(0, token=b"ab"), caplen=cut)
    add(m.long(0) + m.long(2), caplen=42 + 80)
    return out


# --- quic-handshake.pcap: Initials encrypted as RFC 9001 says, for tshark's state across packets ---

SALT_V1 = bytes.fromhex("38762cf7f55934b34d179ae6a4c80cadccbb7f0a")


def expand_label(secret, label, length):
    """TLS 1.3's HKDF-Expand-Label with an empty context."""
    full = b"tls13 " + label
    info = struct.pack(">HB", length, len(full)) + full + b"\x00"
    out, block, i = b"", b"", 1
    while len(out) < length:
        block = hmac.new(secret, block + info + bytes([i]), hashlib.sha256).digest()
        out += block
        i += 1
    return out[:length]


def initial_keys(odcid, server):
    """The Initial packet protection key, IV and header protection key of one side (RFC 9001 5.2)."""
    initial = hmac.new(SALT_V1, odcid, hashlib.sha256).digest()
    secret = expand_label(initial, b"server in" if server else b"client in", 32)
    return expand_label(secret, b"quic key", 16), expand_label(secret, b"quic iv", 12), expand_label(secret, b"quic hp", 16)


def protected_initial(odcid, server, dcid, scid, pn, frames, pad_to=0, token=b"", damage=False):
    """A v1 Initial with a 2-byte packet number, AES-128-GCM sealed and header protected with odcid's keys; PADDING
    frames fill it to pad_to bytes."""
    key, iv, hp = initial_keys(odcid, server)
    head = bytes([0xC1]) + (1).to_bytes(4, "big") + bytes([len(dcid)]) + dcid + bytes([len(scid)]) + scid + varint(len(token)) + token
    pn_bytes = pn.to_bytes(2, "big")
    overhead = len(head) + 2 + 2 + 16
    if pad_to > overhead + len(frames):
        frames += bytes(pad_to - overhead - len(frames))
    header = head + varint(len(frames) + 2 + 16, 2) + pn_bytes
    nonce = bytes(a ^ b for a, b in zip(iv, pn.to_bytes(12, "big")))
    sealed = AESGCM(key).encrypt(nonce, frames, header)
    if damage:
        sealed = sealed[:-1] + bytes([sealed[-1] ^ 1])
    sample = sealed[2:18]
    mask = Cipher(algorithms.AES(hp), modes.ECB()).encryptor().update(sample)
    first = bytes([header[0] ^ (mask[0] & 0x0F)])
    pn_at = len(header) - 2
    return first + header[1:pn_at] + bytes(a ^ b for a, b in zip(pn_bytes, mask[1:3])) + sealed


def crypto(offset, data):
    return b"\x06" + varint(offset) + varint(len(data)) + data


def ack(largest, delay=0, first_range=0):
    return b"\x02" + varint(largest) + varint(delay) + varint(0) + varint(first_range)


def tls_handshake(kind, body):
    return bytes([kind]) + len(body).to_bytes(3, "big") + body


def extension(kind, data):
    return kind.to_bytes(2, "big") + len(data).to_bytes(2, "big") + data


def client_hello(rng, name):
    host = name.encode()
    sni = extension(0, (len(host) + 3).to_bytes(2, "big") + b"\x00" + len(host).to_bytes(2, "big") + host)
    versions = extension(0x2B, b"\x02\x03\x04")
    groups = extension(0x0A, b"\x00\x02\x00\x1d")
    shares = extension(0x33, b"\x00\x24\x00\x1d\x00\x20" + rng.bytes(32))
    exts = sni + versions + groups + shares
    body = b"\x03\x03" + rng.bytes(32) + b"\x00" + b"\x00\x02\x13\x01" + b"\x01\x00" + len(exts).to_bytes(2, "big") + exts
    return tls_handshake(1, body)


def server_hello(rng):
    exts = extension(0x2B, b"\x03\x04") + extension(0x33, b"\x00\x1d\x00\x20" + rng.bytes(32))
    body = b"\x03\x03" + rng.bytes(32) + b"\x00" + b"\x13\x01" + b"\x00" + len(exts).to_bytes(2, "big") + exts
    return tls_handshake(2, body)


def handshake_cases():
    """Two QUIC v1 connections as a client and a server exchange them, each on its own UDP conversation: the client's
    first Initial (ClientHello in CRYPTO, padded to 1200), the server's Initial (ACK, ServerHello) coalesced with a
    Handshake packet, the client's second Initial (ACK, PING) with a Handshake packet, then short-header packets both ways;
    the second connection's server closes it in an Initial (CONNECTION_CLOSE), and a client Initial whose tag is damaged
    follows. The Handshake and 1-RTT payloads are random bytes (no keys)."""
    m = Maker(29)
    out = []
    client, server = ("192.0.2.1", "198.51.100.2")

    def send(payload, sport, dport, from_server):
        src, dst = (server, client) if from_server else (client, server)
        pkt = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / IP(src=src, dst=dst, id=1) / UDP(sport=sport, dport=dport) / payload
        out.append((bytes(pkt), None))

    for port, close in [(50001, False), (50002, True)]:
        odcid, ccid, scid = m.cid(8), m.cid(8), m.cid(8)
        up = lambda payload: send(payload, port, 443, False)
        down = lambda payload: send(payload, 443, port, True)
        up(protected_initial(odcid, False, odcid, ccid, 0, crypto(0, client_hello(m, "quic.example")), pad_to=1200))
        if close:
            # CONNECTION_CLOSE (transport): error 0x0a, frame type 6, a reason
            down(protected_initial(odcid, True, ccid, scid, 0, ack(0) + b"\x1c" + varint(0x0A) + varint(6) + varint(6) + b"denied"))
            up(protected_initial(odcid, False, scid, ccid, 1, b"\x01" + ack(0), pad_to=1200, damage=True))
            continue
        down(protected_initial(odcid, True, ccid, scid, 0, ack(0) + crypto(0, server_hello(m)))
             + m.long(2, dcid=ccid, scid=scid, payload=m.bytes(60)))
        up(protected_initial(odcid, False, scid, ccid, 1, ack(0) + b"\x01") + m.long(2, dcid=scid, scid=ccid, payload=m.bytes(30)))
        down(bytes([0x41]) + ccid + m.bytes(40))
        up(bytes([0x61]) + scid + m.bytes(30))
        down(bytes([0x45]) + ccid + m.bytes(25))
    return out


# --- quic-crypto.pcap: ClientHellos larger than one Initial, their CRYPTO data over several packets ---

def big_client_hello(rng, name, size):
    """A ClientHello of about size bytes, as browsers with a post-quantum key share send: X25519Kyber768 (0x6399, 1216
    bytes) and X25519 shares, then a padding extension that brings it to size."""
    host = name.encode()
    sni = extension(0, (len(host) + 3).to_bytes(2, "big") + b"\x00" + len(host).to_bytes(2, "big") + host)
    versions = extension(0x2B, b"\x02\x03\x04")
    groups = extension(0x0A, b"\x00\x04\x63\x99\x00\x1d")
    kyber = b"\x63\x99" + (1216).to_bytes(2, "big") + rng.bytes(1216)
    x25519 = b"\x00\x1d\x00\x20" + rng.bytes(32)
    shares = extension(0x33, (len(kyber) + len(x25519)).to_bytes(2, "big") + kyber + x25519)
    exts = sni + versions + groups + shares
    fixed = 4 + 2 + 32 + 1 + 4 + 2 + 2
    pad = max(0, size - fixed - len(exts) - 4)
    exts += extension(0x15, bytes(pad))
    body = b"\x03\x03" + rng.bytes(32) + b"\x00" + b"\x00\x02\x13\x01" + b"\x01\x00" + len(exts).to_bytes(2, "big") + exts
    return tls_handshake(1, body)


def crypto_cases():
    """Client Initials whose ClientHello (1,600 to 2,500 bytes) spans several packets, each connection on its own UDP
    conversation with its own CIDs: split over 2 and 3 Initials, the CRYPTO frames of one packet out of order, the
    packets out of order, a retransmitted range, an overlapping one, a gap never filled, a server's ServerHello split
    over 2 Initials; damaged: a part in an Initial whose tag is broken, a part cut by the capture length, hostile CRYPTO
    offsets and lengths (near 2^62, past the packet)."""
    m = Maker(31)
    out = []
    client, server = ("192.0.2.1", "198.51.100.2")
    port = [51000]

    def conn():
        port[0] += 1
        odcid, ccid = m.cid(8), m.cid(8)
        p = port[0]

        def up(pn, frames, pad_to=1200, caplen=None, damage=False):
            payload = protected_initial(odcid, False, odcid, ccid, pn, frames, pad_to=pad_to, damage=damage)
            pkt = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / IP(src=client, dst=server, id=1) / UDP(sport=p, dport=443) / payload
            out.append((bytes(pkt), caplen))
        return up, odcid, ccid, p

    def hello(size):
        return big_client_hello(m, "pq.example", size)

    # (the hello's size, its Initials' CRYPTO spans (None: to the end), the size Initials are padded to)
    simple = [
        (1700, [[(0, 1100)], [(1100, None)]], 1200),  # split over 2 Initials
        (2500, [[(0, 1000)], [(1000, 2000)], [(2000, None)]], 1200),  # split over 3 Initials
        (1800, [[(500, 1000), (0, 500)], [(1000, None)]], 1200),  # one packet's CRYPTO frames out of order
        (1900, [[(1000, None)], [(0, 1000)]], 1200),  # the packets out of order: the second part first
        (1700, [[(0, 1000)], [(0, 1000)], [(1000, None)]], 1200),  # a retransmitted range, then the rest
        (1700, [[(0, 1000)], [(800, None)]], 1200),  # overlapping parts
        (2000, [[(0, 900)], [(1300, None)]], 1200),  # a gap never filled
        (1600, [[(0, 700), (700, None)]], 0),  # the whole hello in one packet, two frames (past 1,200 bytes)
    ]
    for size, packets, pad_to in simple:
        up, *_ = conn()
        ch = hello(size)
        for pn, spans in enumerate(packets):
            up(pn, b"".join(crypto(start, ch[start:end]) for start, end in spans), pad_to=pad_to)
    # the second part's Initial damaged (tag), then sent again
    up, *_ = conn()
    ch = hello(1700)
    up(0, crypto(0, ch[:1100]))
    up(1, crypto(1100, ch[1100:]), damage=True)
    up(2, crypto(1100, ch[1100:]))
    # the second part's frame cut by the capture length
    up, *_ = conn()
    ch = hello(1700)
    up(0, crypto(0, ch[:1100]))
    up(1, crypto(1100, ch[1100:]), caplen=42 + 300)
    # hostile: an offset near 2^62, an offset plus length past 2^62, an offset of 2^30, then the part that was missing
    # (a CRYPTO length past the packet is left out: tshark 4.0 trips a reassembly assertion on it, or hands TLS the
    # bytes past the plaintext, depending on what came before)
    up, *_ = conn()
    ch = hello(1700)
    up(0, crypto(0, ch[:1100]))
    up(1, b"\x06" + varint(2 ** 62 - 10, 8) + varint(5) + b"hello")
    up(2, b"\x06" + varint(2 ** 62 - 1, 8) + varint(100) + bytes(100))
    up(3, b"\x06" + varint(2 ** 30) + varint(100) + bytes(100))
    up(4, crypto(1100, ch[1100:]))
    # a server's ServerHello split over two Initials (after the client's Initial)
    up, odcid, ccid, p = conn()
    up(0, crypto(0, client_hello(m, "quic.example")))
    scid = m.cid(8)
    # a ServerHello with an X25519Kyber768 share (a 1,120-byte ciphertext) spans two Initials
    exts = extension(0x2B, b"\x03\x04") + extension(0x33, b"\x63\x99" + (1120).to_bytes(2, "big") + m.bytes(1120))
    sh = tls_handshake(2, b"\x03\x03" + m.bytes(32) + b"\x00" + b"\x13\x01" + b"\x00" + len(exts).to_bytes(2, "big") + exts)
    for pn, part in [(0, crypto(0, sh[:1000])), (1, crypto(1000, sh[1000:]))]:
        payload = protected_initial(odcid, True, ccid, scid, pn, (ack(0) if pn == 0 else b"") + part)
        pkt = Ether(src="02:00:00:00:00:02", dst="02:00:00:00:00:01") / IP(src=server, dst=client, id=1) / UDP(sport=443, dport=p) / payload
        out.append((bytes(pkt), None))
    return out


def random_cases(seed):
    """The fixed datagrams damaged at random: a few bytes changed (often to a length or a type), the datagram cut or
    bytes inserted; now and then the capture cuts the frame. Each keeps its own ports; its CIDs are changed to fresh ones
    where the damage left them, so no two datagrams share a connection."""
    rng = random.Random(seed)
    m = Maker(seed + 1000)
    messages = [data[42:] for data, _ in cases() if len(data) > 42]
    out = []
    for _ in range(400):
        msg = bytearray(rng.choice(messages))
        # fresh DCID/SCID bytes for the first long header (tshark remembers connections by CID)
        if len(msg) > 6 and msg[0] & 0x80 and msg[5] <= 20 and len(msg) > 7 + msg[5]:
            msg[6:6 + msg[5]] = m.cid(msg[5])
            at = 6 + msg[5]
            if msg[at] <= 20 and len(msg) > at + msg[at]:
                msg[at + 1:at + 1 + msg[at]] = m.cid(msg[at])
        for _ in range(rng.randint(1, 4)):
            if not msg:
                break
            at = rng.randrange(len(msg))
            roll = rng.random()
            if roll < 0.5:
                msg[at] = rng.randrange(256)
            elif roll < 0.7:
                msg[at] = rng.choice([0x00, 0x40, 0x80, 0xC0, 0xFF, 0x14, 0x15, 0x3F])
            elif roll < 0.85:
                del msg[at:]
            else:
                msg[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        data = m.frame(bytes(msg), 443 if rng.random() < 0.5 else 4433)
        out.append((data, None if rng.random() < 0.8 else rng.randint(min(42 + 13, len(data)), len(data))))
    return out


if __name__ == "__main__":
    target = sys.argv[1]
    if len(sys.argv) > 2:
        write(target, random_cases(int(sys.argv[2])))
    else:
        if os.path.isdir(target):
            write(os.path.join(target, "quic-cases.pcap"), cases())
            write(os.path.join(target, "quic-handshake.pcap"), handshake_cases())
            write(os.path.join(target, "quic-crypto.pcap"), crypto_cases())
        else:
            write(target, cases())
