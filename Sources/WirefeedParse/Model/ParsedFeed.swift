// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// A feed document as it was written, format differences folded into one shape but nothing
/// normalized yet: text keeps its markup, dates are parsed to UTC instants, URLs are resolved.
public struct ParsedFeed: Sendable, Equatable {
    public var format: FeedFormat
    /// The `version` attribute of `<rss>` or `<feed>`, when there is one.
    public var version: String?
    public var id: String?
    public var title: TextConstruct?
    public var subtitle: TextConstruct?
    public var links: [FeedLink] = []
    public var language: String?
    public var updated: Date?
    public var published: Date?
    public var authors: [FeedPerson] = []
    public var categories: [FeedCategory] = []
    public var generator: String?
    public var rights: String?
    public var image: FeedImage?
    public var icon: String?
    /// RSS `<ttl>`, in minutes.
    public var timeToLive: Int?
    /// RSS `<skipHours>`: the hours (0–23, GMT) in which the feed need not be read.
    public var skipHours: [Int] = []
    /// RSS `<skipDays>`: day names, capitalized ("Saturday").
    public var skipDays: [String] = []
    /// `sy:updatePeriod` (hourly, daily, weekly, monthly, yearly).
    public var updatePeriod: String?
    /// `sy:updateFrequency`: how many times per period.
    public var updateFrequency: Int?
    public var updateBase: Date?
    public var items: [ParsedItem] = []
    /// The encoding the bytes were read in, after detection.
    public var encoding: String = "UTF-8"
    /// Problems that were recovered from (a truncated document, a mismatched tag), one per line.
    public var warnings: [String] = []

    public init(format: FeedFormat) {
        self.format = format
    }

    /// The feed's home page: its first alternate link.
    public var homePageURL: String? {
        links.first { $0.rel == "alternate" }?.href
    }

    /// The feed's own address, from `atom:link rel="self"`.
    public var selfURL: String? {
        links.first { $0.rel == "self" }?.href
    }
}

/// One item or entry, in document order.
public struct ParsedItem: Sendable, Equatable {
    /// RSS `<guid>`, Atom `<id>`, or `dc:identifier`.
    public var id: String?
    /// RSS `isPermaLink`: nil when the attribute is absent (which RSS 2.0 reads as true).
    public var idIsPermaLink: Bool?
    public var title: TextConstruct?
    public var links: [FeedLink] = []
    public var published: Date?
    public var updated: Date?
    public var authors: [FeedPerson] = []
    /// Atom `<contributor>`s.
    public var contributors: [FeedPerson] = []
    /// RSS `<description>`, Atom `<summary>`, `media:description`, `itunes:summary`.
    public var summary: TextConstruct?
    /// `content:encoded` or Atom `<content>`.
    public var content: TextConstruct?
    /// The base for relative URLs inside ``content`` and ``summary``: the `xml:base` in effect on
    /// the element, else the document's URL, else the feed's home page.
    public var contentBaseURL: String?
    public var categories: [FeedCategory] = []
    public var media: [MediaObject] = []
    public var language: String?
    public var commentsURL: String?
    public var commentCount: Int?
    public var location: GeoPoint?
    public var rights: String?
    /// The title of the feed this item was taken from (RSS `<source>`, Atom `<source>`).
    public var sourceTitle: String?

    public init() {}

    /// The item's page: its first alternate link.
    public var alternateURL: String? {
        links.first { $0.rel == "alternate" }?.href
    }
}
