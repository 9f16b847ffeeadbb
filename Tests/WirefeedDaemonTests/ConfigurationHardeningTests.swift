// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedDaemon
import WirefeedFetch
import WirefeedTesting

/// No value a configuration file can hold crashes anything: every duration and size is bounded,
/// secrets and headers cannot inject, errors are one safe line with the file and the line.
struct ConfigurationHardeningTests {
    func temporaryDirectory() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wirefeed-hardening-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.path
    }

    func write(_ text: String, _ name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func loadError(yaml: String) throws -> ConfigError {
        let path = try write(yaml, "wirefeed.yaml", in: try temporaryDirectory())
        return try #require(throws: ConfigError.self) { try ConfigurationLoader.load(path: path) }
    }

    func loadError(feedsFile: String) throws -> ConfigError {
        let path = try write(feedsFile, "feeds.txt", in: try temporaryDirectory())
        return try #require(throws: ConfigError.self) {
            try ConfigurationLoader.load(path: nil, extraFeedsFiles: [path])
        }
    }

    @Test(arguments: [
        ("http:\n  max_body_size: 99999999999999999999GiB\n", 2),
        ("poll:\n  interval: 999999999999999999s\n", 2),
        ("retention: 1e17s\n", 1),
        ("http:\n  low_speed_limit: 2GiB\n", 2),
        ("poll:\n  backoff_cap: 366d\n", 2),
    ])
    func outOfRangeValuesAreRefusedAtTheirLine(yaml: String, line: Int) throws {
        let error = try loadError(yaml: yaml)
        #expect(error.line == line)
        #expect(error.message.contains("out of range"))
    }

    @Test func anOutOfRangeFeedsFileIntervalIsRefusedAtItsLine() throws {
        let error = try loadError(feedsFile: "https://a.example.com/feed\nhttps://b.example.com/feed interval=1e30s\n")
        #expect(error.line == 2)
        #expect(error.message.contains("out of range"))
    }

    @Test(arguments: ["nan", "inf", "-5s", "0x10s", "1e", ".s", "5 m s", "1_000s", "+3s"])
    func malformedDurationsAreRefused(text: String) {
        #expect(ConfigValueParsing.duration(text) == nil)
    }

    @Test func theBoundsThemselvesAreAccepted() {
        #expect(ConfigValueParsing.duration("365d") == .seconds(365 * 86400))
        #expect(ConfigValueParsing.duration("366d") == nil)
        #expect(ConfigValueParsing.size("1GiB") == 1 << 30)
        #expect(ConfigValueParsing.size("1073741825") == nil)
        #expect(ConfigValueParsing.duration("1.5h") == .seconds(5400))
        #expect(ConfigValueParsing.duration("2e3s") == .seconds(2000))
    }

    @Test(arguments: [
        ("http:\n  max_concurrency: 99999999999999999999\n", 2),
        ("http:\n  max_per_host: 9223372036854775807\n", 2),
        ("http:\n  max_redirects: 1000\n", 2),
    ])
    func wholeNumbersAreBounded(yaml: String, line: Int) throws {
        let error = try loadError(yaml: yaml)
        #expect(error.line == line)
        #expect(error.message.contains("from 1 to"))
    }

    /// Random numbers, units and spellings for every duration and size key: each load either
    /// succeeds with a value within the bounds or fails with the file and the line — and whatever
    /// it accepted, the scheduler computes with it without trapping.
    @Test func everyDurationAndSizeKeySurvivesRandomValues() throws {
        let durationKeys: [(section: String?, key: String)] = [
            (nil, "retention"), ("poll", "interval"), ("poll", "minimum_interval"), ("poll", "maximum_interval"),
            ("poll", "backoff_cap"), ("poll", "retry_after_cap"), ("http", "connect_timeout"), ("http", "timeout"),
            ("http", "low_speed_time"),
        ]
        let sizeKeys: [(section: String?, key: String)] = [("http", "max_body_size"), ("http", "low_speed_limit")]
        let durationUnits = ["", "ms", "s", "m", "h", "d", "MS", "S", "H", "D", " s", "w", "y", "sec", "mm"]
        let sizeUnits = ["", "b", "k", "m", "kb", "mb", "gb", "kib", "mib", "gib", "KiB", "GiB", " MiB", "tb", "TiB"]
        var random = SeededRandom(seed: 16)
        let directory = try temporaryDirectory()
        var accepted = 0
        var refused = 0
        for trial in 0..<300 {
            let isSize = trial % 3 == 2
            let (section, key) =
                isSize ? sizeKeys.randomElement(using: &random)! : durationKeys.randomElement(using: &random)!
            let value =
                Self.randomNumber(using: &random)
                + (isSize ? sizeUnits : durationUnits).randomElement(using: &random)!
            let yaml =
                section.map { "# trial \(trial)\n\($0):\n  \(key): \"\(value)\"\n" }
                ?? "# trial \(trial)\n\(key): \"\(value)\"\n"
            let path = try write(yaml, "wirefeed.yaml", in: directory)
            let feedsPath = try write(
                "https://a.example.com/feed interval=\(value.filter { $0 != " " })\n",
                "feeds.txt",
                in: directory
            )
            for load in [
                { try ConfigurationLoader.load(path: path) },
                { try ConfigurationLoader.load(path: nil, extraFeedsFiles: [feedsPath]) },
            ] {
                do {
                    let configuration = try load()
                    accepted += 1
                    Self.expectWithinBounds(configuration)
                    Self.schedule(configuration, using: &random)
                } catch let error as ConfigError {
                    refused += 1
                    #expect(error.line != nil, "\(value): \(error)")
                }
            }
        }
        // Both outcomes were exercised, many times.
        #expect(accepted > 60)
        #expect(refused > 60)
    }

    static func randomNumber(using random: inout SeededRandom) -> String {
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return String(Int.random(in: 0...100, using: &random))
        case 1:
            return String(UInt64.random(in: 0...UInt64.max, using: &random))
                + String(repeating: "9", count: Int.random(in: 0...12, using: &random))
        case 2: return String(format: "%.3f", Double.random(in: 0...1000, using: &random))
        case 3: return "1e\(Int.random(in: -5...400, using: &random))"
        case 4: return ["nan", "inf", "-1", "-0", "0", "0x1p4", "1e", "", " ", "1.2.3"].randomElement(using: &random)!
        case 5: return String(Int.random(in: 0...Int.max, using: &random))
        case 6:
            return
                "\(Int.random(in: 0...400, using: &random)).\(Int.random(in: 0...99, using: &random))e\(Int.random(in: 0...6, using: &random))"
        default: return String(Int.random(in: 1...600_000, using: &random))
        }
    }

    static func expectWithinBounds(_ configuration: WirefeedConfiguration) {
        let most = ConfigValueParsing.maximumDuration
        let durations =
            [
                configuration.retention, configuration.polling.interval, configuration.polling.minimumInterval,
                configuration.polling.maximumInterval, configuration.polling.backoffCap,
                configuration.polling.retryAfterCap, configuration.http.limits.connectTimeout,
                configuration.http.limits.totalTimeout, configuration.http.limits.lowSpeedDuration,
            ] + configuration.feeds.compactMap(\.interval)
        for duration in durations { #expect(duration >= .zero && duration <= most) }
        for size in [configuration.http.limits.maximumBodySize, configuration.http.limits.lowSpeedBytesPerSecond] {
            #expect(size >= 0 && size <= ConfigValueParsing.maximumSize)
        }
    }

    /// The scheduler's arithmetic with the accepted values, at its extremes.
    static func schedule(_ configuration: WirefeedConfiguration, using random: inout SeededRandom) {
        var settings = configuration.polling
        settings.jitter = 0.5
        let now = Date()
        for interval in [configuration.polling.interval] + configuration.feeds.compactMap(\.interval) {
            for errors in [Int.min, -1, 0, 1, 2, 31, 64, Int.max] {
                let wait = PollScheduler.backoff(
                    consecutiveErrors: errors,
                    interval: interval,
                    settings: settings,
                    using: &random
                )
                #expect(wait >= .zero)
            }
            let hints = PublisherHints(
                timeToLive: Int.max,
                updatePeriod: "yearly",
                maxAge: Int.max,
                expires: .distantFuture
            )
            let next = PollScheduler.nextPoll(
                after: now,
                interval: interval,
                hints: hints,
                settings: settings,
                using: &random
            )
            #expect(next >= now)
            _ = PollScheduler.retryAfter(String(repeating: "9", count: 40), now: now, settings: settings)
        }
    }

    // MARK: - Secrets and headers

    @Test func aTokenFileWithALineBreakIsRefusedAtTheFeedsLine() throws {
        let directory = try temporaryDirectory()
        let token = try write("tok1\r\nX-Injected: yes\n", "token", in: directory)
        let feeds = try write(
            "# partners\nhttps://a.example.com/feed token_file=\(token)\n",
            "feeds.txt",
            in: directory
        )
        let error = try #require(throws: ConfigError.self) {
            try ConfigurationLoader.load(path: nil, extraFeedsFiles: [feeds])
        }
        #expect(error.file == feeds)
        #expect(error.line == 2)
        #expect(error.message.contains("control character"))
        #expect(!error.description.contains("tok1"))
    }

    @Test func aSecretThatGainsALineBreakLaterIsRefusedWhenRead() throws {
        let directory = try temporaryDirectory()
        let password = try write("good\n", "password", in: directory)
        let source = CredentialSource.basic(user: "dave", passwordFile: password)
        #expect(try source.load() == .basic(user: "dave", password: "good"))
        try "bad\nX-Injected: yes".write(toFile: password, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try source.load() }
    }

    @Test(arguments: ["\"a\\r\\nX-Injected: yes\"", "\"a\\nb\"", "\"a\\u0000\""])
    func aHeaderValueWithAControlCharacterIsRefused(value: String) throws {
        let yaml = "feeds:\n  - url: https://a.example.com/feed\n    headers:\n      X-Api-Key: \(value)\n"
        let error = try loadError(yaml: yaml)
        #expect(error.line == 4)
        #expect(error.message.contains("control character"))
    }

    @Test func aHeaderNameMustBeAToken() throws {
        let error = try loadError(feedsFile: "https://a.example.com/feed header=X\u{7F}Key:abc\n")
        #expect(error.line == 1)
        #expect(error.message.contains("header name"))
    }

    @Test func aFeedURLWithUserinfoIsRefusedWithoutEchoingThePassword() throws {
        let fromFeedsFile = try loadError(feedsFile: "http://dave:pw2@wire.example.com/x\n")
        #expect(fromFeedsFile.line == 1)
        #expect(fromFeedsFile.message.contains("password_file="))
        #expect(!fromFeedsFile.description.contains("pw2"))
        let fromYAML = try loadError(yaml: "feeds:\n  - url: http://dave:pw2@wire.example.com/x\n")
        #expect(fromYAML.line == 2)
        #expect(fromYAML.message.contains("password_file:"))
        #expect(!fromYAML.description.contains("pw2"))
    }

    // MARK: - Messages

    @Test func configurationErrorsNeverEchoRawControlBytes() throws {
        let error = try loadError(yaml: "poll:\n  interval: \"\\e[2J\\u009B31m\\u202E5x\"\n")
        #expect(error.line == 2)
        let text = error.description
        #expect(
            !text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" }
        )
        #expect(text.contains("<U+001B>[2J<U+009B>31m<U+202E>5x"))
    }

    @Test func aFeedsFileThatIsNotUTF8NamesTheFirstBadLine() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/feeds.txt"
        var bytes = Array("https://a.example.com/one\nhttps://a.example.com/two\n".utf8)
        bytes += [0x68, 0x74, 0x74, 0x70, 0xE9, 0x0A] + Array("https://a.example.com/four\n\u{FF}".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: ConfigError.self) {
            try ConfigurationLoader.load(path: nil, extraFeedsFiles: [path])
        }
        #expect(error.line == 3)
        #expect(error.message == "is not UTF-8 text")
    }
}
