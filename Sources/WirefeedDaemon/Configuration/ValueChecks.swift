// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedFetch

/// Feed URLs are absolute http or https URLs without userinfo: credentials in a URL would be
/// printed, logged and stored with it, so they have keys of their own.
enum FeedURLCheck {
    /// Nil when `url` is usable, else the message (with any userinfo redacted).
    static func problem(_ url: String, credentialKeys: String) -> String? {
        let lowered = url.lowercased()
        let shown = URLOrigin.redacted(url)
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), URL(string: url)?.host != nil,
            URLOrigin(url) != nil
        else {
            return "'\(shown)' is not an http or https URL"
        }
        if URLOrigin.hasUserinfo(url) {
            return "'\(shown)': a feed URL may not carry a user or password; use \(credentialKeys)"
        }
        return nil
    }
}

/// Custom headers are sent as they are: a name must be an RFC 9110 token and a value may hold no
/// control character (a CR or LF would start a header of its own).
enum HeaderCheck {
    static func problem(name: String, value: String) -> String? {
        let tokenPunctuation = Set("!#$%&'*+-.^_`|~".unicodeScalars)
        let isToken =
            !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || tokenPunctuation.contains($0)
            }
        guard isToken else { return "header name '\(name)' may hold only letters, digits and !#$%&'*+-.^_`|~" }
        if ControlCharacters.containsControl(value, allowingTab: true) {
            return "the value of header '\(name)' holds a control character (CR, LF, …): refused"
        }
        return nil
    }
}

/// Control characters: C0 (all, or all but tab), DEL and C1.
enum ControlCharacters {
    static func containsControl(_ text: String, allowingTab: Bool) -> Bool {
        text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && !(allowingTab && scalar == "\t")) || (0x7F...0x9F).contains(scalar.value)
        }
    }
}
