// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// Polls a set of feeds now, all at once: the fetcher's global and per-host limits decide how many
/// transfers are in flight.
public struct PollCycle: Sendable {
    public let poller: FeedPoller

    public init(poller: FeedPoller) {
        self.poller = poller
    }

    /// Polls every feed of `feeds` and hands each result to `onResult` as it completes.
    /// - Returns: the results, in completion order.
    @discardableResult
    public func run(
        _ feeds: [FeedSource],
        states: [String: FeedState],
        manual: Bool,
        now: Date = Date(),
        onResult: @Sendable (PollResult) -> Void = { _ in }
    ) async -> [PollResult] {
        await withTaskGroup(of: PollResult.self) { group in
            for feed in feeds {
                let state = states[feed.id] ?? FeedState()
                group.addTask { await poller.poll(feed, state: state, now: now, manual: manual) }
            }
            var results: [PollResult] = []
            results.reserveCapacity(feeds.count)
            for await result in group {
                onResult(result)
                results.append(result)
            }
            return results
        }
    }
}
