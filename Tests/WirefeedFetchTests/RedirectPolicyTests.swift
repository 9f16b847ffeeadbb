// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Synchronization
import Testing
import WirefeedFetch
import WirefeedTesting

/// Where redirects may lead, and what goes with them: real libcurl against a real server on
/// several loopback addresses (one port), each address its own origin.
@Suite(.serialized)
struct RedirectPolicyTests {
    static let feed = "<rss version=\"2.0\"><channel><title>T</title><item><title>A</title></item></channel></rss>"

    init() throws {
        try CurlGlobal.initialize()
    }

    func withServer(
        addresses: [String],
        route: @escaping LoopbackHTTPServer.Route,
        _ body: (Fetcher, LoopbackHTTPServer) async throws -> Void
    ) async throws {
        let server = try await LoopbackHTTPServer(addresses: addresses, route: route)
        let fetcher = Fetcher(maximumConcurrency: 8, maximumPerHost: 2)
        defer { fetcher.shutdownAndWait() }
        do {
            try await body(fetcher, server)
        } catch {
            try await server.shutdown()
            throw error
        }
        try await server.shutdown()
    }

    /// `/cross` on any address redirects to `/feed.xml` on 127.0.0.2; `/same` to `/feed.xml` on
    /// its own address; `/feed.xml` is the feed.
    static func route(port: @escaping @Sendable () -> Int) -> LoopbackHTTPServer.Route {
        { request in
            switch request.path {
            case "/cross": return .respond(status: 302, headers: [("Location", "http://127.0.0.2:\(port())/feed.xml")])
            case "/permanent":
                return .respond(status: 301, headers: [("Location", "http://127.0.0.2:\(port())/feed.xml")])
            case "/same": return .respond(status: 307, headers: [("Location", "/feed.xml")])
            case "/private":
                return .respond(status: 302, headers: [("Location", "http://127.0.0.3:\(port())/feed.xml")])
            default: return .ok(Self.feed)
            }
        }
    }

    @Test func customHeadersAndCredentialsStayWithTheConfiguredOrigin() async throws {
        let port = PortBox()
        try await withServer(addresses: ["127.0.0.1", "127.0.0.2"], route: Self.route(port: port.get)) {
            fetcher,
            server in
            port.set(server.port)
            for (path, credentials) in [
                ("/cross", FetchCredentials.bearer(token: "tok1")),
                ("/permanent", .basic(user: "dave", password: "pw2")),
            ] {
                let response = try await fetcher.fetch(
                    FetchRequest(
                        url: server.url(path),
                        headers: [HTTPHeader(name: "X-Api-Key", value: "abc")],
                        credentials: credentials
                    )
                )
                #expect(response.status == 200)
                #expect(response.effectiveURL == server.url("/feed.xml", address: "127.0.0.2"))
                let first = try #require(server.requests.last { $0.path == path })
                #expect(first.header("X-Api-Key") == "abc")
                #expect(first.header("Authorization") != nil)
                let moved = try #require(server.requests.last { $0.path == "/feed.xml" })
                #expect(moved.host.hasPrefix("127.0.0.2:"))
                #expect(moved.header("X-Api-Key") == nil, "a custom header followed a redirect to another host")
                #expect(moved.header("Authorization") == nil, "credentials followed a redirect to another host")
            }
        }
    }

    @Test func aRedirectWithinTheOriginKeepsHeadersAndCredentials() async throws {
        let port = PortBox()
        try await withServer(addresses: ["127.0.0.1"], route: Self.route(port: port.get)) { fetcher, server in
            port.set(server.port)
            let response = try await fetcher.fetch(
                FetchRequest(
                    url: server.url("/same"),
                    headers: [HTTPHeader(name: "X-Api-Key", value: "abc")],
                    credentials: .bearer(token: "tok1")
                )
            )
            #expect(response.redirects == [307])
            let moved = try #require(server.requests.last)
            #expect(moved.path == "/feed.xml")
            #expect(moved.header("X-Api-Key") == "abc")
            #expect(moved.header("Authorization") == "Bearer tok1")
        }
    }

    @Test(arguments: [
        ("8.8.8.8", AddressRange.global), ("127.0.0.1", .loopback), ("127.255.0.9", .loopback),
        ("169.254.169.254", .linkLocal), ("10.1.2.3", .privateNetwork), ("172.16.0.1", .privateNetwork),
        ("172.31.255.255", .privateNetwork), ("172.32.0.1", .global), ("172.15.0.1", .global),
        ("192.168.1.1", .privateNetwork), ("192.169.0.1", .global), ("100.64.0.1", .privateNetwork),
        ("0.0.0.0", .unspecified), ("::1", .loopback), ("::", .unspecified), ("fe80::1", .linkLocal),
        ("fc00::1", .uniqueLocal), ("fd12:3456::1", .uniqueLocal), ("fec0::1", .privateNetwork),
        ("2001:4860:4860::8888", .global), ("::ffff:127.0.0.1", .loopback), ("::ffff:169.254.169.254", .linkLocal),
        ("::ffff:8.8.8.8", .global), ("64:ff9b::a00:1", .privateNetwork),
    ])
    func addressesAreClassified(address: String, range: AddressRange) throws {
        #expect(AddressRange.of(try #require(Self.bytes(address))) == range)
    }

    @Test func aFeedOnAGlobalAddressIsNotRedirectedIntoAPrivateNetwork() async throws {
        let port = PortBox()
        try await withServer(addresses: ["127.0.0.2", "127.0.0.3"], route: Self.route(port: port.get)) {
            fetcher,
            server in
            port.set(server.port)
            // Warm a connection to 127.0.0.3 first: the guarded hop must not reuse it unchecked.
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/feed.xml", address: "127.0.0.3")))
            let before = server.requests.count
            var request = FetchRequest(url: server.url("/private", address: "127.0.0.2"))
            request.redirectPolicy.treatedAsGlobal = ["127.0.0.2"]
            let error = await #expect(throws: FetchError.self) { try await fetcher.fetch(request) }
            #expect(error?.code == .refusedRedirect)
            #expect(error?.message.contains("127.0.0.3 (loopback)") == true)
            #expect(server.requests.count == before + 1, "only the first hop reached the server")

            // The operator may allow it.
            request.redirectPolicy.allowPrivateRedirects = true
            let response = try await fetcher.fetch(request)
            #expect(response.status == 200)
        }
    }

    @Test func aFeedOnAPrivateAddressMayRedirectWithinPrivateNetworks() async throws {
        let port = PortBox()
        try await withServer(addresses: ["127.0.0.2", "127.0.0.3"], route: Self.route(port: port.get)) {
            fetcher,
            server in
            port.set(server.port)
            let response = try await fetcher.fetch(FetchRequest(url: server.url("/private", address: "127.0.0.2")))
            #expect(response.status == 200)
            #expect(response.redirects == [302])
            #expect(response.remoteAddress == "127.0.0.3")
        }
    }

    @Test func aRedirectToGlobalAddressesStaysAllowed() async throws {
        let port = PortBox()
        try await withServer(addresses: ["127.0.0.2"], route: Self.route(port: port.get)) { fetcher, server in
            port.set(server.port)
            var request = FetchRequest(url: server.url("/same", address: "127.0.0.2"))
            request.redirectPolicy.treatedAsGlobal = ["127.0.0.2"]
            let response = try await fetcher.fetch(request)
            #expect(response.status == 200)
        }
    }

    @Test func userinfoIsRedactedInURLs() {
        #expect(URLOrigin.redacted("http://dave:pw2@host/x?a=b@c") == "http://***@host/x?a=b@c")
        #expect(URLOrigin.redacted("https://host/x@y") == "https://host/x@y")
        #expect(
            URLOrigin.redactingUserinfo(in: "GET http://dave:pw2@host/x: refused; see https://a:b@c/ and mail@d")
                == "GET http://***@host/x: refused; see https://***@c/ and mail@d"
        )
        #expect(URLOrigin("HTTPS://Host.Example") == URLOrigin("https://host.example:443/feed"))
        #expect(URLOrigin("https://host.example") != URLOrigin("http://host.example"))
        #expect(URLOrigin("http://[::1]:8080/x")?.port == 8080)
    }

    static func bytes(_ text: String) -> [UInt8]? {
        if text.contains(":") {
            var address = in6_addr()
            guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
            return withUnsafeBytes(of: &address) { Array($0) }
        }
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }
}

/// The server's port, for routes built before the server exists.
final class PortBox: Sendable {
    private let value = Mutex(0)
    func set(_ port: Int) { value.withLock { $0 = port } }
    @Sendable func get() -> Int { value.withLock { $0 } }
}
