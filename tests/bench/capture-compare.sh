#!/usr/bin/env bash
# Two published rawnet builds on one back end, against tcpdump, in one run (issue 14: SharpPcap against our own
# libpcap binding).
#
#   tests/bench/capture-compare.sh BEFORE AFTER [REPEATS] [PACKETS] [RATE]
#       (defaults: 3 repeats, 1000000 packets, rate top)
#
# BEFORE and AFTER are published rawnet binaries. Runs tests/bench/capture.sh PACKETS RATE for BEFORE, then AFTER,
# REPEATS times over (alternating, so a change in the machine's load falls on both), each with BACKEND (default
# libpcap); every run captures with rawnet and then with tcpdump while tcpreplay replays into a veth, and times both
# with /usr/bin/time. Prints each run's rows, then one Markdown table of medians per build: replayed rate, captured,
# dropped by kernel, CPU (user + system) and CPU per captured packet less the idle run's. Needs what capture.sh needs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
before=$1
after=$2
repeats=${3:-3}
packets=${4:-1000000}
rate=${5:-top}
backend=${BACKEND:-libpcap}
out=${OUT:-/tmp/rawnet-capture-compare}
mkdir -p "$out"
rows="$out/rows.tsv"
: >"$rows"

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$repeats"); do
  for build in before after; do
    binary=$before
    [ "$build" = after ] && binary=$after
    table=$(RAWNET="$binary" BACKEND="$backend" OUT="$out/run" bash "$here/capture.sh" "$packets" "$rate")
    echo "== round $round, $build ($binary), load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "$table" | grep -E "^\| $rate "
    # capture.sh's row: | rate | replayed at | tool | captured | kernel | ring | out of order | cpu | per |
    # (awk's $1 is the empty text before the first bar, so the columns are $2 to $10)
    echo "$table" | grep -E "^\| $rate " | awk -F'|' -v b="$build" '{ for (i = 2; i <= 10; i++) gsub(/^ +| +$/, "", $i); print b "\t" $4 "\t" $3 "\t" $5 "\t" $6 "\t" $9 "\t" $10 }' >>"$rows"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 - "$rows" "$repeats" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
def median(values):
    numbers = [float(v) for v in values if v not in ("-", "?", "")]
    return statistics.median(numbers) if numbers else float("nan")
print(f"Medians of {sys.argv[2]} runs each:")
print()
print("| build | tool | replayed at (pps) | captured | dropped by kernel | CPU user+sys (s) | CPU per captured packet, less idle run (µs) |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for build in ("before", "after"):
    for tool in sorted({r[1] for r in rows if r[0] == build}, key=lambda t: (not t.startswith("rawnet"), t)):
        mine = [r for r in rows if r[0] == build and r[1] == tool]
        print(f"| {build} | {tool} | {median(r[2] for r in mine):,.0f} | {median(r[3] for r in mine):,.0f} | "
              f"{median(r[4] for r in mine):,.0f} | {median(r[5] for r in mine):.2f} | {median(r[6] for r in mine):.2f} |")
PY
