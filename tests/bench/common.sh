# Sourced by the benchmark scripts (which set repo, out and packets first).
#
#   bench_capture                              sets pcap to out/bench-PACKETS.pcap, made by make-bench-pcap.py unless
#                                              it is there already
#   bench_rawnet                               sets RAWNET to a published rawnet, publishing one into out/rawnet unless
#                                              RAWNET is set already
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
