// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import Foundation
import WirefeedDedupe
import WirefeedNormalize
import WirefeedParse

/// `wirefeed render`: each story of a feed the way the spool stores it.
struct RenderCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case txt
        case json
    }

    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print each story of feeds as the spool stores it (text, or ninjs 2.1 JSON lines).",
        discussion: "Several documents are rendered in order, story after story."
    )

    @Option(
        help: "txt: the wire-story text rendering, stories separated by form feeds; json: one ninjs object per line."
    )
    var format: Format = .txt

    @Option(help: "The feed id to name in each story's identity and info source.")
    var feedID: String?

    @OptionGroup var input: FeedInput

    func run() throws {
        try input.forEachFeed(render)
    }

    private func render(_ feed: ParsedFeed) throws {
        let stories = StoryNormalizer.normalize(feed, feedID: feedID, feedURL: input.baseURL)
        switch format {
        case .txt:
            try StandardOutput.write(Data(TextRenderer.render(stories).utf8))
        case .json:
            // The daemon's identity rule, so that `uri` is what the spool would give the story
            // (for the same feed id).
            let keys = StoryKeyDeriver.derive(
                stories,
                feedID: feedID ?? input.baseURL ?? "",
                feedLink: feed.homePageURL
            ).keys
            var output = Data()
            for (story, key) in zip(stories, keys) {
                output.append(try NinjsDocument(story: story, uri: key.uri).jsonData())
                output.append(0x0A)
            }
            try StandardOutput.write(output)
        }
    }
}
