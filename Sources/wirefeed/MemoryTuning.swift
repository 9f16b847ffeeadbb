// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

internal import CMallocTuning

/// glibc malloc settings for a long-running process that parses 100 KB bodies on a few threads.
/// Measured on the 2,000-feed cold fetch (`wirefeed fetch` against `make bench-fetch`'s farm, the
/// same settings given as `MALLOC_ARENA_MAX=4 MALLOC_MMAP_THRESHOLD_=131072`): 16.7–18.1 s and
/// 106–130 MB peak with them, 18.4–19.2 s and 114–158 MB without, on a noisy two-core host.
enum MemoryTuning {
    static func apply() {
        // Four arenas instead of eight per core: memory freed on one thread is reused by the next
        // instead of piling up (and being trimmed and faulted in again) per thread. A fixed mmap
        // threshold: blocks from 128 KiB up (feed bodies, decoded documents) go back to the system
        // when freed, instead of the default's rising threshold that keeps them in the heap.
        _ = wirefeed_tune_malloc(4, 128 * 1024)
    }
}
