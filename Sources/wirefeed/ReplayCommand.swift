// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import Foundation
import Logging
import WirefeedArchive
import WirefeedDaemon
import WirefeedFetch
import WirefeedLedger
import WirefeedModel
import WirefeedSpool

/// `wirefeed replay`: the archived bodies of one state directory re-ingested into a fresh one.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-ingest the archived bodies of a state directory into a fresh state and spool.",
        discussion: """
            The bodies go through the same parse, normalize, dedupe, ledger and spool steps as \
            'wirefeed fetch', in the order their stories were committed (else fetched), each as \
            its feed's poll at its archived fetch time. --from-state is only read. A damaged entry \
            is reported with its name and skipped. Exits 64 when --state or --spool is inside --from-state, 65 after \
            skipping damaged entries, 66 when --from-state holds no archive.
            """
    )

    @Option(name: .customLong("from-state"), help: "The state directory whose archive is replayed (read only).")
    var fromState: String

    @Option(help: "The new state directory (ledger).")
    var state: String

    @Option(help: "The new spool directory.")
    var spool: String

    @Option(help: "The YAML configuration file (for output formats and limits; its folders are not used).")
    var config: String?

    @Option(name: .customLong("feed"), help: "Replay only this feed id (repeatable).")
    var feedIDs: [String] = []

    @Option(help: "Only fetches at or after this time (RFC 3339, a date, or Unix seconds).")
    var since: String?

    @Option(help: "Only fetches at or before this time.")
    var until: String?

    func run() async throws {
        let from = try ArchiveLocation.time(since, option: "--since")
        let to = try ArchiveLocation.time(until, option: "--until")
        for (option, path) in [("--state", state), ("--spool", spool)] where Self.isInside(path, fromState) {
            throw CommandFailure(
                exitCode: CommandFailure.usage,
                message: "\(option) '\(path)' lies inside --from-state '\(fromState)': replay never writes there."
            )
        }
        var configuration = try WirefeedConfiguration.forReading(path: config)
        configuration.stateDirectory = state
        configuration.spoolDirectory = spool
        let archive = try ArchiveLocation.open(
            directory: fromState + "/archive",
            indexCopy: state + "/replay-index"
        )
        let logger = Logger(label: "wirefeed")
        let target = try IngestTarget(configuration: configuration, logger: logger)
        let pipeline = target.pipeline
        var states = target.states
        let fetcher = Fetcher(maximumConcurrency: 1, maximumPerHost: 1)
        let batcher = IngestBatcher(pipeline: pipeline, logger: logger)
        let started = ContinuousClock.now
        var reader = archive.reader(feeds: feedIDs, from: from, until: to) { damage in
            FileHandle.standardError.write(Data("wirefeed: skipped damaged entry \(damage)\n".utf8))
        }
        var replayed = 0
        do {
            while let fetch = try reader.next() {
                // A poller per fetch, as `wirefeed fetch` has one per cycle: its drafts are its own.
                let poller = FeedPoller(
                    fetcher: fetcher,
                    configuration: configuration,
                    logger: logger,
                    preparer: pipeline.preparer
                )
                let feedID = fetch.entry.feedID
                let result = poller.replay(fetch, state: states[feedID] ?? FeedState())
                states[feedID] = result.state
                print(result.summaryLine)
                await batcher.add(result)
                replayed += 1
            }
        } catch {
            await batcher.drain()
            await fetcher.shutdown()
            throw CommandFailure(exitCode: CommandFailure.ioError, message: "\(error)")
        }
        await batcher.drain()
        await fetcher.shutdown()
        let counts = await batcher.total
        let filesWritten = await batcher.filesWritten
        let elapsed = Int((ContinuousClock.now - started).seconds * 1000)
        print(
            "replay: \(replayed) fetches, \(reader.damaged.count) damaged skipped, \(elapsed)ms; spool: \(filesWritten) files: \(counts.newStories) new stories, \(counts.newVersions) new versions; dropped \(counts.repeats) repeats, \(counts.aliases) duplicates"
        )
        if replayed == 0 && reader.damaged.isEmpty {
            throw CommandFailure(exitCode: CommandFailure.missingInput, message: "nothing archived matches.")
        }
        if !reader.damaged.isEmpty {
            throw CommandFailure(
                exitCode: CommandFailure.badData,
                message: "\(reader.damaged.count) damaged archive entries skipped; \(replayed) fetches replayed."
            )
        }
    }

    /// Whether `path` is `folder` or lies inside it, after resolving `.`, `..` and symbolic links.
    static func isInside(_ path: String, _ folder: String) -> Bool {
        let resolvedFolder = Self.resolved(folder)
        let resolvedPath = Self.resolved(path)
        return resolvedPath == resolvedFolder || resolvedPath.hasPrefix(resolvedFolder + "/")
    }

    /// The absolute path with symbolic links resolved, as far as the path exists.
    private static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        var existing = absolute
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var result = existing.resolvingSymlinksInPath().path
        for component in missing { result += (result.hasSuffix("/") ? "" : "/") + component }
        return result
    }
}
