// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// The namespace URIs wirefeed reads.
enum Namespace {
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let dublinCoreTerms = "http://purl.org/dc/terms/"
    static let media = "http://search.yahoo.com/mrss/"
    static let slash = "http://purl.org/rss/1.0/modules/slash/"
    static let syndication = "http://purl.org/rss/1.0/modules/syndication/"
    static let geoRSS = "http://www.georss.org/georss"
    static let w3cGeo = "http://www.w3.org/2003/01/geo/wgs84_pos#"
    static let iTunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
    static let feedBurner = "http://rssnamespace.org/feedburner/ext/1.0"
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    /// The scheme iTunes categories are given (feedparser's spelling).
    static let iTunesCategoryScheme = "http://www.itunes.com/"

    /// Whether elements in this namespace are RSS's own: no namespace (RSS 0.9x/2.0), RSS 1.0's, or
    /// RSS 0.90's, or UserLand's short-lived RSS 2 namespace.
    static func isRSSCore(_ uri: String) -> Bool {
        uri.isEmpty || uri == rss10 || uri == rss090 || uri.hasPrefix("http://backend.userland.com/rss")
    }

    /// Whether elements in this namespace are Atom's (1.0 or 0.3).
    static func isAtom(_ uri: String) -> Bool {
        uri == atom10 || uri == atom03
    }

    /// Media RSS, with the trailing-slash-less spelling some publishers use.
    static func isMedia(_ uri: String) -> Bool {
        uri == media || uri == "http://search.yahoo.com/mrss"
    }
}
