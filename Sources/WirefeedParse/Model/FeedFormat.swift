// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// The syndication format a document was written in.
public enum FeedFormat: String, Sendable, Codable, CaseIterable {
    /// RSS 0.90 to 0.94 and 2.0 (the `<rss>` family, Netscape and UserLand).
    case rss
    /// RSS 1.0 and RSS 0.90 as RDF (`<rdf:RDF>`).
    case rdf
    /// Atom 0.3 (`http://purl.org/atom/ns#`).
    case atom03
    /// Atom 1.0 (RFC 4287).
    case atom10
}
