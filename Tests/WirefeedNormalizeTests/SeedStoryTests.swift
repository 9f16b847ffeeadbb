// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedModel
import WirefeedNormalize
import WirefeedParse
import WirefeedTesting

/// The seed story (`../shared/seed/wire-story.txt`) as a golden test: a feed whose one item carries
/// the seed's paragraphs as HTML must render in text to the seed's headline and paragraphs exactly,
/// with the designator line (`W300` in the seed) holding the story's slug.
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
        let rendered = TextRenderer.render(story).components(separatedBy: "\n")

        #expect(rendered.last == "", "the rendering ends with a newline")
        var renderedLines = Array(rendered.dropLast())
        #expect(renderedLines.count == seed.lines.count)
        #expect(renderedLines[2] == SeedStory.designator(of: seed.headline))
        // Every other line is the seed's own.
        var seedLines = seed.lines
        renderedLines[2] = ""
        seedLines[2] = ""
        #expect(renderedLines == seedLines)
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

    /// The designator the seed's headline must get: its words, lowercased, joined by `-` (the seed's
    /// headline is ASCII and shorter than a slug's limit), written out here rather than asked of
    /// the code under test.
    static func designator(of headline: String) -> String {
        headline.lowercased().split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
            .joined(separator: "-")
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
