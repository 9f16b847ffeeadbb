// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedDedupe
import WirefeedModel

struct StoryKeyDeriverTests {
    static func story(guid: String?, link: String?, headline: String = "H", published: Date? = nil) -> Story {
        Story(
            guid: guid,
            headline: headline,
            paragraphs: ["Body"],
            html: "<p>Body</p>",
            published: published,
            link: link,
            slug: "h",
            feed: FeedReference(id: "f")
        )
    }

    @Test func theGuidNamespacedByFeedComesFirst() {
        let derivation = StoryKeyDeriver.derive(
            [Self.story(guid: "g1", link: "https://a.example.com/1")],
            feedID: "f",
            feedLink: nil
        )
        #expect(derivation.keys == [StoryKey(kind: .guid, value: "f\u{1F}g1")])
        #expect(!derivation.guidsMisbehaved)
    }

    @Test(arguments: [nil, "", "   "])
    func aMissingGuidFallsBackToTheLink(guid: String?) {
        let derivation = StoryKeyDeriver.derive(
            [Self.story(guid: guid, link: "https://a.example.com/1")],
            feedID: "f",
            feedLink: nil
        )
        #expect(derivation.keys == [StoryKey(kind: .link, value: "https://a.example.com/1")])
    }

    /// Identity compares canonical links: tracking parameters and host case do not make a new
    /// story, while a fragment that tells two items apart does.
    @Test func linkKeysUseTheCanonicalForm() {
        let tracked = StoryKeyDeriver.derive(
            [Self.story(guid: nil, link: "https://A.Example.com/1?utm_source=rss&id=3")],
            feedID: "f",
            feedLink: nil
        )
        #expect(tracked.keys == [StoryKey(kind: .link, value: "https://a.example.com/1?id=3")])
        let anchored = StoryKeyDeriver.derive(
            [
                Self.story(guid: nil, link: "https://a.example.com/26.html#a080605", headline: "Morning"),
                Self.story(guid: nil, link: "https://a.example.com/26.html#a030658", headline: "Evening"),
            ],
            feedID: "f",
            feedLink: nil
        )
        #expect(
            anchored.keys == [
                StoryKey(kind: .link, value: "https://a.example.com/26.html#a080605"),
                StoryKey(kind: .link, value: "https://a.example.com/26.html#a030658"),
            ]
        )
    }

    @Test func guidsSharedWithinADocumentFallBackAndAreReported() {
        let stories = [
            Self.story(guid: "same", link: "https://a.example.com/1"),
            Self.story(guid: "same", link: "https://a.example.com/2"),
        ]
        let derivation = StoryKeyDeriver.derive(stories, feedID: "f", feedLink: nil)
        #expect(derivation.keys.map(\.kind) == [.link, .link])
        #expect(derivation.guidsMisbehaved)
    }

    @Test func aGuidThatIsTheFeedsOwnLinkFallsBack() {
        let derivation = StoryKeyDeriver.derive(
            [Self.story(guid: "https://a.example.com/", link: "https://a.example.com/story")],
            feedID: "f",
            feedLink: "http://a.example.com"
        )
        #expect(derivation.keys == [StoryKey(kind: .link, value: "https://a.example.com/story")])
        #expect(derivation.guidsMisbehaved)
    }

    @Test func withoutGuidOrUsableLinkTheHeadlineAndDateHashIsUsed() {
        let date = Date(timeIntervalSince1970: 1_469_523_600)
        let stories = [
            Self.story(guid: nil, link: nil, headline: "One", published: date),
            Self.story(guid: nil, link: "https://a.example.com/", headline: "Two", published: date),
        ]
        let keys = StoryKeyDeriver.derive(stories, feedID: "f", feedLink: "https://a.example.com/").keys
        #expect(keys.map(\.kind) == [.headline, .headline])
        #expect(keys[0] != keys[1])
        #expect(
            keys[0] == StoryKeyDeriver.derive([stories[0]], feedID: "f", feedLink: nil).keys[0],
            "stable across polls"
        )
    }

    @Test func unreliableGuidsAreIgnored() {
        let derivation = StoryKeyDeriver.derive(
            [Self.story(guid: "g1", link: "https://a.example.com/1")],
            feedID: "f",
            feedLink: nil,
            guidsUnreliable: true
        )
        #expect(derivation.keys == [StoryKey(kind: .link, value: "https://a.example.com/1")])
    }

    @Test func contentHashCoversHeadlineAndBody() {
        let a = Self.story(guid: "g", link: nil, headline: "A")
        var b = a
        b.paragraphs = ["Body", "More"]
        var c = a
        c.html = "<p>Different markup, same text</p>"
        #expect(ContentHash.of(a) != ContentHash.of(b))
        #expect(ContentHash.of(a) == ContentHash.of(c))
        #expect(ContentHash.of(a).count == 64)
    }
}
