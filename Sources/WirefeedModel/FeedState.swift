// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// What wirefeed remembers about one feed between polls and across restarts.
public struct FeedState: Sendable, Equatable, Codable {
    /// HTTP validators from the last 200.
    public var etag: String?
    public var lastModified: String?
    /// SHA-256 of the last 200's body: an equal body costs no parse.
    public var lastBodyHash: String?
    /// The URL polled now: the configured one, or where a held permanent redirect leads.
    public var currentURL: String?
    /// A permanent redirect seen on consecutive polls, and how many.
    public var pendingRedirect: String?
    public var pendingRedirectCount = 0
    public var nextPoll: Date?
    /// Set by `Retry-After`: no poll, manual or scheduled, before this.
    public var retryAfterUntil: Date?
    public var consecutiveErrors = 0
    public var lastStatus: Int?
    public var lastError: String?
    public var lastAttempt: Date?
    public var lastSuccess: Date?
    /// When the feed last served a new body: feeds that change often are polled first.
    public var lastChanged: Date?
    /// Why the feed is not polled (410 Gone); cleared by a configuration reload.
    public var disabledReason: String?

    public init() {}
}
