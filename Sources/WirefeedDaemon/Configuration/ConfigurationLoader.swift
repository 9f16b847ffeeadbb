// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedFetch
import Yams

/// Reads the YAML configuration file (with Yams) and the plain feeds files it names. Every error
/// names the file and the line; unknown keys are errors, so that a typo is never silently ignored.
public enum ConfigurationLoader {
    /// Loads `path`, then every feeds file it lists, then `extraFeedsFiles`.
    public static func load(path: String?, extraFeedsFiles: [String] = []) throws -> WirefeedConfiguration {
        var configuration = WirefeedConfiguration()
        var feedsFiles: [String] = []
        if let path {
            let text = try readText(path)
            feedsFiles = try apply(yaml: text, file: path, to: &configuration)
        }
        for file in feedsFiles + extraFeedsFiles {
            configuration.feeds += try FeedsFileParser.parse(try readText(file), file: file)
        }
        try checkUnique(configuration.feeds)
        return configuration
    }

    static func readText(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigError(file: path, line: nil, message: "no such file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, line: nil, message: "cannot be read")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ConfigError(file: path, line: firstLineNotUTF8(data), message: "is not UTF-8 text")
        }
        return text
    }

    /// The 1-based number of the first line that is not valid UTF-8.
    static func firstLineNotUTF8(_ data: Data) -> Int? {
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where String(validating: line, as: UTF8.self) == nil {
            return index + 1
        }
        return nil
    }

    private static func checkUnique(_ feeds: [FeedSource]) throws {
        var seen: [String: FeedSource] = [:]
        for feed in feeds {
            if let first = seen[feed.id] {
                let (file, line) = FeedsFileParser.split(origin: feed.origin)
                throw ConfigError(
                    file: file,
                    line: line,
                    message: "feed id '\(feed.id)' is already used by \(first.origin)"
                )
            }
            seen[feed.id] = feed
        }
    }

    /// Applies a YAML document; returns the feeds files it names.
    static func apply(yaml: String, file: String, to configuration: inout WirefeedConfiguration) throws -> [String] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigError(
                file: file,
                line: Self.line(of: error),
                message: "not valid YAML: \(Self.summary(of: error))"
            )
        }
        guard let root else { return [] }
        var reader = NodeReader(file: file)
        let top = try reader.mapping(root, "the configuration")
        var feedsFiles: [String] = []
        for (key, value) in top {
            switch key.string {
            case "state_directory": configuration.stateDirectory = try reader.string(value, key.string)
            case "spool_directory": configuration.spoolDirectory = try reader.string(value, key.string)
            case "output_formats":
                let formats = try reader.sequence(value, key.string).map { try reader.string($0, "an output format") }
                for (index, format) in formats.enumerated() where !["json", "txt"].contains(format) {
                    throw reader.error(
                        try reader.sequence(value, key.string)[index],
                        "unknown output format '\(format)' (json or txt)"
                    )
                }
                configuration.outputFormats = Array(Set(formats + ["json"])).sorted()
            case "retention": configuration.retention = try reader.duration(value, key.string)
            case "archive_retention": configuration.archiveRetention = try reader.duration(value, key.string)
            case "near_duplicate_window":
                configuration.nearDuplicateWindow = try reader.duration(value, key.string)
            case "metrics_file": configuration.metricsFile = try reader.string(value, key.string)
            case "poll":
                try applyPolling(try reader.mapping(value, key.string), reader: &reader, to: &configuration.polling)
            case "http": try applyHTTP(try reader.mapping(value, key.string), reader: &reader, to: &configuration.http)
            case "feeds_files":
                feedsFiles = try reader.sequence(value, key.string).map { try reader.string($0, "a feeds file") }
            case "feeds":
                for entry in try reader.sequence(value, key.string) {
                    configuration.feeds.append(try feed(entry, reader: &reader))
                }
            default: throw reader.error(key.node, "unknown key '\(key.string)'")
            }
        }
        let directory = (file as NSString).deletingLastPathComponent
        return feedsFiles.map { $0.hasPrefix("/") || directory.isEmpty ? $0 : directory + "/" + $0 }
    }

    private static func applyPolling(
        _ entries: [(key: NodeReader.Key, value: Node)],
        reader: inout NodeReader,
        to polling: inout PollingSettings
    ) throws {
        for (key, value) in entries {
            switch key.string {
            case "interval": polling.interval = try reader.positiveDuration(value, key.string)
            case "minimum_interval": polling.minimumInterval = try reader.positiveDuration(value, key.string)
            case "maximum_interval": polling.maximumInterval = try reader.positiveDuration(value, key.string)
            case "jitter":
                let jitter = try reader.double(value, key.string)
                guard (0...0.5).contains(jitter) else { throw reader.error(value, "jitter must be between 0 and 0.5") }
                polling.jitter = jitter
            case "backoff_cap": polling.backoffCap = try reader.positiveDuration(value, key.string)
            case "retry_after_cap": polling.retryAfterCap = try reader.positiveDuration(value, key.string)
            case "permanent_redirect_polls":
                polling.permanentRedirectPolls = try reader.positiveInteger(value, key.string, maximum: 1000)
            default: throw reader.error(key.node, "unknown key 'poll.\(key.string)'")
            }
        }
        if polling.minimumInterval > polling.maximumInterval, let node = entries.first?.key.node {
            throw reader.error(node, "poll.minimum_interval is longer than poll.maximum_interval")
        }
    }

    private static func applyHTTP(
        _ entries: [(key: NodeReader.Key, value: Node)],
        reader: inout NodeReader,
        to http: inout HTTPSettings
    ) throws {
        for (key, value) in entries {
            switch key.string {
            case "contact_url": http.contactURL = try reader.string(value, key.string)
            case "max_concurrency":
                http.maximumConcurrency = try reader.positiveInteger(value, key.string, maximum: 4096)
            case "max_per_host": http.maximumPerHost = try reader.positiveInteger(value, key.string, maximum: 4096)
            case "connect_timeout": http.limits.connectTimeout = try reader.positiveDuration(value, key.string)
            case "timeout": http.limits.totalTimeout = try reader.positiveDuration(value, key.string)
            case "low_speed_limit": http.limits.lowSpeedBytesPerSecond = try reader.size(value, key.string)
            case "low_speed_time": http.limits.lowSpeedDuration = try reader.positiveDuration(value, key.string)
            case "max_body_size": http.limits.maximumBodySize = try reader.size(value, key.string)
            case "max_redirects":
                http.limits.maximumRedirects = try reader.positiveInteger(value, key.string, maximum: 50)
            case "proxy": http.proxy = try reader.string(value, key.string)
            case "ca_file": http.certificateAuthorityFile = try reader.string(value, key.string)
            case "allow_private_redirects": http.allowPrivateRedirects = try reader.boolean(value, key.string)
            default: throw reader.error(key.node, "unknown key 'http.\(key.string)'")
            }
        }
    }

    private static func feed(_ node: Node, reader: inout NodeReader) throws -> FeedSource {
        let origin = "\(reader.file):\(NodeReader.line(node) ?? 0)"
        if case .scalar = node {
            let url = try reader.url(node, "a feed")
            return FeedSource(id: FeedSource.derivedID(from: url), url: url, origin: origin)
        }
        var url: String?
        var id: String?
        var interval: Duration?
        var headers: [HTTPHeader] = []
        var user: String?
        var passwordFile: String?
        var tokenFile: String?
        for (key, value) in try reader.mapping(node, "a feed") {
            switch key.string {
            case "url": url = try reader.url(value, key.string)
            case "id": id = try reader.identifier(value, key.string)
            case "interval": interval = try reader.positiveDuration(value, key.string)
            case "headers":
                for (name, headerValue) in try reader.mapping(value, key.string) {
                    let text = try reader.string(headerValue, name.string)
                    if let problem = HeaderCheck.problem(name: name.string, value: text) {
                        throw reader.error(headerValue, problem)
                    }
                    headers.append(HTTPHeader(name: name.string, value: text))
                }
            case "user": user = try reader.string(value, key.string)
            case "password_file": passwordFile = try reader.string(value, key.string)
            case "token_file": tokenFile = try reader.string(value, key.string)
            default: throw reader.error(key.node, "unknown feed key '\(key.string)'")
            }
        }
        guard let url else { throw reader.error(node, "a feed needs a url") }
        let credentials = try FeedsFileParser.credentials(user: user, passwordFile: passwordFile, tokenFile: tokenFile)
        {
            reader.error(node, $0)
        }
        if let problem = credentials?.secretProblem() { throw reader.error(node, problem) }
        return FeedSource(
            id: id ?? FeedSource.derivedID(from: url),
            url: url,
            interval: interval,
            headers: headers,
            credentials: credentials,
            origin: origin
        )
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _): return problem
        default: return "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
        }
    }
}
