// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Crypto
import Foundation
import WirefeedModel
import WirefeedParse

/// A feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1): what `wirefeed parse` prints.
///
/// The feed as published: nothing invented, nothing dropped. An item without a title has no
/// `title`; `summary` is the description or summary as plain text and `content_html` the full
/// content (`content:encoded`, Atom content, `xhtml:body`) sanitized — both when both exist;
/// an item with a description alone has it as `content_html` too, since JSON Feed requires
/// content. Absent fields are omitted, never `""`.
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
    public var favicon: String?
    public var language: String?
    public var authors: [Author]?
    public var items: [Item]

    /// The JSON Feed for a parsed document and its normalized stories (one per item, same order).
    /// - Parameter feedURL: the document's own URL, when the feed does not name itself.
    public init(feed: ParsedFeed, stories: [Story], feedURL: String? = nil) {
        title = feed.title.flatMap(StoryNormalizer.plainLine) ?? ""
        home_page_url = feed.homePageURL
        feed_url = feed.selfURL ?? feedURL
        description = feed.subtitle.flatMap(StoryNormalizer.plainLine).flatMap { $0.isEmpty ? nil : $0 }
        icon = feed.image?.url
        favicon = feed.icon
        language = feed.language
        self.authors = Self.authors(feed.authors)
        items = zip(feed.items, stories).map { item, story in
            let attachments = item.media.filter { $0.role != .thumbnail && CanonicalLink.isSafe($0.url) }.map {
                Attachment(
                    url: $0.url,
                    mime_type: $0.mimeType ?? "application/octet-stream",
                    size_in_bytes: $0.length.flatMap { $0 > 0 ? $0 : nil },
                    duration_in_seconds: $0.duration
                )
            }
            let base = item.contentBaseURL ?? story.link ?? feed.homePageURL
            var contentHTML: String?
            var contentText: String?
            if let content = item.content ?? item.summary, !content.value.isEmpty {
                switch content.kind {
                case .text: contentText = content.value.trimmingWhitespace()
                case .html, .xhtml: contentHTML = HTMLConverter.convert(html: content.value, baseURL: base).html
                }
            }
            let summary = item.summary.flatMap(StoryNormalizer.plainLine).flatMap { $0.isEmpty ? nil : $0 }
            let title = item.title.flatMap(StoryNormalizer.plainLine).flatMap { $0.isEmpty ? nil : $0 }
            let tags = Self.unique(item.categories.map { HTMLConverter.plainLine(html: $0.term) })
            return Item(
                id: story.guid ?? story.link ?? Self.contentID(of: item),
                url: story.link,
                external_url: item.links.first { $0.rel == "related" || $0.rel == "via" }?.href,
                title: title,
                content_html: contentHTML,
                content_text: contentText,
                summary: summary,
                image: story.media.first { $0.kind == .picture }?.url,
                date_published: item.published.map(Timestamp.rfc3339),
                date_modified: item.updated.map(Timestamp.rfc3339),
                authors: Self.authors(item.authors),
                tags: tags.isEmpty ? nil : tags,
                language: item.language?.trimmingWhitespace(),
                attachments: attachments.isEmpty ? nil : attachments
            )
        }
    }

    /// Every person with a name (or else an email address, as RSS writes them) or a URL.
    private static func authors(_ people: [FeedPerson]) -> [Author]? {
        var authors: [Author] = []
        for person in people {
            let name = (person.name ?? person.email).map(WhitespaceCollapser.collapse).flatMap { $0.isEmpty ? nil : $0 }
            guard name != nil || person.uri != nil else { continue }
            let author = Author(name: name, url: person.uri)
            if !authors.contains(author) { authors.append(author) }
        }
        return authors.isEmpty ? nil : authors
    }

    /// The id of an item that has neither guid nor link (JSON Feed requires one): a URN naming the
    /// SHA-256 of what the publisher wrote — title, dates and texts — so it is stable across reads.
    static func contentID(of item: ParsedItem) -> String {
        let parts = [
            item.title?.value, item.published.map(Timestamp.rfc3339), item.updated.map(Timestamp.rfc3339),
            item.summary?.value, item.content?.value,
        ]
        let text = parts.map { $0 ?? "" }.joined(separator: "\u{1F}")
        return "urn:wirefeed:item:" + SHA256.hash(data: Data(text.utf8)).hexString.prefix(32)
    }

    private static func unique(_ terms: [String]) -> [String] {
        var seen: Set<String> = []
        return terms.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// JSON with keys sorted: pretty-printed, or on one line (no line break inside) when `pretty` is false.
    public func jsonData(pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
