/* The simplest user-space forwarder between two interfaces: no impairment, no ring, no statistics, one thread per
 * direction moving up to 64 frames per recvmmsg(2)/sendmmsg(2). Not part of RawNet: tests/bench/forwarder-ceiling.sh
 * runs it to measure how fast any user-space forwarder can carry TCP on this machine, next to a plain veth pair and
 * RawNet's lab link (issue 12).
 *
 *   forwarder-ceiling IF_A IF_B VNET     VNET 1: PACKET_VNET_HDR on every socket, so 64 KiB GSO packets cross whole
 *                                        (the ends keep their offloads); VNET 0: frame by frame, as the lab does
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pthread.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <linux/if_packet.h>
#include <linux/if_ether.h>
#define BATCH 64
#define BUF (65536+256)
struct dir { int rx, tx; long frames, bytes; };
static int open_sock(const char *ifname, int rx, int vnet) {
  int fd = socket(AF_PACKET, SOCK_RAW, rx ? htons(ETH_P_ALL) : 0);
  if (fd < 0) { perror("socket"); exit(1); }
  int one = 1;
  if (vnet && setsockopt(fd, SOL_PACKET, PACKET_VNET_HDR, &one, sizeof one)) { perror("vnet"); exit(1); }
  if (rx) setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof one);
  else setsockopt(fd, SOL_PACKET, PACKET_QDISC_BYPASS, &one, sizeof one);
  int big = 32<<20; setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof big);
  struct sockaddr_ll a = {0}; a.sll_family = AF_PACKET; a.sll_protocol = rx ? htons(ETH_P_ALL) : 0; a.sll_ifindex = if_nametoindex(ifname);
  if (bind(fd, (void*)&a, sizeof a)) { perror("bind"); exit(1); }
  return fd;
}
static void *run(void *p) {
  struct dir *d = p;
  static __thread char bufs[BATCH][BUF];
  struct mmsghdr m[BATCH]; struct iovec v[BATCH];
  for (;;) {
    for (int i = 0; i < BATCH; i++) { v[i].iov_base = bufs[i]; v[i].iov_len = BUF; memset(&m[i].msg_hdr, 0, sizeof m[i].msg_hdr); m[i].msg_hdr.msg_iov = &v[i]; m[i].msg_hdr.msg_iovlen = 1; }
    int n = recvmmsg(d->rx, m, BATCH, MSG_WAITFORONE, NULL);
    if (n <= 0) continue;
    for (int i = 0; i < n; i++) { v[i].iov_len = m[i].msg_len; d->bytes += m[i].msg_len; }
    int s = 0; while (s < n) { int k = sendmmsg(d->tx, m + s, n - s, 0); if (k <= 0) { perror("sendmmsg"); s++; } else s += k; }
    d->frames += n;
  }
}
int main(int argc, char **argv) {
  int vnet = atoi(argv[3]);
  struct dir ab = { open_sock(argv[1],1,vnet), open_sock(argv[2],0,vnet) }, ba = { open_sock(argv[2],1,vnet), open_sock(argv[1],0,vnet) };
  pthread_t t1, t2; pthread_create(&t1, 0, run, &ab); pthread_create(&t2, 0, run, &ba);
  for (;;) { sleep(1); }
}
