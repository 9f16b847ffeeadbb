// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
import Synchronization
import Testing
import WirefeedDaemon
import WirefeedFetch
import WirefeedModel
import WirefeedTesting

/// The poller's share of issue 16: secrets stay with their origin across adopted redirects, and
/// a one-second `Last-Modified` never hides a change behind a 304.
@Suite(.serialized)
struct FeedPollerHardeningTests {
    static let feedBody = """
        <rss version="2.0"><channel><title>Desk</title><link>https://desk.example.com/</link>
        <item><title>First story</title><guid>s1</guid><description>Body one.</description></item>
        </channel></rss>
        """

    init() throws {
        try CurlGlobal.initialize()
    }

    func withPoller(
        addresses: [String] = ["127.0.0.1"],
        route: @escaping LoopbackHTTPServer.Route,
        _ body: (FeedPoller, LoopbackHTTPServer) async throws -> Void
    ) async throws {
        let server = try await LoopbackHTTPServer(addresses: addresses, route: route)
        let fetcher = Fetcher()
        var configuration = WirefeedConfiguration()
        configuration.polling.jitter = 0
        let poller = FeedPoller(
            fetcher: fetcher,
            configuration: configuration,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        defer { fetcher.shutdownAndWait() }
        try await body(poller, server)
        try await server.shutdown()
    }

    @Test func aPermanentRedirectToAnotherOriginIsNotAdoptedByAFeedWithCredentials() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wirefeed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let tokenFile = directory.appendingPathComponent("token").path
        try "tok1\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        let port = Mutex(0)
        try await withPoller(addresses: ["127.0.0.1", "127.0.0.2"]) { request in
            request.host.hasPrefix("127.0.0.1")
                ? .respond(status: 301, headers: [("Location", "http://127.0.0.2:\(port.withLock { $0 })/feed.xml")])
                : .ok(Self.feedBody)
        } _: { poller, server in
            port.withLock { $0 = server.port }
            let withSecrets = FeedSource(
                id: "partner",
                url: server.url("/feed.xml"),
                headers: [HTTPHeader(name: "X-Api-Key", value: "abc")],
                credentials: .bearer(tokenFile: tokenFile)
            )
            var state = FeedState()
            for poll in 1...5 {
                let result = await poller.poll(withSecrets, state: state, now: Date())
                #expect(result.outcome != .failed, "poll \(poll): \(result.error ?? "")")
                state = result.state
                #expect(state.currentURL == nil, "poll \(poll): the stored URL moved to another origin")
            }
            let configured = server.requests.filter { $0.host.hasPrefix("127.0.0.1") }
            let moved = server.requests.filter { $0.host.hasPrefix("127.0.0.2") }
            #expect(configured.count == 5, "every poll goes through the configured URL")
            #expect(configured.allSatisfy { $0.header("Authorization") == "Bearer tok1" })
            #expect(moved.count == 5)
            #expect(moved.allSatisfy { $0.header("Authorization") == nil && $0.header("X-Api-Key") == nil })

            // A feed without secrets adopts the same move after three polls.
            let plain = FeedSource(id: "plain", url: server.url("/feed.xml"))
            state = FeedState()
            for _ in 1...3 { state = await poller.poll(plain, state: state, now: Date()).state }
            #expect(state.currentURL == server.url("/feed.xml", address: "127.0.0.2"))
        }
    }

    @Test func aLastModifiedInTheSameSecondAsTheResponseIsNotSentBack() async throws {
        try await withPoller(route: { request in
            let now = HTTPDateText.format(Date())
            switch request.path {
            case "/fresh.xml": return .ok(Self.feedBody, headers: [("Last-Modified", now), ("Date", now)])
            case "/tagged.xml":
                return .ok(Self.feedBody, headers: [("Last-Modified", now), ("Date", now), ("ETag", "\"v1\"")])
            default:
                let old = HTTPDateText.format(Date().addingTimeInterval(-3600))
                return .ok(Self.feedBody, headers: [("Last-Modified", old), ("Date", now)])
            }
        }) { poller, server in
            for path in ["/fresh.xml", "/tagged.xml", "/old.xml"] {
                let feed = FeedSource(id: "desk", url: server.url(path))
                let first = await poller.poll(feed, state: FeedState(), now: Date())
                #expect(first.outcome == .fetched)
                _ = await poller.poll(feed, state: first.state, now: Date())
                let second = try #require(server.requests.last)
                switch path {
                case "/fresh.xml":
                    #expect(second.header("If-Modified-Since") == nil, "it would hide a change in the same second")
                case "/tagged.xml":
                    #expect(second.header("If-Modified-Since") == nil)
                    #expect(second.header("If-None-Match") == "\"v1\"", "the ETag is still used")
                default:
                    #expect(second.header("If-Modified-Since") != nil, "an older Last-Modified is a fine validator")
                }
            }
        }
    }
}

/// IMF-fixdate, as servers send it.
enum HTTPDateText {
    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
