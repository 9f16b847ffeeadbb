// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Synchronization

/// Names for drafts in `tmp/`: `draft-<process tag>-<counter>`, unique across threads and across
/// runs (the tag is random per process), and never mistaken for a final name (those start with
/// twelve digits).
enum DraftName {
    private static let processTag = String(UInt64.random(in: 0...UInt64.max), radix: 16)
    private static let counter = Atomic<Int>(0)

    static func next() -> String {
        let number = counter.add(1, ordering: .relaxed).newValue
        return "draft-\(processTag)-\(number)"
    }
}
