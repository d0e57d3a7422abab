#!/usr/bin/python3
"""Writes captures/cdp/cdp-cases.pcap for the tshark and tcpdump oracles of RawNet's CDP decoding.

    make-cdp-cases.py OUTFILE         # the fixed cases, one pcap (captures/cdp/cdp-cases.pcap)
    make-cdp-cases.py DIRECTORY       # the same, as DIRECTORY/cdp-cases.pcap
    make-cdp-cases.py OUTFILE SEED    # 300 random damages of the fixed frames (bytes changed, cut, inserted; snap-cut)

The cases (Cisco Discovery Protocol behind 802.3 LLC/SNAP, OUI 00-00-0C, PID 0x2000): a switch's CDPv2 announcement
built with scapy's CDP layers; every TLV type tshark 4.0 reads (addresses of IPv4, IPv6 and unknown protocols, a
multi-line software version, ODR prefixes and gateway, protocol hello with cluster management, VoIP VLANs of 6 and 7
bytes, power, MTU, trust, system name and OID, management addresses, location, power requested and available, spare
pair PoE, EnergyWise, the HP access point TLVs, unknown types); CDPv1; an odd length and a wrong checksum; and damaged
variants: TLV lengths of 0 and below 4, a TLV past the end, an empty device ID, Port ID's off-by-three guess, address
counts larger than the TLV, 802.3 lengths shorter and longer than the frame, and frames cut by the capture length.
Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import struct

from scapy.contrib.cdp import (CDPAddrRecordIPv4, CDPAddrRecordIPv6, CDPMsgAddr, CDPMsgCapabilities, CDPMsgDeviceID,
                               CDPMsgDuplex, CDPMsgNativeVLAN, CDPMsgPlatform, CDPMsgPortID, CDPMsgSoftwareVersion,
                               CDPMsgVTPMgmtDomain, CDPv2_HDR)
from scapy.packet import Raw
import damage

T0 = 1700000000
SRC = "00:1b:54:94:5a:8b"
DST = "01:00:0c:cc:cc:cc"
SNAP = bytes.fromhex("aaaa0300000c2000")


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


def frame(pdu, length=None, trailer=b""):
    """802.3 with LLC/SNAP; the length field says LLC and the PDU unless told otherwise."""
    body = SNAP + pdu
    n = len(body) if length is None else length
    return mac(DST) + mac(SRC) + struct.pack(">H", n) + body + trailer


def pdu(body, version=2, ttl=180, checksum=None):
    """The CDP header (its checksum computed by scapy's CDP layer, Cisco's odd-length rule included) and the TLVs."""
    data = bytes(CDPv2_HDR(vers=version, ttl=ttl) / Raw(body))
    if checksum is not None:
        data = data[:2] + struct.pack(">H", checksum) + data[4:]
    return data


def tlv(kind, value, length=None):
    n = len(value) + 4 if length is None else length
    return struct.pack(">HH", kind, n) + value


def address(ptype, proto, addr):
    return bytes([ptype, len(proto)]) + proto + struct.pack(">H", len(addr)) + addr


IP4 = address(1, b"\xcc", bytes([192, 168, 1, 1]))
IP6 = address(2, bytes.fromhex("aaaa0300000086dd"), bytes.fromhex("20010db8000000000000000000000001"))


def addresses(kind, *records, count=None):
    return tlv(kind, struct.pack(">I", len(records) if count is None else count) + b"".join(records))


DEVICE = tlv(1, b"sw1.example.com")
PORT = tlv(3, b"GigabitEthernet0/1")


def cases():
    out = []
    # 1: scapy's layers: a switch's CDPv2 announcement.
    first = CDPv2_HDR(vers=2, ttl=180, msg=[
        CDPMsgDeviceID(val=b"switch1.example.com"),
        CDPMsgSoftwareVersion(val=b"Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.0(2)SE\n"
                                  b"Technical Support: http://www.cisco.com/techsupport\nCopyright (c) 1986-2012"),
        CDPMsgPlatform(val=b"cisco WS-C2960-24TT-L"),
        CDPMsgAddr(addr=[CDPAddrRecordIPv4(addr="192.168.1.1"), CDPAddrRecordIPv6(addr="2001:db8::1")]),
        CDPMsgPortID(iface=b"FastEthernet0/1"),
        CDPMsgCapabilities(cap=0x28),
        CDPMsgVTPMgmtDomain(val=b"corp"),
        CDPMsgNativeVLAN(vlan=1),
        CDPMsgDuplex(duplex=1)])
    out.append(frame(bytes(first)))
    # 2: the other TLVs tshark reads.
    hello = tlv(8, bytes.fromhex("00000c0112") + bytes([10, 0, 0, 1, 10, 0, 0, 2, 1, 2, 3, 0]) + mac("00:1b:54:00:00:01")
                + mac("00:1b:54:00:00:02") + b"\x00" + struct.pack(">H", 100))
    out.append(frame(pdu(DEVICE + PORT + tlv(4, struct.pack(">I", 0x7FF)) + tlv(7, bytes([10, 0, 0, 254]))
                         + tlv(7, bytes([10, 1, 0, 0, 16, 172, 16, 0, 0, 12])) + hello
                         + tlv(0x0e, b"\x01" + struct.pack(">H", 20)) + tlv(0x0f, b"\x20" + struct.pack(">H", 0x1234))
                         + tlv(0x0e, b"\x01\x00") + tlv(0x10, struct.pack(">H", 6300)) + tlv(0x11, struct.pack(">I", 1500))
                         + tlv(0x12, b"\x00") + tlv(0x13, b"\x05") + tlv(0x14, b"sysname-1")
                         + tlv(0x15, bytes.fromhex("060a2b060104010903010101")) + addresses(0x16, IP4, IP6)
                         + tlv(0x17, b"\x01Building 1, Floor 2") + tlv(0x0b, b"\x00"))))
    # 3: power requested and available, spare pair PoE, EnergyWise, HP's TLVs, unknown types, a stray hello.
    nrgyz_tlvs = (struct.pack(">II", 7, 12) + b"role" + struct.pack(">II", 8, 14) + b"domain"
                  + struct.pack(">II", 9, 12) + b"name" + struct.pack(">IIHH", 0x17, 22, 0, 43440) + bytes([10, 0, 0, 9])
                  + struct.pack(">H", 0) + bytes(4) + struct.pack(">II", 0x55, 10) + b"xy")
    nrgyz = (bytes(range(20)) + struct.pack(">II", 1, 2) + b"WS-C3750E-24PD\x00\x00" + b"\x00\x00" + b"V01"
             + b"FOC1234X56Z" + bytes(8) + struct.pack(">HH", len(nrgyz_tlvs), 5) + nrgyz_tlvs)
    out.append(frame(pdu(DEVICE + tlv(0x19, struct.pack(">HHIII", 1, 2, 15400, 7000, 4000))
                         + tlv(0x1a, struct.pack(">HHII", 3, 4, 15400, 30000) + b"\x01\x02")
                         + tlv(0x1f, b"\x0b") + tlv(0x1d, nrgyz)
                         + tlv(0x1000, b"aa:bb:cc:dd:ee:ff") + tlv(0x1001, b"SN123") + tlv(0x1002, b"")
                         + tlv(0x1002, b"corp-wifi") + tlv(0x1003, b"6") + tlv(0x1006, b"161") + tlv(0x1007, b"80")
                         + tlv(0x1008, b"00:11:22:33:44:55") + tlv(0x1009, b"36") + tlv(0x100a, b"ap") + tlv(0x100b, b"ap")
                         + tlv(0x100c, b"g") + tlv(0x100d, b"a") + tlv(0x0c, b"\x01\x02") + tlv(0x77, b"")
                         + tlv(0x1b, b"\x01") + tlv(0x18, b"ext") + tlv(8, bytes.fromhex("00000c0001") + b"rest"))))
    # 4: CDPv1, one device ID; an odd length (Cisco's checksum rule), with a last byte above 0x80 and below.
    out.append(frame(pdu(tlv(1, b"r1"), version=1, ttl=60)))
    out.append(frame(pdu(tlv(1, b"odd") + tlv(3, b"Se0/0/1\xc1"))))
    out.append(frame(pdu(tlv(1, b"odd2") + tlv(3, b"Se0/1"))))
    # 5: a wrong checksum; a zero checksum.
    out.append(frame(pdu(DEVICE + PORT, checksum=0x1234)))
    out.append(frame(pdu(DEVICE + PORT, checksum=0)))
    # 6: addresses: an unknown NLPID, an unknown 802.2 protocol, an IPv4 address of 3 bytes, more addresses counted
    # than the TLV holds, a record cut inside its protocol and inside its address, a count of zero.
    out.append(frame(pdu(DEVICE + addresses(2, address(1, b"\x81", b"\x49\x00\x01"), address(2, b"\xaa\xaa\x03\x00\x00\x00\x08\x00", b"\x0a\x00\x00\x01"),
                                            address(1, b"\xcc", b"\x0a\x00\x00"), address(9, b"", b"")))))
    out.append(frame(pdu(DEVICE + addresses(2, IP4, count=1000) + PORT)))
    out.append(frame(pdu(DEVICE + tlv(2, struct.pack(">I", 2) + IP4 + bytes([2, 8, 0xaa, 0xaa])) + PORT)))
    out.append(frame(pdu(DEVICE + tlv(2, struct.pack(">I", 1) + bytes([1, 1, 0xcc, 0, 4, 10, 0])) + PORT)))
    out.append(frame(pdu(DEVICE + addresses(0x16) + PORT)))
    out.append(frame(pdu(DEVICE + tlv(2, b"\x00\x00") + PORT)))
    # 7: TLV lengths: 0, 2, 3 (below 4) and one past the end; an empty device ID; a length of 4 for an unknown type.
    out.append(frame(pdu(DEVICE + tlv(3, b"", length=0) + PORT)))
    out.append(frame(pdu(DEVICE + tlv(6, b"", length=2) + PORT)))
    out.append(frame(pdu(tlv(9, b"", length=3))))
    out.append(frame(pdu(DEVICE + tlv(6, b"cisco", length=60))))
    out.append(frame(pdu(tlv(1, b"") + PORT)))
    out.append(frame(pdu(DEVICE + tlv(0x99, b"") + PORT)))
    # 8: short TLVs for their fixed fields: native VLAN of 1 byte, MTU of 2, capabilities of 2, prefix of 3, duplex empty.
    out.append(frame(pdu(DEVICE + tlv(0x0a, b"\x01") + PORT)))
    out.append(frame(pdu(DEVICE + tlv(0x11, b"\x05\xdc") + PORT)))
    out.append(frame(pdu(DEVICE + tlv(4, b"\x00\x28") + PORT)))
    out.append(frame(pdu(DEVICE + tlv(7, b"\x0a\x00\x00") + PORT)))
    out.append(frame(pdu(DEVICE + tlv(0x0b, b"") + PORT)))
    out.append(frame(pdu(DEVICE + tlv(8, b"\x00\x00") + PORT)))
    out.append(frame(pdu(DEVICE + tlv(0x19, b"\x00\x01") + PORT)))
    out.append(frame(pdu(DEVICE + tlv(0x1d, bytes(10)) + PORT)))
    # 9: Port ID's guess: a byte after the TLV that starts no known type (not 0x00 or 0x10) makes it three bytes longer.
    out.append(frame(pdu(tlv(3, b"Fa0/1") + tlv(0x100a, b"abc") + DEVICE)))
    out.append(frame(pdu(tlv(3, b"Fa0/1") + tlv(0x0100, b"abcdef") + DEVICE)))
    out.append(frame(pdu(tlv(3, b"Fa0/1") + b"xyz" + DEVICE)))
    out.append(frame(pdu(DEVICE + tlv(3, b"Fa0/1") + b"\x41\x42")))
    # 10: nothing after the header; a header of 3 bytes; a device ID with a NUL and non-ASCII bytes.
    out.append(frame(pdu(b"")))
    out.append(frame(pdu(b"")[:3]))
    out.append(frame(pdu(tlv(1, b"sw\x00pad") + tlv(3, b"p\xe9\x01\x7f") + tlv(6, b"plat\xff"))))
    # 11: 802.3 lengths: shorter than the PDU (the rest a trailer), longer than the frame; padding after a short PDU.
    whole = pdu(DEVICE + PORT + tlv(0x0a, b"\x00\x0a"))
    out.append(frame(whole, length=len(SNAP) + len(whole) - 6, trailer=b""))
    out.append(frame(whole, length=len(SNAP) + len(whole) + 20))
    short = pdu(tlv(1, b"a"))
    out.append(frame(short, trailer=bytes(60 - 14 - len(SNAP) - len(short))))
    out.append(frame(short, length=len(SNAP) + len(short), trailer=b"\xde\xad\xbe\xef"))
    # 12: more edges: TLV types tshark 4.0 knows no reader for (external port ID, port unidirectional); VoIP VLANs of 4
    # and 5 bytes; a location of 4; hellos of 8 and 9; power values that leave bytes over; software version lines with
    # CR LF, a lone CR, a NUL and an empty line; an address TLV whose count reads past it with a count of 0.
    out.append(frame(pdu(DEVICE + tlv(0x18, b"ext-port") + tlv(0x1b, b"\x01") + tlv(0x0e, b"") + tlv(0x0f, b"\x01")
                         + tlv(0x17, b"") + PORT)))
    out.append(frame(pdu(DEVICE + tlv(8, bytes.fromhex("00000c01")) + PORT)))
    out.append(frame(pdu(DEVICE + tlv(8, bytes.fromhex("00000c0200")) + PORT)))
    out.append(frame(pdu(DEVICE + tlv(0x19, struct.pack(">HHI", 1, 2, 500) + b"\x01\x02\x03") + tlv(0x1a, struct.pack(">HH", 1, 2) + b"\x01") + PORT)))
    out.append(frame(pdu(DEVICE + tlv(5, b"line one\r\nline two\rthree\n\nfour\x00hidden\nlast\r") + PORT)))
    out.append(frame(pdu(DEVICE + tlv(0x16, b"\x00\x00") + b"\x00\x00\x00\x00" + PORT)))
    # EnergyWise: a sub-TLV shorter than 8, a table longer than its TLVs, a count below the TLVs.
    head = bytes(20) + struct.pack(">II", 1, 2) + bytes(16) + b"\x00\x00" + b"V01" + bytes(11) + bytes(8)
    out.append(frame(pdu(DEVICE + tlv(0x1d, head + struct.pack(">HH", 16, 2) + struct.pack(">II", 7, 4) + bytes(8)) + PORT)))
    out.append(frame(pdu(DEVICE + tlv(0x1d, head + struct.pack(">HH", 20, 3) + struct.pack(">II", 8, 10) + b"ab" + bytes(8)) + PORT)))
    out.append(frame(pdu(DEVICE + tlv(0x1d, head + struct.pack(">HH", 24, 1) + struct.pack(">II", 9, 12) + b"name" + struct.pack(">II", 7, 12) + b"role") + PORT)))
    # LLC and SNAP with no CDP byte after them; a TLV header cut by the PDU's end.
    out.append(frame(b""))
    out.append(frame(pdu(DEVICE + b"\x00\x03")))
    # 13: cut by the capture length
    full = out[1]
    for cut in (14, 18, 22, 23, 24, 26, 30, 40, 60, 100, 200):
        out.append((full, cut))
    return [f if isinstance(f, tuple) else (f, None) for f in out]


def damaged(seed):
    return damage.mutate([f for f, c in cases() if c is None and len(f) > 22], seed, 22)


def main():
    damage.main(write, cases, damaged, "cdp-cases.pcap")


if __name__ == "__main__":
    main()
