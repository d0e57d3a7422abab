#!/usr/bin/env bash
# The lab link's forwarder (issue 12) against a plain veth pair, measured in the same run.
#
#   tests/bench/lab-link.sh [TCP_BYTES] [FRAMES] [RUNS]     (default 1 GiB, 1,000,000 frames, 3 runs per case)
#
# Cases, each RUNS times, interleaved so a busy machine weighs on all alike:
#   plain      a veth pair between two namespaces, MTU 1500, offloads as the kernel sets them (TSO: 64 KiB segments)
#   plain-csum the same with transmit checksum offload off on both ends, as the lab sets its ends (so TSO off too)
#   link       rawnet lab up with no impairment: rawnet-a <-> forwarder in rawnet-link <-> rawnet-b, MTU 1500
# For each: TCP throughput of one bulk transfer of TCP_BYTES (python3 sockets, first byte to last at the receiver), and
# 64-byte frames/s: FRAMES 60-byte frames (EtherType 0x88B5) sent at top speed by `rawnet replay --topspeed`, the
# delivered count read from the far end's interface counters, over the sender's wall time (/usr/bin/time).
# Then on the link: the median one-way delay at --delay 20ms, loss over 100,000 frames at --loss 1.5% --seed 1, and
# the rate under a TCP bulk transfer at --rate 20mbit and 100mbit (goodput, and the frame rate it means: 1514-byte
# frames carrying 1448 bytes of TCP payload each, timestamps on).
#
# Environment: RAWNET (a published rawnet; else one is published into OUT), OUT (default /tmp/rawnet-lab-bench).
# Needs root, iproute2 and python3. Sends only inside the namespaces it creates (198.18.250.0/24 and the lab's
# 198.18.0.0/24); deletes them on exit. Refuses to run while a rawnet lab is up.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/common.sh"
bytes=${1:-1073741824}
frames=${2:-1000000}
runs=${3:-3}
out=${OUT:-/tmp/rawnet-lab-bench}
packets=$frames
mkdir -p "$out"
py="$here/lab-link.py"

[ "$(id -u)" = 0 ] || { echo "lab-link.sh: needs root" >&2; exit 2; }
for ns in rawnet-a rawnet-b rawnet-link; do
  [ ! -e "/var/run/netns/$ns" ] || { echo "lab-link.sh: a rawnet lab is up; rawnet lab down first" >&2; exit 2; }
done
bench_rawnet

pa=rnbench-ll$$-a; pb=rnbench-ll$$-b
cleanup() { veth_pair_delete "$pa" "$pb"; "$RAWNET" lab down >/dev/null 2>&1 || true; }
trap cleanup EXIT

plain_up() {  # $1: "csum-off" to turn the ends' transmit checksum offload off
  veth_pair "$pa" "$pb" pa pb
  ip -n "$pa" link set pa mtu 1500; ip -n "$pb" link set pb mtu 1500
  ip -n "$pa" addr add 198.18.250.1/24 dev pa; ip -n "$pb" addr add 198.18.250.2/24 dev pb
  if [ "${1:-}" = csum-off ]; then
    ip netns exec "$pa" python3 "$py" tx-checksum-off pa; ip netns exec "$pb" python3 "$py" tx-checksum-off pb
  fi
}

# $1 ns_a $2 ns_b $3 address of b: prints Mbit/s
tcp() {
  ip netns exec "$2" timeout 120 python3 "$py" tcp-server "$3" "$bytes" >"$out/tcp.out" &
  local server=$!; sleep 0.5
  ip netns exec "$1" timeout 120 python3 "$py" tcp-client "$3" "$bytes"
  wait $server
  awk '{ printf "%.1f", $1 * 8 / $2 / 1e6 }' "$out/tcp.out"
}

rx_packets() { ip -n "$1" -s -j link show dev "$2" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["stats64"]["rx"]["packets"])'; }
mac() { ip -n "$1" -j link show dev "$2" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["address"])'; }

# $1 ns_a $2 if_a $3 ns_b $4 if_b: prints "frames/s delivered/sent"
frame_rate() {
  python3 "$py" frames "$out/frames.pcap" "$frames" "$(mac "$3" "$4")" "$(mac "$1" "$2")"
  local before after
  before=$(rx_packets "$3" "$4")
  /usr/bin/time -f %e -o "$out/time" timeout 120 ip netns exec "$1" "$RAWNET" replay "$out/frames.pcap" -i "$2" --topspeed >/dev/null 2>&1 || true
  sleep 0.3
  after=$(rx_packets "$3" "$4")
  awk -v n=$((after - before)) -v f="$frames" '{ printf "%.0f %d/%d", n / $1, n, f }' "$out/time"
}

echo "| run | case | TCP Mbit/s | 64-byte frames/s (delivered/sent) |"
echo "| --- | --- | --- | --- |"
for run in $(seq "$runs"); do
  plain_up
  echo "| $run | plain veth | $(tcp "$pa" "$pb" 198.18.250.2) | $(frame_rate "$pa" pa "$pb" pb) |"
  veth_pair_delete "$pa" "$pb"
  plain_up csum-off
  echo "| $run | plain veth, tx checksum offload off | $(tcp "$pa" "$pb" 198.18.250.2) | $(frame_rate "$pa" pa "$pb" pb) |"
  veth_pair_delete "$pa" "$pb"
  "$RAWNET" lab up --seed 1 >/dev/null
  echo "| $run | lab link, no impairment | $(tcp rawnet-a rawnet-b 198.18.0.2) | $(frame_rate rawnet-a rn-a rawnet-b rn-b) |"
  "$RAWNET" lab status | sed -n '/dropped on arrival/,/send failures/p' >"$out/link-status-$run.txt"
  "$RAWNET" lab down >/dev/null
done

echo
"$RAWNET" lab up --delay 20ms --seed 1 >/dev/null
ip netns exec rawnet-b timeout 60 python3 "$py" udp-delay-recv 198.18.0.2 1000 >"$out/delay.out" &
receiver=$!; sleep 0.5
ip netns exec rawnet-a timeout 60 python3 "$py" udp-delay-send 198.18.0.2 1000
wait $receiver
echo "delay 20ms: $(awk '{ printf "median one-way delay %.3f ms over %d datagrams", $2, $1 }' "$out/delay.out")"
"$RAWNET" lab set --delay 0ms --loss 1.5% >/dev/null
frames=100000
python3 "$py" frames "$out/frames.pcap" "$frames" "$(mac rawnet-b rn-b)" "$(mac rawnet-a rn-a)"
before=$(rx_packets rawnet-b rn-b)
timeout 120 ip netns exec rawnet-a "$RAWNET" replay "$out/frames.pcap" -i rn-a --pps 50000 >/dev/null 2>&1
sleep 0.3
after=$(rx_packets rawnet-b rn-b)
lost=$((frames - (after - before)))
"$RAWNET" lab status | sed -n '/dropped on arrival/,/send failures/p' >"$out/loss-status.txt"
awk -v lost=$lost -v n=$frames 'BEGIN { p = 0.015; sd = sqrt(n * p * (1 - p));
  printf "loss 1.5%% over %d frames: %d lost (%.3f%%); 99%% interval %.0f..%.0f\n", n, lost, lost * 100 / n, n * p - 2.576 * sd, n * p + 2.576 * sd }'
"$RAWNET" lab down >/dev/null
for rate in 20 100; do
  "$RAWNET" lab up --rate "${rate}mbit" --seed 1 >/dev/null
  bytes=$((rate * 1000000))   # 8 s of the rate
  echo "rate ${rate}mbit: $(tcp rawnet-a rawnet-b 198.18.0.2 | awk -v r=$rate '{ g = $1; printf "goodput %.2f Mbit/s, frames %.2f Mbit/s (%.1f%% of the setting)", g, g * 1514 / 1448, g * 1514 / 1448 / r * 100 }')"
  "$RAWNET" lab down >/dev/null
done
