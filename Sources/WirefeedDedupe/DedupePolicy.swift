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
    /// Identity new, content new, but its text a near-copy of a story its own feed carried within
    /// the window (a re-send under a new guid, a corrected headline): version n+1 of that story,
    /// and the identity recorded as an alias of it.
    case nearVersion(storyID: Int64, version: Int)
    /// Identity new, content new, its text a near-copy of another feed's story within the window:
    /// dropped, and the identity recorded as an alias of that story.
    case nearAlias(of: Int64)
}

/// A story whose text the near-duplicate rule matched, found through the fingerprint index.
public struct NearMatch: Sendable, Equatable {
    public var story: KnownStory
    /// The feed that first carried it.
    public var feedID: String

    public init(story: KnownStory, feedID: String) {
        self.story = story
        self.feedID = feedID
    }
}

/// The dedupe decision table, a pure function of what the ledger knows.
public enum DedupePolicy {
    /// - Parameters:
    ///   - known: the story the key names (directly or through an alias), if any.
    ///   - hashOwner: the story that already had this content hash (any version), if any.
    ///   - tombstoned: whether the key was pruned before.
    ///   - nearMatch: a story within the near-duplicate window whose text matches, if any; asked
    ///     for only when identity and content hash leave the item a new story.
    ///   - feedID: the feed the item came from.
    public static func decide(
        known: KnownStory?,
        hash: String,
        hashOwner: Int64?,
        tombstoned: Bool,
        nearMatch: NearMatch? = nil,
        feedID: String? = nil
    ) -> DedupeDecision {
        if let known {
            if known.hash == hash || hashOwner == known.id { return .repeated(storyID: known.id) }
            return .newVersion(storyID: known.id, version: known.version + 1)
        }
        if tombstoned { return .tombstoned }
        if let hashOwner { return .alias(of: hashOwner) }
        if let nearMatch {
            if nearMatch.feedID == feedID {
                return .nearVersion(storyID: nearMatch.story.id, version: nearMatch.story.version + 1)
            }
            return .nearAlias(of: nearMatch.story.id)
        }
        return .newStory
    }

    /// Whether an item needs the near-duplicate lookup: only one that the exact tiers would make
    /// a new story.
    public static func needsNearLookup(known: KnownStory?, hashOwner: Int64?, tombstoned: Bool) -> Bool {
        known == nil && hashOwner == nil && !tombstoned
    }

    /// Items dated in the future are clamped to the time they were fetched.
    public static func clamp(_ date: Date?, to now: Date) -> Date? {
        guard let date else { return nil }
        return min(date, now)
    }
}
