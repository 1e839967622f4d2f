/*
 * The SFU benchmark's packet sink: binds N UDP sockets on 127.0.0.1 (ephemeral ports),
 * prints "ports p1 p2 ...", then drains them with epoll + recvmmsg and counts what
 * arrives: media RTP, RTCP (types 192-223 on the rtcp-mux port) and mediasoup's probator
 * stream (SSRC 1234). Each line on stdin is answered with "rtp rtcp probe bytes" so far.
 * SRTP keeps the RTP header in the clear, so nothing is decrypted.
 *
 *   receiver <sockets>
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define BATCH 64
#define MTU 2048
#define MAX_SOCKETS 64
#define PROBATOR_SSRC 1234u

static unsigned long long rtp, rtcp, probe, bytes;

static void drain(int fd) {
  static char bufs[BATCH][MTU];
  static struct iovec iov[BATCH];
  static struct mmsghdr msgs[BATCH];
  for (;;) {
    for (int i = 0; i < BATCH; i++) {
      iov[i].iov_base = bufs[i];
      iov[i].iov_len = MTU;
      memset(&msgs[i].msg_hdr, 0, sizeof msgs[i].msg_hdr);
      msgs[i].msg_hdr.msg_iov = &iov[i];
      msgs[i].msg_hdr.msg_iovlen = 1;
    }
    int n = recvmmsg(fd, msgs, BATCH, MSG_DONTWAIT, NULL);
    if (n <= 0) return; /* EAGAIN: drained */
    for (int i = 0; i < n; i++) {
      const unsigned char *p = (const unsigned char *)bufs[i];
      unsigned len = msgs[i].msg_len;
      bytes += len;
      if (len < 12) continue;
      if (p[1] >= 192 && p[1] <= 223) {
        rtcp++;
      } else {
        uint32_t ssrc = (uint32_t)p[8] << 24 | (uint32_t)p[9] << 16 | (uint32_t)p[10] << 8 | p[11];
        if (ssrc == PROBATOR_SSRC) probe++;
        else rtp++;
      }
    }
    if (n < BATCH) return;
  }
}

int main(int argc, char **argv) {
  int count = argc > 1 ? atoi(argv[1]) : 8;
  if (count < 1 || count > MAX_SOCKETS) {
    fprintf(stderr, "usage: receiver <1-%d sockets>\n", MAX_SOCKETS);
    return 2;
  }
  int ep = epoll_create1(0);
  if (ep < 0) { perror("epoll_create1"); return 1; }
  int fds[MAX_SOCKETS];
  printf("ports");
  for (int i = 0; i < count; i++) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    if (fd < 0) { perror("socket"); return 1; }
    int size = 8 << 20;
    /* FORCE passes rmem_max as root; otherwise the plain option, capped by the kernel. */
    if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) < 0)
      setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0) { perror("bind"); return 1; }
    socklen_t alen = sizeof addr;
    getsockname(fd, (struct sockaddr *)&addr, &alen);
    printf(" %u", ntohs(addr.sin_port));
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    fds[i] = fd;
  }
  printf("\n");
  fflush(stdout);
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = STDIN_FILENO};
  epoll_ctl(ep, EPOLL_CTL_ADD, STDIN_FILENO, &ev);

  struct epoll_event ready[MAX_SOCKETS + 1];
  char line[256];
  for (;;) {
    int n = epoll_wait(ep, ready, MAX_SOCKETS + 1, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      perror("epoll_wait");
      return 1;
    }
    for (int i = 0; i < n; i++) {
      if (ready[i].data.fd != STDIN_FILENO) {
        drain(ready[i].data.fd);
        continue;
      }
      ssize_t got = read(STDIN_FILENO, line, sizeof line);
      if (got <= 0) return 0; /* the benchmark went away */
      /* Drain first, so the answer includes everything that already arrived. */
      for (int s = 0; s < count; s++) drain(fds[s]);
      for (ssize_t c = 0; c < got; c++)
        if (line[c] == '\n') printf("%llu %llu %llu %llu\n", rtp, rtcp, probe, bytes);
      fflush(stdout);
    }
  }
}
