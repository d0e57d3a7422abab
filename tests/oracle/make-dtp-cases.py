#!/usr/bin/python3
"""Writes captures/dtp/dtp-cases.pcap for the tshark and tcpdump oracles of RawNet's DTP decoding.

    make-dtp-cases.py OUTFILE         # the fixed cases, one pcap (captures/dtp/dtp-cases.pcap)
    make-dtp-cases.py DIRECTORY       # the same, as DIRECTORY/dtp-cases.pcap
    make-dtp-cases.py OUTFILE SEED    # 300 random damages of the fixed frames (bytes changed, cut, inserted; snap-cut)

The cases (Cisco's Dynamic Trunking Protocol behind 802.3 LLC/SNAP, OUI 00-00-0C, PID 0x2004): a switch's DTP
announcement built with scapy's DTP layers (padded to the Ethernet minimum as switches send it); every trunk status and
type value tshark 4.0 names and some it does not; unknown TLV types (tshark shows their value as an Ethernet address);
types above 0xff, which tshark reads by their low byte; domains of 1, 33 and 34 bytes; status, type and neighbor TLVs of
the wrong length; TLV lengths of 0 to 4 and past the PDU; 1 to 3 bytes left after a TLV; a version byte alone and no byte
at all; a long list of TLVs; 802.3 lengths shorter and longer than the frame; and frames cut by the capture length.
Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import struct

from scapy.contrib.dtp import DTP, DTPDomain, DTPNeighbor, DTPStatus, DTPType
import damage

T0 = 1700000000
SRC = "00:1b:54:94:5a:8b"
DST = "01:00:0c:cc:cc:cc"
SNAP = bytes.fromhex("aaaa0300000c2004")


def write(path, frames):
    """A microsecond pcap of (bytes, caplen or None), 1 ms apart."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def mac(text):
    return bytes.fromhex(text.replace(":", ""))


def frame(pdu, length=None, trailer=b"", pad=False):
    """802.3 with LLC/SNAP; the length field says LLC and the PDU unless told otherwise; pad: to 60 bytes with zeros."""
    body = SNAP + pdu
    n = len(body) if length is None else length
    data = mac(DST) + mac(SRC) + struct.pack(">H", n) + body + trailer
    if pad and len(data) < 60:
        data += bytes(60 - len(data))
    return data


def tlv(kind, value, length=None):
    n = len(value) + 4 if length is None else length
    return struct.pack(">HH", kind, n) + value


def pdu(*tlvs, version=1):
    return bytes([version]) + b"".join(tlvs)


def cases():
    out = []
    # 1: scapy's layers: a switch in dynamic desirable mode, as IOS sends it (domain "corp" and its NUL), padded.
    first = DTP(ver=1, tlvlist=[DTPDomain(domain=b"corp\x00"), DTPStatus(status=b"\x03"), DTPType(dtptype=b"\xa5"),
                                DTPNeighbor(neighbor=SRC)])
    out.append(frame(bytes(first), pad=True))
    # an empty domain (one NUL), as a switch with no VTP domain sends it; a trunk in 802.1Q.
    out.append(frame(pdu(tlv(1, b"\x00"), tlv(2, b"\x81"), tlv(3, b"\xa5"), tlv(4, mac("00:11:22:33:44:55"))), pad=True))
    # 2: every status and type value tshark names, and some it does not.
    for status, kind in ((0x01, 0x40), (0x02, 0x45), (0x04, 0x20), (0x83, 0x42), (0x84, 0xa1), (0x00, 0x00), (0x85, 0xe7),
                         (0x7f, 0x1f), (0xff, 0xff), (0x80, 0x61)):
        out.append(frame(pdu(tlv(2, bytes([status])), tlv(3, bytes([kind])))))
    # 3: unknown TLV types: a value of 6 bytes, of 1, of 8; a type above 0xff read by its low byte (0x0102 as status,
    # 0x0203 as type, 0x0104 as neighbor, 0x0101 as domain); a type of 0.
    out.append(frame(pdu(tlv(5, mac("aa:bb:cc:dd:ee:ff")), tlv(0x99, b"\x01"), tlv(0x1234, b"abcdefgh"))))
    out.append(frame(pdu(tlv(0x0102, b"\x81"), tlv(0x0203, b"\xa5"), tlv(0x0104, mac("00:11:22:33:44:55")), tlv(0x0101, b"dom\x00"))))
    out.append(frame(pdu(tlv(0, b"\x01\x02\x03\x04\x05\x06"), tlv(2, b"\x03"))))
    # an unknown value of 8 bytes (a warning, then its first 6 bytes) and of 7
    out.append(frame(pdu(tlv(0x1234, b"abcdefgh"), tlv(2, b"\x03"), tlv(0x77, b"abcdefg"))))
    # 4: domains of 33 bytes (the most tshark reads), of 34 (too long), with no NUL, with non-ASCII bytes.
    out.append(frame(pdu(tlv(1, b"a" * 32 + b"\x00"), tlv(2, b"\x04"))))
    out.append(frame(pdu(tlv(1, b"b" * 33 + b"\x00"), tlv(2, b"\x04"))))
    out.append(frame(pdu(tlv(1, b"nonul"), tlv(3, b"\x40"))))
    out.append(frame(pdu(tlv(1, b"d\xe9\x01x\x00"), tlv(1, b"\x00\x00pad"))))
    # 5: status, type and neighbor TLVs of the wrong length.
    out.append(frame(pdu(tlv(2, b"\x03\x00"), tlv(3, b"\xa5\xa5\xa5"), tlv(4, mac("00:11:22:33:44:55")[:5]), tlv(4, mac("00:11:22:33:44:55") + b"\x00"))))
    # 6: TLV lengths of 0 to 4 (tshark stops at the first), one past the PDU, one up to the PDU's end exactly.
    for n in (0, 1, 2, 3, 4):
        out.append(frame(pdu(tlv(2, b"\x03"), tlv(3, b"", length=n), tlv(2, b"\x81"))))
    out.append(frame(pdu(tlv(2, b"\x03"), tlv(1, b"corp\x00", length=40))))
    out.append(frame(pdu(tlv(2, b"\x03"), tlv(4, mac("00:11:22:33:44:55"), length=30))))
    out.append(frame(pdu(tlv(2, b"\x03"), tlv(7, b"abc", length=12))))
    # 7: 1, 2 and 3 bytes left after a TLV; a version byte alone; nothing after SNAP; a version of 2.
    for rest in (b"\x00", b"\x00\x02", b"\x00\x02\x00"):
        out.append(frame(pdu(tlv(2, b"\x03")) + rest))
    out.append(frame(pdu()))
    out.append(frame(b""))
    out.append(frame(pdu(tlv(2, b"\x03"), version=2)))
    # 8: a long list of TLVs (200 status TLVs).
    out.append(frame(pdu(*[tlv(2, bytes([i & 0x87])) for i in range(200)])))
    # 9: 802.3 lengths: shorter than the PDU (the rest a trailer), longer than the frame; padding after a short PDU;
    # a trailer that is not zeros.
    whole = bytes(first)
    out.append(frame(whole, length=len(SNAP) + len(whole) - 10))
    out.append(frame(whole, length=len(SNAP) + len(whole) + 20))
    out.append(frame(pdu(tlv(2, b"\x03")), trailer=b"\xde\xad\xbe\xef"))
    out.append(frame(whole, length=len(SNAP) + 1))
    # 10: cut by the capture length
    full = out[0]
    for cut in (14, 18, 22, 23, 24, 26, 28, 30, 34, 40, 44, 50):
        out.append((full, cut))
    return [f if isinstance(f, tuple) else (f, None) for f in out]


def damaged(seed):
    return damage.mutate([f for f, c in cases() if c is None and len(f) > 22], seed, 22)


def main():
    damage.main(write, cases, damaged, "dtp-cases.pcap")


if __name__ == "__main__":
    main()
