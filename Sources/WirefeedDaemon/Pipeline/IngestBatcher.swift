// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Dispatch
import Foundation
import Logging
import Synchronization
import WirefeedLedger
import WirefeedModel
import WirefeedNormalize

/// Gathers poll results into batches for the ``StoryPipeline``, so that durability costs one
/// `syncfs`, one directory fsync and one ledger commit per batch, not per story.
///
/// Group commit: batches are committed on a serial queue of their own while the caller goes on
/// polling and parsing. When the queue is idle, a result with stories is committed at once (a
/// manual fetch lands its new story within milliseconds); while a commit runs, results gather into
/// the next batch (a cold start of thousands of feeds costs a few dozen commits). A recorded
/// batch's renames into `new/` run on a third queue while the next batch is recorded. At most one
/// batch waits and one is being published, which bounds memory. ``drain()`` waits for the last one.
public final class IngestBatcher: Sendable {
    public let pipeline: StoryPipeline
    public let maximumStories: Int
    public let maximumFeeds: Int
    private let logger: Logger
    private let queue = DispatchQueue(label: "wirefeed.ingest")
    private let slots = DispatchSemaphore(value: 1)
    /// Renames into `new/` run here, while the commit queue records the next batch.
    private let publisher = DispatchQueue(label: "wirefeed.publish")
    /// At most one batch is being published while the next one is recorded.
    private let publishing = DispatchSemaphore(value: 1)

    private struct Pending {
        var updates: [FeedUpdate] = []
        var stories = 0
        /// Batches queued or being committed.
        var inFlight = 0
    }

    private struct Totals {
        var counts = IngestSummary.Counts()
        var failedFeeds: Set<String> = []
        var filesWritten = 0
    }

    private let pending = Mutex(Pending())
    private let totals = Mutex(Totals())

    /// Everything committed so far.
    public var total: IngestSummary.Counts { totals.withLock { $0.counts } }
    /// Feeds whose batch failed, to poll again.
    public var failedFeeds: Set<String> { totals.withLock { $0.failedFeeds } }
    public var filesWritten: Int { totals.withLock { $0.filesWritten } }

    public init(pipeline: StoryPipeline, maximumStories: Int = 2000, maximumFeeds: Int = 256, logger: Logger) {
        self.pipeline = pipeline
        self.maximumStories = maximumStories
        self.maximumFeeds = maximumFeeds
        self.logger = logger
    }

    /// Adds a poll result; hands a full batch to the commit queue (waiting while two are queued).
    public func add(_ result: PollResult) {
        let stories = result.outcome == .fetched ? result.prepared : nil
        let update = FeedUpdate(
            feedID: result.feedID, url: result.url, state: result.state, stories: stories,
            guidsMisbehaved: result.guidsMisbehaved, feedLink: result.feedLink, fetchedAt: result.state.lastAttempt ?? Date()
        )
        let batch: [FeedUpdate]? = pending.withLock { pending in
            pending.updates.append(update)
            pending.stories += stories?.count ?? 0
            let full = pending.stories >= maximumStories || pending.updates.count >= maximumFeeds
            let idle = pending.inFlight == 0 && !(stories ?? []).isEmpty
            guard full || idle else { return nil }
            return take(&pending)
        }
        if let batch { enqueue(batch) }
    }

    /// Takes the pending updates as a batch and counts it in flight.
    private func take(_ pending: inout Pending) -> [FeedUpdate] {
        let updates = pending.updates
        pending.updates = []
        pending.stories = 0
        pending.inFlight += 1
        return updates
    }

    /// Hands what is pending to the commit queue and waits until every batch is committed.
    public func drain() {
        let rest = pending.withLock { pending in
            pending.updates.isEmpty ? [] : take(&pending)
        }
        if !rest.isEmpty { enqueue(rest) }
        queue.sync {}
        publisher.sync {}
    }

    private func enqueue(_ updates: [FeedUpdate]) {
        slots.wait()
        queue.async { [self] in
            commit(updates)
            slots.signal()
            // What gathered while a batch was committed goes next, if it holds stories (taken on
            // the commit queue itself: no slot to wait for).
            while let next = takeGathered() { commit(next) }
        }
    }

    /// Ends the batch just committed and takes what gathered meanwhile, when nothing else is in
    /// flight and it holds stories.
    private func takeGathered() -> [FeedUpdate]? {
        pending.withLock { pending in
            pending.inFlight -= 1
            guard pending.inFlight == 0, pending.stories > 0 else { return nil }
            return take(&pending)
        }
    }

    private func commit(_ updates: [FeedUpdate]) {
        do {
            let summary = try pipeline.record(updates)
            publishing.wait()
            publisher.async { [self] in
                do {
                    try pipeline.publish(summary)
                } catch {
                    logger.error("moving a recorded batch into new/ failed; it is retried with the next batch", metadata: ["error": "\(error)", "batch.stories": "\(summary.staged.count)"])
                }
                publishing.signal()
            }
            let counts = summary.total
            totals.withLock { totals in
                totals.counts.newStories += counts.newStories
                totals.counts.newVersions += counts.newVersions
                totals.counts.repeats += counts.repeats
                totals.counts.aliases += counts.aliases
                totals.counts.tombstoned += counts.tombstoned
                totals.filesWritten += summary.staged.count
            }
        } catch {
            let ids = updates.map(\.feedID)
            let stories = updates.reduce(0) { $0 + ($1.stories?.count ?? 0) }
            totals.withLock { $0.failedFeeds.formUnion(ids) }
            logger.error("spool batch failed; its feeds are ingested again next cycle", metadata: ["error": "\(error)", "batch.feeds": "\(ids.count)", "batch.stories": "\(stories)"])
        }
    }
}
