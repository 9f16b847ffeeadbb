// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import WirefeedDedupe
import WirefeedModel
import WirefeedNormalize

/// The ninjs documents of `stories` under the daemon's identity rule (`StoryKeyDeriver`), as the
/// spool and `wirefeed render --format json` name them.
func ninjsDocuments(_ stories: [Story], feedID: String, feedLink: String? = nil) -> [NinjsDocument] {
    let keys = StoryKeyDeriver.derive(stories, feedID: feedID, feedLink: feedLink).keys
    return zip(stories, keys).map { NinjsDocument(story: $0, uri: $1.uri) }
}
