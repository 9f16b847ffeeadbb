// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedFetch
import WirefeedLedger
import WirefeedModel
import WirefeedNormalize

/// The health of every feed, from the ledger: what `wirefeed status` prints, and what the
/// Prometheus textfile carries.
public struct StatusReport: Sendable, Codable, Equatable {
    public struct Feed: Sendable, Codable, Equatable {
        public var id: String
        public var url: String
        public var lastSuccess: String?
        public var lastStatus: Int?
        public var lastError: String?
        public var consecutiveErrors: Int
        public var nextPoll: String?
        public var disabledReason: String?
        public var storiesTotal: Int
        public var storiesToday: Int
        /// Items the near-duplicate tier took for an earlier story's text (a version of the
        /// feed's own story, or an alias of another feed's).
        public var nearDuplicates: Int
    }

    public var generated: String
    public var feeds: [Feed]
    public var storiesTotal: Int
    public var storiesToday: Int
    public var nearDuplicates: Int
    public var failingFeeds: Int
    public var disabledFeeds: Int

    /// Reads the report from the ledger; feeds listed in `configured` but never polled appear too.
    public static func read(
        from ledger: Ledger,
        configured: [FeedSource] = [],
        now: Date = Date()
    ) throws -> StatusReport {
        let states = try ledger.feedStates()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let counts = try ledger.storyCounts(since: calendar.startOfDay(for: now))
        let near = try ledger.nearDuplicateCounts()
        let urls = Dictionary(configured.map { ($0.id, $0.url) }, uniquingKeysWith: { first, _ in first })
        let ids = Set(states.keys).union(urls.keys).sorted()
        let feeds = ids.map { id -> Feed in
            let state = states[id] ?? FeedState()
            let count = counts[id] ?? (0, 0)
            return Feed(
                id: id,
                // A ledger written by an older version may hold URLs with userinfo: never shown.
                url: URLOrigin.redacted(state.currentURL ?? urls[id] ?? ""),
                lastSuccess: state.lastSuccess.map(Timestamp.rfc3339),
                lastStatus: state.lastStatus,
                lastError: state.lastError.map { URLOrigin.redactingUserinfo(in: $0) },
                consecutiveErrors: state.consecutiveErrors,
                nextPoll: state.nextPoll.map(Timestamp.rfc3339),
                disabledReason: state.disabledReason,
                storiesTotal: count.total,
                storiesToday: count.recent,
                nearDuplicates: near[id] ?? 0
            )
        }
        return StatusReport(
            generated: Timestamp.rfc3339(now),
            feeds: feeds,
            storiesTotal: feeds.reduce(0) { $0 + $1.storiesTotal },
            storiesToday: feeds.reduce(0) { $0 + $1.storiesToday },
            nearDuplicates: feeds.reduce(0) { $0 + $1.nearDuplicates },
            failingFeeds: feeds.filter { $0.consecutiveErrors > 0 }.count,
            disabledFeeds: feeds.filter { $0.disabledReason != nil }.count
        )
    }

    /// One line per feed, then the totals.
    public func text() -> String {
        var lines = ["FEED STATUS ERRORS LAST-SUCCESS NEXT-POLL STORIES TODAY NEAR NOTE"]
        for feed in feeds {
            let note = feed.disabledReason.map { "disabled: \($0)" } ?? feed.lastError.map { "error: \($0)" } ?? ""
            lines.append(
                "\(feed.id) \(feed.lastStatus.map(String.init) ?? "-") \(feed.consecutiveErrors) \(feed.lastSuccess ?? "-") \(feed.nextPoll ?? "-") \(feed.storiesTotal) \(feed.storiesToday) \(feed.nearDuplicates) \(note)"
                    .trimmingCharacters(in: .whitespaces)
            )
        }
        lines.append(
            "total: \(feeds.count) feeds, \(failingFeeds) failing, \(disabledFeeds) disabled, \(storiesTotal) stories, \(storiesToday) today, \(nearDuplicates) near-duplicates"
        )
        return lines.joined(separator: "\n") + "\n"
    }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The Prometheus text exposition format, for node_exporter's textfile collector.
    public func prometheus() -> String {
        var lines: [String] = []
        func metric(_ name: String, _ help: String, _ type: String, _ samples: [(labels: String, value: String)]) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
            for sample in samples { lines.append("\(name)\(sample.labels) \(sample.value)") }
        }
        func labels(_ feed: Feed) -> String { "{feed=\"\(feed.id.replacingOccurrences(of: "\"", with: "\\\""))\"}" }
        metric("wirefeed_feeds", "Configured or known feeds.", "gauge", [("", "\(feeds.count)")])
        metric("wirefeed_feeds_failing", "Feeds whose last poll failed.", "gauge", [("", "\(failingFeeds)")])
        metric("wirefeed_feeds_disabled", "Feeds disabled (410 Gone).", "gauge", [("", "\(disabledFeeds)")])
        metric(
            "wirefeed_stories_total",
            "Stories in the ledger, by feed.",
            "gauge",
            feeds.map { (labels($0), "\($0.storiesTotal)") }
        )
        metric(
            "wirefeed_stories_today",
            "Stories first seen today (UTC), by feed.",
            "gauge",
            feeds.map { (labels($0), "\($0.storiesToday)") }
        )
        metric(
            "wirefeed_near_duplicates_total",
            "Items taken for a near-copy of an earlier story's text, by feed.",
            "gauge",
            feeds.map { (labels($0), "\($0.nearDuplicates)") }
        )
        metric(
            "wirefeed_feed_consecutive_errors",
            "Consecutive failed polls, by feed.",
            "gauge",
            feeds.map { (labels($0), "\($0.consecutiveErrors)") }
        )
        metric(
            "wirefeed_feed_last_status",
            "HTTP status of the last poll, by feed (0: none).",
            "gauge",
            feeds.map { (labels($0), "\($0.lastStatus ?? 0)") }
        )
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the Prometheus text to `path` atomically (a temporary file, then rename).
    public func writePrometheus(to path: String) throws {
        let temporary = path + ".tmp"
        try Data(prometheus().utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            throw ConfigError(file: path, line: nil, message: "cannot be replaced: \(String(cString: strerror(errno)))")
        }
    }
}
