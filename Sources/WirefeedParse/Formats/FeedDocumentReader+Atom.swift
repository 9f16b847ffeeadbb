// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

extension FeedDocumentReader {
    func readAtomFeed() throws {
        try forEachChild { name, namespace in
            guard Namespace.isAtom(namespace) || namespace.isEmpty else {
                try readFeedExtension(name, namespace)
                return
            }
            switch name {
            case "title": feed.title = try readTextConstruct()
            case "subtitle", "tagline": feed.subtitle = try readTextConstruct()
            case "link": if let link = try readAtomLink() { feed.links.append(link) }
            case "id": feed.id = try readText().nonBlank
            case "updated", "modified": feed.updated = try readDate() ?? feed.updated
            case "published": feed.published = try readDate()
            case "author": if let person = try readAtomPerson() { feed.authors.append(person) }
            case "category": if let category = readAtomCategory() { feed.categories.append(category) }
            case "generator": feed.generator = try readText().nonBlank
            case "rights", "copyright": feed.rights = try readText().nonBlank
            case "icon": feed.icon = try readText().nonBlank.map(resolve)
            case "logo": if let url = try readText().nonBlank { feed.image = FeedImage(url: resolve(url)) }
            case "entry": try readAtomEntry()
            default: break
            }
        }
    }

    private func readAtomEntry() throws {
        var item = ParsedItem()
        var credits: [String] = []
        try withScope(reader.attributes()) {
            item.language = currentLanguage
            try forEachChild { name, namespace in
                if Namespace.isAtom(namespace) || namespace.isEmpty {
                    try readAtomEntryElement(name, into: &item)
                } else {
                    try readItemExtension(name, namespace, into: &item, credits: &credits)
                }
            }
        }
        finish(&item, credits: credits)
        feed.items.append(item)
    }

    func readAtomEntryElement(_ name: String, into item: inout ParsedItem) throws {
        switch name {
        case "id": item.id = try readText().nonBlank
        case "title": item.title = try readTextConstruct()
        case "link":
            guard let link = try readAtomLink() else { return }
            item.links.append(link)
            if link.rel == "enclosure" {
                var media = MediaObject(role: .enclosure, url: link.href)
                media.mimeType = link.type
                media.length = link.length
                item.media.append(media)
            }
        case "published", "issued": item.published = try readDate() ?? item.published
        case "created": if let date = try readDate(), item.published == nil { item.published = date }
        case "updated", "modified": item.updated = try readDate() ?? item.updated
        case "author": if let person = try readAtomPerson() { item.authors.append(person) }
        case "contributor": if let person = try readAtomPerson() { item.contributors.append(person) }
        case "summary":
            item.summary = try readTextConstruct()
            if item.content == nil { item.contentBaseURL = lastTextConstructBase }
        case "content":
            let source = reader.attributes().value(of: "src")
            let content = try readTextConstruct()
            item.contentBaseURL = lastTextConstructBase
            if let source = source?.nonBlank {
                item.links.append(FeedLink(href: resolve(source), rel: "related"))
            } else {
                item.content = content
            }
        case "category": if let category = readAtomCategory() { item.categories.append(category) }
        case "rights": item.rights = try readText().nonBlank
        case "source":
            try forEachChild { child, namespace in
                if child == "title", Namespace.isAtom(namespace) { item.sourceTitle = try readText().nonBlank }
            }
        default: break
        }
    }

    /// An Atom text construct: `type` text, html or xhtml (Atom 1.0), or a MIME type with `mode`
    /// escaped, xml or base64 (Atom 0.3).
    func readTextConstruct() throws -> TextConstruct {
        let attributes = reader.attributes()
        return try withScope(attributes) {
            lastTextConstructBase = currentBase
            let type = attributes.value(of: "type")?.lowercased() ?? "text"
            let mode = attributes.value(of: "mode")?.lowercased()
            if type == "xhtml" || type == "application/xhtml+xml" || mode == "xml" {
                return TextConstruct(kind: .xhtml, value: try readInnerXML())
            }
            if mode == "base64" {
                let decoded = Data(base64Encoded: try readText(), options: .ignoreUnknownCharacters)
                return TextConstruct(
                    kind: type.contains("html") ? .html : .text,
                    value: decoded.map { String(decoding: $0, as: UTF8.self) } ?? ""
                )
            }
            if type == "html" || type == "text/html" || mode == "escaped" {
                return TextConstruct(kind: .html, value: try readMarkup())
            }
            return TextConstruct(kind: .text, value: try readMarkup())
        }
    }

    /// An Atom link (also `atom:link` inside RSS); `href` resolved under the link's own `xml:base`.
    func readAtomLink() throws -> FeedLink? {
        let attributes = reader.attributes()
        try skipElement()
        guard let href = attributes.value(of: "href")?.nonBlank else { return nil }
        return withScope(attributes) {
            FeedLink(
                href: resolve(href),
                rel: attributes.value(of: "rel")?.nonBlank?.lowercased() ?? "alternate",
                type: attributes.value(of: "type")?.nonBlank,
                title: attributes.value(of: "title")?.nonBlank,
                length: attributes.value(of: "length").flatMap { Int64($0) }
            )
        }
    }

    func readAtomPerson() throws -> FeedPerson? {
        var person = FeedPerson()
        try forEachChild { name, _ in
            switch name {
            case "name": person.name = try readText().nonBlank
            case "email": person.email = try readText().nonBlank
            case "uri", "url": person.uri = try readText().nonBlank.map(resolve)
            default: break
            }
        }
        return person.name == nil && person.email == nil && person.uri == nil ? nil : person
    }

    private func readAtomCategory() -> FeedCategory? {
        let attributes = reader.attributes()
        guard let term = attributes.value(of: "term")?.nonBlank ?? attributes.value(of: "label")?.nonBlank else {
            return nil
        }
        return FeedCategory(
            term: term,
            scheme: attributes.value(of: "scheme")?.nonBlank,
            label: attributes.value(of: "label")?.nonBlank
        )
    }
}
