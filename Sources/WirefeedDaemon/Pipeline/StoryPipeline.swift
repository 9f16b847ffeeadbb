// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
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
    public let writesText: Bool
    private let logger: Logger

    public init(ledger: Ledger, spool: SpoolWriter, writesText: Bool, logger: Logger) {
        self.ledger = ledger
        self.spool = spool
        self.writesText = writesText
        self.logger = logger
    }

    /// Creates the spool's folders and finishes what a crash interrupted.
    /// - Returns: the names published by the reconciliation.
    @discardableResult
    public func reconcile() throws -> [String] {
        try spool.prepare()
        let staged = try ledger.stagedNames()
        let published = try spool.reconcile(recorded: staged)
        let present = staged.filter { spool.isPublished($0) }
        for missing in staged.subtracting(present) {
            logger.error("a staged story has no spool file", metadata: ["spool.name": "\(missing)"])
        }
        try ledger.markPublished(Array(present))
        if !published.isEmpty {
            logger.notice("finished an interrupted spool batch", metadata: ["spool.files": "\(published.count)"])
        }
        return published
    }

    /// Records and spools one batch.
    /// - Throws: ``SpoolError`` or a ledger error; nothing of the batch is then recorded.
    public func commit(_ updates: [FeedUpdate], now: Date = Date()) throws -> IngestSummary {
        let summary = try ledger.ingest(updates, now: now) { entries in
            try spool.stage(entries.map(render))
        }
        for feed in summary.feedsDegraded {
            logger.warning("the feed's guids keep misbehaving (shared, or its own link): it is now keyed by link", metadata: ["feed.id": "\(feed)"])
        }
        try spool.publish(summary.staged)
        try ledger.markPublished(summary.staged)
        return summary
    }

    private func render(_ entry: SpoolEntry) -> SpoolFile {
        let ninjs = NinjsDocument(story: entry.story, uri: entry.uri, version: entry.version, firstCreated: entry.firstCreated)
        var json = ninjs.jsonBytes()
        json.append(0x0A)
        let text = writesText ? Array(TextRenderer.render(entry.story).utf8) : nil
        return SpoolFile(name: entry.name, json: json, text: text)
    }
}
