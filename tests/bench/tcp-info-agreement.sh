#!/usr/bin/env bash
# Issue 15's agreement: lab uploads over the unimpaired link with TCP_INFO sampling, each checked by
# tcp-info-agreement.py (tcpi_unacked x MSS against tshark's bytes_in_flight, within two MSS).
#
#   tests/bench/tcp-info-agreement.sh [BYTES] [RUNS] [CC]     (default 32m, 3 runs, cubic)
#
# Environment: RAWNET (a published rawnet; else one is published into OUT), OUT (default /tmp/rawnet-tcp-info-agreement).
# Needs root, tshark and python3. Refuses to run while a rawnet lab is up.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/common.sh"
bytes=${1:-32m}
runs=${2:-3}
cc=${3:-cubic}
out=${OUT:-/tmp/rawnet-tcp-info-agreement}
mkdir -p "$out"; chmod 1777 "$out"   # rawnet writes its file after giving root up
[ "$(id -u)" = 0 ] || { echo "tcp-info-agreement.sh: needs root" >&2; exit 2; }
[ ! -e /var/run/netns/rawnet-link ] || { echo "tcp-info-agreement.sh: a rawnet lab is up; rawnet lab down first" >&2; exit 2; }
bench_rawnet
trap '"$RAWNET" lab down >/dev/null 2>&1 || true' EXIT
"$RAWNET" lab up --seed 1 >/dev/null
for run in $(seq "$runs"); do
  file="$out/upload-$run.pcapng"; rm -f "$file"
  "$RAWNET" lab traffic upload --bytes "$bytes" --cc "$cc" -w "$file" | grep -E "Mbit/s|^tcp_info"
  python3 "$here/tcp-info-agreement.py" "$RAWNET" "$file" 198.18.0.1
done
