// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
import WirefeedLedger
import WirefeedModel
import WirefeedNormalize

/// Gathers poll results into batches for the ``StoryPipeline``, so that durability costs one
/// `syncfs`, one directory fsync and one ledger commit per batch, not per story.
public final class IngestBatcher {
    public let pipeline: StoryPipeline
    public let maximumStories: Int
    public let maximumFeeds: Int
    private let logger: Logger
    private var pending: [FeedUpdate] = []
    private var pendingStories = 0
    /// Everything committed so far.
    public private(set) var total = IngestSummary.Counts()
    /// Feeds whose batch failed, to poll again.
    public private(set) var failedFeeds: Set<String> = []
    public private(set) var filesWritten = 0

    public init(pipeline: StoryPipeline, maximumStories: Int = 4000, maximumFeeds: Int = 256, logger: Logger) {
        self.pipeline = pipeline
        self.maximumStories = maximumStories
        self.maximumFeeds = maximumFeeds
        self.logger = logger
    }

    /// Adds a poll result; commits a batch when it is full.
    public func add(_ result: PollResult) {
        let stories = result.outcome == .fetched ? result.stories : nil
        pending.append(FeedUpdate(feedID: result.feedID, url: result.url, state: result.state, stories: stories, feedLink: result.feedLink))
        pendingStories += stories?.count ?? 0
        if pendingStories >= maximumStories || pending.count >= maximumFeeds { flush() }
    }

    /// Commits what is pending.
    public func flush(now: Date = Date()) {
        guard !pending.isEmpty else { return }
        defer {
            pending.removeAll(keepingCapacity: true)
            pendingStories = 0
        }
        do {
            let summary = try pipeline.commit(pending, now: now)
            let counts = summary.total
            total.newStories += counts.newStories
            total.newVersions += counts.newVersions
            total.repeats += counts.repeats
            total.aliases += counts.aliases
            total.tombstoned += counts.tombstoned
            filesWritten += summary.staged.count
        } catch {
            let ids = pending.map(\.feedID)
            failedFeeds.formUnion(ids)
            logger.error("spool batch failed; its feeds are ingested again next cycle", metadata: ["error": "\(error)", "batch.feeds": "\(ids.count)", "batch.stories": "\(pendingStories)"])
        }
    }
}
