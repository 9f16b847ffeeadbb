// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// Validates ninjs objects against the official IPTC schema (`../shared/schemas/ninjs-schema_2.1.json`)
/// with Python's `jsonschema`, format checking on.
public enum NinjsValidator {
    public static let schema = Fixtures.shared.appendingPathComponent("schemas/ninjs-schema_2.1.json")
    static let script = Fixtures.repositoryRoot.appendingPathComponent("Tests/Fixtures/validate_ninjs.py")

    /// Whether the schema and `python3` with `jsonschema` are here.
    public static let available: Bool = {
        guard FileManager.default.fileExists(atPath: schema.path) else { return false }
        return (try? run(["-c", "import jsonschema"], input: Data()).status) == 0
    }()

    /// Validates JSON lines; the output ends with "N valid, M invalid".
    public static func validate(lines: Data) throws -> (status: Int32, output: String) {
        try run([script.path, schema.path], input: lines)
    }

    /// Validates files, one object each.
    public static func validate(files: [String]) throws -> (status: Int32, output: String) {
        try run([script.path, schema.path] + files, input: Data())
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
