// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import Foundation
import WirefeedDaemon
import WirefeedLedger

/// `wirefeed status`: every feed's health and story counts, from the ledger.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract:
            "Per feed: last success, last HTTP status, consecutive errors, next poll, disabled reason, stories total and today."
    )

    @Option(help: "The YAML configuration file (for the state directory and the feed list).")
    var config: String?

    @Option(help: "The state directory (default: the configuration's, or ./wirefeed-state).")
    var state: String?

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Print the Prometheus text format.")
    var prometheus = false

    func run() throws {
        let configuration = try WirefeedConfiguration.forReading(path: config)
        let directory = state ?? configuration.stateDirectory
        guard FileManager.default.fileExists(atPath: directory + "/ledger.sqlite") else {
            throw CommandFailure(
                exitCode: CommandFailure.missingInput,
                message: "\(directory): no ledger here yet (nothing was fetched)."
            )
        }
        do {
            let report = try StatusReport.read(from: try Ledger(directory: directory), configured: configuration.feeds)
            if json {
                var data = try report.json()
                data.append(0x0A)
                try StandardOutput.write(data)
            } else if prometheus {
                try StandardOutput.write(Data(report.prometheus().utf8))
            } else {
                try StandardOutput.write(Data(report.text().utf8))
            }
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(exitCode: CommandFailure.ioError, message: "\(error)")
        }
    }
}
