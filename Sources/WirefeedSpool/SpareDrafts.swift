// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Synchronization

/// Drafts that no batch published, kept in `tmp/` to be overwritten by the next drafts rather than
/// unlinked at once.
///
/// Why: on ext4 without a journal, a new inode is never placed on one freed in the last minutes
/// while a free one is left, and each such freed inode is checked on the way (`recently_deleted`);
/// a few thousand drafts discarded during a large ingest made every later file creation walk past
/// them, a fifth of the whole job's CPU. Re-using the discarded files frees nothing: a spare is
/// unlinked only when the pool is full, or by ``SpoolWriter/removeSpareDrafts()`` once the work is
/// done. A spare is never recorded in the ledger, so after a crash the start-up reconciliation
/// removes it like any other unrecorded file in `tmp/`.
final class SpareDrafts: Sendable {
    /// Spares kept at most; more are unlinked at once.
    let capacity: Int
    /// Draft names, relative to `tmp/`.
    private let spares = Mutex<[String]>([])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Keeps the draft named `spare` for re-use; false when the pool is full (the caller unlinks it).
    func keep(_ spare: String) -> Bool {
        spares.withLock { spares in
            guard spares.count < capacity else { return false }
            spares.append(spare)
            return true
        }
    }

    /// The name of a spare to overwrite, if any.
    func take() -> String? {
        spares.withLock { $0.popLast() }
    }

    /// Empties the pool and returns the names it held.
    func takeAll() -> [String] {
        spares.withLock { spares in
            defer { spares = [] }
            return spares
        }
    }

    var count: Int { spares.withLock { $0.count } }
}
