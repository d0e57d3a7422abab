"""What the UDLD and VTP generators share: a pcap writer and Cisco's 802.3 LLC/SNAP frame around a PDU."""

import struct

T0 = 1700000000
SRC = "00:1b:54:94:5a:8b"
DST = "01:00:0c:cc:cc:cc"


def write(path, frames, linktype=1):
    """A microsecond pcap of (bytes, caplen or None), 1 ms apart (Ethernet unless told another link type)."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def mac(text):
    return bytes.fromhex(text.replace(":", ""))


def snap(pid):
    """LLC UI to SNAP with Cisco's OUI and protocol ID `pid`."""
    return bytes.fromhex("aaaa0300000c") + struct.pack(">H", pid)


def frame(pid, pdu, length=None, trailer=b"", pad=False):
    """802.3 to Cisco's multicast address with LLC/SNAP; the length field says LLC and the PDU unless told otherwise;
    pad: to 60 bytes with zeros."""
    body = snap(pid) + pdu
    n = len(body) if length is None else length
    data = mac(DST) + mac(SRC) + struct.pack(">H", n) + body + trailer
    if pad and len(data) < 60:
        data += bytes(60 - len(data))
    return data
