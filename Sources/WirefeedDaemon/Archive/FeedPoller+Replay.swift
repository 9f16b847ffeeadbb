// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Logging
import WirefeedArchive
import WirefeedFetch
import WirefeedModel

extension FeedPoller {
    /// The poll an archived fetch stands for, applied at its fetch time: the same parse, normalize
    /// and prepare steps as a fetched 2xx body, without the network and without archiving it again.
    public func replay(_ fetch: ArchivedFetch, state previous: FeedState) -> PollResult {
        let feed = FeedSource(id: fetch.entry.feedID, url: fetch.entry.url)
        let response = FetchResponse(archived: fetch)
        var state = previous
        state.lastAttempt = fetch.entry.fetchedAt
        state.lastStatus = response.status
        var result = PollResult(
            feedID: feed.id,
            url: fetch.entry.url,
            outcome: .skipped,
            status: response.status,
            bytes: response.body.count,
            milliseconds: 0,
            error: nil,
            state: state
        )
        var logger = logger
        logger[metadataKey: "feed.id"] = "\(feed.id)"
        do {
            try handleSuccess(response, feed: feed, state: &state, result: &result, logger: logger)
        } catch {
            result.outcome = .failed
            result.error = "\(error)"
            state.consecutiveErrors += 1
            state.lastError = result.error
        }
        result.state = state
        return result
    }
}
