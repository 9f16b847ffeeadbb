// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Testing
import WirefeedNormalize
import WirefeedParse

/// JSON Feed requires an item `id`: the publisher's guid, else its link, else a URN of what it wrote.
struct JSONFeedItemIDTests {
    static func document(_ items: String) throws -> JSONFeedDocument {
        let xml = "<rss version=\"2.0\"><channel><title>Desk</title>\(items)</channel></rss>"
        let feed = try FeedParser.parse(Array(xml.utf8))
        return JSONFeedDocument(feed: feed, stories: StoryNormalizer.normalize(feed, feedID: "desk"))
    }

    @Test func theGuidComesFirstThenTheLink() throws {
        let document = try Self.document(
            """
            <item><guid>tag:desk,2026:1</guid><link>https://desk.example/1</link><title>One</title></item>
            <item><link>https://desk.example/2</link><title>Two</title></item>
            """
        )
        #expect(document.items.map(\.id) == ["tag:desk,2026:1", "https://desk.example/2"])
    }

    @Test func anItemWithNeitherGetsAStableIDFromItsText() throws {
        let items = """
            <item><title>Storm warning</title><description>Gales tonight.</description></item>
            <item><title>Storm warning</title><description>Gales tomorrow.</description></item>
            """
        let first = try Self.document(items).items.map(\.id)
        let again = try Self.document(items).items.map(\.id)
        #expect(first == again)
        #expect(Set(first).count == 2, "two texts, two ids")
        #expect(first.allSatisfy { $0.hasPrefix("urn:wirefeed:item:") })
    }
}
