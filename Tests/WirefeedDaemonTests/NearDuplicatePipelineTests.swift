// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
import Testing
import WirefeedDaemon
import WirefeedFetch
import WirefeedLedger
import WirefeedModel
import WirefeedSpool
import WirefeedTesting

/// The near-duplicate tier through the whole pipeline — loopback fetch, parse, normalize, ledger
/// on a real SQLite file, spool — with `near_duplicate_window` as the daemon sets it.
@Suite(.serialized)
struct NearDuplicatePipelineTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "wirefeed-near-\(UUID().uuidString)"
    ).path
    let t0 = Date(timeIntervalSince1970: 1_469_523_600)

    static let strike = """
        Dock workers at the port of Rotterdam voted on Monday to end a strike that had halted container \
        traffic for nine days, the union said, after the terminal operators agreed to raise wages by 4.5 \
        percent this year and to hire two hundred permanent staff. Ships that had queued off the coast \
        began to berth in the afternoon, and the operators expect the backlog to clear by the end of \
        next week. The strike had delayed deliveries of car parts and food across the Netherlands and \
        Germany, and retailers had warned of empty shelves before the holidays.
        """

    init() throws {
        try CurlGlobal.initialize()
    }

    /// One poll cycle of `feeds` with the tier's window at `window`.
    func cycle(
        _ server: LoopbackHTTPServer,
        feeds: [FeedSource],
        now: Date,
        window: Duration = .seconds(72 * 3600)
    ) async throws -> IngestSummary.Counts {
        var configuration = WirefeedConfiguration()
        configuration.stateDirectory = directory + "/state"
        configuration.spoolDirectory = directory + "/spool"
        configuration.nearDuplicateWindow = window
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let ledger = try Ledger(directory: configuration.stateDirectory)
        ledger.nearDuplicateWindow = configuration.nearDuplicateWindow.seconds
        let pipeline = try StoryPipeline.reconciled(
            ledger: ledger,
            spoolDirectory: configuration.spoolDirectory,
            logger: logger
        )
        let fetcher = Fetcher()
        defer { fetcher.shutdownAndWait() }
        let poller = FeedPoller(fetcher: fetcher, configuration: configuration, logger: logger)
        let batcher = IngestBatcher(pipeline: pipeline, logger: logger)
        await PollCycle(poller: poller).run(feeds, states: try ledger.feedStates(), now: now) { await batcher.add($0) }
        await batcher.drain()
        return await batcher.total
    }

    /// The spooled story versions, without their sequence.
    func spooled() throws -> [String] {
        try SpoolReader(directory: directory + "/spool").names().map { String($0.drop { $0 != "-" }.dropFirst()) }
    }

    func ninjs(_ suffix: String) throws -> [String: Any] {
        let names = try SpoolReader(directory: directory + "/spool").names()
        let name = try #require(names.first { $0.hasSuffix(suffix) }, "no \(suffix) in \(names)")
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/spool/new/" + name + ".json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func strikeItem(guid: String, title: String = "Port strike ends", body: String = strike) -> ChangingFeeds.Item {
        .init(guid: guid, title: title, link: "https://desk.example.com/\(guid)", body: body)
    }

    @Test func aSameFeedUpdateResentUnderANewGuidIsVersionTwoOfTheStory() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let content = ChangingFeeds()
        let server = try await LoopbackHTTPServer(route: { content.reply($0) })
        let desk = FeedSource(id: "desk", url: server.url("/desk"))

        content.set("/desk", [strikeItem(guid: "a1")])
        _ = try await cycle(server, feeds: [desk], now: t0)
        let update = strikeItem(
            guid: "a1-update",
            title: "UPDATE 1-Port strike ends",
            body: Self.strike + " A union spokesman said the vote was close."
        )
        content.set("/desk", [strikeItem(guid: "a1"), update])
        let counts = try await cycle(server, feeds: [desk], now: t0.addingTimeInterval(600))
        #expect(counts.nearVersions == 1 && counts.newStories == 0, "\(counts)")
        #expect(try spooled() == ["port-strike-ends-v1", "port-strike-ends-v2"])

        let v1 = try ninjs("-port-strike-ends-v1")
        let v2 = try ninjs("-port-strike-ends-v2")
        #expect(v2["uri"] as? String == v1["uri"] as? String, "same uri")
        #expect(v2["version"] as? String == "2")
        let altids = try #require(v2["altids"] as? [[String: String]])
        let arrivedAs = try #require(altids.first { $0["role"] == "arrived-as" }?["value"])
        #expect(arrivedAs.hasPrefix("urn:wirefeed:story:") && arrivedAs != v1["uri"] as? String, "\(altids)")
        #expect(altids.contains { $0["role"] == "guid" && $0["value"] == "a1-update" })
        if NinjsValidator.available {
            let names = try SpoolReader(directory: directory + "/spool").names()
            let result = try NinjsValidator.validate(files: names.map { directory + "/spool/new/" + $0 + ".json" })
            #expect(result.status == 0, "\(result.output)")
        } else {
            print("ninjs schema validation skipped: ../shared/schemas or python3 jsonschema is missing")
        }

        // Both identities are known now: the feed served again brings nothing new.
        content.set("/desk", [update, strikeItem(guid: "a1")])
        let again = try await cycle(server, feeds: [desk], now: t0.addingTimeInterval(1200))
        #expect(again.repeats == 2 && again.nearVersions == 0, "\(again)")
        #expect(try spooled().count == 2)
        let report = try StatusReport.read(from: try Ledger(directory: directory + "/state"))
        #expect(report.feeds.first { $0.id == "desk" }?.nearDuplicates == 1)
        try await server.shutdown()
    }

    @Test func aNearCopyOnAnotherFeedIsAnAliasAndNotSpooled() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let content = ChangingFeeds()
        let server = try await LoopbackHTTPServer(route: { content.reply($0) })
        let desk = FeedSource(id: "desk", url: server.url("/desk"))
        let partner = FeedSource(id: "partner", url: server.url("/partner"))

        content.set("/desk", [strikeItem(guid: "a1")])
        content.set("/partner", [])
        _ = try await cycle(server, feeds: [desk, partner], now: t0)
        // The partner's copy: its own guid and headline case, and a few words added.
        let copy = Self.strike.replacingOccurrences(of: "the union said", with: "the union said on Monday")
        content.set("/partner", [strikeItem(guid: "p7", title: "Port Strike Ends", body: copy)])
        let counts = try await cycle(server, feeds: [desk, partner], now: t0.addingTimeInterval(600))
        #expect(counts.nearAliases == 1 && counts.newStories == 0, "\(counts)")
        #expect(try spooled() == ["port-strike-ends-v1"], "the copy is not spooled")
        let report = try StatusReport.read(from: try Ledger(directory: directory + "/state"))
        #expect(report.feeds.first { $0.id == "partner" }?.nearDuplicates == 1)
        #expect(report.feeds.first { $0.id == "desk" }?.nearDuplicates == 0)
        #expect(report.text().contains("1 near-duplicates"))
        try await server.shutdown()
    }

    @Test func twoTemplatedMarketReportsWithOtherFiguresBothSpool() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let content = ChangingFeeds()
        let server = try await LoopbackHTTPServer(route: { content.reply($0) })
        let markets = FeedSource(id: "markets", url: server.url("/markets"))
        func report(_ guid: String, index: String, move: String, close: String, leader: String) -> ChangingFeeds.Item {
            .init(
                guid: guid,
                title: "Stocks close: \(index) \(move)",
                link: "https://desk.example.com/\(guid)",
                body: """
                    The \(index) closed \(move) at \(close) on Tuesday, as investors weighed fresh data on \
                    inflation and the outlook for interest rates. Shares of \(leader) led the gains, while \
                    energy stocks slipped as crude oil prices eased. Trading volumes were close to their \
                    average for the month, and analysts said markets were waiting for the central bank's \
                    decision later in the week before taking large positions.
                    """
            )
        }
        content.set(
            "/markets",
            [
                report("m1", index: "FTSE 100", move: "up 0.8 percent", close: "7,512.3", leader: "Unilever"),
                report("m2", index: "DAX", move: "up 1.2 percent", close: "15,830.1", leader: "Siemens"),
            ]
        )
        let counts = try await cycle(server, feeds: [markets], now: t0)
        #expect(counts.newStories == 2 && counts.nearVersions == 0, "\(counts)")
        #expect(try spooled().count == 2)
        try await server.shutdown()
    }

    @Test func outsideTheWindowANearCopyIsANewStory() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let content = ChangingFeeds()
        let server = try await LoopbackHTTPServer(route: { content.reply($0) })
        let desk = FeedSource(id: "desk", url: server.url("/desk"))

        content.set("/desk", [strikeItem(guid: "a1")])
        _ = try await cycle(server, feeds: [desk], now: t0, window: .seconds(24 * 3600))
        content.set("/desk", [strikeItem(guid: "a1-resent", title: "UPDATE 1-Port strike ends")])
        let counts = try await cycle(
            server,
            feeds: [desk],
            now: t0.addingTimeInterval(48 * 3600),
            window: .seconds(24 * 3600)
        )
        #expect(counts.newStories == 1 && counts.nearVersions == 0, "\(counts)")
        #expect(try spooled() == ["port-strike-ends-v1", "update-1-port-strike-ends-v1"])
        try await server.shutdown()
    }

    @Test func withTheWindowAtZeroTheTierIsOff() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let content = ChangingFeeds()
        let server = try await LoopbackHTTPServer(route: { content.reply($0) })
        let desk = FeedSource(id: "desk", url: server.url("/desk"))
        let partner = FeedSource(id: "partner", url: server.url("/partner"))

        content.set("/desk", [strikeItem(guid: "a1")])
        content.set("/partner", [])
        _ = try await cycle(server, feeds: [desk, partner], now: t0, window: .zero)
        content.set("/desk", [strikeItem(guid: "a1-resent", title: "UPDATE 1-Port strike ends")])
        content.set(
            "/partner",
            [strikeItem(guid: "p7", title: "Port Strike Ends", body: Self.strike + " Talks lasted all night.")]
        )
        let counts = try await cycle(server, feeds: [desk, partner], now: t0.addingTimeInterval(600), window: .zero)
        #expect(counts.newStories == 2 && counts.nearVersions == 0 && counts.nearAliases == 0, "\(counts)")
        #expect(try spooled().count == 3)
        try await server.shutdown()
    }
}
