// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Crypto
import Foundation
import WirefeedModel

/// A story's stable identity: the same item polled again, or edited, has the same key.
public struct StoryKey: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// The item's guid or Atom id, namespaced by its feed.
        case guid
        /// The canonical link (``CanonicalLink``: tracking parameters removed, fragment kept).
        case link
        /// A hash of the headline and the publication date, namespaced by the feed.
        case headline
    }

    public var kind: Kind
    public var value: String

    public init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }

    public var description: String { "\(kind.rawValue):\(value)" }

    /// The story's stable ninjs `uri`: every version of the story carries it.
    public var uri: String { "urn:wirefeed:story:" + StoryKeyDeriver.sha256(description).prefix(32) }
}

/// Derives the keys of the stories of one document.
///
/// Precedence, as in the dedupe policy (docs/design/identity-and-dedupe.md):
/// 1. the guid (RSS `<guid>`, Atom `<id>`), namespaced by feed — unless it is empty, shared by
///    several items of the same document, equal to the feed's own link, or the feed's guids have
///    been found unreliable;
/// 2. then the canonical link — unless it is shared by several items or is the feed's own link;
/// 3. then a hash of headline and publication date, namespaced by feed.
public enum StoryKeyDeriver {
    public struct Derivation: Sendable, Equatable {
        /// One key per story, in order.
        public var keys: [StoryKey]
        /// Whether the document's guids misbehaved (some shared, or equal to the feed's link).
        public var guidsMisbehaved: Bool
    }

    public static func derive(
        _ stories: [Story],
        feedID: String,
        feedLink: String?,
        guidsUnreliable: Bool = false
    ) -> Derivation {
        let guidCounts = Dictionary(
            stories.compactMap(\.guid).filter { !$0.isEmpty }.map { ($0, 1) },
            uniquingKeysWith: +
        )
        // Stories carry their links as published; identity compares the canonical forms.
        let links = stories.map { $0.link.map(CanonicalLink.canonicalize) }
        let linkCounts = Dictionary(links.compactMap { $0 }.map { ($0, 1) }, uniquingKeysWith: +)
        let ownLink = feedLink.map(CanonicalLinkComparison.normalized)
        var misbehaved = false
        var keys: [StoryKey] = []
        keys.reserveCapacity(stories.count)
        for (story, link) in zip(stories, links) {
            if let guid = story.guid.map(trimmed), !guid.isEmpty {
                let shared = guidCounts[story.guid!, default: 0] > 1
                let isFeedLink = ownLink != nil && CanonicalLinkComparison.normalized(guid) == ownLink
                if shared || isFeedLink { misbehaved = true }
                if !shared && !isFeedLink && !guidsUnreliable {
                    keys.append(StoryKey(kind: .guid, value: "\(feedID)\u{1F}\(guid)"))
                    continue
                }
            }
            if let link, linkCounts[link, default: 0] == 1,
                ownLink == nil || CanonicalLinkComparison.normalized(link) != ownLink
            {
                keys.append(StoryKey(kind: .link, value: link))
                continue
            }
            let date = story.published.map { String(Int($0.timeIntervalSince1970)) } ?? ""
            keys.append(
                StoryKey(kind: .headline, value: "\(feedID)\u{1F}" + Self.sha256(story.headline + "\u{1F}" + date))
            )
        }
        return Derivation(keys: keys, guidsMisbehaved: misbehaved)
    }

    /// `text` without white space at either end; the usual guid, which starts and ends with a
    /// printable ASCII character, is returned as it is.
    static func trimmed(_ text: String) -> String {
        text.hasPrintableASCIIEnds ? text : text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The hex SHA-256 of a text.
    public static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).hexString
    }
}

/// Links compared without their scheme, a trailing slash or letter case.
enum CanonicalLinkComparison {
    static func normalized(_ link: String) -> String {
        var text = link.lowercased()
        for prefix in ["https://", "http://"] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
