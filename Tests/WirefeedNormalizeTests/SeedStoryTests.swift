// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedModel
import WirefeedNormalize
import WirefeedParse
import WirefeedTesting

/// The seed story (`../shared/seed/wire-story.txt`) as a golden test: a feed whose one item carries
/// the seed's paragraphs as HTML must render in text to the seed's headline and paragraphs exactly.
@Suite(.enabled(if: SeedStory.exists, "../shared/seed/wire-story.txt is not beside this checkout: skipped"))
struct SeedStoryTests {
    @Test func seedParagraphsAsHTMLRenderBackToTheSeed() throws {
        let seed = try SeedStory.load()
        let feed = try FeedParser.parse(
            Array(SeedStory.feed(headline: seed.headline, paragraphs: seed.paragraphs).utf8)
        )
        let stories = StoryNormalizer.normalize(feed)
        #expect(stories.count == 1)
        let story = try #require(stories.first)
        #expect(story.slug == "afghan-forces-step-up-anti-is-offensive-after-deadly-attack")

        // Our designator line carries the slug where the seed has its own.
        var expected = seed.lines
        expected[2] = story.slug
        #expect(TextRenderer.render(story) == expected.joined(separator: "\n") + "\n")
    }
}

enum SeedStory {
    static let file = Fixtures.shared.appendingPathComponent("seed/wire-story.txt")
    static let exists = FileManager.default.fileExists(atPath: file.path)

    struct Seed {
        var lines: [String]
        var headline: String
        var paragraphs: [String]
    }

    /// Headline, designator and paragraphs of the seed story.
    static func load() throws -> Seed {
        let text = try String(contentsOf: file, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        while lines.last == "" { lines.removeLast() }
        let paragraphs = lines.dropFirst(4).filter { !$0.isEmpty }
        return Seed(lines: lines, headline: lines[0], paragraphs: Array(paragraphs))
    }

    /// An RSS feed whose item holds the paragraphs as entity-escaped HTML: `<p>` elements, quotes as
    /// `&quot;`, a `&nbsp;` and a `<strong>`.
    static func feed(headline: String, paragraphs: [String]) -> String {
        var html = ""
        for (index, paragraph) in paragraphs.enumerated() {
            var markup = paragraph.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<",
                with: "&lt;"
            )
            .replacingOccurrences(of: "\"", with: "&quot;")
            if index == 0, let space = markup.range(of: " ") { markup.replaceSubrange(space, with: "&nbsp;") }
            if index == 1, let word = markup.range(of: "Afghan") {
                markup.replaceSubrange(word, with: "<strong>Afghan</strong>")
            }
            html += "<p>\(markup)</p>\n"
        }
        let escaped = html.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Seed Wire</title><link>https://seed.example.com/</link>
            <item><title>\(headline)</title><guid>seed-1</guid><description>\(escaped)</description></item>
            </channel></rss>
            """
    }
}
