// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
import Testing
import WirefeedDaemon
import WirefeedLedger
import WirefeedModel
import WirefeedSpool
import WirefeedTesting

/// Group commit on a real ledger file and a real spool: an idle batcher commits at once, a busy
/// one gathers the next batch until it is big enough, its window closes, or a drain wants it.
/// The window runs on a manual clock that the tests advance; they wait for published batches.
@Suite(.serialized)
struct IngestBatcherTests {
    let clock = ManualClock()
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "wirefeed-batcher-\(UUID().uuidString)"
    ).path
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    func batcher(minimumStories: Int, gatherWindow: Duration) throws -> IngestBatcher {
        let ledger = try ledger()
        let pipeline = try StoryPipeline.reconciled(
            ledger: ledger,
            spoolDirectory: directory + "/spool",
            logger: logger
        )
        return IngestBatcher(
            pipeline: pipeline,
            minimumStories: minimumStories,
            gatherWindow: gatherWindow,
            clock: clock,
            logger: logger
        )
    }

    func ledger() throws -> Ledger {
        try Ledger(directory: directory + "/state")
    }

    /// One feed's poll with one new story (the feed is named after it).
    func update(_ headline: String) -> FeedUpdate {
        let prepared = PreparedStory.fixture(headline, feedID: headline)
        return FeedUpdate(
            feedID: headline,
            url: "http://127.0.0.1/\(headline).xml",
            state: FeedState(),
            stories: [prepared],
            feedLink: nil,
            fetchedAt: Date()
        )
    }

    /// One feed's poll that brought no stories (a 304): only its state is recorded.
    func unchanged(_ feedID: String) -> FeedUpdate {
        FeedUpdate(
            feedID: feedID,
            url: "http://127.0.0.1/\(feedID).xml",
            state: FeedState(),
            stories: nil,
            feedLink: nil,
            fetchedAt: Date()
        )
    }

    func published() throws -> [String] {
        try SpoolReader(directory: directory + "/spool").names().map { String($0.drop { $0 != "-" }.dropFirst()) }
    }

    /// A batcher whose first story ("Strike") is committed and in `new/`: the next batch gathers.
    func batcherAfterOneCommit(minimumStories: Int, gatherWindow: Duration) async throws -> IngestBatcher {
        let batcher = try batcher(minimumStories: minimumStories, gatherWindow: gatherWindow)
        await batcher.add(update("Strike"))
        await batcher.waitUntilPublished(batches: 1)
        return batcher
    }

    @Test func anIdleBatcherCommitsTheFirstResultAtOnce() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let batcher = try batcher(minimumStories: 100, gatherWindow: .seconds(60))
        await batcher.add(update("Strike"))
        await batcher.waitUntilPublished(batches: 1)
        #expect(try published() == ["strike-v1"], "no drain, no waiting for a batch to fill")
        #expect(clock.now.sinceStart == .zero, "the clock never moved")
        await batcher.drain()
    }

    @Test func resultsArrivingAfterACommitGatherUntilTheBatchIsFull() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let batcher = try await batcherAfterOneCommit(minimumStories: 3, gatherWindow: .seconds(60))
        await batcher.add(update("Budget"))
        await batcher.add(update("Harbour"))
        // The committer waits on the clock, which does not move: nothing but a third story can
        // end this gathering.
        await clock.waitForSleepers(1)
        #expect(try published() == ["strike-v1"], "two stories are fewer than the batch gathers")
        #expect(await batcher.batchesRecorded == 1)
        await batcher.add(update("Vote"))
        await batcher.waitUntilPublished(batches: 2)
        #expect(try published() == ["strike-v1", "budget-v1", "harbour-v1", "vote-v1"])
        #expect(await batcher.batchesRecorded == 2)
        await batcher.drain()
    }

    @Test func aGatheringBatchIsCommittedWhenItsWindowCloses() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let batcher = try await batcherAfterOneCommit(minimumStories: 100, gatherWindow: .milliseconds(200))
        await batcher.add(update("Budget"))
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(199))
        #expect(await batcher.batchesRecorded == 1, "the window is still open")
        clock.advance(by: .milliseconds(1))
        await batcher.waitUntilPublished(batches: 2)
        #expect(try published() == ["strike-v1", "budget-v1"], "no drain: the window closed")
        await batcher.drain()
    }

    @Test func aDrainCommitsTheGatheringBatchWithoutWaitingForItsWindow() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let batcher = try await batcherAfterOneCommit(minimumStories: 100, gatherWindow: .seconds(60))
        await batcher.add(update("Budget"))
        await batcher.drain()
        #expect(clock.now.sinceStart == .zero, "the window never closed")
        #expect(try published() == ["strike-v1", "budget-v1"])
        #expect(await batcher.batchesRecorded == 2)

        // The batcher gathers again after the drain.
        await batcher.add(update("Harbour"))
        await batcher.drain()
        #expect(try published() == ["strike-v1", "budget-v1", "harbour-v1"])
    }

    @Test func aDrainRecordsTheFeedsThatBroughtNoStoriesWhileABatchGathered() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let batcher = try await batcherAfterOneCommit(minimumStories: 100, gatherWindow: .seconds(60))
        await batcher.add(unchanged("quiet"))
        await batcher.drain()
        #expect(
            try ledger().feedStates().keys.sorted() == ["Strike", "quiet"],
            "the 304's state is saved, not dropped with the batcher"
        )
        #expect(await batcher.batchesRecorded == 2)
    }

    @Test func aDrainLeavesNoDraftInTmp() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let batcher = try batcher(minimumStories: 100, gatherWindow: .seconds(60))
        let spool = batcher.pipeline.spool
        // The same copy on two feeds, each drafted ahead by its poll: the second draft is a
        // duplicate's, discarded by the commit and kept for re-use until the drain.
        for feed in ["wire-a", "wire-b"] {
            var prepared = PreparedStory.fixture("Strike", feedID: feed)
            let files = batcher.pipeline.preparer.render(
                prepared.story,
                uri: prepared.uri,
                version: 1,
                firstCreated: Date()
            )
            prepared.draft = .written(name: try spool.writeDraft(json: files.json, text: files.text))
            await batcher.add(
                FeedUpdate(
                    feedID: feed,
                    url: "http://127.0.0.1/\(feed).xml",
                    state: FeedState(),
                    stories: [prepared],
                    feedLink: nil,
                    fetchedAt: Date()
                )
            )
        }
        await batcher.drain()
        #expect(try published() == ["strike-v1"])
        #expect(spool.spareDraftCount == 0)
        let tmp = directory + "/spool/tmp"
        let left = try FileManager.default.contentsOfDirectory(atPath: tmp).flatMap {
            try FileManager.default.contentsOfDirectory(atPath: tmp + "/" + $0)
        }
        #expect(left.isEmpty, "no draft is left in tmp/ once the work is done")
    }
}
