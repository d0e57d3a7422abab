#!/usr/bin/env bash
# rawnet follow against tshark's follow on one 1 GiB TCP stream, measured in the same run (issue 11).
#
#   tests/bench/follow.sh [BYTES] [RUNS]      (default 1073741824 bytes of stream, 3 runs per tool)
#
# Makes the capture once with make-follow-capture.py (deterministic: one stream of BYTES bytes in 1448-byte segments,
# ACKs every second segment; about 1.07 x BYTES on disk) in $OUT, publishes rawnet (ReadyToRun), checks that both tools
# print the same bytes (MD5 of each output, nothing stored), then for each format (FORMATS, default "ascii") times
#   rawnet follow FILE tcp 0 --format F > /dev/null    against    tshark -r FILE -q -z follow,tcp,F,0 > /dev/null
# with hyperfine (if installed, else /usr/bin/time runs) and measures each one's peak memory with /usr/bin/time -v.
# Goals: rawnet at most 100 MB maximum resident set size, and at least 5x faster than tshark.
#
# Environment: RAWNET (a published rawnet to use), OUT (work folder, default /tmp/rawnet-follow-bench; the capture stays
# there for the next run), FORMATS. Needs tshark, python3 and GNU time (/usr/bin/time); about 1.2 x BYTES free in OUT,
# and several GB of memory for tshark, which keeps the whole stream.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/common.sh"
bytes=${1:-1073741824}
runs=${2:-3}
out=${OUT:-/tmp/rawnet-follow-bench}
formats=${FORMATS:-ascii}
mkdir -p "$out"
for tool in tshark python3 /usr/bin/time md5sum; do
  command -v "$tool" >/dev/null || { echo "follow.sh: $tool is missing" >&2; exit 2; }
done

pcap="$out/follow-$bytes.pcap"
if [ ! -s "$pcap" ]; then
  need=$((bytes / 1024 * 12 / 10))
  free=$(df -Pk "$out" | awk 'NR == 2 { print $4 }')
  [ "$free" -gt "$need" ] || { echo "follow.sh: $out has $free KiB free, the capture needs about $need KiB" >&2; exit 2; }
  python3 "$here/make-follow-capture.py" "$pcap.part" "$bytes"
  mv "$pcap.part" "$pcap"
fi
bench_rawnet
rawnet=$RAWNET
echo "capture: $pcap ($(stat -c %s "$pcap") bytes)"
echo "rawnet: $rawnet; $(tshark --version | head -1)"
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"

peak() { # command... : prints the maximum resident set size in MB and the elapsed time
  /usr/bin/time -v "$@" > /dev/null 2> "$out/time.txt" || { cat "$out/time.txt" >&2; exit 1; }
  awk -F': ' '/Maximum resident set size/ { rss = $2 } /Elapsed \(wall clock\)/ { wall = $2 }
              END { printf "%.1f MB peak RSS, %s elapsed\n", rss / 1024, wall }' "$out/time.txt"
}

for format in $formats; do
  echo "== $format"
  ours=$("$rawnet" follow "$pcap" tcp 0 --format "$format" | md5sum | cut -d' ' -f1)
  theirs=$(tshark -r "$pcap" -q -z "follow,tcp,$format,0" 2>/dev/null | md5sum | cut -d' ' -f1)
  [ "$ours" = "$theirs" ] || { echo "follow.sh: outputs differ ($format): rawnet $ours, tshark $theirs" >&2; exit 1; }
  echo "same output: md5 $ours"
  echo "rawnet follow: $(peak "$rawnet" follow "$pcap" tcp 0 --format "$format")"
  echo "tshark follow: $(peak tshark -r "$pcap" -q -z "follow,tcp,$format,0")"
  if command -v hyperfine >/dev/null; then
    hyperfine --runs "$runs" --export-json "$out/follow-$format.json" --export-markdown "$out/follow-$format.md" \
      -n "rawnet follow --format $format" "$rawnet follow $pcap tcp 0 --format $format > /dev/null" \
      -n "tshark -z follow,tcp,$format,0" "tshark -r $pcap -q -z follow,tcp,$format,0 > /dev/null 2>&1"
    cat "$out/follow-$format.md"
  fi
done
