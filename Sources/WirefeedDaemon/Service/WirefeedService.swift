// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import UnixSignals
import WirefeedFetch
import WirefeedLedger
import WirefeedModel
import WirefeedNormalize
import WirefeedSpool

/// The long-running daemon: schedules polls, runs the whole pipeline, survives any single feed's
/// failure. SIGUSR1 polls every enabled feed now; SIGHUP reloads the configuration; graceful
/// shutdown (SIGTERM/SIGINT, through the `ServiceGroup`) stops scheduling, aborts transfers,
/// finishes the spool writes in progress and closes the ledger.
public final class WirefeedService: Service, Sendable {
    /// How the configuration is (re)loaded: the same files and overrides every time.
    public typealias ConfigurationSource = @Sendable () throws -> WirefeedConfiguration

    /// Retention pruning scans the stories table: once an hour is plenty for a 30-day window.
    static let pruneInterval: Duration = .seconds(3600)

    /// How many of the most recently changed feeds a cycle polls, and lands, before the others.
    static let firstWave = 16

    private let loadConfiguration: ConfigurationSource
    private let logger: Logger
    private let notifier: SystemdNotifier
    private let wakeup: Wakeup
    /// What the service's waits (between cycles, the watchdog) are measured on.
    private let clock: any Clock<Duration>
    private let heartbeat = Mutex(ContinuousClock.now)
    private let statusLine = Mutex("starting")
    private let archives = ArchiveHandle()

    public init(
        loadConfiguration: @escaping ConfigurationSource,
        logger: Logger,
        notifier: SystemdNotifier = SystemdNotifier(),
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.clock = clock
        self.wakeup = Wakeup(clock: clock)
        self.loadConfiguration = loadConfiguration
        self.logger = logger
        self.notifier = notifier
    }

    public func run() async throws {
        var configuration = try loadConfiguration()
        let ledger = try Ledger(directory: configuration.stateDirectory)
        ledger.nearDuplicateWindow = configuration.nearDuplicateWindow.seconds
        var pipeline = makePipeline(configuration, ledger: ledger)
        try pipeline.reconcile()
        var states = try ledger.feedStates()
        try writePIDFile(configuration)

        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                let signals = await UnixSignalsSequence(trapping: .sigusr1, .sighup)
                group.addTask { [wakeup, logger] in
                    for await signal in signals {
                        if signal == .sigusr1 {
                            logger.info("manual fetch requested (SIGUSR1)")
                            wakeup.requestManualFetch()
                        } else {
                            logger.info("configuration reload requested (SIGHUP)")
                            wakeup.requestReload()
                        }
                    }
                }
                if let interval = notifier.watchdogInterval {
                    group.addTask { [self] in await keepWatchdogFed(every: interval) }
                }
                // Signals are trapped from here on: only now is it safe to say we are ready.
                notifier.ready(status: summary(configuration, states: states, cycle: "none yet"))
                logger.notice(
                    "wirefeed running",
                    metadata: [
                        "feeds": "\(configuration.feeds.count)", "spool.path": "\(configuration.spoolDirectory)",
                        "state.path": "\(configuration.stateDirectory)",
                    ]
                )

                try await schedule(configuration: &configuration, pipeline: &pipeline, ledger: ledger, states: &states)
                group.cancelAll()
            }
        } onGracefulShutdown: { [wakeup, notifier, logger] in
            logger.notice("stopping")
            notifier.stopping()
            wakeup.requestShutdown()
        }
        try? ledger.checkpoint()
        removePIDFile(configuration)
        logger.notice("stopped cleanly")
    }

    // MARK: - The scheduler loop

    private func schedule(
        configuration: inout WirefeedConfiguration,
        pipeline: inout StoryPipeline,
        ledger: Ledger,
        states: inout [String: FeedState]
    ) async throws {
        var fetcher = Fetcher(
            maximumConcurrency: configuration.http.maximumConcurrency,
            maximumPerHost: configuration.http.maximumPerHost
        )
        // The first cycle polls everything on a first start, else what is due.
        var manualPending = states.isEmpty
        var lastPrune = ContinuousClock.now - Self.pruneInterval
        while !wakeup.isShuttingDown {
            beat()
            let now = Date()
            let enabled = configuration.feeds.filter { states[$0.id]?.disabledReason == nil }
            var due: [FeedSource]
            if manualPending {
                due = enabled
                manualPending = false
            } else {
                due = enabled.filter { (states[$0.id]?.nextPoll ?? .distantPast) <= now }
            }
            // The feeds that changed most recently first: they are the likeliest to have news.
            let lastChanged = due.map { states[$0.id]?.lastChanged ?? .distantPast }
            due = zip(due, lastChanged).sorted { $0.1 > $1.1 }.map(\.0)
            if !due.isEmpty {
                let cycleStart = ContinuousClock.now
                let poller = FeedPoller(
                    fetcher: fetcher,
                    configuration: configuration,
                    logger: logger,
                    preparer: pipeline.preparer,
                    archive: archives.archive(for: configuration, logger: logger)
                )
                let batcher = IngestBatcher(pipeline: pipeline, archive: poller.archive, logger: logger)
                let snapshot = states
                let feedsToPoll = due
                let cycle = Task {
                    // The likeliest feeds first, landed before the rest is polled: a manual fetch
                    // after news lands that news in milliseconds, whatever the number of feeds.
                    let first = Array(feedsToPoll.prefix(Self.firstWave))
                    let rest = Array(feedsToPoll.dropFirst(Self.firstWave))
                    var results = await PollCycle(poller: poller).run(first, states: snapshot, now: now) { result in
                        self.beat()
                        await batcher.add(result)
                    }
                    await batcher.drain()
                    results += await PollCycle(poller: poller).run(rest, states: snapshot, now: now) {
                        result in
                        self.beat()
                        await batcher.add(result)
                    }
                    return results
                }
                let results = await withTaskCancellationHandler {
                    await waitForCycle(cycle)
                } onCancel: {
                    cycle.cancel()
                }
                await batcher.drain()
                let failed = await batcher.failedFeeds
                for result in results where !failed.contains(result.feedID) {
                    states[result.feedID] = result.state
                }
                for id in failed {
                    // The batch did not land: poll the feed again soon, with its old validators.
                    states[id, default: FeedState()].nextPoll = Date().addingTimeInterval(
                        configuration.polling.minimumInterval.seconds
                    )
                }
                let elapsed = ContinuousClock.now - cycleStart
                let counts = await batcher.total
                logger.info(
                    "cycle done",
                    metadata: [
                        "cycle.feeds": "\(due.count)", "cycle.stories.new": "\(counts.newStories)",
                        "cycle.stories.versions": "\(counts.newVersions)",
                        "cycle.duration": "\(Int(elapsed.seconds * 1000))ms",
                    ]
                )
                let line = summary(
                    configuration,
                    states: states,
                    cycle:
                        "\(Timestamp.rfc3339(Date())) \(due.count) feeds, \(counts.newStories + counts.newVersions) new"
                )
                statusLine.withLock { $0 = line }
                notifier.status(line)
                writeMetrics(configuration, ledger: ledger)
                if ContinuousClock.now - lastPrune >= Self.pruneInterval {
                    do {
                        let pruned = try ledger.prune(now: Date(), retention: configuration.retention.seconds)
                        if pruned > 0 { logger.info("ledger pruned", metadata: ["ledger.pruned": "\(pruned)"]) }
                    } catch {
                        logger.warning("pruning the ledger failed; retried next time", metadata: ["error": "\(error)"])
                    }
                    archives.prune(configuration, now: Date(), logger: logger)
                    lastPrune = ContinuousClock.now
                }
            }
            // Sleep until the next feed is due, or a request comes.
            let next = configuration.feeds.compactMap {
                states[$0.id]?.disabledReason == nil ? (states[$0.id]?.nextPoll ?? Date()) : nil
            }.min()
            let wait = min(max((next ?? Date().addingTimeInterval(60)).timeIntervalSinceNow, 0), 60)
            let requests = await wakeup.wait(for: .milliseconds(Int64(wait * 1000)))
            if requests.shutdown { break }
            if requests.reload {
                notifier.reloading()
                do {
                    let reloaded = try loadConfiguration()
                    let added = Set(reloaded.feeds.map(\.id)).subtracting(configuration.feeds.map(\.id))
                    let removed = Set(configuration.feeds.map(\.id)).subtracting(reloaded.feeds.map(\.id))
                    for id in states.keys where states[id]?.disabledReason != nil {
                        states[id]?.disabledReason = nil  // a reload re-enables feeds that were gone
                        states[id]?.nextPoll = nil
                    }
                    if reloaded.http.maximumConcurrency != configuration.http.maximumConcurrency
                        || reloaded.http.maximumPerHost != configuration.http.maximumPerHost
                    {
                        await fetcher.shutdown()
                        fetcher = Fetcher(
                            maximumConcurrency: reloaded.http.maximumConcurrency,
                            maximumPerHost: reloaded.http.maximumPerHost
                        )
                    }
                    if reloaded.spoolDirectory != configuration.spoolDirectory
                        || reloaded.outputFormats != configuration.outputFormats
                    {
                        pipeline = makePipeline(reloaded, ledger: ledger)
                        try pipeline.reconcile()
                    }
                    configuration = reloaded
                    ledger.nearDuplicateWindow = reloaded.nearDuplicateWindow.seconds
                    logger.notice(
                        "configuration reloaded",
                        metadata: [
                            "feeds": "\(reloaded.feeds.count)",
                            "feeds.added": "\(added.sorted().joined(separator: ","))",
                            "feeds.removed": "\(removed.sorted().joined(separator: ","))",
                        ]
                    )
                } catch {
                    logger.error(
                        "configuration reload refused; the old configuration keeps running",
                        metadata: ["error": "\(error)"]
                    )
                }
                notifier.ready(status: summary(configuration, states: states, cycle: statusLine.withLock { $0 }))
            }
            if requests.manual {
                manualPending = true
            }
        }
        await fetcher.shutdown()
    }

    private func waitForCycle(_ cycle: Task<[PollResult], Never>) async -> [PollResult] {
        // Shutdown during a cycle aborts its transfers; the results that came in are kept.
        let action = wakeup.whenShuttingDown { cycle.cancel() }
        let results = await cycle.value
        wakeup.removeShutdownAction(action)
        return results
    }

    private func makePipeline(_ configuration: WirefeedConfiguration, ledger: Ledger) -> StoryPipeline {
        StoryPipeline(
            ledger: ledger,
            spool: SpoolWriter(directory: configuration.spoolDirectory),
            writesText: configuration.outputFormats.contains("txt"),
            logger: logger
        )
    }

    // MARK: - Health

    private func beat() {
        heartbeat.withLock { $0 = .now }
    }

    /// `WATCHDOG=1` every half `WatchdogSec`, only while the scheduler loop makes progress.
    private func keepWatchdogFed(every interval: Duration) async {
        while !Task.isCancelled {
            // A CancellationError escaping here at shutdown would fail the whole service group.
            guard (try? await clock.sleep(for: interval)) != nil else { return }
            let last = heartbeat.withLock { $0 }
            // The loop sleeps at most 60 s between beats; a cycle beats on every result.
            if ContinuousClock.now - last < .seconds(90) {
                notifier.watchdog()
            } else {
                logger.error("scheduler loop stalled: not feeding the watchdog")
            }
        }
    }

    private func summary(_ configuration: WirefeedConfiguration, states: [String: FeedState], cycle: String) -> String {
        let failing = configuration.feeds.filter { (states[$0.id]?.consecutiveErrors ?? 0) > 0 }.count
        let disabled = configuration.feeds.filter { states[$0.id]?.disabledReason != nil }.count
        return "\(configuration.feeds.count) feeds, \(failing) failing, \(disabled) disabled; last cycle: \(cycle)"
    }

    private func writeMetrics(_ configuration: WirefeedConfiguration, ledger: Ledger) {
        guard let path = configuration.metricsFile else { return }
        do {
            try StatusReport.read(from: ledger, configured: configuration.feeds).writePrometheus(to: path)
        } catch {
            logger.warning("metrics file not written", metadata: ["error": "\(error)", "metrics.path": "\(path)"])
        }
    }

    // MARK: - PID file, for `wirefeed trigger`

    public static func pidFilePath(
        stateDirectory: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let runtime = environment["RUNTIME_DIRECTORY"], !runtime.isEmpty {
            return runtime.split(separator: ":").first.map(String.init)! + "/wirefeed.pid"
        }
        return stateDirectory + "/wirefeed.pid"
    }

    private func writePIDFile(_ configuration: WirefeedConfiguration) throws {
        let path = Self.pidFilePath(stateDirectory: configuration.stateDirectory)
        try "\(getpid())\n".write(toFile: path, atomically: true, encoding: .utf8)
    }

    private func removePIDFile(_ configuration: WirefeedConfiguration) {
        try? FileManager.default.removeItem(atPath: Self.pidFilePath(stateDirectory: configuration.stateDirectory))
    }
}
