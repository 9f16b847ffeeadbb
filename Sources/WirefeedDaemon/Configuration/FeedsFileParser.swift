// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedFetch

/// Reads a plain feeds file: one feed per line, the URL then optional `key=value` settings; `#`
/// starts a comment. So that thousands of feeds stay manageable:
///
/// ```
/// https://wire.example.com/world.xml id=wire-world interval=2m
/// https://partner.example.org/feed  header=X-Api-Key:abc token_file=/etc/wirefeed/partner.token
/// ```
///
/// Keys: `id`, `interval`, `header` (`Name:Value`, repeatable), `user` with `password_file`,
/// `token_file`.
public enum FeedsFileParser {
    public static func parse(_ text: String, file: String) throws -> [FeedSource] {
        var feeds: [FeedSource] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let url = fields.first else { continue }
            func failure(_ message: String) -> ConfigError {
                ConfigError(file: file, line: lineNumber, message: message)
            }
            if let problem = FeedURLCheck.problem(url, credentialKeys: "user= and password_file= (or token_file=)") {
                throw failure(problem)
            }
            var feed = FeedSource(id: FeedSource.derivedID(from: url), url: url, origin: "\(file):\(lineNumber)")
            var user: String?
            var passwordFile: String?
            var tokenFile: String?
            for field in fields.dropFirst() {
                let parts = field.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[1].isEmpty else {
                    throw failure("'\(field)' is not a key=value setting")
                }
                let (key, value) = (parts[0], parts[1])
                switch key {
                case "id":
                    guard FeedSource.isValidID(value) else {
                        throw failure("feed id '\(value)' may hold only letters, digits, '-', '_' and '.'")
                    }
                    feed.id = value
                case "interval":
                    switch ConfigValueParsing.parseDuration(value) {
                    case .success(let interval) where interval > .zero: feed.interval = interval
                    case .failure(.outOfRange):
                        throw failure(
                            "interval '\(value)' is out of range (at most \(ConfigValueParsing.durationBound))"
                        )
                    default: throw failure("interval '\(value)' is not a duration above zero (e.g. 90s, 5m, 2h)")
                    }
                case "header":
                    let header = value.split(separator: ":", maxSplits: 1).map(String.init)
                    guard header.count == 2, !header[0].isEmpty else {
                        throw failure("header '\(value)' is not Name:Value")
                    }
                    if let problem = HeaderCheck.problem(name: header[0], value: header[1]) { throw failure(problem) }
                    feed.headers.append(HTTPHeader(name: header[0], value: header[1]))
                case "user": user = value
                case "password_file": passwordFile = value
                case "token_file": tokenFile = value
                default: throw failure("unknown setting '\(key)'")
                }
            }
            feed.credentials = try credentials(user: user, passwordFile: passwordFile, tokenFile: tokenFile, failure)
            if let problem = feed.credentials?.secretProblem() { throw failure(problem) }
            feeds.append(feed)
        }
        return feeds
    }

    static func credentials(
        user: String?,
        passwordFile: String?,
        tokenFile: String?,
        _ failure: (String) -> ConfigError
    ) throws -> CredentialSource? {
        switch (user, passwordFile, tokenFile) {
        case (nil, nil, nil): return nil
        case (let user?, let passwordFile?, nil): return .basic(user: user, passwordFile: passwordFile)
        case (nil, nil, let tokenFile?): return .bearer(tokenFile: tokenFile)
        case (_?, nil, _), (nil, _?, _): throw failure("basic authentication needs both user and password_file")
        default: throw failure("use either user with password_file, or token_file, not both")
        }
    }

    /// `file:line` back into its parts.
    static func split(origin: String) -> (String, Int?) {
        guard let colon = origin.lastIndex(of: ":"), let line = Int(origin[origin.index(after: colon)...]) else {
            return (origin, nil)
        }
        return (String(origin[..<colon]), line)
    }
}
