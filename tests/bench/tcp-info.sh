#!/usr/bin/env bash
# What sampling the sender's TCP_INFO costs a transfer (issue 15): the same lab upload with --tcp-info off and with
# --tcp-info 1ms, interleaved, RUNS times each, on an unimpaired lab link (the transfer as fast as the path allows,
# so any cost of sampling shows); throughput is rawnet's own report (bytes × 8 / connect-to-close time). Also the CPU
# sampling itself used, as rawnet reports it (the sampling thread's CPU time and the sender's time in its samples):
# single runs spread by more than the 5% goal even on a quiet machine, that figure does not.
#
#   tests/bench/tcp-info.sh [BYTES] [RUNS] [CC]      (default 32m, 9 runs, cubic)
#
# Environment: RAWNET (a published rawnet; else one is published into OUT), OUT (default /tmp/rawnet-tcpinfo-bench),
# LINK (lab up settings, default none: unimpaired). Needs root; refuses to run while a rawnet lab is up; takes the lab
# down on exit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/common.sh"
bytes=${1:-32m}
runs=${2:-9}
cc=${3:-cubic}
out=${OUT:-/tmp/rawnet-tcpinfo-bench}
mkdir -p "$out"

[ "$(id -u)" = 0 ] || { echo "tcp-info.sh: needs root" >&2; exit 2; }
[ ! -e /var/run/netns/rawnet-a ] || { echo "tcp-info.sh: a rawnet lab is up; rawnet lab down first" >&2; exit 2; }
bench_rawnet
trap '"$RAWNET" lab down >/dev/null 2>&1 || true' EXIT
# shellcheck disable=SC2086
"$RAWNET" lab up --seed 1 ${LINK:-} >/dev/null

rate() { # prints the Mbit/s of one upload with the given --tcp-info; keeps what sampling itself used in cost.txt
  "$RAWNET" lab traffic upload -Z root --bytes "$bytes" --cc "$cc" --tcp-info "$1" -w "$out/upload.pcapng" 2>/dev/null >"$out/run.txt"
  sed -n 's/^tcp_info: .*(\([0-9.]*\)% of one core)$/\1/p' "$out/run.txt" >> "$out/cost.txt"
  sed -n 's/^sent .* s, \([0-9.]*\) Mbit\/s.*/\1/p' "$out/run.txt"
}
rate off >/dev/null   # warm-up
: > "$out/off.txt"; : > "$out/on.txt"; : > "$out/cost.txt"
for _ in $(seq "$runs"); do
  rate off >> "$out/off.txt"
  rate 1ms >> "$out/on.txt"
done
samples=$("$RAWNET" stats "$out/upload.pcapng" --tcp-info | tail -n +3 | wc -l)
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
off=$(median "$out/off.txt"); on=$(median "$out/on.txt")
echo "upload of $bytes ($cc), $runs runs each, medians: --tcp-info off $off Mbit/s, --tcp-info 1ms $on Mbit/s ($samples samples in the last run)"
awk -v a="$off" -v b="$on" 'BEGIN { printf "sampling costs %.1f%% of the throughput (goal: at most 5%%)\n", (a - b) / a * 100 }'
echo "sampling's own CPU (its thread, and the sender's time in its samples), median of the 1ms runs: $(median "$out/cost.txt")% of one core"
echo "runs off: $(tr '\n' ' ' < "$out/off.txt")"
echo "runs 1ms: $(tr '\n' ' ' < "$out/on.txt")"
