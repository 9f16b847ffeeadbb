// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import WirefeedDaemon

/// `wirefeed check`: validates the configuration and the feeds files without fetching.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration and its feeds files without fetching; exit 64 when invalid."
    )

    @OptionGroup var options: DaemonOptions

    func run() throws {
        let configuration = try options.loadConfiguration()
        print(
            "ok: \(configuration.feeds.count) feeds; state in \(configuration.stateDirectory), spool in \(configuration.spoolDirectory)"
        )
    }
}
