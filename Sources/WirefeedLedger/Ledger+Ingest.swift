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
    public var stories: [PreparedStory]?
    /// Whether the document's guids misbehaved (shared by several items, or the feed's own link).
    public var guidsMisbehaved: Bool
    /// The feed's own link (its home page), which a guid must not merely repeat.
    public var feedLink: String?
    /// When the body was fetched: the stories' "seen" time, and what future dates were clamped to.
    public var fetchedAt: Date

    public init(
        feedID: String,
        url: String,
        state: FeedState,
        stories: [PreparedStory]?,
        guidsMisbehaved: Bool = false,
        feedLink: String?,
        fetchedAt: Date
    ) {
        self.feedID = feedID
        self.url = url
        self.state = state
        self.stories = stories
        self.guidsMisbehaved = guidsMisbehaved
        self.feedLink = feedLink
        self.fetchedAt = fetchedAt
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
    /// The files rendered ahead by the poll, when they are exactly this version's.
    public var draft: StoryDraft?
    /// For a version made by the near-duplicate tier: the uri of the identity it came in under.
    public var arrivedAs: String? = nil
}

/// What an ingest did.
public struct IngestSummary: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        public var newStories = 0
        public var newVersions = 0
        public var repeats = 0
        public var aliases = 0
        public var tombstoned = 0
        /// Items the near-duplicate tier made a version of an earlier story, or an alias of another
        /// feed's story (not spooled).
        public var nearVersions = 0
        public var nearAliases = 0

        public init() {}
    }

    /// The spool names staged by this ingest, in sequence order.
    public var staged: [String] = []
    /// The draft names in `tmp/` of staged names whose files the poll wrote ahead.
    public var stagedFrom: [String: String] = [:]
    /// The spool sequence after this ingest: once ``staged`` is in `new/`, everything up to it is.
    public var lastSequence: Int64 = 0
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
            total.nearVersions += counts.nearVersions
            total.nearAliases += counts.nearAliases
        }
    }
}

extension Ledger {
    /// How many documents in a row must misbehave before a feed's guids are distrusted for good.
    public static let guidStrikesToDegrade = 3

    /// Records a batch of polls in one transaction: feed states, and for every story the dedupe
    /// decision. The new story versions are handed to `stage` (which must make them durable in the
    /// spool's `tmp/`) *before* the transaction commits; if `stage` throws, nothing of the batch is
    /// recorded, so the feeds are polled and their stories ingested again next time.
    public func ingest(
        _ updates: [FeedUpdate],
        stage: ([SpoolEntry]) throws -> Void
    ) throws -> IngestSummary {
        try write("recording a batch") { db in
            var summary = IngestSummary()
            var entries: [SpoolEntry] = []
            try recordNotedPublished(db)
            var sequence =
                try db.value(Int64.self, "SELECT value FROM counters WHERE name = 'spool_sequence'", arguments: []) ?? 0
            // Until something is pruned (nothing prunes inside this transaction), no key is
            // tombstoned: no lookup per story.
            let anyTombstones =
                try db.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM tombstones)", arguments: []) ?? true
            let nearWindow = nearDuplicateWindow
            if nearWindow > 0 {
                // The index's memory may hold fingerprints this transaction inserted.
                let nearIndex = nearIndex
                db.afterNextTransaction(onCommit: { _ in }, onRollback: { _ in nearIndex.invalidate() })
            }
            for update in updates {
                try Self.saveFeed(
                    db,
                    id: update.feedID,
                    url: update.url,
                    state: update.state,
                    bodyAt: update.stories == nil ? nil : update.fetchedAt
                )
                guard let prepared = update.stories, !prepared.isEmpty else { continue }
                var counts = summary.counts[update.feedID] ?? IngestSummary.Counts()
                let health = try db.row(
                    "SELECT guid_strikes, guids_unreliable FROM feeds WHERE id = ?",
                    arguments: [update.feedID]
                )
                var strikes: Int = health?["guid_strikes"] ?? 0
                var unreliable: Bool = health?["guids_unreliable"] ?? false
                strikes = update.guidsMisbehaved ? strikes + 1 : 0
                if strikes >= Self.guidStrikesToDegrade && !unreliable {
                    unreliable = true
                    summary.feedsDegraded.append(update.feedID)
                }
                try db.run(
                    "UPDATE feeds SET guid_strikes = ?, guids_unreliable = ? WHERE id = ?",
                    arguments: [strikes, unreliable, update.feedID]
                )
                var incoming = prepared
                if unreliable && prepared.contains(where: { $0.key.kind == .guid }) {
                    // A distrusted feed's stories are keyed by link (or headline) instead.
                    let keys = StoryKeyDeriver.derive(
                        prepared.map(\.story),
                        feedID: update.feedID,
                        feedLink: update.feedLink,
                        guidsUnreliable: true
                    ).keys
                    for index in incoming.indices where incoming[index].key != keys[index] {
                        incoming[index].key = keys[index]
                        incoming[index].uri = keys[index].uri
                        incoming[index].draft = nil
                    }
                }
                let seen = UTCTime(update.fetchedAt).sqliteText
                for index in incoming.indices {
                    if let entry = try Self.ingest(
                        db,
                        incoming[index],
                        feedID: update.feedID,
                        fetchedAt: update.fetchedAt,
                        seen: seen,
                        anyTombstones: anyTombstones,
                        nearWindow: nearWindow,
                        nearIndex: nearIndex,
                        sequence: &sequence,
                        counts: &counts
                    ) {
                        entries.append(entry)
                    }
                }
                summary.counts[update.feedID] = counts
            }
            try db.run("UPDATE counters SET value = ? WHERE name = 'spool_sequence'", arguments: [sequence])
            try stage(entries)
            summary.staged = entries.map(\.name)
            summary.lastSequence = sequence
            for entry in entries {
                if let draft = entry.draft?.writtenName { summary.stagedFrom[entry.name] = draft }
            }
            return summary
        }
    }

    private static func ingest(
        _ db: Database,
        _ incoming: PreparedStory,
        feedID: String,
        fetchedAt: Date,
        seen: String,
        anyTombstones: Bool,
        nearWindow: TimeInterval,
        nearIndex: NearDuplicateIndex,
        sequence: inout Int64,
        counts: inout IngestSummary.Counts
    ) throws -> SpoolEntry? {
        let keyText = incoming.key.description
        let hash = incoming.hash

        var known: KnownStory?
        // The story by its key, else by a key recorded as an alias of it: one statement.
        let row = try db.row(
            """
            SELECT id, version, hash FROM stories WHERE key = ?1
            UNION ALL
            SELECT stories.id, stories.version, stories.hash FROM aliases JOIN stories ON stories.id = aliases.story_id WHERE aliases.key = ?1
            LIMIT 1
            """,
            arguments: [keyText]
        )
        if let row { known = KnownStory(id: row["id"], version: row["version"], hash: row["hash"]) }
        let hashOwner = try db.value(Int64.self, "SELECT story_id FROM hashes WHERE hash = ?", arguments: [hash])
        var tombstoned = false
        if known == nil && anyTombstones {
            tombstoned =
                try db.value(Bool.self, "SELECT 1 FROM tombstones WHERE key = ?", arguments: [keyText]) ?? false
        }

        // The third tier, only for what the exact tiers leave a new story, and only when it is on.
        var fingerprint: TextFingerprint?
        var nearMatch: NearMatch?
        if nearWindow > 0 {
            if DedupePolicy.needsNearLookup(known: known, hashOwner: hashOwner, tombstoned: tombstoned) {
                let print = TextFingerprint(headline: incoming.story.headline, paragraphs: incoming.story.paragraphs)
                fingerprint = print
                nearMatch = try nearIndex.match(db, print, since: fetchedAt.addingTimeInterval(-nearWindow))
            } else if known != nil {
                fingerprint = TextFingerprint(headline: incoming.story.headline, paragraphs: incoming.story.paragraphs)
            }
        }

        switch DedupePolicy.decide(
            known: known,
            hash: hash,
            hashOwner: hashOwner,
            tombstoned: tombstoned,
            nearMatch: nearMatch,
            feedID: feedID
        ) {
        case .repeated(let storyID):
            counts.repeats += 1
            try db.run("UPDATE stories SET last_seen = ? WHERE id = ?", arguments: [seen, storyID])
            return nil
        case .alias(let storyID):
            counts.aliases += 1
            try db.run(
                "INSERT OR IGNORE INTO aliases (key, story_id, feed_id, first_seen) VALUES (?, ?, ?, ?)",
                arguments: [keyText, storyID, feedID, seen]
            )
            try db.run("UPDATE stories SET last_seen = ? WHERE id = ?", arguments: [seen, storyID])
            return nil
        case .tombstoned:
            counts.tombstoned += 1
            return nil
        case .nearAlias(let storyID):
            counts.nearAliases += 1
            try db.run(
                "INSERT OR IGNORE INTO aliases (key, story_id, feed_id, first_seen, near) VALUES (?, ?, ?, ?, 1)",
                arguments: [keyText, storyID, feedID, seen]
            )
            try db.run("UPDATE stories SET last_seen = ? WHERE id = ?", arguments: [seen, storyID])
            return nil
        case .nearVersion(let storyID, let version):
            counts.nearVersions += 1
            try db.run(
                "INSERT OR IGNORE INTO aliases (key, story_id, feed_id, first_seen, near) VALUES (?, ?, ?, ?, 1)",
                arguments: [keyText, storyID, feedID, seen]
            )
            var entry = try Self.recordVersion(
                db,
                incoming,
                storyID: storyID,
                version: version,
                seen: seen,
                sequence: &sequence
            )
            if let fingerprint {
                try nearIndex.insert(db, fingerprint, hash: hash, storyID: storyID, feedID: feedID, seen: seen)
            }
            entry.arrivedAs = incoming.uri
            return entry
        case .newVersion(let storyID, let version):
            counts.newVersions += 1
            let entry = try Self.recordVersion(
                db,
                incoming,
                storyID: storyID,
                version: version,
                seen: seen,
                sequence: &sequence
            )
            if let fingerprint {
                try nearIndex.insert(db, fingerprint, hash: hash, storyID: storyID, feedID: feedID, seen: seen)
            }
            return entry
        case .newStory:
            counts.newStories += 1
            return try Self.recordNewStory(
                db,
                incoming,
                feedID: feedID,
                fetchedAt: fetchedAt,
                seen: seen,
                fingerprint: fingerprint,
                nearIndex: nearIndex,
                sequence: &sequence
            )
        }
    }

    /// Records version `version` of a known story: its slug and uri stay, its hash is the new one.
    private static func recordVersion(
        _ db: Database,
        _ incoming: PreparedStory,
        storyID: Int64,
        version: Int,
        seen: String,
        sequence: inout Int64
    ) throws -> SpoolEntry {
        let hash = incoming.hash
        let existing = try db.row(
            "SELECT slug, uri, first_created FROM stories WHERE id = ?",
            arguments: [storyID]
        )!
        let slug: String = existing["slug"]
        // The sequence is counted in the transaction and saved once at its end.
        sequence += 1
        let name = SpoolName.make(sequence: sequence, slug: slug, version: version)
        try db.run(
            "UPDATE stories SET version = ?, hash = ?, last_seen = ?, spool_name = ?, staged_from = NULL WHERE id = ?",
            arguments: [version, hash, seen, name, storyID]
        )
        try db.run("INSERT OR IGNORE INTO hashes (hash, story_id) VALUES (?, ?)", arguments: [hash, storyID])
        var story = incoming.story
        story.slug = slug
        return SpoolEntry(
            story: story,
            uri: existing["uri"],
            version: version,
            firstCreated: existing["first_created"],
            name: name,
            draft: nil
        )
    }

    /// Records a new story, version 1, under its own slug (or the first free suffixed one).
    private static func recordNewStory(
        _ db: Database,
        _ incoming: PreparedStory,
        feedID: String,
        fetchedAt: Date,
        seen: String,
        fingerprint: TextFingerprint?,
        nearIndex: NearDuplicateIndex,
        sequence: inout Int64
    ) throws -> SpoolEntry {
        let keyText = incoming.key.description
        let hash = incoming.hash
        let firstCreated = incoming.story.published ?? fetchedAt
        let created = UTCTime(firstCreated).sqliteText
        // The slug, or the slug with `-2`, `-3`… when another story has it: the insert itself
        // finds out (its slug index), so that a free slug, the usual case, costs no lookup. A
        // taken slug's next suffix is kept in `counters` ("slug:<slug>"), so that the 2,000th
        // story of one slug costs one lookup, not 2,000 probes.
        var slug = incoming.story.slug
        var suffix = 2
        var claimedSuffix = false
        while true {
            let draft = slug == incoming.story.slug ? incoming.draft : nil
            let name = SpoolName.make(sequence: sequence + 1, slug: slug, version: 1)
            try db.run(
                """
                INSERT INTO stories (key, feed_id, slug, uri, version, hash, first_created, first_seen, last_seen, spool_name, staged_from)
                VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO NOTHING
                """,
                arguments: [
                    keyText, feedID, slug, incoming.uri, hash, created, seen, seen, name, draft?.writtenName,
                ]
            )
            guard db.changesCount == 1 else {
                if !claimedSuffix {
                    claimedSuffix = true
                    suffix =
                        try Int.fetchOne(
                            db.cachedStatement(sql: "SELECT value FROM counters WHERE name = ?"),
                            arguments: ["slug:" + incoming.story.slug]
                        ) ?? 2
                }
                slug = "\(incoming.story.slug)-\(suffix)"
                suffix += 1
                continue
            }
            if claimedSuffix {
                try db.run(
                    """
                    INSERT INTO counters (name, value) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value
                    """,
                    arguments: ["slug:" + incoming.story.slug, suffix]
                )
            }
            sequence += 1
            let storyID = db.lastInsertedRowID
            try db.run("INSERT OR IGNORE INTO hashes (hash, story_id) VALUES (?, ?)", arguments: [hash, storyID])
            if let fingerprint {
                try nearIndex.insert(
                    db,
                    fingerprint,
                    hash: hash,
                    storyID: storyID,
                    feedID: feedID,
                    seen: seen
                )
            }
            var story = incoming.story
            story.slug = slug
            return SpoolEntry(
                story: story,
                uri: incoming.uri,
                version: 1,
                firstCreated: firstCreated,
                name: name,
                draft: draft
            )
        }
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
