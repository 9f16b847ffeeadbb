// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

#ifndef WIREFEED_JEMALLOC_H
#define WIREFEED_JEMALLOC_H

/// The version of the allocator that serves malloc, asked of jemalloc itself (`mallctl("version")`),
/// or NULL when jemalloc does not answer.
const char *wirefeed_jemalloc_version(void);

#endif
