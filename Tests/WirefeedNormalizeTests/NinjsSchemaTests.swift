// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedNormalize
import WirefeedParse
import WirefeedTesting

/// Every ninjs object wirefeed writes for the fixtures validates against the official IPTC schema,
/// checked by Python's `jsonschema` (with format checking) when the schema and the package are here.
@Suite(.enabled(if: NinjsSchema.available, "../shared/schemas/ninjs-schema_2.1.json or python3 with jsonschema is missing: skipped"))
struct NinjsSchemaTests {
    @Test func everyFixtureStoryValidates() throws {
        var lines = Data()
        var count = 0
        for name in try Fixtures.feedNames() {
            guard let feed = try? Fixtures.parse(name) else { continue }
            for story in StoryNormalizer.normalize(feed, feedID: "fixture", feedURL: "https://fixtures.example.com/\(name)") {
                lines.append(try NinjsDocument(story: story).jsonData())
                lines.append(0x0A)
                count += 1
            }
        }
        #expect(count > 30)
        let result = try NinjsSchema.validate(lines)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("\(count) valid"))
    }
}

enum NinjsSchema {
    static let schema = Fixtures.shared.appendingPathComponent("schemas/ninjs-schema_2.1.json")
    static let validator = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/validate_ninjs.py")

    static var available: Bool {
        guard FileManager.default.fileExists(atPath: schema.path) else { return false }
        return (try? run(["-c", "import jsonschema"], input: Data()).status) == 0
    }

    static func validate(_ lines: Data) throws -> (status: Int32, output: String) {
        try run([validator.path, schema.path], input: lines)
    }

    private static func run(_ arguments: [String], input: Data) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
