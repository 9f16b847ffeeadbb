// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedDedupe
import WirefeedModel
import WirefeedNormalize
import WirefeedParse
import WirefeedTesting

struct StoryNormalizerTests {
    @Test func aFullRSSItemBecomesAStory() throws {
        let stories = StoryNormalizer.normalize(try Fixtures.parse("rss20-full.xml"), feedID: "harbour-world")
        let story = try #require(stories.first)
        #expect(story.headline == "Port strike enters third day")
        #expect(
            story.paragraphs == [
                "Dock workers stayed out for a third day on Tuesday, leaving ships idle.",
                "Union leaders said talks would resume on Thursday.",
                "Employers declined to comment.",
                "Click for more.",
            ]
        )
        #expect(story.summary == "Dock workers stayed out for a third day.")
        #expect(story.byline == ["Ana Ferreira", "Tom Okafor"])
        #expect(story.categories == ["Labour", "Shipping"])
        #expect(
            story.link == "https://wire.example.com/world/port-strike?utm_source=rss&utm_medium=feed&id=7#comments",
            "the link as published"
        )
        #expect(story.language == "en-gb")
        #expect(story.location == Location(latitude: 38.7223, longitude: -9.1393))
        #expect(story.slug == "port-strike-enters-third-day")
        #expect(
            story.feed
                == FeedReference(
                    id: "harbour-world",
                    title: "Harbour Wire & Co. — World",
                    url: "https://wire.example.com/world/rss.xml",
                    homePageURL: "https://wire.example.com/world/"
                )
        )
        #expect(story.media.map(\.kind) == [.picture, .picture])
        #expect(story.media.map(\.isThumbnail) == [false, true])
        #expect(story.media.first?.caption == "Idle cranes at the container terminal.")
        #expect(story.media.first?.credit == "Photo: R. Lima")
        #expect(
            story.html.contains(#"<a href="https://wire.example.com/world/talks">Thursday</a>"#)
        )
        #expect(!story.html.contains("onclick"))
        #expect(!story.html.contains("javascript:"))
        #expect(!story.html.contains("pixel.example.com"))

        let grain = stories[1]
        #expect(grain.paragraphs == ["First paragraph.", "Second paragraph with & ampersand."])
        #expect(grain.byline == ["Night Desk"])
        #expect(grain.media.first?.kind == .audio)
    }

    @Test func anUntitledItemIsHeadedByItsText() throws {
        let story = try #require(StoryNormalizer.normalize(try Fixtures.parse("rss092.xml")).first)
        #expect(story.headline == "Morning show recording")
        #expect(story.slug == "morning-show-recording")
    }

    @Test func atomTextContentKeepsItsParagraphs() throws {
        let stories = StoryNormalizer.normalize(try Fixtures.parse("atom10.xml"))
        #expect(stories[0].headline == "Markets rally on \"good\" news")
        #expect(stories[0].paragraphs == ["Shares rose across Europe on Tuesday.", "See the charts."])
        #expect(
            stories[0].html.contains(#"href="https://atom.example.com/desk/charts""#),
            "resolved under the content's xml:base"
        )
        #expect(stories[1].paragraphs == ["Sonnig und warm.", "Morgen Gewitter."])
        #expect(stories[1].language == "de")
        #expect(stories[2].paragraphs == ["Just this."])
    }

    @Test func theSameItemAlwaysGetsTheSameURI() throws {
        let feed = try Fixtures.parse("rss20-full.xml")
        let uris = { (stories: [Story]) in
            StoryKeyDeriver.derive(stories, feedID: "fixture", feedLink: feed.homePageURL).keys.map(\.uri)
        }
        let first = uris(StoryNormalizer.normalize(feed))
        let second = uris(StoryNormalizer.normalize(try Fixtures.parse("rss20-full.xml")))
        #expect(first == second)
        #expect(Set(first).count == first.count)
        #expect(first.allSatisfy { $0.hasPrefix("urn:wirefeed:story:") })
    }
}

struct NinjsWriterTests {
    /// The hand-written writer and JSONEncoder agree byte for byte on every fixture story.
    @Test func theFastWriterMatchesJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var compared = 0
        for name in try Fixtures.feedNames() {
            guard let feed = try? Fixtures.parse(name) else { continue }
            for story in StoryNormalizer.normalize(
                feed,
                feedID: "f\"x\u{1}",
                feedURL: "https://fixtures.example.com/\(name)"
            ) {
                let document = NinjsDocument(
                    story: story,
                    uri: "urn:wirefeed:story:test",
                    version: 2,
                    firstCreated: Date(timeIntervalSince1970: 0)
                )
                #expect(
                    String(decoding: document.jsonBytes(), as: UTF8.self)
                        == String(decoding: try encoder.encode(document), as: UTF8.self),
                    "\(name)"
                )
                compared += 1
            }
        }
        #expect(compared > 30)
    }
}
