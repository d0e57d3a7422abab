#!/usr/bin/env bash
# rawnet replay against tcpreplay, measured in the same run (issue 4).
#
#   tests/bench/replay.sh [PACKETS] [RUNS]      (default 20000 packets, ~1 s of recorded traffic; 3 runs per case)
#
# Builds a lab of two network namespaces joined by a veth pair (MTU 9000), makes the deterministic benchmark capture
# with ../shared/tools/make-bench-pcap.py and sends it from one namespace with `rawnet replay` and with `tcpreplay`,
# in turn, at the recorded timing (1x), at a fixed 50,000 pps and at top speed, while tcpdump (nanosecond timestamps,
# 128 MiB buffer, no immediate mode) captures the other end. The timing error is computed the same way for both tools:
# each frame's arrival time at the far end of the veth against its scheduled offset, after aligning the first frame
# (and again after aligning by the median lateness, so one early or late first frame does not decide the figure);
# packets/s is frames over first-to-last arrival. Prints a Markdown table.
#
# Environment: RAWNET (a published rawnet to use instead of publishing one), OUT (work folder, default
# /tmp/rawnet-replay-bench), MODES (default "1x 50000 top"), TOOLS (default "rawnet tcpreplay"). Needs root, iproute2, tcpreplay, tcpdump and python3. Sends only inside the two
# namespaces it creates, and deletes only those on exit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/common.sh"
packets=${1:-20000}
runs=${2:-3}
out=${OUT:-/tmp/rawnet-replay-bench}
mkdir -p "$out"

[ "$(id -u)" = 0 ] || { echo "replay.sh: needs root (network namespaces, raw sockets)" >&2; exit 2; }
for tool in ip tcpreplay tcpdump python3; do
  command -v "$tool" >/dev/null || { echo "replay.sh: $tool is missing" >&2; exit 2; }
done

bench_capture
bench_rawnet

id=$$
tx=rnbench-rp$id-a
rx=rnbench-rp$id-b
txif=rptx$id
rxif=rprx$id
trap 'veth_pair_delete "$tx" "$rx"' EXIT
veth_pair "$tx" "$rx" "$txif" "$rxif" ipv6-off

# One case: $1 tool (rawnet|tcpreplay), $2 mode (1x|50000|top); prints "error_mean_us error_median_aligned_us packets_per_s received".
measure() {
  local tool=$1 mode=$2 cap="$out/rx.pcap" args=()
  rm -f "$cap"
  ip netns exec "$rx" tcpdump -i "$rxif" -w "$cap" -U -s 65535 -B 131072 --time-stamp-precision=nano 2>"$out/tcpdump.err" &
  local td=$!
  for _ in $(seq 50); do grep -q "listening on" "$out/tcpdump.err" 2>/dev/null && break; sleep 0.1; done
  case $tool:$mode in
    rawnet:1x) args=() ;;
    rawnet:top) args=(--topspeed) ;;
    rawnet:*) args=(--pps "$mode") ;;
    tcpreplay:1x) args=() ;;
    tcpreplay:top) args=(--topspeed) ;;
    tcpreplay:*) args=(--pps="$mode") ;;
  esac
  if [ "$tool" = rawnet ]; then
    timeout 120 ip netns exec "$tx" "$RAWNET" replay "$pcap" -i "$txif" "${args[@]}" >"$out/sender.out" 2>&1 || true
  else
    timeout 120 ip netns exec "$tx" tcpreplay -q -i "$txif" "${args[@]}" "$pcap" >"$out/sender.out" 2>&1 || true
  fi
  sleep 1
  kill -INT "$td"
  wait "$td" || true
  python3 - "$pcap" "$cap" "$mode" <<'PY'
import struct, sys
def times(path):
    with open(path, 'rb') as f:
        data = f.read()
    magic = struct.unpack_from('<I', data, 0)[0]
    scale = 1 if magic == 0xa1b23c4d else 1000
    out, off = [], 24
    while off + 16 <= len(data):
        sec, frac, incl, _ = struct.unpack_from('<IIII', data, off)
        out.append(sec * 1_000_000_000 + frac * scale)
        off += 16 + incl
    return out
sched, arr = times(sys.argv[1]), times(sys.argv[2])
mode = sys.argv[3]
n = min(len(sched), len(arr))
if mode == '1x':
    offsets = [t - sched[0] for t in sched[:n]]
elif mode == 'top':
    offsets = None
else:
    offsets = [i * 1e9 / float(mode) for i in range(n)]
if offsets is None:
    err = err_median = 'n/a'
else:
    # First-frame alignment: the error of every frame against the schedule started at the first frame's arrival.
    err = '%.1f' % (sum(abs((arr[i] - arr[0]) - offsets[i]) for i in range(n)) / n / 1000)
    # Median alignment: against the schedule shifted by the median lateness, the constant offset that minimises the
    # mean absolute error, so one early or late first frame does not decide the figure (the same for both tools).
    late = sorted((arr[i] - arr[0]) - offsets[i] for i in range(n))
    shift = late[n // 2]
    err_median = '%.1f' % (sum(abs(x - shift) for x in late) / n / 1000)
span = (arr[n - 1] - arr[0]) / 1e9 if n > 1 else 0
pps = '%.0f' % ((n - 1) / span) if span > 0 else 'n/a'
print(err, err_median, pps, len(arr))
PY
}

echo "| mode | tool | run | mean abs timing error, first-frame aligned (us) | same, median aligned (us) | packets/s at the far end | frames received of $packets |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for mode in ${MODES:-1x 50000 top}; do
  for run in $(seq "$runs"); do
    for tool in ${TOOLS:-rawnet tcpreplay}; do
      read -r err err_median pps got < <(measure "$tool" "$mode")
      echo "| $mode | $tool | $run | $err | $err_median | $pps | $got |"
    done
  done
done
