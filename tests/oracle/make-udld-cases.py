#!/usr/bin/python3
"""Writes captures/udld/udld-cases.pcap for the tshark and tcpdump oracles of RawNet's UDLD decoding.

    make-udld-cases.py OUTFILE         # the fixed cases, one pcap (captures/udld/udld-cases.pcap)
    make-udld-cases.py DIRECTORY       # the same, as DIRECTORY/udld-cases.pcap
    make-udld-cases.py OUTFILE SEED    # 300 random damages of the fixed frames (bytes changed, cut, inserted; snap-cut)

The cases (Cisco's UniDirectional Link Detection behind 802.3 LLC/SNAP, OUI 00-00-0C, PID 0x0111; scapy has no UDLD
layer, so the PDUs are built here byte by byte): a switch's probe, echo and flush with every TLV type (device and port
IDs, echo list, message and timeout intervals, device name, sequence number), padded to the Ethernet minimum as switches
send them; every opcode and flag bit, versions 0 to 7; IDs with a NUL, non-ASCII and control bytes, empty, long; a port
ID whose next byte is not 0 (tshark then takes the TLV as 3 bytes longer) and one that ends the PDU (tshark reads the
byte past it); intervals and sequence numbers of the wrong length; unknown types; TLV lengths of 0 to 4 and past the
PDU, after which tshark's data dissector takes the rest; 1 to 3 bytes left after a TLV; a header cut short and no byte
at all; a long TLV list; 802.3 lengths shorter and longer than the frame; and frames cut by the capture length.
Run with Debian's /usr/bin/python3 (python3-scapy for damage.py's callers; nothing of scapy is needed here).
"""
import struct

import cisco_snap
import damage

SNAP = cisco_snap.snap(0x0111)


def frame(pdu, **kw):
    return cisco_snap.frame(0x0111, pdu, **kw)


def tlv(kind, value, length=None):
    n = len(value) + 4 if length is None else length
    return struct.pack(">HH", kind, n) + value


def pdu(*tlvs, version=1, opcode=1, flags=0x01, checksum=0x6D85):
    return bytes([(version << 5) | opcode, flags]) + struct.pack(">H", checksum) + b"".join(tlvs)


def echo(*pairs):
    """An echo TLV's value: the count of (device ID, port ID) pairs, each a 2-byte length and its text."""
    out = struct.pack(">I", len(pairs))
    for device, port in pairs:
        out += struct.pack(">H", len(device)) + device + struct.pack(">H", len(port)) + port
    return out


def probe(device=b"FOC1234X0AB", port=b"Gi0/1", pairs=(), opcode=1, flags=0x01, seq=42):
    """A switch's message in IOS's order: device ID, port ID, echo, message and timeout intervals, device name, sequence."""
    return pdu(tlv(1, device), tlv(2, port), tlv(3, echo(*pairs)), tlv(4, b"\x0f"), tlv(5, b"\x05"), tlv(6, b"sw1.example.net"),
               tlv(7, struct.pack(">I", seq)), opcode=opcode, flags=flags)


def cases():
    out = []
    # 1: a probe (empty echo list), an echo naming its neighbour, a flush; as switches send them, and one padded.
    out.append(frame(probe()))
    out.append(frame(probe(pairs=[(b"FOC0000X0YZ", b"Gi0/2")], opcode=2, flags=0x00, seq=43)))
    out.append(frame(probe(pairs=[(b"A", b"Fa0/1"), (b"B", b"Fa0/2")], opcode=3, flags=0x03, seq=0xFFFFFFFF)))
    out.append(frame(pdu(tlv(1, b"SW"), tlv(2, b"Gi1"), tlv(7, b"\x00\x00\x00\x01")), pad=True))
    # 2: every opcode (0 to 3 named, 4 and 31 not), every flag bit, versions 0 to 7; a header alone.
    for version, opcode, flags in ((0, 0, 0x00), (1, 4, 0x02), (2, 0x1F, 0x04), (7, 3, 0xFF), (3, 1, 0x80), (5, 2, 0x7C)):
        out.append(frame(pdu(tlv(1, b"x"), tlv(7, b"\x00\x00\x00\x07"), version=version, opcode=opcode, flags=flags)))
    out.append(frame(pdu()))
    # 3: IDs with a NUL and bytes after it, non-ASCII and control bytes, quotes and backslashes, empty, long.
    out.append(frame(pdu(tlv(1, b"dev\x00junk"), tlv(2, b"Gi0/1\x00"), tlv(6, b"name\x00x"), tlv(7, b"\x00\x00\x00\x01"))))
    out.append(frame(pdu(tlv(1, b"d\xe9\x01\"x\\"), tlv(2, b"p\xc3\xa9\t\x7f"), tlv(3, b"\x00\x01\xff"), tlv(7, b"\x00\x00\x00\x01"))))
    out.append(frame(pdu(tlv(1, b""), tlv(2, b"\x00"), tlv(6, b"x"), tlv(7, b"\x00\x00\x00\x02"))))
    out.append(frame(pdu(tlv(1, b"a" * 300), tlv(2, b"TenGigabitEthernet1/0/48"), tlv(7, b"\x00\x00\x00\x03"))))
    # 4: a port ID whose next byte is not 0 (taken as 3 bytes longer), with the PDU long enough and not; a port ID that
    # ends the PDU (the byte past it is read: malformed), and with Ethernet padding after it (still the PDU's end).
    out.append(frame(pdu(tlv(2, b"Gi0/1"), tlv(0x0102, b"abcdefghijkl"), tlv(7, b"\x00\x00\x00\x01"))))
    out.append(frame(pdu(tlv(2, b"Fa0/1"), tlv(0x0102, b"abc"))))
    out.append(frame(pdu(tlv(2, b"Gi0/1", length=4), tlv(7, b"\x00\x00\x00\x01"))))
    out.append(frame(pdu(tlv(1, b"dev"), tlv(2, b"Fa0/1"))))
    out.append(frame(pdu(tlv(1, b"dev"), tlv(2, b"Fa0/1")), pad=True))
    # 5: intervals and sequence numbers of the wrong length; unknown types (8, 0, 0x1234) and an empty one of length 4.
    out.append(frame(pdu(tlv(1, b"d"), tlv(4, b"\x0f\x00"), tlv(5, b""), tlv(7, b"\x00\x01"))))
    out.append(frame(pdu(tlv(1, b"d"), tlv(5, b"\x05\x05"), tlv(7, b"\x00\x00\x00\x01"))))
    out.append(frame(pdu(tlv(1, b"d"), tlv(7, b"\x00\x00\x00\x01\x02"), tlv(4, b"\x07"))))
    out.append(frame(pdu(tlv(8, b"\x01\x02"), tlv(0, b"zero"), tlv(0x1234, b"abcdefgh"), tlv(7, b"\x00\x00\x00\x05"))))
    out.append(frame(pdu(tlv(1, b"dev"), tlv(9, b""), tlv(2, b"x"))))
    out.append(frame(pdu(tlv(1, b"dev"), tlv(3, b""), tlv(2, b"x"))))
    # 6: TLV lengths of 0 to 3 (an expert item; the rest is data), one past the PDU, one to its end exactly.
    for n in (0, 1, 2, 3):
        out.append(frame(pdu(tlv(1, b"dev"), tlv(9, b"", length=n), tlv(2, b"x"), tlv(7, b"\x00\x00\x00\x01"))))
    out.append(frame(pdu(tlv(1, b"d"), tlv(2, b"", length=3))))
    out.append(frame(pdu(tlv(1, b"d"), tlv(7, b"", length=2))))
    out.append(frame(pdu(tlv(1, b"dev"), tlv(9, b"abc", length=40))))
    out.append(frame(pdu(tlv(1, b"dev", length=40))))
    out.append(frame(pdu(tlv(2, b"Gi0/1", length=30))))
    out.append(frame(pdu(tlv(1, b"d"), tlv(6, b"abc", length=7))))
    # 7: 1, 2 and 3 bytes left after a TLV; a header of 0 to 3 bytes.
    for rest in (b"\x00", b"\x00\x01", b"\x00\x01\x00"):
        out.append(frame(pdu(tlv(1, b"dev")) + rest))
    for n in (0, 1, 2, 3):
        out.append(frame(pdu()[:n]))
    # 8: a long list of TLVs (200 sequence numbers).
    out.append(frame(pdu(*[tlv(7, struct.pack(">I", i)) for i in range(200)])))
    # 9: 802.3 lengths: shorter than the PDU (the rest a trailer), longer than the frame; a trailer that is not zeros.
    whole = probe()
    out.append(frame(whole, length=len(SNAP) + len(whole) - 10))
    out.append(frame(whole, length=len(SNAP) + len(whole) + 20))
    out.append(frame(pdu(tlv(1, b"dev"), tlv(2, b"Fa0/1")), trailer=b"\xde\xad\xbe\xef"))
    out.append(frame(whole, length=len(SNAP) + 3))
    # 10: cut by the capture length
    full = out[0][:]
    for cut in (14, 20, 22, 23, 24, 26, 28, 30, 33, 37, 41, 44, 50, 60, 70, 90):
        out.append((full, cut))
    return [f if isinstance(f, tuple) else (f, None) for f in out]


def damaged(seed):
    return damage.mutate([f for f, c in cases() if c is None and len(f) > 22], seed, 22)


def main():
    damage.main(cisco_snap.write, cases, damaged, "udld-cases.pcap")


if __name__ == "__main__":
    main()
