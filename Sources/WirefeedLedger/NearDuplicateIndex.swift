// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import GRDB
import WirefeedDedupe

/// The ledger's fingerprint index: each story version's ``TextFingerprint`` beside its content
/// hash, and its SimHash bands, so that a lookup is one indexed probe per band.
enum NearDuplicateIndex {
    static let rule = NearDuplicateRule.standard

    /// Records the fingerprint of the version whose content hash is `hash`.
    static func insert(
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
            blob(fingerprint.sketch), blob(fingerprint.anchors),
        ])
        guard db.changesCount == 1 else { return }
        let band = try db.cachedStatement(sql: "INSERT OR IGNORE INTO fingerprint_bands (band, hash) VALUES (?, ?)")
        for key in FingerprintBands.keys(of: fingerprint.simHash, maxDistance: rule.maxDistance) {
            try band.execute(arguments: [key, hash])
        }
    }

    /// The story, first seen at `since` or later, whose text the rule accepts as a near-copy of
    /// `fingerprint`: the closest by SimHash distance, the earliest on a tie. Band probes read only
    /// the SimHash; sketches are read for the candidates within the rule's distance.
    static func match(_ db: Database, _ fingerprint: TextFingerprint, since: String) throws -> NearMatch? {
        let probe = try db.cachedStatement(
            sql: """
                SELECT fingerprints.hash, sim_hash
                FROM fingerprint_bands
                JOIN fingerprints ON fingerprints.hash = fingerprint_bands.hash
                WHERE fingerprint_bands.band = ? AND fingerprints.first_seen >= ?
                """
        )
        var checked = Set<String>()
        var close: [(distance: Int, hash: String)] = []
        for key in FingerprintBands.keys(of: fingerprint.simHash, maxDistance: rule.maxDistance) {
            let rows = try Row.fetchCursor(probe, arguments: [key, since])
            while let row = try rows.next() {
                let hash: String = row[0]
                guard checked.insert(hash).inserted else { continue }
                let distance = (UInt64(bitPattern: row[1] as Int64) ^ fingerprint.simHash).nonzeroBitCount
                if distance <= rule.maxDistance { close.append((distance, hash)) }
            }
        }
        guard !close.isEmpty else { return nil }
        let candidate = try db.cachedStatement(
            sql: """
                SELECT fingerprints.feed_id AS feed_id, sim_hash, sketch, anchors,
                       stories.id AS id, stories.version AS version, stories.hash AS current_hash
                FROM fingerprints JOIN stories ON stories.id = fingerprints.story_id
                WHERE fingerprints.hash = ?
                """
        )
        var best: (distance: Int, match: NearMatch)?
        for (distance, hash) in close {
            if let best, best.distance <= distance { continue }
            guard let row = try Row.fetchOne(candidate, arguments: [hash]) else { continue }
            let stored = TextFingerprint(
                simHash: UInt64(bitPattern: row["sim_hash"] as Int64),
                sketch: words(row["sketch"] as Data),
                anchors: words(row["anchors"] as Data)
            )
            guard rule.matches(stored, fingerprint) else { continue }
            let story = KnownStory(id: row["id"], version: row["version"], hash: row["current_hash"])
            best = (distance, NearMatch(story: story, feedID: row["feed_id"]))
        }
        return best?.match
    }

    /// 64-bit words as little-endian bytes.
    static func blob(_ words: [UInt64]) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.count * 8)
        for word in words {
            for shift in stride(from: 0, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return Data(bytes)
    }

    static func words(_ data: Data) -> [UInt64] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - bytes.count % 8, by: 8).map { start in
            (0..<8).reduce(UInt64(0)) { word, index in word | UInt64(bytes[start + index]) << UInt64(index * 8) }
        }
    }
}
