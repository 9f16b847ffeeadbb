// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedDedupe
import WirefeedModel

@testable import WirefeedLedger

/// Stories of one feed, "desk", with a long body that near-copies can vary, in a fresh state folder.
struct DeskFixture {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "wirefeed-ledger-desk-\(UUID().uuidString)"
    ).path

    static let body = """
        Dock workers at the port of Rotterdam voted on Monday to end a strike that had halted container \
        traffic for nine days, the union said, after the terminal operators agreed to raise wages by 4.5 \
        percent this year and to hire two hundred permanent staff. Ships that had queued off the coast \
        began to berth in the afternoon, and the operators expect the backlog to clear by the end of next week.
        """

    func story(_ guid: String, _ headline: String, body: String = body) -> PreparedStory {
        let story = Story(
            guid: guid,
            headline: headline,
            paragraphs: [body],
            html: "<p>Body.</p>",
            slug: headline.lowercased().replacingOccurrences(of: " ", with: "-"),
            feed: FeedReference(id: "desk")
        )
        let key = StoryKey(kind: .guid, value: "desk\u{1F}\(guid)")
        return PreparedStory(story: story, key: key, hash: ContentHash.of(story), uri: key.uri, draft: nil)
    }

    func update(_ stories: [PreparedStory], at date: Date) -> FeedUpdate {
        FeedUpdate(
            feedID: "desk",
            url: "http://127.0.0.1/desk.xml",
            state: FeedState(),
            stories: stories,
            feedLink: nil,
            fetchedAt: date
        )
    }
}
