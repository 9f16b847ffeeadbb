// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import Foundation
import Logging
import WirefeedDaemon
import WirefeedFetch
import WirefeedLedger
import WirefeedModel
import WirefeedSpool

/// `wirefeed fetch`: one poll cycle of every feed (or the named ones) now, whatever their schedule.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Poll every feed (or the named ones) now and print one line per feed.",
        discussion: """
            Each line: feed id, HTTP status, bytes, stories, milliseconds, outcome, and the error if \
            any; then a total. Exits 0 even when feeds fail (they are backed off); 64 when the \
            configuration is invalid, 66 when there is nothing to poll.
            """
    )

    @OptionGroup var options: DaemonOptions

    @Option(name: .customLong("feed"), help: "Poll only this feed id (repeatable).")
    var feedIDs: [String] = []

    func run() async throws {
        let configuration = try options.loadConfiguration()
        var feeds = configuration.feeds
        if !feedIDs.isEmpty {
            let known = Set(feeds.map(\.id))
            if let unknown = feedIDs.first(where: { !known.contains($0) }) {
                throw CommandFailure(exitCode: CommandFailure.usage, message: "no feed has the id '\(unknown)'.")
            }
            feeds = feeds.filter { feedIDs.contains($0.id) }
        }
        guard !feeds.isEmpty else {
            throw CommandFailure(
                exitCode: CommandFailure.missingInput,
                message: "no feeds to poll: give --config or --feeds-file."
            )
        }
        let logger = Logger(label: "wirefeed")
        let target = try IngestTarget(configuration: configuration, logger: logger)
        let ledger = target.ledger
        let pipeline = target.pipeline
        let states = target.states
        let fetcher = Fetcher(
            maximumConcurrency: configuration.http.maximumConcurrency,
            maximumPerHost: configuration.http.maximumPerHost
        )
        let archives = ArchiveHandle()
        let poller = FeedPoller(
            fetcher: fetcher,
            configuration: configuration,
            logger: logger,
            preparer: pipeline.preparer,
            archive: archives.archive(for: configuration, logger: logger)
        )
        let batcher = IngestBatcher(pipeline: pipeline, archive: poller.archive, logger: logger)
        let started = ContinuousClock.now
        let results = await PollCycle(poller: poller).run(feeds, states: states) { result in
            print(result.summaryLine)
            await batcher.add(result)
        }
        await batcher.drain()
        await fetcher.shutdown()
        do {
            _ = try ledger.prune(now: Date(), retention: configuration.retention.seconds)
        } catch {
            logger.warning("pruning the ledger failed; retried next time", metadata: ["error": "\(error)"])
        }
        archives.prune(configuration, now: Date(), logger: logger)
        let failed = results.filter { $0.outcome == .failed || $0.outcome == .gone || $0.outcome == .throttled }.count
        let bytes = results.reduce(0) { $0 + $1.bytes }
        let stories = results.reduce(0) { $0 + $1.storyCount }
        let elapsed = Int((ContinuousClock.now - started).seconds * 1000)
        let counts = await batcher.total
        let filesWritten = await batcher.filesWritten
        let batches = await batcher.batchesRecorded
        let retries = await batcher.failedFeeds.count
        print("total: \(results.count) feeds, \(failed) failed, \(bytes)B, \(stories) items, \(elapsed)ms")
        print(
            "spool: \(filesWritten) files in \(batches) batches: \(counts.newStories) new stories, \(counts.newVersions) new versions; dropped \(counts.repeats) repeats, \(counts.aliases) duplicates, \(counts.tombstoned) pruned; \(retries) feeds to retry"
        )
    }
}
