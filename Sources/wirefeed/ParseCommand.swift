// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import Foundation
import WirefeedNormalize
import WirefeedParse

/// `wirefeed parse`: a feed document as JSON Feed 1.1.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print a feed document as JSON Feed 1.1.",
        discussion: "Exits 65 with one line on stderr when the document is not a feed or cannot be recovered."
    )

    @OptionGroup var input: FeedInput

    func run() throws {
        let feed = try input.parse()
        for warning in feed.warnings {
            FileHandle.standardError.write(Data("wirefeed: warning: \(warning)\n".utf8))
        }
        let stories = StoryNormalizer.normalize(feed, feedURL: input.baseURL)
        var data = try JSONFeedDocument(feed: feed, stories: stories, feedURL: input.baseURL).jsonData()
        data.append(0x0A)
        try StandardOutput.write(data)
    }
}
