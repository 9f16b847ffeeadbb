// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// The canonical form of a story's link: what two feeds linking the same page agree on, used for
/// identity and comparison only — output carries the link as published.
public enum CanonicalLink {
    /// Query parameters known to track the reader (campaigns, click ids), never to name a page.
    /// Parameters such as `cid`, `rss` or `partner` are kept: many sites name the page with them.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "mc_cid", "mc_eid",
        "_hsenc", "_hsmi", "igshid", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee",
    ]

    /// `link` without `utm_*` and other tracking parameters, scheme and host lowercased; the
    /// fragment and every other parameter kept. Links that are not http(s) are returned trimmed.
    public static func canonicalize(_ link: String) -> String {
        let link = link.trimmingASCIIWhitespace()
        // Searched as UTF-8 bytes: these are ASCII delimiters, and Character search is slow.
        guard let colon = link.utf8.firstIndex(of: UInt8(ascii: ":")), link[colon...].utf8.starts(with: "://".utf8)
        else { return link }
        let scheme = link[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return link }
        var rest = link[link.utf8.index(colon, offsetBy: 3)...]
        var fragment: Substring = ""
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = rest[hash...]
            rest = rest[..<hash]
        }
        var query: Substring?
        if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = rest[rest.utf8.index(after: question)...]
            rest = rest[..<question]
        }
        let hostEnd = rest.utf8.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        var canonical = scheme + "://" + rest[..<hostEnd].lowercased() + rest[hostEnd...]
        if let query {
            let kept = query.split(separator: "&", omittingEmptySubsequences: false).filter { parameter in
                let name = parameter.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
                return !(name.hasPrefix("utm_") || trackingParameters.contains(name))
            }
            if !kept.isEmpty { canonical += "?" + kept.joined(separator: "&") }
        }
        return canonical + fragment
    }

    /// Whether `link` may appear in output: http, https, or a relative reference (no scheme).
    /// `javascript:`, `data:`, `file:` and every other scheme are refused; so is a colon in the
    /// first path segment, which RFC 3986 forbids in a relative reference and browsers read as a
    /// scheme. Tabs and line breaks are ignored, as browsers ignore them (`java\tscript:`).
    public static func isSafe(_ link: String) -> Bool {
        var scheme: [UInt8] = []
        for byte in link.utf8 {
            switch byte {
            case UInt8(ascii: ":"):
                let name = String(decoding: scheme, as: UTF8.self).lowercased()
                return name == "http" || name == "https"
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                return true
            case 0x09, 0x0A, 0x0D:
                continue
            case 0x00...0x20 where scheme.isEmpty:
                continue
            default:
                scheme.append(byte)
            }
        }
        return true
    }
}

extension String {
    /// The string without ASCII white space and control characters at either end.
    func trimmingASCIIWhitespace() -> String {
        let utf8 = self.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte <= 0x20 }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = utf8.lastIndex(where: { !isSpace($0) })!
        if start == utf8.startIndex && utf8.index(after: end) == utf8.endIndex { return self }
        return String(self[start...end])
    }
}
