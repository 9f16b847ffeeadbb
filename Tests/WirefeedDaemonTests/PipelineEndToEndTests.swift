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

/// Feeds whose content the test changes between polls, served on loopback.
final class ChangingFeeds: Sendable {
    struct Item: Sendable {
        var guid: String?
        var title: String
        var link: String
        var body: String
    }

    private let feeds = Mutex<[String: [Item]]>([:])

    func set(_ path: String, _ items: [Item]) {
        feeds.withLock { $0[path] = items }
    }

    func reply(_ request: LoopbackHTTPServer.Request) -> LoopbackHTTPServer.Reply {
        guard let items = feeds.withLock({ $0[request.path] }) else { return .respond(status: 404) }
        var xml =
            "<rss version=\"2.0\"><channel><title>\(request.path)</title><link>https://desk.example.com\(request.path)/</link>"
        for item in items {
            xml += "<item><title>\(item.title)</title><link>\(item.link)</link>"
            if let guid = item.guid { xml += "<guid isPermaLink=\"false\">\(guid)</guid>" }
            xml +=
                "<pubDate>Tue, 26 Jul 2016 09:00:00 GMT</pubDate><description>&lt;p&gt;\(item.body)&lt;/p&gt;</description></item>"
        }
        return .ok(xml + "</channel></rss>")
    }
}

/// The whole pipeline — fetch, parse, normalize, dedupe, ledger, spool — over a loopback server
/// whose feeds change between polls. The spool must hold exactly the expected files and versions.
@Suite(.serialized)
struct PipelineEndToEndTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wirefeed-e2e-\(UUID().uuidString)")
        .path

    init() throws {
        try CurlGlobal.initialize()
    }

    /// Runs one poll cycle of `feeds` through the whole pipeline.
    func cycle(_ server: LoopbackHTTPServer, feeds: [FeedSource], now: Date) async throws -> IngestSummary.Counts {
        var configuration = WirefeedConfiguration()
        configuration.stateDirectory = directory + "/state"
        configuration.spoolDirectory = directory + "/spool"
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let ledger = try Ledger(directory: configuration.stateDirectory)
        let pipeline = try StoryPipeline.reconciled(
            ledger: ledger,
            spoolDirectory: configuration.spoolDirectory,
            logger: logger
        )
        let fetcher = Fetcher()
        defer { fetcher.shutdownAndWait() }
        let poller = FeedPoller(fetcher: fetcher, configuration: configuration, logger: logger)
        let batcher = IngestBatcher(pipeline: pipeline, logger: logger)
        let states = try ledger.feedStates()
        await PollCycle(poller: poller).run(feeds, states: states, now: now) { await batcher.add($0) }
        await batcher.drain()
        return await batcher.total
    }

    func spooled() throws -> [String] {
        try SpoolReader(directory: directory + "/spool").names().map { name in
            // Drop the sequence: what matters is which story versions are there.
            String(name.drop { $0 != "-" }.dropFirst())
        }
    }

    @Test func everyStoryExactlyOnceAsFeedsChange() async throws {
        let content = ChangingFeeds()
        let server = try await LoopbackHTTPServer(route: { content.reply($0) })
        let a = FeedSource(id: "a", url: server.url("/a"))
        let b = FeedSource(id: "b", url: server.url("/b"))
        let same = FeedSource(id: "same-guids", url: server.url("/same"))
        let t0 = Date(timeIntervalSince1970: 1_469_523_600)

        // Poll 1: two new stories on a, one of them syndicated on b too; a feed whose guids are all equal.
        content.set(
            "/a",
            [
                .init(
                    guid: "a1",
                    title: "Port strike ends",
                    link: "https://desk.example.com/a1",
                    body: "Workers returned."
                ),
                .init(guid: "a2", title: "Rail link reopens", link: "https://desk.example.com/a2", body: "Trains run."),
            ]
        )
        content.set(
            "/b",
            [
                .init(
                    guid: "b9",
                    title: "Port strike ends",
                    link: "https://partner.example.org/x",
                    body: "Workers returned."
                )
            ]
        )
        content.set(
            "/same",
            [
                .init(guid: "g", title: "First of same", link: "https://same.example.com/1", body: "One."),
                .init(guid: "g", title: "Second of same", link: "https://same.example.com/2", body: "Two."),
            ]
        )
        var counts = try await cycle(server, feeds: [a, b, same], now: t0)
        #expect(counts.newStories == 4)
        #expect(counts.aliases == 1, "the syndicated copy lands once")
        #expect(
            try spooled().sorted() == [
                "first-of-same-v1", "port-strike-ends-v1", "rail-link-reopens-v1", "second-of-same-v1",
            ]
        )

        // Poll 2: a2 edited, a new item a3, a guid re-used for a new story (a1 gets new content).
        content.set(
            "/a",
            [
                .init(
                    guid: "a1",
                    title: "Port strike ends; ships sail",
                    link: "https://desk.example.com/a1",
                    body: "Workers returned; ships left."
                ),
                .init(
                    guid: "a2",
                    title: "Rail link reopens",
                    link: "https://desk.example.com/a2",
                    body: "Trains run again."
                ),
                .init(
                    guid: "a3",
                    title: "Coffee prices climb",
                    link: "https://desk.example.com/a3",
                    body: "Arabica rose."
                ),
            ]
        )
        counts = try await cycle(server, feeds: [a, b, same], now: t0.addingTimeInterval(600))
        #expect(counts.newStories == 1)
        #expect(counts.newVersions == 2)
        let files = try spooled()
        #expect(files.contains("rail-link-reopens-v2"))
        #expect(files.contains("port-strike-ends-v2"), "a new version keeps the slug of version 1")
        #expect(files.contains("coffee-prices-climb-v1"))
        #expect(files.count == 7)

        // Poll 3: nothing new anywhere: nothing written.
        counts = try await cycle(server, feeds: [a, b, same], now: t0.addingTimeInterval(1200))
        #expect(counts.newStories + counts.newVersions == 0)
        #expect(try spooled().count == 7)

        // Every spooled ninjs object names its version, keeps its story's uri and first creation.
        let spool = directory + "/spool/new/"
        let names = try SpoolReader(directory: directory + "/spool").names()
        func ninjs(_ suffix: String) throws -> [String: Any] {
            let name = try #require(names.first { $0.hasSuffix(suffix) })
            return try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: spool + name + ".json"))
            ) as! [String: Any]
        }
        let v1 = try ninjs("-rail-link-reopens-v1")
        let v2 = try ninjs("-rail-link-reopens-v2")
        #expect(v1["uri"] as? String == v2["uri"] as? String)
        #expect(v1["firstcreated"] as? String == v2["firstcreated"] as? String)
        #expect(v2["version"] as? String == "2")
        #expect(FileManager.default.fileExists(atPath: spool + names[0] + ".txt"))
        if NinjsValidator.available {
            let result = try NinjsValidator.validate(files: names.map { spool + $0 + ".json" })
            #expect(result.status == 0, "\(result.output)")
            #expect(result.output.contains("\(names.count) valid"))
        } else {
            print("ninjs schema validation of the spool skipped: ../shared/schemas or python3 jsonschema is missing")
        }
        try await server.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func aPrunedItemThatResurfacesIsNotReingested() async throws {
        let content = ChangingFeeds()
        let server = try await LoopbackHTTPServer(route: { content.reply($0) })
        let feed = FeedSource(id: "a", url: server.url("/a"))
        let old = ChangingFeeds.Item(
            guid: "old",
            title: "Old story",
            link: "https://desk.example.com/old",
            body: "Long ago."
        )
        let fresh = ChangingFeeds.Item(
            guid: "new",
            title: "New story",
            link: "https://desk.example.com/new",
            body: "Today."
        )
        let t0 = Date(timeIntervalSince1970: 1_469_523_600)

        content.set("/a", [old])
        _ = try await cycle(server, feeds: [feed], now: t0)
        // The feed drops the old item; 40 days later the ledger prunes it.
        content.set("/a", [fresh])
        _ = try await cycle(server, feeds: [feed], now: t0.addingTimeInterval(40 * 86400))
        let ledger = try Ledger(directory: directory + "/state")
        #expect(try ledger.prune(now: t0.addingTimeInterval(40 * 86400), retention: 30 * 86400) == 1)
        // The feed re-surfaces it: not ingested again.
        content.set("/a", [fresh, old])
        let counts = try await cycle(server, feeds: [feed], now: t0.addingTimeInterval(41 * 86400))
        #expect(counts.tombstoned == 1)
        #expect(counts.newStories == 0)
        #expect(try spooled().sorted() == ["new-story-v1", "old-story-v1"])
        try await server.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func retentionNeverPrunesWhatTheFeedStillCarries() async throws {
        let content = ChangingFeeds()
        let server = try await LoopbackHTTPServer(route: { content.reply($0) })
        let feed = FeedSource(id: "a", url: server.url("/a"))
        let t0 = Date(timeIntervalSince1970: 1_469_523_600)
        content.set(
            "/a",
            [.init(guid: "kept", title: "Evergreen", link: "https://desk.example.com/e", body: "Still here.")]
        )
        _ = try await cycle(server, feeds: [feed], now: t0)
        let ledger = try Ledger(directory: directory + "/state")
        #expect(try ledger.prune(now: t0.addingTimeInterval(90 * 86400), retention: 30 * 86400) == 0)
        try await server.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
