// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
import Testing
import WirefeedDaemon
import WirefeedLedger
import WirefeedModel
import WirefeedSpool

/// What the fetch summary counts: stories that reached `new/`, not stories whose renames failed
/// (they arrive with the next batch, and are counted then).
@Suite(.serialized)
struct IngestCountTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "wirefeed-counts-\(UUID().uuidString)"
    ).path
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    func update(_ headline: String) -> FeedUpdate {
        FeedUpdate(
            feedID: headline,
            url: "http://127.0.0.1/\(headline).xml",
            state: FeedState(),
            stories: [PreparedStory.fixture(headline, feedID: headline)],
            feedLink: nil,
            fetchedAt: Date()
        )
    }

    func publishedJSON() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory + "/spool/new").filter { $0.hasSuffix(".json") }
    }

    @Test func storiesWhoseRenamesFailedAreCountedWhenTheyArrive() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let pipeline = StoryPipeline(
            ledger: try Ledger(directory: directory + "/state"),
            spool: SpoolWriter(directory: directory + "/spool"),
            writesText: false,
            logger: logger
        )
        try pipeline.reconcile()
        let batcher = IngestBatcher(pipeline: pipeline, logger: logger)
        // `new/` replaced by a file: the batch is recorded and staged, but cannot be renamed.
        let new = directory + "/spool/new"
        try FileManager.default.removeItem(atPath: new)
        try Data().write(to: URL(fileURLWithPath: new))
        await batcher.add(update("Strike"))
        await batcher.drain()
        #expect(await batcher.total.newStories == 0, "counted a story that is not in new/")
        #expect(await batcher.filesWritten == 0)
        #expect(await batcher.failedFeeds.isEmpty, "the batch was recorded; only its renames wait")

        try FileManager.default.removeItem(atPath: new)
        try FileManager.default.createDirectory(atPath: new, withIntermediateDirectories: false)
        await batcher.add(update("Budget"))
        await batcher.drain()
        #expect(try publishedJSON().count == 2)
        #expect(await batcher.total.newStories == 2, "both arrived now")
        #expect(await batcher.filesWritten == 2)
    }
}
