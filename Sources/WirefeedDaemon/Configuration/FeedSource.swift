// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedFetch

/// One configured feed.
public struct FeedSource: Sendable, Equatable {
    /// A stable, unique name: from the configuration, or derived from the URL.
    public var id: String
    public var url: String
    /// Overrides the global poll interval.
    public var interval: Duration?
    public var headers: [HTTPHeader]
    /// Where the credentials come from; the secret itself is read when the request is made.
    public var credentials: CredentialSource?
    /// Where the feed was declared, for messages.
    public var origin: String

    public init(
        id: String,
        url: String,
        interval: Duration? = nil,
        headers: [HTTPHeader] = [],
        credentials: CredentialSource? = nil,
        origin: String = ""
    ) {
        self.id = id
        self.url = url
        self.interval = interval
        self.headers = headers
        self.credentials = credentials
        self.origin = origin
    }

    /// Whether `id` is usable as a feed id: letters, digits, `-`, `_` and `.`.
    public static func isValidID(_ id: String) -> Bool {
        !id.isEmpty
            && id.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
            }
    }

    /// An id for a feed declared without one: host and path, lowercased, non-alphanumerics as `-`.
    public static func derivedID(from url: String) -> String {
        var text = url.lowercased()
        if let schemeEnd = text.range(of: "://") { text = String(text[schemeEnd.upperBound...]) }
        var id = ""
        var lastWasDash = true
        for scalar in text.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                id.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                id += "-"
                lastWasDash = true
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? "feed" : String(id.prefix(80))
    }
}

/// Credentials read from files, so that secrets stay out of the configuration and the logs.
public enum CredentialSource: Sendable, Equatable {
    case basic(user: String, passwordFile: String)
    case bearer(tokenFile: String)

    /// Reads the secret.
    /// - Throws: an error naming the file (never its content) when it cannot be read.
    public func load() throws -> FetchCredentials {
        switch self {
        case .basic(let user, let passwordFile):
            return .basic(user: user, password: try Self.secret(passwordFile))
        case .bearer(let tokenFile):
            return .bearer(token: try Self.secret(tokenFile))
        }
    }

    /// Why a secret file that can be read now may not be used (a control character in it), or nil.
    /// A file that cannot be read yet is no problem here: the poll reports it.
    public func secretProblem() -> String? {
        let path: String
        switch self {
        case .basic(_, let passwordFile): path = passwordFile
        case .bearer(let tokenFile): path = tokenFile
        }
        guard FileManager.default.isReadableFile(atPath: path) else { return nil }
        do {
            _ = try Self.secret(path)
            return nil
        } catch {
            return error.message
        }
    }

    private static func secret(_ path: String) throws(ConfigError) -> String {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw ConfigError(file: path, line: nil, message: "the credentials file cannot be read")
        }
        // A CR or LF inside would end the Authorization header and start another.
        guard !ControlCharacters.containsControl(text, allowingTab: false) else {
            throw ConfigError(
                file: path,
                line: nil,
                message: "the credentials file \(path) holds a control character (CR, LF, …): refused"
            )
        }
        return text
    }
}
