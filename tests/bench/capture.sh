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
# final counter lines are parsed and its CPU time taken with /usr/bin/time. rawnet runs once per entry of THREADS
# (`--threads N`: N AF_PACKET sockets in a fanout group, merged in timestamp order; the capture's many flows spread
# over them). Prints a Markdown table, then for each tool the highest rate asked that it captured whole (every
# replayed packet, no drop by kernel or ring).
#
# Environment: BACKEND (afpacket|libpcap, default afpacket), THREADS (the --threads values to measure, default "1 2";
# libpcap takes only 1), RAWNET (a published rawnet to use instead of publishing one), OUT (work folder, default
# /tmp/rawnet-capture-bench). Needs root, iproute2, tcpreplay, tcpdump, python3 and GNU time. Sends only inside the two
# namespaces it creates, and deletes them on exit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/common.sh"
packets=${1:-200000}
shift || true
rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(50000 100000 200000 top)
backend=${BACKEND:-afpacket}
read -r -a threads <<<"${THREADS:-1 2}"
tools=()
for n in "${threads[@]}"; do tools+=("rawnet-$n"); done
tools+=(tcpdump)
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

# One capture while one replay runs. Prints: captured dropped-by-kernel dropped-by-ring out-of-order user-s system-s
# replay-pps replay-packets
measure() { # tool (rawnet-N or tcpdump) rate
  local tool=$1 rate=$2 err="$out/$1-$2.err" times="$out/$1-$2.time" replay="$out/$1-$2.replay"
  local cmd
  if [ "${tool%%-*}" = rawnet ]; then
    cmd=("$RAWNET" capture -i rnb-c --backend "$backend" --threads "${tool#rawnet-}" -w /dev/null)
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
  local captured kernel ring late
  captured=$(grep -Eo '^[0-9]+ packets? captured' "$err" | grep -Eo '^[0-9]+' || echo "?")
  kernel=$(grep -Eo '^[0-9]+ packets? dropped by kernel' "$err" | grep -Eo '^[0-9]+' || echo "?")
  ring=$(grep -Eo '^[0-9]+ packets? dropped by ring' "$err" | grep -Eo '^[0-9]+' || echo "-")
  late=$(grep -Eo '^[0-9]+ packets? out of timestamp order' "$err" | grep -Eo '^[0-9]+' || echo "-")
  local pps sent
  pps=$(grep -Eo 'Rated: [0-9.]+ Bps, [0-9.]+ Mbps, [0-9.]+ pps' "$replay" | grep -Eo '[0-9.]+ pps' | grep -Eo '^[0-9.]+' || echo "-")
  sent=$(grep -Eo 'Actual: [0-9]+ packets' "$replay" | grep -Eo '[0-9]+' || echo "-")
  echo "$captured $kernel $ring $late $(cat "$times" | tail -1) $pps $sent"
}

declare -A idle best
for tool in "${tools[@]}"; do
  read -r _ _ _ _ user sys _ _ < <(measure "$tool" idle)
  idle[$tool]=$(python3 -c "print(f'{$user + $sys:.2f}')")
  best[$tool]=none
done
echo "| rate (pps asked) | replayed at (pps) | tool | captured | dropped by kernel | dropped by ring | out of timestamp order | CPU user+sys (s) | CPU per captured packet, less idle run (µs) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for rate in "${rates[@]}"; do
  for tool in "${tools[@]}"; do
    read -r captured kernel ring late user sys pps sent < <(measure "$tool" "$rate")
    cpu=$(python3 -c "print(f'{$user + $sys:.2f}')")
    per=$(python3 -c "print(f'{($cpu - ${idle[$tool]}) * 1e6 / $captured:.2f}' if '$captured'.isdigit() and int('$captured') > 0 else '-')")
    name=$tool
    [ "${tool%%-*}" = rawnet ] && name="rawnet ($backend, --threads ${tool#rawnet-})"
    echo "| $rate | $pps | $name | $captured | $kernel | $ring | $late | $cpu | $per |"
    # Whole: every replayed packet captured, none dropped (rates are tried from the slowest up).
    # (More than replayed: the kernel's own IPv6 chatter on the link.)
    if [[ $captured =~ ^[0-9]+$ && $sent =~ ^[0-9]+$ ]] && [ "$captured" -ge "$sent" ] && [ "$kernel" = 0 ] && { [ "$ring" = 0 ] || [ "$ring" = - ]; }; then
      best[$tool]=$rate
    fi
  done
done
echo
for tool in "${tools[@]}"; do
  echo "Highest rate asked that $tool captured whole: ${best[$tool]}; idle run (start, SIGTERM after a second, no traffic): ${idle[$tool]} s of CPU."
done
echo
echo "$packets packets per replay ($pcap); rawnet: $RAWNET"
