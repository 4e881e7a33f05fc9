#define _GNU_SOURCE
#include <sys/socket.h>
#include "CSystem.h"

int chronicle_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) {
    return accept4(fd, address, length, flags);
}

#include <sys/ioctl.h>
#include <linux/sockios.h>

int chronicle_unsent_bytes(int fd, int *count) {
    return ioctl(fd, SIOCOUTQ, count);
}

#include <sched.h>

int chronicle_affinity_count(void) {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) != 0) return -1;
    return CPU_COUNT(&set);
}

#include <malloc.h>

int chronicle_malloc_trim(void) {
    return malloc_trim(0);
}

int chronicle_limit_arenas(int count) {
    return mallopt(M_ARENA_MAX, count);
}

unsigned long chronicle_heap_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return (unsigned long)(info.uordblks + info.hblkhd);
}
