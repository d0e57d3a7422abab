#!/usr/bin/python3
"""Writes the captures for the tshark and tcpdump oracles of RawNet's small UDP/EtherType protocols.

    make-small-cases.py DIRECTORY      # DIRECTORY/wol-cases.pcap (and the others as they are added)

wol-cases.pcap: Wake-on-LAN magic packets (6 x 0xff, 16 x the target MAC, an optional 4- or 6-byte password) on
EtherType 0x0842 and on UDP (tshark's heuristic, after the ports' dissectors), with bytes after them, payloads the
heuristic refuses (short, a wrong sync byte, a wrong repeat), and frames cut by the capture length inside the sync
stream, the first MAC, the repeats and the password. Every timestamp starts at 2023-11-14 22:13:20 UTC and steps 1 ms
per packet. Run with Debian's /usr/bin/python3 (python3-scapy).
"""
import os
import struct
import sys

from scapy.layers.l2 import Ether
from scapy.layers.inet import IP, TCP, UDP, ICMP
from scapy.layers.inet6 import IPv6
from scapy.packet import Raw

T0 = 1700000000
SRC, BCAST = "02:00:00:00:00:01", "ff:ff:ff:ff:ff:ff"


def write(path, frames):
    """A microsecond pcap of (bytes, caplen or None), 1 ms apart."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def magic(mac, password=b""):
    return b"\xff" * 6 + bytes.fromhex(mac.replace(":", "")) * 16 + password


def ether_wol(payload):
    return bytes(Ether(dst=BCAST, src=SRC, type=0x0842) / Raw(payload))


def udp_wol(payload, dport=9, sport=40000):
    return bytes(Ether(dst=BCAST, src=SRC) / IP(src="192.0.2.1", dst="255.255.255.255") / UDP(sport=sport, dport=dport) / Raw(payload))


def wol_cases():
    dell, local = "00:0d:56:dc:9e:35", "02:12:34:56:78:9a"
    cases = [
        ether_wol(magic(dell)),
        ether_wol(magic(local)),
        ether_wol(magic(dell, bytes([192, 168, 1, 1]))),
        ether_wol(magic(dell, bytes.fromhex("0123456789ab"))),
        ether_wol(magic(dell, b"\x01\x02\x03\x04\x05")),
        ether_wol(magic(dell, bytes(range(10)))),
        ether_wol(magic(BCAST)),
        ether_wol(magic(dell)[:101]),
        ether_wol(b"\xfe" + magic(dell)[1:]),
        ether_wol(magic(dell)[:90] + b"\x00" + magic(dell)[91:]),
        udp_wol(magic(dell)),
        udp_wol(magic(local, bytes([10, 0, 0, 1])), dport=40009),
        udp_wol(magic(dell, bytes.fromhex("a1a2a3a4a5a6a7")), dport=12287),
        udp_wol(magic(dell)[:101]),
        udp_wol(b"\xff" * 5 + b"\x00" + magic(dell)[6:]),
        udp_wol(magic(dell)[:96] + b"\x00" * 6),
    ]
    frames = [(c, None) for c in cases]
    # Cut by the capture length: Ethernet 14, then the WoL bytes kept; over UDP 42 and then those.
    for n in (0, 1, 3, 5, 6, 11, 12, 50, 101, 102, 104, 105, 106, 107):
        frames.append((ether_wol(magic(dell, bytes([192, 168, 1, 1]))), 14 + n))
    for n in (1, 2, 4, 5, 6, 11, 12, 60, 102, 106, 107):
        frames.append((ether_wol(magic(dell, bytes.fromhex("0123456789ab"))), 14 + n))
    for n in (1, 3, 4, 5, 8, 11, 12, 40, 101, 102, 104, 106):
        frames.append((udp_wol(magic(dell, bytes([192, 168, 1, 1]))), 42 + n))
    # The heuristic reads the sync stream and the first MAC before it can refuse a payload of 102 bytes or more.
    other = b"\xfe" * 102
    frames += [(udp_wol(magic(dell)), 42), (udp_wol(other), 45), (udp_wol(other), 48), (udp_wol(other), 49),
               (udp_wol(b"\xff" * 6 + other[6:]), 49), (udp_wol(other[:60]), 45)]
    return frames


def echo_cases():
    a, b = "198.18.0.1", "198.18.0.2"
    def udp(sport, dport, payload, v6=False):
        ip = IPv6(src="2001:db8::1", dst="2001:db8::2") if v6 else IP(src=a, dst=b)
        return bytes(Ether(src=SRC, dst="02:00:00:00:00:02") / ip / UDP(sport=sport, dport=dport) / Raw(payload))
    def tcp(sport, dport, flags, seq, ack, payload=b""):
        return bytes(Ether(src=SRC, dst="02:00:00:00:00:02") / IP(src=a if dport == 7 else b, dst=b if dport == 7 else a)
                     / TCP(sport=sport, dport=dport, flags=flags, seq=seq, ack=ack) / Raw(payload))
    cases = [
        udp(50000, 7, b"ping over udp"),
        udp(7, 50000, b"ping over udp"),
        udp(50001, 7, b"ping over udp6", v6=True),
        udp(7, 50001, b"ping over udp6", v6=True),
        udp(7, 7, b"both ports"),
        udp(7, 53, b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00"),
        udp(50002, 7, b""),
        udp(50003, 7, magic("00:0d:56:dc:9e:35")),
        tcp(40000, 7, "S", 1000, 0),
        tcp(7, 40000, "SA", 5000, 1001),
        tcp(40000, 7, "A", 1001, 5001),
        tcp(40000, 7, "PA", 1001, 5001, b"hello over tcp"),
        tcp(7, 40000, "PA", 5001, 1015, b"hello over tcp"),
        tcp(40000, 7, "A", 1015, 5015),
    ]
    frames = [(c, None) for c in cases]
    # Cut by the capture length: the UDP payload kept 0, 1 and 5 bytes; the TCP one 3.
    frames += [(udp(50004, 7, b"cut echo data"), 42 + n) for n in (0, 1, 5)]
    frames.append((tcp(40000, 7, "PA", 1015, 5015, b"more data"), 54 + 3))
    # An ICMP error quoting a datagram to port 7.
    quoted = bytes(IP(src=a, dst=b) / UDP(sport=50005, dport=7) / Raw(b"quoted"))
    frames.append((bytes(Ether(src="02:00:00:00:00:02", dst=SRC) / IP(src=b, dst=a) / ICMP(type=3, code=3) / Raw(quoted)), None))
    return frames


def wg_cases():
    def udp(payload, port):
        return bytes(Ether(src=SRC, dst="02:00:00:00:00:02") / IP(src="198.18.5.1", dst="198.18.5.2") / UDP(sport=port, dport=port) / Raw(payload))
    def le(n, size):
        return n.to_bytes(size, "little")
    key = bytes(range(32))
    initiation = b"\x01\x00\x00\x00" + le(0x1A2B3C4D, 4) + key + bytes(48) + bytes(28) + bytes(range(100, 116)) + bytes(16)
    response = b"\x02\x00\x00\x00" + le(0x0000BEEF, 4) + le(0x1A2B3C4D, 4) + key + bytes(16) + bytes(range(16)) + bytes(16)
    cookie = b"\x03\x00\x00\x00" + le(0x0000BEEF, 4) + bytes(range(24)) + bytes(range(32, 64))
    def data(receiver, counter, length, reserved=b"\x00\x00\x00"):
        return b"\x04" + reserved + le(receiver, 4) + le(counter, 8) + bytes(length - 16)
    cases = [
        (initiation, 51820), (response, 51821), (cookie, 51822), (data(0xBEEF, 0, 32), 51823), (data(0xBEEF, 1, 48), 51824),
        (data(0x1A2B3C4D, 2**40 + 5, 33), 51825),
        (b"\x01\x00\x00\x01" + initiation[4:], 51826), (data(0xBEEF, 3, 48, b"\x00\x00\x01"), 51827),
        (initiation + b"\x00", 51828), (b"\x05" + initiation[1:], 51829), (cookie[:63], 51830),
        (initiation, 1701), (data(0xBEEF, 7, 64), 1701), (data(0xBEEF, 8, 32), 7),
    ]
    frames = [(udp(p, port), None) for p, port in cases]
    # Cut by the capture length (Ethernet, IPv4 and UDP take 42 bytes).
    port = 51840
    for message, cuts in ((initiation, (4, 6, 8, 40, 100, 147)), (response, (8, 10, 12, 91)), (cookie, (6, 8, 40)),
                          (data(0xBEEF, 9, 64), (4, 8, 12, 16, 20, 31, 47))):
        for n in cuts:
            frames.append((udp(message, port), 42 + n))
            port += 1
    return frames


def ssdp_cases():
    def udp(payload, sport=50000, dport=1900, v6=False):
        ip = IPv6(src="fe80::1", dst="ff02::c") if v6 else IP(src="192.168.1.10", dst="239.255.255.250")
        return bytes(Ether(src=SRC, dst="01:00:5e:7f:ff:fa") / ip / UDP(sport=sport, dport=dport) / Raw(payload))
    search = b"M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 2\r\nST: ssdp:all\r\n\r\n"
    alive = (b"NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=1800\r\n"
             b"LOCATION: http://192.168.1.1:80/desc.xml\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n"
             b"SERVER: Linux/3.14 UPnP/1.0 foo/1.0\r\nUSN: uuid:1234::upnp:rootdevice\r\n\r\n")
    byebye = b"NOTIFY * HTTP/1.1\r\nHost: 239.255.255.250:1900\r\nNT: upnp:rootdevice\r\nNTS: ssdp:byebye\r\nUSN: uuid:1234::upnp:rootdevice\r\n\r\n"
    reply = (b"HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=100\r\nDATE: Tue, 14 Nov 2023 22:13:20 GMT\r\nEXT:\r\n"
             b"LOCATION: http://192.168.1.1:80/desc.xml\r\nSERVER: Linux UPnP/1.0\r\nST: upnp:rootdevice\r\nUSN: uuid:1234\r\n\r\n")
    v6search = b"M-SEARCH * HTTP/1.1\r\nHOST: [FF02::C]:1900\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\nST: urn:schemas-upnp-org:device:InternetGatewayDevice:1\r\nUSER-AGENT: test/1.0 UPnP/2.0\r\n\r\n"
    cases = [udp(search), udp(alive), udp(byebye), udp(reply, 1900, 50000), udp(v6search, v6=True), udp(search, 1900, 1900),
             udp(b"M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n")]
    frames = [(c, None) for c in cases]
    # Cut by the capture length inside the headers and at their end (42 bytes before the payload).
    frames += [(udp(alive), 42 + n) for n in (1, 10, 40, 60, 200)]
    return frames


if __name__ == "__main__":
    out = sys.argv[1]
    write(os.path.join(out, "wol-cases.pcap"), wol_cases())
    write(os.path.join(out, "echo-cases.pcap"), echo_cases())
    write(os.path.join(out, "wg-cases.pcap"), wg_cases())
    write(os.path.join(out, "ssdp-cases.pcap"), ssdp_cases())
