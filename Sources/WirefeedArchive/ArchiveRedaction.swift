// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// What the archive keeps out of its index: it proves what a publisher sent, not how we logged in.
public enum ArchiveRedaction {
    /// The URL without its userinfo (`https://user:pass@host/` → `https://host/`), and with the
    /// values of secret-looking query parameters (`token`, `api_key`, `sig`, …) replaced by
    /// `REDACTED`.
    public static func url(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let authorityStart = schemeEnd.upperBound
        let authorityEnd = url[authorityStart...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
        var result = String(url[..<authorityStart])
        let authority = url[authorityStart..<authorityEnd]
        if let at = authority.lastIndex(of: "@") {
            result += authority[authority.index(after: at)...]
        } else {
            result += authority
        }
        let rest = url[authorityEnd...]
        guard let question = rest.firstIndex(of: "?") else { return result + rest }
        let fragmentStart = rest[question...].firstIndex(of: "#") ?? rest.endIndex
        result += rest[..<rest.index(after: question)]
        let parameters = rest[rest.index(after: question)..<fragmentStart].split(
            separator: "&",
            omittingEmptySubsequences: false
        )
        result += parameters.map { parameter -> String in
            guard let equals = parameter.firstIndex(of: "=") else { return String(parameter) }
            let name = parameter[..<equals].lowercased()
            return isSecretQueryName(name) ? parameter[..<equals] + "=REDACTED" : String(parameter)
        }.joined(separator: "&")
        return result + rest[fragmentStart...]
    }

    /// The headers worth keeping: everything but cookies, credentials and tokens.
    public static func headers(_ headers: [ArchiveHeader]) -> [ArchiveHeader] {
        headers.filter { !isSecretHeaderName($0.name.lowercased()) }
    }

    static func isSecretHeaderName(_ name: String) -> Bool {
        if ["set-cookie", "set-cookie2", "cookie"].contains(name) { return true }
        return ["auth", "token", "secret", "password", "api-key", "apikey", "session", "credential"].contains {
            name.contains($0)
        }
    }

    static func isSecretQueryName(_ name: String) -> Bool {
        let exact = ["key", "sig", "signature", "auth", "pass", "pw"]
        if exact.contains(name) { return true }
        return ["token", "secret", "password", "passwd", "apikey", "api_key", "api-key", "session", "credential"]
            .contains { name.contains($0) }
    }
}
