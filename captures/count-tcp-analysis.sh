#!/bin/bash
# Counts, per capture, the frames tshark marks with each tcp.analysis flag (and tcp/udp streams), as listed in
# captures/README.md. Usage: captures/count-tcp-analysis.sh FILE...   (-v also lists every flagged frame)
set -euo pipefail
verbose=0
if [ "${1:-}" = "-v" ]; then verbose=1; shift; fi
flags="retransmission fast_retransmission spurious_retransmission out_of_order lost_segment ack_lost_segment
duplicate_ack window_update window_full zero_window zero_window_probe zero_window_probe_ack keep_alive keep_alive_ack
reused_ports"
for f in "$@"; do
    counts=""
    for flag in $flags; do
        n=$(tshark -n -r "$f" -Y "tcp.analysis.$flag" 2>/dev/null | wc -l)
        [ "$n" -gt 0 ] && counts="$counts $flag=$n"
    done
    tcp=$(tshark -n -r "$f" -T fields -e tcp.stream 2>/dev/null | sort -u | grep -c . || true)
    udp=$(tshark -n -r "$f" -T fields -e udp.stream 2>/dev/null | sort -u | grep -c . || true)
    frames=$(tshark -n -r "$f" 2>/dev/null | wc -l)
    echo "$(basename "$f"): frames=$frames tcp_streams=$tcp udp_streams=$udp${counts:- (no analysis flags)}"
    if [ $verbose = 1 ]; then
        tshark -n -r "$f" -Y tcp.analysis.flags -T fields -e frame.number -e tcp.stream -e _ws.col.Info 2>/dev/null | sed 's/^/    /'
    fi
done
