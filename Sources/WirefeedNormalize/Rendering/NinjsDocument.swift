// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedModel

/// An IPTC ninjs 2.1 news item (https://iptc.org/std/ninjs/), the subset wirefeed writes.
/// Properties that are nil are left out of the JSON.
public struct NinjsDocument: Sendable, Equatable, Codable {
    public struct Text: Sendable, Equatable, Codable {
        public var role: String?
        public var contenttype: String?
        public var value: String
        public var wordcount: Int?
        public var charcount: Int?
    }

    public struct Named: Sendable, Equatable, Codable {
        public var name: String?
        public var rel: String?
        public var uri: String?
        public var role: String?
    }

    public struct AlternativeID: Sendable, Equatable, Codable {
        public var role: String
        public var value: String
    }

    public struct Rendition: Sendable, Equatable, Codable {
        public var name: String
        public var href: String
        public var contenttype: String?
        public var width: Int?
        public var height: Int?
        public var sizeinbytes: Int64?
        public var duration: Double?
    }

    public struct Association: Sendable, Equatable, Codable {
        public var name: String
        public var uri: String
        public var type: String
        public var headlines: [Text]?
        public var by: String?
        public var renditions: [Rendition]
    }

    public var uri: String
    public var type = "text"
    public var version: String
    public var firstcreated: String?
    public var versioncreated: String?
    public var language: String?
    public var headlines: [Text]
    public var descriptions: [Text]?
    public var bodies: [Text]
    public var slugline: String
    public var by: String?
    public var located: String?
    public var places: [Named]?
    public var subjects: [Named]?
    public var altids: [AlternativeID]?
    public var infosources: [Named]?
    public var associations: [Association]?

    /// The ninjs object for version `version` of `story`.
    /// - Parameter uri: the story's stable URI, from the identity rule of the caller (the daemon's
    ///   is `StoryKey.uri`); the document never derives one of its own.
    /// - Parameter arrivedAs: for a version that the near-duplicate tier made of an item under
    ///   another identity, that identity's uri (an `altids` entry with role `arrived-as`).
    public init(story: Story, uri: String, version: Int = 1, firstCreated: Date? = nil, arrivedAs: String? = nil) {
        self.uri = uri
        self.version = String(version)
        firstcreated = (firstCreated ?? story.published).map(Timestamp.rfc3339)
        versioncreated = (story.updated ?? story.published).map(Timestamp.rfc3339)
        language = story.language
        headlines = [Text(role: "main", contenttype: "text/plain", value: story.headline)]
        descriptions = story.summary.map { [Text(role: "summary", contenttype: "text/plain", value: $0)] }
        let text = story.text
        let words = story.paragraphs.reduce(0) { $0 + Self.wordCount($1) }
        let characters = Self.scalarCount(text)
        bodies = [
            Text(role: "main", contenttype: "text/plain", value: text, wordcount: words, charcount: characters),
            Text(role: "main", contenttype: "text/html", value: story.html, wordcount: words, charcount: characters),
        ]
        slugline = story.slug
        by = story.byline.isEmpty ? nil : story.byline.joined(separator: ", ")
        if let location = story.location {
            located = Self.fixed5(location.latitude) + ", " + Self.fixed5(location.longitude)
            places = [Named(rel: "located", uri: "geo:\(location.latitude),\(location.longitude)")]
        }
        let subjects = story.categories.map { Named(name: $0) }
        self.subjects = subjects.isEmpty ? nil : subjects
        var altids: [AlternativeID] = []
        if let guid = story.guid { altids.append(AlternativeID(role: "guid", value: guid)) }
        if let link = story.link { altids.append(AlternativeID(role: "link", value: link)) }
        if let arrivedAs { altids.append(AlternativeID(role: "arrived-as", value: arrivedAs)) }
        self.altids = altids.isEmpty ? nil : altids
        let feedURI = story.feed.url.flatMap { $0.lowercased().hasPrefix("http") ? $0 : nil }
        if story.feed.title != nil || feedURI != nil || story.feed.id != nil {
            infosources = [Named(name: story.feed.title ?? story.feed.id, uri: feedURI, role: "feed")]
        }
        let associations = story.media.enumerated().map { index, media in
            Association(
                name: "\(media.isThumbnail ? "thumbnail" : media.kind.rawValue)\(index + 1)",
                uri: media.url,
                type: Self.ninjsType(media.kind),
                headlines: media.caption.map { [Text(contenttype: "text/plain", value: $0)] },
                by: media.credit,
                renditions: [
                    Rendition(
                        name: media.isThumbnail ? "thumbnail" : "original",
                        href: media.url,
                        contenttype: media.mimeType,
                        width: media.width,
                        height: media.height,
                        sizeinbytes: media.byteCount,
                        duration: media.duration
                    )
                ]
            )
        }
        self.associations = associations.isEmpty ? nil : associations
    }

    /// A coordinate with five decimals (`51.50735`), what `%.5f` prints, without `String(format:)`.
    static func fixed5(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return String(value) }
        let scaled = Int((abs(value) * 100_000).rounded())
        var fraction = String(scaled % 100_000)
        fraction = String(repeating: "0", count: 5 - fraction.count) + fraction
        return (value < 0 && scaled != 0 ? "-" : "") + String(scaled / 100_000) + "." + fraction
    }

    /// The number of Unicode scalars, counted on the UTF-8 bytes (every byte that does not
    /// continue a sequence starts a scalar): the same as `unicodeScalars.count`, without decoding.
    static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { utf8 in
            var count = 0
            for byte in utf8 where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    /// Words of a normalized paragraph: runs between single spaces (white space is already folded).
    static func wordCount(_ paragraph: String) -> Int {
        var paragraph = paragraph
        return paragraph.withUTF8 { utf8 in
            var count = 0
            var inWord = false
            for byte in utf8 {
                if byte == 0x20 {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                }
            }
            return count
        }
    }

    private static func ninjsType(_ kind: MediaReference.Kind) -> String {
        switch kind {
        case .picture: "picture"
        case .video: "video"
        case .audio: "audio"
        case .document, .other: "component"
        }
    }

    /// The compact JSON of this object, keys sorted: what `JSONEncoder` with `.sortedKeys` and
    /// `.withoutEscapingSlashes` writes, written directly (the spool writes one per story).
    public func jsonData() throws -> Data {
        Data(jsonBytes())
    }

    /// ``jsonData()`` as bytes.
    public func jsonBytes() -> [UInt8] {
        var writer = CompactJSONWriter()
        writer.beginObject()
        if let altids {
            writer.beginArray("altids")
            for id in altids {
                writer.beginObject()
                writer.field("role", id.role)
                writer.field("value", id.value)
                writer.endObject()
            }
            writer.endArray()
        }
        if let associations {
            writer.beginArray("associations")
            for association in associations {
                writer.beginObject()
                writer.field("by", association.by)
                if let headlines = association.headlines { Self.write(headlines, key: "headlines", to: &writer) }
                writer.field("name", association.name)
                writer.beginArray("renditions")
                for rendition in association.renditions {
                    writer.beginObject()
                    writer.field("contenttype", rendition.contenttype)
                    writer.field("duration", rendition.duration)
                    writer.field("height", rendition.height)
                    writer.field("href", rendition.href)
                    writer.field("name", rendition.name)
                    writer.field("sizeinbytes", rendition.sizeinbytes)
                    writer.field("width", rendition.width)
                    writer.endObject()
                }
                writer.endArray()
                writer.field("type", association.type)
                writer.field("uri", association.uri)
                writer.endObject()
            }
            writer.endArray()
        }
        Self.write(bodies, key: "bodies", to: &writer)
        writer.field("by", by)
        if let descriptions { Self.write(descriptions, key: "descriptions", to: &writer) }
        writer.field("firstcreated", firstcreated)
        Self.write(headlines, key: "headlines", to: &writer)
        if let infosources { Self.write(infosources, key: "infosources", to: &writer) }
        writer.field("language", language)
        writer.field("located", located)
        if let places { Self.write(places, key: "places", to: &writer) }
        writer.field("slugline", slugline)
        if let subjects { Self.write(subjects, key: "subjects", to: &writer) }
        writer.field("type", type)
        writer.field("uri", uri)
        writer.field("version", version)
        writer.field("versioncreated", versioncreated)
        writer.endObject()
        return writer.bytes
    }

    private static func write(_ texts: [Text], key: String, to writer: inout CompactJSONWriter) {
        writer.beginArray(key)
        for text in texts {
            writer.beginObject()
            writer.field("charcount", text.charcount)
            writer.field("contenttype", text.contenttype)
            writer.field("role", text.role)
            writer.field("value", text.value)
            writer.field("wordcount", text.wordcount)
            writer.endObject()
        }
        writer.endArray()
    }

    private static func write(_ names: [Named], key: String, to writer: inout CompactJSONWriter) {
        writer.beginArray(key)
        for named in names {
            writer.beginObject()
            writer.field("name", named.name)
            writer.field("rel", named.rel)
            writer.field("role", named.role)
            writer.field("uri", named.uri)
            writer.endObject()
        }
        writer.endArray()
    }
}
