#!/usr/bin/env bash
# How fast can a user-space forwarder carry TCP here at all? (issue 12: the lab link against a plain veth pair)
#
#   tests/bench/forwarder-ceiling.sh [TCP_BYTES] [RUNS]      (default 1 GiB, 2 runs per case)
#
# Cases, interleaved, each one bulk TCP transfer of TCP_BYTES (python3 sockets, as tests/bench/lab-link.sh):
#   plain         a veth pair, offloads as the kernel sets them (TSO: 64 KiB segments)
#   c-gso         two veth pairs and forwarder-ceiling.c in a middle namespace with PACKET_VNET_HDR: GSO packets cross
#                 whole, the fastest a user-space forwarder can be (one copy in, one out, per 64 KiB)
#   c-frames      the same forwarder frame by frame, the ends' transmit checksum offload off (as the lab sets them)
#   lab           rawnet lab up with no impairment
# Needs root, gcc, iproute2 and python3. Sends only inside the namespaces it creates (198.18.251.0/24, and the lab's
# 198.18.0.0/24); deletes them on exit. Refuses to run while a rawnet lab is up.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/common.sh"
bytes=${1:-1073741824}
runs=${2:-2}
out=${OUT:-/tmp/rawnet-forwarder-ceiling}
mkdir -p "$out"
py="$here/lab-link.py"
[ "$(id -u)" = 0 ] || { echo "forwarder-ceiling.sh: needs root" >&2; exit 2; }
[ ! -e /var/run/netns/rawnet-link ] || { echo "forwarder-ceiling.sh: a rawnet lab is up; rawnet lab down first" >&2; exit 2; }
gcc -O2 -pthread -o "$out/forwarder-ceiling" "$here/forwarder-ceiling.c"
bench_rawnet

a=rnbench-fc$$-a; m=rnbench-fc$$-m; b=rnbench-fc$$-b
forwarder=
cleanup() {
  [ -z "$forwarder" ] || kill "$forwarder" 2>/dev/null || true
  for ns in "$a" "$m" "$b"; do ip netns del "$ns" 2>/dev/null || true; done
  "$RAWNET" lab down >/dev/null 2>&1 || true
}
trap cleanup EXIT

# $1: "plain" (one pair a<->b) or "forwarded" (a<->m<->b); $2: "csum-off" for the ends
net_up() {
  for ns in "$a" "$m" "$b"; do ip netns add "$ns"; ip -n "$ns" link set lo up; done
  if [ "$1" = plain ]; then
    ip link add ea netns "$a" type veth peer name eb netns "$b"
  else
    ip link add ea netns "$a" type veth peer name ea-l netns "$m"
    ip link add eb netns "$b" type veth peer name eb-l netns "$m"
    ip -n "$m" link set ea-l up; ip -n "$m" link set eb-l up
  fi
  ip -n "$a" addr add 198.18.251.1/24 dev ea; ip -n "$b" addr add 198.18.251.2/24 dev eb
  ip -n "$a" link set ea up; ip -n "$b" link set eb up
  if [ "${2:-}" = csum-off ]; then
    ip netns exec "$a" python3 "$py" tx-checksum-off ea; ip netns exec "$b" python3 "$py" tx-checksum-off eb
  fi
}
net_down() {
  [ -z "$forwarder" ] || { kill "$forwarder" 2>/dev/null || true; wait "$forwarder" 2>/dev/null || true; forwarder=; }
  for ns in "$a" "$m" "$b"; do ip netns del "$ns" 2>/dev/null || true; done
}
forward() {  # $1: 1 (GSO packets whole) or 0 (frame by frame)
  ip netns exec "$m" "$out/forwarder-ceiling" ea-l eb-l "$1" & forwarder=$!
  sleep 0.3
}
# $1 ns_a $2 ns_b $3 address of b: prints Mbit/s
tcp() {
  ip netns exec "$2" timeout 120 python3 "$py" tcp-server "$3" "$bytes" >"$out/tcp.out" & local server=$!
  sleep 0.5
  ip netns exec "$1" timeout 120 python3 "$py" tcp-client "$3" "$bytes"
  wait $server
  awk '{ printf "%.0f", $1 * 8 / $2 / 1e6 }' "$out/tcp.out"
}

echo "| run | case | TCP Mbit/s |"
echo "| --- | --- | --- |"
for run in $(seq "$runs"); do
  net_up plain; echo "| $run | plain veth | $(tcp "$a" "$b" 198.18.251.2) |"; net_down
  net_up forwarded; forward 1; echo "| $run | C forwarder, GSO packets whole | $(tcp "$a" "$b" 198.18.251.2) |"; net_down
  net_up forwarded csum-off; forward 0; echo "| $run | C forwarder, frame by frame, ends' tx checksum offload off | $(tcp "$a" "$b" 198.18.251.2) |"; net_down
  "$RAWNET" lab up --seed 1 >/dev/null
  echo "| $run | rawnet lab link, no impairment | $(tcp rawnet-a rawnet-b 198.18.0.2) |"
  "$RAWNET" lab down >/dev/null
done
