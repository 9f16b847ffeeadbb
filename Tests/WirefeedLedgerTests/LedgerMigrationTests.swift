// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import GRDB
import Testing
import WirefeedDedupe
import WirefeedModel

@testable import WirefeedLedger

/// A ledger file written by the schema before the fingerprint index (migrations v1 and v2) opens,
/// migrates in place, keeps its stories, and takes part in the near-duplicate tier from then on.
struct LedgerMigrationTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "wirefeed-ledger-migration-\(UUID().uuidString)"
    ).path

    static let body = """
        Dock workers at the port of Rotterdam voted on Monday to end a strike that had halted container \
        traffic for nine days, the union said, after the terminal operators agreed to raise wages by 4.5 \
        percent this year and to hire two hundred permanent staff. Ships that had queued off the coast \
        began to berth in the afternoon, and the operators expect the backlog to clear by the end of next week.
        """

    func story(_ guid: String, _ headline: String, body: String = body) -> PreparedStory {
        let story = Story(
            guid: guid,
            headline: headline,
            paragraphs: [body],
            html: "<p>Body.</p>",
            slug: headline.lowercased().replacingOccurrences(of: " ", with: "-"),
            feed: FeedReference(id: "desk")
        )
        let key = StoryKey(kind: .guid, value: "desk\u{1F}\(guid)")
        return PreparedStory(story: story, key: key, hash: ContentHash.of(story), uri: key.uri, draft: nil)
    }

    func update(_ stories: [PreparedStory], at date: Date) -> FeedUpdate {
        FeedUpdate(
            feedID: "desk",
            url: "http://127.0.0.1/desk.xml",
            state: FeedState(),
            stories: stories,
            feedLink: nil,
            fetchedAt: date
        )
    }

    /// Writes `ledger.sqlite` as the previous release did: schema v2, one story recorded.
    func writePreviousLedger(with old: PreparedStory, seen: Date) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: directory + "/ledger.sqlite")
        try LedgerSchema.migrator.migrate(queue, upTo: "v2")
        try queue.write { db in
            let time = UTCTime(seen).sqliteText
            try db.execute(
                sql: """
                    INSERT INTO stories (key, feed_id, slug, uri, version, hash, first_created, first_seen, last_seen, spool_name)
                    VALUES (?, 'desk', ?, ?, 1, ?, ?, ?, ?, '000000000001-port-strike-v1')
                    """,
                arguments: [old.key.description, old.story.slug, old.uri, old.hash, time, time, time]
            )
            try db.execute(
                sql: "INSERT INTO hashes (hash, story_id) VALUES (?, ?)",
                arguments: [old.hash, db.lastInsertedRowID]
            )
            try db.execute(sql: "UPDATE counters SET value = 1 WHERE name IN ('spool_sequence', 'published_sequence')")
        }
    }

    @Test func aLedgerOfThePreviousSchemaMigratesInPlaceAndKeepsWorking() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let t0 = Date(timeIntervalSince1970: 1_469_523_600)
        let old = story("a1", "Port strike")
        try writePreviousLedger(with: old, seen: t0)

        let ledger = try Ledger(directory: directory)
        ledger.nearDuplicateWindow = 72 * 3600
        #expect(try ledger.totals().stories == 1, "the old story is kept")

        // The old story is still known by its key and its hash.
        let repeat_ = try ledger.ingest([update([old], at: t0.addingTimeInterval(600))]) { _ in }
        #expect(repeat_.total.repeats == 1 && repeat_.staged.isEmpty)

        // Recorded before fingerprints existed, it has none: a near-copy of it is a new story...
        let resent = story("a1-resent", "UPDATE 1-Port strike", body: Self.body + " The vote was close.")
        let first = try ledger.ingest([update([resent], at: t0.addingTimeInterval(1200))]) { _ in }
        #expect(first.total.newStories == 1 && first.total.nearVersions == 0, "\(first.total)")

        // ...whose own fingerprint is recorded: the next near-copy is its version 2.
        let again = story("a1-again", "CORRECTED-Port strike", body: Self.body + " The vote was very close.")
        let second = try ledger.ingest([update([again], at: t0.addingTimeInterval(1800))]) { entries in
            #expect(entries.map(\.version) == [2])
            #expect(entries.map(\.uri) == [resent.uri])
            #expect(entries.map(\.arrivedAs) == [again.uri])
        }
        #expect(second.total.nearVersions == 1, "\(second.total)")
        #expect(try ledger.nearDuplicateCounts() == ["desk": 1])
    }

    @Test func pruningAStoryTakesItsFingerprintsAndBandsWithIt() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let t0 = Date(timeIntervalSince1970: 1_469_523_600)
        let ledger = try Ledger(directory: directory)
        ledger.nearDuplicateWindow = 72 * 3600
        let summary = try ledger.ingest([update([story("a1", "Port strike")], at: t0)]) { _ in }
        ledger.notePublished(through: summary.lastSequence)
        // The feed serves a body without it later, long after: it is pruned.
        _ = try ledger.ingest([update([story("b1", "Rail deal", body: "Trains run again.")], at: t0 + 40 * 86400)]) {
            _ in
        }
        #expect(try ledger.prune(now: t0 + 41 * 86400, retention: 30 * 86400) == 1)
        let rows = try ledger.read("counting fingerprints") { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fingerprints") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fingerprint_bands") ?? -1
            )
        }
        #expect(rows.0 == 1 && rows.1 == 8, "only the remaining story's fingerprint and its 8 bands: \(rows)")
    }
}
