// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedFetch
import WirefeedTesting

/// Real libcurl against a real HTTP server on 127.0.0.x.
@Suite(.serialized)
struct FetcherTests {
    static let feed = "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title></item></channel></rss>"

    init() throws {
        try CurlGlobal.initialize()
    }

    /// Runs `body` with a fetcher and a server, and shuts both down.
    func withServer(
        addresses: [String] = ["127.0.0.1"],
        maximumPerHost: Int = 2,
        route: @escaping LoopbackHTTPServer.Route,
        _ body: (Fetcher, LoopbackHTTPServer) async throws -> Void
    ) async throws {
        let server = try await LoopbackHTTPServer(addresses: addresses, route: route)
        let fetcher = Fetcher(maximumConcurrency: 32, maximumPerHost: maximumPerHost)
        do {
            try await body(fetcher, server)
        } catch {
            await fetcher.shutdown()
            try await server.shutdown()
            throw error
        }
        await fetcher.shutdown()
        try await server.shutdown()
    }

    @Test func a200ReturnsBodyHeadersAndTimings() async throws {
        try await withServer(route: { _ in .ok(Self.feed, headers: [("ETag", "\"v1\"")]) }) { fetcher, server in
            let response = try await fetcher.fetch(
                FetchRequest(url: server.url("/feed.xml"), userAgent: "wirefeed/test (+https://example.com)")
            )
            #expect(response.status == 200)
            #expect(response.body == Array(Self.feed.utf8))
            #expect(response.header("etag") == "\"v1\"")
            #expect(response.effectiveURL == server.url("/feed.xml"))
            #expect(response.redirects.isEmpty)
            #expect(response.timings.total > .zero)
            #expect(server.requests.first?.header("User-Agent") == "wirefeed/test (+https://example.com)")
        }
    }

    @Test func conditionalGetWithETag() async throws {
        try await withServer(route: { request in
            request.header("If-None-Match") == "\"v1\""
                ? .respond(status: 304) : .ok(Self.feed, headers: [("ETag", "\"v1\"")])
        }) { fetcher, server in
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/feed.xml"), etag: "\"v1\""))
            #expect(response.status == 304)
            #expect(response.body.isEmpty)
        }
    }

    @Test func conditionalGetWithLastModified() async throws {
        let stamp = "Tue, 26 Jul 2016 09:05:00 GMT"
        try await withServer(route: { request in
            request.header("If-Modified-Since") == stamp
                ? .respond(status: 304) : .ok(Self.feed, headers: [("Last-Modified", stamp)])
        }) { fetcher, server in
            let first = try await fetcher.fetch(FetchRequest(url: server.url("/feed.xml")))
            #expect(first.status == 200)
            let second = try await fetcher.fetch(
                FetchRequest(url: server.url("/feed.xml"), lastModified: first.header("Last-Modified"))
            )
            #expect(second.status == 304)
        }
    }

    @Test func gzipBodiesAreDecoded() async throws {
        let compressed = [UInt8](
            try Data(
                contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/http/rss20-full.xml.gz")
            )
        )
        let original = try Fixtures.bytes("rss20-full.xml")
        try await withServer(route: { request in
            guard request.header("Accept-Encoding")?.contains("gzip") == true else { return .respond(status: 406) }
            return .respond(status: 200, headers: [("Content-Encoding", "gzip")], body: compressed)
        }) { fetcher, server in
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/feed.xml")))
            #expect(response.status == 200)
            #expect(response.body == original)
            #expect(server.bytesSent(path: "/feed.xml") == compressed.count)
            #expect(compressed.count < original.count / 2)
        }
    }

    @Test func aRedirectChainIsFollowedAndRecorded() async throws {
        try await withServer(route: { request in
            switch request.path {
            case "/old": .respond(status: 301, headers: [("Location", "/older")])
            case "/older": .respond(status: 308, headers: [("Location", "/feed.xml")])
            case "/temporary": .respond(status: 302, headers: [("Location", "/feed.xml")])
            default: .ok(Self.feed)
            }
        }) { fetcher, server in
            let permanent = try await fetcher.fetch(FetchRequest(url: server.url("/old")))
            #expect(permanent.status == 200)
            #expect(permanent.redirects == [301, 308])
            #expect(permanent.permanentRedirectTarget == server.url("/feed.xml"))
            let temporary = try await fetcher.fetch(FetchRequest(url: server.url("/temporary")))
            #expect(temporary.redirects == [302])
            #expect(temporary.permanentRedirectTarget == nil)
        }
    }

    @Test func aRedirectLoopStopsAfterFiveHops() async throws {
        try await withServer(route: { request in
            .respond(status: 302, headers: [("Location", request.path == "/a" ? "/b" : "/a")])
        }) { fetcher, server in
            let error = await #expect(throws: FetchError.self) {
                try await fetcher.fetch(FetchRequest(url: server.url("/a")))
            }
            #expect(error?.code == .tooManyRedirects)
            #expect(server.requests.count == 6)
        }
    }

    @Test func aRedirectToAFileURLIsRefused() async throws {
        try await withServer(route: { _ in .respond(status: 301, headers: [("Location", "file:///etc/passwd")]) }) {
            fetcher,
            server in
            let error = await #expect(throws: FetchError.self) {
                try await fetcher.fetch(FetchRequest(url: server.url("/feed.xml")))
            }
            #expect(error?.code == .unsupportedProtocol)
        }
    }

    @Test func slowHeadersTimeOut() async throws {
        try await withServer(route: { _ in .delayed(.seconds(5), .ok(Self.feed)) }) { fetcher, server in
            let limits = FetchLimits(totalTimeout: .milliseconds(700))
            let started = ContinuousClock.now
            let error = await #expect(throws: FetchError.self) {
                try await fetcher.fetch(FetchRequest(url: server.url("/slow"), limits: limits))
            }
            #expect(error?.code == .timeout)
            #expect(ContinuousClock.now - started < .seconds(4))
        }
    }

    @Test func aSlowBodyHitsTheLowSpeedLimit() async throws {
        try await withServer(route: { _ in
            .trickle(status: 200, chunk: Array("<".utf8), chunks: 100, interval: .milliseconds(300))
        }) { fetcher, server in
            let limits = FetchLimits(lowSpeedBytesPerSecond: 1000, lowSpeedDuration: .seconds(1))
            let error = await #expect(throws: FetchError.self) {
                try await fetcher.fetch(FetchRequest(url: server.url("/trickle"), limits: limits))
            }
            #expect(error?.code == .timeout)
        }
    }

    @Test(.timeLimit(.minutes(1))) func anOversizedBodyIsAbortedDuringTheTransfer() async throws {
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 16 * 1024)
        let trickle = LoopbackHTTPServer.Reply.trickle(
            status: 200,
            chunk: chunk,
            chunks: 200,
            interval: .milliseconds(5)
        )
        try await withServer(route: { _ in trickle }) { fetcher, server in
            let limits = FetchLimits(maximumBodySize: 64 * 1024)
            let error = await #expect(throws: FetchError.self) {
                try await fetcher.fetch(FetchRequest(url: server.url("/huge"), limits: limits))
            }
            #expect(error?.code == .bodyTooLarge)
            await server.requestsFinished(path: "/huge")
            #expect(
                server.bytesSent(path: "/huge") < 200 * chunk.count / 2,
                "the server stopped well before the end"
            )
        }
    }

    @Test func aDeclaredOversizedBodyIsRefusedBeforeItArrives() async throws {
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 256 * 1024)
        try await withServer(route: { _ in .respond(status: 200, body: body) }) { fetcher, server in
            let limits = FetchLimits(maximumBodySize: 64 * 1024)
            let error = await #expect(throws: FetchError.self) {
                try await fetcher.fetch(FetchRequest(url: server.url("/huge"), limits: limits))
            }
            #expect(error?.code == .bodyTooLarge)
        }
    }

    @Test func aConnectionResetMidBodyIsATransportError() async throws {
        try await withServer(route: { _ in .reset(declaredLength: 100_000, body: Array(repeating: 0x41, count: 1000)) })
        { fetcher, server in
            let error = await #expect(throws: FetchError.self) {
                try await fetcher.fetch(FetchRequest(url: server.url("/reset")))
            }
            #expect(error?.code == .transport)
        }
    }

    @Test func aRefusedConnectionIsAConnectError() async throws {
        try await withServer(route: { _ in .ok(Self.feed) }) { fetcher, _ in
            let error = await #expect(throws: FetchError.self) {
                try await fetcher.fetch(FetchRequest(url: "http://127.0.0.1:1/feed.xml"))
            }
            #expect(error?.code == .connect)
        }
    }

    @Test func thePerHostLimitHoldsAcrossHosts() async throws {
        let addresses = ["127.0.0.2", "127.0.0.3"]
        try await withServer(
            addresses: addresses,
            maximumPerHost: 2,
            route: { _ in .delayed(.milliseconds(150), .ok(Self.feed)) }
        ) { fetcher, server in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<24 {
                    let url = server.url("/feed\(index).xml", address: addresses[index % 2])
                    group.addTask { try await fetcher.fetch(FetchRequest(url: url)).status }
                }
                for try await status in group { #expect(status == 200) }
            }
            #expect(server.peakConcurrency(address: "127.0.0.2") == 2)
            #expect(server.peakConcurrency(address: "127.0.0.3") == 2)
            #expect(server.requests.count == 24)
        }
    }

    @Test(.timeLimit(.minutes(1))) func cancellingTheTaskAbortsTheTransfer() async throws {
        try await withServer(route: { _ in .delayed(.seconds(10), .ok(Self.feed)) }) { fetcher, server in
            let started = ContinuousClock.now
            let task = Task { try await fetcher.fetch(FetchRequest(url: server.url("/slow"))) }
            await server.requestArrived(path: "/slow")
            task.cancel()
            let result = await task.result
            #expect(throws: FetchError.self) { try result.get() }
            #expect(ContinuousClock.now - started < .seconds(3))
        }
    }

    @Test func credentialsAndExtraHeadersAreSent() async throws {
        try await withServer(route: { _ in .ok(Self.feed) }) { fetcher, server in
            _ = try await fetcher.fetch(
                FetchRequest(
                    url: server.url("/basic"),
                    headers: [HTTPHeader(name: "X-Api-Key", value: "k1")],
                    credentials: .basic(user: "desk", password: "s3cret")
                )
            )
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/bearer"), credentials: .bearer(token: "t0ken")))
            let requests = server.requests
            #expect(requests[0].header("Authorization") == "Basic " + Data("desk:s3cret".utf8).base64EncodedString())
            #expect(requests[0].header("X-Api-Key") == "k1")
            #expect(requests[1].header("Authorization") == "Bearer t0ken")
        }
    }
}
