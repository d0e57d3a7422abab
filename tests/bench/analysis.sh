#!/usr/bin/env bash
# Whole-process speed of summary lines and of the conversation analysis against the peer tools, measured in the same run,
# and the memory the tracker needs for a million conversations (issue 9).
#
#   tests/bench/analysis.sh [PACKETS] [CONVERSATIONS]      (defaults 200000 and 1000000)
#
# Makes the deterministic benchmark capture with ../shared/tools/make-bench-pcap.py and a SYN scan with make-syn-scan.py,
# publishes rawnet (ReadyToRun composite, as offline-core.sh), and times with hyperfine (apt-get install hyperfine),
# every command writing to /dev/null, each pair in one hyperfine run so both see the same machine:
#   rawnet read FILE                  vs  tcpdump -n -r FILE                  goal: rawnet at least 4x faster
#   rawnet read -S FILE               vs  tcpdump -n -S -r FILE
#   rawnet read -T fields (analysis)  vs  tshark -n -r FILE -T fields (same)  goal: rawnet at least 20x faster
# then, with /usr/bin/time -v, the peak RSS of `rawnet read -T fields -e tcp.stream` over the SYN scan (every probe its
# own TCP conversation; goal: 1 M conversations within 200 MB for the whole process), and of the same command over a
# 10-packet capture (the runtime alone).
# Results go to $OUT (default /tmp/rawnet-analysis-bench) as hyperfine JSON and Markdown, and memory.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/common.sh"
packets=${1:-200000}
conversations=${2:-1000000}
out=${OUT:-/tmp/rawnet-analysis-bench}
mkdir -p "$out"
for tool in hyperfine tcpdump tshark python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "analysis.sh: $tool is missing (apt-get install ${tool##*/})" >&2; exit 2; }
done

bench_capture
bench_rawnet
scan="$out/syn-scan-$conversations.pcap"
[ -s "$scan" ] || python3 "$here/make-syn-scan.py" "$scan" "$conversations"

fields=(-e tcp.stream -e tcp.seq -e tcp.ack -e tcp.analysis.ack_rtt -e tcp.analysis.bytes_in_flight
        -e tcp.analysis.retransmission -e tcp.analysis.duplicate_ack -e tcp.window_size)
fields_arg="${fields[*]}"

run() { # name, runs, then the commands
  local name=$1 runs=$2; shift 2
  hyperfine --warmup 1 --runs "$runs" --export-json "$out/$name.json" --export-markdown "$out/$name.md" "$@"
}
run read "${RUNS:-10}" -n "rawnet read"   "$RAWNET read $pcap > /dev/null" \
                       -n "tcpdump -n -r" "tcpdump -n -r $pcap > /dev/null 2>&1"
run read-absolute "${RUNS:-10}" -n "rawnet read -S"   "$RAWNET read -S $pcap > /dev/null" \
                                -n "tcpdump -n -S -r" "tcpdump -n -S -r $pcap > /dev/null 2>&1"
# tshark takes seconds a run: fewer runs of this pair.
run fields "${FIELD_RUNS:-3}" -n "rawnet read -T fields (analysis)" "$RAWNET read $pcap -T fields $fields_arg > /dev/null" \
                              -n "tshark -T fields (analysis)"      "tshark -n -r $pcap -T fields $fields_arg > /dev/null 2>&1"

memory() { # label, capture
  /usr/bin/time -v "$RAWNET" read "$2" -T fields -e tcp.stream > /dev/null 2> "$out/time.txt"
  printf '%s\tmaxrss_kb %s\twall %s\n' "$1" \
    "$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/time.txt")" \
    "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/time.txt")"
}
{
  memory "runtime alone (10 packets)" "$repo/captures/tcp-handshake-ipv4.pcap"
  memory "SYN scan, $conversations conversations" "$scan"
} | tee "$out/memory.txt"
awk -F'\t' -v n="$conversations" '
  { split($2, r, " "); rss[NR] = r[2] }
  END { printf "beyond the runtime: %.0f bytes a conversation; whole process %.0f MiB\n", (rss[2] - rss[1]) * 1024 / n, rss[2] / 1024 }
' "$out/memory.txt"
cat "$out"/read.md "$out"/read-absolute.md "$out"/fields.md
