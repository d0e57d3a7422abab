#!/usr/bin/python3
"""Writes the OUI names tshark shows in an LLC SNAP header's Info text ("SNAP, OUI 0x00000C (Cisco Systems, Inc)"):
every 24-bit assignment of the IEEE registry as Wireshark's manuf file spells it (the long name, else the short one, no
comment), one "XXXXXX<TAB>name" line per OUI in order.

    make-oui-names.py [MANUF] > src/RawNet.Protocols/Llc/OuiNames.tsv

MANUF defaults to /usr/share/wireshark/manuf, the table tshark itself reads.
"""
import re
import sys


def names(path):
    table = {}
    with open(path, encoding="utf-8") as manuf:
        for line in manuf:
            fields = line.rstrip("\n").split("\t")
            if not re.fullmatch(r"[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}:[0-9A-Fa-f]{2}", fields[0]) or len(fields) < 2:
                continue
            name = fields[2] if len(fields) > 2 and fields[2] and not fields[2].startswith("#") else fields[1]
            table[int(fields[0].replace(":", ""), 16)] = name.strip()
    return table


def main():
    table = names(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wireshark/manuf")
    out = sys.stdout
    for oui in sorted(table):
        out.write(f"{oui:06X}\t{table[oui]}\n")


if __name__ == "__main__":
    main()
