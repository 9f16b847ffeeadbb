// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedParse
import WirefeedTesting

enum RealWorldCorpus {
    static let folder = Fixtures.shared.appendingPathComponent("corpus/real")
    static let exists = FileManager.default.fileExists(atPath: folder.appendingPathComponent("MANIFEST.tsv").path)
}

/// Parses every feed of `../shared/corpus/real` (395 real feeds from public test suites), when that
/// folder exists. None may crash or hang; every feed not marked malformed must yield all its items,
/// each with a title or a link. Counts are printed per folder.
@Suite(.enabled(if: RealWorldCorpus.exists, "../shared/corpus/real is not beside this checkout: skipped"))
struct RealWorldCorpusTests {
    static let corpus = RealWorldCorpus.folder

    struct Entry {
        var path: String
        var format: String
        var notes: String
        var folder: String { String(path.split(separator: "/").first ?? "") }
        var isMalformed: Bool { folder == "malformed" || notes.contains("malformed:") }
    }

    static func entries() throws -> [Entry] {
        let manifest = try String(contentsOf: corpus.appendingPathComponent("MANIFEST.tsv"), encoding: .utf8)
        return manifest.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 8 else { return nil }
            return Entry(path: columns[0], format: columns[4], notes: columns[7])
        }
    }

    @Test func everyRealFeedParses() throws {
        let entries = try Self.entries()
        #expect(entries.count >= 390)
        var report: [String: (files: Int, parsed: Int, items: Int, refused: Int)] = [:]
        for entry in entries {
            let bytes = [UInt8](try Data(contentsOf: Self.corpus.appendingPathComponent(entry.path)))
            var counts = report[entry.folder] ?? (0, 0, 0, 0)
            counts.files += 1
            defer { report[entry.folder] = counts }
            let feed: ParsedFeed
            do {
                feed = try FeedParser.parse(bytes)
            } catch let error as ParseError {
                counts.refused += 1
                #expect(entry.isMalformed || entry.format == "other", "\(entry.path): \(error)")
                continue
            }
            counts.parsed += 1
            counts.items += feed.items.count
            guard !entry.isMalformed else { continue }
            let expected = Self.countItemElements(bytes)
            #expect(
                feed.items.count == expected,
                "\(entry.path): \(feed.items.count) items, the document has \(expected)"
            )
            for (index, item) in feed.items.enumerated() {
                let hasTitle = !(item.title?.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true)
                #expect(
                    hasTitle || !item.links.isEmpty || item.id != nil || item.summary != nil,
                    "\(entry.path): item \(index) has neither title nor link"
                )
            }
        }
        for (folder, counts) in report.sorted(by: { $0.key < $1.key }) {
            print(
                "corpus \(folder): \(counts.files) files, \(counts.parsed) parsed, \(counts.refused) refused, \(counts.items) items"
            )
        }
    }

    /// Counts `<item>` and `<entry>` start tags outside CDATA sections and comments: an independent
    /// count of what the parser must find.
    static func countItemElements(_ bytes: [UInt8]) -> Int {
        var text: String
        if bytes.starts(with: [0xFF, 0xFE]) || (bytes.count > 1 && bytes[1] == 0 && bytes[0] != 0) {
            text = String(
                decoding: stride(from: 0, to: bytes.count - 1, by: 2).map {
                    UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8
                },
                as: UTF16.self
            )
        } else if bytes.starts(with: [0xFE, 0xFF]) || (bytes.count > 1 && bytes[0] == 0) {
            text = String(
                decoding: stride(from: 0, to: bytes.count - 1, by: 2).map {
                    UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1])
                },
                as: UTF16.self
            )
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        text = text.replacing(#/<!\[CDATA\[(?s:.*?)\]\]>/#, with: "").replacing(#/<!--(?s:.*?)-->/#, with: "")
        // An empty `<item/>` holds nothing to yield.
        return text.matches(of: #/<(?:[A-Za-z0-9_]+:)?(?:item|entry)(?:>|\s[^>]*>)/#).filter {
            !$0.output.hasSuffix("/>")
        }.count
    }
}
