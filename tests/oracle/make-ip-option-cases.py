#!/usr/bin/python3
"""Writes captures for the tshark oracle of the frame, Ethernet, IPv4 and IPv6 fields tshark derives beside the headers.

    make-ip-option-cases.py OUTDIR

Files: ipv4-options.pcap: IPv4 options tshark decodes (router alert, NOP, EOL, record route, time stamp, security),
an unknown one, and lengths that stop tshark's walk (too short, past the options) or do not (not a fixed option's
size); vendor prefixes known and unknown to Wireshark's manuf file, group and
local addresses, and one timestamp in January 2038 (the latest tcpdump converts) and one on a one-digit day. ipv6-options.pcap: hop-by-hop and
destination options (router alert, Pad1, PadN empty and long, jumbo, an unknown type, a PadN running past the header's
declared end), SLAAC, Teredo, 6to4 and ISATAP addresses, each also cut by the capture inside the options.
ipv4-option-fields.pcap: the addresses, time stamps and security fields inside record route, time stamp, security and
source route options (ipv4_option_field_frames). ipv6-option-items.pcap: options of each type tshark judges in a header
of each kind, with right and wrong lengths, for its option items (ipv6_option_item_frames).
"""
import os
import struct
import sys

from scapy.all import (Ether, HBHOptUnknown, ICMPv6MLReport, IP, IPOption, IPv6, IPv6ExtHdrDestOpt, TCP,
                       IPv6ExtHdrHopByHop, Jumbo, Pad1, PadN, Raw, RouterAlert, UDP, wrpcap)
from scapy.utils import checksum

BASE = 1700000000.0


def ether(dst='00:1b:21:00:00:01', src='00:e0:b1:00:00:02'):
    return Ether(dst=dst, src=src)


def cuts(frames, lengths):
    """Each frame again, cut by the capture after each of the given byte counts."""
    out = []
    for frame in frames:
        raw = bytes(frame)
        out.extend(Ether(raw[:n]) for n in lengths if n < len(raw))
    return out


def ipv4_frames():
    options = [
        b'\x94\x04\x00\x00',                                  # router alert
        b'\x01\x01\x01\x00',                                  # NOP NOP NOP EOL
        b'\x07\x0b\x04\x01\x02\x03\x04\x05\x06\x07\x08\x00',  # record route, EOL
        b'\x44\x0c\x05\x00\x00\x00\x00\x01\x00\x00\x00\x02',  # time stamp
        b'\x82\x0b\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00',  # security, EOL
        b'\x94\x04\x00\x00\x01\x00\x00\x00',                  # router alert, NOP, EOL and a byte after it
        b'\x94\x09\x00\x00',                                  # past the options
        b'\x99\x02\x01\x00',                                  # unknown, NOP, EOL
        b'\x01\x94\x00\x00',                                  # NOP, too short
        b'\x94\x05\x00\x00\x00\x01\x00\x00',                  # not a router alert's size
        b'\x01\x01\x01\x01\x01\x01\x01\x01',                  # NOPs to the end
    ]
    frames = [ether() / IP(dst='224.0.0.22', options=IPOption(o)) / UDP() for o in options]
    addresses = [('ff:ff:ff:ff:ff:ff', '02:00:00:00:00:01'), ('01:00:5e:00:00:01', '00:00:00:00:00:00'),
                 ('00:1b:c5:00:00:01', '00:50:c2:00:10:00'), ('00:00:13:00:00:01', '00:00:17:00:00:00'),
                 ('00:0c:29:00:00:01', '00:00:5e:00:01:00'), ('fc:ff:aa:00:00:00', '12:34:56:78:9a:bc')]
    frames += [ether(d, s) / IP() / UDP() for d, s in addresses]
    for i, frame in enumerate(frames):
        frame.time = BASE + i / 1000
    early = ether() / IP() / UDP()
    early.time = 2147483000.123456  # 2038-01-19: as late as a pcap timestamp tcpdump still converts (signed 32 bits)
    one_digit_day = ether() / IP() / UDP()
    one_digit_day.time = 1341792000.5
    return frames + [early, one_digit_day] + expert_ipv4_frames()


def expert_ipv4_frames():
    """Option problems the frames above lack: a length byte past the options, an unknown option past them, a fixed option's other length."""
    options = [
        b'\x01\x01\x01\x94',                                  # NOPs, a router alert's type as the last byte
        b'\x9e\x08\x00\x00',                                  # unknown, past the options
        b'\x88\x06\x00\x01\x00\x00\x00\x00',                  # stream ID of 6 bytes (4 fixed), EOL
    ]
    frames = [ether() / IP(dst='10.0.0.2', options=IPOption(o)) / UDP() for o in options]
    for i, frame in enumerate(frames):
        frame.time = BASE + 1 + i / 1000
    return frames


def ipv6_frames():
    mld = ether('33:33:00:00:00:16', '00:0c:29:0e:4c:67')
    frames = [
        mld / IPv6(src='fe80::20c:29ff:fe0e:4c67', dst='ff02::16') / IPv6ExtHdrHopByHop(options=[RouterAlert(), PadN(optdata=b'')]) / ICMPv6MLReport(),
        ether() / IPv6(src='2001:0:4136:e378:8000:63bf:3fff:fdd2', dst='2002:c000:0201:5::1') / UDP(),
        ether() / IPv6(src='fe80::5efe:c000:201', dst='fe80::200:5efe:a00:1') / IPv6ExtHdrDestOpt(options=[Pad1(), Pad1(), PadN(optdata=b'\x00\x00')]) / UDP(),
        ether() / IPv6(src='fe80::1', dst='fe80::2') / IPv6ExtHdrHopByHop(options=[Jumbo(jumboplen=70000)]) / UDP(),
        ether() / IPv6(src='fe80::1', dst='fe80::2') / IPv6ExtHdrDestOpt(options=[HBHOptUnknown(otype=0x3e, optdata=b'abc'), PadN(optdata=b'\x00')]) / UDP(),
        ether() / IPv6(src='fe80::1', dst='fe80::2') / IPv6ExtHdrDestOpt(nh=17, len=1, options=[PadN(optdata=b'\x00' * 20)]) / UDP(),
        ether() / IPv6(src='fe80::c000:54ff:fef5:0', dst='2001:db8::200:ff:fe00:1') / UDP(),
    ]
    frames += cuts(frames[:1] + frames[2:4], [55, 56, 57, 58, 60, 61])
    # tcpdump's option printer: a jumbo payload it takes (payload length 0), one too short, one in destination options,
    # one of a wrong length; a router alert of a wrong length; a home address with sub-options.
    frames += [
        ether() / IPv6(src='fe80::1', dst='fe80::2', plen=0) / IPv6ExtHdrHopByHop(options=[Jumbo(jumboplen=70000)]) / UDP(),
        ether() / IPv6(src='fe80::1', dst='fe80::2', plen=0) / IPv6ExtHdrHopByHop(options=[Jumbo(jumboplen=1000)]) / UDP(),
        ether() / IPv6(src='fe80::1', dst='fe80::2') / IPv6ExtHdrDestOpt(options=[Jumbo(jumboplen=70000)]) / UDP(),
        ether() / IPv6(src='fe80::1', dst='fe80::2') / IPv6ExtHdrHopByHop(options=[HBHOptUnknown(otype=0xc2, optdata=b'\x00\x01\x11')]) / UDP(),
        ether() / IPv6(src='fe80::1', dst='fe80::2') / IPv6ExtHdrHopByHop(options=[HBHOptUnknown(otype=0x05, optdata=b'\x00\x00\x00')]) / UDP(),
        ether() / IPv6(src='fe80::1', dst='fe80::2') / IPv6ExtHdrDestOpt(options=[HBHOptUnknown(otype=0xc9, optdata=bytes(range(16)) + b'\x00\x01\x00\x07\x01')]) / UDP(),
    ]
    for i, frame in enumerate(frames):
        frame.time = BASE + i / 1000
    return frames


def with_options(options, transport=None, checksum_for='10.0.0.9'):
    """An IPv4 datagram to 10.0.0.9 carrying the given option bytes as they are (scapy would parse or pad them), its
    transport checksum computed as if the destination were checksum_for."""
    base = bytes(IP(dst=checksum_for) / (transport if transport is not None else UDP()))
    header, body = bytearray(base[:20]), base[20:]
    header[16:20] = bytes(map(int, '10.0.0.9'.split('.')))
    header[0] = 0x40 | (5 + len(options) // 4)
    struct.pack_into('>H', header, 2, 20 + len(options) + len(body))
    header[10:12] = b'\0\0'
    struct.pack_into('>H', header, 10, checksum(bytes(header) + options))
    frame = ether() / Raw(bytes(header) + options + body)
    frame.type = 0x0800
    return frame


def ipv4_option_field_frames():
    """Record route (pointer at the first slot, past one, full, before a slot, inside one, a short tail), time stamps
    (each flag, overflow, short tails, none), RFC 791 security (known levels, strings ending in zeros) and RFC 1108's,
    loose and strict source routes (the final destination tshark takes from them, or not); cut inside the options."""
    options = [
        b'\x07\x0b\x04\x01\x02\x03\x04\x05\x06\x07\x08\x00',
        b'\x07\x0f\x08\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x00',
        b'\x07\x0b\x0c\x01\x02\x03\x04\x05\x06\x07\x08\x00',
        b'\x07\x0b\x03\x01\x02\x03\x04\x05\x06\x07\x08\x00',
        b'\x07\x0b\x05\x01\x02\x03\x04\x05\x06\x07\x08\x00',
        b'\x07\x09\x04\x01\x02\x03\x04\x05\x06\x00\x00\x00',
        b'\x44\x0c\x05\x00\x00\x00\x00\x01\x00\x00\x00\x02',
        b'\x44\x0c\x05\x31\x0a\x00\x00\x01\x00\x00\x00\x02',
        b'\x44\x14\x0d\xf3\x0a\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00\x00\x00\x00\x00\x03',
        b'\x44\x10\x05\x01\x0a\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00\x00',
        b'\x44\x0a\x01\x02\x0a\x00\x00\x01\x00\x00\x00\x00',
        b'\x44\x04\x05\x00',
        b'\x82\x0b\xf1\x35\x00\x07\x41\x42\x43\x44\x45\x00',
        b'\x82\x0b\x12\x34\x00\x07\x41\x42\x43\x44\x45\x00',
        b'\x82\x0b\x5e\x26\xff\xff\x00\x41\x00\x43\x00\x00',
        b'\x82\x0a\x00\x00\x00\x07\x41\x42\x43\x44\x00\x00',
        b'\x83\x0b\x04\x01\x02\x03\x04\x05\x06\x07\x08\x00',
        # Source routes and the final destination: strict, exhausted, pointer inside a slot, a last slot not on the
        # slot grid, a bad route before a good one, NOPs first, an unknown option of a bad length first.
        b'\x89\x0b\x08\x01\x02\x03\x04\x05\x06\x07\x08\x00',
        b'\x83\x0b\x0c\x01\x02\x03\x04\x05\x06\x07\x08\x00',
        b'\x83\x0b\x05\x01\x02\x03\x04\x05\x06\x07\x08\x00',
        b'\x83\x09\x04\x01\x02\x03\x04\x05\x06\x00\x00\x00',
        b'\x83\x07\x03\x01\x02\x03\x04\x89\x07\x04\x09\x09\x09\x09\x00\x00',
        b'\x01\x01\x89\x07\x04\x0b\x0c\x0d\x0e\x00\x00\x00',
        b'\x99\x01\x83\x07\x04\x0b\x0c\x0d\x0e\x00\x00\x00',
    ]
    frames = [with_options(o) for o in options]
    frames += cuts([frames[1], frames[8]], [38, 41, 45, 49])
    # TCP behind source routes, its checksum over the header's destination or the route's last slot: tcpdump takes
    # the last slot of a route of 7 bytes or more whatever its pointer (ip_finddst), tshark the route not yet exhausted.
    route, exhausted = b'\x83\x0b\x04\x01\x02\x03\x04\x05\x06\x07\x08\x00', b'\x83\x0b\x0c\x01\x02\x03\x04\x05\x06\x07\x08\x00'
    for option in (route, exhausted):
        for checksum_for in ('10.0.0.9', '5.6.7.8'):
            frames.append(with_options(option, TCP(sport=40000, dport=80, flags='S', seq=1000), checksum_for))
    for i, frame in enumerate(frames):
        frame.time = BASE + i / 1000
    return frames


def ipv6_option_item_frames():
    """Options in a Hop-by-Hop and a Destination Options header, each type with lengths that are right and wrong for it:
    tshark's items for an option in the wrong header, a wrong length, data the option leaves unread or that tshark does
    not interpret, and a Jumbo Payload option where the payload length is not 0 (one with a length below 65536)."""
    types = [0x04, 0x05, 0x08, 0x0F, 0x1E, 0x26, 0x30, 0x41, 0x63, 0x8B, 0x8C, 0xC2, 0xEE, 0x33, 0x99]
    frames = []
    for header in (IPv6ExtHdrHopByHop, IPv6ExtHdrDestOpt):
        for otype in types:
            for length in (0, 1, 2, 3, 4, 6, 10, 16, 21):
                if otype in (0x08, 0x8C) and length == 0:
                    continue  # read past the option in ways RawNet does not follow
                data = bytes(range(1, length + 1))
                frames.append(ether() / IPv6(src='2001:db8::1', dst='2001:db8::2')
                              / header(options=[HBHOptUnknown(otype=otype, optlen=length, optdata=data)])
                              / UDP(sport=5000, dport=5001))
        # Home Address and CALIPSO of lengths tshark reads without running past the datagram
        for otype, length in ((0xC9, 16), (0xC9, 21), (0x07, 16), (0x07, 21)):
            frames.append(ether() / IPv6(src='2001:db8::1', dst='2001:db8::2')
                          / header(options=[HBHOptUnknown(otype=otype, optlen=length, optdata=bytes(length))])
                          / UDP(sport=5000, dport=5001))
    # a Jumbo Payload option below 65536 where the payload length is set, and two options in one header
    frames.append(ether() / IPv6(src='2001:db8::1', dst='2001:db8::2')
                  / IPv6ExtHdrHopByHop(options=[HBHOptUnknown(otype=0xC2, optlen=4, optdata=b'\x00\x00\x03\xe8')])
                  / UDP(sport=5000, dport=5001))
    frames.append(ether() / IPv6(src='2001:db8::1', dst='2001:db8::2')
                  / IPv6ExtHdrDestOpt(options=[HBHOptUnknown(otype=0x05, optlen=3, optdata=b'\x00\x00\x00'),
                                               HBHOptUnknown(otype=0x33, optlen=2, optdata=b'\x01\x02')])
                  / UDP(sport=5000, dport=5001))
    for i, frame in enumerate(frames):
        frame.time = BASE + i / 1000
    return frames


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    wrpcap(os.path.join(out, 'ipv4-options.pcap'), ipv4_frames())
    wrpcap(os.path.join(out, 'ipv6-options.pcap'), ipv6_frames())
    wrpcap(os.path.join(out, 'ipv4-option-fields.pcap'), ipv4_option_field_frames())
    wrpcap(os.path.join(out, 'ipv6-option-items.pcap'), ipv6_option_item_frames())


if __name__ == '__main__':
    main()
