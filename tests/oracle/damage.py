"""Damaged variants of a generator's frames, shared by the layer-2 TLV generators (CDP, DTP, LLDP, UDLD, VTP).

Each variant is one of the whole frames with some bytes after its first `header` bytes overwritten, the frame cut
after them, or bytes inserted after them; a fifth are also cut by the capture length. Deterministic for a seed.
"""

import os
import random
import sys


def mutate(base, seed, header, count=300):
    """`count` damaged (bytes, caplen or None) frames made from `base`, every frame of which is longer than `header`."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        data = bytearray(rng.choice(base))
        how = rng.randrange(3)
        if how == 0:
            for _ in range(rng.randint(1, 4)):
                data[rng.randrange(header, len(data))] = rng.randrange(256)
        elif how == 1:
            del data[rng.randrange(header, len(data)):]
        else:
            at = rng.randrange(header, len(data))
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 6)))
        caplen = rng.randrange(14, len(data) + 1) if rng.random() < 0.2 else None
        out.append((bytes(data), caplen))
    return out


def main(write, cases, damaged, file_name):
    """`script TARGET [SEED]`: the fixed cases, or the seed's damaged ones, into TARGET (a file, or a folder for `file_name`)."""
    target = sys.argv[1]
    if os.path.isdir(target):
        target = os.path.join(target, file_name)
    write(target, damaged(int(sys.argv[2])) if len(sys.argv) > 2 else cases())
