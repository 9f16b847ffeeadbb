// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedModel

/// Resolves the URL references a feed writes against the base in effect (RFC 3986 §5).
public enum URLResolver {
    /// `reference` made absolute against `base`; the trimmed reference itself when it is absolute
    /// already, when there is no usable base (only an http or https base is used: a `javascript:`
    /// base must not turn a relative link into a script), or when the two cannot be combined.
    public static func resolve(_ reference: String, against base: String?) -> String {
        let trimmed = reference.trimmedASCIIWhitespace
        if trimmed.isEmpty || hasScheme(trimmed) { return trimmed }
        guard let base, hasScheme(base), CanonicalLink.isSafe(base), let baseURL = URL(string: base),
            let resolved = URL(string: trimmed, relativeTo: baseURL)
        else { return trimmed }
        return resolved.absoluteString
    }

    /// Whether the string starts with a URI scheme (`http:`, `mailto:`, `urn:`…).
    public static func hasScheme(_ text: String) -> Bool {
        var sawLetter = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if !sawLetter { return false }
            case UInt8(ascii: ":"):
                return sawLetter
            default:
                return false
            }
        }
        return false
    }
}
