// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedDaemon
import WirefeedTesting

/// `Config/wirefeed.example.yaml`, the loader and `docs/configuration.md` cannot drift apart: every
/// key of the example (its commented-out ones included) is one the loader accepts and one the
/// document describes, and every key the document describes is in the example.
struct ConfigurationDocumentationTests {
    static let example = Fixtures.repositoryRoot.appendingPathComponent("Config/wirefeed.example.yaml")
    static let document = Fixtures.repositoryRoot.appendingPathComponent("docs/configuration.md")

    @Test func theExampleWithEveryCommentedKeyEnabledLoads() throws {
        let text = try String(contentsOf: Self.example, encoding: .utf8)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wirefeed-example-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let feeds = Fixtures.repositoryRoot.appendingPathComponent("Config/feeds.txt")
        try FileManager.default.copyItem(at: feeds, to: directory.appendingPathComponent("feeds.txt"))
        let path = directory.appendingPathComponent("wirefeed.yaml").path
        try ExampleKeys.uncommented(text).write(toFile: path, atomically: true, encoding: .utf8)
        let configuration = try ConfigurationLoader.load(path: path)
        #expect(configuration.metricsFile != nil, "the commented-out keys were enabled")
    }

    @Test func everyKeyOfTheExampleIsDocumented() throws {
        let keys = ExampleKeys.keys(in: try String(contentsOf: Self.example, encoding: .utf8))
        #expect(keys.count > 25, "found \(keys.sorted())")
        let documented = ExampleKeys.documentedKeys(in: try String(contentsOf: Self.document, encoding: .utf8))
        let missing = keys.subtracting(documented).sorted()
        #expect(missing.isEmpty, "docs/configuration.md does not describe \(missing)")
    }

    @Test func everyDocumentedKeyIsInTheExample() throws {
        let keys = ExampleKeys.keys(in: try String(contentsOf: Self.example, encoding: .utf8))
        let documented = ExampleKeys.documentedKeys(in: try String(contentsOf: Self.document, encoding: .utf8))
        let unknown = documented.subtracting(keys).sorted()
        #expect(unknown.isEmpty, "docs/configuration.md describes \(unknown), which the example lacks")
    }
}

/// The keys of the example YAML, by their dotted names (`poll.interval`, `feeds.url`), read from
/// its text so that the commented-out ones count too.
enum ExampleKeys {
    /// A line `key: value` or `- key: value`, optionally commented out, with its indentation.
    private static func entry(_ line: Substring) -> (indent: Int, key: String)? {
        var rest = line.drop { $0 == " " }
        var indent = line.count - rest.count
        if rest.hasPrefix("# ") {
            rest = rest.dropFirst(2)
            let spaces = rest.prefix { $0 == " " }.count
            rest = rest.dropFirst(spaces)
            indent += spaces  // a commented-out key stands where its "#" stands
        }
        if rest.hasPrefix("- ") {
            rest = rest.dropFirst(2)
            indent += 2
        }
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let key = rest[..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isLowercase || $0 == "_" }) else { return nil }
        let after = rest[rest.index(after: colon)...]
        guard after.isEmpty || after.hasPrefix(" ") else { return nil }  // not a URL's scheme
        return (indent, String(key))
    }

    static func keys(in yaml: String) -> Set<String> {
        var keys: Set<String> = []
        var parents: [(indent: Int, key: String)] = []
        for line in yaml.split(separator: "\n") {
            guard let (indent, key) = entry(line) else { continue }
            while let last = parents.last, last.indent >= indent { parents.removeLast() }
            // Header names under a feed's `headers:` are the publisher's, not keys.
            if parents.last?.key == "headers" { continue }
            keys.insert((parents.map(\.key) + [key]).joined(separator: "."))
            parents.append((indent, key))
        }
        return keys
    }

    /// The example with every commented-out `key: value` line enabled.
    static func uncommented(_ yaml: String) -> String {
        yaml.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let body = line.drop { $0 == " " }
            guard body.hasPrefix("# "), entry(line) != nil else { return String(line) }
            return String(line.prefix(line.count - body.count)) + String(body.dropFirst(2))
        }.joined(separator: "\n")
    }

    /// Keys the document lists as `` - `name` `` lines.
    static func documentedKeys(in markdown: String) -> Set<String> {
        var keys: Set<String> = []
        for line in markdown.split(separator: "\n") where line.hasPrefix("- `") {
            let name = line.dropFirst(3).prefix { $0 != "`" }
            if name.allSatisfy({ $0.isLowercase || $0 == "_" || $0 == "." }) { keys.insert(String(name)) }
        }
        return keys
    }
}
