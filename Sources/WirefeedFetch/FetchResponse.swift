// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// How long the parts of a transfer took.
public struct FetchTimings: Sendable, Equatable {
    public var connect: Duration
    public var firstByte: Duration
    public var total: Duration

    public init(connect: Duration = .zero, firstByte: Duration = .zero, total: Duration = .zero) {
        self.connect = connect
        self.firstByte = firstByte
        self.total = total
    }
}

/// What a server answered, after redirects.
public struct FetchResponse: Sendable, Equatable {
    public var status: Int
    /// The final response's headers, in order.
    public var headers: [HTTPHeader]
    /// The body, decoded from any content encoding.
    public var body: [UInt8]
    /// The URL the body came from, after redirects.
    public var effectiveURL: String
    /// The status of each redirect followed, in order (`[301, 308]`).
    public var redirects: [Int]
    public var timings: FetchTimings
    /// The IP address the final response came from (`CURLINFO_PRIMARY_IP`).
    public var remoteAddress: String?
    /// Where a 3xx response's `Location` points, resolved (`CURLINFO_REDIRECT_URL`).
    var redirectLocation: String?

    public init(
        status: Int,
        headers: [HTTPHeader] = [],
        body: [UInt8] = [],
        effectiveURL: String,
        redirects: [Int] = [],
        timings: FetchTimings = FetchTimings()
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.effectiveURL = effectiveURL
        self.redirects = redirects
        self.timings = timings
    }

    /// The last value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.last { $0.name.lowercased() == lowered }?.value
    }

    /// Where every hop was a permanent redirect (301 or 308), the final URL.
    public var permanentRedirectTarget: String? {
        guard !redirects.isEmpty, redirects.allSatisfy({ $0 == 301 || $0 == 308 }) else { return nil }
        return effectiveURL
    }

    /// The charset of `Content-Type`, when it names one.
    public var charset: String? {
        guard let contentType = header("Content-Type") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0].lowercased() == "charset" {
                return parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return nil
    }
}
