// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
import Synchronization
import Testing
import WirefeedArchive
import WirefeedDaemon
import WirefeedFetch
import WirefeedLedger
import WirefeedModel
import WirefeedSpool
import WirefeedTesting

/// `wirefeed replay`: the built executable fetches two generations of a loopback farm into state A,
/// then replays A's archive into fresh folders.
@Suite(.serialized)
struct ReplayTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("wirefeed-replay-\(UUID().uuidString)")
        .path

    /// One spooled story version, as its ninjs file says.
    struct Spooled: Hashable {
        var uri: String
        var version: String
        var slug: String
        var headline: String
    }

    static func item(_ guid: String, _ title: String, _ body: String) -> String {
        "<item><title>\(title)</title><guid>\(guid)</guid><link>https://wire.example.com/\(guid)</link><description>\(body)</description></item>"
    }

    static func feed(_ items: [String]) -> String {
        "<rss version=\"2.0\"><channel><title>Desk</title><link>https://wire.example.com/</link>\(items.joined())</channel></rss>"
    }

    /// Generation 0, then 1: an edit of `wire-1` (its version 2), a new story, and a syndicated copy
    /// that appears in `syn-b` only in generation 1.
    static func body(path: String, generation: Int) -> String? {
        let syndicated = item("syn-1", "Syndicated harbour report", "Ships wait outside the harbour.")
        switch (path, generation) {
        case ("/wire.xml", 0): return feed([item("wire-1", "Wire council vote", "The council votes today.")])
        case ("/wire.xml", _):
            return feed([
                item("wire-1", "Wire council vote", "The council voted 7 to 2 today."),
                item("wire-2", "Wire river flood", "The river rose overnight."),
            ])
        case ("/syn-a.xml", _): return feed([syndicated])
        case ("/syn-b.xml", 0): return feed([item("b-1", "Syndicated market close", "Shares closed higher.")])
        case ("/syn-b.xml", _):
            return feed([item("b-1", "Syndicated market close", "Shares closed higher."), syndicated])
        default: return nil
        }
    }

    func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try WirefeedBinary.runForText(arguments)
    }

    /// Fetches both generations into `root/A` with the real binary.
    func fetchTwoGenerations() async throws {
        let generation = Mutex(0)
        let server = try await LoopbackHTTPServer { request in
            guard let body = Self.body(path: request.path, generation: generation.withLock { $0 }) else {
                return .respond(status: 404)
            }
            return .ok(body, headers: [("Content-Type", "application/rss+xml")])
        }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let urls = root + "/urls.txt"
        let lines = ["wire", "syn-a", "syn-b"].map { "\(server.url("/\($0).xml")) id=\($0)\n" }.joined()
        try lines.write(toFile: urls, atomically: true, encoding: .utf8)
        for next in 0...1 {
            generation.withLock { $0 = next }
            let fetched = try run(["fetch", "--urls", urls, "--state", root + "/A", "--spool", root + "/spoolA"])
            #expect(fetched.status == 0, "\(fetched.error)")
        }
        try await server.shutdown()
    }

    /// The story versions in a spool's `new/` folder.
    func spooled(_ spool: String) throws -> Set<Spooled> {
        let folder = spool + "/new"
        var result = Set<Spooled>()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".json") {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            // `<12-digit sequence>-<slug>-v<version>.json`
            let stem = name.dropLast(".json".count).dropFirst(13)
            let versionMark = try #require(stem.range(of: "-v", options: .backwards))
            let slug = stem[..<versionMark.lowerBound]
            result.insert(
                Spooled(
                    uri: try #require(object["uri"] as? String),
                    version: try #require(object["version"] as? String),
                    slug: String(slug),
                    headline: ((object["headlines"] as? [[String: Any]])?.first?["value"] as? String) ?? ""
                )
            )
        }
        return result
    }

    /// Every regular file under `folder`, by relative path, with its bytes.
    func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if exists && !isDirectory.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
            }
        }
        return files
    }

    @Test func replayGivesTheSameStoriesAndVersionsAndLeavesTheOldStateUntouched() async throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await fetchTwoGenerations()
        let before = try snapshot(root + "/A")
        let replayed = try run([
            "replay", "--from-state", root + "/A", "--state", root + "/B", "--spool", root + "/spoolB",
        ])
        #expect(replayed.status == 0, "\(replayed.error)")
        let original = try spooled(root + "/spoolA")
        #expect(original.contains { $0.version == "2" }, "the edit became version 2")
        #expect(original.filter { $0.headline == "Syndicated harbour report" }.count == 1, "the copy is spooled once")
        #expect(try Set(spooled(root + "/spoolB").map(\.key)) == Set(original.map(\.key)))
        #expect(try snapshot(root + "/A") == before)
    }

    /// Two feeds carry the same story under their own guids; `first` is fetched (and archived)
    /// first, `second` is committed first, as concurrent polls can finish out of the order they
    /// were archived in. Both are polled in-process into `root/A` with a real archive, ledger and
    /// spool.
    /// - Returns: the uri of each copy's story.
    func fetchSyndicatedCopiesCommittedOutOfOrder() async throws -> (first: String, second: String) {
        try CurlGlobal.initialize()
        let copy = { @Sendable (guid: String) in
            Self.feed([Self.item(guid, "Syndicated harbour report", "Ships wait outside the harbour.")])
        }
        let server = try await LoopbackHTTPServer { request in
            switch request.path {
            case "/first.xml": return .ok(copy("first-1"), headers: [("Content-Type", "application/rss+xml")])
            case "/second.xml": return .ok(copy("second-1"), headers: [("Content-Type", "application/rss+xml")])
            default: return .respond(status: 404)
            }
        }
        var configuration = WirefeedConfiguration()
        configuration.stateDirectory = root + "/A"
        configuration.spoolDirectory = root + "/spoolA"
        configuration.archiveRetention = .seconds(7 * 86400)
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let pipeline = try StoryPipeline.reconciled(
            ledger: try Ledger(directory: configuration.stateDirectory),
            spoolDirectory: configuration.spoolDirectory,
            logger: logger
        )
        let fetcher = Fetcher()
        defer { fetcher.shutdownAndWait() }
        let poller = FeedPoller(
            fetcher: fetcher,
            configuration: configuration,
            logger: logger,
            preparer: pipeline.preparer,
            archive: ArchiveHandle().archive(for: configuration, logger: logger)
        )
        let now = Date()
        let first = await poller.poll(
            FeedSource(id: "first", url: server.url("/first.xml")),
            state: FeedState(),
            now: now
        )
        let second = await poller.poll(
            FeedSource(id: "second", url: server.url("/second.xml")),
            state: FeedState(),
            now: now
        )
        try await server.shutdown()
        #expect([first.outcome, second.outcome] == [.fetched, .fetched], "\(first.summaryLine) \(second.summaryLine)")
        let batcher = IngestBatcher(pipeline: pipeline, archive: poller.archive, logger: logger)
        await batcher.add(second)
        await batcher.add(first)
        await batcher.drain()
        #expect(await batcher.total.aliases == 1, "the later commit is an alias of the earlier")
        let firstStory = try #require(first.prepared.first)
        let secondStory = try #require(second.prepared.first)
        return (firstStory.uri, secondStory.uri)
    }

    @Test func replayMakesTheCopyCommittedFirstTheStoryNotTheOneFetchedFirst() async throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let uris = try await fetchSyndicatedCopiesCommittedOutOfOrder()
        #expect(uris.first != uris.second)
        let original = try spooled(root + "/spoolA")
        #expect(original.map(\.uri) == [uris.second], "the copy committed first is the story")
        let replayed = try run([
            "replay", "--from-state", root + "/A", "--state", root + "/B", "--spool", root + "/spoolB",
        ])
        #expect(replayed.status == 0, "\(replayed.error)")
        #expect(try Set(spooled(root + "/spoolB").map(\.key)) == Set(original.map(\.key)))
    }

    @Test func feedFilteringReplaysOnlyTheNamedFeeds() async throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await fetchTwoGenerations()
        let replayed = try run([
            "replay", "--from-state", root + "/A", "--state", root + "/C", "--spool", root + "/spoolC", "--feed",
            "wire",
        ])
        #expect(replayed.status == 0, "\(replayed.error)")
        let wire = try spooled(root + "/spoolA").filter { $0.headline.hasPrefix("Wire ") }
        #expect(!wire.isEmpty)
        #expect(try Set(spooled(root + "/spoolC").map(\.key)) == Set(wire.map(\.key)))
    }

    @Test func aDamagedObjectIsReportedByNameAndSkippedWithExit65() async throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await fetchTwoGenerations()
        let archive = try #require(try RawArchive.existing(directory: root + "/A/archive"))
        let damaged = try #require(
            try archive.entries(feeds: ["syn-b"], from: nil, until: nil, after: nil, limit: 10).last
        )
        let path = archive.objectPath(damaged)
        try Data("not zstd at all".utf8).write(to: URL(fileURLWithPath: path))
        let replayed = try run([
            "replay", "--from-state", root + "/A", "--state", root + "/D", "--spool", root + "/spoolD",
        ])
        #expect(replayed.status == 65)
        #expect(replayed.error.contains(damaged.objectName))
        #expect(replayed.error.contains("feed syn-b"))
        // The other fetches were replayed: the wire desk's stories are all there.
        let wire = try spooled(root + "/spoolA").filter { $0.headline.hasPrefix("Wire ") }
        #expect(try Set(spooled(root + "/spoolD").map(\.key)).isSuperset(of: Set(wire.map(\.key))))
    }

    @Test func aStateInsideTheOldStateIsRefusedWithExit64AndNoArchiveIsExit66() async throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await fetchTwoGenerations()
        let before = try snapshot(root + "/A")
        let inside = try run([
            "replay", "--from-state", root + "/A", "--state", root + "/A/new", "--spool", root + "/s",
        ])
        #expect(inside.status == 64)
        #expect(inside.error.split(separator: "\n").count == 1)
        let same = try run(["replay", "--from-state", root + "/A", "--state", root + "/E", "--spool", root + "/A"])
        #expect(same.status == 64)
        #expect(try snapshot(root + "/A") == before)
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        let none = try run(["replay", "--from-state", root + "/empty", "--state", root + "/F", "--spool", root + "/sF"])
        #expect(none.status == 66)
    }
}

extension ReplayTests.Spooled {
    /// What replay must reproduce: the identity, version and slug.
    var key: [String] { [uri, version, slug] }
}
