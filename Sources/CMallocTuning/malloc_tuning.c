// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

#include <malloc.h>
#include "CMallocTuning.h"

int wirefeed_tune_malloc(int arena_max, int mmap_threshold) {
    int ok = mallopt(M_ARENA_MAX, arena_max);
    ok &= mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    return ok == 1 ? 0 : -1;
}
