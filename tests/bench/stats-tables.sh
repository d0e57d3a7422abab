#!/usr/bin/env bash
# Whole-process speed of rawnet stats's conversation table against tshark's, measured in the same run (issue 11).
#
#   tests/bench/stats-tables.sh [PACKETS]      (default 200000)
#
# Makes the deterministic benchmark capture with ../shared/tools/make-bench-pcap.py, publishes rawnet (ReadyToRun, as
# the other benchmarks), checks that both tools print the same table, and times with hyperfine (apt-get install
# hyperfine), both commands writing to /dev/null in one hyperfine run so both see the same machine:
#   rawnet stats FILE --conv tcp   vs   tshark -q -z conv,tcp -r FILE      goal: rawnet at least 10x faster
# Results go to $OUT (default /tmp/rawnet-stats-tables-bench) as hyperfine JSON and Markdown, with uptime's load.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/common.sh"
packets=${1:-200000}
out=${OUT:-/tmp/rawnet-stats-tables-bench}
mkdir -p "$out"
for tool in hyperfine tshark python3; do
  command -v "$tool" >/dev/null || { echo "stats-tables.sh: $tool is missing (apt-get install $tool)" >&2; exit 2; }
done

bench_capture
bench_rawnet

# The timing means nothing if the tables differ.
if ! diff <("$RAWNET" stats "$pcap" --conv tcp) <(tshark -q -z conv,tcp -r "$pcap" 2>/dev/null) > "$out/table.diff"; then
  echo "stats-tables.sh: rawnet's table differs from tshark's (see $out/table.diff)" >&2
  exit 1
fi

date -u '+%Y-%m-%d %H:%M UTC' | tee "$out/when.txt"
uptime | tee "$out/load-before.txt"
# tshark takes seconds a run: few runs.
hyperfine --warmup 1 --runs "${RUNS:-5}" --export-json "$out/conv.json" --export-markdown "$out/conv.md" \
  -n "rawnet stats --conv tcp" "$RAWNET stats $pcap --conv tcp > /dev/null" \
  -n "tshark -q -z conv,tcp"   "tshark -q -z conv,tcp -r $pcap > /dev/null 2>&1"
uptime | tee "$out/load-after.txt"
cat "$out/conv.md"
