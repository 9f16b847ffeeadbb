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

    @Option(help: "The state directory the daemon runs with (its pid file is there unless /run/wirefeed has it).")
    var state: String?

    @Option(help: "The pid file to read.")
    var pidFile: String?

    func run() throws {
        let candidates = [
            pidFile, "/run/wirefeed/wirefeed.pid",
            WirefeedService.pidFilePath(stateDirectory: state ?? "wirefeed-state", environment: [:]),
        ]
        .compactMap { $0 }
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
