// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Synchronization

/// The content hashes that one poll cycle has already drafted, so that the same copy syndicated
/// on several feeds is rendered and written into `tmp/` once, not once per feed and then deleted.
///
/// Only an optimisation: a story whose hash another poll claimed goes to the commit without a
/// draft, and should the commit decide it is new after all, renders it there. A hash is kept as
/// its first 64 bits, which bounds a cycle of 100,000 new stories to about 2 MB.
public final class DraftClaims: Sendable {
    private let claimed = Mutex(Set<UInt64>())

    public init() {}

    /// Claims a content hash (the hex ``ContentHash``) for a draft.
    /// - Returns: `true` the first time the hash is claimed in this cycle.
    public func claim(_ hash: String) -> Bool {
        let key = Self.key(hash)
        return claimed.withLock { $0.insert(key).inserted }
    }

    public var count: Int { claimed.withLock { $0.count } }

    /// The hash's first 16 hex digits as a number (anything else, by its Swift hash value).
    private static func key(_ hash: String) -> UInt64 {
        UInt64(hash.prefix(16), radix: 16) ?? UInt64(truncatingIfNeeded: hash.hashValue)
    }
}
