// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedModel

extension FeedDocumentReader {
    /// Feed-level elements of the common namespaces: Dublin Core, syndication hints, `atom:link`,
    /// iTunes.
    func readFeedExtension(_ name: String, _ namespace: String) throws {
        switch (namespace, name) {
        case (Namespace.atom10, "link"), (Namespace.atom03, "link"):
            if let link = try readAtomLink() { feed.links.append(link) }
        case (Namespace.dublinCore, "language"): feed.language = try feed.language ?? readText().nonBlank
        case (Namespace.dublinCore, "date"): feed.updated = try feed.updated ?? readDate()
        case (Namespace.dublinCore, "creator"):
            if let name = try readText().nonBlank { feed.authors.append(FeedPerson(name: name)) }
        case (Namespace.dublinCore, "rights"): feed.rights = try feed.rights ?? readText().nonBlank
        case (Namespace.dublinCore, "title"):
            if feed.title == nil { feed.title = Self.rssTitle(try readMarkup()) }
        case (Namespace.syndication, "updatePeriod"): feed.updatePeriod = try readText().nonBlank?.lowercased()
        case (Namespace.syndication, "updateFrequency"): feed.updateFrequency = Int(try readText())
        case (Namespace.syndication, "updateBase"): feed.updateBase = try readDate()
        case (Namespace.iTunes, "image"):
            if feed.image == nil, let href = reader.attributes().value(of: "href")?.nonBlank {
                feed.image = FeedImage(url: resolve(href))
            }
        case (Namespace.iTunes, "author"):
            if feed.authors.isEmpty, let name = try readText().nonBlank { feed.authors.append(FeedPerson(name: name)) }
        case (Namespace.iTunes, "summary"), (Namespace.iTunes, "subtitle"):
            if feed.subtitle == nil, let text = try readText().nonBlank {
                feed.subtitle = TextConstruct(kind: .text, value: text)
            }
        case (Namespace.iTunes, "category"):
            try readITunesCategory(into: &feed.categories)
        default: break
        }
    }

    /// `itunes:category text="…"`, with the subcategories nested in it, each as a category of the
    /// iTunes scheme.
    private func readITunesCategory(into categories: inout [FeedCategory]) throws {
        if let text = reader.attributes().value(of: "text")?.nonBlank {
            categories.append(FeedCategory(term: text, scheme: Namespace.iTunesCategoryScheme))
        }
        try forEachChild { name, namespace in
            if namespace == Namespace.iTunes, name == "category" { try readITunesCategory(into: &categories) }
        }
    }

    /// Item-level elements of the common namespaces, shared by RSS items and Atom entries.
    func readItemExtension(
        _ name: String,
        _ namespace: String,
        into item: inout ParsedItem,
        credits: inout [String]
    ) throws {
        if Namespace.isMedia(namespace) {
            try readMediaElement(name, into: &item, credits: &credits)
            return
        }
        switch (namespace, name) {
        case (Namespace.dublinCore, "creator"), (Namespace.dublinCore, "contributor"):
            if let name = try readText().nonBlank, !item.authors.contains(where: { $0.name == name }) {
                item.authors.append(FeedPerson(name: name))
            }
        case (Namespace.dublinCore, "date"):
            if let date = try readDate() {
                if item.published == nil { item.published = date } else if item.updated == nil { item.updated = date }
            }
        case (Namespace.dublinCore, "subject"):
            if let term = try readText().nonBlank { item.categories.append(FeedCategory(term: term)) }
        case (Namespace.dublinCore, "language"): item.language = try readText().nonBlank ?? item.language
        case (Namespace.dublinCore, "identifier"): if item.id == nil { item.id = try readText().nonBlank }
        case (Namespace.dublinCore, "rights"): item.rights = try readText().nonBlank
        case (Namespace.dublinCore, "title"):
            if item.title == nil { item.title = Self.rssTitle(try readMarkup()) }
        case (Namespace.dublinCore, "description"):
            if item.summary == nil { item.summary = TextConstruct(kind: .html, value: try readMarkup()) }
        case (Namespace.dublinCoreTerms, "modified"): item.updated = try readDate() ?? item.updated
        case (Namespace.dublinCoreTerms, "issued"), (Namespace.dublinCoreTerms, "created"):
            if item.published == nil { item.published = try readDate() }
        case (Namespace.atom10, "link"):
            if let link = try readAtomLink() { item.links.append(link) }
        case (Namespace.atom10, "updated"): item.updated = try readDate() ?? item.updated
        case (Namespace.atom10, "author"): if let person = try readAtomPerson() { item.authors.append(person) }
        case (Namespace.atom10, "contributor"):
            if let person = try readAtomPerson() { item.contributors.append(person) }
        case (Namespace.slash, "comments"): item.commentCount = Int(try readText())
        case (Namespace.geoRSS, "point"): item.location = Self.point(try readText()) ?? item.location
        case (Namespace.w3cGeo, "lat"):
            if let latitude = Double(try readText()) {
                item.location = GeoPoint(latitude: latitude, longitude: item.location?.longitude ?? 0)
            }
        case (Namespace.w3cGeo, "long"):
            if let longitude = Double(try readText()) {
                item.location = GeoPoint(latitude: item.location?.latitude ?? 0, longitude: longitude)
            }
        case (Namespace.w3cGeo, "Point"):
            try forEachChild { child, childNamespace in
                try readItemExtension(child, childNamespace, into: &item, credits: &credits)
            }
        case (Namespace.feedBurner, "origLink"):
            if let href = try readText().nonBlank { item.links.insert(FeedLink(href: resolve(href)), at: 0) }
        case (Namespace.iTunes, "author"):
            if item.authors.isEmpty, let name = try readText().nonBlank { item.authors.append(FeedPerson(name: name)) }
        case (Namespace.iTunes, "summary"), (Namespace.iTunes, "subtitle"):
            if item.summary == nil, let text = try readText().nonBlank {
                item.summary = TextConstruct(kind: .text, value: text)
            }
        case (Namespace.iTunes, "category"):
            try readITunesCategory(into: &item.categories)
        case (Namespace.iTunes, "image"):
            if let href = reader.attributes().value(of: "href")?.nonBlank {
                item.media.append(MediaObject(role: .thumbnail, url: resolve(href)))
            }
        default: break
        }
    }

    private func readMediaElement(_ name: String, into item: inout ParsedItem, credits: inout [String]) throws {
        switch name {
        case "content":
            if let media = try readMediaContent() { item.media.append(contentsOf: media) }
        case "thumbnail":
            if let thumbnail = try readMediaThumbnail() { item.media.append(thumbnail) }
        case "group":
            try forEachChild { child, namespace in
                guard Namespace.isMedia(namespace) else { return }
                try readMediaElement(child, into: &item, credits: &credits)
            }
        case "description":
            let type = reader.attributes().value(of: "type")
            let text = try readMarkup()
            if item.summary == nil, text.nonBlank != nil {
                item.summary = TextConstruct(kind: type == "html" ? .html : .text, value: text)
            }
        case "title":
            if item.title == nil, let text = try readText().nonBlank {
                item.title = TextConstruct(kind: .text, value: text)
            }
        case "credit":
            if let credit = try readText().nonBlank { credits.append(credit) }
        case "keywords":
            for keyword in try readText().split(separator: ",") {
                if let term = String(keyword).nonBlank { item.categories.append(FeedCategory(term: term)) }
            }
        case "category":
            if let term = try readText().nonBlank { item.categories.append(FeedCategory(term: term)) }
        default: break
        }
    }

    /// A `media:content` and the thumbnails nested in it.
    private func readMediaContent() throws -> [MediaObject]? {
        let attributes = reader.attributes()
        var nested: [MediaObject] = []
        var title: String?
        var description: String?
        var credit: String?
        try forEachChild { name, namespace in
            guard Namespace.isMedia(namespace) else { return }
            switch name {
            case "thumbnail": if let thumbnail = try readMediaThumbnail() { nested.append(thumbnail) }
            case "title": title = try readText().nonBlank
            case "description": description = try readText().nonBlank
            case "credit": credit = try readText().nonBlank
            default: break
            }
        }
        guard let url = attributes.value(of: "url")?.nonBlank else { return nested.isEmpty ? nil : nested }
        var media = MediaObject(role: .content, url: resolve(url))
        media.mimeType = attributes.value(of: "type")?.nonBlank
        media.medium = attributes.value(of: "medium")?.nonBlank?.lowercased()
        media.length = attributes.value(of: "fileSize").flatMap { Int64($0) }
        media.width = attributes.value(of: "width").flatMap { Int($0) }
        media.height = attributes.value(of: "height").flatMap { Int($0) }
        media.duration = attributes.value(of: "duration").flatMap { Double($0) }
        media.title = title
        media.description = description
        media.credit = credit
        return [media] + nested
    }

    private func readMediaThumbnail() throws -> MediaObject? {
        let attributes = reader.attributes()
        try skipElement()
        guard let url = attributes.value(of: "url")?.nonBlank else { return nil }
        var thumbnail = MediaObject(role: .thumbnail, url: resolve(url))
        thumbnail.width = attributes.value(of: "width").flatMap { Int($0) }
        thumbnail.height = attributes.value(of: "height").flatMap { Int($0) }
        thumbnail.medium = "image"
        return thumbnail
    }

    /// Final touches once an item's elements are all read: item-level media credits go to the media
    /// that have none; the feed's language applies where the item names none.
    func finish(_ item: inout ParsedItem, credits: [String]) {
        if let credit = credits.first {
            for index in item.media.indices
            where item.media[index].credit == nil && item.media[index].role != .thumbnail {
                item.media[index].credit = credit
            }
        }
        if item.language == nil { item.language = feed.language }
        let place = "item \(feed.items.count + 1)"
        item.links.removeAll { !keepLink($0.href, place) }
        item.media.removeAll { !keepLink($0.url, place) }
        if let comments = item.commentsURL, !keepLink(comments, place) { item.commentsURL = nil }
        for index in item.authors.indices {
            if let uri = item.authors[index].uri, !keepLink(uri, place) { item.authors[index].uri = nil }
        }
    }

    /// The same for the feed's own links, once the document is read.
    func finishFeed() {
        // A copy is filtered: keepLink appends to the feed's warnings.
        let links = feed.links.filter { keepLink($0.href, "the feed") }
        feed.links = links
        if let image = feed.image, !keepLink(image.url, "the feed") { feed.image = nil }
        if let link = feed.image?.link, !keepLink(link, "the feed") { feed.image?.link = nil }
        if let icon = feed.icon, !keepLink(icon, "the feed") { feed.icon = nil }
        for index in feed.authors.indices {
            if let uri = feed.authors[index].uri, !keepLink(uri, "the feed") { feed.authors[index].uri = nil }
        }
    }

    /// Whether a link may be kept (http, https or relative: ``CanonicalLink/isSafe(_:)``); a refused
    /// one is named in a warning, shortened and without control characters.
    private func keepLink(_ link: String, _ place: String) -> Bool {
        if CanonicalLink.isSafe(link) { return true }
        var shown = String(
            link.unicodeScalars.prefix(60).filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)
        )
        if link.unicodeScalars.count > 60 { shown += "…" }
        feed.warnings.append("Dropped the link \"\(shown)\" of \(place): only http and https links are kept.")
        return false
    }

    /// A GeoRSS point: "latitude longitude".
    static func point(_ text: String) -> GeoPoint? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" })
        guard parts.count == 2, let latitude = Double(parts[0]), let longitude = Double(parts[1]),
            (-90...90).contains(latitude), (-180...180).contains(longitude)
        else { return nil }
        return GeoPoint(latitude: latitude, longitude: longitude)
    }
}
