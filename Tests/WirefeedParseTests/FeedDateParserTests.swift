// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedParse
import WirefeedTesting

struct FeedDateParserTests {
    @Test(arguments: [
        // RFC 822 / 2822
        ("Tue, 26 Jul 2016 09:05:00 GMT", "2016-07-26T09:05:00Z"),
        ("Tue, 26 Jul 2016 09:05:00 +0000", "2016-07-26T09:05:00Z"),
        ("Tue, 26 Jul 2016 11:05:00 +0200", "2016-07-26T09:05:00Z"),
        ("Tue, 26 Jul 2016 05:05:00 -04:00", "2016-07-26T09:05:00Z"),
        ("Tue, 26 Jul 2016 09:05 UT", "2016-07-26T09:05:00Z"),
        ("Tue, 26 Jul 2016 09:05:00 Z", "2016-07-26T09:05:00Z"),
        ("Tue, 26 Jul 2016 04:05:00 EST", "2016-07-26T09:05:00Z"),
        ("Tue, 26 Jul 2016 05:05:00 EDT", "2016-07-26T09:05:00Z"),
        ("Tue, 26 Jul 2016 02:05:00 PDT", "2016-07-26T09:05:00Z"),
        ("Tue, 26 Jul 2016 01:05:00 PST", "2016-07-26T09:05:00Z"),
        ("Tue, 26 Jul 2016 03:05:00 CST", "2016-07-26T09:05:00Z"),
        ("Tue, 26 Jul 2016 09:05:00 A", "2016-07-26T09:05:00Z"),
        ("Tue, 26 Jul 2016 09:05:00", "2016-07-26T09:05:00Z"),
        // broken forms
        ("Tue, 26 Jul 16 09:05:00 GMT", "2016-07-26T09:05:00Z"),
        ("Sun, 26 Jul 98 09:05:00 GMT", "1998-07-26T09:05:00Z"),
        ("26 Jul 2016 09:05:00 GMT", "2016-07-26T09:05:00Z"),
        ("Fri, 26 Jul 2016 09:05:00 GMT", "2016-07-26T09:05:00Z"),
        ("  Tue,  26   Jul  2016   09:05:00  GMT  ", "2016-07-26T09:05:00Z"),
        ("Tue 26 July 2016 09:05:00 GMT", "2016-07-26T09:05:00Z"),
        ("Tue, 6 Jul 2016 9:05:00 GMT", "2016-07-06T09:05:00Z"),
        ("July 26, 2016", "2016-07-26T00:00:00Z"),
        ("Tue Jul 26 09:05:00 2016", "2016-07-26T09:05:00Z"),
        ("Di, 26 Dez 2016 09:05:00 +0000", "2016-12-26T09:05:00Z"),
        ("1469523900", "2016-07-26T09:05:00Z"),
        // RFC 3339, ISO 8601 and W3C-DTF
        ("2016-07-26T09:05:00Z", "2016-07-26T09:05:00Z"),
        ("2016-07-26T11:05:00+02:00", "2016-07-26T09:05:00Z"),
        ("2016-07-26T11:05:00+0200", "2016-07-26T09:05:00Z"),
        ("2016-07-26T09:05Z", "2016-07-26T09:05:00Z"),
        ("2016-07-26T09:05:00", "2016-07-26T09:05:00Z"),
        ("2016-07-26 09:05:00", "2016-07-26T09:05:00Z"),
        ("2016-07-26", "2016-07-26T00:00:00Z"),
        ("2016-07", "2016-07-01T00:00:00Z"),
        ("2016", "2016-01-01T00:00:00Z"),
        ("20160726", "2016-07-26T00:00:00Z"),
    ])
    func readsTheDatesFeedsWrite(text: String, expected: String) {
        #expect(FeedDateParser.parse(text) == Date(utc: expected), "\(text)")
    }

    @Test func keepsFractionsOfSeconds() {
        #expect(
            FeedDateParser.parse("2016-07-26T09:05:00.5Z") == Date(utc: "2016-07-26T09:05:00Z").addingTimeInterval(0.5)
        )
    }

    @Test(arguments: [
        "", "   ", "sometime last week", "2016-13-01", "31 Feb 2016 10:00:00 GMT", "Tue, 26 Jul 2016 25:61:00 GMT",
        "n/a", "0000-00-00",
    ])
    func neverInventsADate(text: String) {
        #expect(FeedDateParser.parse(text) == nil, "\(text)")
    }
}
