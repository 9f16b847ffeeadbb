// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import WirefeedDedupe
import WirefeedLedger
import WirefeedModel

extension PreparedStory {
    /// A new story of `feedID` headed `headline`, keyed by a guid equal to its headline, with no
    /// draft written ahead: what a poll hands the ledger.
    static func fixture(_ headline: String, feedID: String) -> PreparedStory {
        let story = Story(
            guid: headline,
            headline: headline,
            paragraphs: ["Body of \(headline)."],
            html: "<p>Body.</p>",
            slug: headline.lowercased(),
            feed: FeedReference(id: feedID)
        )
        let key = StoryKey(kind: .guid, value: "\(feedID)\u{1F}\(headline)")
        return PreparedStory(story: story, key: key, hash: ContentHash.of(story), uri: key.uri, draft: nil)
    }
}
