// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedModel
import WirefeedParse

/// Maps a ``ParsedFeed``'s items to ``Story`` values, one per item, in document order.
public enum StoryNormalizer {
    /// Normalizes every item of `feed`.
    /// - Parameters:
    ///   - feedID: the configured feed id, when there is one.
    ///   - feedURL: the URL the document came from.
    public static func normalize(_ feed: ParsedFeed, feedID: String? = nil, feedURL: String? = nil) -> [Story] {
        let reference = FeedReference(
            id: feedID,
            title: feed.title.map(plainLine) ?? nil,
            url: feedURL ?? feed.selfURL,
            homePageURL: feed.homePageURL
        )
        return feed.items.map { normalize($0, feed: feed, reference: reference) }
    }

    /// Normalizes one item of `feed`.
    public static func normalize(_ item: ParsedItem, feed: ParsedFeed, reference: FeedReference) -> Story {
        let link = publishedLink(of: item)
        let body = body(of: item, baseURL: item.contentBaseURL ?? link ?? reference.homePageURL)
        var headline = item.title.map(plainLine) ?? nil
        if headline == nil || headline!.isEmpty {
            // An untitled item (common in RSS 2.0) is headed by the start of its text.
            headline = body.paragraphs.first.map { Self.shortened($0, to: 100) } ?? ""
        }
        var summary: String?
        if let itemSummary = item.summary, item.content != nil, let line = plainLine(itemSummary),
            !line.isEmpty, line != body.paragraphs.first
        {
            summary = line
        }
        return Story(
            guid: item.id,
            headline: headline!,
            paragraphs: body.paragraphs,
            html: body.html,
            summary: summary,
            byline: byline(item.authors),
            published: item.published ?? item.updated,
            updated: item.updated,
            categories: categories(item.categories),
            link: link,
            media: media(item.media),
            language: (item.language ?? feed.language)?.trimmingWhitespace(),
            location: item.location.map { Location(latitude: $0.latitude, longitude: $0.longitude) },
            slug: Slug.make(from: headline!),
            feed: reference
        )
    }

    /// One line of plain text from a text construct, whatever its kind.
    static func plainLine(_ text: TextConstruct) -> String? {
        switch text.kind {
        case .text: WhitespaceCollapser.collapse(text.value)
        case .html, .xhtml: HTMLConverter.plainLine(html: text.value)
        }
    }

    /// The item's body: its content (`content:encoded`, Atom content), unless its summary
    /// (description, Atom summary) is more than twice as long, as when content holds a teaser.
    private static func body(of item: ParsedItem, baseURL: String?) -> ConvertedBody {
        let candidates = [item.content, item.summary].compactMap { $0 }.filter { !$0.value.isEmpty }
        guard var chosen = candidates.first else { return ConvertedBody(paragraphs: [], html: "") }
        if candidates.count == 2, candidates[1].value.utf8.count > chosen.value.utf8.count * 2 {
            chosen = candidates[1]
        }
        switch chosen.kind {
        case .text: return HTMLConverter.convert(plainText: chosen.value)
        case .html, .xhtml: return HTMLConverter.convert(html: chosen.value, baseURL: baseURL)
        }
    }

    /// The item's page as the publisher wrote it (resolved against its base, never canonicalized):
    /// the alternate link (FeedBurner's `origLink` first), else a permalink guid that is an http(s)
    /// URL, else nothing. A `self`, `edit`, `enclosure` or `replies` link names another resource, and
    /// an id that is no URL (`urn:uuid:…`, `tag:…`) is never a link.
    private static func publishedLink(of item: ParsedItem) -> String? {
        let alternate = item.alternateURL
        if let alternate, URLResolver.hasScheme(alternate) { return alternate }
        if let guid = item.id, item.idIsPermaLink != false, guid.utf8.count > 7,
            guid.prefix(8).lowercased().hasPrefix("http://") || guid.prefix(8).lowercased() == "https://"
        {
            return guid.trimmingWhitespace()
        }
        return alternate
    }

    private static func byline(_ authors: [FeedPerson]) -> [String] {
        var names: [String] = []
        for author in authors {
            guard let name = (author.name ?? author.email).map(WhitespaceCollapser.collapse), !name.isEmpty,
                !names.contains(name)
            else { continue }
            names.append(name)
        }
        return names
    }

    private static func categories(_ categories: [FeedCategory]) -> [String] {
        var terms: [String] = []
        for category in categories {
            // The term, as published: an Atom label is only its display form.
            let term = HTMLConverter.plainLine(html: category.term)
            if !term.isEmpty, !terms.contains(term) { terms.append(term) }
        }
        return terms
    }

    private static func media(_ objects: [MediaObject]) -> [MediaReference] {
        var references: [MediaReference] = []
        for object in objects where object.url.lowercased().hasPrefix("http") {
            guard !references.contains(where: { $0.url == object.url }) else { continue }
            var reference = MediaReference(
                kind: kind(of: object),
                url: object.url,
                isThumbnail: object.role == .thumbnail
            )
            reference.mimeType = object.mimeType
            reference.byteCount = object.length.flatMap { $0 > 0 ? $0 : nil }
            reference.width = object.width
            reference.height = object.height
            reference.duration = object.duration
            reference.caption = (object.description ?? object.title).map(HTMLConverter.plainLine(html:))
            reference.credit = object.credit.map(WhitespaceCollapser.collapse)
            references.append(reference)
        }
        return references
    }

    private static func kind(of object: MediaObject) -> MediaReference.Kind {
        if object.role == .thumbnail { return .picture }
        switch object.medium {
        case "image": return .picture
        case "video": return .video
        case "audio": return .audio
        case "document": return .document
        default: break
        }
        let type = object.mimeType?.lowercased() ?? ""
        if type.hasPrefix("image/") { return .picture }
        if type.hasPrefix("video/") { return .video }
        if type.hasPrefix("audio/") { return .audio }
        if type.hasPrefix("application/pdf") || type.hasPrefix("text/") { return .document }
        let path = object.url.lowercased().split(separator: "?").first ?? ""
        for (suffixes, kind) in [
            ([".jpg", ".jpeg", ".png", ".gif", ".webp"], MediaReference.Kind.picture),
            ([".mp4", ".m4v", ".mov", ".webm"], .video),
            ([".mp3", ".m4a", ".ogg", ".aac", ".wav"], .audio),
        ] where suffixes.contains(where: { path.hasSuffix($0) }) {
            return kind
        }
        return .other
    }

    private static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let prefix = text.prefix(limit)
        let cut = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        return cut + "…"
    }
}
