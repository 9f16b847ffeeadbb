// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// The origin of an http(s) URL (RFC 6454): scheme, host and port, lowercased, the port made
/// explicit. Credentials and custom headers belong to the configured origin and go nowhere else.
public struct URLOrigin: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int

    /// Nil for anything but an absolute http or https URL.
    public init?(_ url: String) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let authority = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var hostAndPort = Substring(authority.split(separator: "@", omittingEmptySubsequences: false).last ?? "")
        var port = scheme == "https" ? 443 : 80
        // `[v6]:port`, or `host:port`.
        if let close = hostAndPort.lastIndex(of: "]") {
            let after = hostAndPort[hostAndPort.index(after: close)...]
            if after.hasPrefix(":") {
                guard let explicit = Int(after.dropFirst()) else { return nil }
                port = explicit
            }
            hostAndPort = hostAndPort[...close]
        } else if let colon = hostAndPort.lastIndex(of: ":") {
            let digits = hostAndPort[hostAndPort.index(after: colon)...]
            if !digits.isEmpty {
                guard let explicit = Int(digits) else { return nil }
                port = explicit
            }
            hostAndPort = hostAndPort[..<colon]
        }
        guard !hostAndPort.isEmpty else { return nil }
        self.scheme = scheme
        self.host = hostAndPort.lowercased()
        self.port = port
    }

    public var description: String { "\(scheme)://\(host):\(port)" }

    /// `url` with any `user:password@` replaced by `***@`, for messages and logs.
    public static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<schemeEnd.upperBound]) + "***" + String(rest[at...])
    }

    /// `text` with the userinfo of every URL in it redacted (an error message, a log line).
    public static func redactingUserinfo(in text: String) -> String {
        guard text.contains("@"), text.contains("://") else { return text }
        var result = ""
        var rest = Substring(text)
        while let schemeEnd = rest.range(of: "://") {
            result += rest[..<schemeEnd.upperBound]
            rest = rest[schemeEnd.upperBound...]
            let authorityEnd =
                rest.firstIndex { "/?#\"' <>".contains($0) || $0.isWhitespace } ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@") {
                result += "***"
                rest = rest[at...]
            }
        }
        return result + rest
    }

    /// Whether `url` carries `user[:password]@` in its authority.
    public static func hasUserinfo(_ url: String) -> Bool {
        redacted(url) != url
    }
}
