// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// Why a transfer brought back no response.
public struct FetchError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A bounded set of reasons, usable as a metric label.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: String, Hashable, Sendable {
            case invalidURL = "invalid-url"
            case unsupportedProtocol = "unsupported-protocol"
            case tooManyRedirects = "too-many-redirects"
            case refusedRedirect = "refused-redirect"
            case resolve
            case connect
            case timeout
            case tls
            case bodyTooLarge = "body-too-large"
            case transport
            case cancelled
        }

        private let wrapped: Wrapped

        public static let invalidURL = Code(wrapped: .invalidURL)
        /// A URL or redirect to anything but http or https.
        public static let unsupportedProtocol = Code(wrapped: .unsupportedProtocol)
        public static let tooManyRedirects = Code(wrapped: .tooManyRedirects)
        /// A redirect into a private network, or to a URL with userinfo: not followed.
        public static let refusedRedirect = Code(wrapped: .refusedRedirect)
        public static let resolve = Code(wrapped: .resolve)
        public static let connect = Code(wrapped: .connect)
        /// The connect, total or low-speed limit was reached.
        public static let timeout = Code(wrapped: .timeout)
        public static let tls = Code(wrapped: .tls)
        /// The body grew past the size cap; the transfer was aborted.
        public static let bodyTooLarge = Code(wrapped: .bodyTooLarge)
        /// The connection broke (reset, truncated body, protocol error).
        public static let transport = Code(wrapped: .transport)
        public static let cancelled = Code(wrapped: .cancelled)

        public var description: String { wrapped.rawValue }
    }

    public var code: Code
    /// One sentence with the URL and libcurl's detail.
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
