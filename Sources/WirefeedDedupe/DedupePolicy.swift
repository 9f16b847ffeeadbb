// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// What the ledger knows about a story identity.
public struct KnownStory: Sendable, Equatable {
    public var id: Int64
    public var version: Int
    /// The content hash of the current version.
    public var hash: String

    public init(id: Int64, version: Int, hash: String) {
        self.id = id
        self.version = version
        self.hash = hash
    }
}

/// What happens to an item.
public enum DedupeDecision: Sendable, Equatable {
    /// Identity new, content new: a new story, version 1.
    case newStory
    /// Identity seen, content new: version n+1 of the same story (same slug and uri).
    case newVersion(storyID: Int64, version: Int)
    /// Identity seen, same content (or content this story had before): dropped.
    case repeated(storyID: Int64)
    /// Identity new, content already seen (the same copy on another feed, or re-published under a
    /// new guid): dropped, and the identity recorded as an alias of the first story.
    case alias(of: Int64)
    /// The identity was pruned after the retention window: a re-surfaced item is not re-ingested.
    case tombstoned
}

/// The dedupe decision table, a pure function of what the ledger knows.
public enum DedupePolicy {
    /// - Parameters:
    ///   - known: the story the key names (directly or through an alias), if any.
    ///   - hashOwner: the story that already had this content hash (any version), if any.
    ///   - tombstoned: whether the key was pruned before.
    public static func decide(known: KnownStory?, hash: String, hashOwner: Int64?, tombstoned: Bool) -> DedupeDecision {
        if let known {
            if known.hash == hash || hashOwner == known.id { return .repeated(storyID: known.id) }
            return .newVersion(storyID: known.id, version: known.version + 1)
        }
        if tombstoned { return .tombstoned }
        if let hashOwner { return .alias(of: hashOwner) }
        return .newStory
    }

    /// Items dated in the future are clamped to the time they were fetched.
    public static func clamp(_ date: Date?, to now: Date) -> Date? {
        guard let date else { return nil }
        return min(date, now)
    }
}
