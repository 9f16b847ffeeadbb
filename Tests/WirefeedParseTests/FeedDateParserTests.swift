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
        ("Wed 24 May 2006 14:04:24 -800", "2006-05-24T22:04:24Z"),
        ("Sun, 20 Apr 2014 8:19 pm CEST", "2014-04-20T18:19:00Z"),
        ("Sat, Dec 16 2023 02:02:33 PM", "2023-12-16T14:02:33Z"),
        ("Friday, January 29, 2021 04:42 PM", "2021-01-29T16:42:00Z"),
        ("Fri, 17 May 2019 06:00:00 BST", "2019-05-17T05:00:00Z"),
        // year first, with slashes, dashes or dots and one-digit fields
        ("2020/1/10 14:33:00", "2020-01-10T14:33:00Z"),
        ("2020/01/10", "2020-01-10T00:00:00Z"),
        ("2020-1-5 3:04:05", "2020-01-05T03:04:05Z"),
        ("2020.1.5", "2020-01-05T00:00:00Z"),
        ("2020/01/10 02:33 PM +0800", "2020-01-10T06:33:00Z"),
        ("2020/1/10 12:05 AM", "2020-01-10T00:05:00Z"),
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
        "n/a", "0000-00-00", "2020/13/10", "2020/1-10", "2020/1/10 14", "2020/1/10 13:00 PM",
        "2020/2/30", "2020/1/10 24:00", "2020/1/10 14:60", "2020/1/10 0:05 AM", "2020/1/10 14:33 later", "2020//10",
        // day and month in an order the text does not tell
        "10/01/2020",
        // an offset no zone has
        "Fri, 11 Mar 2016 01:15:00 +3000",
    ])
    func neverInventsADate(text: String) {
        #expect(FeedDateParser.parse(text) == nil, "\(text)")
    }

    @Test func theRealWorldShapesOfTheFixtureAreRead() throws {
        let feed = try Fixtures.parse("dates-real-world.xml")
        let expected: [String?] = [
            "2020-01-10T14:33:00Z", "2020-01-05T03:04:05Z", "2020-01-10T06:33:00Z", "2006-05-24T22:04:24Z",
            "2014-04-20T18:19:00Z", "2023-12-16T14:02:33Z", "2022-11-15T23:38:15Z", "2021-01-29T16:42:00Z",
            "2019-05-17T05:00:00Z", nil, nil,
        ]
        #expect(feed.items.map(\.published) == expected.map { $0.map(Date.init(utc:)) })
    }
}
