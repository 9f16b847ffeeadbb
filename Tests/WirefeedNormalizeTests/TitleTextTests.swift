// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Testing
import WirefeedModel
import WirefeedNormalize
import WirefeedParse
import WirefeedTesting

/// A headline keeps the angle brackets it holds as text; only markup is read as markup.
struct TitleTextTests {
    @Test func anRSSTitleIsHTMLOnlyWhenItLooksLikeHTML() throws {
        let feed = try Fixtures.parse("titles-rss.xml")
        let stories = StoryNormalizer.normalize(feed)
        #expect(
            stories.map(\.headline) == [
                "Test <pre> in <description> and <b>bold</b> in title",
                "Use the <description> element",
                "Port strike ends",
                "Why <pre> beats <div>",
                "Bridge reopens",
            ]
        )
        #expect(feed.items.map { $0.title?.kind } == [.html, .text, .html, .text, .html])
        let document = JSONFeedDocument(feed: feed, stories: stories)
        #expect(document.title == "Markup <in> titles")
        #expect(document.items.map(\.title) == stories.map { Optional($0.headline) })
    }

    @Test func anAtomTitleIsReadAsItsTypeSays() throws {
        let feed = try Fixtures.parse("titles-atom.xml")
        let stories = StoryNormalizer.normalize(feed)
        #expect(
            stories.map(\.headline) == ["Escaped <b>bold</b> is text", "Escaped bold is markup", "Inline bold <b>"]
        )
        #expect(JSONFeedDocument(feed: feed, stories: stories).title == "About <b>")
    }
}
