#!/usr/bin/python3
"""Writes captures/sip/sip-cases.pcap for the tshark and tcpdump oracles of RawNet's SIP and SDP decoding.

    make-sip-cases.py OUTFILE         # the fixed cases, one pcap (captures/sip/sip-cases.pcap)
    make-sip-cases.py DIRECTORY       # the same, as DIRECTORY/sip-cases.pcap

The cases, on UDP 5060 unless said: an INVITE with an SDP body, its 100, 180 and 200 (with SDP) responses, ACK, BYE
and its 200; REGISTER with 401 and a second REGISTER; OPTIONS and its 200; an INVITE in compact header forms (v i f t
m l c k s); a multipart/mixed body with SDP and text parts; an in-dialog re-INVITE (To tag); an INFO with a text
body; SIP over TCP 5060 (an INVITE with SDP and its 200); and damaged variants: a head cut by the capture length, a
head without its empty line, a Content-Length past the datagram, a body shorter than its Content-Length, a request
line without a version, a payload that is not SIP, an empty datagram; then tshark's edges, one datagram each (start
lines it refuses or calls unknown, 200s' CSeq methods, REGISTER bindings, To tags, Content-Length values from 2^31 on,
body types SIP hands on or not, SDP session and media attributes). Every Call-ID/CSeq pair is sent once, so that
tshark marks no retransmission. Every timestamp starts at 2023-11-14 22:13:20 UTC and steps 1 ms per packet. Run with
Debian's /usr/bin/python3 (python3-scapy).
"""
import os
import struct
import sys

from scapy.layers.inet import IP, TCP, UDP
from scapy.layers.l2 import Ether
from scapy.packet import Raw

T0 = 1700000000
ALICE = ("02:00:00:00:00:01", "192.0.2.10")
BOB = ("02:00:00:00:00:02", "192.0.2.20")


def write(path, frames):
    """A microsecond pcap of (bytes, caplen or None), 1 ms apart."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (data, caplen) in enumerate(frames):
            kept = data[:caplen] if caplen is not None else data
            f.write(struct.pack("<IIII", T0 + i // 1000, (i % 1000) * 1000, len(kept), len(data)))
            f.write(kept)


def udp(payload, forward=True, sport=5060, dport=5060):
    a, b = (ALICE, BOB) if forward else (BOB, ALICE)
    return bytes(Ether(src=a[0], dst=b[0]) / IP(src=a[1], dst=b[1], id=1) / UDP(sport=sport, dport=dport) / Raw(payload))


def tcp(payload, forward=True, seq=1000, ack=2000):
    a, b = (ALICE, BOB) if forward else (BOB, ALICE)
    sport, dport = (40000, 5060) if forward else (5060, 40000)
    return bytes(Ether(src=a[0], dst=b[0]) / IP(src=a[1], dst=b[1], id=1)
                 / TCP(sport=sport, dport=dport, seq=seq, ack=ack, flags="PA", window=8192) / Raw(payload))


def sdp(port=49170, session="1", address="192.0.2.10"):
    return ("v=0\r\n"
            f"o=alice 2890844526 {session} IN IP4 {address}\r\n"
            "s=-\r\n"
            f"c=IN IP4 {address}\r\n"
            "t=0 0\r\n"
            f"m=audio {port} RTP/AVP 0 8 101\r\n"
            "a=rtpmap:0 PCMU/8000\r\n"
            "a=rtpmap:101 telephone-event/8000\r\n"
            "a=fmtp:101 0-15\r\n"
            "a=sendrecv\r\n").encode()


def message(start, headers, body=b"", length=None):
    """A SIP message: the start line, the headers (name, value), Content-Length (unless given in headers), the body."""
    lines = [start] + [f"{n}: {v}" for n, v in headers]
    if length is not False and not any(n.lower() in ("content-length", "l") for n, _ in headers):
        lines.append(f"Content-Length: {len(body) if length is None else length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def dialog(call, cseq, method, to_tag=None, via="SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds"):
    to = "Bob <sip:bob@biloxi.example.com>" + (f";tag={to_tag}" if to_tag else "")
    return [("Via", via), ("Max-Forwards", "70"), ("To", to),
            ("From", "Alice <sip:alice@atlanta.example.com>;tag=1928301774"), ("Call-ID", call), ("CSeq", f"{cseq} {method}")]


def response(start, call, cseq, method, to_tag=None):
    return dialog(call, cseq, method, to_tag)[0:1] + dialog(call, cseq, method, to_tag)[2:]


def cases():
    out = []

    def add(data, caplen=None):
        out.append((data, caplen))

    call = "a84b4c76e66710@pc33.atlanta.example.com"
    invite = message("INVITE sip:bob@biloxi.example.com SIP/2.0",
                     dialog(call, 314159, "INVITE") + [("Contact", "<sip:alice@192.0.2.10>"), ("User-Agent", "RawNet test 1.0"),
                                                       ("Content-Type", "application/sdp")], sdp())
    add(udp(invite))
    add(udp(message("SIP/2.0 100 Trying", response("", call, 314159, "INVITE")), forward=False))
    add(udp(message("SIP/2.0 180 Ringing", response("", call, 314159, "INVITE", "a6c85cf") + [("Contact", "<sip:bob@192.0.2.20>")]),
            forward=False))
    add(udp(message("SIP/2.0 200 OK", response("", call, 314159, "INVITE", "a6c85cf")
                    + [("Contact", "<sip:bob@192.0.2.20>"), ("Content-Type", "application/sdp")],
                    sdp(port=3456, session="7", address="192.0.2.20")), forward=False))
    add(udp(message("ACK sip:bob@192.0.2.20 SIP/2.0", dialog(call, 314159, "ACK", "a6c85cf"))))
    add(udp(message("BYE sip:alice@192.0.2.10 SIP/2.0", dialog(call, 231, "BYE", "a6c85cf")), forward=False))
    add(udp(message("SIP/2.0 200 OK", response("", call, 231, "BYE", "a6c85cf"))))
    # REGISTER, 401, REGISTER again, OPTIONS
    reg = "843817637684230@998sdasdh09"
    add(udp(message("REGISTER sip:registrar.biloxi.example.com SIP/2.0",
                    [("Via", "SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKnashds7"), ("Max-Forwards", "70"),
                     ("To", "Bob <sip:bob@biloxi.example.com>"), ("From", "Bob <sip:bob@biloxi.example.com>;tag=456248"),
                     ("Call-ID", reg), ("CSeq", "1826 REGISTER"), ("Contact", "<sip:bob@192.0.2.20>"), ("Expires", "7200")]),
            forward=False))
    add(udp(message("SIP/2.0 401 Unauthorized",
                    [("Via", "SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKnashds7"), ("To", "Bob <sip:bob@biloxi.example.com>;tag=2493k59kd"),
                     ("From", "Bob <sip:bob@biloxi.example.com>;tag=456248"), ("Call-ID", reg), ("CSeq", "1826 REGISTER"),
                     ("WWW-Authenticate", 'Digest realm="atlanta.example.com", qop="auth", nonce="ea9c8e88df84f1cec4341ae6cbe5a359"')])))
    add(udp(message("REGISTER sip:registrar.biloxi.example.com SIP/2.0",
                    [("Via", "SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKnashd92"), ("Max-Forwards", "70"),
                     ("To", "Bob <sip:bob@biloxi.example.com>"), ("From", "Bob <sip:bob@biloxi.example.com>;tag=ja743ks76zlflH"),
                     ("Call-ID", reg), ("CSeq", "1827 REGISTER"), ("Contact", "<sip:bob@192.0.2.20>")]), forward=False))
    opt = "a84b4c76e66710-options"
    add(udp(message("OPTIONS sip:carol@chicago.example.com SIP/2.0",
                    [("Via", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKhjhs8ass877"), ("Max-Forwards", "70"),
                     ("To", "<sip:carol@chicago.example.com>"), ("From", "Alice <sip:alice@atlanta.example.com>;tag=1928301774"),
                     ("Call-ID", opt), ("CSeq", "63104 OPTIONS"), ("Contact", "<sip:alice@192.0.2.10>"), ("Accept", "application/sdp")])))
    add(udp(message("SIP/2.0 200 OK",
                    [("Via", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKhjhs8ass877"), ("To", "<sip:carol@chicago.example.com>;tag=93810874"),
                     ("From", "Alice <sip:alice@atlanta.example.com>;tag=1928301774"), ("Call-ID", opt), ("CSeq", "63104 OPTIONS"),
                     ("Allow", "INVITE, ACK, CANCEL, OPTIONS, BYE"), ("Supported", "replaces")]), forward=False))
    # compact forms
    compact = "compact-7d3e@pc33.atlanta.example.com"
    add(udp(message("INVITE sip:bob@biloxi.example.com SIP/2.0",
                    [("v", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKcompact1"), ("Max-Forwards", "70"),
                     ("t", "<sip:bob@biloxi.example.com>"), ("f", "<sip:alice@atlanta.example.com>;tag=88sja8x"), ("i", compact),
                     ("CSeq", "1 INVITE"), ("m", "<sip:alice@192.0.2.10>"), ("k", "100rel"), ("s", "Lunch"), ("c", "application/sdp"),
                     ("l", str(len(sdp(port=50000))))], sdp(port=50000))))
    # multipart/mixed with SDP and a text part
    mp = "multipart-1@pc33.atlanta.example.com"
    body = (b"--boundary42\r\nContent-Type: application/sdp\r\n\r\n" + sdp(port=50002)
            + b"\r\n--boundary42\r\nContent-Type: text/plain\r\n\r\nhello bob\r\n--boundary42--\r\n")
    add(udp(message("INVITE sip:bob@biloxi.example.com SIP/2.0",
                    dialog(mp, 10, "INVITE") + [("Contact", "<sip:alice@192.0.2.10>"),
                                                ("Content-Type", "multipart/mixed;boundary=boundary42")], body)))
    # in-dialog re-INVITE
    add(udp(message("INVITE sip:bob@192.0.2.20 SIP/2.0",
                    dialog(call, 314160, "INVITE", "a6c85cf") + [("Contact", "<sip:alice@192.0.2.10>"), ("Content-Type", "application/sdp")],
                    sdp(session="2"))))
    # INFO with a text body
    add(udp(message("INFO sip:bob@192.0.2.20 SIP/2.0",
                    dialog(call, 314161, "INFO", "a6c85cf") + [("Content-Type", "text/plain")], b"Signal=5\r\nDuration=160\r\n")))
    # SIP over TCP
    tcall = "tcp-1@pc33.atlanta.example.com"
    tinvite = message("INVITE sip:bob@biloxi.example.com;transport=tcp SIP/2.0",
                      dialog(tcall, 1, "INVITE", via="SIP/2.0/TCP 192.0.2.10:40000;branch=z9hG4bKtcp1")
                      + [("Contact", "<sip:alice@192.0.2.10;transport=tcp>"), ("Content-Type", "application/sdp")], sdp(port=50004))
    add(tcp(tinvite))
    tok = message("SIP/2.0 200 OK", [("Via", "SIP/2.0/TCP 192.0.2.10:40000;branch=z9hG4bKtcp1"),
                                     ("To", "Bob <sip:bob@biloxi.example.com>;tag=tcp9"),
                                     ("From", "Alice <sip:alice@atlanta.example.com>;tag=1928301774"), ("Call-ID", tcall), ("CSeq", "1 INVITE")])
    add(tcp(tok, forward=False, seq=2000, ack=1000 + len(tinvite)))
    # damaged: a head cut by the capture length (the datagram is whole on the wire)
    cut = udp(message("OPTIONS sip:cut@biloxi.example.com SIP/2.0",
                      [("Via", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKcut1"), ("Max-Forwards", "70"), ("To", "<sip:cut@biloxi.example.com>"),
                       ("From", "<sip:alice@atlanta.example.com>;tag=cut1"), ("Call-ID", "cut-1"), ("CSeq", "1 OPTIONS")]))
    for caplen in (60, 80, 120, 200):
        add(cut, caplen)
    # no empty line after the headers
    add(udp(b"OPTIONS sip:nocrlf@biloxi.example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnocrlf\r\n"
            b"Call-ID: nocrlf-1\r\nCSeq: 2 OPTIONS\r\nContent-Length: 0\r\n"))
    add(udp(b"OPTIONS sip:nocrlf@biloxi.example.com SIP/2.0\r\nCall-ID: nocrlf-2\r\nCSeq: 3 OPTIONS"))
    # a Content-Length far past the datagram, and one a little past it
    add(udp(message("MESSAGE sip:bob@biloxi.example.com SIP/2.0",
                    dialog("absurd-1", 1, "MESSAGE") + [("Content-Type", "text/plain")], b"hello", length=4000000000)))
    add(udp(message("MESSAGE sip:bob@biloxi.example.com SIP/2.0",
                    dialog("short-1", 1, "MESSAGE") + [("Content-Type", "text/plain")], b"hello", length=50)))
    # not SIP on 5060: a request line without a version, binary bytes, an empty datagram
    add(udp(b"INVITE sip:bob@biloxi.example.com\r\nCall-ID: x\r\n\r\n"))
    add(udp(bytes(range(40))))
    add(udp(b""))
    # tshark's edges: a last header line without its ending, start lines it refuses or calls unknown, responses' CSeq
    # methods, REGISTER bindings, To tags, Content-Length values, body types SIP hands on or not
    for payload in [
        b"OPTIONS sip:a@b SIP/2.0\r\nCall-ID: e1\r\nCSeq: 3 OPTIONS",
        b"OPTIONS sip:a@b SIP/2.0",
        b"FOO sip:a@b SIP/2.0\r\nCall-ID: e2\r\n\r\n",
        b"invite sip:a@b SIP/2.0\r\nCall-ID: e3\r\n\r\n",
        b"SIP/2.0 999 Weird\r\nCall-ID: e4\r\nCSeq: 5 FOO\r\n\r\n",
        b"SIP/2.0 200\r\nCall-ID: e5\r\nCSeq: 6 REGISTER\r\n\r\n",
        b"INVITE sip:a@b sip/2.0\r\nCall-ID: e6\r\n\r\n",
        b"INVITE  sip:a@b SIP/2.0\r\nCall-ID: e7\r\n\r\n",
        b"SIP/2.0 20 OK\r\nCall-ID: e8\r\n\r\n",
        b"SIP/2.0 200  OK\r\nCall-ID: e9\r\nCSeq: 9 INVITE\r\n\r\n",
        b"SIP/2.0 200 \r\nCall-ID: e10\r\nCSeq: 10 INVITE\r\n\r\n",
        b"SIP/2.0 200 OK\r\nCall-ID: e11\r\n\r\n",
        b"SIP/2.0 201 OK\r\nCall-ID: e12\r\nCSeq: 12 INVITE\r\n\r\n",
        b"SIP/2.0 200 OK\nCall-ID: e13\nCSeq: 13 SUBSCRIBE\n\n",
        b"OPTIONS sip:a@b SIP/2.0\r\nI: e14\r\nCSEQ: 14 OPTIONS\r\nv:   SIP/2.0/UDP h  \r\nMax-Forwards: abc\r\nNoColonHere\r\nl: 0\r\n\r\n",
        b"REGISTER sip:r SIP/2.0\r\nCall-ID: e15\r\nCSeq: 15 REGISTER\r\n\r\n",
        b"REGISTER sip:r SIP/2.0\r\nCall-ID: e16\r\nCSeq: 16 REGISTER\r\nContact: *\r\nExpires: 0\r\n\r\n",
        b"REGISTER sip:r SIP/2.0\r\nCall-ID: e17\r\nCSeq: 17 REGISTER\r\nContact: <sip:a@b>;expires=0, <sip:c@d>\r\n\r\n",
        b"REGISTER sip:r SIP/2.0\r\nCall-ID: e18\r\nCSeq: 18 REGISTER\r\nContact: <sip:a@b>\r\nExpires: 0\r\n\r\n",
        b"REGISTER sip:r SIP/2.0\r\nCall-ID: e19\r\nCSeq: 19 REGISTER\r\nm: *\r\n\r\n",
        b"SIP/2.0 200 OK\r\nCall-ID: e20\r\nCSeq: 20 REGISTER\r\nContact: <sip:a@b>;expires=3600, <sip:c@d>\r\nContact: <sip:e@f>\r\n\r\n",
        b"INVITE sip:a@b SIP/2.0\r\nCall-ID: e21\r\nTo: <sip:a@b>;tag=1\r\nt: <sip:a@b>;tag=2\r\nCSeq: 21 INVITE\r\n\r\n",
        b"SUBSCRIBE sip:a@b SIP/2.0\r\nCall-ID: e22\r\nTo: sip:a@b;tag=1\r\nCSeq: 22 SUBSCRIBE\r\n\r\n",
        b"INVITE sip:a@b SIP/2.0\r\nCall-ID: e23\r\nTo: <sip:a@b>;Tag=1\r\nCSeq: 23 INVITE\r\n\r\n",
        b"BYE sip:a@b SIP/2.0\r\nCall-ID: e24\r\nTo: <sip:a@b>;tag=1\r\nCSeq: 24 BYE\r\n\r\n",
        b"OPTIONS sip:a@b SIP/2.0\r\nCall-ID: e25\r\nCSeq: 25 OPTIONS\r\nContent-Length: 3\r\n\r\nabcOPTIONS sip:c@d SIP/2.0\r\n\r\n",
        b"OPTIONS sip:a@b SIP/2.0\r\nCall-ID: e26\r\nCSeq: 26 OPTIONS\r\nContent-Type: application/xyz\r\nContent-Length: 3\r\n\r\nabc",
        b"OPTIONS sip:a@b SIP/2.0\r\nCall-ID: e27\r\nCSeq: 27 OPTIONS\r\nContent-Type: Application/SDP\r\nContent-Length: 10\r\n\r\nv=0\r\ns=-\r\n",
        b"OPTIONS sip:a@b SIP/2.0\r\nCall-ID: e28\r\nCSeq: 28 OPTIONS\r\nContent-Type: application/sdp;charset=x\r\nContent-Length: 0\r\n\r\n",
        b"OPTIONS sip:a@b SIP/2.0\r\nCall-ID: e29\r\nCSeq: 29 OPTIONS\r\nContent-Type: application/octet-stream\r\nContent-Length: 3\r\n\r\nabc",
        b"OPTIONS sip:a@b SIP/2.0\r\nCall-ID: e30\r\nCSeq: 30 OPTIONS\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
        b"OPTIONS sip:a@b SIP/2.0\r\nCall-ID: e31\r\nCSeq: 31 OPTIONS\r\nContent-Type: multipart/mixed;boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: application/xyz\r\n\r\nabc\r\n--b\r\n\r\nno type\r\n--b--\r\n",
        b"OPTIONS sip:a@b SIP/2.0\r\nCall-ID: e32\r\nCSeq: 32 OPTIONS\r\nContent-Type: application/sdp\r\n\r\n"
        b"v=0\r\na=tool:x\r\no=x 1 2 IN IP4 192.0.2.1\r\nbogus\r\nm=video 0 RTP/AVP 31\r\nc=IN IP4 192.0.2.2\r\na=recvonly\r\n",
        b"SIP/2.0 200 OK\r\nCall-ID: e33\r\nCSeq: 12x INVITE\r\n\r\n",
        b"SIP/2.0 200 OK\r\nCall-ID: e34\r\nCSeq:  13\tINVITE  extra\r\n\r\n",
        b"SIP/2.0 200 OK\r\nCall-ID: e35\r\nCSeq: 14\r\nVia: x\r\nContent-Type: text/plain\r\n\r\nhello",
        b"INVITE sip:a@b SIP/2.0\r\nCall-ID: e36\r\nCSeq: abc\r\nVia: x\r\n\r\n",
        b"INVITE sip:a@b SIP/2.0\r\nCall-ID: e37\r\nCSeq: 15 \r\nVia: x\r\n\r\n",
    ] + [f"MESSAGE sip:a@b SIP/2.0\r\nCall-ID: cl{i}\r\nCSeq: {i} MESSAGE\r\nContent-Type: text/plain\r\nContent-Length: {cl}\r\n\r\nhello".encode()
         for i, cl in enumerate(["2147483647", "2147483648", "4294967295", "4294967296", "-1", "abc", "5x", " 5 "])]:
        add(udp(payload))
    # every header RawNet names a field for, some in compact form
    add(udp(message("SUBSCRIBE sip:bob@biloxi.example.com SIP/2.0", dialog("headers-1", 1, "SUBSCRIBE") + [
        ("Route", "<sip:p1.example.com;lr>"), ("Record-Route", "<sip:p2.example.com;lr>, <sip:p3.example.com;lr>"),
        ("Authorization", 'Digest username="alice", realm="atlanta.example.com", nonce="84a4cc6f", uri="sip:bob@biloxi.example.com", response="7587245234b3434cc3412213e5f113a5"'),
        ("Proxy-Authorization", 'Digest username="alice", realm="p1"'), ("Proxy-Authenticate", 'Digest realm="p1", nonce="1"'),
        ("o", "presence"), ("u", "presence, dialog"), ("r", "<sip:carol@chicago.example.com>"), ("e", "identity"), ("x", "1800;refresher=uac"),
        ("Require", "timer"), ("Server", "RawNet/1"), ("Date", "Sat, 13 Nov 2010 23:29:00 GMT"), ("Organization", "Example"),
        ("Reason", 'Q.850;cause=16;text="Normal"'), ("Warning", '399 p1 "x"'), ("Unsupported", "foo"), ("Call-Info", "<http://example.com/a.png>;purpose=icon"),
        ("Content-Disposition", "session"), ("Subscription-State", "active;expires=60"), ("a", "*;audio"),
        ("P-Preferred-Identity", "<sip:alice@atlanta.example.com>"), ("P-Asserted-Identity", '"Alice" <sip:alice@atlanta.example.com>'),
        ("Privacy", "id"), ("Alert-Info", "<http://example.com/ring>"), ("History-Info", "<sip:bob@biloxi.example.com>;index=1"),
        ("Min-SE", "90"), ("Accept", "application/sdp, text/plain"), ("Allow", "INVITE, ACK"), ("Expires", "3600"), ("Timestamp", "54")])))
    # headers tshark has no field for, whose names its expert item quotes lower-cased: vendor ones, one tshark knows
    # without a RawNet field, compact forms known and not, control bytes, bytes past ASCII (valid and not), blanks
    # before the colon, and a name of 600 bytes
    add(udp(b"OPTIONS sip:odd@biloxi.example.com SIP/2.0\r\nCall-ID: odd-names\r\nCSeq: 1 OPTIONS\r\n"
            b"X-Nt-Corr-ID: 1\r\nSIP-ETag: e\r\ny: id\r\nq: 1\r\nX-\x01Ctl\x7f: 2\r\nX-\xc3\x89t\xc3\xa9-\xff\xfe: 3\r\nX-Blank \t: 4\r\n"
            b"X-" + b"Long" * 150 + b": 5\r\nContent-Length: 0\r\n\r\n"))
    return out


if __name__ == "__main__":
    target = sys.argv[1]
    write(os.path.join(target, "sip-cases.pcap") if os.path.isdir(target) else target, cases())
