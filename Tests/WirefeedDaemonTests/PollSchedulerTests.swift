// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedDaemon
import WirefeedTesting

struct PollSchedulerTests {
    static let now = Date(timeIntervalSince1970: 1_469_523_600)  // 2016-07-26 09:00:00 UTC, a Tuesday

    static var noJitter: PollingSettings {
        var settings = PollingSettings()
        settings.jitter = 0
        return settings
    }

    func delay(
        _ hints: PublisherHints,
        interval: Duration = .seconds(300),
        settings: PollingSettings = noJitter
    ) -> TimeInterval {
        var random = SeededRandom(seed: 1)
        return PollScheduler.nextPoll(
            after: Self.now,
            interval: interval,
            hints: hints,
            settings: settings,
            using: &random
        )
        .timeIntervalSince(Self.now)
    }

    @Test(arguments: [
        (PublisherHints(), 300.0),
        (PublisherHints(timeToLive: 15), 900.0),
        (PublisherHints(timeToLive: 1), 300.0),
        (PublisherHints(updatePeriod: "hourly", updateFrequency: 2), 1800.0),
        (PublisherHints(updatePeriod: "daily"), 6 * 3600.0),
        (PublisherHints(maxAge: 600), 600.0),
        (PublisherHints(maxAge: 30), 300.0),
        (PublisherHints(expires: now.addingTimeInterval(1200)), 1200.0),
        (PublisherHints(timeToLive: 100_000), 6 * 3600.0),
    ])
    func hintsLengthenTheIntervalWithinTheBounds(hints: PublisherHints, expected: TimeInterval) {
        #expect(delay(hints) == expected)
    }

    @Test func theMinimumBoundsShortIntervals() {
        #expect(delay(PublisherHints(), interval: .seconds(10)) == 60)
    }

    @Test func jitterStaysWithinItsFraction() {
        var settings = PollingSettings()
        settings.jitter = 0.1
        var random = SeededRandom(seed: 42)
        var delays: [TimeInterval] = []
        for _ in 0..<1000 {
            delays.append(
                PollScheduler.nextPoll(
                    after: Self.now,
                    interval: .seconds(300),
                    hints: PublisherHints(),
                    settings: settings,
                    using: &random
                ).timeIntervalSince(Self.now)
            )
        }
        #expect(delays.allSatisfy { (270...330).contains($0) })
        #expect(delays.min()! < 280 && delays.max()! > 320, "jitter spreads the polls")
    }

    @Test func skipHoursAndDaysPushThePollOut() {
        // 09:05 is in a skipped hour (9 and 10 UTC): the poll moves to 11:00.
        #expect(delay(PublisherHints(skipHours: [9, 10])) == 2 * 3600)
        // Tuesday is skipped: the poll moves to Wednesday 00:00 UTC.
        #expect(delay(PublisherHints(skipDays: ["Tuesday"])) == 15 * 3600)
    }

    @Test(arguments: [(1, 300.0), (2, 600.0), (3, 1200.0), (5, 4800.0), (8, 21600.0), (40, 21600.0)])
    func backoffDoublesUpToItsCap(errors: Int, expected: TimeInterval) {
        var random = SeededRandom(seed: 7)
        let wait = PollScheduler.backoff(
            consecutiveErrors: errors,
            interval: .seconds(300),
            settings: Self.noJitter,
            using: &random
        )
        #expect(wait.seconds == expected)
    }

    @Test(arguments: [
        ("120", 120.0),
        ("0", 0.0),
        ("Tue, 26 Jul 2016 10:00:00 GMT", 3600.0),
        ("Tuesday, 26-Jul-16 10:00:00 GMT", 3600.0),
        ("Tue Jul 26 10:00:00 2016", 3600.0),
        ("Tue, 26 Jul 2016 08:00:00 GMT", 0.0),
        ("999999", 8 * 3600.0),
        ("Sat, 30 Jul 2016 09:00:00 GMT", 8 * 3600.0),
    ])
    func retryAfterInBothFormsIsCapped(value: String, expected: TimeInterval) throws {
        let until = try #require(PollScheduler.retryAfter(value, now: Self.now, settings: PollingSettings()))
        #expect(until.timeIntervalSince(Self.now) == expected)
    }

    @Test(arguments: ["soon", "-5", "", "Tue, 99 Foo 2016"])
    func unreadableRetryAfterIsIgnored(value: String) {
        #expect(PollScheduler.retryAfter(value, now: Self.now, settings: PollingSettings()) == nil)
    }
}
