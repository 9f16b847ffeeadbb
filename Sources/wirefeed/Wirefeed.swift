// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import ArgumentParser
import Foundation
import WirefeedParse

@main
struct Wirefeed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wirefeed",
        abstract: "Wire-feed ingestion: read RSS and Atom feeds into normalized stories.",
        version: "0.1.0",
        subcommands: [ParseCommand.self, RenderCommand.self]
    )

    static func main() {
        LibXML2.initialize()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            failure.report()
            Foundation.exit(failure.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
