// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

// Linking this target links Debian's libjemalloc (Package.swift), ahead of libc, so that jemalloc
// serves every malloc of the process: Swift's runtime, libxml2, libcurl and SQLite alike.

#include <jemalloc/jemalloc.h>
#include <stddef.h>
#include "CJemalloc.h"

const char *wirefeed_jemalloc_version(void) {
    const char *version = NULL;
    size_t size = sizeof version;
    if (mallctl("version", &version, &size, NULL, 0) != 0) {
        return NULL;
    }
    return version;
}
