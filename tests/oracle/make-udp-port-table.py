#!/usr/bin/python3
"""Writes src/RawNet.Protocols/Udp/UdpPortTable.Tshark.cs: tshark's UDP port table and what each port's dissector
does with the payloads of the protocols RawNet decodes on ports of their own.

tshark hands a UDP payload to the dissector registered for the lower port first, then to the higher port's (a port
of 0 never), then to its heuristics, then to "data". Many dissectors refuse a payload that is not theirs, and tshark
moves on; which ones refuse which payloads only tshark can say. So this script asks it: from every registered port
(`tshark -G decodes`) below a port of a protocol RawNet decodes by port (DNS, VXLAN, Geneve, MPLS in UDP, GTPv1-U,
Teredo, L2TP, VXLAN-GPE, GRE in UDP, LISP data, AMT,
CAPWAP data, LWAPP, TZSP, sFlow, NTP), datagrams to that port with valid payloads of its protocol, each between addresses of its own so that no
conversation a dissector sets up reaches the next. A port refuses a kind of payload when tshark shows the higher
port's protocol for most of that kind's datagrams (ties count as taken). A port is silent when for everything it took
tshark shows nothing after UDP (no protocol, no data).

Usage: make-udp-port-table.py [OUTPUT.cs | DIRECTORY]   (default: the file above; "-" writes to standard output)
Needs tshark and scapy. Deterministic for one tshark version.
"""
import os
import subprocess
import sys
import tempfile

from scapy.all import DNS, DNSQR, DNSRR, IP, LLC, SNAP, UDP, Dot11, Ether, IPv6, wrpcap

inner = IP(src="198.18.0.1", dst="198.18.0.2") / UDP(sport=1000, dport=2000) / b"hello"
inner_eth = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / inner


def lwapp(frame, fragment=0):
    """An LWAPP data header (version and flags, fragment ID, length, RSSI, SNR) before an 802.11 frame."""
    return bytes([0, fragment]) + len(frame).to_bytes(2, "big") + bytes([0x30, 0x20]) + frame

# The kinds of payload, in the order of the C# enum's bits; each with a few valid payloads.
KINDS = [
    ("Dns", "a DNS message (also mDNS and LLMNR)", {53: "dns", 5353: "mdns", 5355: "llmnr"}, [
        bytes(DNS(id=0x0000, rd=1, qd=DNSQR(qname="example.com"))),
        bytes(DNS(id=0x1234, rd=1, qd=DNSQR(qname="example.com", qtype="AAAA"))),
        bytes(DNS(id=0xbeef, qr=1, qd=DNSQR(qname="example.com"), an=DNSRR(rrname="example.com", rdata="198.18.0.9"))),
    ]),
    ("Vxlan", "a VXLAN header and an Ethernet frame", {4789: "vxlan"}, [
        bytes.fromhex("0800000000000100") + bytes(inner_eth),
    ]),
    ("Geneve", "a Geneve header and an Ethernet frame", {6081: "geneve"}, [
        bytes.fromhex("0000655800000100") + bytes(inner_eth),
    ]),
    ("MplsInUdp", "an MPLS label stack and an IPv4 packet", {6635: "mpls"}, [
        bytes.fromhex("00001140") + bytes(inner),
    ]),
    ("Gtp", "a GTPv1-U T-PDU", {2152: "gtp"}, [
        bytes.fromhex("30ff") + len(bytes(inner)).to_bytes(2, "big") + bytes.fromhex("00000001") + bytes(inner),
    ]),
    ("Teredo", "an IPv6 packet (Teredo)", {3544: "teredo"}, [
        bytes(IPv6(src="2001:db8::1", dst="2001:db8::2") / UDP(sport=1, dport=2) / b"x"),
    ]),
    ("L2tp", "an L2TPv2 data message and a control message", {1701: "l2tp"}, [
        bytes.fromhex("4002000c00010001ff030021") + bytes(inner),
        bytes.fromhex("c802001400000000000000000000"),
    ]),
    ("VxlanGpe", "a VXLAN-GPE header and an Ethernet frame", {4790: "eth"}, [  # tshark lists no vxlan_gpe in the chain
        bytes.fromhex("0c00000300000100") + bytes(inner_eth),
    ]),
    ("GreInUdp", "a GRE header and an IPv4 packet", {4754: "gre"}, [
        bytes.fromhex("00000800") + bytes(inner),
    ]),
    ("LispData", "a LISP data header and an IPv4 or IPv6 packet", {4341: "lisp-data"}, [
        bytes.fromhex("c000000100000001") + bytes(inner),
        bytes.fromhex("0800000000abcd01") + bytes(IPv6(src="2001:db8::1", dst="2001:db8::2") / UDP(sport=1, dport=2) / b"x"),
    ]),
    ("Amt", "an AMT relay discovery, a request and a multicast data message", {2268: "amt"}, [
        bytes.fromhex("0100000012345678"),
        bytes.fromhex("040000001234567800000001"),
        bytes.fromhex("0600") + bytes(inner),
    ]),
    ("CapwapData", "a CAPWAP data header and an Ethernet frame", {5247: "capwap.data"}, [
        bytes.fromhex("0010020000000000") + bytes(inner_eth),
    ]),
    ("Lwapp", "an LWAPP data message with an 802.11 frame", {12222: "lwapp", 12223: "lwapp"}, [
        lwapp(bytes(Dot11(type=2, addr1="02:00:00:00:00:02", addr2="02:00:00:00:00:01", addr3="02:00:00:00:00:03") / LLC() / SNAP() / inner)),
    ]),
    ("Tzsp", "a TZSP message with an Ethernet frame, with and without tags", {37008: "tzsp"}, [
        bytes.fromhex("0100000101") + bytes(inner_eth),
        bytes.fromhex("010000010a01d801") + bytes(inner_eth),
        bytes.fromhex("01000001280400000007" "01") + bytes(inner_eth),
    ]),
    ("Sflow", "an sFlow v5 datagram without samples", {6343: "sflow"}, [
        bytes.fromhex("00000005 00000001 c6120001 00000000 00000001 000003e8 00000000".replace(" ", "")),
    ]),
    ("Ntp", "an NTP client request and a server reply", {123: "ntp"}, [
        bytes.fromhex("e30006ec" + "00" * 36) + bytes.fromhex("e8b3a4c51f9db22d"),
        bytes.fromhex("24020ae9000000120000002ac0000201") + bytes.fromhex("e8b3a2c500000000e8b3a4c51f9db22de8b3a4c520000000e8b3a4c520100000"),
    ]),
]


def registered_ports():
    out = subprocess.run(["tshark", "-G", "decodes"], capture_output=True, text=True, check=True).stdout
    ports = {}
    for line in out.splitlines():
        table, port, name = line.split("\t")
        if table == "udp.port" and int(port) != 0:
            ports[int(port)] = name
    return sorted(ports.items())


def datagram(n, sport, dport, payload):
    # Addresses of their own for every datagram (198.18.0.0/15), so that no conversation a dissector sets up reaches another.
    src = "198.18.%d.%d" % (n // 250, n % 250 + 1)
    dst = "198.19.%d.%d" % (n // 250, n % 250 + 1)
    return Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / IP(src=src, dst=dst) / UDP(sport=sport, dport=dport) / payload


def after_udp(chain):
    names = chain.split(":")
    return names[names.index("udp") + 1] if "udp" in names and names.index("udp") + 1 < len(names) else ""


def probe(ports):
    """For each registered port, the kinds of payload its dissector passes on, and whether it shows nothing of what it takes."""
    packets, keys = [], []
    for port, _ in ports:
        for kind, (_, _, own, payloads) in enumerate(KINDS):
            above = [p for p in sorted(own) if p > port]
            if not above or port in own:
                continue  # never the lower port against this kind (or its own port): tshark's order decides alone
            for variant, payload in enumerate(payloads):
                packets.append(datagram(len(packets), port, above[0], payload))
                keys.append((port, kind, variant, own[above[0]]))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "probe.pcap")
        wrpcap(path, packets)
        out = subprocess.run(["tshark", "-n", "-r", path, "-T", "fields", "-e", "frame.protocols"],
                             capture_output=True, text=True, check=True).stdout.splitlines()
    if len(out) != len(packets):
        sys.exit("tshark printed %d lines for %d datagrams" % (len(out), len(packets)))
    refusals, tries, shown = {}, {}, {}
    for (port, kind, _, name), chain in zip(keys, out):
        first = after_udp(chain)
        tries[(port, kind)] = tries.get((port, kind), 0) + 1
        if first == name:
            refusals[(port, kind)] = refusals.get((port, kind), 0) + 1
        else:
            shown.setdefault(port, set()).add(first)
    refused = {}
    for port, _ in ports:
        refused[port] = sum(1 << kind for kind in range(len(KINDS)) if refusals.get((port, kind), 0) * 2 > tries.get((port, kind), 0))
    silent = [port for port, _ in ports if shown.get(port) == {""}]
    return refused, silent


def version():
    return subprocess.run(["tshark", "--version"], capture_output=True, text=True, check=True).stdout.splitlines()[0].rstrip(".")


def render(ports, refused, silent):
    lines = [
        "// <auto-generated>",
        "// Written by tests/oracle/make-udp-port-table.py from " + version() + " (default preferences); do not edit.",
        "// </auto-generated>",
        "namespace RawNet.Protocols.Udp;",
        "",
        "/// <summary>The kinds of payload make-udp-port-table.py offered every port's dissector.</summary>",
        "[System.Flags]",
        "public enum UdpPayloadKind : ushort",
        "{",
        "    None = 0,",
    ]
    for bit, (name, words, _, _) in enumerate(KINDS):
        lines.append("    /// <summary>%s%s.</summary>" % (words[0].upper(), words[1:]))
        lines.append("    %s = 1 << %d," % (name, bit))
    lines.append("    /// <summary>Every kind above.</summary>")
    lines.append("    All = (1 << %d) - 1," % len(KINDS))
    lines += [
        "}",
        "",
        "public static partial class UdpPortTable",
        "{",
        "    /// <summary>The UDP ports tshark registers a dissector for by default, ascending (its protocol in each comment).</summary>",
        "    private static ReadOnlySpan<ushort> Ports =>",
        "    [",
    ]
    for port, name in ports:
        lines.append("        %d, // %s" % (port, name))
    lines += [
        "    ];",
        "",
        "    /// <summary>For each of <see cref=\"Ports\"/>, the kinds of payload its dissector refused.</summary>",
        "    private static ReadOnlySpan<ushort> Refused =>",
        "    [",
    ]
    for port, _ in ports:
        names = [KINDS[b][0] for b in range(len(KINDS)) if refused[port] >> b & 1]
        lines.append("        0x%04x, // %d%s" % (refused[port], port, ": " + ", ".join(names) if names else ""))
    lines += [
        "    ];",
        "",
        "    /// <summary>The ports whose dissectors take payloads and show nothing of them (no protocol, no data), ascending.</summary>",
        "    private static ReadOnlySpan<ushort> Silent =>",
        "    [",
    ]
    for port in silent:
        lines.append("        %d, // %s" % (port, dict(ports)[port]))
    lines += ["    ];", "}", ""]
    return "\n".join(lines)


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "src", "RawNet.Protocols", "Udp", "UdpPortTable.Tshark.cs")
    ports = registered_ports()
    refused, silent = probe(ports)
    text = render(ports, refused, silent)
    if os.path.isdir(target):
        target = os.path.join(target, "UdpPortTable.Tshark.cs")
    if target == "-":
        sys.stdout.write(text)
    else:
        with open(target, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
