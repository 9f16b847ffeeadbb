// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

#define _GNU_SOURCE
#include "CSpoolShims.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

int wirefeed_syncfs(int fd) { return syncfs(fd); }

int wirefeed_watch_directory(const char *directory) {
    int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (fd < 0) {
        return -1;
    }
    if (inotify_add_watch(fd, directory, IN_MOVED_TO | IN_CLOSE_WRITE) < 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

long wirefeed_read_arrivals(int fd, int timeout_ms, char *out, size_t capacity) {
    struct pollfd descriptor = {.fd = fd, .events = POLLIN};
    int ready;
    do {
        ready = poll(&descriptor, 1, timeout_ms);
    } while (ready < 0 && errno == EINTR);
    if (ready <= 0) {
        return ready;
    }
    char buffer[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    size_t used = 0;
    int lost = 0;
    for (;;) {
        ssize_t length = read(fd, buffer, sizeof buffer);
        if (length < 0 && errno == EINTR) {
            continue;
        }
        if (length <= 0) {
            break;
        }
        for (char *cursor = buffer; cursor < buffer + length;) {
            const struct inotify_event *event = (const struct inotify_event *)cursor;
            cursor += sizeof(struct inotify_event) + event->len;
            if (event->mask & IN_Q_OVERFLOW) {
                lost = 1;
                continue;
            }
            if (event->len == 0) {
                continue;
            }
            size_t name_length = strnlen(event->name, event->len);
            if (used + name_length + 1 > capacity) {
                lost = 1;
                continue;
            }
            memcpy(out + used, event->name, name_length);
            out[used + name_length] = '\0';
            used += name_length + 1;
        }
    }
    return lost ? -2 : (long)used;
}
