// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

internal import CJemalloc

/// wirefeed allocates through jemalloc (Debian's `libjemalloc2`), linked in place of glibc malloc.
///
/// Measured on the whole job cold (`wirefeed fetch` of the shared bench farm, 2,000 feeds, into an
/// empty spool, the same binary with `LD_PRELOAD=libjemalloc.so.2` or without, runs alternated on a
/// noisy two-core host): 24.6–28.6 CPU-s with jemalloc, 27.8–31.3 with glibc malloc tuned to four
/// arenas; glibc spent about 8 % of all samples in `_int_malloc`, `_int_free` and consolidation.
enum MemoryAllocator {
    /// "jemalloc 5.3.0-…", as the allocator reports itself; "unknown" if jemalloc does not answer.
    static var description: String {
        guard let version = wirefeed_jemalloc_version() else { return "unknown allocator" }
        return "jemalloc " + String(cString: version)
    }
}
