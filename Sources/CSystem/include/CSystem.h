// Linux headers that Swift's Glibc module does not export: epoll, eventfd, and accept4
// (a GNU extension, wrapped so Swift needs no _GNU_SOURCE).
#ifndef CHRONICLE_CSYSTEM_H
#define CHRONICLE_CSYSTEM_H
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

/// accept4(2): accepts and sets SOCK_NONBLOCK | SOCK_CLOEXEC in one call.
int chronicle_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags);

/// ioctl(SIOCOUTQ): bytes in the socket's send queue not yet acknowledged by the peer.
int chronicle_unsent_bytes(int fd, int *count);

/// The number of CPUs in this thread's affinity mask (sched_getaffinity), or -1.
int chronicle_affinity_count(void);

/// malloc_trim(0): returns the allocator's free pages to the kernel; 1 when some were released.
int chronicle_malloc_trim(void);

/// mallopt(M_ARENA_MAX, count): caps how many malloc arenas threads spread over; 1 on success.
int chronicle_limit_arenas(int count);

/// The number of malloc arenas in use (the `<heap nr=…>` entries of malloc_info); -1 if unknown.
int chronicle_malloc_arena_count(void);
/// mallinfo2(): bytes the allocator has handed out and not had back (arenas and mmapped chunks).
unsigned long chronicle_heap_in_use(void);
#include <stddef.h>
#include <stdint.h>
/// CRC-32C of `length` bytes, continuing from `crc` (0 to start): hardware where available.
uint32_t chronicle_crc32c(uint32_t crc, const void *data, size_t length);
/// The same by table, for tests that compare the two.
uint32_t chronicle_crc32c_portable(uint32_t crc, const void *data, size_t length);
#endif
