#!/usr/bin/python3
"""Captures a real TLS 1.2 and a TLS 1.3 session on loopback for the tshark oracle of RawNet's TLS record layer.

    make-tls-session.py OUTDIR      # writes OUTDIR/tls12.pcap and OUTDIR/tls13.pcap (needs root: tcpdump on lo);
                                    # the bundled ones are captures/tls-sessions/

Each session: Python's ssl module as server and client on 127.0.0.1:443 with a fresh self-signed RSA 2048 certificate
(openssl req), both sockets with TCP_MAXSEG 536 so the certificate flight and the large write span segments (records
split across segments, as tshark reassembles them), the server's handshake flight written at once (several records in
one segment), then the client writes 3 small records back to back and one of 6,000 bytes, the server answers 40 bytes,
and both close (close_notify alerts, encrypted in TLS 1.3). Keys and randoms differ per run, so the pcaps are
committed; the script says how they were made. Bounded: each step times out after 20 s; loopback only.
"""
import os
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

PORT = 443
MSS = 536


def make_cert(tmp):
    cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "3650", "-subj", "/CN=rawnet.test"], check=True, capture_output=True, timeout=20)
    return cert, key


def session(version, cert, key):
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    server_ctx.minimum_version = server_ctx.maximum_version = version
    server_ctx.options |= ssl.OP_NO_TICKET
    client_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    client_ctx.check_hostname = False
    client_ctx.verify_mode = ssl.CERT_NONE
    client_ctx.minimum_version = client_ctx.maximum_version = version
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, MSS)
    listener.bind(("127.0.0.1", PORT))
    listener.listen(1)
    listener.settimeout(20)

    def serve():
        conn, _ = listener.accept()
        conn.settimeout(20)
        with server_ctx.wrap_socket(conn, server_side=True) as tls:
            got = 0
            while got < 3 * 5 + 6000:
                chunk = tls.recv(65536)
                if not chunk:
                    break
                got += len(chunk)
            tls.sendall(b"S" * 40)
            try:
                tls.unwrap()
            except (ssl.SSLError, OSError):
                pass

    server = threading.Thread(target=serve)
    server.start()
    raw = socket.socket()
    raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, MSS)
    raw.settimeout(20)
    raw.connect(("127.0.0.1", PORT))
    with client_ctx.wrap_socket(raw, server_hostname="rawnet.test") as tls:
        for word in (b"one..", b"two..", b"three"):
            tls.sendall(word)
        tls.sendall(b"C" * 6000)
        answer = b""
        while len(answer) < 40:
            chunk = tls.recv(65536)
            if not chunk:
                break
            answer += chunk
        try:
            tls.unwrap()
        except (ssl.SSLError, OSError):
            pass
    server.join(20)
    listener.close()


def main():
    out = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        cert, key = make_cert(tmp)
        for name, version in (("tls12.pcap", ssl.TLSVersion.TLSv1_2), ("tls13.pcap", ssl.TLSVersion.TLSv1_3)):
            path = os.path.join(out, name)
            dump = subprocess.Popen(["tcpdump", "-i", "lo", "-s", "0", "-U", "-w", path, "tcp port %d" % PORT],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                time.sleep(1.5)
                session(version, cert, key)
                time.sleep(1.0)
            finally:
                dump.send_signal(signal.SIGINT)
                dump.wait(20)


if __name__ == "__main__":
    main()
