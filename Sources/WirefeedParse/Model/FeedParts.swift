// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// A text-bearing element and how its value is to be read.
public struct TextConstruct: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Plain text: markup characters are literal.
        case text
        /// HTML source (RSS descriptions, `content:encoded`, Atom `type="html"`).
        case html
        /// Inline XHTML markup (Atom `type="xhtml"`), serialized.
        case xhtml
    }

    public var kind: Kind
    public var value: String

    public init(kind: Kind, value: String) {
        self.kind = kind
        self.value = value
    }
}

/// A link element: RSS `<link>`, Atom `<link>`, or `atom:link` inside RSS. `href` is absolute
/// whenever a base was known.
public struct FeedLink: Sendable, Equatable, Codable {
    public var href: String
    public var rel: String
    public var type: String?
    public var title: String?
    public var length: Int64?

    public init(
        href: String,
        rel: String = "alternate",
        type: String? = nil,
        title: String? = nil,
        length: Int64? = nil
    ) {
        self.href = href
        self.rel = rel
        self.type = type
        self.title = title
        self.length = length
    }
}

/// An author or contributor.
public struct FeedPerson: Sendable, Equatable, Codable {
    public var name: String?
    public var email: String?
    public var uri: String?

    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }
}

/// A category, tag or subject.
public struct FeedCategory: Sendable, Equatable, Codable {
    public var term: String
    public var scheme: String?
    public var label: String?

    public init(term: String, scheme: String? = nil, label: String? = nil) {
        self.term = term
        self.scheme = scheme
        self.label = label
    }
}

/// A media object: an RSS enclosure, an Atom enclosure link, a Media RSS content or thumbnail.
public struct MediaObject: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable {
        case enclosure
        case content
        case thumbnail
    }

    public var role: Role
    public var url: String
    public var mimeType: String?
    /// Media RSS `medium`: image, audio, video, document, executable.
    public var medium: String?
    public var length: Int64?
    public var width: Int?
    public var height: Int?
    public var duration: Double?
    public var title: String?
    public var description: String?
    public var credit: String?

    public init(role: Role, url: String) {
        self.role = role
        self.url = url
    }
}

/// A feed's image or logo.
public struct FeedImage: Sendable, Equatable, Codable {
    public var url: String
    public var title: String?
    public var link: String?
    public var width: Int?
    public var height: Int?

    public init(url: String) {
        self.url = url
    }
}

/// A point from GeoRSS or W3C Basic Geo.
public struct GeoPoint: Sendable, Equatable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
