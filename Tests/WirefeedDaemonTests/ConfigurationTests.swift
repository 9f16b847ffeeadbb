// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedDaemon
import WirefeedFetch
import WirefeedTesting

struct ConfigurationTests {
    func temporaryFile(_ name: String, _ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wirefeed-config-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theCommentedExampleLoadsWithItsFeedsFile() throws {
        let configuration = try ConfigurationLoader.load(
            path: Fixtures.repositoryRoot.appendingPathComponent("Config/wirefeed.example.yaml").path
        )
        #expect(configuration.stateDirectory == "/var/lib/wirefeed")
        #expect(configuration.polling.interval == .seconds(300))
        #expect(configuration.http.limits.maximumBodySize == 16 * 1024 * 1024)
        #expect(configuration.outputFormats == ["json", "txt"])
        #expect(
            configuration.feeds.map(\.id) == [
                "wire-example-com-world-rss-xml", "wire-business", "partner", "wire-sport", "wire-culture",
            ]
        )
        #expect(configuration.feeds[1].interval == .seconds(120))
        #expect(configuration.feeds[1].headers == [HTTPHeader(name: "X-Client", value: "newsroom")])
        #expect(
            configuration.feeds[2].credentials
                == .basic(user: "newsroom", passwordFile: "/etc/wirefeed/partner.password")
        )
        #expect(configuration.feeds[3].interval == .seconds(120))
    }

    @Test func defaultsMatchTheDocumentation() {
        let configuration = WirefeedConfiguration()
        #expect(configuration.polling.minimumInterval == .seconds(60))
        #expect(configuration.polling.maximumInterval == .seconds(6 * 3600))
        #expect(configuration.polling.backoffCap == .seconds(6 * 3600))
        #expect(configuration.polling.retryAfterCap == .seconds(8 * 3600))
        #expect(configuration.http.maximumConcurrency == 32)
        #expect(configuration.http.maximumPerHost == 2)
        #expect(configuration.userAgent == "wirefeed/\(WirefeedVersion.current)")
        #expect(configuration.nearDuplicateWindow == .seconds(72 * 3600))
    }

    @Test func aNearDuplicateWindowOfZeroTurnsTheTierOff() throws {
        let path = try temporaryFile("wirefeed.yaml", "near_duplicate_window: 0\n")
        #expect(try ConfigurationLoader.load(path: path).nearDuplicateWindow == .zero)
        let hours = try temporaryFile("wirefeed.yaml", "near_duplicate_window: 24h\n")
        #expect(try ConfigurationLoader.load(path: hours).nearDuplicateWindow == .seconds(24 * 3600))
    }

    @Test(arguments: [
        ("poll:\n  interval: 5 minutes\n", 2, "is not a duration"),
        ("state_directory: /x\nspool_dir: /y\n", 2, "unknown key 'spool_dir'"),
        ("http:\n  max_per_host: 0\n", 2, "whole number from 1 to"),
        ("feeds:\n  - url: ftp://example.com/feed\n", 2, "not an http or https URL"),
        ("feeds:\n  - id: nourl\n", 2, "needs a url"),
        ("feeds:\n  - url: https://a.example.com/\n    user: x\n", 2, "needs both user and password_file"),
        ("poll: [1, 2\n", 2, "not valid YAML"),
        ("output_formats: [json, pdf]\n", 1, "unknown output format 'pdf'"),
        (
            "retention: 30d\nnear_duplicate_window: three days\n", 2,
            "near_duplicate_window: 'three days' is not a duration"
        ),
    ])
    func badConfigurationNamesFileAndLine(yaml: String, line: Int, message: String) throws {
        let path = try temporaryFile("wirefeed.yaml", yaml)
        let error = try #require(throws: ConfigError.self) { try ConfigurationLoader.load(path: path) }
        #expect(error.file == path)
        #expect(error.line == line, "\(error)")
        #expect(error.message.contains(message), "\(error)")
        #expect(error.description.hasPrefix("\(path):\(line): "))
    }

    @Test func feedsFileLinesAndTheirErrors() throws {
        let feeds = try FeedsFileParser.parse(
            """
            # comment line
            https://a.example.com/feed.xml   id=a interval=90s header=X-Key:v:w   # trailing comment

            https://b.example.com/rss token_file=/etc/wirefeed/b.token
            """,
            file: "feeds.txt"
        )
        #expect(feeds.map(\.id) == ["a", "b-example-com-rss"])
        #expect(feeds[0].interval == .seconds(90))
        #expect(feeds[0].headers == [HTTPHeader(name: "X-Key", value: "v:w")])
        #expect(feeds[1].credentials == .bearer(tokenFile: "/etc/wirefeed/b.token"))
        #expect(feeds[0].origin == "feeds.txt:2")

        for (text, line, message) in [
            ("https://a.example.com/\nhttps://b.example.com/ colour=red\n", 2, "unknown setting 'colour'"),
            ("\n\nnot-a-url\n", 3, "not an http or https URL"),
            ("https://a.example.com/ interval=soon\n", 1, "not a duration"),
            ("https://a.example.com/ id\n", 1, "not a key=value setting"),
        ] {
            let error = try #require(throws: ConfigError.self) { try FeedsFileParser.parse(text, file: "feeds.txt") }
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func duplicateIDsAreRefused() throws {
        let path = try temporaryFile("feeds.txt", "https://a.example.com/ id=same\nhttps://b.example.com/ id=same\n")
        let error = try #require(throws: ConfigError.self) {
            try ConfigurationLoader.load(path: nil, extraFeedsFiles: [path])
        }
        #expect(error.line == 2)
        #expect(error.message.contains("already used"))
    }

    @Test func aMissingFileIsNamed() {
        let error = #expect(throws: ConfigError.self) {
            try ConfigurationLoader.load(path: "/nonexistent/wirefeed.yaml")
        }
        #expect(error?.description == "/nonexistent/wirefeed.yaml: no such file")
    }

    @Test(arguments: [("90s", 90.0), ("5m", 300.0), ("2h", 7200.0), ("1d", 86400.0), ("250ms", 0.25), ("42", 42.0)])
    func durations(text: String, seconds: Double) {
        #expect(ConfigValueParsing.duration(text)?.seconds == seconds)
    }

    @Test(arguments: [("16MiB", 16 * 1024 * 1024), ("512KB", 512_000), ("2k", 2048), ("1000", 1000)])
    func sizes(text: String, bytes: Int) {
        #expect(ConfigValueParsing.size(text) == bytes)
    }
}
