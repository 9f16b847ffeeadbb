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
    let desk = DeskFixture()
    var directory: String { desk.directory }
    static let body = DeskFixture.body

    func story(_ guid: String, _ headline: String, body: String = body) -> PreparedStory {
        desk.story(guid, headline, body: body)
    }

    func update(_ stories: [PreparedStory], at date: Date) -> FeedUpdate {
        desk.update(stories, at: date)
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

    @Test func aFingerprintRecordedByTheBandedSchemaStillFindsItsNearCopies() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let t0 = Date(timeIntervalSince1970: 1_469_523_600)
        let old = story("a1", "Port strike")
        try writePreviousLedger(with: old, seen: t0)
        // Schema v3 kept fingerprints keyed by hash, beside their band rows.
        let queue = try DatabaseQueue(path: directory + "/ledger.sqlite")
        try LedgerSchema.migrator.migrate(queue, upTo: "v3")
        let fingerprint = TextFingerprint(headline: old.story.headline, paragraphs: old.story.paragraphs)
        func blob(_ words: [UInt64]) -> Data {
            Data(words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64($0 * 8)) } })
        }
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO fingerprints (hash, story_id, feed_id, first_seen, sim_hash, sketch, anchors)
                    SELECT hash, story_id, 'desk', ?, ?, ?, ? FROM hashes
                    """,
                arguments: [
                    UTCTime(t0).sqliteText, Int64(bitPattern: fingerprint.simHash), blob(fingerprint.sketch),
                    blob(fingerprint.anchors),
                ]
            )
            for key in FingerprintBands.keys(of: fingerprint.simHash, maxDistance: 7) {
                try db.execute(
                    sql: "INSERT INTO fingerprint_bands (band, hash) SELECT ?, hash FROM hashes",
                    arguments: [key]
                )
            }
        }
        try queue.close()

        let ledger = try Ledger(directory: directory)
        ledger.nearDuplicateWindow = 72 * 3600
        let resent = story("a2", "UPDATE 1-Port strike", body: Self.body + " The vote was close.")
        let summary = try ledger.ingest([update([resent], at: t0.addingTimeInterval(600))]) { entries in
            #expect(entries.map(\.uri) == [old.uri])
            #expect(entries.map(\.version) == [2])
        }
        #expect(summary.total.nearVersions == 1, "\(summary.total)")
    }

    @Test func pruningAStoryTakesItsFingerprintWithIt() throws {
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
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fingerprints") ?? -1
        }
        #expect(rows == 1, "only the remaining story's fingerprint")
    }
}
