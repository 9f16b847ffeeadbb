// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedModel

/// Polls a set of feeds now. The fetcher's global and per-host limits decide how many transfers
/// are in flight; at most `window` polls (fetch, parse, normalize) run at once, so that bodies
/// waiting for a parser never pile up in memory.
public struct PollCycle: Sendable {
    public let poller: FeedPoller
    public let window: Int

    public init(poller: FeedPoller, window: Int? = nil) {
        self.poller = poller
        self.window = max(1, window ?? poller.configuration.http.maximumConcurrency * 2)
    }

    /// Polls every feed of `feeds` and hands each result, stories included, to `onResult` as it
    /// completes (awaited: a busy consumer slows the polls down instead of piling results up).
    /// - Returns: the results in completion order, their stories dropped (``PollResult/storyCount``
    ///   keeps the count).
    @discardableResult
    public func run(
        _ feeds: [FeedSource],
        states: [String: FeedState],
        now: Date = Date(),
        onResult: (PollResult) async -> Void = { _ in }
    ) async -> [PollResult] {
        await withTaskGroup(of: PollResult.self) { group in
            var pending = feeds[...]
            func startNext() {
                guard let feed = pending.popFirst() else { return }
                let state = states[feed.id] ?? FeedState()
                group.addTask { await poller.poll(feed, state: state, now: now) }
            }
            for _ in 0..<window { startNext() }
            var results: [PollResult] = []
            results.reserveCapacity(feeds.count)
            while var result = await group.next() {
                startNext()
                await onResult(result)
                result.dropStories()
                results.append(result)
            }
            return results
        }
    }
}
