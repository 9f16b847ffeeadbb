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
        // Searched as UTF-8 bytes: these are ASCII delimiters, and Character search is slow.
        let scheme: String
        if link.utf8.starts(with: "http://".utf8) || link.utf8.starts(with: "https://".utf8) {
            scheme = link.utf8.starts(with: "https".utf8) ? "https" : "http"
        } else {
            guard let colon = link.utf8.firstIndex(of: UInt8(ascii: ":")), link[colon...].utf8.starts(with: "://".utf8)
            else { return link }
            scheme = link[..<colon].lowercased()
            guard scheme == "http" || scheme == "https" else { return link }
        }
        if let hash = link.utf8.firstIndex(of: UInt8(ascii: "#")) { link = String(link[..<hash]) }
        var query: Substring?
        if let question = link.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = link[link.utf8.index(after: question)...]
            link = String(link[..<question])
        }
        let rest = link[link.utf8.index(link.startIndex, offsetBy: scheme.utf8.count + 3)...]
        let hostEnd = rest.utf8.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
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
