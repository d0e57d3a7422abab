#!/usr/bin/env bash
# Graphs (issue 11): a graph of a 1,000,000-packet TCP stream, computed and drawn as the terminal UI would draw it.
#
#   tests/bench/graphs.sh [PACKETS]      (default 1000000)
#
# Makes one deterministic single-stream capture with tests/bench/make-graph-stream.py (in OUT, default
# /tmp/rawnet-graph-bench; about 96 MB for 1 M packets, frames cut at 80 bytes), publishes rawnet (as offline-core.sh
# does; RAWNET=path skips that) and runs, RUNS times each (default 3), for every kind and the I/O graph:
#   rawnet graph FILE --kind K --width 200 --height 50 --timings     (the screen to /dev/null)
# which prints on standard error, measured inside the process:
#   read-ms          read, decode and analyse every packet (the tracker) and keep the stream's segments
#   series-ms        compute the graph's series from the segments (TcpGraphs / IoGraph)
#   draw-ms          draw them in 200 x 50 cells (TerminalGraphRenderer)
#   zoomed-draw-ms   zoom into the middle tenth with a cursor and draw again (what a key in the UI costs)
# and /usr/bin/time gives the whole process's wall time and maximum RSS. Goal: series + draw at most 0.5 s.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/common.sh"
packets=${1:-1000000}
runs=${RUNS:-3}
out=${OUT:-/tmp/rawnet-graph-bench}
mkdir -p "$out"
for tool in python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "graphs.sh: $tool is missing" >&2; exit 2; }
done

pcap="$out/graph-stream-$packets.pcap"
[ -s "$pcap" ] || python3 "$here/make-graph-stream.py" "$pcap" "$packets" >/dev/null
bench_rawnet

measure() { # label, then rawnet arguments
  bench_timed "$1" '^read-ms' "${@:2}"
}

echo "file $pcap: $packets packets, $(stat -L -c %s "$pcap") bytes"
for i in $(seq "$runs"); do
  for kind in tseq tcptrace throughput rtt window; do
    measure "$kind" graph "$pcap" --kind "$kind" --width 200 --height 50 --color never --timings
  done
  measure "io-1ms" graph "$pcap" --io 1ms --filter tcp.analysis.flags --width 200 --height 50 --color never --timings
  measure "tcptrace-svg" graph "$pcap" --kind tcptrace --from 5 --to 5.01 -o "$out/zoom.svg" --timings
done | tee "$out/graphs.tsv"

awk -F'\t' '
  { split($2, f, " "); s = f[4] + f[6]; if (!($1 in best) || s < best[$1]) best[$1] = s; if (s > worst[$1]) worst[$1] = s }
  END { for (k in best) printf "%s: series + draw %d to %d ms\n", k, best[k], worst[k] }' "$out/graphs.tsv" | sort
