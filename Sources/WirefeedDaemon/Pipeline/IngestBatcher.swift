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
/// manual fetch lands its new story without waiting). After each commit, results gather into
/// the next batch until it holds ``minimumStories`` or ``gatherWindow`` has passed: every commit
/// rewrites the ledger's random-keyed index pages it touches, so a cold start of thousands of feeds
/// is cheapest in a few dozen large commits, not hundreds of small ones. A recorded batch's renames
/// into `new/` run on a third queue while the next batch is recorded. At most one batch waits and
/// one is being published, which bounds memory. ``drain()`` waits for the last one.
public final class IngestBatcher: Sendable {
    public let pipeline: StoryPipeline
    public let maximumStories: Int
    public let maximumFeeds: Int
    /// Stories a batch gathers, while results keep coming, before it is committed.
    public let minimumStories: Int
    /// How long a batch gathers after the previous commit at most.
    public let gatherWindow: Duration
    private let logger: Logger
    private let queue = DispatchQueue(label: "wirefeed.ingest")
    private let slots = DispatchSemaphore(value: 1)
    /// Renames into `new/` run here, while the commit queue records the next batch.
    private let publisher = DispatchQueue(label: "wirefeed.publish")
    /// At most one batch is being published while the next one is recorded.
    private let publishing = DispatchSemaphore(value: 1)
    /// Wakes the commit queue when the gathering batch is ready (or a drain wants it now).
    private let gathered = DispatchSemaphore(value: 0)

    private struct Pending {
        var updates: [FeedUpdate] = []
        var stories = 0
        /// Batches queued or being committed.
        var inFlight = 0
        /// Whether the commit queue waits for the next batch to fill.
        var gathering = false
        /// Drains in progress: a batch they wait for is not held back.
        var draining = 0
    }

    private struct Totals {
        var counts = IngestSummary.Counts()
        var failedFeeds: Set<String> = []
        var filesWritten = 0
        var batches = 0
        /// New stories and versions recorded but not yet in `new/` (their renames failed, or are
        /// under way): counted once they arrive.
        var unpublished = IngestSummary.Counts()
        var unpublishedFiles = 0
    }

    private let pending = Mutex(Pending())
    private let totals = Mutex(Totals())

    /// Everything committed so far; new stories and versions once they are in `new/`.
    public var total: IngestSummary.Counts { totals.withLock { $0.counts } }
    /// Feeds whose batch failed, to poll again.
    public var failedFeeds: Set<String> { totals.withLock { $0.failedFeeds } }
    public var filesWritten: Int { totals.withLock { $0.filesWritten } }
    /// How many batches were recorded in the ledger.
    public var batchesRecorded: Int { totals.withLock { $0.batches } }

    public init(
        pipeline: StoryPipeline,
        maximumStories: Int = 3000,
        maximumFeeds: Int = 256,
        minimumStories: Int = 3000,
        gatherWindow: Duration = .milliseconds(750),
        logger: Logger
    ) {
        self.pipeline = pipeline
        self.maximumStories = maximumStories
        self.maximumFeeds = maximumFeeds
        self.minimumStories = min(minimumStories, maximumStories)
        self.gatherWindow = gatherWindow
        self.logger = logger
    }

    /// Adds a poll result; hands a full batch to the commit queue (waiting while two are queued).
    public func add(_ result: PollResult) {
        let stories = result.outcome == .fetched ? result.prepared : nil
        add(
            FeedUpdate(
                feedID: result.feedID,
                url: result.url,
                state: result.state,
                stories: stories,
                guidsMisbehaved: result.guidsMisbehaved,
                feedLink: result.feedLink,
                fetchedAt: result.state.lastAttempt ?? Date()
            )
        )
    }

    /// Adds one feed's update (what a poll result becomes): the batching of `add(_ result:)`.
    public func add(_ update: FeedUpdate) {
        let stories = update.stories
        var wake = false
        let batch: [FeedUpdate]? = pending.withLock { pending in
            let wasReady = isReady(pending)
            pending.updates.append(update)
            pending.stories += stories?.count ?? 0
            if pending.gathering {
                // The commit queue takes it when it is ready.
                wake = !wasReady && isReady(pending)
                return nil
            }
            let full = pending.stories >= maximumStories || pending.updates.count >= maximumFeeds
            let idle = pending.inFlight == 0 && !(stories ?? []).isEmpty
            guard full || idle else { return nil }
            return take(&pending)
        }
        if wake { gathered.signal() }
        if let batch { enqueue(batch) }
    }

    /// Whether the gathering batch should be committed without waiting longer.
    private func isReady(_ pending: Pending) -> Bool {
        pending.stories >= minimumStories || pending.updates.count >= maximumFeeds || pending.draining > 0
    }

    /// Takes the pending updates as a batch and counts it in flight.
    private func take(_ pending: inout Pending) -> [FeedUpdate] {
        let updates = pending.updates
        pending.updates = []
        pending.stories = 0
        pending.inFlight += 1
        return updates
    }

    /// Hands what is pending to the commit queue and waits until every batch is committed and
    /// published; then ends the pipeline's run of work (``StoryPipeline/finishWork()``).
    public func drain() {
        pending.withLock { $0.draining += 1 }
        // A batch gathering on the commit queue is taken there at once. What is left after it
        // (updates without stories, which the commit queue leaves for a full batch) goes now.
        gathered.signal()
        queue.sync {}
        while let rest = pending.withLock({ pending in pending.updates.isEmpty ? nil : take(&pending) }) {
            enqueue(rest)
            queue.sync {}
        }
        publisher.sync {}
        pipeline.finishWork()
        pending.withLock { $0.draining -= 1 }
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

    /// Ends the batch just committed, lets the next one gather (until it is ready or the window
    /// closes), and takes it when nothing else is in flight and it holds stories.
    private func takeGathered() -> [FeedUpdate]? {
        let deadline = DispatchTime.now() + .nanoseconds(Int(gatherWindow / .nanoseconds(1)))
        let wait = pending.withLock { pending in
            pending.gathering = pending.inFlight == 1
            return pending.gathering && !isReady(pending)
        }
        if wait {
            while gathered.wait(timeout: deadline) == .success, !pending.withLock({ isReady($0) }) {}
        }
        return pending.withLock { pending in
            pending.gathering = false
            pending.inFlight -= 1
            guard pending.inFlight == 0, pending.stories > 0 else { return nil }
            return take(&pending)
        }
    }

    private func commit(_ updates: [FeedUpdate]) {
        do {
            let summary = try pipeline.record(updates)
            let counts = summary.total
            totals.withLock { totals in
                totals.unpublished.newStories += counts.newStories
                totals.unpublished.newVersions += counts.newVersions
                totals.unpublishedFiles += summary.staged.count
                totals.counts.repeats += counts.repeats
                totals.counts.aliases += counts.aliases
                totals.counts.tombstoned += counts.tombstoned
                totals.counts.nearVersions += counts.nearVersions
                totals.counts.nearAliases += counts.nearAliases
                totals.batches += 1
            }
            publishing.wait()
            publisher.async { [self] in
                do {
                    // Publishes the batches held back by failed renames too.
                    try pipeline.publish(summary)
                    totals.withLock { totals in
                        totals.counts.newStories += totals.unpublished.newStories
                        totals.counts.newVersions += totals.unpublished.newVersions
                        totals.filesWritten += totals.unpublishedFiles
                        totals.unpublished = IngestSummary.Counts()
                        totals.unpublishedFiles = 0
                    }
                } catch {
                    logger.error(
                        "moving a recorded batch into new/ failed; it is retried with the next batch",
                        metadata: ["error": "\(error)", "batch.stories": "\(summary.staged.count)"]
                    )
                }
                publishing.signal()
            }
        } catch {
            let ids = updates.map(\.feedID)
            let stories = updates.reduce(0) { $0 + ($1.stories?.count ?? 0) }
            totals.withLock { $0.failedFeeds.formUnion(ids) }
            logger.error(
                "spool batch failed; its feeds are ingested again next cycle",
                metadata: ["error": "\(error)", "batch.feeds": "\(ids.count)", "batch.stories": "\(stories)"]
            )
        }
    }
}
