// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Dispatch
import Foundation
import Logging
import WirefeedArchive
import WirefeedLedger
import WirefeedModel
import WirefeedNormalize

/// Gathers poll results into batches for the ``StoryPipeline``, so that durability costs one
/// `syncfs`, one directory fsync and one ledger commit per batch, not per story.
///
/// Group commit: one committer task takes the gathered updates and records them while polls go on.
/// When nothing is being committed, a result with stories is committed at once (a manual fetch
/// lands its new story without waiting). After each commit, results gather into the next batch
/// until it holds ``minimumStories`` or ``gatherWindow`` has passed on the injected clock: every
/// commit rewrites the ledger's random-keyed index pages it touches, so a cold start of thousands of
/// feeds is cheapest in a few dozen large commits, not hundreds of small ones. A recorded batch's
/// renames into `new/` run while the next batch is recorded.
///
/// Backpressure: at most one batch gathers full, one is recorded and one is published; ``add(_:)``
/// waits while the gathering batch is full, which bounds memory. ``drain()`` commits and publishes
/// everything added before it. The ledger and spool work runs on serial dispatch queues of its own,
/// awaited through continuations: nothing waits on a thread of the cooperative pool.
///
/// With a raw archive, each recorded batch's archived fetches are noted there in the order they
/// were committed (``RawArchive/noteCommitted(_:)``), the order `wirefeed replay` follows: which of
/// several syndicated copies becomes the story depends on it.
public actor IngestBatcher {
    public nonisolated let pipeline: StoryPipeline
    public nonisolated let maximumStories: Int
    public nonisolated let maximumFeeds: Int
    /// Stories a batch gathers, while results keep coming, before it is committed.
    public nonisolated let minimumStories: Int
    /// How long a batch gathers after the previous commit at most.
    public nonisolated let gatherWindow: Duration
    private nonisolated let clock: any Clock<Duration>
    private nonisolated let logger: Logger
    /// Where the commit order of archived fetches is noted; nil for none.
    public nonisolated let archive: RawArchive?
    /// Ledger transactions and the spool's `tmp/` writes.
    private nonisolated let recorder = DispatchQueue(label: "wirefeed.ingest")
    /// Renames into `new/`, while the recorder records the next batch.
    private nonisolated let publisher = DispatchQueue(label: "wirefeed.publish")

    private var updates: [FeedUpdate] = []
    /// The archive entries of the gathering batch's bodies, in the order of ``updates``.
    private var archiveSequences: [Int64] = []
    private var stories = 0
    /// The task recording batches, while there is work for it.
    private var committer: Task<Void, Never>?
    /// The latest batch's renames into `new/`; each waits for the one before.
    private var publishing: Task<Void, Never>?
    /// Set while the committer waits for the gathering batch to become ready.
    private var gatherer: CheckedContinuation<Void, Never>?
    private var gatherRound = 0
    /// Adds waiting for the full gathering batch to be taken.
    private var waitingForRoom: [CheckedContinuation<Void, Never>] = []
    /// Drains in progress: a batch they wait for is not held back.
    private var draining = 0
    private var publishedWaiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    private var counts = IngestSummary.Counts()
    private var failed: Set<String> = []
    private var written = 0
    private var recorded = 0
    private var published = 0
    /// New stories and versions recorded but not yet in `new/` (their renames failed, or are under
    /// way): counted once they arrive.
    private var unpublished = IngestSummary.Counts()
    private var unpublishedFiles = 0

    /// Everything committed so far; new stories and versions once they are in `new/`.
    public var total: IngestSummary.Counts { counts }
    /// Feeds whose batch failed, to poll again.
    public var failedFeeds: Set<String> { failed }
    public var filesWritten: Int { written }
    /// How many batches were recorded in the ledger.
    public var batchesRecorded: Int { recorded }
    /// How many batches were moved into `new/`.
    public var batchesPublished: Int { published }

    public init(
        pipeline: StoryPipeline,
        maximumStories: Int = 3000,
        maximumFeeds: Int = 256,
        minimumStories: Int = 3000,
        gatherWindow: Duration = .milliseconds(750),
        clock: any Clock<Duration> = ContinuousClock(),
        archive: RawArchive? = nil,
        logger: Logger
    ) {
        self.pipeline = pipeline
        self.maximumStories = maximumStories
        self.maximumFeeds = maximumFeeds
        self.minimumStories = min(minimumStories, maximumStories)
        self.gatherWindow = gatherWindow
        self.clock = clock
        self.logger = logger
        self.archive = archive
    }

    /// Adds a poll result (waiting while the gathering batch is full).
    public func add(_ result: PollResult) async {
        let stories = result.outcome == .fetched ? result.prepared : nil
        await enqueue(
            FeedUpdate(
                feedID: result.feedID,
                url: result.url,
                state: result.state,
                stories: stories,
                guidsMisbehaved: result.guidsMisbehaved,
                feedLink: result.feedLink,
                fetchedAt: result.state.lastAttempt ?? Date()
            ),
            archiveSequence: stories == nil ? nil : result.archiveSequence
        )
    }

    /// Adds one feed's update (what a poll result becomes): the batching of `add(_ result:)`.
    public func add(_ update: FeedUpdate) async {
        await enqueue(update, archiveSequence: nil)
    }

    private func enqueue(_ update: FeedUpdate, archiveSequence: Int64?) async {
        while committer != nil && isFull {
            await withCheckedContinuation { waitingForRoom.append($0) }
        }
        let count = update.stories?.count ?? 0
        updates.append(update)
        if let archiveSequence { archiveSequences.append(archiveSequence) }
        stories += count
        if committer == nil {
            if isFull || count > 0 { startCommitter() }
        } else if isReady {
            wakeGatherer()
        }
    }

    /// Commits what is pending and waits until every batch is recorded and published; then ends
    /// the pipeline's run of work (``StoryPipeline/finishWork()``).
    public func drain() async {
        draining += 1
        wakeGatherer()
        while true {
            if let committer {
                await committer.value
            } else if !updates.isEmpty {
                startCommitter()
            } else {
                break
            }
        }
        await publishing?.value
        let pipeline = pipeline
        await run(on: publisher) { pipeline.finishWork() }
        draining -= 1
    }

    /// Returns once `count` batches are in `new/`: an event to wait for instead of a timer.
    public func waitUntilPublished(batches count: Int) async {
        guard published < count else { return }
        await withCheckedContinuation { publishedWaiters.append((count, $0)) }
    }

    private var isFull: Bool { stories >= maximumStories || updates.count >= maximumFeeds }

    /// Whether the gathering batch should be committed without waiting longer.
    private var isReady: Bool { stories >= minimumStories || updates.count >= maximumFeeds || draining > 0 }

    private func startCommitter() {
        committer = Task { await self.commitWhileThereIsWork() }
    }

    /// Records batch after batch: the one pending, then what gathered meanwhile, until a gathered
    /// batch holds no stories (its updates wait for a full batch or a drain).
    private func commitWhileThereIsWork() async {
        repeat {
            let batch = updates
            let archived = archiveSequences
            updates = []
            archiveSequences = []
            stories = 0
            let room = waitingForRoom
            waitingForRoom = []
            for waiter in room { waiter.resume() }
            await commit(batch, archived: archived)
            if !isReady { await gather() }
        } while stories > 0 || isFull || (draining > 0 && !updates.isEmpty)
        committer = nil
    }

    /// Waits until the gathering batch is ready or the window closes on the clock.
    private func gather() async {
        gatherRound += 1
        let round = gatherRound
        let clock = clock
        let window = gatherWindow
        let timer = Task {
            guard (try? await clock.sleep(for: window)) != nil else { return }
            self.closeWindow(round: round)
        }
        await withCheckedContinuation { gatherer = $0 }
        timer.cancel()
    }

    private func closeWindow(round: Int) {
        if round == gatherRound { wakeGatherer() }
    }

    private func wakeGatherer() {
        let waiter = gatherer
        gatherer = nil
        waiter?.resume()
    }

    private func commit(_ batch: [FeedUpdate], archived: [Int64]) async {
        let (pipeline, archive, logger) = (pipeline, archive, logger)
        let outcome = await run(on: recorder) {
            let recorded = Result { try pipeline.record(batch) }
            if case .success = recorded, let archive {
                // Noted after the ledger commit: a crash between the two leaves these fetches
                // unnoted, and replay puts them in fetch order.
                do {
                    try archive.noteCommitted(archived)
                } catch {
                    logger.warning(
                        "the commit order could not be noted in the archive",
                        metadata: ["error": "\(error)"]
                    )
                }
            }
            return recorded
        }
        switch outcome {
        case .success(let summary):
            let total = summary.total
            unpublished.newStories += total.newStories
            unpublished.newVersions += total.newVersions
            unpublishedFiles += summary.staged.count
            counts.repeats += total.repeats
            counts.aliases += total.aliases
            counts.tombstoned += total.tombstoned
            counts.nearVersions += total.nearVersions
            counts.nearAliases += total.nearAliases
            recorded += 1
            // At most one batch is published while the next is recorded; they go in order.
            await publishing?.value
            publishing = Task { await self.publish(summary) }
        case .failure(let error):
            let ids = batch.map(\.feedID)
            let stories = batch.reduce(0) { $0 + ($1.stories?.count ?? 0) }
            failed.formUnion(ids)
            logger.error(
                "spool batch failed; its feeds are ingested again next cycle",
                metadata: ["error": "\(error)", "batch.feeds": "\(ids.count)", "batch.stories": "\(stories)"]
            )
        }
    }

    private func publish(_ summary: IngestSummary) async {
        let pipeline = pipeline
        // Publishes the batches held back by failed renames too.
        let outcome = await run(on: publisher) { Result { try pipeline.publish(summary) } }
        switch outcome {
        case .success:
            counts.newStories += unpublished.newStories
            counts.newVersions += unpublished.newVersions
            written += unpublishedFiles
            unpublished = IngestSummary.Counts()
            unpublishedFiles = 0
        case .failure(let error):
            logger.error(
                "moving a recorded batch into new/ failed; it is retried with the next batch",
                metadata: ["error": "\(error)", "batch.stories": "\(summary.staged.count)"]
            )
        }
        published += 1
        let due = publishedWaiters.filter { $0.count <= published }
        publishedWaiters.removeAll { $0.count <= published }
        for waiter in due { waiter.continuation.resume() }
    }

    /// Runs blocking file and ledger work on a serial queue of its own and awaits its result.
    private nonisolated func run<T: Sendable>(on queue: DispatchQueue, _ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
