// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP/1.1 server on loopback addresses (SwiftNIO), scripted per request, for the fetch
/// tests: libcurl talks to it over real sockets. It records every request and the most
/// connections it served at once per host.
public final class LoopbackHTTPServer: Sendable {
    /// A request as the server saw it.
    public struct Request: Sendable {
        public var path: String
        public var headers: [(name: String, value: String)]
        /// The address and port the request came in on (`127.0.0.2:41234`).
        public var host: String

        public func header(_ name: String) -> String? {
            headers.last { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// How to answer.
    public indirect enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = [])
        /// Wait, then answer.
        case delayed(Duration, Reply)
        /// Send the head, then `chunks` chunks of `chunk` bytes `interval` apart (chunked encoding).
        case trickle(status: Int, chunk: [UInt8], chunks: Int, interval: Duration)
        /// Promise `declaredLength` bytes, send `body`, then reset the connection.
        case reset(declaredLength: Int, body: [UInt8])

        public static func ok(_ body: String, headers: [(String, String)] = []) -> Reply {
            .respond(status: 200, headers: [("Content-Type", "application/rss+xml")] + headers, body: Array(body.utf8))
        }
    }

    public typealias Route = @Sendable (Request) -> Reply

    struct Counters {
        var requests: [Request] = []
        var inFlight: [String: Int] = [:]
        var peak: [String: Int] = [:]
        var bytesSent: [String: Int] = [:]
        /// Requests per path the server is done with: answered, or their connection gone.
        var finished: [String: Int] = [:]
        var waiters: [Waiter] = []

        func arrived(_ path: String) -> Int { requests.count { $0.path == path } }
    }

    /// A test waiting for the counters to reach a state.
    struct Waiter {
        var isMet: @Sendable (Counters) -> Bool
        var continuation: CheckedContinuation<Void, Never>
    }

    private let group: MultiThreadedEventLoopGroup
    private let channels: [any Channel]
    private let state: SharedState
    public let port: Int

    /// Starts listening on each of `addresses` (all in 127.0.0.0/8), on one port.
    public init(addresses: [String] = ["127.0.0.1"], route: @escaping Route) async throws {
        precondition(addresses.allSatisfy { $0.hasPrefix("127.") }, "the test server listens on loopback only")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let state = SharedState(route: route)
        var channels: [any Channel] = []
        var port = 0
        for address in addresses {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.pipeline.configureHTTPServerPipeline().flatMapThrowing {
                        try channel.pipeline.syncOperations.addHandler(ScriptedHandler(state: state))
                    }
                }
                .bind(host: address, port: port).get()
            port = channel.localAddress?.port ?? 0
            channels.append(channel)
        }
        self.group = group
        self.channels = channels
        self.state = state
        self.port = port
    }

    /// `http://<address>:<port><path>`.
    public func url(_ path: String, address: String = "127.0.0.1") -> String {
        "http://\(address):\(port)\(path)"
    }

    public var requests: [Request] { state.counters.withLock { $0.requests } }

    /// The most requests served at once for one `address:port`.
    public func peakConcurrency(address: String) -> Int {
        state.counters.withLock { $0.peak["\(address):\(port)"] ?? 0 }
    }

    /// Body bytes written for requests to `path`.
    public func bytesSent(path: String) -> Int {
        state.counters.withLock { $0.bytesSent[path] ?? 0 }
    }

    /// Returns once a request for `path` has arrived.
    public func requestArrived(path: String) async {
        await state.wait { $0.arrived(path) > 0 }
    }

    /// Returns once at least one request for `path` has arrived and the server is done with every
    /// one that has: answered, or its connection gone.
    public func requestsFinished(path: String) async {
        await state.wait { $0.arrived(path) > 0 && $0.finished[path, default: 0] == $0.arrived(path) }
    }

    public func shutdown() async throws {
        for channel in channels { try await channel.close() }
        try await group.shutdownGracefully()
    }

    final class SharedState: Sendable {
        let route: Route
        let counters = Mutex(Counters())

        init(route: @escaping Route) {
            self.route = route
        }

        func begin(_ request: Request) {
            update { counters in
                counters.requests.append(request)
                counters.inFlight[request.host, default: 0] += 1
                counters.peak[request.host] = max(counters.peak[request.host] ?? 0, counters.inFlight[request.host]!)
            }
        }

        func end(_ request: Request) {
            update { counters in
                counters.inFlight[request.host, default: 1] -= 1
                counters.finished[request.path, default: 0] += 1
            }
        }

        func wait(until isMet: @escaping @Sendable (Counters) -> Bool) async {
            await withCheckedContinuation { continuation in
                counters.withLock { counters in
                    if isMet(counters) {
                        continuation.resume()
                    } else {
                        counters.waiters.append(Waiter(isMet: isMet, continuation: continuation))
                    }
                }
            }
        }

        /// Changes the counters and wakes the waiters whose state they reached.
        private func update(_ change: (inout Counters) -> Void) {
            counters.withLock { counters in
                change(&counters)
                let snapshot = counters
                let (ready, waiting) = (
                    snapshot.waiters.filter { $0.isMet(snapshot) }, snapshot.waiters.filter { !$0.isMet(snapshot) }
                )
                counters.waiters = waiting
                for waiter in ready { waiter.continuation.resume() }
            }
        }

        func sent(_ bytes: Int, path: String) {
            counters.withLock { $0.bytesSent[path, default: 0] += bytes }
        }
    }
}

private final class ScriptedHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let state: LoopbackHTTPServer.SharedState
    private var request: LoopbackHTTPServer.Request?

    init(state: LoopbackHTTPServer.SharedState) {
        self.state = state
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let host = context.channel.localAddress.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "?"
            request = LoopbackHTTPServer.Request(
                path: head.uri,
                headers: head.headers.map { ($0.name, $0.value) },
                host: host
            )
        case .body:
            break
        case .end:
            guard let request else { return }
            state.begin(request)
            perform(state.route(request), request: request, context: context)
        }
    }

    private func perform(
        _ reply: LoopbackHTTPServer.Reply,
        request: LoopbackHTTPServer.Request,
        context: ChannelHandlerContext
    ) {
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        switch reply {
        case .respond(let status, let headers, let body):
            var head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status))
            for (name, value) in headers { head.headers.add(name: name, value: value) }
            head.headers.replaceOrAdd(name: "Content-Length", value: "\(body.count)")
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            if !body.isEmpty {
                context.write(
                    wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))),
                    promise: nil
                )
                state.sent(body.count, path: request.path)
            }
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            state.end(request)
        case .delayed(let delay, let then):
            context.eventLoop.scheduleTask(
                in: .nanoseconds(
                    Int64(delay.components.seconds) * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
                )
            ) {
                let (handler, context) = loopBound.value
                guard context.channel.isActive else {
                    handler.state.end(request)
                    return
                }
                handler.perform(then, request: request, context: context)
            }
        case .trickle(let status, let chunk, let chunks, let interval):
            var head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status))
            head.headers.add(name: "Content-Type", value: "application/rss+xml")
            head.headers.add(name: "Transfer-Encoding", value: "chunked")
            context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
            trickle(chunk, remaining: chunks, interval: interval, request: request, context: context)
        case .reset(let declaredLength, let body):
            var head = HTTPResponseHead(version: .http1_1, status: .ok)
            head.headers.add(name: "Content-Length", value: "\(declaredLength)")
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.writeAndFlush(
                wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))),
                promise: nil
            )
            state.sent(body.count, path: request.path)
            // SO_LINGER 0: close() sends a TCP reset instead of a clean FIN.
            if let provider = context.channel as? any SocketOptionProvider {
                _ = provider.setSoLinger(linger(l_onoff: 1, l_linger: 0))
            }
            context.close(promise: nil)
            state.end(request)
        }
    }

    private func trickle(
        _ chunk: [UInt8],
        remaining: Int,
        interval: Duration,
        request: LoopbackHTTPServer.Request,
        context: ChannelHandlerContext
    ) {
        guard context.channel.isActive else {
            state.end(request)
            return
        }
        guard remaining > 0 else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            state.end(request)
            return
        }
        context.writeAndFlush(
            wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: chunk)))),
            promise: nil
        )
        state.sent(chunk.count, path: request.path)
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(
            in: .nanoseconds(
                Int64(interval.components.seconds) * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000
            )
        ) {
            let (handler, context) = loopBound.value
            handler.trickle(chunk, remaining: remaining - 1, interval: interval, request: request, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
