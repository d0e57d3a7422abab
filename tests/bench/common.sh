# Sourced by the benchmark scripts (which set repo, out and packets first).
#
#   bench_capture                              sets pcap to out/bench-PACKETS.pcap, made by make-bench-pcap.py unless
#                                              it is there already
#   bench_rawnet                               sets RAWNET to a published rawnet, publishing one into out/rawnet unless
#                                              RAWNET is set already
#   bench_timed LABEL REGEX ARGS...            runs $RAWNET ARGS (standard output to /dev/null) under /usr/bin/time -v and
#                                              prints LABEL, the lines of rawnet's standard error that match REGEX (its own
#                                              timings), the wall time and the maximum RSS, tab-separated
#   veth_pair NS_A NS_B IF_A IF_B [ipv6-off]   creates both namespaces and joins them with a veth pair (MTU 9000,
#                                              both ends and lo up); ipv6-off keeps the kernel from sending IPv6 of its
#                                              own (router solicitations, duplicate address detection) into a count
#   veth_pair_delete NS_A NS_B                 deletes both namespaces (and with them the pair); for an EXIT trap
veth_pair() {
  local a=$1 b=$2 if_a=$3 if_b=$4 ns
  ip netns add "$a"
  ip netns add "$b"
  ip link add "$if_a" netns "$a" mtu 9000 type veth peer name "$if_b" netns "$b" mtu 9000
  if [ "${5:-}" = ipv6-off ]; then
    for ns in "$a" "$b"; do
      ip netns exec "$ns" sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    done
  fi
  ip -n "$a" link set "$if_a" up
  ip -n "$b" link set "$if_b" up
  ip -n "$a" link set lo up
  ip -n "$b" link set lo up
}

veth_pair_delete() {
  ip netns del "$1" 2>/dev/null || true
  ip netns del "$2" 2>/dev/null || true
}

bench_capture() {
  pcap="$out/bench-$packets.pcap"
  [ -s "$pcap" ] || python3 "$repo/../shared/tools/make-bench-pcap.py" "$pcap" "$packets" >/dev/null
}

bench_rawnet() {
  if [ -z "${RAWNET:-}" ]; then
    dotnet publish "$repo/src/RawNet.Cli" -c Release -o "$out/rawnet" >/dev/null
    RAWNET="$out/rawnet/rawnet"
  fi
}

bench_timed() {
  local label=$1 pattern=$2; shift 2
  /usr/bin/time -v "$RAWNET" "$@" > /dev/null 2> "$out/time.txt"
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/time.txt")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/time.txt")
  printf '%s\t%s\twall %s\tmaxrss_kb %s\n' "$label" "$(grep -E "$pattern" "$out/time.txt" | tr '\n' ' ' | sed 's/ $//')" "$wall" "$rss"
}
