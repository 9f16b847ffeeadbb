// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import WirefeedDaemon

/// The options of the commands that run the pipeline: a configuration file, or just feeds and
/// folders, so that a newcomer can start from a list of URLs.
struct DaemonOptions: ParsableArguments {
    @Option(help: "The YAML configuration file.")
    var config: String?

    @Option(
        name: [.customLong("feeds-file"), .customLong("urls")],
        help: "A plain feeds file: one URL per line, then optional key=value settings (repeatable)."
    )
    var feedsFile: [String] = []

    @Option(help: "The spool directory (overrides the configuration).")
    var spool: String?

    @Option(help: "The state directory (overrides the configuration).")
    var state: String?

    /// The configuration, with the overrides applied; errors become exit 64 with `FILE:LINE: …`.
    func loadConfiguration() throws -> WirefeedConfiguration {
        do {
            return try configuration()
        } catch let error as ConfigError {
            throw CommandFailure(exitCode: CommandFailure.usage, message: "\(error)")
        }
    }

    /// The configuration, with the overrides applied.
    /// - Throws: ``ConfigError``, naming the file and the line.
    func configuration() throws -> WirefeedConfiguration {
        do {
            var configuration = try ConfigurationLoader.load(path: config, extraFeedsFiles: feedsFile)
            if config == nil {
                // Without a configuration file, state and spool live in the current folder.
                configuration.stateDirectory = "wirefeed-state"
                configuration.spoolDirectory = "wirefeed-spool"
            }
            if let spool { configuration.spoolDirectory = spool }
            if let state { configuration.stateDirectory = state }
            return configuration
        }
    }
}
