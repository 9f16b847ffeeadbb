// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// A deterministic corpus of realistic wire feeds: RSS 2.0 and Atom with HTML bodies, entities,
/// Dublin Core, Media RSS and categories, about 200 KB and 50 items a feed.
struct WireFeedCorpus {
    private var state: UInt64
    /// How many paragraphs a story body has.
    private let paragraphs: Range<Int>

    /// - Parameter paragraphs: 6..<12 gives feeds of about 150 KB; 3..<8 about 100 KB.
    init(seed: UInt64 = 0x5EED, paragraphs: Range<Int> = 6..<12) {
        state = seed
        self.paragraphs = paragraphs
    }

    private static let words = """
        government officials said on tuesday that the talks would resume after a week of strikes across \
        the port city where workers demanded higher wages and better conditions while employers warned \
        of losses the minister told reporters in the capital that negotiations were continuing and that \
        an agreement could be reached before the end of the month analysts expect markets to react \
        cautiously to the news as investors weigh the impact on trade flows shipping companies diverted \
        vessels to neighbouring harbours police estimated that thousands of people joined the march \
        opposition leaders called for an inquiry into the handling of the crisis
        """.split(separator: " ").map(String.init)

    private mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }

    private mutating func sentence(_ count: Int) -> String {
        var words: [String] = []
        for _ in 0..<count { words.append(Self.words[Int(next() % UInt64(Self.words.count))]) }
        return words.joined(separator: " ").capitalizedFirst + "."
    }

    /// The feed numbered `index`: RSS 2.0 for even numbers, Atom 1.0 for odd ones.
    mutating func feed(_ index: Int, items: Int = 50) -> String {
        index % 2 == 0 ? rss(index, items: items) : atom(index, items: items)
    }

    private mutating func body() -> String {
        var html: [String] = []
        for _ in 0..<(paragraphs.lowerBound + Int(next() % UInt64(paragraphs.count))) {
            html.append(
                "<p>\(sentence(12)) &ldquo;\(sentence(8))&rdquo; said <strong>\(sentence(2))</strong>&nbsp;\(sentence(14))</p>"
            )
        }
        return html.joined(separator: "\n")
    }

    private mutating func rss(_ index: Int, items: Int) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel><title>Wire \(index) &amp; World</title><link>https://wire\(index % 20).example.com/feed\(index)/</link>
            <atom:link rel="self" href="https://wire\(index % 20).example.com/feed\(index)/rss.xml"/>
            <description>Bench feed \(index)</description><language>en</language><ttl>5</ttl>

            """
        for item in 0..<items {
            let minute = (index * 7 + item) % 60
            xml += """
                <item><title>\(sentence(9))</title>
                <link>https://wire\(index % 20).example.com/story/\(index)-\(item)?utm_source=rss</link>
                <guid isPermaLink="false">wire-\(index)-\(item)</guid>
                <pubDate>Tue, 26 Jul 2016 09:\(minute < 10 ? "0" : "")\(minute):00 GMT</pubDate>
                <dc:creator>\(sentence(2))</dc:creator><category>World</category><category>\(sentence(1))</category>
                <description>\(sentence(20))</description>
                <content:encoded><![CDATA[\(body())]]></content:encoded>
                <media:content url="https://img.example.com/\(index)/\(item).jpg" type="image/jpeg" medium="image" width="1200" height="800"><media:description>\(sentence(6))</media:description><media:credit>Photo: \(sentence(2))</media:credit></media:content>
                </item>

                """
        }
        return xml + "</channel></rss>\n"
    }

    private mutating func atom(_ index: Int, items: Int) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Wire \(index)</title>
            <link href="https://wire\(index % 20).example.com/feed\(index)/"/><id>urn:wire:\(index)</id><updated>2016-07-26T09:00:00Z</updated>

            """
        for item in 0..<items {
            xml += """
                <entry><title type="html">\(sentence(9))</title><link href="https://wire\(index % 20).example.com/story/\(index)-\(item)"/>
                <id>urn:wire:\(index):\(item)</id><published>2016-07-26T09:00:00Z</published><updated>2016-07-26T09:30:00+01:00</updated>
                <author><name>\(sentence(2))</name></author><category term="world" label="World"/>
                <summary>\(sentence(20))</summary>
                <content type="html">\(body().replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;"))</content>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }
}

extension String {
    fileprivate var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
