// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedDedupe

/// The dedupe decision table.
struct DedupePolicyTests {
    static let known = KnownStory(id: 7, version: 2, hash: "h2")

    @Test func newIdentityAndUnseenContentIsANewStory() {
        #expect(DedupePolicy.decide(known: nil, hash: "h", hashOwner: nil, tombstoned: false) == .newStory)
    }

    @Test func seenIdentityWithTheSameContentIsDropped() {
        #expect(
            DedupePolicy.decide(known: Self.known, hash: "h2", hashOwner: 7, tombstoned: false) == .repeated(storyID: 7)
        )
    }

    @Test func seenIdentityWithNewContentIsTheNextVersion() {
        #expect(
            DedupePolicy.decide(known: Self.known, hash: "h3", hashOwner: nil, tombstoned: false)
                == .newVersion(storyID: 7, version: 3)
        )
    }

    @Test func seenIdentityReturningToAnEarlierVersionIsDropped() {
        // The content of version 1 (h1, owned by story 7) comes back: not a new version.
        #expect(
            DedupePolicy.decide(known: Self.known, hash: "h1", hashOwner: 7, tombstoned: false) == .repeated(storyID: 7)
        )
    }

    @Test func seenIdentityWithContentOfAnotherStoryIsTheNextVersion() {
        // A guid re-used for a different (already known) copy: the identity wins.
        #expect(
            DedupePolicy.decide(known: Self.known, hash: "h9", hashOwner: 9, tombstoned: false)
                == .newVersion(storyID: 7, version: 3)
        )
    }

    @Test func newIdentityWithSeenContentIsAnAlias() {
        #expect(DedupePolicy.decide(known: nil, hash: "h2", hashOwner: 7, tombstoned: false) == .alias(of: 7))
    }

    @Test func aPrunedIdentityIsNotReingested() {
        #expect(DedupePolicy.decide(known: nil, hash: "h", hashOwner: nil, tombstoned: true) == .tombstoned)
    }

    static let near = NearMatch(story: KnownStory(id: 5, version: 2, hash: "h5"), feedID: "desk")

    @Test func newIdentityWithNearCopyTextFromTheSameFeedIsTheNextVersionOfThatStory() {
        #expect(
            DedupePolicy.decide(
                known: nil,
                hash: "h",
                hashOwner: nil,
                tombstoned: false,
                nearMatch: Self.near,
                feedID: "desk"
            )
                == .nearVersion(storyID: 5, version: 3)
        )
    }

    @Test func newIdentityWithNearCopyTextFromAnotherFeedIsANearAlias() {
        #expect(
            DedupePolicy.decide(
                known: nil,
                hash: "h",
                hashOwner: nil,
                tombstoned: false,
                nearMatch: Self.near,
                feedID: "wire"
            )
                == .nearAlias(of: 5)
        )
    }

    @Test func theExactTiersComeBeforeTheNearOne() {
        #expect(
            DedupePolicy.decide(
                known: nil,
                hash: "h2",
                hashOwner: 7,
                tombstoned: false,
                nearMatch: Self.near,
                feedID: "desk"
            )
                == .alias(of: 7),
            "text identical after normalization: an alias, as today"
        )
        #expect(
            DedupePolicy.decide(known: Self.known, hash: "h3", hashOwner: nil, tombstoned: false, nearMatch: Self.near)
                == .newVersion(storyID: 7, version: 3)
        )
        #expect(!DedupePolicy.needsNearLookup(known: nil, hashOwner: nil, tombstoned: true))
        #expect(DedupePolicy.needsNearLookup(known: nil, hashOwner: nil, tombstoned: false))
    }

    @Test func futureDatesAreClampedToTheFetchTime() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(DedupePolicy.clamp(now.addingTimeInterval(3600), to: now) == now)
        #expect(DedupePolicy.clamp(now.addingTimeInterval(-3600), to: now) == now.addingTimeInterval(-3600))
        #expect(DedupePolicy.clamp(nil, to: now) == nil)
    }
}
