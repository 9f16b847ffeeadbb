// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedModel
import WirefeedNormalize
import WirefeedParse
import WirefeedTesting

/// Golden files of normalized output: `Tests/Fixtures/snapshots/<fixture>.json` holds the stories,
/// text and ninjs renderings of a representative set of fixtures. A missing golden file is recorded
/// (and the test fails, so that the new file is reviewed); `RECORD_SNAPSHOTS=1` records them all anew.
struct SnapshotTests {
    struct Snapshot: Codable, Equatable {
        var stories: [Story]
        var text: String
        var ninjs: [NinjsDocument]
    }

    @Test(arguments: [
        "rss20-full.xml", "rss091.xml", "rss10.rdf", "atom10.xml", "atom03.xml", "enc-koi8-r.xml",
        "quirk-html-entities.xml", "quirk-truncated.xml", "links-as-published.xml", "hostile-unsafe-links.xml",
        "quirk-terminal-controls.xml", "slug-scripts.xml",
    ])
    func normalizedOutputMatchesTheGoldenFile(fixture: String) throws {
        let stories = StoryNormalizer.normalize(try Fixtures.parse(fixture), feedID: "fixture")
        let snapshot = Snapshot(
            stories: stories,
            text: TextRenderer.render(stories),
            ninjs: ninjsDocuments(stories, feedID: "fixture")
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let actual = try encoder.encode(snapshot)
        let golden = Fixtures.snapshots.appendingPathComponent(fixture + ".json")
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? Data(contentsOf: golden) else {
            try FileManager.default.createDirectory(at: Fixtures.snapshots, withIntermediateDirectories: true)
            try (actual + Data("\n".utf8)).write(to: golden)
            Issue.record("Recorded \(golden.lastPathComponent); review it and run the tests again.")
            return
        }
        #expect(String(decoding: actual + Data("\n".utf8), as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }
}
