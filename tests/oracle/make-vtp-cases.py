#!/usr/bin/python3
"""Writes captures/vtp/vtp-cases.pcap for the tshark and tcpdump oracles of RawNet's VTP decoding.

    make-vtp-cases.py OUTFILE         # the fixed cases, one pcap (captures/vtp/vtp-cases.pcap)
    make-vtp-cases.py DIRECTORY       # the same, as DIRECTORY/vtp-cases.pcap
    make-vtp-cases.py OUTFILE SEED    # 300 random damages of the fixed frames (bytes changed, cut, inserted; snap-cut)

The cases (Cisco's VLAN Trunking Protocol behind 802.3 LLC/SNAP, OUI 00-00-0C, PID 0x2003; scapy has no VTP layer, so
the PDUs are built here byte by byte): summary advertisements with and without followers, timestamps of digits and not;
subset advertisements with Ethernet, FDDI, Token Ring and unknown VLAN entries, suspended ones, names of 0 to 32 bytes and
their padding, every VLAN TLV type with its one-word value, of other lengths (tshark's "Bad length" item), of no words,
unknown types, TLVs past their entry; advertisement requests; joins with their VLAN bitmaps (to past VLAN 65535); an
unknown code; domain lengths of 0, 32 and 33; and damaged variants: entries whose length byte is 0, past the PDU or short
of the fixed part, name lengths above 252 (tshark keeps the rounded length in a byte), PDUs too short for the Info
column's revision or for the code, no byte at all, a long entry list, 802.3 lengths shorter and longer than the frame,
and frames cut by the capture length.
Run with Debian's /usr/bin/python3.
"""
import struct

import cisco_snap
import damage

SNAP = cisco_snap.snap(0x2003)


def frame(pdu, **kw):
    return cisco_snap.frame(0x2003, pdu, **kw)


def header(code, third, domain=b"corp", domain_length=None, version=1):
    """Version, code, the third byte (followers, sequence number, reserved), the domain's length and its 32 bytes."""
    n = len(domain) if domain_length is None else domain_length
    return bytes([version, code, third, n]) + domain.ljust(32, b"\0")[:32]


def summary(followers=1, revision=7, updater="10.0.0.1", stamp=b"930301000000", digest=bytes(range(16)), **kw):
    return header(1, followers, **kw) + struct.pack(">I", revision) + bytes(map(int, updater.split("."))) + stamp + digest


def tlv(kind, value, words=None):
    n = len(value) // 2 if words is None else words
    return bytes([kind, n]) + value


def vlan(vid, name, status=0, kind=1, mtu=1500, said=100000, tlvs=b"", length=None, name_length=None):
    """A VLAN entry: its length byte, status, type, name length, ISL VLAN ID, MTU, 802.10 index, name padded to 4, TLVs."""
    padded = name + bytes(-len(name) % 4)
    body = bytes([status, kind, len(name) if name_length is None else name_length]) + struct.pack(">HHI", vid, mtu, said) + padded + tlvs
    return bytes([len(body) + 1 if length is None else length]) + body


def subset(*vlans, sequence=1, revision=7, **kw):
    return header(2, sequence, **kw) + struct.pack(">I", revision) + b"".join(vlans)


def request(start=0, **kw):
    return header(3, 0, **kw) + struct.pack(">H", start)


def join(first=0, last=1023, bitmap=b"\xff\x00\x81", **kw):
    return header(4, 0, **kw) + struct.pack(">HH", first, last) + bitmap


def cases():
    out = []
    # 1: a summary with a follower, one without (a timestamp that is not digits), a switch's subset with its default
    # VLANs, a request, a join; padded as switches send them where short.
    out.append(frame(summary()))
    out.append(frame(summary(followers=0, stamp=b"abcdefghijkl", updater="192.168.1.254", revision=0xFFFFFFFF)))
    out.append(frame(subset(vlan(1, b"default"), vlan(1002, b"fddi-default", kind=2, said=101002),
                            vlan(1003, b"token-ring-default", kind=3, said=101003, tlvs=tlv(1, b"\x00\x10") + tlv(3, b"\x00\x01") + tlv(10, b"\x00\x02")),
                            vlan(1005, b"trbrf-default", kind=5, said=101005, tlvs=tlv(2, b"\x00\x0f") + tlv(7, b"\x00\x01")))))
    out.append(frame(request(5), pad=True))
    out.append(frame(join(), pad=True))
    # 2: every VLAN TLV type with one word (and values tshark and tcpdump name and do not), unknown types, suspended VLANs,
    # an unknown VLAN type, names of 0, 1, 4, 32 bytes.
    every = b"".join(tlv(t, struct.pack(">H", v)) for t, v in ((1, 0x10), (2, 3), (3, 2), (3, 3), (3, 9), (4, 1003), (5, 1004), (6, 1),
                                                             (6, 2), (7, 1), (7, 2), (8, 7), (9, 7), (10, 1), (10, 5)))
    out.append(frame(subset(vlan(20, b"tr", kind=3, tlvs=every), vlan(21, b"", status=1), vlan(22, b"x", kind=9, status=7),
                            vlan(23, b"abcd", kind=4), vlan(24, b"n" * 32, kind=2), sequence=2)))
    out.append(frame(subset(vlan(30, b"odd", tlvs=tlv(0x77, b"\x01\x02\x03\x04") + tlv(0, b"\xaa\xbb") + tlv(0x0b, b"")))))
    # 3: known TLVs of 2 words and of none (tshark's "Bad length"), a TLV past its entry, one byte left in an entry.
    out.append(frame(subset(vlan(40, b"bad", tlvs=tlv(6, b"\x00\x01\x00\x01") + tlv(1, b"") + tlv(9, b"\x00\x01")))))
    out.append(frame(subset(vlan(41, b"past", tlvs=tlv(3, b"\x00\x01", words=5)))))
    out.append(frame(subset(vlan(42, b"one", tlvs=b"\x09")) + b"\x00\x01\x02"))
    # 4: entries whose length byte is 0 (ending the list), past the PDU, short of the fixed part, shorter than the name;
    # a name length above 252, which tshark's byte rounds to 0.
    out.append(frame(subset(vlan(50, b"a", length=0), vlan(51, b"b"))))
    out.append(frame(subset(vlan(52, b"a", length=200))))
    out.append(frame(subset(vlan(53, b"a", length=8) + bytes(12))))
    out.append(frame(subset(vlan(54, b"abcde", name_length=20))))
    out.append(frame(subset(vlan(55, b"abcd", name_length=254, tlvs=tlv(9, b"\x00\x02")))))
    # 5: unknown code, codes 0 and 255; domains of length 0, 32, 33; versions 2 and 3; a request with start 1024.
    out.append(frame(header(9, 0, domain=b"x") + b"\x01\x02"))
    out.append(frame(header(0, 0) + bytes(8)))
    out.append(frame(summary(domain_length=0, version=2)))
    out.append(frame(summary(domain=b"d" * 32, version=3)))
    out.append(frame(request(1024, domain_length=33)))
    # 6: joins: bitmaps to past VLAN 65535, none, a long one.
    out.append(frame(join(first=0xFFF8, last=0xFFFF, bitmap=b"\xff\xff")))
    out.append(frame(join(bitmap=b"")))
    out.append(frame(join(first=1, bitmap=bytes([0x55, 0xAA]) * 64)))
    # 7: too short: for the summary's and subset's revision, for the request's start value, the join's VLANs; a code byte
    # alone, nothing at all.
    out.append(frame(summary()[:30]))
    out.append(frame(subset()[:39]))
    out.append(frame(summary()[:60]))
    out.append(frame(request()[:37]))
    out.append(frame(join()[:38]))
    out.append(frame(bytes([1, 3])))
    out.append(frame(bytes([1])))
    out.append(frame(b""))
    # 8: a long subset (60 VLANs).
    out.append(frame(subset(*[vlan(100 + i, b"vlan%04d" % i, tlvs=tlv(6, b"\x00\x01") if i % 3 == 0 else b"") for i in range(60)])))
    # 9: 802.3 lengths shorter than the PDU (the rest a trailer) and longer than the frame.
    whole = summary()
    out.append(frame(whole, length=len(SNAP) + 50))
    out.append(frame(whole, length=len(SNAP) + len(whole) + 20))
    out.append(frame(request(), trailer=b"\xde\xad\xbe\xef"))
    # 10: cut by the capture length
    full = out[2]
    for cut in (14, 22, 23, 24, 40, 57, 58, 62, 64, 70, 80, 90, 100, 120):
        out.append((full, cut))
    return [f if isinstance(f, tuple) else (f, None) for f in out]


def damaged(seed):
    return damage.mutate([f for f, c in cases() if c is None and len(f) > 22], seed, 22)


def main():
    damage.main(cisco_snap.write, cases, damaged, "vtp-cases.pcap")


if __name__ == "__main__":
    main()
