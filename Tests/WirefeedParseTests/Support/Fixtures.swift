// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedParse

/// Access to the fixtures in `Tests/Fixtures` and to the shared workshop folder beside the repository.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let feeds = repositoryRoot.appendingPathComponent("Tests/Fixtures/feeds")

    /// `../shared` beside the repository (CI has it; a plain clone does not).
    static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: feeds.appendingPathComponent(name)))
    }

    static func parse(_ name: String, options: FeedParserOptions = FeedParserOptions()) throws -> ParsedFeed {
        try FeedParser.parse(try bytes(name), options: options)
    }
}

extension Date {
    /// A UTC instant written as RFC 3339, for readable expectations.
    init(utc text: String) {
        self = ISO8601DateFormatter().date(from: text)!
    }
}
