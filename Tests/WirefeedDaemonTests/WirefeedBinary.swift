// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing

/// The `wirefeed` executable built beside the test bundle.
enum WirefeedBinary {
    static let url: URL? = {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("wirefeed")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    /// Starts the executable with its output discarded.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs the executable to its end: its exit status, standard output and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: [UInt8], error: String) {
        let url: URL = try #require(url, "the wirefeed executable is built with the tests")
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        let message = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, [UInt8](bytes), String(decoding: message, as: UTF8.self))
    }

    /// ``run(_:)`` with standard output as text.
    static func runForText(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let result = try run(arguments)
        return (result.status, String(decoding: result.output, as: UTF8.self), result.error)
    }
}
