// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
import Synchronization
import Testing
import WirefeedDaemon
import WirefeedFetch
import WirefeedLedger
import WirefeedModel
import WirefeedSpool
import WirefeedTesting

/// A farm of feeds with working validators (ETag, 304), served on loopback. Each generation adds
/// `items` new stories to every feed (the feed carries all of them), so that every poll after an
/// ``advance()`` has an ingest to do.
final class GrowingFarm: Sendable {
    let feeds: Int
    let items: Int
    private let generation = Mutex(0)

    init(feeds: Int, items: Int) {
        self.feeds = feeds
        self.items = items
    }

    func advance() {
        generation.withLock { $0 += 1 }
    }

    /// Every story the farm has served so far.
    var stories: Int { feeds * items * (generation.withLock { $0 } + 1) }

    func body(_ feed: Int, generations: Int) -> String {
        var xml =
            "<rss version=\"2.0\"><channel><title>Farm \(feed)</title><link>https://farm.example.com/\(feed)/</link>"
        for generation in 0...generations {
            for item in 0..<items {
                xml +=
                    "<item><title>Story \(feed) \(generation) \(item) of the farm</title><guid>farm-\(feed)-\(generation)-\(item)</guid>"
                xml +=
                    "<description>&lt;p&gt;Paragraph one of \(feed)/\(generation)/\(item).&lt;/p&gt;&lt;p&gt;Paragraph two.&lt;/p&gt;</description></item>"
            }
        }
        return xml + "</channel></rss>"
    }

    func reply(_ request: LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Reply {
        guard request.path.hasPrefix("/feed-"), let feed = Int(request.path.dropFirst(6).dropLast(4)), feed < feeds
        else {
            return .respond(status: 404)
        }
        let current = generation.withLock { $0 }
        let etag = "\"farm-\(feed)-\(current)\""
        if request.header("If-None-Match") == etag { return .respond(status: 304) }
        return .ok(body(feed, generations: current), headers: [("ETag", etag)])
    }

    func urls(_ server: LoopbackHTTPServer) -> String {
        (0..<feeds).map { server.url("/feed-\($0).xml") }.joined(separator: "\n") + "\n"
    }
}

/// The spool after a crash: no duplicate, no missing story, every `.json` whole, nothing in `tmp/`.
func expectExactSpool(_ spool: String, stories expected: Int, sourceLocation: SourceLocation = #_sourceLocation) throws
{
    let names = try SpoolReader(directory: spool).names()
    let stories = names.map { String($0.drop { $0 != "-" }.dropFirst()) }
    #expect(names.count == expected, "\(names.count) files for \(expected) stories", sourceLocation: sourceLocation)
    #expect(Set(stories).count == stories.count, "no story twice", sourceLocation: sourceLocation)
    for name in names {
        let data = try Data(contentsOf: URL(fileURLWithPath: spool + "/new/" + name + ".json"))
        #expect(
            (try? JSONSerialization.jsonObject(with: data)) != nil,
            "\(name).json parses",
            sourceLocation: sourceLocation
        )
        #expect(FileManager.default.fileExists(atPath: spool + "/new/" + name + ".txt"), sourceLocation: sourceLocation)
    }
    let leftInTmp = try FileManager.default.subpathsOfDirectory(atPath: spool + "/tmp").filter {
        !$0.hasPrefix("drafts-") || $0.contains("/")
    }
    #expect(leftInTmp.isEmpty, "nothing left in tmp/ (its empty draft folders aside)", sourceLocation: sourceLocation)
}

/// `kill -9` the real `wirefeed fetch` at random moments during a large ingest, restart, and check
/// the spool: no duplicate, no missing story. `WIREFEED_CRASH_TRIALS=500 swift test --filter
/// CrashConsistencyTests` soaks longer.
@Suite(
    .serialized,
    .enabled(if: WirefeedBinary.url != nil, "the wirefeed binary is not built next to the tests: skipped")
)
struct CrashConsistencyTests {
    @Test func killedAtRandomMomentsTheSpoolHoldsEveryStoryExactlyOnce() async throws {
        let trials = Int(ProcessInfo.processInfo.environment["WIREFEED_CRASH_TRIALS"] ?? "") ?? 20
        let farm = GrowingFarm(feeds: 40, items: 15)
        let server = try await LoopbackHTTPServer(route: { farm.reply($0) })
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wirefeed-crash-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let urls = directory + "/urls.txt"
        try farm.urls(server).write(toFile: urls, atomically: true, encoding: .utf8)
        let arguments = ["fetch", "--urls", urls, "--state", directory + "/state", "--spool", directory + "/spool"]

        var random = SeededRandom(seed: 20_261_125)
        var killed = 0
        for _ in 0..<trials {
            farm.advance()
            let process = try WirefeedBinary.start(arguments)
            try await Task.sleep(for: .milliseconds(Int.random(in: 20...900, using: &random)))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
        }
        // A run to completion, then one more that must find nothing new.
        for _ in 0..<2 {
            let process = try WirefeedBinary.start(arguments)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(killed > trials / 2, "most trials were killed mid-run")
        try expectExactSpool(directory + "/spool", stories: farm.stories)
        try await server.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// A full disk: the spool on a small tmpfs. Needs root (to mount); skipped otherwise.
@Suite(.serialized, .enabled(if: getuid() == 0, "mounting a small tmpfs needs root: skipped"))
struct DiskFullTests {
    init() throws {
        try CurlGlobal.initialize()
    }

    func mount(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func aFullSpoolLosesNothingAndDoublesNothingOnceSpaceReturns() async throws {
        let farm = GrowingFarm(feeds: 30, items: 40)
        let server = try await LoopbackHTTPServer(route: { farm.reply($0) })
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wirefeed-full-\(UUID().uuidString)"
        ).path
        let spool = directory + "/spool"
        try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        guard try mount(["-t", "tmpfs", "-o", "size=600k", "tmpfs", spool]) == 0 else {
            try await server.shutdown()
            withKnownIssue("this machine does not allow mounting a tmpfs") { throw CancellationError() }
            return
        }
        let feeds = (0..<farm.feeds).map { FeedSource(id: "farm-\($0)", url: server.url("/feed-\($0).xml")) }
        var configuration = WirefeedConfiguration()
        configuration.stateDirectory = directory + "/state"
        configuration.spoolDirectory = spool
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

        func cycle() async throws -> IngestBatcher {
            let ledger = try Ledger(directory: configuration.stateDirectory)
            let pipeline = try StoryPipeline.reconciled(ledger: ledger, spoolDirectory: spool, logger: logger)
            let fetcher = Fetcher()
            defer { fetcher.shutdownAndWait() }
            let batcher = IngestBatcher(pipeline: pipeline, maximumStories: 40, maximumFeeds: 1, logger: logger)
            let poller = FeedPoller(fetcher: fetcher, configuration: configuration, logger: logger)
            await PollCycle(poller: poller).run(feeds, states: try ledger.feedStates()) {
                await batcher.add($0)
            }
            await batcher.drain()
            return batcher
        }

        let full = try await cycle()
        #expect(await !full.failedFeeds.isEmpty, "the disk filled up")
        #expect(await full.filesWritten > 0, "what fitted was written")
        #expect(try mount(["-o", "remount,size=64m", spool]) == 0)
        let retried = try await cycle()
        #expect(await retried.failedFeeds.isEmpty)
        try expectExactSpool(spool, stories: farm.stories)
        let unmount = Process()
        unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
        unmount.arguments = [spool]
        try unmount.run()
        unmount.waitUntilExit()
        try await server.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
