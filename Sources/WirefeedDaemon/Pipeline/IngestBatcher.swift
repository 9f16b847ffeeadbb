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
/// Batches are committed on a serial queue of their own, one after the other, while the caller goes
/// on polling and parsing; at most two batches wait, which bounds memory. ``drain()`` waits for
/// the last one.
public final class IngestBatcher: Sendable {
    public let pipeline: StoryPipeline
    public let maximumStories: Int
    public let maximumFeeds: Int
    private let logger: Logger
    private let queue = DispatchQueue(label: "wirefeed.ingest")
    private let slots = DispatchSemaphore(value: 2)

    private struct Pending {
        var updates: [FeedUpdate] = []
        var stories = 0
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

    public init(pipeline: StoryPipeline, maximumStories: Int = 4000, maximumFeeds: Int = 256, logger: Logger) {
        self.pipeline = pipeline
        self.maximumStories = maximumStories
        self.maximumFeeds = maximumFeeds
        self.logger = logger
    }

    /// Adds a poll result; hands a full batch to the commit queue (waiting while two are queued).
    public func add(_ result: PollResult) {
        let stories = result.outcome == .fetched ? result.stories : nil
        let update = FeedUpdate(feedID: result.feedID, url: result.url, state: result.state, stories: stories, feedLink: result.feedLink)
        let full: [FeedUpdate]? = pending.withLock { pending in
            pending.updates.append(update)
            pending.stories += stories?.count ?? 0
            guard pending.stories >= maximumStories || pending.updates.count >= maximumFeeds else { return nil }
            defer { pending = Pending() }
            return pending.updates
        }
        if let full { enqueue(full, now: Date()) }
    }

    /// Hands what is pending to the commit queue and waits until every batch is committed.
    public func drain(now: Date = Date()) {
        let rest = pending.withLock { pending in
            defer { pending = Pending() }
            return pending.updates
        }
        if !rest.isEmpty { enqueue(rest, now: now) }
        queue.sync {}
    }

    /// ``drain(now:)``, for callers that think in batches.
    public func flush(now: Date = Date()) {
        drain(now: now)
    }

    private func enqueue(_ updates: [FeedUpdate], now: Date) {
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            commit(updates, now: now)
        }
    }

    private func commit(_ updates: [FeedUpdate], now: Date) {
        do {
            let summary = try pipeline.commit(updates, now: now)
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
