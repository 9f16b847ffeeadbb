// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
import Testing
import WirefeedDaemon
import WirefeedFetch
import WirefeedModel
import WirefeedTesting

/// The poller against a real server on loopback: what each answer does to the feed's state.
@Suite(.serialized)
struct FeedPollerTests {
    static let now = Date(timeIntervalSince1970: 1_469_523_600)
    static let feedBody = """
        <rss version="2.0"><channel><title>Desk</title><link>https://desk.example.com/</link><ttl>60</ttl>
        <item><title>First story</title><guid>s1</guid><description>Body one.</description></item>
        <item><title>Second story</title><guid>s2</guid><description>Body two.</description></item>
        </channel></rss>
        """

    init() throws {
        try CurlGlobal.initialize()
    }

    func withPoller(
        route: @escaping LoopbackHTTPServer.Route,
        _ body: (FeedPoller, LoopbackHTTPServer) async throws -> Void
    ) async throws {
        let server = try await LoopbackHTTPServer(route: route)
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

    func feed(_ server: LoopbackHTTPServer, _ path: String = "/feed.xml") -> FeedSource {
        FeedSource(id: "desk", url: server.url(path))
    }

    @Test func aNewBodyIsParsedThenA304CostsNothing() async throws {
        try await withPoller(route: { request in
            request.header("If-None-Match") == "\"v1\""
                ? .respond(status: 304) : .ok(Self.feedBody, headers: [("ETag", "\"v1\"")])
        }) { poller, server in
            let first = await poller.poll(feed(server), state: FeedState(), now: Self.now)
            #expect(first.outcome == .fetched)
            #expect(first.stories.map(\.headline) == ["First story", "Second story"])
            #expect(first.state.etag == "\"v1\"")
            #expect(first.state.nextPoll == Self.now.addingTimeInterval(3600), "the feed's ttl of 60 minutes")
            #expect(first.summaryLine.hasPrefix("desk 200 "))

            let second = await poller.poll(feed(server), state: first.state, now: Self.now)
            #expect(second.outcome == .notModified)
            #expect(second.stories.isEmpty)
            #expect(second.state.lastSuccess == Self.now)
        }
    }

    @Test func anIdenticalBodyWithoutValidatorsIsNotParsedAgain() async throws {
        try await withPoller(route: { _ in .ok(Self.feedBody) }) { poller, server in
            let first = await poller.poll(feed(server), state: FeedState(), now: Self.now)
            let second = await poller.poll(feed(server), state: first.state, now: Self.now)
            #expect(first.outcome == .fetched)
            #expect(second.outcome == .unchanged)
            #expect(second.stories.isEmpty)
        }
    }

    @Test func a410DisablesTheFeed() async throws {
        try await withPoller(route: { _ in .respond(status: 410) }) { poller, server in
            let gone = await poller.poll(feed(server), state: FeedState(), now: Self.now)
            #expect(gone.outcome == .gone)
            #expect(gone.state.disabledReason?.hasPrefix("410 Gone") == true)
            let next = await poller.poll(feed(server), state: gone.state, now: Self.now)
            #expect(next.outcome == .skipped)
            #expect(server.requests.count == 1)
        }
    }

    /// Any poll before the deadline, the ones SIGUSR1 and `wirefeed fetch` ask for included.
    @Test func noPollReachesTheServerBeforeItsRetryAfterInSeconds() async throws {
        try await withPoller(route: { _ in .respond(status: 429, headers: [("Retry-After", "120")]) }) {
            poller,
            server in
            let throttled = await poller.poll(feed(server), state: FeedState(), now: Self.now)
            #expect(throttled.outcome == .throttled)
            #expect(throttled.state.retryAfterUntil == Self.now.addingTimeInterval(120))
            #expect(throttled.state.nextPoll == Self.now.addingTimeInterval(120))
            let early = await poller.poll(
                feed(server),
                state: throttled.state,
                now: Self.now.addingTimeInterval(60)
            )
            #expect(early.outcome == .skipped)
            #expect(server.requests.count == 1)
        }
    }

    @Test func retryAfterAsAnHTTPDate() async throws {
        try await withPoller(route: { _ in
            .respond(status: 503, headers: [("Retry-After", "Tue, 26 Jul 2016 10:30:00 GMT")])
        }) { poller, server in
            let throttled = await poller.poll(feed(server), state: FeedState(), now: Self.now)
            #expect(throttled.state.retryAfterUntil == Self.now.addingTimeInterval(5400))
        }
    }

    @Test func serverErrorsBackOffExponentiallyAndNeverDisable() async throws {
        try await withPoller(route: { _ in .respond(status: 500) }) { poller, server in
            var state = FeedState()
            var waits: [TimeInterval] = []
            for _ in 0..<4 {
                let result = await poller.poll(feed(server), state: state, now: Self.now)
                #expect(result.outcome == .failed)
                #expect(result.error == "HTTP 500")
                state = result.state
                waits.append(state.nextPoll!.timeIntervalSince(Self.now))
            }
            #expect(waits == [300, 600, 1200, 2400])
            #expect(state.consecutiveErrors == 4)
            #expect(state.disabledReason == nil)
        }
    }

    @Test func aPermanentRedirectMovesTheURLAfterThreePolls() async throws {
        try await withPoller(route: { request in
            request.path == "/old.xml" ? .respond(status: 301, headers: [("Location", "/new.xml")]) : .ok(Self.feedBody)
        }) { poller, server in
            var state = FeedState()
            for poll in 1...3 {
                let result = await poller.poll(feed(server, "/old.xml"), state: state, now: Self.now)
                state = result.state
                #expect(state.currentURL == (poll < 3 ? nil : server.url("/new.xml")), "poll \(poll)")
            }
            _ = await poller.poll(feed(server, "/old.xml"), state: state, now: Self.now)
            #expect(server.requests.last?.path == "/new.xml")
            #expect(server.requests.filter { $0.path == "/old.xml" }.count == 3)
        }
    }

    @Test func aTemporaryRedirectNeverMovesTheURL() async throws {
        try await withPoller(route: { request in
            request.path == "/old.xml" ? .respond(status: 302, headers: [("Location", "/new.xml")]) : .ok(Self.feedBody)
        }) { poller, server in
            var state = FeedState()
            for _ in 1...4 {
                state = await poller.poll(feed(server, "/old.xml"), state: state, now: Self.now).state
            }
            #expect(state.currentURL == nil)
            #expect(state.pendingRedirect == nil)
        }
    }

    @Test func aBodyThatIsNotAFeedFailsWithItsReason() async throws {
        try await withPoller(route: { _ in
            .respond(
                status: 200,
                headers: [("Content-Type", "text/html")],
                body: Array("<html><body>Sign in</body></html>".utf8)
            )
        }) { poller, server in
            let result = await poller.poll(feed(server), state: FeedState(), now: Self.now)
            #expect(result.outcome == .failed)
            #expect(result.error?.contains("not a feed") == true)
            #expect(result.state.consecutiveErrors == 1)
        }
    }

    @Test func aPollCycleRunsEveryFeedAndKeepsGoingPastFailures() async throws {
        try await withPoller(route: { request in
            request.path == "/broken.xml" ? .respond(status: 500) : .ok(Self.feedBody)
        }) { poller, server in
            let feeds = [
                FeedSource(id: "good", url: server.url("/good.xml")),
                FeedSource(id: "broken", url: server.url("/broken.xml")),
                FeedSource(id: "also-good", url: server.url("/also.xml")),
            ]
            let results = await PollCycle(poller: poller).run(feeds, states: [:], now: Self.now)
            let byID = Dictionary(uniqueKeysWithValues: results.map { ($0.feedID, $0) })
            #expect(byID["good"]?.storyCount == 2)
            #expect(byID["good"]?.stories.isEmpty == true, "the cycle hands stories on and does not keep them")
            #expect(byID["also-good"]?.storyCount == 2)
            #expect(byID["broken"]?.outcome == .failed)
        }
    }
}
