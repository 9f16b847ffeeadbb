// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Synchronization

/// Names for drafts in `tmp/`: `drafts-<folder>/draft-<process tag>-<counter>`, unique across
/// threads and across runs (the tag is random per process), and never mistaken for a final name
/// (those start with twelve digits).
///
/// Drafts are spread over ``folderCount`` folders of `tmp/`: a file is created or renamed under
/// its directory's lock, so polls writing drafts on several cores, and the batch renaming them into
/// `new/`, would otherwise queue for one lock.
enum DraftName {
    static let folderCount = 8
    static let folders = (0..<folderCount).map { "drafts-\($0)" }

    private static let processTag = String(UInt64.random(in: 0...UInt64.max), radix: 16)
    private static let counter = Atomic<Int>(0)

    static func next() -> String {
        let number = counter.add(1, ordering: .relaxed).newValue
        return "\(folders[number % folderCount])/draft-\(processTag)-\(number)"
    }

    /// The folder of `tmp/` that holds a draft, or nil for a name directly in `tmp/`.
    static func folder(of name: String) -> Substring? {
        guard let slash = name.utf8.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        return name[..<slash]
    }
}
