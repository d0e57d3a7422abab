#!/usr/bin/python3
"""Writes captures/tcp-reassembly/tcp-reassembly-cases.pcap: HTTP and DNS-over-TCP messages put together from segments,
for the oracle of tshark's TCP reassembly items (tcp.segment_data, tcp.segments, tcp.segment, tcp.segment.count,
tcp.reassembled.length, tcp.reassembled.data). Usage: make-tcp-reassembly-cases.py DIRECTORY"""
import os
import sys

from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

T0 = 1700000000.0
packets = []


def emit(sport, dport, seq, data, flags="PA"):
    p = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / IP(src="198.18.0.1", dst="198.18.0.2") / \
        TCP(sport=sport, dport=dport, seq=seq, ack=1, flags=flags, window=8192)
    if data:
        p = p / Raw(data)
    p.time = T0 + len(packets) * 0.001
    packets.append(p)


def handshake(sport, dport, isn):
    emit(sport, dport, isn, b"", "S")
    emit(sport, dport, isn + 1, b"", "A")


def split(sport, dport, seq, message, sizes):
    at = 0
    for size in sizes:
        emit(sport, dport, seq + at, message[at:at + size])
        at += size
    if at < len(message):
        emit(sport, dport, seq + at, message[at:])
    return seq + len(message)


# 1: a request's head split over four segments
request = b"GET /split/over/four/segments HTTP/1.1\r\nHost: example.com\r\nUser-Agent: rawnet-test\r\nAccept: */*\r\n\r\n"
handshake(41000, 80, 1000)
split(41000, 80, 1001, request, [20, 30, 25])

# 2: a POST whose body comes in three segments, the second sent again overlapping the first's end
body = b"x" * 300
post = b"POST /upload HTTP/1.1\r\nHost: example.com\r\nContent-Length: 300\r\n\r\n" + body
handshake(41001, 80, 5000)
head = len(post) - 300
emit(41001, 80, 5001, post[:head + 100])
emit(41001, 80, 5001 + head + 100, post[head + 100:head + 200])
emit(41001, 80, 5001 + head + 50, post[head + 50:head + 200])
emit(41001, 80, 5001 + head + 200, post[head + 200:])

# 3: two requests, the second starting in the segment that completes the first
first = b"GET /one HTTP/1.1\r\nHost: example.com\r\n\r\n"
second = b"GET /two HTTP/1.1\r\nHost: example.com\r\n\r\n"
handshake(41002, 80, 9000)
both = first + second
emit(41002, 80, 9001, both[:20])
emit(41002, 80, 9021, both[20:60])
emit(41002, 80, 9061, both[60:])

# 4: DNS over TCP, a query in three segments
query = bytes.fromhex("12340100000100000000000003777777076578616d706c6503636f6d0000010001")
framed = len(query).to_bytes(2, "big") + query
handshake(41003, 53, 20000)
split(41003, 53, 20001, framed, [1, 10])

# 5: a request head of many one-byte segments
many = b"GET /" + b"m" * 60 + b" HTTP/1.1\r\nHost: example.com\r\n\r\n"
handshake(41004, 80, 30000)
split(41004, 80, 30001, many, [1] * (len(many) - 1))

wrpcap(os.path.join(sys.argv[1], "tcp-reassembly-cases.pcap"), packets)
