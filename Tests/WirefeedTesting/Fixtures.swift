// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedParse

/// Access to the fixtures in `Tests/Fixtures` and to the shared workshop folder beside the repository.
public enum Fixtures {
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let feeds = repositoryRoot.appendingPathComponent("Tests/Fixtures/feeds")

    /// Golden files of normalized output.
    public static let snapshots = repositoryRoot.appendingPathComponent("Tests/Fixtures/snapshots")

    /// Every feed fixture's file name.
    public static func feedNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: feeds.path).sorted()
    }

    /// `../shared` beside the repository (CI has it; a plain clone does not).
    public static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")

    public static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: feeds.appendingPathComponent(name)))
    }

    public static func parse(_ name: String, options: FeedParserOptions = FeedParserOptions()) throws -> ParsedFeed {
        try FeedParser.parse(try bytes(name), options: options)
    }
}

extension Date {
    /// A UTC instant written as RFC 3339, for readable expectations.
    public init(utc text: String) {
        self = ISO8601DateFormatter().date(from: text)!
    }
}
