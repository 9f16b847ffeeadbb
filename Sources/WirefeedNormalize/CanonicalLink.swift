// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// The canonical form of a story's link: what two feeds linking the same page agree on.
public enum CanonicalLink {
    /// Query parameters that track the reader, not name the page.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "igshid", "ocid",
        "cmpid", "ncid", "rss", "partner", "ito", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname",
        "ns_fee", "sr_share", "cid",
    ]

    /// `link` without its fragment and without `utm_*`-style tracking parameters; scheme and host
    /// lowercased. Links that are not http(s) are returned trimmed but otherwise untouched.
    public static func canonicalize(_ link: String) -> String {
        var link = link.trimmingWhitespace()
        guard let schemeEnd = link.range(of: "://") else { return link }
        let scheme = link[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return link }
        if let hash = link.firstIndex(of: "#") { link = String(link[..<hash]) }
        var query: Substring?
        if let question = link.firstIndex(of: "?") {
            query = link[link.index(after: question)...]
            link = String(link[..<question])
        }
        let rest = link[schemeEnd.upperBound...]
        let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var canonical = scheme + "://" + rest[..<hostEnd].lowercased() + rest[hostEnd...]
        if let query {
            let kept = query.split(separator: "&").filter { parameter in
                let name = parameter.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
                return !(name.hasPrefix("utm_") || trackingParameters.contains(name))
            }
            if !kept.isEmpty { canonical += "?" + kept.joined(separator: "&") }
        }
        return canonical
    }
}
