// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedModel
import WirefeedParse

/// A feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1): what `wirefeed parse` prints.
public struct JSONFeedDocument: Sendable, Equatable, Codable {
    public struct Author: Sendable, Equatable, Codable {
        public var name: String?
        public var url: String?
    }

    public struct Attachment: Sendable, Equatable, Codable {
        public var url: String
        public var mime_type: String
        public var size_in_bytes: Int64?
        public var duration_in_seconds: Double?
    }

    public struct Item: Sendable, Equatable, Codable {
        public var id: String
        public var url: String?
        public var external_url: String?
        public var title: String?
        public var content_html: String?
        public var content_text: String?
        public var summary: String?
        public var image: String?
        public var date_published: String?
        public var date_modified: String?
        public var authors: [Author]?
        public var tags: [String]?
        public var language: String?
        public var attachments: [Attachment]?
    }

    public var version = "https://jsonfeed.org/version/1.1"
    public var title: String
    public var home_page_url: String?
    public var feed_url: String?
    public var description: String?
    public var icon: String?
    public var language: String?
    public var authors: [Author]?
    public var items: [Item]

    /// The JSON Feed for a parsed document and its normalized stories (one per item, same order).
    public init(feed: ParsedFeed, stories: [Story]) {
        title = feed.title.flatMap(StoryNormalizer.plainLine) ?? ""
        home_page_url = feed.homePageURL
        feed_url = feed.selfURL
        description = feed.subtitle.flatMap(StoryNormalizer.plainLine).flatMap { $0.isEmpty ? nil : $0 }
        icon = feed.image?.url ?? feed.icon
        language = feed.language
        let authors = feed.authors.compactMap { person -> Author? in
            guard person.name != nil || person.uri != nil else { return nil }
            return Author(name: person.name, url: person.uri)
        }
        self.authors = authors.isEmpty ? nil : authors
        items = zip(feed.items, stories).map { item, story in
            let attachments = story.media.filter { !$0.isThumbnail }.map {
                Attachment(
                    url: $0.url,
                    mime_type: $0.mimeType ?? "application/octet-stream",
                    size_in_bytes: $0.byteCount,
                    duration_in_seconds: $0.duration
                )
            }
            let image = story.media.first { $0.kind == .picture }?.url
            let authors = story.byline.map { Author(name: $0) }
            return Item(
                id: story.guid ?? story.link ?? StoryIdentity.uri(of: story),
                url: story.link,
                external_url: item.links.first { $0.rel == "related" || $0.rel == "via" }?.href,
                title: story.headline,
                content_html: story.html,
                content_text: story.text,
                summary: story.summary,
                image: image,
                date_published: story.published.map(Timestamp.rfc3339),
                date_modified: story.updated.map(Timestamp.rfc3339),
                authors: authors.isEmpty ? nil : authors,
                tags: story.categories.isEmpty ? nil : story.categories,
                language: story.language,
                attachments: attachments.isEmpty ? nil : attachments
            )
        }
    }

    /// Pretty-printed JSON, keys sorted.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
