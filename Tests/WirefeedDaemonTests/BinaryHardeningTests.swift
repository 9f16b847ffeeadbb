// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedTesting

/// The `wirefeed` executable itself: what an operator sees from `check`, a reload, `tail` and a
/// first `fetch`.
@Suite(.serialized, .enabled(if: WirefeedBinary.url != nil, "the wirefeed executable is not built: skipped"))
struct BinaryHardeningTests {
    struct Finished {
        var status: Int32
        var reason: Process.TerminationReason
        var standardOutput: String
        var standardError: String
    }

    func temporaryDirectory() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wirefeed-binary-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.path
    }

    /// Runs `/bin/sh -c script` with `$WIREFEED` set to the binary, and waits.
    func run(_ script: String, in directory: String) throws -> Finished {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["WIREFEED"] = WirefeedBinary.url!.path
        environment["RUNTIME_DIRECTORY"] = nil
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Finished(
            status: process.terminationStatus,
            reason: process.terminationReason,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }

    @Test(arguments: [
        ("http:\n  max_body_size: 99999999999999999999GiB\n", "wirefeed.yaml:2:"),
        ("poll:\n  interval: 999999999999999999s\n", "wirefeed.yaml:2:"),
        ("retention: 1e17s\n", "wirefeed.yaml:1:"),
        ("feeds_files: [feeds.txt]\n", "feeds.txt:1:"),
    ])
    func checkExitsWithUsageOnOutOfRangeValues(yaml: String, location: String) throws {
        let directory = try temporaryDirectory()
        try yaml.write(toFile: directory + "/wirefeed.yaml", atomically: true, encoding: .utf8)
        try "https://a.example.com/feed interval=1e30s\n".write(
            toFile: directory + "/feeds.txt",
            atomically: true,
            encoding: .utf8
        )
        let finished = try run("exec \"$WIREFEED\" check --config wirefeed.yaml", in: directory)
        #expect(finished.reason == .exit)
        #expect(finished.status == 64)
        #expect(finished.standardError.contains(location))
        #expect(finished.standardError.contains("out of range"))
    }

    @Test func aRefusedReloadKeepsTheDaemonRunningOnItsOldConfiguration() async throws {
        let directory = try temporaryDirectory()
        let good = "state_directory: \(directory)/state\nspool_directory: \(directory)/spool\n"
        let config = directory + "/wirefeed.yaml"
        try good.write(toFile: config, atomically: true, encoding: .utf8)
        let daemon = Process()
        daemon.executableURL = WirefeedBinary.url
        daemon.arguments = ["run", "--config", config]
        var environment = ProcessInfo.processInfo.environment
        environment["RUNTIME_DIRECTORY"] = nil
        environment["NOTIFY_SOCKET"] = nil
        daemon.environment = environment
        daemon.standardOutput = FileHandle.nullDevice
        let standardError = OutputWatcher()
        daemon.standardError = standardError.pipe
        try daemon.run()
        defer { if daemon.isRunning { daemon.terminate() } }
        // Logged once the signals are trapped and the PID file is written.
        #expect(await standardError.waitFor("wirefeed running"), "the daemon never became ready")
        for (number, bad) in [
            good + "http:\n  max_body_size: 99999999999999999999GiB\n",
            good + "poll:\n  interval: 999999999999999999s\n",
            good + "retention: 1e17s\n",
        ].enumerated() {
            try bad.write(toFile: config, atomically: true, encoding: .utf8)
            kill(daemon.processIdentifier, SIGHUP)
            #expect(
                await standardError.waitFor("configuration reload refused", count: number + 1),
                "the reload of \(bad) was not refused"
            )
            #expect(daemon.isRunning, "a reload of \(bad) ended the daemon")
        }
        daemon.terminate()
        daemon.waitUntilExit()
        #expect(daemon.terminationReason == .exit)
        #expect(daemon.terminationStatus == 0)
    }

    @Test func tailEscapesWhatCouldDriveTheTerminal() throws {
        let directory = try temporaryDirectory()
        let new = directory + "/spool/new"
        try FileManager.default.createDirectory(atPath: new, withIntermediateDirectories: true)
        let hostile = "Flash\u{9B}2J \u{1B}]0;owned\u{07} \u{202E}txet\u{2069} \u{7F}end\ttab\r"
        try (hostile + "\n\nBody line.\n").write(toFile: new + "/a.txt", atomically: true, encoding: .utf8)
        let ninjs =
            "{\"headlines\":[{\"value\":\"\(hostile.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\u{1B}", with: "\\u001b").replacingOccurrences(of: "\u{07}", with: "\\u0007").replacingOccurrences(of: "\u{7F}", with: "\\u007f"))\"}]}"
        try ninjs.write(toFile: new + "/a.json", atomically: true, encoding: .utf8)

        let text = try run("exec \"$WIREFEED\" tail --spool spool", in: directory)
        #expect(text.status == 0)
        #expect(!Self.hasUnsafe(text.standardOutput))
        #expect(
            text.standardOutput.contains(
                "Flash<U+009B>2J <U+001B>]0;owned<U+0007> <U+202E>txet<U+2069> <U+007F>end\ttab<U+000D>"
            )
        )
        #expect(text.standardOutput.contains("\n\nBody line.\n"))

        let json = try run("exec \"$WIREFEED\" tail --spool spool --format json", in: directory)
        #expect(json.status == 0)
        #expect(!Self.hasUnsafe(json.standardOutput))
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let headline = (object?["headlines"] as? [[String: Any]])?.first?["value"] as? String
        #expect(headline == hostile, "the escaped JSON holds the same value")
    }

    @Test func aStateFolderCreatedByTheCLIIsPrivateWhateverTheUmask() throws {
        let directory = try temporaryDirectory()
        try "http://127.0.0.1:9/feed.xml\n".write(toFile: directory + "/feeds.txt", atomically: true, encoding: .utf8)
        let finished = try run(
            "umask 000; exec \"$WIREFEED\" fetch --feeds-file feeds.txt --state state --spool spool",
            in: directory
        )
        #expect(finished.status == 0, "\(finished.standardError)")
        let folder = try FileManager.default.attributesOfItem(atPath: directory + "/state")
        let ledger = try FileManager.default.attributesOfItem(atPath: directory + "/state/ledger.sqlite")
        #expect((folder[.posixPermissions] as? Int) == 0o750)
        #expect((ledger[.posixPermissions] as? Int) == 0o640)
        for companion in ["-wal", "-shm"] {
            let path = directory + "/state/ledger.sqlite" + companion
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
            #expect(((attributes[.posixPermissions] as? Int ?? 0) & 0o007) == 0, "\(companion) is open to others")
        }
    }

    static func hasUnsafe(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0A, 0x09, 0x0C: return false
            case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
            default: return false
            }
        }
    }
}
