// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedModel
import WirefeedNormalize
import WirefeedTesting

/// Plain text is safe for a terminal: no C0/C1 controls, DEL or bidi controls, raw or referenced.
struct SafeTextTests {
    static let unsafe: [Unicode.Scalar] =
        (0x00...0x08).map { Unicode.Scalar($0)! } + (0x0E...0x1F).map { Unicode.Scalar($0)! }
        + [Unicode.Scalar(0x7F)!] + (0x80...0x9F).map { Unicode.Scalar($0)! }
        + (0x202A...0x202E).map { Unicode.Scalar($0)! } + (0x2066...0x2069).map { Unicode.Scalar($0)! }

    static func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains { unsafe.contains($0) }
    }

    @Test func controlsAreStrippedFromEveryPlainTextField() throws {
        let feed = try Fixtures.parse("quirk-terminal-controls.xml")
        let stories = StoryNormalizer.normalize(feed, feedID: "term")
        let story = try #require(stories.first)
        #expect(story.headline == "Flash›2J: markets tfel open", "&#x9B; is windows-1252's ›, not CSI")
        #expect(story.paragraphs == ["Raw next line isolated text[0m."])
        #expect(story.feed.title == "Terminal31m Wire")
        let rendered = TextRenderer.render(stories)
        #expect(Self.isClean(rendered.replacingOccurrences(of: TextRenderer.storySeparator, with: "")))
        #expect(
            stories[1].headline
                == "Arabic stays \u{0627}\u{0644}\u{0633}\u{0648}\u{0642} and Hebrew \u{05E9}\u{05D5}\u{05E7}"
        )
    }

    @Test func everyUnsafeScalarIsDroppedAndNothingElse() {
        for scalar in Self.unsafe {
            let text = "a" + String(scalar) + "b"
            #expect(HTMLConverter.plainLine(html: text) == "ab", "U+\(String(scalar.value, radix: 16))")
            let referenced = HTMLConverter.plainLine(html: "a&#x\(String(scalar.value, radix: 16));b")
            #expect(Self.isClean(referenced), "referenced U+\(String(scalar.value, radix: 16)): \(referenced)")
        }
        #expect(HTMLConverter.plainLine(html: "é\u{A0}ü \u{200F}x") == "é ü \u{200F}x", "marks and letters stay")
    }
}
