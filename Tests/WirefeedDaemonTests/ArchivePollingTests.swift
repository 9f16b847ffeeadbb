// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
import Synchronization
import Testing
import WirefeedArchive
import WirefeedDaemon
import WirefeedFetch
import WirefeedModel
import WirefeedTesting

/// The poller fills the raw archive: real libcurl against a real loopback server, a real archive
/// folder.
@Suite(.serialized)
struct ArchivePollingTests {
    static let now = Date(utc: "2026-12-07T02:00:00Z")

    init() throws {
        try CurlGlobal.initialize()
    }

    static func feedBody(_ title: String) -> String {
        """
        <rss version="2.0"><channel><title>\(title)</title><link>https://desk.example.com/</link>
        <item><title>\(title) story</title><guid>\(title)-1</guid><description>Body of \(title).</description></item>
        </channel></rss>
        """
    }

    func temporaryState() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wirefeed-archive-poll-\(UUID().uuidString)").path
    }

    func poller(_ fetcher: Fetcher, state: String, archiveRetention: Duration = .seconds(7 * 86400)) -> FeedPoller {
        var configuration = WirefeedConfiguration()
        configuration.polling.jitter = 0
        configuration.stateDirectory = state
        configuration.archiveRetention = archiveRetention
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        return FeedPoller(
            fetcher: fetcher,
            configuration: configuration,
            logger: logger,
            archive: ArchiveHandle().archive(for: configuration, logger: logger)
        )
    }

    @Test func aPollCycleArchivesExactlyTheBodiesThatChanged() async throws {
        // Per path, what the server answers in the current round.
        let round = Mutex(1)
        let server = try await LoopbackHTTPServer { request in
            let current = round.withLock { $0 }
            switch (request.path, current) {
            case ("/a.xml", _): return .ok(Self.feedBody("a\(current)"), headers: [("Set-Cookie", "id=secret")])
            case ("/b.xml", _): return .ok(Self.feedBody("b"))  // the same body every time, no validators
            case ("/c.xml", 1), ("/d.xml", 1): return .ok(Self.feedBody("syndicated"), headers: [("ETag", "\"s1\"")])
            case ("/c.xml", _): return .respond(status: 304)
            default: return .respond(status: 500)
            }
        }
        let fetcher = Fetcher()
        defer { fetcher.shutdownAndWait() }
        let state = temporaryState()
        let poller = poller(fetcher, state: state)
        let feeds = ["a", "b", "c", "d"].map { FeedSource(id: $0, url: server.url("/\($0).xml")) }

        let first = await PollCycle(poller: poller).run(feeds, states: [:], now: Self.now)
        #expect(first.allSatisfy { $0.outcome == .fetched })
        round.withLock { $0 = 2 }
        let states = Dictionary(uniqueKeysWithValues: first.map { ($0.feedID, $0.state) })
        let later = Self.now.addingTimeInterval(300)
        let second = await PollCycle(poller: poller).run(feeds, states: states, now: later)
        let outcomes = Dictionary(uniqueKeysWithValues: second.map { ($0.feedID, $0.outcome) })
        #expect(outcomes == ["a": .fetched, "b": .unchanged, "c": .notModified, "d": .failed])
        try await server.shutdown()

        let archive = try #require(try RawArchive.existing(directory: state + "/archive"))
        let entries = try archive.entries()
        #expect(entries.map(\.feedID).sorted() == ["a", "a", "b", "c", "d"])
        #expect(entries.filter { $0.fetchedAt == later }.map(\.feedID) == ["a"], "round two: only a changed")
        #expect(try archive.statistics().objects == 4, "c and d sent the same body: one object")
        var reader = archive.reader(feeds: ["a"])
        var bodies: [String] = []
        while let fetch = try reader.next() {
            bodies.append(String(decoding: fetch.body, as: UTF8.self))
            #expect(fetch.entry.status == 200)
            #expect(fetch.header("Content-Type") == "application/rss+xml")
            #expect(fetch.header("Set-Cookie") == nil)
            #expect(fetch.entry.url == server.url("/a.xml"))
        }
        #expect(bodies == [Self.feedBody("a1"), Self.feedBody("a2")], "in fetch order")

        // What replay starts from: the archived fetch as the response it was.
        let newest = try archive.read(try #require(try archive.entry(feed: "a")))
        let response = FetchResponse(archived: newest)
        #expect(response.status == 200)
        #expect(response.body == Array(Self.feedBody("a2").utf8))
        #expect(response.charset == nil)
        #expect(response.header("content-type") == "application/rss+xml")
        #expect(response.effectiveURL == server.url("/a.xml"))
    }

    @Test func aBodyThatIsNotAFeedIsArchivedAsItWasParsed() async throws {
        let server = try await LoopbackHTTPServer { _ in
            .respond(status: 200, body: Array("<html>maintenance</html>".utf8))
        }
        let fetcher = Fetcher()
        defer { fetcher.shutdownAndWait() }
        let state = temporaryState()
        let result = await poller(fetcher, state: state).poll(
            FeedSource(id: "broken", url: server.url("/feed.xml")),
            state: FeedState(),
            now: Self.now
        )
        try await server.shutdown()
        #expect(result.outcome == .failed)
        let archive = try #require(try RawArchive.existing(directory: state + "/archive"))
        let entry = try #require(try archive.entry(feed: "broken"))
        #expect(try archive.read(entry).body == Array("<html>maintenance</html>".utf8))
    }

    @Test func aRetentionOfZeroArchivesNothing() async throws {
        let server = try await LoopbackHTTPServer { _ in .ok(Self.feedBody("quiet")) }
        let fetcher = Fetcher()
        defer { fetcher.shutdownAndWait() }
        let state = temporaryState()
        let poller = poller(fetcher, state: state, archiveRetention: .zero)
        #expect(poller.archive == nil)
        let result = await poller.poll(
            FeedSource(id: "q", url: server.url("/q.xml")),
            state: FeedState(),
            now: Self.now
        )
        try await server.shutdown()
        #expect(result.outcome == .fetched)
        #expect(!FileManager.default.fileExists(atPath: state + "/archive"))
    }

    @Test func theHandlePrunesByTheConfiguredRetention() throws {
        var configuration = WirefeedConfiguration()
        configuration.stateDirectory = temporaryState()
        configuration.archiveRetention = .seconds(3600)
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let handle = ArchiveHandle()
        let archive = try #require(handle.archive(for: configuration, logger: logger))
        #expect(handle.archive(for: configuration, logger: logger) === archive, "opened once")
        for (feed, age) in [("old", 7200.0), ("new", 600.0)] {
            _ = try archive.storeNow(
                ArchiveInput(
                    feedID: feed,
                    url: "https://x.example.com/\(feed)",
                    fetchedAt: Self.now.addingTimeInterval(-age),
                    status: 200,
                    headers: [],
                    body: Array(Self.feedBody(feed).utf8)
                )
            )
        }
        handle.prune(configuration, now: Self.now, logger: logger)
        #expect(try archive.entries().map(\.feedID) == ["new"])
        #expect(try archive.statistics().objects == 1)
    }
}

struct ArchiveConfigurationTests {
    func load(_ yaml: String) throws -> WirefeedConfiguration {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wirefeed-config-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("wirefeed.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try ConfigurationLoader.load(path: path)
    }

    @Test func archiveRetentionDefaultsToSevenDaysAndZeroTurnsItOff() throws {
        #expect(WirefeedConfiguration().archiveRetention == .seconds(7 * 86400))
        #expect(try load("archive_retention: 36h\n").archiveRetention == .seconds(36 * 3600))
        #expect(try load("archive_retention: 0\n").archiveRetention == .zero)
        let example = try ConfigurationLoader.load(
            path: Fixtures.repositoryRoot.appendingPathComponent("Config/wirefeed.example.yaml").path
        )
        #expect(example.archiveRetention == .seconds(7 * 86400), "the example documents the default")
    }

    @Test func aBadArchiveRetentionNamesTheFileAndLine() throws {
        do {
            _ = try load("retention: 30d\narchive_retention: a week\n")
            Issue.record("a bad duration was accepted")
        } catch let error as ConfigError {
            #expect(error.line == 2)
            #expect("\(error)".contains("archive_retention"))
        }
    }
}

/// `wirefeed archive show|list`, the built executable against a real archive folder.
struct ArchiveCommandTests {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent(
        "wirefeed-archive-cli-\(UUID().uuidString)"
    )
    .path
    static let t0 = Date(utc: "2026-12-07T01:00:00Z")

    func run(_ arguments: [String]) throws -> (status: Int32, output: [UInt8], error: String) {
        try WirefeedBinary.run(arguments)
    }

    func archive(_ fetches: [(feed: String, body: String, minutes: Double)]) throws -> [ArchiveEntry] {
        let archive = try RawArchive(directory: state + "/archive")
        return try fetches.map { fetch in
            try archive.storeNow(
                ArchiveInput(
                    feedID: fetch.feed,
                    url: "https://wire.example.com/\(fetch.feed).xml",
                    fetchedAt: Self.t0.addingTimeInterval(fetch.minutes * 60),
                    status: 200,
                    headers: [ArchiveHeader(name: "Content-Type", value: "application/rss+xml")],
                    body: Array(fetch.body.utf8)
                )
            )
        }
    }

    @Test func showPrintsTheStatusLineHeadersAndBodyOfTheFetchAtOrBeforeATime() throws {
        _ = try archive([("desk", "<rss>one</rss>", 0), ("other", "<rss>x</rss>", 5), ("desk", "<rss>two</rss>", 10)])
        let newest = try run(["archive", "show", "--state", state, "--feed", "desk"])
        #expect(newest.status == 0, "\(newest.error)")
        #expect(
            String(decoding: newest.output, as: UTF8.self)
                == "HTTP 200 OK\nContent-Type: application/rss+xml\n\n<rss>two</rss>"
        )
        for at in ["2026-12-07T01:00:00Z", "2026-12-07T01:09:59Z"] {
            let first = try run(["archive", "show", "--state", state, "--feed", "desk", "--at", at])
            #expect(first.status == 0)
            #expect(String(decoding: first.output, as: UTF8.self).hasSuffix("\n\n<rss>one</rss>"), "at \(at)")
        }
        let before = try run(["archive", "show", "--state", state, "--feed", "desk", "--at", "2026-12-07T00:59:59Z"])
        #expect(before.status == 66)
        #expect(before.error == "wirefeed: nothing of feed 'desk' is archived at or before 2026-12-07T00:59:59Z.\n")
    }

    @Test func listPrintsOneLinePerFetchInFetchOrder() throws {
        let entries = try archive([
            ("desk", "<rss>one</rss>", 10), ("other", "<rss>x</rss>", 5), ("desk", "<rss>one</rss>", 20),
        ])
        let all = try run(["archive", "list", "--state", state])
        #expect(all.status == 0)
        let lines = String(decoding: all.output, as: UTF8.self).split(separator: "\n")
        #expect(lines.map { $0.split(separator: " ")[1] } == ["other", "desk", "desk"])
        #expect(
            lines.first
                == "2026-12-07T01:05:00Z other 200 12B \(entries[1].storedSize)B \(entries[1].objectName) https://wire.example.com/other.xml"
        )
        let desk = try run(["archive", "list", "--state", state, "--feed", "desk"])
        #expect(String(decoding: desk.output, as: UTF8.self).split(separator: "\n").count == 2)
        #expect(Set(lines.map { $0.split(separator: " ")[5] }).count == 2, "the same body is one object")
    }

    @Test func errorsAreOneLineWithTheirSysexitsCode() throws {
        let entries = try archive([("desk", "<rss>one</rss>", 0)])
        let nothing = try run(["archive", "show", "--state", state + "-nowhere", "--feed", "desk"])
        #expect(nothing.status == 66)
        #expect(nothing.error.hasSuffix("no archive here (nothing fetched yet, or archive_retention is 0).\n"))
        #expect(try run(["archive", "show", "--state", state, "--feed", "nobody"]).status == 66)
        #expect(try run(["archive", "list", "--state", state, "--feed", "nobody"]).status == 66)
        let badTime = try run(["archive", "show", "--state", state, "--feed", "desk", "--at", "yesterday"])
        #expect(badTime.status == 64)
        #expect(badTime.error == "wirefeed: --at 'yesterday' is not a time (e.g. 2026-12-07T02:00:00Z).\n")
        #expect(try run(["archive", "show", "--state", state]).status == 64, "--feed is required")

        let object = state + "/archive/" + entries[0].objectName
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: object)))
        bytes[bytes.count - 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: object))
        let damaged = try run(["archive", "show", "--state", state, "--feed", "desk"])
        #expect(damaged.status == 65)
        #expect(damaged.error.hasPrefix("wirefeed: damaged archive entry: \(entries[0].objectName): "))
        #expect(damaged.error.split(separator: "\n").count == 1)
        #expect(damaged.output.isEmpty)
    }
}
