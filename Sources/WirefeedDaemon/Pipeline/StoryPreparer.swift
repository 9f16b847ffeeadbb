// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedDedupe
import WirefeedLedger
import WirefeedModel
import WirefeedNormalize
import WirefeedSpool

/// Readies a parsed feed's stories for the ledger in the poll that parsed them, on any core: dates
/// clamped to the fetch time, identities, content hashes, and — for content the ledger has not
/// seen — the files of each story as a new version 1, written into the spool's `tmp/` as a draft.
/// The ledger's commit publishes a draft whenever its decision is exactly that (on a cold start,
/// for every story), so the serial commit is left with the decisions and the renames.
public struct StoryPreparer: Sendable {
    /// Whether the spool gets the text rendering beside the JSON.
    public var writesText: Bool
    /// Where drafts are written; without it they stay in memory.
    public var spool: SpoolWriter?
    /// Asked which content hashes are known; without it every story is rendered ahead.
    public var ledger: Ledger?
    /// The hashes this cycle has drafted already (each ``FeedPoller`` brings its own): the same
    /// copy on another feed is not drafted again.
    public var claims: DraftClaims?

    public init(writesText: Bool, spool: SpoolWriter? = nil, ledger: Ledger? = nil, claims: DraftClaims? = nil) {
        self.writesText = writesText
        self.spool = spool
        self.ledger = ledger
        self.claims = claims
    }

    /// The stories of one document, and whether its guids misbehaved.
    /// - Parameter firstBody: the feed's first body ever: its stories are most likely all new, and
    ///   the ledger is not asked.
    public func prepare(
        _ stories: [Story],
        feedID: String,
        feedLink: String?,
        fetchedAt: Date,
        firstBody: Bool = false
    ) -> (stories: [PreparedStory], guidsMisbehaved: Bool) {
        let clamped = stories.map { story in
            var story = story
            story.published = DedupePolicy.clamp(story.published, to: fetchedAt)
            story.updated = DedupePolicy.clamp(story.updated, to: fetchedAt)
            return story
        }
        let derivation = StoryKeyDeriver.derive(clamped, feedID: feedID, feedLink: feedLink)
        let hashes = clamped.map(ContentHash.of)
        // A known hash means a repeat or a duplicate: nothing to render. (Should the ledger be
        // unreadable, every story is rendered ahead; the commit decides either way.)
        let known = firstBody ? [] : (try? ledger?.knownHashes(hashes)) ?? []
        var prepared: [PreparedStory] = []
        prepared.reserveCapacity(clamped.count)
        for (index, story) in clamped.enumerated() {
            let key = derivation.keys[index]
            let uri = key.uri
            var draft: StoryDraft?
            if !known.contains(hashes[index]), claims?.claim(hashes[index]) ?? true {
                let files = render(story, uri: uri, version: 1, firstCreated: story.published ?? fetchedAt)
                draft = write(json: files.json, text: files.text)
            }
            prepared.append(PreparedStory(story: story, key: key, hash: hashes[index], uri: uri, draft: draft))
        }
        return (prepared, derivation.guidsMisbehaved)
    }

    /// Writes a rendered draft into `tmp/`; keeps it in memory when there is no spool or writing
    /// fails (the commit then writes it, or reports why it cannot).
    private func write(json: [UInt8], text: [UInt8]?) -> StoryDraft {
        guard let spool, let name = try? spool.writeDraft(json: json, text: text) else {
            return .rendered(json: json, text: text)
        }
        return .written(name: name)
    }

    /// The spool files of one story version: its ninjs JSON and, when the text format is on, its text.
    /// - Parameter arrivedAs: the identity a near-duplicate version came in under, if it is one.
    public func render(
        _ story: Story,
        uri: String,
        version: Int,
        firstCreated: Date,
        arrivedAs: String? = nil
    ) -> (json: [UInt8], text: [UInt8]?) {
        let ninjs = NinjsDocument(
            story: story,
            uri: uri,
            version: version,
            firstCreated: firstCreated,
            arrivedAs: arrivedAs
        )
        var json = ninjs.jsonBytes()
        json.append(0x0A)
        return (json, writesText ? Array(TextRenderer.render(story).utf8) : nil)
    }
}
