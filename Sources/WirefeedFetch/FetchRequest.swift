// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// One HTTP header.
public struct HTTPHeader: Sendable, Equatable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Credentials sent with a feed's requests. Never logged.
public enum FetchCredentials: Sendable, Equatable {
    case basic(user: String, password: String)
    case bearer(token: String)
}

/// Time and size limits of one transfer.
public struct FetchLimits: Sendable, Equatable {
    /// Connecting (DNS, TCP, TLS) may take this long. Default 10 s.
    public var connectTimeout: Duration
    /// The whole transfer may take this long. Default 60 s.
    public var totalTimeout: Duration
    /// A transfer slower than `lowSpeedBytesPerSecond` for `lowSpeedDuration` is aborted.
    public var lowSpeedBytesPerSecond: Int
    public var lowSpeedDuration: Duration
    /// Bodies larger than this are aborted during the transfer. Default 16 MiB.
    public var maximumBodySize: Int
    /// Redirects followed at most. Default 5.
    public var maximumRedirects: Int

    public init(
        connectTimeout: Duration = .seconds(10),
        totalTimeout: Duration = .seconds(60),
        lowSpeedBytesPerSecond: Int = 100,
        lowSpeedDuration: Duration = .seconds(20),
        maximumBodySize: Int = 16 * 1024 * 1024,
        maximumRedirects: Int = 5
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.lowSpeedBytesPerSecond = lowSpeedBytesPerSecond
        self.lowSpeedDuration = lowSpeedDuration
        self.maximumBodySize = maximumBodySize
        self.maximumRedirects = maximumRedirects
    }
}

/// A conditional GET of one feed.
public struct FetchRequest: Sendable, Equatable {
    public var url: String
    /// The validator from the last 200, sent as `If-None-Match`.
    public var etag: String?
    /// The validator from the last 200, sent as `If-Modified-Since`.
    public var lastModified: String?
    public var userAgent: String
    public var headers: [HTTPHeader]
    public var credentials: FetchCredentials?
    /// A proxy URL; nil leaves libcurl to the usual environment variables.
    public var proxy: String?
    /// A CA bundle to verify TLS with, beside the system's.
    public var certificateAuthorityFile: String?
    public var limits: FetchLimits
    /// Where redirects may lead (the private-network guard).
    public var redirectPolicy = RedirectPolicy()

    public init(
        url: String,
        etag: String? = nil,
        lastModified: String? = nil,
        userAgent: String = "wirefeed",
        headers: [HTTPHeader] = [],
        credentials: FetchCredentials? = nil,
        proxy: String? = nil,
        certificateAuthorityFile: String? = nil,
        limits: FetchLimits = FetchLimits()
    ) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.userAgent = userAgent
        self.headers = headers
        self.credentials = credentials
        self.proxy = proxy
        self.certificateAuthorityFile = certificateAuthorityFile
        self.limits = limits
    }

    /// The host the request goes to, lowercased, for per-host limits.
    public var host: String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@").last ?? authority
        return hostAndPort.lowercased()
    }
}
