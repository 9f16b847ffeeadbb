// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import Logging
import ServiceLifecycle
import UnixSignals
import WirefeedDaemon

/// `wirefeed run`: the daemon, in the foreground (systemd's `Type=notify`, or a terminal).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: poll on schedule into the spool until SIGTERM or SIGINT.",
        discussion: """
            SIGUSR1 (or `wirefeed trigger`) polls every enabled feed now; SIGHUP reloads the \
            configuration (an invalid one is refused and the old one keeps running); SIGTERM and \
            SIGINT stop cleanly. Under systemd it reports readiness, status and watchdog keep-alives \
            on $NOTIFY_SOCKET. Exits 64 when the configuration is invalid at start.
            """
    )

    @OptionGroup var options: DaemonOptions

    func run() async throws {
        _ = try options.loadConfiguration()  // an invalid configuration exits 64 before anything starts
        let logger = Logger(label: "wirefeed")
        let options = self.options
        let service = WirefeedService(loadConfiguration: { try options.configuration() }, logger: logger)
        let group = ServiceGroup(services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await group.run()
    }
}
