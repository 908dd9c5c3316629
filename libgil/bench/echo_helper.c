/*
** echo_helper.c — the out-of-process UDP peer of gilbench's convoy test.
**
**   echo_helper PORT [IDLE_MS]
**
** Plain C without libgil, so that the peer itself never waits for a GIL:
** whatever slows the round trips down happens inside gilbench.
**
** It connects a UDP socket to 127.0.0.1:PORT — the loopback address only,
** never anything else — sends one "hello" datagram so that gilbench learns
** its address, then sends every datagram it receives back unchanged until
** one starting with "END" arrives.  A connected UDP socket only receives
** from its peer, so nothing but gilbench's socket can talk to it.
**
** It never outlives gilbench for long.  Exit status:
**   0  END received;
**   1  nothing arrived for IDLE_MS milliseconds (default 10000), or
**      gilbench's port is gone (a connected UDP socket reports the ICMP
**      "port unreachable" as ECONNREFUSED), or the parent died (Linux:
**      PR_SET_PDEATHSIG; gilbench also sets it between fork and exec,
**      which closes the window before this program runs);
**   2  bad arguments or a socket error.
*/
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

static long parse_long(const char *s, long lo, long hi, const char *what)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi) {
        fprintf(stderr, "echo_helper: bad %s '%s' (want %ld..%ld)\n",
                what, s, lo, hi);
        exit(2);
    }
    return v;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: echo_helper PORT [IDLE_MS]\n");
        return 2;
    }
    long port = parse_long(argv[1], 1, 65535, "port");
    long idle_ms = argc > 2 ? parse_long(argv[2], 1, 3600000, "idle time")
                            : 10000;

#ifdef __linux__
    /* If gilbench is killed, die with it rather than linger. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() == 1)
        return 1;           /* already orphaned: nobody to talk to */

    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) {
        perror("echo_helper: socket");
        return 2;
    }
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
        perror("echo_helper: connect");
        return 2;
    }
    /* The idle timeout is the backstop for every way the parent can stop
    ** talking without us noticing (stuck, or killed where there is no
    ** PR_SET_PDEATHSIG). */
    struct timeval tv = {idle_ms / 1000, (idle_ms % 1000) * 1000};
    if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) < 0) {
        perror("echo_helper: SO_RCVTIMEO");
        return 2;
    }

    if (send(fd, "hello", 5, 0) < 0) {
        perror("echo_helper: send hello");
        return 2;
    }
    char buf[2048];
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return 1;       /* idle timeout, ECONNREFUSED, ... */
        }
        if (n >= 3 && memcmp(buf, "END", 3) == 0)
            break;
        if (send(fd, buf, (size_t)n, 0) < 0 && errno != EINTR)
            return 1;
    }
    close(fd);
    return 0;
}
