// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// What a publisher says about how often to poll it.
public struct PublisherHints: Sendable, Equatable {
    /// RSS `<ttl>`, in minutes.
    public var timeToLive: Int?
    /// `sy:updatePeriod` and `sy:updateFrequency`.
    public var updatePeriod: String?
    public var updateFrequency: Int?
    /// RSS `<skipHours>` (UTC hours) and `<skipDays>` (day names).
    public var skipHours: Set<Int> = []
    public var skipDays: Set<String> = []
    /// `Cache-Control: max-age`, in seconds.
    public var maxAge: Int?
    /// HTTP `Expires`.
    public var expires: Date?

    public init(
        timeToLive: Int? = nil,
        updatePeriod: String? = nil,
        updateFrequency: Int? = nil,
        skipHours: Set<Int> = [],
        skipDays: Set<String> = [],
        maxAge: Int? = nil,
        expires: Date? = nil
    ) {
        self.timeToLive = timeToLive
        self.updatePeriod = updatePeriod
        self.updateFrequency = updateFrequency
        self.skipHours = skipHours
        self.skipDays = skipDays
        self.maxAge = maxAge
        self.expires = expires
    }
}

/// When to poll next: pure functions of the clock, the settings, the hints and a random source.
public enum PollScheduler {
    /// The next poll after a success.
    ///
    /// The interval is the feed's (or the global one), lengthened by publisher hints (`ttl`,
    /// `sy:*`, `max-age`, `Expires` ask for no more than so often), kept within the configured
    /// bounds, moved by ± `jitter`, then pushed out of any `skipHours`/`skipDays`.
    public static func nextPoll(
        after now: Date,
        interval: Duration,
        hints: PublisherHints,
        settings: PollingSettings,
        using random: inout some RandomNumberGenerator
    ) -> Date {
        var seconds = interval.seconds
        if let ttl = hints.timeToLive, ttl > 0 { seconds = max(seconds, Double(ttl) * 60) }
        if let period = syndicationPeriod(hints) { seconds = max(seconds, period) }
        if let maxAge = hints.maxAge, maxAge > 0 { seconds = max(seconds, Double(maxAge)) }
        if let expires = hints.expires { seconds = max(seconds, expires.timeIntervalSince(now)) }
        seconds = min(max(seconds, settings.minimumInterval.seconds), settings.maximumInterval.seconds)
        seconds = bounded(jittered(seconds, fraction: settings.jitter, using: &random))
        return skippingHours(Date(timeInterval: seconds, since: now), hints: hints)
    }

    /// The wait after `consecutiveErrors` failures in a row: the interval doubled per failure
    /// after the first, capped at `backoffCap`, with jitter.
    public static func backoff(
        consecutiveErrors: Int,
        interval: Duration,
        settings: PollingSettings,
        using random: inout some RandomNumberGenerator
    ) -> Duration {
        // In Double, and bounded before the conversion back: no count of errors, interval or cap
        // can trap (`consecutiveErrors - 1` itself would at Int.min).
        let exponent = consecutiveErrors <= 1 ? 0 : Double(min(consecutiveErrors, 31) - 1)
        let seconds = min(interval.seconds * pow(2, exponent), settings.backoffCap.seconds)
        return .milliseconds(Int64(bounded(jittered(seconds, fraction: settings.jitter, using: &random)) * 1000))
    }

    /// The longest wait the scheduler ever computes: ten years, far past any accepted setting, and
    /// far inside what `Int64` milliseconds and `Date` hold. NaN (never expected) waits zero.
    static let longestWait: Double = 10 * 365 * 86400

    private static func bounded(_ seconds: Double) -> Double {
        guard seconds > 0 else { return 0 }
        return min(seconds, longestWait)
    }

    /// The instant a `Retry-After` value (seconds, or an HTTP-date) names, capped at
    /// `retryAfterCap` from now; nil when the value is neither.
    public static func retryAfter(_ value: String, now: Date, settings: PollingSettings) -> Date? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let cap = Date(timeInterval: settings.retryAfterCap.seconds, since: now)
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let seconds = Double(trimmed) {
            return min(Date(timeInterval: min(seconds, longestWait), since: now), cap)
        }
        guard let date = HTTPDate.parse(trimmed) else { return nil }
        return min(max(date, now), cap)
    }

    private static func syndicationPeriod(_ hints: PublisherHints) -> Double? {
        let period: Double
        switch hints.updatePeriod {
        case "hourly": period = 3600
        case "daily": period = 86400
        case "weekly": period = 7 * 86400
        case "monthly": period = 30 * 86400
        case "yearly": period = 365 * 86400
        default: return nil
        }
        return period / Double(max(hints.updateFrequency ?? 1, 1))
    }

    private static func jittered(
        _ seconds: Double,
        fraction: Double,
        using random: inout some RandomNumberGenerator
    ) -> Double {
        guard fraction > 0, fraction.isFinite else { return seconds }
        let spread = min(fraction, 0.5)
        return seconds * (1 + Double.random(in: -spread...spread, using: &random))
    }

    /// RSS `<skipDays>` names, indexed by `Calendar` weekday − 1.
    private static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    private static func skippingHours(_ date: Date, hints: PublisherHints) -> Date {
        guard !hints.skipHours.isEmpty || !hints.skipDays.isEmpty else { return date }
        var candidate = date
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // At most a week of hours to look through.
        for _ in 0..<(24 * 8) {
            let hour = calendar.component(.hour, from: candidate)
            let weekday = Self.dayNames[calendar.component(.weekday, from: candidate) - 1]
            if !hints.skipHours.contains(hour) && !hints.skipDays.contains(weekday) { return candidate }
            candidate = calendar.date(
                byAdding: .hour,
                value: 1,
                to: calendar.dateInterval(of: .hour, for: candidate)!.start
            )!
        }
        return date
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    public var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// HTTP-dates (RFC 9110 §5.6.7): IMF-fixdate and the two obsolete forms.
enum HTTPDate {
    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
