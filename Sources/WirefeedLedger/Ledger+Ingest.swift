// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import GRDB
import WirefeedDedupe
import WirefeedModel

/// One feed's poll, as the ledger records it.
public struct FeedUpdate: Sendable {
    public var feedID: String
    public var url: String
    public var state: FeedState
    /// The stories of a parsed body; nil when no body was parsed (304, unchanged, failure).
    public var stories: [Story]?
    /// The feed's own link (its home page), which a guid must not merely repeat.
    public var feedLink: String?

    public init(feedID: String, url: String, state: FeedState, stories: [Story]?, feedLink: String?) {
        self.feedID = feedID
        self.url = url
        self.state = state
        self.stories = stories
        self.feedLink = feedLink
    }
}

/// A story version to be spooled, with everything its rendering needs.
public struct SpoolEntry: Sendable {
    /// The story, dates clamped to the fetch time, slug made unique.
    public var story: Story
    public var uri: String
    public var version: Int
    public var firstCreated: Date
    /// The spool file name, without extension.
    public var name: String
}

/// What an ingest did.
public struct IngestSummary: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        public var newStories = 0
        public var newVersions = 0
        public var repeats = 0
        public var aliases = 0
        public var tombstoned = 0

        public init() {}
    }

    /// The spool names staged by this ingest, in sequence order.
    public var staged: [String] = []
    public var counts: [String: Counts] = [:]
    /// Feeds whose guids were found unreliable in this ingest: they now key by link.
    public var feedsDegraded: [String] = []

    public var total: Counts {
        counts.values.reduce(into: Counts()) { total, counts in
            total.newStories += counts.newStories
            total.newVersions += counts.newVersions
            total.repeats += counts.repeats
            total.aliases += counts.aliases
            total.tombstoned += counts.tombstoned
        }
    }
}

extension Ledger {
    /// How many documents in a row must misbehave before a feed's guids are distrusted for good.
    public static let guidStrikesToDegrade = 3

    /// Records a batch of polls in one transaction: feed states, and for every story the dedupe
    /// decision. The new story versions are rendered and handed to `stage` (which must make them
    /// durable in the spool's `tmp/`) *before* the transaction commits; if `stage` throws, nothing of
    /// the batch is recorded, so the feeds are polled and their stories ingested again next time.
    public func ingest(
        _ updates: [FeedUpdate],
        now: Date,
        stage: ([SpoolEntry]) throws -> Void
    ) throws -> IngestSummary {
        try pool.write { db in
            var summary = IngestSummary()
            var entries: [SpoolEntry] = []
            for update in updates {
                try Self.saveFeed(db, id: update.feedID, url: update.url, state: update.state, bodyAt: update.stories == nil ? nil : now)
                guard let stories = update.stories, !stories.isEmpty else { continue }
                var counts = summary.counts[update.feedID] ?? IngestSummary.Counts()
                let health = try db.row("SELECT guid_strikes, guids_unreliable FROM feeds WHERE id = ?", arguments: [update.feedID])
                var strikes: Int = health?["guid_strikes"] ?? 0
                var unreliable: Bool = health?["guids_unreliable"] ?? false
                let derivation = StoryKeyDeriver.derive(stories, feedID: update.feedID, feedLink: update.feedLink, guidsUnreliable: unreliable)
                strikes = derivation.guidsMisbehaved ? strikes + 1 : 0
                if strikes >= Self.guidStrikesToDegrade && !unreliable {
                    unreliable = true
                    summary.feedsDegraded.append(update.feedID)
                }
                try db.run("UPDATE feeds SET guid_strikes = ?, guids_unreliable = ? WHERE id = ?", arguments: [strikes, unreliable, update.feedID])
                // Keys derived with distrusted guids, when the feed degrades in this very document.
                let keys = unreliable && !derivation.keys.isEmpty && derivation.keys.contains(where: { $0.kind == .guid })
                    ? StoryKeyDeriver.derive(stories, feedID: update.feedID, feedLink: update.feedLink, guidsUnreliable: true).keys
                    : derivation.keys
                for (story, key) in zip(stories, keys) {
                    if let entry = try Self.ingest(db, story: story, key: key, feedID: update.feedID, now: now, counts: &counts) {
                        entries.append(entry)
                    }
                }
                summary.counts[update.feedID] = counts
            }
            try stage(entries)
            summary.staged = entries.map(\.name)
            return summary
        }
    }

    private static func ingest(
        _ db: Database,
        story original: Story,
        key: StoryKey,
        feedID: String,
        now: Date,
        counts: inout IngestSummary.Counts
    ) throws -> SpoolEntry? {
        var story = original
        story.published = DedupePolicy.clamp(story.published, to: now)
        story.updated = DedupePolicy.clamp(story.updated, to: now)
        let keyText = key.description
        let hash = ContentHash.of(story)

        var known: KnownStory?
        var row = try db.row("SELECT id, version, hash FROM stories WHERE key = ?", arguments: [keyText])
        if row == nil {
            row = try db.row("SELECT stories.id, stories.version, stories.hash FROM aliases JOIN stories ON stories.id = aliases.story_id WHERE aliases.key = ?",
                arguments: [keyText]
            )
        }
        if let row { known = KnownStory(id: row["id"], version: row["version"], hash: row["hash"]) }
        let hashOwner = try db.value(Int64.self, "SELECT story_id FROM hashes WHERE hash = ?", arguments: [hash])
        var tombstoned = false
        if known == nil {
            tombstoned = try db.value(Bool.self, "SELECT 1 FROM tombstones WHERE key = ?", arguments: [keyText]) ?? false
        }

        switch DedupePolicy.decide(known: known, hash: hash, hashOwner: hashOwner, tombstoned: tombstoned) {
        case .repeated(let storyID):
            counts.repeats += 1
            try db.run("UPDATE stories SET last_seen = ? WHERE id = ?", arguments: [now, storyID])
            return nil
        case .alias(let storyID):
            counts.aliases += 1
            try db.run("INSERT OR IGNORE INTO aliases (key, story_id, feed_id, first_seen) VALUES (?, ?, ?, ?)",
                arguments: [keyText, storyID, feedID, now]
            )
            try db.run("UPDATE stories SET last_seen = ? WHERE id = ?", arguments: [now, storyID])
            return nil
        case .tombstoned:
            counts.tombstoned += 1
            return nil
        case .newVersion(let storyID, let version):
            counts.newVersions += 1
            let existing = try db.row("SELECT slug, uri, first_created FROM stories WHERE id = ?", arguments: [storyID])!
            let slug: String = existing["slug"]
            let name = try nextName(db, slug: slug, version: version)
            try db.run("UPDATE stories SET version = ?, hash = ?, last_seen = ?, spool_name = ?, staged = 1 WHERE id = ?",
                arguments: [version, hash, now, name, storyID]
            )
            try db.run("INSERT OR IGNORE INTO hashes (hash, story_id) VALUES (?, ?)", arguments: [hash, storyID])
            story.slug = slug
            return SpoolEntry(story: story, uri: existing["uri"], version: version, firstCreated: existing["first_created"], name: name)
        case .newStory:
            counts.newStories += 1
            let slug = try uniqueSlug(db, story.slug)
            let name = try nextName(db, slug: slug, version: 1)
            let uri = "urn:wirefeed:story:" + StoryKeyDeriver.sha256(keyText).prefix(32)
            let firstCreated = story.published ?? now
            try db.run("""
                    INSERT INTO stories (key, feed_id, slug, uri, version, hash, first_created, first_seen, last_seen, spool_name, staged)
                    VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 1)
                    """,
                arguments: [keyText, feedID, slug, uri, hash, firstCreated, now, now, name]
            )
            try db.run("INSERT OR IGNORE INTO hashes (hash, story_id) VALUES (?, ?)", arguments: [hash, db.lastInsertedRowID])
            story.slug = slug
            return SpoolEntry(story: story, uri: uri, version: 1, firstCreated: firstCreated, name: name)
        }
    }

    /// The slug, or the slug with `-2`, `-3`… when another story has it.
    private static func uniqueSlug(_ db: Database, _ slug: String) throws -> String {
        var candidate = slug
        var suffix = 2
        while try db.value(Bool.self, "SELECT 1 FROM stories WHERE slug = ?", arguments: [candidate]) ?? false {
            candidate = "\(slug)-\(suffix)"
            suffix += 1
        }
        return candidate
    }

    private static func nextName(_ db: Database, slug: String, version: Int) throws -> String {
        try db.run("UPDATE counters SET value = value + 1 WHERE name = 'spool_sequence'", arguments: [])
        let sequence = try db.value(Int64.self, "SELECT value FROM counters WHERE name = 'spool_sequence'", arguments: []) ?? 0
        let digits = String(sequence)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits + "-\(slug)-v\(version)"
    }
}

extension Database {
    /// Runs a statement compiled once per connection: the ingest runs the same few statements for
    /// every story.
    fileprivate func run(_ sql: String, arguments: StatementArguments) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    fileprivate func row(_ sql: String, arguments: StatementArguments) throws -> Row? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }

    fileprivate func value<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: Value.Type,
        _ sql: String,
        arguments: StatementArguments
    ) throws -> Value? {
        try Value.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
}
