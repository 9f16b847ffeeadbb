// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedDedupe
import WirefeedLedger
import WirefeedModel

/// The ledger alone: a cold farm's stories decided and recorded in the batches a fetch commits,
/// then the same polls again (every story a repeat). No spool: what the serial commit costs.
///
/// The stories have the farm's shape: feeds of 50 items, guids namespaced by feed, headline slugs
/// that collide now and then, and one story in ten a copy syndicated from another feed (an alias).
struct LedgerBenchmark {
    var stories: Int
    var directory: URL

    static let itemsPerFeed = 50
    static let storiesPerBatch = 3000

    func run() throws {
        try? FileManager.default.removeItem(at: directory)
        let ledger = try Ledger(directory: directory.path)
        let batches = makeBatches()

        var staged = 0
        let coldCPU = ResourceUsage.cpuSeconds()
        let cold = try ResourceUsage.time {
            for batch in batches {
                let summary = try ledger.ingest(batch) { _ in }
                staged += summary.staged.count
                ledger.notePublished(through: summary.lastSequence)
            }
        }
        let coldCPUSeconds = ResourceUsage.cpuSeconds() - coldCPU
        let size = Self.bytes(of: directory)

        var repeats = 0
        let warmCPU = ResourceUsage.cpuSeconds()
        let warm = try ResourceUsage.time {
            for batch in batches {
                repeats += try ledger.ingest(batch) { _ in }.total.repeats
            }
        }
        let warmCPUSeconds = ResourceUsage.cpuSeconds() - warmCPU
        try ledger.checkpoint()
        let checkpointed = Self.bytes(of: directory)

        print(
            String(
                format: "ledger, cold: %d stories in %d batches, %d new: %.2f s (%.2f CPU-s), %.0f stories/s",
                stories,
                batches.count,
                staged,
                cold,
                coldCPUSeconds,
                Double(stories) / cold
            )
        )
        print(
            String(
                format: "ledger, same polls again: %d repeats: %.2f s (%.2f CPU-s), %.0f stories/s",
                repeats,
                warm,
                warmCPUSeconds,
                Double(stories) / warm
            )
        )
        print(
            String(
                format:
                    "ledger files after the cold batches: %.1f MB (database and WAL); checkpointed: %.1f MB, %.1f MB per 100,000 stories",
                Double(size) / 1_048_576,
                Double(checkpointed) / 1_048_576,
                Double(checkpointed) / 1_048_576 * 100_000 / Double(staged)
            )
        )
    }

    /// Polls of `itemsPerFeed` stories, gathered into batches of about `storiesPerBatch`.
    private func makeBatches() -> [[FeedUpdate]] {
        let words = [
            "markets", "rally", "minister", "delays", "safety", "rules", "summit", "bond", "yields", "climate",
            "talks", "resume", "central", "bank", "holds", "rates", "election", "results", "storm", "warning",
        ]
        let fetchedAt = Date(timeIntervalSince1970: 1_714_975_200)
        var updates: [FeedUpdate] = []
        var syndicated: [Story] = []
        for feed in 0..<(stories + Self.itemsPerFeed - 1) / Self.itemsPerFeed {
            let feedID = "127-0-0-1-18090-feeds-f\(String(format: "%05d", feed))-xml"
            var prepared: [PreparedStory] = []
            for item in 0..<min(Self.itemsPerFeed, stories - feed * Self.itemsPerFeed) {
                var story: Story
                // Deterministic picks (a multiplicative hash of the position), so that every run
                // ingests the same stories.
                let mix = (feed &* 2_654_435_761 &+ item &* 40_503) & 0x7FFF_FFFF
                if item % 10 == 9, !syndicated.isEmpty {
                    let copy = syndicated[mix % syndicated.count]
                    story = copy  // the same copy on another feed, under this feed's guid
                } else {
                    let headline = (0..<6).map { words[(mix >> ($0 * 4)) % words.count] }.joined(separator: " ")
                    story = Story(
                        headline: headline.prefix(1).uppercased() + headline.dropFirst(),
                        paragraphs: ["\(headline) on \(feed)/\(item), officials said.", "More to follow."],
                        html: "<p>\(headline).</p>",
                        published: fetchedAt.addingTimeInterval(-Double(item) * 60),
                        slug: headline.replacingOccurrences(of: " ", with: "-"),
                        feed: FeedReference(id: feedID)
                    )
                    syndicated.append(story)
                }
                story.guid = "tag:feed-\(feed).example,2024:item-\(item)"
                let key = StoryKey(kind: .guid, value: "\(feedID)\u{1F}\(story.guid!)")
                prepared.append(
                    PreparedStory(story: story, key: key, hash: ContentHash.of(story), uri: key.uri, draft: nil)
                )
            }
            updates.append(
                FeedUpdate(
                    feedID: feedID,
                    url: "http://127.0.0.1:18090/feeds/f\(feed).xml",
                    state: FeedState(),
                    stories: prepared,
                    feedLink: "https://feed-\(feed).example/",
                    fetchedAt: fetchedAt
                )
            )
        }
        let feedsPerBatch = max(1, Self.storiesPerBatch / Self.itemsPerFeed)
        return stride(from: 0, to: updates.count, by: feedsPerBatch).map {
            Array(updates[$0..<min($0 + feedsPerBatch, updates.count)])
        }
    }

    private static func bytes(of directory: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.reduce(0) { total, name in
            let attributes = try? FileManager.default.attributesOfItem(
                atPath: directory.appendingPathComponent(name).path
            )
            return total + ((attributes?[.size] as? Int) ?? 0)
        }
    }
}
