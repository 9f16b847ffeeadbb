// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// Per-feed state in `<state>/feeds.json`, written atomically (a temporary file, fsync, rename), so
/// that a restart neither refetches everything at once nor forgets a `Retry-After`.
public struct FeedStateStore: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    private var path: String { directory + "/feeds.json" }

    /// The saved states by feed id; empty when nothing was saved yet.
    /// - Throws: ``ConfigError`` when the file exists but cannot be read as state.
    public func load() throws -> [String: FeedState] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, message: "cannot be read")
        }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode([String: FeedState].self, from: data)
        } catch {
            throw ConfigError(file: path, line: nil, message: "is not wirefeed state: \(error)")
        }
    }

    /// Saves the states atomically.
    public func save(_ states: [String: FeedState]) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(states)
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw ConfigError(file: temporary, line: nil, message: "cannot be written")
        }
        let descriptor = open(temporary, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
        guard rename(temporary, path) == 0 else {
            throw ConfigError(file: path, line: nil, message: "cannot be replaced: \(String(cString: strerror(errno)))")
        }
    }
}
