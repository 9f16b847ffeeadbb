// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedDaemon
import WirefeedLedger
import WirefeedModel
import WirefeedSpool

/// Polls ready their stories in parallel; drafts go into the spool's real `tmp/`.
struct StoryPreparerTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "wirefeed-prepare-\(UUID().uuidString)"
    ).path
    let fetchedAt = Date(timeIntervalSince1970: 1_700_000_000)

    func story(_ headline: String, on feed: String) -> Story {
        Story(
            guid: "\(feed)-\(headline)",
            headline: headline,
            paragraphs: ["The copy of \(headline)."],
            html: "<p>The copy of \(headline).</p>",
            published: fetchedAt.addingTimeInterval(-60),
            link: "https://\(feed).example.com/\(headline)",
            slug: headline.lowercased(),
            feed: FeedReference(id: feed)
        )
    }

    func draftsInTmp() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: directory + "/tmp").filter { $0.contains("/draft-") }
            .sorted()
    }

    @Test func theSameCopyOnTwoFeedsIsDraftedOncePerCycle() throws {
        let spool = SpoolWriter(directory: directory)
        try spool.prepare()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let preparer = StoryPreparer(writesText: true, spool: spool, claims: DraftClaims())

        let first = preparer.prepare(
            [story("Strike", on: "wire-a"), story("Budget", on: "wire-a")],
            feedID: "wire-a",
            feedLink: nil,
            fetchedAt: fetchedAt,
            firstBody: true
        )
        let second = preparer.prepare(
            [story("Strike", on: "wire-b")],
            feedID: "wire-b",
            feedLink: nil,
            fetchedAt: fetchedAt,
            firstBody: true
        )

        #expect(first.stories.allSatisfy { $0.draft?.writtenName != nil })
        #expect(second.stories[0].draft == nil, "the syndicated copy goes to the commit undrafted")
        #expect(second.stories[0].hash == first.stories[0].hash)
        #expect(try draftsInTmp().count == 4, "two stories, .json and .txt each")

        // A new cycle (a new poller) brings new claims: the copy is drafted again.
        var nextCycle = preparer
        nextCycle.claims = DraftClaims()
        let again = nextCycle.prepare(
            [story("Strike", on: "wire-b")],
            feedID: "wire-b",
            feedLink: nil,
            fetchedAt: fetchedAt,
            firstBody: true
        )
        #expect(again.stories[0].draft?.writtenName != nil)
    }

    @Test func claimsAreByContentNotByFeed() {
        let claims = DraftClaims()
        let hash = String(repeating: "ab", count: 32)
        #expect(claims.claim(hash))
        #expect(!claims.claim(hash))
        #expect(claims.claim(String(repeating: "cd", count: 32)))
        #expect(claims.count == 2)
    }
}
