#!/usr/bin/python3
"""Writes captures/dhcp/dhcp.pcap for the tshark and tcpdump oracles of RawNet's DHCP/BOOTP decoding.

    make-dhcp-cases.py OUTFILE

The cases: the four-message exchange (discover, offer, request, ACK) with the broadcast flag, a relayed request
(giaddr, hops), inform, release, decline and NAK, a BOOTP request and reply without the magic cookie (vendor area
only), a server name and boot file, options tshark names (host name, domain name, routers, DNS servers, lease, renewal
and rebinding times, vendor class, client identifier of another type) and unknown ones, padding between options, an
unknown message type, a non-Ethernet hardware type, and damaged variants: no end option, an option length past the
end, a type byte as the last byte, a message shorter than its fixed header, and messages cut by the capture length
(snap length) at several points. Every timestamp starts at 2023-11-14 22:13:20 UTC and steps 1 ms per packet. Run with
Debian's /usr/bin/python3 (python3-scapy).
"""
import struct
import sys

from scapy.layers.dhcp import BOOTP, DHCP
from scapy.layers.inet import IP, UDP
from scapy.layers.l2 import Ether
from scapy.packet import Raw

T0 = 1700000000
CLIENT = "00:0b:82:01:fc:42"
SERVER = "02:00:00:00:00:02"
CHADDR = bytes.fromhex("000b8201fc42")
COOKIE = bytes.fromhex("63825363")


def write(path, frames):
    """A microsecond pcap of (bytes, caplen or None), 1 ms apart."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def frame(payload, src="0.0.0.0", dst="255.255.255.255", sport=68, dport=67, mac=CLIENT):
    return bytes(Ether(src=mac, dst="ff:ff:ff:ff:ff:ff") / IP(src=src, dst=dst, ttl=64) / UDP(sport=sport, dport=dport) / Raw(payload))


def bootp(op=1, xid=0x3D1D, options=None, cookie=True, **kw):
    """A BOOTP header from scapy with raw option bytes after the cookie (or a vendor area without it)."""
    hdr = bytes(BOOTP(op=op, xid=xid, chaddr=kw.pop("chaddr", CHADDR), options=b"", **kw))[:236]
    if not cookie:
        return hdr + (options if options is not None else bytes(64))
    return hdr + COOKIE + (options or b"")


def opt(code, value):
    return bytes([code, len(value)]) + value


def ip(a):
    return bytes(int(x) for x in a.split("."))


def msg(t):
    return opt(53, bytes([t]))


PRL = opt(55, bytes([1, 3, 6, 15, 42, 51, 58, 59, 119, 252]))
CID = opt(61, b"\x01" + CHADDR)
SRV = opt(54, ip("192.168.0.1"))
LEASE = opt(51, struct.pack(">I", 3600)) + opt(58, struct.pack(">I", 1800)) + opt(59, struct.pack(">I", 3150))
NET = opt(1, ip("255.255.255.0")) + opt(3, ip("192.168.0.1") + ip("192.168.0.254")) + opt(6, ip("8.8.8.8") + ip("1.1.1.1")) + opt(15, b"example.org") + opt(28, ip("192.168.0.255"))
END = b"\xff"


def cases():
    out = []
    add = lambda p, caplen=None, **kw: out.append((frame(p, **kw), caplen))
    reply = dict(src="192.168.0.1", dst="192.168.0.10", sport=67, dport=68, mac=SERVER)
    # The exchange (scapy's own DHCP options once, to keep its encoding in the set).
    add(bytes(BOOTP(op=1, xid=0x3D1D, chaddr=CHADDR, flags=0x8000) / DHCP(options=[("message-type", "discover"), ("client_id", b"\x01" + CHADDR), ("hostname", b"rawnet-host"), ("param_req_list", [1, 3, 6, 15, 42]), "end"])))
    add(bootp(2, yiaddr="192.168.0.10", siaddr="192.168.0.1", options=msg(2) + SRV + LEASE + NET + END + bytes(12)), **reply)
    add(bootp(1, xid=0x3D1E, options=msg(3) + CID + opt(50, ip("192.168.0.10")) + SRV + opt(12, b"rawnet-host") + PRL + END + bytes(7)))
    add(bootp(2, xid=0x3D1E, yiaddr="192.168.0.10", options=msg(5) + SRV + LEASE + NET + END), **reply)
    # A relayed request: giaddr, hops, unicast from the relay to the server.
    add(bootp(1, xid=0x1234ABCD, hops=1, giaddr="10.0.0.1", options=msg(1) + CID + opt(82, opt(1, b"eth0") + opt(2, b"relay-1")) + END), src="10.0.0.1", dst="192.168.0.1", sport=67, dport=67)
    # Inform, release, decline, NAK.
    add(bootp(1, xid=0x10, ciaddr="192.168.0.10", options=msg(8) + CID + PRL + opt(60, b"MSFT 5.0") + END), src="192.168.0.10")
    add(bootp(1, xid=0x11, ciaddr="192.168.0.10", options=msg(7) + SRV + CID + END), src="192.168.0.10", dst="192.168.0.1")
    add(bootp(1, xid=0x12, options=msg(4) + opt(50, ip("192.168.0.10")) + SRV + END))
    add(bootp(2, xid=0x13, options=msg(6) + SRV + opt(56, b"address not available") + END), **reply)
    # BOOTP without the magic cookie: a request and a reply with a server name and a boot file.
    add(bootp(1, xid=0x20, cookie=False), src="0.0.0.0")
    add(bootp(2, xid=0x20, yiaddr="10.1.1.5", siaddr="10.1.1.1", sname=b"bootserver", file=b"/tftpboot/pxelinux.0", cookie=False, options=b"\x01\x02\x03" + bytes(61)), **reply)
    # BOOTP with the cookie and options but no message type (tshark: BOOTP), with padding between options.
    add(bootp(2, xid=0x21, yiaddr="10.1.1.6", options=opt(1, ip("255.0.0.0")) + b"\x00\x00\x00" + opt(3, ip("10.0.0.1")) + END + bytes(20)), **reply)
    # Unknown options, an unknown message type, a client id of another type, a non-Ethernet hardware address.
    add(bootp(1, xid=0x30, options=msg(18) + opt(224, b"\xde\xad\xbe\xef") + opt(250, b"") + opt(61, b"\x00abc") + END))
    add(bootp(1, xid=0x31, htype=6, hlen=6, options=msg(1) + END))
    add(bootp(1, xid=0x32, htype=32, hlen=16, chaddr=bytes(range(1, 17)), options=msg(1) + END))
    add(bootp(1, xid=0x33, hlen=0, options=msg(1) + END))
    add(bootp(3, xid=0x34, options=msg(1) + END))
    # Seconds as Windows sends them (little-endian), flags with reserved bits.
    add(bootp(1, xid=0x35, secs=0x0500, flags=0x8001, options=msg(1) + END))
    # Damaged: no end option; an option length past the end; the last byte a type; a header cut short.
    add(bootp(1, xid=0x40, options=msg(1) + CID))
    add(bootp(1, xid=0x41, options=msg(1) + bytes([12, 40]) + b"short"))
    add(bootp(1, xid=0x42, options=msg(1) + bytes([12])))
    add(bootp(1, xid=0x43, options=bytes([53, 5, 1])))
    add(bootp(1, xid=0x44)[:100])
    add(bootp(1, xid=0x45)[:2])
    add(b"")
    # Cut by the capture length at several points (Ethernet 14 + IP 20 + UDP 8 = 42 bytes before the message).
    full = bootp(1, xid=0x50, options=msg(3) + CID + opt(50, ip("192.168.0.10")) + SRV + PRL + END + bytes(8))
    for keep in (2, 10, 40, 200, 238, 240, 243, 252, 262, len(full) - 1, 0):
        add(full, caplen=42 + keep)
    # Options of lengths their fields do not fit (tshark adds no field for them), message types 0 and 19, an empty
    # message type (tshark reads the next option's byte for its name, then fails on the option's own bytes).
    add(bootp(1, xid=0x60, options=msg(1) + opt(1, b"\x01\x02\x03") + opt(3, ip("1.2.3.4") + b"\x05\x06") + opt(51, b"\x00\x10") + opt(6, b"") + opt(12, b"ab\x00cd") + opt(54, bytes(5)) + END))
    add(bootp(1, xid=0x61, options=opt(53, b"\x03\x04") + opt(55, b"") + opt(61, b"\x01\x01\x02\x03\x04\x05") + opt(61, b"\x01" + bytes(7)) + opt(60, b"") + END))
    add(bootp(1, xid=0x62, options=opt(53, b"") + END))
    add(bootp(1, xid=0x63, options=msg(0) + END))
    add(bootp(1, xid=0x64, options=msg(19) + END))
    return out


if __name__ == "__main__":
    write(sys.argv[1], cases())
