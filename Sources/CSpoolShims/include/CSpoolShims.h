// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

// Linux calls the spool needs that Swift's Glibc module does not expose (they need _GNU_SOURCE).

#ifndef WIREFEED_CSPOOL_SHIMS_H
#define WIREFEED_CSPOOL_SHIMS_H

/// Flushes the file system holding `fd`. The corresponding C function is `syncfs`.
int wirefeed_syncfs(int fd);

/// An inotify descriptor watching `directory` for files moved or closed into it, or -1 with errno.
int wirefeed_watch_directory(const char *_Nonnull directory);

/// Waits up to `timeout_ms` (-1: forever) for events on a descriptor from
/// `wirefeed_watch_directory` and drains them: 1 when something happened, 0 on timeout, -1 on error.
/// Waits up to `timeout_ms` for files to arrive in the watched directory and writes their names,
/// each NUL-terminated, into `out`. Returns the bytes written (0 on timeout), -1 on error, or -2
/// when events were lost (the kernel's queue overflowed, or `out` was too small): list again.
long wirefeed_read_arrivals(int fd, int timeout_ms, char *_Nonnull out, unsigned long capacity);

#endif
