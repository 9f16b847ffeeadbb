// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedDedupe
import WirefeedModel

/// One story as the poll that parsed it hands it to the ledger: everything that does not depend
/// on the ledger's state (identity, content hash, the rendering of a first version) is computed
/// there, on any core, so that the ledger's serial commit only decides.
public struct PreparedStory: Sendable {
    /// The story, its dates clamped to the fetch time.
    public var story: Story
    /// Its identity, derived trusting the feed's guids.
    public var key: StoryKey
    /// The content hash of its headline and text.
    public var hash: String
    /// The ninjs `uri` that ``key`` gives.
    public var uri: String
    /// The files of version 1 under ``Story/slug`` and ``uri``, when rendered ahead; used only when
    /// the ledger's decision is exactly that.
    public var draft: StoryDraft?

    public init(story: Story, key: StoryKey, hash: String, uri: String, draft: StoryDraft?) {
        self.story = story
        self.key = key
        self.hash = hash
        self.uri = uri
        self.draft = draft
    }
}

/// The files of a story version rendered ahead by its poll.
public enum StoryDraft: Sendable, Equatable {
    /// In memory: its ninjs JSON and, when the text format is on, its text.
    case rendered(json: [UInt8], text: [UInt8]?)
    /// Already written into the spool's `tmp/` under this draft name (not yet durable).
    case written(name: String)

    /// The draft's name in `tmp/`, when it was written there.
    public var writtenName: String? {
        if case .written(let name) = self { return name }
        return nil
    }
}
