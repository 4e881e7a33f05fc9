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
