#!/usr/bin/python3
"""Writes HTTP captures for the tshark oracle of RawNet's HTTP decoding (and the tcpdump oracle of its summaries).

    make-http-cases.py OUTFILE         # the fixed cases, one pcap
    make-http-cases.py OUTFILE SEED    # random exchanges instead (methods, headers, bodies, segment boundaries)

The fixed cases, each on a TCP connection of its own: GET, POST, HEAD and other requests; responses with many status
codes, Content-Length, chunked bodies (with trailers), bodies running to the end of the stream, 1xx/204/304 and
responses to HEAD without a body; media types whose dissectors write the columns differently; requests and responses
split across segments anywhere (in the first line, a header, the body, between chunks), pipelined messages, a message
that completes while the next one waits; resends of held and of completed data; IPv4 and IPv6; ports 80, 8080 and
tshark's other HTTP ports; and hostile variants: the capture cutting messages (snap length), lines without CR LF, lone
CRs, binary data on port 80, very long header lines, thousands of headers, bad header names, NUL and bytes past ASCII
in values, bad Content-Length and chunk sizes, and data after a message ("Continuation"). Every timestamp starts at
2023-11-14 22:13:20 UTC and steps 1 ms per packet. Run with Debian's /usr/bin/python3 (python3-scapy).

tshark 4.0 decodes HTTP on other ports when the first line starts or ends with "HTTP/1." (its http_tcp heuristic);
RawNet does not, so no case here uses another port.
"""
import importlib.util
import os
import random
import sys

from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.layers.inet6 import IPv6

# The pcap writer (1 ms apart from 2023-11-14 22:13:20 UTC, caplen per frame) is the DNS cases' own.
_spec = importlib.util.spec_from_file_location("make_dns_cases", os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-dns-cases.py"))
_dns = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_dns)
write = _dns.write

MAC_C, MAC_S = "02:00:00:00:00:01", "02:00:00:00:00:02"
C4, S4 = "198.18.0.1", "198.18.0.2"
C6, S6 = "2001:db8::1", "2001:db8::2"
HTTP_PORTS = [80, 8080, 3128, 3132, 5985, 8088, 11371, 1900, 2869, 2710, 631, 3689]


class Connection:
    """One TCP connection: a client port, a server port, sequence numbers kept for both ends."""

    ports_used = set()

    def __init__(self, frames, port=80, v6=False, client_port=None, handshake=True):
        self.frames = frames
        self.port = port
        self.v6 = v6
        self.client_port = client_port or self.next_port()
        self.cseq, self.sseq = 1000, 50000
        if handshake:
            self.segment(b"", client=True, flags="S")
            self.segment(b"", client=False, flags="SA")
            self.segment(b"", client=True, flags="A")

    @classmethod
    def next_port(cls):
        port = 40000 + len(cls.ports_used)
        cls.ports_used.add(port)
        return port

    def packet(self, data, client, flags, seq=None):
        if self.v6:
            ip = IPv6(src=C6, dst=S6) if client else IPv6(src=S6, dst=C6)
        else:
            ip = IP(src=C4, dst=S4, flags="DF") if client else IP(src=S4, dst=C4, flags="DF")
        sport, dport = (self.client_port, self.port) if client else (self.port, self.client_port)
        own = self.cseq if client else self.sseq
        other = self.sseq if client else self.cseq
        tcp = TCP(sport=sport, dport=dport, seq=own if seq is None else seq, ack=other if "A" in flags else 0, flags=flags, window=8192)
        eth = Ether(src=MAC_C, dst=MAC_S) if client else Ether(src=MAC_S, dst=MAC_C)
        return bytes(eth / ip / tcp / Raw(data)) if data else bytes(eth / ip / tcp)

    def segment(self, data, client=True, flags="PA", caplen=None, seq=None):
        """Sends data (advancing that end's sequence number unless seq is given: a resend)."""
        frame = self.packet(data, client, flags, seq)
        self.frames.append((frame, None if caplen is None else len(frame) - len(data) + caplen))
        if seq is None:
            advance = len(data) + (1 if "S" in flags or "F" in flags else 0)
            if client:
                self.cseq += advance
            else:
                self.sseq += advance

    def send(self, data, client=True, cuts=(), caplen=None):
        """Sends data in segments split at the given offsets."""
        edges = [0, *cuts, len(data)]
        for a, b in zip(edges, edges[1:]):
            self.segment(data[a:b], client=client, caplen=caplen)

    def ack(self, client=True):
        self.segment(b"", client=client, flags="A")

    def close(self):
        self.segment(b"", client=True, flags="FA")
        self.segment(b"", client=False, flags="FA")
        self.segment(b"", client=True, flags="A")


def request(method="GET", uri="/", version="HTTP/1.1", headers=(), body=b""):
    head = f"{method} {uri} {version}\r\n".encode()
    for name, value in headers:
        head += name.encode() + b": " + (value if isinstance(value, bytes) else value.encode()) + b"\r\n"
    return head + b"\r\n" + body


def response(code=200, phrase="OK", version="HTTP/1.1", headers=(), body=b""):
    head = f"{version} {code} {phrase}\r\n".encode() if phrase is not None else f"{version} {code}\r\n".encode()
    for name, value in headers:
        head += name.encode() + b": " + (value if isinstance(value, bytes) else value.encode()) + b"\r\n"
    return head + b"\r\n" + body


def chunked(*pieces, trailer=b""):
    out = b""
    for piece in pieces:
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n" + trailer + b"\r\n"


HTML = b"<html><head><title>RawNet</title></head><body><p>Hello</p></body></html>\n"
MEDIA = ["text/html; charset=utf-8", "text/plain", "text/css", "text/javascript", "application/x-javascript", "application/json",
         "application/json; charset=utf-8", "application/problem+json", "application/xml", "text/xml", "image/svg+xml",
         "application/soap+xml", "application/smil", "application/cpim-pidf+xml", "application/octet-stream", "multipart/form-data; boundary=x",
         "application/x-www-form-urlencoded", "message/http", "image/png", "image/jpeg", "application/pdf", "text/csv",
         "application/javascript", "TEXT/HTML", "application/foo+xml", ""]


def fixed_cases():
    frames = []

    # The plain exchange: a GET and an HTML response, then the close.
    c = Connection(frames)
    c.send(request("GET", "/index.html", headers=[("Host", "www.example.com"), ("User-Agent", "curl/7.88.1"), ("Accept", "*/*"),
                                                   ("Accept-Encoding", "gzip, deflate"), ("Accept-Language", "en-US,en;q=0.5"),
                                                   ("Connection", "keep-alive")]))
    c.ack(client=False)
    c.send(response(200, "OK", headers=[("Date", "Tue, 14 Nov 2023 22:13:20 GMT"), ("Server", "nginx/1.22.1"),
                                        ("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(HTML))),
                                        ("Last-Modified", "Mon, 13 Nov 2023 10:00:00 GMT"), ("Cache-Control", "max-age=60"),
                                        ("Connection", "keep-alive")], body=HTML), client=False)
    c.ack()
    c.close()

    # A POST with a form, a redirect with cookies, a query string and credentials; over IPv6 on 8080.
    c = Connection(frames, port=8080, v6=True)
    form = b"name=RawNet&lang=C%23"
    c.send(request("POST", "/login?next=%2Fhome&x=1&&y", headers=[("Host", " app.example:8080 "), ("Content-Type", "application/x-www-form-urlencoded"),
                                                               ("Content-Length", str(len(form))), ("Cookie", "a=1; b=2 ;c"),
                                                               ("Referer", "http://app.example:8080/login"),
                                                               ("Authorization", "Basic dXNlcjpwYXNzd29yZA=="),
                                                               ("X-Forwarded-For", "203.0.113.7")], body=form))
    c.send(response(302, "Found", headers=[("Location", "http://app.example:8080/home"), ("Set-Cookie", "sid=abc; Path=/; HttpOnly"),
                                           ("Set-Cookie", "theme=dark"), ("Content-Length", "0")]), client=False)
    c.close()

    # Status codes, known and unknown, with and without phrases; a 1xx before the final answer; 204 and 304.
    c = Connection(frames, port=3128)
    for code, phrase in [(100, "Continue"), (201, "Created"), (204, "No Content"), (206, "Partial Content"), (301, "Moved Permanently"),
                         (304, "Not Modified"), (400, "Bad Request"), (401, "Unauthorized"), (404, "Not Found"), (418, "I'm a teapot"),
                         (451, "Unavailable For Legal Reasons"), (500, "Internal Server Error"), (503, "Service Unavailable"),
                         (599, "Whatever"), (299, None), (700, "Seven"), (999, "Weird Code")]:
        c.send(request("GET", f"/status/{code}", headers=[("Host", "codes.example")]))
        headers = [] if code in (100, 204, 304) else [("Content-Length", "2")]
        c.send(response(code, phrase, headers=headers, body=b"" if code in (100, 204, 304) else b"ok"), client=False)
    c.send(request("GET", "/www", headers=[("Host", "codes.example")]))
    c.send(response(401, "Unauthorized", headers=[("WWW-Authenticate", 'Basic realm="x"'), ("Content-Length", "0")]), client=False)
    c.close()

    # HEAD: the response has a Content-Length and no body; tshark knows from the request not to wait for it.
    c = Connection(frames)
    c.send(request("HEAD", "/big", headers=[("Host", "h")]))
    c.send(response(200, "OK", headers=[("Content-Length", "123456"), ("Content-Type", "application/octet-stream")]), client=False)
    c.send(request("GET", "/small", headers=[("Host", "h")]))
    c.send(response(200, "OK", headers=[("Content-Length", "3")], body=b"abc"), client=False)
    c.close()

    # CONNECT and an absolute URI (the full URI is the URI itself).
    c = Connection(frames, port=3128)
    c.send(request("CONNECT", "secure.example:443", headers=[("Host", "secure.example:443"), ("Proxy-Authorization", "Basic YWxhZGRpbjpvcGVuc2VzYW1l")]))
    c.send(response(200, "Connection established"), client=False)
    c = Connection(frames, port=3128)
    c.send(request("GET", "http://other.example/path?q=1", headers=[("Host", "other.example")]))
    c.send(response(407, "Proxy Authentication Required", headers=[("Proxy-Authenticate", 'Basic realm="proxy"'), ("Content-Length", "0")]), client=False)

    # Media types: each response's body goes to a dissector that writes the columns its own way.
    c = Connection(frames, port=8088)
    for media in MEDIA:
        c.send(request("GET", "/media", headers=[("Host", "m")]))
        headers = [("Content-Type", media)] if media else []
        c.send(response(200, "OK", headers=headers + [("Content-Length", "9")], body=b'{"a": 1}\n'), client=False)
    c.send(request("GET", "/empty", headers=[("Host", "m")]))
    c.send(response(200, "OK", headers=[("Content-Type", "text/html"), ("Content-Length", "0")]), client=False)

    # Chunked bodies: whole, with a trailer, empty, split across segments anywhere, with chunk extensions.
    c = Connection(frames, port=5985)
    c.send(request("GET", "/chunked", headers=[("Host", "c")]))
    c.send(response(200, "OK", headers=[("Transfer-Encoding", "chunked"), ("Content-Type", "text/plain")], body=chunked(b"Hello, ", b"world!")), client=False)
    c.send(request("GET", "/trailer", headers=[("Host", "c")]))
    c.send(response(200, "OK", headers=[("Transfer-Encoding", "chunked")], body=chunked(b"abc", trailer=b"X-Checksum: 1\r\n")), client=False)
    c.send(request("GET", "/none", headers=[("Host", "c")]))
    c.send(response(200, "OK", headers=[("Transfer-Encoding", "chunked")], body=chunked()), client=False)
    body = response(200, "OK", headers=[("Transfer-Encoding", "chunked"), ("Content-Type", "text/html")], body=chunked(HTML[:30], HTML[30:]))
    c.send(request("GET", "/split", headers=[("Host", "c")]))
    c.send(body, client=False, cuts=[10, 60, 75, 100, len(body) - 3])
    c.send(request("GET", "/ext", headers=[("Host", "c")]))
    c.send(response(200, "OK", headers=[("Transfer-Encoding", "chunked")], body=b"4;name=value\r\nWiki\r\n0\r\n\r\n"), client=False)
    # The last chunk's CR LF split after its CR: tshark looks for the line end past the segment's end and throws.
    c.send(request("GET", "/cr-split", headers=[("Host", "c")]))
    body = response(200, "OK", headers=[("Transfer-Encoding", "chunked")], body=chunked(b"abc"))
    c.send(body, client=False, cuts=[len(body) - 1])
    c.send(request("GET", "/gzip-te", headers=[("Host", "c")]))
    c.send(response(200, "OK", headers=[("Transfer-Encoding", "gzip, chunked")], body=chunked(b"notgzip")), client=False)

    # Messages across segments: the head cut in its first line, in a header and before the blank line; the body cut;
    # a response that runs to the end of the stream (shown on the FIN); two pipelined requests in one segment, and a
    # complete request with the start of the next one.
    c = Connection(frames)
    req = request("GET", "/split/head", headers=[("Host", "split.example"), ("User-Agent", "RawNet")])
    c.send(req, cuts=[5, 30, len(req) - 1])
    html = HTML * 20
    resp = response(200, "OK", headers=[("Content-Type", "text/html"), ("Content-Length", str(len(html)))], body=html)
    c.send(resp, client=False, cuts=[100, 600, 1200])
    c.send(request("GET", "/1", headers=[("Host", "p")]) + request("GET", "/2", headers=[("Host", "p")]))
    c.send(response(200, "OK", headers=[("Content-Length", "1")], body=b"1") + response(200, "OK", headers=[("Content-Length", "1")], body=b"2"), client=False)
    both = request("GET", "/3", headers=[("Host", "p")]) + request("GET", "/4", headers=[("Host", "p")])
    c.send(both, cuts=[len(both) - 10])
    c.send(response(200, "OK", headers=[("Content-Type", "text/plain")], body=b"to the end\n"), client=False)
    c.close()

    # Resends: of a segment of a message still held (tshark calls it a retransmission and hands it to nobody), of a
    # message already put together, and a fast resend after duplicate ACKs.
    c = Connection(frames)
    req = request("POST", "/upload", headers=[("Host", "r"), ("Content-Length", "20")], body=b"0123456789abcdefghij")
    first = req[:-15]
    c.segment(first)
    c.segment(first, seq=c.cseq - len(first))
    c.segment(req[-15:])
    c.segment(req[-15:], seq=c.cseq - 15)
    c.send(response(200, "OK", headers=[("Content-Length", "0")]), client=False)

    # IPv6, and every other default port.
    for port in HTTP_PORTS:
        c = Connection(frames, port=port, v6=port % 2 == 1, handshake=False)
        c.send(request("GET", f"/on/{port}", headers=[("Host", f"port{port}.example")]))
        c.send(response(200, "OK", headers=[("Content-Length", "2"), ("Content-Type", "text/plain")], body=b"hi"), client=False)
    # NOTIFY, SUBSCRIBE (GENA: notifications), M-POST, WebDAV, a lowercase method, ICY.
    c = Connection(frames, port=2869)
    c.send(request("NOTIFY", "*", headers=[("Host", "239.255.255.250:1900"), ("NT", "upnp:rootdevice"), ("Content-Length", "0")]))
    c.send(request("SUBSCRIBE", "/evt", headers=[("Host", "dev"), ("Callback", "<http://c/>"), ("Content-Length", "0")]))
    c.send(request("M-POST", "/m", headers=[("Host", "m"), ("Content-Length", "0")]))
    c.send(request("PROPFIND", "/dav/", headers=[("Host", "dav"), ("Depth", "1"), ("Content-Length", "0")]))
    c.send(request("PATCH", "/p", headers=[("Host", "p"), ("Content-Length", "0")]))
    c.send(request("get", "/lower", headers=[("Host", "l")]))
    c = Connection(frames, port=8080)
    c.send(response(200, "OK", version="ICY", headers=[("icy-name", "Radio"), ("Content-Length", "0")]), client=False)

    # Data after HTTP: text and binary in a stream that carried HTTP ("Continuation"), and a message's excess data.
    c = Connection(frames)
    c.send(request("GET", "/c", headers=[("Host", "c")]))
    c.send(response(200, "OK", headers=[("Content-Length", "2")], body=b"okextra bytes\r\n"), client=False)
    c.send(b"more text\r\nafter the response\r\n", client=False)
    c.send(b"\x89PNG\r\n\x1a\n\x00\x00", client=False)
    c.send(b"get / HTTP/1.1\r\n\r\n")

    # Hostile: binary data on port 80, text without any line end, lone CRs and bare LFs, a leading CR LF.
    c = Connection(frames)
    c.send(b"\x00\x01\x02\xffgarbage on port 80")
    c.send(b"no line end here")
    c = Connection(frames)
    c.send(b"GET /lf HTTP/1.1\nHost: lf.example\n\n")
    c.send(b"GET /cr HTTP/1.1\rHost: cr.example\r\r\n")
    c.send(b"\r\nGET /lead HTTP/1.1\r\nHost: lead\r\n\r\n")
    c = Connection(frames)
    c.send(b"Host: headers-only.example\r\nX-A: b\r\n\r\n")
    c = Connection(frames)
    c.send(b"hello world\r\n")

    # Hostile: the capture cut messages (snap length) in the first line, a header, the body, a chunk.
    for keep in [5, 14, 25, 40, 70]:
        c = Connection(frames, handshake=False)
        c.segment(request("GET", "/cut", headers=[("Host", "cut.example"), ("Accept", "*/*")]), caplen=keep)
    for keep in [30, 60, 75]:
        c = Connection(frames, handshake=False)
        c.segment(response(200, "OK", headers=[("Content-Type", "text/plain"), ("Content-Length", "20")], body=b"0123456789abcdefghij"),
                  client=False, caplen=keep)
    c = Connection(frames, handshake=False)
    c.segment(response(200, "OK", headers=[("Transfer-Encoding", "chunked")], body=chunked(b"0123456789", b"abc")), client=False, caplen=50)
    c = Connection(frames, handshake=False)
    c.segment(request("GET", "/nothing", headers=[("Host", "n")]), caplen=0)

    # Hostile: bad header names and values, NUL and bytes past ASCII, control bytes, odd Content-Lengths, odd chunk sizes.
    c = Connection(frames)
    c.send(b"GET /odd HTTP/1.1\r\nHost: a\x01b\x1bc\x7fd\\e\"f\xc3\xa9g\r\nX'Y: 1\r\nX\\Y: 2\r\nX:Y: 3\r\n: empty\r\nA B: 4\r\n"
           b"Empty:\r\nTabs:\t\tvalue\t\r\nNul: before\x00after\r\nHigh: \x80\xff\r\nbad line without colon\r\n\r\n")
    c = Connection(frames)
    for value in [b"abc", b"-1", b"+5", b" 7 ", b"99999999999999999999", b"5x", b"0x10", b"12 34"]:
        c.send(request("GET", "/cl", headers=[("Host", "cl"), ("Content-Length", value)]))
    c.send(request("GET", "/cl2", headers=[("Host", "cl"), ("Content-Length", "5"), ("Content-Length", "x")]))
    c = Connection(frames)
    for body in [b"zz\r\nabc\r\n0\r\n\r\n", b"3\r\nabcdef\r\n0\r\n\r\n", b"-1\r\nabc\r\n0\r\n\r\n", b"\r\n0\r\n\r\n", b"3\r\nabc0\r\n\r\n"]:
        c.send(request("GET", "/ck", headers=[("Host", "ck")]))
        c.send(response(200, "OK", headers=[("Transfer-Encoding", "chunked")], body=body), client=False)
    c.close()

    # Hostile: a very long header line, thousands of headers, a very long URI (each in one segment).
    c = Connection(frames)
    c.send(request("GET", "/long", headers=[("Host", "long"), ("Cookie", "k=" + "v" * 12000), ("User-Agent", "U" * 3000)]))
    c.send(request("GET", "/many", headers=[("Host", "many")] + [(f"X-Header-{i}", f"value {i}") for i in range(2500)]))
    c.send(request("GET", "/" + "a" * 9000 + "?q=" + "b" * 100, headers=[("Host", "uri")]))

    # A response whose body runs to the end of the stream, shown on the FIN.
    c = Connection(frames, port=8080)
    c.send(request("GET", "/fin", version="HTTP/1.0", headers=[("Host", "fin")]))
    c.send(response(200, "OK", version="HTTP/1.0", headers=[("Content-Type", "text/plain")], body=b"first part\n"), client=False)
    c.send(b"second part\n", client=False)
    c.segment(b"", client=False, flags="FA")

    # A line with no end over many segments (a stream the capture joined mid-message, or that is not HTTP): held and
    # read again as each segment comes, until a segment brings its end; a request line that long; a lone CR at a
    # segment's end with its LF two segments later; an LF alone in a segment; the FIN while still without an end.
    c = Connection(frames)
    c.send(b"x" * 2400 + b"tail\r\n\r\n", cuts=range(300, 2400, 300))
    c.send(b"GET /" + b"a" * 1500 + b" HTTP/1.1\r\nHost: long-line\r\n\r\n", cuts=range(250, 1500, 250))
    c = Connection(frames)
    c.send(b"y" * 1200 + b"\r" + b"more" + b"\n\r\n", cuts=(300, 600, 900, 1201, 1205))
    c = Connection(frames)
    c.send(b"z" * 900 + b"\n" + b"z" * 600, cuts=(300, 600, 900, 901, 1200))
    c = Connection(frames)
    c.send(b"w" * 1500, cuts=(300, 600, 900, 1200))
    c.segment(b"w" * 100, flags="FPA")

    # Chunked bodies held over many segments, cut every 37 bytes (inside size lines, data and CR LFs): whole; with a
    # trailer; with a bad size line late in the body; with a chunk longer than what follows it before the FIN.
    pieces = [bytes([97 + i % 26]) * (5 + 3 * i) for i in range(30)]
    for body in [chunked(*pieces), chunked(*pieces, trailer=b"X-Sum: 1\r\n"),
                 chunked(*pieces[:20]).replace(b"\r\n0\r\n\r\n", b"\r\nzz\r\nabc\r\n0\r\n\r\n")]:
        c = Connection(frames)
        c.send(request("GET", "/chunks", headers=[("Host", "chunks")]))
        data = response(200, "OK", headers=[("Transfer-Encoding", "chunked")], body=body)
        c.send(data, client=False, cuts=range(37, len(data), 37))
    c = Connection(frames)
    data = response(200, "OK", headers=[("Transfer-Encoding", "chunked")], body=b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces[:10]) + b"400\r\nshort")
    c.send(data, client=False, cuts=range(37, len(data), 37))
    c.segment(b"", client=False, flags="FA")

    # Heads held over many segments, cut every 41 bytes (inside names, values and line ends): the length or the chunked
    # coding said early and the body after; a Content-Type of RPC over HTTP; a head still open at the FIN.
    many = [(f"X-Filler-{i}", "v" * (i % 7)) for i in range(40)]
    for headers, body in [([("Content-Length", "12")] + many, b"twelve bytes"),
                          ([("Transfer-Encoding", "chunked")] + many, chunked(b"abc", b"defgh")),
                          (many + [("Content-Type", "application/rpc"), ("Content-Length", "200000")], b"rpc"),
                          (many + [("Content-Length", "5"), ("Content-Length", "x7")], b"12345")]:
        c = Connection(frames)
        data = request("POST", "/head", headers=[("Host", "head")] + headers, body=body)
        c.send(data, cuts=range(41, len(data), 41))
    c = Connection(frames)
    data = request("GET", "/open", headers=[("Host", "open")] + many)[:-2]
    c.send(data, cuts=range(41, len(data), 41))
    c.segment(b"", flags="FA")

    # Bodies for their media dissectors (frame.protocols and the body fields): a form, JSON, XML, line-based text (and
    # text that is XML), a generic media type, message/http, a multipart with parts of several types (and one nested);
    # then damaged ones: JSON nested far deeper than any walk follows, a multipart with no closing boundary, one with
    # no boundary parameter, a form whose pairs lack '=', an empty JSON and an unterminated JSON string.
    c = Connection(frames, port=8080)
    part = lambda headers, body: b"".join(h.encode() + b"\r\n" for h in headers) + b"\r\n" + body
    multipart = (b"preamble\r\n--b1\r\n" + part(["Content-Type: text/plain"], b"plain text")
                 + b"\r\n--b1\r\n" + part(["Content-Type: application/json"], b'{"k": [1, 2.5, true, null, "s"]}')
                 + b"\r\n--b1\r\n" + part(["Content-Disposition: form-data; name=\"f\""], b"no type")
                 + b"\r\n--b1\r\n" + part(["Content-Type: application/octet-stream"], b"\x00\x01")
                 + b"\r\n--b1\r\n" + part(["Content-Type: image/gif"], b"GIF89a")
                 + b"\r\n--b1\r\n" + part(["Content-Type: multipart/mixed; boundary=\"in ner\""],
                                              b"--in ner\r\n" + part(["Content-Type: text/html"], b"<p>x</p>") + b"\r\n--in ner--\r\n")
                 + b"\r\n--b1--\r\nepilogue")
    deep = b"[" * 5000 + b"]" * 5000
    xml_text = b'<?xml version="1.0" encoding="UTF-8"?>\n<a><b>text</b></a>\n'
    for media, body in [("application/x-www-form-urlencoded", b"user=alice&pass=s%20e+cret&empty=&flag"),
                        ("application/json", b'{"name": "RawNet", "n": -1.5e3, "ok": true, "none": null, "list": [1, "two", {"x": {}}], "esc": "a\\"b\\u00e9"}'),
                        ("application/xml", b"<r><i a='1'>t</i></r>"),
                        ("text/plain; charset=utf-8", b"line one\r\nline two\nline three"),
                        ("text/html", xml_text),
                        ("application/vnd.example", b"\x00\x01\x02opaque"),
                        ("message/http", request("GET", "/inner", headers=[("Host", "inner")])),
                        ('multipart/mixed; charset=x; boundary="b1"', multipart),
                        ("application/json", deep),
                        ("multipart/form-data; boundary=zz", b"--zz\r\nContent-Type: text/plain\r\n\r\nnever closed\r\n"),
                        ("multipart/related", b"--zz\r\n\r\nno boundary parameter\r\n--zz--\r\n"),
                        ("application/x-www-form-urlencoded", b"novalue&&also%zz+none"),
                        ("application/json", b""),
                        ("application/json", b'{"open": "never closed')]:
        c.send(request("POST", "/body", headers=[("Host", "b"), ("Content-Type", media), ("Content-Length", str(len(body)))], body=body))
        c.send(response(204, "No Content"), client=False)

    # Hostile start lines for the expert item that quotes them (format_text's escapes, cut at 239 bytes of UTF-8 on a
    # character's start): control bytes, UTF-8 valid, invalid, overlong and cut; 3,000 bytes of them; a status line
    # of the same; a header name with control bytes and one past ASCII.
    c = Connection(frames)
    c.send(b"GET /\x01\x1b\x7f\xc3\xa9\xff\xfe\xc0\xaf\xe2\x82 HTTP/1.1\r\nHost: h\r\nN\x01me: v\r\nN\xc3\xa9me: v\r\n\r\n")
    c.send(b"HTTP/1.1 200 \x07\x80\xff" + b"\xe2\x82\xac\x01\xc0" * 600 + b"\r\nContent-Length: 0\r\n\r\n", client=False)
    c.send(b"GET /" + b"\xe2\x82\xac" * 79 + b"\xc3\xa9 HTTP/1.1\r\nHost: h\r\n\r\n")
    return frames


TOKENS = ["alpha", "beta", "gamma", "delta", "x", "42", "a=b", "q?r", "/p/q", "%20", "x-y", "\t", " "]
HEADER_NAMES = ["Host", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language", "Connection", "Cookie", "Referer", "Date",
                "Server", "Cache-Control", "Location", "Set-Cookie", "Last-Modified", "X-Forwarded-For", "Upgrade", "Authorization",
                "WWW-Authenticate", "Content-Encoding", "X-Custom", "ETag", "Vary", "host", "CONTENT-TYPE", "Sec-WebSocket-Key"]


def random_value(rng):
    return "".join(rng.choice(TOKENS) for _ in range(rng.randint(0, 5))).strip() or "v"


def random_cases(seed):
    rng = random.Random(seed)
    frames = []
    for _ in range(rng.randint(6, 14)):
        # Not 631: tshark hands bodies there to IPP.
        c = Connection(frames, port=rng.choice([p for p in HTTP_PORTS if p != 631]), v6=rng.random() < 0.3, handshake=rng.random() < 0.7)
        for _ in range(rng.randint(1, 4)):
            method = rng.choice(["GET", "GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD", "PATCH"])
            headers = [("Host", rng.choice(["example.com", "a.example:8080", "198.18.0.2"]))]
            headers += [(rng.choice(HEADER_NAMES), random_value(rng)) for _ in range(rng.randint(0, 6))]
            body = b""
            if method in ("POST", "PUT", "PATCH"):
                body = bytes(rng.choice(b"abcdefgh{}:\"\r\n ") for _ in range(rng.randint(0, 3000)))
                if rng.random() < 0.8:
                    headers.append(("Content-Length", str(len(body))))
                else:
                    headers.append(("Transfer-Encoding", "chunked"))
                    body = chunked(*[body[i:i + 700] for i in range(0, len(body), 700)])
                headers.append(("Content-Type", rng.choice(MEDIA) or "text/plain"))
            req = request(method, "/" + "/".join(rng.choice(TOKENS[:6]) for _ in range(rng.randint(0, 3))) + rng.choice(["", "?a=1&b=2"]),
                          headers=headers, body=body)
            c.send(req, cuts=sorted(rng.sample(range(1, len(req)), min(len(req) - 1, rng.choice([0, 0, 1, 2, 4])))))
            code = rng.choice([200, 200, 201, 204, 301, 304, 404, 500])
            rbody = b"" if method == "HEAD" or code in (204, 304) else bytes(rng.choice(b"<>html pbody\n") for _ in range(rng.randint(0, 4000)))
            rheaders = [("Server", "rawnet-test")] + [(rng.choice(HEADER_NAMES), random_value(rng)) for _ in range(rng.randint(0, 4))]
            kind = rng.random()
            if kind < 0.6:
                rheaders.append(("Content-Length", str(len(rbody) if method != "HEAD" else rng.randint(0, 9999))))
            elif kind < 0.85 and rbody:
                rheaders.append(("Transfer-Encoding", "chunked"))
                rbody = chunked(*[rbody[i:i + rng.randint(1, 2000)] for i in range(0, len(rbody), 1000)])
            if rbody or rng.random() < 0.5:
                rheaders.append(("Content-Type", rng.choice(MEDIA) or "text/html"))
            resp = response(code, "Phrase", headers=rheaders, body=rbody)
            c.send(resp, client=False, cuts=sorted(rng.sample(range(1, len(resp)), min(len(resp) - 1, rng.choice([0, 1, 2, 5])))))
            if kind >= 0.85 and rbody and method != "HEAD" and code not in (204, 304):
                # No length: the body runs to the end of the stream.
                c.segment(b"", client=False, flags="FA")
                break
        else:
            c.close()
    return frames


def main():
    if len(sys.argv) == 2:
        write(sys.argv[1], fixed_cases())
    elif len(sys.argv) == 3:
        write(sys.argv[1], random_cases(int(sys.argv[2])))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
