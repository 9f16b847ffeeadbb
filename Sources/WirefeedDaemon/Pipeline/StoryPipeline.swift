// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
import Synchronization
import WirefeedLedger
import WirefeedModel
import WirefeedNormalize
import WirefeedSpool

/// From poll results to files in the spool, exactly once.
///
/// Results are gathered into batches. A batch is one ledger transaction: feed states and dedupe
/// decisions are recorded, and the new story versions are written into `tmp/` and made durable
/// (one `syncfs`) before it commits. Then the files are renamed into `new/` and `new/` is fsync'd
/// once. After a crash, ``reconcile()`` finishes what a committed batch left in `tmp/` and removes
/// what an uncommitted one did; so a story is never lost and never spooled twice.
///
/// A spool that cannot be written (full, read-only) fails the batch: it is logged, nothing of it is
/// recorded, and its feeds' stories are ingested again on the next cycle.
public final class StoryPipeline: Sendable {
    public let ledger: Ledger
    public let spool: SpoolWriter
    public let preparer: StoryPreparer
    private let logger: Logger
    /// Recorded versions whose renames failed, to publish with the next batch's.
    private struct Unpublished {
        var moves: [SpoolMove] = []
        var through: Int64 = 0
    }

    private let unpublished = Mutex(Unpublished())

    public var writesText: Bool { preparer.writesText }

    public init(ledger: Ledger, spool: SpoolWriter, writesText: Bool, logger: Logger) {
        self.ledger = ledger
        self.spool = spool
        self.preparer = StoryPreparer(writesText: writesText, spool: spool, ledger: ledger)
        self.logger = logger
    }

    /// Creates the spool's folders and finishes what a crash interrupted.
    /// - Returns: the names published by the reconciliation.
    @discardableResult
    public func reconcile() throws -> [String] {
        try spool.prepare()
        let staged = try ledger.stagedNames()
        let published = try spool.reconcile(recorded: staged.map { SpoolMove(name: $0.key, source: $0.value) })
        let present = staged.keys.filter { spool.isPublished($0) }
        for missing in Set(staged.keys).subtracting(present) {
            logger.error("a staged story has no spool file", metadata: ["spool.name": "\(missing)"])
        }
        try ledger.recordAllPublished()
        if !published.isEmpty {
            logger.notice("finished an interrupted spool batch", metadata: ["spool.files": "\(published.count)"])
        }
        return published
    }

    /// Records one batch and makes its files durable in `tmp/`; ``publish(_:)`` then moves them
    /// into `new/` (on a queue of its own, while the next batch is recorded).
    /// - Throws: ``SpoolError`` or a ledger error; nothing of the batch is then recorded.
    public func record(_ updates: [FeedUpdate]) throws -> IngestSummary {
        var drafts: [String] = []
        for update in updates {
            guard let stories = update.stories else { continue }
            // By index: the stories are not copied to read their draft names.
            for index in stories.indices {
                if let name = stories[index].draft?.writtenName { drafts.append(name) }
            }
        }
        let summary: IngestSummary
        do {
            summary = try ledger.ingest(updates) { entries in
                try spool.stage(entries.compactMap(fileToWrite), drafts: entries.compactMap(\.draft?.writtenName))
            }
        } catch {
            spool.discardDrafts(drafts)
            throw error
        }
        for feed in summary.feedsDegraded {
            logger.warning(
                "the feed's guids keep misbehaving (shared, or its own link): it is now keyed by link",
                metadata: ["feed.id": "\(feed)"]
            )
        }
        let used = Set(summary.stagedFrom.values)
        spool.discardDrafts(drafts.filter { !used.contains($0) })
        return summary
    }

    /// Moves a recorded batch's files into `new/` and notes it in the ledger. Batches are published
    /// in the order they were recorded. Should the renames fail (a full or read-only spool), the
    /// batch is kept and published first next time, and the ledger's watermark stays before it: a
    /// restart's ``reconcile()`` finishes it at the latest.
    /// - Throws: the ``SpoolError`` of this attempt.
    public func publish(_ summary: IngestSummary) throws {
        let waiting = unpublished.withLock { waiting in
            waiting.moves += summary.staged.map { SpoolMove(name: $0, source: summary.stagedFrom[$0]) }
            waiting.through = max(waiting.through, summary.lastSequence)
            return waiting
        }
        try spool.publish(waiting.moves)
        unpublished.withLock { $0 = Unpublished() }
        ledger.notePublished(through: waiting.through)
    }

    /// Ends a run of work (a fetch, a daemon's cycle) once every batch of it is published: the
    /// drafts discarded during it, kept for the next drafts to overwrite, are removed.
    public func finishWork() {
        spool.removeSpareDrafts()
    }

    /// The files the commit writes for an entry: none when its poll wrote them ahead as a draft;
    /// else rendered ahead or now (a new version, a slug taken by another story).
    private func fileToWrite(_ entry: SpoolEntry) -> SpoolFile? {
        switch entry.draft {
        case .written: return nil
        case .rendered(let json, let text):
            return SpoolFile(name: entry.name, json: json, text: writesText ? text : nil)
        case nil:
            let files = preparer.render(
                entry.story,
                uri: entry.uri,
                version: entry.version,
                firstCreated: entry.firstCreated,
                arrivedAs: entry.arrivedAs
            )
            return SpoolFile(name: entry.name, json: files.json, text: files.text)
        }
    }
}
