// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedDedupe
import WirefeedModel

@testable import WirefeedLedger

/// The fingerprint index keeps the window's SimHashes in memory: what it finds must be what the
/// `fingerprints` table holds, whoever wrote it and whatever was rolled back or pruned.
struct NearDuplicateIndexTests {
    let desk = DeskFixture()
    let t0 = Date(timeIntervalSince1970: 1_469_523_600)

    func openLedger() throws -> Ledger {
        let ledger = try Ledger(directory: desk.directory)
        ledger.nearDuplicateWindow = 72 * 3600
        return ledger
    }

    @Test func aNearCopyCommittedByAnotherLedgerOnTheFileIsFound() throws {
        defer { try? FileManager.default.removeItem(atPath: desk.directory) }
        let writer = try openLedger()
        let other = try openLedger()
        // The other ledger loads its memory now, before the writer records the story.
        let unrelated = desk.story("z1", "Rail deal", body: "Trains run again after the weekend.")
        _ = try other.ingest([desk.update([unrelated], at: t0)]) { _ in }

        let original = desk.story("a1", "Port strike")
        _ = try writer.ingest([desk.update([original], at: t0 + 60)]) { _ in }
        let resent = desk.story("a2", "UPDATE 1-Port strike", body: DeskFixture.body + " The vote was close.")
        let summary = try other.ingest([desk.update([resent], at: t0 + 120)]) { entries in
            #expect(entries.map(\.uri) == [original.uri])
            #expect(entries.map(\.version) == [2])
        }
        #expect(summary.total.nearVersions == 1, "\(summary.total)")
    }

    @Test func aRolledBackBatchLeavesNoFingerprintToMatch() throws {
        defer { try? FileManager.default.removeItem(atPath: desk.directory) }
        let ledger = try openLedger()
        struct DiskFull: Error {}
        let original = desk.story("a1", "Port strike")
        #expect(throws: DiskFull.self) {
            _ = try ledger.ingest([desk.update([original], at: t0)]) { _ in throw DiskFull() }
        }
        let resent = desk.story("a2", "UPDATE 1-Port strike", body: DeskFixture.body + " The vote was close.")
        let summary = try ledger.ingest([desk.update([resent], at: t0 + 60)]) { _ in }
        #expect(summary.total.newStories == 1 && summary.total.nearVersions == 0, "\(summary.total)")
    }

    @Test func aPrunedStoryIsNoLongerANearCopysOriginal() throws {
        defer { try? FileManager.default.removeItem(atPath: desk.directory) }
        let ledger = try openLedger()
        ledger.nearDuplicateWindow = 90 * 86400
        let original = try ledger.ingest([desk.update([desk.story("a1", "Port strike")], at: t0)]) { _ in }
        ledger.notePublished(through: original.lastSequence)
        let later = try ledger.ingest([
            desk.update([desk.story("b1", "Rail deal", body: "Trains run again.")], at: t0 + 40 * 86400)
        ]) { _ in }
        ledger.notePublished(through: later.lastSequence)
        #expect(try ledger.prune(now: t0 + 41 * 86400, retention: 30 * 86400) == 1)

        let resent = desk.story("a2", "UPDATE 1-Port strike", body: DeskFixture.body + " The vote was close.")
        let summary = try ledger.ingest([desk.update([resent], at: t0 + 42 * 86400)]) { _ in }
        #expect(summary.total.newStories == 1 && summary.total.nearVersions == 0, "\(summary.total)")
    }

    @Test func nearCopiesInOneBatchFindEachOther() throws {
        defer { try? FileManager.default.removeItem(atPath: desk.directory) }
        let ledger = try openLedger()
        let original = desk.story("a1", "Port strike")
        let resent = desk.story("a2", "UPDATE 1-Port strike", body: DeskFixture.body + " The vote was close.")
        let summary = try ledger.ingest([desk.update([original, resent], at: t0)]) { entries in
            #expect(entries.map(\.uri) == [original.uri, original.uri])
            #expect(entries.map(\.version) == [1, 2])
        }
        #expect(summary.total.nearVersions == 1, "\(summary.total)")
    }
}

/// The in-memory SimHash index finds exactly the entries within its distance.
struct SimHashIndexTests {
    @Test func neighboursAreEveryEntryWithinTheDistanceClosestFirst() {
        var index = SimHashIndex<Int>(maxDistance: 7)
        var random = UInt64(0x2545_F491_4F6C_DD1D)
        var hashes: [UInt64] = []
        for id in 0..<2000 {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Every tenth hash a near neighbour of the one before it.
            let hash = id % 10 == 9 ? hashes[id - 1] ^ (1 << (random % 64)) ^ (1 << (random >> 8 % 64)) : random
            hashes.append(hash)
            index.insert(hash, id: id)
        }
        for probe in hashes.prefix(300) {
            let expected = hashes.indices.filter { (hashes[$0] ^ probe).nonzeroBitCount <= 7 }
            let found = index.neighbours(of: probe)
            #expect(Set(found.map(\.id)) == Set(expected))
            #expect(found.count == expected.count, "each entry once")
            #expect(found.map(\.distance) == found.map(\.distance).sorted())
        }
    }

    @Test func removingEntriesForgetsThemAndCountsWhatIsLeft() {
        var index = SimHashIndex<Int>(maxDistance: 7)
        for id in 0..<100 { index.insert(UInt64(id) &* 0x9E37_79B9_7F4A_7C15, id: id) }
        index.removeAll { $0 < 60 }
        #expect(index.count == 40)
        #expect(index.neighbours(of: 0).isEmpty, "entry 0 (hash 0) is gone")
        #expect(index.neighbours(of: 99 &* 0x9E37_79B9_7F4A_7C15).map(\.id) == [99])
    }
}
