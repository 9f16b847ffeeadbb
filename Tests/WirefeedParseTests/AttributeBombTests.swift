// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Testing
import WirefeedParse

/// An element with a huge number of attributes is cut to ``maximumAttributes`` before libxml2
/// sees it (libxml2 2.9 checks duplicates in quadratic time): the work is bounded by what is kept.
struct AttributeBombTests {
    static let maximumAttributes = 128

    static func attributes(_ count: Int, prefix: String = "a") -> String {
        var text = ""
        text.reserveCapacity(count * 12)
        for index in 0..<count { text += " \(prefix)\(index)=\"\(index)\"" }
        return text
    }

    @Test func anElementWith200000AttributesKeepsTheFirst128() throws {
        // `url` stands 10th on one enclosure and 300th on the other: only the first survives.
        let early =
            "<enclosure\(Self.attributes(9)) url=\"https://m.example.com/early.mp3\"\(Self.attributes(200_000, prefix: "b"))/>"
        let late = "<enclosure\(Self.attributes(299)) url=\"https://m.example.com/late.mp3\"/>"
        let document =
            "<rss version=\"2.0\"><channel><title>Bomb</title><item\(Self.attributes(200_000))><title>Still read</title>"
            + early + late + "<guid>bomb-1</guid></item></channel></rss>"
        let feed = try FeedParser.parse(Array(document.utf8))
        let item = try #require(feed.items.first)
        #expect(item.title?.value == "Still read")
        #expect(item.id == "bomb-1")
        #expect(item.media.map(\.url) == ["https://m.example.com/early.mp3"])
        #expect(feed.warnings.contains("Dropped the attributes after the first 128 of 3 elements."))
    }

    @Test func anElementAtTheLimitIsUntouched() throws {
        let document =
            "<rss version=\"2.0\"><channel><title>T</title><item><enclosure\(Self.attributes(127)) url=\"https://m.example.com/x\"/>"
            + "</item></channel></rss>"
        let feed = try FeedParser.parse(Array(document.utf8))
        #expect(feed.items.first?.media.map(\.url) == ["https://m.example.com/x"])
        #expect(!feed.warnings.contains { $0.contains("attributes") })
    }

    @Test func quotedValuesFullOfEqualsSignsAreNotCut() throws {
        let value = String(repeating: "k=v&amp;", count: 1_000)
        let document =
            "<rss version=\"2.0\"><channel><title>T</title><item><link>https://e.example.com/</link>"
            + "<enclosure url=\"https://m.example.com/x?\(value)\" type=\"audio/mpeg\"/></item></channel></rss>"
        let feed = try FeedParser.parse(Array(document.utf8))
        #expect(feed.items.first?.media.first?.mimeType == "audio/mpeg")
        #expect(!feed.warnings.contains { $0.contains("attributes") })
    }

    @Test(arguments: [HTMLFragmentWalker.Reading.fastest, .libxml2])
    func anHTMLBombIsCutBeforeEitherReader(reading: HTMLFragmentWalker.Reading) {
        let html = "<p\(Self.attributes(200_000))>text</p><a\(Self.attributes(300)) href=\"x\">link</a>"
        let events = HTMLFragmentWalker(html: html, reading: reading).remainingEvents()
        let starts = events.compactMap { event -> (String, Int)? in
            guard case .start(let name, let attributes, _) = event else { return nil }
            return (name, attributes.count)
        }
        #expect(starts.first { $0.0 == "p" }?.1 == Self.maximumAttributes)
        #expect(starts.first { $0.0 == "a" }?.1 == Self.maximumAttributes, "href, the 301st, is dropped")
        #expect(events.contains(.text("text")))
        #expect(events.contains(.text("link")))
    }

    /// Shapes that make a careless cutter quadratic: many unclosed tags full of `=`, an open quote.
    @Test func pathologicalTagsStayLinear() throws {
        let unclosed = String(repeating: "<x" + String(repeating: " =", count: 300) + " \"", count: 2_000)
        let document = "<rss version=\"2.0\"><channel><title>T</title><item><title>ok</title></item>" + unclosed
        let feed = try? FeedParser.parse(Array(document.utf8))
        #expect(feed?.items.count ?? 1 == 1)
        let events = HTMLFragmentWalker(html: unclosed, reading: .libxml2).remainingEvents()
        #expect(events.count < 10_000)
    }
}
