// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedModel
import WirefeedNormalize
import WirefeedParse
import WirefeedTesting

/// A story's link is the publisher's, resolved against its base: never canonicalized.
struct PublishedLinkTests {
    @Test func fragmentsParametersAndHostCaseAreKept() throws {
        let feed = try Fixtures.parse("links-as-published.xml")
        let stories = StoryNormalizer.normalize(feed, feedID: "notes")
        #expect(
            stories.map(\.link) == [
                "https://Notes.Example.COM/2008/06/26.html#a080605",
                "https://Notes.Example.COM/2008/06/26.html#a030658",
                "https://news.example.com/story.php?cid=1234&rss=1&partner=wire&utm_source=rss",
                "https://wire.example.com/originals/42?ref=feed#top",
            ]
        )
    }

    @Test func jsonFeedAndNinjsCarryThePublishedLink() throws {
        let feed = try Fixtures.parse("links-as-published.xml")
        let stories = StoryNormalizer.normalize(feed, feedID: "notes")
        let document = JSONFeedDocument(feed: feed, stories: stories)
        #expect(document.items[0].url == "https://Notes.Example.COM/2008/06/26.html#a080605")
        #expect(document.items[1].url == "https://Notes.Example.COM/2008/06/26.html#a030658")
        let ninjs = ninjsDocuments(stories, feedID: "notes")[2]
        #expect(
            ninjs.altids?.contains { $0.role == "link" && $0.value == stories[2].link } == true,
            "ninjs altids carry the link as published"
        )
    }

    @Test func relativeLinksResolveAgainstXMLBase() throws {
        let stories = StoryNormalizer.normalize(try Fixtures.parse("links-xml-base.xml"))
        #expect(
            stories.map(\.link) == [
                "https://base.example.org/news/2016/07/story.html?Page=2#Part-3",
                "https://base.example.org/Archive/Story",
            ]
        )
    }

    @Test func relativeLinksResolveAgainstTheDocumentURL() throws {
        let options = FeedParserOptions(documentURL: "https://wire.example.com/feeds/world.xml")
        let bytes = Array(
            #"<rss version="2.0"><channel><title>T</title><item><title>A</title><link>a/b?X=1#F</link></item></channel></rss>"#
                .utf8
        )
        let story = try #require(StoryNormalizer.normalize(try FeedParser.parse(bytes, options: options)).first)
        #expect(story.link == "https://wire.example.com/feeds/a/b?X=1#F")
    }
}

/// An id that is no URL stays the id as written and never becomes the story's link.
struct IDsThatAreNotLinksTests {
    @Test func anAtomIDIsNeverResolvedNorTakenForTheLink() throws {
        let feed = try Fixtures.parse("ids-not-links-atom.xml")
        #expect(
            feed.items.map(\.id) == [
                "urn:uuid:d5ffaea2-0a9a-4f38-98fc-5c364177b6b4", "tag:desk.example.com,2016:harbour",
            ]
        )
        let stories = StoryNormalizer.normalize(feed)
        #expect(stories[0].link == nil, "a self or edit link names the entry's document, not its page")
        #expect(stories[1].link == "http://localhost:8080/desk/feed/2016/07/26/harbour")
        let document = JSONFeedDocument(feed: feed, stories: stories)
        #expect(document.items.map(\.id) == feed.items.map { $0.id! })
        #expect(document.items[0].url == nil)
    }

    @Test func anRSSGuidThatIsNoURLIsNeverTheLink() throws {
        let feed = try Fixtures.parse("ids-not-links-rss.xml")
        #expect(
            feed.items.map(\.id) == [
                "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "tag:rss.example.com,2016:harbour",
            ]
        )
        let stories = StoryNormalizer.normalize(feed)
        #expect(stories.map(\.link) == [nil, "https://rss.example.com/desk/2016/harbour.html"])
        #expect(JSONFeedDocument(feed: feed, stories: stories).items.map(\.url) == [nil, stories[1].link])
    }
}

/// Links in output are http, https, or relative; every other scheme is dropped with a warning.
struct SafeLinkTests {
    @Test func unsafeSchemesAreDroppedWithAWarning() throws {
        let feed = try Fixtures.parse("hostile-unsafe-links.xml")
        #expect(feed.items.count == 3, "the items themselves are kept")
        #expect(feed.items[0].links.isEmpty)
        #expect(feed.items[0].media.isEmpty)
        #expect(feed.items[1].links.isEmpty, "a tab inside the scheme does not hide javascript:")
        #expect(feed.items[1].media.map(\.url) == ["https://img.example.com/ok.jpg"])
        #expect(feed.items[2].media.map(\.url) == ["HTTPS://media.example.com/a.mp3"])
        #expect(feed.homePageURL == "https://safe.example.com/")
        let drops = feed.warnings.filter { $0.hasPrefix("Dropped the link") }
        #expect(drops.count == 6)
        #expect(drops.contains { $0.contains("javascript:alert(document.cookie)") && $0.contains("item 1") })
        #expect(drops.contains { $0.contains("the feed") })
        #expect(!feed.warnings.joined().contains("\t"), "warnings carry no control characters")
    }

    @Test func noUnsafeLinkReachesAnyRendering() throws {
        let feed = try Fixtures.parse("hostile-unsafe-links.xml")
        let stories = StoryNormalizer.normalize(feed, feedID: "unsafe")
        let json = String(decoding: try JSONFeedDocument(feed: feed, stories: stories).jsonData(), as: UTF8.self)
        let ninjs = ninjsDocuments(stories, feedID: "unsafe").map { String(decoding: $0.jsonBytes(), as: UTF8.self) }
            .joined()
        for scheme in ["javascript", "data:", "vbscript", "file:"] {
            #expect(!json.lowercased().contains(scheme), "JSON Feed: \(scheme)")
            #expect(!ninjs.lowercased().contains(scheme), "ninjs: \(scheme)")
        }
        #expect(stories[2].link == "/stories/safe", "a relative link with no base stays relative")
    }

    @Test(arguments: [
        ("https://a.example.com/x", true), ("HTTP://a.example.com/", true), ("/relative/path", true),
        ("relative?q=a:b", true), ("#fragment", true), ("javascript:alert(1)", false), ("JavaScript:x", false),
        (" \u{1}javascript:x", false), ("java\nscript:x", false), ("data:text/html,x", false),
        ("vbscript:x", false), ("file:///etc/passwd", false), ("mailto:a@example.com", false),
        ("page:1", false),
    ])
    func safety(link: String, isSafe: Bool) {
        #expect(CanonicalLink.isSafe(link) == isSafe)
    }
}
