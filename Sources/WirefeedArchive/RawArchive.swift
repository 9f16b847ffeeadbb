// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Crypto
import Dispatch
import Foundation
import GRDB
import Synchronization
import WirefeedModel

/// The raw archive: every fetched body the pipeline parsed, as the publisher sent it, so that it
/// can be shown, proven and replayed.
///
/// Layout of the folder (`<state>/archive/`):
/// - `objects/ab/abcd….zst`: one zstd frame per distinct body, named by the SHA-256 of the body, so
///   the same body fetched twice, or by two feeds, is stored once. Each is written atomically
///   (temporary file, `fsync`, `rename`, `fsync` of the folder).
/// - `index.sqlite`: one row per fetch (feed, URL, fetch time, status, headers, object), and one
///   per object; SQLite in WAL mode with `synchronous=FULL`, like the ledger.
/// - `tmp/`: temporary files while they are written.
///
/// An object is written before the fetch that refers to it is indexed, and pruning deletes an
/// object only with the last index row that refers to it, so an indexed object exists unless
/// something outside wirefeed removed it. Reading verifies every object against its name.
public final class RawArchive: Sendable {
    /// The archive folder.
    public let directory: String
    private let pool: DatabasePool
    /// The index's `SELECT` of entries: an index opened read-only may predate the `committed` column.
    private let entrySelect: String
    /// Whether the index has the `committed` column (see ``noteCommitted(_:)``).
    private let notesCommits: Bool
    /// Where writes run: off Swift's cooperative pool, since they `fsync` (see ``store(_:)``).
    private let queue = DispatchQueue(label: "wirefeed.archive.store", qos: .utility, attributes: .concurrent)
    /// Where index rows are committed, one burst of stores at a time.
    private let commitQueue = DispatchQueue(label: "wirefeed.archive.commit", qos: .utility)
    private let pending = Mutex<
        [(fetch: PendingFetch, continuation: CheckedContinuation<Result<ArchiveEntry, ArchiveError>, Never>)]
    >([])

    /// Opens (creating and migrating) the archive in `directory`.
    /// - Throws: ``ArchiveError`` when the folder cannot be made or the index cannot be opened.
    public convenience init(directory: String) throws(ArchiveError) {
        try self.init(directory: directory, readOnly: false)
    }

    /// Opens an existing archive without writing to it; nil when `directory` holds none.
    public static func existing(directory: String) throws(ArchiveError) -> RawArchive? {
        guard FileManager.default.fileExists(atPath: directory + "/index.sqlite") else { return nil }
        return try RawArchive(directory: directory, readOnly: true)
    }

    /// Opens an existing archive through a copy of its index made in `copyDirectory`, so that not
    /// even SQLite's shared-memory file in `directory` is touched; nil when `directory` holds none.
    public static func existing(
        directory: String,
        indexCopiedTo copyDirectory: String
    ) throws(ArchiveError)
        -> RawArchive?
    {
        let index = directory + "/index.sqlite"
        guard FileManager.default.fileExists(atPath: index) else { return nil }
        do {
            try FileManager.default.createDirectory(atPath: copyDirectory, withIntermediateDirectories: true)
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: index + suffix) {
                let copy = copyDirectory + "/index.sqlite" + suffix
                try? FileManager.default.removeItem(atPath: copy)
                try FileManager.default.copyItem(atPath: index + suffix, toPath: copy)
            }
        } catch {
            throw ArchiveError(.io, "\(index): cannot be copied to \(copyDirectory): \(error)")
        }
        return try RawArchive(directory: directory, readOnly: true, indexPath: copyDirectory + "/index.sqlite")
    }

    private init(directory: String, readOnly: Bool, indexPath: String? = nil) throws(ArchiveError) {
        self.directory = directory
        let path = indexPath ?? directory + "/index.sqlite"
        do {
            if !readOnly { try Self.makeLayout(directory) }
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.readonly = readOnly
            pool = try DatabasePool(path: path, configuration: configuration)
            if readOnly {
                // An index of an older wirefeed is read as it is: it only lacks the commit order.
                let applied = try pool.read { db in try ArchiveSchema.migrator.appliedIdentifiers(db) }
                let known = Set(ArchiveSchema.migrator.migrations)
                guard applied.contains("v1"), applied.isSubset(of: known) else {
                    throw ArchiveError(.index, "\(path): written by a newer or older wirefeed")
                }
                notesCommits = applied.contains("v2")
                entrySelect = ArchiveSchema.entrySelect(withCommitted: notesCommits)
            } else {
                notesCommits = true
                entrySelect = ArchiveSchema.entrySelect(withCommitted: true)
                // Set after the pool is open: GRDB's WAL set-up lowers every connection to NORMAL.
                try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
                try ArchiveSchema.migrator.migrate(pool)
            }
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw ArchiveError(.index, "\(path): \(error)")
        }
    }

    private static func makeLayout(_ directory: String) throws {
        let manager = FileManager.default
        let objects = directory + "/objects"
        // The 256 shards exist from the start: a write never has to create (and sync) a folder.
        if !manager.fileExists(atPath: objects + "/ff") {
            for byte in 0..<256 {
                let shard = objects + "/" + [UInt8(byte)].hexString
                try manager.createDirectory(atPath: shard, withIntermediateDirectories: true)
            }
            try AtomicFile.syncDirectory(objects)
        }
        try manager.createDirectory(atPath: directory + "/tmp", withIntermediateDirectories: true)
        try AtomicFile.syncDirectory(containing: directory + "/objects")
    }

    /// `objects/ab/abcd….zst` for a body whose SHA-256 is `hash`.
    public static func objectName(_ hash: String) -> String {
        "objects/\(hash.prefix(2))/\(hash).zst"
    }

    /// The path of an entry's object.
    public func objectPath(_ entry: ArchiveEntry) -> String { directory + "/" + entry.objectName }

    // MARK: - Writing

    /// Archives one fetch and returns its entry.
    ///
    /// The work runs off Swift's cooperative pool, which has as many threads as cores: a poll
    /// cycle that blocked them in `fsync` would stall every other poll. Hash, compression and the
    /// object's atomic write run on a concurrent dispatch queue; the index rows of the fetches
    /// that arrive meanwhile are then committed together, in one transaction (one WAL `fsync` for
    /// a burst of polls, not one each: a commit waits for the disk). The calling
    /// task is suspended until its row is committed, which keeps the order the ingest relies on: a
    /// body is in the archive before its stories are in the ledger.
    public func store(_ input: ArchiveInput) async throws(ArchiveError) -> ArchiveEntry {
        let prepared: Result<PendingFetch, ArchiveError> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Result { () throws(ArchiveError) in try self.prepare(input) })
            }
        }
        let fetch = try prepared.get()
        let committed: Result<ArchiveEntry, ArchiveError> = await withCheckedContinuation { continuation in
            let first = pending.withLock { waiting in
                waiting.append((fetch, continuation))
                return waiting.count == 1
            }
            // The first of a burst schedules the commit; the others join it until it starts.
            if first { commitQueue.async { self.commitPending() } }
        }
        return try committed.get()
    }

    /// ``store(_:)`` on the calling thread, which it blocks: for tools and tests, never for a task.
    public func storeNow(_ input: ArchiveInput) throws(ArchiveError) -> ArchiveEntry {
        let fetch = try prepare(input)
        return try index([fetch])[0]
    }

    /// A fetch whose object is written (or known), waiting for its index row.
    struct PendingFetch: Sendable {
        var entry: ArchiveEntry
        var body: [UInt8]
        /// The frame, when this store compressed the body.
        var frame: [UInt8]?
    }

    private func prepare(_ input: ArchiveInput) throws(ArchiveError) -> PendingFetch {
        let hash = input.bodyHash ?? SHA256.hash(data: input.body).hexString
        let path = directory + "/" + Self.objectName(hash)
        var storedSize = try indexRead { db in
            try Int.fetchOne(db, sql: "SELECT stored_size FROM objects WHERE hash = ?", arguments: [hash])
        }
        var frame: [UInt8]?
        if storedSize == nil || !FileManager.default.fileExists(atPath: path) {
            let compressed = try writeObject(input.body, hash: hash)
            storedSize = compressed.count
            frame = compressed
        }
        let entry = ArchiveEntry(
            sequence: 0,
            feedID: input.feedID,
            url: ArchiveRedaction.url(input.url),
            fetchedAt: input.fetchedAt,
            status: input.status,
            headers: ArchiveRedaction.headers(input.headers),
            hash: hash,
            size: input.body.count,
            storedSize: storedSize ?? 0
        )
        return PendingFetch(entry: entry, body: input.body, frame: frame)
    }

    private func writeObject(_ body: [UInt8], hash: String, frame: [UInt8]? = nil) throws(ArchiveError) -> [UInt8] {
        let compressed: [UInt8]
        if let frame { compressed = frame } else { compressed = try Zstd.compress(body) }
        let temporary = directory + "/tmp/\(hash).\(UUID().uuidString)"
        try AtomicFile.write(compressed, to: directory + "/" + Self.objectName(hash), through: temporary)
        return compressed
    }

    /// Commits every fetch waiting for its index row, and resumes their tasks.
    private func commitPending() {
        let batch = pending.withLock { waiting in
            defer { waiting.removeAll() }
            return waiting
        }
        guard !batch.isEmpty else { return }
        do {
            let entries = try index(batch.map(\.fetch))
            for (waiter, entry) in zip(batch, entries) { waiter.continuation.resume(returning: .success(entry)) }
        } catch {
            for waiter in batch { waiter.continuation.resume(returning: .failure(error)) }
        }
    }

    /// Indexes fetches in one transaction (GRDB serializes it with every other write).
    ///
    /// Each object is checked inside the transaction, where a prune cannot run: one that a
    /// prune deleted after ``prepare(_:)`` found it is written again before its row refers to it.
    private func index(_ fetches: [PendingFetch]) throws(ArchiveError) -> [ArchiveEntry] {
        let directory = directory
        return try indexWrite { db in
            var entries: [ArchiveEntry] = []
            for fetch in fetches {
                var entry = fetch.entry
                let known = try Int.fetchOne(
                    db,
                    sql: "SELECT stored_size FROM objects WHERE hash = ?",
                    arguments: [entry.hash]
                )
                if !FileManager.default.fileExists(atPath: directory + "/" + entry.objectName) {
                    entry.storedSize = try writeObject(fetch.body, hash: entry.hash, frame: fetch.frame).count
                    try db.execute(sql: "DELETE FROM objects WHERE hash = ?", arguments: [entry.hash])
                } else if let known {
                    entry.storedSize = known
                }
                try db.execute(
                    sql: "INSERT OR IGNORE INTO objects (hash, size, stored_size) VALUES (?, ?, ?)",
                    arguments: [entry.hash, entry.size, entry.storedSize]
                )
                try db.execute(
                    sql: """
                        INSERT INTO fetches (feed_id, url, fetched_at, status, headers, hash)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        entry.feedID, entry.url, entry.fetchedAt.timeIntervalSinceReferenceDate, entry.status,
                        ArchiveSchema.encode(entry.headers), entry.hash,
                    ]
                )
                entry.sequence = db.lastInsertedRowID
                entries.append(entry)
            }
            return entries
        }
    }

    /// Notes that the ledger committed the stories of these fetches (entries' ``ArchiveEntry/sequence``),
    /// in this order, after those of every fetch noted before: the order ``reader(feeds:from:until:onDamage:)``
    /// replays them in, which fetch times alone do not give (concurrent polls finish, and are
    /// committed, in another order than they started). A fetch noted already keeps its place.
    public func noteCommitted(_ sequences: [Int64]) throws(ArchiveError) {
        guard !sequences.isEmpty else { return }
        try indexWrite { db in
            var next = (try Int64.fetchOne(db, sql: "SELECT MAX(committed) FROM fetches") ?? 0) + 1
            for sequence in sequences {
                try db.execute(
                    sql: "UPDATE fetches SET committed = ? WHERE seq = ? AND committed IS NULL",
                    arguments: [next, sequence]
                )
                if db.changesCount > 0 { next += 1 }
            }
        }
    }

    // MARK: - Pruning

    /// Deletes the entries fetched before `cutoff`, then the objects no entry refers to any more,
    /// and the files an interrupted store left behind (temporary files, and objects it wrote but
    /// never indexed) once they are an hour old.
    ///
    /// The files go inside the index transaction, so that a concurrent ``store(_:)`` of the same
    /// body waits for it and then writes the object again rather than indexing a deleted one.
    @discardableResult
    public func prune(olderThan cutoff: Date) throws(ArchiveError) -> ArchivePruneResult {
        let directory = directory
        var result = try indexWrite { db -> ArchivePruneResult in
            try db.execute(
                sql: "DELETE FROM fetches WHERE fetched_at < ?",
                arguments: [cutoff.timeIntervalSinceReferenceDate]
            )
            let entries = db.changesCount
            guard entries > 0 else { return ArchivePruneResult(entries: 0, objects: 0, bytes: 0, strays: 0) }
            let orphans = try Row.fetchAll(
                db,
                sql: """
                    SELECT hash, stored_size FROM objects
                    WHERE NOT EXISTS (SELECT 1 FROM fetches WHERE fetches.hash = objects.hash)
                    """
            )
            var bytes = 0
            for orphan in orphans {
                let hash: String = orphan["hash"]
                try db.execute(sql: "DELETE FROM objects WHERE hash = ?", arguments: [hash])
                try? FileManager.default.removeItem(atPath: directory + "/" + Self.objectName(hash))
                bytes += orphan["stored_size"] as Int
            }
            return ArchivePruneResult(entries: entries, objects: orphans.count, bytes: bytes, strays: 0)
        }
        // An hour is far longer than any store takes between its object and its index row.
        let settled = Date().addingTimeInterval(-3600)
        removeStaleTemporaryFiles(olderThan: settled)
        result.strays = try removeUnindexedObjects(olderThan: settled)
        return result
    }

    /// Deletes the objects no index row names: left by a crash between an object's write and its
    /// row's commit. Lists the 256 shards; the index's hashes are read once.
    private func removeUnindexedObjects(olderThan limit: Date) throws(ArchiveError) -> Int {
        let known = Set(try indexRead { db in try String.fetchAll(db, sql: "SELECT hash FROM objects") })
        let manager = FileManager.default
        var removed = 0
        for byte in 0..<256 {
            let shard = directory + "/objects/" + [UInt8(byte)].hexString
            for name in (try? manager.contentsOfDirectory(atPath: shard)) ?? [] where name.hasSuffix(".zst") {
                guard !known.contains(String(name.dropLast(4))) else { continue }
                let path = shard + "/" + name
                let modified = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date
                if let modified, modified < limit, (try? manager.removeItem(atPath: path)) != nil { removed += 1 }
            }
        }
        return removed
    }

    private func removeStaleTemporaryFiles(olderThan limit: Date) {
        let manager = FileManager.default
        let folder = directory + "/tmp"
        for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = folder + "/" + name
            let modified = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            if let modified, modified < limit { try? manager.removeItem(atPath: path) }
        }
    }

    // MARK: - Reading

    /// The entries of `feeds` (all feeds when empty) fetched in `from...until` (either end open
    /// when nil), in fetch order; at most `limit`, starting after `cursor`.
    public func entries(
        feeds: [String] = [],
        from: Date? = nil,
        until: Date? = nil,
        after cursor: ArchiveCursor? = nil,
        limit: Int = .max
    ) throws(ArchiveError) -> [ArchiveEntry] {
        var filter = EntryFilter(feeds: feeds, from: from, until: until)
        if let cursor { filter.afterInFetchOrder(cursor) }
        return try entries(filter, orderedBy: "fetched_at, seq", limit: limit)
    }

    /// The entries of `feeds` in `from...until` in the order replay follows: first those whose commit
    /// was not noted (archived by an older wirefeed, or their batch failed) in fetch order, then the
    /// others in the order the ledger committed them; at most `limit`, starting after `cursor`.
    func entriesInReplayOrder(
        feeds: [String],
        from: Date?,
        until: Date?,
        after cursor: ArchiveCursor?,
        limit: Int
    ) throws(ArchiveError) -> [ArchiveEntry] {
        guard notesCommits else {
            return try entries(feeds: feeds, from: from, until: until, after: cursor, limit: limit)
        }
        let filter = EntryFilter(feeds: feeds, from: from, until: until)
        var page: [ArchiveEntry] = []
        if cursor?.committed == nil {
            var unnoted = filter
            unnoted.add("committed IS NULL")
            if let cursor { unnoted.afterInFetchOrder(cursor) }
            page = try entries(unnoted, orderedBy: "fetched_at, seq", limit: limit)
        }
        guard page.count < limit else { return page }
        var noted = filter
        noted.add("committed IS NOT NULL")
        if let committed = cursor?.committed { noted.add("committed > ?", [committed]) }
        return try page + entries(noted, orderedBy: "committed", limit: limit - page.count)
    }

    /// The entries `filter` selects, in `order`, at most `limit`.
    private func entries(
        _ filter: EntryFilter,
        orderedBy order: String,
        limit: Int
    ) throws(ArchiveError)
        -> [ArchiveEntry]
    {
        let condition = filter.conditions.isEmpty ? "" : "WHERE " + filter.conditions.joined(separator: " AND ")
        let sql = "\(entrySelect) \(condition) ORDER BY \(order) LIMIT \(max(limit, 0))"
        let arguments = filter.arguments
        return try indexRead { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(ArchiveSchema.entry) }
    }

    /// The entry of `feed` fetched last at or before `time` (the newest when nil).
    public func entry(feed: String, atOrBefore time: Date? = nil) throws(ArchiveError) -> ArchiveEntry? {
        let at = (time ?? .distantFuture).timeIntervalSinceReferenceDate
        return try indexRead { db in
            try Row.fetchOne(
                db,
                sql: """
                    \(entrySelect) WHERE feed_id = ? AND fetched_at <= ?
                    ORDER BY fetched_at DESC, seq DESC LIMIT 1
                    """,
                arguments: [feed, at]
            ).map(ArchiveSchema.entry)
        }
    }

    /// An entry's body, verified: the object must exist, decompress to the indexed size and hash
    /// to its name.
    /// - Throws: ``ArchiveError/Code/damaged`` naming the object, or ``ArchiveError/Code/io``.
    public func read(_ entry: ArchiveEntry) throws(ArchiveError) -> ArchivedFetch {
        let path = objectPath(entry)
        guard FileManager.default.fileExists(atPath: path) else {
            throw ArchiveError(.damaged, "\(entry.objectName): the object is missing")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ArchiveError(.io, "\(entry.objectName): cannot be read")
        }
        let body: [UInt8]
        do {
            body = try Zstd.decompress([UInt8](data), expectedSize: entry.size)
        } catch {
            throw ArchiveError(.damaged, "\(entry.objectName): \(error.message)")
        }
        guard SHA256.hash(data: body).hexString == entry.hash else {
            throw ArchiveError(.damaged, "\(entry.objectName): the body does not hash to its name")
        }
        return ArchivedFetch(entry: entry, body: body)
    }

    /// The verified fetches of `feeds` (all when empty) in `from...until`, in the order their stories
    /// were committed (see ``noteCommitted(_:)``), else in fetch order; damaged entries are skipped
    /// and reported (see ``ArchiveReader``).
    public func reader(
        feeds: [String] = [],
        from: Date? = nil,
        until: Date? = nil,
        onDamage: @escaping @Sendable (ArchiveDamage) -> Void = { _ in }
    ) -> ArchiveReader {
        ArchiveReader(archive: self, feeds: feeds, from: from, until: until, onDamage: onDamage)
    }

    /// How many entries and objects the archive holds, and their bytes.
    public func statistics() throws(ArchiveError) -> ArchiveStatistics {
        try indexRead { db in
            let entries = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fetches") ?? 0
            let row = try Row.fetchOne(
                db,
                sql: "SELECT COUNT(*), COALESCE(SUM(size), 0), COALESCE(SUM(stored_size), 0) FROM objects"
            )
            return ArchiveStatistics(
                entries: entries,
                objects: row?[0] ?? 0,
                bytes: row?[1] ?? 0,
                storedBytes: row?[2] ?? 0
            )
        }
    }

    /// The feeds that have entries, sorted.
    public func feeds() throws(ArchiveError) -> [String] {
        try indexRead { db in try String.fetchAll(db, sql: "SELECT DISTINCT feed_id FROM fetches ORDER BY feed_id") }
    }

    // MARK: - Index access, with GRDB's errors as ArchiveError

    private func indexRead<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw ArchiveError(.index, "\(directory)/index.sqlite: \(error)")
        }
    }

    private func indexWrite<T>(_ body: (Database) throws -> T) throws(ArchiveError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw ArchiveError(.index, "\(directory)/index.sqlite: \(error)")
        }
    }

    /// `2016-07-26T09:05:00Z`.
    public static func rfc3339(_ date: Date) -> String { UTCTime(date).rfc3339 }
}

/// Where a page of ``RawArchive/entries(feeds:from:until:after:limit:)`` ended.
public struct ArchiveCursor: Sendable, Equatable {
    public var fetchedAt: Double
    public var sequence: Int64
    /// The entry's commit order, for a page in replay order.
    public var committed: Int64?

    public init(after entry: ArchiveEntry) {
        fetchedAt = entry.fetchedAt.timeIntervalSinceReferenceDate
        sequence = entry.sequence
        committed = entry.committed
    }
}

/// The conditions of an entry query and their arguments.
private struct EntryFilter {
    var conditions: [String] = []
    var arguments: StatementArguments = []

    /// Entries of `feeds` (every feed when empty) fetched in `from...until`.
    init(feeds: [String], from: Date?, until: Date?) {
        if !feeds.isEmpty {
            add("feed_id IN (\(databaseQuestionMarks(count: feeds.count)))", StatementArguments(feeds))
        }
        if let from { add("fetched_at >= ?", [from.timeIntervalSinceReferenceDate]) }
        if let until { add("fetched_at <= ?", [until.timeIntervalSinceReferenceDate]) }
    }

    mutating func add(_ condition: String, _ values: StatementArguments = []) {
        conditions.append(condition)
        _ = arguments.append(contentsOf: values)
    }

    /// Only the entries after `cursor` in fetch order.
    mutating func afterInFetchOrder(_ cursor: ArchiveCursor) {
        add("(fetched_at > ? OR (fetched_at = ? AND seq > ?))", [cursor.fetchedAt, cursor.fetchedAt, cursor.sequence])
    }
}
