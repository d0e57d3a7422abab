#!/usr/bin/env bash
# Live capture against tcpdump, measured in the same run (issue 3).
#
#   tests/bench/capture.sh [PACKETS] [RATES...]      (default 200000; rates 50000 100000 200000 top)
#
# Builds a lab of two network namespaces joined by a veth pair (198.18.250.0/24, MTU 9000), makes the deterministic
# benchmark capture with ../shared/tools/make-bench-pcap.py, and for every rate replays it with tcpreplay (--pps, or
# --topspeed for "top") from one namespace into the veth while, in turn, the published rawnet
# (`rawnet capture -i END -w /dev/null`) and `tcpdump -i END -w /dev/null` capture the other end in the other
# namespace, each with its default buffers. Each capture is stopped with SIGTERM a second after the replay ends; its
# final counter lines are parsed and its CPU time taken with /usr/bin/time. Prints a Markdown table.
#
# Environment: BACKEND (afpacket|libpcap, default afpacket), RAWNET (a published rawnet to use instead of publishing
# one), OUT (work folder, default /tmp/rawnet-capture-bench). Needs root, iproute2, tcpreplay, tcpdump, python3 and
# GNU time. Sends only inside the two namespaces it creates, and deletes them on exit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/common.sh"
packets=${1:-200000}
shift || true
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(50000 100000 200000 top)
backend=${BACKEND:-afpacket}
out=${OUT:-/tmp/rawnet-capture-bench}
mkdir -p "$out"

[ "$(id -u)" = 0 ] || { echo "capture.sh: needs root (network namespaces, raw sockets)" >&2; exit 2; }
for tool in ip tcpreplay tcpdump python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "capture.sh: $tool is missing" >&2; exit 2; }
done

bench_capture
bench_rawnet

id=$$
src=rnbench-$id-s
cap=rnbench-$id-c
trap 'veth_pair_delete "$src" "$cap"' EXIT
veth_pair "$src" "$cap" rnb-s rnb-c
ip -n "$src" addr add 198.18.250.1/24 dev rnb-s
ip -n "$cap" addr add 198.18.250.2/24 dev rnb-c

# One capture while one replay runs. Prints: captured dropped-by-kernel dropped-by-ring user-s system-s replay-pps
measure() { # tool rate
  local tool=$1 rate=$2 err="$out/$1-$2.err" times="$out/$1-$2.time" replay="$out/$1-$2.replay"
  local cmd
  if [ "$tool" = rawnet ]; then
    cmd=("$RAWNET" capture -i rnb-c --backend "$backend" -w /dev/null)
  else
    cmd=(tcpdump -i rnb-c -w /dev/null -Z root)
  fi
  ip netns exec "$cap" /usr/bin/time -f "%U %S" -o "$times" "${cmd[@]}" 2>"$err" &
  local timer=$!
  for _ in $(seq 1 300); do grep -q "listening on" "$err" 2>/dev/null && break; sleep 0.1; done
  grep -q "listening on" "$err" || { echo "capture.sh: $tool did not start: $(cat "$err")" >&2; kill "$timer"; return 1; }
  local speed=(--topspeed)
  [ "$rate" = top ] || speed=(--pps="$rate")
  : >"$replay"
  # Bounded: one pass over the file, and at the slowest rate it lasts PACKETS/rate seconds. "idle" sends nothing: the
  # tool's start-up and shut-down cost, subtracted below.
  [ "$rate" = idle ] || timeout 300 ip netns exec "$src" tcpreplay -q -i rnb-s "${speed[@]}" "$pcap" >"$replay" 2>&1 || true
  sleep 1
  local child
  child=$(pgrep -P "$timer" | head -1)
  # SIGTERM: a background job of a script starts with SIGINT ignored, and .NET keeps an inherited SIG_IGN.
  [ -n "$child" ] && kill -TERM "$child"
  wait "$timer" || true
  local captured kernel ring
  captured=$(grep -Eo '^[0-9]+ packets? captured' "$err" | grep -Eo '^[0-9]+' || echo "?")
  kernel=$(grep -Eo '^[0-9]+ packets? dropped by kernel' "$err" | grep -Eo '^[0-9]+' || echo "?")
  ring=$(grep -Eo '^[0-9]+ packets? dropped by ring' "$err" | grep -Eo '^[0-9]+' || echo "-")
  local pps
  pps=$(grep -Eo 'Rated: [0-9.]+ Bps, [0-9.]+ Mbps, [0-9.]+ pps' "$replay" | grep -Eo '[0-9.]+ pps' | grep -Eo '^[0-9.]+' || echo "-")
  echo "$captured $kernel $ring $(cat "$times" | tail -1) $pps"
}

declare -A idle
for tool in rawnet tcpdump; do
  read -r _ _ _ user sys _ < <(measure "$tool" idle)
  idle[$tool]=$(python3 -c "print(f'{$user + $sys:.2f}')")
done
echo "| rate (pps asked) | replayed at (pps) | tool | captured | dropped by kernel | dropped by ring | CPU user+sys (s) | CPU per captured packet, less idle run (µs) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for rate in "${rates[@]}"; do
  for tool in rawnet tcpdump; do
    read -r captured kernel ring user sys pps < <(measure "$tool" "$rate")
    cpu=$(python3 -c "print(f'{$user + $sys:.2f}')")
    per=$(python3 -c "print(f'{($cpu - ${idle[$tool]}) * 1e6 / $captured:.2f}' if '$captured'.isdigit() and int('$captured') > 0 else '-')")
    name=$tool
    [ "$tool" = rawnet ] && name="rawnet ($backend)"
    echo "| $rate | $pps | $name | $captured | $kernel | $ring | $cpu | $per |"
  done
done
echo
echo "Idle runs (start, SIGTERM after a second, no traffic): rawnet ${idle[rawnet]} s, tcpdump ${idle[tcpdump]} s of CPU."
echo
echo "$packets packets per replay ($pcap); rawnet: $RAWNET"
