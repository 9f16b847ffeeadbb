// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import Foundation
import WirefeedDaemon

/// `wirefeed trigger`: asks the running daemon to poll every feed now (SIGUSR1).
struct TriggerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trigger",
        abstract: "Ask the running daemon to poll every enabled feed now (sends SIGUSR1).",
        discussion: "Under systemd the same is `systemctl kill -s USR1 wirefeed`."
    )

    @Option(help: "The state directory the daemon runs with; its pid file is read there.")
    var state: String?

    @Option(help: "The pid file to read. Without it or --state: /run/wirefeed, then ./wirefeed-state.")
    var pidFile: String?

    func run() throws {
        // What the operator names wins: a demo's --state must not signal the system's daemon.
        let candidates: [String]
        if let pidFile {
            candidates = [pidFile]
        } else if let state {
            candidates = [WirefeedService.pidFilePath(stateDirectory: state, environment: [:])]
        } else {
            candidates = [
                "/run/wirefeed/wirefeed.pid",
                WirefeedService.pidFilePath(stateDirectory: "wirefeed-state", environment: [:]),
            ]
        }
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw CommandFailure(
                exitCode: CommandFailure.missingInput,
                message:
                    "no wirefeed pid file (looked at \(candidates.joined(separator: ", "))): is the daemon running?"
            )
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1
        else {
            throw CommandFailure(exitCode: CommandFailure.badData, message: "\(path): not a pid file.")
        }
        guard kill(pid, SIGUSR1) == 0 else {
            throw CommandFailure(
                exitCode: CommandFailure.ioError,
                message: "cannot signal process \(pid) from \(path): \(String(cString: strerror(errno)))."
            )
        }
        print("asked wirefeed (pid \(pid)) to fetch now")
    }
}
