// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import Foundation
import Logging
import WirefeedDaemon
import WirefeedFetch
import WirefeedParse

@main
struct Wirefeed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wirefeed",
        abstract:
            "Wire-feed ingestion daemon: polls RSS and Atom feeds into a spool of normalized stories, each exactly once.",
        version: "\(WirefeedVersion.current) (\(MemoryAllocator.description))",
        subcommands: [
            RunCommand.self, FetchCommand.self, TriggerCommand.self, TailCommand.self, StatusCommand.self,
            CheckCommand.self, ParseCommand.self, RenderCommand.self, ArchiveCommand.self, ReplayCommand.self,
        ]
    )

    static func main() async {
        LibXML2.initialize()
        signal(SIGPIPE, SIG_IGN)  // libcurl runs with CURLOPT_NOSIGNAL
        LoggingSystem.bootstrap { KeyValueLogHandler(label: $0) }
        do {
            try CurlGlobal.initialize()
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            failure.report()
            Foundation.exit(failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }  // --help, --version
            // One readable line, and the sysexits code (64 for a usage error).
            let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            FileHandle.standardError.write(Data("wirefeed: \(message) (see 'wirefeed --help')\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }
}
