// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import WirefeedLedger
import WirefeedModel

/// What one poll of one feed did.
public struct PollResult: Sendable {
    public enum Outcome: String, Sendable {
        /// A new body, parsed into stories.
        case fetched
        /// 304 Not Modified: nothing to parse.
        case notModified = "not-modified"
        /// 200 with the same body as last time: nothing to parse.
        case unchanged
        /// An HTTP error, a transport error, or a body that is not a feed; backed off.
        case failed
        /// 410 Gone: the feed is disabled until the configuration is reloaded.
        case gone
        /// 429 or 503 with (or without) `Retry-After`: the server asked to wait.
        case throttled
        /// Not polled: disabled, or under a server-imposed `Retry-After`.
        case skipped
    }

    public var feedID: String
    public var url: String
    public var outcome: Outcome
    public var status: Int?
    public var bytes: Int
    /// The stories of a fetched body, readied for the ledger (``StoryPreparer``). ``PollCycle``
    /// hands them to its consumer and then drops them.
    public private(set) var prepared: [PreparedStory] = []
    /// How many stories the body held (kept when ``prepared`` has been dropped).
    public private(set) var storyCount = 0
    /// Whether the document's guids misbehaved (shared, or the feed's own link).
    public private(set) var guidsMisbehaved = false

    /// The stories of a fetched body (dates clamped to the fetch time).
    public var stories: [Story] { prepared.map(\.story) }
    public var milliseconds: Int
    public var error: String?
    /// The feed's state after the poll.
    public var state: FeedState
    /// What the document said about polling it (for a fetched body).
    var hints: PublisherHints?
    /// The feed's own link (its home page), for the dedupe's guid checks.
    public internal(set) var feedLink: String?
    /// The raw archive's entry of the fetched body (``WirefeedArchive/ArchiveEntry/sequence``), whose
    /// commit ``IngestBatcher`` notes there; nil when the body was not archived.
    public internal(set) var archiveSequence: Int64?

    init(
        feedID: String,
        url: String,
        outcome: Outcome,
        status: Int?,
        bytes: Int,
        milliseconds: Int,
        error: String?,
        state: FeedState
    ) {
        self.feedID = feedID
        self.url = url
        self.outcome = outcome
        self.status = status
        self.bytes = bytes
        self.milliseconds = milliseconds
        self.error = error
        self.state = state
    }

    mutating func setStories(_ prepared: [PreparedStory], guidsMisbehaved: Bool) {
        self.prepared = prepared
        self.guidsMisbehaved = guidsMisbehaved
        storyCount = prepared.count
    }

    /// Drops the stories, keeping their count.
    mutating func dropStories() {
        prepared = []
    }

    /// `id status bytes items ms [error]`, the line `wirefeed fetch` prints per feed.
    public var summaryLine: String {
        var line =
            "\(feedID) \(status.map(String.init) ?? "-") \(bytes)B \(storyCount) items \(milliseconds)ms \(outcome.rawValue)"
        if let error { line += " error=\"\(error)\"" }
        return line
    }
}
