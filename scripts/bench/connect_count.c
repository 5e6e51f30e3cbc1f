/*
 * Counts the TCP connections a process opens, for scripts/bench.sh.
 *
 * Loaded with LD_PRELOAD into a benchmark client (the Swift benchmark or the Python
 * reference client), it wraps connect(2): every call for an IPv4 or IPv6 address adds
 * one to a counter, then the real connect runs. The process reads the counter through
 * verne_bench_connect_count(), looked up with dlsym. The cost is one atomic addition per
 * connection opened; nothing else in the process changes.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sys/socket.h>
#include <stdatomic.h>

static atomic_long opened;

typedef int (*connect_fn)(int, const struct sockaddr *, socklen_t);

int connect(int descriptor, const struct sockaddr *address, socklen_t length) {
    static connect_fn real;
    if (!real) real = (connect_fn)dlsym(RTLD_NEXT, "connect");
    if (address && (address->sa_family == AF_INET || address->sa_family == AF_INET6)) {
        atomic_fetch_add(&opened, 1);
    }
    return real(descriptor, address, length);
}

/* The number of TCP connects since the process started. */
long verne_bench_connect_count(void) { return atomic_load(&opened); }
