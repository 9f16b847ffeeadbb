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

    /// Aborts what is in flight and stops the transfer thread; returns once it has stopped,
    /// without blocking a thread of the cooperative pool.
    public func shutdown() async {
        await loop.shutdown()
    }

    /// ``shutdown()`` for synchronous code outside the cooperative pool: blocks until the transfer
    /// thread has stopped.
    public func shutdownAndWait() {
        loop.shutdownAndWait()
    }

    /// Performs one GET, following redirects, and returns whatever status the server answered.
    ///
    /// Redirects are followed here, one transfer per hop, not by libcurl: custom headers and
    /// credentials go only to the request's own origin (scheme, host, port) — libcurl would keep
    /// custom headers on a cross-host hop — and, unless ``RedirectPolicy/allowPrivateRedirects``,
    /// a request whose first hop reached a global address may not be redirected into loopback,
    /// link-local or private networks (checked on the address each socket connects to).
    /// - Throws: ``FetchError`` when no response came back (timeout, reset, refused redirect,
    ///   oversized body, cancellation).
    public func fetch(_ request: FetchRequest) async throws -> FetchResponse {
        do {
            return try await follow(request)
        } catch var error as FetchError {
            // A URL stored by an older version may carry userinfo: messages never show it.
            error.message = URLOrigin.redactingUserinfo(in: error.message)
            throw error
        }
    }

    private func follow(_ request: FetchRequest) async throws -> FetchResponse {
        let origin = URLOrigin(request.url)
        let deadline = ContinuousClock.now + request.limits.totalTimeout
        var hop = request
        var redirects: [Int] = []
        var guardsAddresses = false
        while true {
            var response = try await transfer(hop, guardingAddresses: guardsAddresses ? request.redirectPolicy : nil)
            if redirects.isEmpty {
                // The configured URL's own address decides: one in an internal range may redirect anywhere.
                guardsAddresses =
                    !request.redirectPolicy.allowPrivateRedirects && response.remoteAddress != nil
                    && !Self.isInternal(response.remoteAddress!, policy: request.redirectPolicy)
            }
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.redirectLocation else {
                response.redirects = redirects
                return response
            }
            guard redirects.count < request.limits.maximumRedirects else {
                throw FetchError(
                    code: .tooManyRedirects,
                    message: "GET \(request.url): more than \(request.limits.maximumRedirects) redirects."
                )
            }
            guard URLOrigin(location) != nil else {
                throw FetchError(
                    code: .unsupportedProtocol,
                    message: "GET \(hop.url): redirect to '\(URLOrigin.redacted(location))' refused: not http or https."
                )
            }
            guard !URLOrigin.hasUserinfo(location) else {
                throw FetchError(
                    code: .refusedRedirect,
                    message:
                        "GET \(hop.url): redirect to '\(URLOrigin.redacted(location))' refused: it carries a user or password."
                )
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else {
                throw FetchError(
                    code: .timeout,
                    message: "GET \(request.url): the redirects took longer than the timeout."
                )
            }
            redirects.append(response.status)
            hop.url = location
            hop.limits.totalTimeout = remaining
            if URLOrigin(location) != origin {
                hop.headers = []
                hop.credentials = nil
            }
        }
    }

    private static func isInternal(_ address: String, policy: RedirectPolicy) -> Bool {
        guard let bytes = IPAddressText.bytes(address) else { return true }
        return policy.range(of: bytes, text: address).isInternal
    }

    /// One hop: one transfer, within the concurrency limits of its host.
    private func transfer(
        _ request: FetchRequest,
        guardingAddresses policy: RedirectPolicy?
    ) async throws
        -> FetchResponse
    {
        let host = request.host
        try await limiter.acquire(host: host)
        defer { limiter.release(host: host) }
        let transfer = TransferID()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<FetchResponse, any Error>) in
                let id = loop.submit(request, guardingAddresses: policy) { result in continuation.resume(with: result) }
                if transfer.store(id) {
                    loop.cancel(id)
                }
            }
        } onCancel: {
            if let id = transfer.markCancelled() { loop.cancel(id) }
        }
    }
}
