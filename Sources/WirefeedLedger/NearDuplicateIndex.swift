// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import GRDB
import Synchronization
import WirefeedDedupe
import WirefeedModel

/// The ledger's fingerprint index: each story version's ``TextFingerprint`` in the
/// `fingerprints` table beside its content hash, and the SimHashes of the versions within the
/// window in memory (a ``SimHashIndex``), so that a lookup reads no table but for the few
/// candidates within the rule's distance.
///
/// The memory is loaded from the table at the first lookup, and again whenever it may have missed
/// a row: after a transaction of this ledger rolled back, or when another connection committed
/// (SQLite's `data_version`). A row it still holds after the table lost it (pruned) is read as
/// absent, so the memory can be ahead of the table but never behind it.
final class NearDuplicateIndex: Sendable {
    static let rule = NearDuplicateRule.standard
    /// How far behind the window the memory keeps entries when it drops older ones, so that a
    /// lookup for an earlier fetch time in the same batch does not need a reload.
    static let compactionMargin: TimeInterval = 3600
    /// How many inserts may pass between two drops of the entries older than the window.
    static let insertsPerCompaction = 4096

    private struct Entry: Hashable, Sendable {
        /// The row's id in `fingerprints`.
        var row: Int64
        var firstSeen: String
    }

    private struct Memory: Sendable {
        var simHashes = SimHashIndex<Entry>(maxDistance: NearDuplicateIndex.rule.maxDistance)
        /// The earliest `first_seen` the memory holds every row from; nil when it is not loaded.
        var loadedSince: String?
        /// The writer connection's `data_version` when the memory was last in step with the table.
        var dataVersion: Int64?
        var insertsSinceCompaction = 0
    }

    private let memory = Mutex(Memory())

    /// Records the fingerprint of the version whose content hash is `hash`.
    func insert(
        _ db: Database,
        _ fingerprint: TextFingerprint,
        hash: String,
        storyID: Int64,
        feedID: String,
        seen: String
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO fingerprints (hash, story_id, feed_id, first_seen, sim_hash, sketch, anchors)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            hash, storyID, feedID, seen, Int64(bitPattern: fingerprint.simHash),
            Self.blob(fingerprint.sketch), Self.blob(fingerprint.anchors),
        ])
        guard db.changesCount == 1 else { return }
        let row = db.lastInsertedRowID
        memory.withLock { memory in
            guard memory.loadedSince != nil else { return }
            memory.simHashes.insert(fingerprint.simHash, id: Entry(row: row, firstSeen: seen))
            memory.insertsSinceCompaction += 1
        }
    }

    /// Forgets the memory, so that the next lookup loads it from the table: call it when a
    /// transaction that inserted rolls back.
    func invalidate() {
        memory.withLock { $0 = Memory() }
    }

    /// The story, first seen at `since` or later, whose text the rule accepts as a near-copy of
    /// `fingerprint`: the closest by SimHash distance, the earliest on a tie. Sketches are read
    /// only for the candidates within the rule's distance.
    func match(_ db: Database, _ fingerprint: TextFingerprint, since: Date) throws -> NearMatch? {
        let sinceText = UTCTime(since).sqliteText
        let close = try memory.withLock { memory in
            try synchronize(&memory, db, since: since, sinceText: sinceText)
            return memory.simHashes.neighbours(of: fingerprint.simHash).filter { $0.id.firstSeen >= sinceText }
        }
        guard !close.isEmpty else { return nil }
        let candidate = try db.cachedStatement(
            sql: """
                SELECT fingerprints.feed_id AS feed_id, sim_hash, sketch, anchors,
                       stories.id AS id, stories.version AS version, stories.hash AS current_hash
                FROM fingerprints JOIN stories ON stories.id = fingerprints.story_id
                WHERE fingerprints.id = ?
                """
        )
        let probe = fingerprint.asStored
        for (_, entry) in close {
            guard let row = try Row.fetchOne(candidate, arguments: [entry.row]) else { continue }
            let stored = TextFingerprint(
                simHash: UInt64(bitPattern: row["sim_hash"] as Int64),
                sketch: Self.hashes(row["sketch"] as Data),
                anchors: Self.hashes(row["anchors"] as Data)
            )
            guard Self.rule.matches(stored, probe) else { continue }
            let story = KnownStory(id: row["id"], version: row["version"], hash: row["current_hash"])
            return NearMatch(story: story, feedID: row["feed_id"])
        }
        return nil
    }

    /// Loads the memory when it is not loaded, may have missed a row, or starts after `since`;
    /// drops the entries older than the window now and then.
    private func synchronize(_ memory: inout Memory, _ db: Database, since: Date, sinceText: String) throws {
        let dataVersion = try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version"))
        if let loadedSince = memory.loadedSince, loadedSince <= sinceText, memory.dataVersion == dataVersion {
            if memory.insertsSinceCompaction >= Self.insertsPerCompaction {
                let keptSince = UTCTime(since.addingTimeInterval(-Self.compactionMargin)).sqliteText
                if keptSince > loadedSince {
                    memory.simHashes.removeAll { $0.firstSeen < keptSince }
                    memory.loadedSince = keptSince
                }
                memory.insertsSinceCompaction = 0
            }
            return
        }
        let loadSince = UTCTime(since.addingTimeInterval(-Self.compactionMargin)).sqliteText
        var loaded = Memory()
        let rows = try Row.fetchCursor(
            db,
            sql: "SELECT id, first_seen, sim_hash FROM fingerprints WHERE first_seen >= ? ORDER BY first_seen",
            arguments: [loadSince]
        )
        while let row = try rows.next() {
            loaded.simHashes.insert(
                UInt64(bitPattern: row[2] as Int64),
                id: Entry(row: row[0], firstSeen: row[1])
            )
        }
        loaded.loadedSince = loadSince
        loaded.dataVersion = dataVersion
        memory = loaded
    }

    /// The top 32 bits of each 64-bit hash as 4 little-endian bytes: what the ledger keeps of a
    /// sketch or anchor set. The top bits keep the hashes' order, so a bottom-k sketch stays one,
    /// and two of a story's few hundred hashes share them about once in ten million stories.
    static func blob(_ hashes: [UInt64]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hashes.count * 4)
        for hash in hashes {
            for shift in stride(from: 32, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: hash >> UInt64(shift)))
            }
        }
        return Data(bytes)
    }

    /// The hashes of a ``blob(_:)``, their low 32 bits zero.
    static func hashes(_ data: Data) -> [UInt64] {
        let bytes = [UInt8](data)
        var hashes: [UInt64] = []
        hashes.reserveCapacity(bytes.count / 4)
        for start in stride(from: 0, to: bytes.count - bytes.count % 4, by: 4) {
            var hash: UInt64 = 0
            for index in 0..<4 { hash |= UInt64(bytes[start + index]) << UInt64(32 + 8 * index) }
            hashes.append(hash)
        }
        return hashes
    }

    /// A ``blob(_:)`` of the 8-byte little-endian hashes migration v3 stored.
    static func blob(fromWide data: Data) -> Data {
        let bytes = [UInt8](data)
        var hashes: [UInt64] = []
        for start in stride(from: 0, to: bytes.count - bytes.count % 8, by: 8) {
            var hash: UInt64 = 0
            for index in 0..<8 { hash |= UInt64(bytes[start + index]) << UInt64(8 * index) }
            hashes.append(hash)
        }
        return blob(hashes)
    }
}

extension TextFingerprint {
    /// The fingerprint as the ledger keeps it (``NearDuplicateIndex/blob(_:)``), to compare with
    /// one read back.
    var asStored: TextFingerprint {
        let mask: UInt64 = 0xFFFF_FFFF_0000_0000
        return TextFingerprint(simHash: simHash, sketch: sketch.map { $0 & mask }, anchors: anchors.map { $0 & mask })
    }
}
