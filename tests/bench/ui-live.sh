#!/usr/bin/env bash
# Terminal UI during a live capture at top speed (issue 5): does the UI keep up, and is every packet it could not show
# counted?
#
#   tests/bench/ui-live.sh [PACKETS] [RUNS]      (default 200000 packets, 3 runs)
#
# Builds a lab of two network namespaces joined by a veth pair (MTU 9000, IPv6 off so the kernel adds no frames of
# its own), makes the deterministic benchmark capture with ../shared/tools/make-bench-pcap.py, and for each run:
#   - starts `rawnet ui -i RX --stats-on-exit` in a 120x40 tmux terminal inside the receiving namespace, under
#     /usr/bin/time -v (its maximum RSS), and tcpdump on the same interface at the same time (32 MiB buffer, the
#     same kernel buffer rawnet asks for, writing a file), for comparison;
#   - sends the capture from the other namespace with `rawnet replay --topspeed`;
#   - waits until the UI's packet count stops growing, presses q, and reads the UI's ui-stats line (packets captured,
#     indexed, shown, kernel drops, ring drops) and tcpdump's own counters.
# Prints a Markdown table; "accounted" is captured + kernel drops + ring drops, which must equal the frames sent.
#
# Environment: RAWNET (a published rawnet to use instead of publishing one), OUT (work folder, default
# /tmp/rawnet-ui-live-bench), PIN (a CPU list, e.g. 0: run the UI, tcpdump and the sender all on it with taskset, so the
# UI has to fall behind and the drop counts must account for what it could not show), UI_ARGS (more rawnet ui options,
# e.g. UI_ARGS='-Y tcp': a display filter run on every packet as it arrives; "shown" is then the packets it matched). Needs root, iproute2, tmux, tcpdump, python3 and /usr/bin/time. Sends only inside the
# two namespaces it creates, and deletes only those on exit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/common.sh"
packets=${1:-200000}
runs=${2:-3}
out=${OUT:-/tmp/rawnet-ui-live-bench}
mkdir -p "$out"

[ "$(id -u)" = 0 ] || { echo "ui-live.sh: needs root (network namespaces, raw sockets)" >&2; exit 2; }
pin=()
[ -n "${PIN:-}" ] && pin=(taskset -c "$PIN")
for tool in ip tmux tcpdump python3 /usr/bin/time ${PIN:+taskset}; do
  command -v "$tool" >/dev/null || { echo "ui-live.sh: $tool is missing" >&2; exit 2; }
done

bench_capture
bench_rawnet

id=$(head -c3 /dev/urandom | od -An -tx1 | tr -d ' \n')
tx=rn-$id-a
rx=rn-$id-b
sock=rawnet-ui-live-$id
cleanup() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  veth_pair_delete "$tx" "$rx"
}
trap cleanup EXIT
veth_pair "$tx" "$rx" "$tx" "$rx" ipv6-off

# The status bar's "N packets" (frames indexed), or empty.
shown() { tmux -L "$sock" capture-pane -p -t ui 2>/dev/null | sed -n 's/.*| \([0-9]*\) packets, [0-9]* shown.*/\1/p' | tail -1; }

run() {
  rm -f "$out/ui.err" "$out/ui.time" "$out/td.pcap" "$out/td.err"
  tmux -L "$sock" new-session -d -s ui -x 120 -y 40 \
    "ip netns exec $rx ${pin[*]} /usr/bin/time -v -o $out/ui.time $RAWNET ui -i $rx ${UI_ARGS:-} --stats-on-exit 2>$out/ui.err; sleep 30"
  for _ in $(seq 100); do tmux -L "$sock" capture-pane -p -t ui | grep -q "live $rx |" && break; sleep 0.1; done
  ip netns exec "$rx" "${pin[@]}" tcpdump -i "$rx" -w "$out/td.pcap" -s 65535 -B 32768 2>"$out/td.err" &
  local td=$!
  for _ in $(seq 50); do grep -q "listening on" "$out/td.err" 2>/dev/null && break; sleep 0.1; done
  local start sent pps
  start=$(date +%s.%N)
  timeout 120 ip netns exec "$tx" "${pin[@]}" "$RAWNET" replay "$pcap" -i "$tx" --topspeed >"$out/replay.out" 2>&1 || true
  sent=$(sed -n 's/^Actual: \([0-9]*\) packets.*/\1/p' "$out/replay.out")
  pps=$(sed -n 's/^Rated: .*, \([0-9]*\)\.[0-9]* pps/\1/p' "$out/replay.out")
  # Until the count has not moved for two seconds (the UI drains the ring and indexes the rest), at most 60 s.
  local last=-1 same=0 now changed=$start
  for _ in $(seq 600); do
    now=$(shown)
    if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0; last=$now; changed=$(date +%s.%N); fi
    [ "$same" -ge 20 ] && break
    sleep 0.1
  done
  local caught_up
  caught_up=$(python3 -c "print('%.1f' % ($changed - $start))")
  tmux -L "$sock" send-keys -t ui q
  for _ in $(seq 100); do [ -s "$out/ui.time" ] && grep -q "^ui-stats" "$out/ui.err" 2>/dev/null && break; sleep 0.1; done
  kill -INT "$td"; wait "$td" || true
  tmux -L "$sock" kill-server 2>/dev/null || true
  local stats rss td_recv td_drop td_cap
  stats=$(grep "^ui-stats" "$out/ui.err")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/ui.time")
  td_cap=$(sed -n 's/^\([0-9]*\) packets captured/\1/p' "$out/td.err")
  td_recv=$(sed -n 's/^\([0-9]*\) packets received by filter/\1/p' "$out/td.err")
  td_drop=$(sed -n 's/^\([0-9]*\) packets dropped by kernel/\1/p' "$out/td.err")
  python3 - "$sent" "$stats" "$rss" "$td_cap" "$td_recv" "$td_drop" "$caught_up" "$pps" <<'PY'
import sys
sent, stats, rss, td_cap, td_recv, td_drop, caught_up, pps = sys.argv[1:]
f = stats.split()
v = {f[i]: f[i + 1] for i in range(1, len(f) - 1, 2)}
cap, idx, shown, kd, rd = (int(v[k]) for k in ('captured', 'indexed', 'shown', 'kernel-drops', 'ring-drops'))
acc = cap + kd + rd
print(f"| {sent} at {pps} pps | {cap} | {idx} | {shown} | {kd} | {rd} | {acc} {'=' if str(acc) == sent else '!='} sent | {caught_up} | {int(rss) / 1024:.0f} MiB | {td_cap} captured, {td_drop} dropped of {td_recv} |")
PY
}

echo "frames in $pcap: $packets"
echo "| sent (replay --topspeed) | UI captured | indexed | shown | kernel drops | ring drops | accounted | s from the replay's start to the last count change on screen | UI max RSS | tcpdump (same run) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for _ in $(seq "$runs"); do
  run
done
