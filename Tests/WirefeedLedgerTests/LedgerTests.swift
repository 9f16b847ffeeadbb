// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedDedupe
import WirefeedLedger
import WirefeedModel

/// The ledger on a real SQLite file in a temporary directory.
struct LedgerTests {
    let desk = DeskFixture()
    var directory: String { desk.directory }

    func story(_ guid: String, _ headline: String) -> PreparedStory {
        desk.story(guid, headline, body: "Body of \(headline).")
    }

    func update(_ stories: [PreparedStory]) -> FeedUpdate {
        desk.update(stories, at: Date())
    }

    @Test func everyCommitIsFsyncedNotJustCheckpoints() throws {
        let ledger = try Ledger(directory: directory)
        #expect(try ledger.commitSynchronousLevel() == 2, "synchronous=FULL on the connection that commits")
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func stagedNamesAreThoseAfterThePublishedWatermark() throws {
        let ledger = try Ledger(directory: directory)
        let first = try ledger.ingest([update([story("a", "Port strike"), story("b", "Rail deal")])]) { _ in }
        #expect(first.staged.count == 2)
        #expect(Set(try ledger.stagedNames().keys) == Set(first.staged), "staged until noted as published")
        ledger.notePublished(through: first.lastSequence)
        let second = try ledger.ingest([update([story("c", "Ferry delays")])]) { _ in }
        #expect(
            Set(try ledger.stagedNames().keys) == Set(second.staged),
            "the watermark is recorded with the next batch"
        )
        try ledger.recordAllPublished()
        #expect(try ledger.stagedNames().isEmpty)
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func aDraftNameIsRecordedWithItsStagedVersion() throws {
        let ledger = try Ledger(directory: directory)
        var prepared = story("a", "Port strike")
        prepared.draft = .written(name: "draft-test-1")
        let summary = try ledger.ingest([update([prepared])]) { entries in
            #expect(entries.map(\.draft) == [.written(name: "draft-test-1")])
        }
        #expect(try ledger.stagedNames() == [summary.staged[0]: "draft-test-1"])
        #expect(summary.staged[0].hasSuffix("-port-strike-v1"))
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func aSlugTakenByAnotherStoryGetsTheNextFreeSuffix() throws {
        let ledger = try Ledger(directory: directory)
        func headedPortStrike(_ guid: String, body: String) -> PreparedStory {
            var prepared = story(guid, "Port strike")
            prepared.story.paragraphs = [body]
            prepared.hash = ContentHash.of(prepared.story)
            prepared.draft = .written(name: "draft-\(guid)")
            return prepared
        }
        let first = try ledger.ingest([
            update([
                headedPortStrike("a", body: "Dockers walk out."), headedPortStrike("b", body: "Cranes stand idle."),
            ])
        ]) { entries in
            #expect(
                entries.map(\.draft) == [.written(name: "draft-a"), nil],
                "the draft was rendered under the slug the story does not get"
            )
        }
        let second = try ledger.ingest([update([headedPortStrike("c", body: "Ships queue offshore.")])]) { _ in }
        #expect(first.staged.map { $0.dropFirst(13) } == ["port-strike-v1", "port-strike-2-v1"])
        #expect(second.staged.map { $0.dropFirst(13) } == ["port-strike-3-v1"])
        #expect(second.lastSequence == 3, "a slug tried and found taken uses no sequence number")

        // A new version of the second story keeps its slug.
        let edit = try ledger.ingest([update([headedPortStrike("b", body: "Cranes stand idle for a second day.")])]) {
            _ in
        }
        #expect(edit.staged.map { $0.dropFirst(13) } == ["port-strike-2-v2"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The next suffix of a taken slug is remembered, so that the n-th story of one slug is one
    /// lookup, not n probes; a suffix some other story holds already (a headline ending in a
    /// number) is stepped over.
    @Test func suffixesOfOneSlugAreHandedOutInOrderWithoutReprobing() throws {
        let ledger = try Ledger(directory: directory)
        var names: [String] = []
        _ = try ledger.ingest([update([story("n3", "Flash 3")])]) { _ in }  // holds "flash-3"
        for batch in 0..<20 {
            let stories = (0..<100).map { index in
                var prepared = story("f\(batch)-\(index)", "Flash")
                prepared.story.paragraphs = ["Flash number \(batch * 100 + index)."]
                prepared.hash = ContentHash.of(prepared.story)
                return prepared
            }
            let summary = try ledger.ingest([update(stories)]) { _ in }
            names += summary.staged.map { String($0.dropFirst(13).dropLast(3)) }
        }
        #expect(names.count == 2_000)
        #expect(Set(names).count == 2_000)
        #expect(names.prefix(4) == ["flash", "flash-2", "flash-4", "flash-5"])
        #expect(names.last == "flash-2001")
        try? FileManager.default.removeItem(atPath: directory)
    }
}
