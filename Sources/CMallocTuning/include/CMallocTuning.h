// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

#ifndef WIREFEED_MALLOC_TUNING_H
#define WIREFEED_MALLOC_TUNING_H

/// Sets glibc malloc's arena count and a fixed mmap threshold (mallopt). Returns 0 on success.
int wirefeed_tune_malloc(int arena_max, int mmap_threshold);

#endif
