// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import GRDB
import Synchronization
import WirefeedDedupe
import WirefeedModel

/// The ledger: SQLite in WAL mode (`<state>/ledger.sqlite`), through GRDB. It holds the feeds (HTTP
/// cache state, schedule, health), the stories (identity, slug, current version, hash, first and last
/// seen, spool file), every content hash seen, aliases and tombstones.
///
/// Commits are `synchronous=FULL`: a story recorded as staged survives a power cut, so the spool
/// never gets it twice.
public final class Ledger: Sendable {
    let pool: DatabasePool
    public let path: String
    /// The published watermark noted since the last transaction.
    private let pendingPublished = Mutex<Int64?>(nil)
    private let nearWindow = Mutex<TimeInterval>(0)
    let nearIndex = NearDuplicateIndex()

    /// How far back the near-duplicate tier looks for a story whose text an item copies; 0 (the
    /// default) turns the tier off. The daemon sets it from `near_duplicate_window`.
    public var nearDuplicateWindow: TimeInterval {
        get { nearWindow.withLock { $0 } }
        set { nearWindow.withLock { $0 = newValue } }
    }

    /// Opens (creating and migrating) the ledger in `directory`.
    /// - Throws: an error that names the ledger's path.
    public init(directory: String) throws {
        path = directory + "/ledger.sqlite"
        do {
            pool = try Self.open(directory: directory, path: path)
        } catch {
            throw LedgerOpenError(path: path, cause: "\(error)")
        }
        // Set on the writer after the pool is open: GRDB's WAL set-up lowers every connection to
        // NORMAL after `prepareDatabase`, which would leave the last commits to a power cut.
        // A larger page cache keeps the random-keyed indexes (story key, slug, content hash) of a
        // large batch in memory; rarer checkpoints copy an index page that several commits rewrite
        // into the database once. Figures: docs/benchmarks.md, "The ledger's page cache".
        do {
            try pool.writeWithoutTransaction { db in
                try db.execute(
                    sql: "PRAGMA synchronous = FULL; PRAGMA cache_size = -16384; PRAGMA wal_autocheckpoint = 8192"
                )
            }
            try LedgerSchema.migrator.migrate(pool)
        } catch {
            throw LedgerOpenError(path: path, cause: "\(error)")
        }
    }

    /// Creates the state folder (0750) and the ledger file (0640) when they are missing, whatever
    /// the umask: the ledger holds every feed's URL and health. SQLite gives the -wal and -shm
    /// files the database file's mode.
    private static func open(directory: String, path: String) throws -> DatabasePool {
        let files = FileManager.default
        if !files.fileExists(atPath: directory) {
            try files.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o750]
            )
        }
        if !files.fileExists(atPath: path) {
            guard files.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o640]) else {
                throw CocoaError(.fileWriteNoPermission)
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return try DatabasePool(path: path, configuration: configuration)
    }

    // MARK: - Feeds

    /// The saved state of every feed, by id.
    public func feedStates() throws -> [String: FeedState] {
        try read("reading feed states") { db in
            var states: [String: FeedState] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, state FROM feeds") {
                let id: String = row["id"]
                let data: Data = row["state"]
                states[id] = try LedgerCoding.decoder.decode(FeedState.self, from: data)
            }
            return states
        }
    }

    /// Saves feed states alone (polls that brought no body).
    public func saveFeedStates(_ states: [(id: String, url: String, state: FeedState)]) throws {
        guard !states.isEmpty else { return }
        try write("saving feed states") { db in
            for entry in states { try Self.saveFeed(db, id: entry.id, url: entry.url, state: entry.state, bodyAt: nil) }
        }
    }

    static func saveFeed(_ db: Database, id: String, url: String, state: FeedState, bodyAt: Date?) throws {
        let data = try LedgerCoding.encoder.encode(state)
        try db.execute(
            sql: """
                INSERT INTO feeds (id, url, state, last_body_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET url = excluded.url, state = excluded.state,
                    last_body_at = COALESCE(excluded.last_body_at, feeds.last_body_at)
                """,
            arguments: [id, url, data, bodyAt.map { UTCTime($0).sqliteText }]
        )
    }

    // MARK: - Spool bookkeeping

    /// The spool names recorded as staged — written to `tmp/`, perhaps not yet renamed into
    /// `new/`: those after the published watermark — each with the name its files have in `tmp/`
    /// (a draft's, or the same).
    public func stagedNames() throws -> [String: String] {
        try read("reading staged names") { db in
            let published = try Self.publishedSequence(db)
            var staged: [String: String] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT spool_name, staged_from FROM stories WHERE spool_name >= ?",
                arguments: [SpoolName.sequencePrefix(published + 1)]
            ) {
                let name: String = row["spool_name"]
                staged[name] = row["staged_from"] ?? name
            }
            return staged
        }
    }

    /// Notes that every spool name up to `sequence` is in `new/`. The watermark is recorded with
    /// the next batch (no transaction of its own); a crash before that only makes the start-up
    /// reconciliation check those names again.
    public func notePublished(through sequence: Int64) {
        pendingPublished.withLock { $0 = max($0 ?? 0, sequence) }
    }

    /// Records now that every spool name staged so far is in `new/` (after a reconciliation).
    public func recordAllPublished() throws {
        try write("recording the published watermark") { db in
            try db.execute(
                sql:
                    "UPDATE counters SET value = (SELECT value FROM counters WHERE name = 'spool_sequence') WHERE name = 'published_sequence'"
            )
        }
        pendingPublished.withLock { $0 = nil }
    }

    /// Writes the noted watermark, in the caller's transaction.
    func recordNotedPublished(_ db: Database) throws {
        guard let sequence = pendingPublished.withLock({ $0 }) else { return }
        try db.execute(
            sql: "UPDATE counters SET value = MAX(value, ?) WHERE name = 'published_sequence'",
            arguments: [sequence]
        )
    }

    static func publishedSequence(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT value FROM counters WHERE name = 'published_sequence'") ?? 0
    }

    /// Which of these content hashes the ledger has seen (a story with one is a repeat or a
    /// duplicate, not worth rendering ahead).
    public func knownHashes(_ hashes: [String]) throws -> Set<String> {
        guard !hashes.isEmpty else { return [] }
        return try read("looking up content hashes") { db in
            let statement = try db.cachedStatement(sql: "SELECT 1 FROM hashes WHERE hash = ?")
            return Set(try hashes.filter { try Bool.fetchOne(statement, arguments: [$0]) ?? false })
        }
    }

    // MARK: - Retention

    /// Prunes stories not seen for `retention` that their feed no longer carries (their feed has
    /// served a body since they were last seen); their keys become tombstones, so that a feed
    /// re-surfacing them does not bring them back.
    /// - Returns: how many stories were pruned.
    @discardableResult
    public func prune(now: Date, retention: TimeInterval) throws -> Int {
        let cutoff = now.addingTimeInterval(-retention)
        return try write("pruning") { db in
            // Never a version still on its way into new/.
            let unpublished = SpoolName.sequencePrefix(try Self.publishedSequence(db) + 1)
            let condition = """
                stories.last_seen < ? AND stories.spool_name < '\(unpublished)'
                AND stories.last_seen < COALESCE((SELECT last_body_at FROM feeds WHERE feeds.id = stories.feed_id), 0)
                """
            // Usually there is nothing to prune: one scan says so, and nothing is written.
            guard
                try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM stories WHERE \(condition))",
                    arguments: [cutoff]
                ) == true
            else {
                return 0
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO tombstones (key, pruned_at) SELECT key, ? FROM stories WHERE \(condition)",
                arguments: [now, cutoff]
            )
            try db.execute(
                sql:
                    "INSERT OR IGNORE INTO tombstones (key, pruned_at) SELECT aliases.key, ? FROM aliases JOIN stories ON stories.id = aliases.story_id WHERE \(condition)",
                arguments: [now, cutoff]
            )
            try db.execute(sql: "DELETE FROM stories WHERE \(condition)", arguments: [cutoff])
            let pruned = db.changesCount
            // Aliases and hashes go with their story (ON DELETE CASCADE).
            return pruned
        }
    }

    // MARK: - Status

    /// Per-feed story counts: total, and first seen since `since`.
    public func storyCounts(since: Date) throws -> [String: (total: Int, recent: Int)] {
        try read("counting stories") { db in
            var counts: [String: (Int, Int)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT feed_id, COUNT(*) AS total, SUM(first_seen >= ?) AS recent FROM stories GROUP BY feed_id",
                arguments: [since]
            ) {
                counts[row["feed_id"]] = (row["total"], row["recent"] ?? 0)
            }
            return counts
        }
    }

    /// Per-feed counts of the items the near-duplicate tier recorded as an alias (a near-copy of
    /// another feed's story, or a version of the feed's own).
    public func nearDuplicateCounts() throws -> [String: Int] {
        try read("counting near-duplicates") { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT feed_id, COUNT(*) AS total FROM aliases WHERE near = 1 GROUP BY feed_id"
            ) {
                counts[row["feed_id"]] = row["total"]
            }
            return counts
        }
    }

    /// The number of stories, aliases and tombstones, and the file's size.
    public func totals() throws -> (stories: Int, aliases: Int, tombstones: Int) {
        try read("counting totals") { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM stories") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM aliases") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tombstones") ?? 0
            )
        }
    }

    /// The writer's `PRAGMA synchronous` level (2 is FULL: every commit is fsync'd).
    public func commitSynchronousLevel() throws -> Int {
        try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 0 }
    }

    /// Checkpoints the WAL into the database file (at shutdown).
    public func checkpoint() throws {
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
}

extension Ledger {
    /// Reads in a transaction; an SQLite failure becomes a ``LedgerError`` naming `operation`.
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw LedgerError(path: path, operation: operation, cause: "\(error)")
        }
    }

    /// Writes in a transaction; an SQLite failure becomes a ``LedgerError`` naming `operation`.
    /// Errors `body` throws of its own (the spool's, say) pass unchanged.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let error as DatabaseError {
            throw LedgerError(path: path, operation: operation, cause: "\(error)")
        }
    }
}

enum LedgerCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()
}

/// A ledger that opened failed later (a full disk, a file made read-only, corruption): its path,
/// what was being done, and SQLite's reason.
public struct LedgerError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var cause: String

    public var description: String { "ledger \(path): \(operation) failed: \(cause)" }
}

/// The ledger could not be opened: its path and the reason.
public struct LedgerOpenError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var cause: String

    public var description: String { "ledger \(path): \(cause)" }
}
