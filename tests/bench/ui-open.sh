#!/usr/bin/env bash
# Terminal UI on a large capture (issue 5): time to the first screen, memory once open, and the time to answer keys.
#
#   tests/bench/ui-open.sh [PACKETS]      (default 1000000)
#
# Makes the deterministic benchmark capture with ../shared/tools/make-bench-pcap.py, publishes rawnet (as
# offline-core.sh does) and runs, RUNS times each (default 3), with standard output (the screen) sent to /dev/null:
#   rawnet ui --exit-after-first-draw FILE   prints "first-draw-ms MS packets N" (index the whole file, decode and
#                                            draw the first screen), measured inside the process; /usr/bin/time -v
#                                            gives the wall time of the whole process and its maximum RSS
#   rawnet ui --script KEYS FILE             prints "key K ms MS" for each key: the key applied and the screen drawn
# Memory: the file is never held in memory (frames are re-read by offset), so what counts is the process's maximum
# RSS; it is reported per packet, and again after subtracting the RSS of the same run on a 10-packet capture (the
# runtime itself). Goal: under 200 bytes a packet.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/common.sh"
packets=${1:-1000000}
runs=${RUNS:-3}
out=${OUT:-/tmp/rawnet-ui-bench}
mkdir -p "$out"
for tool in python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "ui-open.sh: $tool is missing" >&2; exit 2; }
done

bench_capture
small="$repo/captures/tcp-handshake-ipv4.pcap"
bench_rawnet

measure() { # label, then rawnet arguments
  bench_timed "$1" '^(first-draw|key)' "${@:2}"
}

size=$(stat -L -c %s "$pcap")
echo "file $pcap: $packets packets, $size bytes"
for i in $(seq "$runs"); do
  measure "small-first-draw" ui --exit-after-first-draw "$small"
  measure "first-draw" ui --exit-after-first-draw "$pcap"
  measure "key-G" ui --script G "$pcap"
  measure "keys-G-g-j" ui --script Ggjjjj "$pcap"
  measure "filter-tcp" ui --script $'/tcp\n' "$pcap"
  measure "statistics" ui --script s "$pcap"
done | tee "$out/ui-open.tsv"

awk -F'\t' -v packets="$packets" '
  { split($4, r, " "); rss[$1] = rss[$1] > r[2] ? rss[$1] : r[2] }
  END {
    printf "max RSS: %d KiB open (%.0f bytes/packet); runtime alone %d KiB; beyond it %.0f bytes/packet\n",
      rss["first-draw"], rss["first-draw"] * 1024 / packets, rss["small-first-draw"],
      (rss["first-draw"] - rss["small-first-draw"]) * 1024 / packets
  }' "$out/ui-open.tsv"
