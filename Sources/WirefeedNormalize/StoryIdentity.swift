// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Crypto
import Foundation
import WirefeedModel

/// A story's stable identity and the URI derived from it.
///
/// Precedence: the item's guid (namespaced by its feed), then its canonical link, then a hash of
/// headline and publication date. This is what `wirefeed render` names a story by; the daemon's
/// identities come from the dedupe stage (`StoryKeyDeriver`), which also distrusts bad guids.
public enum StoryIdentity {
    /// The identity key of `story`.
    public static func key(of story: Story) -> String {
        let feed = story.feed.id ?? story.feed.url ?? story.feed.homePageURL ?? ""
        if let guid = story.guid, !guid.isEmpty { return "guid:\(feed)\u{1F}\(guid)" }
        if let link = story.link { return "link:\(link)" }
        let date = story.published.map(Timestamp.rfc3339) ?? ""
        return "title:\(feed)\u{1F}\(story.headline)\u{1F}\(date)"
    }

    /// The ninjs `uri` of a story: a URN naming its identity's SHA-256.
    public static func uri(of story: Story) -> String {
        "urn:wirefeed:story:" + hexDigest(key(of: story)).prefix(32)
    }

    static func hexDigest(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).hexString
    }
}
