// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

internal import CJemalloc

/// wirefeed allocates through jemalloc (Debian's `libjemalloc2`), linked in place of glibc malloc:
/// it spends less CPU than glibc's allocator on the ingest's many short-lived allocations across
/// threads (docs/benchmarks.md, "jemalloc").
enum MemoryAllocator {
    /// "jemalloc 5.3.0-…", as the allocator reports itself; "unknown" if jemalloc does not answer.
    static var description: String {
        guard let version = wirefeed_jemalloc_version() else { return "unknown allocator" }
        return "jemalloc " + String(cString: version)
    }
}
