#!/usr/bin/env python3
"""Helpers of tests/bench/lab-link.sh (issue 12), each a subcommand:

  tcp-server ADDR BYTES        accept one connection on ADDR:5001, read BYTES, print "BYTES SECONDS" (first byte to last)
  tcp-client ADDR BYTES        connect to ADDR:5001 and send BYTES of zeros in writes of up to 1 MiB
  tx-checksum-off DEV          SIOCETHTOOL ETHTOOL_STXCSUM 0 on DEV (what the lab does to its ends; no ethtool here)
  frames PCAP COUNT DST SRC    write COUNT 60-byte frames (64 on the wire with the FCS), EtherType 0x88B5, DST/SRC MACs
  udp-delay-recv ADDR COUNT    receive up to COUNT timestamped datagrams on ADDR:9999 (3 s idle ends), print the median one-way delay in ms
  udp-delay-send ADDR COUNT    send COUNT timestamped datagrams to ADDR:9999, 2 ms apart
Every loop is bounded by its count and a timeout."""
import ctypes, fcntl, socket, statistics, struct, sys, time

def tcp_server(addr, total):
    s = socket.socket(socket.AF_INET); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((addr, 5001)); s.listen(1); s.settimeout(30)
    c, _ = s.accept(); c.settimeout(60)
    buf = bytearray(1 << 20); got = 0; start = None
    while got < total:
        n = c.recv_into(buf)
        if n == 0: break
        if start is None: start = time.perf_counter()
        got += n
    print(got, time.perf_counter() - start)

def tcp_client(addr, total):
    c = socket.create_connection((addr, 5001), timeout=10); chunk = memoryview(bytes(1 << 20)); sent = 0
    while sent < total:
        part = chunk[:min(len(chunk), total - sent)]
        c.sendall(part); sent += len(part)
    c.close()

def tx_checksum_off(dev):
    value = (ctypes.c_uint32 * 2)(0x17, 0)  # struct ethtool_value { ETHTOOL_STXCSUM, 0 }
    ifreq = struct.pack("16sP16x", dev.encode(), ctypes.addressof(value))
    fcntl.ioctl(socket.socket(socket.AF_INET, socket.SOCK_DGRAM), 0x8946, ifreq)

def frames(path, count, dst, src):
    mac = lambda m: bytes(int(x, 16) for x in m.split(":"))
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i in range(count):
            frame = mac(dst) + mac(src) + b"\x88\xb5" + struct.pack("!I", i) + bytes(42)
            f.write(struct.pack("<IIII", i // 1000000, i % 1000000, len(frame), len(frame)) + frame)

def udp_delay_recv(addr, count):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind((addr, 9999)); s.settimeout(3); d = []
    try:
        while len(d) < count:
            b = s.recv(100); d.append((time.time_ns() - struct.unpack("!q", b[:8])[0]) / 1e6)
    except socket.timeout:
        pass
    print(len(d), statistics.median(d) if d else "nan")

def udp_delay_send(addr, count):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for _ in range(count):
        s.sendto(struct.pack("!q", time.time_ns()) + bytes(50), (addr, 9999)); time.sleep(0.002)

command, args = sys.argv[1], sys.argv[2:]
{"tcp-server": lambda: tcp_server(args[0], int(args[1])), "tcp-client": lambda: tcp_client(args[0], int(args[1])),
 "tx-checksum-off": lambda: tx_checksum_off(args[0]), "frames": lambda: frames(args[0], int(args[1]), args[2], args[3]),
 "udp-delay-recv": lambda: udp_delay_recv(args[0], int(args[1])), "udp-delay-send": lambda: udp_delay_send(args[0], int(args[1]))}[command]()
