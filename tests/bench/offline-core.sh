#!/usr/bin/env bash
# Whole-process speed of the offline core against its peers, measured in the same run (issue 2).
#
#   tests/bench/offline-core.sh [PACKETS]      (default 200000)
#
# Makes the deterministic benchmark capture with ../shared/tools/make-bench-pcap.py, publishes rawnet (ReadyToRun),
# and times with hyperfine (apt-get install hyperfine), every command writing to /dev/null:
#   rawnet read FILE            vs  tcpdump -n -r FILE                 goal: rawnet at least 2x faster
#   rawnet read -T fields (8)   vs  tshark -n -r FILE -T fields (8)    goal: rawnet at least 20x faster
#   rawnet stats FILE           vs  tcpdump -r FILE -w /dev/null       goal: rawnet within 3x of the raw read floor
# Results go to $OUT (default /tmp/rawnet-bench) as hyperfine JSON and Markdown.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/common.sh"
packets=${1:-200000}
out=${OUT:-/tmp/rawnet-bench}
mkdir -p "$out"
for tool in hyperfine tcpdump tshark python3; do
  command -v "$tool" >/dev/null || { echo "offline-core.sh: $tool is missing (apt-get install $tool)" >&2; exit 2; }
done

bench_capture
dotnet publish "$repo/src/RawNet.Cli" -c Release -o "$out/rawnet" >/dev/null
rawnet="$out/rawnet/rawnet"

fields=(-e frame.number -e ip.src -e ip.dst -e ipv6.src -e ipv6.dst -e tcp.srcport -e tcp.dstport -e udp.dstport)
fields_arg="${fields[*]}"

run() { # name, then the commands
  local name=$1; shift
  hyperfine --warmup 1 --runs "${RUNS:-5}" --export-json "$out/$name.json" --export-markdown "$out/$name.md" "$@"
}
run read   -n "rawnet read"   "$rawnet read $pcap > /dev/null" \
           -n "tcpdump -n -r" "tcpdump -n -r $pcap > /dev/null 2>&1"
run fields -n "rawnet read -T fields" "$rawnet read $pcap -T fields $fields_arg > /dev/null" \
           -n "tshark -T fields"      "tshark -n -r $pcap -T fields $fields_arg > /dev/null 2>&1"
run stats  -n "rawnet stats"           "$rawnet stats $pcap > /dev/null" \
           -n "tcpdump -w /dev/null"   "tcpdump -r $pcap -w /dev/null 2>/dev/null"
cat "$out"/read.md "$out"/fields.md "$out"/stats.md
