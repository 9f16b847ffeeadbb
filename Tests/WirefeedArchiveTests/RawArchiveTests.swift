// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import GRDB
import Synchronization
import Testing
import WirefeedArchive
import WirefeedTesting

/// The archive on real files: real zstd frames, a real SQLite index, real `rename(2)`.
struct RawArchiveTests {
    static let t0 = Date(utc: "2026-12-07T01:00:00Z")

    let directory: String
    let archive: RawArchive

    init() throws {
        directory =
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "wirefeed-archive-\(UUID().uuidString)"
            ).path
        archive = try RawArchive(directory: directory)
    }

    static func body(_ text: String, repeating count: Int = 40) -> [UInt8] {
        let items = (0..<count).map {
            "<item><title>\(text) \($0)</title><description>Paragraph \($0) of the story.</description></item>"
        }
        return Array("<rss version=\"2.0\"><channel><title>\(text)</title>\(items.joined())</channel></rss>".utf8)
    }

    static func input(
        _ feed: String,
        _ body: [UInt8],
        at minutes: Double,
        headers: [ArchiveHeader] = []
    ) -> ArchiveInput {
        ArchiveInput(
            feedID: feed,
            url: "https://wire.example.com/\(feed).xml",
            fetchedAt: t0.addingTimeInterval(minutes * 60),
            status: 200,
            headers: headers,
            body: body
        )
    }

    func objectFiles() throws -> [String] {
        let objects = directory + "/objects"
        return try FileManager.default.contentsOfDirectory(atPath: objects).flatMap { shard in
            try FileManager.default.contentsOfDirectory(atPath: objects + "/" + shard).map { "objects/\(shard)/\($0)" }
        }.sorted()
    }

    @Test func aFetchIsArchivedCompressedAndReadsBackWithItsMetadata() async throws {
        let body = Self.body("World desk")
        let stored = try await archive.store(
            ArchiveInput(
                feedID: "world",
                url: "https://newsroom:s3cret@wire.example.com/world.xml?region=eu&token=abc123",
                fetchedAt: Self.t0,
                status: 200,
                headers: [
                    ArchiveHeader(name: "Content-Type", value: "application/rss+xml; charset=utf-8"),
                    ArchiveHeader(name: "Set-Cookie", value: "session=secret"),
                    ArchiveHeader(name: "ETag", value: "\"v1\""),
                    ArchiveHeader(name: "X-Auth-Token", value: "secret"),
                ],
                body: body
            )
        )
        #expect(stored.url == "https://wire.example.com/world.xml?region=eu&token=REDACTED")
        #expect(stored.headers.map(\.name) == ["Content-Type", "ETag"])
        #expect(stored.storedSize < body.count / 3, "zstd stores a repetitive feed in a fraction of its bytes")

        let entries = try archive.entries()
        #expect(entries == [stored], "the index gives back what was stored")
        #expect(stored.feedID == "world" && stored.fetchedAt == Self.t0 && stored.status == 200)
        #expect(stored.size == body.count)
        let fetch = try archive.read(try #require(entries.first))
        #expect(fetch.body == body)
        #expect(fetch.header("content-type") == "application/rss+xml; charset=utf-8")
        #expect(try objectFiles() == [stored.objectName])
        let onDisk = try FileManager.default.attributesOfItem(atPath: archive.objectPath(stored))[.size] as? Int
        #expect(onDisk == stored.storedSize)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/tmp").isEmpty)
    }

    @Test func theSameBodyFetchedTwiceOrByTwoFeedsIsStoredOnce() throws {
        let body = Self.body("Shared wire copy")
        let first = try archive.storeNow(Self.input("world", body, at: 0))
        let again = try archive.storeNow(Self.input("world", body, at: 5))
        let syndicated = try archive.storeNow(Self.input("partner", body, at: 6))
        #expect(Set([first.hash, again.hash, syndicated.hash]).count == 1)
        #expect(try objectFiles() == [first.objectName])
        let statistics = try archive.statistics()
        #expect(statistics.entries == 3)
        #expect(statistics.objects == 1)
        #expect(statistics.bytes == body.count)
        #expect(try archive.feeds() == ["partner", "world"])
    }

    @Test func concurrentStoresOfTheSameBodiesIndexEveryFetchAndStoreEachBodyOnce() async throws {
        let bodies = (0..<5).map { Self.body("Desk \($0)") }
        try await withThrowingTaskGroup(of: ArchiveEntry.self) { group in
            for index in 0..<40 {
                let input = Self.input("feed-\(index % 8)", bodies[index % 5], at: Double(index))
                group.addTask { try await archive.store(input) }
            }
            try await group.waitForAll()
        }
        let statistics = try archive.statistics()
        #expect(statistics.entries == 40)
        #expect(statistics.objects == 5)
        #expect(try objectFiles().count == 5)
        var reader = archive.reader()
        var read = 0
        while try reader.next() != nil { read += 1 }
        #expect(read == 40)
        #expect(reader.damaged.isEmpty)
    }

    @Test func entriesComeInFetchOrderWithinFeedsAndATimeRange() throws {
        // Archived out of order: fetch time decides, then the order of archiving.
        _ = try archive.storeNow(Self.input("world", Self.body("w3"), at: 30))
        _ = try archive.storeNow(Self.input("world", Self.body("w1"), at: 10))
        _ = try archive.storeNow(Self.input("sport", Self.body("s2"), at: 20))
        _ = try archive.storeNow(Self.input("sport", Self.body("s2b"), at: 20))
        _ = try archive.storeNow(Self.input("business", Self.body("b4"), at: 40))

        func titles(_ feeds: [String] = [], from: Double? = nil, until: Double? = nil) throws -> [String] {
            try Self.titles(
                archive.reader(
                    feeds: feeds,
                    from: from.map { Self.t0.addingTimeInterval($0 * 60) },
                    until: until.map { Self.t0.addingTimeInterval($0 * 60) }
                )
            )
        }
        #expect(try titles() == ["w1", "s2", "s2b", "w3", "b4"])
        #expect(try titles(["world", "business"]) == ["w1", "w3", "b4"])
        #expect(try titles(from: 20, until: 30) == ["s2", "s2b", "w3"], "both ends are inclusive")
        #expect(try titles(["sport"], from: 21) == [])
    }

    /// The titles of what a reader gives, in its order.
    static func titles(_ reader: ArchiveReader) throws -> [String] {
        var reader = reader
        var titles: [String] = []
        while let fetch = try reader.next() {
            let text = String(decoding: fetch.body, as: UTF8.self)
            let start = try #require(text.range(of: "<title>"))
            titles.append(String(text[start.upperBound...].prefix { $0 != "<" }))
        }
        return titles
    }

    @Test func aReaderFollowsTheNotedCommitOrderAfterTheUnnotedFetchesInFetchOrder() throws {
        let a = try archive.storeNow(Self.input("a", Self.body("a"), at: 10))
        let b = try archive.storeNow(Self.input("b", Self.body("b"), at: 10))
        let c = try archive.storeNow(Self.input("c", Self.body("c"), at: 5))
        _ = try archive.storeNow(Self.input("old", Self.body("old"), at: 20))
        // Committed b, c, then a; the second note of b keeps its first place.
        try archive.noteCommitted([b.sequence, c.sequence])
        try archive.noteCommitted([a.sequence, b.sequence])
        #expect(try Self.titles(archive.reader()) == ["old", "b", "c", "a"])
        #expect(try archive.entries().map(\.committed) == [2, 3, 1, nil], "entries() stays in fetch order")
        #expect(try Self.titles(archive.reader(feeds: ["a", "c"])) == ["c", "a"])
        #expect(try Self.titles(archive.reader(from: Self.t0.addingTimeInterval(600))) == ["old", "b", "a"])
    }

    @Test func aReaderPagesThroughMoreNotedEntriesThanOnePageInCommitOrder() throws {
        let body = Self.body("Paged")
        var sequences: [Int64] = []
        for minute in 0..<600 {
            sequences.append(try archive.storeNow(Self.input("f\(minute % 3)", body, at: 1)).sequence)
        }
        try archive.noteCommitted(Array(sequences.reversed().dropFirst(100)))
        var reader = archive.reader()
        var order: [Int64] = []
        while let fetch = try reader.next() { order.append(fetch.entry.sequence) }
        #expect(order == Array(sequences.suffix(100)) + Array(sequences.reversed().dropFirst(100)))
    }

    @Test func anIndexFromBeforeCommitOrderIsReadInFetchOrderAndMigratedWhenWritten() throws {
        _ = try archive.storeNow(Self.input("world", Self.body("w2"), at: 20))
        _ = try archive.storeNow(Self.input("world", Self.body("w1"), at: 10))
        // The index as the first release wrote it: no `committed` column, no `v2` migration.
        let old = try DatabaseQueue(path: directory + "/index.sqlite")
        try old.write { db in
            try db.execute(
                sql: """
                    DROP INDEX fetches_committed;
                    ALTER TABLE fetches DROP COLUMN committed;
                    DELETE FROM grdb_migrations WHERE identifier = 'v2';
                    """
            )
        }
        try old.close()
        let reading = try #require(try RawArchive.existing(directory: directory))
        #expect(try Self.titles(reading.reader()) == ["w1", "w2"])
        #expect(try reading.entries().allSatisfy { $0.committed == nil })
        let copied = try #require(try RawArchive.existing(directory: directory, indexCopiedTo: directory + "-copy"))
        #expect(try Self.titles(copied.reader()) == ["w1", "w2"])
        let writing = try RawArchive(directory: directory)
        try writing.noteCommitted(try writing.entries().map(\.sequence).reversed())
        #expect(try Self.titles(writing.reader()) == ["w2", "w1"])
    }

    @Test func aReaderPagesThroughMoreEntriesThanOnePage() throws {
        let body = Self.body("Paged")
        for minute in 0..<600 { _ = try archive.storeNow(Self.input("f\(minute % 3)", body, at: Double(600 - minute))) }
        var reader = archive.reader()
        var times: [Date] = []
        while let fetch = try reader.next() { times.append(fetch.entry.fetchedAt) }
        #expect(times.count == 600)
        #expect(times == times.sorted())
        #expect(Set(times).count == 600)
    }

    @Test func atFindsTheEntryFetchedLastAtOrBeforeATime() throws {
        let first = try archive.storeNow(Self.input("world", Self.body("v1"), at: 10))
        let second = try archive.storeNow(Self.input("world", Self.body("v2"), at: 20))
        let third = try archive.storeNow(Self.input("world", Self.body("v3"), at: 30))
        _ = try archive.storeNow(Self.input("sport", Self.body("other"), at: 25))
        func at(_ minutes: Double?) throws -> Int64? {
            try archive.entry(feed: "world", atOrBefore: minutes.map { Self.t0.addingTimeInterval($0 * 60) })?.sequence
        }
        #expect(try at(20) == second.sequence, "a fetch exactly at the time counts")
        #expect(try at(29.9) == second.sequence)
        #expect(try at(10) == first.sequence)
        #expect(try at(9) == nil)
        #expect(try at(nil) == third.sequence, "without a time: the newest")
        #expect(try archive.entry(feed: "nobody") == nil)
    }

    @Test func pruneDeletesOldEntriesAndOnlyTheObjectsNothingRefersTo() throws {
        let onlyOld = try archive.storeNow(Self.input("world", Self.body("old only"), at: 0))
        let shared = try archive.storeNow(Self.input("world", Self.body("old and new"), at: 1))
        _ = try archive.storeNow(Self.input("partner", Self.body("old and new"), at: 100))
        let onlyNew = try archive.storeNow(Self.input("world", Self.body("new only"), at: 101))

        let pruned = try archive.prune(olderThan: Self.t0.addingTimeInterval(50 * 60))
        #expect(pruned.entries == 2)
        #expect(pruned.objects == 1)
        #expect(pruned.bytes == onlyOld.storedSize)
        #expect(try objectFiles() == [shared.objectName, onlyNew.objectName].sorted())
        let left = try archive.entries()
        #expect(left.map(\.feedID) == ["partner", "world"])
        for entry in left { #expect(try archive.read(entry).entry == entry) }
        #expect(try archive.prune(olderThan: Self.t0.addingTimeInterval(50 * 60)).entries == 0, "nothing twice")

        // A pruned body fetched again is written again.
        let back = try archive.storeNow(Self.input("world", Self.body("old only"), at: 200))
        #expect(try archive.read(back).body == Self.body("old only"))
    }

    @Test func aStoreRacingAPruneOfItsBodyNeverIndexesAMissingObject() async throws {
        let body = Self.body("raced")
        for round in 0..<20 {
            // The body's only entry is old: the prune deletes its object while the store, which
            // may have found it already, indexes a new fetch of it.
            _ = try archive.storeNow(Self.input("world", body, at: Double(round * 10)))
            let cutoff = Self.t0.addingTimeInterval(Double(round * 10 + 5) * 60)
            let input = Self.input("world", body, at: Double(round * 10 + 6))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { _ = try await archive.store(input) }
                group.addTask { _ = try archive.prune(olderThan: cutoff) }
                try await group.waitForAll()
            }
        }
        var reader = archive.reader()
        while try reader.next() != nil {}
        #expect(reader.damaged.isEmpty, "\(reader.damaged)")
        #expect(reader.verified >= 1)
    }

    @Test func pruneRemovesObjectsNoRowNamesOnceTheyAreAnHourOld() throws {
        let indexed = try archive.storeNow(Self.input("world", Self.body("indexed"), at: 0))
        // What a crash between an object's write and its row's commit leaves: files, no rows.
        let strayOld = directory + "/" + RawArchive.objectName(String(repeating: "ab", count: 32))
        let strayNew = directory + "/" + RawArchive.objectName(String(repeating: "cd", count: 32))
        let tmpOld = directory + "/tmp/" + String(repeating: "ef", count: 32) + ".partial"
        for path in [strayOld, strayNew, tmpOld] {
            #expect(FileManager.default.createFile(atPath: path, contents: Data([1, 2, 3])))
        }
        let twoHoursAgo = Date().addingTimeInterval(-7200)
        for path in [strayOld, tmpOld] {
            try FileManager.default.setAttributes([.modificationDate: twoHoursAgo], ofItemAtPath: path)
        }
        try FileManager.default.setAttributes(
            [.modificationDate: twoHoursAgo],
            ofItemAtPath: archive.objectPath(indexed)
        )

        let pruned = try archive.prune(olderThan: Self.t0.addingTimeInterval(-60))
        #expect(pruned.entries == 0)
        #expect(pruned.strays == 1)
        #expect(!FileManager.default.fileExists(atPath: strayOld))
        #expect(!FileManager.default.fileExists(atPath: tmpOld))
        #expect(FileManager.default.fileExists(atPath: strayNew), "a store may still be about to index it")
        #expect(try archive.read(indexed).body == Self.body("indexed"), "an indexed object stays, however old")
    }

    @Test(arguments: ["flipped byte", "truncated", "missing"])
    func aDamagedObjectIsReportedByNameAndSkipped(damage: String) throws {
        let before = try archive.storeNow(Self.input("world", Self.body("before"), at: 1))
        let damaged = try archive.storeNow(Self.input("world", Self.body("damaged"), at: 2))
        let after = try archive.storeNow(Self.input("world", Self.body("after"), at: 3))
        let path = archive.objectPath(damaged)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        switch damage {
        case "flipped byte": bytes[bytes.count / 2] ^= 0x40
        case "truncated": bytes.removeLast(bytes.count / 3)
        default: bytes = []
        }
        if damage == "missing" {
            try FileManager.default.removeItem(atPath: path)
        } else {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }

        let reported = Mutex<[String]>([])
        var reader = archive.reader(onDamage: { damage in reported.withLock { $0.append(damage.description) } })
        var read: [Int64] = []
        while let fetch = try reader.next() { read.append(fetch.entry.sequence) }
        #expect(read == [before.sequence, after.sequence])
        #expect(reader.damaged.map(\.entry) == [damaged])
        #expect(reader.verified == 2)
        let line = try #require(reported.withLock { $0 }.first)
        #expect(line.hasPrefix(damaged.objectName), "the report names the object: \(line)")
        #expect(line.contains("feed world"))
        do {
            _ = try archive.read(damaged)
            Issue.record("a damaged object was read")
        } catch {
            #expect(error.code == .damaged)
        }
    }

    @Test func anObjectWhoseBodyDoesNotHashToItsNameIsDamaged() throws {
        let real = try archive.storeNow(Self.input("world", Self.body("real"), at: 1))
        let other = try archive.storeNow(Self.input("world", Self.body("fake"), at: 2))
        // A valid frame of another body, under the first body's name (same size is not needed:
        // the size check or the hash check must catch it).
        try FileManager.default.removeItem(atPath: archive.objectPath(real))
        try FileManager.default.copyItem(atPath: archive.objectPath(other), toPath: archive.objectPath(real))
        #expect(real.size == other.size, "so that only the hash tells them apart")
        do {
            _ = try archive.read(real)
            Issue.record("a body under another's name was read")
        } catch {
            #expect(error.code == .damaged)
            #expect(error.message.contains("does not hash to its name"))
        }
        #expect(try archive.read(other).body == Self.body("fake"))
    }

    @Test func aReadOnlyOpenSeesWhatTheWriterArchivedAndNothingWhereNoArchiveIs() throws {
        let stored = try archive.storeNow(Self.input("world", Self.body("seen"), at: 1))
        let reading = try #require(try RawArchive.existing(directory: directory))
        #expect(try reading.entries().map(\.hash) == [stored.hash])
        #expect(try RawArchive.existing(directory: directory + "-nowhere") == nil)
    }
}

struct ArchiveRedactionTests {
    @Test(arguments: [
        ("https://user:pass@wire.example.com/feed.xml", "https://wire.example.com/feed.xml"),
        ("http://token@wire.example.com:8080/a?b=1", "http://wire.example.com:8080/a?b=1"),
        (
            "https://wire.example.com/feed?api_key=k1&page=2#top",
            "https://wire.example.com/feed?api_key=REDACTED&page=2#top"
        ),
        (
            "https://wire.example.com/feed?Token=k&sig=s&key=x",
            "https://wire.example.com/feed?Token=REDACTED&sig=REDACTED&key=REDACTED"
        ),
        ("https://wire.example.com/a@b/feed", "https://wire.example.com/a@b/feed"),
        ("https://wire.example.com/feed?flag", "https://wire.example.com/feed?flag"),
    ])
    func urlsLoseTheirUserinfoAndSecretQueryValues(url: String, expected: String) {
        #expect(ArchiveRedaction.url(url) == expected)
    }

    @Test func headersLoseCookiesAndCredentials() {
        let headers = [
            "Content-Type", "Set-Cookie", "ETag", "Authorization", "x-amz-security-token", "Last-Modified",
            "X-Session-Id", "Cache-Control",
        ].map { ArchiveHeader(name: $0, value: "v") }
        #expect(
            ArchiveRedaction.headers(headers).map(\.name) == ["Content-Type", "ETag", "Last-Modified", "Cache-Control"]
        )
    }
}
