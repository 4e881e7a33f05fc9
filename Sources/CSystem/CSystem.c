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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int chronicle_malloc_trim(void) {
    return malloc_trim(0);
}

int chronicle_limit_arenas(int count) {
    return mallopt(M_ARENA_MAX, count);
}

int chronicle_malloc_arena_count(void) {
    char *text = NULL;
    size_t length = 0;
    FILE *stream = open_memstream(&text, &length);
    if (stream == NULL) return -1;
    if (malloc_info(0, stream) != 0) { fclose(stream); free(text); return -1; }
    fclose(stream);
    int count = 0;
    for (const char *at = text; at != NULL && (at = strstr(at, "<heap nr=")) != NULL; at += 9) count++;
    free(text);
    return count;
}

unsigned long chronicle_heap_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return (unsigned long)(info.uordblks + info.hblkhd);
}
