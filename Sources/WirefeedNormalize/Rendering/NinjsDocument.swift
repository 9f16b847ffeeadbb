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
    /// - Parameter uri: the story's stable URI; by default derived from its identity.
    public init(story: Story, uri: String? = nil, version: Int = 1, firstCreated: Date? = nil) {
        self.uri = uri ?? StoryIdentity.uri(of: story)
        self.version = String(version)
        firstcreated = (firstCreated ?? story.published).map(Timestamp.rfc3339)
        versioncreated = (story.updated ?? story.published).map(Timestamp.rfc3339)
        language = story.language
        headlines = [Text(role: "main", contenttype: "text/plain", value: story.headline)]
        descriptions = story.summary.map { [Text(role: "summary", contenttype: "text/plain", value: $0)] }
        let text = story.text
        let words = story.paragraphs.reduce(0) { $0 + $1.split(whereSeparator: \.isWhitespace).count }
        bodies = [
            Text(role: "main", contenttype: "text/plain", value: text, wordcount: words, charcount: text.count),
            Text(role: "main", contenttype: "text/html", value: story.html, wordcount: words, charcount: text.count),
        ]
        slugline = story.slug
        by = story.byline.isEmpty ? nil : story.byline.joined(separator: ", ")
        if let location = story.location {
            located = String(format: "%.5f, %.5f", location.latitude, location.longitude)
            places = [Named(rel: "located", uri: "geo:\(location.latitude),\(location.longitude)")]
        }
        let subjects = story.categories.map { Named(name: $0) }
        self.subjects = subjects.isEmpty ? nil : subjects
        var altids: [AlternativeID] = []
        if let guid = story.guid { altids.append(AlternativeID(role: "guid", value: guid)) }
        if let link = story.link { altids.append(AlternativeID(role: "link", value: link)) }
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
                        name: media.isThumbnail ? "thumbnail" : "original", href: media.url, contenttype: media.mimeType,
                        width: media.width, height: media.height, sizeinbytes: media.byteCount, duration: media.duration
                    )
                ]
            )
        }
        self.associations = associations.isEmpty ? nil : associations
    }

    private static func ninjsType(_ kind: MediaReference.Kind) -> String {
        switch kind {
        case .picture: "picture"
        case .video: "video"
        case .audio: "audio"
        case .document, .other: "component"
        }
    }

    /// The compact JSON of this object, keys sorted.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
