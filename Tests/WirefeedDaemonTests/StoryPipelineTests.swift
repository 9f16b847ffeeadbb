// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
import Testing
import WirefeedDaemon
import WirefeedLedger
import WirefeedModel
import WirefeedSpool

/// Recording and publishing batches, on a real ledger file and a real spool.
struct StoryPipelineTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "wirefeed-pipeline-\(UUID().uuidString)"
    ).path

    func update(_ headlines: [String]) -> FeedUpdate {
        let stories = headlines.map { PreparedStory.fixture($0, feedID: "desk") }
        return FeedUpdate(
            feedID: "desk",
            url: "http://127.0.0.1/desk.xml",
            state: FeedState(),
            stories: stories,
            feedLink: nil,
            fetchedAt: Date()
        )
    }

    func published() throws -> [String] {
        try SpoolReader(directory: directory + "/spool").names().map { String($0.drop { $0 != "-" }.dropFirst()) }
    }

    @Test func aBatchWhoseRenamesFailLandsWithTheNextOne() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let ledger = try Ledger(directory: directory + "/state")
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let pipeline = try StoryPipeline.reconciled(
            ledger: ledger,
            spoolDirectory: directory + "/spool",
            logger: logger
        )
        let new = directory + "/spool/new"

        // new/ is briefly not a folder: the first batch cannot be moved there.
        try FileManager.default.removeItem(atPath: new)
        _ = FileManager.default.createFile(atPath: new, contents: Data())
        let first = try pipeline.record([update(["Strike"])])
        #expect(throws: SpoolError.self) { try pipeline.publish(first) }
        #expect(Set(try ledger.stagedNames().keys) == Set(first.staged), "the watermark stays before it")

        try FileManager.default.removeItem(atPath: new)
        try FileManager.default.createDirectory(atPath: new, withIntermediateDirectories: false)
        let second = try pipeline.record([update(["Budget"])])
        try pipeline.publish(second)
        #expect(try published() == ["strike-v1", "budget-v1"], "both batches, in the order they were recorded")
    }
}
