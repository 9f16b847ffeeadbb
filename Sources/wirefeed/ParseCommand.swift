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
        abstract: "Print feed documents as JSON Feed 1.1, one document per line.",
        discussion: """
            One document is pretty-printed; several are printed one JSON Feed document per line, in order. \
            Exits 65 with one line on stderr when a document is not a feed or cannot be recovered; \
            with several documents the others are still printed.
            """
    )

    @OptionGroup var input: FeedInput

    func run() throws {
        try input.forEachFeed { feed in
            let stories = StoryNormalizer.normalize(feed, feedURL: input.baseURL)
            var data = try JSONFeedDocument(feed: feed, stories: stories, feedURL: input.baseURL).jsonData(
                pretty: input.paths.count == 1
            )
            data.append(0x0A)
            try StandardOutput.write(data)
        }
    }
}
