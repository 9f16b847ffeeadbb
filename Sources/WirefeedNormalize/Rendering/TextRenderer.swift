// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import WirefeedModel

/// The plain-text rendering of a story, shaped like a wire story: the headline, a blank line, a
/// designator line (the story's slug), a blank line, then the paragraphs separated by blank lines.
public enum TextRenderer {
    /// The line that separates stories when several are printed together: a lone form feed.
    public static let storySeparator = "\u{0C}"

    public static func render(_ story: Story) -> String {
        var lines = [story.headline, "", story.slug]
        for paragraph in story.paragraphs {
            lines.append("")
            lines.append(paragraph)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Several stories, separated by form-feed lines.
    public static func render(_ stories: [Story]) -> String {
        stories.map(render).joined(separator: storySeparator + "\n")
    }
}
