// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Testing
import WirefeedParse
import WirefeedTesting

/// Slips a lenient reader forgives never make the feed unreadable.
struct RecoveryTests {
    @Test func commentsHoldingDoubleDashesAreForgiven() throws {
        let feed = try Fixtures.parse("quirk-comment-dashes.xml")
        #expect(feed.items.map(\.id) == ["dash-1", "dash-2"])
        #expect(feed.items.first?.title?.value == "First")
    }

    @Test func adjacentCDATASectionsAreOneText() throws {
        let feed = try Fixtures.parse("quirk-comment-dashes.xml")
        #expect(feed.items[0].summary?.value == "<p>Part one, part two.</p>")
        #expect(feed.items[1].title?.value == "Split headline")
    }

    @Test func anUnterminatedCommentKeepsWhatCameBefore() throws {
        let document = "<rss version=\"2.0\"><channel><title>T</title><item><title>Kept</title></item><!-- never closed"
        let feed = try FeedParser.parse(Array(document.utf8))
        #expect(feed.items.first?.title?.value == "Kept")
    }

    @Test func mixedUTF8AndWindows1252IsReadPerCharacter() throws {
        let feed = try Fixtures.parse("enc-mixed-utf8-cp1252.xml")
        let item = try #require(feed.items.first)
        #expect(item.title?.value == "UTF-8 part: Zürich")
        #expect(item.summary?.value == "cp1252 part: café – naïve")
        #expect(feed.encoding == "UTF-8 mixed with WINDOWS-1252")
    }

    @Test func consistentlyDoubleEncodedTextIsRepaired() throws {
        let feed = try Fixtures.parse("enc-double-encoded-utf8.xml")
        let item = try #require(feed.items.first)
        #expect(item.title?.value == "Élection à Zürich – “für” Ändern")
        #expect(item.summary?.value == "Über große Straßen")
        #expect(feed.encoding.hasSuffix("(double-encoded UTF-8, repaired)"))
    }

    /// Text that only looks double-encoded in places is left as it is.
    @Test(arguments: ["Prix: 5 £ — Ã  la carte", "naïve façade", "Ã©"])
    func textThatIsNotConsistentlyDoubleEncodedIsKept(text: String) throws {
        let document =
            "<rss version=\"2.0\"><channel><title>T</title><item><title>\(text) x</title></item></channel></rss>"
        let feed = try FeedParser.parse(Array(document.utf8))
        let expected = text == "Ã©" ? "é x" : "\(text) x"
        #expect(feed.items.first?.title?.value == expected)
    }
}
