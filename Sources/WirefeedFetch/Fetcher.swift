// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// Fetches feeds over HTTP with libcurl's multi interface, within a global and a per-host limit.
///
/// ```swift
/// let fetcher = Fetcher()
/// let response = try await fetcher.fetch(FetchRequest(url: "https://example.com/feed.xml"))
/// ```
/// Cancelling the calling task aborts the transfer.
public final class Fetcher: Sendable {
    private let loop: CurlMultiLoop
    private let limiter: ConcurrencyLimiter

    /// - Parameters:
    ///   - maximumConcurrency: transfers in flight at once, all hosts together. Default 32.
    ///   - maximumPerHost: transfers in flight at once to one host. Default 2.
    public init(maximumConcurrency: Int = 32, maximumPerHost: Int = 2) {
        loop = CurlMultiLoop(maximumConnections: maximumConcurrency, maximumConnectionsPerHost: maximumPerHost)
        limiter = ConcurrencyLimiter(total: maximumConcurrency, perHost: maximumPerHost)
    }

    /// Aborts what is in flight and stops the transfer thread.
    public func shutdown() {
        loop.shutdown()
    }

    /// Performs one GET, following redirects, and returns whatever status the server answered.
    /// - Throws: ``FetchError`` when no response came back (timeout, reset, refused redirect,
    ///   oversized body, cancellation).
    public func fetch(_ request: FetchRequest) async throws -> FetchResponse {
        let host = request.host
        try await limiter.acquire(host: host)
        defer { limiter.release(host: host) }
        let transfer = TransferID()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<FetchResponse, any Error>) in
                let id = loop.submit(request) { result in continuation.resume(with: result) }
                if transfer.store(id) {
                    loop.cancel(id)
                }
            }
        } onCancel: {
            if let id = transfer.markCancelled() { loop.cancel(id) }
        }
    }
}
