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

#include <stdint.h>
#include <string.h>

// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as iSCSI (RFC 3720, appendix B.4) and
// Lucene's segment files use it: the SSE4.2 instruction where the processor has it, a table
// otherwise. Both give the same value; a test checks the RFC's vectors.
#include <pthread.h>
static uint32_t crc32c_table[256];
static pthread_once_t crc32c_table_once = PTHREAD_ONCE_INIT;

static void crc32c_make_table(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        crc32c_table[n] = c;
    }
}

uint32_t chronicle_crc32c_portable(uint32_t crc, const void *data, size_t length) {
    pthread_once(&crc32c_table_once, crc32c_make_table);
    const uint8_t *p = data;
    crc = ~crc;
    while (length--) crc = crc32c_table[(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2")))
static uint32_t crc32c_hardware(uint32_t crc, const void *data, size_t length) {
    const uint8_t *p = data;
    uint64_t c = ~crc;
    while (length >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        c = __builtin_ia32_crc32di(c, word);
        p += 8;
        length -= 8;
    }
    uint32_t c32 = (uint32_t)c;
    while (length--) c32 = __builtin_ia32_crc32qi(c32, *p++);
    return ~c32;
}
#endif

uint32_t chronicle_crc32c(uint32_t crc, const void *data, size_t length) {
#if defined(__x86_64__)
    if (__builtin_cpu_supports("sse4.2")) return crc32c_hardware(crc, data, length);
#endif
    return chronicle_crc32c_portable(crc, data, length);
}
