// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// One normalized news story: what the spool carries, whatever the feed's format was.
public struct Story: Sendable, Equatable, Codable {
    /// The item's own identifier (RSS guid, Atom id), untouched; nil when the feed gave none.
    public var guid: String?
    /// Headline as plain text: markup removed, entities decoded, white space collapsed.
    public var headline: String
    /// Body as plain-text paragraphs, none empty.
    public var paragraphs: [String]
    /// Body as sanitized HTML (an allowlist of tags and attributes).
    public var html: String
    /// A short plain-text description, when the feed had one distinct from the body.
    public var summary: String?
    /// Authors' names, in feed order.
    public var byline: [String]
    public var published: Date?
    public var updated: Date?
    public var categories: [String]
    /// The story's page as the publisher linked it, resolved against its base (never canonicalized).
    public var link: String?
    public var media: [MediaReference]
    /// BCP 47 language tag, from the item or else the feed.
    public var language: String?
    /// Where the story was written, when the feed said (GeoRSS).
    public var location: Location?
    /// The readable slug made from the headline: the story's name in the spool.
    public var slug: String
    public var feed: FeedReference

    public init(
        guid: String? = nil,
        headline: String,
        paragraphs: [String],
        html: String,
        summary: String? = nil,
        byline: [String] = [],
        published: Date? = nil,
        updated: Date? = nil,
        categories: [String] = [],
        link: String? = nil,
        media: [MediaReference] = [],
        language: String? = nil,
        location: Location? = nil,
        slug: String,
        feed: FeedReference
    ) {
        self.guid = guid
        self.headline = headline
        self.paragraphs = paragraphs
        self.html = html
        self.summary = summary
        self.byline = byline
        self.published = published
        self.updated = updated
        self.categories = categories
        self.link = link
        self.media = media
        self.language = language
        self.location = location
        self.slug = slug
        self.feed = feed
    }

    /// The body as plain text: paragraphs separated by blank lines.
    public var text: String { paragraphs.joined(separator: "\n\n") }
}

/// The feed a story came from.
public struct FeedReference: Sendable, Equatable, Codable {
    /// The configured feed id, when the story came through the daemon.
    public var id: String?
    public var title: String?
    /// The feed document's URL, when known.
    public var url: String?
    /// The feed's home page.
    public var homePageURL: String?

    public init(id: String? = nil, title: String? = nil, url: String? = nil, homePageURL: String? = nil) {
        self.id = id
        self.title = title
        self.url = url
        self.homePageURL = homePageURL
    }
}

/// A typed reference to a picture, video, audio file or document that goes with a story.
public struct MediaReference: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case picture
        case video
        case audio
        case document
        case other
    }

    public var kind: Kind
    public var url: String
    public var mimeType: String?
    public var byteCount: Int64?
    public var width: Int?
    public var height: Int?
    /// Seconds, for audio and video.
    public var duration: Double?
    public var caption: String?
    public var credit: String?
    /// Whether this is a small preview image rather than the media itself.
    public var isThumbnail: Bool

    public init(kind: Kind, url: String, isThumbnail: Bool = false) {
        self.kind = kind
        self.url = url
        self.isThumbnail = isThumbnail
    }
}

/// A point on Earth.
public struct Location: Sendable, Equatable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
