// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedParse
import WirefeedTesting

struct MalformedInputTests {
    @Test(arguments: [
        "quirk-junk-before-prolog.xml", "quirk-php-warning-before-prolog.xml", "quirk-junk-after-root.xml",
    ])
    func junkAroundTheDocumentIsIgnored(fixture: String) throws {
        let feed = try Fixtures.parse(fixture)
        #expect(feed.title?.value == "Radio Notes")
        #expect(feed.items.count == 1)
    }

    @Test func htmlNamedEntitiesAreDecoded() throws {
        let feed = try Fixtures.parse("quirk-html-entities.xml")
        #expect(feed.title?.value == "Entities\u{A0}Test")
        #expect(feed.items.first?.title?.value == "Café — crème\u{A0}brûlée")
        #expect(
            feed.items.first?.summary?.value == "“Quoted” … © 2016 &unknownentity; x",
            "an unknown entity stays literal text"
        )
    }

    @Test func bareAmpersandsAndLessThanSignsAreText() throws {
        let feed = try Fixtures.parse("quirk-bare-ampersand.xml")
        #expect(feed.title?.value == "AT&T News")
        #expect(feed.items.first?.title?.value == "Q&A: Fish & Chips < 5 pounds")
        #expect(
            feed.items.first?.summary?.value == "Tom & Jerry   ok",
            "references to forbidden characters are dropped"
        )
    }

    @Test func aTruncatedDocumentKeepsItsCompleteItems() throws {
        let feed = try Fixtures.parse("quirk-truncated.xml")
        #expect(feed.items.count == 1)
        #expect(feed.items.first?.id == "harbour-2016-07-26-0001")
        #expect(feed.warnings.count == 1)
        #expect(feed.warnings.first?.contains("breaks off") == true)
    }

    @Test func forbiddenControlCharactersAreDropped() throws {
        let feed = try Fixtures.parse("quirk-control-characters.xml")
        #expect(feed.title?.value == "ControlChars")
        #expect(feed.items.first?.title?.value == "Bell and escape")
    }

    @Test func brokenDatesAreReadOrLeftEmpty() throws {
        let feed = try Fixtures.parse("quirk-broken-dates.xml")
        let expected = Date(utc: "2016-07-26T09:05:00Z")
        #expect(feed.items.map(\.published) == [expected, expected, expected, expected, nil])
    }

    @Test(arguments: [
        ("not-feed-html.html", ParseError.Code.notAFeed, "HTML page"),
        ("not-feed-opml.opml", .notAFeed, "OPML"),
        ("not-feed-json.json", .notXML, "JSON"),
        ("not-feed-binary.png", .notXML, "not XML"),
        ("not-feed-empty.xml", .empty, "empty"),
    ])
    func documentsThatAreNotFeedsAreRefusedWithTheirReason(
        fixture: String,
        code: ParseError.Code,
        reason: String
    ) throws {
        let error = try #require(throws: ParseError.self) { try Fixtures.parse(fixture) }
        #expect(error.code == code)
        #expect(error.description.contains(reason))
    }
}
