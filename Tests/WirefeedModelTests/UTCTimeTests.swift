// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedModel
import WirefeedTesting

/// The arithmetic UTC formatting agrees with Foundation's formatter, before and after the epoch.
struct UTCTimeTests {
    @Test func formatsTheWellKnownInstants() {
        #expect(UTCTime(Date(timeIntervalSince1970: 0)).rfc3339 == "1970-01-01T00:00:00Z")
        #expect(UTCTime(Date(timeIntervalSince1970: 951_782_400)).rfc3339 == "2000-02-29T00:00:00Z")
        #expect(UTCTime(Date(timeIntervalSince1970: -1)).rfc3339 == "1969-12-31T23:59:59Z")
        #expect(UTCTime(Date(timeIntervalSince1970: 1_469_523_900.25)).sqliteText == "2016-07-26 09:05:00.250")
    }

    @Test func agreesWithISO8601DateFormatterOnRandomInstants() {
        let formatter = ISO8601DateFormatter()
        var random = SeededRandom(seed: 7)
        for _ in 0..<5_000 {
            // 1800 … 2200, whole seconds.
            let seconds = Double(Int64.random(in: -5_364_662_400...7_258_118_400, using: &random))
            let date = Date(timeIntervalSince1970: seconds)
            #expect(UTCTime(date).rfc3339 == formatter.string(from: date), "at \(seconds)")
        }
    }
}

/// Spool names sort like their sequences, whatever the slug.
struct SpoolNameTests {
    @Test func namesSortInSequenceOrder() {
        let names = [(9, "zebra"), (10, "aardvark"), (123_456_789_012, "last")].map {
            SpoolName.make(sequence: Int64($0.0), slug: $0.1, version: 1)
        }
        #expect(names == names.sorted())
        #expect(names[0] == "000000000009-zebra-v1")
        #expect(SpoolName.sequencePrefix(10) == "000000000010")
    }
}
