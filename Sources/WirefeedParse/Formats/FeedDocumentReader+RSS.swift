// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

extension FeedDocumentReader {
    /// `<rss>` (0.9x, 2.0) or `<rdf:RDF>` (0.90, 1.0): in RDF the items follow the channel.
    func readRSSRoot() throws {
        try forEachChild { name, namespace in
            guard isRSSCore(namespace) else { return }
            switch name {
            case "channel": try withScope(reader.attributes()) { try readRSSChannel() }
            case "item": try readRSSItem()
            case "image": feed.image = try readRSSImage() ?? feed.image
            default: break
            }
        }
    }

    func readRSSChannel() throws {
        try forEachChild { name, namespace in
            if isRSSCore(namespace) {
                try readRSSChannelElement(name)
            } else {
                try readFeedExtension(name, namespace)
            }
        }
    }

    private func readRSSChannelElement(_ name: String) throws {
        switch name {
        case "title": feed.title = Self.rssTitle(try readMarkup())
        case "link":
            if let href = try readText().nonBlank, feed.homePageURL == nil {
                feed.links.append(FeedLink(href: resolve(href)))
            }
        case "description": feed.subtitle = TextConstruct(kind: .html, value: try readMarkup())
        case "language": feed.language = try readText().nonBlank ?? feed.language
        case "lastBuildDate": feed.updated = try readDate() ?? feed.updated
        case "pubDate": feed.published = try readDate()
        case "ttl": feed.timeToLive = Int(try readText())
        case "copyright": feed.rights = try readText().nonBlank
        case "generator": feed.generator = try readText().nonBlank
        case "managingEditor": feed.authors.append(Self.rssPerson(try readText()))
        case "category":
            let domain = reader.attributes().value(of: "domain")
            if let term = try readText().nonBlank { feed.categories.append(FeedCategory(term: term, scheme: domain)) }
        case "image": feed.image = try readRSSImage() ?? feed.image
        case "skipHours":
            try forEachChild { child, _ in
                if child == "hour", let hour = Int(try readText()), (0...24).contains(hour) {
                    feed.skipHours.append(hour % 24)
                }
            }
        case "skipDays":
            try forEachChild { child, _ in
                if child == "day", let day = try readText().nonBlank { feed.skipDays.append(day.capitalized) }
            }
        case "item": try readRSSItem()
        default: break
        }
    }

    private func readRSSImage() throws -> FeedImage? {
        var url: String?
        var title: String?
        var link: String?
        var width: Int?
        var height: Int?
        try forEachChild { name, _ in
            switch name {
            case "url": url = try readText().nonBlank
            case "title": title = try readText().nonBlank
            case "link": link = try readText().nonBlank
            case "width": width = Int(try readText())
            case "height": height = Int(try readText())
            default: break
            }
        }
        guard let url else { return nil }
        var image = FeedImage(url: resolve(url))
        image.title = title
        image.link = link.map(resolve)
        image.width = width
        image.height = height
        return image
    }

    func readRSSItem() throws {
        let attributes = reader.attributes()
        var item = ParsedItem()
        var credits: [String] = []
        // RSS 1.0 names an item by its rdf:about; a guid may replace it, a dc:identifier (a DOI,
        // an ISBN) may not: it identifies the work, not the item.
        item.id = attributes.value(of: "about", namespace: Namespace.rdf)?.nonBlank
        try withScope(attributes) {
            item.language = currentLanguage
            item.contentBaseURL = currentBase
            try forEachChild { name, namespace in
                if namespace == rootNamespace, Namespace.isAtom(namespace), !Self.rssItemElements.contains(name) {
                    // An <rss> root in Atom's namespace: Atom's own elements (id, updated, summary…).
                    try readAtomEntryElement(name, into: &item)
                } else if isRSSCore(namespace) {
                    try readRSSItemElement(name, into: &item)
                } else if namespace == Namespace.content, name == "encoded" {
                    item.content = TextConstruct(kind: .html, value: try readMarkup())
                } else if namespace == Namespace.xhtml, name == "body" {
                    // `xhtml:body`: inline XHTML, the full content when there is no content:encoded.
                    let body = try readInnerXML()
                    if item.content == nil { item.content = TextConstruct(kind: .xhtml, value: body) }
                } else {
                    try readItemExtension(name, namespace, into: &item, credits: &credits)
                }
            }
        }
        finish(&item, credits: credits)
        feed.items.append(item)
    }

    /// The elements of an RSS item that RSS itself defines.
    static let rssItemElements: Set<String> = [
        "title", "link", "description", "author", "category", "comments", "enclosure", "guid", "pubDate", "pubdate",
        "source",
    ]

    private func readRSSItemElement(_ name: String, into item: inout ParsedItem) throws {
        switch name {
        case "title": item.title = Self.rssTitle(try readMarkup())
        case "link":
            // An Atom-style <link href=…/> where an RSS <link> belongs: take the attribute.
            let href = reader.attributes().value(of: "href")
            if let target = try readText().nonBlank ?? href?.nonBlank {
                item.links.append(FeedLink(href: resolve(target)))
            }
        case "description": item.summary = TextConstruct(kind: .html, value: try readMarkup())
        case "author": if let text = try readText().nonBlank { item.authors.append(Self.rssPerson(text)) }
        case "category":
            let domain = reader.attributes().value(of: "domain")
            if let term = try readText().nonBlank { item.categories.append(FeedCategory(term: term, scheme: domain)) }
        case "comments": item.commentsURL = try readText().nonBlank.map(resolve)
        case "enclosure":
            let attributes = reader.attributes()
            try skipElement()
            if let url = attributes.value(of: "url")?.nonBlank {
                var media = MediaObject(role: .enclosure, url: resolve(url))
                media.mimeType = attributes.value(of: "type")?.nonBlank
                media.length = attributes.value(of: "length").flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
                item.media.append(media)
            }
        case "guid":
            let permaLink = reader.attributes().value(of: "isPermaLink")
            if let guid = try readText().nonBlank {
                item.id = guid
                item.idIsPermaLink = permaLink.map { $0.trimmingCharacters(in: .whitespaces).lowercased() != "false" }
            }
        // `pubdate`: element names are case-sensitive, but feeds written by hand get this one wrong.
        case "pubDate", "pubdate": item.published = try readDate() ?? item.published
        case "source": item.sourceTitle = try readText().nonBlank
        default: break
        }
    }

    /// An RSS title, which RSS leaves untyped: HTML when it looks like HTML — it holds an end tag or
    /// a character reference, and every tag in it names an HTML element — else text, so that a
    /// headline about `<pre>` or `<description>` keeps its angle brackets (feedparser reads them so).
    static func rssTitle(_ value: String) -> TextConstruct {
        guard value.utf8.contains(UInt8(ascii: "<")) else { return TextConstruct(kind: .html, value: value) }
        return TextConstruct(kind: HTMLElementNames.looksLikeHTML(value) ? .html : .text, value: value)
    }

    /// An RSS person: `jdoe@example.com (John Doe)`, `John Doe <jdoe@example.com>`, or a name.
    static func rssPerson(_ text: String) -> FeedPerson {
        let trimmed = text.trimmedASCIIWhitespace
        if let open = trimmed.firstIndex(of: "("), trimmed.hasSuffix(")") {
            let email = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            let name = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
                .trimmingCharacters(in: .whitespaces)
            return FeedPerson(name: name.nonBlank, email: email.contains("@") ? email : nil)
        }
        if let open = trimmed.firstIndex(of: "<"), trimmed.hasSuffix(">") {
            let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            let email = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            return FeedPerson(name: name.nonBlank, email: String(email).nonBlank)
        }
        if trimmed.contains("@"), !trimmed.contains(" ") {
            return FeedPerson(email: trimmed)
        }
        return FeedPerson(name: trimmed)
    }
}
