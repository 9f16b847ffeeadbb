// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedNormalize
import WirefeedParse
import WirefeedTesting

/// Every ninjs object wirefeed writes for the fixtures validates against the official IPTC schema,
/// checked by Python's `jsonschema` (with format checking) when the schema and the package are here.
@Suite(
    .enabled(
        if: NinjsValidator.available,
        "../shared/schemas/ninjs-schema_2.1.json or python3 with jsonschema is missing: skipped"
    )
)
struct NinjsSchemaTests {
    @Test func everyFixtureStoryValidates() throws {
        var lines = Data()
        var count = 0
        for name in try Fixtures.feedNames() {
            guard let feed = try? Fixtures.parse(name) else { continue }
            let stories = StoryNormalizer.normalize(
                feed,
                feedID: "fixture",
                feedURL: "https://fixtures.example.com/\(name)"
            )
            for document in ninjsDocuments(stories, feedID: "fixture", feedLink: feed.homePageURL) {
                lines.append(try document.jsonData())
                lines.append(0x0A)
                count += 1
            }
        }
        #expect(count > 30)
        let result = try NinjsValidator.validate(lines: lines)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\(count) valid"))
    }
}
